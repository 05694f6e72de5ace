"""Vietnamese text: cleaning names, folding for search, sorting the Vietnamese way.

Three different needs, three functions:

- :func:`clean` is what we *store*: NFC, trimmed, inner whitespace collapsed, spelling kept.
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


def clean(value: object) -> str:
    """Return ``value`` as stored text: NFC, trimmed, runs of whitespace made one space.

    ``None`` becomes ``""``. Spelling, case and diacritics are kept exactly.
    Windows-1258 text (base letters plus combining tone marks) becomes precomposed here.
    """
    if value is None:
        return ""
    return _clean(value if isinstance(value, str) else str(value))


# An import cleans and folds every cell, and lists repeat the same units, titles and names
# thousands of times: caching makes the second time ~15x cheaper.
@lru_cache(maxsize=1 << 16)
def _clean(text: str) -> str:
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


def name_sort_key(name: str) -> tuple[str, str, str, str]:
    """Sort key for a person's name: given name, then middle, then family (Vietnamese order)."""
    family, middle, given = split_name(name)
    return (collate_key(given), collate_key(middle), collate_key(family), clean(name))


def collate(value: str) -> str:
    """Sort key for any Vietnamese text (units, delegations) in dictionary order."""
    return collate_key(clean(value))
