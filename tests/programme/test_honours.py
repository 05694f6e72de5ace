"""The honours domain: precedence on stage, what goes on the tray, matching recipients to
delegates (never a guess), and every state change journaled."""

from __future__ import annotations

from typing import Any

import pytest

from data import delegates
from data.checkin import Desk
from data.errors import DaihoiError
from data.store import Event
from programme import honours
from programme.honours import HonourRow

# ------------------------------------------------------------------------------ precedence
HIGHEST_FIRST = [
    "Huân chương Độc lập hạng Ba",
    "Huân chương Lao động hạng Nhất",
    "Huân chương Lao động hạng Nhì",
    "Truy tặng Huân chương Lao động hạng Ba",
    "Huy chương Quân kỳ quyết thắng",
    "Anh hùng Lao động",
    "Nhà giáo nhân dân",
    "Nhà giáo ưu tú",
    "Giải thưởng Hồ Chí Minh",
    "Giải thưởng Nhà nước",
    "Cờ thi đua của Chính phủ",
    "Chiến sĩ thi đua toàn quốc",
    "Kỷ niệm chương Vì sự nghiệp Giáo dục",
    "Bằng khen của Thủ tướng Chính phủ",
    "Cờ thi đua của UBND tỉnh",
    "Chiến sĩ thi đua cấp tỉnh",
    "Bằng khen của Chủ tịch UBND tỉnh",
    "Bằng khen của Ban Chấp hành Đoàn huyện",
    "Tập thể lao động xuất sắc",
    "Chiến sĩ thi đua cơ sở",
    "Giấy khen của Chủ tịch UBND huyện",
    "Giấy khen của Chủ tịch UBND xã",
    "Lao động tiên tiến",
    "Thư cảm ơn",
]


def test_precedence_orders_forms_highest_first() -> None:
    shuffled = HIGHEST_FIRST[::2] + HIGHEST_FIRST[1::2][::-1]
    assert sorted(shuffled, key=honours.precedence) == HIGHEST_FIRST


@pytest.mark.parametrize(
    "higher,lower",
    [
        ("Chiến sĩ thi đua toàn quốc", "Chiến sĩ thi đua cấp tỉnh"),
        ("Chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua cơ sở"),
        ("Cờ thi đua của Chính phủ", "Cờ thi đua của UBND tỉnh"),
        ("Huân chương Lao động hạng Nhất", "Huân chương Lao động hạng Ba"),
        ("Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Bộ trưởng Bộ Y tế"),
        ("Bằng khen của Bộ trưởng Bộ Y tế", "Bằng khen của Chủ tịch UBND huyện"),
        ("Kỷ niệm chương", "Bằng khen của Chủ tịch UBND tỉnh"),
        ("Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Giám đốc Sở Y tế"),
        ("HUÂN CHƯƠNG LAO ĐỘNG HẠNG III", "Huy chương Vì thế hệ trẻ"),
    ],
)
def test_precedence_pairs(higher: str, lower: str) -> None:
    assert honours.precedence(higher) < honours.precedence(lower)


@pytest.mark.parametrize(
    "form,items",
    [
        ("Chiến sĩ thi đua toàn quốc", ("certificate", "frame", "badge_box")),
        ("Chiến sĩ thi đua cấp tỉnh", ("certificate", "frame", "badge_box")),
        ("Chiến sĩ thi đua cơ sở", ("certificate", "frame")),
        ("Huân chương Lao động hạng Ba", ("medal_box", "certificate")),
        ("Cờ thi đua của UBND tỉnh", ("flag",)),
        ("Bằng khen của Chủ tịch UBND tỉnh", ("certificate", "frame")),
        ("Tập thể lao động xuất sắc", ("certificate", "frame")),
    ],
)
def test_what_goes_on_the_tray(form: str, items: tuple[str, ...]) -> None:
    assert honours.items_for(form) == items


@pytest.mark.parametrize(
    "name,collective",
    [
        ("Tập thể Phòng Giáo dục", True),
        ("Phòng Tài chính - Kế hoạch", True),
        ("Sở Y tế", True),
        ("CÔNG TY CP CHÈ TÂN CƯƠNG", True),
        ("Trường THCS Nha Trang", True),
        ("UBND xã Tân Cương", True),
        ("Ban Dân tộc tỉnh", True),
        ("Hội Cựu chiến binh", True),
        ("Nguyễn Thị Hoa", False),
        ("Bàn Văn Sinh", False),  # Bàn, Tô, Đoàn, Đỗ are family names
        ("Tô Văn Lâm", False),
        ("Đoàn Văn Hậu", False),
        ("Đỗ Thị Hội", False),
    ],
)
def test_collective_from_the_name(name: str, collective: bool) -> None:
    assert honours.looks_collective(name) is collective


# ------------------------------------------------------------------------------ matching
PEOPLE: list[dict[str, Any]] = [
    {"name": "Nguyễn Văn An", "unit": "Sở Y tế", "birth_year": 1975},
    {"name": "Nguyễn Văn An", "unit": "UBND huyện Phú Bình", "birth_year": 1980},
    {"name": "Lê Thị Thúy", "unit": "Trường THCS Nha Trang", "birth_year": 1975},
    {"name": "Hoàng Văn Hòa", "unit": "HTX chè La Bằng", "external_id": "DB-017"},
    {"name": "Đặng Minh Dũng", "unit": "Công an tỉnh", "birth_year": 1985},
]


def ids(event: Event) -> dict[tuple[str, str], int]:
    return {(d.name, d.unit): d.id for d in delegates.all_delegates(event)}


@pytest.fixture
def people(event: Event) -> dict[tuple[str, str], int]:
    delegates.upsert(event, PEOPLE)
    return ids(event)


def saved(event: Event, *rows: HonourRow) -> dict[str, honours.Honour]:
    honours.save(event, rows, source="test")
    return {f"{h.recipient}|{h.unit}": h for h in honours.all_honours(event)}


BK = "Bằng khen của Chủ tịch UBND tỉnh"


def test_two_people_of_one_name_are_told_apart_by_unit(event: Event, people: Any) -> None:
    found = saved(
        event,
        HonourRow("Nguyễn Văn An", BK, unit="Phó Giám đốc Sở Y tế"),
        HonourRow("NGUYEN VAN  AN", "Giấy khen", unit="UBND huyện Phú Bình"),
    )
    assert found["Nguyễn Văn An|Phó Giám đốc Sở Y tế"].match == "matched"
    assert (
        found["Nguyễn Văn An|Phó Giám đốc Sở Y tế"].delegate_id
        == people[("Nguyễn Văn An", "Sở Y tế")]
    )
    assert (
        found["NGUYEN VAN AN|UBND huyện Phú Bình"].delegate_id
        == people[("Nguyễn Văn An", "UBND huyện Phú Bình")]
    )


def test_a_name_without_unit_is_never_guessed(event: Event, people: Any) -> None:
    found = saved(event, HonourRow("Nguyễn Văn An", BK), HonourRow("Lê Thị Thuý", BK))
    an = found["Nguyễn Văn An|"]
    assert (an.match, an.delegate_id) == ("ambiguous", None)
    assert set(an.candidates) == {
        people[("Nguyễn Văn An", "Sở Y tế")],
        people[("Nguyễn Văn An", "UBND huyện Phú Bình")],
    }
    # Even one delegate of that name is only a candidate when the list gives no unit.
    thuy = found["Lê Thị Thuý|"]
    assert (thuy.match, thuy.candidates) == (
        "ambiguous",
        (people[("Lê Thị Thúy", "Trường THCS Nha Trang")],),
    )
    assert {h.recipient for h in honours.unresolved(event)} == {"Nguyễn Văn An", "Lê Thị Thuý"}


def test_unit_disagreeing_or_unknown_person(event: Event, people: Any) -> None:
    found = saved(
        event,
        HonourRow("Đặng Minh Dũng", BK, unit="Sở Tài chính"),
        HonourRow("Phạm Thị Mai", BK, unit="Sở Y tế"),
    )
    assert found["Đặng Minh Dũng|Sở Tài chính"].match == "ambiguous"
    assert found["Phạm Thị Mai|Sở Y tế"].match == "none"


def test_external_id_wins_over_a_different_spelling(event: Event, people: Any) -> None:
    found = saved(event, HonourRow("Hoàng Văn Hoà", BK, external_id="DB-017"))
    assert found["Hoàng Văn Hoà|"].delegate_id == people[("Hoàng Văn Hòa", "HTX chè La Bằng")]


def test_collective_received_by_a_representative_delegate(event: Event, people: Any) -> None:
    found = saved(
        event,
        HonourRow("Sở Y tế", "Cờ thi đua của UBND tỉnh", representative="Nguyễn Văn An"),
        HonourRow("Trường THCS Nha Trang", "Tập thể lao động xuất sắc"),
    )
    flag = found["Sở Y tế|"]
    assert flag.collective and flag.delegate_id == people[("Nguyễn Văn An", "Sở Y tế")]
    school = found["Trường THCS Nha Trang|"]
    assert school.collective and school.match == "none"
    assert honours.unresolved(event) == []  # collectives without a delegate are normal


def test_organizers_resolve_a_match(event: Event, people: Any) -> None:
    an = saved(event, HonourRow("Nguyễn Văn An", BK))["Nguyễn Văn An|"]
    target = people[("Nguyễn Văn An", "UBND huyện Phú Bình")]
    resolved = honours.match(event, an.id, target)
    assert (resolved.match, resolved.delegate_id) == ("matched", target)
    assert honours.unresolved(event) == []
    assert honours.honours_of(event, target) == [(BK, "")]
    row = event.journal_rows("honour.matched")[-1]
    assert row["payload"]["delegate_id"] == target and row["desk"] == "Bàn 1"
    with pytest.raises(DaihoiError) as err:
        honours.match(event, an.id, 9999)
    assert err.value.key == "delegate.unknown"
    # A re-import of the same list keeps the organizers' decision.
    honours.save(event, [HonourRow("Nguyễn Văn An", BK)])
    assert honours.get(event, an.id).delegate_id == target


# ------------------------------------------------------------------------------ ceremony
@pytest.fixture
def ceremony(event: Event, people: Any) -> dict[str, honours.Honour]:
    rows = [
        HonourRow("Lê Thị Thúy", BK, unit="Trường THCS Nha Trang", group="Đợt 2"),
        HonourRow("Trường THCS Nha Trang", "Cờ thi đua của UBND tỉnh", group="Đợt 2"),
        HonourRow("Nguyễn Văn An", "Chiến sĩ thi đua cấp tỉnh", unit="Sở Y tế", group="Đợt 2"),
        HonourRow(
            "Đặng Minh Dũng", "Huân chương Chiến công hạng Ba", unit="Công an tỉnh", group="Đợt 1"
        ),  # fmt: skip
        HonourRow("Hoàng Văn Hòa", BK, external_id="DB-017", group="Đợt 10"),
        HonourRow(
            "Phạm Văn Mười",
            "Huân chương Lao động hạng Ba",
            group="Đợt 2",
            unit="Xã Yên Lạc",
            posthumous=True,
        ),  # fmt: skip
    ]
    honours.save(event, rows)
    return {h.recipient: h for h in honours.all_honours(event)}


def test_groups_in_order_and_calling_order_by_precedence(
    event: Event, ceremony: dict[str, honours.Honour]
) -> None:
    assert honours.groups(event) == ["Đợt 1", "Đợt 2", "Đợt 10"]
    assert [h.recipient for h in honours.all_honours(event, group="Đợt 2")] == [
        "Phạm Văn Mười",  # Huân chương
        "Trường THCS Nha Trang",  # Cờ thi đua cấp tỉnh (rank of the province's titles)
        "Nguyễn Văn An",  # Chiến sĩ thi đua cấp tỉnh, after the flag in list order
        "Lê Thị Thúy",  # Bằng khen
    ]


def test_an_explicit_order_in_the_list_wins(event: Event) -> None:
    honours.save(
        event,
        [
            HonourRow("A", "Huân chương Lao động hạng Ba", order=2),
            HonourRow("B", "Giấy khen", order=1),
        ],
    )
    assert [h.recipient for h in honours.all_honours(event)] == ["B", "A"]


def test_states_are_journaled_with_time_and_desk(
    event: Event, ceremony: dict[str, honours.Honour], clock: Any
) -> None:
    thuy = ceremony["Lê Thị Thúy"]
    assert honours.call_group(event, "Đợt 2") == [
        h.id for h in honours.all_honours(event, group="Đợt 2")
    ]
    assert honours.get(event, thuy.id).state == "called"
    clock.advance(minutes=3)
    done = honours.set_state(event, thuy.id, honours.PRESENTED)
    assert (done.state, done.state_at[11:19], done.state_desk) == ("presented", "07:33:00", "Bàn 1")
    row = event.journal_rows("honour.presented")[-1]
    assert row["payload"]["id"] == thuy.id and row["payload"]["from"] == "called"

    muoi = ceremony["Phạm Văn Mười"]
    with pytest.raises(DaihoiError) as err:
        honours.set_state(event, muoi.id, honours.PROXY)
    assert err.value.key == "honours.proxy_needs_name"
    proxy = honours.set_state(event, muoi.id, honours.PROXY, by="Phạm Thị Lan (con gái)")
    assert proxy.proxy_by == "Phạm Thị Lan (con gái)" and proxy.posthumous
    assert event.journal_rows("honour.proxy")[-1]["payload"]["by"] == "Phạm Thị Lan (con gái)"

    an = ceremony["Nguyễn Văn An"]
    honours.set_state(event, an.id, honours.WITHDRAWN)
    with pytest.raises(DaihoiError) as err:
        honours.set_state(event, an.id, honours.PRESENTED)
    assert err.value.key == "honours.is_withdrawn"
    assert honours.honours_of(event, an.delegate_id) == []


def test_present_remaining_only_hands_over_to_people_who_arrived(
    event: Event, ceremony: dict[str, honours.Honour]
) -> None:
    desk = Desk(event)
    desk.admit(ceremony["Lê Thị Thúy"].delegate_id)
    desk.admit(ceremony["Nguyễn Văn An"].delegate_id)
    honours.call_group(event, "Đợt 2")
    done = honours.present_remaining(event, "Đợt 2")
    assert done == [ceremony["Nguyễn Văn An"].id, ceremony["Lê Thị Thúy"].id]
    states = {h.recipient: h.state for h in honours.all_honours(event, group="Đợt 2")}
    assert states == {
        "Phạm Văn Mười": "called",  # not a delegate: marked by hand
        "Trường THCS Nha Trang": "called",
        "Nguyễn Văn An": "presented",
        "Lê Thị Thúy": "presented",
    }
    assert event.journal_rows("honours.group_presented")[-1]["payload"]["ids"] == done


def test_tally_per_form(event: Event, ceremony: dict[str, honours.Honour]) -> None:
    honours.set_state(event, ceremony["Lê Thị Thúy"].id, honours.PRESENTED)
    honours.set_state(event, ceremony["Hoàng Văn Hòa"].id, honours.ABSENT)
    honours.set_state(event, ceremony["Phạm Văn Mười"].id, honours.PROXY, by="Con trai")
    t = honours.tally(event)
    assert (t.planned, t.presented, t.absent, t.proxy, t.remaining) == (6, 1, 1, 1, 3)
    bk = next(f for f in t.by_form if f.form == BK)
    assert (bk.planned, bk.presented, bk.absent, bk.remaining) == (2, 1, 1, 0)
    assert t.by_form[0].form.startswith("Huân chương")


def test_add_on_the_spot(event: Event, people: Any) -> None:
    added = honours.add(event, HonourRow("Lê Thị Thúy", BK, unit="Trường THCS Nha Trang",
                                         group="Đợt 3"))  # fmt: skip
    assert added.match == "matched" and added.state == "planned"
    assert event.journal_rows("honour.added")[-1]["payload"]["id"] == added.id
    with pytest.raises(DaihoiError) as err:
        honours.add(event, HonourRow("", BK))
    assert err.value.key == "honours.add_incomplete"


def test_unknown_honour(event: Event) -> None:
    with pytest.raises(DaihoiError) as err:
        honours.set_state(event, 42, honours.PRESENTED)
    assert err.value.key == "honours.unknown"


def test_a_corrected_list_updates_in_place(event: Event, people: Any) -> None:
    first = honours.save(event, [HonourRow("Lê Thị Thúy", BK, group="Đợt 1", unit="Sở Y tế")])
    assert (first.added, first.updated) == (1, 0)
    (thuy,) = honours.all_honours(event)
    honours.set_state(event, thuy.id, honours.ABSENT)
    fixed = honours.save(
        event, [HonourRow("Lê Thị Thuý", BK, group="Đợt 2", unit="Sở Y tế", presenter="Đ/c Hùng")]
    )
    assert (fixed.added, fixed.updated, fixed.unchanged) == (0, 1, 0)
    (again,) = honours.all_honours(event)
    assert (again.id, again.group, again.presenter, again.state) == (
        thuy.id,
        "Đợt 2",
        "Đ/c Hùng",
        "absent",
    )
    assert event.journal_rows("honours.imported")[-1]["payload"]["updated"] == [thuy.id]


def test_a_list_that_no_longer_names_an_honour_says_so_and_keeps_it(
    event: Event, people: Any
) -> None:
    honours.save(
        event,
        [
            HonourRow("Lê Thị Thúy", BK, group="Đợt 1", unit="Sở Y tế"),
            HonourRow("Lê Văn Lâm", BK, group="Đợt 1", unit="Sở Y tế"),
            HonourRow("Lê Văn Lâm", BK, group="Đợt 1", unit="Sở Y tế"),
        ],
    )
    lam = [h for h in honours.all_honours(event) if h.recipient == "Lê Văn Lâm"]
    assert len(lam) == 2
    corrected = [
        HonourRow("Lê Thị Thúy", BK, group="Đợt 1", unit="Sở Y tế"),
        HonourRow("Lê Văn Lâm", BK, group="Đợt 1", unit="Sở Y tế"),  # one of the two left
        HonourRow("Trần Văn Đức", BK, group="Đợt 1", unit="Sở Tài chính"),  # a new row
    ]
    preview = honours.save(event, corrected, dry_run=True)
    assert preview.not_in_list == ((lam[1].id, "Lê Văn Lâm", BK),)
    saved = honours.save(event, corrected)
    assert saved.not_in_list == preview.not_in_list and saved.added == 1
    assert len(honours.all_honours(event)) == 4  # nothing removed by an import
    honours.set_state(event, lam[1].id, honours.WITHDRAWN)
    assert honours.save(event, corrected).not_in_list == ()  # a withdrawn one is not named
