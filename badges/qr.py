"""The QR symbol of a badge code, as rows of dark runs ready to draw as rectangles.

Error correction M (15 % of the symbol may be scuffed or covered by a lanyard clip) and numeric
mode: an 18-digit code then fits version 1, 21 × 21 modules, the largest modules for a given
printed size, which is what lets a cheap scanner read it at arm's length. Drawing merges each
row's run of dark modules into one rectangle: a badge has about 150 rectangles instead of 220
squares, and the PDF stays small and fast to render.
"""

from __future__ import annotations

import functools
import re
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
    """The QR symbol of ``data`` (digits: numeric mode), error correction M, best mask."""
    rows = _fast_rows(data) if len(data) <= 34 and data.isdigit() else None
    if rows is None:
        rows = _rows(_matrix(data, mask=None))
    return Symbol(len(rows), _runs(rows))


def _matrix(data: str, mask: int | None, version: int | None = None) -> list[list[bool]]:
    qr = qrcode.QRCode(
        version=version, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=mask
    )
    qr.add_data(QRData(data, mode=MODE_NUMBER) if data.isdigit() else data, optimize=0)
    qr.make(fit=version is None)
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


# Version 1 (every 18-digit code): qrcode builds the symbol once with mask 0, and the eight
# masks are then tried with integer row operations. qrcode's own mask choice evaluates eight
# full symbols in pure Python, about 1.5 ms per badge: most of a 2,000-badge print run.
_SIDE = 21


def _is_function(r: int, c: int) -> bool:
    """Finder patterns with separators and format areas, timing patterns (version 1)."""
    return (r < 9 and c < 9) or (r < 9 and c >= 13) or (r >= 13 and c < 9) or r == 6 or c == 6


@functools.cache
def _tables() -> tuple[list[int], list[list[int]], list[list[int]]]:
    """Data-module row masks; per mask, its XOR pattern on data modules and its function rows
    (finders, timing, format bits for level M and that mask), taken from qrcode itself."""
    from qrcode.util import mask_func

    data = [sum(1 << c for c in range(_SIDE) if not _is_function(r, c)) for r in range(_SIDE)]
    patterns, functions = [], []
    for m in range(8):
        test = mask_func(m)
        patterns.append(
            [sum(1 << c for c in range(_SIDE) if test(r, c)) & data[r] for r in range(_SIDE)]
        )
        template = _rows(_matrix("0", mask=m, version=1))
        functions.append([template[r] & ~data[r] for r in range(_SIDE)])
    return data, patterns, functions


def _fast_rows(code: str) -> list[int]:
    data, patterns, functions = _tables()
    base = _rows(_matrix(code, mask=0, version=1))
    raw = [(base[r] ^ patterns[0][r]) & data[r] for r in range(_SIDE)]
    best: list[int] = []
    best_score = -1
    for m in range(8):
        rows = [functions[m][r] | (raw[r] ^ patterns[m][r]) for r in range(_SIDE)]
        score = penalty(rows, _SIDE)
        if best_score < 0 or score < best_score:
            best, best_score = rows, score
    return best


_RUN = re.compile(r"0{5,}|1{5,}")


def penalty(rows: list[int], side: int) -> int:
    """ISO/IEC 18004 mask penalty: runs, 2×2 blocks, finder look-alikes, dark balance.

    Rows and columns are joined into one string (separated by "|") so each rule is one regex
    pass in C rather than a Python loop over modules.
    """
    full = (1 << side) - 1
    row_text = [format(v, f"0{side}b") for v in rows]
    text = "|".join(row_text + ["".join(col) for col in zip(*row_text)])
    score = sum(len(run) - 2 for run in _RUN.findall(text))
    score += 40 * (text.count("10111010000") + text.count("00001011101"))
    pair = (1 << (side - 1)) - 1
    for a, b in zip(rows, rows[1:]):
        dark = a & b
        light = ~(a | b) & full
        score += 3 * (dark & (dark >> 1) & pair).bit_count()
        score += 3 * (light & (light >> 1) & pair).bit_count()
    dark_count = sum(v.bit_count() for v in rows)
    score += 10 * (abs(dark_count * 20 // (side * side) - 10))
    return score
