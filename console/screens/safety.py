"""Keeping the event safe from the app: backups now and on a schedule, desk copies made and
merged back (with the merge's preview), PINs set and changed, each with the organizer PIN.

The same calls as ``daihoi backup`` / ``clone`` / ``merge`` / ``pin``: :mod:`data.replicas` and
:mod:`data.pins`. Copies and merges run in thread workers on their own connection (a merge of a
busy desk's copy reads its whole journal), and say what they did through a
:class:`~console.screens.printing.Said`. A merge is previewed first (``merge(..., dry_run=True)``:
what it adds, the duplicates found), and only the previewed file can then be merged.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from data import pins, replicas
from data.errors import DaihoiError
from data.store import Event
from data.text import words

from ..i18n import render, t
from ..keys import translate_bindings
from ..phrases import merge_summary
from .printing import Said, WorkScreen

PARTS = ("backup", "schedule", "clone", "merge", "pins")
"""What the palette can open this screen on: the field it focuses."""

_FOCUS = {
    "backup": "#backup-now",
    "schedule": "#every",
    "clone": "#desk",
    "merge": "#merge-path",
    "pins": "#pin-new",
}


def backup_folder(event_path: Path) -> Path:
    """Where backups go unless told: ``<event>-saoluu/`` next to the event file."""
    return event_path.with_name(f"{event_path.stem}-saoluu")


class SafetyScreen(WorkScreen):
    """Backups, desk copies, merges and PINs."""

    CSS_PATH = "safety.tcss"
    SCANS = "overlay"

    BINDINGS = [
        Binding("escape", "back", "key.back"),
        Binding("ctrl+n", "backup_now", "key.backup_now"),
    ]

    @dataclass
    class Previewed(Message):
        """A merge's dry run: what merging ``path`` would do, or why it cannot."""

        path: Path
        reports: dict[str, replicas.MergeReport] | None
        error: str = ""

    @dataclass
    class Cloned(Message):
        """A desk copy was made at ``path``: the merge field offers it for later."""

        path: Path

    def __init__(self, part: str = "backup") -> None:
        super().__init__()
        translate_bindings(self)
        self.part = part if part in PARTS else "backup"
        self.previewed: Path | None = None
        """The desk copy whose preview is shown: the one the merge button merges."""

    def compose(self) -> ComposeResult:
        app = self.app
        folder = app.backup_dir or backup_folder(app.event_path)
        yield Header()
        with VerticalScroll(id="safety"):
            yield Label(t("safety.backup"), classes="heading")
            with Horizontal(classes="row"):
                yield Label(t("safety.backup_folder"), classes="label")
                yield Input(str(folder), id="folder")
            with Horizontal(classes="row"):
                yield Label(t("safety.every"), classes="label")
                yield Input(f"{app.backup_every:g}", id="every", type="integer")
            with Horizontal(classes="buttons"):
                yield Button(t("safety.backup_now"), id="backup-now", variant="primary")
                yield Button(t("safety.schedule"), id="schedule")
            yield Static(id="backup-state")

            yield Label(t("safety.copies"), classes="heading")
            with Horizontal(classes="row"):
                yield Label(t("safety.desk_name"), classes="label")
                yield Input(next_desk(app.desk), id="desk", placeholder=t("safety.desk_hint"))
            with Horizontal(classes="row"):
                yield Label(t("safety.copy_path"), classes="label")
                yield Input(copy_path(app.event_path, next_desk(app.desk)), id="copy-path")
            with Horizontal(classes="buttons"):
                yield Button(t("safety.make_copy"), id="clone")
            with Horizontal(classes="row"):
                yield Label(t("safety.merge_path"), classes="label")
                yield Input(id="merge-path")
            with Horizontal(classes="buttons"):
                yield Button(t("safety.merge_preview"), id="preview")
                yield Button(t("safety.merge"), id="merge", variant="warning", disabled=True)
            yield Static(id="merge-state")

            yield Label(t("safety.pins"), classes="heading")
            yield Static(id="pin-state")
            with Horizontal(classes="row"):
                yield Label(t("safety.pin_kind"), classes="label")
                yield Select(
                    [(t(f"pin.kind.{k}"), k) for k in pins.KINDS],
                    value="organizer",
                    allow_blank=False,
                    id="pin-kind",
                )
            with Horizontal(classes="row"):
                yield Label(t("safety.pin_new"), classes="label")
                yield Input(id="pin-new", password=True, type="integer")
            with Horizontal(classes="row"):
                yield Label(t("safety.pin_again"), classes="label")
                yield Input(id="pin-again", password=True, type="integer")
            with Horizontal(classes="buttons"):
                yield Button(t("safety.pin_set"), id="set-pin")
        yield Footer()

    def on_mount(self) -> None:
        self.show_state()
        self.query_one(_FOCUS[self.part]).focus()

    def show_state(self) -> None:
        app = self.app
        if app.backup_dir is not None:
            scheduled = t("safety.scheduled", minutes=f"{app.backup_every:g}", path=app.backup_dir)
        else:
            scheduled = t("safety.not_scheduled")
        self.query_one("#backup-state", Static).update(Text(scheduled))
        state = {
            k: t("safety.pin_is_set" if pins.has_pin(app.event, k) else "safety.pin_not_set")
            for k in pins.KINDS
        }
        self.query_one("#pin-state", Static).update(Text(t("safety.pin_state", **state)))

    def action_back(self) -> None:
        self.dismiss(None)

    # ------------------------------------------------------------------ backups
    @on(Button.Pressed, "#backup-now")
    def backup_pressed(self) -> None:
        self.action_backup_now()

    @work(exclusive=True, group="safety-ask")
    async def action_backup_now(self) -> None:
        if not await self.app.organizer_ok("backup"):
            return
        self.backup(Path(self.query_one("#folder", Input).value.strip()))

    @work(thread=True, exclusive=True, group="safety-backup")
    def backup(self, folder: Path) -> None:
        """One backup into ``folder`` (made if missing), on this worker's own connection."""
        self.post_message(make_backup(self.app, folder))

    @on(Button.Pressed, "#schedule")
    @work(exclusive=True, group="safety-ask")
    async def schedule(self) -> None:
        value = self.query_one("#every", Input).value.strip()
        if not (value.isdigit() and 1 <= int(value) <= 240):
            self.notify(t("safety.bad_minutes", value=value), severity="error")
            return
        if not await self.app.organizer_ok("backup"):
            return
        folder = Path(self.query_one("#folder", Input).value.strip())
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.notify(
                render(DaihoiError("backup.cannot_write", path=str(folder), reason=reason)),
                severity="error",
            )
            return
        self.app.schedule_backups(folder, int(value))
        self.backup(folder)  # the first one now: the schedule is known to work
        self.show_state()

    # ------------------------------------------------------------------ desk copies
    @on(Input.Changed, "#desk")
    def desk_typed(self, event: Input.Changed) -> None:
        self.query_one("#copy-path", Input).value = copy_path(self.app.event_path, event.value)

    @on(Button.Pressed, "#clone")
    @on(Input.Submitted, "#desk")
    @on(Input.Submitted, "#copy-path")
    def clone_asked(self) -> None:
        self.make_copy()

    @work(exclusive=True, group="safety-ask")
    async def make_copy(self) -> None:
        """Enter in either field, the button or the palette: a desk copy, once both fields say
        what to make (an empty or unusable field is named, with the focus on it)."""
        desk_field = self.query_one("#desk", Input)
        out_field = self.query_one("#copy-path", Input)
        desk, out = desk_field.value.strip(), out_field.value.strip()
        problem = ""
        if not desk:
            problem, field = t("safety.need_desk"), desk_field
        elif not out:
            problem, field = t("safety.need_copy_path"), out_field
        elif Path(out).exists():
            problem, field = t("safety.copy_exists", path=out), out_field
        elif not Path(out).parent.is_dir():
            problem, field = t("safety.copy_no_folder", path=Path(out).parent), out_field
        if problem:
            self.notify(problem, severity="error", timeout=10)
            field.focus()
            return
        if not await self.app.organizer_ok("clone"):
            return
        self.clone(desk, Path(out))

    @work(thread=True, exclusive=True, group="safety-clone")
    def clone(self, desk: str, out: Path) -> None:
        app = self.app
        try:
            with Event.open(
                app.event_path, clock=app.clock, desk=app.desk or "?", operator=app.operator
            ) as event:
                made = replicas.clone(event, desk, out)
        except DaihoiError as exc:
            self.post_message(Said(render(exc), severity="error", timeout=15))
            return
        self.post_message(self.Cloned(made))
        self.post_message(Said(t("safety.clone_done", desk=desk, path=made), timeout=20))

    @on(Cloned)
    def cloned(self, message: Cloned) -> None:
        self.query_one("#merge-path", Input).value = str(message.path)

    # ------------------------------------------------------------------ merging
    @on(Input.Changed, "#merge-path")
    def merge_path_typed(self) -> None:
        self.previewed = None  # another file: preview it first
        self.query_one("#merge", Button).disabled = True

    @on(Button.Pressed, "#preview")
    def preview_pressed(self) -> None:
        value = self.query_one("#merge-path", Input).value.strip()
        if value:
            self.query_one("#merge-state", Static).update(Text("…"))
            self.preview(Path(value))

    @work(thread=True, exclusive=True, group="safety-merge")
    def preview(self, path: Path) -> None:
        """The merge as a dry run on this worker's connection: nothing is kept."""
        app = self.app
        try:
            with Event.open(app.event_path, clock=app.clock, desk=app.desk or "?") as event:
                reports = replicas.merge(event, path, dry_run=True)
        except DaihoiError as exc:
            self.post_message(self.Previewed(path, None, render(exc)))
            return
        self.post_message(self.Previewed(path, reports))

    @on(Previewed)
    def previewed_merge(self, message: Previewed) -> None:
        state = self.query_one("#merge-state", Static)
        if message.reports is None:
            state.update(Text(message.error, style="bold red"))
            return
        main, back = message.reports["main"], message.reports["copy"]
        if not main.journal_rows and not back.journal_rows:
            state.update(Text(t("safety.nothing_new", path=message.path.name)))
            return
        text = t(
            "safety.preview",
            path=message.path.name,
            rows=main.journal_rows,
            checkins=main.checkins,
            duplicates=main.duplicates,
            undos=main.undos,
            delegates=main.delegates,
            revocations=main.revocations,
            walkins=main.walkins,
            back=back.journal_rows,
        )
        state.update(Text(text))
        self.previewed = message.path
        self.query_one("#merge", Button).disabled = False

    @on(Button.Pressed, "#merge")
    @work(exclusive=True, group="safety-ask")
    async def merge_pressed(self) -> None:
        path = self.previewed
        if path is None:
            self.notify(t("safety.preview_first"), severity="warning")
            return
        if not await self.app.organizer_ok("merge"):
            return
        self.query_one("#merge", Button).disabled = True
        self.merge(path)

    @work(thread=True, exclusive=True, group="safety-merge")
    def merge(self, path: Path) -> None:
        app = self.app
        try:
            with Event.open(
                app.event_path, clock=app.clock, desk=app.desk or "?", operator=app.operator
            ) as event:
                reports = replicas.merge(event, path)
        except DaihoiError as exc:
            self.post_message(Said(render(exc), severity="error", timeout=15))
            return
        main, back = reports["main"], reports["copy"]
        said = merge_summary(path.name, main, back)
        self.post_message(Said(said, timeout=20, changed=True))

    # ------------------------------------------------------------------ PINs
    @on(Button.Pressed, "#set-pin")
    @on(Input.Submitted, "#pin-again")
    @work(exclusive=True, group="safety-ask")
    async def set_pin(self) -> None:
        new = self.query_one("#pin-new", Input)
        again = self.query_one("#pin-again", Input)
        kind = str(self.query_one("#pin-kind", Select).value)
        if new.value != again.value:
            again.value = ""
            self.notify(t("safety.pin_mismatch"), severity="error")
            return
        if not await self.app.organizer_ok("set_pin"):
            return
        try:
            pins.set_pin(self.app.event, kind, new.value)
        except DaihoiError as exc:
            self.notify(render(exc), severity="error")
            return
        new.value = again.value = ""
        self.app.changed()
        self.notify(t("pin.changed", kind=t(f"pin.kind.{kind}")))
        self.show_state()


def next_desk(desk: str) -> str:
    """The desk a copy is likely for: ``Bàn 2`` at ``Bàn 1``, else ``Bàn 2`` in the UI language."""
    match = re.fullmatch(r"(.*?)(\d+)", desk.strip())
    if match:
        return f"{match[1]}{int(match[2]) + 1}"
    return t("safety.desk_example")


def copy_path(event_path: Path, desk: str) -> str:
    """Where a desk copy goes unless told: ``<event>-ban-2.db`` next to the event file."""
    slug = "-".join(words(desk)) or "ban"
    return str(event_path.with_name(f"{event_path.stem}-{slug}.db"))


def make_backup(app: Any, folder: Path) -> Said:
    """One backup into ``folder`` (made if missing) on a connection of its own, for a thread;
    what to tell the person at the desk."""
    try:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DaihoiError(
                "backup.cannot_write", path=str(folder), reason=exc.strerror or str(exc)
            ) from exc
        with Event.open(app.event_path, clock=app.clock, desk=app.desk or "?") as event:
            made = replicas.rolling_backup(event, folder)
    except DaihoiError as exc:
        return Said(render(exc), severity="error", timeout=15)
    return Said(t("backup.done", path=made), timeout=15)


def back_up_now(app: Any) -> None:
    """The palette's "back up now": the organizer PIN, then one backup into the folder the
    safety screen proposes (the scheduled one, else ``<event>-saoluu/``), without leaving the
    screen the organizer is on. On the safety screen, its folder field as typed."""
    screen = app.screen
    if isinstance(screen, SafetyScreen):
        screen.action_backup_now()
        return

    async def run() -> None:
        if not await app.organizer_ok("backup"):
            return
        folder = app.backup_dir or backup_folder(app.event_path)
        said = await asyncio.to_thread(make_backup, app, folder)
        app.notify(said.text, severity=said.severity, timeout=said.timeout)

    app.run_worker(run(), exclusive=True, group="palette-backup")


def open_safety(app: Any, part: str = "backup") -> None:
    """Open the safety screen on ``part``; when it is already open, go to ``part`` there, and
    the palette's "make a desk copy" makes it (as Enter in its fields does)."""
    screen = app.screen
    if not isinstance(screen, SafetyScreen):
        app.push_screen(SafetyScreen(part))
        return
    screen.query_one(_FOCUS.get(part, "#backup-now")).focus()
    if part == "clone":
        screen.make_copy()
