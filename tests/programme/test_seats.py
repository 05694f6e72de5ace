"""The hall plan and seat assignment: numbering from the aisle, every delegate one seat, none
twice, delegations together, seats from the list kept, honourees near the aisle and front."""

from __future__ import annotations

from pathlib import Path

import pytest

from data import delegates, seats
from data.errors import DaihoiError
from data.store import Event
from programme import honours, protocol
from programme.honours import HonourRow

HALL = """
title = "Hội trường thử"

[[zones]]
name = "Đoàn Chủ tịch"
kind = "stage"
rows = 1
seats = 5

[[zones]]
name = "Khu A"
rows = 8
seats = 10
reserved_rows = 1

[[zones]]
name = "Khu B"
floor = "Tầng 2"
rows = 3
seats = [6, 8, 8]
"""


@pytest.fixture
def hall(event: Event, tmp_path: Path) -> seats.Plan:
    path = tmp_path / "hoi-truong.toml"
    path.write_text(HALL, encoding="utf-8")
    return seats.save_plan(event, path)


def test_seats_are_numbered_from_the_aisle_odd_left_even_right(hall: seats.Plan) -> None:
    assert hall.physical(1, 1) == [9, 7, 5, 3, 1, 2, 4, 6, 8, 10]
    assert hall.physical(2, 1) == [5, 3, 1, 2, 4, 6]
    assert hall.text(seats.Seat(1, 3, 12 - 0)) == "Khu A, hàng 3, ghế 12"
    assert hall.parse("Khu A, hàng 3, ghế 10") == seats.Seat(1, 3, 10)
    assert hall.parse("khu a hang 3 ghe 10") == seats.Seat(1, 3, 10)
    assert hall.parse("A-3-10") == seats.Seat(1, 3, 10)
    assert hall.parse("B 1 6") == seats.Seat(2, 1, 6)
    assert hall.parse("B 1 7") is None  # row 1 of Khu B has 6 seats
    assert hall.parse("Khu C, hàng 1, ghế 1") is None
    assert len(hall.seats()) == 5 + 80 + 22


def add_people(event: Event) -> dict[str, int]:
    rows = [
        {"name": f"Người {d} {n:02d}", "delegation": f"Đoàn {d}"} for d in "PQRS" for n in range(9)
    ]
    rows += [
        {"name": "Khách Một", "category": "Khách mời", "protocol_rank": 2},
        {"name": "Khách Hai", "category": "Khách mời", "protocol_rank": 1},
        {"name": "Chủ Tọa", "role": "Đoàn Chủ tịch", "delegation": "Đoàn P"},
        {"name": "Có Ghế", "delegation": "Đoàn Q", "seat": "Khu B, hàng 3, ghế 8"},
        {"name": "Ghế Riêng", "delegation": "Đoàn Q", "seat": "Bàn số 5"},
    ]
    delegates.upsert(event, rows)
    return dict(event.conn.execute("select name, id from delegates"))


def seat_of(event: Event, plan: seats.Plan) -> dict[int, seats.Seat | None]:
    return {
        i: plan.parse(text)
        for i, text in event.conn.execute("select id, seat from delegates where seat != ''")
    }


def test_everyone_gets_one_seat_and_no_seat_twice(event: Event, hall: seats.Plan) -> None:
    ids = add_people(event)
    report = protocol.seat_everyone(event)
    assert len(report.given) == len(ids) - 2
    assert report.kept == 2 and report.off_plan == [(ids["Ghế Riêng"], "Bàn số 5")]
    found = seat_of(event, hall)
    assert set(found) == set(ids.values())
    on_plan = [s for s in found.values() if s is not None]
    assert len(on_plan) == len(set(on_plan)) == len(ids) - 1
    # kept as the list gave them
    assert found[ids["Có Ghế"]] == seats.Seat(2, 3, 8)
    texts = dict(event.conn.execute("select id, seat from delegates"))
    assert texts[ids["Ghế Riêng"]] == "Bàn số 5"
    # the presidium on the stage, guests by rank in the reserved row, best seats first
    assert found[ids["Chủ Tọa"]] == seats.Seat(0, 1, 1)
    assert found[ids["Khách Hai"]] == seats.Seat(1, 1, 1)
    assert found[ids["Khách Một"]] == seats.Seat(1, 1, 2)
    # journaled; a second run has nothing left to give
    assert len(event.journal_rows("seats.assigned")) == 1
    assert protocol.seat_everyone(event).given == []


def test_delegations_sit_together(event: Event, hall: seats.Plan) -> None:
    ids = add_people(event)
    protocol.seat_everyone(event)
    found = seat_of(event, hall)
    del found[ids["Có Ghế"]]  # the list's own seat, kept where it is
    of = dict(event.conn.execute("select id, delegation from delegates"))
    order = [s for s in seats.fill_order(hall)]
    # each delegation is one run of the seats they were given, in the fill order
    given = {s: of[i] for i, s in found.items() if s is not None and s in order}
    run = [given[s] for s in order if s in given and given[s]]
    blocks = [d for n, d in enumerate(run) if n == 0 or run[n - 1] != d]
    assert sorted(blocks) == sorted(set(blocks)), blocks


def test_honour_groups_sit_nearest_the_aisle_and_the_front(event: Event, hall: seats.Plan) -> None:
    ids = add_people(event)
    honoured = [ids[f"Người S {n:02d}"] for n in (7, 8)] + [ids["Người R 05"]]
    rows = [
        HonourRow(recipient=delegates.get(event, i).name, form="Bằng khen của Chủ tịch UBND tỉnh",
                  group="Đợt 1")
        for i in honoured
    ]  # fmt: skip
    honours.save(event, rows)
    for h in honours.all_honours(event):
        if h.delegate_id is None:
            honours.match(event, h.id, ids[h.recipient])
    protocol.seat_everyone(event)
    found = seat_of(event, hall)
    wedge = [found[i] for i in honoured]
    assert all(s is not None and s.zone == 1 for s in wedge)
    # the first hall row behind the reserved one, beside the aisle
    assert sorted((s.row, s.from_aisle) for s in wedge if s) == [(2, 0), (2, 0), (2, 1)]
    others = [s for i, s in found.items() if s and s.zone == 1 and i not in honoured and s.row > 1]
    assert min(s.row - 1 + s.from_aisle for s in others) >= 1


def test_a_full_hall_refuses_and_changes_nothing(event: Event, tmp_path: Path) -> None:
    path = tmp_path / "nho.toml"
    path.write_text('[[zones]]\nname = "Khu A"\nrows = 2\nseats = 4\n', encoding="utf-8")
    seats.save_plan(event, path)
    delegates.upsert(event, [{"name": f"Người {n}"} for n in range(9)])
    with pytest.raises(DaihoiError) as err:
        protocol.seat_everyone(event)
    assert err.value.key == "seats.hall_too_small"
    assert err.value.params == {"people": 9, "seats": 8}
    assert event.conn.execute("select count(*) from delegates where seat != ''").fetchone() == (0,)


def test_a_move_is_journaled_and_refuses_a_taken_seat(event: Event, hall: seats.Plan) -> None:
    ids = add_people(event)
    protocol.seat_everyone(event)
    who = ids["Người P 00"]
    assert seats.move(event, who, "B 1 5", plan=hall) == "Khu B, hàng 1, ghế 5"
    assert delegates.get(event, who).seat == "Khu B, hàng 1, ghế 5"
    (row,) = event.journal_rows("seats.moved")
    assert row["payload"]["to"] == "Khu B, hàng 1, ghế 5" and row["payload"]["delegate_id"] == who
    with pytest.raises(DaihoiError) as err:
        seats.move(event, ids["Người P 01"], "Khu B, hàng 3, ghế 8", plan=hall)
    assert err.value.key == "seats.taken" and err.value.params["id"] == ids["Có Ghế"]
    with pytest.raises(DaihoiError) as err:
        seats.move(event, who, "Khu Z 1 1", plan=hall)
    assert err.value.key == "seats.not_on_plan"
    assert len(event.journal_rows("seats.moved")) == 1


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("zones = 3", "", "seats.plan_no_zones"),
        ("[[zones]]\nname = 'A'\nrows = 0\nseats = 3", "A.rows", "seats.plan_number"),
        ("[[zones]]\nname = 'A'\nrows = 2\nseats = 3\nrow = 1", "A.row",
         "seats.plan_unknown_key"),
        ("[[zones]]\nname = 'A'\nrows = 2\nseats = 3\nreserved_rows = 3",
         "A.reserved_rows", "seats.plan_reserved"),
        ("[[zones]]\nname = 'A'\nrows = 2\nseats = [3, 'x']", "A.seats",
         "seats.plan_number"),
        ("[[zones]]\nname = 'A'\nrows = 2\nseats = 3\n[[zones]]\nname = 'Khu B'\nrows = 1",
         "Khu B.seats", "seats.plan_number"),
        ("[[zones]]\nrows = 2\nseats = 3", "zones[1].name", "seats.plan_no_name"),
        ("titel = 'Hội trường'\n[[zones]]\nname = 'A'\nrows = 2\nseats = 3", "titel",
         "seats.plan_unknown_top_key"),
        ("[[zones]]\nname = 'A'\nrows = 10000000000\nseats = 3", "A.rows",
         "seats.plan_too_big"),
        ("[[zones]]\nname = 'A'\nrows = 100\nseats = 150\n[[zones]]\nname = 'B'\nrows = 50"
         "\nseats = 200", "B.rows", "seats.plan_too_big"),
        ("[[zones]]\nname = 'A'\nseats = [10000000000]", "A.seats", "seats.plan_too_big"),
        ("[[zones]\nname = 'A'", "", "seats.plan_syntax"),
    ],
)  # fmt: skip
def test_a_bad_plan_names_the_zone_and_key(
    event: Event, tmp_path: Path, text: str, where: str, reason: str
) -> None:
    path = tmp_path / "sai.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DaihoiError) as err:
        seats.save_plan(event, path)
    assert err.value.key == reason
    assert (err.value.params["path"], err.value.params["where"]) == ("sai.toml", where or "—")
    assert event.conn.execute("select count(*) from hall").fetchone() == (0,)


def test_the_default_plan_fits_everyone_and_reads_back(event: Event) -> None:
    plan = seats.default_plan(1000)
    assert sum(z.capacity for z in plan.zones if z.kind == seats.HALL) >= 1000 + 48
    again = seats.read_plan(seats.plan_toml(plan))
    assert again.zones == plan.zones


def test_a_desk_copys_seat_move_and_rank_reach_the_main_file(
    event: Event, hall: seats.Plan, tmp_path: Path, clock
) -> None:  # type: ignore[no-untyped-def]
    from data import guests, replicas

    ids = add_people(event)
    protocol.seat_everyone(event)
    copy_path = replicas.clone(event, "Bàn 2", tmp_path / "ban2.db")
    clock.advance(minutes=3)
    with Event.open(copy_path, desk="Bàn 2", clock=clock) as copy:
        seats.move(copy, ids["Người P 00"], "Khu B, hàng 2, ghế 7", plan=hall)
        guests.set_rank(copy, ids["Khách Một"], 1)
    replicas.merge(event, copy_path)
    assert delegates.get(event, ids["Người P 00"]).seat == "Khu B, hàng 2, ghế 7"
    assert guests.get(event, ids["Khách Một"]).rank == 1


ALIKE_HALLS = [
    HALL,
    seats.plan_toml(seats.default_plan(300)),
    "[[zones]]\nname = 'Tầng 1'\nrows = 2\nseats = 4\n[[zones]]\nname = 'Tầng 2'\nrows = 3\n"
    "seats = 5\n[[zones]]\nname = 'Tầng 12'\nrows = 1\nseats = 3\n",
    "[[zones]]\nname = 'Khu A1'\nrows = 2\nseats = 3\n[[zones]]\nname = 'Khu A2'\nrows = 2\n"
    "seats = 3\n[[zones]]\nname = 'Khu A-1 hàng'\nrows = 2\nseats = 2\n",
    "[[zones]]\nname = 'Khu Bắc'\nrows = 2\nseats = 3\n[[zones]]\nname = 'Khu Ba'\nrows = 2\n"
    "seats = 3\n[[zones]]\nname = 'KB'\nrows = 1\nseats = 2\n",
]


@pytest.mark.parametrize("text", ALIKE_HALLS)
def test_every_seat_reads_back_from_the_text_written_for_it(text: str) -> None:
    plan = seats.read_plan(text)
    assert plan.seats()
    for seat in plan.seats():
        assert plan.parse(plan.text(seat)) == seat, plan.text(seat)


def test_a_zone_named_with_a_number_reads_back(tmp_path: Path) -> None:
    plan = seats.read_plan(ALIKE_HALLS[2])
    assert plan.parse("tang 2 hang 3 ghe 5") == seats.Seat(1, 3, 5)
    assert plan.parse("Tầng 12, hàng 1, ghế 3") == seats.Seat(2, 1, 3)
    assert plan.parse("Tầng 3, hàng 1, ghế 1") is None
    assert plan.parse("hàng 1, ghế 1") is None  # which floor?
    assert plan.parse("Tầng 1, hàng 1, ghế 1, bàn x") is None


def test_seating_twice_never_gives_a_seat_twice(event: Event, tmp_path: Path) -> None:
    path = tmp_path / "tang.toml"
    path.write_text(ALIKE_HALLS[2], encoding="utf-8")
    seats.save_plan(event, path)
    delegates.upsert(event, [{"name": f"Người {i}", "delegation": "D"} for i in range(3)])
    first = protocol.seat_everyone(event)
    delegates.upsert(event, [{"name": f"Người mới {i}", "delegation": "D"} for i in range(3)])
    second = protocol.seat_everyone(event)
    assert second.kept == 3 and second.off_plan == [] and len(second.given) == 3
    texts = [t for (t,) in event.conn.execute("select seat from delegates")]
    assert len(texts) == len(set(texts)) == 6
    assert {t for _, t in first.given}.isdisjoint(t for _, t in second.given)


@pytest.mark.parametrize(
    ("names", "alike"),
    [(("A", "Khu A"), ("A", "Khu A")), (("Khu A", "khu  a"), ("Khu A", "khu a")),
     (("Tầng 1", "Khu 1"), ("Tầng 1", "Khu 1"))],
)  # fmt: skip
def test_zones_that_read_alike_are_refused_naming_both(
    names: tuple[str, str], alike: tuple[str, str]
) -> None:
    text = "".join(f"[[zones]]\nname = '{n}'\nrows = 1\nseats = 2\n" for n in names)
    with pytest.raises(DaihoiError) as err:
        seats.read_plan(text, "hall.toml")
    assert err.value.key == "seats.plan_zones_alike"
    assert (err.value.params["other"], err.value.params["zone"]) == alike
