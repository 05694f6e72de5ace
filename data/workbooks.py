"""Cell values of .xlsx, .xls, .xlsb and .ods workbooks, read by calamine (python-calamine).

calamine is a Rust reader: a 10,000-row list reads in about a tenth of the time openpyxl's
read-only mode takes just to iterate the same rows (figures in ``daihoi bench``), and it knows
each sheet's visibility (visible, hidden, very hidden) and, for .xlsx and .xls, the merged
ranges. Its values are put back in the shapes the importers have always received from
openpyxl: a whole number is an ``int`` (calamine gives ``1980.0``), a date a ``datetime``, an
empty cell ``None`` (calamine gives ``""``).

calamine reads a sheet whole into memory, so :mod:`data.sheets` only hands it a sheet whose
size the xlsx pre-pass has bounded (:attr:`data.sheets.PartScan.tame`); the others, and any
.xlsx calamine cannot parse, go through openpyxl's streaming reader as before. For .xls, .xlsb
and .ods the file size bounds the sheet (an .xls holds at most 65,536 × 256 cells).

Not available from calamine: hidden rows and fonts (for .xlsx they come from the sheet's XML,
:mod:`data.xlsx_styles`; for .xls, .xlsb and .ods they are not read), merged ranges of .ods and
.xlsb.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

VISIBLE, HIDDEN, VERY_HIDDEN = "visible", "hidden", "very_hidden"


@dataclass(frozen=True)
class SheetInfo:
    """One sheet of a workbook, before its cells are read."""

    name: str
    """The sheet's name as its tab shows it."""
    state: str
    """:data:`VISIBLE`, :data:`HIDDEN` (Format > Hide) or :data:`VERY_HIDDEN` (only VBA shows it)."""
    index: int
    """Its position among the workbook's sheets (0-based)."""


class CalamineFailed(Exception):
    """calamine could not read the file: the caller says why, in its own words."""


class PasswordProtected(CalamineFailed):
    """The workbook is encrypted."""


def open_book(path: Path) -> Any:
    """The calamine workbook of ``path``; raises :class:`CalamineFailed`."""
    import python_calamine as calamine  # a compiled module: imported only when a book is read

    try:
        # From the bytes, not the path: calamine would pick its reader by the file's suffix,
        # and an .xls renamed .xlsx is what it must read here.
        with path.open("rb") as stream:
            return calamine.CalamineWorkbook.from_filelike(stream)
    except calamine.PasswordError as exc:
        raise PasswordProtected(str(exc)) from exc
    except (calamine.CalamineError, OSError, ValueError, RuntimeError) as exc:
        raise CalamineFailed(str(exc) or type(exc).__name__) from exc
    except Exception as exc:  # calamine's own errors (XmlError, ZipError…) are not all subclasses
        raise CalamineFailed(str(exc) or type(exc).__name__) from exc


def sheets_of(book: Any) -> list[SheetInfo]:
    """The workbook's worksheets (chart sheets and macro sheets left out), in tab order."""
    import python_calamine as calamine

    visible = calamine.SheetVisibleEnum  # its members compare but do not hash
    found = []
    for index, meta in enumerate(book.sheets_metadata):
        if meta.typ != calamine.SheetTypeEnum.WorkSheet:
            continue
        if meta.visible == visible.Visible:
            state = VISIBLE
        elif meta.visible == visible.VeryHidden:
            state = VERY_HIDDEN
        else:
            state = HIDDEN
        found.append(SheetInfo(meta.name, state, index))
    return found


@dataclass(frozen=True)
class Grid:
    """A sheet's cells as calamine read them, in the reader's shapes."""

    rows: list[tuple[int, tuple[Any, ...]]]
    """Every row from row 1 to the last holding a value, numbered as Excel shows them, cells
    from column A; an empty row is ``()``."""
    merges: list[tuple[int, int, int, int]]
    """Merged ranges (min_row, min_col, max_row, max_col; 1-based), as calamine found them."""


def read_grid(book: Any, name: str, *, want_merges: bool) -> Grid:
    """The cells of sheet ``name``; raises :class:`CalamineFailed`."""
    try:
        sheet = book.get_sheet_by_name(name)
        cells = sheet.to_python(skip_empty_area=False)
        ranges = (sheet.merged_cell_ranges or []) if want_merges else []
    except Exception as exc:  # calamine raises its own classes for a damaged sheet
        raise CalamineFailed(str(exc) or type(exc).__name__) from exc
    rows = list(_rows(cells))
    merges = [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in ranges]
    return Grid(rows, merges)


def _rows(cells: list[list[Any]]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for n, values in enumerate(cells, start=1):
        if not any(v != "" for v in values):
            yield n, ()
        else:
            yield n, tuple(_value(v) for v in values)


def _value(v: Any) -> Any:
    """One calamine value as openpyxl gives it."""
    kind = v.__class__
    if kind is str:
        return v or None
    if kind is float:
        return int(v) if v.is_integer() and abs(v) < 2**53 else v
    if kind is date:
        return datetime(v.year, v.month, v.day)
    return v
