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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import delegates
from .outputs import remember_input
from .sheets import (
    HEADER_SEARCH_ROWS,
    Row,
    Skipped,
    find_header_rows,
    name_columns,
    read_table,
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
    "_name_part": ("ho", "hodem", "hovatendem", "hovachulot", "ten", "tengoi"),
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
    """Rows imported with a field left empty (e.g. an unclear gender), or with control
    characters removed from a cell (``limits.control_chars``), with why; in row order."""
    added_names: list[str]
    """Names of the delegates added, in list order."""
    updated_names: list[tuple[str, list[str]]]
    """(name, changed fields) of the delegates updated."""
    dry_run: bool = False
    """True when nothing was written."""


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
    becomes two birth-year columns that also give the gender.
    """
    texts = [(n, [clean(_text(v)) for v in values]) for n, values in rows[: HEADER_SEARCH_ROWS + 1]]
    found = find_header_rows(texts, header_field, _names_columns, groups=(None, "_birth", "gender"))
    if found is None:
        return None
    return Header(found.row, map_columns(found.top, found.sub))


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
@dataclass
class _Parsed:
    records: list[dict[str, Any]]
    skipped: list[Skipped]
    warnings: list[Skipped]


def parse_rows(rows: Sequence[Row], header: Header, source_file: str) -> _Parsed:
    """Turn the rows below ``header`` into delegate records, skipping what is not a delegate."""
    cols = header.columns
    name_cols = [c for c in cols if c.field == "name"] or [
        c for c in cols if c.field == "_name_part"
    ]
    name_idx = {c.index for c in name_cols}
    stt_idx = {c.index for c in cols if c.field == "_stt"}
    has_delegation = any(c.field == "delegation" for c in cols)
    name_header = name_cols[0].header if name_cols else ""

    records: list[dict[str, Any]] = []
    skipped: list[Skipped] = []
    warnings: list[Skipped] = []
    section = ""
    seen_ids: dict[str, int] = {}
    seen_keys: dict[str, int] = {}

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
            continue
        if all(_NUMBERING_CELL.match(t) for t in filled):
            continue
        if not _has_letter(name):
            lone = filled[0] if len(set(filled)) == 1 else ""
            if lone and is_section(lone, stt, False):
                section = _section_name(lone)
                if _doubtful_section(lone, stt):
                    skipped.append(Skipped(number, "import.section_or_name", {"text": lone}))
            elif any(_has_letter(t) for t in filled):
                skipped.append(Skipped(number, "import.no_name", column=name_header))
            continue
        if is_section(name, stt, rest, rest and all(t.isdigit() for t in others)):
            section = _section_name(name)
            if _doubtful_section(name, stt):
                skipped.append(Skipped(number, "import.section_or_name", {"text": name}))
            continue

        record: dict[str, Any] = {"name": name, "source_file": source_file, "source_row": number}
        bad = _fill_record(record, texts, values, cols, number, warnings)
        if bad is not None:
            skipped.append(bad)
            continue
        if section and (not has_delegation or not record.get("delegation")):
            record["delegation"] = section
        ext = record.get("external_id")
        key = delegates.match_key(
            name, record.get("unit", ""), record.get("birth_year"), record.get("delegation", "")
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
        records.append(record)
    return _Parsed(records, skipped, warnings)


def join_name(texts: list[str], name_cols: list[Column]) -> str:
    parts: list[str] = []
    for c in name_cols:
        t = texts[c.index] if c.index < len(texts) else ""
        if t and (not parts or t != parts[-1]):  # a name merged across both columns
            parts.append(t)
    return clean(" ".join(parts))


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
) -> Skipped | None:
    """Put each column's value in ``record``; return a Skip if the row cannot be read."""
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
            parsed = _birth(raw, text)
            if parsed is None:
                return Skipped(number, "import.bad_year", {"value": text}, c.header)
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
        else:
            record[c.field] = text
    if "gender" not in record and gender_ticks:
        ticked = [g for g, on in gender_ticks.items() if on]
        if len(ticked) == 1:
            record["gender"] = ticked[0]
        elif not ticked and list(gender_ticks) == ["Nữ"]:
            record["gender"] = "Nam"  # a lone "Nữ" tick column: blank means a man
    return None


def _gender(text: str) -> str:
    f = fold(text).strip(" .")
    if f in _MALE:
        return "Nam"
    if f in _FEMALE:
        return "Nữ"
    return ""


def _birth(raw: Any, text: str) -> tuple[int, str | None] | None:
    """(year, ``YYYY-MM-DD`` or None) from a year, an Excel date, or "12/03/1980"; None if
    unreadable or implausible."""
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
                y += 1900
            day = _safe_date(y, mo, d)
        elif m := _ISO_DATE.match(s):
            day = _safe_date(*(int(g) for g in m.groups()))
        elif m := _MONTH_YEAR.match(s):
            if 1 <= int(m.group(1)) <= 12:
                year = int(m.group(2))
    if day is not None:
        year = day.year
    if year is None or not 1900 <= year <= date.today().year:
        return None
    return year, day.isoformat() if day else None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


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
def import_delegates(
    event: Event, path: str | Path, *, sheet: str | None = None, dry_run: bool = False
) -> ImportReport:
    """Read ``path`` and add or update its delegates in ``event`` (nothing for a dry run).

    Re-importing a corrected list updates delegates in place (by the list's "Mã", else name +
    unit + birth year) and never touches check-ins. The whole file is parsed before anything is
    written, so an unreadable file changes nothing.
    """
    table = read_table(path, sheet, has_header=find_header)
    assert table.header is not None  # read_table raised import.no_header otherwise
    parsed = parse_rows(table.rows, table.header, Path(path).name)
    headers = [""] * (max((c.index for c in table.header.columns), default=-1) + 1)
    for c in table.header.columns:
        headers[c.index] = c.header
    # Cells the reader cleaned (control characters), with the rows' own warnings, in row order.
    warnings = sorted(name_columns(table.warnings, headers) + parsed.warnings, key=lambda w: w.row)
    upserted = delegates.upsert(event, parsed.records, dry_run=dry_run, source=Path(path).name)
    if not dry_run:
        remember_input(event, path, "delegates")
    return ImportReport(
        file=str(path),
        added=len(upserted.added),
        updated=len(upserted.updated),
        unchanged=upserted.unchanged,
        skipped=parsed.skipped,
        warnings=warnings,
        added_names=list(upserted.added),
        updated_names=list(upserted.updated),
        dry_run=dry_run,
    )
