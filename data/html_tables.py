"""HTML tables saved with an .xls name: what many government systems export as "Excel".

Excel opens such a file (after a warning) and shows its ``<table>``; so do we. Each table is
read like a sheet: a ``<td>``/``<th>`` with ``rowspan``/``colspan`` becomes a merged range (its
text in the top-left cell), text is whitespace-collapsed as a browser shows it (``<br>`` a line
break), entities decoded. The charset is the BOM's, else the one the file declares (``<meta
charset>`` or ``http-equiv``), else UTF-8 when the bytes are valid UTF-8, else Windows-1258.
The stdlib parser (:mod:`html.parser`) never fetches or expands anything; spans are clamped
as browsers clamp them (65,534 rows, 1,000 columns) and the merged area they cover is bounded
by :mod:`data.sheets` like a workbook's.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .word_tables import Merge, RawTable

MAX_ROWSPAN = 65_534
MAX_COLSPAN = 1_000

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def html_encoding(raw: bytes) -> str:
    """The codec of an HTML file's bytes."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    declared = _CHARSET.search(raw[:8192])
    if declared:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            name = ""
        if name and not name.startswith("utf-16"):  # bytes that are ASCII: not UTF-16
            return name
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1258"
    return "utf-8"


class _Table:
    def __init__(self) -> None:
        self.rows: list[dict[int, Any]] = []
        self.merges: list[Merge] = []
        self.down: dict[int, int] = {}  # column → last row a rowspan above still covers
        self.col = 0
        self.text: list[str] | None = None
        self.span = (1, 1)

    def start_row(self) -> None:
        self.rows.append({})
        self.col = 0

    def start_cell(self, attrs: dict[str, str | None]) -> None:
        if not self.rows:
            self.start_row()
        r = len(self.rows)
        while self.down.get(self.col, 0) >= r:
            self.col += 1
        self.span = (
            _span(attrs.get("rowspan"), MAX_ROWSPAN),
            _span(attrs.get("colspan"), MAX_COLSPAN),
        )
        self.text = []

    def end_cell(self) -> None:
        if self.text is None:
            return
        r = len(self.rows)
        rows, cols = self.span
        lines = "".join(self.text).split("\n")
        text = "\n".join(" ".join(line.split()) for line in lines).strip()
        if text:
            self.rows[-1][self.col] = text
        if rows > 1 or cols > 1:
            self.merges.append((r, self.col + 1, r + rows - 1, self.col + cols))
        if rows > 1:
            for c in range(self.col, self.col + cols):
                self.down[c] = r + rows - 1
        self.col += cols
        self.text = None

    def raw(self) -> RawTable:
        rows = []
        for n, cells in enumerate(self.rows, start=1):
            width = max(cells, default=-1) + 1
            rows.append((n, tuple(cells.get(j) for j in range(width))))
        return RawTable(rows, self.merges)


def _span(value: str | None, limit: int) -> int:
    digits = re.match(r"\s*(\d+)", value or "")
    n = int(digits.group(1)) if digits else 1
    return min(max(n, 1), limit)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[_Table] = []
        self.done: list[_Table] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.open.append(_Table())
        elif not self.open:
            return
        elif tag == "tr":
            self.open[-1].end_cell()
            self.open[-1].start_row()
        elif tag in ("td", "th"):
            self.open[-1].end_cell()
            self.open[-1].start_cell(dict(attrs))
        elif tag == "br" and self.open[-1].text is not None:
            self.open[-1].text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if not self.open:
            return
        if tag in ("td", "th"):
            self.open[-1].end_cell()
        elif tag == "table":
            table = self.open.pop()
            table.end_cell()
            self.done.append(table)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1].text is not None:
            self.open[-1].text.append(
                data.replace("\xa0", " ").replace("\r", "").replace("\n", " ")
            )


def read_html(path: Path) -> list[RawTable]:
    """Every table of the file, in the order each one ends (an inner table before its outer)."""
    raw = path.read_bytes()
    text = raw.decode(html_encoding(raw), errors="replace")
    parser = _Parser()
    parser.feed(text)
    parser.close()
    while parser.open:
        parser.handle_endtag("table")
    return [t.raw() for t in parser.done]
