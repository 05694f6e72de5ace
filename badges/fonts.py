"""The fonts every printed page uses, and the check that they can print a text.

Roboto ships with daihoi through the ``font-roboto`` pip package, so a badge looks the same on
every machine and never depends on what the operating system has. Before anything is drawn,
:func:`missing_glyphs` tells which characters the font cannot draw: a badge must never show a
box or a "?" in a delegate's name.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import font_roboto

REGULAR = Path(font_roboto.Roboto)
BOLD = Path(font_roboto.RobotoBold)


@functools.cache
def advances(path: Path) -> tuple[dict[int, int], int]:
    """Each character's advance width in font units (by code point), and units per em: read
    once, for the glyph check and for measuring text alike."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        hmtx = font["hmtx"]
        widths = {cp: hmtx[glyph][0] for cp, glyph in font.getBestCmap().items()}
        return widths, font["head"].unitsPerEm


def _cmap(path: Path) -> dict[int, int]:
    return advances(path)[0]


def missing_glyphs(text: str, path: Path = REGULAR) -> list[str]:
    """The distinct characters of ``text`` (taken in NFC) that the font has no glyph for."""
    cmap = _cmap(path)
    missing: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isspace() or ord(ch) in cmap or ch in missing:
            continue
        missing.append(ch)
    return missing


def covers(chars: Iterable[str], path: Path = REGULAR) -> bool:
    """Whether the font has a glyph for every one of ``chars`` (spaces aside): one look-up per
    distinct character, so a whole print run is checked at once."""
    cmap = _cmap(path)
    return all(ch.isspace() or ord(ch) in cmap for ch in set(chars))
