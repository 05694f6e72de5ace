"""The name cell of a delegate list, taken apart: the person's name, the honorific typed before
it, the note typed after it.

Units write more than a name in the name column: "Đại tá, TS. Nguyễn Văn An (Trưởng đoàn)",
"Bà TRẦN THỊ HOA*", "Đ/c Lê Văn Bình - Phó trưởng đoàn". :func:`split_name` returns the three
parts (:class:`NameParts`) so the name is stored alone, spelled as the unit spelled it, and
the rest is kept where the report can show it.

The rules, in the order they apply:

1. **Cleaning** (:func:`clean_name`): control characters and terminal sequences go
   (:func:`data.text.strip_controls`); invisible characters go (zero-width space, joiners,
   word joiner, BOM, soft hyphen, directional marks, combining grapheme joiner); every Unicode
   space becomes one plain space; a tone typed before the hat, breve or horn ("e" + tilde +
   circumflex) is put after it so the letter composes ("ễ"); then NFC, trimmed, runs of
   spaces collapsed (:func:`data.text.clean`). Tone *placement* is kept as typed: "Thúy" and
   "Thuý" stay distinct here; search folds them.
2. **Honorific**: a run of known titles at the start (:data:`HONORIFICS`, matched without
   regard to case, each with an optional dot, separated by spaces, commas, slashes or dashes:
   "Đại tá, TS.", "GS.TS", "PGS. TS.", "Nhà giáo ưu tú"). A title is only taken off when what
   is left is a plausible full name: at least two words. The forms of address that are also
   Vietnamese words or family names ("Ông", "Bà", "Anh", "Chị", "Em", "Cô", "Thầy", "Cụ",
   "Bác", "Cháu") need more: the word after them must start a name. It does when it is a
   known family name (:data:`FAMILY_NAMES`, or a compound one such as "Công Tằng Tôn Nữ", or
   an Ê Đê / Gia Rai "H'…" name), or when three or more words follow and the first is not a
   common middle name (:data:`MIDDLE_NAMES`). So "Ông Nguyễn Văn An" is "Ông" + "Nguyễn Văn
   An", but "Ông Văn Tùng", "Ông Thị Mai" and "Ông Ích Khiêm" are people whose family name is
   Ông. After a form of address followed by a comma or a dash, only a known family name
   will do ("Ông Anh - Phó trưởng đoàn" is Ông Anh, with a note). When the whole run cannot
   go, the longest part of it that can goes ("Đại tá Ông Văn Tùng" → "Đại tá" + "Ông Văn
   Tùng"), but a name never starts with a title ("GS.TS. Hùng" keeps both). A bullet before
   it all ("- Đ/c …") is dropped.
3. **Role note**: whatever follows the name after "(", a comma or semicolon, a dash with a
   space beside it (" - ", " – ") or a "*". Names never hold these, so any such note is taken,
   known or not: "(Trưởng đoàn)", "- Phó trưởng đoàn", "(dự khuyết)", "(nữ)", "*", "(*)".
   Each note is kept as typed without its brackets or dash; several are joined with "; ";
   "*" and "(*)" are both "*". A bracket before the name ("(Trưởng đoàn) Lê Văn An") is a
   note too. A gender note such as "(nữ)" is a note like any other: the importer decides
   whether it fills an empty gender column. A full stop after the name goes.
4. **Case**: a name typed ALL IN CAPITALS is stored in title case, letter by letter
   ("ĐẶNG THỊ K'GIẮC" → "Đặng Thị K'Giắc"), and ``cased`` says so. A name with any lower-case
   letter is never re-cased ("McDonald", "La Văn Cầu", "Y Thanh Hà Niê Kđăm").

Everything returned is NFC. ``split_name`` is idempotent on the name it returns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from data.text import clean, strip_controls

# ------------------------------------------------------------------------------ cleaning
# Characters that draw nothing and split nothing: typed by input tools or pasted from the web,
# they make "Nguyễn\u200bVăn" differ from "NguyễnVăn" without anyone seeing why.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u00ad"  # soft hyphen
        "\u034f"  # combining grapheme joiner: also stops a tone composing with its letter
        "\u061c"  # Arabic letter mark
        "\u180e"  # Mongolian vowel separator (a space before Unicode 6.3, not one now)
        "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner
        "\u200e\u200f"  # left-to-right and right-to-left marks
        "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
        "\ufeff",  # byte order mark / zero-width no-break space
    )
)
# Marks that change the vowel's shape (â ê ô, ă, ơ ư) and tones. Unicode gives circumflex,
# breve and the five tones but dot below the same combining class, so NFC keeps them in the
# order typed and "e" + tilde + circumflex never becomes "ễ".
_SHAPE_MARKS = frozenset("\u0302\u0306\u031b")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


@lru_cache(maxsize=1 << 16)  # pure, and asked again for every split-name part
def clean_name(text: str) -> str:
    """``text`` cleaned the way :func:`split_name` cleans a cell before reading it.

    :func:`data.text.clean`, plus: invisible characters removed (U+200B, U+200C, U+200D,
    U+2060, U+FEFF, U+00AD and a few more), and a tone typed before the hat, breve or horn
    moved after it so the letter composes ("Nguye\u0303\u0302n" → "Nguyễn").
    """
    return _clean_name(text if isinstance(text, str) else str(text))


_COMBINING = re.compile("[\u0300-\u036f]")
"""Combining diacritics: a composed (NFC) text without any has no marks to put in order."""


@lru_cache(maxsize=1 << 14)
def _clean_name(text: str) -> str:
    if not text.isascii():
        text = strip_controls(text).translate(_INVISIBLE)
        if _COMBINING.search(unicodedata.normalize("NFC", text)):
            text = _order_marks(text)
    return clean(text)


def _order_marks(text: str) -> str:
    """Decompose, then put each letter's shape mark before its tone mark."""
    decomposed = unicodedata.normalize("NFD", text)
    out: list[str] = []
    marks: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            marks.append(ch)
            continue
        out.extend(_shape_first(marks))
        marks.clear()
        out.append(ch)
    out.extend(_shape_first(marks))
    return "".join(out)


def _shape_first(marks: list[str]) -> list[str]:
    if len(marks) < 2 or not (_SHAPE_MARKS.intersection(marks) and _TONE_MARKS.intersection(marks)):
        return marks
    return sorted(marks, key=lambda m: m not in _SHAPE_MARKS)  # stable: others keep their order


# ------------------------------------------------------------------------------ word lists
HONORIFICS: tuple[str, ...] = (
    # Party and state address
    "Đồng chí", "Đ/c", "Đ/chí", "Đ.c", "Đc", "Ông/Bà",
    # Army and police ranks (both tone placements of "úy")
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
    "Đô đốc", "Phó Đô đốc", "Chuẩn Đô đốc",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Đại uý", "Thượng úy", "Thượng uý", "Trung úy", "Trung uý",
    "Thiếu úy", "Thiếu uý", "Chuẩn úy", "Chuẩn uý",
    "Thượng sĩ", "Trung sĩ", "Hạ sĩ", "Binh nhất", "Binh nhì",
    # Degrees and academic titles, abbreviated: chained as typed ("GS.TS.", "PGS.TS", "TS.BS",
    # "BS.CKII") because each part is matched on its own
    "GS", "PGS", "TSKH", "TS", "ThS", "Th.S", "BSCKI", "BSCKII", "BSCK1", "BSCK2", "CKI",
    "CKII", "BS", "DS", "CN", "KS", "KTS", "LS",
    # ... and spelled out
    "Giáo sư", "Phó Giáo sư", "Tiến sĩ khoa học", "Tiến sĩ", "Tiến sỹ", "Thạc sĩ", "Thạc sỹ",
    "Bác sĩ chuyên khoa I", "Bác sĩ chuyên khoa II", "Bác sĩ", "Bác sỹ", "Dược sĩ", "Dược sỹ",
    "Cử nhân", "Kỹ sư", "Kĩ sư", "Kiến trúc sư", "Luật sư",
    # Honorary titles of the state (Luật Thi đua, khen thưởng art. 9, item 3)
    "NGND", "NGƯT", "NSND", "NSƯT", "TTND", "TTƯT", "NNND", "NNƯT", "AHLĐ", "AHLLVTND",
    "Nhà giáo nhân dân", "Nhà giáo ưu tú", "Thầy thuốc nhân dân", "Thầy thuốc ưu tú",
    "Nghệ sĩ nhân dân", "Nghệ sĩ ưu tú", "Nghệ nhân nhân dân", "Nghệ nhân ưu tú",
    "Anh hùng Lao động", "Anh hùng Lực lượng vũ trang nhân dân", "Anh hùng LLVTND",
    "Anh hùng LLVT", "Bà mẹ Việt Nam anh hùng", "Mẹ Việt Nam anh hùng",
    # Religious dignitaries (delegates of the religions)
    "Hòa thượng", "Hoà thượng", "Thượng tọa", "Thượng toạ", "Đại đức", "Ni trưởng", "Ni sư",
    "Sư cô", "Linh mục", "Giám mục", "Mục sư",
)  # fmt: skip
"""Titles taken off the front of a name whenever at least two words are left."""

ADDRESS_WORDS: tuple[str, ...] = (
    "Ông", "Bà", "Anh", "Chị", "Em", "Cô", "Thầy", "Cụ", "Bác", "Cháu",
)  # fmt: skip
"""Forms of address that are also words of names ("Ông" is a family name): taken off only
when the word after them starts a name (see the module docstring)."""

FAMILY_NAMES: frozenset[str] = frozenset(
    w.lower()
    for w in (
        # Kinh, most frequent first
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
        "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đoàn", "Đinh", "Trịnh", "Trương", "Tạ",
        "Lưu", "Tô", "Cao", "Mai", "Hà", "Lâm", "Lương", "Chu", "Châu", "Quách", "Tăng",
        "Thái", "Tôn", "Từ", "Tống", "Kiều", "Khúc", "Khổng", "Khương", "Khuất", "La", "Lại",
        "Lã", "Lục", "Mạc", "Mạch", "Ma", "Nông", "Lăng", "Vi", "Vy", "Mông", "Triệu", "Diệp",
        "Lỷ", "Lam", "Bạch", "Đàm", "Bàn", "Phùng", "Chảo", "Vàng", "Giàng", "Sùng", "Lầu",
        "Mùa", "Thào", "Hầu", "Lộc", "Ông", "Bà", "Âu", "Doãn", "Dư", "Giáp", "Hạ", "Hán",
        "Hàn", "Hình", "Hứa", "Kha", "Kim", "Lữ", "Mã", "Mẫn", "Nghiêm", "Ninh", "Nhâm",
        "Ôn", "Phí", "Quan", "Quản", "Sầm", "Tiêu", "Thân", "Thạch", "Tiết", "Trình",
        "Tưởng", "Ứng", "Vương", "Viên", "Xa", "Cù", "Cung", "Chế", "Chử", "Đồng", "Đường",
        "Đới", "Đậu", "Điêu", "Lỗ", "Lò", "Lường", "Nhữ", "Quàng", "Thiều", "Tòng", "Bế",
        "Bạc", "Bồ", "Cầm", "Cấn", "Chương", "Lạc", "Nhan", "Tẩn",
        "Phàn", "Sèn", "Lù", "Vừ", "Hờ", "Sồng", "Thích",
        # Central Highlands and the South: family names or the words that open a name
        "Điểu", "Ksor", "Siu", "Rơ", "Nay", "Niê", "Kpă", "Rmah", "Rahlan", "Ka", "Y",
    )
)  # fmt: skip
"""Family names (lower case) that, after "Ông" or "Bà", show the word was a form of address.
"Văn" is deliberately absent: after "Ông" it is read as a middle name ("Ông Văn Tùng"); so is
"Phó", which opens notes ("Phó trưởng đoàn") far more often than names."""

_COMPOUND_FAMILY = ("công tằng tôn nữ", "công tôn nữ", "tôn nữ", "tôn thất", "âu dương")

MIDDLE_NAMES: frozenset[str] = frozenset(
    w.lower()
    for w in (
        "Văn", "Thị", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Ngọc", "Mạnh", "Thanh", "Công",
        "Đình", "Tiến", "Trọng", "Anh", "Duy", "Việt", "Quốc", "Thu", "Diệu", "Hồng", "Thúy",
        "Thuý", "Thùy", "Thuỳ", "Lan", "Bích", "Bá", "Khắc", "Thế", "Ích", "Như", "Huy",
        "Gia", "Bảo", "Nhật", "Tuấn", "Chí", "Trung", "Thành", "Hoài", "Thiện", "Vĩnh",
        "Hải", "Đăng", "Tấn", "Tất", "Sỹ", "Sĩ", "Phú", "Nam", "Thục", "Mỹ", "Cẩm", "Phương",
    )
)  # fmt: skip
"""Common middle names (lower case): after "Ông"/"Bà" they mean the word was a family name."""


def _alternatives(words: tuple[str, ...]) -> str:
    # Longest first, so "Bà mẹ Việt Nam anh hùng" wins over "Bà" and "PGS" over "GS".
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# A title, an optional dot, and then no letter or digit (unless the dot ended it: "TS.Nguyễn").
_TITLE = re.compile(
    rf"(?:(?P<title>{_alternatives(HONORIFICS)})|(?P<address>{_alternatives(ADDRESS_WORDS)}))"
    r"(?:\.|(?!\w))",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]+")
_TITLE_SEP = re.compile(r"[\s,;:/&+\-–—]*")
_BULLET = re.compile(r"^[\s,;:\-–—•·+*]+")  # a list's bullet, a stray separator
# Where a note starts: a bracket, a comma or semicolon, a star, a dash with a space beside it.
_NOTE_START = re.compile(r"[(\[,;*]|\s[-–—]|[-–—]\s")
_CLOSE = {"(": ")", "[": "]"}
_NOTE_TRIM = " .,;:-–—"
_NAME_TRIM = " ,;:-–—"
# A word made of titles only ("TS.", "GS.TS."): its dot is no full stop.
_TITLES_ONLY = re.compile(rf"(?:{_TITLE.pattern})+", re.IGNORECASE)
# Abbreviated titles, kept in capitals when a name that still holds one is re-cased.
_ABBREVIATIONS = frozenset(
    w.lower() for w in HONORIFICS if _LETTERS.fullmatch(w) and w != w.title()
)


# ------------------------------------------------------------------------------ the result
@dataclass(frozen=True)
class NameParts:
    """A name cell taken apart by :func:`split_name`."""

    name: str
    """The person's name, NFC, spelled as typed; title-cased only if typed in capitals."""
    honorific: str
    """The titles typed before the name, as typed ("Đại tá, TS.", "Ông", "gs.ts"), or ""."""
    role: str
    """The note typed after the name, without brackets or dash ("Trưởng đoàn", "*"), or "".
    Several notes are joined with "; "."""
    original: str
    """The cell exactly as it was read, for the import report."""
    cased: bool
    """True when the name was typed ALL IN CAPITALS and ``name`` holds it re-cased."""


# ------------------------------------------------------------------------------ the functions
@lru_cache(maxsize=1 << 16)  # a list repeats names; the importer asks 3-5 times per row
def split_name(full: str) -> NameParts:
    """Split a name cell into the name, the honorific before it and the note after it.

    ``split_name("Đại tá, TS. NGUYỄN VĂN AN (Trưởng đoàn)")`` gives name "Nguyễn Văn An",
    honorific "Đại tá, TS.", role "Trưởng đoàn", cased True. The rules are in the module
    docstring; in short, a title goes only when two words of name are left, and "Ông"/"Bà"
    only when a name starts after them ("Ông Văn Tùng" is a name).
    """
    original = full if isinstance(full, str) else ("" if full is None else str(full))
    name, honorific, role = _split(clean_name(original))
    recased = _recase(name)
    return NameParts(
        name=recased, honorific=honorific, role=role, original=original, cased=recased != name
    )


def join_parts(*parts: str) -> str:
    """Join split-name columns into one name: "Họ và tên đệm" + "Tên", or "Họ" + "Tên đệm" +
    "Tên". Each part is cleaned (:func:`clean_name`), empty ones are skipped, and every part
    is kept: ``join_parts("Công Tằng Tôn Nữ", "Thị Phương", "Thảo")`` is
    "Công Tằng Tôn Nữ Thị Phương Thảo"."""
    return " ".join(p for p in (clean_name("" if part is None else part) for part in parts) if p)


def same_name(a: str, b: str) -> bool:
    """Whether two cells name people with exactly the same name: the names :func:`split_name`
    finds are the same NFC string. Honorifics, notes, invisible characters, spacing, the order
    of typed marks and ALL CAPS make no difference; any letter, mark or tone does, because it
    may be another person: "Nguyễn Thị Thúy" is not "Nguyễn Thị Thủy". Never folded, so tone
    placement counts too ("Thúy" is not "Thuý"): use :func:`data.text.fold` to find names
    that *may* be the same."""
    return split_name(a).name == split_name(b).name


# ------------------------------------------------------------------------------ internals
@lru_cache(maxsize=1 << 14)
def _split(text: str) -> tuple[str, str, str]:
    """(name, honorific, role) of a cleaned cell; the name not yet re-cased."""
    text = _BULLET.sub("", text)
    # Each title: (where it starts, where it ends, whether it is a form of address, where the
    # words after it start).
    titles: list[tuple[int, int, bool, int]] = []
    leading: list[str] = []  # a note typed before the name: "(Trưởng đoàn) Nguyễn Văn An"
    pos = 0
    while True:
        if text[pos : pos + 1] in _CLOSE:
            group = _note_items(text[pos:])[0]
            leading.append(group)
            after = text[pos + len(group) :]
            text = text[:pos] + after[_skip_separators(after, 0) :]
            continue
        m = _TITLE.match(text, pos)
        if m is None:
            break
        pos = _skip_separators(text, m.end())
        titles.append((m.start(), m.end(), m.group("address") is not None, pos))
    lead = "".join(leading)
    # The longest run of titles that leaves a plausible name goes. A separator after a title
    # that stays is part of the name or starts the note ("Ông Anh - Trưởng đoàn"), so where
    # the note starts depends on where the name does.
    for k in range(len(titles), 0, -1):
        if k < len(titles) and not titles[k][2]:
            continue  # a name never starts with a title ("GS.TS. Hùng" keeps both)
        _, end, address, name_start = titles[k - 1]
        note_at = _note_start(text, name_start)
        name = _trim(text[name_start:note_at])
        # After a word of names, a comma or dash more likely starts a note ("Ông Anh - Phó
        # trưởng đoàn"): only a known family name after it makes the word a title.
        strict = address and bool(text[end:name_start].strip())
        if _plausible(name, address, strict):
            return name, text[titles[0][0] : end], _notes(lead + text[note_at:])
    note_at = _note_start(text, 0)
    return _trim(text[:note_at]), "", _notes(lead + text[note_at:])


def _trim(name: str) -> str:
    """``name`` without the separators around it or a full stop after it ("Nguyễn Văn An.");
    the dot of a title left in the name stays ("TS.")."""
    name = _BULLET.sub("", name).rstrip(_NAME_TRIM)
    while name.endswith(".") and not _TITLES_ONLY.fullmatch(name.rsplit(" ", 1)[-1]):
        name = name[:-1].rstrip(_NAME_TRIM)
    return name


def _skip_separators(text: str, pos: int) -> int:
    return _TITLE_SEP.match(text, pos).end()  # type: ignore[union-attr]  # it matches "" too


def _note_start(text: str, start: int) -> int:
    """Where the note after the name starts, or ``len(text)`` if there is none."""
    m = _NOTE_START.search(text, start)
    return m.start() if m else len(text)


def _notes(text: str) -> str:
    """The notes after a name, each without its brackets or dash, joined with "; "."""
    items = []
    for raw in _note_items(text):
        item = raw
        if item[0] in _CLOSE:  # a bracket: only its own pair goes ("(Phó đoàn (kiêm))")
            item = item[1:-1] if item[-1] == _CLOSE[item[0]] else item[1:]
        item = " ".join(item.strip(_NOTE_TRIM).split())
        if item.strip("*") == "" and "*" in raw:  # "*", "**", "(*)": the list's mark
            item = "*"
        if item:
            items.append(item)
    return "; ".join(items)


def _note_items(text: str) -> list[str]:
    """``text`` cut into bracketed groups (balanced, or to the end), runs of "*", and the
    pieces between commas and semicolons."""
    items: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch, j = text[i], i + 1
        if ch in _CLOSE:
            depth = 1
            while j < n and depth:
                depth += {ch: 1, _CLOSE[ch]: -1}.get(text[j], 0)
                j += 1
        elif ch == "*":
            while j < n and text[j] == "*":
                j += 1
        elif ch not in ",;":
            while j < n and text[j] not in "([*,;":
                j += 1
        items.append(text[i:j])
        i = j
    return [item for item in items if item.strip(" ,;")]


def _plausible(name: str, after_address: bool, strict: bool = False) -> bool:
    """Whether ``name`` can be what is left once a title is taken off; after a form of
    address, whether a name starts there (``strict``: with a known family name)."""
    words = name.split()
    if len(words) < 2 or not all(_LETTERS.search(w) for w in words):
        return False
    if not after_address:
        return True
    first = words[0].lower()
    lowered = " ".join(words).lower()
    return (
        first in FAMILY_NAMES
        or any(lowered.startswith(c + " ") for c in _COMPOUND_FAMILY)
        or first.startswith(("h'", "h’"))
        or (not strict and len(words) >= 3 and first not in MIDDLE_NAMES)
    )


def _recase(name: str) -> str:
    """``name`` in title case if it has no lower-case letter, else unchanged. Each run of
    letters is capitalised ("K'GIẮC" → "K'Giắc"), but for abbreviated titles ("TS")."""
    if name == name.lower() or name != name.upper():
        return name
    return unicodedata.normalize("NFC", _LETTERS.sub(_title_word, name))


def _title_word(m: re.Match[str]) -> str:
    word = m.group()
    return word if word.lower() in _ABBREVIATIONS else word[0] + word[1:].lower()
