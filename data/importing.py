"""Reading delegate lists exactly as the units send them, and applying them to the event.

Real lists are made by hand in Excel by dozens of units, so nothing about their shape is
reliable except that somewhere there is a row naming the columns and one column holds full names.
The pipeline, one small function per step so each quirk has one place:

1. :func:`read_rows` — every row of the sheet or CSV as a tuple of raw cell values, with its
   spreadsheet row number, read by :func:`data.sheets.read_table` (the reader every importer
   shares): merged ranges filled with their top-left value, so a header merged over two
   columns, or a delegation merged down its rows, reads as if typed into every cell; CSV in
   the encodings and separators units use.
2. :func:`find_header` — the first row (among the first :data:`HEADER_SEARCH_ROWS`) with a
   full-name column; a second header row right below it ("Năm sinh" over "Nam" / "Nữ") is
   folded into it.
3. :func:`map_columns` — header text to delegate fields, ignoring case, accents and spacing
   (:func:`data.text.header_key`).
4. :func:`parse_rows` — each row below the header is a delegate, a section ("I. KHỐI CÁC SỞ",
   "Đoàn huyện Đại Từ": the delegation of the rows below when there is no delegation column),
   a numbering row ("(1) (2) (3)"), a total ("Tổng cộng: 350 đại biểu") or the signature block
   (everything from "NGƯỜI LẬP BIỂU" / "KT. CHỦ TỊCH" down is ignored).
5. :func:`import_delegates` — the records go to :func:`data.delegates.upsert` in one
   transaction (none for a dry run).

A row that cannot be read is *skipped and reported* (row, column, reason as a catalog key); a
cosmetic problem (an unclear gender) never loses a delegate: the row is imported with the field
empty and reported in :attr:`ImportReport.warnings`, like a cell the reader stripped of control
characters (terminal escapes, bidi overrides). A file that cannot be read at all, or is past one
of the reader's bounds (:mod:`data.sheets`), changes nothing and raises
:class:`~data.errors.DaihoiError`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import delegates, layouts, names
from .errors import DaihoiError
from .layouts import ColumnMap
from .outputs import remember_input
from .sheets import (
    HEADER_SEARCH_ROWS,
    Row,
    Skipped,
    Table,
    column_letter,
    find_header_rows,
    name_columns,
    read_table,
    read_tables,
)
from .store import Event
from .text import clean, fold, header_key

# ------------------------------------------------------------------------------ header names
# header_key() of each known header text → field. "_stt" is the row number column, "_name_part"
# a split name ("Họ" / "Tên"), "_male" / "_female" tick or year columns under "Nam" / "Nữ".
_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "hovaten", "hoten", "hovatendaibieu", "hotendaibieu", "hotendaydu", "hovatendaydu",
        "fullname", "name", "tendaibieu", "daibieu", "hovatendb", "hotendb",
    ),
    "_name_part": (
        "ho", "hodem", "hovatendem", "hovachulot", "hochulot", "tendem", "tenlot", "chulot",
        "ten", "tengoi", "tenrieng",
    ),
    "_stt": ("stt", "tt", "sott", "no", "so", "sothutu"),
    "gender": ("gioitinh", "gioi", "phai", "gender", "sex", "namnu"),
    "_birth": (
        "namsinh", "ngaysinh", "ngaythangnamsinh", "sinhngay", "sinhnam", "birthyear",
        "yearofbirth", "dateofbirth", "birthdate", "dob", "born",
    ),
    "ethnicity": ("dantoc", "ethnicity", "ethnic"),
    "religion": ("tongiao", "religion"),
    "position": ("chucvu", "chucdanh", "chucvuchucdanh", "chucdanhchucvu", "position", "title"),
    "unit": (
        "donvi", "donvicongtac", "coquan", "coquandonvi", "coquancongtac", "noicongtac",
        "chucvudonvicongtac", "chucvudonvi", "unit", "organization", "organisation", "workplace",
    ),
    "category": (
        "thanhphan", "cocau", "danhhieu", "thanhphandaibieu", "danhhieuthidua", "loaidaibieu",
        "doituong", "category",
    ),
    "delegation": (
        "doan", "khoi", "doandaibieu", "doankhoi", "khoidoan", "thuocdoan", "delegation", "bloc",
    ),
    "seat": ("ghe", "soghe", "vitringoi", "vitri", "chongoi", "seat"),
    "phone": ("dienthoai", "sodienthoai", "sdt", "dt", "dtdd", "didong", "phone", "mobile"),
    "external_id": ("ma", "madaibieu", "madb", "id", "code", "sohieu"),
    # A guest list's protocol (data.guests). "Thứ tự" alone is the reception's rank, but
    # "STT" / "Số thứ tự" (above) number the rows.
    "protocol_rank": (
        "thutuletan", "ttletan", "thutu", "thutugioithieu", "thutuuutien", "protocolrank",
        "protocolorder", "rank",
    ),
    "side": ("vephia", "phia", "thuocphia", "side"),
    "appointed": (
        "ngaybonhiem", "nambonhiem", "bonhiem", "ngaynhiemchuc", "ngaygiuchucvu", "appointed",
    ),
    # What trích ngang lists add, for the report on delegates present (data.credentials).
    # "Danh hiệu" alone stays the category (an emulation title): the state's honorary titles
    # come under their own words.
    "party_date": (
        "ngayvaodang", "ngayketnapdang", "ngayketnap", "namvaodang", "vaodang", "dangvien",
        "partydate",
    ),
    "education": (
        "hocvan", "trinhdohocvan", "trinhdovanhoa", "vanhoa", "trinhdogiaoducphothong",
        "giaoducphothong", "education",
    ),
    "qualification": (
        "trinhdochuyenmon", "chuyenmon", "trinhdochuyenmonnghiepvu", "chuyenmonnghiepvu",
        "hochamhocvi", "hocham", "hocvi", "qualification",
    ),
    "political_theory": (
        "lyluanchinhtri", "trinhdolyluanchinhtri", "trinhdolyluan", "llct", "trinhdochinhtri",
        "chinhtri",
    ),
    "delegate_kind": (
        "tucachdaibieu", "loaihinhdaibieu", "hinhthucdaibieu", "daibieula", "delegatekind",
    ),
    "honour_title": (
        "danhhieuvinhdu", "danhhieuvinhdunhanuoc", "danhhieunhanuoc", "danhhieucaoquy",
        "danhhieudacbiet", "honorarytitle",
    ),
    "sector": ("linhvuc", "linhvuchoatdong", "linhvuccongtac", "sector"),
    "model_kind": (
        "canhantapthe", "canhanhoactapthe", "tapthecanhan", "loaidienhinh", "individualcollective",
    ),
    "_male": ("nam", "male"),
    "_female": ("nu", "female"),
}  # fmt: skip
HEADER_FIELDS: dict[str, str] = {key: f for f, keys in _ALIASES.items() for key in keys}
"""header_key(text) → field name, for every header variant we recognise."""
_LONG_ALIASES = sorted((k for k in HEADER_FIELDS if len(k) >= 5), key=len, reverse=True)
_NOTE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\d+")
"""Notes and numbers in a header ("(dương lịch)", "[2]", "(2)"); an opening bracket is not
inside one, so a cell of 30,000 "(" is one pass, not one pass per bracket."""


@lru_cache(maxsize=4096)
def header_field(text: str) -> str | None:
    """The field a header cell names, or None.

    Exact variants first ("Họ và tên", "HỌ TÊN"); then without notes and numbers
    ("Năm sinh (dương lịch)", "Họ và tên (2)"); then a long known header the text starts with
    ("Họ và tên đại biểu dự đại hội", "Đơn vị công tác hiện nay"). Short ones ("Tên", "Mã")
    only match exactly, so "Tên đơn vị" is not a name.
    """
    key = header_key(text)
    if not key:
        return None
    found = HEADER_FIELDS.get(key) or HEADER_FIELDS.get(header_key(_NOTE.sub(" ", text)))
    if found:
        return found
    return next((HEADER_FIELDS[a] for a in _LONG_ALIASES if key.startswith(a)), None)


_MALE = {"nam", "m", "male", "trai", "ong"}
_FEMALE = {"nu", "f", "female", "gai", "ba"}

# ------------------------------------------------------------------------------ row shapes
_ENUMERATOR = re.compile(r"^\s*(?:[IVXLC]+|[A-Za-z]|\d+(?:\.\d+)*)\s*[.)/:–-]\s*(?=\S)")
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]+|[A-Za-z])\.?$")
_NUMBERING_CELL = re.compile(
    r"^\(?\s*(?:\d+|[A-Za-z]|\d+\s*[=+x*-]\s*\d+(?:\s*[=+x*-]\s*\d+)*)\s*\)?$"
)
# Folded starts of group headings. "Đoàn" and "Bàn" are also family names, so "Đoàn" alone is
# not enough: "Đoàn huyện Đại Từ" is a section, "Đoàn Thị Hoa" a delegate.
_SECTION_START = re.compile(
    r"^(?:khoi|cum|nhom|cac|dai\s*bieu|khach\s*moi|thanh\s*phan|linh\s*vuc|don\s*vi|"
    r"thanh\s*pho|thi\s*xa|huyen|doan\s*(?:huyen|thanh\s*pho|thi\s*xa|tinh|cac|dai\s*bieu|"
    r"khoi|cong\s*an|quan|luc\s*luong|so|nganh|doanh\s*nghiep|xa|phuong|dai\s*hoc|truong|"
    r"don\s*vi|bo|khach))\b"
)
# Lower-case words a sloppily typed *name* may have ("Nguyễn thị Hoa"); any other lower-case
# word ("Đoàn huyện Đại Từ", "Sở Y tế", "Lãnh đạo tỉnh") marks a heading: names are capitalised.
_NAME_WORDS = {
    "thi", "van", "duc", "minh", "ngoc", "thanh", "quang", "xuan", "huu", "hong", "kim", "dinh",
    "cong", "tien", "trong", "anh", "duy", "viet", "quoc", "thu", "phuong", "bich", "mai", "lan",
    "thuy", "dieu", "manh", "ba", "nu", "tuan", "hai", "hoang", "thai", "khac", "dang", "the",
}  # fmt: skip
# A match may start only where a run of spaces or of digits starts, and no two runs of spaces
# meet around an optional character: tried from inside a run, or split two ways, the pattern
# rescans the rest of it, and a cell of 30,000 digits took minutes.
_COUNT_SUFFIX = re.compile(
    r"(?<!\s)\s*(?:[(:–-]\s*)?(?:có\s*)?(?<!\d)\d+\s*"
    r"(?:đại\s*biểu|người|đồng\s*chí|đ/c|đb)\.?\s*(?:\)\s*)?$",
    re.IGNORECASE,
)
# A total line, in the STT or name cell only (a unit "Tổng công ty …" is not one). With its
# accents "Tổng cộng" / "Tổng số" / "Cộng:" cannot be a name; typed without them ("Tong cong")
# it folds like the family name Tống + Công, so it needs a ":" or a number after it.
_TOTAL_ACCENTED = re.compile(r"^(?:tổng\s*cộng|tổng\s*số)(?:$|[\s:(\d])|^cộng\s*[:\d]")
_TOTAL_FOLDED = re.compile(r"^(?:tong\s*cong|tong\s*so|cong|tong)\s*[:\d]")
_PLAIN_NUMBER = re.compile(r"^\d+\.?$")
_SIGNATURE = re.compile(
    r"^(?:nguoi\s*lap(?:\s*bieu)?\b|kt\s*[.:]|tm\s*[.:]|t/m\b|tl\s*[.:]|q\s*[.:]\s*(?:chu|giam|truong)|"
    r"thu\s*truong\s*(?:don\s*vi|co\s*quan)|\(\s*(?:da\s*)?ky\b|ky\s*(?:ten|,)|xac\s*nhan\s*cua|"
    r"noi\s*nhan\b)"
)
_SIGNATURE_EXACT = {"chu tich", "pho chu tich", "giam doc", "pho giam doc", "truong ban"}
_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})(?:\.0+)?$")
_EXCEL_EPOCH = datetime(1899, 12, 30)


# ------------------------------------------------------------------------------ results
@dataclass(frozen=True)
class FieldSource:
    """Where one delegate field was read from: shown before the counts, so a wrong column is
    seen before the list is trusted."""

    field: str
    """A delegate field ("name", "birth_year", "gender" …)."""
    header: str
    """The header text as written ("Họ và tên đệm + Tên", "Năm sinh Nữ")."""
    letters: str
    """The column letter(s) ("B", "B+C", "D, E")."""


@dataclass(frozen=True)
class Understanding:
    """What the importer understood of the file, before any count."""

    sheets: list[str] = field(default_factory=list)
    """The sheet(s) read ("" for a CSV)."""
    header_rows: list[int] = field(default_factory=list)
    """The header row numbers: one, or two for a two-row header."""
    columns: list[FieldSource] = field(default_factory=list)
    """The column behind each field, in field order."""
    delegations: list[str] = field(default_factory=list)
    """Delegation headings found ("KHỐI CÁC SỞ", "Đoàn huyện Đại Từ"), in list order."""
    categories: list[str] = field(default_factory=list)
    """Category headings found ("Đại biểu đương nhiên", "Khách mời"), distinct, in list order."""
    honorifics: int = 0
    """Names with an honorific or title taken off ("Ông", "Đại tá") into its own field."""
    roles: int = 0
    """Names with a role note taken off ("(Trưởng đoàn)", "*") into its own field."""
    recased: int = 0
    """Names typed ALL IN CAPITALS, stored re-cased (the original kept)."""
    filled_down: int = 0
    """Rows whose delegation or unit was blank and taken from the rows above."""
    skipped_reasons: dict[str, int] = field(default_factory=dict)
    """Rows skipped, counted per reason (catalog key)."""
    legacy: dict[str, int] = field(default_factory=dict)
    """Cells converted from a legacy Vietnamese encoding, per encoding ("TCVN3": 12), when the
    reader reports them."""
    notes: list[Skipped] = field(default_factory=list)
    """Warnings about the whole list, one line each (``import.no_gender``)."""
    header_texts: tuple[str, ...] = ()
    """Each column's header text as written (two header rows joined), of the first list: what
    the organizer maps columns from, and the key a mapping is remembered under."""
    mapped: dict[int, str] = field(default_factory=dict)
    """0-based column → the field read from it (:data:`data.layouts.FIELDS`), of the first list."""
    layout: str = ""
    """How the columns were told: "" by their header texts, "remembered" by a mapping the
    organizer made for this layout before, "given" by the mapping passed in (``columns=``)."""


@dataclass(frozen=True)
class RowChange:
    """One delegate row of the list and what importing it does, for the preview."""

    row: int
    """Spreadsheet row number."""
    sheet: str
    """The sheet, when the file held several lists ("" otherwise)."""
    change: str
    """"added", "updated" or "unchanged"."""
    name: str
    """The name as it will be stored."""
    fields: tuple[str, ...]
    """For "updated": the fields that change."""
    record: dict[str, Any]
    """The delegate's fields as they will be stored (only those the list gives)."""


@dataclass(frozen=True)
class ImportReport:
    """What importing one file did (or, for a dry run, would do)."""

    file: str
    """The file name as the user gave it, for messages."""
    added: int
    """Delegates added."""
    updated: int
    """Delegates already in the event whose fields changed."""
    unchanged: int
    """Rows matching a delegate that changed nothing."""
    skipped: list[Skipped]
    """Rows not imported, with why."""
    warnings: list[Skipped]
    """Rows imported with a field left empty (an unclear gender, an unreadable birth year), with
    control characters removed from a cell (``limits.control_chars``), or a total line that
    does not match the rows read (``import.total_mismatch``), with why; in row order."""
    added_names: list[str]
    """Names of the delegates added, in list order."""
    updated_names: list[tuple[str, list[str]]]
    """(name, changed fields) of the delegates updated."""
    dry_run: bool = False
    """True when nothing was written."""
    understood: Understanding = field(default_factory=Understanding)
    """What the importer understood of the file (sheet, header, columns, sections, names)."""
    rows: list[RowChange] = field(default_factory=list)
    """Every delegate row read, in list order, with what importing it does (the skipped rows
    are in :attr:`skipped`)."""


@dataclass(frozen=True)
class Column:
    """What one spreadsheet column holds."""

    index: int
    """0-based position in the row tuple."""
    field: str
    """A delegate field, or one of ``_stt``, ``_name_part``, ``_birth``, ``_male``, ``_female``."""
    header: str
    """The header text as written, for messages."""
    gender: str = ""
    """"Nam"/"Nữ" for a birth-year or tick column under a gender sub-header."""


@dataclass(frozen=True)
class Header:
    """Where the header is and what each column means."""

    row: int
    """Row number of the (last) header row; data starts below it."""
    columns: list[Column]
    first_row: int = 0
    """Row number of the first header row when the header has two (else 0)."""

    @property
    def rows(self) -> list[int]:
        """The header's row numbers."""
        return [self.first_row, self.row] if self.first_row else [self.row]


# ------------------------------------------------------------------------------ reading
def read_rows(path: str | Path, sheet: str | None = None) -> list[Row]:
    """Every row of ``path`` (one sheet of an .xlsx, or a .csv) with its row number, merges
    filled (:func:`data.sheets.read_table`): the sheet named, else the active one, else the
    first other sheet with a delegate header.

    Raises ``import.unsupported`` / ``import.missing`` / ``import.unreadable`` /
    ``import.no_sheet`` / ``import.no_header``.
    """
    return read_table(path, sheet, has_header=find_header).rows


# ------------------------------------------------------------------------------ header
def _names_columns(fields: list[str | None]) -> bool:
    """A delegate header: a full-name column (or family and given name columns) and, beside a
    split name, at least two other known columns."""
    if "name" in fields:
        return True
    return fields.count("_name_part") >= 2 and (
        sum(1 for f in fields if f and f not in ("_stt", "_name_part")) >= 2
    )


def find_header(rows: Sequence[Row]) -> Header | None:
    """The header among the first rows: the first with a full-name column.

    A second header row directly below (cells that are header names, "Nam"/"Nữ", or copies of
    the cell above from a vertical merge) is combined with it: "Năm sinh" over "Nam" / "Nữ"
    becomes two birth-year columns that also give the gender; "Họ và tên" over "Họ đệm" /
    "Tên" two name parts. The second row may also hold sub-headers we do not read under a
    group heading ("Trình độ" over "Chuyên môn" / "Lý luận chính trị"): it still gives the
    gender and the name parts (:func:`_loose_sub_header`).
    """
    texts = [(n, [clean(_text(v)) for v in values]) for n, values in rows[: HEADER_SEARCH_ROWS + 1]]
    found = find_header_rows(texts, header_field, _names_columns, groups=(None, "_birth", "gender"))
    if found is None:
        return None
    if found.sub is not None:
        first = _row_above(texts, found.row)
        return Header(found.row, map_columns(found.top, found.sub), first)
    at = next(i for i, (n, _) in enumerate(texts) if n == found.row)
    if at + 1 < len(texts) and _loose_sub_header(found.top, texts[at + 1][1]):
        below_row, below = texts[at + 1]
        return Header(below_row, map_columns(found.top, below), found.row)
    return Header(found.row, map_columns(found.top, None))


def _row_above(texts: Sequence[tuple[int, list[str]]], row: int) -> int:
    at = next(i for i, (n, _) in enumerate(texts) if n == row)
    return texts[at - 1][0] if at > 0 else 0


def _loose_sub_header(top: Sequence[str], below: Sequence[str]) -> bool:
    """Whether ``below`` is a second header row that :func:`data.sheets.find_header_rows`
    did not take: "Nam"/"Nữ" under "Năm sinh", "Ngày sinh" or "Giới tính", or name parts
    ("Họ đệm", "Tên") under "Họ và tên", beside sub-headers of a group heading spanning several
    columns ("Trình độ" over "Chuyên môn" | "Lý luận chính trị"). Every other filled cell is
    a copy of the cell above (a vertical merge), so a row of data is never taken for one."""
    meaningful = 0
    carried = ""
    for j in range(max(len(top), len(below))):
        upper = top[j] if j < len(top) else ""
        lower = below[j] if j < len(below) else ""
        if upper:
            carried = upper
        if not lower or lower == upper:
            continue
        up = upper or carried
        up_field, low_field = header_field(up), header_field(lower)
        if low_field in ("_male", "_female") and up_field in ("_birth", "gender"):
            meaningful += 1
        elif low_field == "_name_part" and up_field == "name":
            meaningful += 1
        elif up and up_field is None and _spans(top, j):
            continue  # a group heading's own sub-headers, not read
        else:
            return False
    return meaningful > 0


def _spans(top: Sequence[str], j: int) -> bool:
    """Whether the header cell over column ``j`` covers more than one column: the same text
    beside it (a merge filled by the reader) or blank cells on its right (a merge not kept)."""
    text = top[j] if j < len(top) else ""
    left = top[j - 1] if 0 < j <= len(top) else ""
    right = top[j + 1] if j + 1 < len(top) else ""
    if not text:
        return bool(left) or any(top[:j])
    return text in (left, right) or (j + 1 < len(top) and not right)


def map_columns(top: Sequence[str], sub: Sequence[str] | None = None) -> list[Column]:
    """Columns of a one- or two-row header mapped to fields (unknown columns are left out).

    With a sub-header, an empty top cell over a filled sub cell belongs to the top cell on its
    left (a merge that was not recorded, e.g. in a CSV export): "Năm sinh", "" over "Nam", "Nữ".
    """
    width = max(len(top), len(sub or ()))
    columns: list[Column] = []
    carried = ""
    for j in range(width):
        upper = top[j] if j < len(top) else ""
        lower = sub[j] if sub is not None and j < len(sub) else ""
        if upper:
            carried = upper
        elif lower:
            upper = carried
        up_field = header_field(upper)
        low_field = header_field(lower) if lower and lower != upper else None
        header_text = f"{upper} {lower}".strip() if low_field else upper
        if low_field in ("_male", "_female"):
            gender = "Nam" if low_field == "_male" else "Nữ"
            if up_field == "_birth":
                columns.append(Column(j, "_birth", header_text, gender))
            else:  # "Giới tính" over Nam / Nữ: tick columns
                columns.append(Column(j, low_field, header_text, gender))
        elif low_field:
            columns.append(Column(j, low_field, lower))
        elif up_field in ("_male", "_female"):
            columns.append(Column(j, up_field, upper, "Nam" if up_field == "_male" else "Nữ"))
        elif up_field:
            columns.append(Column(j, up_field, upper))
    return _dedupe(columns)


def _dedupe(columns: list[Column]) -> list[Column]:
    """One column per plain field: the first wins. Names (a header merged over family and given
    name), birth columns ("Năm sinh" and "Ngày sinh", or under Nam / Nữ) and gender ticks
    may repeat."""
    seen: set[str] = set()
    kept = []
    for c in columns:
        multi = c.field in ("name", "_name_part", "_birth", "_male", "_female")
        if c.field in seen and not multi:
            continue
        seen.add(c.field)
        kept.append(c)
    return kept


# ------------------------------------------------------------------------------ rows
# A heading that names a kind of delegate (folded, numbering and count taken off): it sets the
# category of the rows below, not their delegation.
_CATEGORY_HEADING = re.compile(
    r"^(?:cac\s+)?(?:(?:thanh\s*phan\s*)?dai\s*bieu\s*(?:la\s*)?(?:duong\s*nhien|chi\s*dinh|"
    r"(?:duoc\s*)?bau|du\s*khuyet|khach\s*moi|moi|dien\s*hinh|tieu\s*bieu|anh\s*hung|chinh\s*thuc)|"
    r"khach\s*moi|dien\s*hinh\s*tien\s*tien|guong\s*dien\s*hinh)"
)
# After a number in the STT column, a heading is sure only when it cannot be a name: its second
# word in lower case ("Đoàn huyện Bát Xát") or its first word no family name ("Khối", "Huyện").
_TOTAL_NUMBER = re.compile(r"\d+")


def is_category_heading(text: str) -> bool:
    """A heading naming a kind of delegate ("a) Đại biểu đương nhiên", "Khách mời",
    "Đại biểu là điển hình tiên tiến"): the category of the rows below."""
    return bool(_CATEGORY_HEADING.match(fold(_section_name(text))))


_ROMAN_HEADING = re.compile(r"^\s*[IVXLC]+\s*[.)/:–-]")
_ROMAN_STT = re.compile(r"^[IVXLC]+\.?$")


def _top_level(text: str, stt: str) -> bool:
    """A heading numbered with a Roman numeral ("XI. Khách mời", "I | KHỐI …") is of the
    delegation level, whatever it names: guests may be a delegation of their own."""
    return bool(_ROMAN_HEADING.match(text) or _ROMAN_STT.match(stt))


def _numbered_heading(text: str) -> bool:
    """A heading numbered in the STT column like a person ("2 | Đoàn huyện Bát Xát")."""
    words = text.split()
    if len(words) < 2 or not _SECTION_START.match(fold(text)):
        return False
    if words[0].lower() not in names.FAMILY_NAMES:
        return True
    return words[1][0].isalpha() and words[1][0].islower()


@dataclass
class _Parsed:
    records: list[dict[str, Any]]
    skipped: list[Skipped]
    warnings: list[Skipped]
    delegations: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    honorifics: int = 0
    roles: int = 0
    recased: int = 0
    filled_down: int = 0
    notes: list[Skipped] = field(default_factory=list)

    def extend(self, part: _Parsed, *, sheet: str = "") -> None:
        """Add another sheet's list; its rows' messages name ``sheet`` (row numbers repeat)."""
        self.records += part.records
        self.skipped += [replace(s, sheet=sheet) for s in part.skipped]
        self.warnings += [replace(w, sheet=sheet) for w in part.warnings]
        self.delegations += [d for d in part.delegations if d not in self.delegations]
        self.categories += [c for c in part.categories if c not in self.categories]
        self.honorifics += part.honorifics
        self.roles += part.roles
        self.recased += part.recased
        self.filled_down += part.filled_down
        self.notes += part.notes


@dataclass
class _Counts:
    """People read since each kind of boundary, for checking "Cộng" and "Tổng cộng" rows."""

    block: int = 0
    """Since the last delegation heading or "Cộng" row."""
    delegation: int = 0
    """Since the last delegation heading."""
    category: int = 0
    """Since the last heading of either level."""
    total: int = 0
    """In the whole list."""

    def person(self) -> None:
        self.block += 1
        self.delegation += 1
        self.category += 1
        self.total += 1


def parse_rows(
    rows: Sequence[Row], header: Header, source_file: str, *, on: date | None = None
) -> _Parsed:
    """Turn the rows below ``header`` into delegate records, skipping what is not a delegate.

    ``on`` is the event's day, for two-digit birth years ("28/5/01" is 2001 when 1901 would
    make the delegate 124); today when not given.
    """
    cols = header.columns
    name_cols = [c for c in cols if c.field == "name"] or [
        c for c in cols if c.field == "_name_part"
    ]
    name_idx = {c.index for c in name_cols}
    stt_idx = {c.index for c in cols if c.field == "_stt"}
    fill_cols = [c for c in cols if c.field in ("delegation", "unit")]
    name_header = name_cols[0].header if name_cols else ""
    day = on or date.today()

    out = _Parsed([], [], [])
    skipped, warnings = out.skipped, out.warnings
    section = ""  # the delegation a heading gave
    category = ""  # the category a lower heading gave
    carried: dict[int, str] = {}  # delegation / unit written once for a group, filled down
    counts = _Counts()
    seen_ids: dict[str, int] = {}
    seen_keys: dict[str, int] = {}

    def heading(text: str, number: int, stt: str) -> None:
        nonlocal section, category
        title = _section_name(text)
        if is_category_heading(text) and not _top_level(text, stt):
            category = title
            if title not in out.categories:
                out.categories.append(title)
        else:
            section, category = title, ""
            carried.clear()
            out.delegations.append(title)
            counts.delegation = counts.block = 0
            if _doubtful_section(text, stt):
                skipped.append(Skipped(number, "import.section_or_name", {"text": text}))
        counts.category = 0

    for number, values in rows:
        if number <= header.row:
            continue
        texts = [clean(v if isinstance(v, str) else _text(v)) for v in values]
        filled = [t for t in texts if t]
        if not filled:
            continue
        name = join_name(texts, name_cols)
        stt = next((texts[i] for i in stt_idx if i < len(texts) and texts[i]), "")
        others = [
            t
            for j, t in enumerate(texts)
            if t and t != name and j not in name_idx and j not in stt_idx
        ]
        rest = bool(others)
        if is_signature(name, filled):
            break
        if is_total(stt) or is_total(name):
            if any(_has_letter(t) for t in others):  # a total line does not name a unit
                skipped.append(Skipped(number, "import.total_row", {"text": stt or name}))
            else:
                _check_total(stt or name, [name, *others], number, counts, warnings)
            continue
        if all(_NUMBERING_CELL.match(t) for t in filled):
            continue
        if not _has_letter(name):
            lone = filled[0] if len(set(filled)) == 1 else ""
            if lone and is_section(lone, stt, False):
                heading(lone, number, stt)
            elif any(_has_letter(t) for t in filled):
                skipped.append(Skipped(number, "import.no_name", column=name_header))
            continue
        parts = names.split_name(name)
        if _is_heading(name, parts, stt, rest, others):
            heading(name, number, stt)
            continue

        person = parts.name if _has_letter(parts.name) else name
        record: dict[str, Any] = {"name": person, "source_file": source_file, "source_row": number}
        if person == parts.name:
            record["honorific"], record["role"] = parts.honorific, parts.role
            out.honorifics += bool(parts.honorific)
            out.roles += bool(parts.role)
            if parts.cased:
                record["name_original"] = names.clean_name(name)
                out.recased += 1
        _fill_record(record, texts, values, cols, number, warnings, day)
        for c in fill_cols:
            text = texts[c.index] if c.index < len(texts) else ""
            if text:
                carried[c.index] = text
            elif c.index in carried and not (c.field == "delegation" and section):
                record[c.field] = carried[c.index]
                out.filled_down += 1
        if section and not record.get("delegation"):
            record["delegation"] = section
        if category and not record.get("category"):
            record["category"] = category
        counts.person()
        ext = record.get("external_id")
        key = delegates.match_key(
            person, record.get("unit", ""), record.get("birth_year"), record.get("delegation", "")
        )
        first = seen_ids.get(ext) if ext else None
        if first is None:
            first = seen_keys.get(key)
        if first is not None:
            skipped.append(Skipped(number, "import.duplicate_row", {"first": first}))
            continue
        if ext:
            seen_ids[ext] = number
        seen_keys[key] = number
        out.records.append(record)
    if out.records and not any(r.get("gender") for r in out.records):
        out.notes.append(Skipped(header.row, "import.no_gender"))
    return out


def _is_heading(name: str, parts: names.NameParts, stt: str, rest: bool, others: list[str]) -> bool:
    """Whether a row with a name cell is a heading rather than a person."""
    if _PLAIN_NUMBER.match(stt):
        return not rest and _numbered_heading(name)
    if not is_section(name, stt, rest, rest and all(t.isdigit() for t in others)):
        return False
    if parts.honorific or parts.role:
        # "Nguyễn Văn An - Phó trưởng đoàn" alone on its row: the note's lower-case words made
        # it look like a heading; the name without it decides
        return is_section(parts.name, stt, rest, rest and all(t.isdigit() for t in others))
    return True


def _check_total(
    text: str, cells: list[str], number: int, counts: _Counts, warnings: list[Skipped]
) -> None:
    """Check a total line against the people read: "Tổng cộng" / "Tổng số" the whole list,
    "Cộng" the section above. A mismatch is a warning naming the row."""
    said = None
    for cell in [text, *cells]:
        if m := _TOTAL_NUMBER.search(cell):
            said = int(m.group())
            break
    whole = fold(text).startswith("tong")
    if said is not None:
        expected = (counts.total,) if whole else (counts.block, counts.category, counts.delegation)
        if said not in expected:
            read = counts.total if whole else counts.block
            warnings.append(
                Skipped(number, "import.total_mismatch", {"text": text, "said": said, "read": read})
            )
    if not whole:
        counts.block = 0


def join_name(texts: list[str], name_cols: list[Column]) -> str:
    """The name cell, or the split-name cells joined ("Họ" + "Tên đệm" + "Tên"); a whole name
    merged across the split columns is read once. One word twice is two parts of the name:
    "Đoàn" + "Phương" + "Phương" is Đoàn Phương Phương."""
    parts: list[str] = []
    for c in name_cols:
        t = texts[c.index] if c.index < len(texts) else ""
        if t and (not parts or t != parts[-1] or len(t.split()) < 2):
            parts.append(t)
    return names.join_parts(*parts)


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def is_signature(name: str, filled: list[str]) -> bool:
    """The signature block: a marker ("NGƯỜI LẬP BIỂU", "KT. CHỦ TỊCH") in the name column, or
    a marker on a row with no name. A delegate whose position is "Chủ tịch" has a name, so is
    never mistaken for it."""
    if _has_letter(name):
        name_f = fold(name)
        return bool(_SIGNATURE.match(name_f)) or name_f in _SIGNATURE_EXACT
    for text in filled:
        f = fold(text)
        if _SIGNATURE.match(f) or f in _SIGNATURE_EXACT:
            return True
    return False


def is_total(text: str) -> bool:
    """A total line's text ("Tổng cộng: 350 đại biểu", "Cộng: 12", "TONG SO 40")."""
    return bool(text) and bool(
        _TOTAL_ACCENTED.match(text.lower()) or _TOTAL_FOLDED.match(fold(text))
    )


def is_section(name: str, stt: str, rest: bool, numbers_only: bool = False) -> bool:
    """A group heading rather than a person.

    A plain number in the STT column ("1", "12.") numbers a person, never a heading: headings
    carry "I" / "A" or nothing.

    Strong signs, enough even beside a count in another column ("I | KHỐI CÁC SỞ | … | 25"):
    numbered "I." / "A." / "1.", a Roman numeral or letter in the STT column, or a group start
    ("Khối …", "Đoàn huyện …", "Các đại biểu …"). Alone on its row, a text with a lower-case
    word that is not a name part ("Sở Y tế", "Lãnh đạo tỉnh") is a heading too.
    """
    if (rest and not numbers_only) or _PLAIN_NUMBER.match(stt):
        return False
    if _ROMAN_OR_LETTER.match(stt) or _ENUMERATOR.match(name):
        return True
    folded = fold(name)
    if _SECTION_START.match(folded):
        # "Đoàn Phương Anh | 1985 | 0987…": a person with a year and a phone, not a heading
        # with a count
        return not (rest and _doubtful_section(name, stt))
    if rest:
        return False
    words, folded_words = name.split(), folded.split()
    return len(words) > 1 and any(
        w[0].isalpha() and w[0].islower() and f not in _NAME_WORDS
        for w, f in zip(words[1:], folded_words[1:])
    )


def _doubtful_section(text: str, stt: str) -> bool:
    """A heading that could be a person: "Đoàn" is a group and a family name, so "Đoàn Quân"
    or "ĐOÀN HUYỀN TRANG" alone on its row reads as the delegation of the rows below but is
    reported as a skipped row, so a person never disappears silently. Numbering, a count or a lower-case word ("Đoàn huyện Đại Từ")
    make it a sure heading."""
    words = text.split()
    if fold(words[0]) != "doan" or len(words) < 2 or _ROMAN_OR_LETTER.match(stt):
        return False
    if _ENUMERATOR.match(text) or _COUNT_SUFFIX.search(text):
        return False
    return all(w[0].isupper() for w in words[1:] if w[0].isalpha())


def _section_name(text: str) -> str:
    """The section's text without numbering or count: "I. KHỐI CÁC SỞ (25 đại biểu)" →
    "KHỐI CÁC SỞ"."""
    return _COUNT_SUFFIX.sub("", _ENUMERATOR.sub("", text)).strip() or text


def _fill_record(
    record: dict[str, Any],
    texts: list[str],
    values: tuple[Any, ...],
    cols: list[Column],
    number: int,
    warnings: list[Skipped],
    on: date,
) -> None:
    """Put each column's value in ``record``. A cosmetic field that cannot be read (a birth
    year "abc", an odd gender) is left empty with a warning: it never loses the delegate."""
    gender_ticks: dict[str, bool] = {}
    for c in cols:
        if c.index >= len(texts) or c.field in ("name", "_name_part", "_stt"):
            continue
        text = texts[c.index]
        raw = values[c.index]
        if c.field in ("_male", "_female"):
            gender_ticks[c.gender] = bool(text)
            continue
        if not text:
            continue
        if c.field == "_birth":
            parsed = _birth(raw, text, on)
            if parsed is None:
                warnings.append(Skipped(number, "import.bad_year", {"value": text}, c.header))
                if c.gender:  # the year is unreadable, but written in the Nam or the Nữ column
                    record.setdefault("gender", c.gender)
                continue
            year, day = parsed
            if day or "birth_year" not in record:  # "Năm sinh" and "Ngày sinh": the date wins
                record["birth_year"] = year
            if day:
                record["birth_date"] = day
            if c.gender:
                record["gender"] = c.gender
        elif c.field == "gender":
            g = _gender(text)
            if g:
                record.setdefault("gender", g)
            else:
                warnings.append(Skipped(number, "import.bad_gender", {"value": text}, c.header))
        elif c.field == "phone":
            record["phone"] = _phone(raw, text)
        elif c.field == "protocol_rank":
            rank = _rank(raw, text)
            if rank is None:
                warnings.append(Skipped(number, "import.bad_rank", {"value": text}, c.header))
            else:
                record["protocol_rank"] = rank
        elif c.field == "appointed":
            when = _birth(raw, text, on)  # a date or a year, read as birth dates are
            if when is None:
                warnings.append(Skipped(number, "import.bad_appointed", {"value": text}, c.header))
            else:
                record["appointed"] = when[1] or str(when[0])
        else:
            record[c.field] = text
    if "gender" not in record and gender_ticks:
        ticked = [g for g, on_ in gender_ticks.items() if on_]
        if len(ticked) == 1:
            record["gender"] = ticked[0]
        elif not ticked and list(gender_ticks) == ["Nữ"]:
            record["gender"] = "Nam"  # a lone "Nữ" tick column: blank means a man


def _gender(text: str) -> str:
    f = fold(text).strip(" .")
    if f in _MALE:
        return "Nam"
    if f in _FEMALE:
        return "Nữ"
    return ""


OLDEST, YOUNGEST = 100, 15
"""Ages on the event day a two-digit birth year is resolved into ("28/5/01" → 2001)."""


def _birth(raw: Any, text: str, on: date | None = None) -> tuple[int, str | None] | None:
    """(year, ``YYYY-MM-DD`` or None) from a year (1983, 1983.0, "1983"), an Excel date, a
    date serial, "12/03/1980", "28/5/01", "00/00/1983" (the year only) or "2001-05-28"; None
    if unreadable or implausible (before 1900 or after the event day ``on``, today if None)."""
    on = on or date.today()
    year: int | None = None
    day: date | None = None
    if isinstance(raw, datetime):
        day = raw.date()
    elif isinstance(raw, date):
        day = raw
    elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if raw == int(raw) and 1000 <= raw <= 9999:
            year = int(raw)
        elif 1 <= raw < 80000:  # an Excel date serial without a date format
            day = (_EXCEL_EPOCH + timedelta(days=int(raw))).date()
    else:
        s = text.strip()
        if m := _YEAR.match(s):
            year = int(m.group(1))
        elif m := _DATE.match(s):
            d, mo, y = (int(g) for g in m.groups())
            if y < 100:
                y = _century(y, mo, d, on)
            if d == 0 and mo == 0:  # "00/00/1983": the year is known, the day is not
                year = y
            else:
                day = _safe_date(y, mo, d)
        elif m := _ISO_DATE.match(s):
            day = _safe_date(*(int(g) for g in m.groups()))
        elif m := _MONTH_YEAR.match(s):
            if 1 <= int(m.group(1)) <= 12:
                year = int(m.group(2))
    if day is not None:
        year = day.year
    if year is None or not 1900 <= year <= on.year:
        return None
    return year, day.isoformat() if day else None


def _century(yy: int, month: int, day: int, on: date) -> int:
    """A two-digit year in the century that makes the delegate between :data:`YOUNGEST` and
    :data:`OLDEST` on the event day; the later one when both do, 1900s when neither does."""
    for year in (2000 + yy, 1900 + yy):
        born = _safe_date(year, month or 1, day or 1) or date(year, 1, 1)
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        if YOUNGEST <= age <= OLDEST:
            return year
    return 1900 + yy


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _rank(raw: Any, text: str) -> int | None:
    """A protocol rank: a whole number from 1 ("3", 3.0, "3."), else None."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return int(raw) if raw == int(raw) and raw >= 1 else None
    digits = text.strip().rstrip(".")
    return int(digits) if digits.isdigit() and int(digits) >= 1 else None


def _phone(raw: Any, text: str) -> str:
    """A phone number as text; Excel drops the leading 0 of a number typed as a number."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw == int(raw):
        digits = str(int(raw))
        return "0" + digits if len(digits) == 9 else digits
    return text


def _text(value: Any) -> str:
    """A cell as text: whole floats without ".0", dates as ``YYYY-MM-DD``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value)


# ------------------------------------------------------------------------------ the whole
IMPORT_STEPS = 3
"""The steps :func:`import_delegates` reports: read the file, parse its rows, write them."""


def import_delegates(
    event: Event,
    path: str | Path,
    *,
    sheet: str | None = None,
    dry_run: bool = False,
    prepare: Callable[[list[dict[str, Any]]], None] | None = None,
    columns: ColumnMap | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Read ``path`` and add or update its delegates in ``event`` (nothing for a dry run).

    ``prepare`` sees the list's records, in the list's order, before they are applied (a
    guest list marks its rows as guests: :func:`data.guests.import_guests`), under the write
    lock they are applied under, so what it reads of the event is what they are applied to.

    ``columns`` says which field each column holds, for the header it was made from (the
    console's column mapping), instead of reading the header texts; without it, a mapping the
    organizer made for this layout before (:func:`data.layouts.remembered`) is used, else the
    header texts tell.

    Re-importing a corrected list updates delegates in place (by the list's "Mã", else name +
    unit + birth year) and never touches check-ins. The whole file is parsed before anything is
    written, so an unreadable file changes nothing.

    ``progress(done, total)`` is told as the import reads the file, parses it and writes it
    (three steps: reading a large workbook is most of the time).
    """
    tell = progress or (lambda done, total: None)
    tell(0, IMPORT_STEPS)
    finder = header_finder(event, columns)
    book = read_tables(path, sheet, has_header=finder)
    tell(1, IMPORT_STEPS)
    many = len(book.tables) > 1
    name = Path(path).name
    parsed = _Parsed([], [], [])
    sheet_of: list[str] = []  # each record's sheet, for the preview's rows
    for table in book.tables:
        assert table.header is not None  # read_tables keeps only sheets with a header
        part = parse_rows(table.rows, table.header, name, on=_event_day(event))
        if many and table.named:  # one sheet per delegation: the sheet's name is the delegation
            for record in part.records:
                if not record.get("delegation"):
                    record["delegation"] = table.sheet
        headers = [""] * (max((c.index for c in table.header.columns), default=-1) + 1)
        for c in table.header.columns:
            headers[c.index] = c.header
        # Cells the reader cleaned (control characters), with the rows' own warnings, by row;
        # hidden and struck-through rows with the rows skipped.
        part.warnings = sorted(name_columns(table.warnings, headers) + part.warnings, key=_row)
        part.skipped = sorted(part.skipped + table.skipped_rows, key=_row)
        parsed.extend(part, sheet=table.sheet if many else "")
        sheet_of += [table.sheet if many else ""] * len(part.records)
    parsed.notes += [Skipped(0, s.key, {"sheet": s.sheet}) for s in book.skipped]
    if not parsed.records and not parsed.skipped and book.tables:
        header = book.tables[0].header
        assert header is not None
        raise DaihoiError("import.no_delegates", file=name, row=header.row)
    tell(2, IMPORT_STEPS)
    with nullcontext() if dry_run or prepare is None else event.write():
        if prepare is not None:
            prepare(parsed.records)
        upserted = delegates.upsert(event, parsed.records, dry_run=dry_run, source=name)
    if not dry_run:
        remember_input(event, path, "delegates")
    tell(IMPORT_STEPS, IMPORT_STEPS)
    first = book.tables[0]
    understood = understanding(
        first.header,
        parsed,
        sheets=[t.sheet for t in book.tables],
        legacy=_summed(t.legacy for t in book.tables),
    )
    assert first.header is not None
    understood = replace(
        understood,
        header_texts=header_texts(first.rows, first.header),
        mapped={c.index: c.field for c in first.header.columns},
        layout=finder.used,
    )
    changed = iter(upserted.updated)
    rows = []
    for record, change, on_sheet in zip(parsed.records, upserted.outcomes, sheet_of):
        fields = tuple(next(changed)[1]) if change == "updated" else ()
        stored = {k: v for k, v in record.items() if k not in ("source_file", "source_row")}
        rows.append(
            RowChange(
                record.get("source_row") or 0,
                on_sheet,
                change,
                record["name"],
                fields,
                stored,
            )
        )
    return ImportReport(
        file=str(path),
        added=len(upserted.added),
        updated=len(upserted.updated),
        unchanged=upserted.unchanged,
        skipped=parsed.skipped,
        warnings=parsed.warnings,
        added_names=list(upserted.added),
        updated_names=list(upserted.updated),
        dry_run=dry_run,
        understood=understood,
        rows=rows,
    )


class header_finder:  # noqa: N801 - used as a function: has_header=header_finder(event, None)
    """The header test of one import: the mapping given, else a remembered layout, else the
    header texts (:func:`find_header`); :attr:`used` says which told the columns."""

    def __init__(self, event: Event, columns: ColumnMap | None) -> None:
        self.given = columns
        self.known = {columns.key: columns} if columns is not None else layouts.remembered(event)
        self.used = ""

    def __call__(self, rows: Sequence[Row]) -> Header | None:
        texts = [
            (n, [clean(_text(v)) for v in values]) for n, values in rows[: HEADER_SEARCH_ROWS + 1]
        ]
        found = layouts.find(texts, self.known)
        if found is not None:
            first, last, layout = found
            self.used = "given" if self.given is not None else "remembered"
            block = dict(texts)
            return header_from_map(first, last, layout, block[first], block[last])
        if self.given is not None:  # the organizer's mapping, for a file of another layout
            return None
        return find_header(rows)


def header_from_map(
    first: int, last: int, layout: ColumnMap, top: Sequence[str], sub: Sequence[str]
) -> Header:
    """The header a mapping describes, its rows ``first`` to ``last`` (their texts ``top`` and
    ``sub``, the same row for a one-row header). A birth column under "Nam" / "Nữ" keeps the
    gender its sub-header gives, as when the header alone is read (:func:`map_columns`)."""
    under = {c.index: c.gender for c in map_columns(top, sub if last != first else None)}
    cols = []
    for j, f in sorted(layout.fields.items()):
        text = layout.header[j] if j < len(layout.header) else column_letter(j)
        gender = {"_male": "Nam", "_female": "Nữ"}.get(f) or (
            under.get(j, "") if f == "_birth" else ""
        )
        cols.append(Column(j, f, text or column_letter(j), gender))
    return Header(last, cols, first if first != last else 0)


def header_texts(rows: Sequence[Row], header: Header) -> tuple[str, ...]:
    """The header text of each column (its rows' texts joined), as :mod:`data.layouts` keys it."""
    block = [[clean(_text(v)) for v in values] for n, values in rows if n in header.rows]
    return layouts.combined(block)


@dataclass(frozen=True)
class RawSheet:
    """The first rows of a list whose header was not recognized, for mapping its columns."""

    sheet: str
    """The sheet read ("" for a CSV)."""
    rows: list[tuple[int, list[str]]]
    """(row number, each cell's text), the first :data:`~data.sheets.HEADER_SEARCH_ROWS` + 20
    rows holding a value."""
    header_row: int
    """The row that most looks like a header: the first with the most cells of words."""


def raw_sheet(path: str | Path, sheet: str | None = None) -> RawSheet:
    """The first rows of ``path`` (the sheet named, else the active one) as texts, and the
    likeliest header row, when :func:`find_header` found none. Raises what reading raises."""
    table: Table[Header] = read_table(path, sheet)
    rows = [(n, [clean(_text(v)) for v in values]) for n, values in table.rows if any(values)][
        : HEADER_SEARCH_ROWS + 20
    ]
    best, best_count = (rows[0][0] if rows else 1), 0
    for n, cells in rows[:HEADER_SEARCH_ROWS]:
        worded = sum(1 for c in cells if c and _has_letter(c) and not c[:1].isdigit())
        if worded > best_count:
            best, best_count = n, worded
    return RawSheet(table.sheet, rows, best)


def _row(s: Skipped) -> int:
    return s.row


def _summed(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for found in counts:
        for key, n in found.items():
            total[key] = total.get(key, 0) + n
    return total


def _event_day(event: Event) -> date | None:
    """The event's day, for resolving two-digit birth years; None (today) when not set."""
    try:
        day = event.info.date
        return date.fromisoformat(day) if day else None
    except (ValueError, AttributeError):
        return None


_FIELD_OF = {"_name_part": "name", "_birth": "birth_year", "_male": "gender", "_female": "gender"}


def understanding(
    header: Header | None, parsed: _Parsed, *, sheets: list[str], legacy: dict[str, int]
) -> Understanding:
    """What the import understood: the sheets read, header rows and columns (of the first
    list), sections and name parts (of all), legacy cells converted by the reader."""
    assert header is not None
    by_field: dict[str, list[Column]] = {}
    for c in header.columns:
        if c.field == "_stt":
            continue
        by_field.setdefault(_FIELD_OF.get(c.field, c.field), []).append(c)
        if c.field == "_birth" and c.gender:
            by_field.setdefault("gender", []).append(c)
    columns = []
    for f in ("name", *(f for f in delegates.PERSON_FIELDS if f != "name")):
        found = by_field.get(f)
        if not found:
            continue
        joiner = " + " if f == "name" and len(found) > 1 else ", "
        texts = list(dict.fromkeys(_column_text(c) for c in found))
        letters = ("+" if joiner == " + " else ", ").join(column_letter(c.index) for c in found)
        columns.append(FieldSource(f, joiner.join(texts), letters))
    reasons: dict[str, int] = {}
    for s in parsed.skipped:
        reasons[s.key] = reasons.get(s.key, 0) + 1
    return Understanding(
        sheets=sheets,
        header_rows=header.rows,
        columns=columns,
        delegations=list(parsed.delegations),
        categories=list(parsed.categories),
        honorifics=parsed.honorifics,
        roles=parsed.roles,
        recased=parsed.recased,
        filled_down=parsed.filled_down,
        skipped_reasons=reasons,
        legacy=legacy,
        notes=list(parsed.notes),
    )


def _column_text(c: Column) -> str:
    return f"{c.header} ({c.gender})" if c.gender and c.gender not in c.header else c.header
