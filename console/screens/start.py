"""The start screen: ``daihoi console`` with no event file to open.

It lists the event files opened recently on this computer (remembered in the user's config
folder, like the desk name), opens another (typed or browsed), or creates one (title, date,
start time, kind of congress) through :func:`programme.setup.create_event` and
:func:`programme.setup.issue_pins`, the calls ``daihoi init`` makes. The PINs are shown once,
in a dialog that says to write them down. The screen dismisses with the event file's path and
the app opens it (:meth:`console.app.DaihoiApp.open_event`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, RadioButton, RadioSet
from textual.widgets.option_list import Option

from data.errors import DaihoiError

from ..i18n import render, t
from ..keys import translate_bindings
from .files import EVENT_SUFFIXES, FileDialog
from .recent import recent_events

_VN_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:hg]\s*(\d{2})?\s*$", re.IGNORECASE)


def iso_date(text: str) -> str | None:
    """A date as typed here ("20/9/2025", "2025-09-20") in the file's form ``YYYY-MM-DD``;
    None when blank. A text that is no date goes through as typed: the event refuses it with
    its own message (``event.bad_date``)."""
    text = text.strip()
    if not text:
        return None
    if m := _VN_DATE.match(text):
        d, mo, y = (int(g) for g in m.groups())
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            return text
    return text


def clock_time(text: str) -> str:
    """A start time as typed ("7h30", "7:30", "07:30") as ``HH:MM``; else as typed."""
    if m := _TIME.match(text):
        return f"{int(m.group(1)):02d}:{m.group(2) or '00'}"
    return text.strip()


@dataclass(frozen=True)
class NewEvent:
    """What the organizer typed to create an event."""

    path: Path
    title: str
    date: str | None
    start: str
    kind: str
    """``dai-hoi`` or ``hoi-nghi``."""


class KindChoice(RadioSet):
    """The kind of congress: arrows choose, Enter keeps the choice and moves to the next field
    (as the dialog's title says: "Enter chuyển ô"), space only chooses."""

    BINDINGS = [
        Binding("enter", "choose_and_next", show=False),
        Binding("space", "toggle_button", show=False),
    ]

    def action_choose_and_next(self) -> None:
        self.action_toggle_button()
        self.screen.focus_next()


class CreateEvent(ModalScreen[NewEvent | None]):
    """The form for a new event; Enter on the last field (or the button) creates it."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, folder: Path) -> None:
        super().__init__(classes="dialog create-event")
        translate_bindings(self)
        self.folder = folder

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="box"):  # compact to fit 80x24; scrolls if smaller
            yield Label(t("start.create_title"), id="title")
            yield Input(placeholder=t("start.field.title"), id="event-title")
            yield Input(placeholder=t("start.field.date"), id="date")
            yield Input(value="07:30", placeholder=t("start.field.start"), id="start")
            with KindChoice(id="kind"):
                yield RadioButton(t("start.kind.dai-hoi"), value=True, id="dai-hoi")
                yield RadioButton(t("start.kind.hoi-nghi"), id="hoi-nghi")
            yield Input(value=str(self.folder / "daihoi.db"), id="file")
            yield Label("", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("start.create_button"), variant="primary", id="create")

    def on_mount(self) -> None:
        self.query_one("#event-title", Input).focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "file":
            self.create()
        else:
            self.focus_next()

    @on(Button.Pressed, "#create")
    def create(self) -> None:
        title = self.query_one("#event-title", Input).value.strip()
        if not title:
            self.query_one("#error", Label).update(t("start.need_title"))
            self.query_one("#event-title", Input).focus()
            return
        pressed = self.query_one(RadioSet).pressed_button
        kind = pressed.id if pressed is not None and pressed.id else "dai-hoi"
        path = Path(self.query_one("#file", Input).value.strip() or "daihoi.db").expanduser()
        self.dismiss(
            NewEvent(
                path=path if path.is_absolute() else self.folder / path,
                title=title,
                date=iso_date(self.query_one("#date", Input).value),
                start=clock_time(self.query_one("#start", Input).value or "07:30"),
                kind=kind,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class PinsShown(ModalScreen[None]):
    """The new event's PINs, shown this once: any key after Enter closes."""

    BINDINGS = [Binding("enter,escape", "close", "workbench.key.close")]

    def __init__(self, title: str, path: Path, desk_pin: str, organizer_pin: str) -> None:
        super().__init__(classes="dialog pins-shown")
        translate_bindings(self)
        self.lines = (
            t("event.created", title=title, path=path),
            t("start.pins", desk=desk_pin, organizer=organizer_pin),
            t("start.pins_once"),
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(self.lines[0], markup=False)
            yield Label(self.lines[1], markup=False, id="pins")
            yield Label(self.lines[2], markup=False)

    def action_close(self) -> None:
        self.dismiss(None)


class StartScreen(Screen[Path]):
    """Recent event files, open another, create one; dismisses with the file to open."""

    SCANS = None
    CSS_PATH = "start.tcss"
    BINDINGS = [
        Binding("n", "create", "start.key.create"),
        Binding("o", "open_other", "start.key.open"),
    ]

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.folder = folder or Path.cwd()
        self.recent = recent_events()

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start"):
            yield Label(t("start.welcome"), id="welcome")
            if self.recent:
                yield Label(t("start.recent"), classes="heading")
                yield OptionList(
                    *(
                        Option(f"{p.name}  ({p.parent})", id=str(i))
                        for i, p in enumerate(self.recent)
                    ),
                    id="recent",
                )
            else:
                yield Label(t("start.no_recent"), id="no-recent")
            yield Label(t("start.what_next"), id="what-next")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.app.sub_title = t("start.subtitle")
        if self.recent:
            self.query_one("#recent", OptionList).focus()

    @on(OptionList.OptionSelected, "#recent")
    def open_recent(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.recent[int(event.option.id or 0)])

    @work
    async def action_open_other(self) -> None:
        chosen = await self.app.push_screen_wait(
            FileDialog(t("start.open_title"), EVENT_SUFFIXES, start=self.folder)
        )
        if chosen is not None:
            self.dismiss(chosen)

    @work
    async def action_create(self) -> None:
        form = await self.app.push_screen_wait(CreateEvent(self.folder))
        if form is None:
            return
        from programme import setup

        operator = getattr(self.app, "operator", "")
        try:
            event = setup.create_event(
                form.path,
                title=form.title,
                kind=form.kind,
                date=form.date,
                start=form.start,
                operator=operator,
            )
        except DaihoiError as exc:
            self.notify(render(exc), severity="error", timeout=10)
            return
        try:
            desk_pin, organizer_pin = setup.issue_pins(event)
            title, path = event.info.title, event.path
        finally:
            event.close()
        await self.app.push_screen_wait(PinsShown(title, path, desk_pin, organizer_pin))
        self.dismiss(Path(path))


class StartCommands(Provider):
    """The start screen's actions in the palette, found with or without accents."""

    def _commands(self) -> list[tuple[str, str, Any]]:
        screen = self.screen
        found: list[tuple[str, str, Any]] = []
        if isinstance(screen, StartScreen):
            found.append((t("start.create_title_short"), "n", screen.action_create))
            found.append((t("start.open_title"), "o", screen.action_open_other))
        found.append((t("key.quit"), "ctrl+q", self.app.action_quit))
        return found

    async def discover(self) -> Hits:
        for label, key, run in self._commands():
            yield Hit(1, Text(label), run, help=key)

    async def search(self, query: str) -> Hits:
        from .palette import _hit

        for label, key, run in self._commands():
            score, shown = _hit(query, label, self)
            if score > 0:
                yield Hit(score, shown, run, help=key)


class StartApp(App[Path]):
    """``daihoi console`` with no event file: the start screen alone. It exits with the file
    chosen or created, which the command line then opens in the console
    (:func:`console.app.make_app`); None when the organizer quits."""

    CSS_PATH = str(Path(__file__).parent.parent / "global.tcss")
    COMMANDS = {StartCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [Binding("ctrl+q", "quit", "key.quit", show=False, priority=True)]

    def __init__(self, *, folder: Path | None = None, operator: str = "") -> None:
        super().__init__()
        translate_bindings(self)
        self.folder = folder
        self.operator = operator
        self.title = "daihoi"

    def on_mount(self) -> None:
        self.push_screen(StartScreen(self.folder), self.exit)

    def action_command_palette(self) -> None:
        """Textual's palette, in the UI's language (:mod:`console.screens.palette`)."""
        from .palette import Palette

        if not Palette.is_open(cast("App[object]", self)):  # the palette takes any app
            self.push_screen(Palette())
