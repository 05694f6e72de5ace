"""Writing a report to a file, the suffix decides: :func:`write_xlsx` (formatted: title block
naming the event, header row, widths, frozen panes), :func:`write_csv` (UTF-8 with BOM so Excel
opens it right; the first sheet) and :func:`write_json`. The writers know nothing of kinds.

Safety: a delegate list is written by many hands, and a "name" such as ``=HYPERLINK(…)`` must
never run in a spreadsheet. CSV cells starting with ``= + - @``, tab or CR get a leading ``'``
(OWASP's advice); xlsx cells holding text are stored as text, never as formulas.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import DaihoiError
from .outputs import private_file
from .reports import Cell, Report

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)."""

FORMATS = (".xlsx", ".csv", ".json")
"""The file formats a report is written in, by suffix."""


def writer_for(path: Path) -> Callable[[Report, Path], None]:
    """The writer of ``path``'s suffix; ``export.bad_format`` names the formats otherwise."""
    writers = {".xlsx": write_xlsx, ".csv": write_csv, ".json": write_json}
    suffix = path.suffix.lower()
    if suffix not in writers:
        raise DaihoiError("export.bad_format", path=str(path), formats=", ".join(FORMATS))
    return writers[suffix]


def write(report: Report, path: str | os.PathLike[str]) -> Path:
    """Write ``report`` to ``path`` (format from the suffix), owner-only, replacing atomically.

    The file is written next to its destination and renamed over it, so a reader never opens a
    half-written report; owner-only because reports hold personal data.
    """
    target = Path(path)
    writer = writer_for(target)
    with private_file(target) as partial:
        writer(report, partial)
    return target


def inert(value: Cell) -> Cell:
    """A CSV cell a spreadsheet will show, never run: text starting a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(report: Report, path: Path) -> None:
    """The main sheet as CSV: UTF-8 with BOM (Excel reads it right), header row first, CRLF.

    CSV holds one table; the other sheets (summaries) are in the xlsx and json of the same kind.
    """
    sheet = report.sheets[0]
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow([inert(c) for c in sheet.columns])
        for row in sheet.rows:
            out.writerow(["" if c is None else inert(c) for c in row])


def write_json(report: Report, path: Path) -> None:
    """The whole report as JSON: rows as lists under their sheet's columns (stable shape)."""
    data = {
        "kind": report.kind,
        "title": report.title,
        "event": {"title": report.event_title, "date": report.event_date},
        "generated_at": report.generated_at,
        "sheets": [
            {"name": s.name, "columns": list(s.columns), "rows": [list(r) for r in s.rows]}
            for s in report.sheets
        ],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


HEADER_ROW = 5
"""Row of the column headers in xlsx: below the event's name, the title and the date line."""


def _date_line(report: Report) -> str:
    parts = []
    if report.event_date:
        day = date.fromisoformat(report.event_date)
        parts.append(f"Ngày {day:%d/%m/%Y}")
    moment = datetime.fromisoformat(report.generated_at)
    parts.append(f"Số liệu lúc {moment:%H:%M} ngày {moment:%d/%m/%Y}")
    return " · ".join(parts)


def write_xlsx(report: Report, path: Path) -> None:
    """A formatted workbook: per sheet a title block naming the event, bold header row with
    filters, column widths from the content, panes frozen below the header, landscape printing
    one page wide with the header repeated."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for sheet in report.sheets:
        ws = book.create_sheet(_sheet_title(sheet.name))
        ncols = len(sheet.columns)
        last = get_column_letter(max(ncols, 1))
        for row, text, font in (
            (1, report.event_title.upper(), Font(bold=True, size=13)),
            (2, report.title, Font(bold=True, size=12)),
            (3, _date_line(report), Font(italic=True, size=10)),
        ):
            cell = ws.cell(row=row, column=1)
            _put(cell, text)
            cell.font = font
            cell.alignment = Alignment(horizontal="center")
            if ncols > 1:
                ws.merge_cells(f"A{row}:{last}{row}")
        for col, header in enumerate(sheet.columns, 1):
            cell = ws.cell(row=HEADER_ROW, column=col)
            _put(cell, header)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = border
        for r, values in enumerate(sheet.rows, HEADER_ROW + 1):
            for col, value in enumerate(values, 1):
                cell = ws.cell(row=r, column=col)
                _put(cell, value)
                cell.border = border
        for col, header in enumerate(sheet.columns, 1):
            longest = max([len(header)] + [len(str(row[col - 1] or "")) for row in sheet.rows])
            ws.column_dimensions[get_column_letter(col)].width = min(max(longest + 2, 6), 60)
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        if sheet.rows:
            ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(sheet.rows)}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = f"{report.title} — {report.event_title}"
    book.save(path)


def _put(cell: Any, value: Cell) -> None:
    """Write ``value`` so Excel shows it and never evaluates it: text is stored as text."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value == "" or value is None:
        return  # an empty cell, not an empty string
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # openpyxl would store "=…" as a formula otherwise
    else:
        cell.value = value


def _sheet_title(name: str) -> str:
    """An xlsx tab name: at most 31 characters, none of ``[]:*?/\\``."""
    cleaned = "".join(ch for ch in name if ch not in "[]:*?/\\").strip("'")
    return cleaned[:31] or "Sheet"
