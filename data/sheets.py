"""The one reader of the spreadsheets people send: every importer reads its file through here.

Delegate lists, honours lists, running orders and higher-level lists are all made by hand in
Excel (or exported to CSV from it), so they share the same quirks, and the same code reads them:

- ``.xlsx`` / ``.xlsm`` with openpyxl in read-only mode (it streams the sheet instead of
  building a workbook of styled cell objects, several times faster on a long list). Read-only
  mode does not report merged ranges, which sit after the cell data in the sheet's XML, so a
  small regular expression reads them from there, and the top-left value of each range is
  copied over the whole range: a header merged over two columns, or a delegation merged down
  its rows, reads as if typed into every cell.
- ``.csv`` in UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1258 (the old Vietnamese
  code page), separated by ``,`` ``;`` or tab.
- The sheet: the one named, else the active one; with a header test, the other sheets are tried
  in order when the active one has no header (a cover sheet in front of the list).
- The header-row search shared by the importers (:func:`find_header_rows`): a title block may
  push the header down, and a second header row ("Năm sinh" over "Nam" / "Nữ") may sit under it.
- :class:`Skipped`, the record of a row an importer could not read, for every importer.

A file that cannot be read raises :class:`~data.errors.DaihoiError` with ``import.unsupported``,
``import.missing``, ``import.unreadable``, ``import.no_sheet`` or ``import.no_header``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from .errors import DaihoiError

Row = tuple[int, tuple[Any, ...]]
"""A spreadsheet row number (1-based, as Excel shows it) and its raw cell values."""

H = TypeVar("H")

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
HEADER_SEARCH_ROWS = 40
"""How far down a title block may push the header row."""


@dataclass(frozen=True)
class Skipped:
    """A row (or a field of a row) an importer could not read, reported to the user."""

    row: int
    """Spreadsheet row number, as Excel shows it (CSV: the record number, header included)."""
    key: str
    """Catalog key of the reason (``import.bad_year`` …)."""
    params: dict[str, Any] = field(default_factory=dict)
    """Values for the reason's message."""
    column: str = ""
    """The column's header text ("Năm sinh"), or "" when the whole row is at fault."""


@dataclass(frozen=True)
class Table(Generic[H]):
    """One sheet (or CSV file) as read."""

    rows: list[Row]
    """Every row, numbered as Excel shows it, empty rows included, merges filled."""
    sheet: str
    """The sheet read ("" for a CSV)."""
    header: H | None = None
    """What the caller's header test found on that sheet (None without a test)."""


def read_table(
    path: str | Path,
    sheet: str | None = None,
    *,
    has_header: Callable[[list[Row]], H | None] | None = None,
    no_header: str = "import.no_header",
    merged: bool = True,
    csv_suffixes: Collection[str] = CSV_SUFFIXES,
) -> Table[H]:
    """Read ``path``: the sheet named, else the active one, else (with ``has_header``) the first
    sheet where ``has_header`` finds a header.

    ``has_header(rows)`` returns the caller's header, or None; when no sheet tried has one, the
    error ``no_header`` is raised. ``merged=False`` leaves merged ranges as Excel stores them
    (value in the top-left cell only), for importers that tell a heading row by its lone cell.
    ``csv_suffixes`` names the suffixes read as CSV (some importers take ``.txt`` too).
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in XLSX_SUFFIXES and suffix not in csv_suffixes:
        raise DaihoiError("import.unsupported", file=str(target))
    if not target.is_file():
        raise DaihoiError("import.missing", file=str(target))
    if suffix in csv_suffixes:
        rows = read_csv(target)
        return Table(rows, "", _header(target, rows, has_header, no_header))
    return _read_xlsx(target, sheet, has_header, no_header, merged)


def _header(
    path: Path,
    rows: list[Row],
    has_header: Callable[[list[Row]], H | None] | None,
    no_header: str,
) -> H | None:
    if has_header is None:
        return None
    header = has_header(rows)
    if header is None:
        raise DaihoiError(no_header, file=str(path))
    return header


_BROKEN = (
    zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, IndexError, TypeError,
    AttributeError, OSError, SyntaxError, NotImplementedError,
)  # fmt: skip
"""What a damaged or foreign file raises while openpyxl reads it (ParseError is a SyntaxError).

Broad, because openpyxl fails on a damaged file in many ways; so only openpyxl's reading runs
under it, never the caller's header test, whose own bugs must surface, not pass for a damaged
file."""


def _read_xlsx(
    path: Path,
    sheet: str | None,
    has_header: Callable[[list[Row]], H | None] | None,
    no_header: str,
    merged: bool,
) -> Table[H]:
    import openpyxl  # heavy: imported only when a spreadsheet is read
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, *_BROKEN) as exc:
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
    try:
        names = list(book.sheetnames)  # read by load_workbook: cannot fail here
        if sheet is not None:
            if sheet not in names:
                raise DaihoiError(
                    "import.no_sheet", file=str(path), sheet=sheet, sheets=", ".join(names)
                )
            order = [sheet]
        else:
            active = book.active.title if book.active is not None else names[0]
            order = [active] + ([n for n in names if n != active] if has_header else [])
        for name in order:
            try:
                rows = _sheet_rows(path, book[name], merged)
            except _BROKEN as exc:
                raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
            if has_header is None:
                return Table(rows, name)
            header = has_header(rows)
            if header is not None:
                return Table(rows, name, header)
        raise DaihoiError(no_header, file=str(path))
    finally:
        book.close()


def _sheet_rows(path: Path, ws: Any, merged: bool) -> list[Row]:
    # A wrong <dimension> (common in files written by other tools) would cut rows or columns.
    ws.reset_dimensions()
    rows = [(n, tuple(r)) for n, r in enumerate(ws.iter_rows(values_only=True), start=1)]
    if merged:
        ranges = merged_ranges(path, getattr(ws, "_worksheet_path", None))
        if ranges:
            rows = fill_merges(rows, ranges)
    return rows


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def merged_ranges(path: Path, member: str | None) -> list[tuple[int, int, int, int]]:
    """Merged ranges (min_row, min_col, max_row, max_col; 1-based) of one sheet.

    openpyxl's read-only mode streams cells and never looks at ``<mergeCells>``, which sits
    after the cell data; a regular expression over the sheet's XML finds them in milliseconds,
    where opening the workbook in normal mode would cost seconds on a long list. If the member
    cannot be found, the sheet is read without merges (importers carry header gaps from the
    left).
    """
    if not member:
        return []
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read(member.lstrip("/"))
    except (KeyError, zipfile.BadZipFile, OSError):
        return []
    # <mergeCells> follows <sheetData>: start after its closing tag (the last "sheetData";
    # cell text cannot hold a tag, its "<" is escaped).
    tail = max(data.rfind(b"sheetData"), 0)
    return [(int(r1), _col(c1), int(r2), _col(c2)) for c1, r1, c2, r2 in _MERGE.findall(data, tail)]


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def fill_merges(rows: list[Row], merges: Iterable[tuple[int, int, int, int]]) -> list[Row]:
    """Copy each merged range's top-left value into every empty cell of the range."""
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


# ---------------------------------------------------------------------------- CSV
def read_csv(path: Path) -> list[Row]:
    """Every record of a CSV file, numbered from 1, cells as text."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
    bad = broken_utf8(raw)
    if bad is not None:
        raise DaihoiError("import.bad_encoding", file=str(path), line=bad)
    text = decode(raw)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        return [(n, tuple(r)) for n, r in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc


def decode(raw: bytes) -> str:
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


def broken_utf8(raw: bytes) -> int | None:
    """The line (1-based) of the first invalid byte of a UTF-8 file damaged by a few stray
    bytes, or None when ``raw`` is valid UTF-8 or really in another code page.

    :func:`decode` would read such a file as Windows-1258 and store every name as mojibake
    ("Nguyá»…n"). Windows-1258 text hardly ever forms a valid UTF-8 multi-byte sequence (its
    letters are lead bytes, rarely followed by a continuation byte), so a file with more valid
    sequences than invalid bytes is broken UTF-8.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        raw.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        first = exc.start
    if raw.startswith(b"\xef\xbb\xbf"):  # says UTF-8 itself: any invalid byte is damage
        return raw.count(b"\n", 0, first) + 1
    text = raw.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f") - invalid
    if valid < 2 or invalid >= valid:
        return None
    return raw.count(b"\n", 0, first) + 1


def sniff_delimiter(text: str) -> str:
    """The separator giving the most lines with the same number (> 1) of fields.

    ``csv.Sniffer`` is thrown off by commas inside unit names ("Sở Lao động, Thương binh và Xã
    hội") in a ``;`` file, and by a title line above the table; counting consistent field
    counts over the first lines is not.
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


# ---------------------------------------------------------------------------- header rows
@dataclass(frozen=True)
class HeaderRows:
    """The header row found, and the sub-header row folded into it, if any."""

    row: int
    """Row number of the (last) header row: data starts below it."""
    top: list[str]
    """The header row's texts."""
    sub: list[str] | None
    """The second header row's texts ("Nam" / "Nữ" under "Năm sinh"), or None."""


def find_header_rows(
    rows: Sequence[tuple[int, Sequence[str]]],
    field_of: Callable[[str], str | None],
    accepts: Callable[[list[str | None]], bool],
    *,
    groups: Collection[str | None] | None = None,
    search: int = HEADER_SEARCH_ROWS,
) -> HeaderRows | None:
    """The first of the first ``search`` rows whose cells' fields ``accepts``, with the row
    below when it is a second header row.

    ``rows`` are cell texts; ``field_of`` is the importer's alias table (header text → field).
    A row below is a sub-header when each of its filled cells is a known header name or a copy
    of the cell above (a vertical merge), and at least one is not a copy. ``groups`` limits the
    fields whose cells may have sub-columns (None: any); the delegate list allows only
    "Năm sinh", "Giới tính" or an unknown cell, so a delegate named "Nam" under "Họ và tên" is
    not a header.
    """
    for i, (number, top) in enumerate(rows[:search]):
        top = list(top)
        if not accepts([field_of(t) for t in top]):
            continue
        below = list(rows[i + 1][1]) if i + 1 < len(rows) else []
        if _is_sub_header(top, below, field_of, groups):
            return HeaderRows(rows[i + 1][0], top, below)
        return HeaderRows(number, top, None)
    return None


def _is_sub_header(
    top: list[str],
    below: list[str],
    field_of: Callable[[str], str | None],
    groups: Collection[str | None] | None,
) -> bool:
    differing = 0
    for j, text in enumerate(below):
        if not text:
            continue
        above = top[j] if j < len(top) else ""
        if text == above:
            continue
        if field_of(text) is None:
            return False
        if groups is not None and field_of(above) not in groups:
            return False
        differing += 1
    return differing > 0
