"""Two desks marking honours at once, a second honour for the same person, and the organizers'
"not a delegate" surviving a re-import: the ways an honour's mark could silently be lost."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from data import delegates
from data.checkin import Desk
from data.errors import DaihoiError
from data.store import Event
from programme import honours
from programme.honours import HonourRow

BK = "Bằng khen của Chủ tịch UBND tỉnh"


@pytest.fixture
def other_desk(event: Event, clock: Any) -> Iterator[Event]:
    """A second desk on the same event file (its own SQLite connection)."""
    other = Event.open(event.path, clock=clock, desk="Bàn 2")
    yield other
    other.close()


def before_lock(event: Event, meanwhile: Callable[[], object]) -> None:
    """Run ``meanwhile`` (another desk's write) just before ``event`` takes its write lock: the
    latest moment another desk can still write, and the moment a stale read would be overwritten."""
    real = event.write
    pending = [meanwhile]

    @contextmanager
    def write() -> Iterator[Event]:
        if pending:
            pending.pop()()
        with real() as ev:
            yield ev

    event.write = write  # type: ignore[method-assign]


def two_in_group(event: Event) -> list[honours.Honour]:
    honours.save(
        event,
        [
            HonourRow("Nguyễn Văn An", BK, group="Đợt 1"),
            HonourRow("Trần Thị Bình", BK, group="Đợt 1"),
        ],
    )
    return honours.all_honours(event, group="Đợt 1")


def test_call_group_keeps_a_proxy_recorded_by_another_desk(event: Event, other_desk: Event) -> None:
    an, binh = two_in_group(event)
    before_lock(event, lambda: honours.set_state(other_desk, an.id, honours.PROXY, by="Con gái"))
    assert honours.call_group(event, "Đợt 1") == [binh.id]
    an_now = honours.get(event, an.id)
    assert (an_now.state, an_now.proxy_by, an_now.state_desk) == ("proxy", "Con gái", "Bàn 2")
    assert event.journal_rows("honours.group_called")[-1]["payload"]["ids"] == [binh.id]


def test_present_remaining_keeps_an_absence_recorded_by_another_desk(
    event: Event, other_desk: Event
) -> None:
    delegates.upsert(
        event,
        [
            {"name": "Nguyễn Văn An", "unit": "Sở Y tế", "birth_year": 1975},
            {"name": "Trần Thị Bình", "unit": "Sở Y tế", "birth_year": 1980},
        ],
    )
    honours.save(
        event,
        [
            HonourRow("Nguyễn Văn An", BK, unit="Sở Y tế", group="Đợt 1"),
            HonourRow("Trần Thị Bình", BK, unit="Sở Y tế", group="Đợt 1"),
        ],
    )
    an, binh = honours.all_honours(event, group="Đợt 1")
    desk = Desk(event)
    desk.admit(an.delegate_id)
    desk.admit(binh.delegate_id)
    before_lock(event, lambda: honours.set_state(other_desk, an.id, honours.ABSENT))
    assert honours.present_remaining(event, "Đợt 1") == [binh.id]
    assert honours.get(event, an.id).state == "absent"
    assert honours.get(event, binh.id).state == "presented"


def test_set_state_sees_a_withdrawal_by_another_desk(event: Event, other_desk: Event) -> None:
    an, _binh = two_in_group(event)
    before_lock(event, lambda: honours.set_state(other_desk, an.id, honours.WITHDRAWN))
    with pytest.raises(DaihoiError) as err:
        honours.set_state(event, an.id, honours.PRESENTED)
    assert err.value.key == "honours.is_withdrawn"
    assert honours.get(event, an.id).state == "withdrawn"


# ------------------------------------------------------------------------------ the same person
def test_a_second_honour_under_another_decision_is_kept(event: Event) -> None:
    rows = [
        HonourRow("Nguyễn Văn An", BK, unit="Sở Y tế", decision="QĐ 1234/QĐ-UBND"),
        HonourRow("Nguyễn Văn An", BK, unit="Sở Y tế", decision="QĐ 2345/QĐ-UBND"),
    ]
    first = honours.save(event, rows)
    assert (first.added, first.unchanged) == (2, 0)
    assert sorted(h.decision for h in honours.all_honours(event)) == [
        "QĐ 1234/QĐ-UBND",
        "QĐ 2345/QĐ-UBND",
    ]
    again = honours.save(event, rows)  # the same list again changes nothing
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert len(honours.all_honours(event)) == 2


def test_a_row_repeated_in_one_list_is_stored_and_reported(event: Event) -> None:
    # Two people of one name, no unit, no decision: the list cannot tell them apart, so both are
    # kept (and the import says so) rather than one silently dropped.
    rows = [HonourRow("Nguyễn Văn An", BK), HonourRow("Nguyễn Văn An", BK)]
    first = honours.save(event, rows)
    assert first.added == 2 and first.repeated == ("Nguyễn Văn An",)
    again = honours.save(event, rows)
    assert (again.added, again.unchanged) == (0, 2)
    assert len(honours.all_honours(event)) == 2


# ------------------------------------------------------------------------------ organizers' decision
def test_not_a_delegate_survives_a_re_import(event: Event) -> None:
    delegates.upsert(event, [{"name": "Nguyễn Văn An", "unit": "Sở Y tế", "birth_year": 1975}])
    rows = [HonourRow("Nguyễn Văn An", BK, unit="Trường THPT Chu Văn An")]
    first = honours.save(event, rows, source="kt.xlsx")
    (an,) = honours.all_honours(event)
    assert an.match == "ambiguous" and len(first.unresolved) == 1
    honours.match(event, an.id, None)  # the organizers: this An is not our delegate
    again = honours.save(event, rows, source="kt.xlsx")
    kept = honours.get(event, an.id)
    assert (kept.match, kept.delegate_id, kept.candidates) == ("none", None, ())
    assert again.unresolved == () and (again.updated, again.unchanged) == (0, 1)
    assert honours.unresolved(event) == []


def test_decisions_made_before_the_column_are_read_back_from_the_journal(event: Event) -> None:
    from data.schema_core import run_statements
    from data.schema_honours import _M101

    delegates.upsert(event, [{"name": "Nguyễn Văn An", "unit": "Sở Y tế", "birth_year": 1975}])
    honours.save(event, [HonourRow("Nguyễn Văn An", BK, unit="Trường THPT Chu Văn An")])
    (an,) = honours.all_honours(event)
    honours.match(event, an.id, None)
    # As an older file left it: no column value, and a re-import overwrote "not a delegate".
    with event.write():
        event.conn.execute(
            "update honours set match_decided_at = null, match = 'ambiguous', candidates = '[1]'"
        )
    with event.write():
        run_statements(event.db, _M101[1:])
    restored = honours.get(event, an.id)
    assert (restored.match, restored.candidates) == ("none", ())
    assert restored.match_decided_at == event.journal_rows("honour.matched")[-1]["at"]


# ------------------------------------------------------------------------------ repaint cost
def test_per_form_rules_are_computed_once_per_form(event: Event) -> None:
    honours.save(event, [HonourRow(f"Người {i}", BK, unit=f"Đơn vị {i}") for i in range(5)])
    honours.precedence.cache_clear()
    honours.items_for.cache_clear()
    honours.all_honours(event)
    assert (honours.precedence.cache_info().misses, honours.precedence.cache_info().hits) == (1, 4)
    assert honours.items_for.cache_info().misses == 1
