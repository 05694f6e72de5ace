"""Matching honours recipients on screen: what ``daihoi honours match`` does, by picking.

The importer matches a recipient to the delegate list only when it is sure (the list's id, or
name and unit pointing at one delegate, :mod:`programme.honours.matching`); the others wait
for the organizers. This screen lists them (:func:`programme.honours.unresolved`); for the one
highlighted it offers its candidates, any delegate found by typing a few letters of a name
(the desk's search, accents optional), or "not a delegate". Picking one records the
organizers' decision (:func:`programme.honours.match`, journaled) after the organizer PIN.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, OptionList
from textual.widgets.option_list import Option

from data.delegates import Delegate, get_many
from data.delegates import get as get_delegate
from data.errors import DaihoiError
from programme import honours as honours_mod
from programme.honours import Honour

from ..i18n import render, t
from ..keys import translate_bindings

NOT_A_DELEGATE = "none"


def describe(d: Delegate) -> str:
    """One candidate, told apart from namesakes: unit, delegation, birth year."""
    parts = [d.name, d.unit or "—", d.delegation or "—", str(d.birth_year or "—")]
    return " · ".join(parts)


def named(d: Delegate) -> str:
    """The delegate a decision went to, as the notice names them: name, and unit when known."""
    return f"{d.name} · {d.unit}" if d.unit else d.name


class MatchScreen(Screen[None]):
    """The honours still to match, each with its candidates; Escape goes back."""

    SCANS = None
    CSS_PATH = "matching.tcss"
    BINDINGS = [
        Binding("escape", "back", "key.back"),
        Binding("slash", "find", "workbench.key.find_delegate", key_display="/"),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.waiting: list[Honour] = []
        self.found: list[Delegate] = []
        self.deciding = False
        """A decision is waiting for its PIN or being written: a second Enter is not a second pick."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(t("workbench.match_title"), id="match-title")
        with Horizontal(id="match"):
            yield DataTable(id="honours", cursor_type="row", zebra_stripes=True)
            with Vertical(id="pick"):
                yield Label("", markup=False, id="who")
                yield OptionList(id="candidates")
                yield Input(placeholder=t("workbench.find_placeholder"), id="find")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#honours", DataTable)
        # The match state first: a long recipient or unit pushed it past 80 columns ("chưa r").
        # The unit goes last, the label above the candidates shows it in full.
        for title in ("workbench.col.match", "workbench.col.recipient", "workbench.col.form",
                      "workbench.col.unit"):  # fmt: skip
            table.add_column(t(title))
        self.reload()
        table.focus()

    def reload(self) -> None:
        app: Any = self.app
        self.waiting = honours_mod.unresolved(app.event)
        table = self.query_one("#honours", DataTable)
        at = table.cursor_row
        table.clear()
        for h in self.waiting:
            table.add_row(
                Text(t(f"honours.match.{h.match}")), Text(h.recipient), Text(h.form), Text(h.unit)
            )
        if not self.waiting:
            self.query_one("#who", Label).update(t("workbench.match_none_left"))
            self.query_one("#candidates", OptionList).clear_options()
            return
        table.move_cursor(row=min(at, len(self.waiting) - 1))
        self.show_candidates()

    @property
    def honour(self) -> Honour | None:
        table = self.query_one("#honours", DataTable)
        if not self.waiting or table.cursor_row >= len(self.waiting):
            return None
        return self.waiting[table.cursor_row]

    @on(DataTable.RowHighlighted, "#honours")
    def highlighted(self) -> None:
        self.found = []
        self.query_one("#find", Input).value = ""
        self.show_candidates()

    @on(DataTable.RowSelected, "#honours")
    def to_candidates(self) -> None:
        self.query_one("#candidates", OptionList).focus()

    def show_candidates(self) -> None:
        h = self.honour
        options = self.query_one("#candidates", OptionList)
        options.clear_options()
        if h is None:
            return
        app: Any = self.app
        self.query_one("#who", Label).update(
            t("workbench.match_who", recipient=h.recipient, unit=h.unit or "—", form=h.form)
        )
        people = get_many(app.event, h.candidates)
        shown = [people[i] for i in h.candidates if i in people]
        shown += [d for d in self.found if d.id not in h.candidates]
        for d in shown:
            options.add_option(Option(Text(describe(d)), id=str(d.id)))
        options.add_option(Option(t("workbench.not_a_delegate"), id=NOT_A_DELEGATE))
        options.highlighted = 0  # Enter picks at once, as the highlighted row says
        if not h.candidates and not self.found:
            self.query_one("#who", Label).update(
                t("workbench.match_who", recipient=h.recipient, unit=h.unit or "—", form=h.form)
                + "\n"
                + t("workbench.match_no_candidates")
            )

    @on(Input.Changed, "#find")
    def search(self, event: Input.Changed) -> None:
        app: Any = self.app
        query = event.value.strip()
        self.found = app.search(query, limit=20)[0] if len(query) >= 2 else []
        self.show_candidates()

    @on(Input.Submitted, "#find")
    def to_options(self) -> None:
        self.query_one("#candidates", OptionList).focus()

    @on(OptionList.OptionSelected, "#candidates")
    def picked(self, event: OptionList.OptionSelected) -> None:
        h = self.honour
        if h is None:
            return
        if self.deciding:
            return
        chosen = None if event.option.id == NOT_A_DELEGATE else int(event.option.id or 0)
        self.deciding = True
        self.decide(h, chosen)

    @work
    async def decide(self, h: Honour, delegate_id: int | None) -> None:
        try:
            await self.record(h, delegate_id)
        finally:
            self.deciding = False

    async def record(self, h: Honour, delegate_id: int | None) -> None:
        app: Any = self.app
        if not await app.organizer_ok("match"):
            return
        try:
            done = honours_mod.match(app.event, h.id, delegate_id)
        except DaihoiError as exc:
            self.notify(render(exc), severity="error", timeout=10)
            return
        app.changed()
        if delegate_id is None:
            self.notify(t("honours.not_a_delegate", recipient=done.recipient))
        else:
            chosen = get_delegate(app.event, delegate_id)
            if chosen.name == done.recipient:
                self.notify(t("workbench.matched", delegate=named(chosen)))
            else:
                self.notify(
                    t("workbench.matched_as", recipient=done.recipient, delegate=named(chosen))
                )
        self.found = []
        with self.prevent(Input.Changed):
            self.query_one("#find", Input).value = ""
        self.reload()
        self.keep_working()

    def keep_working(self) -> None:
        """After a decision, the focus stays where the organizer works: the next recipient's
        candidates (the cursor is on them, the first highlighted). When that recipient has no
        candidate, the search field instead, so a repeated Enter cannot record "not a delegate"
        for someone nobody looked at; the list of recipients when none is left."""
        h = self.honour
        if h is None:
            self.query_one("#honours", DataTable).focus()
        elif self.query_one("#candidates", OptionList).option_count > 1:
            self.query_one("#candidates", OptionList).focus()
        else:
            self.query_one("#find", Input).focus()

    def action_find(self) -> None:
        self.query_one("#find", Input).focus()

    def action_back(self) -> None:
        self.dismiss(None)
