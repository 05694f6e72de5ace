"""Badges into a PDF with fpdf2: vector text in embedded, subset Roboto, the QR as rectangles.

The QR is written as raw PDF path operators in module units (one ``re`` per run of dark modules,
one fill per symbol) rather than through fpdf2's ``rect``: 2,000 badges are about 300,000
rectangles, and this keeps a whole congress's sheets to a few seconds and a few megabytes.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from fpdf import FPDF

from data.errors import DaihoiError
from data.outputs import private_folder

from . import fonts
from .compose import Drawing, Logo, QRCode, Rect, Text
from .layout import Layout

FAMILY = "Roboto"


def new_document(layout: Layout, title: str) -> FPDF:
    """An empty PDF with the layout's page size and Roboto (regular, bold) registered."""
    pdf = FPDF(unit="mm", format=layout.page)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.add_font(FAMILY, "", str(fonts.REGULAR))
    pdf.add_font(FAMILY, "B", str(fonts.BOLD))
    pdf.set_title(title)
    pdf.set_creator("daihoi")
    return pdf


def draw(pdf: FPDF, drawing: Drawing, ox: float, oy: float) -> None:
    """Draw one badge with its top-left corner at (ox, oy) on the current page."""
    for shape in drawing.shapes:
        if isinstance(shape, Text):
            pdf.set_font(FAMILY, "B" if shape.bold else "", shape.size)
            pdf.set_text_color(*shape.color)
            pdf.text(ox + shape.x, oy + shape.y, shape.text)
        elif isinstance(shape, Rect):
            pdf.set_fill_color(*shape.color)
            pdf.rect(ox + shape.x, oy + shape.y, shape.w, shape.h, style="F")
        elif isinstance(shape, QRCode):
            _qr(pdf, shape, ox, oy)
        elif isinstance(shape, Logo):
            pdf.image(str(shape.path), ox + shape.x, oy + shape.y, shape.w, shape.h)


def _qr(pdf: FPDF, qr: QRCode, ox: float, oy: float) -> None:
    # Module units, y downwards, origin at the symbol's corner: integer coordinates compress well.
    k = pdf.k
    m = qr.module * k
    e = (ox + qr.x) * k
    f = (pdf.h - (oy + qr.y)) * k
    runs = " ".join(f"{col} {row} {length} 1 re" for row, col, length in qr.symbol.runs)
    pdf._out(f"q 0 g {m:.4f} 0 0 {-m:.4f} {e:.3f} {f:.3f} cm {runs} f Q")


def cut_marks(pdf: FPDF, layout: Layout) -> None:
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    for x1, y1, x2, y2 in layout.cut_lines():
        pdf.line(x1, y1, x2, y2)


def cannot_write(path: Path, exc: OSError, key: str = "badge.cannot_write") -> DaihoiError:
    """A file the run could not write, as a refusal naming it (not a traceback).

    ``badge.cannot_prepare`` when nothing has changed yet, so the user knows no badge was lost.
    """
    return DaihoiError(key, path=str(path), reason=exc.strerror or str(exc))


class Output:
    """The PDF file of a print run, made ready before anything else happens.

    Creating it makes the folder and opens the partial file beside ``out`` at once, so a path
    that cannot be written (a folder that is a file, no permission, a read-only disk) refuses
    before a reprint revokes anyone's badge. Used as a context manager: the file appears under
    its name, complete, when the block ends without error (a printer watching a folder never
    picks up half a PDF), and the partial file is removed when it fails.
    """

    def __init__(self, out: Path) -> None:
        self.path = out
        try:
            if out.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(out))
            private_folder(out.parent)
            # A new owner-only file (the PDF carries every badge's code), never one that was
            # there: mkstemp creates it exclusively, 0600, and follows no link.
            fd, partial = tempfile.mkstemp(prefix=".daihoi-", suffix=".pdf", dir=out.parent)
            self.partial = Path(partial)
            self._file = os.fdopen(fd, "wb")
        except OSError as exc:
            raise cannot_write(out, exc, "badge.cannot_prepare") from exc

    def write(self, data: bytes) -> None:
        try:
            self._file.write(data)
            self._file.flush()
        except OSError as exc:
            raise cannot_write(self.path, exc) from exc

    def __enter__(self) -> Output:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self._file.close()
            if kind is None:
                os.replace(self.partial, self.path)
                return
        except OSError as failure:
            self.partial.unlink(missing_ok=True)
            raise cannot_write(self.path, failure) from failure
        self.partial.unlink(missing_ok=True)


def fill(output: Output, drawings: Iterable[Drawing], layout: Layout, title: str) -> int:
    """Write the badges on sheets of ``layout`` into ``output``; returns the number of pages."""
    pdf = new_document(layout, title)
    slots = layout.slots()
    for i, drawing in enumerate(drawings):
        slot = i % len(slots)
        if slot == 0:
            pdf.add_page()
            if layout.cut_marks:
                cut_marks(pdf, layout)
        draw(pdf, drawing, *slots[slot])
    if pdf.page == 0:
        pdf.add_page()
    output.write(bytes(pdf.output()))
    return pdf.page


def write(drawings: Iterable[Drawing], layout: Layout, out: Path, title: str) -> int:
    """Write the badges on sheets of ``layout`` to ``out`` (complete or not at all); returns
    the number of pages."""
    with Output(out) as output:
        return fill(output, drawings, layout, title)
