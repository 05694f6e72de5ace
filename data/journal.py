"""The journal's hash chain: each row's hash covers the row and the hash of the row before.

A row edited, removed or slipped in with plain SQL (the triggers refuse UPDATE, DELETE and
REPLACE; a copy of the file edited elsewhere has none of them) breaks the chain from that row
on. :func:`verify` finds the first such row; ``daihoi verify`` and every merge of a desk copy
call it. The chain shows tampering by anyone who does not also recompute every later hash.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

JOURNAL_COLS = ("uuid", "kind", "payload", "desk", "operator", "at", "origin")
"""The columns of a journal row that its hash covers, in this order."""

GENESIS = "0" * 64
"""The hash "before" the first journal row."""


def chain_hash(previous: str, row: tuple[object, ...]) -> str:
    """The hash of a journal row: SHA-256 over the previous row's hash and this row's values."""
    import hashlib  # here, not at the top: a command that only reads never hashes

    # One buffer, one digest: the bytes of the previous hash, then each value after a 0x1f
    # separator, UTF-8 (lone surrogates kept as they are).
    text = previous + "".join(["\x1f" + str(value) for value in row])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Verification:
    """What :func:`verify` found."""

    rows: int
    """Journal rows checked."""
    integrity: str
    """SQLite's ``PRAGMA integrity_check``: ``ok`` or its first complaint."""
    broken_seq: int | None = None
    """The first journal row whose hash does not follow from the rows before it."""
    broken_kind: str = ""
    broken_at: str = ""

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.broken_seq is None


def verify(conn: sqlite3.Connection, *, after: int = 0, previous: str = GENESIS) -> Verification:
    """Check the file's integrity and the journal's hash chain, row by row in order.

    ``after`` and ``previous``: check only the rows after row ``after``, chained from
    ``previous``, that row's hash as it was known when checked before (a merge checks only what
    a desk copy wrote since the last merge, :func:`data.replicas.merge`).
    """
    integrity = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    count = 0
    columns = ", ".join(JOURNAL_COLS)
    for seq, *row, found in conn.execute(
        f"select seq, {columns}, hash from journal where seq > ? order by seq", (after,)
    ):
        count += 1
        previous = chain_hash(previous, tuple(row))
        if found != previous:
            return Verification(count, integrity, seq, row[1], row[5])
    return Verification(count, integrity)
