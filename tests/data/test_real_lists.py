"""Lists shaped like those units really send (issue 12): one generated file per class, every
person and every field known, so each test says exactly what is read, warned or refused."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from console.cli import cli
from data import delegates
from data.importing import _birth, import_delegates
from data.store import Event

from .test_importing import Cells, csv_file, xlsx


def people(event: Event) -> dict[str, delegates.Delegate]:
    return {d.name: d for d in delegates.all_delegates(event)}


def fields(d: delegates.Delegate, *names: str) -> tuple[Any, ...]:
    return tuple(getattr(d, n) for n in names)


# ------------------------------------------------------------------------ names
def test_split_name_columns_keep_every_part(event: Event, tmp_path: Path) -> None:
    """ "Họ" + "Tên đệm" + "Tên": the middle name used to be dropped ("Công Tằng Tôn Nữ Thảo")."""
    rows: Cells = [
        ["STT", "Họ", "Tên đệm", "Tên", "Năm sinh", "Đơn vị"],
        [1, "Công Tằng Tôn Nữ", "Thị Phương", "Thảo", 1980, "Sở Văn hóa"],
        [2, "Nguyễn", None, "Trãi", 1975, "Sở Nội vụ"],
        [3, "Y Thanh", "Hà Niê", "Kđăm", 1969, "xã Hùng Sơn"],
    ]
    report = import_delegates(event, xlsx(tmp_path / "ds.xlsx", rows))
    assert (report.added, report.skipped, report.warnings) == (3, [], [])
    found = people(event)
    assert sorted(found) == sorted(
        ["Công Tằng Tôn Nữ Thị Phương Thảo", "Nguyễn Trãi", "Y Thanh Hà Niê Kđăm"]
    )
    assert fields(found["Nguyễn Trãi"], "birth_year", "unit") == (1975, "Sở Nội vụ")
    name = next(c for c in report.understood.columns if c.field == "name")
    assert (name.header, name.letters) == ("Họ + Tên đệm + Tên", "B+C+D")


def test_ho_va_ten_dem_plus_ten(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["Họ và tên đệm", "Tên", "Giới tính", "Đơn vị"],
        ["Nguyễn Thị", "Hoa", "Nữ", "Sở Y tế"],
        ["Lê Văn", "An", "Nam", "Sở Tài chính"],
    ]
    import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    found = people(event)
    assert fields(found["Nguyễn Thị Hoa"], "gender", "unit") == ("Nữ", "Sở Y tế")
    assert fields(found["Lê Văn An"], "gender", "unit") == ("Nam", "Sở Tài chính")
    assert len(found) == 2


def test_ho_va_ten_merged_over_ho_dem_and_ten(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["STT", "Họ và tên", None, "Năm sinh", None, "Đơn vị"],
        [None, "Họ đệm", "Tên", "Nam", "Nữ", None],
        [1, "Trần Văn", "Đức", 1961, None, "Sở Nội vụ"],
        [2, "Hoàng Thị", "Mai", None, 1990, "Sở Y tế"],
    ]
    merges = ("A1:A2", "B1:C1", "D1:E1", "F1:F2")
    report = import_delegates(event, xlsx(tmp_path / "ds.xlsx", rows, merges))
    assert report.understood.header_rows == [1, 2]
    found = people(event)
    assert sorted(found) == ["Hoàng Thị Mai", "Trần Văn Đức"]
    assert fields(found["Trần Văn Đức"], "gender", "birth_year") == ("Nam", 1961)
    assert fields(found["Hoàng Thị Mai"], "gender", "birth_year") == ("Nữ", 1990)


NAME_CELLS: Cells = [
    ["STT", "Họ và tên", "Năm sinh", "Đơn vị"],
    [1, "Đại tá, TS. NGUYỄN VĂN AN (Trưởng đoàn)", 1970, "Bộ CHQS tỉnh"],
    [2, "Bà Trần Thị Hoa*", 1980, "Sở Y tế"],
    [3, "Ông Văn Tùng", 1965, "Sở Xây dựng"],  # Ông is his family name
    [4, "Đ/c Lê\u200b Văn\u00a0Bình - Phó trưởng đoàn", 1975, "Sở Nội vụ"],
    [5, "Nguye\u0303\u0302n Thị Lan", 1988, "Sở Tư pháp"],  # tone typed before the hat
    [6, "Nguyễn Thị Thúy", 1990, "Sở Y tế"],
    [7, "Nguyễn Thị Thủy", 1990, "Sở Y tế"],  # another person: only the tone differs
]


def test_honorifics_roles_caps_and_invisible_characters(event: Event, tmp_path: Path) -> None:
    report = import_delegates(event, csv_file(tmp_path / "ds.csv", NAME_CELLS))
    assert (report.added, report.skipped) == (7, [])
    found = people(event)
    assert sorted(found) == sorted(
        ["Nguyễn Văn An", "Trần Thị Hoa", "Ông Văn Tùng", "Lê Văn Bình", "Nguyễn Thị Lan",
         "Nguyễn Thị Thúy", "Nguyễn Thị Thủy"]
    )  # fmt: skip
    an = found["Nguyễn Văn An"]
    assert fields(an, "honorific", "role", "name_original") == (
        "Đại tá, TS.",
        "Trưởng đoàn",
        "Đại tá, TS. NGUYỄN VĂN AN (Trưởng đoàn)",
    )
    assert fields(found["Trần Thị Hoa"], "honorific", "role", "name_original") == ("Bà", "*", "")
    assert fields(found["Ông Văn Tùng"], "honorific", "role") == ("", "")
    assert fields(found["Lê Văn Bình"], "honorific", "role") == ("Đ/c", "Phó trưởng đoàn")
    assert (report.understood.honorifics, report.understood.roles) == (3, 3)
    assert report.understood.recased == 1


def test_a_corrected_list_reimports_onto_the_same_people(event: Event, tmp_path: Path) -> None:
    import_delegates(event, csv_file(tmp_path / "v1.csv", NAME_CELLS))
    before = {d.name: d.id for d in delegates.all_delegates(event)}
    corrected: Cells = [
        ["STT", "Họ và tên", "Năm sinh", "Đơn vị"],
        [1, "Nguyễn Văn An", 1970, "Bộ CHQS tỉnh"],  # honorific and note gone, re-cased
        [2, "TRẦN THỊ HOA", 1980, "Sở Y tế"],
        [3, "Ông Văn Tùng (dự khuyết)", 1965, "Sở Xây dựng"],
        [4, "Lê Văn Bình", 1975, "Sở Nội vụ"],
        [5, "Nguyễn Thị Lan", 1988, "Sở Tư pháp"],
        [6, "Nguyễn Thị Thuý", 1990, "Sở Y tế"],  # the old tone placement: the same name
        [7, "Nguyễn Thị Thủy", 1990, "Sở Y tế"],
    ]
    report = import_delegates(event, csv_file(tmp_path / "v2.csv", corrected))
    assert report.added == 0 and report.skipped == []
    after = {d.name: d.id for d in delegates.all_delegates(event)}
    assert after.pop("Nguyễn Thị Thuý") == before.pop("Nguyễn Thị Thúy")  # updated, not added
    assert after == before
    assert people(event)["Ông Văn Tùng"].role == "dự khuyết"


def test_namesakes_by_tone_are_two_people_and_a_true_copy_is_one(
    event: Event, tmp_path: Path
) -> None:
    rows: Cells = [
        ["Họ và tên", "Năm sinh", "Đơn vị"],
        ["Nguyễn Thị Thúy", 1990, "Sở Y tế"],
        ["Nguyễn Thị Thủy", 1990, "Sở Y tế"],
        ["NGUYỄN THỊ THỦY", 1990, "Sở Y tế"],  # the same as row 3, in capitals
    ]
    report = import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    assert report.added == 2
    assert [(s.row, s.key, s.params) for s in report.skipped] == [
        (4, "import.duplicate_row", {"first": 3})
    ]
    assert delegates.match_key("Nguyễn Thị Thúy", "Sở Y tế", 1990) != delegates.match_key(
        "Nguyễn Thị Thủy", "Sở Y tế", 1990
    )


# ------------------------------------------------------------------------ birth dates
@pytest.mark.parametrize(
    "raw,text,expected",
    [
        (datetime(1983, 4, 5), "1983-04-05", (1983, "1983-04-05")),
        (date(1983, 4, 5), "1983-04-05", (1983, "1983-04-05")),
        ("05/04/1983", "05/04/1983", (1983, "1983-04-05")),
        ("28/5/01", "28/5/01", (2001, "2001-05-28")),
        ("3/2/65", "3/2/65", (1965, "1965-02-03")),
        ("00/00/1983", "00/00/1983", (1983, None)),
        ("1983", "1983", (1983, None)),
        (1983, "1983", (1983, None)),
        (1983.0, "1983", (1983, None)),
        ("abc", "abc", None),
        ("31/02/1980", "31/02/1980", None),
        ("1890", "1890", None),
    ],
)
def test_birth_shapes(raw: Any, text: str, expected: tuple[int, str | None] | None) -> None:
    assert _birth(raw, text, date(2025, 9, 20)) == expected


def test_two_digit_years_follow_the_event_day() -> None:
    assert _birth("1/1/10", "1/1/10", date(2025, 9, 20)) == (2010, "2010-01-01")  # aged 15
    assert _birth("1/1/10", "1/1/10", date(2020, 9, 20)) == (1910, "1910-01-01")  # 10 or 110


def test_birth_dates_in_a_list(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["Họ và tên", "Ngày sinh", "Đơn vị"],
        ["Lê Văn An", datetime(1983, 4, 5), "Sở Y tế"],
        ["Lê Văn Bình", "28/5/01", "Đoàn Thanh niên"],
        ["Lê Văn Cường", "00/00/1983", "Sở Nội vụ"],
        ["Lê Văn Dũng", 1983.0, "Sở Tài chính"],
        ["Lê Văn Em", "abc", "Sở Xây dựng"],
        ["Lê Văn Giang", "31/02/1980", "Sở Công thương"],
    ]
    report = import_delegates(event, xlsx(tmp_path / "ds.xlsx", rows))
    assert (report.added, report.skipped) == (6, [])
    found = people(event)
    got = {n: (d.birth_year, d.birth_date) for n, d in found.items()}
    assert got == {
        "Lê Văn An": (1983, "1983-04-05"),
        "Lê Văn Bình": (2001, "2001-05-28"),
        "Lê Văn Cường": (1983, None),
        "Lê Văn Dũng": (1983, None),
        "Lê Văn Em": (None, None),
        "Lê Văn Giang": (None, None),
    }
    assert [(w.row, w.column, w.key, w.params) for w in report.warnings] == [
        (6, "Ngày sinh", "import.bad_year", {"value": "abc"}),
        (7, "Ngày sinh", "import.bad_year", {"value": "31/02/1980"}),
    ]


# ------------------------------------------------------------------------ gender
def test_gender_under_year_and_date_and_beside_other_sub_headers(
    event: Event, tmp_path: Path
) -> None:
    """ "Trình độ" over "Chuyên môn" | "Lý luận chính trị" used to hide the Nam/Nữ row."""
    rows: Cells = [
        ["STT", "Họ và tên", "Ngày sinh", None, "Trình độ", None, "Đơn vị"],
        [None, None, "Nam", "Nữ", "Chuyên môn", "Lý luận chính trị", None],
        [1, "Lê Văn An", "05/04/1970", None, "Thạc sĩ", "Cao cấp", "Sở Y tế"],
        [2, "Lê Thị Bình", None, "12/12/1985", "Đại học", "Trung cấp", "Sở Nội vụ"],
        [3, "Lê Thị Cúc", None, "abc", "Đại học", None, "Sở Tư pháp"],
    ]
    merges = ("A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:G2")
    report = import_delegates(event, xlsx(tmp_path / "ds.xlsx", rows, merges))
    assert report.understood.header_rows == [1, 2]
    found = people(event)
    assert fields(found["Lê Văn An"], "gender", "birth_date") == ("Nam", "1970-04-05")
    assert fields(found["Lê Thị Bình"], "gender", "birth_date") == ("Nữ", "1985-12-12")
    assert fields(found["Lê Thị Cúc"], "gender", "birth_year") == ("Nữ", None)
    assert [(w.row, w.key) for w in report.warnings] == [(5, "import.bad_year")]
    assert report.understood.notes == []


def test_a_list_without_gender_says_so_once(event: Event, tmp_path: Path) -> None:
    rows: Cells = [["Họ và tên", "Đơn vị"], ["Lê Văn An", "Sở Y tế"], ["Lê Thị Bình", "Sở Nội vụ"]]
    report = import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    assert [n.key for n in report.understood.notes] == ["import.no_gender"]
    assert report.warnings == []


def test_an_odd_gender_is_a_warning_not_a_lost_delegate(event: Event, tmp_path: Path) -> None:
    rows: Cells = [["Họ và tên", "Giới tính"], ["Lê Văn An", "Nam"], ["Lê Thị Bình", "khác"]]
    report = import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    assert report.added == 2
    assert [(w.row, w.column, w.key) for w in report.warnings] == [
        (3, "Giới tính", "import.bad_gender")
    ]
    assert people(event)["Lê Thị Bình"].gender == ""


# ------------------------------------------------------------------------ fill-down
def test_delegation_and_unit_written_once_per_group_fill_down(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["STT", "Họ và tên", "Đơn vị", "Đoàn"],
        [1, "Lê Văn An", "UBND huyện Đại Từ", "Đoàn huyện Đại Từ"],
        [2, "Lê Thị Bình", None, None],
        [3, "Lê Văn Cường", "xã Hùng Sơn", None],
        [4, "Trần Văn Đức", "UBND huyện Võ Nhai", "Đoàn huyện Võ Nhai"],
        [5, "Trần Thị Em", None, None],  # merged down D5:D6 below
        [6, "Trần Văn Giang", None, None],
    ]
    report = import_delegates(event, xlsx(tmp_path / "ds.xlsx", rows, ("D5:D7",)))
    found = people(event)
    got = {n: (d.unit, d.delegation) for n, d in found.items()}
    assert got == {
        "Lê Văn An": ("UBND huyện Đại Từ", "Đoàn huyện Đại Từ"),
        "Lê Thị Bình": ("UBND huyện Đại Từ", "Đoàn huyện Đại Từ"),
        "Lê Văn Cường": ("xã Hùng Sơn", "Đoàn huyện Đại Từ"),
        "Trần Văn Đức": ("UBND huyện Võ Nhai", "Đoàn huyện Võ Nhai"),
        "Trần Thị Em": ("UBND huyện Võ Nhai", "Đoàn huyện Võ Nhai"),
        "Trần Văn Giang": ("UBND huyện Võ Nhai", "Đoàn huyện Võ Nhai"),
    }
    assert report.understood.filled_down == 5  # 2 unit + 1 delegation cells, 2 units


# ------------------------------------------------------------------------ headings and totals
HEADINGS: Cells = [
    ["STT", "Họ và tên", "Năm sinh", "Đơn vị", "Thành phần"],
    ["I", "KHỐI CÁC SỞ, BAN, NGÀNH"],
    ["a)", "Đại biểu đương nhiên"],
    [1, "Nguyễn Văn An", 1970, "Sở Y tế", None],
    [2, "Nguyễn Thị Hoa", 1975, "Sở Nội vụ", None],
    ["b)", "Đại biểu là điển hình tiên tiến"],
    [1, "Lê Văn Bình", 1980, "Sở Tài chính", None],  # STT restarts
    [2, "Lê Thị Cúc", 1985, "Sở Xây dựng", "Anh hùng Lao động"],  # its own category wins
    ["Cộng: 4"],
    [2, "Đoàn huyện Bát Xát"],  # a number in STT, other cells empty: a heading
    [1, "Trần Văn Đức", 1960, "UBND huyện", None],
    [2, "Trần Thị Em", 1990, "xã Quang Kim", None],
    [None, "Khách mời"],
    [3, "Trần Văn Giang", 1955, "Hội Cựu chiến binh", None],
    ["Cộng: 2"],  # wrong: 3 people since the heading
    ["Tổng cộng: 8 đại biểu"],  # wrong: 7 in all
]


def test_headings_at_two_levels_and_totals_checked(event: Event, tmp_path: Path) -> None:
    report = import_delegates(event, csv_file(tmp_path / "ds.csv", HEADINGS))
    assert (report.added, report.skipped) == (7, [])
    found = people(event)
    got = {n: (d.delegation, d.category) for n, d in found.items()}
    assert got == {
        "Nguyễn Văn An": ("KHỐI CÁC SỞ, BAN, NGÀNH", "Đại biểu đương nhiên"),
        "Nguyễn Thị Hoa": ("KHỐI CÁC SỞ, BAN, NGÀNH", "Đại biểu đương nhiên"),
        "Lê Văn Bình": ("KHỐI CÁC SỞ, BAN, NGÀNH", "Đại biểu là điển hình tiên tiến"),
        "Lê Thị Cúc": ("KHỐI CÁC SỞ, BAN, NGÀNH", "Anh hùng Lao động"),
        "Trần Văn Đức": ("Đoàn huyện Bát Xát", ""),  # the delegation heading reset it
        "Trần Thị Em": ("Đoàn huyện Bát Xát", ""),
        "Trần Văn Giang": ("Đoàn huyện Bát Xát", "Khách mời"),
    }
    seen = report.understood
    assert seen.delegations == ["KHỐI CÁC SỞ, BAN, NGÀNH", "Đoàn huyện Bát Xát"]
    assert seen.categories == [
        "Đại biểu đương nhiên",
        "Đại biểu là điển hình tiên tiến",
        "Khách mời",
    ]
    assert [(w.row, w.key, w.params) for w in report.warnings] == [
        (15, "import.total_mismatch", {"text": "Cộng: 2", "said": 2, "read": 3}),
        (16, "import.total_mismatch", {"text": "Tổng cộng: 8 đại biểu", "said": 8, "read": 7}),
    ]


def test_a_roman_numbered_guests_heading_is_a_delegation(event: Event, tmp_path: Path) -> None:
    rows: Cells = [
        ["STT", "Họ và tên", "Đơn vị"],
        ["I.", "Đoàn huyện Đại Từ"],
        [1, "Lê Văn An", "xã Hùng Sơn"],
        [None, "XI. Khách mời"],
        [2, "Lê Thị Bình", "Báo Thái Nguyên"],
        ["Tổng cộng: 2"],
    ]
    report = import_delegates(event, csv_file(tmp_path / "ds.csv", rows))
    found = people(event)
    assert fields(found["Lê Thị Bình"], "delegation", "category") == ("Khách mời", "")
    assert fields(found["Lê Văn An"], "delegation", "category") == ("Đoàn huyện Đại Từ", "")
    assert report.warnings == []


# ------------------------------------------------------------------------ what the user sees
def test_the_command_line_says_what_it_understood(event: Event, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "ds.csv", HEADINGS)
    db = str(tmp_path / "event.db")
    event.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["import", "delegates", str(path), "--db", db, "--dry-run"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    summary = lines.index("Thêm 7, cập nhật 0, giữ nguyên 0, bỏ qua 0 dòng.")
    assert lines[summary - 5 : summary] == [
        "Đã đọc: dòng tiêu đề 1.",
        "Cột: họ tên ← Họ và tên (B); năm sinh ← Năm sinh (C); đơn vị ← Đơn vị (D); "
        "thành phần ← Thành phần (E).",
        "Đoàn/khối theo dòng tiêu đề mục (2): KHỐI CÁC SỞ, BAN, NGÀNH, Đoàn huyện Bát Xát.",
        "Thành phần theo dòng tiêu đề mục (3): Đại biểu đương nhiên, Đại biểu là điển hình "
        "tiên tiến, Khách mời.",
        "Danh sách không ghi giới tính: mọi đại biểu được nhập với giới tính để trống.",
    ]
    assert f"{path}, dòng 15: dòng tổng “Cộng: 2” ghi 2 người nhưng đọc được 3: hãy kiểm tra" in (
        result.stderr
    )
    args = ["--lang", "en", "import", "delegates", str(path), "--db", db, "--dry-run", "--json"]
    result = runner.invoke(cli, args)
    data = json.loads(result.stdout)
    assert (data["added"], data["updated"], data["unchanged"], data["skipped"]) == (7, 0, 0, [])
    seen = data["understood"]
    assert seen["header_rows"] == [1]
    assert seen["delegations"] == ["KHỐI CÁC SỞ, BAN, NGÀNH", "Đoàn huyện Bát Xát"]
    assert seen["columns"][0] == {"field": "name", "header": "Họ và tên", "letters": "B"}
    assert seen["notes"] == [
        "The list gives no gender: every delegate was imported with the gender empty."
    ]
    assert [w["key"] for w in data["warnings"]] == ["import.total_mismatch"] * 2
    assert "Columns: name ← Họ và tên (B)" in result.stderr
