"""Synthetic delegate lists: the demo event, the benchmark and the importer's tests.

:func:`generate` makes realistic delegates of a Thái Nguyên provincial congress (names with
correct diacritics, minority names kept exactly as written, units and delegations of the
province, ethnic groups in the province's proportions, about 38% women), deterministic for a
seed and fast enough for the benchmark's 100,000. :func:`write_xlsx` writes them the way units
send lists (title block, merged two-row header, numbering row, sections, footer and signatures);
:func:`write_csv` as a plain export. :data:`DEMO_LIST` is the shipped demo list, regenerated
with :func:`write_demo_list` (``python -m data.synthetic``).
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .text import fold

DEMO_LIST = Path(__file__).parent / "samples" / "danh-sach-dai-bieu-mau.xlsx"
"""The demo list shipped with the package: 520 synthetic delegates, as a unit would send it."""

DEMO_SIZE = 520
DEMO_SEED = 2025

# ------------------------------------------------------------------------------ names
_KINH_FAMILY = (
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 4), ("Đặng", 3),
    ("Bùi", 3), ("Đỗ", 3), ("Hồ", 2), ("Ngô", 2), ("Dương", 2), ("Lý", 1), ("Đào", 1),
    ("Đoàn", 1), ("Trịnh", 1), ("Phan", 2), ("Tạ", 1), ("Lưu", 1), ("Tô", 1), ("Cao", 1),
)  # fmt: skip
_FAMILY_BY_ETHNICITY = {
    "Tày": ("Hoàng", "Nông", "Ma", "Hà", "Lục", "Lương", "Đinh", "Mạc", "Lộc"),
    "Nùng": ("Hoàng", "Nông", "Lăng", "Vi", "Mông", "Chu", "Lương", "Triệu"),
    "Sán Dìu": ("Diệp", "Lỷ", "Trương", "Lam", "Dương", "Bạch"),
    "Sán Chay": ("Hoàng", "Lâm", "Trần", "Lưu", "Đàm"),
    "Dao": ("Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo"),
    "Mông": ("Vàng", "Giàng", "Sùng", "Lầu", "Mùa", "Thào", "Hầu"),
    "Hoa": ("Lý", "Trương", "Lâm", "Quách", "Tăng"),
}
_MIDDLE_M = ("Văn", "Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Ngọc", "Mạnh", "Thanh",
             "Công", "Đình", "Tiến", "Trọng", "Anh", "Duy", "Việt", "Quốc")  # fmt: skip
_MIDDLE_F = ("Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Kim", "Phương", "Diệu",
             "Hồng", "Thúy", "Lan", "Bích", "Mai", "Thùy")  # fmt: skip
_GIVEN_M = ("Anh", "Bình", "Cường", "Dũng", "Duy", "Đức", "Giang", "Hải", "Hiếu", "Hòa",
            "Hùng", "Huy", "Khoa", "Khánh", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phong",
            "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Tiến", "Toàn", "Trung",
            "Tuấn", "Tùng", "Việt", "Vinh", "Ân", "Đạt", "Hưng", "Lộc", "Thái", "Kiên")  # fmt: skip
_GIVEN_F = ("Anh", "Ánh", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng",
            "Hiền", "Hoa", "Hoà", "Hồng", "Huyền", "Hương", "Lan", "Liên", "Linh", "Loan",
            "Mai", "My", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thu",
            "Thuý", "Thủy", "Trang", "Trâm", "Tuyết", "Vân", "Xuân", "Yến", "Đào")  # fmt: skip
# Names that follow no family-middle-given pattern: kept exactly as written everywhere.
_SPECIAL = (
    ("Y Thanh Hà Niê Kđăm", "Nam", "Ê Đê"),
    ("Điểu K'Giắc", "Nam", "M'Nông"),
    ("H'Hen Niê", "Nữ", "Ê Đê"),
    ("Ka Sô Liễng", "Nam", "Chu Ru"),
    ("Rơ Chăm Phiang", "Nam", "Gia Rai"),
    ("Nguyễn Trãi", "Nam", "Kinh"),
    ("Vàng Minh Khoa", "Nam", "Mông"),
    ("Âu Dương Thị Lan", "Nữ", "Kinh"),
    ("Tôn Nữ Thị Ninh", "Nữ", "Kinh"),
)

_ETHNICITY = (("Kinh", 73.1), ("Tày", 11.0), ("Nùng", 5.7), ("Sán Dìu", 3.9),
              ("Sán Chay", 2.9), ("Dao", 2.3), ("Mông", 0.6), ("Hoa", 0.18))  # fmt: skip
_RELIGION = (("Không", 92.0), ("Phật giáo", 4.0), ("Công giáo", 3.0), ("Tin lành", 1.0))

# ------------------------------------------------------------------------------ units
_PLACES = (
    ("thành phố", "Thái Nguyên"), ("thành phố", "Sông Công"), ("thành phố", "Phổ Yên"),
    ("huyện", "Đại Từ"), ("huyện", "Định Hóa"), ("huyện", "Phú Lương"), ("huyện", "Đồng Hỷ"),
    ("huyện", "Võ Nhai"), ("huyện", "Phú Bình"),
)  # fmt: skip
_COMMUNES = ("Hùng Sơn", "Tân Cương", "Phúc Xuân", "Quân Chu", "Phú Thịnh", "Yên Ninh",
             "Động Đạt", "La Hiên", "Trại Cau", "Hóa Thượng", "Lương Sơn", "Úc Kỳ",
             "Tân Hương", "Đắc Sơn", "Bình Thuận", "Điềm Mặc")  # fmt: skip
_PROVINCE_UNITS = (
    "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Sở Tài chính", "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn", "Sở Lao động, Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Xây dựng", "Sở Tư pháp", "Ban Dân tộc tỉnh",
    "Bệnh viện Đa khoa Trung ương Thái Nguyên", "Báo Thái Nguyên", "Liên đoàn Lao động tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn Thái Nguyên", "Hội Nông dân tỉnh",
)  # fmt: skip
_ENTERPRISES = (
    "Công ty Cổ phần Gang thép Thái Nguyên", "Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên",
    "Công ty Cổ phần Xi măng Quang Sơn", "Hợp tác xã chè Tân Cương", "Công ty Điện lực Thái Nguyên",
    "Công ty Cổ phần Vận tải Thái Nguyên", "Hợp tác xã chè La Bằng",
)  # fmt: skip
_ARMED = ("Công an tỉnh Thái Nguyên", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng")
_EDUCATION = (
    "Đại học Thái Nguyên", "Trường Đại học Sư phạm - Đại học Thái Nguyên",
    "Trường THPT Chuyên Thái Nguyên", "Trường Cao đẳng Y tế Thái Nguyên",
)  # fmt: skip
_GUEST_UNITS = (
    "Ban Thi đua - Khen thưởng Trung ương", "Tỉnh ủy Thái Nguyên", "HĐND tỉnh Thái Nguyên",
    "UBND tỉnh Thái Nguyên", "Ủy ban MTTQ Việt Nam tỉnh",
)  # fmt: skip

_POSITIONS = ("Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên",
              "Giáo viên", "Bác sĩ", "Điều dưỡng", "Công nhân", "Kỹ sư", "Nông dân",
              "Chủ tịch UBND xã", "Bí thư Đảng ủy", "Trưởng thôn", "Chủ nhiệm HTX",
              "Đội trưởng", "Học sinh", "Sinh viên", "Nghệ nhân")  # fmt: skip
_CATEGORIES = (
    ("Điển hình tiên tiến", 70.0), ("Chiến sĩ thi đua toàn quốc", 5.0),
    ("Chiến sĩ thi đua cấp tỉnh", 9.0), ("Anh hùng Lao động", 1.0),
    ("Anh hùng Lực lượng vũ trang nhân dân", 1.0), ("Bà mẹ Việt Nam anh hùng", 0.4),
    ("Khách mời", 7.0), ("Đại biểu đương nhiên", 6.6),
)  # fmt: skip
BLOCS = (
    "Khối các sở, ban, ngành",
    "Khối doanh nghiệp",
    "Khối lực lượng vũ trang",
    "Khối giáo dục",
    "Khách mời",
)
"""Delegations besides one per city and district (Đoàn thành phố …, Đoàn huyện …)."""


def _delegations() -> list[tuple[str, tuple[str, ...]]]:
    """(delegation, its units) of the province."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for kind, place in _PLACES:
        units = [f"UBND {kind} {place}", f"Phòng Giáo dục và Đào tạo {kind} {place}"]
        units += [f"UBND xã {c}" for c in _COMMUNES[len(found) % 4 :: 4]]
        units += [f"Trung tâm Y tế {kind} {place}"]
        found.append((f"Đoàn {kind} {place}", tuple(units)))
    found.append((BLOCS[0], _PROVINCE_UNITS))
    found.append((BLOCS[1], _ENTERPRISES))
    found.append((BLOCS[2], _ARMED))
    found.append((BLOCS[3], _EDUCATION))
    found.append((BLOCS[4], _GUEST_UNITS))
    return found


def _cumulative(pairs: Sequence[tuple[str, float]]) -> tuple[list[str], list[float]]:
    values, weights, total = [], [], 0.0
    for value, weight in pairs:
        total += weight
        values.append(value)
        weights.append(total)
    return values, weights


def generate(n: int, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` synthetic delegates as importer records (the same keys :mod:`data.importing` makes).

    Deterministic for ``seed``. Name + unit + birth year are unique, as on a real list, so the
    records import as ``n`` delegates; every record also has a unique external id ("Mã").
    """
    rng = random.Random(seed)
    delegations = _delegations()
    d_weights = [30.0 if name.startswith("Đoàn") else 12.0 for name, _ in delegations]
    d_weights[-1] = 6.0  # guests
    eth_values, eth_cum = _cumulative(_ETHNICITY)
    rel_values, rel_cum = _cumulative(_RELIGION)
    cat_values, cat_cum = _cumulative(_CATEGORIES[:-2])
    kinh_values, kinh_cum = _cumulative(_KINH_FAMILY)
    seen: set[tuple[str, str, int]] = set()
    records: list[dict[str, Any]] = []
    choice, choices, randint, random_ = rng.choice, rng.choices, rng.randint, rng.random
    picks = choices(range(len(delegations)), weights=d_weights, k=n)
    for i in range(n):
        delegation, units = delegations[picks[i]]
        unit = choice(units)
        special = random_() < 0.004
        if special:
            name, gender, ethnicity = choice(_SPECIAL)
        else:
            gender = "Nữ" if random_() < 0.38 else "Nam"
            ethnicity = choices(eth_values, cum_weights=eth_cum)[0]
            family = (
                choices(kinh_values, cum_weights=kinh_cum)[0]
                if ethnicity == "Kinh"
                else choice(_FAMILY_BY_ETHNICITY[ethnicity])
            )
            if gender == "Nữ":
                middle, given = choice(_MIDDLE_F), choice(_GIVEN_F)
            else:
                middle, given = choice(_MIDDLE_M), choice(_GIVEN_M)
            if random_() < 0.08:  # a second middle name
                middle += " " + (choice(_MIDDLE_F[3:]) if gender == "Nữ" else choice(_MIDDLE_M))
            name = f"{family} {middle} {given}"
        category = (
            "Khách mời" if delegation == BLOCS[4] else choices(cat_values, cum_weights=cat_cum)[0]
        )
        young = category == "Điển hình tiên tiến" and random_() < 0.03
        year = randint(2005, 2012) if young else randint(1940, 1998)
        # A real list never has the same person twice, and the importer compares names
        # accent-insensitively ("Hoà" = "Hòa"), so uniqueness is checked on folded names.
        while (fold(name), unit, year) in seen:
            year = randint(1940, 2012)
            if (fold(name), unit, year) in seen:
                name = f"{name.split(' ')[0]} {choice(_MIDDLE_M)} {name.split(' ')[-1]}"
        seen.add((fold(name), unit, year))
        birth_date = None
        if random_() < 0.3:
            birth_date = date(year, randint(1, 12), randint(1, 28)).isoformat()
        position = "Học sinh" if year >= 2005 else choice(_POSITIONS[:-2])
        records.append(
            {
                "name": name,
                "gender": gender,
                "birth_year": year,
                "birth_date": birth_date,
                "ethnicity": ethnicity,
                "religion": choices(rel_values, cum_weights=rel_cum)[0],
                "position": position,
                "unit": unit,
                "delegation": delegation,
                "category": category,
                "seat": f"{chr(65 + (i // 40) % 26)}{i % 40 + 1:02d}",
                "phone": f"09{randint(0, 99_999_999):08d}",
                "external_id": f"TN-{i + 1:06d}",
            }
        )
    return records


# ------------------------------------------------------------------------------ writing
CSV_COLUMNS = (
    ("STT", None), ("Mã", "external_id"), ("Họ và tên", "name"), ("Giới tính", "gender"),
    ("Năm sinh", "birth_year"), ("Ngày sinh", "birth_date"), ("Dân tộc", "ethnicity"),
    ("Tôn giáo", "religion"), ("Chức vụ", "position"), ("Đơn vị công tác", "unit"),
    ("Đoàn", "delegation"), ("Thành phần", "category"), ("Ghế", "seat"),
    ("Điện thoại", "phone"),
)  # fmt: skip


def write_csv(records: Sequence[dict[str, Any]], path: str | Path, *, delimiter: str = ",") -> Path:
    """A plain CSV export of ``records`` (UTF-8 with BOM, as Excel writes it). Returns the path.

    A full birth date is written "dd/mm/yyyy" in the "Năm sinh" column, as Vietnamese lists do.
    """
    target = Path(path)
    headers = [h for h, f in CSV_COLUMNS if f != "birth_date"]
    with target.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(headers)
        for i, r in enumerate(records, start=1):
            row: list[Any] = []
            for _, f in CSV_COLUMNS:
                if f is None:
                    row.append(i)
                elif f == "birth_year":
                    row.append(_vn_date(r["birth_date"]) if r.get("birth_date") else r[f])
                elif f != "birth_date":
                    row.append(r.get(f) or "")
            writer.writerow(row)
    return target


def _vn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


_XLSX_COLUMNS = (
    ("STT", None), ("Họ và tên", "name"), ("Năm sinh", "Nam"), ("Năm sinh", "Nữ"),
    ("Dân tộc", "ethnicity"), ("Tôn giáo", "religion"), ("Chức vụ", "position"),
    ("Đơn vị công tác", "unit"), ("Thành phần", "category"), ("Ghế", "seat"),
    ("Điện thoại", "phone"), ("Mã", "external_id"),
)  # fmt: skip
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
          "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")  # fmt: skip


def write_xlsx(records: Sequence[dict[str, Any]], path: str | Path, *, messy: bool = True) -> Path:
    """``records`` as an .xlsx list. Returns the path.

    ``messy=True`` writes it the way a provincial committee sends it: a title block with the
    decision number, a two-row header with "Năm sinh" merged over "Nam" / "Nữ" (the column of
    the year gives the gender) and the other headers merged down both rows, a row numbering the
    columns, one section row per delegation ("I. Đoàn huyện Đại Từ", merged across; there is no
    delegation column), full birth dates as Excel dates or "dd/mm/yyyy" text, a total and the
    signature block. ``messy=False`` writes one header row and the :data:`CSV_COLUMNS`.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    target = Path(path)
    book = Workbook()
    ws = book.active
    ws.title = "Danh sách"
    if not messy:
        ws.append([h for h, f in CSV_COLUMNS])
        for i, r in enumerate(records, start=1):
            ws.append([i if f is None else r.get(f) for _, f in CSV_COLUMNS])
        book.save(target)
        return target

    width = len(_XLSX_COLUMNS)
    bold = Font(bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.append(["UBND TỈNH THÁI NGUYÊN", None, None, None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])  # fmt: skip
    ws.append(["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", None, None, None, None, None, "Độc lập - Tự do - Hạnh phúc"])  # fmt: skip
    ws.append([])
    ws.append(["DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI THI ĐUA YÊU NƯỚC TỈNH THÁI NGUYÊN LẦN THỨ VI"])
    ws.append(["(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/8/2025 của UBND tỉnh Thái Nguyên)"])
    ws.append([])
    for title_row in (1, 2):
        ws.merge_cells(start_row=title_row, start_column=1, end_row=title_row, end_column=5)
        ws.merge_cells(start_row=title_row, start_column=7, end_row=title_row, end_column=width)
    for title_row in (4, 5):
        ws.merge_cells(start_row=title_row, start_column=1, end_row=title_row, end_column=width)
        ws.cell(title_row, 1).alignment = center
    ws.cell(4, 1).font = bold

    top = 7  # below the six title rows (max_row does not count the empty ones)
    ws.append([h if f != "Nữ" else None for h, f in _XLSX_COLUMNS])
    ws.append([f if f in ("Nam", "Nữ") else None for _, f in _XLSX_COLUMNS])
    for j, (_, f) in enumerate(_XLSX_COLUMNS, start=1):
        if f not in ("Nam", "Nữ"):
            ws.merge_cells(start_row=top, start_column=j, end_row=top + 1, end_column=j)
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=4)
    for row in ws.iter_rows(min_row=top, max_row=top + 1):
        for cell in row:
            cell.font = bold
            cell.alignment = center
    ws.append([f"({j})" for j in range(1, width + 1)])

    groups: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        groups.setdefault(r.get("delegation") or "", []).append(r)
    number = 0
    for g, (delegation, members) in enumerate(groups.items()):
        if delegation:
            roman = _ROMAN[g] if g < len(_ROMAN) else str(g + 1)
            ws.append([f"{roman}. {delegation}"])
            row = ws.max_row
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            ws.cell(row, 1).font = bold
        for r in members:
            number += 1
            year: Any = r.get("birth_year")
            if r.get("birth_date"):
                iso = r["birth_date"]
                year = date.fromisoformat(iso) if number % 2 else _vn_date(iso)
            line: list[Any] = []
            for _, f in _XLSX_COLUMNS:
                if f is None:
                    line.append(number)
                elif f in ("Nam", "Nữ"):
                    line.append(year if r.get("gender") == f else None)
                else:
                    line.append(r.get(f) or None)
            ws.append(line)
            if isinstance(year, date):
                ws.cell(
                    ws.max_row, 3 if r.get("gender") == "Nam" else 4
                ).number_format = "dd/mm/yyyy"
    ws.append([f"Tổng cộng: {number} đại biểu"])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width)
    ws.append([])
    ws.append(["NGƯỜI LẬP BIỂU", None, None, None, None, None, None, "KT. CHỦ TỊCH"])
    ws.append([None] * 7 + ["PHÓ CHỦ TỊCH"])
    ws.append([])
    ws.append(["Hoàng Thị Mai", None, None, None, None, None, None, "Nguyễn Văn Bình"])
    ws.column_dimensions["B"].width = 28
    ws.column_dimensions["H"].width = 40
    book.save(target)
    return target


DEMO_HONOURS = Path(__file__).parent / "samples" / "khen-thuong-mau.xlsx"
"""The demo's honours list: a decision of the provincial chair as the office would send it."""

_DEMO_DECISION = "Kèm theo Quyết định số 2345/QĐ-UBND ngày 15/9/2025 của Chủ tịch UBND tỉnh"
_DEMO_GROUPS = (
    # (group, presenter, form, how many individuals, collectives)
    (
        "Đợt 1",
        "Đồng chí Bí thư Tỉnh ủy",
        "Cờ thi đua của UBND tỉnh",
        0,
        ("Sở Y tế tỉnh Thái Nguyên", "UBND huyện Đại Từ", "Công an tỉnh Thái Nguyên"),
    ),
    ("Đợt 2", "Đồng chí Chủ tịch UBND tỉnh", "Chiến sĩ thi đua cấp tỉnh", 6, ()),
    (
        "Đợt 3",
        "Đồng chí Phó Chủ tịch UBND tỉnh",
        "Bằng khen của Chủ tịch UBND tỉnh",
        8,
        ("Trường THPT Chuyên Thái Nguyên",),
    ),
)


def demo_speakers(records: Sequence[dict[str, Any]], count: int = 4) -> list[dict[str, Any]]:
    """The exemplary models who give a "tham luận" in the demo (first of each delegation)."""
    chosen: list[dict[str, Any]] = []
    delegations: set[str] = set()
    for r in records:
        if r["category"] == "Điển hình tiên tiến" and r["delegation"] not in delegations:
            chosen.append(r)
            delegations.add(r["delegation"])
        if len(chosen) == count:
            break
    return chosen


def write_demo_honours(path: str | Path = DEMO_HONOURS) -> Path:
    """(Re)generate the demo's honours list from the demo delegates (title block, sections)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    records = generate(DEMO_SIZE, seed=DEMO_SEED)
    speakers = {r["external_id"] for r in demo_speakers(records)}
    people = [r for r in records if r["category"] == "Điển hình tiên tiến"]
    people = [r for r in people if r["external_id"] not in speakers]
    wb = Workbook()
    ws = wb.active
    ws.title = "Khen thưởng"
    bold = Font(bold=True)
    for line in (
        "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
        "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG TẠI ĐẠI HỘI",
        f"({_DEMO_DECISION})",
    ):
        ws.append([line])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
        ws.cell(ws.max_row, 1).font = bold
    ws.append([])
    ws.append(["STT", "Tên tập thể, cá nhân", "Chức vụ", "Đơn vị", "Hình thức khen thưởng",
               "Đợt", "Lãnh đạo trao"])  # fmt: skip
    for cell in ws[ws.max_row]:
        cell.font = bold
    ws.append(["I. TẬP THỂ"])
    n = 0
    for group, presenter, form, _count, collectives in _DEMO_GROUPS:
        for name in collectives:
            n += 1
            ws.append([n, name, "", "", form, group, presenter])
    ws.append(["II. CÁ NHÂN"])
    n = 0
    taken = 0
    for group, presenter, form, count, _collectives in _DEMO_GROUPS:
        for r in people[taken : taken + count]:
            n += 1
            ws.append([n, r["name"], r["position"], r["unit"], form, group, presenter])
        taken += count
    ws.append([])
    ws.append(["", "", "", "", "KT. CHỦ TỊCH"])
    ws.append(["", "", "", "", "PHÓ CHỦ TỊCH"])
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target


def write_demo_list(path: str | Path = DEMO_LIST) -> Path:
    """(Re)generate the shipped demo list; run ``python -m data.synthetic`` and commit it."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_xlsx(generate(DEMO_SIZE, seed=DEMO_SEED), target, messy=True)


if __name__ == "__main__":
    print(write_demo_list())
    print(write_demo_honours())
