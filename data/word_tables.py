"""The tables of a Word document (.docx): lists typed in Word, read like a sheet each.

A list typed in Word is a few title paragraphs ("DANH SÁCH ĐẠI BIỂU …") and a table whose header
cells are merged: "Họ và tên" merged down two rows, "Năm sinh" merged across "Nam" | "Nữ". Word
stores a horizontal merge as one cell spanning grid columns (``w:gridSpan``) and a vertical one
as a first cell (``w:vMerge w:val="restart"``) with continuation cells below (``w:vMerge``). Here
each table becomes rows of values (a merged cell's text in its top-left cell only) and merged
ranges, exactly what a spreadsheet's merged header gives, so :mod:`data.sheets` fills and bounds
them the same way. python-docx parses the document (its parser resolves no entities, and the
zip pre-pass of :mod:`data.sheets` has already refused any DTD); the title paragraphs are not
part of a table and are not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

Merge = tuple[int, int, int, int]


@dataclass(frozen=True)
class RawTable:
    """One table of a document, as stored."""

    rows: list[tuple[int, tuple[Any, ...]]]
    """Rows numbered from 1, a merged cell's text in its top-left cell only, empty as None."""
    merges: list[Merge]
    """Merged ranges (min_row, min_col, max_row, max_col; 1-based)."""


def read_docx(path: Path) -> list[RawTable]:
    """Every top-level table of the document, in order."""
    import docx  # python-docx, imported only when a Word file is read
    from docx.table import _Cell

    document = docx.Document(str(path))
    tables = []
    for table in document.tables:
        rows: list[tuple[int, tuple[Any, ...]]] = []
        merges: list[list[int]] = []
        open_down: dict[int, list[int]] = {}  # grid column → the vertical merge it continues
        for r, tr in enumerate(table._tbl.tr_lst, start=1):
            cells: list[Any] = []
            c = int(tr.grid_before or 0)
            cells.extend([None] * c)
            for tc in tr.tc_lst:
                span = max(int(tc.grid_span or 1), 1)
                merge = tc.vMerge
                above = open_down.get(c)
                if merge == "continue" and above is not None and above[1] == c:
                    above[2] = r
                    cells.extend([None] * span)
                else:
                    text = _Cell(tc, table).text.strip()
                    cells.append(text or None)
                    cells.extend([None] * (span - 1))
                    for col in range(c, c + span):
                        open_down.pop(col, None)
                    if merge == "restart":
                        block = [r, c, r, c + span - 1]
                        merges.append(block)
                        open_down[c] = block
                    elif span > 1:
                        merges.append([r, c, r, c + span - 1])
                c += span
            rows.append((r, tuple(cells)))
        found = [(r1, c1 + 1, r2, c2 + 1) for r1, c1, r2, c2 in merges if (r1, c1) != (r2, c2)]
        tables.append(RawTable(rows, found))
    return tables
