"""Writing a report to a file, the suffix decides: :func:`write_xlsx` (formatted: title block
naming the event, header row, widths, frozen panes), :func:`write_csv` (UTF-8 with BOM so Excel
opens it right; the first sheet) and :func:`write_json`. The writers know nothing of kinds.

Safety: a delegate list is written by many hands, and a "name" such as ``=HYPERLINK(…)`` must
never run in a spreadsheet. CSV cells starting with ``= + - @``, tab or CR get a leading ``'``
(OWASP's advice); xlsx cells holding text are stored as text, never as formulas.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from .errors import DaihoiError
from .outputs import private_file, refuse_input
from .reports import Cell, Report
from .store import Event

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


def write(event: Event, report: Report, path: str | os.PathLike[str]) -> Path:
    """Write ``report`` to ``path`` (format from the suffix), owner-only, replacing atomically.

    Never over one of ``event``'s inputs (:func:`data.outputs.refuse_input`: the event file, a
    list it was imported from). The file is written next to its destination and renamed over
    it, so a reader never opens a half-written report; owner-only because reports hold
    personal data. A write that fails (a full disk) is ``export.cannot_write`` naming the file.
    """
    target = refuse_input(event, path)
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
    one page wide with the header repeated.

    Written with xlsxwriter: each style is one shared format, so a cell costs no more than its
    value (openpyxl hashed the border again for each of the 90,000 cells of a 10,000-row list).
    Text is written as text, never as a formula. A cell holds at most 32,767 characters (Excel's
    limit): a longer text is cut there in .xlsx; the .csv and .json of the report hold it whole.
    """
    import xlsxwriter
    from xlsxwriter.exceptions import FileCreateError, FileSizeError

    book = xlsxwriter.Workbook(str(path), {"in_memory": True})
    border = {"border": 1, "border_color": "#999999"}
    titles = (
        book.add_format({"bold": True, "font_size": 13, "align": "center"}),
        book.add_format({"bold": True, "font_size": 12, "align": "center"}),
        book.add_format({"italic": True, "font_size": 10, "align": "center"}),
    )
    heading = book.add_format(
        {
            "bold": True,
            "bg_color": "#DDEBF7",
            "pattern": 1,
            "align": "center",
            "valign": "vcenter",
            "text_wrap": True,
            **border,
        }
    )
    framed = book.add_format(border)
    top = HEADER_ROW - 1  # xlsxwriter counts rows and columns from 0
    for sheet in report.sheets:
        ws = book.add_worksheet(_sheet_title(sheet.name))
        ncols = len(sheet.columns)
        texts = (report.event_title.upper(), report.title, _date_line(report))
        for row, (text, style) in enumerate(zip(texts, titles)):
            if ncols > 1:
                ws.merge_range(row, 0, row, ncols - 1, _text(text), style)
            elif text:
                ws.write_string(row, 0, _text(text), style)
        for col, header in enumerate(sheet.columns):
            ws.write_string(top, col, _text(header), heading)
        longest = [len(header) for header in sheet.columns]
        put_text, put_number, put_blank = ws.write_string, ws.write_number, ws.write_blank
        for r, values in enumerate(sheet.rows, top + 1):
            for col, value in enumerate(values):
                if value is None or value == "":
                    put_blank(r, col, None, framed)
                    continue
                if isinstance(value, str):
                    put_text(r, col, value if value.isprintable() else _text(value), framed)
                    size = len(value)
                else:
                    put_number(r, col, value, framed)
                    size = len(str(value))
                if size > longest[col]:
                    longest[col] = size
        for col, size in enumerate(longest):
            ws.set_column(col, col, min(max(size + 2, 6), 60))
        ws.freeze_panes(top + 1, 0)
        if sheet.rows:
            ws.autofilter(top, 0, top + len(sheet.rows), max(ncols, 1) - 1)
        ws.repeat_rows(top)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
    book.set_properties({"title": f"{report.title} — {report.event_title}"})
    try:
        book.close()
    except FileCreateError as exc:
        # xlsxwriter wraps the OSError (a full disk, ulimit -f): unwrapped, it is refused in
        # one line naming the file, as a .csv's is.
        wrapped = exc.args[0] if exc.args else None
        if isinstance(wrapped, OSError):
            raise wrapped from exc
        raise OSError(errno.EIO, str(exc)) from exc
    except FileSizeError as exc:
        raise OSError(errno.EFBIG, os.strerror(errno.EFBIG)) from exc


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters XML cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE): dropped from cells."""


def _text(value: str) -> str:
    """``value`` as an xlsx cell can hold it: without the control characters XML forbids."""
    return value if value.isprintable() else _ILLEGAL.sub("", value)


def _sheet_title(name: str) -> str:
    """An xlsx tab name: at most 31 characters, none of ``[]:*?/\\``."""
    cleaned = "".join(ch for ch in name if ch not in "[]:*?/\\").strip("'")
    return cleaned[:31] or "Sheet"
