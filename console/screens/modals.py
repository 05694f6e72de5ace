"""Small dialogs: a reason to type, a yes/no to confirm, a walk-in request form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Input, Label, OptionList
from textual.widgets.option_list import Option

from data.checkin import Verdict, WalkIn
from data.delegates import Delegate

from ..i18n import t
from ..keys import translate_bindings
from ..widgets.verdict import VerdictPanel

if TYPE_CHECKING:
    from ..app import DaihoiApp

VERDICT_SECONDS = 8
"""How long a verdict stays over a screen that is not the reception desk."""


class AskText(ModalScreen[str | None]):
    """Ask one line of text (a reason); Enter accepts, Escape cancels."""

    BINDINGS = [("escape", "cancel", "key.cancel")]

    def __init__(self, question: str, *, placeholder: str = "") -> None:
        super().__init__(classes="dialog")
        translate_bindings(self)
        self.question = question
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(self.question, markup=False)
            yield Input(placeholder=self.placeholder, id="answer")

    @on(Input.Submitted, "#answer")
    def accept(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A yes/no question for actions a mistake would make costly.

    The dialog shows its language's keys, ``C`` (Có) / ``K`` (Không) in Vietnamese, ``Y`` / ``N``
    in English (both pairs work), and says that Enter answers no. The No button has the
    focus, so a stray Enter (a habit) never revokes a badge or reopens an item: yes takes a
    deliberate key (or a click on Yes). Any no says the action was cancelled.
    """

    BINDINGS = [Binding("escape", "answer(False)", "key.no", show=False)]

    def __init__(self, question: str) -> None:
        super().__init__(classes="dialog")
        translate_bindings(self)
        self.question = question
        # Both languages' keys work (a y in a Vietnamese dialog still means yes); the dialog
        # shows its own language's.
        self._bindings.bind("c,y", "answer(True)", t("key.yes"))
        self._bindings.bind("k,n", "answer(False)", t("key.no"))

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(self.question, markup=False, id="question")
            yield Label(t("confirm.keys"), markup=False, id="keys")
            with Horizontal(classes="buttons"):
                yield Button(t("confirm.yes_button"), variant="error", id="yes")
                yield Button(t("confirm.no_button"), variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        if not yes:
            self.app.notify(t("confirm.cancelled"))
        self.dismiss(yes)


async def confirm_admit(app: DaihoiApp, delegate: Delegate) -> bool:
    """Ask before admitting a delegate picked by name: who exactly (namesakes differ by unit,
    delegation and birth year), so the right one of two "Nguyễn Thị Mai Hoa" is admitted."""
    question = t(
        "reception.admit_question",
        name=delegate.name,
        unit=delegate.unit or "—",
        delegation=delegate.delegation or "—",
        born=delegate.birth_year or "—",
    )
    yes: bool = await app.push_screen_wait(Confirm(question))
    return yes


@dataclass(frozen=True)
class WalkInForm:
    """What the desk typed about a person who is not on the list."""

    name: str
    unit: str
    reason: str
    substitute: bool
    """True when the person replaces the delegate highlighted at the desk."""


class AskWalkIn(ModalScreen[WalkInForm | None]):
    """The walk-in / substitute request form. Tab moves between fields, Enter on the last sends."""

    BINDINGS = [("escape", "cancel", "key.cancel")]

    def __init__(self, substitute_for: str | None) -> None:
        super().__init__(classes="dialog")
        translate_bindings(self)
        self.substitute_for = substitute_for

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(t("walkin.title"))
            yield Input(placeholder=t("walkin.name"), id="name")
            yield Input(placeholder=t("walkin.unit"), id="unit")
            if self.substitute_for:
                # The name is the list's: Text, so "[b]" in it prints as written.
                label = Text(t("walkin.substitute", name=self.substitute_for))
                yield Checkbox(label, id="substitute")
            yield Input(placeholder=t("walkin.reason"), id="reason")

    @on(Input.Submitted, "#reason")
    def send(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.notify(t("walkin.no_name"), severity="error")
            self.query_one("#name", Input).focus()
            return
        boxes = self.query("#substitute")
        self.dismiss(
            WalkInForm(
                name=name,
                unit=self.query_one("#unit", Input).value,
                reason=self.query_one("#reason", Input).value,
                substitute=bool(boxes) and self.query_one("#substitute", Checkbox).value,
            )
        )

    @on(Input.Submitted, "#name, #unit")
    def next_field(self) -> None:
        self.focus_next()

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickWalkIn(ModalScreen[tuple[int, bool] | None]):
    """The organizers' list of waiting walk-in requests: Enter approves, X rejects, Esc closes.

    Dismisses with ``(request id, approve?)``; the caller has already asked the organizer PIN.
    """

    BINDINGS = [("escape", "cancel", "key.cancel"), ("x", "reject", "key.reject")]

    def __init__(self, requests: list[WalkIn]) -> None:
        super().__init__(classes="dialog")
        translate_bindings(self)
        self.requests = requests

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(t("walkin.pick_title"))
            yield OptionList(
                *[
                    Option(  # typed at a desk: Text, never markup ("Khối [b]giáo dục[/b]")
                        Text(
                            f"{w.id:>3}  {w.name} · {w.unit or '—'} · {w.reason or '—'} ({w.desk})"
                        ),
                        id=str(w.id),
                    )
                    for w in self.requests
                ],
                id="requests",
            )

    @on(OptionList.OptionSelected, "#requests")
    def approve(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((int(event.option.id or 0), True))

    def action_reject(self) -> None:
        options = self.query_one("#requests", OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            self.dismiss((int(option.id or 0), False))

    def action_cancel(self) -> None:
        self.dismiss(None)


class Stopped(ModalScreen[None]):
    """The desk has stopped writing (its ``-wal`` file vanished): says so over every screen.

    Nothing dismisses it: a desk that goes on scanning would show "admitted" for rows nobody
    will ever see. Only quitting (ctrl+q) leaves it, after the organizers have read it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(classes="dialog stopped")
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(self.message, markup=False, id="stopped")


class ScanVerdict(ModalScreen[None]):
    """A badge scanned on the delegates, ceremony or dashboard screen: the check-in's verdict,
    over the screen, for a few seconds. Any key or click closes it and does nothing else, so a
    key meant for the screen below (``p`` on F4) never acts on a verdict nobody read."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(classes="dialog scan-verdict")
        self.verdict = verdict
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield VerdictPanel(id="verdict")
            yield Label(t("scan.overlay_hint"), id="hint")

    def on_mount(self) -> None:
        self.show(self.verdict)

    def show(self, verdict: Verdict) -> None:
        """Show ``verdict`` (a later scan replaces the earlier one) and restart the timer."""
        self.verdict = verdict
        self.query_one(VerdictPanel).show(verdict)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(VERDICT_SECONDS, self._close)

    def _close(self) -> None:
        if self.is_current:
            self.dismiss()

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.dismiss()

    def on_click(self) -> None:
        self.dismiss()


class AskDeskName(ModalScreen[str]):
    """The first start of the console on this computer: what is this desk called? Verdicts on
    every desk say where a delegate checked in ("đã điểm danh lúc 08:12 tại Bàn cửa Đông"), so
    the name is asked, tidied and refused like ``--desk``, and remembered for the next start."""

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(t("desk.ask"), markup=False)
            yield Input(placeholder=t("pin.desk_name"), id="desk")
            yield Label("", id="error", markup=False)

    @on(Input.Submitted, "#desk")
    def chosen(self, event: Input.Submitted) -> None:
        from data.errors import DaihoiError
        from data.store import desk_name

        from ..i18n import render

        try:
            self.dismiss(desk_name(event.value))
        except DaihoiError as exc:
            self.query_one("#error", Label).update(render(exc))
