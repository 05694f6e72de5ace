"""Small dialogs: a reason to type, a yes/no to confirm, a walk-in request form."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label

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
    """A yes/no question for actions a mistake would make costly. ``y``/Enter yes, ``n``/Esc no."""

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
