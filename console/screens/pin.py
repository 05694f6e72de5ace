"""PIN gates: the desk PIN before a browser on the LAN sees any delegate, the organizer PIN
before an organizer action (undo another desk's check-in, approve, reprint, re-import, merge)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Header, Input, Label

from data import pins

from ..i18n import t
from ..keys import translate_bindings
from .base import DeskModal, DeskScreen


class DeskPinScreen(DeskScreen[str]):
    """Shown instead of everything else until the desk PIN is typed; dismisses with the desk name."""

    def __init__(self, desk: str) -> None:
        super().__init__(classes="dialog")
        self.desk = desk

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(classes="box"):
            yield Label(t("pin.desk_prompt"))
            yield Input(value=self.desk, placeholder=t("pin.desk_name"), id="desk")
            yield Input(password=True, placeholder=t("pin.placeholder"), id="pin")
            yield Label("", id="error")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#desk")
    def to_pin(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    def check(self, event: Input.Submitted) -> None:
        if pins.check_pin(self.app.event, "desk", event.value):
            self.dismiss(self.query_one("#desk", Input).value.strip() or self.desk)
            return
        event.input.value = ""
        self.query_one("#error", Label).update(t("pin.wrong"))


class OrganizerPin(DeskModal[bool]):
    """Asks the organizer PIN; dismisses True when right, False on Escape."""

    BINDINGS = [("escape", "cancel", "key.cancel")]

    def __init__(self, action: str) -> None:
        super().__init__(classes="dialog")
        translate_bindings(self)
        self.action = action

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(t("pin.organizer_prompt", action=self.action))
            yield Input(password=True, placeholder=t("pin.placeholder"), id="pin")
            yield Label("", id="error")

    @on(Input.Submitted, "#pin")
    def check(self, event: Input.Submitted) -> None:
        if pins.check_pin(self.app.event, "organizer", event.value):
            self.dismiss(True)
            return
        event.input.value = ""
        self.query_one("#error", Label).update(t("pin.wrong"))

    def action_cancel(self) -> None:
        self.dismiss(False)
