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

Hostile and broken files. Every list goes through here, so the bounds are here, and a file past
one is refused in seconds with one line, before openpyxl builds anything big: the file's size
(:data:`MAX_FILE_BYTES`); for an .xlsx the number of parts, their declared and their actual
unpacked size (:data:`MAX_UNZIPPED_BYTES`, counted while each part is streamed once), DTDs and
entity declarations (billion laughs, XXE: Excel never writes one), the number of shared texts
and the merged area (:data:`MAX_MERGED_CELLS`); then, while rows are read, the rows
(:data:`MAX_ROWS`), columns (:data:`MAX_COLUMNS`) and cell lengths (:data:`MAX_CELL_CHARS`).
The same pass over the parts counts the cells that hold a value, so reading stops at the last
one: a sheet formatted down to row 1,048,576 around 300 names reads 300 rows, and trailing
empty rows never count. Terminal escapes, control characters and bidi overrides are stripped
from every text cell (:func:`data.text.strip_controls`), each cell so cleaned reported in
:attr:`Table.warnings`.

A file that cannot be read raises :class:`~data.errors.DaihoiError` with ``import.unsupported``,
``import.missing``, ``import.unreadable``, ``import.bad_encoding``, ``import.no_sheet``,
``import.no_header`` or one of the ``limits.*`` keys.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import re
import threading
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from . import formats, workbooks, xlsx_styles
from .errors import DaihoiError
from .text import strip_controls
from .workbooks import VISIBLE, SheetInfo

Row = tuple[int, tuple[Any, ...]]
"""A spreadsheet row number (1-based, as Excel shows it) and its raw cell values."""

H = TypeVar("H")

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
HEADER_SEARCH_ROWS = 40
"""How far down a title block may push the header row."""

# ---------------------------------------------------------------------------- bounds
# Generous: twenty times the largest congress (10,000 delegates), so no real list meets one.
MB = 1 << 20

MAX_FILE_BYTES = 100 * MB
"""Largest file read. A 10,000-row list is about 0.5 MB as .xlsx and 2 MB as .csv; a CSV is
read whole into memory, so its size bounds the memory an import takes."""

MAX_UNZIPPED_BYTES = 200 * MB
"""Largest unpacked size of all the parts of an .xlsx, declared or actual: 10,000 rows unpack
to about 5 MB. A 0.8 MB file holding 400 MB of empty rows (a zip bomb, or formatting dragged
to row 1,048,576) is refused from its declared sizes before a byte is unpacked."""

MAX_PARTS = 10_000
"""Most parts (zip members) of an .xlsx: a workbook has a dozen, plus one or two per sheet."""

MAX_ROWS = 200_000
"""Last row that may hold data (as Excel numbers it); empty rows below the data do not count."""

MAX_COLUMNS = 200
"""Last column that may hold data; a list has about 15."""

MAX_MERGED_CELLS = 2_000_000
"""Most cells all the merged ranges of a workbook may cover. A list merges titles, headers and
a delegation down its rows: tens of thousands of cells. One range ``A2:XFD200000`` covers 3.3
billion, which filled in used to end the import in a MemoryError at 4 GB."""

MAX_CELL_CHARS = 32_767
"""Longest text of one cell: Excel's own limit."""

MAX_SHARED_STRINGS = 2_000_000
"""Most distinct texts of an .xlsx (openpyxl holds them all in memory); a list has a few per row."""


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
    """The column's header text ("Năm sinh"), or "" when the whole row is at fault. The reader
    knows only letters ("C"); :func:`name_columns` puts the header text in their place."""
    sheet: str = ""
    """The sheet the row is on, when the file held several lists (row numbers repeat)."""


@dataclass(frozen=True)
class SheetSkipped:
    """A sheet of the workbook that was not read, and why."""

    sheet: str
    """The sheet's name."""
    key: str
    """``import.hidden_sheet`` (hidden or very hidden: old data kept out of sight is never a
    list) or ``import.sheet_without_list`` (no header the importer recognizes: a cover note, a
    summary of counts)."""


@dataclass(frozen=True)
class Table(Generic[H]):
    """One sheet (or CSV file, or Word or HTML table) as read."""

    rows: list[Row]
    """Every row up to the last one holding a value, numbered as Excel shows it, empty rows
    between included (as ``()``), merges filled; hidden and struck-through rows are empty."""
    sheet: str
    """The sheet read ("" for a CSV; "Bảng 2" for a Word or HTML file's second table)."""
    header: H | None = None
    """What the caller's header test found on that sheet (None without a test)."""
    warnings: list[Skipped] = field(default_factory=list)
    """Cells read with characters removed (``limits.control_chars``), column as its letter."""
    format: str = ""
    """What the file really is (:func:`data.formats.detect`): "xlsx", "xls", "xlsb", "ods",
    "docx", "html" or "csv", whatever its name says."""
    merged: int = 0
    """Merged ranges found on the sheet (each filled with its top-left value unless the caller
    asked for ``merged=False``)."""
    skipped_rows: list[Skipped] = field(default_factory=list)
    """Rows that hold values but were left out, in row order: ``import.hidden_row`` (hidden in
    Excel) and ``import.struck_row`` (every filled cell struck through). .xlsx only: .xls, .xlsb
    and .ods rows are all read (calamine does not say which are hidden or struck)."""
    font: str = ""
    """The workbook's default font (.xlsx; "" otherwise)."""
    fonts: dict[tuple[int, int], str] = field(default_factory=dict)
    """(row number, 0-based column) → font name, for the cells typed in another font than
    :attr:`font` (``.VnTime``: TCVN3 text, ``VNI-Times``: VNI-Windows): the hint the legacy
    encoding converter takes. .xlsx only."""
    sheets_skipped: list[SheetSkipped] = field(default_factory=list)
    """The workbook's other sheets that were not read because hidden, or (for
    :func:`read_tables`) because they hold no list."""
    legacy: dict[str, int] = field(default_factory=dict)
    """Cells converted from a legacy Vietnamese encoding, per encoding (``{"tcvn3": 12}``):
    :func:`data.legacy.convert` runs on every text cell, with the cell's font as its hint."""
    named: bool = False
    """The sheet's name was typed by a person (a workbook's tab, not "" or "Bảng 2"), so it may
    name the delegation of rows that name none."""

    def font_of(self, row: int, column: int) -> str:
        """The font of a cell (0-based column): its own, else the workbook's default."""
        return self.fonts.get((row, column), self.font)


@dataclass(frozen=True)
class Book(Generic[H]):
    """Every list a file holds: each visible sheet (or table) with a header the caller knows."""

    file: str
    """The path as given."""
    format: str
    """What the file really is (see :attr:`Table.format`)."""
    tables: list[Table[H]]
    """The lists, in the workbook's order; never empty (:func:`read_tables` raises
    ``no_header`` instead)."""
    skipped: list[SheetSkipped] = field(default_factory=list)
    """Sheets not read: hidden ones, and those without a header (a summary, a cover note)."""


def read_table(
    path: str | Path,
    sheet: str | None = None,
    *,
    has_header: Callable[[list[Row]], H | None] | None = None,
    no_header: str = "import.no_header",
    merged: bool = True,
    csv_suffixes: Collection[str] = CSV_SUFFIXES,
) -> Table[H]:
    """Read one list of ``path``: the sheet named, else the active one, else (with
    ``has_header``) the first visible sheet where ``has_header`` finds a header.

    The format is told from the content (:func:`data.formats.detect`): .xlsx/.xlsm, .xls,
    .xlsb, .ods, a Word document's tables, an HTML table saved as .xls, CSV (for the suffixes
    in ``csv_suffixes``; some importers take ``.txt`` too). Hidden sheets are never read unless
    named; they are listed in :attr:`Table.sheets_skipped`.

    ``has_header(rows)`` returns the caller's header, or None; when no sheet tried has one, the
    error ``no_header`` is raised. ``merged=False`` leaves merged ranges as Excel stores them
    (value in the top-left cell only), for importers that tell a heading row by its lone cell.
    """
    source = _open(Path(path), csv_suffixes)
    try:
        infos = source.sheets()
        hidden = [SheetSkipped(i.name, "import.hidden_sheet") for i in infos if i.state != VISIBLE]
        if sheet is not None:
            order = [_named(source, infos, sheet)]
        else:
            visible = [i for i in infos if i.state == VISIBLE]
            active = source.active(visible)
            order = [active] + ([i for i in visible if i is not active] if has_header else [])
        for info in order:
            table = source.table(info, merged)
            if has_header is None:
                return _with(table, None, hidden)
            header = has_header(table.rows)
            if header is not None:
                return _with(table, header, [s for s in hidden if s.sheet != info.name])
        raise DaihoiError(no_header, file=str(path))
    finally:
        source.close()


def read_tables(
    path: str | Path,
    sheet: str | None = None,
    *,
    has_header: Callable[[list[Row]], H | None],
    no_header: str = "import.no_header",
    merged: bool = True,
    csv_suffixes: Collection[str] = CSV_SUFFIXES,
) -> Book[H]:
    """Every list of ``path``: each visible sheet (or Word/HTML table) where ``has_header``
    finds a header, in order; or only the sheet named. A workbook of one sheet per delegation
    reads whole; a hidden sheet ("DS 2020 (cũ)") and a sheet without a header (a summary of
    counts, a cover note) are left out and listed in :attr:`Book.skipped`. Raises ``no_header``
    when no sheet has one, and everything :func:`read_table` raises.
    """
    source = _open(Path(path), csv_suffixes)
    try:
        infos = source.sheets()
        skipped = [SheetSkipped(i.name, "import.hidden_sheet") for i in infos if i.state != VISIBLE]
        order = (
            [_named(source, infos, sheet)]
            if sheet is not None
            else [i for i in infos if i.state == VISIBLE]
        )
        tables: list[Table[H]] = []
        for info in order:
            table = source.table(info, merged)
            header = has_header(table.rows)
            if header is None:
                skipped.append(SheetSkipped(info.name, "import.sheet_without_list"))
                continue
            tables.append(_with(table, header, []))
        if not tables:
            raise DaihoiError(no_header, file=str(path))
        skipped.sort(key=lambda s: next(i.index for i in infos if i.name == s.sheet))
        return Book(str(path), source.format, tables, skipped)
    finally:
        source.close()


def _with(table: Table[Any], header: H | None, skipped: list[SheetSkipped]) -> Table[H]:
    return dataclasses.replace(table, header=header, sheets_skipped=skipped)


def _named(source: _Source, infos: list[SheetInfo], sheet: str) -> SheetInfo:
    found = next((i for i in infos if i.name == sheet), None)
    if found is None:
        shown = ", ".join(strip_controls(i.name) for i in infos)
        raise DaihoiError(
            "import.no_sheet", file=str(source.path), sheet=strip_controls(sheet), sheets=shown
        )
    return found


def _open(target: Path, csv_suffixes: Collection[str]) -> _Source:
    """The reader for ``target``'s real format, after the checks every file gets."""
    if not target.is_file():
        raise DaihoiError("import.missing", file=str(target))
    try:
        size = target.stat().st_size
    except OSError as exc:
        raise DaihoiError("import.unreadable", file=str(target), reason=_reason(exc)) from exc
    if size > MAX_FILE_BYTES:
        raise DaihoiError(
            "limits.file_size", file=str(target), size=_mb(size), limit=MAX_FILE_BYTES // MB
        )
    kind = formats.detect(target, tuple(csv_suffixes))
    if kind == "csv":
        return _CsvSource(target)
    if kind == "xlsx":
        return _XlsxSource(target)
    if kind in ("xls", "xlsb", "ods"):
        return _CalamineSource(target, kind)
    return _TablesSource(target, kind)


def column_letter(index: int) -> str:
    """A 0-based column index as Excel names the column: 0 → "A", 26 → "AA"."""
    letters = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def name_columns(warnings: Iterable[Skipped], headers: Sequence[Any]) -> list[Skipped]:
    """``warnings`` of the reader with each column letter replaced by the header text above it
    (``headers``: the header row's cells), where the header names one."""
    named = []
    for w in warnings:
        index = _column_index(w.column)
        text = headers[index] if 0 <= index < len(headers) else None
        text = strip_controls(str(text)).strip() if text is not None else ""
        named.append(Skipped(w.row, w.key, w.params, text) if text else w)
    return named


def _column_index(letters: str) -> int:
    if not letters.isascii() or not letters.isalpha() or not letters.isupper():
        return -1
    return _col(letters.encode()) - 1


_BROKEN = (
    zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, IndexError, TypeError,
    AttributeError, OSError, SyntaxError, NotImplementedError,
)  # fmt: skip
"""What a damaged or foreign file raises while openpyxl reads it (ParseError is a SyntaxError).

Broad, because openpyxl fails on a damaged file in many ways; so only openpyxl's reading runs
under it, never the caller's header test, whose own bugs must surface, not pass for a damaged
file."""


# ---------------------------------------------------------------------------- the readers
class _Source:
    """One file being read: its sheets, and each sheet's table on demand."""

    format = ""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.merged_area = 0

    def sheets(self) -> list[SheetInfo]:
        return [SheetInfo("", VISIBLE, 0)]

    def active(self, visible: list[SheetInfo]) -> SheetInfo:
        if not visible:
            raise DaihoiError("import.no_header", file=str(self.path))
        return visible[0]

    def table(self, info: SheetInfo, merged: bool) -> Table[Any]:
        raise NotImplementedError

    def close(self) -> None:
        return None

    def _count_merged(self, merges: Iterable[tuple[int, int, int, int]]) -> None:
        """Bound the area the merged ranges of the file cover, as the xlsx pre-pass does."""
        for r1, c1, r2, c2 in merges:
            self.merged_area += (r2 - r1 + 1) * (c2 - c1 + 1)
            if self.merged_area > MAX_MERGED_CELLS:
                ref = f"{column_letter(c1 - 1)}{r1}:{column_letter(c2 - 1)}{r2}"
                raise DaihoiError(
                    "limits.merged",
                    file=str(self.path),
                    ref=ref,
                    cells=self.merged_area,
                    limit=MAX_MERGED_CELLS,
                )

    def _finish(
        self,
        name: str,
        raw: list[Row],
        merges: list[tuple[int, int, int, int]],
        merged: bool,
        *,
        escapes: bool = False,
        hidden: Collection[int] = (),
        struck: Collection[tuple[int, int]] = (),
        fonts: dict[tuple[int, int], str] | None = None,
        font: str = "",
        named: bool = True,
    ) -> Table[Any]:
        """Bound, clean and fill one sheet's rows (every format but CSV and openpyxl's path)."""
        warnings: list[Skipped] = []
        rows: list[Row] = []
        for n, values in raw:
            if values and any(v is not None for v in values):
                if n > MAX_ROWS:
                    raise DaihoiError("limits.rows", file=str(self.path), row=n, limit=MAX_ROWS)
                rows.append((n, _cells(self.path, n, values, warnings, xlsx=escapes)))
            elif n <= MAX_ROWS:
                rows.append((n, ()))
        reach = min(max((r2 for _, _, r2, _ in merges), default=0), MAX_ROWS)
        last = rows[-1][0] if rows else 0
        rows.extend((n, ()) for n in range(last + 1, reach + 1))
        return _table(
            self.format, name, rows, warnings, merges, merged, hidden, struck, fonts, font, named
        )


def _table(
    kind: str,
    name: str,
    rows: list[Row],
    warnings: list[Skipped],
    merges: list[tuple[int, int, int, int]],
    merged: bool,
    hidden: Collection[int],
    struck: Collection[tuple[int, int]],
    fonts: dict[tuple[int, int], str] | None,
    font: str,
    named: bool,
) -> Table[Any]:
    """The table of one sheet: legacy-encoded texts converted, hidden and struck rows taken out
    (after merges are filled, so a delegation merged down from a hidden row still reaches the
    rows below)."""
    rows, converted = convert_legacy(rows, fonts or {}, font)
    out: list[Skipped] = []
    drop: set[int] = set()
    if hidden or struck:
        marks = set(struck)
        for n, values in rows:
            filled = [j for j, v in enumerate(values) if v is not None]
            if not filled:
                continue
            if n in hidden:
                out.append(Skipped(n, "import.hidden_row"))
                drop.add(n)
            elif marks and all((n, j) in marks for j in filled):
                out.append(Skipped(n, "import.struck_row"))
                drop.add(n)
    if merges and merged:
        rows = fill_merges(rows, merges)
    if drop:
        rows = [(n, () if n in drop else values) for n, values in rows]
    while rows and all(v is None for v in rows[-1][1]):
        rows.pop()
    return Table(
        rows,
        strip_controls(name),
        None,
        warnings,
        format=kind,
        merged=len(merges),
        skipped_rows=out,
        font=font,
        fonts=fonts or {},
        named=named,
        legacy=converted,
    )


def convert_legacy(
    rows: list[Row], fonts: dict[tuple[int, int], str], font: str = ""
) -> tuple[list[Row], dict[str, int]]:
    """``rows`` with every text typed in a legacy Vietnamese encoding (TCVN3, VNI-Windows)
    turned into Unicode (:func:`data.legacy.convert`, the cell's font as the hint), and how
    many cells each encoding gave. Other texts are left exactly as read (not even normalised:
    the importer does that). Runs after control characters are stripped, which leaves every
    legacy code alone (TCVN3's ư is the soft hyphen, not a control)."""
    from . import legacy

    counts: dict[str, int] = {}
    seen: dict[tuple[str, str], tuple[str, str] | None] = {}  # a list repeats its units
    out: list[Row] = []
    for n, values in rows:
        changed: list[Any] | None = None
        for j, value in enumerate(values):
            if value.__class__ is not str or value.isascii():
                continue
            hint = fonts.get((n, j), font)
            key = (value, hint)
            if key not in seen:
                result = legacy.convert(value, hint or None)
                seen[key] = (result.text, result.encoding) if result.encoding else None
            found = seen[key]
            if found is None:
                continue
            counts[found[1]] = counts.get(found[1], 0) + 1
            if changed is None:
                changed = list(values)
            changed[j] = found[0]
        out.append((n, values if changed is None else tuple(changed)))
    return out, counts


class _CsvSource(_Source):
    format = "csv"

    def table(self, info: SheetInfo, merged: bool) -> Table[Any]:
        rows, warnings = _read_csv(self.path)
        rows, converted = convert_legacy(rows, {})
        return Table(rows, "", None, warnings, format="csv", legacy=converted)


class _TablesSource(_Source):
    """A Word document's or an HTML file's tables, each read like a sheet ("Bảng 1" …)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(path)
        self.format = kind
        if kind == "docx":
            inspect_xlsx(path)  # the zip's bounds: sizes, parts, DTDs
        try:
            if kind == "docx":
                from .word_tables import read_docx

                self.raw = read_docx(path)
            else:
                from .html_tables import read_html

                self.raw = read_html(path)
        except DaihoiError:
            raise
        except (*_BROKEN, LookupError) as exc:
            raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
        except Exception as exc:  # python-docx's own errors (PackageNotFoundError …)
            raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
        if not self.raw:
            raise DaihoiError("import.no_table", file=str(path))

    def sheets(self) -> list[SheetInfo]:
        if len(self.raw) == 1:
            return [SheetInfo("", VISIBLE, 0)]
        return [SheetInfo(f"Bảng {i + 1}", VISIBLE, i) for i in range(len(self.raw))]

    def table(self, info: SheetInfo, merged: bool) -> Table[Any]:
        raw = self.raw[info.index]
        self._count_merged(raw.merges)
        return self._finish(info.name, raw.rows, raw.merges, merged, named=False)


class _CalamineSource(_Source):
    """.xls, .xlsb, .ods: calamine for the sheets, their visibility and (.xls) merges."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(path)
        self.format = kind
        if kind != "xls":
            inspect_xlsx(path)  # a zip: its sizes, parts and DTDs bounded first
        if kind == "ods":
            _ods_bounds(path)
        try:
            self.book = workbooks.open_book(path)
            self.infos = workbooks.sheets_of(self.book)
        except workbooks.PasswordProtected as exc:
            raise DaihoiError("import.encrypted", file=str(path)) from exc
        except workbooks.CalamineFailed as exc:
            raise DaihoiError("import.unreadable", file=str(path), reason=str(exc)) from exc

    def sheets(self) -> list[SheetInfo]:
        return self.infos

    def table(self, info: SheetInfo, merged: bool) -> Table[Any]:
        try:
            grid = workbooks.read_grid(self.book, info.name, want_merges=True)
        except workbooks.CalamineFailed as exc:
            raise DaihoiError("import.unreadable", file=str(self.path), reason=str(exc)) from exc
        self._count_merged(grid.merges)
        return self._finish(info.name, grid.rows, grid.merges, merged)

    def close(self) -> None:
        closer = getattr(self.book, "close", None)
        if closer is not None:
            closer()


_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*?)(/>|>(.*?)</table:table-row>)", re.S)
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)(/>|>)")
_ODS_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="(\d+)"')
_ODS_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d+)"')


def _ods_bounds(path: Path) -> None:
    """Refuse an .ods whose repeated rows or cells holding a value reach past the row or column
    bound, before calamine expands them in memory: one row element may say "this row 1,000,000
    times" and one cell "16,384 times". LibreOffice's own trailing repeat of empty rows and
    cells holds no value and does not count."""
    try:
        with zipfile.ZipFile(path) as archive:
            content = archive.read("content.xml")
    except (KeyError, zipfile.BadZipFile, zlib.error, OSError) as exc:
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
    row = 0
    for match in _ODS_ROW.finditer(content):
        repeated = _ODS_ROWS_REPEATED.search(match.group(1))
        count = int(repeated.group(1)) if repeated else 1
        body = match.group(3) or b""
        if b"office:value-type" not in body and b"<text:p" not in body:
            row += count
            continue
        if row + count > MAX_ROWS:
            raise DaihoiError("limits.rows", file=str(path), row=MAX_ROWS + 1, limit=MAX_ROWS)
        column = 0
        for cell in _ODS_CELL.finditer(body):
            spans = _ODS_COLUMNS_REPEATED.search(cell.group(1))
            column += int(spans.group(1)) if spans else 1
            if column > MAX_COLUMNS and b"value-type" in cell.group(1):
                raise DaihoiError(
                    "limits.columns",
                    file=str(path),
                    row=row + 1,
                    column=column_letter(MAX_COLUMNS),
                    limit=MAX_COLUMNS,
                )
        row += count


class _XlsxSource(_Source):
    """.xlsx / .xlsm: the streaming pre-pass (bounds, merges, hidden rows), then calamine for
    the values of a sheet the pre-pass has bounded, openpyxl's streaming reader for any other."""

    format = "xlsx"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.parts = inspect_xlsx(path)  # refuses what is past a bound before anything opens it
        self.calamine: Any = None
        self.openpyxl_book: Any = None
        try:
            with zipfile.ZipFile(path) as archive:
                self.layout = xlsx_styles.read_layout(archive)
                self.styles = xlsx_styles.read_styles(archive, self.layout.styles)
        except (zipfile.BadZipFile, zlib.error, OSError, KeyError) as exc:
            raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc

    def sheets(self) -> list[SheetInfo]:
        if self.layout.sheets:
            return [SheetInfo(s.name, s.state, i) for i, s in enumerate(self.layout.sheets)]
        book = self._openpyxl()  # no workbook part we could read: openpyxl says what is wrong
        return [SheetInfo(ws.title, VISIBLE, i) for i, ws in enumerate(book.worksheets)]

    def active(self, visible: list[SheetInfo]) -> SheetInfo:
        if not visible:
            raise DaihoiError("import.no_header", file=str(self.path))
        names = [s.name for s in self.layout.sheets]
        tab = self.layout.active
        if 0 <= tab < len(names):
            chosen = next((i for i in visible if i.name == names[tab]), None)
            if chosen is not None:
                return chosen
        return visible[0]

    def table(self, info: SheetInfo, merged: bool) -> Table[Any]:
        target = next((s.part for s in self.layout.sheets if s.name == info.name), "")
        part = self.parts.get(target)
        hidden = part.hidden if part is not None else set()
        wanted = self.styles.interesting
        styled: dict[tuple[int, int], int] = {}
        if wanted and part is not None:
            with zipfile.ZipFile(self.path) as archive:
                styled = xlsx_styles.styled_cells(archive, target, wanted)
        struck = {cell for cell, s in styled.items() if s in self.styles.struck}
        fonts = {cell: self.styles.fonts[s] for cell, s in styled.items() if s in self.styles.fonts}
        font = self.styles.default_font
        spaces = any(p.bare_spaces for p in self.parts.values())
        if part is not None and part.tame() and not spaces:
            grid = self._calamine_grid(info.name)
            if grid is not None:
                merges = part.merges
                return self._finish(
                    info.name, grid.rows, merges, merged, hidden=hidden, struck=struck,
                    fonts=fonts, font=font,
                )  # fmt: skip
        ws = self._openpyxl()[info.name]
        try:
            rows, warnings = _sheet_rows(self.path, ws, False, part)
        except _BROKEN as exc:
            raise DaihoiError(
                "import.unreadable", file=str(self.path), reason=_reason(exc)
            ) from exc
        merges = part.merges if part is not None else []
        return _table(
            "xlsx", info.name, rows, warnings, merges, merged, hidden, struck, fonts, font, True
        )

    def _calamine_grid(self, name: str) -> workbooks.Grid | None:
        """The sheet's values by calamine, or None when calamine cannot read the file (a part
        cut short after the last value: openpyxl's streaming reader stops before the break)."""
        try:
            if self.calamine is None:
                self.calamine = workbooks.open_book(self.path)
            return workbooks.read_grid(self.calamine, name, want_merges=False)
        except workbooks.CalamineFailed:
            return None

    def _openpyxl(self) -> Any:
        if self.openpyxl_book is None:
            import openpyxl  # heavy: imported only when calamine cannot read a sheet
            from openpyxl.utils.exceptions import InvalidFileException

            try:
                self.openpyxl_book = _load_workbook(openpyxl, self.path)
            except (InvalidFileException, *_BROKEN) as exc:
                raise DaihoiError(
                    "import.unreadable", file=str(self.path), reason=_reason(exc)
                ) from exc
        return self.openpyxl_book

    def close(self) -> None:
        if self.openpyxl_book is not None:
            self.openpyxl_book.close()
        closer = getattr(self.calamine, "close", None)
        if closer is not None:
            closer()


_OPENING = threading.local()


def _load_workbook(openpyxl: Any, path: Path) -> Any:
    """``openpyxl.load_workbook`` in read-only mode, without its pass over each sheet's size.

    Opening a workbook, openpyxl reads each sheet until its ``<dimension>``, and a sheet without
    one (some generators leave it out) it parses whole, once more than we read it: 150 MB of
    formatted empty cells after 300 names took 63 s before the first row. We never use that
    size (:func:`_sheet_rows` resets it, a wrong one being common), so for our own openings,
    and only in this thread, the pass is skipped; every other use of openpyxl is left as is.
    """
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    original = getattr(ReadOnlyWorksheet, "_get_size", None)
    if original is not None and not getattr(original, "skipped_by_daihoi", False):

        def _get_size(self: Any) -> None:
            if not getattr(_OPENING, "active", False):
                original(self)

        _get_size.skipped_by_daihoi = True  # type: ignore[attr-defined]
        ReadOnlyWorksheet._get_size = _get_size
    _OPENING.active = True
    try:
        # openpyxl refuses a name not ending in .xlsx/.xlsm whatever it holds: the bytes then.
        source = path if path.suffix.lower() in XLSX_SUFFIXES else io.BytesIO(path.read_bytes())
        return openpyxl.load_workbook(source, read_only=True, data_only=True)
    finally:
        _OPENING.active = False


def _sheet_rows(
    path: Path, ws: Any, merged: bool, part: PartScan | None
) -> tuple[list[Row], list[Skipped]]:
    """The rows of one sheet by openpyxl's streaming reader, bounded and cleaned (with
    ``merged``, merges filled; else :func:`_table` fills them).

    Reading stops once every value the part holds has been read (and every row a merge reaches):
    openpyxl would otherwise parse each of a million formatted empty rows below the list.
    """
    # A wrong <dimension> (common in files written by other tools) would cut rows or columns.
    ws.reset_dimensions()
    expected = part.values if part is not None else None
    merges = part.merges if part is not None else []
    reach = min(max((r2 for _, _, r2, _ in merges), default=0), MAX_ROWS)
    rows: list[Row] = []
    warnings: list[Skipped] = []
    seen = 0
    for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
        present = len(values) - values.count(None)
        if present:
            if n > MAX_ROWS:
                raise DaihoiError("limits.rows", file=str(path), row=n, limit=MAX_ROWS)
            seen += present
            rows.append((n, _cells(path, n, values, warnings)))
        elif n > MAX_ROWS and (expected is None or seen < expected):
            # Values are still to come (or, in a part that could not be counted, may be),
            # below the last row a list may have: a row numbered 999,999,999 would otherwise
            # be reached one empty row at a time.
            raise DaihoiError("limits.rows", file=str(path), row=n, limit=MAX_ROWS)
        elif n <= MAX_ROWS:
            rows.append((n, ()))
        if expected is not None and seen >= expected and n >= reach:
            break
    if merges and merged:
        rows = fill_merges(rows, merges)
    while rows and all(v is None for v in rows[-1][1]):
        rows.pop()
    return rows, warnings


_OOXML_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
"""How an .xlsx writes a character XML cannot hold: ``_x001B_`` is ESC, ``_x000D_`` a carriage
return, ``_x005F_`` the underscore that keeps a literal ``_x0041_`` from being one."""


def ooxml_text(text: str) -> str:
    """An .xlsx text as Excel shows it (openpyxl leaves ``_x001B_`` as seven characters)."""
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _cells(
    path: Path,
    n: int,
    values: tuple[Any, ...],
    warnings: list[Skipped],
    *,
    xlsx: bool = True,
    text_only: bool = False,
) -> tuple[Any, ...]:
    """One row's cells within the bounds, text without control characters (an .xlsx's escaped
    characters decoded first, so ``_x001B_`` is found as the ESC it stands for)."""
    if len(values) > MAX_COLUMNS:
        width = len(values)
        while values[width - 1] is None:
            width -= 1
        if width > MAX_COLUMNS:
            column = column_letter(width - 1)
            raise DaihoiError(
                "limits.columns", file=str(path), row=n, column=column, limit=MAX_COLUMNS
            )
        values = values[:width]
    texts = values if text_only else [v for v in values if v.__class__ is str]
    joined = "".join(texts)
    if len(joined) <= MAX_CELL_CHARS and joined.isprintable() and (not xlsx or "_x" not in joined):
        return values  # the usual row: short printable texts, nothing to look at cell by cell
    cleaned: list[Any] | None = None
    for j, value in enumerate(values):
        if type(value) is not str:
            continue
        if len(value) > MAX_CELL_CHARS:
            column = column_letter(j)
            raise DaihoiError(
                "limits.cell",
                file=str(path),
                row=n,
                column=column,
                length=len(value),
                limit=MAX_CELL_CHARS,
            )
        decoded = ooxml_text(value) if xlsx else value
        text = strip_controls(decoded)
        if len(text) != len(decoded):
            removed = len(decoded) - len(text)
            warning = Skipped(
                n, key="limits.control_chars", params={"count": removed}, column=column_letter(j)
            )
            warnings.append(warning)
        if text != value:
            if cleaned is None:
                cleaned = list(values)
            cleaned[j] = text
    return values if cleaned is None else tuple(cleaned)


# ---------------------------------------------------------------------------- the zip's parts
@dataclass
class PartScan:
    """What one pass over an .xlsx part found, before openpyxl reads it."""

    name: str
    """The part's name in the zip ("xl/worksheets/sheet1.xml")."""
    values: int | None = 0
    """Cells holding a value (``<v>``, ``<is>`` elements), never fewer than openpyxl reads, so
    reading may stop after that many; None when the part could not be counted (not a
    ``<worksheet>``, or not in UTF-8 or another ASCII-based encoding): then every row up to
    :data:`MAX_ROWS` is read, and a row past it refuses the file."""
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges (min_row, min_col, max_row, max_col; 1-based)."""
    root: bytes | None = None
    """The root element's name ("worksheet", "sst"), once the prolog is behind."""
    prefixes: set[bytes] = field(default_factory=set)
    """Prefixes bound to the spreadsheet namespace (``x`` of ``<x:v>``)."""
    utf16: bool = False
    """The part is in UTF-16: only its DTD markers and shared texts are looked for."""
    hidden: set[int] = field(default_factory=set)
    """Numbers of the rows Excel hides (``<row r="14" hidden="1">``)."""
    last_row: int = 0
    """The highest row number a ``<row r="…">`` names."""
    row_tags: int = 0
    """Row elements (with or without ``r``): with :attr:`last_row`, a bound on the row numbers
    the sheet can reach."""
    far_column: int = 0
    """The farthest column a cell reference names past column Z (0 when none does)."""
    bare_spaces: bool = False
    """Rich text whose run (``<r><t>``) starts or ends with a blank without
    ``xml:space="preserve"``: calamine
    trims such a text, and two runs "Nguyễn " + "Thị Hoa" would read "NguyễnThị Hoa", so the
    workbook is read by openpyxl, which keeps the blank."""

    def tame(self) -> bool:
        """Whether the sheet may be read whole into memory (by calamine): its values counted,
        no row element past :data:`MAX_ROWS` and no cell past :data:`MAX_COLUMNS`, so it holds
        at most the cells a list may have. Any other sheet is streamed by openpyxl, whose reading
        stops at the bounds with the exact row and column past them."""
        return (
            self.values is not None
            and self.root == b"worksheet"
            and self.last_row + self.row_tags <= MAX_ROWS
            and self.far_column <= MAX_COLUMNS
        )


_CHUNK = 1 << 20
_CARRY = 1 << 16
_BARE_SPACE = re.compile(rb"<(?:[\w.-]+:)?t>(?:\s|[^<]*?\s</)")
_T_OPEN_SPACE = re.compile(rb"t>[ \t\r\n]")
"""A quick look for :data:`_BARE_SPACE` (a literal prefix: a scan, not a walk of each tag)."""
_BLANKS = (b" ", b"\t", b"\r", b"\n")
_ROW_NUMBER = re.compile(rb'<(?:[\w.-]+:)?row\b[^>]*?\br="(\d+)"')
_ROW_NUMBER_FIRST = re.compile(rb'row r="(\d+)')
"""Row numbers as Excel and openpyxl write them (``r`` first): the quick form of
:data:`_ROW_NUMBER`, used when it finds every row element."""
_HIDDEN_ROW = re.compile(rb'<(?:[\w.-]+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_R = re.compile(rb'\br="(\d+)"')
_FAR_REF = re.compile(rb'r="([A-Z]{2,})\d')
"""A cell reference past column Z (only cells have an ``r`` of letters and digits)."""
_MERGE = re.compile(rb'<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_ROOT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
"""The root element's start tag, after the prolog (``<?xml …?>``, comments)."""
_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PREFIX = re.compile(rb"xmlns:([\w.-]+)\s*=\s*[\"']" + re.escape(_MAIN))
"""A prefix bound to the namespace openpyxl reads cells from: its ``<x:v>`` are values too."""
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le")[:-1],
                 "<!ENTITY".encode("utf-16-le")[:-1])  # fmt: skip
"""A DTD or entity declaration, in UTF-8 (or any ASCII-based encoding) or UTF-16 (the first
and last byte of the UTF-16 forms dropped, so one pattern finds both byte orders)."""
_UTF16_STRING = b"<\x00s\x00i"  # "<si" in either byte order


def inspect_xlsx(path: Path) -> dict[str, PartScan]:
    """Check an .xlsx against the bounds in one streaming pass; the scan of each XML part.

    Refuses (``limits.*``) too many parts, a declared or actual unpacked size past
    :data:`MAX_UNZIPPED_BYTES` (each part is unpacked once, a megabyte at a time, and the count
    stops at the bound: a part's real size, not only the one its header claims), any DTD or
    entity declaration, too many shared texts and merged ranges covering more than
    :data:`MAX_MERGED_CELLS`. A damaged zip raises ``import.unreadable``.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise DaihoiError("limits.parts", file=str(path), parts=len(infos), limit=MAX_PARTS)
            declared = sum(i.file_size for i in infos)
            if declared > MAX_UNZIPPED_BYTES:
                raise DaihoiError(
                    "limits.unzipped",
                    file=str(path),
                    size=_mb(declared),
                    limit=MAX_UNZIPPED_BYTES // MB,
                )
            return _Scanner(path).run(archive, infos)
    except (
        zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError
    ) as exc:  # fmt: skip
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
    except RuntimeError as exc:  # an encrypted part: zipfile asks for its password
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc


class _Scanner:
    """The streaming pass of :func:`inspect_xlsx`, with the archive's running totals."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.unpacked = 0
        self.strings = 0
        self.merged = 0

    def run(self, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> dict[str, PartScan]:
        parts: dict[str, PartScan] = {}
        for info in infos:
            if info.is_dir():
                continue
            part = PartScan(info.filename)
            try:
                with archive.open(info) as stream:
                    self._part(part, stream)
            except zipfile.BadZipFile as exc:  # "Bad CRC-32": not the bytes it declared
                raise DaihoiError(
                    "limits.damaged_part", file=str(self.path), part=strip_controls(info.filename)
                ) from exc
            parts[info.filename] = part
        return parts

    def _part(self, part: PartScan, stream: Any) -> None:
        carry = b""
        xml: bool | None = None
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            self.unpacked += len(chunk)
            if self.unpacked > MAX_UNZIPPED_BYTES:
                raise DaihoiError(
                    "limits.unzipped",
                    file=str(self.path),
                    size=_mb(self.unpacked),
                    limit=MAX_UNZIPPED_BYTES // MB,
                )
            if xml is None:
                head = chunk[:64].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00")
                xml = head[:1] == b"<"  # else an image or a printer's settings: not read
                part.utf16 = b"\x00" in chunk[:4]
                if not xml or part.utf16:  # UTF-16: its "<v" cannot be counted
                    part.values = None
            if not xml:
                continue
            # Cut before the last "<", so that no tag is split between two segments.
            buffer = carry + chunk
            cut = buffer.rfind(b"<")
            if cut <= 0 or len(buffer) - cut > _CARRY:
                cut = len(buffer)
            carry = buffer[cut:]
            self._segment(part, buffer[:cut])
        if xml and carry:
            self._segment(part, carry)

    def _segment(self, part: PartScan, data: bytes) -> None:
        # Anywhere in the part, not only before its root: a comment can hide where that is.
        if part.utf16 or b"<!" in data:
            for mark in _DECLARATIONS:
                if mark in data:
                    raise DaihoiError(
                        "limits.xml_entities", file=str(self.path), part=strip_controls(part.name)
                    )
        if part.utf16:  # read as text by expat all the same: count its shared texts
            self._strings(data.count(_UTF16_STRING))
            return
        if part.root is None:
            root = _ROOT.search(data)
            if root is None:
                return
            part.root = root.group(1)
            if part.root != b"worksheet":
                part.values = None  # not a sheet; if openpyxl reads it as one, every row is read
        if _MAIN in data:
            part.prefixes.update(_PREFIX.findall(data))
        self._strings(data.count(b"<si") + sum(data.count(b"<%s:si" % p) for p in part.prefixes))
        if part.values is not None:
            tags = [b"<"] + [b"<%s:" % p for p in part.prefixes]
            for tag in tags:
                part.values += data.count(tag + b"v") + data.count(tag + b"is")
                part.values -= data.count(tag + b"v/>") + data.count(tag + b"v></")
        if not part.bare_spaces and self._bare_spaces(part, data):
            part.bare_spaces = True
        if part.root == b"worksheet":
            self._rows(part, data)
            if b"mergeCell" in data:
                self._merges(part, data)

    @staticmethod
    def _bare_spaces(part: PartScan, data: bytes) -> bool:
        """Whether ``data`` has a text run (``<r>``, rich text) with a blank at an end and no
        ``xml:space``. calamine trims a whole cell's text too, which the importers do anyway;
        a run's blank is what keeps two words apart. Literal searches first."""
        runs = [b"<r>"] + [b"<%s:r>" % p for p in part.prefixes]
        if not any(run in data for run in runs):
            return False
        ends = [b"</t>"] + [b"</%s:t>" % p for p in part.prefixes]
        if _T_OPEN_SPACE.search(data) is None and not any(
            blank + end in data for blank in _BLANKS for end in ends
        ):
            return False
        return _BARE_SPACE.search(data) is not None

    def _rows(self, part: PartScan, data: bytes) -> None:
        """Row numbers and far columns (what makes a sheet :meth:`PartScan.tame`), hidden rows."""
        tags = data.count(b"<row") + sum(data.count(b"<%s:row" % p) for p in part.prefixes)
        if not tags:
            return
        part.row_tags += tags
        numbers = _ROW_NUMBER_FIRST.findall(data)
        if len(numbers) < tags - data.count(b"<rowBreaks"):
            numbers = _ROW_NUMBER.findall(data)  # some row element has its r elsewhere
        if numbers:
            part.last_row = max(part.last_row, max(map(int, numbers)))
        far = _FAR_REF.findall(data)
        if far:
            part.far_column = max(part.far_column, max(_col(c) for c in far))
        if b"hidden" in data:
            for match in _HIDDEN_ROW.finditer(data):
                number = _ROW_R.search(match.group(0))
                if number is not None:
                    part.hidden.add(int(number.group(1)))

    def _strings(self, found: int) -> None:
        self.strings += found
        if self.strings > MAX_SHARED_STRINGS:
            raise DaihoiError(
                "limits.shared_strings", file=str(self.path), limit=MAX_SHARED_STRINGS
            )

    def _merges(self, part: PartScan, data: bytes) -> None:
        for c1, r1, c2, r2 in _MERGE.findall(data):
            top, bottom = sorted((int(r1), int(r2)))
            left, right = sorted((_col(c1), _col(c2)))
            self.merged += (bottom - top + 1) * (right - left + 1)
            if self.merged > MAX_MERGED_CELLS:
                raise DaihoiError(
                    "limits.merged",
                    file=str(self.path),
                    ref=f"{c1.decode()}{r1.decode()}:{c2.decode()}{r2.decode()}",
                    cells=self.merged,
                    limit=MAX_MERGED_CELLS,
                )
            if (top, left) != (bottom, right):
                part.merges.append((top, left, bottom, right))


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _mb(size: int) -> int:
    return -(-size // MB)


def fill_merges(rows: list[Row], merges: Iterable[tuple[int, int, int, int]]) -> list[Row]:
    """Copy each merged range's top-left value into every empty cell of the range.

    Only rows that were read are filled, and no further right than :data:`MAX_COLUMNS`: a title
    merged across the whole width of the sheet (``A1:XFD1``) fills the list's columns, not
    16,384 cells of every row it covers."""
    by_number = {n: list(values) for n, values in rows}
    for r1, c1, r2, c2 in merges:
        top = by_number.get(r1)
        value = top[c1 - 1] if top is not None and c1 - 1 < len(top) else None
        if value is None:
            continue
        right = min(c2, MAX_COLUMNS)
        for r in range(r1, r2 + 1):
            cells = by_number.get(r)
            if cells is None:
                continue
            if len(cells) < right:
                cells.extend([None] * (right - len(cells)))
            for c in range(c1 - 1, right):
                if cells[c] is None:
                    cells[c] = value
    return [(n, tuple(by_number[n])) for n, _ in rows]


# ---------------------------------------------------------------------------- CSV
def _read_csv(path: Path) -> tuple[list[Row], list[Skipped]]:
    """Every record of a CSV file, numbered from 1, cells as text (controls stripped, with a
    warning per cell), within the bounds; trailing blank lines dropped before reading."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
    bad = broken_utf8(raw)
    if bad is not None:
        raise DaihoiError("import.bad_encoding", file=str(path), line=bad)
    encoding = _encoding(raw)
    delimiter = sniff_delimiter(raw[: 4 * 65536].decode(encoding, errors="ignore")[:65536])
    if not encoding.startswith("utf-16"):  # an ASCII byte is that character: strip as bytes
        raw = raw.rstrip(b"\r\n\t " + delimiter.encode())
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding=encoding, errors="replace", newline="")
    rows: list[Row] = []
    warnings: list[Skipped] = []
    n = 0
    try:
        for n, record in enumerate(csv.reader(_lines(path, stream), delimiter=delimiter), 1):
            if n > MAX_ROWS:  # blank lines at the end are gone: this is more list
                raise DaihoiError("limits.rows", file=str(path), row=n, limit=MAX_ROWS)
            if len(record) > MAX_COLUMNS:
                while record and not record[-1]:
                    record.pop()
                if len(record) > MAX_COLUMNS:
                    column = column_letter(len(record) - 1)
                    raise DaihoiError(
                        "limits.columns", file=str(path), row=n, column=column, limit=MAX_COLUMNS
                    )
            rows.append((n, _cells(path, n, tuple(record), warnings, xlsx=False, text_only=True)))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise DaihoiError(
                "limits.line", file=str(path), row=n + 1, limit=_line_limit()
            ) from exc
        raise DaihoiError("import.unreadable", file=str(path), reason=_reason(exc)) from exc
    while rows and not any(rows[-1][1]):
        rows.pop()
    return rows, warnings


def _line_limit() -> int:
    """The longest CSV line read: every column at its longest, each character a doubled quote."""
    return MAX_COLUMNS * (2 * MAX_CELL_CHARS + 3)


def _lines(path: Path, stream: io.TextIOWrapper) -> Iterator[str]:
    """The lines of ``stream``, refusing one too long before the csv module splits it: one line
    of a million commas would otherwise become a list of a million fields."""
    limit = _line_limit()
    for number, line in enumerate(stream, start=1):
        if len(line) > limit:
            raise DaihoiError("limits.line", file=str(path), row=number, limit=limit)
        yield line


def _encoding(raw: bytes) -> str:
    """The codec :func:`decode` reads ``raw`` with."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return "utf-8" if _utf8_error(raw) is None else "cp1258"


def decode(raw: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1258 (the old Vietnamese code page).

    Windows-1258 writes tones as combining marks; :func:`data.text.clean` makes them NFC.
    """
    return raw.decode(_encoding(raw), errors="replace")


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
    first = _utf8_error(raw)
    if first is None:
        return None
    if raw.startswith(b"\xef\xbb\xbf"):  # says UTF-8 itself: any invalid byte is damage
        return raw.count(b"\n", 0, first) + 1
    text = raw.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f") - invalid
    if valid < 2 or invalid >= valid:
        return None
    return raw.count(b"\n", 0, first) + 1


def _utf8_error(raw: bytes) -> int | None:
    """The offset of the first byte of ``raw`` that is not UTF-8, or None; checked a megabyte
    at a time, so a big valid file is never held in memory a second time as text."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(raw)
    for start in range(0, len(raw), MB):
        pending = len(decoder.getstate()[0])  # the end of a character cut by the last chunk
        try:
            decoder.decode(view[start : start + MB], final=start + MB >= len(raw))
        except UnicodeDecodeError as exc:
            return start - pending + exc.start
    return None


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
