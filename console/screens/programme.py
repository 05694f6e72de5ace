"""The MC desk (F3): the item on stage, its timer, what comes next, and the whole running order.

Everything shown is computed from one snapshot (:func:`programme.running.load`) and the clock by
:func:`programme.timing.compute`; the screen reloads the snapshot whenever any desk writes
(``app.revision``) and ticks every second for the timers. Live operations are single keys;
only the costly ones (skip, going back) ask for confirmation, and edits to the order once the
day has started ask the organizer PIN.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.cells import cell_len
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Digits, Footer, Header, Static

from data import sessions as sessions_mod
from data.errors import DaihoiError
from data.text import fold
from programme import running
from programme.protocol import Introductions, introductions
from programme.template import DAI_HOI
from programme.timing import DANGER, WARNING, DayTiming

from ..i18n import render, t
from ..keys import translate_bindings
from ..phrases import offset_text
from ..session_phrases import quorum_line
from ..widgets.delegate_table import clip_words, wrap_words
from .base import LiveScreen
from .modals import AskText, Confirm

LEVEL_STYLE = {"normal": "bold green", WARNING: "bold black on yellow", DANGER: "bold white on red"}
STATE_MARK = {"pending": "·", "running": "▶", "done": "✓", "skipped": "»"}
"""One character per state in the table, so titles keep their width on an 80-column terminal."""
STATE_STYLE = {"pending": "", "running": "bold green", "done": "dim", "skipped": "dim strike"}
WIDE = 120
"""From this width the running order has a column each for the plan and the actual times and
titles show whole on one line; below it (80 columns) the times share a column, plan over
actual, and titles wrap at words ("Tham luận của Phòng Giáo dục…" / "…huyện Đồng Hỷ")."""
TITLE_LINES = 3
"""Lines a title may take below ``WIDE``; a longer one ends in "…" after a whole word."""
INTRODUCTION = next(i for i in DAI_HOI if "giới thiệu đại biểu" in i.title)
"""Item 2 of every programme, "Tuyên bố lý do, giới thiệu đại biểu": while it is on stage the
MC screen shows the introduction list."""


def is_introduction(item: running.Item) -> bool:
    """The template's introduction item, or an imported one titled so (its role is lost)."""
    return item.role == INTRODUCTION.role or fold("giới thiệu đại biểu") in fold(item.title)


def introduction_text(intro: Introductions, width: int) -> Text:
    """What the MC reads, side by side in protocol order (:func:`programme.protocol.
    introductions`), then those not arrived apart (not read), then the salutation line; each
    guest's line wrapped at words in ``width`` cells under itself, not under the mark. The
    words are the list's: a Text, never markup."""

    def guest(mark: str, line: str, style: str = "") -> None:
        lines = wrap_words(line, max(12, width - 4)) or [""]
        text.append(f"  {mark} " + "\n    ".join(lines) + "\n", style=style)

    text = Text(t("intro.panel_title", n=len(intro.present)) + "\n", style="bold reverse")
    if not intro.present:
        text.append(t("intro.panel_none") + "\n", style="italic")
    for side in intro.sides:
        text.append("\n" + side.heading + "\n", style="bold")
        for one in side.guests:
            guest("–", one.line)
    if intro.not_arrived:
        text.append("\n" + t("intro.panel_not_arrived", n=len(intro.not_arrived)) + "\n")
        for one in intro.not_arrived:
            guest("✗", one.line, "dim")
    text.append("\n" + t("intro.panel_salutation") + "\n", style="bold")
    text.append(intro.salutation, style="italic")
    return text


def hm(moment: datetime | None) -> str:
    return moment.strftime("%H:%M") if moment else ""


def clock_text(delta: timedelta | None) -> str:
    """``mm:ss`` (or ``h:mm:ss``) of a duration, with a minus sign when negative."""
    if delta is None:
        return "--:--"
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else ""
    minutes, secs = divmod(abs(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes:02d}:{secs:02d}"


def day_line(day: DayTiming) -> Text:
    """The header's day line: the projected end against the plan with its own offset, then
    the next item's offset; before the day has come, the planned times alone."""
    if day.waiting:
        return Text(t("mc.waiting", start=hm(day.items[0].planned_start) if day.items else "",
                      end=hm(day.planned_end)))  # fmt: skip
    line = Text(t("programme.end", end=hm(day.projected_end), planned=hm(day.planned_end)))
    end = day.end_offset_minutes
    line.append(" " + t("mc.end_offset", offset=offset_text(end)), style=_late_style(end))
    if day.next is not None:
        late = day.offset_minutes
        line.append(" · ")
        line.append(t("mc.next_offset", offset=offset_text(late)), style=_late_style(late))
    return line


def _title_lines(title: str, width: int) -> list[str]:
    """``title`` wrapped at words in ``width`` cells, at most :data:`TITLE_LINES` lines, the
    last cut after a word with "…"; the indent of a sub-item kept on every line."""
    indent = title[: len(title) - len(title.lstrip())]
    lines = wrap_words(title.strip(), width - len(indent))
    if len(lines) > TITLE_LINES:
        rest = " ".join(lines[TITLE_LINES - 1 :])
        lines = [*lines[: TITLE_LINES - 1], clip_words(rest, width - len(indent))]
    return [indent + line for line in lines] or [""]


def _late_style(minutes: int) -> str:
    return "bold red" if minutes >= 5 else "bold yellow" if minutes > 0 else "bold green"


class LiveProgramme(LiveScreen):
    """A screen showing the running order: it reads it again whenever any desk writes and
    repaints every second while on view, so the timers run; subclasses say how to
    :meth:`paint` it."""

    def __init__(self) -> None:
        super().__init__()
        self.programme: running.Programme | None = None

    def start_live(self) -> None:
        self.set_interval(1.0, self.tick)
        self.follow_event()

    def repaint(self) -> None:
        """Read the running order again (any desk may have changed it) and repaint."""
        self.programme = running.load(self.app.event)
        self.tick()

    def tick(self) -> None:
        if self.programme is None or not self.is_current:  # a hidden MC desk does not tick
            return
        now = self.app.now()
        self.paint(self.programme, self.programme.timing(now), now)

    def on_screen_resume(self) -> None:
        """Back on view: the clock has moved on even if nothing was written."""
        self.tick()

    def paint(self, prog: running.Programme, day: DayTiming, now: datetime) -> None:
        raise NotImplementedError


class ProgrammeScreen(LiveProgramme):
    """The MC team's live running order."""

    CSS_PATH = "programme.tcss"
    SCANS = "refuse"
    """A badge scanned here is refused with a message; no key of this screen fires."""
    AUTO_FOCUS = "#order"
    BINDINGS = [
        # On 80 columns the footer shows n, f, i; every key is in the help (?) and palette.
        Binding("n", "next", "key.programme_next"),
        Binding("f", "finish", "key.programme_finish"),
        Binding("s", "skip", "key.programme_skip", show=False),
        Binding("b", "back", "key.programme_back", show=False),
        Binding("ctrl+up", "move(-1)", "key.programme_up", show=False),
        Binding("ctrl+down", "move(1)", "key.programme_down", show=False),
        Binding("i", "insert", "key.programme_insert"),
        Binding("plus,equals_sign", "minutes(1)", "key.programme_longer", show=False),
        Binding("minus", "minutes(-1)", "key.programme_shorter", show=False),
        Binding("g", "introductions", "key.introductions", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self._rows: list[tuple[object, ...]] = []
        self._layout: tuple[tuple[str, int | None], ...] = ()
        self.intro: Introductions | None = None
        self.quorum: sessions_mod.Quorum | None = None
        self.intro_asked: bool | None = None
        """``g``: show (True) or hide (False) the introduction list whatever is on stage; None
        until asked, and again once the next item starts (then item 2 decides)."""
        self._intro_item: int | None = None
        self._intro_painted: tuple[Introductions, int] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="live"):
                yield Static(id="quorum", markup=False)
                yield Static(id="current")
                yield Digits("--:--", id="timer")
                yield Static(id="next")
                yield Static(id="day")
                yield Static(id="speakers")
            yield DataTable(id="order", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="intro-box"):
                yield Static(id="intro", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.start_live()

    def on_resize(self, event: events.Resize) -> None:
        if self.programme is not None and self._columns() != self._layout:
            self._rows = []
            self.tick()
        self.call_after_refresh(self.tick)  # the introduction list wraps to its new width

    def _columns(self) -> tuple[tuple[str, int | None], ...]:
        """The running order's columns for this width (None: as wide as the cells)."""
        if self.app.size.width >= WIDE:
            return (("planned", None), ("actual", None), ("state", None), ("title", None))
        table = self.query_one("#order", DataTable)
        times = max(cell_len("00:00-00:00"), cell_len(t("programme.column.time")))
        # Three columns with a cell's padding each side, the border and the scrollbar.
        room = table.size.width or (self.app.size.width * 6 // 10)
        return (("time", times), ("state", 1), ("title", max(12, room - 3 * 2 - 3 - times - 1)))

    # ---------------------------------------------------------- painting
    def repaint(self) -> None:
        """The quorum and the guests present change with every check-in: read them with the
        running order (a late guest scanned at the door joins the list at once)."""
        event = self.app.event
        self.quorum = sessions_mod.quorum(event)
        self.intro = introductions(event)
        # Only an event with a quorum rule (Party, Youth Union congresses) gives the line its
        # place: an emulation congress keeps the MC's header as it was.
        line = self.query_one("#quorum", Static)
        line.display = self.quorum.threshold is not None
        line.update(Text(quorum_line(self.quorum, event.info.kind), style=self._quorum_style()))
        super().repaint()

    def _quorum_style(self) -> str:
        met = self.quorum.met if self.quorum is not None else None
        return "bold" if met is None else "bold green" if met else "bold white on red"

    def paint(self, prog: running.Programme, day: DayTiming, now: datetime) -> None:
        self.paint_live(prog, day)
        self.paint_table(prog, day)
        current = prog.get(day.current) if day.current else None
        if day.current != self._intro_item:  # the next item started: item 2 decides again
            self._intro_item, self.intro_asked = day.current, None
        live = current is not None and is_introduction(current)
        self.set_class(live if self.intro_asked is None else self.intro_asked, "-intro")
        panel = self.query_one("#intro", Static)
        width = panel.content_size.width or self.app.size.width * 6 // 10 - 3
        if self.intro is not None and (self.intro, width) != self._intro_painted:
            self._intro_painted = (self.intro, width)  # a second's tick repaints nothing
            panel.update(introduction_text(self.intro, width))

    def paint_live(self, prog: running.Programme, day: DayTiming) -> None:
        current = prog.get(day.current) if day.current else None
        box = Text()
        if current is not None:
            it = day.of(current.id)
            parent = prog.get(current.parent_id) if current.parent_id else None
            if parent is not None:
                box.append(parent.title + "\n", style="dim")
            box.append(current.title + "\n", style="bold")
            if current.performer:
                box.append(current.performer + "\n", style="italic")
            box.append(
                f" {clock_text(it.elapsed)} / {current.minutes:02d}:00 ",
                style=LEVEL_STYLE[it.level],
            )
            if it.overrun:
                box.append("  " + t("programme.overrun", time=clock_text(it.overrun)), style="red")
            else:
                box.append("  " + t("programme.remaining", time=clock_text(it.remaining)))
            if current.notes:
                box.append("\n" + t("programme.mc_cue", text=current.notes), style="cyan")
            if current.tech:
                box.append("\n" + t("programme.tech_cue", text=current.tech), style="magenta")
        else:
            box.append(t("programme.nothing_on_stage"), style="bold")
        timer = self.query_one("#timer", Digits)
        level = day.of(current.id).level if current is not None else "normal"
        timer.update(clock_text(day.of(current.id).elapsed) if current is not None else "--:--")
        timer.set_class(level == WARNING, "-warning")
        timer.set_class(level == DANGER, "-danger")
        present = prog.present_count()
        if present is not None:
            box.append("\n" + t("programme.present", n=present), style="bold yellow")
        self.query_one("#current", Static).update(box)

        upcoming = prog.get(day.next) if day.next else None
        nxt = Text()
        if upcoming is not None:
            it = day.of(upcoming.id)
            nxt.append(t("programme.next", at=hm(it.projected_start)), style="bold")
            nxt.append(" " + upcoming.title)
            if upcoming.performer:
                nxt.append("\n" + t("programme.get_ready", who=upcoming.performer))
                if upcoming.speaker_present is False:
                    nxt.append(" " + t("programme.absent"), style="bold white on red")
        else:
            nxt.append(t("programme.no_next"), style="dim")
        self.query_one("#next", Static).update(nxt)

        self.query_one("#day", Static).update(day_line(day))

        self.query_one("#speakers", Static).update(self.speakers_text(prog, current, upcoming))

    def speakers_text(
        self, prog: running.Programme, current: running.Item | None, upcoming: running.Item | None
    ) -> Text:
        """The speakers of the speech item on (or next on) stage, with who has checked in."""
        speakers: list[running.Item] = []
        for anchor in (current, upcoming):
            if anchor is not None and not speakers:
                group_id = anchor.parent_id or anchor.id
                speakers = [c for c in prog.children(group_id) if c.delegate_id or c.performer]
        if not speakers:
            return Text()
        out = Text(t("programme.speakers") + "\n", style="bold")
        for s in speakers:
            mark, style = "·", ""
            if s.speaker_present is True:
                mark, style = "✓", "green"
            elif s.speaker_present is False:
                mark, style = "✗", "bold red"
            state = "" if s.state == "pending" else f" ({t('programme.state.' + s.state)})"
            out.append(f"{mark} {s.performer or s.title}{state}\n", style=style)
        return out

    def paint_table(self, prog: running.Programme, day: DayTiming) -> None:
        rows: list[tuple[object, ...]] = []
        for item in prog.items:
            it = day.of(item.id)
            if it.actual_start:
                actual = f"{hm(it.actual_start)}-{hm(it.actual_end)}"
            elif it.state == "pending":
                actual = f"~{hm(it.projected_start)}"
            else:
                actual = ""
            indent = "  " if item.parent_id else ""
            absent = " ✗" if item.speaker_present is False else ""
            rows.append(
                (
                    item.id,
                    f"{hm(it.planned_start)} {item.minutes}'",
                    actual,
                    it.state,
                    f"{indent}{item.title}{absent}",
                )
            )
        columns = self._columns()
        if rows == self._rows and columns == self._layout:
            return
        first_fill = not self._rows
        self._rows = rows
        table = self.query_one("#order", DataTable)
        keep = table.cursor_row
        table.clear(columns=columns != self._layout)
        if columns != self._layout:
            self._layout = columns
            for key, width in columns:
                label = "" if key == "state" else t(f"programme.column.{key}")
                table.add_column(label, key=key, width=width)
        widths = dict(columns)
        for item_id, plan, run, state, title in rows:
            style = STATE_STYLE[str(state)]
            mark = Text(STATE_MARK[str(state)], style=style)
            if "time" not in widths:
                table.add_row(
                    str(plan), str(run), mark, Text(str(title), style=style), key=str(item_id)
                )
                continue
            lines = _title_lines(str(title), widths["title"] or 12)
            table.add_row(
                Text(f"{plan}\n{run}".rstrip()),  # the plan over what happened
                mark,
                Text("\n".join(lines), style=style),
                key=str(item_id),
                height=max(2 if run else 1, len(lines)),
            )
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1))
        focus = self.programme.current or self.programme.next_pending if self.programme else None
        if first_fill and focus is not None:  # open on what is on stage, not on the flag salute
            self.select(focus.id)

    # ---------------------------------------------------------- helpers
    @property
    def highlighted(self) -> running.Item | None:
        table = self.query_one("#order", DataTable)
        if self.programme is None or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.programme.get(int(key)) if key else None

    def select(self, item_id: int) -> None:
        table = self.query_one("#order", DataTable)
        try:
            table.move_cursor(row=table.get_row_index(str(item_id)))
        except Exception:  # the row is gone (another desk re-imported): keep the cursor
            pass

    def apply(self, operation: object, *args: object) -> running.Outcome | None:
        """Run one operation, report it, repaint; a refusal is shown, never raised."""
        try:
            outcome = operation(self.app.event, *args)  # type: ignore[operator]
        except DaihoiError as exc:
            self.notify(render(exc), severity="error", timeout=8)
            return None
        assert isinstance(outcome, running.Outcome)
        if outcome.item is not None:
            self.notify(t(outcome.kind, title=outcome.item.title))
        if outcome.present is not None:
            self.notify(t("programme.present", n=outcome.present), timeout=30)
        self.app.changed()
        self.paint_now()
        return outcome

    async def may_edit(self) -> bool:
        """Once the day has started, changing the order is the organizers' decision."""
        if self.programme is not None and self.programme.started:
            return await self.app.organizer_ok("programme")
        return True

    # ---------------------------------------------------------- keys
    def action_introductions(self) -> None:
        """``g``: the introduction list on demand (it shows by itself while item 2 is on)."""
        self.intro_asked = not self.has_class("-intro")
        self.tick()

    def action_next(self) -> None:
        self.apply(running.next_item)

    def action_finish(self) -> None:
        self.apply(running.finish)

    @work
    async def action_skip(self) -> None:
        item = self.highlighted
        if item is None or item.state != "pending" and not item.is_group:
            item = self.programme.next_pending if self.programme else None
        if item is None:
            self.notify(t("programme.nothing_left"), severity="warning")
            return
        if await self.app.push_screen_wait(Confirm(t("programme.confirm_skip", title=item.title))):
            self.apply(running.skip, item.id)

    @work
    async def action_back(self) -> None:
        item = self.highlighted
        if item is None or item.state not in ("done", "skipped") or item.is_group:
            self.notify(t("programme.back_pick"), severity="warning")
            return
        if await self.app.push_screen_wait(Confirm(t("programme.confirm_back", title=item.title))):
            self.apply(running.reopen, item.id)

    @work
    async def action_move(self, step: int) -> None:
        item = self.highlighted
        if item is None or not await self.may_edit():
            return
        if self.apply(running.move, item.id, step):
            self.select(item.id)

    @work
    async def action_minutes(self, step: int) -> None:
        item = self.highlighted
        if item is None or not await self.may_edit():
            return
        if self.apply(running.set_minutes, item.id, max(0, item.minutes + step)):
            self.select(item.id)

    def insert_anchor(self) -> running.Item | None:
        """Where ``i`` inserts: after the item on stage; with nothing on stage, after the
        highlighted item if it is still to come, else at the end. Never among items already
        finished (an item landing above them made the day look 20 minutes late)."""
        prog = self.programme
        if prog is None:
            return None
        if prog.current is not None:
            return prog.current
        chosen = self.highlighted
        if chosen is not None and chosen.state == "pending" and not chosen.is_group:
            return chosen
        return None

    @work
    async def action_insert(self) -> None:
        after = self.insert_anchor()
        if not await self.may_edit():
            return
        title = await self.app.push_screen_wait(
            AskText(t("programme.insert_title"), placeholder=t("programme.insert_placeholder"))
        )
        if not title:
            return
        question = t("programme.insert_minutes")
        while True:  # a mistyped number asks again; the title typed is kept
            minutes_text = await self.app.push_screen_wait(AskText(question, placeholder="5"))
            if minutes_text is None:  # Escape on the second question cancels the whole insert
                self.notify(t("confirm.cancelled"))
                return
            try:
                minutes = int(minutes_text or "5")
                break
            except ValueError:
                question = t("mc.minutes_again", value=minutes_text, title=title)
        outcome = self.apply(
            lambda ev: running.insert(ev, title, minutes, after=after.id if after else None)
        )
        if outcome and outcome.item:
            self.select(outcome.item.id)
