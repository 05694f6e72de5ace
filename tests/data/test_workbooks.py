"""Workbooks as units send them: one sheet per delegation, a hidden sheet of old data, a summary
of counts; hidden and struck-through rows; cells typed in the TCVN3 fonts.

Every file is written in the test (openpyxl, and xlwt for Excel 97-2003) and read by the real
reader and importer; every person stored is compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import Font

from data import delegates, legacy, sheets
from data.importing import find_header, import_delegates
from data.store import Event

HEADER = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Đơn vị"]
SHEETS: dict[str, list[tuple[str, int, str, str]]] = {
    "Đoàn Đại Từ": [
        ("Nguyễn Thị Hoa", 1980, "Nữ", "UBND xã Hùng Sơn"),
        ("Trần Văn Đức", 1975, "Nam", "Trường THCS Hùng Sơn"),
    ],
    "Đoàn Phổ Yên": [
        ("Lê Minh Thới", 1969, "Nam", "Công ty May Phổ Yên"),
        ("Đặng Thu Hằng", 1992, "Nữ", "Trạm Y tế Đắc Sơn"),
        ("Vàng Minh Khoa", 1988, "Nam", "Đồn Công an Phổ Yên"),
    ],
    "Đoàn Sông Công": [("Hà Thị Lan", 1985, "Nữ", "UBND phường Mỏ Chè")],
}
OLD = [("Phạm Văn Cũ", 1950, "Nam", "Đã nghỉ hưu"), ("Bùi Thị Trước", 1955, "Nữ", "Đã chuyển")]
HIDDEN = "DS 2020 (cũ)"


def list_sheet(ws: Any, people: list[tuple[str, int, str, str]]) -> None:
    ws.append(["DANH SÁCH ĐẠI BIỂU"])
    ws.append(HEADER)
    for i, person in enumerate(people, start=1):
        ws.append([i, *person])


def delegation_workbook(path: Path, hidden_state: str = "hidden") -> Path:
    """A hidden sheet of old data as the first tab, three delegations, a summary of counts."""
    book = openpyxl.Workbook()
    old = book.active
    old.title = HIDDEN
    list_sheet(old, OLD)
    old.sheet_state = hidden_state
    for name, people in SHEETS.items():
        list_sheet(book.create_sheet(name), people)
    summary = book.create_sheet("Tổng hợp")
    summary.append(["Đoàn", "Số đại biểu"])
    for name, people in SHEETS.items():
        summary.append([name, len(people)])
    summary.append(["Tổng cộng", sum(len(p) for p in SHEETS.values())])
    book.active = 1
    book.save(path)
    return path


def stored(event: Event) -> set[tuple[Any, ...]]:
    return {(d.name, d.birth_year, d.gender, d.unit) for d in delegates.all_delegates(event)}


# ---------------------------------------------------------------------------- sheets
@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_every_visible_list_is_read_and_the_hidden_sheet_never(tmp_path: Path, state: str) -> None:
    path = delegation_workbook(tmp_path / "ds.xlsx", state)
    book = sheets.read_tables(path, has_header=find_header)
    assert book.format == "xlsx"
    assert [t.sheet for t in book.tables] == list(SHEETS)
    assert all(t.named for t in book.tables)
    assert [(s.sheet, s.key) for s in book.skipped] == [
        (HIDDEN, "import.hidden_sheet"),
        ("Tổng hợp", "import.sheet_without_list"),
    ]
    for table, people in zip(book.tables, SHEETS.values()):
        assert table.header is not None and table.header.row == 2
        names = [values[1] for _, values in table.rows[2:]]
        assert names == [p[0] for p in people]
    read = {v for t in book.tables for _, values in t.rows for v in values}
    assert not read & {p[0] for p in OLD}


def test_the_importer_never_takes_the_hidden_sheet(event: Event, tmp_path: Path) -> None:
    """The hidden sheet is the first tab and has a header: it used to be imported as the list."""
    path = delegation_workbook(tmp_path / "ds.xlsx")
    report = import_delegates(event, path)
    assert report.skipped == []
    assert stored(event) == {(*p,) for ps in SHEETS.values() for p in ps}  # every visible list
    assert not {o[0] for o in OLD} & {d.name for d in delegates.all_delegates(event)}
    table = sheets.read_table(path, has_header=find_header)
    assert [(s.sheet, s.key) for s in table.sheets_skipped] == [(HIDDEN, "import.hidden_sheet")]


def test_the_sheet_option_still_picks_one(event: Event, tmp_path: Path, run: Any) -> None:
    path = delegation_workbook(tmp_path / "ds.xlsx")
    assert import_delegates(event, path, sheet="Đoàn Phổ Yên").added == 3
    assert stored(event) == {(*p,) for p in SHEETS["Đoàn Phổ Yên"]}
    book = sheets.read_tables(path, "Đoàn Sông Công", has_header=find_header)
    assert [t.sheet for t in book.tables] == ["Đoàn Sông Công"]
    db = str(tmp_path / "cli.db")
    run("init", "--db", db, "--title", "T")
    result = run("import", "delegates", str(path), "--db", db, "--sheet", "Đoàn Sông Công")
    assert result.stdout.splitlines()[0] == "+ Hà Thị Lan"


def test_the_importer_takes_every_visible_list(event: Event, tmp_path: Path) -> None:
    path = delegation_workbook(tmp_path / "ds.xlsx")
    report = import_delegates(event, path)
    people = {(d.name, d.delegation) for d in delegates.all_delegates(event)}
    assert people == {(p[0], name) for name, ps in SHEETS.items() for p in ps}
    assert report.understood.sheets == list(SHEETS)
    assert [(n.key, n.params) for n in report.understood.notes if "sheet" in n.key] == [
        ("import.hidden_sheet", {"sheet": HIDDEN}),
        ("import.sheet_without_list", {"sheet": "Tổng hợp"}),
    ]


def test_an_xls_workbook_skips_its_hidden_sheet(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for name, people in [(HIDDEN, OLD), *SHEETS.items()]:
        ws = book.add_sheet(name)
        for r, row in enumerate([HEADER, *[[i, *p] for i, p in enumerate(people, 1)]]):
            for c, value in enumerate(row):
                ws.write(r, c, value)
        if name == HIDDEN:
            ws.visibility = 1
    book.active_sheet = 1
    path = tmp_path / "ds.xls"
    book.save(str(path))
    read = sheets.read_tables(path, has_header=find_header)
    assert (read.format, [t.sheet for t in read.tables]) == ("xls", list(SHEETS))
    assert [(s.sheet, s.key) for s in read.skipped] == [(HIDDEN, "import.hidden_sheet")]


def test_a_workbook_with_no_list_at_all_is_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Đoàn", "Số đại biểu"])
    book.active.append(["Đoàn Đại Từ", 2])
    path = tmp_path / "tong-hop.xlsx"
    book.save(path)
    with pytest.raises(sheets.DaihoiError) as caught:
        sheets.read_tables(path, has_header=find_header)
    assert caught.value.key == "import.no_header"


# ---------------------------------------------------------------------------- rows
PEOPLE = [
    ("Nguyễn Thị Hoa", 1980, "Nữ", "Sở Y tế"),  # row 3
    ("Trần Văn Ẩn", 1975, "Nam", "Sở Nội vụ"),  # row 4: hidden
    ("Lê Văn Gạch", 1970, "Nam", "Sở Tài chính"),  # row 5: struck through, every cell
    ("Đỗ Thị Sửa", 1990, "Nữ", "Sở Xây dựng"),  # row 6: only the unit struck: a correction
    ("Hoàng Văn Cuối", 1966, "Nam", "Sở Công Thương"),  # row 7
]


def marked_rows(path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "DS"
    list_sheet(ws, PEOPLE)
    ws.row_dimensions[4].hidden = True
    struck = Font(strike=True)
    for c in range(1, 6):
        ws.cell(5, c).font = struck
    ws.cell(6, 5).font = struck
    book.save(path)
    return path


def test_hidden_and_struck_rows_are_skipped_and_reported(event: Event, tmp_path: Path) -> None:
    path = marked_rows(tmp_path / "ds.xlsx")
    table = sheets.read_table(path, has_header=find_header)
    assert [(s.row, s.key) for s in table.skipped_rows] == [
        (4, "import.hidden_row"),
        (5, "import.struck_row"),
    ]
    assert table.rows[3] == (4, ()) and table.rows[4] == (5, ())
    report = import_delegates(event, path)
    assert [(s.row, s.key) for s in report.skipped] == [
        (4, "import.hidden_row"),
        (5, "import.struck_row"),
    ]
    assert stored(event) == {PEOPLE[0], PEOPLE[3], PEOPLE[4]}


def test_a_hidden_row_under_a_merge_still_fills_the_rows_below(tmp_path: Path) -> None:
    """The delegation merged down a group whose first row is hidden: the others keep it."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Họ và tên", "Đoàn"])
    ws.append(["Người Ẩn", "Đoàn Võ Nhai"])
    ws.append(["Người Hiện", None])
    ws.merge_cells("B2:B3")
    ws.row_dimensions[2].hidden = True
    path = tmp_path / "ds.xlsx"
    book.save(path)
    table = sheets.read_table(path)
    assert table.rows == [(1, ("Họ và tên", "Đoàn")), (2, ()), (3, ("Người Hiện", "Đoàn Võ Nhai"))]
    assert (table.merged, [s.row for s in table.skipped_rows]) == (1, [2])


# ---------------------------------------------------------------------------- fonts, legacy
def test_fonts_are_exposed_and_tcvn3_cells_converted(event: Event, tmp_path: Path) -> None:
    """A compiled list: an older unit's rows typed in .VnTime, stored as "NguyÔn CÈm Lan"."""
    book = openpyxl.Workbook()
    ws = book.active
    list_sheet(ws, [("Trần Văn Đức", 1975, "Nam", "Sở Nội vụ")])
    old = [("Nguyễn Cẩm Lan", 1982, "Nữ", "Phòng Giáo dục Đồng Hỷ")]
    for i, (name, year, gender, unit) in enumerate(old, start=2):
        tcvn3 = [legacy.encode(text, legacy.TCVN3) for text in (name, gender, unit)]
        ws.append([i, tcvn3[0], year, tcvn3[1], tcvn3[2]])
        for c in range(1, 6):
            ws.cell(ws.max_row, c).font = Font(name=".VnTime")
    path = tmp_path / "ds.xlsx"
    book.save(path)
    assert ws.cell(4, 2).value == "NguyÔn CÈm Lan"
    table = sheets.read_table(path)
    assert table.font == "Calibri"
    assert {cell: font for cell, font in table.fonts.items() if cell[0] == 4} == {
        (4, c): ".VnTime" for c in range(5)
    }
    assert table.font_of(4, 1) == ".VnTime" and table.font_of(3, 1) == "Calibri"
    assert table.legacy == {"tcvn3": 3}  # name, gender ("N÷"), unit; ASCII cells need nothing
    assert table.rows[3][1][1:5] == ("Nguyễn Cẩm Lan", 1982, "Nữ", "Phòng Giáo dục Đồng Hỷ")
    import_delegates(event, path)
    assert stored(event) == {("Trần Văn Đức", 1975, "Nam", "Sở Nội vụ"), *old}
