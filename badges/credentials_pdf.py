"""The report on delegates present as a PDF (``daihoi export credentials -o FILE.pdf``).

The same figures and layout as the Word document (:mod:`data.credentials_docx`): the issuer and
the national motto side by side, the title, numbered sections, one line per figure. Text is
Roboto, embedded and subset (:mod:`badges.fonts`), so every Vietnamese letter prints on any
machine; text stays text, so the PDF is searchable and copyable.
"""

from __future__ import annotations

import os
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from data.credentials import ISSUER, MOTTO, SUBTITLE, TITLE, Credentials, Section
from data.outputs import private_file

from . import fonts

FAMILY = "Roboto"
LEFT, RIGHT, TOP = 25.0, 15.0, 18.0
WIDTH = 210.0 - LEFT - RIGHT
LINE_H = 6.2
ROMAN = ("I", "II")


def render_credentials(report: Credentials, out: str | os.PathLike[str]) -> Path:
    """Draw ``report`` on A4 pages and write it to ``out`` (complete or not at all)."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font(FAMILY, "", str(fonts.REGULAR))
    pdf.add_font(FAMILY, "B", str(fonts.BOLD))
    pdf.set_title(f"{TITLE} {SUBTITLE.lower()} — {report.event_title}")
    pdf.set_creator("daihoi")
    pdf.add_page()

    left_w, right_w = WIDTH * 0.4, WIDTH * 0.6
    top = pdf.get_y()
    pdf.set_font(FAMILY, "B", 10.5)
    pdf.set_xy(LEFT, top)
    pdf.cell(left_w, 5.5, ISSUER, align="C")
    pdf.set_xy(LEFT + left_w, top)
    pdf.cell(right_w, 5.5, MOTTO[0], align="C")
    pdf.set_xy(LEFT + left_w, top + 5.5)
    pdf.set_font(FAMILY, "B", 11)
    pdf.cell(right_w, 5.5, MOTTO[1], align="C")
    pdf.set_line_width(0.25)
    pdf.line(LEFT + left_w / 2 - 10, top + 7, LEFT + left_w / 2 + 10, top + 7)
    motto_w = pdf.get_string_width(MOTTO[1])
    middle = LEFT + left_w + right_w / 2
    pdf.line(middle - motto_w / 2, top + 11.6, middle + motto_w / 2, top + 11.6)
    pdf.set_xy(LEFT, top + 15)
    pdf.set_font(FAMILY, "", 10.5)
    pdf.cell(WIDTH, 6, _dated(report.event_date), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf.ln(4)
    pdf.set_font(FAMILY, "B", 14)
    pdf.cell(WIDTH, 7.5, TITLE, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "B", 12)
    for text in (SUBTITLE, report.event_title):
        pdf.multi_cell(WIDTH, 6.5, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 11)
    pdf.cell(WIDTH, 6.5, f"({report.session})", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)

    _section(pdf, f"{ROMAN[0]}. {report.totals.title.upper()}", report.totals, size=12)
    if report.quorum:
        pdf.set_font(FAMILY, "B", 11)
        pdf.multi_cell(WIDTH, LINE_H, report.quorum, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if report.sections:
        pdf.ln(2)
        pdf.set_font(FAMILY, "B", 12)
        pdf.cell(
            WIDTH, 7, f"{ROMAN[1]}. CƠ CẤU ĐẠI BIỂU CÓ MẶT", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        for n, part in enumerate(report.sections, 1):
            _section(pdf, f"{n}. {part.title}", part, size=11)
    pdf.ln(3)
    pdf.set_font(FAMILY, "", 11)
    pdf.multi_cell(
        WIDTH,
        LINE_H,
        f"Trên đây là báo cáo tình hình đại biểu dự {report.event_title}.",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_font(FAMILY, "B", 11)
    pdf.cell(WIDTH, 8, ISSUER, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    target = Path(out)
    with private_file(target) as temp:
        pdf.output(str(temp))
    return target


def _section(pdf: FPDF, heading: str, part: Section, *, size: float) -> None:
    if pdf.get_y() > 297 - 18 - 3 * LINE_H:
        pdf.add_page()  # a heading never stands alone at the foot of a page
    pdf.set_font(FAMILY, "B", size)
    pdf.cell(WIDTH, 7, heading, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 11)
    for line in part.lines:
        indent = 6.0 + 6.0 * line.level
        pdf.set_x(LEFT + indent)
        mark = "+ " if line.level else "- "
        pdf.multi_cell(
            WIDTH - indent, LINE_H, mark + line.render(), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )


def _dated(day: str | None) -> str:
    if not day:
        return "…, ngày … tháng … năm …"
    year, month, dd = day.split("-")
    return f"…, ngày {int(dd)} tháng {int(month)} năm {year}"
