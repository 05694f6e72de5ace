"""The one spreadsheet reader: merges, CSV encodings and separators, sheet choice, errors."""

from __future__ import annotations

import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from data import delegates, legacy
from data.errors import DaihoiError
from data.sheets import (
    Row,
    Skipped,
    decode,
    find_header_rows,
    ooxml_text,
    read_table,
    sniff_delimiter,
)
from data.store import Event
from data.text import strip_controls

Cells = list[list[Any]]


def xlsx(path: Path, rows: Cells, merges: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    for ref in merges:
        book.active.merge_cells(ref)
    book.save(path)
    return path


def trimmed(rows: list[Row]) -> list[Row]:
    """Rows without trailing empty cells and trailing empty rows: how wide openpyxl reports a
    row depends on the mode, not on the sheet."""
    out = []
    for number, values in rows:
        cells = list(values)
        while cells and cells[-1] is None:
            cells.pop()
        out.append((number, tuple(cells)))
    while out and not out[-1][1]:
        out.pop()
    return out


def legacy_text(text: str, font: str | None) -> str:
    """A text as the reader leaves it: converted when it reads as a legacy encoding, else
    exactly as read (NFC comes later, in the importer: U+F900 stays U+F900 here)."""
    found = legacy.convert(text, font)
    return found.text if found.encoding else text


def normal_mode(path: Path) -> list[Row]:
    """The sheet as openpyxl's normal (slow) mode sees it, merged ranges filled from
    ``ws.merged_cells``: what the read-only reader with its merge regex must give (texts as
    Excel shows them, without control characters or bidi overrides, a text that reads as
    TCVN3 or VNI turned into Unicode as the reader does: "KÆ" is TCVN3 for "KỈ")."""
    book = openpyxl.load_workbook(path, data_only=True)
    ws = book.active
    grid = [
        [
            legacy_text(strip_controls(ooxml_text(v)), c.font.name)
            if isinstance(v, str) and not v.isascii()
            else strip_controls(ooxml_text(v))
            if isinstance(v, str)
            else v
            for v, c in zip(values, cells)
        ]
        for values, cells in zip(ws.iter_rows(values_only=True), ws.iter_rows())
    ]
    for merged in ws.merged_cells.ranges:
        top = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                if grid[r][c] is None:
                    grid[r][c] = top
    book.close()
    return [(n, tuple(r)) for n, r in enumerate(grid, start=1)]


# ---------------------------------------------------------------------------- merges
def test_merged_ranges_are_filled_from_their_top_left_cell(tmp_path: Path) -> None:
    rows: Cells = [
        ["DANH SÁCH ĐẠI BIỂU"],
        ["STT", "Họ và tên", "Năm sinh", None, "Đơn vị"],
        [None, None, "Nam", "Nữ", None],
        [1, "Lê Văn An", 1970, None, "Sở Y tế"],
    ]
    path = xlsx(tmp_path / "ds.xlsx", rows, ("A1:E1", "C2:D2", "A2:A3", "B2:B3", "E2:E3"))
    table = read_table(path)
    assert table.rows[0] == (1, ("DANH SÁCH ĐẠI BIỂU",) * 5)
    assert table.rows[1][1] == ("STT", "Họ và tên", "Năm sinh", "Năm sinh", "Đơn vị")
    assert table.rows[2][1] == ("STT", "Họ và tên", "Nam", "Nữ", "Đơn vị")
    assert table.rows[3][1] == (1, "Lê Văn An", 1970, None, "Sở Y tế")  # no merge: untouched
    assert table.sheet == "Sheet" and table.header is None
    raw = read_table(path, merged=False)
    assert trimmed(raw.rows)[0] == (1, ("DANH SÁCH ĐẠI BIỂU",))
    assert trimmed(raw.rows)[2] == (3, (None, None, "Nam", "Nữ"))


def test_value_types_match_openpyxl_normal_mode(tmp_path: Path) -> None:
    rows: Cells = [
        ["Họ và tên", "Năm sinh", "Số", "Cờ", "Ghi chú"],
        ["Lê Văn An", datetime(1970, 1, 2), 1.5, True, "=1+1"],
        ["Lê Thị Bình", 1971, -3, False, "  khoảng   trắng "],
        [None, None, None, None, None],
        ["Đỗ Văn Công", "05/11/1979", 12345678901, None, "x"],
    ]
    path = xlsx(tmp_path / "ds.xlsx", rows, ("E4:E5",))
    read = trimmed(read_table(path).rows)
    assert read == trimmed(normal_mode(path))
    assert read[1][1][1] == datetime(1970, 1, 2)  # an Excel date stays a date
    # E4:E5 merged with E4 empty: nothing to copy (and openpyxl drops E5's "x" on saving)
    assert read[3:] == [(4, ()), (5, ("Đỗ Văn Công", "05/11/1979", 12345678901))]


SHEET_CELL = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=10),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0)
    ),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.lists(SHEET_CELL, max_size=6), max_size=8),
    st.lists(
        st.tuples(st.integers(1, 8), st.integers(1, 6), st.integers(0, 2), st.integers(0, 2)),
        max_size=3,
    ),
)
def test_read_only_mode_with_merges_matches_normal_mode_on_random_sheets(
    tmp_path: Path, body: list[list[Any]], spans: list[tuple[int, int, int, int]]
) -> None:
    """Read-only mode does not report merged ranges; the regex over the sheet's XML must find
    the same ones openpyxl's normal mode does, and fill them the same way."""
    book = Workbook()
    ws = book.active
    for r, row in enumerate(body, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, str) and value.startswith("="):
                value = "'" + value
            ws.cell(r, c, value)
    taken: set[tuple[int, int]] = set()
    for r, c, dr, dc in spans:
        block = {(r + i, c + j) for i in range(dr + 1) for j in range(dc + 1)}
        if dr + dc and not block & taken:
            taken |= block
            ws.merge_cells(start_row=r, start_column=c, end_row=r + dr, end_column=c + dc)
    path = tmp_path / f"r{len(body)}-{len(spans)}.xlsx"
    book.save(path)
    assert trimmed(read_table(path).rows) == trimmed(normal_mode(path))


EXCEL_XLSX = {
    "[Content_Types].xml": (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:bookViews><x:workbookView activeTab="1"/></x:bookViews><x:sheets><x:sheet name="Bìa" sheetId="1" r:id="rId1"/><x:sheet name="Danh sách" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    "xl/sharedStrings.xml": '<?xml version="1.0"?><x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>Họ và tên</x:t></x:si><x:si><x:t>Ngày sinh</x:t></x:si><x:si><x:r><x:t>Nguyễn </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>Thị Hoa</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si><x:si><x:t>Bìa</x:t></x:si></x:sst>',
    "xl/styles.xml": '<?xml version="1.0"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts><x:cellStyleXfs count="1"><x:xf numFmtId="0"/></x:cellStyleXfs><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="164"/></x:cellXfs></x:styleSheet>',
    "xl/worksheets/sheet1.xml": '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    "xl/worksheets/sheet2.xml": '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1"/><x:sheetData><x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c></x:row><x:row r="4"><x:c r="A4" t="s"><x:v>2</x:v></x:c><x:c r="B4" s="1"><x:v>29290</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B4:C4"/></x:mergeCells></x:worksheet>',
}


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_what_excel_writes(event: Event, tmp_path: Path) -> None:
    """Shared strings with rich runs and phonetic guides, ``x:`` prefixes (merges too), an
    absolute relationship target, a wrong <dimension>, the active tab, rows left out."""
    from data.importing import import_delegates

    path = tmp_path / "excel.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in EXCEL_XLSX.items():
            archive.writestr(member, text)
    table = read_table(path)
    assert table.sheet == "Danh sách"
    assert table.rows == [
        (1, ()),
        (2, ("Họ và tên", "Ngày sinh")),
        (3, ()),
        (4, ("Nguyễn Thị Hoa", datetime(1980, 3, 10), datetime(1980, 3, 10))),
    ]
    assert import_delegates(event, path).added == 1
    (d,) = delegates.all_delegates(event)
    assert (d.name, d.birth_date) == ("Nguyễn Thị Hoa", "1980-03-10")


# ---------------------------------------------------------------------------- CSV
def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters whole, tones combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out: list[str] = []
    marks: list[str] = []
    for ch in unicodedata.normalize("NFD", text) + "\n":
        if unicodedata.combining(ch):
            marks.append(ch)
            continue
        if out:
            kept = "".join(m for m in marks if m not in tones)
            out[-1] = unicodedata.normalize("NFC", out[-1] + kept)
            out.extend(m for m in marks if m in tones)
        marks = []
        out.append(ch)
    encoded = "".join(out[:-1]).encode("cp1258")
    assert unicodedata.normalize("NFC", encoded.decode("cp1258")) == text
    return encoded


TEXT = "Họ và tên;Đơn vị\nNguyễn Thị Hoà;Sở Lao động, Thương binh và Xã hội\n"


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]),
        cp1258(TEXT),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp1258"],
)
def test_csv_encodings(tmp_path: Path, raw: bytes) -> None:
    assert unicodedata.normalize("NFC", decode(raw)) == TEXT
    path = tmp_path / "ds.csv"
    path.write_bytes(raw)
    rows = read_table(path).rows
    assert [(n, tuple(unicodedata.normalize("NFC", c) for c in r)) for n, r in rows] == [
        (1, ("Họ và tên", "Đơn vị")),
        (2, ("Nguyễn Thị Hoà", "Sở Lao động, Thương binh và Xã hội")),
    ]


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n4;5;6\n", ";"),  # commas inside a ; file's cells
        ("a\tb\n1\t2\n", "\t"),
        ("DANH SÁCH, ĐỢT 1\nHọ và tên;Đơn vị;Năm sinh\nLê An;Sở Y tế;1970\n", ";"),  # title
        ("Họ và tên\nLê An\n", ","),  # one column: any separator reads it
    ],
)
def test_csv_delimiters(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_csv_suffixes_are_the_callers_choice(tmp_path: Path) -> None:
    path = tmp_path / "ds.txt"
    path.write_text("Họ và tên\tĐơn vị\nLê An\tSở Y tế\n", encoding="utf-8")
    with pytest.raises(DaihoiError) as caught:
        read_table(path)
    assert caught.value.key == "import.unsupported"
    assert read_table(path, csv_suffixes=(".csv", ".txt")).rows[1] == (2, ("Lê An", "Sở Y tế"))


# ---------------------------------------------------------------------------- sheet choice
def has_name_column(rows: list[Row]) -> str | None:
    """A header test: the number of the first row with "Họ và tên"."""
    return next((f"row {n}" for n, r in rows if "Họ và tên" in r), None)


def two_sheets(path: Path) -> Path:
    book = Workbook()
    book.active.title = "Ghi chú"
    book.active.append(["Danh sách gửi kèm công văn"])
    second = book.create_sheet("Đại biểu")
    second.append(["Tiêu đề"])
    second.append(["Họ và tên", "Năm sinh"])
    book.save(path)
    return path


def test_sheet_choice(tmp_path: Path) -> None:
    path = two_sheets(tmp_path / "ds.xlsx")
    assert read_table(path).sheet == "Ghi chú"  # no header test: the active sheet
    found = read_table(path, has_header=has_name_column)
    assert (found.sheet, found.header) == ("Đại biểu", "row 2")  # the first with a header
    assert read_table(path, "Đại biểu").rows[1] == (2, ("Họ và tên", "Năm sinh"))
    with pytest.raises(DaihoiError) as caught:
        read_table(path, "Khác")
    assert caught.value.key == "import.no_sheet"
    assert caught.value.params["sheets"] == "Ghi chú, Đại biểu"
    for kwargs in ({}, {"no_header": "honours.import.no_header"}):
        with pytest.raises(DaihoiError) as caught:
            read_table(path, "Ghi chú", has_header=has_name_column, **kwargs)
        assert caught.value.key == kwargs.get("no_header", "import.no_header")


def test_csv_header_test(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DaihoiError) as caught:
        read_table(path, has_header=has_name_column)
    assert caught.value.key == "import.no_header" and caught.value.params["file"] == str(path)
    path.write_text("x\nHọ và tên,b\n", encoding="utf-8")
    assert read_table(path, has_header=has_name_column).header == "row 2"


# ---------------------------------------------------------------------------- errors
def refused(path: Path, key: str) -> DaihoiError:
    with pytest.raises(DaihoiError) as caught:
        read_table(path)
    assert caught.value.key == key and caught.value.params["file"] == str(path)
    return caught.value


@pytest.mark.parametrize("name", ["ds.xls", "ds.txt", "ds.ods", "ds"])
def test_unsupported(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("Họ và tên\n", encoding="utf-8")
    refused(tmp_path / name, "import.unsupported")


def test_missing(tmp_path: Path) -> None:
    refused(tmp_path / "none.xlsx", "import.missing")
    refused(tmp_path / "none.csv", "import.missing")


@pytest.mark.parametrize(
    "content", [b"", b"not a zip at all", b"PK\x03\x04 truncated", b"\x00" * 1000]
)
def test_unreadable(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ds.xlsm"
    path.write_bytes(content)
    assert refused(path, "import.unreadable").params["reason"]


def test_truncated_workbook(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "ds.xlsx", [["Họ và tên"]] + [[f"Người {i}"] for i in range(500)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(path, "import.unreadable")


# ---------------------------------------------------------------------------- header rows
FIELDS = {"stt": "stt", "họ và tên": "name", "năm sinh": "birth", "nam": "male", "nữ": "female"}


def field_of(text: str) -> str | None:
    return FIELDS.get(text.lower())


def names(fields: list[str | None]) -> bool:
    return "name" in fields


def test_header_rows_fold_a_sub_header_under_a_group_cell() -> None:
    rows = [
        (1, ["DANH SÁCH"]),
        (2, ["STT", "Họ và tên", "Năm sinh", "Năm sinh"]),
        (3, ["STT", "Họ và tên", "Nam", "Nữ"]),
        (4, ["1", "Lê An", "1970", ""]),
    ]
    found = find_header_rows(rows, field_of, names)
    assert found is not None
    assert (found.row, found.top[2], found.sub) == (3, "Năm sinh", rows[2][1])
    # Only the fields in ``groups`` may have sub-columns:
    found = find_header_rows(rows, field_of, names, groups=("name",))
    assert found is not None and (found.row, found.sub) == (2, None)


def test_header_rows_a_data_row_is_not_a_sub_header() -> None:
    rows = [(1, ["Họ và tên", "Năm sinh"]), (2, ["Lê An", "1970"]), (3, ["Nam", "1971"])]
    found = find_header_rows(rows, field_of, names)
    assert found is not None and (found.row, found.sub) == (1, None)
    assert find_header_rows(rows[1:], field_of, names) is None
    assert find_header_rows([(n, ["x"]) for n in range(1, 50)] + rows, field_of, names) is None


def test_skipped_defaults() -> None:
    s = Skipped(7, "import.no_name")
    assert (s.row, s.key, s.params, s.column) == (7, "import.no_name", {}, "")


# ---------------------------------------------------------------------------- broken files
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["plain", "bom"])
def test_utf8_with_a_stray_byte_is_refused_not_read_as_mojibake(tmp_path: Path, bom: bytes) -> None:
    """One byte pasted from a Windows-1258 file into a UTF-8 list: reading the whole file as
    Windows-1258 would store "Nguyá»…n" for every name."""
    raw = "STT,Họ và tên,Đơn vị\n1,Nguyễn Văn An,Sở Y tế\n".encode() + b"2,L\xea Th\xf2 Hoa,x\n"
    path = tmp_path / "ds.csv"
    path.write_bytes(bom + raw)
    error = refused(path, "import.bad_encoding")
    assert error.params["line"] == 3


def test_header_test_bugs_are_not_reported_as_an_unreadable_file(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "ds.xlsx", [["Họ và tên"], ["Lê Văn An"]])

    def buggy(rows: list[Row]) -> str | None:
        return {}["missing"]  # a KeyError of ours, not of a damaged file

    with pytest.raises(KeyError):
        read_table(path, has_header=buggy)
