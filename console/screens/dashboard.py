"""The dashboard (F5): the day at a glance for the organizers, live from every desk.

Arrivals over time (a sparkline of check-ins per 10 minutes), arrived/expected per delegation as
progress bars, the composition of those present, honours presented and where the programme is.
Every figure comes from :func:`data.stats.compute`, the same call behind ``daihoi stats``, the
summary PDF and the exports' summary sheets, so the screen and the report never disagree.

The figures are computed in a worker thread on its own read-only connection (69 ms at 10,000
delegates), which posts them back as a :class:`DashboardScreen.Figures` message: the scan
field of an overlay and the keys never wait. The screen recomputes when any desk wrote while
it is on view, once when it comes back (:class:`~console.screens.base.LiveScreen`). ``x``
writes a report (xlsx, or the one-page PDF) next to the event file in a worker thread too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Label, OptionList, ProgressBar, Sparkline, Static
from textual.widgets.option_list import Option

from data import sessions as sessions_mod
from data import stats as stats_mod
from data.delegates import Delegate, get_many
from data.errors import DaihoiError
from data.reports import KINDS
from data.store import Event
from programme.figures import figures

from ..i18n import render, t
from ..keys import translate_bindings
from ..outputs import CREDENTIALS, SUMMARY, write_report
from ..phrases import (
    arrivals_caption,
    cannot_write,
    honours_line,
    percent,
    programme_line,
    stats_word,
)
from ..session_phrases import quorum_line, session_line
from .base import DeskModal, LiveScreen, Notice
from .modals import AskText
from .pick import Pick, ask_delegate

EXPORT_KINDS = (SUMMARY, CREDENTIALS, *KINDS)
"""What the export dialog offers, the one-page summary and the report read out first."""


def export_label(kind: str) -> str:
    return t("export.kind." + kind.replace("-", "_"))


class DelegationRow(Horizontal):
    """One delegation: its name, a progress bar, and "arrived/expected"."""

    DEFAULT_CSS = """
    DelegationRow { height: 1; }
    DelegationRow .name { width: 24; }
    DelegationRow ProgressBar { width: 1fr; }
    DelegationRow ProgressBar Bar { width: 1fr; min-width: 6; }
    DelegationRow .count { width: 9; text-align: right; }
    """
    """The names' column is as wide as the longest name when it fits (whole at 80 columns:
    "Đoàn thành phố Thái Nguyên"), the bar takes what is left; "40/56" says the share."""

    def __init__(self, group: stats_mod.Group, *, name_width: int = 24) -> None:
        super().__init__()
        self.group = group
        self.name_width = name_width

    def compose(self) -> ComposeResult:
        name = Label(stats_word(self.group.label), classes="name", markup=False)
        name.styles.width = self.name_width
        yield name
        yield ProgressBar(total=max(self.group.expected, 1), show_eta=False, show_percentage=False)
        yield Label(classes="count")

    def on_mount(self) -> None:
        self.show(self.group)

    def show(self, group: stats_mod.Group) -> None:
        self.group = group
        self.query_one(ProgressBar).update(total=max(group.expected, 1), progress=group.arrived)
        self.query_one(".count", Label).update(f"{group.arrived}/{group.expected}")


class ChooseExport(DeskModal[str | None]):
    """Which report to write; Enter writes it, Escape cancels."""

    BINDINGS = [("escape", "cancel", "key.cancel")]

    def __init__(self) -> None:
        super().__init__(classes="dialog")
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(t("dashboard.export_question"))
            yield OptionList(*(Option(export_label(k), id=k) for k in EXPORT_KINDS), id="kinds")

    @on(OptionList.OptionSelected, "#kinds")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DashboardScreen(LiveScreen):
    """The organizers' view of the day."""

    CSS_PATH = "dashboard.tcss"
    SCANS = "overlay"
    """A badge scanned here is checked in, the verdict shown over the screen."""
    BINDINGS = [
        ("x", "export", "key.export"),
        # On 80 columns the footer has room for x beside F1-F5 and ?; v and a are in the
        # help (?) and the palette.
        Binding("v", "view_session", "key.view_session", show=False),
        Binding("a", "record_absence", "key.record_absence", show=False),
        Binding("u", "undo_absence", "key.undo_absence", show=False),
    ]

    @dataclass
    class Figures(Message):
        """The day's figures, computed by the worker, to paint."""

        figures: stats_mod.Stats
        quorum: sessions_mod.Quorum | None = None
        """The viewed session's quorum (:func:`data.sessions.quorum`)."""
        absent: sessions_mod.AbsentLists | None = None
        """Who is absent from it, with a reason or not arrived."""
        excused: tuple[tuple[str, str], ...] = ()
        """(name, reason) of each delegate absent with a reason, for the list on the right."""

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.figures: stats_mod.Stats | None = None
        self.session: str | None = None
        """The session the screen shows (``v``); None: the current one, whichever it is."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="left"):
                yield Static(id="headline")
                yield Static(id="session", markup=False)
                yield Static(id="arrivals-title", classes="title")
                yield Sparkline([], id="arrivals")
                yield Static(id="arrivals-axis")
                yield Static(t("dashboard.delegations"), classes="title")
                yield VerticalScroll(id="delegations")
            # Honours and programme first, and the column scrolls: on an 80x24 terminal the
            # composition lines would otherwise push them below the screen.
            with VerticalScroll(id="right"):
                yield Static(t("dashboard.ceremony"), classes="title")
                yield Static(id="ceremony", markup=False)
                yield Static(t("dashboard.composition"), classes="title")
                yield Static(id="composition", markup=False)
                yield Static(t("dashboard.absent"), classes="title", id="absent-title")
                yield Static(id="absent", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.follow_event()

    # ---------------------------------------------------------- painting
    def repaint(self) -> None:
        """Recompute the figures off the UI thread; :meth:`show_figures` paints them."""
        self.compute()

    @work(thread=True, exclusive=True, group="figures")
    def compute(self) -> None:
        """The figures on this worker's own read-only connection (one SQL snapshot). A
        newer change cancels a computation still running: only the latest is painted."""
        from textual.worker import get_current_worker

        app = self.app
        try:
            with (
                Event.open(app.event_path, clock=app.clock, readonly=True) as event,
                sessions_mod.viewing(event, self.session),
            ):
                found = figures(event)
                quorum = sessions_mod.quorum(event)
                absent = sessions_mod.absent_lists(event)
                people = get_many(event, [i for i, _reason in absent.excused])
                excused = tuple(
                    (people[i].name, reason) for i, reason in absent.excused if i in people
                )
        except DaihoiError as exc:
            self.post_message(Notice(render(exc), severity="error"))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Figures(found, quorum, absent, excused))

    @on(Figures)
    def show_figures(self, message: Figures) -> None:
        found = self.figures = message.figures
        pct = percent
        headline = t(
            "stats.arrived",
            arrived=found.arrived,
            expected=found.expected,
            pct=pct(found.arrived, found.expected),
        )
        if found.walkins_pending:
            headline += "\n" + t("stats.walkins", n=found.walkins_pending)
        self.query_one("#headline", Static).update(headline)
        self.query_one("#session", Static).update(
            session_text(found, message.quorum, message.absent, kind=self.app.event.info.kind)
        )
        excused = Text()
        for name, reason in message.excused:  # list words: Text, never markup
            excused.append(name, style="bold")
            excused.append(f": {reason}\n")
        self.query_one("#absent", Static).update(excused)
        self.query_one("#absent", Static).display = bool(message.excused)
        self.query_one("#absent-title", Static).display = bool(message.excused)

        self.query_one("#arrivals-title", Static).update(
            t("dashboard.arrivals", minutes=found.bucket_minutes)
        )
        self.query_one("#arrivals", Sparkline).data = [float(n) for _, n in found.arrivals]
        self.query_one("#arrivals-axis", Static).update(
            arrivals_caption(found) or t("dashboard.no_arrivals")
        )

        self._show_delegations(found)
        self.query_one("#composition", Static).update(composition_text(found))
        ceremony = [honours_line(found)]
        if found.programme:
            ceremony.append(programme_line(found.programme))
        self.query_one("#ceremony", Static).update("\n".join(ceremony))

    def _show_delegations(self, figures: stats_mod.Stats) -> None:
        box = self.query_one("#delegations", VerticalScroll)
        rows = list(box.query(DelegationRow))
        if [r.group.label for r in rows] == [g.label for g in figures.by_delegation]:
            for row, group in zip(rows, figures.by_delegation):
                row.show(group)
            return
        box.remove_children()  # a new delegation (an approved walk-in, an import): rebuild
        room = (box.size.width or self.app.size.width // 2) - 9 - 8  # the count, a short bar
        longest = max((cell_len(stats_word(g.label)) for g in figures.by_delegation), default=0)
        width = max(12, min(longest + 1, room))
        box.mount_all(DelegationRow(g, name_width=width) for g in figures.by_delegation)

    # ---------------------------------------------------------- sessions, absences
    @work
    async def action_view_session(self) -> None:
        """``v``: show another session of the day (or the current one again)."""
        found = sessions_mod.all_sessions(self.app.event)
        options = [
            (s.name, f"{s.name} · {t('session.current_mark')}" if s.current else s.name)
            for s in found
        ]
        choice = await self.app.push_screen_wait(Pick(t("dashboard.session_question"), options))
        if choice is None:
            return
        self.session = None if any(s.current and s.name == choice for s in found) else choice
        self.paint_now()

    @work
    async def action_record_absence(self) -> None:
        """``a``: a delegate absent with a reason, in the session on view (organizer PIN)."""
        app = self.app
        chosen = await ask_delegate(self, t("absence.ask_who"), delegate_label)
        if chosen is None:
            return
        reason = await app.push_screen_wait(AskText(t("absence.ask_reason", name=chosen.name)))
        if not reason or not await app.organizer_ok("absence"):
            return
        try:
            done = sessions_mod.record_absence(app.event, chosen.id, reason, session=self.session)
        except DaihoiError as exc:
            self.notify(render(exc), severity="error", timeout=10)
            return
        self.notify(
            t("absence.recorded", name=chosen.name, session=done.session, reason=done.reason)
        )
        app.changed()

    @work
    async def action_undo_absence(self) -> None:
        """``u``: take back a recorded absence of the session on view (organizer PIN)."""
        app = self.app
        recorded = sessions_mod.absences(app.event, session=self.session)
        if not recorded:
            shown = self.session or sessions_mod.current(app.event).name
            self.notify(t("absence.none_recorded", session=shown), severity="warning")
            return
        people = get_many(app.event, [a.delegate_id for a in recorded])
        options = [
            (str(a.delegate_id), f"{delegate_label(people[a.delegate_id])} · {a.reason}")
            for a in recorded
            if a.delegate_id in people
        ]
        picked = await app.push_screen_wait(Pick(t("absence.pick_undo"), options))
        if picked is None or not await app.organizer_ok("absence"):
            return
        try:
            done = sessions_mod.undo_absence(app.event, int(picked), session=self.session)
        except DaihoiError as exc:
            self.notify(render(exc), severity="error", timeout=10)
            return
        self.notify(t("absence.undone", name=people[int(picked)].name, session=done.session))
        app.changed()

    # ---------------------------------------------------------- export
    @work
    async def action_export(self) -> None:
        kind = await self.app.push_screen_wait(ChooseExport())
        if kind:
            self.write_report(kind)

    @work(thread=True, exclusive=True)
    def write_report(self, kind: str) -> None:
        """Write the report next to the event file, on this worker's own connection."""
        app = self.app
        path: Path = app.event_path
        moment = app.now()
        suffix = {SUMMARY: ".pdf", CREDENTIALS: ".docx"}.get(kind, ".xlsx")
        session = self.session  # the session on view is the one reported
        target = path.with_name(f"{path.stem}-{kind}-{moment:%Y%m%d-%H%M%S}{suffix}")
        try:
            with Event.open(path, clock=app.clock) as event, sessions_mod.viewing(event, session):
                write_report(event, kind, target)  # the report on delegates present as .docx
        except DaihoiError as exc:
            self.post_message(Notice(render(exc), severity="error"))
            return
        except OSError as exc:  # a full disk or a locked USB stick must not end the app
            self.post_message(Notice(cannot_write(target, exc), severity="error"))
            return
        self.post_message(Notice(t("dashboard.export_done", path=target)))


def composition_text(figures: stats_mod.Stats) -> Text:
    """ "Giới tính: Nam 97 (22,6%) · Nữ 217 (50,5%)", one line per criterion, of those present.

    Built as a Text, not markup: the labels are the list's own words, and a "[" in them must
    print as written. The criteria and the fixed groups ("Nữ", "Dưới 30 tuổi", "Không rõ")
    are said in the UI's language; the list's own words (a unit, an ethnic group) as written.
    """
    text = Text()
    for dimension in figures.composition:
        if dimension.name == stats_mod.DELEGATION:
            continue
        parts = [
            f"{stats_word(g.label.split(': ', 1)[-1])} {g.arrived} "
            f"({percent(g.arrived, figures.arrived)})"
            for g in dimension.groups
            if g.expected
        ]
        if text:
            text.append("\n")
        text.append(f"{stats_word(dimension.name)}: ", style="bold")
        text.append(" · ".join(parts))
    return text


def delegate_label(d: Delegate) -> str:
    """ "Nguyễn Thị Hoa · Sở Y tế · Khối các sở, ban, ngành": namesakes told apart."""
    return " · ".join(x for x in (d.name, d.unit, d.delegation) if x)


def session_text(
    found: stats_mod.Stats,
    quorum: sessions_mod.Quorum | None,
    absent: sessions_mod.AbsentLists | None,
    *,
    kind: str,
) -> Text:
    """The session block under the headline: each session's arrivals once the day has more
    than one (the one on view marked), the quorum line, and the absent split ("Vắng có lý do:
    2 · Chưa đến: 40"). Every figure is the library's (:mod:`data.sessions`)."""
    text = Text()
    if len(found.sessions) > 1:
        for s in found.sessions:
            mark = "▶ " if s.name == found.session else "  "
            line = session_line(s.name, s.arrived, s.expected)
            if s.current:
                line += f" · {t('session.current_mark')}"
            text.append(mark + line + "\n", style="bold" if s.name == found.session else "")
        current = next((s.name for s in found.sessions if s.current), found.session)
        if found.session != current:
            text.append(
                t("dashboard.viewing", name=found.session, current=current) + "\n",
                style="bold reverse",
            )
    if quorum is not None:
        style = "" if quorum.met is None else "bold green" if quorum.met else "bold red"
        text.append(quorum_line(quorum, kind) + "\n", style=style)
    if absent is not None:
        text.append(t("absence.excused", n=len(absent.excused)) + " · ")
        text.append(t("absence.not_arrived", n=len(absent.not_arrived)))
    return text
