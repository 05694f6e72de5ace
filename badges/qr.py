"""The QR symbol of a badge code, as rows of dark runs ready to draw as rectangles.

Error correction M (15 % of the symbol may be scuffed or covered by a lanyard clip) and numeric
mode: an 18-digit code then fits version 1, 21 × 21 modules, the largest modules for a given
printed size, which is what lets a cheap scanner read it at arm's length. Drawing merges each
row's run of dark modules into one rectangle: a badge has about 150 rectangles instead of 220
squares, and the PDF stays small and fast to render.

Why an encoder of our own for that one case: a print run encodes thousands of codes, and the
qrcode package spends 3 ms on each (70 % of a 2,000-badge run), nearly all of it rebuilding the
matrix and scoring it cell by cell in Python for each of the 8 masks. Everything about a
version 1-M symbol except its 16 data codewords is fixed, and the rest is linear over GF(2):
Reed-Solomon is linear, so the matrix is the XOR of one precomputed contribution per data
codeword (:class:`_Tables`). The matrix is held as one integer, ``STRIDE`` bits per row (the
last bit of each row always 0, so no run or pattern can cross from one row into the next), and
the standard's four penalty rules (ISO/IEC 18004 §7.8.3) are counted with shifts, ANDs and
popcounts on the whole symbol at once, rows and (on the transposed integer) columns. The mask
chosen is the one qrcode chooses (the first of the lowest penalty, scored as qrcode scores it:
format modules light), and the tests check the matrices are the ones qrcode makes, module for
module. Other data (letters, more than 34 digits) still goes through qrcode.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

QUIET_ZONE = 4
"""Light modules every side of the symbol that nothing may be drawn in (ISO/IEC 18004)."""

SIZE = 21
"""Modules per side of a version 1 symbol."""
STRIDE = SIZE + 1
"""Bits per row in the integer form: a module's bit is ``row * STRIDE + column``."""
MAX_DIGITS = 34
"""The most digits version 1-M holds in numeric mode (128 data bits)."""
DATA_CODEWORDS, EC_CODEWORDS = 16, 10
"""Version 1-M: one block of 16 data and 10 error-correction codewords."""
_FULL_ROW = (1 << SIZE) - 1
_VALID = sum(_FULL_ROW << (r * STRIDE) for r in range(SIZE))
"""Every module of the symbol (no gap bits)."""
_COLUMNS_AT = (SIZE + 1) * STRIDE
"""A pair holds a symbol's rows from bit 0 and its columns (the transpose) from here, one
empty row between (and after), so no block or run joins the two."""
_PAIR_VALID = _VALID | _VALID << _COLUMNS_AT
_SECTION_BITS = 2 * _COLUMNS_AT
_SECTION_VALID = (1 << _SECTION_BITS) - 1
_REPLICATE = sum(1 << (m * _SECTION_BITS) for m in range(8))
"""Multiplying a pair by this makes eight copies side by side, one per mask."""
_STACK_VALID = _PAIR_VALID * _REPLICATE


@dataclass(frozen=True)
class Symbol:
    """A QR symbol without its quiet zone."""

    size: int
    """Modules per side (21 for version 1)."""
    rows: tuple[int, ...]
    """Each row's dark modules: bit ``c`` set when column ``c`` is dark."""

    @functools.cached_property
    def runs(self) -> tuple[tuple[int, int, int], ...]:
        """(row, first column, length) of each horizontal run of dark modules."""
        return tuple(
            (r, start, length)
            for r, bits in enumerate(self.rows)
            for start, length in row_runs(bits)
        )


@functools.lru_cache(maxsize=4096)
def symbol(data: str) -> Symbol:
    """The QR symbol of ``data`` (digits: numeric mode), error correction M, the mask chosen by
    the penalty rules as qrcode scores them (format modules light while scoring)."""
    rows = matrix_rows(data)
    return Symbol(len(rows), tuple(rows))


def matrix_rows(data: str) -> list[int]:
    """The symbol of ``data`` as rows, bit ``c`` of row ``r`` set when module (r, c) is dark."""
    if data.isascii() and data.isdigit() and len(data) <= MAX_DIGITS:
        bits = _tables().encode(data)
        return [bits >> (r * STRIDE) & _FULL_ROW for r in range(SIZE)]
    return _rows(_qrcode_matrix(data))


# ------------------------------------------------------------------ version 1-M, numeric
def _numeric_codewords(digits: str) -> bytes:
    """The 16 data codewords: mode, count, digits by threes, terminator, pad bytes."""
    value, length = 0b0001, 4  # numeric mode indicator
    value, length = value << 10 | len(digits), length + 10  # character count (versions 1-9)
    for i in range(0, len(digits), 3):
        group = digits[i : i + 3]
        width = (4, 7, 10)[len(group) - 1]
        value, length = value << width | int(group), length + width
    capacity = DATA_CODEWORDS * 8
    terminator = min(4, capacity - length)
    value, length = value << terminator, length + terminator
    pad = -length % 8
    value, length = value << pad, length + pad
    codewords = bytearray(value.to_bytes(length // 8, "big"))
    for i in range(DATA_CODEWORDS - len(codewords)):
        codewords.append(0xEC if i % 2 == 0 else 0x11)
    return bytes(codewords)


def _gf_tables() -> tuple[list[int], list[int]]:
    """Exponents and logarithms of GF(256) with the QR polynomial x⁸+x⁴+x³+x²+1."""
    exp, log = [0] * 512, [0] * 256
    x = 1
    for i in range(255):
        exp[i], log[x] = x, i
        x <<= 1
        if x & 0x100:
            x ^= 0x11D
    for i in range(255, 512):
        exp[i] = exp[i - 255]
    return exp, log


def _error_correction(message: bytes) -> list[int]:
    """The 10 Reed-Solomon codewords of ``message`` (generator ∏(x − αⁱ), i < 10)."""
    exp, log = _gf_tables()
    generator = [1]
    for i in range(EC_CODEWORDS):
        product = [0] * (len(generator) + 1)
        for j, g in enumerate(generator):
            product[j] ^= g
            if g:
                product[j + 1] ^= exp[log[g] + i]
        generator = product
    remainder = [0] * EC_CODEWORDS
    for byte in message:
        factor = byte ^ remainder[0]
        remainder = remainder[1:] + [0]
        if factor:
            for j in range(EC_CODEWORDS):
                if generator[j + 1]:
                    remainder[j] ^= exp[log[generator[j + 1]] + log[factor]]
    return remainder


def _format_bits(mask: int) -> int:
    """The 15 format bits of level M with ``mask``: BCH(15, 5), then XORed with 0x5412."""
    data = 0b00 << 3 | mask  # level M is 00
    d = data << 10
    for shift in range(4, -1, -1):
        if d >> (shift + 10) & 1:
            d ^= 0x537 << shift
    return (data << 10 | d) ^ 0x5412


def _mask_dark(mask: int, r: int, c: int) -> bool:
    return (
        (r + c) % 2 == 0,
        r % 2 == 0,
        c % 3 == 0,
        (r + c) % 3 == 0,
        (r // 2 + c // 3) % 2 == 0,
        (r * c) % 2 + (r * c) % 3 == 0,
        ((r * c) % 2 + (r * c) % 3) % 2 == 0,
        ((r * c) % 3 + (r + c) % 2) % 2 == 0,
    )[mask]


def _bit(r: int, c: int) -> int:
    return 1 << (r * STRIDE + c)


def _transpose(bits: int) -> int:
    out = 0
    for r in range(SIZE):
        row = bits >> (r * STRIDE) & _FULL_ROW
        while row:
            low = row & -row
            out |= _bit(low.bit_length() - 1, r)
            row ^= low
    return out


class _Tables:
    """What every version 1-M symbol shares, computed once: function patterns, the data
    modules in placement order, each codeword's contribution, the masks and format bits."""

    def __init__(self) -> None:
        dark: set[tuple[int, int]] = set()
        reserved: set[tuple[int, int]] = set()
        for top, left in ((0, 0), (0, SIZE - 7), (SIZE - 7, 0)):
            for r in range(top - 1, top + 8):
                for c in range(left - 1, left + 8):
                    if not (0 <= r < SIZE and 0 <= c < SIZE):
                        continue
                    reserved.add((r, c))  # the finder and its light separator
                    i, j = r - top, c - left
                    ring = 0 <= i <= 6 and j in (0, 6) or 0 <= j <= 6 and i in (0, 6)
                    if ring or 2 <= i <= 4 and 2 <= j <= 4:
                        dark.add((r, c))
        for k in range(8, SIZE - 8):  # timing patterns
            reserved |= {(k, 6), (6, k)}
            if k % 2 == 0:
                dark |= {(k, 6), (6, k)}
        format_cells = self._format_cells()
        reserved |= set(format_cells) | {(SIZE - 8, 8)}
        self.base = sum(_bit(r, c) for r, c in dark)
        """Function patterns, format modules light (as the masks are scored)."""
        self.format = [
            sum(_bit(*cell) for i, cell in enumerate(format_cells) if _format_bits(m) >> i % 15 & 1)
            | _bit(SIZE - 8, 8)  # the dark module
            for m in range(8)
        ]
        """Format information of each mask, and the dark module beside it."""
        placement = self._placement(reserved)
        self.masks = [
            sum(_bit(r, c) for r, c in placement if _mask_dark(m, r, c)) for m in range(8)
        ]
        # The contribution of data codeword j holding one set bit, through its EC codewords.
        codewords = DATA_CODEWORDS + EC_CODEWORDS
        self.table: list[list[int]] = []
        """Per data codeword and value: its modules and its EC codewords', as a pair."""
        for j in range(DATA_CODEWORDS):
            singles = []
            for b in range(8):
                message = bytearray(DATA_CODEWORDS)
                message[j] = 1 << b
                block = bytes(message) + bytes(_error_correction(bytes(message)))
                singles.append(
                    sum(
                        _bit(*placement[k * 8 + (7 - i)])
                        for k in range(codewords)
                        for i in range(8)
                        if block[k] >> i & 1
                    )
                )
            self.table.append(_combinations([b | _transpose(b) << _COLUMNS_AT for b in singles]))
        self.base_stack = sum(
            (self.base | _transpose(self.base) << _COLUMNS_AT) << (m * _SECTION_BITS)
            for m in range(8)
        )
        self.masks_stack = sum(
            (mask | _transpose(mask) << _COLUMNS_AT) << (m * _SECTION_BITS)
            for m, mask in enumerate(self.masks)
        )

    @staticmethod
    def _format_cells() -> list[tuple[int, int]]:
        """Where format bit i goes, twice (beside the top-left finder, and split between the
        other two), in qrcode's order: bit i of the 15 is entry i and entry 15 + i."""
        first = [
            (i, 8) if i < 6 else (i + 1, 8) if i < 8 else (SIZE - 15 + i, 8) for i in range(15)
        ]
        second = [
            (8, SIZE - i - 1) if i < 8 else (8, 15 - i) if i < 9 else (8, 14 - i) for i in range(15)
        ]
        return first + second

    @staticmethod
    def _placement(reserved: set[tuple[int, int]]) -> list[tuple[int, int]]:
        """The data modules in the order codeword bits fill them: two-column strips from the
        right, up then down, skipping the vertical timing column."""
        order: list[tuple[int, int]] = []
        upwards = True
        for right in range(SIZE - 1, 0, -2):
            if right <= 6:
                right -= 1
            rows = range(SIZE - 1, -1, -1) if upwards else range(SIZE)
            for r in rows:
                for c in (right, right - 1):
                    if (r, c) not in reserved:
                        order.append((r, c))
            upwards = not upwards
        return order

    def scores(self, digits: str) -> tuple[int, list[int]]:
        """The data modules of ``digits`` (unmasked, as an integer) and each mask's penalty."""
        pair = 0
        for j, codeword in enumerate(_numeric_codewords(digits)):
            pair ^= self.table[j][codeword]
        # Eight copies of the pair (one per mask) in one integer, each masked and completed,
        # scored all at once; only the counts are taken per mask.
        stack = self.base_stack | (pair * _REPLICATE ^ self.masks_stack)
        return pair & _VALID, penalties(stack)

    def encode(self, digits: str) -> int:
        """The symbol of ``digits`` as an integer, with the first mask of the lowest penalty."""
        data, scores = self.scores(digits)
        best = scores.index(min(scores))
        return self.base | (data ^ self.masks[best]) | self.format[best]


def _combinations(singles: list[int]) -> list[int]:
    """Entry v: the XOR of ``singles[b]`` for each set bit b of v (v < 256)."""
    table = [0] * 256
    for v in range(1, 256):
        low = v & -v
        table[v] = table[v ^ low] ^ singles[low.bit_length() - 1]
    return table


@functools.cache
def _tables() -> _Tables:
    return _Tables()


def penalties(stack: int) -> list[int]:
    """The four penalty rules of ISO/IEC 18004 on each of the eight masked symbols of
    ``stack``, each held as a pair (its rows, and its transpose's rows, i.e. its columns): runs
    of five or more alike, 2 × 2 blocks alike, finder-like 1:1:3:1:1 patterns with four light
    modules on one side, and the dark proportion's distance from half. Scored as qrcode scores
    them, so the same mask is chosen."""
    light = stack ^ _STACK_VALID
    # Rule 1: a run of n ≥ 5 alike scores n − 2 (n − 4 places where five begin, + 2 per run).
    five = stack & stack >> 1 & stack >> 2 & stack >> 3 & stack >> 4
    five |= light & light >> 1 & light >> 2 & light >> 3 & light >> 4
    ends = five & ~(five >> 1)
    # Rule 3: 1011101 with 0000 before or after it scores 40.
    dark_at = [stack >> k for k in range(11)]
    light_at = [light >> k for k in range(11)]
    core = light_at[1] & dark_at[4] & light_at[5] & dark_at[6] & light_at[9]
    ahead = dark_at[0] & dark_at[2] & dark_at[3] & light_at[7] & light_at[8] & light_at[10]
    behind = light_at[0] & light_at[2] & light_at[3] & dark_at[7] & dark_at[8] & dark_at[10]
    finders = core & (ahead | behind)
    # Rule 2: each 2 × 2 block alike scores 3 (counted in rows and columns: twice).
    blocks = stack & stack >> 1 & stack >> STRIDE & stack >> (STRIDE + 1)
    blocks |= light & light >> 1 & light >> STRIDE & light >> (STRIDE + 1)
    scores = []
    for m in range(8):
        at = m * _SECTION_BITS
        score = (five >> at & _SECTION_VALID).bit_count()
        score += 2 * (ends >> at & _SECTION_VALID).bit_count()
        score += 40 * (finders >> at & _SECTION_VALID).bit_count()
        score += 3 * (blocks >> at & _SECTION_VALID).bit_count() // 2
        # Rule 4: 10 per 5 % the dark modules are away from half (the pair holds each twice).
        percent = float((stack >> at & _SECTION_VALID).bit_count() // 2) / (SIZE * SIZE)
        scores.append(score + int(abs(percent * 100 - 50) / 5) * 10)
    return scores


# ------------------------------------------------------------------ anything else
def _qrcode_matrix(data: str) -> list[list[bool]]:
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M
    from qrcode.util import MODE_NUMBER, QRData

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    numeric = data.isascii() and data.isdigit()
    qr.add_data(QRData(data, mode=MODE_NUMBER) if numeric else data, optimize=0)
    qr.make(fit=True)
    return [[bool(cell) for cell in row] for row in qr.get_matrix()]


def _rows(matrix: list[list[bool]]) -> list[int]:
    """Each row as an int, bit ``c`` set when column ``c`` is dark."""
    return [sum(1 << c for c, dark in enumerate(row) if dark) for row in matrix]


def row_runs(bits: int) -> list[tuple[int, int]]:
    """(first column, length) of each run of set bits in ``bits``, lowest first."""
    runs = []
    while bits:
        start = (bits & -bits).bit_length() - 1
        shifted = bits >> start
        length = (~shifted & (shifted + 1)).bit_length() - 1
        runs.append((start, length))
        bits ^= ((1 << length) - 1) << start
    return runs
