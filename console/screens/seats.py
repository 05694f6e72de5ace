"""The hall plan (from the palette: "Sơ đồ hội trường"): zones, rows and seats as text,
coloured by delegation, as :mod:`data.seats` numbers them.

Each row reads as the hall is seen facing the stage: odd seats left of the centre aisle, even
seats right, counted from the aisle (:meth:`data.seats.Plan.physical`), the front row first.
A seat given is a block in its delegation's colour, a free seat a dot, a free seat of the rows
kept for guests a ring; the legend names each delegation's colour with its count. ``m`` moves
one delegate to another seat (or none) after the organizer PIN, through
:func:`data.seats.move`, which commits it with its journal row; ``z`` goes to the next zone.

The plan and who sits where are read in a worker on its own read-only connection and posted
back as a :class:`SeatsScreen.Drawn` message (a hall of 10,000 seats parses every seat's text),
again whenever the event file changes while the screen is on view.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Static

from data import seats as seats_mod
from data.errors import DaihoiError
from data.store import Event

from ..i18n import render, t
from ..keys import translate_bindings
from ..widgets.delegate_table import wrap_words
from .base import LiveScreen, Notice
from .modals import AskText
from .pick import ask_delegate

COLOURS = (
    "red", "green", "yellow", "blue", "magenta", "cyan", "bright_red", "bright_green",
    "bright_yellow", "bright_blue", "bright_magenta", "bright_cyan", "dark_orange", "purple",
    "spring_green3", "deep_pink3", "gold3", "steel_blue", "orchid", "chartreuse3",
)  # fmt: skip
"""Delegation colours in the order delegations first take a seat (then round again)."""
TAKEN, FREE, RESERVED = "■", "·", "○"
AISLE = "   "


@dataclass(frozen=True)
class Hall:
    """What the screen draws: the plan and who sits where (:func:`data.seats.seated`)."""

    plan: seats_mod.Plan
    seated: tuple[seats_mod.Seated, ...]


def colours(hall: Hall) -> dict[str, str]:
    """Each delegation's colour, in seating order."""
    found: dict[str, str] = {}
    for s in hall.seated:
        if s.seat is not None and s.delegation not in found:
            found[s.delegation] = COLOURS[len(found) % len(COLOURS)]
    return found


def zone_text(hall: Hall, zone: int, palette: dict[str, str], *, wide: bool) -> Text:
    """One zone as rows of seat marks, facing the stage; ``wide``: a space between seats."""
    plan = hall.plan
    spec = plan.zones[zone]
    who = {s.seat: s for s in hall.seated if s.seat is not None and s.seat.zone == zone}
    floor = f" · {spec.floor}" if spec.floor else ""
    text = Text(
        t("seats.zone_line", zone=spec.name, floor=floor, seated=len(who), capacity=spec.capacity)
        + "\n",
        style="bold",
    )
    gap = " " if wide else ""
    label = max(len(t("seats.row_label", row=len(spec.rows))), 3)
    for row in range(1, len(spec.rows) + 1):
        text.append(f"{t('seats.row_label', row=row):>{label}} ", style="dim")
        numbers = plan.physical(zone, row)
        for n, number in enumerate(numbers):
            if n and numbers[n - 1] % 2 == 1 and number % 2 == 0:
                text.append(AISLE)  # the centre aisle, between seat 1 and seat 2
            seat = seats_mod.Seat(zone, row, number)
            sitting = who.get(seat)
            if sitting is not None:
                text.append(TAKEN, style=palette.get(sitting.delegation, ""))
            elif plan.reserved(seat):
                text.append(RESERVED, style="dim yellow")
            else:
                text.append(FREE, style="dim")
            text.append(gap)
        text.append("\n")
    return text


def legend_text(hall: Hall, palette: dict[str, str], width: int) -> Text:
    """The delegations' colours with how many of each are seated, then the marks' meaning;
    a name too long for ``width`` wraps at a word under itself."""
    counts: dict[str, int] = {}
    for s in hall.seated:
        if s.seat is not None:
            counts[s.delegation] = counts.get(s.delegation, 0) + 1
    text = Text(t("seats.legend") + "\n", style="bold")
    indent = " " * 7  # "■ " and the count's "1234 "

    def wrapped(words: str) -> str:
        return f"\n{indent}".join(wrap_words(words, max(8, width - len(indent))) or [""])

    for delegation, colour in palette.items():
        text.append(TAKEN + " ", style=colour)
        name = delegation or t("reception.no_delegation")
        text.append(f"{counts[delegation]:>4} {wrapped(name)}\n")
    text.append(f"{FREE}{indent[1:]}{wrapped(t('seats.legend_free'))}\n", style="dim")
    text.append(f"{RESERVED}{indent[1:]}{wrapped(t('seats.legend_reserved'))}\n", "dim yellow")
    off = sum(1 for s in hall.seated if s.seat is None)
    if off:
        text.append("\n" + t("seats.off_plan_count", n=off) + "\n", style="bold yellow")
    return text


class SeatsScreen(LiveScreen):
    """The hall plan, live."""

    CSS_PATH = "seats.tcss"
    SCANS = "overlay"
    """A badge scanned here is checked in, the verdict shown over the plan."""
    BINDINGS = [
        Binding("m", "move", "key.seat_move"),
        Binding("z", "next_zone", "key.seat_zone"),
    ]

    @dataclass
    class Drawn(Message):
        """The hall read by the worker, to draw."""

        hall: Hall

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.hall: Hall | None = None
        self._zone = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="seats-title", markup=False)
        with Horizontal():
            yield VerticalScroll(id="zones")
            with VerticalScroll(id="legend-box"):
                yield Static(id="legend", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.follow_event()

    def repaint(self) -> None:
        self.read_hall()

    @work(thread=True, exclusive=True, group="seats")
    def read_hall(self) -> None:
        """The plan and the seats given, on this worker's own read-only connection."""
        app = self.app
        try:
            with Event.open(app.event_path, clock=app.clock, readonly=True) as event:
                plan = seats_mod.load_plan(event)
                hall = Hall(plan, tuple(seats_mod.seated(event, plan)))
        except DaihoiError as exc:
            self.post_message(Notice(render(exc), severity="error"))
            return
        self.post_message(self.Drawn(hall))

    @on(Drawn)
    def draw(self, message: Drawn) -> None:
        hall = self.hall = message.hall
        palette = colours(hall)
        seated = sum(1 for s in hall.seated if s.seat is not None)
        capacity = sum(z.capacity for z in hall.plan.zones)
        title = hall.plan.title or t("screen.seats")
        self.query_one("#seats-title", Static).update(
            Text(t("seats.view_title", title=title, seated=seated, capacity=capacity), "bold")
        )
        box = self.query_one("#zones", VerticalScroll)
        room = box.size.width or self.app.size.width * 7 // 10
        zones = list(box.query(Static))
        if len(zones) != len(hall.plan.zones):
            box.remove_children()
            zones = [Static(markup=False, classes="zone") for _ in hall.plan.zones]
            box.mount_all(zones)
        for z, widget in enumerate(zones):
            widest = max(hall.plan.zones[z].rows, default=0)
            wide = 2 * widest + len(AISLE) + 6 <= room
            widget.update(zone_text(hall, z, palette, wide=wide))
        legend = self.query_one("#legend", Static)
        width = legend.content_size.width or max(22, self.app.size.width * 3 // 10 - 3)
        legend.update(legend_text(hall, palette, width))

    def on_resize(self) -> None:
        if self.hall is not None:  # the rows' spacing and the legend's wrap follow the width
            self.call_after_refresh(self.draw, self.Drawn(self.hall))

    # ---------------------------------------------------------- keys
    def action_next_zone(self) -> None:
        """``z``: scroll to the next zone (round to the first)."""
        zones = list(self.query_one("#zones", VerticalScroll).query(Static))
        if zones:
            self._zone = (self._zone + 1) % len(zones)
            self.query_one("#zones", VerticalScroll).scroll_to_widget(zones[self._zone], top=True)

    @work
    async def action_move(self) -> None:
        """``m``: who (a name typed, then picked among namesakes), their new seat ("Khu A,
        hàng 3, ghế 12"; empty: no seat), the organizer PIN, then the move, journaled."""
        app = self.app
        chosen = await ask_delegate(
            self,
            t("seats.ask_who"),
            lambda d: " · ".join(x for x in (d.name, d.delegation, d.seat) if x),
        )
        if chosen is None:
            return
        question = t("seats.ask_seat", name=chosen.name, seat=chosen.seat or t("seats.no_seat_yet"))
        seat = await app.push_screen_wait(
            AskText(question, placeholder=t("seats.ask_seat.example"))
        )
        if seat is None or not await app.organizer_ok("seat_move"):
            return
        try:
            plan = seats_mod.load_plan(app.event)
            given = seats_mod.move(app.event, chosen.id, seat, plan=plan)
        except DaihoiError as exc:
            self.notify(render(exc), severity="error", timeout=10)
            return
        self.notify(t("seats.moved", name=chosen.name, seat=given or t("seats.no_seat_yet")))
        app.changed()
