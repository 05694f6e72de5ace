"""The bitset search index gives exactly the results of the set-based one it replaced.

Both are built over one generated list (synthetic delegates with every field the console
indexes, plus names that are hard to fold: minority names, Ð for Đ, NFD text, both tone
placements, one word twice, one-word names, namesakes), large enough that common words and
prefixes are bitsets and rare ones tuples of ranks. Every query must give the same delegates in
the same order and the same total, at several limits.
"""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.delegates import Delegate
from data.search import SearchIndex, lowest
from data.synthetic import generate
from data.text import fold

from .search_reference import ReferenceIndex

TRICKY = [
    ("Y Thanh Hà Niê Kđăm", "xã Hùng Sơn", "Khách mời", "", "K'01"),
    ("Điểu K'Giắc", "xã Quân Chu", "Khách mời", "", None),
    ("H'Hen Niê", "", "", "", ""),
    ("Ðặng Thuý Hằng", "Hợp tác xã chè Tân Cương", "Đoàn thành phố Thái Nguyên", "B-12", "TN-9"),
    ("Đặng Thúy Hằng", "Hợp tác xã chè Tân Cương", "Đoàn thành phố Thái Nguyên", "B-13", "TN-9"),
    (unicodedata.normalize("NFD", "Nguyễn Thị Hoà"), "Sở Y tế", "Khối các sở, ban, ngành", "", ""),
    ("Nguyễn Thị Hòa", "Sở Y tế", "Khối các sở, ban, ngành", "A01", "TN-000001"),
    ("Nguyễn Văn Nguyên", "UBND xã Nguyên Bình", "Đoàn huyện Nguyên Bình", "", ""),
    ("Phương Phương", "", "", "", ""),
    ("Trãi", "Viện Sử học", "", "", ""),
    ("Nguyễn Trãi", "Viện Sử học", "", "", ""),
    ("Đoàn Phương Phương", "Đoàn thanh niên", "Đoàn khối doanh nghiệp", "", ""),
    ("NGUYỄN VĂN AN", "Công an tỉnh", "Khối lực lượng vũ trang", "C 7", "an-1"),
    ("Lò Văn Pá", "Ban Dân tộc", "Khách mời", "", ""),
    ("Ma Thị Ư", "", "", "", ""),
]


def _people() -> list[Delegate]:
    people = [
        Delegate(
            id=i,
            name=r["name"],
            unit=r["unit"],
            delegation=r["delegation"],
            position=r["position"],
            category=r["category"],
            seat=r["seat"],
            external_id=r["external_id"],
        )
        for i, r in enumerate(generate(6000, seed=11), start=1)
    ]
    start = len(people) + 1
    for i, (name, unit, delegation, seat, external_id) in enumerate(TRICKY * 3, start=start):
        people.append(
            Delegate(
                id=i, name=name, unit=unit, delegation=delegation, seat=seat,
                external_id=external_id,
            )
        )  # fmt: skip
    return people


@pytest.fixture(scope="module")
def both() -> tuple[SearchIndex, ReferenceIndex]:
    people = _people()
    return SearchIndex(people), ReferenceIndex(people)


def _queries(people: list[Delegate], count: int) -> list[str]:
    """As staff type: every prefix of 'given family', the full name, initials, a unit word."""
    rng = random.Random(5)
    queries = ["", " ", "x", "zz", "0", "00", "tn", "tn-0000", "k'", "đ", "Ð", "ư", "9999999"]
    while len(queries) < count:
        person = rng.choice(people)
        parts = fold(person.name).split()
        form = rng.randrange(5)
        if form == 0:
            text = f"{parts[-1]} {parts[0]}"
        elif form == 1:
            text = person.name  # accents, case, NFD as written
        elif form == 2:
            text = "".join(p[0] for p in parts)
        elif form == 3:
            text = f"{person.unit} {parts[-1]}"
        else:
            text = f"{person.seat or ''} {person.external_id or ''} {person.category}"
        queries.extend(text[:i] for i in range(1, len(text) + 1))
    return queries


def _same(new: SearchIndex, old: ReferenceIndex, query: str, limit: int) -> None:
    got, want = new.search(query, limit=limit), old.search(query, limit=limit)
    assert [d.id for d in got.delegates] == [d.id for d in want.delegates], (query, limit)
    assert got.total == want.total, (query, limit)


def test_typed_queries_match_the_reference(both: tuple[SearchIndex, ReferenceIndex]) -> None:
    new, old = both
    for n, query in enumerate(_queries(new.delegates, 3000)):
        _same(new, old, query, (1, 7, 50, 100, 10_000)[n % 5])


def test_the_list_has_common_and_rare_words(both: tuple[SearchIndex, ReferenceIndex]) -> None:
    """Both representations are exercised: bitsets for common words and prefixes, tuples."""
    name = both[0]._name
    assert "nguyen" in name.common and "n" in name.prefixes
    assert "kdam" in name.rare and "kd" not in name.prefixes


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="anhgtuyễịđĐÐ0k' -", max_size=12),
    st.sampled_from([1, 3, 50, 100_000]),
)
def test_any_text_matches_the_reference(
    both: tuple[SearchIndex, ReferenceIndex], query: str, limit: int
) -> None:
    _same(*both, query, limit)


def test_lowest_bits_in_order() -> None:
    bits = (1 << 3) | (1 << 8) | (1 << 9) | (1 << 700)
    assert lowest(bits, 10) == [3, 8, 9, 700]
    assert lowest(bits, 2) == [3, 8]
    assert lowest(0, 5) == [] and lowest(bits, 0) == []
