"""The search index as it was before bitsets (sets of ranks), kept as the reference the new
index must agree with result for result (tests/data/test_search_equivalence.py)."""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence

from data.delegates import Delegate
from data.search import SearchResult
from data.text import words


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


class ReferenceIndex:
    """The previous ``data.search.SearchIndex``, unchanged but for its name."""

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

    def search(self, query: str, limit: int = 50) -> SearchResult:
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
