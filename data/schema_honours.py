"""Migrations of the honours tables (listed, in order, in data.schema).

One row per honour to hand over on stage: who receives it (a person or a collective), what
(the form of honour, as written in the decision), under which decision, in which group ("Đợt 2")
and where it stands (planned → called → presented / absent / received on behalf, or withdrawn).
The calling order is computed by ``programme.honours`` from the form's precedence, so the rules
live in code and can be corrected without a migration; ``list_order`` keeps an order the imported
list gives explicitly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from .schema_core import run_statements


def m100_honours(db: sqlite_utils.Database) -> None:
    """The honours list and the state of each honour during the ceremony."""
    run_statements(db, _M100)


_M100 = [
    """create table honours (
        id integer primary key,
        recipient text not null,
        collective integer not null default 0,
        position text not null default '',
        unit text not null default '',
        form text not null,
        decision text not null default '',
        stage_group text not null default '',
        presenter text not null default '',
        list_order integer,
        posthumous integer not null default 0,
        external_id text,
        representative text not null default '',
        delegate_id integer references delegates (id),
        match text not null default 'none'
            check (match in ('matched', 'ambiguous', 'none')),
        candidates text not null default '[]',
        state text not null default 'planned'
            check (state in ('planned', 'called', 'presented', 'absent', 'proxy', 'withdrawn')),
        state_at text,
        state_desk text,
        proxy_by text,
        source_file text not null default '',
        source_row integer,
        match_key text not null,
        created_at text not null,
        updated_at text not null)""",
    "create index honours_delegate on honours (delegate_id)",
    "create index honours_group on honours (stage_group)",
    "create index honours_match_key on honours (match_key)",
]


def m101_honours_match_decided(db: sqlite_utils.Database) -> None:
    """When the organizers decided an honour's match (``honours match``): a re-import keeps that
    decision, "not a delegate" included, instead of matching the row again.

    Decisions made before this column existed are read back from the journal: the latest
    ``honour.matched`` row of each honour, restoring a "not a delegate" a re-import overwrote.
    """
    run_statements(db, _M101)


_M101 = [
    "alter table honours add column match_decided_at text",
    """update honours set match_decided_at = (
        select j.at from journal j
        where j.kind = 'honour.matched' and json_extract(j.payload, '$.id') = honours.id
        order by j.seq desc limit 1)""",
    """update honours set match = 'none', delegate_id = null, candidates = '[]'
    where match_decided_at is not null and (
        select json_extract(j.payload, '$.delegate_id') from journal j
        where j.kind = 'honour.matched' and json_extract(j.payload, '$.id') = honours.id
        order by j.seq desc limit 1) is null""",
]
