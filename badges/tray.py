"""Tray sheets: for each group called on stage, the list the tray team lays the honours out by.

Honourees leaving with each other's certificates is a real problem at ceremonies; a tray sheet
binds each item to its recipient in calling order: number, recipient (with position and unit),
the honour, what physically goes with it (certificate, frame, medal or badge box, flag) and an
empty box to tick when the tray is laid out. One group per page (a tray per group), A4 portrait,
the table's header repeated on every page.

This module takes plain rows and plain labels, already in the user's language: it knows nothing
of the programme or of the catalog (``badges`` and ``programme`` never import each other; the
console builds the rows from :func:`programme.honours.tray`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from data.outputs import private_file

from .fonts import BOLD, REGULAR


@dataclass(frozen=True)
class TrayRow:
    """One honour on the tray, in calling order."""

    number: int
    """Position in the group's calling order (1 = first called)."""
    recipient: str
    """Person or collective, exactly as the MC reads it."""
    detail: str
    """Position and unit, or "truy tặng — received by family": what tells namesakes apart."""
    honour: str
    """The form of honour, as written in the decision."""
    items: str
    """What goes on the tray with it ("Bằng, khung, hộp huy hiệu")."""


@dataclass(frozen=True)
class TrayGroup:
    """One group called on stage together: one tray, one page."""

    title: str
    """"Đợt 1" (with the presenting leader and the decision when known)."""
    subtitle: str
    rows: Sequence[TrayRow]


@dataclass(frozen=True)
class TrayLabels:
    """Column headings and page words, in the user's language."""

    number: str
    recipient: str
    honour: str
    items: str
    check: str
    page: str
    """A format with ``{page}`` and ``{pages}``: "Trang {page}/{pages}"."""


MARGIN = 12.0
LINE = 5.0
"""Height of one line of table text, mm."""
WIDTHS = (12.0, 10.0, 66.0, 54.0, 44.0)
"""Tick box, number, recipient, honour, items (mm): 186 mm, A4 less the margins."""
BOX = 5.0
"""Side of the tick box, mm."""


class _Sheet(FPDF):
    labels: TrayLabels

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("roboto", size=8)
        self.cell(
            0,
            5,
            self.labels.page.format(page=self.page_no(), pages="{nb}"),
            align="R",
        )


def render_tray(
    title: str,
    groups: Sequence[TrayGroup],
    labels: TrayLabels,
    path: str | Path | None = None,
) -> bytes:
    """The tray sheets as PDF bytes (also written to ``path`` when given)."""
    pdf = _Sheet(format="A4", unit="mm")
    pdf.labels = labels
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(False)
    pdf.add_font("roboto", "", str(REGULAR))
    pdf.add_font("roboto", "B", str(BOLD))
    pdf.set_title(title)
    pdf.alias_nb_pages()
    if not groups:
        pdf.add_page()
        _heading(pdf, title, "", "")
    for group in groups:
        pdf.add_page()
        _heading(pdf, title, group.title, group.subtitle)
        _table_header(pdf, labels)
        for row in group.rows:
            _row(pdf, row, labels, title, group)
    data = bytes(pdf.output())
    if path is not None:
        with private_file(Path(path), "badge.cannot_write") as partial:  # names: owner-only
            partial.write_bytes(data)
    return data


def _heading(pdf: FPDF, title: str, group: str, subtitle: str) -> None:
    pdf.set_font("roboto", size=9)
    pdf.multi_cell(0, 4.5, title, new_x="LMARGIN", new_y="NEXT")
    if group:
        pdf.set_font("roboto", "B", 15)
        pdf.multi_cell(0, 8, group, new_x="LMARGIN", new_y="NEXT")
    if subtitle:
        pdf.set_font("roboto", size=10)
        pdf.multi_cell(0, 5, subtitle, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _table_header(pdf: FPDF, labels: TrayLabels) -> None:
    pdf.set_font("roboto", "B", 9)
    pdf.set_fill_color(230, 230, 230)
    texts = (labels.check, labels.number, labels.recipient, labels.honour, labels.items)
    x = pdf.l_margin
    y = pdf.get_y()
    for width, text in zip(WIDTHS, texts):
        pdf.set_xy(x, y)
        pdf.cell(width, 7, text, border=1, fill=True, align="C")
        x += width
    pdf.set_xy(pdf.l_margin, y + 7)


def _lines(pdf: FPDF, width: float, text: str) -> int:
    if not text:
        return 1
    lines = pdf.multi_cell(width - 2, LINE, text, dry_run=True, output="LINES")
    assert isinstance(lines, list)  # output="LINES" gives the lines
    return len(lines)


def _row(pdf: FPDF, row: TrayRow, labels: TrayLabels, title: str, group: TrayGroup) -> None:
    who = row.recipient + (f"\n{row.detail}" if row.detail else "")
    pdf.set_font("roboto", size=10)
    heights = [
        _lines(pdf, WIDTHS[2], who),
        _lines(pdf, WIDTHS[3], row.honour),
        _lines(pdf, WIDTHS[4], row.items),
    ]
    height = max(heights) * LINE + 3
    if pdf.get_y() + height > pdf.h - 14:  # room for the footer
        pdf.add_page()
        _heading(pdf, title, group.title, "")
        _table_header(pdf, labels)
    y = pdf.get_y()
    x = pdf.l_margin
    for width in WIDTHS:
        pdf.rect(x, y, width, height)
        x += width
    # The tick box: drawn, since Roboto has no ballot-box character.
    pdf.rect(pdf.l_margin + (WIDTHS[0] - BOX) / 2, y + 1.5, BOX, BOX)
    cells = (
        (WIDTHS[1], str(row.number), "C"),
        (WIDTHS[2], who, "L"),
        (WIDTHS[3], row.honour, "L"),
        (WIDTHS[4], row.items, "L"),
    )
    x = pdf.l_margin + WIDTHS[0]
    for width, text, align in cells:
        pdf.set_xy(x + 1, y + 1.5)
        if text is who:
            pdf.set_font("roboto", "B", 10)
            pdf.multi_cell(width - 2, LINE, row.recipient, align=align)
            if row.detail:
                pdf.set_x(x + 1)
                pdf.set_font("roboto", size=9)
                pdf.multi_cell(width - 2, LINE, row.detail, align=align)
            pdf.set_font("roboto", size=10)
        else:
            pdf.multi_cell(width - 2, LINE, text, align=align)
        x += width
    pdf.set_xy(pdf.l_margin, y + height)
