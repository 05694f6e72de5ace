"""The delegates screen: the approved list with live search, for organizers and reception."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Input, Static

from ..i18n import t
from ..keys import translate_bindings
from ..widgets.delegate_table import DelegateTable
from ..widgets.search_field import SearchField
from .base import LiveScreen


class DelegatesScreen(LiveScreen):
    """Type to search (accents optional, any word order, initials); the list follows."""

    CSS_PATH = "delegates.tcss"
    SCANS = "overlay"
    """A badge scanned here is checked in, the verdict shown over the screen."""
    BINDINGS = [("escape", "clear", "key.clear")]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchField(placeholder=t("delegates.placeholder"), id="search")
        yield Static(id="count")
        yield DelegateTable(id="list")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.follow_event()
        self.query_one("#search", Input).focus()

    @on(Input.Changed, "#search")
    def repaint(self) -> None:
        """The list for what is typed, with each delegate's arrival as it stands now."""
        query = self.query_one("#search", Input).value
        found, total = self.app.search(query, limit=200)
        self.query_one(DelegateTable).show(found)
        self.query_one("#count", Static).update(t("delegates.found", shown=len(found), total=total))

    def action_clear(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        search.focus()

    def on_key(self, event: events.Key) -> None:
        """A letter typed in the list (after Tab or arrows) searches again: back to the field."""
        if self.focused is self.query_one(DelegateTable) and event.is_printable and event.character:
            search = self.query_one("#search", Input)
            search.focus()
            search.insert_text_at_cursor(event.character)
            event.stop()
