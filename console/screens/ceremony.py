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

from rich.cells import cell_len
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
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
from ..widgets.delegate_table import clip_words, wrap_words
from .base import LiveScreen, Notice
from .modals import AskText

WIDE = 120
"""From this width the form and the tray's items have columns of their own and units show
whole; below it (an 80-column laptop) the items go under the form, both wrapped at words."""
NARROW_RECIPIENT = 20
"""Columns the recipient keeps at least below ``WIDE``; the form column gets the rest."""
DETAIL_LINES = 2
"""Lines of position and unit under a name below ``WIDE``; a longer unit ends in "…"."""


class CeremonyScreen(LiveScreen):
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
        self._layout: tuple[tuple[str, int | None], ...] = ()
        """The table's columns and their widths (None: as wide as the cells) as painted."""

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
        self.groups = honours.groups(self.event)
        open_groups = [
            i
            for i, g in enumerate(self.groups)
            if any(h.state in honours.OPEN_STATES for h in honours.all_honours(self.event, group=g))
        ]
        self.index = open_groups[0] if open_groups else 0
        self.follow_event()

    def on_resize(self, event: events.Resize) -> None:
        if self.rows and self._columns() != self._layout:
            self._paint_table()

    @property
    def event(self) -> Event:
        return self.app.event

    @property
    def group(self) -> str | None:
        return self.groups[self.index] if self.groups else None

    # ---------------------------------------------------------- painting
    def repaint(self) -> None:
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

    def _columns(self) -> tuple[tuple[str, int | None], ...]:
        """The columns for this width. Presence and state stay next to the name. Wide: the
        form and the items have their own columns and every cell shows whole. Narrow: the
        items go under the form in one column as wide as the longest form (wrapped at words
        when even that does not fit), the recipient takes the rest, wrapped too: nothing is
        cut mid-word."""
        width = self.app.size.width
        if width >= WIDE:
            keys = ("number", "recipient", "presence", "state", "honour", "items")
            return tuple((key, None) for key in keys)
        number = max(cell_len(t("ceremony.column.number")), len(str(len(self.rows))))
        presence = max(
            cell_len(t(f"ceremony.{key}"))
            for key in ("column.presence", "presence.yes", "presence.no", "presence.unknown")
        )
        state = max(cell_len(t(f"honours.state.{h.state}")) for h in self.rows) if self.rows else 0
        state = max(state, cell_len(t("ceremony.column.state")))
        # Five columns with a cell's padding on both sides, and the vertical scrollbar.
        room = width - 5 * 2 - 2 - number - presence - state
        longest = max(
            [cell_len(t("ceremony.column.honour_items"))]
            + [cell_len(h.form) for h in self.rows]
            + [cell_len(items_text(h)) for h in self.rows]
        )
        honour = max(10, min(longest, room - NARROW_RECIPIENT))
        return (
            ("number", number),
            ("recipient", max(10, room - honour)),
            ("presence", presence),
            ("state", state),
            ("honour_items", honour),
        )

    def _paint_table(self) -> None:
        table = self.query_one("#honours", DataTable)
        row = table.cursor_row
        columns = self._columns()
        table.clear(columns=columns != self._layout)
        if columns != self._layout:
            self._layout = columns
            for key, width in columns:
                table.add_column(t(f"ceremony.column.{key}"), key=key, width=width)
        widths = dict(columns)
        for i, h in enumerate(self.rows, start=1):
            cells = {
                "number": [Text(str(i))],
                "recipient": _recipient(h, widths["recipient"]),
                "presence": [_presence(h)],
                "state": _state(h, widths["state"]),
                "honour": [Text(h.form)],
                "items": [Text(items_text(h))],
            }
            if "honour_items" in widths:
                cells["honour_items"] = _honour_items(h, widths["honour_items"] or 1)
            lines = [cells[key] for key, _ in columns]
            table.add_row(
                *(Text("\n").join(cell) for cell in lines),
                key=str(h.id),
                height=max(len(cell) for cell in lines),
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
        self.app.changed()
        self.paint_now()  # now, not on the next poll: the MC is waiting for the next name

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
        target = Path(app.event_path).with_name(f"khay-{name}.pdf")
        self._write_tray(Path(app.event_path), target, self.group)

    @work(thread=True, exclusive=True)
    def _write_tray(self, event_path: Path, target: Path, group: str) -> None:
        # A connection of its own: SQLite connections are not shared between threads here.
        try:
            with Event.open(event_path) as event:
                write_tray(event, target, group)
        except (DaihoiError, OSError) as exc:
            message = render(exc) if isinstance(exc, DaihoiError) else cannot_write(target, exc)
            self.post_message(Notice(message, severity="error"))
            return
        self.post_message(Notice(t("honours.tray.written_one", path=target)))

    def action_next_group(self) -> None:
        self._go(self.index + 1)

    def action_previous_group(self) -> None:
        self._go(self.index - 1)

    def _go(self, index: int) -> None:
        if not self.groups:
            return
        self.index = max(0, min(len(self.groups) - 1, index))
        self.query_one("#honours", DataTable).move_cursor(row=0)
        self.paint_now()
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


def _state(h: Honour, width: int | None) -> list[Text]:
    """The state; received on behalf also says by whom, beside it when wide, under it (at
    words) when narrow."""
    style = _STATE_STYLE[h.state]
    text = t(f"honours.state.{h.state}")
    if not (h.state == honours.PROXY and h.proxy_by):
        return [Text(text, style=style)]
    if width is None:
        return [Text(f"{text}: {h.proxy_by}", style=style)]
    return [Text(text, style=style), *(Text(line) for line in wrap_words(h.proxy_by, width))]


def _recipient(h: Honour, width: int | None) -> list[Text]:
    """The name in bold, then position and unit; wrapped at words to ``width`` (list words:
    Text, never markup)."""
    detail = detail_text(h)
    if width is None:
        return [Text(h.recipient, style="bold"), *([Text(detail)] if detail else [])]
    name = [Text(line, style="bold") for line in wrap_words(h.recipient, width)]
    lines = wrap_words(detail, width)
    if len(lines) > DETAIL_LINES:  # the unit's end, cut after a word: the row stays short
        rest = " ".join(lines[DETAIL_LINES - 1 :])
        lines = [*lines[: DETAIL_LINES - 1], clip_words(rest, width)]
    return name + [Text(line) for line in lines]


def _honour_items(h: Honour, width: int) -> list[Text]:
    """The form, then what goes on the tray (dim), each wrapped at words to ``width``."""
    form = [Text(line) for line in wrap_words(h.form, width)]
    return form + [Text(line, style="dim") for line in wrap_words(items_text(h), width)]
