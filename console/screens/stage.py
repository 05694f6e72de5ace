"""The stage view (``daihoi console --screen stage``): read-only, for a screen the speakers see.

Only the item on stage, the next one, the speaker's timer and a large clock: nothing to press,
nothing personal. It follows every change from the MC desk within a second.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from programme import running
from programme.timing import DayTiming

from ..i18n import t
from .programme import LiveProgramme, clock_text, hm


class StageScreen(LiveProgramme):
    """Current and next item, the timer of the one on stage, and the time of day."""

    CSS_PATH = "stage.tcss"
    SCANS = "refuse"
    """A badge scanned here is refused with a message; no key of this screen fires."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="stage-current")
            with Horizontal(id="clocks"):
                yield Digits("--:--", id="timer")
                yield Digits("--:--", id="clock")
            yield Static(id="stage-next")

    def on_mount(self) -> None:
        self.start_live()

    def paint(self, prog: running.Programme, day: DayTiming, now: datetime) -> None:
        self.query_one("#clock", Digits).update(now.strftime("%H:%M"))
        timer = self.query_one("#timer", Digits)
        current = prog.get(day.current) if day.current else None
        head = Text(justify="center")
        if current is not None:
            it = day.of(current.id)
            head.append(current.title, style="bold")
            if current.performer:
                head.append("\n" + current.performer, style="italic")
            timer.update(clock_text(it.remaining))
            timer.set_class(it.level == "warning", "-warning")
            timer.set_class(it.level == "danger", "-danger")
        else:
            head.append(t("programme.nothing_on_stage"), style="bold")
            timer.update("--:--")
            timer.set_class(False, "-warning")
            timer.set_class(False, "-danger")
        self.query_one("#stage-current", Static).update(head)
        upcoming = prog.get(day.next) if day.next else None
        tail = Text(justify="center")
        if upcoming is not None:
            tail.append(
                t(
                    "programme.next",
                    at=hm(day.of(upcoming.id).projected_start),
                ),
                style="bold",
            )
            tail.append(" " + upcoming.title)
            if upcoming.performer:
                tail.append(" · " + upcoming.performer)
        self.query_one("#stage-next", Static).update(tail)
