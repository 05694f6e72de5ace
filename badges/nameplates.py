"""Name plates (biển tên): folded table tents for the presidium and the guests' rows
(``daihoi nameplates -o FILE.pdf``).

One sheet per person, landscape, folded across the middle: each half is a face with the name
in large bold Roboto and the title below it. The upper half is drawn upside down, so once the
sheet is folded into a tent both faces read the right way up, one towards the hall and one
towards the person (who sees whose seat it is, and the photographers too). A4 gives faces of
297 × 105 mm, A5 of 210 × 74 mm. Text is sized to fit each face: a long name gets smaller
type, never cut.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from data.errors import DaihoiError
from data.outputs import private_file

from . import fonts

FAMILY = "Roboto"
PAPERS = {"a4": (297.0, 210.0), "a5": (210.0, 148.0)}
"""Sheet sizes, landscape (mm)."""
INK = (20, 20, 20)
FOLD = (170, 170, 170)
BAND = (192, 39, 45)
"""A thin band in the red of the congress's banners along the bottom of each face."""


@dataclass(frozen=True)
class Plate:
    """One name plate."""

    name: str
    """Exactly as on the list (NFC)."""
    title: str
    """Position, under the name; may be empty."""


@contextmanager
def plates_file(
    plates: Sequence[Plate], out: str | os.PathLike[str], *, paper: str = "a4"
) -> Iterator[Path]:
    """The plates written to a private file beside ``out``, which takes ``out``'s place when
    the block ends without error and is removed when it fails: a guest replaced on the day is
    handed the seat inside the block, so a plate that cannot be printed (a glyph the font
    lacks, a full disk) changes no seat, and a refused hand-over leaves no plate."""
    pdf = _plates_pdf(plates, paper)
    target = Path(out)
    with private_file(target) as temp:
        pdf.output(str(temp))
        yield target


def _plates_pdf(plates: Sequence[Plate], paper: str) -> FPDF:
    """One folded plate per sheet, in memory; refused before anything is written when the
    paper is unknown or the font lacks a glyph of a name or title."""
    if paper not in PAPERS:
        raise DaihoiError("plates.bad_paper", paper=paper)
    for plate in plates:
        for text in (plate.name, plate.title):
            missing = fonts.missing_glyphs(text, fonts.BOLD)
            if missing:
                raise DaihoiError("plates.no_glyph", name=plate.name, chars="".join(missing))
    width, height = PAPERS[paper]
    pdf = FPDF(orientation="L", unit="mm", format=(height, width))
    pdf.set_auto_page_break(False)
    pdf.add_font(FAMILY, "", str(fonts.REGULAR))
    pdf.add_font(FAMILY, "B", str(fonts.BOLD))
    pdf.set_title("Biển tên")
    pdf.set_creator("daihoi")
    face = height / 2
    for plate in plates:
        pdf.add_page()
        # the fold line, dashed, with a mark at both edges
        pdf.set_draw_color(*FOLD)
        pdf.set_line_width(0.2)
        pdf.set_dash_pattern(dash=2, gap=2)
        pdf.line(0, face, width, face)
        pdf.set_dash_pattern()
        _face(pdf, plate, 0, face, width, face)
        with pdf.rotation(180, width / 2, face / 2):
            _face(pdf, plate, 0, 0, width, face)
    return pdf


def _face(pdf: FPDF, plate: Plate, x: float, y: float, w: float, h: float) -> None:
    """One face: name centred, title under it, a band at the foot (towards the table)."""
    margin = w * 0.06
    usable = w - 2 * margin
    name_pt = _fit(pdf, plate.name, "B", usable, h * 0.42)
    title_pt = _fit(pdf, plate.title, "", usable, h * 0.13) if plate.title else 0.0
    name_h = name_pt * 0.3528
    title_h = title_pt * 0.3528
    gap = h * 0.06 if plate.title else 0.0
    block = name_h + gap + title_h
    top = y + (h - block) / 2 - h * 0.03
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "B", name_pt)
    pdf.set_xy(x + margin, top)
    pdf.cell(usable, name_h, plate.name, align="C")
    if plate.title:
        pdf.set_font(FAMILY, "", title_pt)
        pdf.set_xy(x + margin, top + name_h + gap)
        pdf.cell(usable, title_h, plate.title, align="C")
    pdf.set_fill_color(*BAND)
    pdf.rect(x + margin, y + h - h * 0.09, usable, h * 0.025, style="F")


def _fit(pdf: FPDF, text: str, style: str, width: float, height_mm: float) -> float:
    """The largest font size (pt) at which ``text`` fits ``width`` and ``height_mm``."""
    size = height_mm / 0.3528
    pdf.set_font(FAMILY, style, size)
    text_w = pdf.get_string_width(text)
    if text_w > width:
        size *= width / text_w
    return max(size, 6.0)
