"""Name cells taken apart: the name as spelled, the honorific before it, the note after it."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.names import NameParts, clean_name, join_parts, same_name, split_name


def nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def parts(cell: str) -> tuple[str, str, str]:
    r = split_name(cell)
    return r.name, r.honorific, r.role


# ------------------------------------------------------------------------------ the brief's cases
@pytest.mark.parametrize(
    "cell,name,honorific,role",
    [
        ("Ông Nguyễn Văn An", "Nguyễn Văn An", "Ông", ""),
        ("Ông Văn Tùng", "Ông Văn Tùng", "", ""),  # Văn is a middle name: Ông is the family
        ("Ông Thị Mai", "Ông Thị Mai", "", ""),
        ("Ông Ích Khiêm", "Ông Ích Khiêm", "", ""),
        ("Bà Trần Thị Hoa", "Trần Thị Hoa", "Bà", ""),
        ("Bà Thị Hoa", "Bà Thị Hoa", "", ""),
        ("Đại tá, TS. Nguyễn Văn An", "Nguyễn Văn An", "Đại tá, TS.", ""),
        ("Đại tá, TS. Nguyễn Văn An (Trưởng đoàn)", "Nguyễn Văn An", "Đại tá, TS.", "Trưởng đoàn"),
        ("Đ/c Lê Văn Bình - Phó trưởng đoàn", "Lê Văn Bình", "Đ/c", "Phó trưởng đoàn"),
        ("Bà TRẦN THỊ HOA*", "Trần Thị Hoa", "Bà", "*"),
        ("GS.TS.Lê Văn Bình", "Lê Văn Bình", "GS.TS.", ""),  # no space after the dot
        ("Nhà giáo ưu tú, ThS. Hoàng Thị Lan", "Hoàng Thị Lan", "Nhà giáo ưu tú, ThS.", ""),
        ("Thầy thuốc ưu tú, BS.CKII Phạm Văn Đức", "Phạm Văn Đức", "Thầy thuốc ưu tú, BS.CKII", ""),
        ("Bà mẹ Việt Nam anh hùng Nguyễn Thị Thứ", "Nguyễn Thị Thứ", "Bà mẹ Việt Nam anh hùng", ""),
        ("Hòa thượng Thích Thanh Phong", "Thích Thanh Phong", "Hòa thượng", ""),
        ("Đ/c: Lê Văn An", "Lê Văn An", "Đ/c", ""),
        ("- Đ/c Lê Văn An", "Lê Văn An", "Đ/c", ""),  # a bullet of a Word list
        ("Ông/Bà Nguyễn Văn An", "Nguyễn Văn An", "Ông/Bà", ""),
    ],
)
def test_examples(cell: str, name: str, honorific: str, role: str) -> None:
    assert parts(cell) == (name, honorific, role)


# ------------------------------------------------------------------------------ honorifics
SINGLE_TITLES = [
    "Ông", "Bà", "Đ/c", "Đồng chí", "đ/c", "Đ.c",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Đại uý", "Thượng úy",
    "Thượng uý", "Trung úy", "Trung uý", "Thiếu úy", "Thiếu uý", "Thiếu tướng", "Trung tướng",
    "Thượng tướng", "Đại tướng", "Chuẩn úy", "Đô đốc",
    "GS.", "PGS.", "TS.", "ThS.", "Th.S", "BS.", "CN.", "KS.", "DS.", "TSKH.", "LS.",
    "GS.TS.", "PGS.TS", "PGS.TS.", "TS.BS", "ThS.BS", "GS.TSKH", "BSCKII", "BS.CKI",
    "NGƯT", "NGND", "NSND", "NSƯT", "TTND", "TTƯT", "AHLĐ",
    "Nhà giáo ưu tú", "Nhà giáo nhân dân", "Thầy thuốc ưu tú", "Thầy thuốc nhân dân",
    "Anh hùng Lao động", "Anh hùng LLVTND", "Giáo sư", "Phó Giáo sư", "Tiến sĩ", "Thạc sĩ",
    "Bác sĩ", "Kỹ sư", "Cử nhân", "Thượng tọa", "Linh mục",
    "Anh", "Chị", "Em", "Cô", "Thầy", "Cụ", "Bác", "Cháu",
]  # fmt: skip


def _variants(title: str) -> list[tuple[str, str]]:
    """(as typed in the cell, the honorific expected back)."""
    out = []
    for t in {title, title.upper(), title.lower()}:
        out.append((t, t))
        out.append((t + ",", t))  # a comma separates, it is not part of the title
        if not t.endswith("."):
            out.append((t + ".", t + "."))  # a dot abbreviates: it is kept
    return out


@pytest.mark.parametrize("title", SINGLE_TITLES)
def test_each_title_alone_in_every_case_with_dot_or_comma(title: str) -> None:
    for typed, expected in _variants(title):
        assert parts(f"{typed} Nguyễn Văn An") == ("Nguyễn Văn An", expected, ""), typed
        r = split_name(f"{typed} NGUYỄN THỊ MAI HOA (Trưởng đoàn)")
        assert (r.name, r.honorific, r.role, r.cased) == (
            "Nguyễn Thị Mai Hoa",
            expected,
            "Trưởng đoàn",
            True,
        ), typed


@pytest.mark.parametrize(
    "cell,honorific",
    [
        ("Đại tá, TS. Trần Văn Bình", "Đại tá, TS."),
        ("Đại tá TS Trần Văn Bình", "Đại tá TS"),
        ("Thượng tá, ThS, Trần Văn Bình", "Thượng tá, ThS"),
        ("PGS. TS. Trần Văn Bình", "PGS. TS."),
        ("NGƯT, ThS. Trần Văn Bình", "NGƯT, ThS."),
        ("Đ/c Đại tá Trần Văn Bình", "Đ/c Đại tá"),
        ("Đồng chí Thiếu tướng, PGS.TS Trần Văn Bình", "Đồng chí Thiếu tướng, PGS.TS"),
        ("ĐẠI TÁ, TS. TRẦN VĂN BÌNH", "ĐẠI TÁ, TS."),
        ("đại úy, bs. Trần Văn Bình", "đại úy, bs."),
        ("Ông Đại tá Trần Văn Bình", "Ông Đại tá"),
        ("Trung tá - ThS Trần Văn Bình", "Trung tá - ThS"),
    ],
)
def test_titles_in_a_row(cell: str, honorific: str) -> None:
    assert parts(cell) == ("Trần Văn Bình", honorific, "")


@pytest.mark.parametrize(
    "cell",
    ["Đ/c An", "TS. An", "Đại tá Bình", "Ông", "TS.", "Ông An", "GS.TS. Hùng (Trưởng đoàn)"],
)
def test_a_title_stays_when_no_full_name_would_be_left(cell: str) -> None:
    r = split_name(cell)
    assert r.honorific == "" and r.name == cell.split(" (")[0]


def test_a_title_needs_a_word_boundary() -> None:
    # "Bàn", "Cao", "Tsu…" begin like titles; they are names.
    assert parts("Bàn Văn Tùng") == ("Bàn Văn Tùng", "", "")
    assert parts("Cô Thị Lan")[1] == ""  # after "Cô", "Thị Lan" is no full name
    assert parts("Emy Nguyễn Lan") == ("Emy Nguyễn Lan", "", "")
    assert parts("Anh hùng Lao động Nguyễn Văn An")[1] == "Anh hùng Lao động"


# ------------------------------------------------------------------------------ Ông, Bà
@pytest.mark.parametrize(
    "cell,name,honorific",
    [
        ("Ông Nguyễn Văn An", "Nguyễn Văn An", "Ông"),
        ("Ông Nguyễn An", "Nguyễn An", "Ông"),
        ("Ông Văn Tùng", "Ông Văn Tùng", ""),
        ("Ông Văn Minh Tùng", "Ông Văn Minh Tùng", ""),  # a middle name after Ông
        ("Ông Thị Mai", "Ông Thị Mai", ""),
        ("Ông Ích Khiêm", "Ông Ích Khiêm", ""),
        ("Ông Tùng", "Ông Tùng", ""),
        ("Bà Ông Thị Mai", "Ông Thị Mai", "Bà"),
        ("Ông Ông Văn Tùng", "Ông Văn Tùng", "Ông"),
        ("ÔNG ÔNG VĂN TÙNG", "Ông Văn Tùng", "ÔNG"),
        ("ÔNG VĂN TÙNG", "Ông Văn Tùng", ""),
        ("Đại tá Ông Văn Tùng", "Ông Văn Tùng", "Đại tá"),  # the longest part that can go
        ("Bà Trần Thị Hoa", "Trần Thị Hoa", "Bà"),
        ("Bà Thị Hoa", "Bà Thị Hoa", ""),
        ("Bà Hoa", "Bà Hoa", ""),
        ("Ông Hoàng Văn Tùng", "Hoàng Văn Tùng", "Ông"),
        ("Ông Mai Văn Tùng", "Mai Văn Tùng", "Ông"),  # Mai is a family name too
        ("Ông Khổng Minh Đức", "Khổng Minh Đức", "Ông"),
        # a family name the list lacks: three words, not opening with a middle name
        ("Bà Ngụy Thị Khanh", "Ngụy Thị Khanh", "Bà"),
        ("Bà Ngụy Khanh", "Bà Ngụy Khanh", ""),  # two: could be Bà + given name
        ("Ông, Nguyễn Văn An", "Nguyễn Văn An", "Ông"),
        ("Ông: Nguyễn Văn An", "Nguyễn Văn An", "Ông"),
        ("Ông Y Thanh Hà Niê Kđăm", "Y Thanh Hà Niê Kđăm", "Ông"),
        ("Bà H'Hen Niê", "H'Hen Niê", "Bà"),
        ("Ông Điểu K'Giắc", "Điểu K'Giắc", "Ông"),
        ("Bà Công Tằng Tôn Nữ Thị Phương Thảo", "Công Tằng Tôn Nữ Thị Phương Thảo", "Bà"),
        ("Bà Tôn Nữ Thị Ninh", "Tôn Nữ Thị Ninh", "Bà"),
        ("Anh Văn Tùng", "Anh Văn Tùng", ""),
        ("Chị Trần Thị Hoa", "Trần Thị Hoa", "Chị"),
        ("Em Lê Minh Khoa", "Lê Minh Khoa", "Em"),
    ],
)
def test_ong_and_ba_are_family_names_unless_a_name_follows(
    cell: str, name: str, honorific: str
) -> None:
    assert parts(cell) == (name, honorific, "")


# ------------------------------------------------------------------------------ role notes
@pytest.mark.parametrize(
    "cell,role",
    [
        ("Nguyễn Văn An (Trưởng đoàn)", "Trưởng đoàn"),
        ("Nguyễn Văn An(Phó trưởng đoàn)", "Phó trưởng đoàn"),
        ("Nguyễn Văn An ( Phó Trưởng đoàn )", "Phó Trưởng đoàn"),
        ("Nguyễn Văn An - Trưởng đoàn", "Trưởng đoàn"),
        ("Nguyễn Văn An – Trưởng đoàn", "Trưởng đoàn"),
        ("Nguyễn Văn An -Trưởng đoàn", "Trưởng đoàn"),
        ("Nguyễn Văn An, Trưởng đoàn", "Trưởng đoàn"),
        ("Nguyễn Văn An*", "*"),
        ("Nguyễn Văn An *", "*"),
        ("Nguyễn Văn An (*)", "*"),
        ("Nguyễn Văn An **", "*"),
        ("Nguyễn Văn An (dự khuyết)", "dự khuyết"),
        ("Nguyễn Văn An [dự khuyết]", "dự khuyết"),
        ("Nguyễn Văn An (nữ)", "nữ"),
        ("Nguyễn Văn An (Trưởng đoàn) (*)", "Trưởng đoàn; *"),
        ("Nguyễn Văn An - Trưởng đoàn (Sở Y tế).", "Trưởng đoàn; Sở Y tế"),
        ("Nguyễn Văn An (Phó trưởng đoàn, kiêm thư ký)", "Phó trưởng đoàn, kiêm thư ký"),
        ("Nguyễn Văn An (Phó trưởng đoàn (kiêm))", "Phó trưởng đoàn (kiêm)"),
        ("Nguyễn Văn An (Trưởng đoàn", "Trưởng đoàn"),  # the bracket was never closed
        ("(Trưởng đoàn) Nguyễn Văn An", "Trưởng đoàn"),
        ("Nguyễn Văn An (TRƯỞNG ĐOÀN)", "TRƯỞNG ĐOÀN"),  # a note is kept as typed
        ("Nguyễn Văn An ()", ""),
        ("Nguyễn Văn An.", ""),
        ("Nguyễn Văn An -", ""),
    ],
)
def test_role_notes(cell: str, role: str) -> None:
    assert parts(cell) == ("Nguyễn Văn An", "", role)


@pytest.mark.parametrize(
    "cell,name,role",
    [
        ("Ông Anh - Phó trưởng đoàn", "Ông Anh", "Phó trưởng đoàn"),
        ("Ông Anh, Phó trưởng đoàn", "Ông Anh", "Phó trưởng đoàn"),
        ("Ông Văn - Phó trưởng đoàn", "Ông Văn", "Phó trưởng đoàn"),
    ],
)
def test_after_a_word_of_names_a_dash_or_comma_starts_the_note(
    cell: str, name: str, role: str
) -> None:
    # "Anh" is a form of address too, but "Phó trưởng đoàn" is no family name after it.
    assert parts(cell) == (name, "", role)


def test_a_hyphen_inside_a_name_is_no_note() -> None:
    assert parts("Nguyễn-Trần Văn An") == ("Nguyễn-Trần Văn An", "", "")
    assert parts("Ông Nguyễn Văn An - Trưởng đoàn (*)") == (
        "Nguyễn Văn An",
        "Ông",
        "Trưởng đoàn; *",
    )


# ------------------------------------------------------------------------------ cleaning
@pytest.mark.parametrize(
    "invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u034f"]
)
def test_invisible_characters_are_removed(invisible: str) -> None:
    for cell in (
        f"Nguy{invisible}ễn Văn An",
        f"{invisible}Nguyễn Văn An{invisible}",
        f"Nguyễn {invisible}Văn An",
        f"Ông{invisible} Nguyễn Văn An",
        f"Đ/{invisible}c Nguyễn Văn An",
    ):
        assert split_name(cell).name == "Nguyễn Văn An", repr(cell)
    assert split_name(f"Nguyễn Văn A{invisible}n").name == "Nguyễn Văn An"
    # between a letter and its tone, in decomposed text
    assert clean_name(f"Nguye\u0302{invisible}\u0303n") == "Nguyễn"


@pytest.mark.parametrize(
    "space", ["\u00a0", "\u2002", "\u2003", "\u2007", "\u2009", "\u202f", "\u3000", "\t", "\n"]
)
def test_unicode_spaces_are_one_plain_space(space: str) -> None:
    cell = f"{space}Đại{space}tá,{space}TS.{space}Nguyễn{space}{space}Văn An{space}(Trưởng{space}đoàn){space}"
    assert parts(cell) == ("Nguyễn Văn An", "Đại tá, TS.", "Trưởng đoàn")
    assert join_parts(f"Nguyễn{space}Văn", f"{space}An") == "Nguyễn Văn An"


def test_controls_and_the_eth_lookalike() -> None:
    assert split_name("\x1b[31mĐặng Văn An\x1b[0m").name == "Đặng Văn An"
    assert split_name("\u00d0ặng Văn An").name == "Đặng Văn An"  # Ð (eth) typed for Đ


@pytest.mark.parametrize(
    "typed,letter,nfc_alone_fails",
    [
        ("e\u0303\u0302", "ễ", True),  # tilde typed before the circumflex: the same class
        ("e\u0301\u0302", "ế", True),
        ("e\u0300\u0302", "ề", True),
        ("e\u0309\u0302", "ể", True),
        ("a\u0301\u0306", "ắ", True),  # acute before the breve
        ("a\u0303\u0306", "ẵ", True),
        ("o\u0309\u0302", "ổ", True),
        ("A\u0301\u0306", "Ắ", True),
        ("\u1ebd\u0302", "ễ", True),  # the precomposed ẽ, then a circumflex
        ("e\u0323\u0302", "ệ", False),  # dot below has its own class: NFC reorders it
        ("o\u0300\u031b", "ờ", False),  # so has the horn
        ("u\u0303\u031b", "ữ", False),
        ("e\u0302\u0303", "ễ", False),  # already in order
    ],
)
def test_a_tone_typed_before_the_hat_composes(
    typed: str, letter: str, nfc_alone_fails: bool
) -> None:
    assert (unicodedata.normalize("NFC", typed) != letter) is nfc_alone_fails
    assert clean_name(typed) == letter
    assert clean_name(f"Nguy{typed}n") == f"Nguy{letter}n"


def test_the_misordered_nguyen() -> None:
    cell = "Nguy" + "e" + "\u0303" + "\u0302" + "n Văn An"  # "Nguyẽ̂n": NFC leaves two marks
    assert unicodedata.normalize("NFC", cell) != "Nguyễn Văn An"
    r = split_name(cell)
    assert r.name == "Nguyễn Văn An" and nfc(r.name)
    assert r.original == cell


def test_windows_1258_text_composes() -> None:
    # â ă ê ô ơ ư đ whole, tones as combining marks
    assert clean_name("Nguy\u00ea\u0303n Thi\u0323 H\u01b0\u0301a") == "Nguyễn Thị Hứa"


def test_tone_placement_is_kept_as_typed() -> None:
    assert split_name("Nguyễn Thị Thúy").name == "Nguyễn Thị Thúy"
    assert split_name("Nguyễn Thị Thuý").name == "Nguyễn Thị Thuý"
    assert split_name("Lê Thị Hoà").name == "Lê Thị Hoà"


# ------------------------------------------------------------------------------ capitals
@pytest.mark.parametrize(
    "typed,name",
    [
        ("NGUYỄN THỊ MAI HOA", "Nguyễn Thị Mai Hoa"),
        ("ĐẶNG VĂN ĐỨC", "Đặng Văn Đức"),
        ("ĐỖ ĐÌNH ĐẠT", "Đỗ Đình Đạt"),
        ("HOÀNG LÝ KHẢI VŨ ĐẠT", "Hoàng Lý Khải Vũ Đạt"),  # grave, acute, hook, tilde, dot
        ("TRƯƠNG ƯNG ƠN ẤN ẮNG", "Trương Ưng Ơn Ấn Ắng"),
        ("BÙI THỊ HUYỀN TRANG", "Bùi Thị Huyền Trang"),
        ("LÊ THỊ THUÝ", "Lê Thị Thuý"),
        ("ĐIỂU K'GIẮC", "Điểu K'Giắc"),
        ("H'HEN NIÊ", "H'Hen Niê"),
        ("Y THANH HÀ NIÊ KĐĂM", "Y Thanh Hà Niê Kđăm"),
        ("CÔNG TẰNG TÔN NỮ THỊ PHƯƠNG THẢO", "Công Tằng Tôn Nữ Thị Phương Thảo"),
        ("NGUYỄN-TRẦN VĂN AN", "Nguyễn-Trần Văn An"),
        ("\u00d0ẶNG VĂN AN", "Đặng Văn An"),
    ],
)
def test_all_caps_names_are_re_cased(typed: str, name: str) -> None:
    r = split_name(typed)
    assert (r.name, r.cased, r.original) == (name, True, typed)
    assert nfc(r.name)
    assert r.name == clean_name(typed).title()  # what str.title() does with these letters


def test_re_casing_has_every_accented_capital() -> None:
    vowels = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    for ch in vowels:
        word = "Đ" + ch if ch != "đ" else "Đđ"
        r = split_name(f"{word.upper()} VĂN AN")
        assert r.name == f"{word[0]}{word[1:].lower()} Văn An", ch
        assert r.cased and nfc(r.name)


@pytest.mark.parametrize(
    "typed",
    ["La Văn Cầu", "McDonald Smith", "Nguyễn văn an", "NGUYỄN Văn An", "Y Thanh Hà Niê Kđăm"],
)
def test_mixed_case_is_never_re_cased(typed: str) -> None:
    r = split_name(typed)
    assert (r.name, r.cased) == (typed, False)


def test_single_letters_are_not_counted_as_re_cased() -> None:
    r = split_name("Y A")
    assert (r.name, r.cased) == ("Y A", False)


# ------------------------------------------------------------------------------ joining, namesakes
@pytest.mark.parametrize(
    "columns,name",
    [
        (("Nguyễn Văn", "An"), "Nguyễn Văn An"),
        (("Nguyễn", "Văn", "An"), "Nguyễn Văn An"),
        (("Công Tằng Tôn Nữ", "Thị Phương", "Thảo"), "Công Tằng Tôn Nữ Thị Phương Thảo"),
        (("Nguyễn", "", "Trãi"), "Nguyễn Trãi"),
        (("  Trần  ", " Thị\u00a0 Mai ", "Hoa "), "Trần Thị Mai Hoa"),
        (("Nguy\u200bễn", "\ufeffAn"), "Nguyễn An"),
        (("", "", ""), ""),
        ((), ""),
    ],
)
def test_join_parts(columns: tuple[str, ...], name: str) -> None:
    assert join_parts(*columns) == name


def test_join_then_split() -> None:
    r = split_name(join_parts("ĐẠI TÁ NGUYỄN VĂN", "AN (Trưởng đoàn)"))
    assert (r.name, r.honorific, r.role, r.cased) == (
        "Nguyễn Văn An",
        "ĐẠI TÁ",
        "Trưởng đoàn",
        True,
    )


def test_same_name_is_exact() -> None:
    assert not same_name("Nguyễn Thị Thúy", "Nguyễn Thị Thủy")
    assert not same_name("Nguyễn Thị Thúy", "Nguyễn Thị Thuý")  # never folded
    assert not same_name("Nguyễn Thị Hoa", "Nguyen Thi Hoa")
    assert not same_name("Nguyễn Văn An", "Nguyễn Văn Ân")
    assert same_name("Nguyễn Thị Thúy", "Nguyễn Thị Thúy")
    assert same_name("Nguyễn\u00a0Thị  Thúy ", "Nguy\u200bễn Thị Thúy")
    assert same_name(unicodedata.normalize("NFD", "Nguyễn Thị Thúy"), "Nguyễn Thị Thúy")
    assert same_name("Nguye\u0303\u0302n Văn An", "Nguyễn Văn An")
    assert same_name("Bà NGUYỄN THỊ THÚY (Trưởng đoàn)", "Nguyễn Thị Thúy")
    assert not same_name("Ông Văn Tùng", "Văn Tùng")


def test_the_result_is_a_frozen_dataclass() -> None:
    r = split_name("Ông Nguyễn Văn An")
    assert isinstance(r, NameParts)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.name = "x"  # type: ignore[misc]
    assert split_name("").name == "" and split_name("   ").original == "   "


# ------------------------------------------------------------------------------ property
FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đoàn", "Đinh", "Trịnh", "Tạ",
            "Lưu", "Tô", "Cao", "Mai", "Hà", "Nông", "Ma", "Lục", "Triệu", "Bàn", "Vàng",
            "Giàng", "Sùng", "Quách", "Kiều", "La", "Khổng", "Ông", "Bà"]  # fmt: skip
# Middle names that are no family name: what follows "Ông" or "Bà" when they are the family.
PLAIN_MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Ngọc", "Mạnh", "Thanh",
                 "Công", "Đình", "Tiến", "Trọng", "Duy", "Việt", "Quốc", "Thu", "Thúy", "Bích",
                 "Hồng", "Thùy", "Anh"]  # fmt: skip
MIDDLES = PLAIN_MIDDLES + ["Kim", "Mai", "Lan", "Phương", "Diệu"]
GIVENS = ["An", "Anh", "Ánh", "Bình", "Cường", "Dũng", "Duy", "Đức", "Giang", "Hải", "Hiếu",
          "Hòa", "Hoà", "Hùng", "Huy", "Khoa", "Khánh", "Lâm", "Long", "Minh", "Nam", "Nghĩa",
          "Phúc", "Quân", "Sơn", "Thắng", "Tùng", "Việt", "Ân", "Đạt", "Hưng", "Lộc", "Thảo",
          "Thu", "Thuý", "Thủy", "Trang", "Trâm", "Tuyết", "Vân", "Yến", "Hạnh", "Ngọc", "Mai",
          "Kiên", "Ỷ", "Ưng"]  # fmt: skip
SPECIAL = ["Y Thanh Hà Niê Kđăm", "Điểu K'Giắc", "H'Hen Niê", "Ka Sô Liễng", "Rơ Chăm Phiang",
           "Nguyễn Trãi", "Vàng Minh Khoa", "Âu Dương Thị Lan", "Tôn Nữ Thị Ninh",
           "Công Tằng Tôn Nữ Thị Phương Thảo", "Ông Ích Khiêm"]  # fmt: skip
ADDRESS = ["Ông", "Bà", "Anh", "Chị", "Em", "Cô", "Thầy", "Cụ", "Bác", "Cháu"]
TITLES = ["Đ/c", "Đồng chí", "Đ.c", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy",
          "Đại uý", "Thượng úy", "Trung úy", "Thiếu úy", "Thiếu tướng", "Trung tướng",
          "Thượng tướng", "Đại tướng", "GS.", "PGS.", "TS.", "ThS.", "BS.", "CN.", "KS.",
          "GS.TS.", "PGS.TS", "TS.BS", "NGƯT", "NGND", "GS", "TS", "ThS", "Nhà giáo ưu tú",
          "Thầy thuốc ưu tú", "Anh hùng Lao động", "Tiến sĩ", "Bác sĩ"]  # fmt: skip
NOTES = ["Trưởng đoàn", "Phó trưởng đoàn", "Phó Trưởng đoàn", "dự khuyết", "nữ", "Thư ký",
         "Trưởng đoàn kiêm Thư ký", "Sở Y tế"]  # fmt: skip
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
SPACES = [" ", " ", " ", "\u00a0", "\t", "\u2003", "\u202f", "\u3000"]


@st.composite
def people(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(SPECIAL))
    family = draw(st.sampled_from(FAMILIES))
    middles = PLAIN_MIDDLES if family in ("Ông", "Bà") else MIDDLES
    middle = draw(st.lists(st.sampled_from(middles), max_size=2))
    return " ".join([family, *middle, draw(st.sampled_from(GIVENS))])


@st.composite
def honorifics(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["none", "address", "titles"]))
    if kind == "none":
        return ""
    if kind == "address":
        text = draw(st.sampled_from(ADDRESS))
    else:
        titles = draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=3))
        text = titles[0]
        for t in titles[1:]:
            text += draw(st.sampled_from([" ", ", "])) + t
    return draw(st.sampled_from([str, str.upper, str.lower]))(text)


@st.composite
def cells(draw: st.DrawFn) -> tuple[str, str, str, str, bool]:
    """(cell, name, honorific, role, typed in capitals)."""
    name, honorific = draw(people()), draw(honorifics())
    caps = draw(st.booleans())
    cell = name.upper() if caps else name
    if honorific:
        gap = "" if honorific.endswith(".") and draw(st.booleans()) else " "
        cell = honorific + gap + cell
    role = ""
    form = draw(st.sampled_from(["", "(x)", " (x)", " - x", " – x", ", x", "*", " *", " (*)"]))
    if form:
        role = "*" if "*" in form else draw(st.sampled_from(NOTES))
        cell += form.replace("x", role) if role != "*" else form
    # Every space becomes a run of Unicode spaces; more at both ends.
    chunks = cell.split(" ")
    cell = "".join(
        c
        + (
            draw(st.text(st.sampled_from(SPACES), min_size=1, max_size=3))
            if i < len(chunks) - 1
            else ""
        )
        for i, c in enumerate(chunks)
    )
    cell = (
        draw(st.sampled_from(["", " ", "\u00a0"])) + cell + draw(st.sampled_from(["", " ", "\t"]))
    )
    # Decomposed (as Windows-1258 or a Mac might store it), marks possibly typed in reverse.
    form_nf = draw(st.sampled_from(["NFC", "NFD", "reversed"]))
    if form_nf != "NFC":
        cell = unicodedata.normalize("NFD", cell)
    if form_nf == "reversed":
        cell = _reverse_marks(cell)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(cell)))
        cell = cell[:at] + draw(st.sampled_from(INVISIBLE)) + cell[at:]
    return cell, name, " ".join(honorific.split()), role, caps


def _reverse_marks(text: str) -> str:
    out: list[str] = []
    marks: list[str] = []
    for ch in text:
        if unicodedata.combining(ch):
            marks.append(ch)
        else:
            out.extend(reversed(marks))
            marks = []
            out.append(ch)
    out.extend(reversed(marks))
    return "".join(out)


@settings(max_examples=400, deadline=None)
@given(cells())
def test_split_name_returns_what_was_put_in(case: tuple[str, str, str, str, bool]) -> None:
    cell, name, honorific, role, caps = case
    r = split_name(cell)
    assert (r.name, r.honorific, r.role, r.cased) == (name, honorific, role, caps)
    assert r.original == cell
    assert nfc(r.name) and nfc(r.honorific) and nfc(r.role)
    again = split_name(r.name)
    assert (again.name, again.honorific, again.role, again.cased) == (r.name, "", "", False)


@given(st.text(max_size=40))
def test_any_text_gives_nfc_and_is_idempotent(text: str) -> None:
    r = split_name(text)
    assert nfc(r.name) and nfc(r.honorific) and nfc(r.role)
    assert r.original == text
    assert split_name(r.name).name == r.name
    assert clean_name(clean_name(text)) == clean_name(text)
