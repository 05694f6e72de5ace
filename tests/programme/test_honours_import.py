"""Honours lists as the emulation office sends them: title block with the decision, a header
merged over two rows, a numbering row, sections "I. TẬP THỂ" / "II. CÁ NHÂN", form and group
headings, footers and signatures; CSV in Windows-1258 with semicolons."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from data import delegates
from data.errors import DaihoiError
from data.store import Event
from programme import honours
from programme.honours_import import decision_of, group_of, import_honours, read

DECISION = "Quyết định số 1234/QĐ-UBND ngày 15/9/2025"


def messy_xlsx(path: Path) -> Path:
    """A list laid out the way provincial offices lay them out."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS khen thưởng"
    ws.append(["UỶ BAN NHÂN DÂN TỈNH THÁI NGUYÊN"])
    ws.append(["DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG TẠI ĐẠI HỘI"])
    ws.append(["(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15 / 9 / 2025 của Chủ tịch UBND tỉnh)"])
    ws.merge_cells("A1:G1")
    ws.merge_cells("A2:G2")
    ws.merge_cells("A3:G3")
    ws.append([])
    # Row 5-6: a two-row header. STT, name, unit merged down; "Khen thưởng" merged across.
    ws.append(["STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị công tác", "Khen thưởng", None,
               "Đợt trao", "Ghi chú"])  # fmt: skip
    ws.append([None, None, None, "Hình thức khen thưởng", "Số quyết định", None, None])
    for col in "ABCFG":
        ws.merge_cells(f"{col}5:{col}6")
    ws.merge_cells("D5:E5")
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"])
    ws.append(["I", "TẬP THỂ"])
    ws.append([1, "Phòng Giáo dục và Đào tạo huyện Đại Từ", "", "Cờ thi đua của UBND tỉnh",
               "", "Đợt 1"])  # fmt: skip
    ws.append([2, "Công ty CP Chè Tân Cương", "", "Bằng khen của Chủ tịch UBND tỉnh", "",
               "Đợt 2"])  # fmt: skip
    ws.append([3, "Tổ Dân phố số 5, phường Tân Thịnh", "", "Bằng khen của Chủ tịch UBND tỉnh",
               "", "Đợt 2"])  # fmt: skip
    ws.append(["II", "CÁ NHÂN"])
    ws.append([1, "Bà Nguyễn Thị Hoa", "Bác sĩ, Sở Y tế", "Chiến sĩ thi đua cấp tỉnh", "",
               "Đợt 1"])  # fmt: skip
    ws.append([2, "Trần Văn Đức", "Chủ tịch UBND huyện Đại Từ",
               "Huân chương Lao động hạng Ba", "2001/QĐ-CTN", "Đợt 1"])  # fmt: skip
    ws.append([3, "Đoàn Văn Hậu", "Nông dân xã Phúc Xuân", "Bằng khen của Chủ tịch UBND tỉnh",
               "", "Đợt 2"])  # fmt: skip
    ws.append([4, "Lê Văn Tám", "Xã Yên Lạc", "Bằng khen của Chủ tịch UBND tỉnh", "", "Đợt 2",
               "Truy tặng"])  # fmt: skip
    ws.append(["Quyết định số 1300/QĐ-UBND ngày 18/9/2025"])
    ws.merge_cells(f"A{ws.max_row}:G{ws.max_row}")
    ws.append([5, "Bàn Văn Sinh", "Trưởng bản, xã Tân Cương", "Bằng khen của Chủ tịch UBND tỉnh",
               "", "Đợt 2"])  # fmt: skip
    ws.append(["", "Tổng cộng: 3 tập thể, 5 cá nhân"])
    ws.append([])
    ws.append(["", "NGƯỜI LẬP BIỂU", "", "", "KT. CHỦ TỊCH"])
    ws.append(["", "", "", "", "PHÓ CHỦ TỊCH"])
    ws.append(["", "Nguyễn Văn Lập", "", "", "Đặng Xuân Trường"])
    target = path / "khen-thuong.xlsx"
    wb.save(target)
    return target


def by_name(rows: list[honours.HonourRow]) -> dict[str, honours.HonourRow]:
    return {r.recipient: r for r in rows}


def test_messy_list_reads_every_honour_and_nothing_else(tmp_path: Path) -> None:
    result = read(messy_xlsx(tmp_path))
    assert [r.recipient for r in result.rows] == [
        "Phòng Giáo dục và Đào tạo huyện Đại Từ",
        "Công ty CP Chè Tân Cương",
        "Tổ Dân phố số 5, phường Tân Thịnh",
        "Bà Nguyễn Thị Hoa",
        "Trần Văn Đức",
        "Đoàn Văn Hậu",
        "Lê Văn Tám",
        "Bàn Văn Sinh",
    ]
    assert result.skipped == []


def test_sections_give_collective_or_individual(tmp_path: Path) -> None:
    rows = by_name(read(messy_xlsx(tmp_path)).rows)
    assert rows["Tổ Dân phố số 5, phường Tân Thịnh"].collective is True
    # "Đoàn" and "Bàn" are family names here: the section, not the first word, decides.
    assert rows["Đoàn Văn Hậu"].collective is False
    assert rows["Bàn Văn Sinh"].collective is False


def test_decisions_from_the_title_a_column_and_a_section_row(tmp_path: Path) -> None:
    rows = by_name(read(messy_xlsx(tmp_path)).rows)
    assert rows["Phòng Giáo dục và Đào tạo huyện Đại Từ"].decision == DECISION
    assert rows["Trần Văn Đức"].decision == "Quyết định số 2001/QĐ-CTN"
    assert rows["Bàn Văn Sinh"].decision == "Quyết định số 1300/QĐ-UBND ngày 18/9/2025"


def test_merged_header_columns_and_notes(tmp_path: Path) -> None:
    rows = by_name(read(messy_xlsx(tmp_path)).rows)
    duc = rows["Trần Văn Đức"]
    assert duc.form == "Huân chương Lao động hạng Ba"
    assert duc.unit == "Chủ tịch UBND huyện Đại Từ"  # "Chức vụ, đơn vị công tác"
    assert duc.group == "Đợt 1"
    assert duc.source_row == 14
    assert rows["Lê Văn Tám"].posthumous is True
    assert rows["Đoàn Văn Hậu"].posthumous is False


def form_and_group_headings(path: Path) -> Path:
    """No form or group column: headings carry them, and names alone say who is a collective."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH KHEN THƯỞNG"])
    ws.append(["TT", "Họ và tên", "Chức vụ", "Đơn vị", "Lãnh đạo trao", "Thứ tự trao"])
    ws.append(["A", "ĐỢT 1 - Lãnh đạo trao: đồng chí Trịnh Việt Hùng"])
    ws.append(["1", "Huân chương Lao động hạng Nhì"])
    ws.append([1, "Trường THCS Nha Trang", "", "", "", 2])
    # "Phó Giám đốc" alone in the position column is not the signature block's title.
    ws.append([2, "Lê Thị Thúy", "Phó Giám đốc", "Trường THCS Nha Trang", "", 1])
    ws.append(["B", "ĐỢT 2"])
    ws.append(["1", "Bằng khen của Chủ tịch UBND tỉnh"])
    ws.append([1, "UBND xã Tân Cương", "", "", "Đồng chí Nguyễn Thanh Bình", None])
    target = path / "dot.xlsx"
    wb.save(target)
    return target


def test_headings_give_form_group_and_presenter(tmp_path: Path) -> None:
    rows = read(form_and_group_headings(tmp_path)).rows
    school, thuy, ubnd = rows
    assert school.form == thuy.form == "Huân chương Lao động hạng Nhì"
    assert school.group == thuy.group == "Đợt 1"
    assert school.presenter == "đồng chí Trịnh Việt Hùng"
    assert (school.order, thuy.order) == (2, 1)
    assert thuy.position == "Phó Giám đốc"
    assert school.collective is None and honours.looks_collective(school.recipient)
    assert ubnd.group == "Đợt 2" and ubnd.form == "Bằng khen của Chủ tịch UBND tỉnh"
    assert ubnd.presenter == "Đồng chí Nguyễn Thanh Bình"


TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Encode the way old Vietnamese Windows does: â ă ê ô ơ ư đ whole, tones combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + "".join(c for c in parts if c in TONES))
    return "".join(out).encode("cp1258")


def test_windows_1258_csv_with_semicolons_and_a_kind_column(tmp_path: Path) -> None:
    text = (
        "Danh sách khen thưởng\n"
        "STT;Họ và tên;Đơn vị;Tập thể/Cá nhân;Hình thức khen thưởng\n"
        "1;Nguyễn Thị Hoa;Sở Y tế;Cá nhân;Bằng khen của Chủ tịch UBND tỉnh\n"
        "2;Đội Cảnh sát giao thông;Công an tỉnh;Tập thể;Bằng khen của Chủ tịch UBND tỉnh\n"
        "3;Hội Nông dân xã;;TT;Giấy khen\n"
    )
    # Windows-1258 keeps base letters whole and writes tones as combining marks.
    path = tmp_path / "ds.csv"
    path.write_bytes(windows_1258(text))
    rows = read(path).rows
    assert [r.recipient for r in rows] == [
        "Nguyễn Thị Hoa",
        "Đội Cảnh sát giao thông",
        "Hội Nông dân xã",
    ]
    assert [r.collective for r in rows] == [False, True, True]


def test_a_file_without_a_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DaihoiError) as err:
        read(path)
    assert err.value.key == "honours.import.no_header"


def test_family_names_that_fold_like_a_total_or_a_signature_are_recipients(
    tmp_path: Path,
) -> None:
    """ "Tống Công Thành" folds like "tong cong" (a total line); the shared delegate-list rules
    need a ":" or a number after it, and the real total and signature still end the list."""
    path = tmp_path / "x.csv"
    path.write_text(
        "STT,Họ và tên,Đơn vị,Hình thức khen thưởng\n"
        "1,Tống Công Thành,Sở Y tế,Giấy khen\n"
        "2,Tống Số Bình,Sở Y tế,Giấy khen\n"
        ",Tổng cộng: 2,,\n"
        ",NGƯỜI LẬP BIỂU,,\n"
        ",(đã ký),,\n",
        encoding="utf-8",
    )
    result = read(path)
    assert [r.recipient for r in result.rows] == ["Tống Công Thành", "Tống Số Bình"]
    assert result.skipped == []


def test_rows_without_a_form_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(
        "STT,Họ và tên,Đơn vị,Hình thức khen thưởng\n1,Nguyễn Văn A,Sở Y tế,\n"
        "2,Nguyễn Văn B,Sở Y tế,Giấy khen\n",
        encoding="utf-8",
    )
    result = read(path)
    assert [r.recipient for r in result.rows] == ["Nguyễn Văn B"]
    assert [(s.row, s.key) for s in result.skipped] == [(2, "honours.import.no_form")]


def test_text_helpers() -> None:
    assert decision_of("Kèm theo QUYẾT ĐỊNH SỐ 99/QĐ-UBND ngày 2 tháng 9 năm 2025") == (
        "Quyết định số 99/QĐ-UBND ngày 2 tháng 9 năm 2025"
    )
    assert decision_of("Danh sách khen thưởng") == ""
    assert group_of("ĐỢT III") == "Đợt 3"
    assert group_of("Nhóm 2:") == "Đợt 2"
    assert group_of("Tập thể") == ""


PEOPLE: list[dict[str, Any]] = [
    {"name": "Nguyễn Thị Hoa", "unit": "Sở Y tế", "birth_year": 1980},
    {"name": "Trần Văn Đức", "unit": "UBND huyện Đại Từ", "birth_year": 1961},
    {"name": "Bàn Văn Sinh", "unit": "Xã Tân Cương", "birth_year": 1970},
]


def test_import_stores_matches_and_reimport_keeps_states(event: Event, tmp_path: Path) -> None:
    delegates.upsert(event, PEOPLE)
    path = messy_xlsx(tmp_path)
    dry = import_honours(event, path, dry_run=True)
    assert dry.saved.added == 8 and honours.all_honours(event) == []
    report = import_honours(event, path)
    assert (report.read, report.saved.added) == (8, 8)
    found = {h.recipient: h for h in honours.all_honours(event)}
    assert found["Bà Nguyễn Thị Hoa"].match == "matched"  # "Bà" and the position ignored
    assert found["Trần Văn Đức"].match == "matched"
    assert found["Bàn Văn Sinh"].match == "matched"  # unit "xã Tân Cương" is in the text
    assert found["Đoàn Văn Hậu"].match == "none"
    assert found["Phòng Giáo dục và Đào tạo huyện Đại Từ"].collective
    unresolved = {r for r, _m, _c in report.saved.unresolved}
    assert unresolved == {"Đoàn Văn Hậu", "Lê Văn Tám"}
    assert event.journal_rows("honours.imported")[0]["payload"]["added"] == 8

    honours.set_state(event, found["Trần Văn Đức"].id, honours.PRESENTED)
    again = import_honours(event, path)
    assert (again.saved.added, again.saved.updated, again.saved.unchanged) == (0, 0, 8)
    assert honours.get(event, found["Trần Văn Đức"].id).state == "presented"
    assert len(honours.all_honours(event)) == 8
