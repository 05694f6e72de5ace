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
    """The QR symbol of ``data`` (digits: numeric mode), error correction M, the mask qrcode
    chooses by the standard's penalty rules."""
    rows = _rows(_matrix(data))
    return Symbol(len(rows), _runs(rows))


def _matrix(data: str) -> list[list[bool]]:
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    qr.add_data(QRData(data, mode=MODE_NUMBER) if data.isdigit() else data, optimize=0)
    qr.make(fit=True)
    return [[bool(cell) for cell in row] for row in qr.get_matrix()]


def _rows(matrix: list[list[bool]]) -> list[int]:
    """Each row as an int, bit ``c`` set when column ``c`` is dark."""
    return [sum(1 << c for c, dark in enumerate(row) if dark) for row in matrix]


def _runs(rows: list[int]) -> tuple[tuple[int, int, int], ...]:
    runs: list[tuple[int, int, int]] = []
    for r, bits in enumerate(rows):
        c = 0
        while bits >> c:
            if bits >> c & 1:
                start = c
                while bits >> c & 1:
                    c += 1
                runs.append((r, start, c - start))
            else:
                c += 1
    return tuple(runs)
