"""The hall plan travels with a merge, both ways: a plan loaded at a desk reaches the main file,
one loaded on the main file after the desks were cloned reaches the desks, and when both loaded
one the plan saved last is the plan of both files."""

from __future__ import annotations

from pathlib import Path

from data import delegates, replicas, seats
from data.store import Event
from tests.conftest import FakeClock


def plan_file(tmp_path: Path, name: str, zone: str) -> Path:
    path = tmp_path / name
    path.write_text(f'[[zones]]\nname = "{zone}"\nrows = 3\nseats = 6\n', encoding="utf-8")
    return path


def zones(event: Event) -> list[str]:
    return [z.name for z in seats.load_plan(event).zones]


def hall_row(event: Event) -> tuple[str, str, str] | None:
    return event.conn.execute("select plan, source, saved_at from hall").fetchone()


def test_a_plan_loaded_at_a_desk_reaches_the_main_file(
    event: Event, tmp_path: Path, clock: FakeClock
) -> None:
    delegates.upsert(event, [{"name": f"Người {i}", "delegation": "D"} for i in range(3)])
    copy_path = replicas.clone(event, "Bàn 2", tmp_path / "ban2.db")
    clock.advance(minutes=2)
    with Event.open(copy_path, desk="Bàn 2", clock=clock) as copy:
        seats.save_plan(copy, plan_file(tmp_path, "khu-b.toml", "Khu B"))
        seats.move(copy, 1, "Khu B, hàng 2, ghế 3", plan=seats.load_plan(copy))
        on_copy = hall_row(copy)
    replicas.merge(event, copy_path)
    assert hall_row(event) == on_copy
    assert zones(event) == ["Khu B"]
    plan = seats.load_plan(event)
    assert plan.parse(delegates.get(event, 1).seat) == seats.Seat(0, 2, 3)
    # merged again: nothing new either way
    again = replicas.merge(event, copy_path)
    assert again["main"].journal_rows == again["copy"].journal_rows == 0
    assert hall_row(event) == on_copy


def test_a_plan_loaded_on_the_main_file_after_cloning_reaches_the_desk(
    event: Event, tmp_path: Path, clock: FakeClock
) -> None:
    copy_path = replicas.clone(event, "Bàn 2", tmp_path / "ban2.db")
    clock.advance(minutes=2)
    seats.save_plan(event, plan_file(tmp_path, "tang.toml", "Tầng 1"))
    replicas.merge(event, copy_path)
    with Event.open(copy_path, desk="Bàn 2", clock=clock) as copy:
        assert zones(copy) == ["Tầng 1"]
        assert hall_row(copy) == hall_row(event)


def test_the_plan_saved_last_wins_on_both_sides(
    event: Event, tmp_path: Path, clock: FakeClock
) -> None:
    seats.save_plan(event, plan_file(tmp_path, "dau.toml", "Khu đầu"))
    copy_path = replicas.clone(event, "Bàn 2", tmp_path / "ban2.db")
    clock.advance(minutes=5)
    with Event.open(copy_path, desk="Bàn 2", clock=clock) as copy:
        seats.save_plan(copy, plan_file(tmp_path, "ban.toml", "Khu bàn 2"))
    clock.advance(minutes=5)  # the main file's plan is the later one
    seats.save_plan(event, plan_file(tmp_path, "chinh.toml", "Khu chính"))
    replicas.merge(event, copy_path)
    assert zones(event) == ["Khu chính"]
    with Event.open(copy_path, desk="Bàn 2", clock=clock) as copy:
        assert zones(copy) == ["Khu chính"] and hall_row(copy) == hall_row(event)
    # a later plan at the desk wins in its turn
    clock.advance(minutes=5)
    with Event.open(copy_path, desk="Bàn 2", clock=clock) as copy:
        seats.save_plan(copy, plan_file(tmp_path, "moi.toml", "Khu mới"))
    replicas.merge(event, copy_path)
    assert zones(event) == ["Khu mới"]


def test_a_dry_run_brings_no_plan(event: Event, tmp_path: Path, clock: FakeClock) -> None:
    copy_path = replicas.clone(event, "Bàn 2", tmp_path / "ban2.db")
    with Event.open(copy_path, desk="Bàn 2", clock=clock) as copy:
        seats.save_plan(copy, plan_file(tmp_path, "khu-b.toml", "Khu B"))
    replicas.merge(event, copy_path, dry_run=True)
    assert hall_row(event) is None
