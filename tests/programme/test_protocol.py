"""The introduction of guests: protocol order, sides, present and not arrived, the words read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from data import delegates, guests
from data.checkin import Desk
from data.errors import DaihoiError
from data.store import Event
from programme import protocol


def add(event: Event, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Delegates from ``rows`` (source_row = their place); name → id."""
    for n, row in enumerate(rows, start=2):
        row.setdefault("source_file", "khach.xlsx")
        row.setdefault("source_row", n)
    delegates.upsert(event, rows)
    return dict(event.conn.execute("select name, id from delegates"))


def admit(event: Event, *ids: int) -> None:
    desk = Desk(event)
    for i in ids:
        assert desk.admit(i).ok


def names(found: tuple[protocol.Introduced, ...]) -> list[str]:
    return [g.name for g in found]


GUEST = "Khách mời"


def test_guests_are_the_category_or_the_guest_list(event: Event) -> None:
    add(
        event,
        [
            {"name": "Nguyễn Văn An", "category": "Đại biểu khách mời"},
            {"name": "Trần Thị Bích", "category": "KHACH MOI"},
            {"name": "Lê Văn Cường", "category": "Điển hình tiên tiến"},
            {"name": "Phạm Thị Dung", "guest": 1},
        ],
    )
    assert {g.name for g in guests.all_guests(event)} == {
        "Nguyễn Văn An",
        "Trần Thị Bích",
        "Phạm Thị Dung",
    }


def test_present_guests_by_rank_and_the_absent_apart(event: Event) -> None:
    ids = add(
        event,
        [
            {"name": "Nguyễn Văn An", "category": GUEST, "protocol_rank": 3},
            {"name": "Trần Thị Bích", "category": GUEST, "protocol_rank": 1},
            {"name": "Lê Văn Cường", "category": GUEST, "protocol_rank": 2},
            {"name": "Phạm Thị Dung", "category": GUEST, "protocol_rank": 4},
            {"name": "Hoàng Văn Em", "category": "Điển hình tiên tiến"},
        ],
    )
    admit(event, ids["Nguyễn Văn An"], ids["Trần Thị Bích"], ids["Phạm Thị Dung"])
    intro = protocol.introductions(event)
    assert names(intro.present) == ["Trần Thị Bích", "Nguyễn Văn An", "Phạm Thị Dung"]
    assert names(intro.not_arrived) == ["Lê Văn Cường"]
    assert "Hoàng Văn Em" not in names(intro.present) + names(intro.not_arrived)


def test_a_late_arrival_joins_in_their_place(event: Event) -> None:
    ids = add(
        event,
        [
            {"name": "Nguyễn Văn An", "category": GUEST, "protocol_rank": 1},
            {"name": "Trần Thị Bích", "category": GUEST, "protocol_rank": 2},
            {"name": "Lê Văn Cường", "category": GUEST, "protocol_rank": 3},
        ],
    )
    admit(event, ids["Nguyễn Văn An"], ids["Lê Văn Cường"])
    before = protocol.introductions(event)
    assert names(before.present) == ["Nguyễn Văn An", "Lê Văn Cường"]
    assert names(before.not_arrived) == ["Trần Thị Bích"]
    admit(event, ids["Trần Thị Bích"])
    after = protocol.introductions(event)
    assert names(after.present) == ["Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường"]
    assert after.not_arrived == ()


def test_equal_ranks_follow_the_protocol_rules(event: Event) -> None:
    same = {"category": GUEST, "protocol_rank": 1}
    add(
        event,
        [
            {"name": "Mai Văn Hội", "position": "Chủ tịch Hội Nông dân tỉnh", **same},
            {"name": "Đỗ Văn Mặt", "position": "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", **same},
            {"name": "Vũ Văn Ủy", "position": "Chủ tịch UBND tỉnh", **same},
            {"name": "Bùi Văn Hội", "position": "Chủ tịch HĐND tỉnh", **same},
            {"name": "Đinh Văn Đảng", "position": "Bí thư Tỉnh ủy", **same},
            {"name": "Lý Văn Trung", "position": "Vụ trưởng", "side": "Về phía Trung ương", **same},
            # a mass organization's secretary is not the Party's
            {"name": "Hà Văn Đoàn", "position": "Bí thư Tỉnh đoàn", **same},
            {"name": "Lâm Văn Bí", "position": "Bí thư", "unit": "Tỉnh đoàn Thái Nguyên", **same},
            # the province's military command is not a ministry
            {"name": "Quách Văn Quân", "position": "Chỉ huy trưởng",
             "unit": "Bộ Chỉ huy Quân sự tỉnh", **same},
            # a school numbered "số 1" is not a department (Sở)
            {"name": "Tô Văn Trường", "position": "Hiệu trưởng", "unit": "Trường THPT số 1",
             "side": "Tỉnh", **same},
            {"name": "Phan Văn Sở", "position": "Giám đốc Sở Y tế", "side": "Tỉnh", **same},
            {"name": "Vương Văn Bộ", "position": "Thứ trưởng", "unit": "Bộ Nội vụ", **same},
        ],
    )  # fmt: skip
    order = [g.name for g in protocol.in_protocol_order(guests.all_guests(event))]
    assert order == [
        "Vương Văn Bộ",  # the higher level first: a ministry (Bộ) is Trung ương, Government
        "Lý Văn Trung",  # Trung ương, no branch named
        "Đinh Văn Đảng",  # Party
        "Bùi Văn Hội",  # People's Council
        "Vũ Văn Ủy",  # People's Committee
        "Phan Văn Sở",  # People's Committee (a Sở)
        "Đỗ Văn Mặt",  # Fatherland Front
        "Mai Văn Hội",  # mass organizations
        "Hà Văn Đoàn",
        "Lâm Văn Bí",
        "Quách Văn Quân",  # tỉnh, no branch named
        "Tô Văn Trường",
    ]


def test_among_equals_the_earlier_appointment_then_the_elder(event: Event) -> None:
    same = {"category": GUEST, "protocol_rank": 2, "position": "Phó Chủ tịch UBND tỉnh"}
    add(
        event,
        [
            {"name": "Nguyễn Văn Trẻ", "birth_year": 1975, **same},
            {"name": "Nguyễn Văn Già", "birth_year": 1965, **same},
            {"name": "Nguyễn Văn Mới", "appointed": "2024-03-01", "birth_year": 1960, **same},
            {"name": "Nguyễn Văn Cũ", "appointed": "2021-06-15", "birth_year": 1980, **same},
            {"name": "Nguyễn Văn Khách", "position": "Phó Giám đốc Sở Nội vụ",
             "side": "Về phía đơn vị tổ chức", "category": GUEST, "protocol_rank": 2},
        ],
    )  # fmt: skip
    order = [g.name for g in protocol.in_protocol_order(guests.all_guests(event))]
    assert order == [
        "Nguyễn Văn Cũ",
        "Nguyễn Văn Mới",
        "Nguyễn Văn Già",
        "Nguyễn Văn Trẻ",
        "Nguyễn Văn Khách",  # khách trước, chủ sau: the hosts after the guests
    ]


def test_no_ranks_is_the_order_of_the_list(event: Event) -> None:
    ids = add(
        event,
        [
            {"name": "Vũ Văn Ủy", "position": "Chủ tịch Hội Nông dân tỉnh", "category": GUEST},
            {"name": "Đinh Văn Đảng", "position": "Bí thư Tỉnh ủy", "category": GUEST},
            {"name": "Bùi Văn Hội", "position": "Chủ tịch HĐND tỉnh", "category": GUEST},
        ],
    )
    admit(event, *ids.values())
    ranked_first = add(event, [{"name": "Lê Văn Hạng", "category": GUEST, "protocol_rank": 9}])
    admit(event, ranked_first["Lê Văn Hạng"])
    assert names(protocol.introductions(event).present) == [
        "Lê Văn Hạng",
        "Vũ Văn Ủy",
        "Đinh Văn Đảng",
        "Bùi Văn Hội",
    ]


def test_sides_group_the_guests_under_their_heading(event: Event) -> None:
    ids = add(
        event,
        [
            {"name": "Lý Văn Trung", "side": "Về phía Trung ương", "protocol_rank": 1,
             "position": "Phó Trưởng Ban Thi đua - Khen thưởng Trung ương", "category": GUEST},
            {"name": "Đinh Văn Đảng", "side": "Về phía tỉnh", "protocol_rank": 2,
             "position": "Bí thư Tỉnh ủy", "category": GUEST},
            {"name": "Lê Thị Hai", "side": "Trung ương", "protocol_rank": 3,
             "position": "Vụ trưởng", "category": GUEST, "honorific": "Bà"},
            {"name": "Thích Thanh Quang", "side": "tỉnh", "protocol_rank": 4,
             "position": "Phó Trưởng ban Trị sự", "category": GUEST, "honorific": "Hòa thượng"},
        ],
    )  # fmt: skip
    admit(event, *ids.values())
    intro = protocol.introductions(event)
    assert [s.heading for s in intro.sides] == [
        "Về phía Trung ương, tôi xin trân trọng giới thiệu:",
        "Về phía tỉnh, tôi xin trân trọng giới thiệu:",
    ]
    assert [[g.line for g in s.guests] for s in intro.sides] == [
        [
            "đồng chí Lý Văn Trung, Phó Trưởng Ban Thi đua - Khen thưởng Trung ương",
            "bà Lê Thị Hai, Vụ trưởng",
        ],
        [
            "đồng chí Đinh Văn Đảng, Bí thư Tỉnh ủy",
            "Hòa thượng Thích Thanh Quang, Phó Trưởng ban Trị sự",
        ],
    ]
    assert intro.salutation == (
        "Kính thưa đồng chí Lý Văn Trung, Phó Trưởng Ban Thi đua - Khen thưởng Trung ương; "
        "Kính thưa đồng chí Đinh Văn Đảng, Bí thư Tỉnh ủy; "
        "thưa các vị đại biểu, khách quý; thưa toàn thể Đại hội!"
    )


def test_a_rank_edited_by_the_organizers_is_journaled(event: Event) -> None:
    ids = add(
        event,
        [
            {"name": "Nguyễn Văn An", "category": GUEST, "protocol_rank": 1},
            {"name": "Trần Thị Bích", "category": GUEST, "protocol_rank": 2},
        ],
    )
    admit(event, *ids.values())
    guests.set_rank(event, ids["Trần Thị Bích"], 1)
    guests.set_rank(event, ids["Nguyễn Văn An"], 5)
    assert names(protocol.introductions(event).present) == ["Trần Thị Bích", "Nguyễn Văn An"]
    rows = event.journal_rows("guest.rank")
    assert [(r["payload"]["from"], r["payload"]["to"]) for r in rows] == [(2, 1), (1, 5)]
    with pytest.raises(DaihoiError) as err:
        guests.set_rank(event, 999, 1)
    assert err.value.key == "delegate.unknown"
    other = add(event, [{"name": "Hoàng Văn Em", "category": "Điển hình tiên tiến"}])
    with pytest.raises(DaihoiError) as err:
        guests.set_rank(event, other["Hoàng Văn Em"], 1)
    assert err.value.key == "guests.not_guest"


def guest_list(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_guest_list_reads_rank_side_and_position(event: Event, tmp_path: Path) -> None:
    path = guest_list(
        tmp_path / "khach-moi.xlsx",
        ["STT", "Họ và tên", "Chức vụ", "Về phía", "Thứ tự lễ tân"],
        [
            [1, "Đinh Văn Đảng", "Bí thư Tỉnh ủy", "Tỉnh", 2],
            [2, "Lý Văn Trung", "Vụ trưởng", "Trung ương", 1],
            [3, "Mai Văn Hội", "Chủ tịch Hội Nông dân tỉnh", "Tỉnh", "ba"],
        ],
    )
    report = guests.import_guests(event, path)
    assert report.added == 3
    assert [w.key for w in report.warnings] == ["import.bad_rank"]
    found = {g.name: g for g in guests.all_guests(event)}
    assert found["Lý Văn Trung"].rank == 1 and found["Lý Văn Trung"].side == "Trung ương"
    assert found["Đinh Văn Đảng"].rank == 2  # not the STT column's 1
    assert found["Mai Văn Hội"].rank is None
    assert all(g.category == "Khách mời" for g in found.values())


def test_a_guest_list_without_ranks_is_ranked_in_its_order(event: Event, tmp_path: Path) -> None:
    path = guest_list(
        tmp_path / "khach.xlsx",
        ["TT", "Họ và tên", "Chức vụ"],
        [[1, "Mai Văn Hội", "Chủ tịch Hội Nông dân tỉnh"], [2, "Đinh Văn Đảng", "Bí thư"]],
    )
    guests.import_guests(event, path)
    assert [(g.name, g.rank) for g in guests.all_guests(event)] == [
        ("Mai Văn Hội", 1),
        ("Đinh Văn Đảng", 2),
    ]


def test_a_list_without_ranks_read_again_keeps_the_ranks_organizers_set(
    event: Event, tmp_path: Path
) -> None:
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị"]
    people = [[1, "Nguyễn Văn An", "Phó Chủ tịch", "UBND tỉnh"],
              [2, "Trần Văn Bình", "Phó Chủ tịch", "UBND tỉnh"],
              [3, "Lê Văn Cường", "Phó Chủ tịch", "UBND tỉnh"]]  # fmt: skip
    path = guest_list(tmp_path / "khach.xlsx", header, people)
    guests.import_guests(event, path)
    ranks = {g.name: g for g in guests.all_guests(event)}
    guests.set_rank(event, ranks["Lê Văn Cường"].delegate_id, 1)
    guests.set_rank(event, ranks["Trần Văn Bình"].delegate_id, None)
    # the same list again, with one guest more: only the newcomer is ranked by the list
    people.insert(1, [2, "Phạm Văn Dũng", "Phó Giám đốc", "Sở Nội vụ"])
    path = guest_list(tmp_path / "khach-2.xlsx", header, people)
    before = guests.import_guests(event, path, dry_run=True)
    report = guests.import_guests(event, path)
    assert before.updated_names == report.updated_names == []
    assert report.added_names == ["Phạm Văn Dũng"]
    assert {g.name: g.rank for g in guests.all_guests(event)} == {
        "Nguyễn Văn An": 1,
        "Trần Văn Bình": None,
        "Lê Văn Cường": 1,
        "Phạm Văn Dũng": 2,
    }
    assert len(event.journal_rows("guest.rank")) == 2


def test_a_guest_list_read_at_two_desks_at_once_keeps_the_rank_set_in_between(
    event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which guests are new (and so ranked by their order in a list without ranks) is decided
    under the write lock the rows are written under. Desk 2 imports the same list, and an
    organizer ranks a guest, after desk 1 read the file but before desk 1 writes: desk 1 must
    not rank that guest again by the list's order (it did, when "new" was decided before)."""
    from contextlib import contextmanager

    header = ["STT", "Họ và tên", "Chức vụ"]
    path = guest_list(
        tmp_path / "khach.xlsx",
        header,
        [[1, "Mai Văn Hội", "Chủ tịch"], [2, "Đinh Văn Đảng", "Bí thư"]],
    )
    other = Event.open(event.path, desk="Bàn 2")
    write = Event.write

    @contextmanager
    def other_desk_first(self: Event) -> Any:
        monkeypatch.setattr(Event, "write", write)
        guests.import_guests(other, path)
        dang = next(g for g in guests.all_guests(other) if g.name == "Đinh Văn Đảng")
        guests.set_rank(other, dang.delegate_id, 1)
        with write(self) as ev:
            yield ev

    monkeypatch.setattr(Event, "write", other_desk_first)
    report = guests.import_guests(event, path)
    other.close()
    assert (report.added, report.unchanged) == (0, 2)
    assert {g.name: g.rank for g in guests.all_guests(event)} == {
        "Mai Văn Hội": 1,
        "Đinh Văn Đảng": 1,
    }


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        (
            "Bộ Tư lệnh Quân khu 1",
            0,
        ),  # a military region: the Ministry of Defence's, not a district
        ("Quân đoàn 12", 0),
        ("Bộ Chỉ huy Quân sự tỉnh", 1),
        ("Phòng Quan hệ công chúng", protocol.UNKNOWN_LEVEL),
        ("Hội Quần chúng", protocol.UNKNOWN_LEVEL),
        ("Quận ủy Ba Đình", 2),
        ("UBND quận Hoàn Kiếm", 2),
        ("Bệnh viện Quân y 103", protocol.UNKNOWN_LEVEL),
    ],
)
def test_the_level_a_unit_names(unit: str, expected: float) -> None:
    """ "Quân" is a district (quận) once folded, and also the army: "Quân khu 1" read as a
    district put a military region's guest after the province's."""
    guest = guests.Guest(
        1, "Trần Văn A", "", "", unit, "", None, "", None, None, GUEST, "", "", "", None, None
    )
    assert protocol.level(guest) == expected
