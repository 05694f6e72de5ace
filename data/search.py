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
delegates) and answers each keystroke with a handful of operations on bitsets, so it stays fast
at 100,000 delegates: delegates are numbered in name order (their *rank*), and the delegates
having a word, or a word starting with some letters, are one Python integer whose bit ``r`` is
set for the delegate of rank ``r``. An AND or an OR of two such sets of 100,000 delegates is a
few microseconds of C, and the best matches of a tier are its lowest set bits.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain

from .delegates import Delegate
from .text import words


@dataclass(frozen=True)
class SearchResult:
    """What one keystroke shows."""

    delegates: list[Delegate]
    """The best matches first, at most ``limit`` of them."""
    total: int
    """How many delegates match in all."""


Bits = int
"""A set of delegate ranks: bit ``r`` is set when the delegate of rank ``r`` is in it."""

_BIT = tuple(1 << i for i in range(8))
_NONZERO = re.compile(rb"[^\x00]")
_BITS_OF_BYTE = tuple(tuple(i for i in range(8) if byte >> i & 1) for byte in range(256))
_AFTER = "\x7f"
"""Sorts after every letter and digit a folded word is made of (:func:`data.text.words`)."""


def _bits(ranks: Sequence[int]) -> Bits:
    """The bitset of ``ranks``."""
    if len(ranks) <= 16:  # a rare word: a few shifts beat a buffer of all the delegates
        bits = 0
        for r in ranks:
            bits |= 1 << r
        return bits
    buf = bytearray((max(ranks) >> 3) + 1)
    for r in ranks:
        buf[r >> 3] |= _BIT[r & 7]
    return int.from_bytes(buf, "little")


def lowest(bits: Bits, count: int) -> list[int]:
    """The ``count`` smallest ranks in ``bits``, smallest first."""
    if count <= 0 or not bits:
        return []
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    found: list[int] = []
    for nonzero in _NONZERO.finditer(data):
        at = nonzero.start()
        base = at << 3
        for bit in _BITS_OF_BYTE[data[at]]:
            found.append(base + bit)
            if len(found) == count:
                return found
    return found


class _Postings:
    """word → delegate ranks, and every prefix of the vocabulary → ranks.

    A word or prefix held by at least ``threshold`` delegates is
    kept as a bitset (precomputed for prefixes, so "n" is one look-up, not a union of the
    hundreds of words starting with n), a rarer word as a tuple of ranks, turned into a bitset
    when asked (at most ``threshold`` ranks, so a few microseconds). The threshold (1/256 of the
    delegates) is where a bitset takes less memory than the ranks it holds.
    """

    def __init__(
        self,
        groups: dict[str, list[list[int]]],
        size: int,
        *,
        exact: bool = True,
        prefix: bool = True,
    ) -> None:
        """Index ``groups`` (word → the rank lists of the texts it is in) of ``size`` delegates
        for :meth:`exact` and/or :meth:`prefix` look-ups."""
        self.rare: dict[str, tuple[int, ...]] = {}
        self.common: dict[str, Bits] = {}
        self.prefixes: dict[str, Bits] = {}
        lists = {
            word: parts[0] if len(parts) == 1 else sorted(set(chain.from_iterable(parts)))
            for word, parts in groups.items()
        }
        vocab = self.vocab = sorted(lists)
        threshold = max(64, size >> 8)
        counts = [len(lists[w]) for w in vocab]
        for word, count in zip(vocab, counts):
            if count < threshold:
                self.rare[word] = tuple(lists[word])
            elif exact or prefix:
                self.common[word] = _bits(lists[word])
        if prefix:
            self._walk(0, len(vocab), 0, list(accumulate(counts, initial=0)), threshold)
        if not exact:
            self.common = {}

    def _walk(self, lo: int, hi: int, depth: int, cum: list[int], threshold: int) -> Bits:
        """The union of ``vocab[lo:hi]``, words sharing their first ``depth`` letters; every
        longer prefix in that range held by ``threshold`` delegates or more is stored on the way."""
        vocab = self.vocab
        union = 0
        loose: list[int] = []
        i = lo
        if depth and len(vocab[i]) == depth:  # the prefix is itself a word: it sorts first
            union = self._word_into(vocab[i], union, loose)
            i += 1
        while i < hi:
            stem = vocab[i][: depth + 1]
            j = bisect.bisect_left(vocab, stem + _AFTER, i, hi)
            if cum[j] - cum[i] >= threshold:
                child = self._walk(i, j, depth + 1, cum, threshold)
                self.prefixes[stem] = child
                union |= child
            elif depth:
                for word in vocab[i:j]:
                    union = self._word_into(word, union, loose)
            i = j
        return union | _bits(loose)

    def _word_into(self, word: str, union: Bits, loose: list[int]) -> Bits:
        common = self.common.get(word)
        if common is not None:
            return union | common
        loose.extend(self.rare[word])
        return union

    def exact(self, word: str) -> Bits:
        """The delegates having ``word``."""
        common = self.common.get(word)
        if common is not None:
            return common
        return _bits(self.rare.get(word, ()))

    def prefix(self, stem: str) -> Bits:
        """The delegates having a word that starts with ``stem``."""
        common = self.prefixes.get(stem)
        if common is not None:
            return common
        # Not a common prefix: the words under it are rare and hold fewer than threshold ranks.
        start = bisect.bisect_left(self.vocab, stem)
        end = bisect.bisect_left(self.vocab, stem + _AFTER, start)
        ranks: list[int] = []
        for word in self.vocab[start:end]:
            ranks.extend(self.rare[word])
        return _bits(ranks)


class SearchIndex:
    """An in-memory index over a list of delegates; rebuild it when the list changes."""

    def __init__(self, delegates: Iterable[Delegate]) -> None:
        self.delegates: list[Delegate] = sorted(delegates, key=lambda d: d.sort_key)
        # Lists repeat their units, delegations, titles (and some names) thousands of times:
        # each distinct text is split into words once, with the ranks of the delegates having it.
        names: dict[str, list[int]] = defaultdict(list)
        others: dict[str, list[int]] = defaultdict(list)
        for rank, d in enumerate(self.delegates):
            names[d.name].append(rank)
            for text in (d.unit, d.delegation, d.position, d.category, d.seat, d.external_id):
                if text:
                    held = others[text]
                    if not held or held[-1] != rank:  # one text in two fields of one delegate
                        held.append(rank)
        name: dict[str, list[list[int]]] = defaultdict(list)
        given: dict[str, list[list[int]]] = defaultdict(list)
        initials: dict[str, list[list[int]]] = defaultdict(list)
        other: dict[str, list[list[int]]] = defaultdict(list)
        for text, ranks in names.items():
            name_words = words(text)
            for w in set(name_words):
                name[w].append(ranks)
            if name_words:
                given[name_words[-1]].append(ranks)
                initials["".join(w[0] for w in name_words)].append(ranks)
        for text, ranks in others.items():
            for w in set(words(text)):
                other[w].append(ranks)
        size = len(self.delegates)
        self._name = _Postings(name, size)
        self._given = _Postings(given, size, prefix=False)
        self._other = _Postings(other, size, exact=False)
        self._initials = _Postings(initials, size, exact=False)

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
            self._initials.prefix(tokens[0]) if len(tokens) == 1 and len(tokens[0]) > 1 else 0
        )

        every = _intersect(anywhere) | initials
        whole = _intersect(exact)
        given = 0
        for t in tokens:
            given |= self._given.exact(t)
        tiers = [given & whole, whole, _intersect(prefix), initials, every]

        chosen: list[int] = []
        taken: Bits = 0
        for tier in tiers:
            if len(chosen) >= limit:
                break
            chosen.extend(lowest(tier & ~taken, limit - len(chosen)))
            # Past a tier only when all of it was chosen: what is taken is the tiers so far.
            taken |= tier
        return SearchResult([self.delegates[r] for r in chosen], every.bit_count())


def _intersect(sets: Sequence[Bits]) -> Bits:
    result = sets[0]
    for s in sets[1:]:
        result &= s
    return result
