"""Column layouts mapped by hand: a list the header names do not explain imports once mapped,
the mapping is remembered (with its journal row) and used by the next list of the same header,
from any caller; the preview's rows say what each delegate row becomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from data import delegates, layouts
from data.errors import DaihoiError
from data.importing import import_delegates, raw_sheet
from data.store import Event

from .test_importing import csv_file, xlsx

ODD = [
    ["DANH SÁCH CÁN BỘ"],
    ["Số", "Tên cán bộ", "Nơi ở", "Sinh", "Ghi chú"],
    [1, "Nguyễn Thị Hoa", "Sở Y tế", 1980, ""],
    [2, "Trần Văn Đức", "UBND huyện Đại Từ", 1961, "Trưởng đoàn"],
]
"""A header no alias knows: "Tên cán bộ" is not "Họ và tên", "Nơi ở" is no unit's word."""

ODD_MAP = {0: "_stt", 1: "name", 2: "unit", 3: "_birth"}


def odd_layout(path: Path) -> layouts.ColumnMap:
    raw = raw_sheet(path)
    header = next(cells for n, cells in raw.rows if n == raw.header_row)
    return layouts.ColumnMap(tuple(header), ODD_MAP)


def test_an_unknown_header_refuses_then_imports_with_the_columns_given(
    event: Event, tmp_path: Path
) -> None:
    path = xlsx(tmp_path / "odd.xlsx", ODD)
    with pytest.raises(DaihoiError) as refused:
        import_delegates(event, path)
    assert refused.value.key == "import.no_header"

    raw = raw_sheet(path)
    assert raw.header_row == 2  # the title row has one worded cell, the header five
    layout = odd_layout(path)
    preview = import_delegates(event, path, dry_run=True, columns=layout)
    assert preview.added == 2 and delegates.count(event) == 0
    assert preview.understood.layout == "given"
    assert preview.understood.mapped == ODD_MAP
    assert [c.field for c in preview.understood.columns] == ["name", "birth_year", "unit"]

    report = import_delegates(event, path, columns=layout)
    assert report.added == 2
    hoa = next(d for d in delegates.all_delegates(event) if d.name == "Nguyễn Thị Hoa")
    assert (hoa.unit, hoa.birth_year) == ("Sở Y tế", 1980)


def test_a_remembered_layout_is_used_by_the_next_import_of_that_header(
    event: Event, tmp_path: Path
) -> None:
    first = xlsx(tmp_path / "odd.xlsx", ODD)
    layouts.remember(event, odd_layout(first))
    [row] = event.journal_rows("layout.remembered")
    assert row["payload"]["header"][1] == "Tên cán bộ"
    assert row["payload"]["fields"] == {str(k): v for k, v in ODD_MAP.items()}

    # the same layout typed in capitals, as a CSV, with other people: no columns given
    later = csv_file(
        tmp_path / "later.csv",
        [
            ["SỐ", "TÊN CÁN BỘ", "NƠI Ở", "SINH", "GHI CHÚ"],
            [1, "Lê Thị Thúy", "Sở Nội vụ", 1975, ""],
        ],
    )
    report = import_delegates(event, later)
    assert report.understood.layout == "remembered"
    [thuy] = delegates.all_delegates(event)
    assert (thuy.name, thuy.unit, thuy.birth_year) == ("Lê Thị Thúy", "Sở Nội vụ", 1975)


def test_a_remembered_layout_wins_over_a_wrong_guess(event: Event, tmp_path: Path) -> None:
    """ "Họ và tên" is recognized, but this unit writes the delegation under "Đơn vị"."""
    rows = [["Họ và tên", "Đơn vị", "Cơ quan"], ["Nguyễn Thị Hoa", "Đoàn huyện Đại Từ", "Sở Y tế"]]
    path = xlsx(tmp_path / "guess.xlsx", rows)
    guessed = import_delegates(event, path, dry_run=True)
    assert guessed.understood.mapped == {0: "name", 1: "unit"}  # the first unit column wins
    header = guessed.understood.header_texts
    layouts.remember(event, layouts.ColumnMap(header, {0: "name", 1: "delegation", 2: "unit"}))
    import_delegates(event, path)
    [hoa] = delegates.all_delegates(event)
    assert (hoa.delegation, hoa.unit) == ("Đoàn huyện Đại Từ", "Sở Y tế")


def test_remembering_again_replaces_and_a_map_without_a_name_is_refused(event: Event) -> None:
    header = ("Số", "Tên cán bộ", "Nơi ở")
    layouts.remember(event, layouts.ColumnMap(header, {1: "name"}))
    layouts.remember(event, layouts.ColumnMap(header, {1: "name", 2: "unit"}))
    assert list(layouts.remembered(event).values()) == [
        layouts.ColumnMap(header, {1: "name", 2: "unit"})
    ]
    with pytest.raises(DaihoiError) as refused:
        layouts.remember(event, layouts.ColumnMap(header, {2: "unit"}))
    assert refused.value.key == "layouts.no_name"
    with pytest.raises(DaihoiError) as blank:
        layouts.remember(event, layouts.ColumnMap(("", ""), {0: "name"}))
    assert blank.value.key == "layouts.blank_header"
    assert len(event.journal_rows("layout.remembered")) == 2


def test_layout_keys_ignore_case_accents_and_blank_columns_on_the_right() -> None:
    assert layouts.layout_key(["Họ và tên", "ĐƠN VỊ", "", ""]) == "hovaten|donvi"
    assert layouts.layout_key(["", " "]) == ""
    assert layouts.combined([["Năm sinh", "Năm sinh"], ["Nam", "Nữ"]]) == (
        "Năm sinh Nam",
        "Năm sinh Nữ",
    )
    header = ("Số", "Tên cán bộ")
    two = layouts.ColumnMap(layouts.combined([["Họ tên", "Sinh"], ["", "Nam"]]), {}, 2)
    known = {m.key: m for m in (layouts.ColumnMap(header, {1: "name"}), two)}
    texts = [
        (1, ["Danh sách"]),
        (2, ["Họ tên", "Sinh"]),
        (3, ["", "Nam"]),
        (4, ["Số", "Tên cán bộ"]),
    ]
    assert layouts.find(texts, known) == (2, 3, two)
    assert layouts.find(texts[3:], known) == (4, 4, known[layouts.layout_key(header)])


def test_the_preview_lists_each_row_with_what_becomes_of_it(event: Event, tmp_path: Path) -> None:
    rows = [
        ["Họ và tên", "Đơn vị", "Năm sinh", "Ghế"],
        ["Nguyễn Thị Hoa", "Sở Y tế", 1980, "A01"],
        ["Trần Văn Đức", "Sở Nội vụ", 1961, ""],
        ["", "Sở Tài chính", 1970, "C01"],
        ["Lê Thị Thúy", "Sở Nội vụ", 1975, ""],
    ]
    import_delegates(event, xlsx(tmp_path / "first.xlsx", rows[:3]))
    rows[1][3] = "B07"
    path = xlsx(tmp_path / "list.xlsx", rows)
    before = event.journal_rows()
    preview = import_delegates(event, path, dry_run=True)
    assert event.journal_rows() == before
    changes = [(r.row, r.change, r.name, r.fields) for r in preview.rows]
    assert changes == [
        (2, "updated", "Nguyễn Thị Hoa", ("seat",)),
        (3, "unchanged", "Trần Văn Đức", ()),
        (5, "added", "Lê Thị Thúy", ()),
    ]
    assert [(s.row, s.key) for s in preview.skipped] == [(4, "import.no_name")]
    assert preview.rows[0].record["seat"] == "B07"
    assert preview.rows[2].record["birth_year"] == 1975


def test_a_mapping_keeps_the_gender_a_nam_nu_sub_header_gives_its_birth_columns(
    event: Event, tmp_path: Path
) -> None:
    """ "Năm sinh" over "Nam" | "Nữ": the year's column says the gender. Mapping another column
    by hand (here "Nơi ở" to the unit) keeps both years' columns as they were read, and the
    gender with them (it was lost: a mapped birth column had no gender)."""
    rows = [
        ["STT", "Họ và tên", "Năm sinh", "", "Nơi ở"],
        ["", "", "Nam", "Nữ", ""],
        [1, "Nguyễn Thị Hoa", "", 1980, "Sở Y tế"],
        [2, "Trần Văn Đức", 1961, "", "UBND huyện Đại Từ"],
    ]
    path = xlsx(tmp_path / "nam-nu.xlsx", rows)
    auto = import_delegates(event, path, dry_run=True).understood
    assert auto.mapped == {0: "_stt", 1: "name", 2: "_birth", 3: "_birth"}
    header = layouts.combined([[str(v) for v in r] for r in rows[:2]])
    layout = layouts.ColumnMap(header, dict(auto.mapped), header_rows=2).with_field(4, "unit")
    report = import_delegates(event, path, columns=layout)
    assert report.added == 2
    people = {d.name: (d.gender, d.birth_year, d.unit) for d in delegates.all_delegates(event)}
    assert people == {
        "Nguyễn Thị Hoa": ("Nữ", 1980, "Sở Y tế"),
        "Trần Văn Đức": ("Nam", 1961, "UBND huyện Đại Từ"),
    }
