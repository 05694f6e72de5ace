"""The absent report splits "chưa đến" from "vắng có lý do" (with the reason), for the session
it is about, read back from the .xlsx with openpyxl."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from data import delegates, export, reports, sessions
from data.checkin import Desk
from data.store import Event

from ..conftest import FakeClock

PEOPLE = [
    {"name": "Nguyễn Thị Hoa", "delegation": "Đoàn huyện Đại Từ", "phone": "0911000001"},
    {"name": "Trần Văn Đức", "delegation": "Đoàn huyện Đại Từ", "phone": "0911000002"},
    {"name": "Lê Thị Thúy", "delegation": "Khối doanh nghiệp", "phone": "0911000003"},
    {"name": "Hoàng Văn Hòa", "delegation": "Khối doanh nghiệp", "phone": "0911000004"},
    {"name": "Vàng Thị Mai", "delegation": "Đoàn Sông Công", "phone": "0911000005"},
    {"name": "Ngô Văn Tám", "delegation": "Đoàn Sông Công", "phone": "0911000006"},
]


def _sheets(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Each sheet's rows as {header: value}, read back from the file."""
    book = openpyxl.load_workbook(path, read_only=True)
    found = {}
    for ws in book.worksheets:
        rows = [list(r) for r in ws.iter_rows(min_row=export.HEADER_ROW, values_only=True)]
        header = rows[0]
        found[ws.title] = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    book.close()
    return found


def test_absent_splits_excused_from_not_arrived(event: Event, clock: FakeClock) -> None:
    delegates.upsert(event, PEOPLE)
    ids = {d.name: d.id for d in delegates.all_delegates(event)}
    desk = Desk(event)
    desk.admit(ids["Nguyễn Thị Hoa"])
    sessions.record_absence(event, ids["Trần Văn Đức"], "Đi công tác tỉnh bạn")
    sessions.record_absence(event, ids["Vàng Thị Mai"], "Ốm, có giấy của bệnh viện")
    sessions.record_absence(event, ids["Lê Thị Thúy"], "Bận việc gia đình")
    sessions.undo_absence(event, ids["Lê Thị Thúy"])  # taken back: she is "chưa đến" again

    export.export(event, "absent", "vang.xlsx")
    sheets = _sheets(Path("vang.xlsx"))
    assert list(sheets) == [reports.NOT_ARRIVED_SHEET, reports.EXCUSED_SHEET]
    not_arrived = sheets["Chưa đến"]
    # By delegation, then given name, in Vietnamese order.
    assert [r["Họ và tên"] for r in not_arrived] == ["Ngô Văn Tám", "Hoàng Văn Hòa", "Lê Thị Thúy"]
    assert [r["STT"] for r in not_arrived] == [1, 2, 3]
    assert {r["Họ và tên"]: r["Điện thoại"] for r in not_arrived}["Ngô Văn Tám"] == "0911000006"
    assert "Lý do" not in not_arrived[0]
    excused = {r["Họ và tên"]: r for r in sheets["Vắng có lý do"]}
    assert {n: r["Lý do"] for n, r in excused.items()} == {
        "Trần Văn Đức": "Đi công tác tỉnh bạn",
        "Vàng Thị Mai": "Ốm, có giấy của bệnh viện",
    }
    assert excused["Vàng Thị Mai"]["Đoàn"] == "Đoàn Sông Công"
    # Nobody present is in either list, nobody absent is left out of both.
    listed = {r["Họ và tên"] for r in not_arrived} | set(excused)
    assert listed == set(ids) - {"Nguyễn Thị Hoa"}


def test_absent_is_about_the_session_viewed(event: Event, clock: FakeClock) -> None:
    """In the afternoon, the morning's arrivals are absent again until scanned; a reason
    recorded for the morning is not a reason for the afternoon."""
    delegates.upsert(event, PEOPLE[:3])
    ids = {d.name: d.id for d in delegates.all_delegates(event)}
    sessions.open_session(event, "Phiên sáng")
    Desk(event).admit(ids["Nguyễn Thị Hoa"])
    sessions.record_absence(event, ids["Trần Văn Đức"], "Họp đột xuất")
    clock.advance(hours=5)
    sessions.open_session(event, "Phiên chiều")
    Desk(event).admit(ids["Lê Thị Thúy"])

    afternoon = reports.absent(event)
    assert [r[2] for r in afternoon.sheets[0].rows] == ["Trần Văn Đức", "Nguyễn Thị Hoa"]
    assert afternoon.sheets[1].rows == ()
    with sessions.viewing(event, "Phiên sáng"):
        export.export(event, "absent", "sang.xlsx")
    morning = _sheets(Path("sang.xlsx"))
    assert [r["Họ và tên"] for r in morning["Chưa đến"]] == ["Lê Thị Thúy"]
    assert [(r["Họ và tên"], r["Lý do"]) for r in morning["Vắng có lý do"]] == [
        ("Trần Văn Đức", "Họp đột xuất")
    ]
