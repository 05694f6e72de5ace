"""The report on delegates present as a Word document (python-docx), for organizers to edit.

The standard form of an administrative report: the issuer and the national motto side by side
(a borderless two-column table, as Word templates of Decree 30/2020 lay them out), the place
and date, the title, then numbered sections ("I.", "1.") as Word headings, so the document map
and a table of contents find them, and each line as a paragraph "- Nữ: 38 đại biểu, chiếm
30,4%". Times New Roman 14, A4, the margins of Decree 30/2020.
"""

from __future__ import annotations

import os
from pathlib import Path

from .credentials import ISSUER, MOTTO, SUBTITLE, TITLE, Credentials, Section
from .outputs import private_file

FONT = "Times New Roman"
ROMAN = ("I", "II", "III", "IV", "V")


def write_docx(report: Credentials, out: str | os.PathLike[str]) -> Path:
    """Write ``report`` to ``out`` (complete or not at all)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.color.rgb = None
        # East Asian text picks its own font unless told: Vietnamese marks must match.
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    doc.styles["Normal"].font.size = Pt(14)
    doc.styles["Heading 1"].font.size = Pt(14)
    doc.styles["Heading 2"].font.size = Pt(14)
    doc.styles["Heading 2"].font.italic = False

    motto = doc.add_table(rows=1, cols=2)
    motto.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = motto.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(10)
    _centred(left.paragraphs[0], ISSUER, bold=True, size=13)
    _centred(left.add_paragraph(), "———", size=13)
    _centred(right.paragraphs[0], MOTTO[0], bold=True, size=13)
    _centred(right.add_paragraph(), MOTTO[1], bold=True, size=14)
    _centred(right.add_paragraph(), "———————————", size=13)
    place = doc.add_paragraph()
    place.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = place.add_run(_dated(report.event_date))
    run.italic = True

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(TITLE).bold = True
    for text in (SUBTITLE, report.event_title, f"({report.session})"):
        line = doc.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.add_run(text).bold = text != f"({report.session})"

    _section(doc, f"{ROMAN[0]}. {report.totals.title.upper()}", report.totals, level=1)
    if report.quorum:
        doc.add_paragraph(report.quorum).runs[0].bold = True
    if report.sections:
        doc.add_heading(f"{ROMAN[1]}. CƠ CẤU ĐẠI BIỂU CÓ MẶT", level=1)
        for n, part in enumerate(report.sections, 1):
            _section(doc, f"{n}. {part.title}", part, level=2)
    closing = doc.add_paragraph(f"Trên đây là báo cáo tình hình đại biểu dự {report.event_title}.")
    closing.paragraph_format.first_line_indent = Cm(1)
    sign = doc.add_paragraph()
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sign.add_run(ISSUER).bold = True

    target = Path(out)
    with private_file(target) as temp:
        doc.core_properties.title = f"{TITLE} {SUBTITLE.lower()} — {report.event_title}"
        doc.core_properties.author = "daihoi"
        doc.save(str(temp))
    return target


def _centred(paragraph, text: str, *, bold: bool = False, size: float = 14) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _section(doc, heading: str, part: Section, *, level: int) -> None:  # type: ignore[no-untyped-def]
    from docx.shared import Cm

    doc.add_heading(heading, level=level)
    for line in part.lines:
        paragraph = doc.add_paragraph(("+ " if line.level else "- ") + line.render())
        paragraph.paragraph_format.left_indent = Cm(1 + line.level)
        paragraph.paragraph_format.space_after = 0


def _dated(day: str | None) -> str:
    """ "…, ngày 20 tháng 9 năm 2025" (the place left for the organizers to write)."""
    if not day:
        return "…, ngày … tháng … năm …"
    year, month, dd = day.split("-")
    return f"…, ngày {int(dd)} tháng {int(month)} năm {year}"
