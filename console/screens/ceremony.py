"""The honours ceremony (F4): the MC desk's view of who goes up next, with what.

One group at a time, in calling order: each recipient with position and unit (so the MC reads
the right name), the honour (so they read the right form), what is on the tray, whether the
receiving delegate has checked in, and where the honour stands. The tally on the right counts
planned, presented, absent and on-behalf honours, overall and per form, live from every desk.

Keys follow the ceremony: ``c`` calls the group on stage, ``p`` / Enter marks the highlighted
honour presented and moves to the next one still open, ``a`` absent, ``o`` received on behalf
(asks who), ``P`` presents every open honour whose receiver has checked in (a group of ten in
two key presses), ``n`` / ``b`` next and previous group, ``u`` puts a mistaken mark back,
``t`` prints the group's tray sheet (PDF, next to the event file).
Everything is written through :mod:`programme.honours`, so a restarted console shows the same
states.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from data.errors import DaihoiError
from data.store import Event
from data.text import fold
from programme import honours
from programme.honours import Honour

from ..i18n import render, t
from ..keys import translate_bindings
from ..outputs import write_tray
from ..phrases import cannot_write, detail_text, group_title, items_text
from .modals import AskText

RECIPIENT_WIDTH = 30
"""Columns of the recipient cell; longer names and units are cut, their row stays readable."""


class CeremonyScreen(Screen[None]):
    """The honours ceremony, one group at a time."""

    CSS_PATH = "ceremony.tcss"
    SCANS = "overlay"
    """A badge scanned here is checked in, the verdict shown over the screen."""
    AUTO_FOCUS = "#honours"
    BINDINGS = [
        # On 80 columns the footer shows p and a; every key is in the help (?) and palette.
        Binding("c", "call", "key.honours_call", show=False),
        Binding("p", "present", "key.honours_present"),
        # Enter is the screen's, not the table's: a table reports a click on the highlighted row
        # as a selection, and two clicks must not mark an honour presented.
        Binding("enter", "present", "key.honours_present", show=False, priority=True),
        Binding("a", "absent", "key.honours_absent"),
        Binding("o", "proxy", "key.honours_proxy", show=False),
        Binding("P,shift+p", "present_all", "key.honours_present_all", show=False),
        Binding("n", "next_group", "key.honours_next_group", show=False),
        Binding("b", "previous_group", "key.honours_previous_group", show=False),
        Binding("u", "reset", "key.honours_reset", show=False),
        Binding("t", "tray", "key.honours_tray_save", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.groups: list[str] = []
        """Group names in calling order."""
        self.index = 0
        """The group on screen."""
        self.rows: list[Honour] = []
        """The group's honours in calling order, as shown."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="left"):
                yield Static(id="group", markup=False)
                yield DataTable(id="honours", cursor_type="row", zebra_stripes=True)
            with Vertical(id="right"):
                yield Static(id="tally", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#honours", DataTable)
        # Presence and state next to the name: on an 80-column terminal they must stay in view.
        for key in ("number", "recipient", "presence", "state", "honour", "items"):
            # A long unit under the name would push presence off an 80-column screen: cap it.
            # On a wide terminal the unit shows whole.
            narrow = self.app.size.width < 120
            width = RECIPIENT_WIDTH if key == "recipient" and narrow else None
            table.add_column(t(f"ceremony.column.{key}"), key=key, width=width)
        self.groups = honours.groups(self.event)
        open_groups = [
            i
            for i, g in enumerate(self.groups)
            if any(h.state in honours.OPEN_STATES for h in honours.all_honours(self.event, group=g))
        ]
        self.index = open_groups[0] if open_groups else 0
        self.watch(self.app, "revision", self.refresh_live, init=False)
        self.refresh_live()

    @property
    def event(self) -> Event:
        return self.app.event  # type: ignore[attr-defined]

    @property
    def group(self) -> str | None:
        return self.groups[self.index] if self.groups else None

    # ---------------------------------------------------------- painting
    def refresh_live(self) -> None:
        """Repaint from the event file: this desk's marks and every other desk's."""
        current = self.group
        self.groups = honours.groups(self.event)
        if current in self.groups:
            self.index = self.groups.index(current)
        self.index = min(self.index, max(0, len(self.groups) - 1))
        self.rows = honours.all_honours(self.event, group=self.group) if self.groups else []
        self._paint_table()
        self._paint_header()
        self._paint_tally()

    def _paint_header(self) -> None:
        head = self.query_one("#group", Static)
        if not self.groups:
            head.update(t("ceremony.empty"))
            return
        lines = [
            t(
                "ceremony.group",
                group=group_title(self.group or ""),
                i=self.index + 1,
                n=len(self.groups),
            )
        ]
        presenters = sorted({h.presenter for h in self.rows if h.presenter})
        if presenters:
            lines.append(t("honours.presenter", name=", ".join(presenters)))
        lines.extend(sorted({h.decision for h in self.rows if h.decision}))
        if self.has_class("-narrow"):  # the tally column gives its room to form and items
            tally = honours.tally(self.event)
            lines.append(
                t(
                    "ceremony.tally",
                    planned=tally.planned,
                    presented=tally.presented,
                    absent=tally.absent,
                    proxy=tally.proxy,
                    remaining=tally.remaining,
                )
            )
        head.update("\n".join(lines))

    def _paint_table(self) -> None:
        table = self.query_one("#honours", DataTable)
        row = table.cursor_row
        table.clear()
        for i, h in enumerate(self.rows, start=1):
            detail = detail_text(h)
            who = Text(h.recipient, style="bold", end="")  # list words: Text, never markup
            if detail:
                who = Text.assemble(who, "\n" + detail)
            table.add_row(
                str(i),
                who,
                _presence(h),
                _state(h),
                Text(h.form),
                Text(items_text(h)),
                key=str(h.id),
                height=2 if detail else 1,
            )
        if self.rows:
            table.move_cursor(row=min(row, len(self.rows) - 1))

    def _paint_tally(self) -> None:
        tally = honours.tally(self.event)
        lines = [
            t(
                "ceremony.tally",
                planned=tally.planned,
                presented=tally.presented,
                absent=tally.absent,
                proxy=tally.proxy,
                remaining=tally.remaining,
            ),
            "",
        ]
        for f in tally.by_form:
            lines.append(
                t(
                    "ceremony.tally.form",
                    presented=f.presented,
                    proxy=f.proxy,
                    planned=f.planned,
                    absent=f.absent,
                    form=f.form,
                )
            )
        self.query_one("#tally", Static).update("\n".join(lines))

    # ---------------------------------------------------------- marking
    @property
    def highlighted(self) -> Honour | None:
        table = self.query_one("#honours", DataTable)
        if not self.rows or table.cursor_row < 0:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def _mark(self, state: str, by: str = "") -> None:
        target = self.highlighted
        if target is None:
            return
        try:
            honours.set_state(self.event, target.id, state, by=by)
        except DaihoiError as exc:
            self.notify(render(exc), severity="error")
            return
        at = self.rows.index(target)
        self._changed()
        self._move_to_next_open(after=at)

    def _move_to_next_open(self, after: int) -> None:
        table = self.query_one("#honours", DataTable)
        for i in range(after + 1, len(self.rows)):
            if self.rows[i].state in honours.OPEN_STATES:
                table.move_cursor(row=i)
                return
        table.move_cursor(row=min(after + 1, len(self.rows) - 1))

    def _changed(self) -> None:
        self.app.changed()  # type: ignore[attr-defined]
        self.refresh_live()  # now, not on the next poll: the MC is waiting for the next name

    def action_present(self) -> None:
        self._mark(honours.PRESENTED)

    def action_absent(self) -> None:
        self._mark(honours.ABSENT)

    def action_reset(self) -> None:
        self._mark(honours.PLANNED)

    @work
    async def action_proxy(self) -> None:
        target = self.highlighted
        if target is None:
            return
        suggestion = honours.proxy_suggestion(target)
        answer = await self.app.push_screen_wait(
            AskText(
                t("ceremony.proxy_question", recipient=target.recipient),
                placeholder=suggestion or t("ceremony.proxy_placeholder"),
            )
        )
        if answer is None:
            return
        self._mark(honours.PROXY, by=answer or suggestion)
        self.query_one("#honours", DataTable).focus()

    def action_call(self) -> None:
        if self.group is None:
            return
        honours.call_group(self.event, self.group)
        self.notify(t("ceremony.called", group=group_title(self.group)))
        self._changed()

    def action_present_all(self) -> None:
        if self.group is None:
            return
        done = honours.present_remaining(self.event, self.group)
        self._changed()
        left = sum(1 for h in self.rows if h.state in honours.OPEN_STATES)
        if done or left:
            self.notify(t("ceremony.presented_all", n=len(done), left=left))
        else:
            self.notify(t("ceremony.nothing"))
        for i, h in enumerate(self.rows):
            if h.state in honours.OPEN_STATES:
                self.query_one("#honours", DataTable).move_cursor(row=i)
                break

    def action_tray(self) -> None:
        """Print the current group's tray sheet next to the event file, without blocking keys."""
        if self.group is None:
            return
        app = self.app
        name = re.sub(r"[^0-9A-Za-z]+", "-", fold(self.group)).strip("-") or "tat-ca"
        target = Path(app.event_path).with_name(f"khay-{name}.pdf")  # type: ignore[attr-defined]
        self._write_tray(Path(app.event_path), target, self.group)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True)
    def _write_tray(self, event_path: Path, target: Path, group: str) -> None:
        # A connection of its own: SQLite connections are not shared between threads here.
        try:
            with Event.open(event_path) as event:
                write_tray(event, target, group)
        except (DaihoiError, OSError) as exc:
            message = render(exc) if isinstance(exc, DaihoiError) else cannot_write(target, exc)
            self.app.call_from_thread(self.notify, message, severity="error")
            return
        self.app.call_from_thread(self.notify, t("honours.tray.written_one", path=target))

    def action_next_group(self) -> None:
        self._go(self.index + 1)

    def action_previous_group(self) -> None:
        self._go(self.index - 1)

    def _go(self, index: int) -> None:
        if not self.groups:
            return
        self.index = max(0, min(len(self.groups) - 1, index))
        self.query_one("#honours", DataTable).move_cursor(row=0)
        self.refresh_live()
        for i, h in enumerate(self.rows):
            if h.state in honours.OPEN_STATES:
                self.query_one("#honours", DataTable).move_cursor(row=i)
                break


def _presence(h: Honour) -> Text:
    if h.present is None:
        return Text(t("ceremony.presence.unknown"))
    if h.present:
        return Text(t("ceremony.presence.yes"), style="green")
    return Text(t("ceremony.presence.no"), style="yellow")


_STATE_STYLE = {
    honours.PLANNED: "",
    honours.CALLED: "bold",
    honours.PRESENTED: "green",
    honours.ABSENT: "red",
    honours.PROXY: "cyan",
    honours.WITHDRAWN: "dim strike",
}


def _state(h: Honour) -> Text:
    text = t(f"honours.state.{h.state}")
    if h.state == honours.PROXY and h.proxy_by:
        text += f": {h.proxy_by}"
    return Text(text, style=_STATE_STYLE[h.state])
