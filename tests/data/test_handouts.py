"""Hand-outs at a desk (issue 17): the first scan hands out, a second says when and where,
returns of what must come back, merges of desk copies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from data import delegates, handouts, replicas
from data.checkin import ADMITTED, ALREADY, Desk
from data.errors import DaihoiError
from data.store import Event

from ..conftest import FakeClock

PEOPLE = [
    {"name": "Nguyễn Thị Hoa", "unit": "Sở Y tế"},
    {"name": "Trần Văn Đức", "unit": "UBND huyện Đại Từ"},
    {"name": "Hoàng Văn Hòa", "unit": "HTX chè La Bằng"},
]


@pytest.fixture
def people(event: Event) -> dict[str, Any]:
    delegates.upsert(event, PEOPLE)
    return {d.name: d for d in delegates.all_delegates(event)}


def test_second_scan_says_when_and_where_it_was_handed_out(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    handouts.add_item(event, "Bộ tài liệu")
    hoa = people["Nguyễn Thị Hoa"]
    with Event.open(event.path, clock=clock, desk="Bàn 3") as desk3:
        first = Desk(desk3, handout="bo tai lieu").scan(hoa.code)  # accents ignored
    assert first.verdict == ADMITTED
    assert first.handout is not None
    assert (first.handout.item, first.handout.state) == ("Bộ tài liệu", handouts.HANDED)
    clock.advance(minutes=12)
    again = Desk(event, handout="Bộ tài liệu").scan(hoa.code)
    assert again.verdict == ALREADY
    assert again.handout is not None
    assert again.handout.public() == {
        "item": "Bộ tài liệu",
        "state": handouts.ALREADY,
        "must_return": False,
        "at": "2025-09-20T07:30:00.000+07:00",
        "desk": "Bàn 3",
    }
    [item] = handouts.items(event)
    assert (item.handed, item.returned) == (1, 0)
    kinds = [r["kind"] for r in event.journal_rows() if r["kind"].startswith("handout")]
    assert kinds == ["handout.list", "handout.given", "handout.already"]
    # A desk without a hand-out list records none; a rejected scan hands nothing out.
    assert Desk(event).scan(people["Trần Văn Đức"].code).handout is None
    assert Desk(event, handout="Bộ tài liệu").scan("123").handout is None
    assert handouts.items(event)[0].handed == 1


def test_returns_of_what_must_come_back(
    event: Event, people: dict[str, Any], clock: FakeClock
) -> None:
    handouts.add_item(event, "Máy tính bảng", must_return=True)
    handouts.add_item(event, "Quà lưu niệm")
    hoa, duc = people["Nguyễn Thị Hoa"], people["Trần Văn Đức"]
    give = Desk(event, handout="Máy tính bảng")
    give.scan(hoa.code)
    clock.advance(minutes=1)
    give.scan(duc.code)
    assert handouts.outstanding(event, "Máy tính bảng") == [hoa.id, duc.id]
    clock.advance(hours=8)
    collect = Desk(event, handout="Máy tính bảng", collect=True)
    back = collect.scan(hoa.code)
    assert back.handout is not None and back.handout.state == handouts.RETURNED
    clock.advance(minutes=1)
    twice = collect.scan(hoa.code)
    assert twice.handout is not None
    assert (twice.handout.state, twice.handout.at) == (
        handouts.ALREADY_RETURNED,
        "2025-09-20T15:31:00.000+07:00",
    )
    assert handouts.outstanding(event, "Máy tính bảng") == [duc.id]
    never = collect.scan(people["Hoàng Văn Hòa"].code)
    assert never.handout is not None and never.handout.state == handouts.NOT_HANDED
    with pytest.raises(DaihoiError) as err:
        handouts.take_back(event, "Quà lưu niệm", hoa.id)
    assert err.value.key == "handout.not_returnable"
    assert [(i.name, i.handed, i.returned) for i in handouts.items(event)] == [
        ("Máy tính bảng", 2, 1),
        ("Quà lưu niệm", 0, 0),
    ]


def test_item_names_are_checked(event: Event, people: dict[str, Any]) -> None:
    handouts.add_item(event, "Bộ tài liệu")
    for name, key in (("BỘ TÀI LIỆU", "handout.exists"), ("  ", "handout.no_name")):
        with pytest.raises(DaihoiError) as err:
            handouts.add_item(event, name)
        assert err.value.key == key
    with pytest.raises(DaihoiError) as err:
        handouts.give(event, "Huy hiệu", people["Nguyễn Thị Hoa"].id)
    assert err.value.key == "handout.unknown"
    assert len(event.journal_rows("handout.list")) == 1


def test_handouts_travel_with_desk_copies_and_the_earliest_wins(
    event: Event, people: dict[str, Any], clock: FakeClock, tmp_path: Path
) -> None:
    hoa = people["Nguyễn Thị Hoa"]
    handouts.add_item(event, "Bộ tài liệu")
    copy_path = replicas.clone(event, "Bàn 2", tmp_path / "ban2.db")
    with Event.open(copy_path, clock=clock, desk="Bàn 2") as copy:
        handouts.add_item(copy, "Tài liệu mật", must_return=True)
        Desk(copy, handout="Bộ tài liệu").scan(hoa.code)
        handouts.give(copy, "Tài liệu mật", hoa.id)
    clock.advance(minutes=3)
    Desk(event, handout="Bộ tài liệu").scan(hoa.code)  # handed out again before the merge
    replicas.merge(event, copy_path)
    rows = event.conn.execute("select item, handed_at, desk from handouts order by item").fetchall()
    assert rows == [
        ("Bộ tài liệu", "2025-09-20T07:30:00.000+07:00", "Bàn 2"),
        ("Tài liệu mật", "2025-09-20T07:30:00.000+07:00", "Bàn 2"),
    ]
    with Event.open(copy_path, clock=clock) as copy:
        assert [(i.name, i.handed) for i in handouts.items(copy)] == [
            ("Bộ tài liệu", 1),
            ("Tài liệu mật", 1),
        ]
