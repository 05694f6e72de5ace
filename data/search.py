"""Finding a delegate the way reception staff type under pressure.

Accents, case, NFC/NFD, đ/Đ/Ð and old/new tone placement never matter (everything is compared
through :func:`data.text.fold`); words may come in any order and may be prefixes ("hoa nguyen"
finds "Nguyễn Thị Hoa"); a run of initials ("nth") finds the name; unit and delegation words count
too. Best matches come first:

1. every word is a whole word of the name, one of them the given name;
2. every word is a whole word of the name;
3. every word starts a word of the name;
4. the query is the name's initials;
5. anything else that matches (unit, delegation, position, seat, category, the list's id).

Within a tier, the Vietnamese order of names. The index is built once (a few ms per thousand
delegates) and answers each keystroke from set operations on posting lists, so it stays fast at
100,000 delegates.
"""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .delegates import Delegate
from .text import words


@dataclass(frozen=True)
class SearchResult:
    """What one keystroke shows."""

    delegates: list[Delegate]
    """The best matches first, at most ``limit`` of them."""
    total: int
    """How many delegates match in all."""


class _Postings:
    """word → set of delegate ranks, with prefix look-up over the sorted vocabulary."""

    def __init__(self) -> None:
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self.vocab: list[str] = []

    def add(self, word: str, rank: int) -> None:
        self.by_word[word].add(rank)

    def freeze(self) -> None:
        self.by_word = dict(self.by_word)
        self.vocab = sorted(self.by_word)

    def exact(self, word: str) -> set[int]:
        return self.by_word.get(word, set())

    def prefix(self, stem: str) -> set[int]:
        start = bisect.bisect_left(self.vocab, stem)
        found: set[int] = set()
        for word in self.vocab[start:]:
            if not word.startswith(stem):
                break
            found |= self.by_word[word]
        return found


class SearchIndex:
    """An in-memory index over a list of delegates; rebuild it when the list changes."""

    def __init__(self, delegates: Iterable[Delegate]) -> None:
        self.delegates: list[Delegate] = sorted(delegates, key=lambda d: d.sort_key)
        self._name = _Postings()
        self._given = _Postings()
        self._other = _Postings()
        self._initials = _Postings()
        for rank, d in enumerate(self.delegates):
            name_words = words(d.name)
            for w in name_words:
                self._name.add(w, rank)
            if name_words:
                self._given.add(name_words[-1], rank)
                self._initials.add("".join(w[0] for w in name_words), rank)
            for text in (d.unit, d.delegation, d.position, d.category, d.seat, d.external_id):
                for w in words(text):
                    self._other.add(w, rank)
        for postings in (self._name, self._given, self._other, self._initials):
            postings.freeze()

    def __len__(self) -> int:
        return len(self.delegates)

    def search(self, query: str, limit: int = 50) -> SearchResult:
        """The delegates matching every word of ``query``, best first."""
        tokens = words(query)
        if not tokens:
            return SearchResult(self.delegates[:limit], len(self.delegates))

        exact = [self._name.exact(t) for t in tokens]
        prefix = [self._name.prefix(t) for t in tokens]
        anywhere = [p | self._other.prefix(t) for p, t in zip(prefix, tokens)]
        initials = (
            self._initials.prefix(tokens[0]) if len(tokens) == 1 and len(tokens[0]) > 1 else set()
        )

        every = _intersect(anywhere) | initials
        whole = _intersect(exact)
        given_hit: set[int] = set().union(*(self._given.exact(t) for t in tokens)) & whole
        tiers = [given_hit, whole, _intersect(prefix), initials, every]

        chosen: list[int] = []
        taken: set[int] = set()
        for tier in tiers:
            if len(chosen) >= limit:
                break
            fresh = tier - taken if taken else tier
            best = heapq.nsmallest(limit - len(chosen), fresh)
            chosen.extend(best)
            taken.update(best)
        return SearchResult([self.delegates[r] for r in chosen], len(every))


def _intersect(sets: Sequence[set[int]]) -> set[int]:
    ordered = sorted(sets, key=len)
    result = set(ordered[0])
    for s in ordered[1:]:
        result &= s
        if not result:
            break
    return result
