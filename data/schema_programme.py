"""Migrations of the programme tables (listed, in order, in data.schema).

``programme_items`` is the running order (a tree one level deep: the speeches of "tham luận" are
children of that item); ``programme_runs`` keeps every time an item was on stage. Actual times are
only ever appended there: going back to a finished item opens a new run, it never rewrites the
old one, so the day's history survives alongside the journal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from .schema_core import run_statements


def m_programme_001_items_runs(db: sqlite_utils.Database) -> None:
    """The running order and the runs (actual start/end) of its items."""
    run_statements(db, _PROGRAMME_001)


_PROGRAMME_001 = [
    """create table programme_items (
        id integer primary key,
        parent_id integer references programme_items (id),
        position integer not null,
        role text not null default '',
        title text not null,
        minutes integer not null check (minutes >= 0),
        performer text not null default '',
        delegate_id integer references delegates (id),
        notes text not null default '',
        tech text not null default '',
        fixed_start text,
        warn_seconds integer not null default 120,
        danger_seconds integer not null default 0,
        state text not null default 'pending'
            check (state in ('pending', 'running', 'done', 'skipped')),
        created_at text not null)""",
    "create index programme_items_parent on programme_items (parent_id, position)",
    "create index programme_items_delegate on programme_items (delegate_id)",
    """create table programme_runs (
        id integer primary key,
        item_id integer not null references programme_items (id),
        started_at text not null,
        ended_at text,
        outcome text,
        journal_uuid text not null)""",
    "create index programme_runs_item on programme_runs (item_id, started_at)",
    """create trigger programme_runs_keep_start before update of started_at on programme_runs
        begin select raise(abort, 'a run start is never rewritten'); end""",
    """create trigger programme_runs_keep_end before update of ended_at on programme_runs
        when old.ended_at is not null
        begin select raise(abort, 'a run end is never rewritten'); end""",
    """create trigger programme_runs_no_delete before delete on programme_runs
        begin select raise(abort, 'runs are history'); end""",
]


def m_programme_002_present(db: sqlite_utils.Database) -> None:
    """The number of delegates present when a run started (announced before the vote)."""
    run_statements(db, ["alter table programme_runs add column present integer"])
