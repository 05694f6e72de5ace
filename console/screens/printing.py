"""Printing badges, and the tray sheets, the summary and every export, from one screen.

The organizer picks which badges (all, one delegation, only those never printed, only those
changed since they were printed), the layout and the printer, sees the count, the pages, a
warning when some were printed before, and the first sheet's names, then writes the PDF (and
sends it to the printer with CUPS ``lp``). The same library calls as ``daihoi badges``:
:func:`badges.build.plan` for the preview, :func:`badges.build.print_badges` for the run, which
records what was printed with its journal row (:mod:`data.printed`). Rendering runs in a thread
worker on its own connection, reporting progress as messages, so every screen stays usable.

Reports and tray sheets go through :func:`console.outputs.write_report` / ``write_tray``, the
calls the command line and the dashboard make.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    ProgressBar,
    RadioButton,
    RadioSet,
    Select,
    Static,
)

from badges.layout import LAYOUTS
from data import printed
from data.delegates import all_delegates
from data.errors import DaihoiError
from data.store import Event

from ..i18n import render, t
from ..keys import PRINT_KEY, SAFETY_KEY, translate_bindings
from ..outputs import SUMMARY
from .base import DeskScreen

TRAY = "tray"
"""The tray sheets, offered among the reports."""

ONE_DELEGATION = "delegation"
CHOICES = (printed.ALL, ONE_DELEGATION, printed.NEW, printed.CHANGED)
"""The radio buttons, in order."""


@dataclass
class Said(Message):
    """A worker's result for the person at the desk, told on the UI thread by the screen."""

    text: str
    severity: SeverityLevel = "information"
    timeout: float = 10
    changed: bool = False
    """The worker wrote to the event file: every screen repaints."""


class WorkScreen(DeskScreen[None]):
    """A screen of organizer work whose workers say their results with :class:`Said`."""

    def post(self, message: Message) -> None:
        """Post ``message`` (a worker's progress callback, which must return nothing)."""
        self.post_message(message)

    @on(Said)
    def said(self, message: Said) -> None:
        message.stop()
        self.notify(message.text, severity=message.severity, timeout=message.timeout)
        if message.changed:
            self.app.changed()


def report_kinds() -> list[str]:
    """What the report list offers: the dashboard's exports (summary first), then the trays."""
    from .dashboard import EXPORT_KINDS

    return [*EXPORT_KINDS, TRAY]


def report_label(kind: str) -> str:
    if kind == TRAY:
        return t("printing.tray")
    from .dashboard import export_label

    return export_label(kind)


@dataclass
class Planned(Message):
    """What :func:`compute_plan` found for ``args``, for the screen to show."""

    args: dict[str, Any]
    plan: Any
    """The :class:`badges.build.PrintPlan`, or None when nothing would print (``reason``)."""
    reason: str = ""
    history: dict[int, Any] | None = None
    """The first sheet's print history, by delegate id."""
    delegations: list[str] | None = None
    """The delegations, on the screen's first load only."""


@dataclass
class Printers(Message):
    """The printers CUPS knows, the default first (``lpstat`` can take seconds to answer)."""

    names: list[str]


def compute_plan(app: Any, args: dict[str, Any], *, first: bool = False) -> Planned:
    """The count, the first sheet and its history for ``args`` (and, ``first``, the
    delegations), on a connection of its own so it runs in a thread while the screen is
    already shown."""
    from badges.build import plan

    with Event.open(app.event_path, clock=app.clock, readonly=True) as event:
        delegations = None
        if first:
            delegations = sorted({d.delegation for d in all_delegates(event) if d.delegation})
        if args.pop("need_delegation", False):
            return Planned(args, None, t("printing.delegation"), None, delegations)
        try:
            found = plan(event, **args)
        except DaihoiError as exc:
            return Planned(args, None, render(exc), None, delegations)
        history = printed.history(event, [d.id for d in found.first_sheet])
    return Planned(args, found, "", history, delegations)


def when(printed_at: str) -> str:
    """``2025-09-20 08:15`` from a stored time."""
    return printed_at[:16].replace("T", " ")


class PrintScreen(WorkScreen):
    """Badges, trays and reports: choose, preview, write, print."""

    CSS_PATH = "printing.tcss"
    SCANS = "overlay"
    """A badge scanned here checks in and shows its verdict over the screen."""

    BINDINGS = [
        Binding("escape", "back", "key.back"),
        Binding("ctrl+w", "write(False)", "key.print_write"),
        Binding("ctrl+r", "write(True)", "key.print_send"),
        Binding("ctrl+e", "report", "key.print_report", show=False),
    ]

    @dataclass
    class Progress(Message):
        """How far the worker got: ``bar`` is ``badges`` or ``report``."""

        bar: str
        done: int
        total: int | None

    @dataclass
    class Done(Message):
        """The worker finished (``path`` written, or None when it failed)."""

        bar: str
        path: Path | None

    def __init__(self, only: str = printed.ALL, report: str | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.only = only
        self.first_report = report
        self.plan: Any = None
        self.drawing = 0
        self.resumed = False
        """Shown once already (on_mount made the first plan)."""
        """How many badges the current (or last) run draws."""
        """The :class:`badges.build.PrintPlan` shown (None when nothing would print)."""

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="print"):
            yield Label(t("printing.title"), classes="heading")
            with RadioSet(id="only"):
                for choice in CHOICES:
                    yield RadioButton(
                        t(f"printing.only.{choice}"), value=choice == self.only, id=f"only-{choice}"
                    )
            with Horizontal(classes="row"):
                yield Label(t("printing.delegation"), classes="label")
                yield Select(
                    [],
                    prompt=t("printing.delegation"),
                    id="delegation",
                    disabled=self.only != ONE_DELEGATION,
                )
            with Horizontal(classes="row"):
                yield Label(t("printing.layout"), classes="label")
                yield Select(
                    [(t(f"printing.layout.{name}"), name) for name in LAYOUTS],
                    value="a6",
                    allow_blank=False,
                    id="layout",
                )
            with Horizontal(classes="row"):
                yield Label(t("printing.printer"), classes="label")
                yield Select([], prompt=t("printing.finding_printers"), id="printer")
            with Horizontal(classes="row"):
                yield Label(t("printing.file"), classes="label")
                yield Input(self.default_pdf(), id="pdf")
            yield Static(t("printing.planning"), id="count")
            yield Label(t("printing.first_sheet"), classes="heading")
            yield DataTable(id="sheet", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="buttons"):
                yield Button(t("printing.write"), id="write", variant="primary")
                yield Button(t("printing.print"), id="send", variant="success")
            yield Label(t("printing.outputs"), classes="heading")
            with Horizontal(classes="row"):
                yield Label(t("printing.report"), classes="label")
                kinds = report_kinds()
                yield Select(
                    [(report_label(k), k) for k in kinds],
                    value=self.first_report if self.first_report in kinds else SUMMARY,
                    allow_blank=False,
                    id="report",
                )
            with Horizontal(classes="buttons"):
                yield Button(t("printing.write_report"), id="write-report")
        # Above the footer, not at the end of the form: seen whatever is scrolled into view.
        with Vertical(id="progress"):
            for bar in ("badges", "report"):
                with Horizontal(id=f"{bar}-line", classes="progress-line"):
                    yield Label("", id=f"{bar}-doing")
                    yield ProgressBar(id=f"{bar}-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#sheet", DataTable)
        for key in ("slot", "name", "delegation", "state"):
            table.add_column(t(f"printing.col.{key}"), key=key)
        self.query_one("#badges-line").display = False
        self.query_one("#report-line").display = False
        self.query_one("#only", RadioSet).focus()
        self.refresh_plan(first=True)
        self.find_printers()
        if self.first_report is not None:
            self.query_one("#report", Select).focus()

    def on_screen_resume(self) -> None:
        if self.resumed:  # back from another screen: the list may have changed
            self.refresh_plan()
        self.resumed = True

    def default_pdf(self) -> str:
        path = self.app.event_path  # a name: written next to the event file (see target)
        return f"{path.stem}-the-{self.only}-{self.app.now():%Y%m%d-%H%M}.pdf"

    def target(self) -> Path:
        """The PDF typed (or proposed); a bare name goes next to the event file."""
        typed = Path(self.query_one("#pdf", Input).value.strip() or self.default_pdf())
        return typed if typed.is_absolute() else self.app.event_path.parent / typed

    # ------------------------------------------------------------------ the preview
    @on(RadioSet.Changed, "#only")
    def only_changed(self, event: RadioSet.Changed) -> None:
        self.only = CHOICES[event.index]
        self.query_one("#delegation", Select).disabled = self.only != ONE_DELEGATION
        self.query_one("#pdf", Input).value = self.default_pdf()
        self.refresh_plan()

    @on(Select.Changed, "#delegation, #layout")
    def options_changed(self) -> None:
        self.refresh_plan()

    def chosen(self) -> dict[str, Any]:
        """The arguments of :func:`~badges.build.plan` and ``print_badges`` as chosen."""
        delegation = self.query_one("#delegation", Select).value
        one = self.only == ONE_DELEGATION
        return {
            "delegation": str(delegation) if one and delegation != Select.NULL else None,
            "only": printed.ALL if self.only == ONE_DELEGATION else self.only,
            "layout": str(self.query_one("#layout", Select).value),
        }

    def refresh_plan(self, *, first: bool = False) -> None:
        """Count, pages, the warning and the first sheet for what is chosen now, computed in a
        worker: the screen shows at once with a line saying it is counting."""
        self.query_one("#count", Static).update(Text(t("printing.planning")))
        self.planning(self.request(), first)

    def request(self) -> dict[str, Any]:
        args = self.chosen()
        if self.only == ONE_DELEGATION and args["delegation"] is None:
            args["need_delegation"] = True
        return args

    @work(thread=True, exclusive=True, group="plan")
    def planning(self, args: dict[str, Any], first: bool) -> None:
        self.post_message(compute_plan(self.app, args, first=first))

    @work(thread=True, group="printers")
    def find_printers(self) -> None:
        from badges import printing

        self.post_message(Printers(printing.printers()))

    @on(Printers)
    def printers_found(self, message: Printers) -> None:
        message.stop()
        printer = self.query_one("#printer", Select)
        printer.prompt = t("printing.no_printer")
        printer.set_options([(p, p) for p in message.names])
        if message.names:
            printer.value = message.names[0]  # the default first

    @on(Planned)
    def planned(self, message: Planned) -> None:
        message.stop()
        if message.delegations is not None:
            with self.prevent(Select.Changed):
                self.query_one("#delegation", Select).set_options(
                    [(n, n) for n in message.delegations]
                )
        wanted = self.request()
        wanted.pop("need_delegation", None)
        if message.args == wanted:  # not an answer to a choice changed since
            self.show_plan(message)

    def show_plan(self, found: Planned) -> None:
        count = self.query_one("#count", Static)
        table = self.query_one("#sheet", DataTable)
        table.clear()
        self.plan = found.plan
        if found.plan is None:
            count.update(Text(t("printing.count_none", reason=found.reason)))
            return
        lines = Text(
            t(
                "printing.count",
                n=len(found.plan.delegates),
                pages=found.plan.pages,
                per_page=found.plan.layout.per_page,
            )
        )
        last = printed.latest(found.plan.already.values())
        if last is not None:
            lines.append("\n")
            lines.append(
                t(
                    "printing.already",
                    n=len(found.plan.already),
                    at=when(last.printed_at),
                    desk=last.desk,
                ),
                style="bold yellow",
            )
        count.update(lines)
        history = found.history or {}
        for slot, delegate in enumerate(found.plan.first_sheet, start=1):
            state = printed.state(delegate, history.get(delegate.id))
            table.add_row(
                str(slot),
                Text(delegate.name),
                Text(delegate.delegation),
                t(f"printing.state.{state}"),
            )

    # ------------------------------------------------------------------ printing
    @on(Button.Pressed, "#write")
    def write_pressed(self) -> None:
        self.action_write(False)

    @on(Button.Pressed, "#send")
    def send_pressed(self) -> None:
        self.action_write(True)

    @work(exclusive=True, group="print-ask")
    async def action_write(self, send: bool) -> None:
        """Warn of badges printed before, ask the organizer PIN, then render in a worker."""
        from ..screens.modals import Confirm

        planned = await asyncio.to_thread(compute_plan, self.app, self.request())
        self.show_plan(planned)
        found = self.plan
        if found is None:
            self.notify(str(self.query_one("#count", Static).render()), severity="warning")
            return
        last = printed.latest(found.already.values())
        if last is not None:
            question = t(
                "printing.reprint_question",
                n=len(found.already),
                at=when(last.printed_at),
                desk=last.desk,
            )
            if not await self.app.push_screen_wait(Confirm(question)):
                return
        if not await self.app.organizer_ok("print_badges"):
            return
        printer = self.query_one("#printer", Select).value
        target = self.target()
        bar = self.query_one("#badges-progress", ProgressBar)
        bar.update(total=len(found.delegates) + 1, progress=0)
        self.drawing = len(found.delegates)
        self.query_one("#badges-doing", Label).update(t("printing.rendering", n=self.drawing))
        self.query_one("#badges-line").display = True
        self.render_badges(
            target,
            self.chosen(),
            str(printer) if send and printer != Select.NULL else ("" if send else None),
        )

    @work(thread=True, exclusive=True, group="print")
    def render_badges(self, target: Path, args: dict[str, Any], printer: str | None) -> None:
        """Write the PDF on this worker's own connection; ``printer`` "" means send without a
        printer to send to (said, the PDF kept), None means do not send."""
        from badges import printing
        from badges.build import print_badges

        app = self.app
        try:
            with Event.open(
                app.event_path, clock=app.clock, desk=app.desk or "?", operator=app.operator
            ) as event:
                run = print_badges(
                    event,
                    target,
                    **args,
                    progress=lambda d, n: self.post(self.Progress("badges", d, n)),
                )
        except DaihoiError as exc:
            self.post_message(Said(render(exc), severity="error", timeout=15))
            self.post_message(self.Done("badges", None))
            return
        said = t("printing.written", n=len(run.badges), pages=run.pages, path=run.pdf)
        self.post_message(Said(said, timeout=15, changed=True))
        if printer is not None:
            try:
                if not printer:
                    raise DaihoiError("print.no_cups", path=str(run.pdf))
                job = printing.send_to(run.pdf, printer)
            except DaihoiError as exc:
                self.post_message(Said(render(exc), severity="warning", timeout=20))
            else:
                self.post_message(
                    Said(t("printing.sent", path=run.pdf.name, printer=printer, job=job))
                )
        self.post_message(self.Done("badges", run.pdf))

    @on(Progress)
    def progressed(self, message: Progress) -> None:
        bar = self.query_one(f"#{message.bar}-progress", ProgressBar)
        self.query_one(f"#{message.bar}-line").display = True
        bar.update(total=message.total, progress=message.done)

    @on(Done)
    def finished(self, message: Done) -> None:
        self.last_written = message.path
        if message.bar == "badges":
            if message.path is None:
                self.query_one("#badges-line").display = False
            else:  # the full bar stays, saying so, until the next run
                self.query_one("#badges-doing", Label).update(t("printing.drawn", n=self.drawing))
            self.query_one("#pdf", Input).value = self.default_pdf()  # never the same file twice
            self.refresh_plan()
        else:
            self.query_one("#report-line").display = False

    # ------------------------------------------------------------------ reports
    @on(Button.Pressed, "#write-report")
    def action_report(self) -> None:
        kind = str(self.query_one("#report", Select).value)
        path = self.app.event_path
        suffix = ".pdf" if kind in (SUMMARY, TRAY) else ".xlsx"
        name = "khay" if kind == TRAY else kind
        target = path.with_name(f"{path.stem}-{name}-{self.app.now():%Y%m%d-%H%M%S}{suffix}")
        bar = self.query_one("#report-progress", ProgressBar)
        bar.update(total=None, progress=0)  # indeterminate until the report says its steps
        self.query_one("#report-doing", Label).update(report_label(kind))
        self.query_one("#report-line").display = True
        self.write_output(kind, target)

    @work(thread=True, exclusive=True, group="report")
    def write_output(self, kind: str, target: Path) -> None:
        """Write a report or the tray sheets on this worker's own connection."""
        from ..outputs import write_report, write_tray
        from ..phrases import cannot_write

        app = self.app
        try:
            with Event.open(app.event_path, clock=app.clock, readonly=True) as event:
                if kind == TRAY:
                    write_tray(event, target)
                else:
                    write_report(
                        event,
                        kind,
                        target,
                        progress=lambda d, n: self.post(self.Progress("report", d, n)),
                    )
        except DaihoiError as exc:
            self.post_message(Said(render(exc), severity="error", timeout=15))
            self.post_message(self.Done("report", None))
            return
        except OSError as exc:  # a full disk or a locked USB stick must not end the app
            self.post_message(Said(cannot_write(target, exc), severity="error", timeout=15))
            self.post_message(self.Done("report", None))
            return
        self.post_message(Said(t("printing.report_written", path=target), timeout=15))
        self.post_message(self.Done("report", target))

    def action_back(self) -> None:
        self.dismiss(None)


# ---------------------------------------------------------------------- the palette
def open_print(app: Any, only: str = printed.ALL, report: str | None = None) -> None:
    """Open the print screen (once: a second ctrl+b on it does nothing)."""
    if not isinstance(app.screen, PrintScreen):
        app.push_screen(PrintScreen(only, report))


def output_actions(app: Any) -> list[tuple[str, str, Any]]:
    """(label, key, callable) of printing, reports and safety, as the app offers them now."""
    if not getattr(app, "event_opened", True) or not app.check_action("show", ()):
        return []
    from .safety import back_up_now, open_safety

    def printing(only: str = printed.ALL, report: str | None = None) -> Any:
        return lambda: open_print(app, only, report)

    def safety(part: str) -> Any:
        return lambda: open_safety(app, part)

    return [
        (t("palette.print_badges"), PRINT_KEY, printing()),
        (t("palette.print_new"), "", printing(printed.NEW)),
        (t("palette.print_changed"), "", printing(printed.CHANGED)),
        (t("palette.print_delegation"), "", printing(ONE_DELEGATION)),
        (t("palette.tray"), "", printing(report=TRAY)),
        (t("palette.summary"), "", printing(report=SUMMARY)),
        (t("palette.exports"), "", printing(report="attendance")),
        (t("palette.backup_now"), "", lambda: back_up_now(app)),
        (t("palette.safety"), SAFETY_KEY, safety("backup")),
        (t("palette.backup_schedule"), "", safety("schedule")),
        (t("palette.clone"), "", safety("clone")),
        (t("palette.merge"), "", safety("merge")),
        (t("palette.pins"), "", safety("pins")),
    ]


class OutputCommands(Provider):
    """Printing badges, reports, backups, desk copies and PINs, found with or without accents
    ("in the" finds "In thẻ đại biểu")."""

    async def discover(self) -> Hits:
        for label, key, run in output_actions(self.app):
            yield Hit(1, Text(label), run, help=key or None)

    async def search(self, query: str) -> Hits:
        from .palette import _hit

        for label, key, run in output_actions(self.app):
            score, shown = _hit(query, label, self)
            if score > 0:
                yield Hit(score, shown, run, help=key or None)
