"""Pilot tests of the MC screen (F3) and the stage view: every live key, the PIN on edits,
and another process advancing the programme while the screen follows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Digits, Static

from console.app import make_app
from console.screens.pin import OrganizerPin
from data import pins
from data.checkin import Desk
from data.store import Event
from programme import running, template

from .conftest import by_name


@pytest.fixture
def seeded(event_path: Path, clock: Any) -> Path:
    """The test event with its congress programme and one speaker (absent) under tham luận."""
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    duc = by_name(event_path, "Trần Văn Đức")
    with Event.open(event_path, clock=clock) as ev:
        template.seed(ev)
        speeches = next(i for i in running.load(ev).items if i.role == template.SPEECHES)
        running.insert(ev, "Tham luận y tế", 10, parent=speeches.id, delegate_id=hoa.id)
        running.insert(ev, "Tham luận nông thôn", 10, parent=speeches.id, delegate_id=duc.id)
        Desk(ev).admit(duc.id)
    return event_path


def snapshot(path: Path, clock: Any) -> running.Programme:
    with Event.open(path, clock=clock) as ev:
        return running.load(ev)


def text_of(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_next_starts_and_the_timer_turns_red_when_over(seeded: Path, clock: Any) -> None:
    app = make_app(seeded, clock=clock, screen="programme")
    async with app.run_test(size=(120, 36)) as pilot:
        assert "Chưa có mục nào" in text_of(app, "#current")
        await pilot.press("n")
        assert snapshot(seeded, clock).items[0].state == "running"
        assert "Chào cờ" in text_of(app, "#current")
        assert "Tuyên bố lý do" in text_of(app, "#next")
        clock.advance(minutes=7)
        await pilot.pause(1.1)  # one tick of the timers
        current = text_of(app, "#current")
        assert "07:00 / 05:00" in current and "QUÁ GIỜ 02:00" in current
        assert "chậm 2 phút" in text_of(app, "#day")
        await pilot.press("f")
        assert snapshot(seeded, clock).items[0].state == "done"
        assert "Chưa có mục nào" in text_of(app, "#current")


async def test_skip_asks_first_and_back_reopens(seeded: Path, clock: Any) -> None:
    app = make_app(seeded, clock=clock, screen="programme")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")  # flag salute on stage; cursor on row 0
        await pilot.press("down", "s")
        await pilot.press("n")  # "no": nothing skipped
        assert snapshot(seeded, clock).items[1].state == "pending"
        await pilot.press("s", "y")
        assert snapshot(seeded, clock).items[1].state == "skipped"
        clock.advance(minutes=5)
        await pilot.press("n")  # flag done, opening on stage
        await pilot.press("up", "b", "y")  # back to the flag salute
        prog = snapshot(seeded, clock)
        assert prog.items[0].state == "running" and len(prog.items[0].runs) == 2
        assert prog.items[2].state == "done"


async def test_move_insert_and_duration_keys(seeded: Path, clock: Any) -> None:
    app = make_app(seeded, clock=clock, screen="programme")
    async with app.run_test(size=(120, 36)) as pilot:
        before = [i.id for i in snapshot(seeded, clock).items]
        await pilot.press("down", "ctrl+down")
        after = [i.id for i in snapshot(seeded, clock).items]
        assert after[:3] == [before[0], before[2], before[1]]
        table = app.screen.query_one("#order", DataTable)
        assert table.cursor_row == 2  # the cursor follows the moved item
        await pilot.press("plus", "plus", "minus")
        assert snapshot(seeded, clock).get(before[1]).minutes == 11
        await pilot.press("i", *"Văn nghệ", "enter", "7", "enter")
        prog = snapshot(seeded, clock)
        new = next(i for i in prog.items if i.title == "Văn nghệ")
        assert new.minutes == 7 and [i.id for i in prog.items].index(new.id) == 3


async def test_editing_once_started_needs_the_organizer_pin(seeded: Path, clock: Any) -> None:
    with Event.open(seeded, clock=clock) as ev:
        pins.set_pin(ev, "organizer", "4321")
    app = make_app(seeded, clock=clock, screen="programme")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("plus")  # not started: no PIN
        assert snapshot(seeded, clock).items[0].minutes == 6
        await pilot.press("n", "down", "plus")
        assert isinstance(app.screen, OrganizerPin)
        await pilot.press("escape")
        assert snapshot(seeded, clock).items[1].minutes == 10
        await pilot.press("plus", *"4321", "enter")
        await pilot.pause()
        assert snapshot(seeded, clock).items[1].minutes == 11


async def test_speakers_presence_is_shown_before_they_are_called(seeded: Path, clock: Any) -> None:
    with Event.open(seeded, clock=clock) as ev:
        for _ in range(4):
            running.next_item(ev)  # up to the report, the speeches come next
    app = make_app(seeded, clock=clock, screen="programme")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        nxt = text_of(app, "#next")
        assert "Tham luận y tế" in nxt and "Nguyễn Thị Hoa" in nxt and "CHƯA CÓ MẶT" in nxt
        speakers = text_of(app, "#speakers")
        assert "✗ Nguyễn Thị Hoa" in speakers and "✓ Trần Văn Đức" in speakers


async def test_another_process_advances_and_the_screen_follows(seeded: Path, clock: Any) -> None:
    app = make_app(seeded, clock=clock, screen="programme")
    async with app.run_test(size=(120, 36)) as pilot:
        assert "Chưa có mục nào" in text_of(app, "#current")
        env = dict(os.environ, DAIHOI_LANG="vi")
        done = subprocess.run(
            [sys.executable, "-m", "console", "programme", "next", "--db", str(seeded)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        for _ in range(10):
            await pilot.pause(0.5)
            if "Chào cờ" in text_of(app, "#current"):
                break
        assert "Chào cờ" in text_of(app, "#current")
        table = app.screen.query_one("#order", DataTable)
        assert str(table.get_row_at(0)[2]) == "▶"


async def test_stage_view_shows_current_next_and_clock(seeded: Path, clock: Any) -> None:
    with Event.open(seeded, clock=clock) as ev:
        running.next_item(ev)
    clock.advance(minutes=2)
    app = make_app(seeded, clock=clock, screen="stage")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Chào cờ" in text_of(app, "#stage-current")
        assert "Tuyên bố lý do" in text_of(app, "#stage-next")
        assert app.screen.query_one("#clock", Digits).value == "07:32"
        assert app.screen.query_one("#timer", Digits).value == "03:00"
        clock.advance(minutes=4)
        await pilot.pause(1.1)
        timer = app.screen.query_one("#timer", Digits)
        assert timer.value == "-01:00" and timer.has_class("-danger")


async def test_escape_on_the_minutes_question_inserts_nothing(seeded: Path, clock: Any) -> None:
    app = make_app(seeded, clock=clock, screen="programme")
    async with app.run_test(size=(120, 36)) as pilot:
        before = [i.id for i in snapshot(seeded, clock).items]
        await pilot.press("i", *"Văn nghệ", "enter", "escape")
        await pilot.pause()
        assert [i.id for i in snapshot(seeded, clock).items] == before
        await pilot.press("i", *"Văn nghệ", "enter", "enter")  # Enter alone: the 5 offered
        await pilot.pause()
        new = next(i for i in snapshot(seeded, clock).items if i.title == "Văn nghệ")
        assert new.minutes == 5


async def test_the_stage_view_cannot_switch_to_another_screen(seeded: Path, clock: Any) -> None:
    """The stage view is read-only: F1–F5 and the command palette do nothing there."""
    from console.screens.stage import StageScreen

    app = make_app(seeded, clock=clock, screen="stage")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("f1", "f2", "f3", "n", "f4", "f5", "ctrl+p"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, StageScreen), key
        assert all(i.state == "pending" for i in snapshot(seeded, clock).items)
