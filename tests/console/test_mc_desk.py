"""The MC screen's traps: an insert lands after the item on stage, the header's figures each
say what they are measured on, a mistyped minutes value keeps the title, and an event whose
day has not come shows its planned times."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from console.app import make_app
from data.store import Event
from programme import running, template
from tests.conftest import VN, FakeClock

from .conftest import all_notes, by_name


def programme_of(path: Path, clock: Any) -> running.Programme:
    with Event.open(path, clock=clock) as ev:
        return running.load(ev)


def day_text(app: Any) -> str:
    return str(app.screen.query_one("#day", Static).render())


async def test_insert_goes_after_the_item_on_stage(event_path: Path, clock: Any) -> None:
    with Event.open(event_path, clock=clock) as ev:
        template.seed(ev)
        for _ in range(3):  # three items done, the fourth on stage
            running.start(ev)
            clock.advance(minutes=4)
            running.finish(ev)
        running.start(ev)
    app = make_app(event_path, clock=clock, screen="programme")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("home")  # the cursor on the flag salute, long done
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"Văn nghệ", "enter")
        await pilot.pause()
        await pilot.press("5", "enter")
        await pilot.pause()
        notes = all_notes(app)
        prog = programme_of(event_path, clock)
        ids = [i.id for i in prog.items]
        new = next(i for i in prog.items if i.title == "Văn nghệ")
        assert ids.index(new.id) == ids.index(prog.current.id) + 1
        day = prog.timing(clock())
        line = day_text(app)
    # The items ran short: the end is early and the next item early too, and the line says so.
    assert day.end_offset_minutes < 0 and day.offset_minutes <= 0
    assert "sớm" in line and "chậm" not in line
    assert any("KHÔNG có PIN" in n for n in notes)  # an organizer action without a PIN says so


async def test_a_mistyped_minutes_value_keeps_the_title(event_path: Path, clock: Any) -> None:
    with Event.open(event_path, clock=clock) as ev:
        template.seed(ev)
    app = make_app(event_path, clock=clock, screen="programme")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"Văn nghệ chào mừng", "enter")
        await pilot.pause()
        await pilot.press(*"1O", "enter")
        await pilot.pause()
        question = str(app.screen.query("Label").first().render())
        assert "Văn nghệ chào mừng" in question and "1O" in question
        assert isinstance(app.focused, Input)
        await pilot.press("1", "0", "enter")
        await pilot.pause()
    new = next(i for i in programme_of(event_path, clock).items if i.title == "Văn nghệ chào mừng")
    assert new.minutes == 10


async def test_the_evening_before_shows_planned_times(tmp_path: Path) -> None:
    """``daihoi init`` without ``--date``, opened at 19:23: no "chậm 713 phút"."""
    clock = FakeClock(datetime(2025, 9, 19, 19, 23, tzinfo=VN))
    path = tmp_path / "rehearsal.db"
    with Event.create(path, title="Tổng duyệt", start="07:30", clock=clock) as ev:
        template.seed(ev)
    app = make_app(path, clock=clock, screen="programme")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = day_text(app)
    assert "chậm" not in line and "07:30" in line
    day = programme_of(path, clock).timing(clock())
    assert day.waiting and day.offset_minutes == 0
    first = day.items[0]
    assert first.projected_start == first.planned_start


async def test_the_first_start_asks_the_desk_name_and_remembers_it(
    event_path: Path, clock: Any
) -> None:
    """``daihoi console`` without ``--desk`` (``desk=None``): no verdict ever says "tại CLI"."""
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    app = make_app(event_path, clock=clock, desk=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Bàn cửa Đông", "enter")
        await pilot.pause()
        await pilot.press(*hoa.code, "enter")
    with Event.open(event_path) as ev:
        assert dict(ev.conn.execute("select delegate_id, desk from attendance")) == {
            hoa.id: "Bàn cửa Đông"
        }
    again = make_app(event_path, clock=clock, desk=None)
    assert again.desk == "Bàn cửa Đông"  # remembered: not asked twice
    again.event.close()
