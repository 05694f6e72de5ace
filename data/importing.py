"""Reading delegate lists exactly as the units send them, and applying them to the event.

Real lists are made by hand in Excel by dozens of units, so nothing about their shape is
reliable except that somewhere there is a row naming the columns and one column holds full names.
The pipeline, one small function per step so each quirk has one place:

1. :func:`read_rows` — every row of the sheet or CSV as a tuple of raw cell values, with its
   spreadsheet row number. ``.xlsx`` is read with openpyxl in read-only mode (fast: 10,000 rows
   in well under a second); merged ranges, which read-only mode does not report, are read from
   the sheet's XML and the top-left value is copied over the whole range, so a header merged
   over two columns, or a delegation merged down its rows, reads as if typed into every cell.
   ``.csv`` may be UTF-8 (with or without BOM), UTF-16 or Windows-1258, separated by ``,``
   ``;`` or tab.
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
empty and reported in :attr:`ImportReport.warnings`. A file that cannot be read at all changes
nothing and raises :class:`~data.errors.DaihoiError`.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.parsers import expat
from xml.parsers.expat import ExpatError

from . import delegates
from .errors import DaihoiError
from .store import Event
from .text import _clean, clean, fold, header_key

Row = tuple[int, tuple[Any, ...]]
"""A spreadsheet row number (1-based, as Excel shows it) and its raw cell values."""

HEADER_SEARCH_ROWS = 40
"""How far down a title block may push the header row."""

SUFFIXES = (".xlsx", ".xlsm", ".csv")

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
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\d+")


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
_COUNT_SUFFIX = re.compile(
    r"\s*[(:–-]?\s*(?:có\s*)?\d+\s*(?:đại\s*biểu|người|đồng\s*chí|đ/c|đb)\.?\s*\)?\s*$",
    re.IGNORECASE,
)
_TOTAL = re.compile(r"^(?:tong\s*cong|tong\s*so)\b|^(?:cong|tong)\s*[:\d]")
_SIGNATURE = re.compile(
    r"^(?:nguoi\s*lap(?:\s*bieu)?\b|kt\s*[.:]|tm\s*[.:]|t/m\b|tl\s*[.:]|q\s*[.:]\s*(?:chu|giam|truong)|"
    r"thu\s*truong\s*(?:don\s*vi|co\s*quan)|\(\s*ky\b|ky\s*(?:ten|,)|xac\s*nhan\s*cua|noi\s*nhan\b)"
)
_SIGNATURE_EXACT = {"chu tich", "pho chu tich", "giam doc", "pho giam doc", "truong ban"}
_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})(?:\.0+)?$")
_EXCEL_EPOCH = datetime(1899, 12, 30)


# ------------------------------------------------------------------------------ results
@dataclass(frozen=True)
class Skip:
    """A row (or a field of a row) the importer could not read."""

    row: int
    """Spreadsheet row number, as Excel shows it (CSV: the record number, header included)."""
    column: str
    """The column's header text ("Năm sinh"), or "" when the whole row is at fault."""
    key: str
    """Catalog key of the reason (``import.bad_year`` …)."""
    params: dict[str, Any] = field(default_factory=dict)
    """Values for the reason's message."""


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
    skipped: list[Skip]
    """Rows not imported, with why."""
    warnings: list[Skip]
    """Rows imported with a field left empty (e.g. an unclear gender), with why."""
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
    """Every row of ``path`` (one sheet of an .xlsx, or a .csv) with its row number.

    Raises ``import.unsupported`` / ``import.unreadable`` / ``import.no_sheet``.
    For an .xlsx without ``sheet``, the active sheet is read (see :func:`_read_xlsx` for how
    the other sheets are tried when it has no header).
    """
    return _read(Path(path), sheet)[0]


def _read(path: Path, sheet: str | None) -> tuple[list[Row], Header]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DaihoiError("import.unsupported", file=str(path))
    if not path.is_file():
        raise DaihoiError("import.missing", file=str(path))
    if suffix == ".csv":
        rows = _read_csv(path)
        header = find_header(rows)
        if header is None:
            raise DaihoiError("import.no_header", file=str(path))
        return rows, header
    return _read_xlsx(path, sheet)


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[Row], Header]:
    """Read the named sheet, else the active one, else the first other sheet with a header.

    :class:`_FastBook` streams the sheet with expat (4-5x faster than openpyxl's read-only
    mode, which builds an object per inline string); a workbook shape it does not know falls
    back to openpyxl, and tests check both give the same rows.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                book = _FastBook(archive)
            except _NotPlain:
                return _read_xlsx_openpyxl(path, sheet)
            return _choose_sheet(path, sheet, book.names, book.active, book.rows)
    except DaihoiError:
        raise
    except _NotPlain:
        return _read_xlsx_openpyxl(path, sheet)
    except _BROKEN as exc:
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc


_BROKEN = (
    zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, IndexError, TypeError,
    OSError, ExpatError, NotImplementedError,
)  # fmt: skip
"""What a damaged or foreign file raises while being read: reported as ``import.unreadable``."""


def _choose_sheet(
    path: Path,
    sheet: str | None,
    names: list[str],
    active: str,
    load: Callable[[str], list[Row]],
) -> tuple[list[Row], Header]:
    if sheet is not None:
        if sheet not in names:
            raise DaihoiError(
                "import.no_sheet", file=str(path), sheet=sheet, sheets=", ".join(names)
            )
        order = [sheet]
    else:
        order = [active] + [n for n in names if n != active]
    for name in order:
        rows = load(name)
        header = find_header(rows)
        if header is not None:
            return rows, header
    raise DaihoiError("import.no_header", file=str(path))


def _read_xlsx_openpyxl(path: Path, sheet: str | None) -> tuple[list[Row], Header]:
    """The same with openpyxl's read-only mode, for workbooks :class:`_FastBook` declines."""
    import openpyxl  # heavy: imported only when needed
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, *_BROKEN) as exc:
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
    try:
        names = list(book.sheetnames)
        active = book.active.title if book.active is not None else names[0]
        return _choose_sheet(path, sheet, names, active, lambda n: _sheet_rows(path, book, n))
    except _BROKEN as exc:
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
    finally:
        book.close()


class _NotPlain(Exception):
    """The workbook has a shape :class:`_FastBook` does not read; openpyxl will."""


def _local(tag: str) -> str:
    return tag.rpartition(":")[2]


def _xml_events(data: bytes) -> list[tuple[str, dict[str, str]]]:
    """(local tag, attributes) of every start tag of a small XML part."""
    found: list[tuple[str, dict[str, str]]] = []
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda tag, attrs: found.append((_local(tag), attrs))
    parser.Parse(data, True)
    return found


def _attr(attrs: dict[str, str], name: str) -> str | None:
    """An attribute by local name, whatever its namespace prefix (``r:id``, ``id``)."""
    for key, value in attrs.items():
        if _local(key) == name:
            return value
    return None


class _FastBook:
    """Just enough of SpreadsheetML to read cell values: sheets, shared strings, date styles,
    merged ranges. Values come out as openpyxl's read-only ``values_only`` gives them (str,
    int, float, bool, datetime, None)."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
        from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH

        self.archive = archive
        members = set(archive.namelist())
        if "[Content_Types].xml" not in members:
            raise KeyError("[Content_Types].xml")
        workbook = "xl/workbook.xml"
        if "_rels/.rels" in members:
            for tag, attrs in _xml_events(archive.read("_rels/.rels")):
                if tag == "Relationship" and attrs.get("Type", "").endswith("/officeDocument"):
                    workbook = attrs.get("Target", workbook).lstrip("/")
        if workbook not in members:
            raise _NotPlain(workbook)
        folder = workbook.rpartition("/")[0]
        rels_path = f"{folder}/_rels/{workbook.rpartition('/')[2]}.rels"
        targets: dict[str, str] = {}
        kinds: dict[str, str] = {}
        for tag, attrs in _xml_events(archive.read(rels_path)):
            if tag == "Relationship":
                target = attrs.get("Target", "")
                target = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
                targets[attrs.get("Id", "")] = target
                kinds[attrs.get("Type", "").rpartition("/")[2]] = target
        self.sheets: dict[str, str] = {}
        self.names: list[str] = []
        active_tab = 0
        self.epoch = WINDOWS_EPOCH
        for tag, attrs in _xml_events(archive.read(workbook)):
            if tag == "sheet":
                name = attrs.get("name", "")
                target = targets.get(_attr(attrs, "id") or "")
                if target is None or target not in members:
                    raise _NotPlain(name)
                self.names.append(name)
                self.sheets[name] = target
            elif tag == "workbookView":
                active_tab = int(attrs.get("activeTab", "0") or 0)
            elif tag == "workbookPr" and attrs.get("date1904", "0").lower() in ("1", "true"):
                self.epoch = MAC_EPOCH
        if not self.names:
            raise _NotPlain("no sheets")
        self.active = self.names[active_tab] if active_tab < len(self.names) else self.names[0]

        self.shared: list[str] = []
        strings = kinds.get("sharedStrings")
        if strings in members:
            self.shared = _shared_strings(archive.read(strings))
        self.date_styles: set[int] = set()
        styles = kinds.get("styles")
        if styles in members:
            custom: dict[int, str] = {}
            in_xfs = False
            xf_index = 0
            parser = expat.ParserCreate()

            def start(tag: str, attrs: dict[str, str]) -> None:
                nonlocal in_xfs, xf_index
                tag = _local(tag)
                if tag == "numFmt":
                    custom[int(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
                elif tag == "cellXfs":
                    in_xfs = True
                elif tag == "xf" and in_xfs:
                    fmt = int(attrs.get("numFmtId", "0") or 0)
                    code = custom.get(fmt) or BUILTIN_FORMATS.get(fmt)
                    if code and is_date_format(code):
                        self.date_styles.add(xf_index)
                    xf_index += 1

            def end(tag: str) -> None:
                nonlocal in_xfs
                if _local(tag) == "cellXfs":
                    in_xfs = False

            parser.StartElementHandler = start
            parser.EndElementHandler = end
            parser.Parse(archive.read(styles), True)

    def rows(self, name: str) -> list[Row]:
        """Every row of sheet ``name`` (row numbers as Excel shows them), merges filled."""
        data = self.archive.read(self.sheets[name])
        rows, merges = _sheet_cells(data, self.shared, self.date_styles, self.epoch)
        return _fill_merges(rows, merges) if merges else rows


def _shared_strings(data: bytes) -> list[str]:
    """The shared-string table; rich-text runs joined, phonetic guides (``rPh``) left out."""
    strings: list[str] = []
    parts: list[str] = []
    state = {"text": False, "phonetic": 0}

    def start(tag: str, attrs: dict[str, str]) -> None:
        tag = _local(tag)
        if tag == "t":
            state["text"] = True
        elif tag == "rPh":
            state["phonetic"] += 1
        elif tag == "si":
            parts.clear()

    def end(tag: str) -> None:
        tag = _local(tag)
        if tag == "t":
            state["text"] = False
        elif tag == "rPh":
            state["phonetic"] -= 1
        elif tag == "si":
            strings.append("".join(parts))

    def chars(text: str) -> None:
        if state["text"] and not state["phonetic"]:
            parts.append(text)

    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.Parse(data, True)
    return strings


_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _sheet_cells(
    data: bytes, shared: list[str], date_styles: set[int], epoch: datetime
) -> tuple[list[Row], list[tuple[int, int, int, int]]]:
    """Stream one worksheet's XML: (rows, merged ranges)."""
    from openpyxl.utils.datetime import from_excel

    rows: list[Row] = []
    merges: list[tuple[int, int, int, int]] = []
    cells: dict[int, Any] = {}
    text: list[str] = []
    local: dict[str, str] = {}  # raw tag → local name ("x:c" → "c"): the handlers run 600k times
    columns: dict[str, int] = {}  # "AB" → 28
    row = col = style = phonetic = 0
    kind = "n"
    collect = False

    def column(ref: str) -> int:
        letters = ref.rstrip("0123456789")
        n = columns.get(letters)
        if n is None:
            n = columns[letters] = _col(letters.encode())
        return n

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal row, col, style, kind, collect, phonetic
        name = local.get(tag) or local.setdefault(tag, _local(tag))
        if name == "c":
            ref = attrs.get("r")
            col = column(ref) if ref else col + 1
            kind = attrs.get("t", "n")
            s = attrs.get("s")
            style = int(s) if s else 0
            text.clear()
        elif name == "v" or name == "t":
            collect = not phonetic
        elif name == "row":
            number = attrs.get("r")
            row = int(number) if number else row + 1
            col = 0
            cells.clear()
        elif name == "rPh":
            phonetic += 1
        elif name == "mergeCell":
            first, _, last = attrs.get("ref", "").partition(":")
            a, b = _CELL_REF.match(first), _CELL_REF.match(last or first)
            if a and b:
                merges.append(
                    (int(a.group(2)), column(a.group(1)), int(b.group(2)), column(b.group(1)))
                )

    def end(tag: str) -> None:
        nonlocal collect, phonetic
        name = local[tag]
        if name == "v" or name == "t":
            collect = False
        elif name == "c":
            raw = "".join(text) if text else ""
            value: Any
            if kind == "s":
                value = shared[int(raw)] if raw else None
            elif kind == "inlineStr" or kind == "str" or kind == "e":
                value = raw or None  # openpyxl's read-only mode gives None for "", too
            elif kind == "b":
                value = raw.strip() in ("1", "true")
            elif not raw:
                value = None
            elif kind == "d":
                value = datetime.fromisoformat(raw)
            else:
                value = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
                if style in date_styles:
                    value = from_excel(value, epoch)
            if value is not None:
                cells[col] = value
        elif name == "row":
            width = max(cells) if cells else 0
            rows.append((row, tuple(cells.get(c) for c in range(1, width + 1))))
        elif name == "rPh":
            phonetic -= 1

    def chars(data: str) -> None:
        if collect:
            text.append(data)

    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.Parse(data, True)
    return _dense(rows), merges


def _dense(rows: list[Row]) -> list[Row]:
    """Rows numbered 1..last with the empty rows the sheet leaves out, like openpyxl gives."""
    out: list[Row] = []
    expected = 1
    for number, values in rows:
        while expected < number:
            out.append((expected, ()))
            expected += 1
        out.append((number, values))
        expected = number + 1
    return out


def _sheet_rows(path: Path, book: Any, name: str) -> list[Row]:
    ws = book[name]
    # A wrong <dimension> (common in files written by other tools) would cut rows or columns.
    ws.reset_dimensions()
    rows = [(n, r) for n, r in enumerate(ws.iter_rows(values_only=True), start=1)]
    merges = _merged_ranges(path, getattr(ws, "_worksheet_path", None))
    if merges:
        rows = _fill_merges(rows, merges)
    return rows


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _merged_ranges(path: Path, member: str | None) -> list[tuple[int, int, int, int]]:
    """Merged ranges (min_row, min_col, max_row, max_col; 1-based) of one sheet.

    openpyxl's read-only mode streams cells and never looks at ``<mergeCells>``, which sits
    after the cell data; a regular expression over the sheet's XML finds them in milliseconds,
    where opening the workbook in normal mode would cost seconds on a long list. If the member
    cannot be found, the list is read without merges (header gaps are then carried from the
    left by :func:`find_header`).
    """
    if not member:
        return []
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read(member.lstrip("/"))
    except (KeyError, zipfile.BadZipFile, OSError):
        return []
    tail = data.rfind(b"<mergeCells")
    if tail < 0:
        tail = data.rfind(b":mergeCells")
    if tail < 0:
        return []
    found = []
    for c1, r1, c2, r2 in _MERGE.findall(data, tail):
        found.append((int(r1), _col(c1), int(r2), _col(c2)))
    return found


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _fill_merges(rows: list[Row], merges: Iterable[tuple[int, int, int, int]]) -> list[Row]:
    """Copy each merged range's top-left value into every cell of the range."""
    by_number = {n: list(values) for n, values in rows}
    for r1, c1, r2, c2 in merges:
        top = by_number.get(r1)
        value = top[c1 - 1] if top is not None and c1 - 1 < len(top) else None
        if value is None:
            continue
        for r in range(r1, r2 + 1):
            cells = by_number.get(r)
            if cells is None:
                continue
            if len(cells) < c2:
                cells.extend([None] * (c2 - len(cells)))
            for c in range(c1 - 1, c2):
                if cells[c] is None:
                    cells[c] = value
    return [(n, tuple(by_number[n])) for n, _ in rows]


def _read_csv(path: Path) -> list[Row]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
    text = _decode(raw)
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(n, tuple(r)) for n, r in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc


def _decode(raw: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1258 (the old Vietnamese code page).

    Windows-1258 writes tones as combining marks; :func:`data.text.clean` makes them NFC.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1258", errors="replace")


def _sniff_delimiter(text: str) -> str:
    """The separator giving the most lines with the same number (> 1) of fields.

    ``csv.Sniffer`` is thrown off by commas inside unit names ("Sở Lao động, Thương binh và Xã
    hội") in a ``;`` file; counting consistent field counts over the first lines is not.
    """
    sample = text[:65536].splitlines()[:60]
    best, best_score = ",", (-1, 0)
    for delimiter in (",", ";", "\t"):
        counts: dict[int, int] = {}
        for fields in csv.reader(sample, delimiter=delimiter):
            if len(fields) > 1:
                counts[len(fields)] = counts.get(len(fields), 0) + 1
        if not counts:
            continue
        width, lines = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if (lines, width) > best_score:
            best, best_score = delimiter, (lines, width)
    return best


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


# ------------------------------------------------------------------------------ header
def find_header(rows: Sequence[Row]) -> Header | None:
    """The header among the first rows: the first with a full-name column.

    A second header row directly below (cells that are header names, "Nam"/"Nữ", or copies of
    the cell above from a vertical merge) is combined with it: "Năm sinh" over "Nam" / "Nữ"
    becomes two birth-year columns that also give the gender.
    """
    for i, (number, values) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        top = [clean(_text(v)) for v in values]
        fields = [header_field(t) for t in top]
        if "name" not in fields and fields.count("_name_part") < 2:
            continue
        if sum(1 for f in fields if f and f not in ("_stt", "_name_part")) < 2 and (
            "name" not in fields
        ):
            continue
        sub: list[str] | None = None
        last = number
        if i + 1 < len(rows):
            below = [clean(_text(v)) for v in rows[i + 1][1]]
            if _is_sub_header(top, below):
                sub = below
                last = rows[i + 1][0]
        columns = map_columns(top, sub)
        if (
            any(c.field == "name" for c in columns)
            or sum(c.field == "_name_part" for c in columns) >= 2
        ):
            return Header(last, columns)
    return None


def _is_sub_header(top: list[str], below: list[str]) -> bool:
    differing = 0
    for j, text in enumerate(below):
        if not text:
            continue
        above = top[j] if j < len(top) else ""
        if text == above:
            continue
        if header_field(text) is None:
            return False
        # Only a group cell ("Năm sinh", "Giới tính", an unknown or merged-empty cell) has
        # sub-columns; below "Họ và tên" a "Nam" is a delegate's row, not a header.
        if header_field(above) not in (None, "_birth", "gender"):
            return False
        differing += 1
    return differing > 0


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
    skipped: list[Skip]
    warnings: list[Skip]


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
    skipped: list[Skip] = []
    warnings: list[Skip] = []
    section = ""
    seen_ids: dict[str, int] = {}
    seen_keys: dict[str, int] = {}

    for number, values in rows:
        if number <= header.row:
            continue
        texts = [_clean(v) if type(v) is str else clean(_text(v)) for v in values]
        filled = [t for t in texts if t]
        if not filled:
            continue
        name = _join_name(texts, name_cols)
        stt = next((texts[i] for i in stt_idx if i < len(texts) and texts[i]), "")
        others = [
            t
            for j, t in enumerate(texts)
            if t and t != name and j not in name_idx and j not in stt_idx
        ]
        rest = bool(others)
        if _is_signature(name, filled):
            break
        if any(t[0] in "TtCc" and _TOTAL.match(fold(t)) for t in filled[:2]):
            continue
        if all(_NUMBERING_CELL.match(t) for t in filled):
            continue
        if not _has_letter(name):
            lone = filled[0] if len(set(filled)) == 1 else ""
            if lone and _is_section(lone, stt, False):
                section = _section_name(lone)
            elif any(_has_letter(t) for t in filled):
                skipped.append(Skip(number, name_header, key="import.no_name"))
            continue
        if _is_section(name, stt, rest, rest and all(t.isdigit() for t in others)):
            section = _section_name(name)
            continue

        record: dict[str, Any] = {"name": name, "source_file": source_file, "source_row": number}
        bad = _fill_record(record, texts, values, cols, number, warnings)
        if bad is not None:
            skipped.append(bad)
            continue
        if section and (not has_delegation or not record.get("delegation")):
            record["delegation"] = section
        ext = record.get("external_id")
        key = delegates.match_key(name, record.get("unit", ""), record.get("birth_year"))
        first = seen_ids.get(ext) if ext else None
        if first is None:
            first = seen_keys.get(key)
        if first is not None:
            skipped.append(Skip(number, "", key="import.duplicate_row", params={"first": first}))
            continue
        if ext:
            seen_ids[ext] = number
        seen_keys[key] = number
        records.append(record)
    return _Parsed(records, skipped, warnings)


def _join_name(texts: list[str], name_cols: list[Column]) -> str:
    parts: list[str] = []
    for c in name_cols:
        t = texts[c.index] if c.index < len(texts) else ""
        if t and (not parts or t != parts[-1]):  # a name merged across both columns
            parts.append(t)
    return clean(" ".join(parts))


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _is_signature(name: str, filled: list[str]) -> bool:
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


def _is_section(name: str, stt: str, rest: bool, numbers_only: bool = False) -> bool:
    """A group heading rather than a person.

    Strong signs, enough even beside a count in another column ("I | KHỐI CÁC SỞ | … | 25"):
    numbered "I." / "A." / "1.", a Roman numeral or letter in the STT column, or a group start
    ("Khối …", "Đoàn huyện …", "Các đại biểu …"). Alone on its row, a text with a lower-case
    word that is not a name part ("Sở Y tế", "Lãnh đạo tỉnh") is a heading too.
    """
    if rest and not numbers_only:
        return False
    if _ROMAN_OR_LETTER.match(stt) or _ENUMERATOR.match(name):
        return True
    folded = fold(name)
    if _SECTION_START.match(folded):
        return True
    if rest:
        return False
    words, folded_words = name.split(), folded.split()
    return len(words) > 1 and any(
        w[0].isalpha() and w[0].islower() and f not in _NAME_WORDS
        for w, f in zip(words[1:], folded_words[1:])
    )


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
    warnings: list[Skip],
) -> Skip | None:
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
                return Skip(number, c.header, key="import.bad_year", params={"value": text})
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
                warnings.append(
                    Skip(number, c.header, key="import.bad_gender", params={"value": text})
                )
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
    target = Path(path)
    rows, header = _read(target, sheet)
    parsed = parse_rows(rows, header, target.name)
    upserted = delegates.upsert(event, parsed.records, dry_run=dry_run)
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
    )
