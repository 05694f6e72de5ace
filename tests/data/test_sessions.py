"""Sessions of the day (issue 17): re-admission after lunch, counters per session, two desks in
two sessions, desk copies merged across sessions; absences with a reason; the quorum."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from data import delegates, replicas, sessions, stats
from data.checkin import ADMITTED, ALREADY, Desk, decide_walkin, request_walkin
from data.errors import DaihoiError
from data.store import Event

from ..conftest import FakeClock

PEOPLE = [
    {"name": "Nguyễn Thị Hoa", "unit": "Sở Y tế", "delegation": "Khối các sở"},
    {"name": "Trần Văn Đức", "unit": "UBND huyện Đại Từ", "delegation": "Đoàn Đại Từ"},
    {"name": "Hoàng Văn Hòa", "unit": "HTX chè La Bằng", "delegation": "Đoàn Đại Từ"},
    {"name": "Lê Thị Thúy", "unit": "Trường THCS", "delegation": "Đoàn Đại Từ"},
    {"name": "Vũ Minh Khách", "unit": "Bộ Nội vụ", "category": "Khách mời"},
]


@pytest.fixture
def people(event: Event) -> dict[str, Any]:
    delegates.upsert(event, PEOPLE)
    return {d.name: d for d in delegates.all_delegates(event)}


def arrived(event: Event) -> set[int]:
    return {d for (d,) in event.conn.execute("select delegate_id from attendance")}


# ------------------------------------------------------------------ sessions
def test_one_session_day_sees_no_change(event: Event, people: dict[str, Any]) -> None:
    [first] = sessions.all_sessions(event)
    assert (first.key, first.name, first.opened_at, first.current) == (
        "default",
        "Phiên thứ nhất",
        None,
        True,
    )
    verdict = Desk(event).scan(people["Nguyễn Thị Hoa"].code)
    assert verdict.verdict == ADMITTED and verdict.session == "Phiên thứ nhất"
    [row] = event.journal_rows("checkin")
    assert "session" not in row["payload"]  # the journal of a one-session day is unchanged


def test_first_named_session_takes_the_unused_first_ones_place(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    opened = sessions.open_session(event, "  Phiên  trù bị ")
    assert (opened.key, opened.name, opened.current) == ("default", "Phiên trù bị", True)
    assert opened.opened_at == "2025-09-20T07:30:00.000+07:00"
    Desk(event).scan(people["Nguyễn Thị Hoa"].code)
    clock.advance(hours=1)
    morning = sessions.open_session(event, "Phiên sáng")
    assert morning.key != "default"
    assert [s.name for s in sessions.all_sessions(event)] == ["Phiên trù bị", "Phiên sáng"]
    [row] = event.journal_rows("session.opened")[1:]
    assert row["payload"] == {"session": morning.key, "name": "Phiên sáng", "again": False}


def test_admitted_again_after_lunch_and_already_only_within_a_session(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    hoa = people["Nguyễn Thị Hoa"]
    desk = Desk(event)
    sessions.open_session(event, "Phiên sáng")
    assert desk.scan(hoa.code).verdict == ADMITTED
    clock.advance(minutes=10)
    again = desk.scan(hoa.code)
    assert (again.verdict, again.session, again.checked_in_at) == (
        ALREADY,
        "Phiên sáng",
        "2025-09-20T07:30:00.000+07:00",
    )
    clock.advance(hours=6)
    sessions.open_session(event, "Phiên chiều")
    afternoon = desk.scan(hoa.code)
    assert (afternoon.verdict, afternoon.session) == (ADMITTED, "Phiên chiều")
    assert afternoon.checked_in_at == "2025-09-20T13:40:00.000+07:00"
    assert afternoon.delegate.checked_in_at is None  # read before: not in this session yet
    assert delegates.get(event, hoa.id).checked_in_at == "2025-09-20T13:40:00.000+07:00"
    clock.advance(minutes=1)
    assert desk.scan(hoa.code).verdict == ALREADY
    # The morning is kept: going back to it shows the morning's check-in as "already".
    sessions.open_session(event, "Phiên sáng")
    clock.advance(minutes=1)
    back = desk.scan(hoa.code)
    assert (back.verdict, back.checked_in_at) == (ALREADY, "2025-09-20T07:30:00.000+07:00")


def test_counters_and_figures_per_session(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    desk = Desk(event)
    sessions.open_session(event, "Phiên sáng")
    for name in ("Nguyễn Thị Hoa", "Trần Văn Đức", "Hoàng Văn Hòa"):
        desk.scan(people[name].code)
        clock.advance(seconds=10)
    clock.advance(hours=5)
    sessions.open_session(event, "Phiên chiều")
    desk.scan(people["Trần Văn Đức"].code)
    counters = desk.counters()
    assert (counters.arrived, counters.expected, counters.session) == (1, 5, "Phiên chiều")
    assert [r[1] for r in counters.recent] == ["Trần Văn Đức"]
    found = {f.name: (f.arrived, f.expected, f.current) for f in sessions.figures(event)}
    assert found == {"Phiên sáng": (3, 5, False), "Phiên chiều": (1, 5, True)}
    assert stats.compute(event).arrived == 1
    with sessions.viewing(event, "Phiên sáng") as shown:
        assert shown.name == "Phiên sáng"
        assert stats.compute(event).arrived == 3
        assert len([d for d in delegates.all_delegates(event) if d.checked_in_at]) == 3
    assert stats.compute(event).arrived == 1  # the view is the current session's again


def test_viewing_another_session_writes_nothing_on_a_read_only_open(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    sessions.open_session(event, "Phiên sáng")
    Desk(event).scan(people["Nguyễn Thị Hoa"].code)
    clock.advance(hours=5)
    sessions.open_session(event, "Phiên chiều")
    event.close()
    before = event.path.read_bytes()
    with Event.open(event.path, readonly=True) as reader:
        with sessions.viewing(reader, "Phiên sáng"):
            assert stats.compute(reader).arrived == 1
        assert stats.compute(reader).arrived == 0
        with pytest.raises(DaihoiError) as err:
            with sessions.viewing(reader, "Phiên tối"):
                pass
        assert err.value.key == "session.unknown"
    assert event.path.read_bytes() == before


def test_two_desks_in_two_sessions(
    event: Event, people: dict[str, Any], clock: FakeClock, tmp_path: Path
) -> None:
    """Desk 1 works on the event file; desk 2 on a copy made before the afternoon opened. Each
    admits for the session it knows; the merge keeps both, each in its own session."""
    hoa, duc = people["Nguyễn Thị Hoa"], people["Trần Văn Đức"]
    sessions.open_session(event, "Phiên sáng")
    Desk(event).scan(hoa.code)
    copy_path = replicas.clone(event, "Bàn 2", tmp_path / "ban2.db")
    clock.advance(hours=5)
    afternoon = sessions.open_session(event, "Phiên chiều")
    with Event.open(event.path, clock=clock, desk="Bàn 3") as other:  # a second process
        assert Desk(other).scan(hoa.code).session == "Phiên chiều"
    with Event.open(copy_path, clock=clock, desk="Bàn 2") as copy:
        late = Desk(copy).scan(duc.code)  # the copy still knows only the morning
        assert (late.verdict, late.session) == (ADMITTED, "Phiên sáng")
        with pytest.raises(DaihoiError) as err:
            sessions.open_session(copy, "Phiên tối")
        assert err.value.key == "session.on_copy"
    replicas.merge(event, copy_path)
    morning = {
        d
        for (d,) in event.conn.execute(
            "select delegate_id from session_attendance where session = 'default'"
        )
    }
    assert morning == {hoa.id, duc.id}
    assert arrived(event) == {hoa.id}  # the afternoon: Hòa rescanned, Đức's scan was morning's
    with Event.open(copy_path, clock=clock, desk="Bàn 2") as copy:
        assert sessions.current(copy).key == afternoon.key  # the copy learnt of the afternoon
        assert arrived(copy) == {hoa.id}
        assert Desk(copy).scan(duc.code).session == "Phiên chiều"
    replicas.merge(event, copy_path)
    assert arrived(event) == {hoa.id, duc.id}
    assert replicas.merge(event, copy_path)["main"].journal_rows == 0  # converged


def test_undo_takes_back_only_this_sessions_checkin(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    hoa = people["Nguyễn Thị Hoa"]
    desk = Desk(event)
    sessions.open_session(event, "Phiên sáng")
    desk.scan(hoa.code)
    clock.advance(hours=5)
    sessions.open_session(event, "Phiên chiều")
    desk.scan(hoa.code)
    desk.undo(hoa.id)
    assert arrived(event) == set()
    with sessions.viewing(event, "Phiên sáng"):
        assert arrived(event) == {hoa.id}
    [undo] = event.journal_rows("checkin.undo")
    assert undo["payload"]["session"] == sessions.current(event).key
    assert len(undo["payload"]["undoes_all"]) == 1


def test_session_names_are_checked(event: Event) -> None:
    for text, key in (
        ("   ", "session.no_name"),
        ("x" * 61, "session.bad_name"),
        ("a\x1bb", "session.bad_name"),
    ):
        with pytest.raises(DaihoiError) as err:
            sessions.open_session(event, text)
        assert err.value.key == key
    assert event.journal_rows("session.opened") == []


# ------------------------------------------------------------------ absences
def test_absence_with_reason_recorded_and_undone(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    hoa, duc, thuy = people["Nguyễn Thị Hoa"], people["Trần Văn Đức"], people["Lê Thị Thúy"]
    Desk(event).scan(hoa.code)
    recorded = sessions.record_absence(event, duc.id, "  Ốm, có đơn ")
    assert (recorded.reason, recorded.session) == ("Ốm, có đơn", "Phiên thứ nhất")
    lists = sessions.absent_lists(event)
    assert lists.excused == [(duc.id, "Ốm, có đơn")]
    assert set(lists.not_arrived) == {
        people[n].id for n in ("Hoàng Văn Hòa", "Lê Thị Thúy", "Vũ Minh Khách")
    }
    with pytest.raises(DaihoiError) as err:
        sessions.record_absence(event, hoa.id, "Đi công tác")
    assert err.value.key == "absence.present"
    with pytest.raises(DaihoiError) as err:
        sessions.record_absence(event, thuy.id, "   ")
    assert err.value.key == "absence.no_reason"
    clock.advance(minutes=5)
    sessions.undo_absence(event, duc.id)
    assert sessions.absent_lists(event).excused == []
    with pytest.raises(DaihoiError) as err:
        sessions.undo_absence(event, duc.id)
    assert err.value.key == "absence.none"
    kinds = [r["kind"] for r in event.journal_rows() if r["kind"].startswith("absence")]
    assert kinds == ["absence.recorded", "absence.undone"]
    # A recorded absence whose delegate arrives after all: present, not excused.
    sessions.record_absence(event, thuy.id, "Họp đột xuất")
    Desk(event).scan(thuy.code)
    assert sessions.absent_lists(event).excused == []


def test_absences_travel_with_desk_copies(
    event: Event, people: dict[str, Any], clock: FakeClock, tmp_path: Path
) -> None:
    duc, hoa = people["Trần Văn Đức"], people["Hoàng Văn Hòa"]
    copy_path = replicas.clone(event, "Bàn 2", tmp_path / "ban2.db")
    sessions.record_absence(event, hoa.id, "Ốm")
    with Event.open(copy_path, clock=clock, desk="Bàn 2") as copy:
        sessions.record_absence(copy, duc.id, "Con ốm")
        clock.advance(minutes=1)
        sessions.undo_absence(copy, duc.id)
        clock.advance(minutes=1)
        sessions.record_absence(copy, duc.id, "Đi viện")
    replicas.merge(event, copy_path)
    expected = [(duc.id, "Đi viện"), (hoa.id, "Ốm")]
    assert sorted(sessions.absent_lists(event).excused) == expected
    with Event.open(copy_path, clock=clock) as copy:
        assert sorted(sessions.absent_lists(copy).excused) == expected


# ------------------------------------------------------------------ quorum
def test_quorum_off_by_default_then_two_thirds(event: Event, people: dict[str, Any]) -> None:
    found = sessions.quorum(event)
    assert (found.present, found.convened, found.threshold, found.met) == (0, 4, None, None)
    assert sessions.set_quorum(event, "2/3") == Fraction(2, 3)
    desk = Desk(event)
    desk.scan(people["Vũ Minh Khách"].code)  # a guest: present, not convened
    desk.scan(people["Nguyễn Thị Hoa"].code)
    desk.scan(people["Trần Văn Đức"].code)
    found = sessions.quorum(event)
    assert (found.present, found.convened, found.needed, found.met) == (2, 4, 3, False)
    desk.scan(people["Hoàng Văn Hòa"].code)
    assert sessions.quorum(event).met is True
    assert sessions.quorum(event).public() == {
        "session": "Phiên thứ nhất",
        "present": 3,
        "convened": 4,
        "threshold": "2/3",
        "needed": 3,
        "met": True,
    }
    assert sessions.set_quorum(event, "50%") == Fraction(1, 2)
    assert sessions.set_quorum(event, "off") is None
    for bad in ("3/2", "0", "abc", "-1/2"):
        with pytest.raises(DaihoiError) as err:
            sessions.set_quorum(event, bad)
        assert err.value.key == "quorum.bad"
    kinds = [r["payload"]["threshold"] for r in event.journal_rows("quorum.set")]
    assert kinds == ["2/3", "1/2", None]


def test_a_substitute_counts_for_the_quorum_in_the_place_of_the_one_replaced(
    event: Event, people: dict[str, Any]
) -> None:
    sessions.set_quorum(event, "2/3")
    thuy = people["Lê Thị Thúy"]
    request = request_walkin(event, name="Đặng Thị Mai", substitute_for=thuy.id)
    approved = decide_walkin(event, request.id, approve=True)
    Desk(event).scan(delegates.get(event, approved.delegate_id).code)
    found = sessions.quorum(event)
    assert (found.present, found.convened) == (1, 4)
