"""The QR symbol of a badge code, as rows of dark runs ready to draw as rectangles.

Error correction M (15 % of the symbol may be scuffed or covered by a lanyard clip) and numeric
mode: an 18-digit code then fits version 1, 21 × 21 modules, the largest modules for a given
printed size, which is what lets a cheap scanner read it at arm's length. Drawing merges each
row's run of dark modules into one rectangle: a badge has about 150 rectangles instead of 220
squares, and the PDF stays small and fast to render.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import MODE_NUMBER, QRData

QUIET_ZONE = 4
"""Light modules every side of the symbol that nothing may be drawn in (ISO/IEC 18004)."""


@dataclass(frozen=True)
class Symbol:
    """A QR symbol without its quiet zone."""

    size: int
    """Modules per side (21 for version 1)."""
    runs: tuple[tuple[int, int, int], ...]
    """(row, first column, length) of each horizontal run of dark modules."""


@functools.lru_cache(maxsize=4096)
def symbol(data: str) -> Symbol:
    """The QR symbol of ``data`` (digits: numeric mode), error correction M."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, box_size=1)
    mode = MODE_NUMBER if data.isdigit() else None
    qr.add_data(QRData(data, mode=mode) if mode else data, optimize=0)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    runs: list[tuple[int, int, int]] = []
    for row, cells in enumerate(matrix):
        col = 0
        while col < len(cells):
            if cells[col]:
                start = col
                while col < len(cells) and cells[col]:
                    col += 1
                runs.append((row, start, col - start))
            else:
                col += 1
    return Symbol(len(matrix), tuple(runs))
