"""The Textual app: a thin shell that opens the event file and hosts one screen per job.

``make_app`` is the one factory shared by the command line, the Pilot tests and the snapshots.
Each screen owns its bindings and handlers; the app only knows the event file, the desk, and
when the file changed (``revision``), which every screen watches to repaint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, overload

from textual import events, on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Input

from data import pins
from data.checkin import Desk, NotesFor
from data.delegates import Delegate, all_delegates, get_many
from data.delegates import count as delegate_count
from data.errors import DaihoiError
from data.store import Clock, Event, system_clock

from .i18n import render, set_lang, t
from .keys import IMPORT_KEY, PRINT_KEY, SAFETY_KEY, ScanBursts, translate_bindings
from .phrases import cannot_write, desk_notes
from .screens.base import Notice
from .screens.palette import ScreenCommands

if TYPE_CHECKING:
    from textual.command import Provider

    from data.search import SearchIndex

    from .screens.start import StartApp

ORGANIZER_GRACE = timedelta(minutes=5)
"""After the organizer PIN, further organizer actions at this desk need no PIN for this long."""

POLL_SECONDS = 0.25
"""How often the app asks SQLite whether another desk wrote (``PRAGMA data_version``: cheap)."""

INDEX_AFTER = 1.0
"""Seconds from the console's start to building the search index (a worker, 0.5 s of CPU at
10,000 delegates): after the first screen is painted, so the first paint never shares the
interpreter with it, and long before anyone types a name (a search typed sooner builds it)."""


def desk_file() -> Path:
    """Where this computer remembers its desk name (asked on the console's first start)."""
    import os

    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "daihoi" / "desk.txt"


def remembered_desk() -> str:
    """The desk name this computer was given at its first start, or "" if none yet."""
    try:
        return desk_file().read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _lazy(module: str, name: str) -> Callable[[], Screen[Any]]:
    """A mode's screen, its module imported the first time the mode is shown: the console's
    first paint waits for one screen's code, not seven."""

    def make() -> Screen[Any]:
        import importlib

        screen: Screen[Any] = getattr(importlib.import_module(f"console.screens.{module}"), name)()
        return screen

    return make


def _notes_later(event: Event) -> NotesFor:
    """:func:`~console.phrases.desk_notes`, made at the first scan: its programme code (the
    honours, the running order) is not loaded before the first paint."""
    made: list[NotesFor] = []

    def notes(delegate_id: int) -> list[str]:
        if not made:
            made.append(desk_notes(event))
        return made[0](delegate_id)

    return notes


def _screens() -> dict[str, str | Callable[[], Screen[Any]]]:
    """Each mode of the app and the screen that serves it, made when the mode is first shown."""
    return {
        "reception": _lazy("reception", "ReceptionScreen"),
        "delegates": _lazy("delegates", "DelegatesScreen"),
        "programme": _lazy("programme", "ProgrammeScreen"),
        "stage": _lazy("stage", "StageScreen"),
        "ceremony": _lazy("ceremony", "CeremonyScreen"),
        "dashboard": _lazy("dashboard", "DashboardScreen"),
        # the hall plan: from the palette (no function key of its own)
        "seats": _lazy("seats", "SeatsScreen"),
    }


SCREEN_KEYS = {
    "reception": "f1",
    "delegates": "f2",
    "programme": "f3",
    "ceremony": "f4",
    "dashboard": "f5",
}
"""The function key that opens each screen, shown in the footer of every screen."""


def _workbench_commands() -> type[Provider]:
    """The imports' palette entries, their screens' code loaded when the palette opens (not for
    the first paint)."""
    from .screens.importing import WorkbenchCommands

    return WorkbenchCommands


def _output_commands() -> type[Provider]:
    from .screens.printing import OutputCommands

    return OutputCommands


class DaihoiApp(App[None]):
    """The daihoi console on one event file, as one desk."""

    CSS_PATH = ["global.tcss", "screens/reception.tcss"]
    """The reception's stylesheet is read with the app's (the first screen of most desks): read
    when that screen opens, it made Textual parse every stylesheet once more before the first
    paint. Each screen's rules are wrapped in its selector, so reading it early changes nothing."""
    COMMANDS = {ScreenCommands, _workbench_commands, _output_commands}
    """Screens and this screen's keys, and the organizer's imports and matching, in the desk's
    language (Textual's system commands are English and offer nothing a desk needs)."""
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    """Screens lay out for an 80-column laptop (``-narrow``) or use a wide terminal (``-wide``)."""

    revision: reactive[int] = reactive(0, init=False)
    """Bumped when the event file changed (this desk's writes or another desk's); each
    :class:`~console.screens.base.LiveScreen` on view repaints, a hidden one when it is back."""

    @dataclass
    class IndexBuilt(Message):
        """The search index, built by a worker from the list as it stood at ``stamp``."""

        index: SearchIndex
        stamp: tuple[object, ...]

    def __init__(
        self,
        event_path: Path,
        *,
        clock: Clock = system_clock,
        desk: str | None = "",
        operator: str = "",
        screen: str | None = None,
        require_pin: bool = False,
        backup_dir: Path | None = None,
        backup_every: float = 10,
    ) -> None:
        self.MODES = _screens()  # type: ignore[misc]
        self.desk = (remembered_desk() if desk is None else desk or "Bàn 1") or ""
        """Empty until named (``desk=None`` and nothing remembered): the console asks on start
        (:class:`~console.screens.modals.AskDeskName`)."""
        self.first_screen = screen if screen in self.MODES else "reception"
        if self.desk and not require_pin:
            # The first screen is the app's first mode, composed with the app as Textual's
            # default screen is: switching to it from a blank default screen on mount restyled
            # the whole app and parsed the stylesheet twice more before the first paint.
            self.DEFAULT_MODE = self.first_screen  # type: ignore[misc]
        super().__init__()
        translate_bindings(self)
        self.event_path = Path(event_path)
        self.clock = clock
        self.operator = operator
        self.event = Event.open(
            self.event_path, clock=clock, desk=self.desk or "?", operator=operator
        )
        self.checkin = Desk(self.event, notes_for=_notes_later(self.event))
        """The one reception desk of this console: every screen's scans go through it, so a
        repeat scan and this desk's own undo work the same from F1 or F4."""
        self.scanner = ScanBursts()
        """Tells a badge scanner's keys from a person's (``scanner.gap`` is the threshold)."""
        self._version = self.event.data_version()
        self._index: SearchIndex | None = None
        self._index_stamp: tuple[object, ...] | None = None
        self.locked = require_pin
        """True until the desk PIN is typed (browsers on the LAN): no delegate data is shown."""
        self._organizer_until: datetime | None = None
        self._grace_timer: Timer | None = None
        self.backup_dir = backup_dir
        """A second place (USB drive) for rolling backups; None for none."""
        self.backup_every = backup_every
        """Minutes between rolling backups."""
        self._backup_timer: Timer | None = None
        self.title = self.desk  # first in the header: the event's long title must not hide it
        self.sub_title = self.event.info.title

    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", show=False, priority=True),
        *(
            Binding(key, f"show('{name}')", f"screen.short.{name}", priority=True)
            for name, key in SCREEN_KEYS.items()
        ),
        Binding("question_mark", "help", "key.help", key_display="?", priority=True),
        Binding(IMPORT_KEY, "import_list('delegates')", "workbench.key.import", show=False),
        Binding(PRINT_KEY, "print_badges", "palette.print_badges", show=False),
        Binding(SAFETY_KEY, "safety", "screen.safety", show=False),
    ]

    @property
    def read_only(self) -> bool:
        """The stage view is for the speakers' screen: nobody may switch from it to the MC desk."""
        return self.first_screen == "stage"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the screen keys and the command palette while the desk PIN is not typed, once
        the desk has stopped writing, and always on the stage view (read-only: F3 then ``n``
        would start the next item)."""
        if action in ("import_list", "print_badges", "safety"):  # organizer work: as F-keys
            action = "show"
        if action in ("show", "command_palette"):
            return not self.locked and not self.read_only and self.event.stopped is None
        if action == "help":  # "?" is help unless it is typed into a field that holds text
            return not (isinstance(self.focused, Input) and self.focused.value)
        return True

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        """Textual's palette, in the desk's language (see :mod:`console.screens.palette`)."""
        from .screens.palette import Palette

        if self.use_command_palette and not Palette.is_open(cast("App[object]", self)):
            self.push_screen(Palette())

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (it copies in a field): say which key does."""
        self.notify(t("app.how_to_quit"), title=t("app.quit_question"))

    def action_print_badges(self) -> None:
        """Badges, trays and reports (:mod:`console.screens.printing`)."""
        from .screens.printing import open_print

        open_print(self)

    def action_safety(self) -> None:
        """Backups, desk copies, merges, PINs (:mod:`console.screens.safety`)."""
        from .screens.safety import open_safety

        open_safety(self)

    def schedule_backups(self, folder: Path, minutes: float) -> None:
        """Rolling backups into ``folder`` every ``minutes`` from now on (the safety screen;
        ``--backup-dir`` / ``--backup-every`` set the first schedule)."""
        self.backup_dir, self.backup_every = folder, minutes
        if self._backup_timer is not None:
            self._backup_timer.stop()
        self._backup_timer = self.set_interval(minutes * 60, self.rolling_backup)

    def action_import_list(self, kind: str) -> None:
        """Import a list from the app: the file, its preview, then (Enter) the import
        (:mod:`console.screens.importing`)."""
        from .screens.importing import start_import

        start_import(self, kind)

    def on_ready(self) -> None:
        """An event without delegates says what to do next, with the key."""
        if not self.locked and delegate_count(self.event) == 0:
            self.notify(t("workbench.empty_hint"), timeout=60)

    async def on_event(self, event: events.Event) -> None:
        """Every key passes here first: the Enter that ends a scanner burst is taken as a scan
        and goes no further, so it never fires the focused widget's or the screen's Enter
        (on F4 that would mark an honour presented)."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            burst = self.scanner.feed(event.key, event.character, event.time)
            if burst is not None:
                event.stop()
                # After the keys already queued for the focused field: under load its digits
                # are still arriving, and a scan taken now left the last of them in the field.
                focused = self.focused
                if focused is not None:
                    focused.call_later(self.take_scan, burst)
                else:
                    self.take_scan(burst)
                return
        await super().on_event(event)

    def take_scan(self, burst: str) -> None:
        """A badge scanned on whatever screen is up: the screen's ``SCANS`` says what happens.

        ``"desk"`` (reception) scans in place; ``"overlay"`` (delegates, ceremony, dashboard)
        checks in and shows the verdict over the screen; anything else (the MC desk, the stage
        view, a dialog waiting for an answer) refuses with a message and a bell.
        """
        from .screens.modals import ScanVerdict

        focused = self.focused
        if isinstance(focused, Input) and burst in focused.value:  # the digits landed there
            head, _, tail = focused.value.rpartition(burst)
            focused.value = head + tail
        screen = self.screen
        shown = screen if isinstance(screen, ScanVerdict) else None
        if shown is not None:  # the next badge while a verdict is shown: it replaces it
            screen = self.screen_stack[-2]
        policy = getattr(screen, "SCANS", None)
        if self.locked or self.event.stopped is not None:
            self.bell()
            return
        if policy == "desk":
            screen.scan_code(burst)  # type: ignore[attr-defined]
        elif policy == "overlay":
            try:
                verdict = self.checkin.scan(burst)
            except DaihoiError as exc:
                self.notify(render(exc), severity="error", timeout=10)
                return
            if not verdict.repeat:
                self.bell()
            self.changed()
            if shown is not None:
                shown.show(verdict)
            else:
                self.push_screen(ScanVerdict(verdict))
        else:
            self.bell()
            key = "scan.refused_dialog" if policy is None else "scan.refused_screen"
            self.notify(t(key), severity="error", timeout=8)

    def action_show(self, name: str) -> None:
        if name not in self.MODES or self.read_only:
            return
        if name == self.current_mode:
            # A workbench screen (printing, safety) stacked on this mode: back to the mode's own
            # screen, as the footer's key says. A dialog stays: it answers its own keys.
            while len(self.screen_stack) > 1 and not isinstance(self.screen, ModalScreen):
                self.pop_screen()
            return
        self.switch_mode(name)

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self.poll)
        self.set_timer(INDEX_AFTER, self.build_index)
        if self.backup_dir is not None:
            self._backup_timer = self.set_interval(self.backup_every * 60, self.rolling_backup)
        if self.locked:
            from .screens.pin import DeskPinScreen

            self.push_screen(DeskPinScreen(self.desk), self._unlocked)
        elif not self.desk:
            from .screens.modals import AskDeskName

            self.push_screen(AskDeskName(), self._named)
        # else the first screen is up already (``DEFAULT_MODE``)

    def _named(self, desk: str | None) -> None:
        """The desk's name, typed at the first start: used now and remembered."""
        self.desk = self.event.desk = desk or "?"
        self.title = self.desk
        try:
            desk_file().parent.mkdir(parents=True, exist_ok=True)
            desk_file().write_text(self.desk + "\n", encoding="utf-8")
        except OSError as exc:  # a read-only home: the name holds for this run
            self.notify(cannot_write(desk_file(), exc), severity="warning")
        self.switch_mode(self.first_screen)

    def _unlocked(self, desk: str | None) -> None:
        self.locked = False
        self.desk = self.event.desk = desk or self.desk
        self.title = self.desk
        self.switch_mode(self.first_screen)

    async def organizer_ok(self, action: str) -> bool:
        """Ask the organizer PIN (once per ``ORGANIZER_GRACE``) before an organizer action."""
        if not pins.has_pin(self.event, "organizer"):  # the demo, a small meeting: say so
            self.notify(
                t("organizer.unprotected", action=t(f"pin.action.{action}")),
                severity="warning",
                timeout=8,
            )
            return True
        now = self.now()
        if self._organizer_until and now < self._organizer_until:
            return True
        from .screens.pin import OrganizerPin

        if await self.push_screen_wait(OrganizerPin(t(f"pin.action.{action}"))):
            self._organizer_until = now + ORGANIZER_GRACE
            minutes = int(ORGANIZER_GRACE.total_seconds() // 60)
            self.notify(t("organizer.grace", minutes=minutes), timeout=8)
            self.show_grace()
            if self._grace_timer is None:
                self._grace_timer = self.set_interval(10, self.show_grace)
            return True
        return False

    def show_grace(self) -> None:
        """While the organizer PIN's grace lasts the header says so ("Ban tổ chức: còn 4
        phút"), so nobody types the PIN where it is not asked; the desk's name after it."""
        until = self._organizer_until
        left = (until - self.now()).total_seconds() if until else 0
        if left <= 0:
            self._organizer_until = None
            self.title = self.desk
            if self._grace_timer is not None:
                self._grace_timer.stop()
                self._grace_timer = None
            return
        self.title = f"{self.desk} · {t('organizer.grace_left', minutes=-(-int(left) // 60))}"

    def now(self) -> datetime:
        return self.clock()

    @work(thread=True, exclusive=True, group="backup")
    def rolling_backup(self) -> Path | None:
        """Copy the event file to ``backup_dir``; its own connection, so the desk never waits."""
        from data import replicas

        assert self.backup_dir is not None
        try:
            with Event.open(self.event_path, clock=self.clock, desk=self.desk) as event:
                return replicas.rolling_backup(event, self.backup_dir)
        except DaihoiError as exc:
            self.post_message(Notice(render(exc), severity="error", timeout=15))
            return None

    @on(Notice)
    def told(self, notice: Notice) -> None:
        """A worker's result (a report written, a badge printed, a backup failed): said here,
        on the UI thread, with a repaint when the worker wrote to the event file."""
        self.notify(notice.text, severity=notice.severity, timeout=notice.timeout)
        if notice.changed:
            self.changed()

    @work(thread=True, exclusive=True, group="index")
    def build_index(self) -> None:
        """Build the search index soon after the console opens (``INDEX_AFTER``), off the UI
        thread (0.5 s at 10,000 delegates), so the first name typed is searched at once. Its
        own read-only connection."""
        if self._index is not None:  # a search that could not wait has built one already
            return
        from data.search import SearchIndex

        try:
            with Event.open(self.event_path, clock=self.clock, readonly=True) as event:
                stamp = _list_stamp(event)
                index = SearchIndex(all_delegates(event))
        except DaihoiError:  # the first search builds it on the UI thread, and says why
            return
        self.post_message(self.IndexBuilt(index, stamp))

    @on(IndexBuilt)
    def index_built(self, message: IndexBuilt) -> None:
        if self._index is None:  # a search that could not wait has built one already
            self._index, self._index_stamp = message.index, message.stamp

    def poll(self) -> None:
        """Has another desk written? (Every ``POLL_SECONDS``; tests call it to see at once.)"""
        if self.event.stopped is None and not self.event.files_intact():
            self._stop_writing()
            return
        version = self.event.data_version()
        if version != self._version:
            self._version = version
            self.revision += 1

    def _stop_writing(self) -> None:
        """The ``-wal`` vanished under this desk: say so over every screen, ring, write no more
        (``Event.write`` refuses from now on)."""
        from .screens.modals import Stopped

        message = render(self.event.stopped_error())
        self.sub_title = message.split(":")[0]
        self.bell()
        self.push_screen(Stopped(message))

    def changed(self) -> None:
        """This desk wrote: repaint every screen now (data_version only sees other desks)."""
        self.revision += 1

    def search(self, query: str, limit: int = 100) -> tuple[list[Delegate], int]:
        """Search the delegates; results carry their current arrival, the index only names.

        The index is rebuilt only when the list itself changed (an import, an approved
        walk-in), not on every check-in, so ten busy desks do not rebuild it ten times a second.
        """
        from data.search import SearchIndex

        stamp = _list_stamp(self.event)
        if self._index is None or stamp != self._index_stamp:
            self._index = SearchIndex(all_delegates(self.event))
            self._index_stamp = stamp
        result = self._index.search(query, limit=limit)
        fresh = get_many(self.event, [d.id for d in result.delegates])
        return [fresh[d.id] for d in result.delegates if d.id in fresh], result.total

    def on_unmount(self) -> None:
        self.event.close()


def _list_stamp(event: Event) -> tuple[object, ...]:
    """What changes when the list itself does (an import, an approved walk-in), not with a
    check-in: the search index is rebuilt only then."""
    return tuple(
        event.conn.execute("select count(*), max(id), max(updated_at) from delegates").fetchone()
    )


@overload
def make_app(
    event_path: Path | str,
    *,
    clock: Clock = ...,
    desk: str | None = ...,
    operator: str = ...,
    lang: str | None = ...,
    screen: str | None = ...,
    require_pin: bool = ...,
    backup_dir: Path | None = ...,
    backup_every: float = ...,
) -> DaihoiApp: ...
@overload
def make_app(
    event_path: None,
    *,
    clock: Clock = ...,
    desk: str | None = ...,
    operator: str = ...,
    lang: str | None = ...,
    screen: str | None = ...,
    require_pin: bool = ...,
    backup_dir: Path | None = ...,
    backup_every: float = ...,
) -> StartApp: ...
def make_app(
    event_path: Path | str | None,
    *,
    clock: Clock = system_clock,
    desk: str | None = "",
    operator: str = "",
    lang: str | None = None,
    screen: str | None = None,
    require_pin: bool = False,
    backup_dir: Path | None = None,
    backup_every: float = 10,
) -> DaihoiApp | StartApp:
    """The console on ``event_path``; the command line, tests and snapshots all call this.

    ``desk=None`` (``daihoi console`` without ``--desk``): the name this computer was given at
    its first start, else the console asks it before anything else.

    ``event_path=None`` (``daihoi console`` with no event file): the start screen, an app that
    exits with the event file chosen or created (:class:`~console.screens.start.StartApp`).
    An event opened here is remembered among the start screen's recent files."""
    if lang:
        set_lang(lang)
    if event_path is None:
        from .screens.start import StartApp

        return StartApp(operator=operator)
    from .screens.recent import remember_recent

    remember_recent(Path(event_path))
    return DaihoiApp(
        Path(event_path),
        clock=clock,
        desk=desk,
        operator=operator,
        screen=screen,
        require_pin=require_pin,
        backup_dir=backup_dir,
        backup_every=backup_every,
    )
