"""Migration of merging: what the main file remembers of each desk copy (listed in data.schema).

After each merge the main file notes, per desk copy, the last journal row of each side as the
merge left them (:mod:`data.replicas`). The next merge of that copy reads one row of each side
to see whether anything is new, and checks only the copy's rows written since. A cache, not a
record of the day: without it a merge takes the long way (the whole chain checked, every row
compared), with the same result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from .schema_core import run_statements


def m_merges_001_remembered(db: sqlite_utils.Database) -> None:
    """One row per desk copy merged: its replica id, the last journal row of the copy and of
    the main file (seq and hash) when that merge ended, and when it was."""
    run_statements(
        db,
        [
            """create table merged_copies (
                replica text primary key,
                copy_seq integer not null,
                copy_hash text not null,
                main_seq integer not null,
                main_hash text not null,
                merged_at text not null)""",
        ],
    )
