"""Reading honours lists ("Danh sách khen thưởng") exactly as the emulation office sends them.

A list is a spreadsheet made by hand: a title block (often carrying "Kèm theo Quyết định số
1234/QĐ-UBND ngày …"), a header that may be merged over two rows, a row numbering the columns,
section rows ("I. TẬP THỂ", "II. CÁ NHÂN", "1. Bằng khen của Chủ tịch UBND tỉnh", "Đợt 2",
"Quyết định số …") that apply to the rows below, and a footer (totals, signatures). The steps:

1. :func:`read_table` — every row of the sheet or CSV as cleaned text, read by
   :func:`data.sheets.read_table` like every other list (merged cells filled with their
   top-left value; CSV in UTF-8 with or without BOM, UTF-16 or Windows-1258, separated by
   ``,`` ``;`` or tab).
2. :func:`find_header` — the first row naming a recipient column and one of form, decision,
   unit or position; a second header row below it is folded in.
3. :func:`parse` — data rows become :class:`programme.honours.HonourRow`; section rows set the
   collective/individual kind, decision, form or group of the rows below; the footer ends it.
4. :func:`import_honours` — the rows go to :func:`programme.honours.save` in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from data import sheets
from data.importing import is_signature, is_total
from data.outputs import remember_input
from data.sheets import Skipped
from data.store import Event
from data.text import clean, fold, header_key

from . import honours
from .honours import HonourRow, SaveReport

Table = list[tuple[int, list[str]]]
"""Rows as (spreadsheet row number, cleaned cell texts)."""


@dataclass(frozen=True)
class ReadResult:
    """What a list holds, before anything is stored."""

    rows: list[HonourRow]
    skipped: list[Skipped]
    warnings: list[Skipped] = field(default_factory=list)
    """Cells read with control characters removed (``limits.control_chars``)."""


@dataclass(frozen=True)
class HonoursImport:
    """What importing one honours list did (or, for a dry run, would do)."""

    file: str
    read: int
    """Honours read from the file."""
    saved: SaveReport
    skipped: list[Skipped]
    dry_run: bool = False
    warnings: list[Skipped] = field(default_factory=list)
    """Cells read with control characters removed, each still imported (the rest of it)."""


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
    """Every row of the file as cleaned texts, merged ranges filled with their top-left value.

    The sheet named, else the active one, else the first other sheet with an honours header.
    """
    return _texts(_read(path, sheet).rows)


def _read(path: str | Path, sheet: str | None) -> sheets.Table[Header]:
    return sheets.read_table(
        path, sheet, has_header=_header_in_values, no_header="honours.import.no_header"
    )


def _texts(rows: list[sheets.Row]) -> Table:
    return [(n, [clean(_text(v)) for v in values]) for n, values in rows]


def _header_in_values(rows: list[sheets.Row]) -> Header | None:
    return find_header(_texts(rows[: sheets.HEADER_SEARCH_ROWS + 1]))


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


def _names_recipients(fields: list[str | None]) -> bool:
    return ("recipient" in fields or "kind" in fields) and bool(
        {"form", "decision", "unit", "position"} & set(fields)
    )


def find_header(table: Table) -> Header | None:
    """The first row naming a recipient column and one of form, decision, unit or position; a
    second header row below it ("Khen thưởng" over "Hình thức" / "Số quyết định") is folded in."""
    found = sheets.find_header_rows(table, column_field, _names_recipients)
    if found is None:
        return None
    top, below = found.top, found.sub or []
    columns: dict[str, int] = {}
    for j in range(max(len(top), len(below))):
        upper = top[j] if j < len(top) else ""
        lower = below[j] if j < len(below) else ""
        f = (column_field(lower) if lower and lower != upper else None) or column_field(upper)
        if f:
            columns.setdefault(f, j)
    if "recipient" not in columns:  # "Tập thể/cá nhân" heads the names themselves
        columns["recipient"] = columns.pop("kind")
    return Header(found.row, columns)


# ---------------------------------------------------------------------------- rows
_ENUMERATOR = re.compile(r"^\s*(?:[IVXLC]+|[A-Za-z]|\d+(?:\.\d+)*)\s*[.)/:–-]\s*(?=\S)")
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]+|[A-Za-z])\.?$")
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
        if is_signature(recipient, filled):
            break
        form = cell(cells, "form")
        stt_j = cols.get("stt")
        distinct = {c for j, c in enumerate(cells) if c and j != stt_j}
        if is_total(recipient or filled[0]):
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
    found = _read(path, sheet)
    table = _texts(found.rows)
    header = find_header(table)
    assert header is not None  # read_table raised honours.import.no_header otherwise
    result = parse(table, header)
    headers = next((cells for n, cells in table if n == header.row), [])
    return ReadResult(result.rows, result.skipped, sheets.name_columns(found.warnings, headers))


def import_honours(
    event: Event, path: str | Path, *, sheet: str | None = None, dry_run: bool = False
) -> HonoursImport:
    """Read a list and store it in one transaction (none for a dry run)."""
    result = read(path, sheet)
    saved = honours.save(event, result.rows, source=Path(path).name, dry_run=dry_run)
    if not dry_run:
        remember_input(event, path, "honours")
    return HonoursImport(
        str(path), len(result.rows), saved, result.skipped, dry_run, result.warnings
    )
