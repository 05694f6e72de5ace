"""Applying lists to the event: matching, two desks at once, and what reaches desk copies."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from data import delegates
from data.store import Event

from ..conftest import FakeClock

PEOPLE = [
    {"name": "Nguyễn Văn An", "unit": "Sở Y tế", "birth_year": 1970, "source_file": "ds.csv"},
    {"name": "Lê Thị Hoa", "unit": "Sở Tài chính", "birth_year": 1980, "source_file": "ds.csv"},
]


def test_two_desks_importing_at_once_do_not_both_insert(
    event: Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Desk 2 finishes its import between desk 1's start and desk 1's write lock: desk 1 must
    match against what desk 2 wrote, not against what it saw before."""
    other = Event.open(event.path, desk="Bàn 2")
    write = Event.write

    @contextmanager
    def other_desk_first(self: Event) -> Iterator[Event]:
        monkeypatch.setattr(Event, "write", write)
        delegates.upsert(other, PEOPLE)
        with write(self) as ev:
            yield ev

    monkeypatch.setattr(Event, "write", other_desk_first)
    report = delegates.upsert(event, PEOPLE)
    other.close()
    assert (report.added, report.unchanged) == ([], 2)
    assert delegates.count(event) == 2


def test_a_dry_run_reads_without_the_write_lock(event: Event) -> None:
    delegates.upsert(event, PEOPLE[:1])
    journal = event.conn.execute("select count(*) from journal").fetchone()[0]
    report = delegates.upsert(event, PEOPLE, dry_run=True)
    assert (report.added, report.unchanged) == (["Lê Thị Hoa"], 1)
    assert delegates.count(event) == 1
    assert event.conn.execute("select count(*) from journal").fetchone()[0] == journal


def test_namesakes_without_unit_or_year_are_kept_apart_by_delegation(event: Event) -> None:
    hung = {"name": "Nguyễn Văn Hùng", "source_file": "ds.csv"}
    delegates.upsert(event, [{**hung, "delegation": "Đoàn huyện Đại Từ"}])
    report = delegates.upsert(event, [{**hung, "delegation": "Đoàn huyện Phú Lương"}])
    assert report.added == ["Nguyễn Văn Hùng"] and report.updated == []
    assert delegates.match_key("A", "", None, "X") != delegates.match_key("A", "", None, "Y")
    # a unit or a year is enough to tell people apart: the delegation may then change
    assert delegates.match_key("A", "Sở Y tế", None, "X") == delegates.match_key(
        "A", "Sở Y tế", None, "Y"
    )


def test_marking_higher_level_moves_updated_at(event: Event, clock: FakeClock) -> None:
    """Merging desk copies carries delegates over by updated_at: a mark must move it."""
    delegates.upsert(event, PEOPLE[:1])
    before = event.conn.execute("select updated_at from delegates").fetchone()[0]
    clock.advance(minutes=5)
    delegates.set_higher_level(event, 1, True)
    after = event.conn.execute("select updated_at from delegates").fetchone()[0]
    assert after > before


def test_a_delegate_read_from_the_file_is_what_its_constructor_makes(event: Event) -> None:
    """``_from_row`` fills the instance without ``Delegate.__init__`` (for speed): every field,
    the sort key, equality and hashing must be what the constructor gives for the same values."""
    from dataclasses import fields

    from data.checkin import Desk
    from data.codes import current_codes

    delegates.upsert(
        event,
        [{**PEOPLE[0], "honorific": "Bà", "seat": "A-3", "external_id": "X1"}, PEOPLE[1]],
    )
    delegates.set_higher_level(event, 1, True)
    Desk(event).scan(current_codes(event)[0][1])
    names = {f.name for f in fields(delegates.Delegate)} - {"sort_key"}
    assert set(delegates._ROW_FIELDS) == names and len(delegates._ROW_FIELDS) == len(names)
    read = delegates.all_delegates(event)
    assert [(d.name, d.higher_level) for d in read] == [
        ("Nguyễn Văn An", True),  # An before Hoa: the given name sorts first
        ("Lê Thị Hoa", False),
    ]
    first = read[0]  # each column lands in its own field (a shifted column would show here)
    assert (first.unit, first.birth_year, first.source_file) == ("Sở Y tế", 1970, "ds.csv")
    assert (first.honorific, first.seat, first.external_id) == ("Bà", "A-3", "X1")
    assert (first.status, first.checked_in_desk, first.id) == ("approved", event.desk, 1)
    assert first.checked_in_at and first.code == current_codes(event)[0][1]
    assert read[1].checked_in_at is None and read[1].checked_in_desk is None
    for found in read:
        made = delegates.Delegate(**{name: getattr(found, name) for name in names})
        assert found == made and hash(found) == hash(made)
        assert {n: getattr(found, n) for n in names} == {n: getattr(made, n) for n in names}
        assert type(found.higher_level) is bool
        assert found.sort_key == made.sort_key != ()
