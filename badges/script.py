"""The MC's printed introduction script ("Giới thiệu đại biểu"), as PDF or Word (.docx).

The words come from :func:`programme.protocol.introductions` (the console passes them in as a
:class:`Script`), so the paper, the screen and ``daihoi introductions`` read the same list:
the salutation line, then each side's heading and its guests, one line each; the guests not
arrived are listed apart at the end, in grey, under "Chưa đến (không đọc)", so a late arrival
can be read in their place by hand. Reprint it in the last minutes before the opening.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from data.errors import DaihoiError
from data.outputs import private_file

from . import fonts

FAMILY = "Roboto"
HEADING = "GIỚI THIỆU ĐẠI BIỂU"
APART = "Chưa đến (không đọc)"


@dataclass(frozen=True)
class Script:
    """What the MC reads, already in order and in words."""

    title: str
    """The event's title."""
    salutation: str
    sides: Sequence[tuple[str, Sequence[str]]]
    """(heading, lines) of each side, in reading order."""
    not_arrived: Sequence[str]
    """Lines of the guests not arrived (not read)."""
    note: str = ""
    """When it was made and how many are present ("Lập lúc 07:52 · 12/15 khách có mặt")."""


def write_script(script: Script, out: str | os.PathLike[str]) -> Path:
    """Write ``script`` to ``out``: .pdf or .docx by the file's suffix."""
    target = Path(out)
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        return _pdf(script, target)
    if suffix == ".docx":
        return _docx(script, target)
    raise DaihoiError("script.bad_suffix", path=str(target))


def _pdf(script: Script, target: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format="A4")
    pdf.set_margins(22, 18, 18)
    pdf.set_auto_page_break(True, 18)
    pdf.add_font(FAMILY, "", str(fonts.REGULAR))
    pdf.add_font(FAMILY, "B", str(fonts.BOLD))
    pdf.set_title(f"{HEADING} — {script.title}")
    pdf.set_creator("daihoi")
    pdf.add_page()
    width = pdf.epw
    pdf.set_font(FAMILY, "B", 15)
    pdf.multi_cell(width, 8, HEADING, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(width, 5, script.title, align="C", new_x="LMARGIN", new_y="NEXT")
    if script.note:
        pdf.multi_cell(width, 5, script.note, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(20, 20, 20)
    pdf.ln(5)
    pdf.set_font(FAMILY, "B", 13)
    pdf.multi_cell(width, 7, script.salutation, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for heading, lines in script.sides:
        pdf.set_font(FAMILY, "B", 13)
        pdf.multi_cell(width, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, "", 13)
        for line in lines:
            pdf.set_x(pdf.l_margin + 6)
            pdf.multi_cell(width - 6, 7, f"– {line};", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if script.not_arrived:
        pdf.ln(4)
        pdf.set_text_color(120, 120, 120)
        pdf.set_font(FAMILY, "B", 11)
        pdf.multi_cell(width, 6, APART, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, "", 11)
        for line in script.not_arrived:
            pdf.set_x(pdf.l_margin + 6)
            pdf.multi_cell(width - 6, 6, f"– {line}", new_x="LMARGIN", new_y="NEXT")
    with private_file(target) as temp:
        pdf.output(str(temp))
    return target


def _docx(script: Script, target: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"  # what Vietnamese offices print in
    style.font.size = Pt(14)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(HEADING).bold = True
    sub = doc.add_paragraph(script.title)
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if script.note:
        note = doc.add_paragraph(script.note)
        note.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph().add_run(script.salutation).bold = True
    for heading, lines in script.sides:
        doc.add_paragraph().add_run(heading).bold = True
        for line in lines:
            doc.add_paragraph(f"– {line};")
    if script.not_arrived:
        grey = RGBColor(0x78, 0x78, 0x78)
        run = doc.add_paragraph().add_run(APART)
        run.bold = True
        run.font.color.rgb = grey
        for line in script.not_arrived:
            doc.add_paragraph().add_run(f"– {line}").font.color.rgb = grey
    with private_file(target) as temp:
        doc.save(str(temp))
    return target
