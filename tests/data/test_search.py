"""Search as reception staff type: accents optional, any order, prefixes, initials, best first."""

from __future__ import annotations

import unicodedata

import pytest

from data.delegates import Delegate
from data.search import SearchIndex
from data.text import name_sort_key

PEOPLE = [
    ("Nguyễn Thị Hoa", "Sở Y tế", "Khối các sở, ban, ngành"),
    ("Nguyễn Hoa Mai", "Sở Tài chính", "Khối các sở, ban, ngành"),
    ("Hoàng Văn Nam", "UBND huyện Đại Từ", "Đoàn huyện Đại Từ"),
    ("Lê Thị Hòa", "Trường THPT Chuyên Thái Nguyên", "Khối giáo dục"),
    ("Trần Văn Đức", "Công an tỉnh", "Khối lực lượng vũ trang"),
    ("Đặng Thuý Hằng", "Hợp tác xã chè Tân Cương", "Đoàn thành phố Thái Nguyên"),
    ("Y Thanh Hà Niê Kđăm", "xã Hùng Sơn", "Khách mời"),
    ("Điểu K'Giắc", "xã Quân Chu", "Khách mời"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(
        Delegate(id=i, name=n, unit=u, delegation=d, sort_key=name_sort_key(n))
        for i, (n, u, d) in enumerate(PEOPLE, start=1)
    )


def names(index: SearchIndex, query: str) -> list[str]:
    return [d.name for d in index.search(query).delegates]


def test_accents_case_and_order_do_not_matter(index: SearchIndex) -> None:
    assert names(index, "hoa nguyen")[0] == "Nguyễn Thị Hoa"
    assert names(index, "NGUYỄN THỊ HOA")[0] == "Nguyễn Thị Hoa"
    assert names(index, unicodedata.normalize("NFD", "Nguyễn Thị Hoa"))[0] == "Nguyễn Thị Hoa"


def test_tone_placement_and_d(index: SearchIndex) -> None:
    assert "Lê Thị Hòa" in names(index, "Hoà")  # old placement finds the new one
    assert names(index, "thúy hằng") == ["Đặng Thuý Hằng"]
    assert names(index, "Ðặng") == ["Đặng Thuý Hằng"]  # U+00D0
    assert names(index, "duc")[0] == "Trần Văn Đức"  # then "giáo dục" of a delegation


def test_best_first(index: SearchIndex) -> None:
    # given name "Hoa" first, then "Hoa" as a whole middle word, then words starting "hoa"
    assert names(index, "hoa") == [
        "Nguyễn Thị Hoa",
        "Lê Thị Hòa",
        "Nguyễn Hoa Mai",
        "Hoàng Văn Nam",
    ]


def test_prefixes(index: SearchIndex) -> None:
    assert names(index, "ngu th ho")[0] == "Nguyễn Thị Hoa"
    assert names(index, "ngu th ho")[-1] == "Lê Thị Hòa"  # "Nguyên" of her unit: last
    assert names(index, "tr v") == ["Trần Văn Đức"]


def test_initials(index: SearchIndex) -> None:
    assert names(index, "nth")[0] == "Nguyễn Thị Hoa"
    assert names(index, "tvd") == ["Trần Văn Đức"]


def test_unit_and_delegation_words(index: SearchIndex) -> None:
    assert names(index, "y te") == ["Nguyễn Thị Hoa"]
    assert set(names(index, "dai tu")) == {"Hoàng Văn Nam"}
    assert names(index, "nam dai tu") == ["Hoàng Văn Nam"]
    assert set(names(index, "khach moi")) == {"Y Thanh Hà Niê Kđăm", "Điểu K'Giắc"}


def test_minority_names_as_written(index: SearchIndex) -> None:
    assert names(index, "kdam") == ["Y Thanh Hà Niê Kđăm"]
    assert names(index, "k'giac") == ["Điểu K'Giắc"]
    assert names(index, "dieu giac") == ["Điểu K'Giắc"]


def test_no_match_limit_and_total(index: SearchIndex) -> None:
    assert index.search("xyz").delegates == [] and index.search("xyz").total == 0
    everyone = index.search("")
    assert everyone.total == len(PEOPLE)
    limited = index.search("", limit=3)
    assert len(limited.delegates) == 3 and limited.total == len(PEOPLE)
    assert index.search("khoi", limit=1).total == 4
