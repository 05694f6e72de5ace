"""Reading honours lists ("Danh sách khen thưởng") exactly as the emulation office sends them.

A list is a spreadsheet made by hand: a title block (often carrying "Kèm theo Quyết định số
1234/QĐ-UBND ngày …"), a header that may be merged over two rows, a row numbering the columns,
section rows ("I. TẬP THỂ", "II. CÁ NHÂN", "1. Bằng khen của Chủ tịch UBND tỉnh", "Đợt 2",
"Quyết định số …") that apply to the rows below, and a footer (totals, signatures). The steps:

1. :func:`read_table` — every row of the sheet or CSV as cleaned text (merged cells filled
   with their top-left value; CSV in UTF-8 with or without BOM, UTF-16 or Windows-1258,
   separated by ``,`` ``;`` or tab).
2. :func:`find_header` — the first row naming a recipient column and one of form, decision,
   unit or position; a second header row below it is folded in.
3. :func:`parse` — data rows become :class:`programme.honours.HonourRow`; section rows set the
   collective/individual kind, decision, form or group of the rows below; the footer ends it.
4. :func:`import_honours` — the rows go to :func:`programme.honours.save` in one transaction.

Self-contained on purpose for now: ``data/importing.py`` (the delegate importer, written at the
same time) has the same low-level readers as private helpers; the two should share them once
they are public.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from data.errors import DaihoiError
from data.store import Event
from data.text import clean, fold, header_key

from . import honours
from .honours import HonourRow, SaveReport

SUFFIXES = (".xlsx", ".xlsm", ".csv")
HEADER_SEARCH_ROWS = 40
"""How far down a title block may push the header row."""

Table = list[tuple[int, list[str]]]
"""Rows as (spreadsheet row number, cleaned cell texts)."""


@dataclass(frozen=True)
class Skipped:
    """A row that could not be read as an honour."""

    row: int
    """Spreadsheet row number, as Excel shows it."""
    key: str
    """Catalog key of the reason."""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadResult:
    """What a list holds, before anything is stored."""

    rows: list[HonourRow]
    skipped: list[Skipped]


@dataclass(frozen=True)
class HonoursImport:
    """What importing one honours list did (or, for a dry run, would do)."""

    file: str
    read: int
    """Honours read from the file."""
    saved: SaveReport
    skipped: list[Skipped]
    dry_run: bool = False


# ---------------------------------------------------------------------------- reading cells
def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """Every row of the file as cleaned texts, merged ranges filled with their top-left value."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise DaihoiError("import.unsupported", file=str(target))
    if not target.is_file():
        raise DaihoiError("import.missing", file=str(target))
    if suffix == ".csv":
        return _read_csv(target)
    return _read_xlsx(target, sheet)


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    import openpyxl  # heavy: only when a spreadsheet is read
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # Normal (not read-only) mode: honours lists are short and it reports merged ranges.
        book = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise DaihoiError("import.unreadable", file=str(path), reason=str(exc)) from exc
    if sheet is not None and sheet not in book.sheetnames:
        raise DaihoiError(
            "import.no_sheet", file=str(path), sheet=sheet, sheets=", ".join(book.sheetnames)
        )
    ws = book[sheet] if sheet else book.active
    grid = [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:
        top = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
            for c in range(merged.min_col - 1, min(merged.max_col, len(grid[r]))):
                grid[r][c] = grid[r][c] or top
    book.close()
    return [(n, [clean(t) for t in row]) for n, row in enumerate(grid, start=1)]


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", errors="replace")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # Windows-1258: clean() composes its combining tones
            text = raw.decode("cp1258", errors="replace")
    lines = text.splitlines()[:60]
    best, best_score = ",", (-1, 0)
    for delimiter in (",", ";", "\t"):
        counts: dict[int, int] = {}
        for fields in csv.reader(lines, delimiter=delimiter):
            if len(fields) > 1:
                counts[len(fields)] = counts.get(len(fields), 0) + 1
        if counts:
            width, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
            if (n, width) > best_score:
                best, best_score = delimiter, (n, width)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=best)
    return [(n, [clean(c) for c in row]) for n, row in enumerate(reader, start=1)]


# ---------------------------------------------------------------------------- the header
def column_field(text: str) -> str | None:
    """What a header cell names, whatever its spelling ("Họ và tên", "HÌNH THỨC KHEN THƯỞNG")."""
    key = header_key(text)
    if not key:
        return None
    if key in ("stt", "tt", "sott", "so", "sothutu", "no"):
        return "stt"
    if key.startswith("thutu") or key == "order":
        return "order"
    if key.startswith("ten") or "hoten" in key or "hovaten" in key or "duockhenthuong" in key:
        return "recipient"
    if key in ("tapthecanhan", "canhantapthe", "doituong", "loai", "phanloai", "loaidoituong"):
        return "kind"
    if "quyetdinh" in key or key in ("qd", "soqd", "soqdkt"):
        return "decision"
    if "hinhthuc" in key or "danhhieu" in key or "khenthuong" in key:
        return "form"
    if key.startswith(("dot", "nhom", "luot")):
        return "group"
    if "trao" in key:
        return "presenter"
    if "daidien" in key or key in ("nguoinhan", "nguoinhanthay", "nguoilennhan"):
        return "representative"
    if "donvi" in key or "coquan" in key or "noicongtac" in key:
        return "unit"  # "Chức vụ, đơn vị công tác" too: matching looks in both
    if "chucvu" in key or "chucdanh" in key:
        return "position"
    if key in ("ma", "madaibieu", "madb", "id", "madinhdanh"):
        return "external_id"
    if key in ("ghichu", "note", "notes"):
        return "note"
    return None


@dataclass(frozen=True)
class Header:
    row: int
    """Row number of the (last) header row: data starts below it."""
    columns: dict[str, int]
    """Field → 0-based column index (the first column naming it)."""


_NUMBERING = re.compile(r"^\(?\s*\d+\s*\)?$|^\(?[a-z]\)?$", re.IGNORECASE)


def find_header(table: Table) -> Header | None:
    """The first row naming a recipient column and one of form, decision, unit or position."""
    for i, (number, cells) in enumerate(table[:HEADER_SEARCH_ROWS]):
        fields = [column_field(c) for c in cells]
        if "recipient" not in fields and "kind" not in fields:
            continue
        if not {"form", "decision", "unit", "position"} & set(fields):
            continue
        columns: dict[str, int] = {}
        last = number
        below = table[i + 1][1] if i + 1 < len(table) else []
        if _is_sub_header(cells, below):
            last = table[i + 1][0]
            for j in range(max(len(cells), len(below))):
                upper = cells[j] if j < len(cells) else ""
                lower = below[j] if j < len(below) else ""
                f = (column_field(lower) if lower != upper else None) or column_field(upper)
                if f:
                    columns.setdefault(f, j)
        else:
            for j, f in enumerate(fields):
                if f:
                    columns.setdefault(f, j)
        if "recipient" not in columns:  # "Tập thể/cá nhân" heads the names themselves
            columns["recipient"] = columns.pop("kind")
        return Header(last, columns)
    return None


def _is_sub_header(top: list[str], below: list[str]) -> bool:
    differing = 0
    for j, text in enumerate(below):
        above = top[j] if j < len(top) else ""
        if not text or text == above:
            continue
        if column_field(text) is None:
            return False
        differing += 1
    return differing > 0


# ---------------------------------------------------------------------------- rows
_ENUMERATOR = re.compile(r"^\s*(?:[IVXLC]+|[A-Za-z]|\d+(?:\.\d+)*)\s*[.)/:–-]\s*(?=\S)")
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]+|[A-Za-z])\.?$")
_SIGNATURE = re.compile(
    r"^(?:nguoi\s*lap(?:\s*bieu)?\b|kt\s*[.:]|tm\s*[.:]|t/m\b|tl\s*[.:]|noi\s*nhan\b|"
    r"\(\s*da\s*ky|\(\s*ky\b|ky\s*ten)"
)
_SIGNATURE_EXACT = {"chu tich", "pho chu tich", "giam doc", "pho giam doc", "truong ban"}
_TOTAL = re.compile(r"^(?:tong\s*cong|tong\s*so)\b|^cong\s*(?::|$|\d)")
_DECISION = re.compile(r"quyết\s+định\s*(?:số)?\s*:?\s*([0-9][^\s,;()]*)", re.IGNORECASE)
_DATE = re.compile(
    r"ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    re.IGNORECASE,
)
_GROUP = re.compile(r"\b(?:dot|nhom|luot)\s*(?:thu\s*)?(\d+|[ivx]+)\b")
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}


def decision_of(text: str) -> str:
    """ "Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/9/2025 của …" → "Quyết định số 1234/QĐ-UBND
    ngày 15/9/2025"; "" when the text names no decision."""
    found = _DECISION.search(text)
    if not found:
        return ""
    result = f"Quyết định số {found.group(1)}"
    day = _DATE.search(text, found.end())
    if day:
        result += " ngày " + re.sub(r"\s*([/.-])\s*", r"\1", day.group(1))
    return result


def group_of(text: str) -> str:
    """ "ĐỢT 2" / "Đợt thứ hai" … → "Đợt 2" ("" when the text names no group)."""
    found = _GROUP.search(fold(text))
    if not found:
        return ""
    n = found.group(1)
    return f"Đợt {_ROMAN.get(n, n)}"


def _kind_of(text: str) -> bool | None:
    f = fold(_ENUMERATOR.sub("", text))
    has_collective = bool(re.search(r"\btap the\b", f))
    has_individual = bool(re.search(r"\bca nhan\b", f))
    if has_collective and not has_individual:
        return True
    if has_individual and not has_collective:
        return False
    return None


def _kind_value(text: str) -> bool | None:
    """A kind column's value: "Tập thể"/"TT" or "Cá nhân"/"CN"."""
    f = fold(text)
    if f in ("tt", "tap the", "to chuc", "don vi") or f.startswith("tap the"):
        return True
    if f in ("cn", "ca nhan") or f.startswith("ca nhan"):
        return False
    return None


def _int(text: str) -> int | None:
    try:
        return int(float(text))
    except ValueError:
        return None


def _is_footer(recipient: str, filled: list[str]) -> bool:
    """The signature block. A row naming a recipient is judged by that name only: a position
    "Phó Giám đốc" on an honour's row is not the signature's "PHÓ GIÁM ĐỐC"."""
    for text in [recipient] if recipient else filled:
        f = fold(text)
        if _SIGNATURE.match(f) or f in _SIGNATURE_EXACT:
            return True
    return False


def parse(table: Table, header: Header) -> ReadResult:
    """Honour rows below the header; section rows apply to the rows under them."""
    cols = header.columns
    title = " ".join(c for n, cells in table if n < header.row for c in cells if c)
    context: dict[str, Any] = {
        "decision": decision_of(title),
        "collective": None,
        "form": "",
        "group": "",
        "presenter": "",
    }
    rows: list[HonourRow] = []
    skipped: list[Skipped] = []

    def cell(cells: list[str], name: str) -> str:
        j = cols.get(name)
        return cells[j] if j is not None and j < len(cells) else ""

    for number, cells in table:
        if number <= header.row:
            continue
        filled = [c for c in cells if c]
        if not filled:
            continue
        if all(_NUMBERING.match(c) for c in filled):
            continue  # (1) (2) (3) … under the header
        stt = cell(cells, "stt")
        recipient = cell(cells, "recipient")
        if _is_footer(recipient, filled):
            break
        form = cell(cells, "form")
        stt_j = cols.get("stt")
        distinct = {c for j, c in enumerate(cells) if c and j != stt_j}
        if _TOTAL.match(fold(recipient or filled[0])):
            continue
        lone = next(iter(distinct)) if len(distinct) == 1 else ""
        if len(distinct) <= 1 and (_int(stt) is None or _is_heading(lone)):
            # A heading ("I. TẬP THỂ", "Đợt 2", "Quyết định số …"), perhaps merged across.
            text = next(iter(distinct)) if distinct else stt
            if _apply_section(text, context):
                continue
            merged = sum(1 for c in cells if c == text) > 1
            if (
                merged
                or not context["form"]
                or _ROMAN_OR_LETTER.match(stt)
                or _ENUMERATOR.match(text)
            ):
                continue  # a heading we do not understand: it applies nothing
        if not recipient:
            if form:
                skipped.append(Skipped(number, "honours.import.no_recipient"))
            continue
        form = form or context["form"]
        if not form:
            skipped.append(Skipped(number, "honours.import.no_form", {"recipient": recipient}))
            continue
        kind = _kind_value(cell(cells, "kind")) if "kind" in cols else None
        decision = cell(cells, "decision")
        if decision and not fold(decision).startswith("quyet dinh"):
            decision = f"Quyết định số {decision}"
        note = cell(cells, "note")
        rows.append(
            HonourRow(
                recipient=recipient,
                form=form,
                collective=kind if kind is not None else context["collective"],
                position=cell(cells, "position"),
                unit=cell(cells, "unit"),
                decision=decision or context["decision"],
                group=group_of(cell(cells, "group")) or cell(cells, "group") or context["group"],
                presenter=cell(cells, "presenter") or context["presenter"],
                order=_int(cell(cells, "order")),
                external_id=cell(cells, "external_id") or None,
                representative=cell(cells, "representative"),
                posthumous=honours.is_posthumous(recipient, form, note),
                source_row=number,
            )
        )
    return ReadResult(rows, skipped)


def _is_heading(text: str) -> bool:
    """A numbered row that is a heading all the same: "1. Huân chương Lao động hạng Ba"."""
    body = _ENUMERATOR.sub("", text)
    return bool(decision_of(text) or group_of(text)) or (
        honours.rule_for(body) is not honours.OTHER and not honours.looks_collective(body)
    )


def _apply_section(text: str, context: dict[str, Any]) -> bool:
    """Let a section row set what applies below it; False when it says nothing we know."""
    known = False
    decision = decision_of(text)
    if decision:
        context["decision"] = decision
        known = True
    group = group_of(text)
    if group:
        context["group"] = group
        presenter = re.search(r"trao\s*:\s*(.+)$", text, re.IGNORECASE)
        if presenter:
            context["presenter"] = clean(presenter.group(1))
        known = True
    body = clean(_ENUMERATOR.sub("", text))
    if not decision and honours.rule_for(body) is not honours.OTHER:
        context["form"] = body
        known = True
    kind = _kind_of(text)
    if kind is not None:
        context["collective"] = kind
        known = True
    return known


def read(path: str | Path, sheet: str | None = None) -> ReadResult:
    """The honours a list holds (nothing stored)."""
    table = read_table(path, sheet)
    header = find_header(table)
    if header is None:
        raise DaihoiError("honours.import.no_header", file=str(path))
    return parse(table, header)


def import_honours(
    event: Event, path: str | Path, *, sheet: str | None = None, dry_run: bool = False
) -> HonoursImport:
    """Read a list and store it in one transaction (none for a dry run)."""
    result = read(path, sheet)
    saved = honours.save(event, result.rows, source=Path(path).name, dry_run=dry_run)
    return HonoursImport(str(path), len(result.rows), saved, result.skipped, dry_run)
