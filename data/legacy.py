"""Legacy Vietnamese encodings (TCVN3, VNI-Windows) inside Unicode workbooks, back to Unicode.

Lists compiled from older files keep rows typed in the 1990s fonts: TCVN3 (ABC, fonts named
".VnTime", ".VnArial" …) and VNI-Windows (fonts named "VNI-Times", "VNI-Helve" …). Both are
8-bit font tricks, not encodings Windows knows, so Excel stored their bytes as the Western
(cp1252) characters of the same positions: "Nguyễn Cẩm Lan" typed in .VnTime is stored as
"NguyÔn CÈm Lan", and in VNI-Times "Trần Văn Đức Hiệp" is stored as "Traàn Vaên Ñöùc Hieäp".
This module finds such cells and gives back the text the unit saw on its screen.

- :func:`decode` turns text known to be in one encoding into Unicode NFC.
- :func:`detect` decides, cell by cell, whether a text is in a legacy encoding at all: from the
  cell's font when there is one, otherwise by whether the decoded words are Vietnamese
  syllables and the stored ones are not (:func:`is_syllable`).
- :func:`convert` does both and says what it did, so the importer can report
  "N cells converted from TCVN3".
- :func:`encode` is the inverse, for tests and sample files.

Where the tables come from: TCVN 5712:1993 VN3 (the ".Vn" fonts) keeps ASCII and adds the 67
lower-case letters, the 7 capitals without tone (Ă Â Ê Ô Ơ Ư Đ) and the no-break space; a
capital with a tone is written with the lower-case code in an all-capital font whose name ends
in "H" (".VnTimeH"). VNI-Windows writes a letter as its ASCII base followed by one mark
character (the mark's case follows the base's), with single characters for the i's with tones,
ỵ, đ, ơ and ư. Both tables below agree entry by entry with Pham Kim Long's VnConv tables in
UniKey (``unikey/data.cpp``: TCVN3 and VNI-WIN, all 186 letters in both cases); the TCVN3 one
also with the TCVN 5712 table of libiconv and XFree86 (``tcvn.h``, positions 0xA0-0xFF), the
VNI one with the ``vietnamese-conversion`` package's 2021 list. ``tests/data/test_legacy.py``
checks them against those tables, known words and round trips of every letter and tone.

Convert a cell before :func:`data.text.clean`: clean turns "Ð" into "Đ", but in TCVN3 "Ð" is
é; and TCVN3's ư is 0xAD, the soft hyphen, which nothing may strip first.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

TCVN3 = "tcvn3"
"""TCVN3 (ABC) in a regular font such as .VnTime: the codes are lower-case letters."""
TCVN3_UPPER = "tcvn3-upper"
"""TCVN3 in an all-capital font such as .VnTimeH: the same codes, drawn as capitals."""
VNI = "vni"
"""VNI-Windows (VNI-Times, VNI-Helve …): base letter followed by a mark character."""
ENCODINGS = (TCVN3, TCVN3_UPPER, VNI)
"""Every encoding :func:`decode` knows, in the order :func:`detect` prefers them on a tie."""

# ------------------------------------------------------------------------------ the tables
# The five tones in the order of both tables below: sắc, huyền, hỏi, ngã, nặng.
_TONES = "\u0301\u0300\u0309\u0303\u0323"

# TCVN3: vowel → its codes with sắc, huyền, hỏi, ngã, nặng (latin-1 characters of the bytes).
_TCVN3_TONED = {
    "a": "\xb8\xb5\xb6\xb7\xb9",
    "ă": "\xbe\xbb\xbc\xbd\xc6",
    "â": "\xca\xc7\xc8\xc9\xcb",
    "e": "\xd0\xcc\xce\xcf\xd1",
    "ê": "\xd5\xd2\xd3\xd4\xd6",
    "i": "\xdd\xd7\xd8\xdc\xde",
    "o": "\xe3\xdf\xe1\xe2\xe4",
    "ô": "\xe8\xe5\xe6\xe7\xe9",
    "ơ": "\xed\xea\xeb\xec\xee",
    "u": "\xf3\xef\xf1\xf2\xf4",
    "ư": "\xf8\xf5\xf6\xf7\xf9",
    "y": "\xfd\xfa\xfb\xfc\xfe",
}
# TCVN3: the letters without tone that ASCII lacks, capitals included.
_TCVN3_PLAIN = {
    "Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5", "Ư": "\xa6", "Đ": "\xa7",
    "ă": "\xa8", "â": "\xa9", "ê": "\xaa", "ô": "\xab", "ơ": "\xac", "ư": "\xad", "đ": "\xae",
}  # fmt: skip

# VNI-Windows: the mark characters after a base vowel, lower case then upper case.
_VNI_TONE = ("\xf9\xf8\xfb\xf5\xef", "\xd9\xd8\xdb\xd5\xcf")  # ù ø û õ ï / Ù Ø Û Õ Ï
_VNI_HAT = ("\xe2", "\xc2")  # â / Â: the circumflex of â ê ô
_VNI_HAT_TONE = ("\xe1\xe0\xe5\xe3\xe4", "\xc1\xc0\xc5\xc3\xc4")  # á à å ã ä: circumflex + tone
_VNI_BREVE = ("\xea", "\xca")  # ê / Ê: the breve of ă
_VNI_BREVE_TONE = ("\xe9\xe8\xfa\xfc\xeb", "\xc9\xc8\xda\xdc\xcb")  # é è ú ü ë: breve + tone
# VNI-Windows: letters written as one character of their own, lower case then upper case.
_VNI_SINGLE = {
    "đ": "\xf1", "Đ": "\xd1", "ơ": "\xf4", "Ơ": "\xd4", "ư": "\xf6", "Ư": "\xd6",
    "í": "\xed", "Í": "\xcd", "ì": "\xec", "Ì": "\xcc", "ỉ": "\xe6", "Ỉ": "\xc6",
    "ĩ": "\xf3", "Ĩ": "\xd3", "ị": "\xf2", "Ị": "\xd2", "ỵ": "\xee", "Ỵ": "\xce",
}  # fmt: skip


def _toned(letter: str, tone: int) -> str:
    """``letter`` with the tone at index ``tone`` of :data:`_TONES`, precomposed."""
    return unicodedata.normalize("NFC", letter + _TONES[tone])


def _tcvn3_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(code → letter, letter → code) for TCVN3; capitals with a tone encode to the lower code."""
    to_unicode: dict[str, str] = {}
    for vowel, codes in _TCVN3_TONED.items():
        for tone, code in enumerate(codes):
            to_unicode[code] = _toned(vowel, tone)
    for letter, code in _TCVN3_PLAIN.items():
        to_unicode[code] = letter
    to_legacy = {letter: code for code, letter in to_unicode.items()}
    for code, letter in list(to_unicode.items()):
        if letter.upper() not in to_legacy:  # Á has no code: the H fonts draw á's code as Á
            to_legacy[letter.upper()] = code
    return to_unicode, to_legacy


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(sequence → letter, letter → sequence) for VNI-Windows, both cases."""
    pairs: list[tuple[str, str]] = []  # (letter, sequence) in lower case, then upper case
    for case in (0, 1):
        for base, vowel in (*zip("aeouy", "aeouy"), ("\xf4", "ơ"), ("\xf6", "ư")):
            pairs += [(_toned(vowel, t), base + _VNI_TONE[case][t]) for t in range(5)]
        for base in "aeo":  # â ê ô
            hatted = unicodedata.normalize("NFC", base + "\u0302")
            pairs.append((hatted, base + _VNI_HAT[case]))
            pairs += [(_toned(hatted, t), base + _VNI_HAT_TONE[case][t]) for t in range(5)]
        pairs.append(("ă", "a" + _VNI_BREVE[case]))
        pairs += [(_toned("ă", t), "a" + _VNI_BREVE_TONE[case][t]) for t in range(5)]
    # The base takes the case of its mark: lower-case pairs come first, then upper-case ones.
    half = len(pairs) // 2
    to_legacy = {letter: sequence for letter, sequence in pairs[:half]}
    to_legacy |= {letter.upper(): s[0].upper() + s[1:] for letter, s in pairs[half:]}
    to_legacy |= _VNI_SINGLE  # ỵ is "î", not y + nặng
    return {sequence: letter for letter, sequence in to_legacy.items()}, to_legacy


_TCVN3_DECODE, _TCVN3_ENCODE = _tcvn3_tables()
_VNI_DECODE, _VNI_ENCODE = _vni_tables()
_TCVN3_TRANSLATE = str.maketrans(_TCVN3_DECODE)
_TCVN3_ENCODE_TRANSLATE = str.maketrans(_TCVN3_ENCODE)
# Longest first, so "aø" is taken whole before "a" could stand alone.
_VNI_SEQUENCE = re.compile(
    "|".join(re.escape(s) for s in sorted(_VNI_DECODE, key=len, reverse=True))
)

# ------------------------------------------------------------------------------ fonts
_FONT_PREFIXES = ((".vn", TCVN3), ("vni-", VNI), ("vni ", VNI))


def font_encoding(font: str | None) -> str | None:
    """The encoding a cell's font name implies, or None for any other font.

    ".VnTime", ".VnArial" … are TCVN3; when the name ends in "H" (".VnTimeH", ".VnArialH") the
    font draws every code as a capital, which is :data:`TCVN3_UPPER`. "VNI-Times",
    "VNI-Helve" … are VNI-Windows. A Unicode font says nothing: compiled lists often show legacy
    text in Times New Roman, which is exactly the garbage this module exists for.
    """
    if not font:
        return None
    name = font.strip()
    for prefix, encoding in _FONT_PREFIXES:
        if name.lower().startswith(prefix):
            if encoding == TCVN3 and name.endswith("H"):
                return TCVN3_UPPER
            return encoding
    return None


# ------------------------------------------------------------------------------ decode
def decode(text: str, encoding: str) -> str:
    """``text`` stored in ``encoding`` ("tcvn3", "tcvn3-upper" or "vni") as Unicode NFC.

    Characters that are not codes of the encoding stay as they are: ASCII, digits, cp1252
    punctuation such as "–". "tcvn3-upper" is what an all-capital .VnTimeH cell showed, so the
    whole text comes out in capitals.
    """
    if encoding == TCVN3:
        decoded = text.translate(_TCVN3_TRANSLATE)
    elif encoding == TCVN3_UPPER:
        decoded = text.translate(_TCVN3_TRANSLATE).upper()
    elif encoding == VNI:
        decoded = _VNI_SEQUENCE.sub(lambda m: _VNI_DECODE[m.group()], text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    return unicodedata.normalize("NFC", decoded)


def encode(text: str, encoding: str) -> str:
    """``text`` as a cell typed in ``encoding`` would store it: the inverse of :func:`decode`.

    TCVN3 has no codes for capitals with a tone; like UniKey, both "tcvn3" and "tcvn3-upper"
    write them with the lower-case code, which only an all-capital (…H) font draws as the
    capital. So ``decode(encode(x, "tcvn3"), "tcvn3") == x`` for text without such capitals, and
    ``decode(encode(x, "tcvn3-upper"), "tcvn3-upper") == x`` for text in capitals.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding in (TCVN3, TCVN3_UPPER):
        return text.translate(_TCVN3_ENCODE_TRANSLATE)
    if encoding == VNI:
        return "".join(_VNI_ENCODE.get(ch, ch) for ch in text)
    raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")


# ------------------------------------------------------------------------------ syllables
_ONSETS = sorted(
    "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph q r s t th tr v x".split() + [""],
    key=len,
    reverse=True,
)
_RIMES = frozenset(
    """
    a ai ao au ay ac ach am an ang anh ap at
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e eo ec em en eng ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
    o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
    oe oen oeo oet oi oc om on ong op ot ooc oong
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uân uâng uât uây uc ui um un ung up ut uê uêch uênh uơ uy uya uych uyên uyêt
    uynh uyt uyu uôc uôi uôm uôn uông uôt
    ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
    y yêm yên yêng yêt yêu
    """.split()
)
_FRONT = ("e", "ê", "i", "y")  # where c, g, ng are written k, gh, ngh
_STOPS = ("c", "ch", "p", "t")  # finals after which only sắc and nặng are possible
# Rimes few words have: between two readings that both make syllables, the one that needs
# these is the less likely ("Khoâng" is VNI "Không", not TCVN3 "Khoõng").
_RARE_RIMES = frozenset(
    "oong ooc oao oap oam oăm oăc oen oet oeo uơ uych uyu uya uêch uênh uâng ưn ươu yêng eng ec".split()
)
_LETTERS = frozenset("abcdeghiklmnopqrstuvxyăâêôơưđ")
_VOWELS = frozenset("aeiouy")
_MODIFIERS = frozenset("\u0302\u0306\u031b")  # circumflex, breve, horn: part of the letter


def _rime_fits(onset: str, rime: str) -> bool:
    """Whether ``rime`` may follow ``onset`` in Vietnamese spelling."""
    if onset == "q":  # qu-: the u belongs to the rime here ("qua", "quốc", "quyên")
        return rime.startswith("u") and (rime in _RIMES or "o" + rime[1:] in _RIMES)
    if rime not in _RIMES:
        return False
    front = rime.startswith(_FRONT)
    if onset in ("c", "ng"):
        return not front
    if onset == "g":  # "gì", "giếng" are g + i…; "ge" is written "ghe"
        return not rime.startswith(("e", "ê"))
    if onset in ("k", "gh", "ngh"):
        return front and (onset == "k" or not rime.startswith("y"))
    if onset == "gi":
        return not rime.startswith("i")
    if rime.startswith("y") and len(rime) > 1:  # "yên" only stands alone ("tiên", "quyên")
        return onset == ""
    return True


def _tone_fits(onset: str, rime: str, at: int) -> bool:
    """Whether a tone on the letter at index ``at`` of ``rime`` is where Vietnamese puts it.

    On the vowel with a hat, breve or horn (ơ in "ươ"); else on the last vowel before a final
    ("hoàng"); else on the middle one of three ("hoài"), either of "oa", "oe", "uy" (old "hòa",
    new "hoà") and the first of any other pair ("hàu", never "haù").
    """
    if onset == "q":  # the u of qu- is the onset's: "quý", "quá"
        return at > 0 and _tone_fits("", rime[1:], at - 1)
    vowels = len(rime) - len(rime.lstrip("aăâeêioôơuưy"))
    nucleus = rime[:vowels]
    if at >= vowels:
        return False
    marked = [i for i, ch in enumerate(nucleus) if ch in "ăâêôơư"]
    if marked:
        return at == marked[-1]
    if vowels < len(rime) or vowels == 1:
        return at == vowels - 1
    if vowels == 3:
        return at == 1
    return at == 0 or nucleus in ("oa", "oe", "uy")


def is_syllable(word: str) -> bool:
    """Whether ``word`` is one well-formed Vietnamese syllable.

    Onset, rime and tone must fit Vietnamese spelling: a known rime after an onset that may
    precede it (k/gh/ngh before e ê i, c/g/ng elsewhere), at most one tone, on the vowel that
    carries it (old and new placement, "hòa" and "hoà", both pass), only sắc or nặng before the
    stop finals c ch p t, and the word in lower case, Title case or capitals. This is what tells
    "Thíi" (TCVN3 for "Thới", and no Vietnamese word) from "Thới".
    """
    return _rime(word) is not None


@lru_cache(maxsize=1 << 14)
def _rime(word: str) -> str | None:
    """The rime (without tone) of ``word`` when it is a Vietnamese syllable, else None."""
    if not (word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())):
        return None
    tone, at = "", -1
    letters: list[str] = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONES:
            if tone or not letters or letters[-1][0] not in _VOWELS:
                return None
            tone, at = ch, len(letters) - 1
        elif ch in _MODIFIERS:
            if not letters:
                return None
            letters[-1] += ch
        else:
            letters.append(ch)
    base = unicodedata.normalize("NFC", "".join(letters))
    if len(base) != len(letters) or any(ch not in _LETTERS for ch in base):
        return None
    if tone and tone not in "\u0301\u0323" and base.endswith(_STOPS):
        return None
    for onset in _ONSETS:
        rime = base[len(onset) :]
        if (
            base.startswith(onset)
            and _rime_fits(onset, rime)
            and (not tone or _tone_fits(onset, rime, at - len(onset)))
        ):
            return rime
    return None


# ------------------------------------------------------------------------------ detect
# cp1252 puts punctuation (– — “ ” …) at 0x80-0x9F; anything else above U+00FF is Unicode.
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_NOT_LEGACY = re.compile("[^\x00-\xff" + re.escape(_CP1252_HIGH) + "]")
_INNER_CAPITAL = re.compile("[^\\s" + re.escape(string.punctuation) + "][A-Z]")
_ASCII_LOWER = re.compile("[a-z]")
_SPLIT = re.compile("[\\s0-9" + re.escape(string.punctuation + _CP1252_HIGH) + "]+")


def _words(text: str) -> list[str]:
    return [w for w in _SPLIT.split(text) if w]


def _score(text: str, decoded: str) -> tuple[int, int, int, int, int]:
    """(changed, valid before, valid after, rare, tones) over the words decoding changes.

    ``rare`` and ``tones`` count the rare rimes and the tone marks of the words that became
    syllables: between two encodings that explain a cell equally well, the one that needs
    fewer rare rimes and fewer tones is the likelier ("Höng" is VNI "Hưng", not TCVN3 "Hửng").
    """
    changed = before = after = rare = tones = 0
    for old, new in zip(_words(text), _words(decoded)):
        if old == new or old.isascii():
            continue  # an ASCII word holds no code: only "tcvn3-upper" changes it, to capitals
        changed += 1
        was = _rime(old) is not None
        rime = _rime(new)
        before += was
        after += rime is not None
        if rime is not None and not was:  # what tells two readings that both make sense apart
            rare += rime in _RARE_RIMES
            tones += sum(ch in _TONES for ch in unicodedata.normalize("NFD", new))
    return changed, before, after, rare, tones


def detect(text: str, font: str | None = None) -> str | None:
    """The legacy encoding ``text`` is stored in ("tcvn3", "tcvn3-upper", "vni"), or None.

    None for plain ASCII and for Unicode: a character above U+00FF outside cp1252's
    punctuation cannot come from a legacy font, and that settles most Vietnamese names at once
    ("Lý Minh Thới", "Đặng Thùy Trâm"). What is left is made of Western characters only.

    With a legacy ``font`` (:func:`font_encoding`) its encoding is taken unless decoding
    changes nothing or makes fewer words Vietnamese syllables than before (Unicode "Thùy"
    typed into a .VnTime cell would become "Thựy"); otherwise the text is read as the font
    drew it, so a Unicode "Tô Lâm" left in a .VnTime cell becomes "Tụ Lõm", as it showed.

    Without one, each encoding is tried and kept only when the words it changes become
    Vietnamese syllables (:func:`is_syllable`) that were not before, more of them than not:
    "NguyÔn" → "Nguyễn", "Thíi" → "Thới". Text that already reads as Vietnamese ("Tô Lâm",
    "Lê Thái") or as a foreign word ("Café", "José") is left alone, so a TCVN3 cell whose words
    all happen to look like Unicode ("Léc" for "Lộc") is missed without its font, and a
    foreign word that is also a legacy spelling ("Loïc", VNI for "Lọc") is taken for it.
    """
    if text.isascii() or _NOT_LEGACY.search(text):
        return None
    return _detect(text, font_encoding(font))


@lru_cache(maxsize=1 << 16)  # lists repeat their units, titles and categories thousands of times
def _detect(text: str, hinted: str | None) -> str | None:
    if hinted is not None:
        decoded = decode(text, hinted)
        if decoded == unicodedata.normalize("NFC", text):
            return None
        _, before, after, _, _ = _score(text, decoded)
        return hinted if after >= before else None
    # It takes a word of two characters or more that is no syllable as it stands: Unicode text
    # stops here, and so do symbols alone ("2 × 3", "© 2024"), which would decode to "ì", "â".
    if all(w.isascii() or len(w) == 1 or _rime(w) is not None for w in _words(text)):
        return None
    # Capitals typed around lower-case codes ("Hµ ANH S¥N") mean an all-capital (…H) font;
    # initials alone ("Vò Hµ") do not.
    caps = bool(_INNER_CAPITAL.search(text)) and not _ASCII_LOWER.search(text)
    best, best_key = None, (0, 0, 0)
    for encoding in (TCVN3_UPPER, TCVN3, VNI) if caps else ENCODINGS:
        changed, before, after, rare, tones = _score(text, decode(text, encoding))
        key = (after - before, -rare, -tones)
        if key[0] > 0 and 2 * after > changed and key > best_key:
            best, best_key = encoding, key
    return best


@dataclass(frozen=True)
class Converted:
    """One cell's text after :func:`convert`."""

    text: str
    """The text in Unicode NFC: decoded when it was legacy, otherwise as given (normalised)."""
    encoding: str | None
    """The encoding it was decoded from ("tcvn3", "tcvn3-upper", "vni"); None when unchanged."""


def convert(text: str, font: str | None = None) -> Converted:
    """``text`` in Unicode NFC and the legacy encoding it came from (see :func:`detect`).

    The importer calls this on every text cell with the cell's font name, and counts the cells
    whose ``encoding`` is not None to report "N cells converted from TCVN3".
    """
    if text.isascii():  # the usual cell: nothing to decode, nothing to normalise
        return Converted(text, None)
    encoding = detect(text, font)
    if encoding is None:
        return Converted(unicodedata.normalize("NFC", text), None)
    return Converted(decode(text, encoding), encoding)
