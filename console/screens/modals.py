"""Small dialogs: a reason to type, a yes/no to confirm, a walk-in request form."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList
from textual.widgets.option_list import Option

from data.checkin import WalkIn

from ..i18n import t
from ..keys import translate_bindings


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
            yield Label(self.question)
            yield Input(placeholder=self.placeholder, id="answer")

    @on(Input.Submitted, "#answer")
    def accept(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A yes/no question for actions a mistake would make costly.

    ``y`` answers yes; ``n``, Escape and Enter answer no. The No button has the focus, so a
    stray Enter (a scanner's, or a habit) never revokes a badge or reopens an item: yes takes
    a deliberate ``y`` (or a click on Yes).
    """

    BINDINGS = [("y", "answer(True)", "key.yes"), ("n,escape", "answer(False)", "key.no")]

    def __init__(self, question: str) -> None:
        super().__init__(classes="dialog")
        translate_bindings(self)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(self.question)
            with Horizontal(classes="buttons"):
                yield Button(t("key.yes"), variant="error", id="yes")
                yield Button(t("key.no"), variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


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
                yield Checkbox(t("walkin.substitute", name=self.substitute_for), id="substitute")
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
                    Option(
                        f"{w.id:>3}  {w.name} · {w.unit or '—'} · {w.reason or '—'} ({w.desk})",
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
