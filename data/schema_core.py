"""Migrations of the core tables: event, journal, delegates, codes, attendance, walk-ins, and
the files an event was imported from.

Plain functions; :mod:`data.schema` lists them, with the other areas' migrations, in the order
they run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from .journal import GENESIS, JOURNAL_COLS, chain_hash


def run_statements(db: sqlite_utils.Database, statements: list[str]) -> None:
    # Statement by statement: ``executescript`` would COMMIT the migration's transaction.
    for statement in statements:
        db.execute(statement)


def m001_core(db: sqlite_utils.Database) -> None:
    """Event, append-only journal, delegates, badge codes, attendance, walk-in requests."""
    run_statements(db, _M001)


_M001 = [
    """create table event (
        id integer primary key check (id = 1),
        uid text not null,
        replica text not null,
        parent_replica text,
        desk_copy_of text,
        title text not null,
        kind text not null,
        date text,
        start text not null,
        secret text not null,
        desk_pin text,
        organizer_pin text,
        created_at text not null)""",
    """create table journal (
        seq integer primary key autoincrement,
        uuid text not null unique,
        kind text not null,
        payload text not null,
        desk text not null default '',
        operator text not null default '',
        at text not null,
        origin text not null)""",
    "create index journal_kind on journal (kind)",
    """create trigger journal_no_update before update on journal
        begin select raise(abort, 'journal is append-only'); end""",
    """create trigger journal_no_delete before delete on journal
        begin select raise(abort, 'journal is append-only'); end""",
    """create table delegates (
        id integer primary key,
        external_id text,
        name text not null,
        gender text not null default '',
        birth_year integer,
        birth_date text,
        ethnicity text not null default '',
        religion text not null default '',
        position text not null default '',
        unit text not null default '',
        delegation text not null default '',
        category text not null default '',
        seat text not null default '',
        phone text not null default '',
        source_file text not null default '',
        source_row integer,
        match_key text not null,
        status text not null default 'approved',
        higher_level integer not null default 0,
        created_at text not null,
        updated_at text not null)""",
    "create index delegates_external_id on delegates (external_id)",
    "create index delegates_match_key on delegates (match_key)",
    """create table codes (
        delegate_id integer not null references delegates (id),
        version integer not null,
        code text not null unique,
        issued_at text not null,
        revoked_at text,
        primary key (delegate_id, version))""",
    """create table attendance (
        delegate_id integer primary key references delegates (id),
        checked_in_at text not null,
        desk text not null,
        operator text not null,
        journal_uuid text not null)""",
    """create table walkins (
        id integer primary key,
        name text not null,
        unit text not null default '',
        reason text not null default '',
        substitute_for integer references delegates (id),
        state text not null default 'pending',
        requested_at text not null,
        desk text not null default '',
        delegate_id integer references delegates (id),
        decided_at text)""",
]


def m002_journal_chain_inputs(db: sqlite_utils.Database) -> None:
    """The journal's hash chain and REPLACE guard; the files the event was imported from.

    ``INSERT OR REPLACE`` deletes the row it replaces without firing the DELETE trigger, so a
    BEFORE INSERT trigger refuses any insert over an existing row, and any row without its
    hash. Rows written before this migration are chained here, in order, once.
    """
    run_statements(db, _M002)
    previous = GENESIS
    columns = ", ".join(JOURNAL_COLS)
    chained = []
    for seq, *row in db.execute(f"select seq, {columns} from journal order by seq").fetchall():
        previous = chain_hash(previous, tuple(row))
        chained.append((previous, seq))
    db.execute("drop trigger journal_no_update")
    db.conn.executemany("update journal set hash = ? where seq = ?", chained)
    db.execute(_JOURNAL_NO_UPDATE)


_JOURNAL_NO_UPDATE = """create trigger journal_no_update before update on journal
    begin select raise(abort, 'journal is append-only'); end"""

_M002 = [
    "alter table journal add column hash text",
    """create trigger journal_no_replace before insert on journal
        when new.hash is null
            or exists (select 1 from journal where uuid = new.uuid or seq = new.seq)
        begin select raise(abort, 'journal is append-only, each row with its hash'); end""",
    """create table input_files (
        path text primary key,
        kind text not null,
        name text not null,
        first_at text not null,
        last_at text not null)""",
]


def m003_delegate_name_parts(db: sqlite_utils.Database) -> None:
    """What a list's name cell holds beside the name (:func:`data.names.split_name`): the
    honorific typed before it ("Đại tá", "Bà"), the role note after it ("Trưởng đoàn"), and the
    name as typed when it came in ALL CAPS and is stored re-cased."""
    run_statements(
        db,
        [
            "alter table delegates add column honorific text not null default ''",
            "alter table delegates add column role text not null default ''",
            "alter table delegates add column name_original text not null default ''",
        ],
    )
