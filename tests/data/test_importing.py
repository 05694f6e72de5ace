"""The importer takes lists as units send them: each quirk with a file the test writes."""

from __future__ import annotations

import csv
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from data import delegates
from data.checkin import ADMITTED, Desk
from data.errors import DaihoiError
from data.importing import (
    Header,
    Row,
    find_header,
    header_field,
    import_delegates,
    map_columns,
    parse_rows,
    read_rows,
)
from data.store import Event
from data.text import clean

from .test_sheets import cp1258

Cells = list[list[Any]]


def xlsx(path: Path, rows: Cells, merges: tuple[str, ...] = (), title: str = "DS") -> Path:
    book = Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    book.save(path)
    return path


def csv_file(path: Path, rows: Cells, *, encoding: str = "utf-8-sig", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def by_name(event: Event) -> dict[str, delegates.Delegate]:
    return {d.name: d for d in delegates.all_delegates(event)}


def journal_rows(event: Event) -> int:
    return int(event.conn.execute("select count(*) from journal").fetchone()[0])


# ------------------------------------------------------------------------ the typical list
MESSY: Cells = [
    ["UBND TỈNH THÁI NGUYÊN", None, None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", None, None, None, None, "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI THI ĐUA YÊU NƯỚC TỈNH THÁI NGUYÊN LẦN THỨ VI"],
    ["(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/8/2025)"],
    ["STT", "Họ và tên", "Năm sinh", None, "Dân tộc", "Chức vụ", "Đơn vị công tác", "Thành phần"],
    [None, None, "Nam", "Nữ", None, None, None, None],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
    ["I", "KHỐI CÁC SỞ, BAN, NGÀNH"],
    [1, "Nguyễn Thị Hoa", None, 1980, "Kinh", "Bác sĩ", "Sở Y tế", "Điển hình tiên tiến"],
    [2, "Trần Văn Đức", 1961, None, "Tày", "Chủ tịch", "Sở Nội vụ", "Anh hùng Lao động"],
    ["II. Đoàn huyện Đại Từ"],
    [3, "Y Thanh Hà Niê Kđăm", 1975, None, "Ê Đê", "Trưởng thôn", "xã Hùng Sơn", "Khách mời"],
    [4, "Điểu K'Giắc", datetime(1990, 3, 12), None, "M'Nông", None, "xã Quân Chu", None],
    [5, "Đoàn Thị Lan", None, "12/03/1985", "Kinh", None, "UBND huyện Đại Từ", None],
    ["Tổng cộng: 5 đại biểu"],
    [],
    ["NGƯỜI LẬP BIỂU", None, None, None, None, "KT. CHỦ TỊCH"],
    [None, None, None, None, None, "PHÓ CHỦ TỊCH"],
    [None, "Hoàng Thị Mai", None, None, None, "Nguyễn Văn Bình"],
]
MESSY_MERGES = (
    "A1:E1", "F1:H1", "A4:H4", "A5:H5", "C6:D6", "A6:A7", "B6:B7", "E6:E7", "F6:F7", "G6:G7",
    "H6:H7", "B9:H9", "A12:H12", "A16:H16",
)  # fmt: skip


def test_messy_xlsx_imports_the_delegates_and_nothing_else(event: Event, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "ds.xlsx", MESSY, MESSY_MERGES)
    report = import_delegates(event, path)
    assert (report.added, report.updated, report.unchanged, report.skipped) == (5, 0, 0, [])
    people = by_name(event)
    assert sorted(people) == sorted(
        ["Nguyễn Thị Hoa", "Trần Văn Đức", "Y Thanh Hà Niê Kđăm", "Điểu K'Giắc", "Đoàn Thị Lan"]
    )
    hoa, duc = people["Nguyễn Thị Hoa"], people["Trần Văn Đức"]
    assert (hoa.gender, hoa.birth_year, hoa.delegation) == ("Nữ", 1980, "KHỐI CÁC SỞ, BAN, NGÀNH")
    assert (duc.gender, duc.birth_year, duc.position) == ("Nam", 1961, "Chủ tịch")
    assert duc.delegation == "KHỐI CÁC SỞ, BAN, NGÀNH"
    kdam = people["Y Thanh Hà Niê Kđăm"]
    assert (kdam.delegation, kdam.ethnicity, kdam.category) == (
        "Đoàn huyện Đại Từ",
        "Ê Đê",
        "Khách mời",
    )
    giac = people["Điểu K'Giắc"]
    assert (giac.birth_year, giac.birth_date, giac.gender) == (1990, "1990-03-12", "Nam")
    lan = people["Đoàn Thị Lan"]  # "Đoàn" the family name is not a section
    assert (lan.birth_date, lan.gender, lan.delegation) == ("1985-03-12", "Nữ", "Đoàn huyện Đại Từ")
    assert hoa.source_file == "ds.xlsx" and hoa.source_row == 10
    assert report.added_names[0] == "Nguyễn Thị Hoa"
    assert report.file == str(path)


def test_header_merges_are_read_without_openpyxl_normal_mode(tmp_path: Path) -> None:
    rows = read_rows(xlsx(tmp_path / "ds.xlsx", MESSY, MESSY_MERGES))
    number, header_top = rows[5]
    assert number == 6
    assert header_top[:4] == ("STT", "Họ và tên", "Năm sinh", "Năm sinh")  # merged C6:D6
    assert rows[6][1][:4] == ("STT", "Họ và tên", "Nam", "Nữ")  # merged down A6:A7, B6:B7
    header = find_header(rows)
    assert header is not None and header.row == 7
    births = [(c.index, c.gender) for c in header.columns if c.field == "_birth"]
    assert births == [(2, "Nam"), (3, "Nữ")]


def test_two_row_header_without_merges_carries_the_top_cell_right() -> None:
    columns = map_columns(["Họ và tên", "Năm sinh", "", "Đơn vị"], ["", "Nam", "Nữ", ""])
    assert [(c.field, c.gender) for c in columns] == [
        ("name", ""),
        ("_birth", "Nam"),
        ("_birth", "Nữ"),
        ("unit", ""),
    ]


def test_gender_tick_columns_under_gioi_tinh(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["Họ và tên", "Giới tính", None, "Năm sinh"],
        [None, "Nam", "Nữ", None],
        ["Lê Văn An", "x", None, 1970],
        ["Lê Thị Bình", None, "x", 1971],
    ]
    import_delegates(event, xlsx(tmp_path / "ds.xlsx", rows, ("B1:C1", "A1:A2", "D1:D2")))
    people = by_name(event)
    assert people["Lê Văn An"].gender == "Nam" and people["Lê Thị Bình"].gender == "Nữ"


def test_name_merged_over_family_and_given_columns(event: Event, tmp_path: Path) -> None:
    rows: Cells = [["STT", "Họ và tên", None, "Đơn vị"], [1, "Nguyễn Thị", "Hoa", "Sở Y tế"]]
    import_delegates(event, xlsx(tmp_path / "ds.xlsx", rows, ("B1:C1",)))
    assert list(by_name(event)) == ["Nguyễn Thị Hoa"]


def test_delegation_merged_down_its_rows(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["Họ và tên", "Đoàn", "Đơn vị"],
        ["Lê Văn An", "Đoàn huyện Võ Nhai", "xã La Hiên"],
        ["Lê Thị Bình", None, "xã Tràng Xá"],
    ]
    import_delegates(event, xlsx(tmp_path / "ds.xlsx", rows, ("B2:B3",)))
    assert {d.delegation for d in delegates.all_delegates(event)} == {"Đoàn huyện Võ Nhai"}


def test_delegation_column_wins_over_sections(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["Họ và tên", "Đơn vị", "Khối"],
        ["A. Khối doanh nghiệp"],
        ["Lê Văn An", "Gang thép", "Khối doanh nghiệp (DN)"],
        ["Lê Thị Bình", "Xi măng Quang Sơn", None],
    ]
    import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    people = by_name(event)
    assert people["Lê Văn An"].delegation == "Khối doanh nghiệp (DN)"
    assert people["Lê Thị Bình"].delegation == "Khối doanh nghiệp"  # the section fills a blank


# ------------------------------------------------------------------------ header variants
@pytest.mark.parametrize(
    "headers",
    [
        ["Họ và tên", "Đơn vị", "Chức vụ", "Năm sinh", "Thành phần", "Đoàn", "Ghế", "Mã"],
        [
            "HỌ VÀ TÊN",
            "ĐƠN VỊ CÔNG TÁC",
            "CHỨC DANH",
            "NGÀY SINH",
            "CƠ CẤU",
            "KHỐI",
            "VỊ TRÍ NGỒI",
            "MÃ",
        ],
        [
            "Họ tên",
            "Cơ quan",
            "Chức danh",
            "Năm  sinh",
            "Danh hiệu",
            "Khối",
            "Vị trí ngồi",
            "Mã ĐB",
        ],
        ["Full name", "Unit", "Position", "Year of birth", "Category", "Delegation", "Seat", "ID"],
        ["ho va ten", "don vi cong tac", "chuc vu", "nam sinh", "thanh phan", "doan", "ghe", "ma"],
    ],
)
def test_header_variants(event: Event, tmp_path: Path, headers: list[str]) -> None:
    row = ["Vũ Thị Thuý", "Sở Tư pháp", "Chuyên viên", 1988, "Khách mời", "Khối sở", "B12", "TN-7"]
    import_delegates(event, csv_file(tmp_path / "ds.csv", [headers, row]))
    (d,) = delegates.all_delegates(event)
    assert (d.name, d.unit, d.position, d.birth_year, d.category) == tuple(row[:5])
    assert (d.delegation, d.seat, d.external_id) == ("Khối sở", "B12", "TN-7")


def test_all_fields(event: Event, tmp_path: Path) -> None:
    headers = ["Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Tôn giáo", "Chức vụ",
               "Đơn vị", "Đoàn", "Thành phần", "Ghế", "Điện thoại", "Mã"]  # fmt: skip
    row = ["Nông Thị Mây", "nữ", "05/11/1979", "Tày", "Phật giáo", "Giáo viên",
           "Trường THPT Định Hóa", "Đoàn huyện Định Hóa", "Điển hình tiên tiến", "C03",
           912345678, 41]  # fmt: skip
    import_delegates(event, xlsx(tmp_path / "ds.xlsx", [headers, row]))
    (d,) = delegates.all_delegates(event)
    assert (d.gender, d.birth_year, d.birth_date) == ("Nữ", 1979, "1979-11-05")
    assert (d.ethnicity, d.religion, d.position) == ("Tày", "Phật giáo", "Giáo viên")
    assert (d.unit, d.delegation, d.category, d.seat) == (
        "Trường THPT Định Hóa",
        "Đoàn huyện Định Hóa",
        "Điển hình tiên tiến",
        "C03",
    )
    assert d.phone == "0912345678"  # Excel ate the leading zero of a number
    assert d.external_id == "41"


# ------------------------------------------------------------------------ CSV encodings
LIST: Cells = [
    ["DANH SÁCH ĐẠI BIỂU"],
    [],
    ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị"],
    [1, "Nguyễn Thị Hoà", "Nữ", 1980, "Sở Lao động, Thương binh và Xã hội"],
    [2, "Đặng   Văn  Ưng ", "Nam", 1966, "Sở Văn hóa, Thể thao và Du lịch"],
]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1258", "nfd"])
def test_csv_encodings_and_separators(
    event: Event, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = tmp_path / "ds.csv"
    buffer = tmp_path / "plain.csv"
    csv_file(buffer, LIST, encoding="utf-8", delimiter=delimiter)
    text = buffer.read_text(encoding="utf-8")
    if encoding == "cp1258":
        path.write_bytes(cp1258(text))
    elif encoding == "nfd":
        path.write_bytes(unicodedata.normalize("NFD", text).encode("utf-8"))
    else:
        path.write_bytes(text.encode(encoding))
    report = import_delegates(event, path)
    assert report.added == 2 and report.skipped == []
    people = by_name(event)
    assert sorted(people) == ["Nguyễn Thị Hoà", "Đặng Văn Ưng"]  # NFC, spaces collapsed
    for name in people:
        assert unicodedata.is_normalized("NFC", name)
    assert people["Nguyễn Thị Hoà"].unit == "Sở Lao động, Thương binh và Xã hội"


def test_lookalike_eth_is_stored_as_d_with_stroke(event: Event, tmp_path: Path) -> None:
    import_delegates(event, csv_file(tmp_path / "ds.csv", [["Họ và tên"], ["ÐẶNG THỊ HOA"]]))
    (d,) = delegates.all_delegates(event)  # re-cased, as typed kept (with Đ, not the eth)
    assert (d.name, d.name_original) == ("Đặng Thị Hoa", "ĐẶNG THỊ HOA")


# ------------------------------------------------------------------------ re-import, dry run
def test_reimport_updates_in_place_and_keeps_the_checkin(event: Event, tmp_path: Path) -> None:
    first = csv_file(
        tmp_path / "v1.csv",
        [
            ["Họ và tên", "Năm sinh", "Đơn vị", "Chức vụ"],
            ["Nguyen Thi Hoa", 1980, "Sở Y tế", "Bác sĩ"],
            ["Trần Văn Đức", 1961, "Sở Nội vụ", ""],
        ],
    )
    import_delegates(event, first)
    before = by_name(event)["Nguyen Thi Hoa"]
    assert Desk(event).scan(before.code or "").verdict == ADMITTED

    corrected = csv_file(
        tmp_path / "v2.csv",
        [
            ["Họ và tên", "Năm sinh", "Đơn vị", "Chức vụ"],
            ["Nguyễn Thị Hoa", 1980, "Sở Y tế", "Trưởng khoa"],  # accents fixed, new position
            ["Trần Văn Đức", 1961, "Sở Nội vụ", ""],
            ["Lê Văn Mới", 1990, "Sở Xây dựng", ""],
        ],
    )
    report = import_delegates(event, corrected)
    assert (report.added, report.updated, report.unchanged) == (1, 1, 1)
    assert report.updated_names == [("Nguyễn Thị Hoa", ["name", "position"])]
    after = by_name(event)["Nguyễn Thị Hoa"]
    assert after.id == before.id and after.code == before.code
    assert after.position == "Trưởng khoa"
    assert after.checked_in_at == before_checkin(event, before.id)
    assert after.checked_in_at is not None
    assert delegates.count(event) == 3


def before_checkin(event: Event, delegate_id: int) -> str | None:
    row = event.conn.execute(
        "select checked_in_at from attendance where delegate_id = ?", (delegate_id,)
    ).fetchone()
    return row[0] if row else None


def test_reimport_by_external_id_follows_a_changed_unit(event: Event, tmp_path: Path) -> None:
    rows: Cells = [["Mã", "Họ và tên", "Đơn vị"], ["TN-1", "Lê Văn An", "Sở Y tế"]]
    import_delegates(event, csv_file(tmp_path / "a.csv", rows))
    rows[1][2] = "Sở Tài chính"
    report = import_delegates(event, csv_file(tmp_path / "b.csv", rows))
    assert (report.added, report.updated) == (0, 1)
    (d,) = delegates.all_delegates(event)
    assert d.unit == "Sở Tài chính"


def test_dry_run_writes_nothing(event: Event, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "ds.xlsx", MESSY, MESSY_MERGES)
    journal = journal_rows(event)
    report = import_delegates(event, path, dry_run=True)
    assert report.added == 5 and report.dry_run
    assert delegates.count(event) == 0
    assert journal_rows(event) == journal


def test_a_real_import_journals_once(event: Event, tmp_path: Path) -> None:
    journal = journal_rows(event)
    import_delegates(event, xlsx(tmp_path / "ds.xlsx", MESSY, MESSY_MERGES))
    kinds = [r[0] for r in event.conn.execute("select kind from journal order by seq").fetchall()][
        journal:
    ]
    assert kinds == ["delegates.imported"]


# ------------------------------------------------------------------------ rows that can't be read
def test_bad_rows_are_reported_with_row_and_column(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["DANH SÁCH"],
        ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị"],
        [1, "Lê Văn An", "Nam", "198O", "Sở Y tế"],  # letter O for zero
        [2, "Lê Thị Bình", "?", 1985, "Sở Y tế"],  # unclear gender: kept, warned
        [3, "Lê Văn Cường", "Nam", 1890, "Sở Y tế"],  # implausible year
        [4, None, "Nam", 1970, "Sở Xây dựng"],  # data but no name
        [5, "Lê Thị Bình", "Nữ", 1985, "Sở Y tế"],  # the same person again
        [6, "Lê Văn Dũng", "Nam", 1979, "Sở Y tế"],
    ]
    path = csv_file(tmp_path / "ds.csv", rows)
    report = import_delegates(event, path)
    # An unreadable or implausible birth year is a cosmetic field: the delegate is imported
    # with the year empty and a warning (they used to be dropped, and met "KHÔNG CÓ TRONG
    # DANH SÁCH" at the door).
    assert report.added == 4
    assert [(s.row, s.column, s.key) for s in report.skipped] == [
        (6, "Họ và tên", "import.no_name"),
        (7, "", "import.duplicate_row"),
    ]
    assert report.skipped[1].params == {"first": 4}
    assert [(w.row, w.column, w.key, w.params) for w in report.warnings] == [
        (3, "Năm sinh", "import.bad_year", {"value": "198O"}),
        (4, "Giới tính", "import.bad_gender", {"value": "?"}),
        (5, "Năm sinh", "import.bad_year", {"value": "1890"}),
    ]
    people = by_name(event)
    assert people["Lê Thị Bình"].gender == ""
    assert sorted(people) == ["Lê Thị Bình", "Lê Văn An", "Lê Văn Cường", "Lê Văn Dũng"]
    assert (people["Lê Văn An"].birth_year, people["Lê Văn An"].gender) == (None, "Nam")
    assert people["Lê Văn Cường"].birth_year is None


@pytest.mark.parametrize(
    "value,expected",
    [
        ("Nam", "Nam"),
        ("NỮ", "Nữ"),
        ("nu", "Nữ"),
        ("nữ", "Nữ"),
        (unicodedata.normalize("NFD", "Nữ"), "Nữ"),
        ("M", "Nam"),
        ("F", "Nữ"),
    ],
)
def test_gender_values(event: Event, tmp_path: Path, value: str, expected: str) -> None:
    rows: Cells = [["Họ và tên", "Giới tính"], ["Lê An", value]]
    import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    assert delegates.all_delegates(event)[0].gender == expected


def test_lone_nu_tick_column_means_men_elsewhere(event: Event, tmp_path: Path) -> None:
    rows: Cells = [["Họ và tên", "Nữ"], ["Lê Văn An", ""], ["Lê Thị Bình", "x"]]
    import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    people = by_name(event)
    assert (people["Lê Văn An"].gender, people["Lê Thị Bình"].gender) == ("Nam", "Nữ")


def test_position_chu_tich_is_a_delegate_not_a_signature(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["Họ và tên", "Chức vụ"],
        ["Lê Văn An", "Chủ tịch"],
        ["Lê Văn Bình", "Giám đốc"],
    ]
    import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    assert delegates.count(event) == 2


# ------------------------------------------------------------------------ unreadable files
def _refuses(event: Event, path: Path, key: str, **kwargs: Any) -> DaihoiError:
    journal = journal_rows(event)
    with pytest.raises(DaihoiError) as caught:
        import_delegates(event, path, **kwargs)
    assert caught.value.key == key
    assert delegates.count(event) == 0 and journal_rows(event) == journal
    return caught.value


def test_missing_file(event: Event, tmp_path: Path) -> None:
    _refuses(event, tmp_path / "none.xlsx", "import.missing")


@pytest.mark.parametrize("name", ["ds.xls", "ds.txt", "ds.ods", "ds"])
def test_wrong_extension(event: Event, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Họ và tên\nLê An\n", encoding="utf-8")
    _refuses(event, path, "import.unsupported")


@pytest.mark.parametrize(
    "content", [b"", b"not a zip at all", b"PK\x03\x04 truncated", b"\x00" * 1000]
)
def test_corrupt_xlsx(event: Event, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(content)
    error = _refuses(event, path, "import.unreadable")
    assert error.params["file"] == str(path) and error.params["reason"]


def test_truncated_real_xlsx(event: Event, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "ds.xlsx", MESSY, MESSY_MERGES)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _refuses(event, path, "import.unreadable")


def test_no_header(event: Event, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH"], ["Lê Văn An", 1970], ["Lê Thị Bình", 1971]])
    _refuses(event, path, "import.no_header")
    _refuses(event, csv_file(tmp_path / "ds.csv", [["a", "b"], ["1", "2"]]), "import.no_header")


def test_sheets(event: Event, tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Ghi chú"
    book.active.append(["Danh sách gửi kèm công văn"])
    second = book.create_sheet("Đại biểu")
    second.append(["Họ và tên", "Năm sinh"])
    second.append(["Lê Văn An", 1970])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    error = _refuses(event, path, "import.no_sheet", sheet="Khác")
    assert error.params["sheets"] == "Ghi chú, Đại biểu"
    _refuses(event, path, "import.no_header", sheet="Ghi chú")
    assert import_delegates(event, path).added == 1  # the first sheet with a header
    assert import_delegates(event, path, sheet="Đại biểu").unchanged == 1


# ------------------------------------------------------------------------ property
CELL = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(min_value=-5, max_value=300_000),
    st.sampled_from(["Nam", "Nữ", "x", "(1)", "I.", "Tổng cộng: 3", "KT. CHỦ TỊCH", "1980",
                     "12/03/1980", "31/02/1980", "Đoàn huyện Đại Từ", "  "]),
)  # fmt: skip
HEADER_ROW = ("STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị", "Đoàn", "Điện thoại")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELL, min_size=0, max_size=8), max_size=12))
def test_random_cells_never_crash_the_parser(body: list[list[Any]]) -> None:
    rows = [(1, HEADER_ROW)] + [(n, tuple(r)) for n, r in enumerate(body, start=2)]
    header = find_header(rows)
    assert isinstance(header, Header)
    parsed = parse_rows(rows, header, "ds.csv")
    rows_seen = {r["source_row"] for r in parsed.records} | {s.row for s in parsed.skipped}
    assert len(rows_seen) == len(parsed.records) + len(parsed.skipped)  # one fate per row
    for record in parsed.records:
        assert record["name"] == clean(record["name"]) and record["name"]
        assert any(ch.isalpha() for ch in record["name"])
        year = record.get("birth_year")
        assert year is None or 1900 <= year <= datetime.now().year
        assert record.get("gender", "") in ("", "Nam", "Nữ")


NAME = st.text(alphabet="AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYàáảãạăằắẳẵặâầấẩẫậđêềếểễệ", min_size=2)
# Real family names, including the ones that fold like a heading ("Đoàn huyện …") or a total
# ("Tống Công" / "tổng cộng"), and middle and given names that complete those headings.
FAMILY = st.sampled_from(["Đoàn", "Tống", "Nguyễn", "Lê", "Trần", "Khổng", "Bàn", "Cù"])
GIVEN = st.sampled_from(
    ["Phương", "Trường", "Huyền", "Quân", "Công", "Cộng", "Số", "Sơn", "Anh", "Trang", "Thị",
     "Văn", "Xã", "Huyện", "Khối", "Các", "Thành", "Bộ", "Hoa"]
)  # fmt: skip
PERSON = st.builds(
    lambda family, rest, caps: (
        (" ".join([family, *rest])).upper() if caps else " ".join([family, *rest])
    ),
    FAMILY,
    st.lists(GIVEN, min_size=1, max_size=3),
    st.booleans(),
)
OTHER = st.one_of(
    st.just(""),
    st.integers(min_value=1, max_value=99_999_999_999).map(str),
    st.sampled_from(["1985", "0987654321", "Sở Y tế", "Tổng công ty Thép Việt Nam", "Nam", "x"]),
)
STT = st.one_of(st.just(""), st.integers(min_value=1, max_value=500).map(str))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(STT, PERSON, OTHER, OTHER), min_size=1, max_size=8))
def test_no_row_naming_someone_disappears_silently(
    people: list[tuple[str, str, str, str]],
) -> None:
    """Every row with a letter in the name cell is imported, skipped or reported, however its
    name folds ("Đoàn Phương Anh" ~ "Đoàn phường", "Tống Công Thành" ~ "Tổng cộng") and
    whatever the other cells hold; one with a number in STT is never a heading or a total."""
    rows: list[Row] = [(1, ("STT", "Họ và tên", "Năm sinh", "Đơn vị"))]
    rows += [(n, person) for n, person in enumerate(people, start=2)]
    header = find_header(rows)
    assert header is not None
    parsed = parse_rows(rows, header, "ds.csv")
    imported = {r["source_row"] for r in parsed.records}
    reported = {s.row for s in parsed.skipped} | {w.row for w in parsed.warnings}
    for number, (stt, name, _, _) in enumerate(people, start=2):
        assert number in imported | reported, (number, stt, name)
        if stt:  # numbered: a person, whatever else may be wrong with the row
            kinds = {s.key for s in parsed.skipped if s.row == number}
            assert not kinds & {"import.section_or_name", "import.total_row"}, (number, name)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(NAME, st.text(max_size=20)), min_size=1, max_size=6, unique_by=lambda p: p[0]
    )
)
def test_a_person_row_is_imported_whatever_the_other_cells(people: list[tuple[str, str]]) -> None:
    """A capitalised name with a unit (any text) is a delegate: never dropped as a section,
    a total or a footer."""
    rows = [(1, ("Họ và tên", "Đơn vị", "Ghi chú"))]
    rows += [(n, (name.capitalize(), "Sở Y tế", note)) for n, (name, note) in enumerate(people, 2)]
    header = find_header(rows)
    assert header is not None
    parsed = parse_rows(rows, header, "ds.csv")
    skipped_dupes = [s for s in parsed.skipped if s.key == "import.duplicate_row"]
    assert len(parsed.records) + len(skipped_dupes) == len(people)


# ------------------------------------------------------------------------ headings and headers
def test_heading_rows_with_counts_and_lower_case_words(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["STT", "Họ và tên", "Đơn vị", "Số lượng"],
        ["I", "KHỐI CÁC SỞ (2 đại biểu)", None, 2],  # a count beside a heading
        [1, "Nguyễn thị Hoa", "Sở Y tế", None],  # sloppy case, still a person
        [2, "Lê Văn An", "Sở Nội vụ", None],
        [None, "Lãnh đạo tỉnh"],  # lower-case word that is no name part: a heading
        [3, "Trần Văn Đức", "Tỉnh ủy", None],
        [None, "Nguyễn thị Mai"],  # name only, lower-case name part: a person
    ]
    report = import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    assert report.skipped == []
    people = by_name(event)
    assert sorted(people) == ["Lê Văn An", "Nguyễn thị Hoa", "Nguyễn thị Mai", "Trần Văn Đức"]
    assert people["Nguyễn thị Hoa"].delegation == "KHỐI CÁC SỞ"
    assert people["Trần Văn Đức"].delegation == "Lãnh đạo tỉnh"


@pytest.mark.parametrize(
    "text,field",
    [
        ("Họ và tên (2)", "name"),
        ("Năm sinh (dương lịch)", "_birth"),
        ("Họ và tên đại biểu dự Đại hội", "name"),
        ("Đơn vị công tác hiện nay", "unit"),
        ("Tên đơn vị", None),  # a short alias only matches exactly
        ("Ghi chú", None),
        ("", None),
    ],
)
def test_header_field_variants(text: str, field: str | None) -> None:
    assert header_field(text) == field


# ------------------------------------------------------------------------ family names, namesakes
def test_doan_family_names_are_people_not_sections(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["STT", "Họ và tên", "Năm sinh", "Điện thoại"],
        [1, "Nguyễn Văn An", 1970, "0912345678"],
        [2, "Đoàn Phương Anh", 1985, "0987654321"],  # "Đoàn phường …" once
        [3, "Lê Thị Hoa", 1990, None],
        [4, "Đoàn Trường Sơn", 1975, None],  # "Đoàn trường …"
        [None, "Đoàn Huyền Trang", 1988, None],  # no STT, a year: still a person
        [None, "ĐOÀN QUÂN"],  # alone: read as a heading, but reported
        [5, "Trần Văn Nam", 1972, None],
    ]
    report = import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    people = by_name(event)
    assert sorted(people) == sorted(
        ["Nguyễn Văn An", "Đoàn Phương Anh", "Lê Thị Hoa", "Đoàn Trường Sơn", "Đoàn Huyền Trang",
         "Trần Văn Nam"]
    )  # fmt: skip
    assert people["Lê Thị Hoa"].delegation == ""
    assert [(s.row, s.key, s.params) for s in report.skipped] == [
        (7, "import.section_or_name", {"text": "ĐOÀN QUÂN"})
    ]
    assert people["Trần Văn Nam"].delegation == "ĐOÀN QUÂN"


def test_tong_family_name_and_tong_cong_ty_are_not_totals(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["STT", "Họ và tên", "Đơn vị", "Năm sinh"],
        [1, "Tống Công Thành", "Sở Y tế", 1970],
        [None, "Nguyễn Văn Bình", "Tổng công ty Thép Việt Nam", 1975],
        [None, "Tống Công", None, 1980],
        [3, "Lê Thị Hoa", "Sở Tài chính", 1980],
        [None, "Tổng cộng", None, 4],  # the real total: dropped quietly
        ["TONG SO: 4"],
        [None, "Cộng: 4", "Sở Nội vụ"],  # a total naming a unit: reported
    ]
    report = import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    assert sorted(by_name(event)) == sorted(
        ["Tống Công Thành", "Nguyễn Văn Bình", "Tống Công", "Lê Thị Hoa"]
    )
    assert [(s.row, s.key) for s in report.skipped] == [(8, "import.total_row")]


def test_namesakes_in_two_delegations_stay_two_people(event: Event, tmp_path: Path) -> None:
    """A list with no unit and no birth year: the delegation tells namesakes apart."""
    first = [["STT", "Họ và tên", "Chức vụ"], ["I", "Đoàn huyện Đại Từ"],
             [1, "Nguyễn Văn Hùng", "Chủ tịch UBND xã"]]  # fmt: skip
    second = [["STT", "Họ và tên", "Chức vụ"], ["I", "Đoàn huyện Phú Lương"],
              [1, "Nguyễn Văn Hùng", "Bí thư Đoàn xã"]]  # fmt: skip
    import_delegates(event, csv_file(tmp_path / "a.csv", first))
    report = import_delegates(event, csv_file(tmp_path / "b.csv", second))
    assert (report.added, report.updated) == (1, 0)
    found = sorted((d.delegation, d.position) for d in delegates.all_delegates(event))
    assert found == [
        ("Đoàn huyện Phú Lương", "Bí thư Đoàn xã"),
        ("Đoàn huyện Đại Từ", "Chủ tịch UBND xã"),
    ]
    again = import_delegates(event, csv_file(tmp_path / "a.csv", first))
    assert (again.added, again.unchanged) == (0, 1)


def test_an_update_only_import_journals_its_file_and_old_and_new_values(
    event: Event, tmp_path: Path
) -> None:
    header = ["STT", "Họ và tên", "Đơn vị", "Năm sinh", "Ghế"]
    import_delegates(
        event, csv_file(tmp_path / "a.csv", [header, [1, "Lê Văn An", "Sở Y tế", 1970, "A1"]])
    )
    import_delegates(
        event, csv_file(tmp_path / "b.csv", [header, [1, "Lê Văn An", "Sở Y tế", 1970, "B7"]])
    )
    payloads = [r["payload"] for r in event.journal_rows("delegates.imported")]
    assert payloads[0]["source"] == "a.csv"
    (delegate_id,) = [d.id for d in delegates.all_delegates(event)]
    assert payloads[1] == {
        "added": 0,
        "source": "b.csv",
        "updated": [[delegate_id, {"seat": ["A1", "B7"]}]],
    }


# ------------------------------------------------------------------------ property: layouts
HONORIFIC = st.sampled_from(["", "Ông ", "Bà ", "Đ/c ", "Đại tá ", "TS. "])
ROLE = st.sampled_from(["", " (Trưởng đoàn)", "*", " - Phó trưởng đoàn"])
DELEGATION_HEADING = st.sampled_from(
    ["I. KHỐI CÁC SỞ, BAN, NGÀNH", "Đoàn huyện Đại Từ", "II. Đoàn thành phố Sông Công"]
)
CATEGORY_HEADING = st.sampled_from(["a) Đại biểu đương nhiên", "Khách mời", "Đại biểu bầu"])
# One list: a sequence of people and headings; each person (family, rest, honorific, role,
# caps, unit or blank for fill-down).
ITEM = st.one_of(
    st.tuples(st.just("person"), FAMILY, st.lists(GIVEN, min_size=1, max_size=3), HONORIFIC,
              ROLE, st.booleans(), st.sampled_from(["Sở Y tế", "Sở Nội vụ", ""])),
    st.tuples(st.just("delegation"), DELEGATION_HEADING),
    st.tuples(st.just("category"), CATEGORY_HEADING),
    st.tuples(st.just("total")),
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(ITEM, min_size=1, max_size=12),
    st.sampled_from(["one-row", "two-row", "split-2", "split-3"]),
)
def test_no_person_is_dropped_or_invented_across_layouts(
    items: list[tuple[Any, ...]], layout: str
) -> None:
    """Every numbered row naming a person is read as exactly one delegate, with the name
    split_name finds, or skipped and reported; no heading or total becomes a person."""
    from data.names import split_name

    if layout == "one-row":
        head: list[tuple[str, ...]] = [("STT", "Họ và tên", "Năm sinh", "Đơn vị")]
    elif layout == "two-row":
        head = [("STT", "Họ và tên", "Năm sinh", "Năm sinh", "Đơn vị"),
                ("STT", "Họ và tên", "Nam", "Nữ", "Đơn vị")]  # fmt: skip
    elif layout == "split-2":
        head = [("STT", "Họ và tên đệm", "Tên", "Năm sinh", "Đơn vị")]
    else:
        head = [("STT", "Họ", "Tên đệm", "Tên", "Năm sinh", "Đơn vị")]
    rows: list[Row] = [(n, h) for n, h in enumerate(head, start=1)]
    expected: dict[int, str] = {}
    stt = 0
    people_seen = 0
    for item in items:
        n = len(rows) + 1
        if item[0] == "person":
            _, family, rest, honorific, role, caps, unit = item
            stt += 1
            people_seen += 1
            words = [family, *rest]
            full = " ".join(words).upper() if caps else " ".join(words)
            year = str(1960 + stt % 40)
            if layout == "one-row":
                cells: tuple[str, ...] = (str(stt), honorific + full + role, year, unit)
            elif layout == "two-row":
                cells = (str(stt), honorific + full + role, year, "", unit)
            elif layout == "split-2":
                given = full.split()[-1]
                first = " ".join(full.split()[:-1]) or given
                cells = (str(stt), honorific + first, given + role, year, unit)
            else:
                w = full.split()
                cells = (str(stt), honorific + w[0], " ".join(w[1:-1]), w[-1] + role, year, unit)
            rows.append((n, cells))
            parts = split_name(" ".join(c for c in cells[1:-2] if c) if "split" in layout
                               else cells[1])  # fmt: skip
            expected[n] = parts.name
        elif item[0] == "total":
            rows.append((n, (f"Cộng: {people_seen}",)))
        else:
            rows.append((n, ("", item[1])))
            stt = 0 if item[0] == "delegation" else stt
    header = find_header(rows)
    assert header is not None
    parsed = parse_rows(rows, header, "ds.csv")
    by_row = {r["source_row"]: r for r in parsed.records}
    reported = {s.row for s in parsed.skipped}
    assert set(by_row) <= set(expected)  # nothing invented from a heading or a total
    for n, name in expected.items():
        assert n in by_row or n in reported, (n, rows[n - 1])
        if n in by_row:
            assert by_row[n]["name"] == name
    if layout == "two-row":
        assert all(r.get("gender") == "Nam" for r in parsed.records)
