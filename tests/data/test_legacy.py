"""Legacy encodings: the tables against public ones, the examples of real lists, no misfires."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data import legacy
from data.legacy import (
    TCVN3,
    TCVN3_UPPER,
    VNI,
    Converted,
    convert,
    decode,
    detect,
    encode,
    font_encoding,
    is_syllable,
)
from data.synthetic import generate

TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
VOWELS = "aăâeêioôơuưy"
LOWER = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in ["", *TONES]] + ["đ"]
UPPER = [ch.upper() for ch in LOWER]
CAPITALS_WITHOUT_TONE = "ĂÂÊÔƠƯĐ"


def nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


# ------------------------------------------------------------------------------ the tables
# TCVN 5712:1993 (VN1), bytes 0xA0-0xFF, as libiconv's lib/tcvn.h and XFree86's
# TCVNtoUCS2.c give them. VN3 (TCVN3, the .Vn fonts) is the part of it made of lower-case
# letters and the seven capitals without tone; VN1's capitals with tone are not in VN3.
TCVN5712_A0 = [
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
]  # fmt: skip

# VNI-Windows for every Vietnamese letter, as UniKey's VNI-WIN table (unikey/data.cpp) and the
# vietnamese-conversion package's first charsets.ts (2021) give it. (That package's 2025
# rewrite maps Ỷ Ỹ ỷ ỹ to "Ë" "Ì" "ë" "ì", which are ặ's mark and the letter ì: a regression.)
VNI_PUBLIC = dict(
    pair.split("=")
    for pair in """
    À=AØ Á=AÙ Â=AÂ Ã=AÕ È=EØ É=EÙ Ê=EÂ Ì=Ì Í=Í Ò=OØ Ó=OÙ Ô=OÂ Õ=OÕ Ù=UØ Ú=UÙ Ý=YÙ à=aø á=aù
    â=aâ ã=aõ è=eø é=eù ê=eâ ì=ì í=í ò=oø ó=où ô=oâ õ=oõ ù=uø ú=uù ý=yù Ă=AÊ Đ=Ñ Ĩ=Ó Ũ=UÕ Ơ=Ô
    Ư=Ö ă=aê đ=ñ ĩ=ó ũ=uõ ơ=ô ư=ö Ạ=AÏ Ả=AÛ Ấ=AÁ Ầ=AÀ Ẩ=AÅ Ẫ=AÃ Ậ=AÄ Ắ=AÉ Ằ=AÈ Ẳ=AÚ Ẵ=AÜ Ặ=AË
    Ẹ=EÏ Ẻ=EÛ Ẽ=EÕ Ế=EÁ Ề=EÀ Ể=EÅ Ễ=EÃ Ệ=EÄ Ỉ=Æ Ị=Ò Ọ=OÏ Ỏ=OÛ Ố=OÁ Ồ=OÀ Ổ=OÅ Ỗ=OÃ Ộ=OÄ Ớ=ÔÙ
    Ờ=ÔØ Ở=ÔÛ Ỡ=ÔÕ Ợ=ÔÏ Ụ=UÏ Ủ=UÛ Ứ=ÖÙ Ừ=ÖØ Ử=ÖÛ Ữ=ÖÕ Ự=ÖÏ Ỳ=YØ Ỵ=Î Ỷ=YÛ Ỹ=YÕ ạ=aï ả=aû ấ=aá
    ầ=aà ẩ=aå ẫ=aã ậ=aä ắ=aé ằ=aè ẳ=aú ẵ=aü ặ=aë ẹ=eï ẻ=eû ẽ=eõ ế=eá ề=eà ể=eå ễ=eã ệ=eä ỉ=æ
    ị=ò ọ=oï ỏ=oû ố=oá ồ=oà ổ=oå ỗ=oã ộ=oä ớ=ôù ờ=ôø ở=ôû ỡ=ôõ ợ=ôï ụ=uï ủ=uû ứ=öù ừ=öø ử=öû
    ữ=öõ ự=öï ỳ=yø ỵ=î ỷ=yû ỹ=yõ
    """.split()
)


def test_tcvn3_is_the_vn3_part_of_tcvn_5712() -> None:
    vn3 = {
        chr(0xA0 + i): chr(cp)
        for i, cp in enumerate(TCVN5712_A0)
        if chr(cp).islower() or chr(cp) in CAPITALS_WITHOUT_TONE
    }
    assert len(vn3) == 67 + 7  # the standard's count: 67 lower-case letters, 7 capitals
    assert {code: decode(code, TCVN3) for code in vn3} == vn3
    # Every other position (VN1's capitals with tone, combining marks) is no TCVN3 code.
    for i in range(0x100 - 0xA0):
        code = chr(0xA0 + i)
        if code not in vn3:
            assert decode(code, TCVN3) == code
    letters = [ch for ch in LOWER + list(CAPITALS_WITHOUT_TONE) if not ch.isascii()]
    assert {encode(letter, TCVN3) for letter in letters} == set(vn3)


def test_vni_matches_the_public_table_for_every_letter() -> None:
    assert sorted(VNI_PUBLIC) == sorted(ch for ch in LOWER + UPPER if not ch.isascii())
    for letter, sequence in VNI_PUBLIC.items():
        assert encode(letter, VNI) == sequence, letter
        assert decode(sequence, VNI) == letter, sequence


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_every_lower_case_letter_with_every_tone_round_trips(encoding: str) -> None:
    letters = LOWER + list(CAPITALS_WITHOUT_TONE)
    for letter in letters:
        assert decode(encode(letter, encoding), encoding) == letter, letter
    assert len({encode(letter, encoding) for letter in letters}) == len(letters)  # no clash


@pytest.mark.parametrize("encoding", [TCVN3_UPPER, VNI])
def test_every_capital_with_every_tone_round_trips(encoding: str) -> None:
    for letter in UPPER:
        assert decode(encode(letter, encoding), encoding) == letter
    assert len({encode(letter, encoding) for letter in UPPER}) == len(UPPER)


def test_a_regular_tcvn3_font_has_no_capital_with_tone() -> None:
    # Like UniKey, "Á" is written with á's code: .VnTime draws it á, .VnTimeH draws it Á.
    assert encode("Á", TCVN3) == encode("á", TCVN3) == "\xb8"
    assert decode("\xb8", TCVN3) == "á" and decode("\xb8", TCVN3_UPPER) == "Á"
    assert decode(encode("Ánh", TCVN3), TCVN3) == "ánh"


def test_every_legacy_code_decodes_back_to_itself() -> None:
    for code, letter in legacy._TCVN3_DECODE.items():
        assert encode(letter, TCVN3) == code
    for sequence, letter in legacy._VNI_DECODE.items():
        assert encode(letter, VNI) == sequence
    assert len(legacy._TCVN3_DECODE) == 74 and len(legacy._VNI_DECODE) == 134


def test_whole_alphabet_text_round_trips_in_nfc() -> None:
    lower = " ".join(LOWER) + " bcdghklmnpqrstvx " + CAPITALS_WITHOUT_TONE
    upper = " ".join(UPPER) + " BCDGHKLMNPQRSTVX"
    for text, encoding in ((lower, TCVN3), (upper, TCVN3_UPPER), (lower, VNI), (upper, VNI)):
        back = decode(encode(text, encoding), encoding)
        assert back == text and nfc(back)
    # Decomposed input is encoded as its letters.
    assert encode(unicodedata.normalize("NFD", "Nguyễn"), TCVN3) == "NguyÔn"


# ------------------------------------------------------------------------------ known text
def test_the_examples_of_compiled_lists() -> None:
    assert convert("NguyÔn CÈm Lan") == Converted("Nguyễn Cẩm Lan", TCVN3)
    assert convert("Traàn Vaên Ñöùc Hieäp") == Converted("Trần Văn Đức Hiệp", VNI)
    assert convert("Hä vµ tªn") == Converted("Họ và tên", TCVN3)
    # Looks like a name, but "Thíi" is no Vietnamese syllable and TCVN3 "Thới" is.
    assert not is_syllable("Thíi") and is_syllable("Thới")
    assert convert("Lý Minh Thíi") == Converted("Lý Minh Thới", TCVN3)


def test_an_all_capital_vntimeh_heading() -> None:
    heading = "DANH SÁCH ĐẠI BIỂU"
    stored = "DANH S\xb8CH \xa7\xb9I BI\xd3U"  # "DANH S¸CH §¹I BIÓU": á ¸, Đ §, ạ ¹, ể Ó
    assert encode(heading, TCVN3_UPPER) == stored
    assert decode(stored, TCVN3_UPPER) == heading
    assert convert(stored, ".VnTimeH") == Converted(heading, TCVN3_UPPER)
    assert convert(stored) == Converted(heading, TCVN3_UPPER)  # capitals around the codes
    assert decode(stored, TCVN3) == "DANH SáCH ĐạI BIểU"  # what .VnTime would have shown
    assert convert("Hµ ANH S\xa5N") == Converted("HÀ ANH SƠN", TCVN3_UPPER)
    assert convert("Vò Hµ") == Converted("Vũ Hà", TCVN3)  # initials alone are not capitals


@pytest.mark.parametrize(
    "unicode,tcvn3,vni",
    [
        ("Việt Nam", "ViÖt Nam", "Vieät Nam"),
        ("Hà Nội", "Hµ Néi", "Haø Noäi"),
        ("Thái Nguyên", "Th¸i Nguyªn", "Thaùi Nguyeân"),
        ("Trường", "Tr\xadêng", "Tröôøng"),
        ("Đại hội", "§¹i héi", "Ñaïi hoäi"),
        ("Nguyễn", "NguyÔn", "Nguyeãn"),
        ("Hồ Chí Minh", "Hå ChÝ Minh", "Hoà Chí Minh"),
        ("Khen thưởng", "Khen th\xadëng", "Khen thöôûng"),
        ("Quyết định", "QuyÕt ®Þnh", "Quyeát ñònh"),
        ("Đặng Thùy Trâm", "§Æng Thïy Tr©m", "Ñaëng Thuøy Traâm"),
        ("Bảo Thắng", "B¶o Th¾ng", "Baûo Thaéng"),
        ("Mường Khương", "M\xadêng Kh\xad¬ng", "Möôøng Khöông"),
        ("Bát Xát", "B¸t X¸t", "Baùt Xaùt"),
        ("Xin chào các bạn", "Xin chµo c¸c b¹n", "Xin chaøo caùc baïn"),
        ("Chiến sĩ thi đua", "ChiÕn sÜ thi ®ua", "Chieán só thi ñua"),
        ("Phổ Yên", "Phæ Yªn", "Phoå Yeân"),
    ],
)
def test_known_words_both_ways(unicode: str, tcvn3: str, vni: str) -> None:
    # Lào Cai's place names and "Xin chào các bạn" are the examples public converters show.
    assert encode(unicode, TCVN3) == tcvn3 and decode(tcvn3, TCVN3) == unicode
    assert encode(unicode, VNI) == vni and decode(vni, VNI) == unicode
    assert convert(tcvn3, ".VnTime") == Converted(unicode, TCVN3)
    assert convert(vni, "VNI-Times") == Converted(unicode, VNI)
    assert detect(unicode) is None and detect(unicode, ".VnTime") is None


def test_between_two_legacy_readings_the_likelier_syllable_wins() -> None:
    assert convert("Coäng") == Converted("Cộng", VNI)  # TCVN3 "Coọng": a rare rime
    assert convert("Höng") == Converted("Hưng", VNI)  # TCVN3 "Hửng": a tone more
    assert convert("Khoâng") == Converted("Không", VNI)  # TCVN3 "Khoõng": both
    assert convert("Löu Hoàng Giang") == Converted("Lưu Hồng Giang", VNI)
    assert convert("Nöõ") == Converted("Nữ", VNI) and convert("N÷") == Converted("Nữ", TCVN3)


def test_the_soft_hyphen_is_a_letter() -> None:
    # TCVN3's ư is 0xAD, a soft hyphen in cp1252: nothing may strip it before converting.
    assert decode("\xad", TCVN3) == "ư"
    assert convert("Tr\xadêng THPT Chuyªn Th¸i Nguyªn").text == "Trường THPT Chuyên Thái Nguyên"


# ------------------------------------------------------------------------------ fonts
@pytest.mark.parametrize(
    "font,encoding",
    [
        (".VnTime", TCVN3),
        (".VnArial", TCVN3),
        (".VnArial Narrow", TCVN3),
        (".VnTimeH", TCVN3_UPPER),
        (".VnArialH", TCVN3_UPPER),
        (".VnArial NarrowH", TCVN3_UPPER),
        ("VNI-Times", VNI),
        ("VNI-Helve", VNI),
        ("vni-times", VNI),
        ("Times New Roman", None),
        ("Arial", None),
        ("Vni", None),
        ("", None),
        (None, None),
    ],
)
def test_font_names(font: str | None, encoding: str | None) -> None:
    assert font_encoding(font) == encoding


def test_a_font_is_a_strong_hint_not_a_command() -> None:
    # Ambiguous without the font ("Léc" reads as a syllable), decided by it.
    assert detect("Léc") is None and convert("Léc", ".VnTime") == Converted("Lộc", TCVN3)
    # Unicode pasted into a .VnTime cell stays Unicode: no legacy font holds "ễ".
    assert convert("Nguyễn Thị Ánh", ".VnTime") == Converted("Nguyễn Thị Ánh", None)
    # Decoding that makes fewer syllables is refused: "Thùy" would become "Thựy".
    assert convert("Thùy", ".VnTime") == Converted("Thùy", None)
    assert convert("Nguyen Van An", "VNI-Times") == Converted("Nguyen Van An", None)
    # A Unicode font says nothing: the bytes decide.
    assert convert("NguyÔn CÈm Lan", "Times New Roman") == Converted("Nguyễn Cẩm Lan", TCVN3)


def test_decode_refuses_an_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="tcvn5"):
        decode("abc", "tcvn5")
    with pytest.raises(ValueError, match="tcvn5"):
        encode("abc", "tcvn5")


# ------------------------------------------------------------------------------ syllables
@pytest.mark.parametrize(
    "word",
    ["Nguyễn", "NGUYỄN", "thới", "hoà", "hòa", "thuý", "thúy", "quốc", "quý", "giếng", "gì",
     "nghiêng", "khuỷu", "người", "Đặng", "kiên", "ghế", "xoáy", "hoài", "yêu", "A", "Ý"],
)  # fmt: skip
def test_vietnamese_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize(
    "word",
    ["Thíi", "NguyÔn", "CÈm", "Traàn", "Ñöùc", "Hieäp", "hä", "tªn", "NguyỄn", "cem", "kan",
     "gha", "nghan", "qúy", "haù", "hòai", "bàt", "thưy", "Café", "José", "lyêu", "x"],
)  # fmt: skip
def test_not_vietnamese_syllables(word: str) -> None:
    assert not is_syllable(word)


# ------------------------------------------------------------------------------ no misfires
NAMES = sorted({r["name"] for r in generate(600, seed=11)})
OTHER_STRINGS = [
    "Café", "José", "Hélène", "Noël", "Chloé", "Müller", "naïve", "résumé", "façade",
    "crème brûlée", "São Paulo", "Gómez", "Peña", "Thérèse", "Raphaël", "Anaïs", "Citroën",
    "Zoë", "François", "Jérôme", "Benoît", "Côte d'Ivoire", "Hôtel", "Crêpe", "Señor", "Niño",
    "Jürgen", "Straße", "Björk", "Ørsted", "Ångström", "Conceição", "João", "Bogotá", "Québec",
    "12/03/1975", "1975-03-12", "0912345678", "+84 912 345 678", "nguyen.van.an@gmail.com",
    "http://thainguyen.gov.vn", "1.234.567,5", "25%", "37°C", "2 × 3", "© 2024", "½", "No 5",
    "STT", "TNHH", "UBND", "TP. HCM", "Số 123/QĐ-UBND", "Nam", "Nữ", "Kinh", "Tày",
    "Họ và tên", "Đơn vị công tác", "Năm sinh", "Tổng cộng", "DANH SÁCH ĐẠI BIỂU",
    "Chiến sĩ thi đua cơ sở", "Sở Văn hóa, Thể thao và Du lịch", "Tô Lâm", "Lê Thái", "Ý Lan",
    "TÔ LÂM", "Lý Minh Thới", "Nguyễn Thị Ánh", "Đặng Thùy Trâm", "Ðặng Văn Lâm", "Ðào",
    "“Nguyễn”", "Nguyễn – Trần", "Trần…", "Ka Sô Liễng", "Rơ Chăm Phiang", "Điểu K'Giắc",
    "H'Hen Niê", "Y Thanh Hà Niê Kđăm", "",
]  # fmt: skip


def test_no_misfire_on_hundreds_of_unicode_names() -> None:
    assert len(NAMES) >= 200
    latin1 = [n for n in NAMES if all(ord(ch) < 0x100 for ch in n)]
    assert latin1  # names like "Lê Thái Tô" get past the fast exit and are judged by syllables
    for name in NAMES:
        assert detect(name) is None, name
        assert convert(name) == Converted(name, None)
        assert convert(unicodedata.normalize("NFD", name)) == Converted(name, None)


@pytest.mark.parametrize("text", OTHER_STRINGS)
def test_no_misfire_on_other_strings(text: str) -> None:
    assert detect(text) is None
    assert detect(text, "Times New Roman") is None
    assert convert(text) == Converted(unicodedata.normalize("NFC", text), None)


def test_one_word_that_decodes_well_among_foreign_ones_is_not_enough() -> None:
    # "Thíi" alone is TCVN3 "Thới"; next to words that stay foreign whatever the decoding,
    # it is more likely a typo in a Western cell than a legacy one.
    assert detect("Thíi") == TCVN3
    assert detect("Müller Café Thíi") is None


def test_what_detect_cannot_tell_without_a_font() -> None:
    """Spellings that are two things at once; documented, so a change in them is seen."""
    assert detect("Léc") is None  # TCVN3 "Lộc", but also a well-formed Unicode syllable
    assert detect("Loïc") == VNI  # a French name, but also VNI "Lọc"


# ------------------------------------------------------------------------------ properties
# Real syllables, from the synthetic lists' names, units and titles; abbreviations and
# minority names (which follow no Vietnamese spelling) aside.
VOCABULARY = sorted(
    {
        word
        for r in generate(2000, seed=5)
        for field in ("name", "unit", "position", "category", "ethnicity")
        for word in str(r[field]).replace(",", " ").replace("-", " ").split()
        if not (len(word) > 1 and word.isupper()) and word not in ("Kđăm", "Niê", "Ka", "Phiang")
    }
    - {"Samsung", "Electronics", "H'Hen", "K'Giắc", "M'Nông"}
)


def test_the_vocabulary_is_all_syllables() -> None:
    assert len(VOCABULARY) > 250
    assert [w for w in VOCABULARY if not is_syllable(w)] == []


def _has_capital_with_tone(word: str) -> bool:
    return any(
        ch.isupper() and any(m in TONES for m in unicodedata.normalize("NFD", ch)) for ch in word
    )


@st.composite
def cells(draw: st.DrawFn, *, style: str | None = None, vntime: bool = False) -> str:
    """A cell of 1-5 real syllables, in one of the ways lists write them.

    ``vntime``: only what a regular .VnTime font can show, so no capital with a tone
    ("Nguyễn Thị ánh" is what such a list holds).
    """
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=5))
    style = style or draw(st.sampled_from(["lower", "title", "sentence", "upper"]))
    if style == "upper":
        words = [w.upper() for w in words]
    else:
        words = [w.lower() for w in words]
        first = {"title": len(words), "sentence": 1}.get(style, 0)
        words = [w.capitalize() if i < first else w for i, w in enumerate(words)]
    if vntime:
        words = [w.lower() if _has_capital_with_tone(w) else w for w in words]
    return " ".join(words)


TCVN3_ONLY = set(legacy._TCVN3_DECODE) - set("".join(legacy._VNI_DECODE))
VNI_ONLY = {ch for ch in "".join(legacy._VNI_DECODE) if not ch.isascii()} - set(
    legacy._TCVN3_DECODE
)


@settings(max_examples=300, deadline=None)
@given(cells())
def test_unicode_text_is_never_taken_for_legacy(text: str) -> None:
    assert detect(text) is None
    assert convert(text) == Converted(text, None)


@settings(max_examples=300, deadline=None)
@given(cells(vntime=True))
def test_tcvn3_cells_convert_back(text: str) -> None:
    stored = encode(text, TCVN3)
    expected = Converted(text, TCVN3 if stored != text else None)
    assert convert(stored, ".VnTime") == expected
    assert nfc(convert(stored, ".VnTime").text)
    # Without the font: a code VNI has no use for, in a word that is no syllable as stored,
    # settles it. Other cells can be read two ways ("chæ": TCVN3 "chổ", VNI "chỉ"), or as
    # Unicode ("BÝ" for "Bí").
    if any(
        len(w) > 1 and set(w) & TCVN3_ONLY and not is_syllable(w) for w in legacy._words(stored)
    ):
        found = detect(stored)
        assert found in (TCVN3, TCVN3_UPPER)
        # A cell with a word in capitals ("ANH ®ç") reads as the capitals font (.VnTimeH, where
        # every letter shows as a capital) just as well: then the letters agree, not their case.
        shown = text.upper() if found == TCVN3_UPPER else text
        assert convert(stored).text == shown


@settings(max_examples=300, deadline=None)
@given(cells(style="upper"))
def test_vntimeh_cells_convert_back(text: str) -> None:
    stored = encode(text, TCVN3_UPPER)
    expected = Converted(text, TCVN3_UPPER if stored != text else None)
    assert convert(stored, ".VnTimeH") == expected
    # Without the font, capitals inside words ("ANH", "S¸CH") tell the all-capital font; a cell
    # of initials only ("N÷") reads as .VnTime ("Nữ").
    words = legacy._words(stored)
    inner = any(len(w) > 1 and w[1:].isascii() and w[1:].isalpha() for w in words)
    if inner and any(len(w) > 1 and set(w) & TCVN3_ONLY and not is_syllable(w) for w in words):
        assert convert(stored) == Converted(text, TCVN3_UPPER)


@settings(max_examples=300, deadline=None)
@given(cells())
def test_vni_cells_convert_back(text: str) -> None:
    stored = encode(text, VNI)
    expected = Converted(text, VNI if stored != text else None)
    assert convert(stored, "VNI-Times") == expected
    # Without the font: a character TCVN3 has no use for, in a word that is no syllable as
    # stored, settles it. Other cells can be read two ways ("chæ": VNI "chỉ", TCVN3 "chổ").
    if any(len(w) > 1 and set(w) & VNI_ONLY and not is_syllable(w) for w in legacy._words(stored)):
        assert convert(stored) == Converted(text, VNI)
