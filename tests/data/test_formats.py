"""Every format units send, told from the content and not the name: each file is written in
the test the way the program that makes it writes it (openpyxl, xlwt for Excel 97-2003, odfpy
for LibreOffice, python-docx for Word, an HTML table as text), then imported by the real
importer, and every person and field stored is compared.

What cannot be read (PDF, Word 97-2003, RTF, images, a password-protected workbook) is refused
in one line that says what to do, and nothing is written.
"""

from __future__ import annotations

import datetime
import sqlite3
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from console.cli import cli
from data import delegates, formats, sheets
from data.errors import DaihoiError
from data.importing import import_delegates
from data.store import Event
from tests.data.test_sheets import cp1258

TITLE = "DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI THI ĐUA YÊU NƯỚC"
HEADER = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Chức vụ", "Đơn vị", "Đoàn"]
PEOPLE = [
    ("Nguyễn Thị Hoa", 1980, "Nữ", "Chuyên viên", "Sở Y tế", "Đoàn huyện Đại Từ"),
    ("Trần Văn Đức", 1975, "Nam", "Giám đốc", "Sở Nội vụ", "Đoàn huyện Đại Từ"),
    ("Điểu K'Giắc", 1990, "Nam", "Công nhân", "Công ty Cao su", "Đoàn Khối doanh nghiệp"),
    (
        "Y Thanh Hà Niê Kđăm",
        1968,
        "Nữ",
        "Bác sĩ",
        "Bệnh viện Đa khoa tỉnh",
        "Đoàn Khối doanh nghiệp",
    ),
]


def grid() -> list[list[Any]]:
    """The list as its cells: a title row, an empty row, the header, one row per person."""
    return [[TITLE], [], HEADER] + [[i, *p] for i, p in enumerate(PEOPLE, start=1)]


def stored(event: Event) -> list[tuple[Any, ...]]:
    """Every delegate stored, in list order, with the fields the list gives."""
    people = sorted(delegates.all_delegates(event), key=lambda d: d.source_row or 0)
    return [(d.name, d.birth_year, d.gender, d.position, d.unit, d.delegation) for d in people]


def imports_everyone(event: Event, path: Path, first_row: int = 4) -> sheets.Table[Any]:
    report = import_delegates(event, path)
    assert (report.added, report.skipped) == (len(PEOPLE), [])
    assert stored(event) == PEOPLE
    rows = sorted(d.source_row or 0 for d in delegates.all_delegates(event))
    assert rows == list(range(first_row, first_row + len(PEOPLE)))
    return sheets.read_table(path)


# ---------------------------------------------------------------------------- writers
def write_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    for row in grid():
        book.active.append(row)
    book.active.merge_cells("A1:G1")
    book.save(path)
    return path


def write_xls(path: Path) -> Path:
    """A real Excel 97-2003 workbook (BIFF8), as xlwt writes it, title merged across."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Danh sách")
    ws.write_merge(0, 0, 0, 6, TITLE)
    for r, row in enumerate(grid()[2:], start=2):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    book.save(str(path))
    return path


def write_ods(path: Path) -> Path:
    """A real OpenDocument spreadsheet, as odfpy writes it (numbers as floats, typed)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Danh sách")
    for row in grid():
        tr = TableRow()
        for value in row:
            if isinstance(value, int):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def write_docx(path: Path) -> Path:
    """A list typed in Word: title paragraphs, then a table whose header is merged: "Họ và
    tên" down two rows, "Năm sinh" across "Nam" | "Nữ" (the year's column gives the gender)."""
    import docx

    document = docx.Document()
    document.add_paragraph("UBND TỈNH THÁI NGUYÊN")
    document.add_paragraph(TITLE)
    columns = ["STT", "Họ và tên", "Năm sinh", None, "Chức vụ", "Đơn vị", "Đoàn"]
    table = document.add_table(rows=2 + len(PEOPLE), cols=len(columns))
    for j, text in enumerate(columns):
        if text is not None:
            table.cell(0, j).text = text
    table.cell(1, 2).text = "Nam"
    table.cell(1, 3).text = "Nữ"
    for j in (0, 1, 4, 5, 6):
        table.cell(0, j).merge(table.cell(1, j))  # vertical merge, text kept in the top cell
    table.cell(0, 2).merge(table.cell(0, 3))  # horizontal merge
    table.cell(0, 2).text = "Năm sinh"
    for i, (name, year, gender, position, unit, delegation) in enumerate(PEOPLE, start=2):
        cells = [str(i - 1), name, "", "", position, unit, delegation]
        cells[2 if gender == "Nam" else 3] = str(year)
        for j, text in enumerate(cells):
            table.cell(i, j).text = text
    document.save(str(path))
    return path


def html_table(charset: str = "utf-8") -> str:
    """What government software exports as "Excel": an HTML table, a title cell across the
    table (colspan), "Họ và tên" down two header rows (rowspan) and "Năm sinh" over Nam | Nữ."""
    body = "".join(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>".format(
            i,
            name.replace("'", "&#39;"),
            year if gender == "Nam" else "",
            year if gender == "Nữ" else "",
            position,
            unit,
            delegation,
        )
        for i, (name, year, gender, position, unit, delegation) in enumerate(PEOPLE, start=1)
    )
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        '</head><body><table border="1">'
        f'<tr><td colspan="7"><b>{TITLE}</b></td></tr>'
        '<tr><th rowspan="2">STT</th><th rowspan="2">Họ và&nbsp;tên</th>'
        '<th colspan="2">Năm sinh</th><th rowspan="2">Chức vụ</th>'
        '<th rowspan="2">Đơn vị</th><th rowspan="2">Đoàn</th></tr>'
        f"<tr><th>Nam</th><th>Nữ</th></tr>{body}</table></body></html>"
    )


def write_csv(path: Path) -> Path:
    lines = [TITLE, "", ",".join(HEADER)]
    lines += [",".join(str(v) for v in [i, *p]) for i, p in enumerate(PEOPLE, start=1)]
    path.write_text("\n".join(lines) + "\n", "utf-8-sig")
    return path


# ---------------------------------------------------------------------------- each format
def test_xlsx(event: Event, tmp_path: Path) -> None:
    table = imports_everyone(event, write_xlsx(tmp_path / "ds.xlsx"))
    assert (table.format, table.sheet, table.merged, table.font) == ("xlsx", "Sheet", 1, "Calibri")


def test_xls(event: Event, tmp_path: Path) -> None:
    path = write_xls(tmp_path / "ds.xls")
    assert path.read_bytes()[:8] == formats.OLE2
    table = imports_everyone(event, path)
    assert (table.format, table.sheet, table.merged) == ("xls", "Danh sách", 1)
    assert table.rows[0] == (1, (TITLE,) * 7)  # the title's merge is read and filled
    assert table.rows[3][1][2] == 1980 and type(table.rows[3][1][2]) is int


def test_ods(event: Event, tmp_path: Path) -> None:
    table = imports_everyone(event, write_ods(tmp_path / "ds.ods"))
    assert (table.format, table.sheet) == ("ods", "Danh sách")
    assert type(table.rows[3][1][2]) is int  # 1980, not 1980.0


def test_docx_with_a_merged_header(event: Event, tmp_path: Path) -> None:
    path = write_docx(tmp_path / "ds.docx")
    report = import_delegates(event, path)
    assert (report.added, report.skipped) == (len(PEOPLE), [])
    assert stored(event) == PEOPLE  # gender from the year's column under Nam | Nữ
    table = sheets.read_table(path)
    assert (table.format, table.sheet, table.named) == ("docx", "", False)
    assert table.merged == 6  # five headers down two rows, "Năm sinh" across two columns
    assert table.rows[:2] == [
        (1, ("STT", "Họ và tên", "Năm sinh", "Năm sinh", "Chức vụ", "Đơn vị", "Đoàn")),
        (2, ("STT", "Họ và tên", "Nam", "Nữ", "Chức vụ", "Đơn vị", "Đoàn")),
    ]
    raw = sheets.read_table(path, merged=False)
    assert raw.rows[1] == (2, (None, None, "Nam", "Nữ", None, None, None))


@pytest.mark.parametrize("charset", ["utf-8", "windows-1258"])
def test_html_table_saved_as_xls(event: Event, tmp_path: Path, charset: str) -> None:
    path = tmp_path / "xuat-tu-phan-mem.xls"
    path.write_bytes(b"\xef\xbb\xbf\r\n  " if charset == "utf-8" else b"")
    with path.open("ab") as out:
        text = html_table(charset)
        out.write(text.encode() if charset == "utf-8" else cp1258(text))
    report = import_delegates(event, path)
    assert (report.added, report.skipped) == (len(PEOPLE), [])
    assert stored(event) == PEOPLE
    table = sheets.read_table(path)
    assert (table.format, table.merged) == ("html", 7)
    nfc = [(n, tuple(unicodedata.normalize("NFC", v or "") for v in r)) for n, r in table.rows]
    assert nfc[0] == (1, (TITLE,) * 7)
    assert nfc[1][1][1] == "Họ và tên"  # &nbsp; is a space


def test_csv(event: Event, tmp_path: Path) -> None:
    table = imports_everyone(event, write_csv(tmp_path / "ds.csv"))
    assert (table.format, table.sheet, table.merged) == ("csv", "", 0)


# ---------------------------------------------------------------------------- renamed files
def test_an_xls_renamed_xlsx_imports(event: Event, tmp_path: Path) -> None:
    """It used to say "File is not a zip file"."""
    path = write_xls(tmp_path / "ds.xls").rename(tmp_path / "ds.xlsx")
    assert imports_everyone(event, path).format == "xls"


def test_an_xlsx_renamed_xls_imports(event: Event, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx").rename(tmp_path / "danh sach.xls")
    assert imports_everyone(event, path).format == "xlsx"


def test_a_docx_renamed_xlsx_imports(event: Event, tmp_path: Path) -> None:
    path = write_docx(tmp_path / "ds.docx").rename(tmp_path / "ds.xlsx")
    assert import_delegates(event, path).added == len(PEOPLE)
    assert stored(event) == PEOPLE


# ---------------------------------------------------------------------------- refused
def ole2(*streams: str) -> bytes:
    """The head of an OLE2 compound file whose directory names ``streams`` (UTF-16)."""
    names = b"".join(s.encode("utf-16-le").ljust(64, b"\x00") for s in ("Root Entry", *streams))
    return formats.OLE2 + b"\x00" * 504 + names + b"\x00" * 1024


FOREIGN = {
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    "doc": (ole2("WordDocument", "1Table"), "Word 97-2003 (.doc)"),
    "rtf": (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}Danh s\\'e1ch}", "RTF"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "PNG"),
    "jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64, "JPEG"),
}


@pytest.fixture
def cli_db(tmp_path: Path) -> str:
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--db", db, "--title", "T"]).exit_code == 0
    people = write_csv(tmp_path / "people.csv")
    assert runner.invoke(cli, ["import", "delegates", str(people), "--db", db]).exit_code == 0
    return db


def one_line_refusal(db: str, path: Path, *lang: str) -> str:
    with sqlite3.connect(db) as conn:
        before = list(conn.iterdump())
    result = CliRunner().invoke(cli, [*lang, "import", "delegates", str(path), "--db", db])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    with sqlite3.connect(db) as conn:
        assert list(conn.iterdump()) == before
    return lines[0]


@pytest.mark.parametrize("kind", FOREIGN)
def test_a_format_we_cannot_read_is_refused_with_what_to_do(
    cli_db: str, tmp_path: Path, kind: str
) -> None:
    raw, shown = FOREIGN[kind]
    path = tmp_path / "danh-sach.xlsx"  # the name says nothing
    path.write_bytes(raw)
    with pytest.raises(DaihoiError) as caught:
        sheets.read_table(path)
    assert (caught.value.key, caught.value.params) == (
        "import.format",
        {"file": str(path), "kind": shown},
    )
    assert one_line_refusal(cli_db, path) == (
        f"Lỗi: Tệp {path} là tệp {shown}, không phải bảng danh sách đọc được: lưu lại thành "
        ".xlsx từ Excel/LibreOffice rồi nhập lại. Chưa thay đổi gì."
    )
    assert one_line_refusal(cli_db, path, "--lang", "en") == (
        f"Error: {path} is a {shown} file, not a list we can read: save it as .xlsx from "
        "Excel/LibreOffice and import it again. Nothing was changed."
    )


def test_a_password_protected_workbook_is_refused_with_what_to_do(
    cli_db: str, tmp_path: Path
) -> None:
    """Excel saves a workbook with a password as an OLE2 file holding the encrypted package."""
    path = tmp_path / "ds.xlsx"
    path.write_bytes(ole2("EncryptionInfo", "EncryptedPackage"))
    assert one_line_refusal(cli_db, path) == (
        f"Lỗi: Tệp {path} được đặt mật khẩu nên không đọc được: mở bằng Excel/LibreOffice, "
        "bỏ mật khẩu, lưu lại thành .xlsx rồi nhập lại. Chưa thay đổi gì."
    )


def test_bytes_of_no_known_format_are_refused_with_what_to_do(cli_db: str, tmp_path: Path) -> None:
    path = tmp_path / "ds.ods"
    path.write_bytes(b"\x00\x01\x02garbage" * 50)
    assert "lưu lại thành .xlsx từ Excel/LibreOffice rồi nhập lại" in one_line_refusal(cli_db, path)


def test_a_zip_that_is_no_office_file_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "ds.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("anh.jpg", b"\xff\xd8\xff")
    with pytest.raises(DaihoiError) as caught:
        sheets.read_table(path)
    assert (caught.value.key, caught.value.params["kind"]) == ("import.format", "zip")


def test_a_word_document_without_a_table_is_refused(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Nguyễn Thị Hoa, Sở Y tế")
    path = tmp_path / "ds.docx"
    document.save(str(path))
    with pytest.raises(DaihoiError) as caught:
        sheets.read_table(path)
    assert caught.value.key == "import.no_table"


def test_excel_dates_stay_dates_and_whole_numbers_ints(tmp_path: Path) -> None:
    """calamine gives 1980.0 and date(1980, 3, 10); the importers get what openpyxl gave."""
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Ngày sinh", "Năm", "Hệ số", "Mã"])
    book.active.append(["Lê An", datetime.datetime(1980, 3, 10), 1980, 1.5, 12345678901])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    values = sheets.read_table(path).rows[1][1]
    assert values == ("Lê An", datetime.datetime(1980, 3, 10), 1980, 1.5, 12345678901)
    assert [type(v) for v in values] == [str, datetime.datetime, int, float, int]


# ---------------------------------------------------------------------------- bounds
def repeated_ods(path: Path, rows: int, columns: int) -> Path:
    """An .ods of a header and one row element saying "this row ``rows`` times", its value cell
    repeated ``columns`` times, then LibreOffice's trailing repeat of empty rows."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="DS")
    head = TableRow()
    cell = TableCell(valuetype="string")
    cell.addElement(P(text="Họ và tên"))
    head.addElement(cell)
    table.addElement(head)
    many = TableRow(numberrowsrepeated=rows)
    cell = TableCell(valuetype="string", numbercolumnsrepeated=columns)
    cell.addElement(P(text="Lê Văn An"))
    many.addElement(cell)
    table.addElement(many)
    empty = TableRow(numberrowsrepeated=1_048_000)
    empty.addElement(TableCell(numbercolumnsrepeated=1024))
    table.addElement(empty)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def test_repeated_ods_rows_and_cells_are_bounded_before_calamine_expands_them(
    tmp_path: Path,
) -> None:
    path = repeated_ods(tmp_path / "ds.ods", 2, 1)
    assert sheets.read_table(path).rows == [
        (1, ("Họ và tên",)),
        (2, ("Lê Văn An",)),
        (3, ("Lê Văn An",)),
    ]
    path = repeated_ods(tmp_path / "rows.ods", 10_000_000, 1)
    with pytest.raises(DaihoiError) as caught:
        sheets.read_table(path)
    assert (caught.value.key, caught.value.params["row"]) == ("limits.rows", sheets.MAX_ROWS + 1)
    path = repeated_ods(tmp_path / "cols.ods", 1, 16_384)
    with pytest.raises(DaihoiError) as caught:
        sheets.read_table(path)
    assert caught.value.key == "limits.columns"


def test_html_spans_count_against_the_merged_area(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rowspan="100000000" is clamped as browsers clamp it (65,534) and counted."""
    path = tmp_path / "ds.xls"
    cells = '<td rowspan="100000000" colspan="5000">x</td>'
    path.write_text(f"<table><tr><th>Họ và tên</th>{cells}</tr><tr><td>Lê An</td></tr></table>")
    with pytest.raises(DaihoiError) as caught:
        sheets.read_table(path)
    assert caught.value.params == {
        "file": str(path),
        "ref": "B1:ALM65534",
        "cells": 65_534_000,
        "limit": sheets.MAX_MERGED_CELLS,
    }
    monkeypatch.setattr(sheets, "MAX_ROWS", 3)
    rows = "".join(f"<tr><td>Người {i}</td></tr>" for i in range(5))
    path.write_text(f"<table><tr><th>Họ và tên</th></tr>{rows}</table>")
    with pytest.raises(DaihoiError) as caught:
        sheets.read_table(path)
    assert (caught.value.key, caught.value.params["row"]) == ("limits.rows", 4)


def test_a_long_cell_in_a_word_table_is_refused(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=1)
    table.cell(0, 0).text = "Họ và tên"
    table.cell(1, 0).text = "A" * (sheets.MAX_CELL_CHARS + 1)
    path = tmp_path / "ds.docx"
    document.save(str(path))
    with pytest.raises(DaihoiError) as caught:
        sheets.read_table(path)
    assert (caught.value.key, caught.value.params["row"]) == ("limits.cell", 2)
