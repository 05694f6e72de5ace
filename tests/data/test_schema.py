"""The migration list: released names in released order, whatever order modules import in."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from data.schema import ORDER, migrations, pending

RELEASED = [
    "m001_core",
    "m100_honours",
    "m101_honours_match_decided",
    "m_programme_001_items_runs",
    "m_programme_002_present",
    "m002_journal_chain_inputs",
    "m003_delegate_name_parts",
]


def test_a_new_file_records_the_released_migrations_in_released_order(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "moi.db")
    assert pending(db.conn)  # no table of applied migrations yet
    migrations().apply(db)
    applied = [m.name for m in migrations().applied(db)]
    # Released migrations keep their names and places; new ones only ever come after them.
    assert applied[: len(RELEASED)] == RELEASED
    assert applied == [fn.__name__ for fn in ORDER]
    assert migrations().pending(db) == []
    assert not pending(db.conn)  # the one query Event.open asks agrees with sqlite-utils


def test_a_file_made_before_the_core_m002_gets_only_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "cu.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations().apply(sqlite_utils.Database(conn), stop_before="m002_journal_chain_inputs")
    conn.close()
    db = sqlite_utils.Database(path)
    assert [m.name for m in migrations().pending(db)][:2] == RELEASED[5:7]
    assert pending(db.conn)
    migrations().apply(db)
    assert not pending(db.conn)
    assert [m.name for m in migrations().applied(db)][: len(RELEASED)] == RELEASED
    assert "hash" in db["journal"].columns_dict
    assert "honorific" in db["delegates"].columns_dict
