"""Migration of the badge print history (listed in :mod:`data.schema`).

One row per badge per print run (:mod:`data.printed`): which delegate, which version of their
code, what the badge said (a fingerprint of the printed fields), when, at which desk, on which
layout, into which file. A file that printed badges before this table existed gets one row per
badge its journal says was printed: the reprints (``badge.reissued``, whose new version a run
printed) and the codes a run issued (``badge.issued``); their fingerprint is unknown (empty), so
they count as printed, never as changed. A first print of codes issued at import left no trace
in those files: such badges count as never printed (the console says how many before printing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from .schema_core import run_statements


def m_printed_001_badge_prints(db: sqlite_utils.Database) -> None:
    """The ``badge_prints`` table, filled from the journal of an event printed before it."""
    run_statements(db, _PRINTED)


_PRINTED = [
    """create table badge_prints (
        id integer primary key,
        delegate_id integer not null references delegates (id),
        version integer not null,
        fingerprint text not null,
        printed_at text not null,
        desk text not null,
        layout text not null,
        file text not null,
        journal_uuid text not null)""",
    "create index badge_prints_delegate on badge_prints (delegate_id, printed_at)",
    """insert into badge_prints
        (delegate_id, version, fingerprint, printed_at, desk, layout, file, journal_uuid)
        select cast(ids.value as integer), 1, '', j.at, j.desk, '', '', j.uuid
        from journal j, json_each(j.payload, '$.delegate_ids') ids
        where j.kind = 'badge.issued'
          and cast(ids.value as integer) in (select id from delegates)""",
    """insert into badge_prints
        (delegate_id, version, fingerprint, printed_at, desk, layout, file, journal_uuid)
        select json_extract(j.payload, '$.delegate_id'), json_extract(j.payload, '$.version'),
            '', j.at, j.desk, '', '', j.uuid
        from journal j
        where j.kind = 'badge.reissued'
          and json_extract(j.payload, '$.delegate_id') in (select id from delegates)""",
]
