"""Remembered column layouts travel with a merge, both ways, the mapping of a header saved
last winning: a list mapped by hand at a desk reads the same on the main file and back."""

from __future__ import annotations

from pathlib import Path

from data import delegates, layouts, replicas
from data.store import Event
from tests.conftest import FakeClock

HEADER = ("Họ tên đại biểu", "Cơ quan công tác", "SĐT")
OTHER = ("Tên", "Đơn vị")


def _map(header: tuple[str, ...], fields: dict[int, str]) -> layouts.ColumnMap:
    return layouts.ColumnMap(header, fields)


def test_layouts_cross_both_ways_and_the_newest_wins(
    event: Event, tmp_path: Path, clock: FakeClock
) -> None:
    delegates.upsert(event, [{"name": "Nguyễn Văn An", "unit": "Sở"}])
    first = replicas.clone(event, "Bàn 2", tmp_path / "ban2.db")
    second = replicas.clone(event, "Bàn 3", tmp_path / "ban3.db")
    at_desk = _map(HEADER, {0: "name", 1: "unit"})
    clock.advance(minutes=1)
    with Event.open(first, desk="Bàn 2", clock=clock) as copy:
        layouts.remember(copy, at_desk)
    clock.advance(minutes=1)
    layouts.remember(event, _map(OTHER, {0: "name", 1: "unit"}))  # on the main file, later

    replicas.merge(event, first)
    assert layouts.remembered(event) == {
        at_desk.key: at_desk,
        _map(OTHER, {}).key: _map(OTHER, {0: "name", 1: "unit"}),
    }
    with Event.open(first, desk="Bàn 2", clock=clock) as copy:
        assert layouts.remembered(copy) == layouts.remembered(event)

    # The third desk maps the same header again, later and differently: its mapping wins on
    # the main file, and reaches the second desk at its next merge.
    clock.advance(minutes=1)
    newer = _map(HEADER, {0: "name", 1: "unit", 2: "phone"})
    with Event.open(second, desk="Bàn 3", clock=clock) as copy:
        layouts.remember(copy, newer)
    replicas.merge(event, second)
    assert layouts.remembered(event)[newer.key] == newer
    replicas.merge(event, first)
    with Event.open(first, desk="Bàn 2", clock=clock) as copy:
        assert layouts.remembered(copy)[newer.key] == newer
        assert layouts.remembered(copy) == layouts.remembered(event)

    # An older mapping merged again does not come back over the newer one.
    again = replicas.merge(event, first)
    assert again["main"].journal_rows == again["copy"].journal_rows == 0
    assert layouts.remembered(event)[newer.key] == newer


def test_a_dry_run_carries_no_layout(event: Event, tmp_path: Path, clock: FakeClock) -> None:
    copy_path = replicas.clone(event, "Bàn 2", tmp_path / "ban2.db")
    with Event.open(copy_path, desk="Bàn 2", clock=clock) as copy:
        layouts.remember(copy, _map(HEADER, {0: "name"}))
    replicas.merge(event, copy_path, dry_run=True)
    assert layouts.remembered(event) == {}
    replicas.merge(event, copy_path)
    assert list(layouts.remembered(event)) == [_map(HEADER, {}).key]
