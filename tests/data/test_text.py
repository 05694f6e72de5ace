"""Vietnamese text: what is stored, what is compared, how people are ordered."""

from __future__ import annotations

import unicodedata

import pytest

from data.text import clean, collate, fold, header_key, name_sort_key, split_name, words


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    "a,b",
    [
        ("Hoà", "Hòa"),  # old and new tone placement
        ("Thuý", "Thúy"),
        ("Khoẻ", "Khỏe"),
        ("Nguyễn Thị Hoà", "NGUYEN THI HOA"),
        ("Đặng", "dang"),
        ("ĐẶNG", "Dang"),
        ("Ðặng", "Đặng"),  # U+00D0 lookalike
        (nfd("Nguyễn Thị Hoa"), "Nguyễn Thị Hoa"),
        ("  Trần   Văn\u00a0Đức ", "tran van duc"),
        ("Ưng Ơn Ấn", "ung on an"),
    ],
)
def test_fold_equates(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_d_not_empty() -> None:
    # NFKD-then-ASCII turns "Đặng" into "ang"; fold must not.
    assert fold("Đặng Đình Đức") == "dang dinh duc"
    assert fold(None) == "" and fold(1980) == "1980"


def test_fold_distinguishes_different_letters() -> None:
    assert fold("Hoa") != fold("Hoan")
    assert fold("Đức") != fold("Dực Đ")


def test_clean_stores_nfc_exact_spelling() -> None:
    assert clean(nfd("  Nguyễn   Thị  Hoà ")) == "Nguyễn Thị Hoà"  # tone placement kept
    assert unicodedata.is_normalized("NFC", clean(nfd("Điểu K'Giắc")))
    assert clean("Y Thanh Hà Niê Kđăm") == "Y Thanh Hà Niê Kđăm"
    assert clean("ÐẶNG") == "ĐẶNG"
    assert clean(None) == "" and clean(12) == "12"
    assert clean("a\tb\nc") == "a b c"


def test_words_and_header_key() -> None:
    assert words("Sở Y tế (TN)") == ["so", "y", "te", "tn"]
    assert header_key("HỌ VÀ  TÊN") == header_key("Họ và tên") == header_key("ho va ten")
    assert header_key(nfd("Năm sinh")) == "namsinh"


def test_split_name() -> None:
    assert split_name("Nguyễn Thị Hoa") == ("Nguyễn", "Thị", "Hoa")
    assert split_name("Nguyễn Trãi") == ("Nguyễn", "", "Trãi")
    assert split_name("Hoa") == ("", "", "Hoa")
    assert split_name("Tôn Nữ Thị Ninh") == ("Tôn", "Nữ Thị", "Ninh")


def test_people_sort_by_given_name_first() -> None:
    people = ["Nguyễn Thị Hoa", "Trần Văn Đức", "Lê Văn An", "Phạm Duy", "Hoàng Dũng", "Bùi Dung"]
    assert sorted(people, key=name_sort_key) == [
        "Lê Văn An",
        "Bùi Dung",
        "Hoàng Dũng",
        "Phạm Duy",  # Dũng before Duy: n < y, the tone only breaks ties
        "Trần Văn Đức",  # đ after d
        "Nguyễn Thị Hoa",
    ]


def test_same_given_name_then_middle_then_family() -> None:
    people = ["Trần Văn Hùng", "Lê Văn Hùng", "Lê Minh Hùng"]
    assert sorted(people, key=name_sort_key) == ["Lê Minh Hùng", "Lê Văn Hùng", "Trần Văn Hùng"]


def test_vietnamese_alphabet_order() -> None:
    letters = ["b", "â", "ă", "a", "đ", "d", "ê", "e", "ô", "ơ", "o", "ư", "u"]
    assert sorted(letters, key=collate) == [
        "a",
        "ă",
        "â",
        "b",
        "d",
        "đ",
        "e",
        "ê",
        "o",
        "ô",
        "ơ",
        "u",
        "ư",
    ]
    assert sorted(["Ánh", "Anh", "Ảnh"], key=collate)[0] == "Anh"  # no tone first


def test_sort_is_stable_across_normal_forms() -> None:
    assert name_sort_key(nfd("Nguyễn Thị Hoa"))[:3] == name_sort_key("Nguyễn Thị Hoa")[:3]


def test_tone_placement_makes_old_and_new_one_and_keeps_other_tones_apart() -> None:
    from data.text import tone_placement

    assert (
        tone_placement("Nguyễn Thị Thúy") == tone_placement("Nguyễn Thị Thuý") == "Nguyễn Thị Thuý"
    )
    assert tone_placement("Lê Văn Hòa") == tone_placement("Lê Văn Hoà") == "Lê Văn Hoà"
    assert tone_placement("Khỏe") == "Khoẻ"
    assert tone_placement("Thủy") != tone_placement("Thúy")
    assert tone_placement("Hoàng Toàn Quý") == "Hoàng Toàn Quý"  # a final consonant, or one form
