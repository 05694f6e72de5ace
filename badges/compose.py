"""One badge, laid out once as a list of shapes that the PDF and the PNG backends both draw.

Text is measured with the font's own advance widths (the same numbers fpdf2 uses), so every
line is sized to fit its box before anything is drawn: a long name shrinks (or, when shrinking
would make it small, breaks into two balanced lines) and is never cut. Position and unit wrap to
two lines at most, shrinking if two lines are not enough.

The design is drawn for an A6 badge (98 × 138 mm) and scaled to the other sizes, so every layout
keeps the same proportions: the event title at the top, the name largest, then position and
unit, delegation, seat, the QR code with its digits, and the category band at the bottom.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from data import codes
from data.delegates import Delegate

from . import fonts
from .qr import QUIET_ZONE, Symbol, symbol
from .style import BANDS, RGB, Style, band_of, ink_on

MM_PER_PT = 25.4 / 72
DESIGN_W, DESIGN_H = 98.0, 138.0
"""The size the design is drawn at (mm); other layouts scale it."""

ASCENT, DESCENT = 1.0, 0.25
"""Room above and below the baseline, in em: Vietnamese stacked marks ("Ễ") reach 0.98 em."""
CAP_HEIGHT = 0.711
"""Roboto's capital height in em, to centre upper-case words vertically."""

MIN_MODULE_MM = 0.5
"""Below this a cheap scanner misreads at arm's length; the layouts never get near it."""
MAX_MODULE_MM = 1.5
"""Above this the QR crowds the text for no gain in reading distance."""

BLACK: RGB = (0, 0, 0)
DARK: RGB = (40, 40, 40)
GREY: RGB = (90, 90, 90)


@dataclass(frozen=True)
class Badge:
    """What one badge says, taken from a delegate (all text in NFC)."""

    delegate_id: int
    name: str
    """Exactly as on the approved list."""
    position_unit: str
    """"Chức vụ, Đơn vị", either part may be missing."""
    delegation: str
    seat: str
    band: str
    """Key of :data:`badges.style.BANDS`."""
    code: str
    """The 18-digit code in the QR."""

    @property
    def band_word(self) -> str:
        return BANDS[self.band]

    def texts(self) -> list[tuple[str, bool]]:
        """(text, bold) of everything printed for this delegate, for the glyph check."""
        return [
            (self.name, True),
            (self.position_unit, False),
            (self.delegation, False),
            (seat_text(self.seat), True),
            (self.band_word.upper(), True),
            (codes.human(self.code), False),
        ]


def _nfc(value: str | None) -> str:
    return unicodedata.normalize("NFC", value or "").strip()


def seat_text(seat: str) -> str:
    return f"Ghế: {seat}" if seat else ""


def badge_of(delegate: Delegate, code: str | None = None) -> Badge:
    """The badge of ``delegate`` with ``code`` (default: their current code)."""
    position, unit = _nfc(delegate.position), _nfc(delegate.unit)
    return Badge(
        delegate_id=delegate.id,
        name=_nfc(delegate.name),
        position_unit=", ".join(p for p in (position, unit) if p),
        delegation=_nfc(delegate.delegation),
        seat=_nfc(delegate.seat),
        band=band_of(delegate.category),
        code=code or delegate.code or "",
    )


# ------------------------------------------------------------------ measuring text
def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of ``text`` in mm at ``size_pt``, as fpdf2 measures it (advances, no kerning)."""
    return _width_at_1pt(text, bold) * size_pt


@functools.lru_cache(maxsize=65536)
def _width_at_1pt(text: str, bold: bool) -> float:
    # Cached: titles, units and delegations repeat on every badge of a print run.
    widths, upem = _char_advances(bold)
    return sum(map(widths.get, text, repeat(0))) / upem * MM_PER_PT


@functools.cache
def _char_advances(bold: bool) -> tuple[dict[str, int], int]:
    widths, upem = fonts.advances(fonts.BOLD if bold else fonts.REGULAR)
    return {chr(cp): width for cp, width in widths.items()}, upem


def fit_size(text: str, width: float, max_size: float, bold: bool = False) -> float:
    """The largest size ≤ ``max_size`` at which ``text`` fits ``width`` on one line."""
    at_one = text_width(text, 1.0, bold)
    return max_size if at_one <= 0 else min(max_size, width / at_one * 0.999)


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap; a word wider than ``width`` stays whole on its own line."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


@functools.lru_cache(maxsize=4096)
def fit_lines(
    text: str, width: float, max_size: float, max_lines: int, bold: bool = False
) -> tuple[float, tuple[str, ...]]:
    """The largest size (≤ ``max_size``) at which ``text`` wraps into ``max_lines`` lines that
    each fit ``width``; the text is never cut, only made smaller. Cached: every badge of a run
    has the same title, and units repeat."""
    size = max_size
    while True:
        lines = wrap(text, size, width, bold)
        widest = max((text_width(line, size, bold) for line in lines), default=0.0)
        if len(lines) <= max_lines and widest <= width:
            return size, tuple(lines)
        if len(lines) <= max_lines:  # only a long word is too wide: shrink exactly to it
            return size * width / widest * 0.999, tuple(lines)
        size *= 0.95


def balanced_two_lines(text: str, bold: bool) -> list[str]:
    """``text`` split into the two lines whose wider one is narrowest."""
    words = text.split()
    best = [text]
    best_width = text_width(text, 1.0, bold)
    for i in range(1, len(words)):
        lines = [" ".join(words[:i]), " ".join(words[i:])]
        widest = max(text_width(line, 1.0, bold) for line in lines)
        if widest < best_width:
            best, best_width = lines, widest
    return best


# ------------------------------------------------------------------ shapes
@dataclass(frozen=True)
class Text:
    """One line of text; (x, y) is the left end of its baseline, in mm from the badge's corner."""

    x: float
    y: float
    text: str
    size: float
    """Font size in points."""
    bold: bool
    color: RGB
    box: float
    """The width the line had to fit (mm): it never exceeds it."""
    role: str
    """What the line is ("name", "title", "unit" …), for tests and previews."""


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    color: RGB


@dataclass(frozen=True)
class QRCode:
    """A QR symbol whose top-left dark-module corner is at (x, y); the quiet zone is around it."""

    x: float
    y: float
    module: float
    """Module size in mm."""
    symbol: Symbol


@dataclass(frozen=True)
class Logo:
    x: float
    y: float
    w: float
    h: float
    path: Path


Shape = Text | Rect | QRCode | Logo


@dataclass(frozen=True)
class Drawing:
    """A badge laid out at its printed size."""

    width: float
    height: float
    shapes: tuple[Shape, ...]

    def texts(self, role: str | None = None) -> list[Text]:
        return [s for s in self.shapes if isinstance(s, Text) and role in (None, s.role)]


def _centred(
    line: str, y: float, size: float, bold: bool, color: RGB, left: float, box: float, role: str
) -> Text:
    x = left + (box - text_width(line, size, bold)) / 2
    return Text(x, y, line, size, bold, color, box, role)


def compose(badge: Badge, width: float, height: float, title: str, style: Style) -> Drawing:
    """Lay out ``badge`` on a ``width`` × ``height`` mm card."""
    s = min(width / DESIGN_W, height / DESIGN_H)
    pad = 5 * s
    inner = width - 2 * pad
    band_rgb = style.colors[badge.band]
    shapes: list[Shape] = []

    # The header: logo on the left, the event title centred in the rest, two lines at most.
    y = pad
    title_left, title_box = pad, inner
    logo_h = 0.0
    if style.logo is not None:
        logo_h = 13 * s
        logo_w = min(logo_h * style.logo_aspect, 24 * s)
        logo_h = logo_w / style.logo_aspect
        shapes.append(Logo(pad, y, logo_w, logo_h, style.logo))
        title_left, title_box = pad + logo_w + 2 * s, inner - logo_w - 2 * s
    size, lines = fit_lines(_nfc(title), title_box, 10.5 * s, 2, bold=True)
    step = size * MM_PER_PT * 1.2
    block = step * len(lines) - step + size * MM_PER_PT * (ASCENT + DESCENT)
    top = y + max(0.0, (logo_h - block) / 2)
    for i, line in enumerate(lines):
        baseline = top + size * MM_PER_PT * ASCENT + i * step
        shapes.append(
            _centred(line, baseline, size, True, band_rgb, title_left, title_box, "title")
        )
    y += max(logo_h, block) + 2.5 * s
    shapes.append(Rect(pad, y, inner, 0.5 * s, band_rgb))
    y += 0.5 * s + 4 * s

    # The name: one line shrunk to fit, or two balanced lines when one would be small.
    max_name = 26 * s
    one = fit_size(badge.name, inner, max_name, bold=True)
    name_lines = [badge.name]
    size = one
    if one < 0.7 * max_name and " " in badge.name:
        two_lines = balanced_two_lines(badge.name, bold=True)
        two = min(fit_size(line, inner, max_name, bold=True) for line in two_lines)
        if two > one * 1.15:
            name_lines, size = two_lines, two
    for line in name_lines:
        baseline = y + size * MM_PER_PT * ASCENT
        shapes.append(_centred(line, baseline, size, True, BLACK, pad, inner, "name"))
        y = baseline + size * MM_PER_PT * DESCENT + 0.6 * s
    y += 2 * s

    # Position and unit (two lines at most), delegation, seat.
    if badge.position_unit:
        size, lines = fit_lines(badge.position_unit, inner, 11 * s, 2)
        for line in lines:
            baseline = y + size * MM_PER_PT * ASCENT
            shapes.append(_centred(line, baseline, size, False, DARK, pad, inner, "unit"))
            y = baseline + size * MM_PER_PT * DESCENT + 0.4 * s
        y += 1.5 * s
    if badge.delegation:
        size = fit_size(badge.delegation, inner, 11 * s)
        baseline = y + size * MM_PER_PT * ASCENT
        shapes.append(
            _centred(badge.delegation, baseline, size, False, GREY, pad, inner, "delegation")
        )
        y = baseline + size * MM_PER_PT * DESCENT + 1.5 * s
    if badge.seat:
        text = seat_text(badge.seat)
        size = fit_size(text, inner, 14 * s, bold=True)
        baseline = y + size * MM_PER_PT * ASCENT
        shapes.append(_centred(text, baseline, size, True, BLACK, pad, inner, "seat"))
        y = baseline + size * MM_PER_PT * DESCENT + 1 * s

    # The band at the bottom, bleeding to the card's edges, with the category word.
    band_h = 15 * s
    band_y = height - band_h
    shapes.append(Rect(0, band_y, width, band_h, band_rgb))
    word = badge.band_word.upper()
    size = fit_size(word, inner, 22 * s, bold=True)
    baseline = band_y + band_h / 2 + size * MM_PER_PT * CAP_HEIGHT / 2
    shapes.append(_centred(word, baseline, size, True, ink_on(band_rgb), pad, inner, "band"))

    # The QR with its quiet zone and the digits under it, centred in the space left.
    human = codes.human(badge.code)
    digits_size = fit_size(human, inner, 10 * s)
    digits_h = digits_size * MM_PER_PT * (ASCENT + DESCENT)
    qr = symbol(badge.code)
    span = qr.size + 2 * QUIET_ZONE
    room = band_y - 1.5 * s - y - digits_h
    module = min(MAX_MODULE_MM, room / span, inner / span)
    if module < MIN_MODULE_MM:
        module = MIN_MODULE_MM  # never smaller: better to touch the band than to misread
    block_h = span * module + digits_h
    top = y + max(0.0, (band_y - 1.5 * s - y - block_h) / 2)
    side = qr.size * module
    shapes.append(QRCode((width - side) / 2, top + QUIET_ZONE * module, module, qr))
    baseline = top + span * module + digits_size * MM_PER_PT * ASCENT
    shapes.append(_centred(human, baseline, digits_size, False, BLACK, pad, inner, "digits"))
    return Drawing(width, height, tuple(shapes))
