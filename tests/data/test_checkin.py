"""The check-in desk (Part 2): every verdict, the 3-second rule, undo, walk-ins, counters."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data import codes, delegates
from data.checkin import (
    ADMITTED,
    ALREADY,
    INVALID,
    REVOKED,
    UNKNOWN,
    VERDICTS,
    Desk,
    decide_walkin,
    request_walkin,
    walkins,
)
from data.errors import DaihoiError
from data.store import Event

from ..conftest import FakeClock

PEOPLE = [
    {"name": "Nguyễn Thị Hoa", "unit": "Sở Y tế", "delegation": "Khối các sở", "seat": "A01"},
    {"name": "Trần Văn Đức", "unit": "UBND huyện Đại Từ", "delegation": "Đoàn Đại Từ"},
    {"name": "Hoàng Văn Hòa", "unit": "HTX chè La Bằng", "delegation": "Đoàn Đại Từ"},
    {"name": "Lê Thị Thúy", "unit": "Trường THCS", "delegation": "Đoàn TP Thái Nguyên"},
]


@pytest.fixture
def people(event: Event) -> dict[str, Any]:
    delegates.upsert(event, PEOPLE)
    return {d.name: d for d in delegates.all_delegates(event)}


def other_desk(event: Event, clock: FakeClock, name: str = "Bàn 2") -> Event:
    return Event.open(event.path, clock=clock, desk=name, operator="Minh")


def test_admitted_then_already_with_when_and_which_desk(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    hoa = people["Nguyễn Thị Hoa"]
    first = Desk(event).scan(hoa.code)
    assert first.verdict == ADMITTED and first.ok
    assert first.delegate.name == "Nguyễn Thị Hoa" and first.delegate.seat == "A01"
    assert first.checked_in_at == "2025-09-20T07:30:00.000+07:00"
    assert first.desk == "Bàn 1"
    clock.advance(minutes=5)
    with other_desk(event, clock) as ev2:
        again = Desk(ev2).scan(codes.human(hoa.code))
    assert again.verdict == ALREADY and not again.ok
    assert (again.checked_in_at, again.desk) == (first.checked_in_at, "Bàn 1")
    row = event.conn.execute("select desk, operator, checked_in_at from attendance").fetchall()
    assert row == [("Bàn 1", "Lan", "2025-09-20T07:30:00.000+07:00")]
    [already] = event.journal_rows("scan.already")
    assert already["desk"] == "Bàn 2"
    assert already["payload"]["first_desk"] == "Bàn 1"


def test_forged_mistyped_and_other_events_badges_are_invalid_before_lookup(
    event: Event, people: dict[str, Any], tmp_path: Path
) -> None:
    hoa = people["Nguyễn Thị Hoa"]
    desk = Desk(event)
    mistyped = hoa.code[:3] + str((int(hoa.code[3]) + 1) % 10) + hoa.code[4:]
    with Event.create(tmp_path / "other.db", title="Khác") as other:
        foreign = codes.make_code(other.secret(), hoa.id, 1)
    forged = f"{hoa.id:06d}01" + "1234567890"
    never_issued = codes.make_code(event.secret(), hoa.id, 7)
    for text in (mistyped, foreign, forged, never_issued, "123", "Hoa"):
        verdict = desk.scan(text)
        assert verdict.verdict == INVALID, text
        assert verdict.delegate is None  # nothing about anybody is shown for a bad code
    assert event.conn.execute("select count(*) from attendance").fetchone()[0] == 0
    rejected = event.journal_rows("scan.rejected")
    assert [r["payload"]["verdict"] for r in rejected] == [INVALID] * 6
    assert rejected[0]["payload"]["text"] == mistyped


def test_reprinted_badge_is_revoked_and_says_when(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    duc = people["Trần Văn Đức"]
    clock.advance(minutes=12)
    new = codes.reissue(event, duc.id, reason="mất thẻ")
    clock.advance(minutes=1)
    desk = Desk(event)
    old = desk.scan(duc.code)
    assert old.verdict == REVOKED
    assert old.revoked_at == "2025-09-20T07:42:00.000+07:00"
    assert old.delegate.name == "Trần Văn Đức"
    assert desk.scan(new).verdict == ADMITTED


def test_a_verdict_names_the_delegate_as_the_list_has_them(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    """The scan reads badge, delegate and arrival in one query under its write lock: what it
    shows is what delegates.get says, current code and arrival included, for every verdict."""
    duc, hoa = people["Trần Văn Đức"], people["Nguyễn Thị Hoa"]
    desk = Desk(event)
    admitted = desk.scan(hoa.code)
    as_judged = replace(delegates.get(event, hoa.id), checked_in_at=None, checked_in_desk=None)
    assert admitted.delegate == as_judged  # as it was when judged: not yet arrived
    clock.advance(minutes=1)
    already = Desk(event).scan(hoa.code)
    assert already.delegate == delegates.get(event, hoa.id)
    assert already.delegate.checked_in_at == admitted.checked_in_at
    new = codes.reissue(event, duc.id)
    clock.advance(minutes=1)
    revoked = desk.scan(duc.code)
    assert revoked.verdict == REVOKED and revoked.delegate.code == new
    assert revoked.delegate == delegates.get(event, duc.id)


def test_judging_a_scan_never_collates_a_name(
    event: Event, people: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sort key is computed when something sorts, not for every scan (80 µs a name)."""

    def refuse(name: str) -> tuple[str, ...]:
        raise AssertionError(f"collated {name}")

    monkeypatch.setattr(delegates, "name_sort_key", refuse)
    desk = Desk(event)
    for person in people.values():
        assert desk.scan(person.code).verdict == ADMITTED
    assert desk.scan(people["Lê Thị Thúy"].code).repeat
    with pytest.raises(AssertionError, match="collated"):
        _ = delegates.get(event, people["Lê Thị Thúy"].id).sort_key


def test_withdrawn_delegate_is_unknown(event: Event, people: dict[str, Any]) -> None:
    hoa = people["Hoàng Văn Hòa"]
    with event.write():
        event.conn.execute("update delegates set status = 'withdrawn' where id = ?", (hoa.id,))
        event.journal("test.withdraw", {})
    verdict = Desk(event).scan(hoa.code)
    assert verdict.verdict == UNKNOWN
    assert verdict.delegate.name == "Hoàng Văn Hòa"
    assert Desk(event).admit(hoa.id).verdict == UNKNOWN
    assert event.conn.execute("select count(*) from attendance").fetchone()[0] == 0


def test_same_badge_within_three_seconds_is_the_same_scan(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    hoa = people["Nguyễn Thị Hoa"]
    desk = Desk(event)
    assert desk.scan(hoa.code).verdict == ADMITTED
    clock.advance(seconds=1)
    twice = desk.scan(codes.human(hoa.code))  # the same badge, however it was typed
    assert twice.verdict == ADMITTED and twice.repeat
    clock.advance(seconds=2)  # exactly 3 s after the first scan: still the same scan
    assert desk.scan(hoa.code).repeat
    clock.advance(seconds=3.5)
    later = desk.scan(hoa.code)
    assert later.verdict == ALREADY and not later.repeat
    kinds = [r["kind"] for r in event.journal_rows() if r["kind"].startswith(("scan", "checkin"))]
    assert kinds == ["checkin", "scan.repeat", "scan.repeat", "scan.already"]


def test_a_different_badge_is_never_a_repeat(event: Event, people: dict[str, Any]) -> None:
    desk = Desk(event)
    assert desk.scan(people["Nguyễn Thị Hoa"].code).verdict == ADMITTED
    other = desk.scan(people["Trần Văn Đức"].code)
    assert other.verdict == ADMITTED and not other.repeat


def test_a_clock_moved_back_is_not_a_repeat(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    desk = Desk(event)
    desk.scan(people["Nguyễn Thị Hoa"].code)
    clock.advance(minutes=-10)  # the laptop's clock was corrected
    assert desk.scan(people["Nguyễn Thị Hoa"].code).verdict == ALREADY


def test_search_and_admit(event: Event, people: dict[str, Any]) -> None:
    thuy = people["Lê Thị Thúy"]
    verdict = Desk(event).admit(thuy.id)
    assert verdict.verdict == ADMITTED
    [row] = event.journal_rows("checkin")
    assert row["payload"] == {"delegate_id": thuy.id, "via": "search", "code": None}
    assert Desk(event).admit(thuy.id).verdict == ALREADY
    with pytest.raises(DaihoiError):
        Desk(event).admit(999)


def test_undo_is_its_own_journal_entry(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    hoa = people["Nguyễn Thị Hoa"]
    desk = Desk(event)
    desk.scan(hoa.code)
    clock.advance(seconds=1)
    desk.undo(hoa.id, reason="nhầm người")
    assert event.conn.execute("select count(*) from attendance").fetchone()[0] == 0
    [checkin] = event.journal_rows("checkin")
    [undo] = event.journal_rows("checkin.undo")
    assert undo["payload"]["reason"] == "nhầm người"
    assert undo["payload"]["undoes"] == checkin["uuid"]
    assert (undo["desk"], undo["operator"]) == ("Bàn 1", "Lan")
    # The history stays: the check-in row is still in the journal, and scanning again admits.
    clock.advance(seconds=1)
    assert desk.scan(hoa.code).verdict == ADMITTED
    with pytest.raises(DaihoiError) as err:
        desk.undo(people["Lê Thị Thúy"].id)
    assert err.value.key == "checkin.not_checked_in"


def test_undoing_another_desks_checkin_needs_confirmation(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    duc = people["Trần Văn Đức"]
    with other_desk(event, clock) as ev2:
        Desk(ev2).scan(duc.code)
    desk = Desk(event)
    with pytest.raises(DaihoiError) as err:
        desk.undo(duc.id, reason="sai")
    assert err.value.key == "checkin.other_desk"
    assert err.value.params["desk"] == "Bàn 2"
    assert err.value.params["at"] == "07:30"  # the time of day, not the stored stamp
    assert event.journal_rows("checkin.undo") == []
    desk.undo(duc.id, reason="sai", other_desk_confirmed=True)
    [undo] = event.journal_rows("checkin.undo")
    assert undo["payload"]["desk_of_checkin"] == "Bàn 2" and undo["desk"] == "Bàn 1"


def test_counters_overall_per_delegation_and_recent(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    desk = Desk(event)
    assert desk.counters().arrived == 0 and desk.counters().expected == 4
    desk.scan(people["Trần Văn Đức"].code)
    clock.advance(minutes=1)
    desk.scan(people["Nguyễn Thị Hoa"].code)
    with other_desk(event, clock) as ev2:
        Desk(ev2).scan(people["Hoàng Văn Hòa"].code)
        Desk(ev2).scan(people["Lê Thị Thúy"].code)
        mine2 = Desk(ev2).counters()
    c = desk.counters()
    assert (c.arrived, c.expected) == (4, 4)
    # Only the delegations this desk admitted, each counted over every desk, in Vietnamese
    # dictionary order (Đ after D, before K), not by code point.
    assert c.delegations == [("Đoàn Đại Từ", 2, 2), ("Khối các sở", 1, 1)]
    assert [name for _, name, _ in c.recent] == ["Nguyễn Thị Hoa", "Trần Văn Đức"]
    assert {name for _, name, _ in mine2.recent} == {"Hoàng Văn Hòa", "Lê Thị Thúy"}
    # A withdrawn delegate who had arrived no longer counts on either side.
    with event.write():
        event.conn.execute(
            "update delegates set status = 'withdrawn' where id = ?", (people["Lê Thị Thúy"].id,)
        )
        event.journal("test.withdraw", {})
    assert (desk.counters().arrived, desk.counters().expected) == (3, 3)


def test_recent_keeps_the_last_twenty(event: Event, clock: FakeClock) -> None:
    delegates.upsert(event, [{"name": f"Đại biểu {i}", "unit": "Sở"} for i in range(25)])
    desk = Desk(event)
    for _, code, _ in codes.current_codes(event):
        clock.advance(seconds=5)
        desk.scan(code)
    recent = desk.counters().recent
    assert len(recent) == 20
    assert recent[0][0] > recent[-1][0]


def test_walkin_and_substitute_become_delegates_with_a_code_when_approved(
    event: Event, people: dict[str, Any]
) -> None:
    duc = people["Trần Văn Đức"]
    guest = request_walkin(
        event, name="  Phạm Văn Nam ", unit="Báo Thái Nguyên", reason="mời bổ sung"
    )
    sub = request_walkin(event, name="Vũ Thị Lan", unit="UBND huyện Đại Từ", substitute_for=duc.id)
    assert guest.state == sub.state == "pending" and guest.name == "Phạm Văn Nam"
    assert delegates.count(event) == 4  # a request adds nobody
    approved = decide_walkin(event, sub.id, approve=True)
    assert approved.state == "approved" and approved.delegate_id is not None
    lan = delegates.get(event, approved.delegate_id)
    assert (lan.delegation, lan.code is not None) == ("Đoàn Đại Từ", True)
    assert delegates.get(event, duc.id).status == "withdrawn"  # the substitute takes the seat
    assert delegates.count(event) == 4
    assert Desk(event).scan(lan.code).verdict == ADMITTED
    assert Desk(event).scan(duc.code).verdict == UNKNOWN
    assert decide_walkin(event, guest.id, approve=False).state == "rejected"
    with pytest.raises(DaihoiError) as err:
        decide_walkin(event, guest.id, approve=True)
    assert err.value.key == "walkin.decided"
    assert [(w.name, w.state) for w in walkins(event)] == [
        ("Phạm Văn Nam", "rejected"),
        ("Vũ Thị Lan", "approved"),
    ]
    assert walkins(event, "pending") == []
    kinds = [r["kind"] for r in event.journal_rows() if r["kind"].startswith("walkin")]
    assert kinds == ["walkin.requested", "walkin.requested", "walkin.approved", "walkin.rejected"]


def test_walkin_needs_a_name_and_a_real_substituted_delegate(event: Event) -> None:
    with pytest.raises(DaihoiError) as err:
        request_walkin(event, name="   ")
    assert err.value.key == "walkin.no_name"
    with pytest.raises(DaihoiError) as err:
        request_walkin(event, name="Ai đó", substitute_for=42)
    assert err.value.key == "delegate.unknown"
    assert walkins(event) == []


def test_every_scan_is_journaled_with_its_verdict(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    desk = Desk(event)
    texts = [people["Nguyễn Thị Hoa"].code, people["Nguyễn Thị Hoa"].code, "xyz", "0" * 18]
    for text in texts:
        clock.advance(seconds=10)
        desk.scan(text)
    kinds = [r["kind"] for r in event.journal_rows() if r["kind"].startswith(("scan", "checkin"))]
    assert kinds == ["checkin", "scan.already", "scan.rejected", "scan.rejected"]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.one_of(st.text(max_size=80), st.from_regex(r"[0-9 \-]{0,30}", fullmatch=True)))
def test_fuzz_scan_only_clear_verdicts_and_a_journal_row_each_time(
    event: Event, people: dict[str, Any], clock: FakeClock, text: str
) -> None:
    desk = Desk(event)
    before = event.conn.execute("select count(*) from journal").fetchone()[0]
    clock.advance(seconds=4)
    verdict = desk.scan(text)
    assert verdict.verdict in VERDICTS
    assert verdict.verdict in (INVALID, ADMITTED, ALREADY) or verdict.delegate is not None
    after = event.conn.execute("select count(*) from journal").fetchone()[0]
    assert after == before + 1
    (last_kind,) = event.conn.execute(
        "select kind from journal order by seq desc limit 1"
    ).fetchone()
    assert last_kind in ("checkin", "scan.already", "scan.rejected")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pick=st.integers(0, 3),
    noise=st.lists(st.sampled_from([" ", "-", ".", "\t", "’"]), max_size=6),
    where=st.lists(st.integers(0, 18), max_size=6),
)
def test_fuzz_real_badges_with_noise_are_never_invalid(
    event: Event,
    people: dict[str, Any],
    clock: FakeClock,
    pick: int,
    noise: list[str],
    where: list[int],
) -> None:
    code = list(sorted(people.values(), key=lambda d: d.id))[pick].code
    typed = code
    for char, at in zip(noise, where):
        typed = typed[:at] + char + typed[at:]
    clock.advance(seconds=4)
    assert Desk(event).scan(typed).verdict in (ADMITTED, ALREADY)
