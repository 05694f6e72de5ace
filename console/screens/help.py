"""The help screen (``?``): every key of the screen on view, then the keys of every screen.

The footer of an 80-column desk has room for the screen keys and a few of this screen's; the
rest are listed here and in the command palette (ctrl+p).
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..i18n import t
from ..keys import ours


def keys_text(screen: Screen[object]) -> Text:
    """``key  what it does`` for each binding of ``screen``, then the app's, as one Text."""
    app = screen.app
    text = Text()
    text.append(t("help.this_screen") + "\n", style="bold")
    for node in (screen, app):
        if node is app:
            text.append("\n" + t("help.everywhere") + "\n", style="bold")
        seen: set[str] = set()
        for bindings in node._bindings.key_to_bindings.values():
            for b in bindings:
                if not ours(b) or b.action in seen:
                    continue
                seen.add(b.action)
                text.append(f"  {app.get_key_display(b):>10}  ", style="bold")
                text.append(b.description + "\n")
    text.append(f"  {'ctrl+p':>10}  ", style="bold")
    text.append(t("help.palette") + "\n")
    return text


class HelpScreen(ModalScreen[None]):
    """The keys of the screen below; any key closes it."""

    def __init__(self, below: Screen[object]) -> None:
        super().__init__(classes="dialog")
        self.below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="box"):
            yield Static(t("help.title"), classes="title", markup=False)
            yield Static(keys_text(self.below), id="keys")
            yield Static(t("help.close"), markup=False)

    def on_key(self, event: events.Key) -> None:
        if event.key not in ("up", "down", "pageup", "pagedown"):
            event.stop()
            self.dismiss()
