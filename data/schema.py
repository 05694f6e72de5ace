"""The schema of the event file, as forward-only migrations (sqlite-utils ``Migrations``).

A migration is never edited once released: add a new one at the end of :data:`ORDER`.
``Event.open`` applies pending ones, so an event file made by an older daihoi opens in a newer
one. sqlite-utils records each applied migration by its function's name, so a name never changes.

Each area keeps its migrations in its own module as plain functions (:mod:`data.schema_core`,
:mod:`data.schema_honours`, :mod:`data.schema_programme`); the order they run in is written
here, once, and does not depend on the order modules are imported in. It is the order of
release: the honours and programme tables came before the core's m002 and m003.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from typing import TYPE_CHECKING

from . import (
    schema_core,
    schema_honours,
    schema_layouts,
    schema_merges,
    schema_printed,
    schema_programme,
    schema_protocol,
    schema_sessions,
)

ORDER = (
    schema_core.m001_core,
    schema_honours.m100_honours,
    schema_honours.m101_honours_match_decided,
    schema_programme.m_programme_001_items_runs,
    schema_programme.m_programme_002_present,
    schema_core.m002_journal_chain_inputs,
    schema_core.m003_delegate_name_parts,
    schema_protocol.m_protocol_001_guests_hall,
    schema_sessions.m_sessions_001_sessions,
    schema_sessions.m_sessions_002_delegate_profile,
    schema_merges.m_merges_001_remembered,
    schema_layouts.m_layouts_001_column_maps,
    schema_printed.m_printed_001_badge_prints,
    schema_sessions.m_sessions_003_current_index,
)
"""Every migration, in the order it runs on a new file (append new ones at the end)."""

if TYPE_CHECKING:
    import sqlite_utils

MIGRATION_SET = "daihoi"
"""The name sqlite-utils records each applied migration under."""


def pending(conn: sqlite3.Connection) -> bool:
    """Whether the file lacks any migration of :data:`ORDER`: one query, so opening an
    up-to-date event (every desk, every command) needs no sqlite-utils."""
    try:
        applied = {
            name
            for (name,) in conn.execute(
                "select name from _sqlite_migrations where migration_set = ?", (MIGRATION_SET,)
            )
        }
    except sqlite3.OperationalError:  # a new file: no table of applied migrations yet
        return True
    return any(m.__name__ not in applied for m in ORDER)


@cache
def migrations() -> sqlite_utils.Migrations:
    """:data:`ORDER` as sqlite-utils ``Migrations``, which applies what a file lacks."""
    import sqlite_utils

    found = sqlite_utils.Migrations(MIGRATION_SET)
    for migration in ORDER:
        found()(migration)
    return found
