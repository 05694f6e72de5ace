"""Vietnamese text: cleaning names, folding for search, sorting the Vietnamese way.

Three different needs, three functions:

- :func:`clean` is what we *store*: NFC, trimmed, inner whitespace collapsed, spelling kept,
  control characters gone (:func:`strip_controls`).
- :func:`fold` is what we *compare*: no accents, no case, đ/Đ/Ð → d, so "Hoà" = "Hòa" = "hoa".
- :func:`name_sort_key` is how we *order* people: given name, then middle, then family name,
  each compared with Vietnamese collation (a ă â b c d đ e ê …, tones after letters).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vn_collate import collate_key

# Đ/đ do not decompose under NFD; Ð (U+00D0, Icelandic eth) is a lookalike seen in real files.
_D_MAP = str.maketrans({"đ": "d", "Đ": "d", "Ð": "d", "ð": "d"})
_NON_WORD = re.compile(r"[^0-9a-z]+")
_COMBINING = re.compile("[\u0300-\u036f]")

_CONTROLS = re.compile(
    # Whole terminal sequences first, so "\x1b[31m" leaves nothing behind, not "[31m":
    "\x1b\\[[0-?]*[ -/]*[@-~]"  # CSI (colours, cursor moves): ESC [ … final byte
    "|\x9b[0-?]*[ -/]*[@-~]"  # the same, as the one-character C1 CSI
    "|(?:\x1b[]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)"  # OSC (window
    # title, hyperlink), DCS, SOS, PM, APC strings up to their BEL or ST: payload and all
    # Then any control left over (the ESC of "ESC c", which resets a terminal, too): C0 but tab, LF, CR; DEL and C1; the bidi overrides and
    # isolates, which make "Nguyễn Văn An" display as text the list does not hold.
    "|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


def strip_controls(text: str) -> str:
    """``text`` without terminal escape sequences, control characters and bidi overrides.

    A cell of a hostile list such as ``"\\x1b]0;…\\x07Nguyễn Văn An"`` would retitle the desk's
    terminal, and ``"\\u202e"`` would show a name reversed in a terminal or a browser. An
    escape sequence goes whole (ESC [ 31 m, or ESC ] … BEL with its payload); of anything else,
    an unterminated title string included, only the control characters go, so no letter of a
    name goes with them. Tab, line feed
    and carriage return are ordinary whitespace and stay (:func:`clean` makes them one space).
    """
    if text.isprintable():  # the usual case: nothing to look for
        return text
    return _CONTROLS.sub("", text)


def clean(value: object) -> str:
    """Return ``value`` as stored text: NFC, trimmed, runs of whitespace made one space,
    control characters and bidi overrides removed (:func:`strip_controls`).

    ``None`` becomes ``""``. Spelling, case and diacritics are kept exactly.
    Windows-1258 text (base letters plus combining tone marks) becomes precomposed here.
    The reader of imported lists (:mod:`data.sheets`) strips controls itself, with a warning
    naming the cell; here they go silently, so nothing stored by any path holds one.
    """
    if value is None:
        return ""
    return _clean(value if isinstance(value, str) else str(value))


# An import cleans and folds every cell, and lists repeat the same units, titles and names
# thousands of times: caching makes the second time ~15x cheaper.
@lru_cache(maxsize=1 << 16)
def _clean(text: str) -> str:
    text = strip_controls(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        # Ð (U+00D0, eth) is a lookalike of Đ (U+0110) typed by some input tools; no name on a
        # Vietnamese list means the Icelandic letter, so store the letter the writer meant.
        text = text.replace("Ð", "Đ")
    # str.split() splits on exactly the characters \s matches (Unicode whitespace, NBSP too).
    return " ".join(text.split())


def fold(value: object) -> str:
    """Return ``value`` folded for comparison: lower case, no diacritics, đ → d, one space.

    ``fold("Nguyễn Thị Hoà") == fold("NGUYEN THI HOA") == "nguyen thi hoa"``.
    """
    if value is None:
        return ""
    return _fold(value if isinstance(value, str) else str(value))


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFD", text.translate(_D_MAP))
        # Vietnamese tones and vowel marks are all in U+0300–U+036F: one regex pass, and
        # anything else combining takes the slow path.
        text = _COMBINING.sub("", text)
        if not text.isascii():
            text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


def words(value: object) -> list[str]:
    """The folded words of ``value``, punctuation dropped: ``"Sở Y tế (TN)" → ["so", "y", "te", "tn"]``."""
    return [w for w in _NON_WORD.split(fold(value)) if w]


def header_key(value: object) -> str:
    """A column header reduced to letters and digits, for recognising header variants.

    ``"HỌ VÀ  TÊN"``, ``"Họ và tên"`` and ``"ho va ten"`` all give ``"hovaten"``.
    """
    return "".join(words(value))


def split_name(name: str) -> tuple[str, str, str]:
    """Split a Vietnamese full name into (family, middle, given).

    "Nguyễn Thị Hoa" → ("Nguyễn", "Thị", "Hoa"); "Nguyễn Trãi" → ("Nguyễn", "", "Trãi");
    a single word is the given name. Minority names are split the same way for sorting
    only; they are always stored and shown exactly as written.
    """
    parts = clean(name).split(" ")
    if len(parts) == 1:
        return "", "", parts[0]
    return parts[0], " ".join(parts[1:-1]), parts[-1]


@lru_cache(maxsize=1 << 16)  # pure, ~30 µs a call; names share their parts (Nguyễn, Thị, Hoa)
def _collated(text: str) -> str:
    return collate_key(text)


def name_sort_key(name: str) -> tuple[str, str, str, str]:
    """Sort key for a person's name: given name, then middle, then family (Vietnamese order)."""
    family, middle, given = split_name(name)
    return (_collated(given), _collated(middle), _collated(family), clean(name))


def collate(value: str) -> str:
    """Sort key for any Vietnamese text (units, delegations) in dictionary order."""
    return _collated(clean(value))


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
"""Grave, acute, tilde, hook above, dot below: the five marked Vietnamese tones."""


_UNTONED = str.maketrans(
    {
        unicodedata.normalize("NFC", base + tone): base
        for base in "aeouyAEOUY"
        for tone in _TONE_MARKS
    }
)
"""A toned a, e, o, u or y (NFC) to its bare letter: enough to see an "oa", "oe", "uy" word."""

_OA_OE_UY = re.compile(r"(?:oa|oe|uy)(?: |$)", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)  # pure; a match key per row and per candidate
def tone_placement(text: str) -> str:
    """``text`` with the old and the new tone placement made one: the tone of a word ending in
    "oa", "oe" or "uy" sits on its last vowel ("Hòa" and "Hoà" both give "Hoà", "Thúy" and
    "Thuý" both give "Thuý"). Any other difference stays: "Thúy" is not "Thủy".

    For matching a person across two versions of a list, never for what is stored or shown:
    the name keeps the spelling the unit typed.
    """
    if not _OA_OE_UY.search(unicodedata.normalize("NFC", text).translate(_UNTONED)):
        return text  # no word the two placements could spell differently
    words = []
    for word in text.split(" "):
        parts = unicodedata.normalize("NFD", word)
        tones = [c for c in parts if c in _TONE_MARKS]
        bare = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        if len(tones) == 1 and bare.lower().endswith(("oa", "oe", "uy")):
            word = unicodedata.normalize("NFC", bare + tones[0])
        words.append(word)
    return " ".join(words)


def typed_label(text: str, longest: int, *, missing: str, bad: str) -> str:
    """A short name a person typed for something of the event (a desk, a session), tidied:
    NFC, single spaces. Refused (:class:`data.errors.DaihoiError` ``missing``) when nothing is
    left, or (``bad``, with ``max``) when longer than ``longest`` or holding control or format
    characters: such names are shown on other desks' screens, where an escape sequence in one
    would reach their terminals."""
    from .errors import DaihoiError

    name = " ".join(unicodedata.normalize("NFC", text).split())
    if not name:
        raise DaihoiError(missing)
    if len(name) > longest or any(unicodedata.category(ch).startswith("C") for ch in name):
        raise DaihoiError(bad, max=longest)
    return name
