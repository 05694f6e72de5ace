"""The arithmetic of the day, on slots built by hand: no database, no clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from programme.timing import DANGER, NORMAL, WARNING, Slot, compute

VN = timezone(timedelta(hours=7))
START = datetime(2025, 9, 20, 7, 30, tzinfo=VN)


def at(hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime(2025, 9, 20, hh, mm, ss, tzinfo=VN)


def hm(moment: datetime | None) -> str | None:
    return moment.strftime("%H:%M") if moment else None


def three(**states: str) -> list[Slot]:
    """A 5', 10', 25' day, all pending unless told."""
    return [
        Slot(1, 5, states.get("a", "pending")),
        Slot(2, 10, states.get("b", "pending")),
        Slot(3, 25, states.get("c", "pending")),
    ]


def test_before_the_day_starts_the_plan_is_the_projection() -> None:
    day = compute(three(), START, at(7, 0))
    assert [hm(i.planned_start) for i in day.items] == ["07:30", "07:35", "07:45"]
    assert [hm(i.projected_start) for i in day.items] == ["07:30", "07:35", "07:45"]
    assert hm(day.planned_end) == hm(day.projected_end) == "08:10"
    assert day.offset == timedelta(0) and day.current is None and day.next == 1


def test_a_late_start_pushes_everything_and_shows_the_offset() -> None:
    day = compute(three(), START, at(7, 42))
    assert [hm(i.projected_start) for i in day.items] == ["07:42", "07:47", "07:57"]
    assert day.offset_minutes == 12
    assert hm(day.projected_end) == "08:22"


def test_running_item_elapsed_remaining_and_colour() -> None:
    slots = three(a="running")
    slots[0] = Slot(1, 5, "running", first_start=at(7, 30), last_start=at(7, 30))
    day = compute(slots, START, at(7, 32))
    a = day.of(1)
    assert a.elapsed == timedelta(minutes=2) and a.remaining == timedelta(minutes=3)
    assert a.level == NORMAL and a.overrun == timedelta(0)
    assert day.current == 1 and day.next == 2 and day.offset == timedelta(0)
    assert compute(slots, START, at(7, 33, 30)).of(1).level == WARNING
    over = compute(slots, START, at(7, 38))
    assert over.of(1).level == DANGER
    assert over.of(1).overrun == timedelta(minutes=3)
    assert hm(over.of(2).projected_start) == "07:38"
    assert over.offset_minutes == 3


def test_danger_threshold_gives_a_grace_after_the_planned_time() -> None:
    slot = Slot(1, 5, "running", first_start=at(7, 30), last_start=at(7, 30), danger_seconds=60)
    assert compute([slot], START, at(7, 35, 30)).of(1).level == WARNING
    assert compute([slot], START, at(7, 36)).of(1).level == DANGER


def test_done_items_keep_actual_times_and_their_overrun() -> None:
    slots = [
        Slot(1, 5, "done", first_start=at(7, 31), last_start=at(7, 31), last_end=at(7, 39)),
        Slot(2, 10, "pending"),
    ]
    day = compute(slots, START, at(7, 40))
    assert hm(day.of(1).actual_start) == "07:31" and hm(day.of(1).actual_end) == "07:39"
    assert day.of(1).overrun == timedelta(minutes=3)
    assert hm(day.of(2).projected_start) == "07:40"
    assert day.offset_minutes == 5


def test_skipping_wins_back_its_time() -> None:
    slots = [
        Slot(1, 5, "running", first_start=at(7, 30), last_start=at(7, 30)),
        Slot(2, 10, "skipped"),
        Slot(3, 25, "pending"),
    ]
    day = compute(slots, START, at(7, 33))
    assert day.of(2).projected_start is None
    assert hm(day.of(3).projected_start) == "07:35"
    assert day.offset_minutes == -10
    assert hm(day.projected_end) == "08:00"


def test_reordered_pending_items_are_projected_in_their_new_order() -> None:
    slots = [Slot(1, 5, "pending"), Slot(3, 25, "pending"), Slot(2, 10, "pending")]
    day = compute(slots, START, at(7, 0))
    assert hm(day.of(3).projected_start) == "07:35"
    assert hm(day.of(2).projected_start) == "08:00"


def test_an_inserted_item_delays_the_rest() -> None:
    slots = three()
    slots.insert(1, Slot(9, 7, "pending"))
    day = compute(slots, START, at(7, 0))
    assert hm(day.of(2).projected_start) == "07:42"
    assert hm(day.projected_end) == "08:17"


def test_going_back_times_the_new_run_and_keeps_the_first_start() -> None:
    slots = [
        Slot(1, 5, "running", first_start=at(7, 30), last_start=at(7, 50)),
        Slot(2, 10, "done", first_start=at(7, 36), last_start=at(7, 36), last_end=at(7, 50)),
        Slot(3, 25, "pending"),
    ]
    day = compute(slots, START, at(7, 52))
    assert hm(day.of(1).actual_start) == "07:30"
    assert day.of(1).elapsed == timedelta(minutes=2)
    assert hm(day.of(3).projected_start) == "07:55"
    assert day.current == 1 and day.next == 3


def test_a_fixed_start_absorbs_delay_until_its_slack_is_gone() -> None:
    slots = [
        Slot(1, 10, "pending"),
        Slot(2, 20, "pending", fixed_start=at(8, 0)),
        Slot(3, 10, "pending"),
    ]
    plan = compute(slots, START, at(7, 0))
    assert hm(plan.of(2).planned_start) == "08:00"
    assert plan.of(2).slack == timedelta(minutes=20)
    assert hm(plan.planned_end) == "08:30"
    late = compute(slots, START, at(7, 45))  # 15 minutes late: still room before 08:00
    assert hm(late.of(2).projected_start) == "08:00"
    assert late.of(2).slack == timedelta(minutes=5)
    assert late.offset_minutes == 15  # the next item is late...
    assert hm(late.projected_end) == "08:30"  # ...but the day still ends on time
    very_late = compute(slots, START, at(7, 55))
    assert hm(very_late.of(2).projected_start) == "08:05"
    assert very_late.of(2).slack == timedelta(0)
    assert hm(very_late.projected_end) == "08:35"


def test_a_group_spans_its_children() -> None:
    slots = [
        Slot(1, 5, "done", first_start=at(7, 30), last_start=at(7, 30), last_end=at(7, 35)),
        Slot(5, 40, "running", is_group=True),
        Slot(
            6,
            10,
            "done",
            parent_id=5,
            first_start=at(7, 35),
            last_start=at(7, 35),
            last_end=at(7, 47),
        ),
        Slot(7, 10, "running", parent_id=5, first_start=at(7, 47), last_start=at(7, 47)),
        Slot(8, 10, "pending", parent_id=5),
    ]
    day = compute(slots, START, at(7, 50))
    group = day.of(5)
    assert group.state == "running"
    assert hm(group.planned_start) == "07:35" and hm(group.planned_end) == "08:05"
    assert hm(group.actual_start) == "07:35"
    assert group.overrun == timedelta(minutes=2)
    assert day.current == 7 and day.next == 8


def test_when_everything_is_done_the_day_ended_when_the_last_item_did() -> None:
    slots = [
        Slot(1, 5, "done", first_start=at(7, 30), last_start=at(7, 30), last_end=at(7, 36)),
        Slot(2, 10, "skipped"),
    ]
    day = compute(slots, START, at(9, 0))
    assert hm(day.projected_end) == "07:36"
    assert day.offset_minutes == -9
    assert day.current is None and day.next is None
