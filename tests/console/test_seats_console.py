"""Pilot tests of the hall plan screen (issue 18): reached from the palette, it draws each
zone's rows facing the stage (odd seats left of the aisle, even right) coloured by delegation;
a seat moved from the console after the organizer PIN is in the journal and on the plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from console.app import make_app
from console.screens.pick import Pick
from console.screens.seats import FREE, RESERVED, TAKEN, SeatsScreen
from data import delegates, pins
from data import seats as seats_mod
from data.store import Event
from programme import protocol

from .conftest import all_notes

HALL = """title = "Hội trường tầng 2"

[[zones]]
name = "Đoàn Chủ tịch"
kind = "stage"
rows = 1
seats = 4

[[zones]]
name = "Khu A"
rows = 4
seats = 6
reserved_rows = 1
"""
PEOPLE: list[dict[str, Any]] = [
    {"name": "Lý Văn Khách", "category": "Khách mời", "position": "Phó Chủ tịch UBND tỉnh"},
    *({"name": f"Nguyễn Văn Đại {n}", "delegation": "Đoàn huyện Đại Từ"} for n in range(1, 6)),
    *({"name": f"Trần Thị Phổ {n}", "delegation": "Đoàn thị xã Phổ Yên"} for n in range(1, 4)),
]


@pytest.fixture
def hall_event(tmp_path: Path, clock: Any) -> Path:
    """A small hall (a table of four on the stage, Khu A of 4 rows of 6, the front row kept for
    guests), nine people seated by ``seats assign``, the organizer PIN 1357."""
    plan_file = tmp_path / "hoi-truong.toml"
    plan_file.write_text(HALL, encoding="utf-8")
    path = tmp_path / "hall.db"
    with Event.create(path, title="Đại hội (thử)", date="2025-09-20", clock=clock) as ev:
        delegates.upsert(ev, PEOPLE)
        seats_mod.save_plan(ev, plan_file)
        protocol.seat_everyone(ev)
        pins.set_pin(ev, "organizer", "1357")
    return path


def seat_of(path: Path, name: str) -> str:
    with Event.open(path) as ev:
        return next(d.seat for d in delegates.all_delegates(ev) if d.name == name)


def zone_lines(app: Any, zone: int) -> list[str]:
    return str(list(app.screen.query(".zone"))[zone].render()).splitlines()


async def pick_person(app: Any, pilot: Any, name: str) -> None:
    """``m``, the name typed, and among namesakes the one called exactly ``name``."""
    await pilot.press("m", *name, "enter")
    await pilot.pause()
    if isinstance(app.screen, Pick):
        labels = [label for _key, label in app.screen.options]
        at = next(n for n, label in enumerate(labels) if label.split(" · ")[0] == name)
        await pilot.press(*["down"] * at, "enter")
        await pilot.pause()


async def open_from_palette(app: Any, pilot: Any) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"so do hoi truong")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_palette_opens_the_plan_drawn_facing_the_stage(
    hall_event: Path, clock: Any
) -> None:
    app = make_app(hall_event, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_from_palette(app, pilot)
        assert isinstance(app.screen, SeatsScreen)
        title = str(app.screen.query_one("#seats-title").render())
        assert "Hội trường tầng 2: 9/28 ghế đã xếp" in title
        lines = zone_lines(app, 1)
        assert lines[0] == "Khu A: 9/24 ghế"
        # Row 1 is kept for guests: the guest sits beside the aisle (seat 1), the rest rings.
        assert lines[1].split() == ["H1", RESERVED, RESERVED, TAKEN, RESERVED, RESERVED, RESERVED]
        assert lines[2].split() == ["H2", *[TAKEN] * 6]  # 5 … 1 | aisle | 2 … 6
        taken = sum(line.count(TAKEN) for line in lines[1:])
        assert taken == 9 and sum(line.count(FREE) for line in lines) == 24 - 6 - 8
        legend = str(app.screen.query_one("#legend").render())
        assert "5 Đoàn huyện Đại Từ" in legend and "3 Đoàn thị xã Phổ Yên" in legend


async def test_a_seat_moved_from_the_console_is_journaled(hall_event: Path, clock: Any) -> None:
    before = seat_of(hall_event, "Trần Thị Phổ 2")
    app = make_app(hall_event, desk="Bàn 1", clock=clock, screen="seats")
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pick_person(app, pilot, "Trần Thị Phổ 2")
        await pilot.press(*"Khu A, hàng 4, ghế 6", "enter")
        await pilot.pause()
        await pilot.press(*"1357", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()  # the change's repaint starts the hall's worker again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert zone_lines(app, 1)[4].split()[-1] == TAKEN  # seat 6 of row 4: right, far end
    assert seat_of(hall_event, "Trần Thị Phổ 2") == "Khu A, hàng 4, ghế 6"
    with Event.open(hall_event) as ev:
        last = ev.journal_rows()[-1]
    assert last["kind"] == "seats.moved"
    assert (last["payload"]["from"], last["payload"]["to"]) == (before, "Khu A, hàng 4, ghế 6")


async def test_a_taken_seat_is_refused_and_nothing_moves(hall_event: Path, clock: Any) -> None:
    taken = seat_of(hall_event, "Nguyễn Văn Đại 1")
    before = seat_of(hall_event, "Trần Thị Phổ 2")
    app = make_app(hall_event, desk="Bàn 1", clock=clock, screen="seats")
    async with app.run_test(size=(120, 36)) as pilot:
        await pick_person(app, pilot, "Trần Thị Phổ 2")
        await pilot.press(*taken, "enter")
        await pilot.pause()
        await pilot.press(*"1357", "enter")
        await pilot.pause()
        assert any("Nguyễn Văn Đại 1" in n for n in all_notes(app))
    assert seat_of(hall_event, "Trần Thị Phổ 2") == before
