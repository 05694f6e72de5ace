"""The dashboard (F5): the day at a glance for the organizers, live from every desk.

Arrivals over time (a sparkline of check-ins per 10 minutes), arrived/expected per delegation as
progress bars, the composition of those present, honours presented and where the programme is.
Every figure comes from :func:`data.stats.compute`, the same call behind ``daihoi stats``, the
summary PDF and the exports' summary sheets, so the screen and the report never disagree.

The screen repaints when ``app.revision`` changes (any desk wrote). ``x`` writes a report
(xlsx, or the one-page PDF) next to the event file in a worker thread: the screen never freezes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Label, OptionList, ProgressBar, Sparkline, Static
from textual.widgets.option_list import Option

from data import stats as stats_mod
from data.errors import DaihoiError
from data.reports import KINDS
from data.store import Event
from programme.figures import figures

from ..i18n import render, t
from ..keys import translate_bindings
from ..outputs import SUMMARY, write_report
from ..phrases import (
    arrivals_caption,
    cannot_write,
    honours_line,
    percent,
    programme_line,
)

EXPORT_KINDS = (SUMMARY, *KINDS)
"""What the export dialog offers, the one-page summary first."""


def export_label(kind: str) -> str:
    return t("export.kind." + kind.replace("-", "_"))


class DelegationRow(Horizontal):
    """One delegation: its name, a progress bar, and "arrived/expected"."""

    DEFAULT_CSS = """
    DelegationRow { height: 1; }
    DelegationRow .name { width: 3fr; min-width: 16; }
    DelegationRow ProgressBar { width: 2fr; }
    DelegationRow ProgressBar Bar { width: 1fr; }
    DelegationRow .count { width: 12; text-align: right; }
    """

    def __init__(self, group: stats_mod.Group) -> None:
        super().__init__()
        self.group = group

    def compose(self) -> ComposeResult:
        yield Label(self.group.label, classes="name", markup=False)
        yield ProgressBar(total=max(self.group.expected, 1), show_eta=False)
        yield Label(classes="count")

    def on_mount(self) -> None:
        self.show(self.group)

    def show(self, group: stats_mod.Group) -> None:
        self.group = group
        self.query_one(ProgressBar).update(total=max(group.expected, 1), progress=group.arrived)
        self.query_one(".count", Label).update(f"{group.arrived}/{group.expected}")


class ChooseExport(ModalScreen[str | None]):
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


class DashboardScreen(Screen[None]):
    """The organizers' view of the day."""

    CSS_PATH = "dashboard.tcss"
    SCANS = "overlay"
    """A badge scanned here is checked in, the verdict shown over the screen."""
    BINDINGS = [("x", "export", "key.export")]

    @dataclass
    class Exported(Message):
        """A report was written (or could not be)."""

        path: Path | None
        error: str | None = None

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.figures: stats_mod.Stats | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="left"):
                yield Static(id="headline")
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
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.watch(self.app, "revision", self.refresh_figures, init=False)
        self.refresh_figures()

    # ---------------------------------------------------------- painting
    def refresh_figures(self) -> None:
        """Recompute the figures and repaint; one SQL snapshot, a few ms for a big congress."""
        found = figures(self.app.event)  # type: ignore[attr-defined]
        self.figures = found
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
        box.mount_all(DelegationRow(g) for g in figures.by_delegation)

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
        path: Path = app.event_path  # type: ignore[attr-defined]
        moment = app.now()  # type: ignore[attr-defined]
        suffix = ".pdf" if kind == SUMMARY else ".xlsx"
        target = path.with_name(f"{path.stem}-{kind}-{moment:%Y%m%d-%H%M%S}{suffix}")
        try:
            with Event.open(path, clock=app.clock) as event:  # type: ignore[attr-defined]
                write_report(event, kind, target)
        except DaihoiError as exc:
            self.post_message(self.Exported(None, render(exc)))
            return
        except OSError as exc:  # a full disk or a locked USB stick must not end the app
            self.post_message(self.Exported(None, cannot_write(target, exc)))
            return
        self.post_message(self.Exported(target))

    @on(Exported)
    def exported(self, message: Exported) -> None:
        if message.path is None:
            self.notify(message.error or "", severity="error", timeout=10)
        else:
            self.notify(t("dashboard.export_done", path=message.path), timeout=10)


def composition_text(figures: stats_mod.Stats) -> Text:
    """ "Giới tính: Nam 97 (22,6%) · Nữ 217 (50,5%)", one line per criterion, of those present.

    Built as a Text, not markup: the labels are the list's own words, and a "[" in them must
    print as written.
    """
    text = Text()
    for dimension in figures.composition:
        if dimension.name == stats_mod.DELEGATION:
            continue
        parts = [
            f"{g.label.split(': ', 1)[-1]} {g.arrived} ({percent(g.arrived, figures.arrived)})"
            for g in dimension.groups
            if g.expected
        ]
        if text:
            text.append("\n")
        text.append(f"{dimension.name}: ", style="bold")
        text.append(" · ".join(parts))
    return text
