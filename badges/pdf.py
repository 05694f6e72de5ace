"""Badges into a PDF with fpdf2: vector text in embedded, subset Roboto, the QR as rectangles.

fpdf2 holds the document: pages, the embedded font subsets, images, the file. The badges
themselves are written as raw content-stream operators (:class:`Painter`): the QR in module
units (one ``re`` per run of dark modules, one fill per symbol), text and bands as fpdf2 would
write them, without its per-call cost. 2,000 badges are about 300,000 rectangles and 15,000
lines of text; this keeps a whole congress's sheets to about a second and a few megabytes.
"""

from __future__ import annotations

import errno
import functools
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from fpdf import FPDF
from fpdf.enums import PDFResourceType

from data.errors import DaihoiError
from data.outputs import private_folder

from . import fonts
from .compose import Drawing, Logo, QRCode, Rect, Text
from .layout import Layout
from .qr import row_runs

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


class Painter:
    """Draws badges on a document as raw content-stream operators, one write per badge.

    fpdf2's ``text`` and ``rect`` cost tens of microseconds a call (style parsing, colour
    objects, one write each), and a congress's run is ~15,000 lines of text and ~4,000
    rectangles: the operators are the same ones fpdf2 writes, put together here. Glyph codes
    still come from fpdf2's font (``encode_text`` picks each glyph into the embedded subset),
    once per distinct text; fonts are registered on each page they are used on, as fpdf2's
    own ``text`` does. Logos go through fpdf2's ``image``.
    """

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._fonts = {
            bold: pdf.fonts[FAMILY.lower() + ("B" if bold else "")] for bold in (False, True)
        }
        self._encoded: dict[tuple[bool, str], str] = {}

    def _text(self, bold: bool, text: str) -> str:
        key = (bold, text)
        encoded = self._encoded.get(key)
        if encoded is None:
            encoded = self._encoded[key] = self._fonts[bold].encode_text(text)
        return encoded

    def draw(self, drawing: Drawing, ox: float, oy: float) -> None:
        """Draw one badge with its top-left corner at (ox, oy) on the current page."""
        pdf = self.pdf
        k, top = pdf.k, pdf.h
        ops = ["q"]
        used: set[bool] = set()
        for shape in drawing.shapes:
            if isinstance(shape, Text):
                used.add(shape.bold)
                ops.append(
                    f"{_rgb(shape.color)} rg BT /F{self._fonts[shape.bold].i} {shape.size:.2f} Tf"
                    f" {(ox + shape.x) * k:.2f} {(top - oy - shape.y) * k:.2f} Td"
                    f" {self._text(shape.bold, shape.text)} ET"
                )
            elif isinstance(shape, Rect):
                ops.append(
                    f"{_rgb(shape.color)} rg {(ox + shape.x) * k:.2f} {(top - oy - shape.y) * k:.2f}"
                    f" {shape.w * k:.2f} {-shape.h * k:.2f} re f"
                )
            elif isinstance(shape, QRCode):
                ops.append(_qr(shape, (ox + shape.x) * k, (top - oy - shape.y) * k, k))
            elif isinstance(shape, Logo):
                pdf._out("\n".join([*ops, "Q"]))
                ops = ["q"]
                pdf.image(str(shape.path), ox + shape.x, oy + shape.y, shape.w, shape.h)
        ops.append("Q")
        pdf._out("\n".join(ops))
        for bold in used:
            pdf._resource_catalog.add(PDFResourceType.FONT, self._fonts[bold].i, pdf.page)


@functools.lru_cache(maxsize=64)
def _rgb(color: tuple[int, int, int]) -> str:
    return " ".join(f"{c / 255:.3f}" for c in color)


def _qr(qr: QRCode, e: float, f: float, k: float) -> str:
    # Module units, y downwards, origin at the symbol's corner: integer coordinates compress well.
    m = qr.module * k
    return f"q 0 g {m:.4f} 0 0 {-m:.4f} {e:.3f} {f:.3f} cm {_rows_path(qr.symbol.rows)}f Q"


_LOW_BITS = 11
"""A row's path is looked up in two halves, columns 0-10 and 11 and up (any symbol size)."""
_ROW = "R"
"""Where the row number goes in a looked-up path: replacing one letter costs far less than
formatting every rectangle."""


def _rows_path(rows: tuple[int, ...]) -> str:
    """One ``re`` per run of dark modules, in module units, row after row."""
    low_paths = _low_paths()
    parts = []
    for r, bits in enumerate(rows):
        low, high = low_paths[bits & (1 << _LOW_BITS) - 1], _high_paths(bits >> _LOW_BITS)
        if bits >> (_LOW_BITS - 1) & 3 == 3:  # a run across the halves: one rectangle
            path = f"{low.head}{low.start} R {low.length + high.first} 1 re {high.tail}"
        else:
            path = low.path + high.path
        parts.append(path.replace(_ROW, str(r)))
    return "".join(parts)


@dataclass(frozen=True)
class _HalfPath:
    path: str
    """Every run of the half as ``re`` operators (each followed by a space)."""
    head: str = ""
    """The low half's path without its last run, for when that run goes on into the high half."""
    start: int = 0
    length: int = 0
    """The low half's last run."""
    tail: str = ""
    """The high half's path without a run starting at its first column …"""
    first: int = 0
    """… and that run's length (0 when there is none)."""


def _ops(runs: list[tuple[int, int]]) -> str:
    return "".join(f"{start} {_ROW} {length} 1 re " for start, length in runs)


@functools.cache
def _low_paths() -> list[_HalfPath]:
    paths = []
    for bits in range(1 << _LOW_BITS):
        runs = row_runs(bits)
        start, length = runs[-1] if runs else (0, 0)
        paths.append(_HalfPath(_ops(runs), _ops(runs[:-1]), start, length))
    return paths


@functools.lru_cache(maxsize=1 << 14)
def _high_paths(high: int) -> _HalfPath:
    runs = [(start + _LOW_BITS, length) for start, length in row_runs(high)]
    first = runs[0][1] if runs and runs[0][0] == _LOW_BITS else 0
    return _HalfPath(_ops(runs), tail=_ops(runs[1:] if first else runs), first=first)


def cut_marks(pdf: FPDF, layout: Layout) -> None:
    k, top = pdf.k, pdf.h
    lines = " ".join(
        f"{x1 * k:.2f} {(top - y1) * k:.2f} m {x2 * k:.2f} {(top - y2) * k:.2f} l S"
        for x1, y1, x2, y2 in layout.cut_lines()
    )
    pdf._out(f"q 0 G {0.2 * k:.2f} w {lines} Q")


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
    painter = Painter(pdf)
    slots = layout.slots()
    for i, drawing in enumerate(drawings):
        slot = i % len(slots)
        if slot == 0:
            pdf.add_page()
            if layout.cut_marks:
                cut_marks(pdf, layout)
        painter.draw(drawing, *slots[slot])
    if pdf.page == 0:
        pdf.add_page()
    output.write(bytes(pdf.output()))
    return pdf.page


def write(drawings: Iterable[Drawing], layout: Layout, out: Path, title: str) -> int:
    """Write the badges on sheets of ``layout`` to ``out`` (complete or not at all); returns
    the number of pages."""
    with Output(out) as output:
        return fill(output, drawings, layout, title)
