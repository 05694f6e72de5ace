"""Hostile and broken lists: each bound of the one reader (data/sheets.py), met by a file the
test writes, through every importer and the command line.

No test times anything. Each bound is shown by what the reader does at it: the exact refusal
(key and values), a file part the reader would choke on if it read past the bound, the event
file left byte for byte as it was; the bounds are made small (monkeypatched) where a file at
the real bound would be slow to write.
"""

from __future__ import annotations

import sqlite3
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.styles import PatternFill

from console.cli import cli
from data import delegates, higher_level_import, sheets
from data.errors import DaihoiError
from data.importing import import_delegates
from data.store import Event
from programme import template
from programme.honours_import import import_honours
from programme.importing import import_programme

# ---------------------------------------------------------------------------- files by hand
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = ("STT", "Họ và tên", "Nội dung", "Số phút", "Hình thức khen thưởng")
"""A header every importer finds: delegates and higher-level lists (name), programmes (title
and minutes), honours (recipient and form)."""


def parts(sheet: str | bytes, shared: str | bytes | None = None) -> dict[str, str | bytes]:
    """The parts of a one-sheet workbook, as Excel lays them out."""
    types = (
        f'<?xml version="1.0"?><Types xmlns="{PACKAGE}/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"
    )
    rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    book = (
        f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>'
        '<sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    book_rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": types,
        "_rels/.rels": rels,
        "xl/workbook.xml": book,
        "xl/_rels/workbook.xml.rels": book_rels,
        "xl/worksheets/sheet1.xml": sheet,
    }
    files["xl/sharedStrings.xml"] = (
        shared if shared is not None else f'<?xml version="1.0"?><sst xmlns="{MAIN}"/>'
    )
    return files


def write_zip(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def cell(ref: str, value: object) -> str:
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def row(n: int, *values: object) -> str:
    cells = "".join(cell(f"{sheets.column_letter(j)}{n}", v) for j, v in enumerate(values) if v)
    return f'<row r="{n}">{cells}</row>'


def sheet(rows: str, after: str = "", dimension: str | None = "A1") -> str:
    """A worksheet: ``rows`` in its sheetData, ``after`` behind it (merges); ``dimension=None``
    leaves the ``<dimension>`` out, as some generators do."""
    size = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0"?><worksheet xmlns="{MAIN}">{size}'
        f"<sheetData>{rows}</sheetData>{after}</worksheet>"
    )


PEOPLE = [
    ("Nguyễn Thị Hoa", "Chào cờ", 5, "Bằng khen của Chủ tịch UBND tỉnh"),
    ("Trần Văn Đức", "Khai mạc", 10, "Bằng khen của Chủ tịch UBND tỉnh"),
]


def body() -> str:
    return row(1, *HEADER) + "".join(row(n, n - 1, *p) for n, p in enumerate(PEOPLE, start=2))


# ---------------------------------------------------------------------------- the event
IMPORTERS: dict[str, Callable[[Event, Path], Any]] = {
    "delegates": import_delegates,
    "programme": import_programme,
    "honours": import_honours,
    "higher-level": higher_level_import.import_higher_level,
}


@pytest.fixture
def filled(event: Event) -> Event:
    """An event with a programme and two delegates: what a refused import must leave alone."""
    template.seed(event)
    delegates.upsert(event, [{"name": "Lê Văn An", "unit": "Sở Y tế"}, {"name": "Đỗ Thị Bình"}])
    return event


def snapshot(event: Event) -> tuple[dict[str, int], bytes, bytes]:
    """Every table's row count and the event file's bytes (its -wal too)."""
    tables = [n for (n,) in event.conn.execute("select name from sqlite_master where type='table'")]
    counts = {t: event.conn.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
    wal = event.wal_path.read_bytes() if event.wal_path.exists() else b""
    return counts, event.path.read_bytes(), wal


def refused(event: Event, path: Path, kind: str, key: str) -> dict[str, Any]:
    """Import ``path`` as ``kind``: refused with ``key``, the event unchanged; its values."""
    before = snapshot(event)
    with pytest.raises(DaihoiError) as caught:
        IMPORTERS[kind](event, path)
    assert caught.value.key == key, caught.value
    assert snapshot(event) == before
    return caught.value.params


@pytest.fixture
def cli_db(tmp_path: Path) -> str:
    """An event file made by the command line, with two delegates imported."""
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--db", db, "--title", "T"]).exit_code == 0
    people = tmp_path / "people.csv"
    people.write_text("Họ và tên,Đơn vị\nLê Văn An,Sở Y tế\nĐỗ Thị Bình,Sở Nội vụ\n", "utf-8")
    assert runner.invoke(cli, ["import", "delegates", str(people), "--db", db]).exit_code == 0
    return db


def files_of(db: str) -> list[str]:
    """The event file's whole content, as SQL. Not its bytes: the command closes the file, and
    SQLite then moves the -wal's pages into it (the same rows, other bytes)."""
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


def cli_refuses(db: str, kind: str, path: Path, *lang: str) -> str:
    """``daihoi import KIND FILE --db DB``: exit 1, one line on stderr, every row of the event
    file as it was; the line."""
    before = files_of(db)
    result = CliRunner().invoke(cli, [*lang, "import", kind, str(path), "--db", db])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert files_of(db) == before
    return lines[0]


# ---------------------------------------------------------------------------- merged area
def whole_sheet_merge(path: Path) -> Path:
    """The few-KB file that ran the delegates and honours imports to a MemoryError at 4 GB: one
    range over the whole sheet, and an empty row element for each of its rows (they pack to
    almost nothing), each of which filling the range made 16,384 cells wide."""
    merge = '<mergeCells count="1"><mergeCell ref="A2:XFD200000"/></mergeCells>'
    return write_zip(path, parts(sheet(body() + "<row/>" * 199_997, merge, "A1:XFD200000")))


@pytest.mark.parametrize("kind", IMPORTERS)
def test_a_merge_over_the_whole_sheet_is_refused_by_every_importer(
    filled: Event, tmp_path: Path, kind: str
) -> None:
    path = whole_sheet_merge(tmp_path / "gop.xlsx")
    assert path.stat().st_size < 4000
    params = refused(filled, path, kind, "limits.merged")
    assert params == {
        "file": str(path),
        "ref": "A2:XFD200000",
        "cells": 199_999 * 16_384,
        "limit": sheets.MAX_MERGED_CELLS,
    }


def test_the_merged_area_is_counted_over_every_range(
    filled: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many small ranges add up: 10 ranges of 2 × 3 cells are 60 cells, refused at the 10th
    under a bound of 55 (a first bound at the 1st range would let 1,000,000 ranges through)."""
    monkeypatch.setattr(sheets, "MAX_MERGED_CELLS", 55)
    merges = "".join(f'<mergeCell ref="F{r}:H{r + 1}"/>' for r in range(10, 30, 2))
    path = write_zip(
        tmp_path / "gop.xlsx", parts(sheet(body(), f"<mergeCells>{merges}</mergeCells>"))
    )
    assert refused(filled, path, "delegates", "limits.merged") == {
        "file": str(path),
        "ref": "F28:H29",
        "cells": 60,
        "limit": 55,
    }
    monkeypatch.setattr(sheets, "MAX_MERGED_CELLS", 60)
    assert import_delegates(filled, path).added == 2


# ---------------------------------------------------------------------------- rows
@pytest.mark.parametrize("dimension", ["A1:Z1048576", None], ids=["dimension", "no-dimension"])
def test_rows_below_the_list_are_not_read(
    filled: Event, tmp_path: Path, dimension: str | None
) -> None:
    """A sheet whose dimension says 1,048,576 rows around 300 people: formatting dragged to the
    bottom writes one empty row element per row. The reader stops at the last value; it never
    reaches the broken end of the part, which openpyxl would choke on. Without a dimension,
    openpyxl's own opening used to parse the whole sheet for its size (63 s on 150 MB)."""
    people = [f"Người Thứ {i}" for i in range(1, 301)]
    rows = row(1, "STT", "Họ và tên", "Đơn vị") + "".join(
        row(n, n - 1, name, "Sở Y tế") for n, name in enumerate(people, start=2)
    )
    empty = "".join(f'<row r="{n}" s="1" customFormat="1"/>' for n in range(302, 40_000))
    xml = sheet(rows + empty, dimension=dimension).replace("</sheetData></worksheet>", "<<<")
    path = write_zip(tmp_path / "ds.xlsx", parts(xml))
    table = sheets.read_table(path)
    assert [n for n, _ in table.rows] == list(range(1, 302))
    report = import_delegates(filled, path)
    assert (report.added, report.skipped, report.added_names) == (300, [], people)


def test_empty_rows_below_the_list_do_not_count_against_the_row_bound(
    filled: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheets, "MAX_ROWS", 3)
    rows = body() + "".join(f'<row r="{n}"><c r="A{n}" s="1"/></row>' for n in range(4, 500))
    path = write_zip(tmp_path / "ds.xlsx", parts(sheet(rows)))
    assert import_delegates(filled, path).added_names == ["Nguyễn Thị Hoa", "Trần Văn Đức"]
    csv = tmp_path / "ds.csv"
    csv.write_text("Họ và tên\nNguyễn Thị Hoa\nTrần Văn Đức\n" + ",,\n" * 1000, "utf-8")
    assert import_delegates(filled, csv).unchanged == 2


def test_reading_stops_at_the_row_bound(
    filled: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader raises at row bound + 1, before reading on: past it, the part is broken (an
    xlsx) or holds a field the csv module refuses; reading that far would say so instead."""
    monkeypatch.setattr(sheets, "MAX_ROWS", 50)
    names = "".join(row(n, n - 1, f"Người {n}") for n in range(2, 3000))
    xml = sheet(row(1, *HEADER) + names).replace("</sheetData></worksheet>", "<<<")
    path = write_zip(tmp_path / "ds.xlsx", parts(xml))
    for kind in IMPORTERS:
        assert refused(filled, path, kind, "limits.rows") == {
            "file": str(path),
            "row": 51,
            "limit": 50,
        }
    csv = tmp_path / "ds.csv"
    csv.write_text("Họ và tên\n" + "Nguyễn Văn An\n" * 2000 + "x" * 200_000 + "\n", "utf-8")
    assert refused(filled, csv, "delegates", "limits.rows") == {
        "file": str(csv),
        "row": 51,
        "limit": 50,
    }


def test_data_far_below_the_bound_is_refused_without_reading_each_row_to_it(
    filled: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row numbered 900,000,000 after two people: openpyxl yields every empty row up to it;
    the reader refuses as soon as it passes the bound with values still to come."""
    monkeypatch.setattr(sheets, "MAX_ROWS", 10)
    path = write_zip(tmp_path / "ds.xlsx", parts(sheet(body() + row(900_000_000, 3, "Lê Văn C"))))
    assert refused(filled, path, "delegates", "limits.rows")["row"] == 11


# ---------------------------------------------------------------------------- columns, cells
def test_data_past_the_column_bound_is_refused(filled: Event, tmp_path: Path) -> None:
    far = '<c r="IP2" t="inlineStr"><is><t>x</t></is></c>'  # column 250
    rows = body().replace('</row><row r="3">', f'{far}</row><row r="3">')
    path = write_zip(tmp_path / "ds.xlsx", parts(sheet(rows)))
    assert refused(filled, path, "honours", "limits.columns") == {
        "file": str(path),
        "row": 2,
        "column": "IP",
        "limit": sheets.MAX_COLUMNS,
    }
    csv = tmp_path / "ds.csv"
    csv.write_text("Họ và tên\nLê An" + "," * 300 + "x\n", "utf-8")
    assert refused(filled, csv, "delegates", "limits.columns")["column"] == "KO"  # the 301st column


def test_formatted_cells_out_to_column_xfd_are_not_data(filled: Event, tmp_path: Path) -> None:
    styled = "".join(f'<c r="{sheets.column_letter(j)}2" s="1"/>' for j in range(5, 16384, 97))
    rows = body().replace('</row><row r="3">', f'<c r="XFD2" s="1"/>{styled}</row><row r="3">')
    path = write_zip(tmp_path / "ds.xlsx", parts(sheet(rows)))
    table = sheets.read_table(path)
    assert [len(values) for _, values in table.rows] == [5, 5, 5]
    csv = tmp_path / "ds.csv"
    csv.write_text("Họ và tên\nLê An" + "," * 16_000 + "\nĐỗ Bình\n", "utf-8")
    assert import_delegates(filled, csv).added_names == ["Lê An", "Đỗ Bình"]


def test_a_cell_longer_than_excel_allows_is_refused(filled: Event, tmp_path: Path) -> None:
    long = "A" * (sheets.MAX_CELL_CHARS + 1)
    path = write_zip(tmp_path / "ds.xlsx", parts(sheet(body() + row(4, 3, long))))
    assert refused(filled, path, "delegates", "limits.cell") == {
        "file": str(path),
        "row": 4,
        "column": "B",
        "length": sheets.MAX_CELL_CHARS + 1,
        "limit": sheets.MAX_CELL_CHARS,
    }
    csv = tmp_path / "ds.csv"
    csv.write_text(f"STT,Họ và tên\n1,Lê An\n2,{long}\n", "utf-8")
    assert refused(filled, csv, "delegates", "limits.cell")["row"] == 3
    # Longer than the csv module's own limit (131,072): ours, not its English message.
    csv.write_text('Họ và tên\nLê An\n"' + "A" * 200_000 + '"\n', "utf-8")
    assert refused(filled, csv, "delegates", "limits.line") == {
        "file": str(csv),
        "row": 3,
        "limit": sheets.MAX_COLUMNS * (2 * sheets.MAX_CELL_CHARS + 3),
    }


def test_a_csv_line_longer_than_any_record_is_refused_before_it_is_split(
    filled: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheets, "MAX_COLUMNS", 3)
    monkeypatch.setattr(sheets, "MAX_CELL_CHARS", 10)
    csv = tmp_path / "ds.csv"
    csv.write_text("Họ và tên\nLê An\n" + "," * 70 + "x\n", "utf-8")  # 71 characters
    assert refused(filled, csv, "delegates", "limits.line") == {
        "file": str(csv),
        "row": 3,
        "limit": 69,
    }


# ---------------------------------------------------------------------------- sizes
def test_a_file_too_big_is_refused_before_it_is_read(
    filled: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheets, "MAX_FILE_BYTES", sheets.MB)
    csv = tmp_path / "ds.csv"
    csv.write_bytes(b"\xff\xfe" + b"\x00\xd8" * (sheets.MB // 2 + 10))  # not even UTF-16
    assert refused(filled, csv, "delegates", "limits.file_size") == {
        "file": str(csv),
        "size": 2,
        "limit": 1,
    }


def test_a_zip_bomb_is_refused_from_its_declared_size(
    filled: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """400 MB of empty rows in a 0.8 MB file, made small: 3 MB of rows in a few KB, refused
    under a 2 MB bound from the sizes the zip declares, before anything is unpacked."""
    monkeypatch.setattr(sheets, "MAX_UNZIPPED_BYTES", 2 * sheets.MB)
    empty = '<row r="9" spans="1:26" s="1" customFormat="1"/>' * 70_000
    path = write_zip(tmp_path / "ds.xlsx", parts(sheet(body() + empty)))
    assert path.stat().st_size < 30_000
    for kind in IMPORTERS:
        assert refused(filled, path, kind, "limits.unzipped") == {
            "file": str(path),
            "size": 4,
            "limit": 2,
        }


def lie_about_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size ``member`` declares in the zip's central directory."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == member.encode():
            struct.pack_into("<I", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 46)
    path.write_bytes(bytes(data))


def test_a_part_unpacking_to_more_than_it_declares_is_refused(
    filled: Event, tmp_path: Path
) -> None:
    """A part declaring 100 bytes: unpacking stops there and the checksum fails; our own line,
    not zipfile's "Bad CRC-32"."""
    path = write_zip(tmp_path / "ds.xlsx", parts(sheet(body())))
    lie_about_size(path, "xl/worksheets/sheet1.xml", 100)
    assert refused(filled, path, "delegates", "limits.damaged_part") == {
        "file": str(path),
        "part": "xl/worksheets/sheet1.xml",
    }


def test_too_many_parts_or_texts(
    filled: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = parts(sheet(body()))
    files.update({f"xl/media/image{i}.png": b"\x89PNG" for i in range(10)})
    path = write_zip(tmp_path / "ds.xlsx", files)
    monkeypatch.setattr(sheets, "MAX_PARTS", 15)
    assert refused(filled, path, "delegates", "limits.parts") == {
        "file": str(path),
        "parts": 16,
        "limit": 15,
    }
    strings = "".join(f"<si><t>Tên {i}</t></si>" for i in range(6))
    path = write_zip(
        tmp_path / "ss.xlsx", parts(sheet(body()), f'<sst xmlns="{MAIN}">{strings}</sst>')
    )
    monkeypatch.setattr(sheets, "MAX_SHARED_STRINGS", 5)
    assert refused(filled, path, "delegates", "limits.shared_strings") == {
        "file": str(path),
        "limit": 5,
    }


# ---------------------------------------------------------------------------- XML entities
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(2, 10)).replace(
        "&lol1;", "&lol;"
    )
    + f']><sst xmlns="{MAIN}"><si><t>Họ và tên</t></si><si><t>&lol9;</t></si></sst>'
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f'<worksheet xmlns="{MAIN}"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
    "</sheetData></worksheet>"
)
SHARED = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>'
)


@pytest.mark.parametrize("kind", IMPORTERS)
@pytest.mark.parametrize(
    ("files", "part"),
    [
        (parts(sheet(SHARED), LAUGHS), "xl/sharedStrings.xml"),
        (parts(XXE), "xl/worksheets/sheet1.xml"),
        (parts(sheet(SHARED), LAUGHS.encode("utf-16")), "xl/sharedStrings.xml"),
    ],
    ids=["billion-laughs", "xxe", "utf-16"],
)
def test_dtds_and_entities_are_refused(
    filled: Event, tmp_path: Path, kind: str, files: dict[str, str | bytes], part: str
) -> None:
    path = write_zip(tmp_path / "ds.xlsx", files)
    assert refused(filled, path, kind, "limits.xml_entities") == {"file": str(path), "part": part}


# ---------------------------------------------------------------------------- the command line
@pytest.mark.parametrize("kind", IMPORTERS)
def test_every_import_command_refuses_in_one_line(cli_db: str, tmp_path: Path, kind: str) -> None:
    merged = whole_sheet_merge(tmp_path / "gop.xlsx")
    assert cli_refuses(cli_db, kind, merged) == (
        f"Lỗi: Tệp {merged}: các vùng gộp ô (đến vùng A2:XFD200000) phủ 3276783616 ô, quá giới "
        "hạn 2000000 ô: không đọc. Chưa thay đổi gì."
    )
    laughs = write_zip(tmp_path / "lol.xlsx", parts(sheet(SHARED), LAUGHS))
    assert cli_refuses(cli_db, kind, laughs, "--lang", "en") == (
        f"Error: {laughs} declares an XML DTD or entities in xl/sharedStrings.xml, which Excel "
        "never writes (a “billion laughs”/XXE attack): not read. Nothing was changed."
    )


def test_a_long_list_of_skipped_rows_is_summed_up(cli_db: str, tmp_path: Path) -> None:
    """One name 2,001 times: 2,000 duplicates, 20 lines and one line for the 1,980 others; the
    report's counts stay exact."""
    csv = tmp_path / "ds.csv"
    csv.write_text("Họ và tên,Đơn vị\n" + "Nguyễn Văn An,Sở Y tế\n" * 2001, "utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["import", "delegates", str(csv), "--db", cli_db, "--dry-run"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[:2] == [f"{csv}, dòng 3: trùng với dòng 2", f"{csv}, dòng 4: trùng với dòng 2"]
    assert lines[19] == f"{csv}, dòng 22: trùng với dòng 2"
    assert lines[20] == f"{csv}: … và 1.980 dòng nữa, cùng lý do: trùng với dòng 2"
    assert "Bỏ qua: 2000 dòng, như “trùng với dòng 2”." in lines[21:]  # what the import understood
    assert lines[-2:] == [
        "Thêm 1, cập nhật 0, giữ nguyên 0, bỏ qua 2000 dòng.",
        "Chạy thử: chưa ghi gì vào tệp sự kiện.",
    ]
    assert len(lines) == 27
    args = ["--lang", "en", "import", "delegates", str(csv), "--db", cli_db, "--dry-run", "--json"]
    result = runner.invoke(cli, args)
    assert f"{csv}: … and 1,980 more rows, same reason: same person as row 2" in result.stderr
    assert len(result.stderr.splitlines()) == 27
    assert '"row": 2002' in result.stdout and result.stdout.count('"row"') == 2000


def test_skipped_rows_and_warnings_are_each_summed_up(cli_db: str, tmp_path: Path) -> None:
    """25 duplicates (skipped) and 30 unreadable birth years (imported, the year left empty):
    each list shows 20 lines and one line for the rest."""
    csv = tmp_path / "ds.csv"
    rows = ["Họ và tên,Năm sinh", "Nguyễn Văn An,1970"]
    rows += ["Nguyễn Văn An,1970"] * 25 + [f"Lê Văn {i},19x{i}" for i in range(30)]
    csv.write_text("\n".join(rows) + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["import", "delegates", str(csv), "--db", cli_db])
    lines = result.stderr.splitlines()
    assert lines[20] == f"{csv}: … và 5 dòng nữa, cùng lý do: trùng với dòng 2"
    assert lines[21] == (
        f'{csv}, dòng 28, cột Năm sinh: năm sinh "19x0" không đọc được'
        " — vẫn nhập, để trống trường này"
    )
    assert lines[41] == f'{csv}: … và 10 dòng nữa: 10 dòng kiểu “năm sinh "19x20" không đọc được”'
    assert lines[-1] == "Thêm 31, cập nhật 0, giữ nguyên 0, bỏ qua 25 dòng."


# ---------------------------------------------------------------------------- control characters
HOSTILE_NAME = "\x1b]0;Bị chiếm\x07Nguyễn \x1b[31mVăn\x1b[0m An\u202e"
"""A name that retitles the desk's terminal, colours a word and reverses what follows."""


def test_control_characters_are_stripped_with_a_warning_naming_the_cell(
    filled: Event, tmp_path: Path
) -> None:
    csv = tmp_path / "ds.csv"
    csv.write_text(f"STT,Họ và tên,Đơn vị\n1,{HOSTILE_NAME},Sở \x9b2JY tế\u2066\n", "utf-8")
    report = import_delegates(filled, csv)
    assert report.added_names == ["Nguyễn Văn An"]
    person = next(d for d in delegates.all_delegates(filled) if d.name == "Nguyễn Văn An")
    assert person.unit == "Sở Y tế"
    assert [(w.row, w.key, w.params, w.column) for w in report.warnings] == [
        (2, "limits.control_chars", {"count": 23}, "Họ và tên"),
        (2, "limits.control_chars", {"count": 4}, "Đơn vị"),
    ]


def test_escapes_in_an_xlsx_are_found_as_the_characters_they_stand_for(
    filled: Event, tmp_path: Path
) -> None:
    """XML cannot hold ESC: Excel writes it as ``_x001B_`` (openpyxl leaves the seven
    characters); C1 controls and bidi overrides may stand in the XML as they are."""
    name = "_x001B_]0;Bị chiếm_x0007_Nguyễn Văn\u0085 An\u202d"
    rows = (
        row(1, "Họ và tên", "Đơn vị") + row(2, name, "Sở_x000D_\nY tế") + row(3, "A_x005F_x0041_")
    )
    path = write_zip(tmp_path / "ds.xlsx", parts(sheet(rows)))
    report = import_delegates(filled, path)
    assert report.added_names == ["Nguyễn Văn An", "A_x0041_"]
    assert next(d.unit for d in delegates.all_delegates(filled) if d.name == "Nguyễn Văn An") == (
        "Sở Y tế"
    )
    assert [(w.row, w.params, w.column) for w in report.warnings] == [
        (2, {"count": 15}, "Họ và tên")
    ]


def test_every_importer_strips_control_characters(filled: Event, tmp_path: Path) -> None:
    csv = tmp_path / "ds.csv"
    csv.write_text(
        "STT;Họ và tên;Nội dung;Số phút;Hình thức khen thưởng\n"
        f'1;"{HOSTILE_NAME}";Chào \x1b[5mcờ;5;Bằng khen \x1b[0mcủa Chủ tịch UBND tỉnh\u2067\n'
        "2;Lê Văn An;Khai mạc;10;Bằng khen của Chủ tịch UBND tỉnh\n",
        "utf-8",
    )
    result = import_programme(filled, csv)
    assert [i.title for i in result.items] == ["Chào cờ", "Khai mạc"]
    assert [(w.row, w.column) for w in result.warnings] == [
        (2, "Họ và tên"),
        (2, "Nội dung"),
        (2, "Hình thức khen thưởng"),
    ]
    honours = import_honours(filled, csv)
    assert (honours.read, len(honours.warnings)) == (2, 3)
    recipients = {r for (r,) in filled.conn.execute("select recipient from honours")}
    forms = {f for (f,) in filled.conn.execute("select form from honours")}
    assert recipients == {"Nguyễn Văn An", "Lê Văn An"}
    assert forms == {"Bằng khen của Chủ tịch UBND tỉnh"}
    delegates.upsert(filled, [{"name": "Nguyễn Văn An"}])
    higher = higher_level_import.import_higher_level(filled, csv)
    assert (len(higher.marked), higher.unmatched) == (2, ())


def test_the_command_line_never_prints_a_control_character(cli_db: str, tmp_path: Path) -> None:
    csv = tmp_path / "ds.csv"
    csv.write_text(f"Họ và tên,Đơn vị\n{HOSTILE_NAME},Sở Y tế\n", "utf-8")
    result = CliRunner().invoke(cli, ["import", "delegates", str(csv), "--db", cli_db])
    assert result.exit_code == 0, result.output
    assert result.stdout == "+ Nguyễn Văn An\n"
    assert result.stderr.splitlines()[0] == (
        f"{csv}, dòng 2, cột Họ và tên: đã bỏ 23 ký tự điều khiển (mã điều khiển màn hình, ký "
        "tự đảo chiều chữ) — vẫn nhập phần còn lại"
    )
    assert not any(ch in result.output for ch in "\x1b\x07\u202e")


# ---------------------------------------------------------------------------- nobody dropped
def test_a_real_list_at_the_bounds_imports_every_person_and_field(
    filled: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Titles merged across the sheet (one over the whole row, A1:XFD1), a delegation merged
    down each group, formatting dragged far below and to the right: with every bound set to
    exactly what the list uses, nobody is dropped and every field is read."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["UBND TỈNH THÁI NGUYÊN"])
    ws.append(["DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI"])
    ws.append(["STT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Chức vụ", "Đơn vị", "Đoàn"])
    expected = []
    for i in range(300):
        name = f"{['Nguyễn', 'Trần', 'Lê'][i % 3]} Thị Người {i + 1}"
        person = (name, 1960 + i % 40, ["Nam", "Nữ"][i % 2], "Kinh", "Chuyên viên", f"Sở {i % 7}")
        delegation = f"Đoàn {i // 10 + 1}"
        ws.append([i + 1, *person, delegation if i % 10 == 0 else None])
        expected.append((*person, delegation))
    ws.merge_cells("A1:XFD1")
    ws.merge_cells("A2:H2")
    for g in range(30):
        ws.merge_cells(f"H{4 + 10 * g}:H{13 + 10 * g}")
    fill = PatternFill("solid", fgColor="FFFF00")
    for r in range(304, 3000):
        ws.cell(r, 3).fill = fill
    ws.cell(3, 16384).fill = fill
    path = tmp_path / "ds.xlsx"
    book.save(path)
    monkeypatch.setattr(sheets, "MAX_ROWS", 303)
    monkeypatch.setattr(sheets, "MAX_COLUMNS", 8)
    monkeypatch.setattr(sheets, "MAX_MERGED_CELLS", 16384 + 8 + 300)
    report = import_delegates(filled, path)
    assert (report.added, report.skipped, report.warnings) == (300, [], [])
    got = {
        d.name: (d.name, d.birth_year, d.gender, d.ethnicity, d.position, d.unit, d.delegation)
        for d in delegates.all_delegates(filled)
    }
    assert [got[p[0]] for p in expected] == expected
    monkeypatch.setattr(sheets, "MAX_MERGED_CELLS", 16384 + 8 + 299)
    assert refused(filled, path, "delegates", "limits.merged")["cells"] == 16384 + 8 + 300


@pytest.mark.parametrize(
    ("root", "tag"),
    [
        (f'<x:worksheet xmlns:x="{MAIN}">', "x"),
        (f'<worksheet xmlns="{MAIN}" xmlns:y="{MAIN}">', "y"),  # only the cells prefixed
    ],
    ids=["prefixed", "mixed"],
)
def test_values_behind_a_namespace_prefix_are_all_counted(
    filled: Event, tmp_path: Path, root: str, tag: str
) -> None:
    """Reading stops after the count of values: a value missed by the count would drop a
    person. Excel's own files prefix every tag (``x:``); the last person here is a number-only
    row followed by formatted rows and a broken end, so stopping one value early loses him."""
    p = f"{tag}:"
    rows = f'<{p}row r="1"><{p}c r="A1" t="inlineStr"><{p}is><{p}t>Họ và tên</{p}t></{p}is></{p}c>'
    rows += f'<{p}c r="B1" t="inlineStr"><{p}is><{p}t>Năm sinh</{p}t></{p}is></{p}c></{p}row>'
    names = ["Nguyễn Thị Hoa", "Trần Văn Đức", "Lê Văn Cường"]
    for n, name in enumerate(names, start=2):
        rows += f'<{p}row r="{n}"><{p}c r="A{n}" t="inlineStr"><{p}is><{p}t>{name}</{p}t>'
        rows += f'</{p}is></{p}c><{p}c r="B{n}"><{p}v>{1970 + n}</{p}v></{p}c></{p}row>'
    rows += "".join(f'<{p}row r="{n}" s="1" customFormat="1"/>' for n in range(5, 30_000))
    end = "</worksheet>" if root.startswith("<worksheet") else "</x:worksheet>"
    xml = f'<?xml version="1.0"?>{root}<{p}sheetData>{rows}</{p}sheetData>{end}'
    path = write_zip(tmp_path / "ds.xlsx", parts(xml))
    assert sheets.inspect_xlsx(path)["xl/worksheets/sheet1.xml"].values == 8
    report = import_delegates(filled, path)
    assert report.added_names == names
    born = {d.name: d.birth_year for d in delegates.all_delegates(filled)}
    assert [born[n] for n in names] == [1972, 1973, 1974]
    path = write_zip(tmp_path / "broken.xlsx", parts(xml.replace(f"</{p}sheetData>{end}", "<<<")))
    assert [n for n, _ in sheets.read_table(path).rows] == [1, 2, 3, 4]


def test_a_sheet_that_cannot_be_counted_is_read_whole_up_to_the_row_bound(
    filled: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A UTF-16 sheet (openpyxl reads it; a count of "<v" bytes would find none): no stop
    after a count, so nobody below an empty row is dropped; a row past the bound refuses."""

    def utf16(rows: str) -> bytes:
        xml = sheet(rows).replace(
            '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'
        )
        return xml.encode("utf-16")

    path = write_zip(tmp_path / "u16.xlsx", parts(utf16(body() + row(9, 3, "Lê Văn Cường"))))
    assert sheets.inspect_xlsx(path)["xl/worksheets/sheet1.xml"].values is None
    report = import_delegates(filled, path)
    assert report.added_names == ["Nguyễn Thị Hoa", "Trần Văn Đức", "Lê Văn Cường"]
    monkeypatch.setattr(sheets, "MAX_ROWS", 10)
    path = write_zip(tmp_path / "far.xlsx", parts(utf16(body() + row(900_000_000, 3, "Lê C"))))
    assert refused(filled, path, "delegates", "limits.rows")["row"] == 11


def test_long_cells_are_read_in_one_pass_by_the_row_shapes(filled: Event, tmp_path: Path) -> None:
    """A title of 15,000 "(a" and a section of 30,000 digits, within the cell bound: the
    patterns that tell headers and sections apart used to rescan such a cell from each of its
    characters (70 s for the section); the list still imports as written."""
    digits = "1" * 30_000
    csv = tmp_path / "ds.csv"
    csv.write_text(f"{'(a' * 15_000}\nSTT,Họ và tên\nI,KHỐI {digits}\n1,Lê Văn An\n", "utf-8")
    report = import_delegates(filled, csv)
    assert report.added_names == ["Lê Văn An"]
    [person] = [d for d in delegates.all_delegates(filled) if d.source_row == 4]
    assert person.delegation == f"KHỐI {digits}"
