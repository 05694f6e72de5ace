"""The PDF writer's raw operators draw what fpdf2's own calls draw: the same badges, once through
:class:`badges.pdf.Painter` and once through ``FPDF.text``/``rect``/``line``/``image``, render
to the same pixels (pypdfium2), and every QR on the pages decodes."""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF
from PIL import Image, ImageChops

from badges import pdf, qr
from badges.build import select
from badges.compose import Drawing, Logo, QRCode, Rect, Text, badge_of, compose
from badges.layout import LAYOUTS, Layout
from badges.style import Style, load_style
from data.store import Event

from .conftest import decode_pdf


def through_fpdf(drawings: list[Drawing], layout: Layout, title: str, out: Path) -> None:
    """The badges drawn with fpdf2's public drawing calls (the writer before Painter)."""
    doc = pdf.new_document(layout, title)
    slots = layout.slots()
    for i, drawing in enumerate(drawings):
        if i % len(slots) == 0:
            doc.add_page()
            if layout.cut_marks:
                doc.set_draw_color(0, 0, 0)
                doc.set_line_width(0.2)
                for x1, y1, x2, y2 in layout.cut_lines():
                    doc.line(x1, y1, x2, y2)
        ox, oy = slots[i % len(slots)]
        for shape in drawing.shapes:
            if isinstance(shape, Text):
                doc.set_font(pdf.FAMILY, "B" if shape.bold else "", shape.size)
                doc.set_text_color(*shape.color)
                doc.text(ox + shape.x, oy + shape.y, shape.text)
            elif isinstance(shape, Rect):
                doc.set_fill_color(*shape.color)
                doc.rect(ox + shape.x, oy + shape.y, shape.w, shape.h, style="F")
            elif isinstance(shape, QRCode):
                qr_as_before(doc, shape, ox, oy)
            elif isinstance(shape, Logo):
                doc.image(str(shape.path), ox + shape.x, oy + shape.y, shape.w, shape.h)
    doc.output(str(out))


def qr_as_before(doc: FPDF, qr: QRCode, ox: float, oy: float) -> None:
    k = doc.k
    m = qr.module * k
    e, f = (ox + qr.x) * k, (doc.h - (oy + qr.y)) * k
    runs = " ".join(f"{col} {row} {length} 1 re" for row, col, length in qr.symbol.runs)
    doc._out(f"q 0 g {m:.4f} 0 0 {-m:.4f} {e:.3f} {f:.3f} cm {runs} f Q")


def pages(path: Path, dpi: int = 150) -> list[Image.Image]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


@pytest.mark.parametrize("layout", ["a6", "label-62"])
@pytest.mark.parametrize("with_logo", [False, True])
def test_raw_operators_render_the_pixels_fpdf2_renders(
    crowd: Event, tmp_path: Path, layout: str, with_logo: bool
) -> None:
    style = Style()
    if with_logo:
        logo = tmp_path / "logo.png"
        Image.new("RGB", (200, 100), (250, 200, 0)).save(logo)
        style = load_style(logo=logo)
    sheet = LAYOUTS[layout]
    title = crowd.info.title
    chosen = select(crowd)[:5]
    drawings = [compose(badge_of(d), *sheet.badge, title=title, style=style) for d in chosen]
    fast, plain = tmp_path / "fast.pdf", tmp_path / "plain.pdf"
    assert pdf.write(drawings, sheet, fast, title) == -(-len(chosen) // sheet.per_page)
    through_fpdf(drawings, sheet, title, plain)
    ours, theirs = pages(fast), pages(plain)
    assert len(ours) == len(theirs)
    for number, (a, b) in enumerate(zip(ours, theirs)):
        assert ImageChops.difference(a, b).getbbox() is None, f"page {number + 1} differs"
    assert sorted(sum(decode_pdf(fast), [])) == sorted(d.code or "" for d in chosen)


def test_the_text_is_extractable_in_each_font(crowd: Event, tmp_path: Path) -> None:
    sheet = LAYOUTS["a7"]
    chosen = select(crowd)
    drawings = [compose(badge_of(d), *sheet.badge, title="Hội nghị", style=Style()) for d in chosen]
    pdf.write(drawings, sheet, tmp_path / "a7.pdf", "Hội nghị")
    document = pdfium.PdfDocument(str(tmp_path / "a7.pdf"))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    for d in chosen:
        assert d.name in text.replace("\r\n", " ").replace("\n", " ")


def test_the_qr_path_has_one_rectangle_per_run_in_reading_order() -> None:
    rng = random.Random(5)
    data = ["".join(rng.choice("0123456789") for _ in range(18)) for _ in range(300)]
    for text in [*data, "9" * 60, "DH-2025-0042"]:  # and symbols larger than version 1
        symbol = qr.symbol(text)
        rects = [f"{col} {row} {length} 1 re" for row, col, length in symbol.runs]
        assert pdf._rows_path(symbol.rows).split() == " ".join(rects).split(), text
