"""Migrations of protocol: guests' rank and side, and the hall plan (listed in data.schema).

A guest is a delegate whose category says so ("Khách mời") or who came from a guest list
(``guest = 1``); :mod:`data.guests` reads them, :mod:`programme.protocol` orders them. The hall
plan organizers edit (:mod:`data.seats`) is kept in the event itself, so every desk and
command seats on the same plan; each seat given is the delegate's ``seat`` text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from .schema_core import run_statements


def m_protocol_001_guests_hall(db: sqlite_utils.Database) -> None:
    """Protocol rank, side ("Về phía Trung ương"), appointment date and the guest-list mark of
    each delegate; the hall plan, one row."""
    run_statements(
        db,
        [
            "alter table delegates add column side text not null default ''",
            "alter table delegates add column protocol_rank integer",
            "alter table delegates add column appointed text not null default ''",
            "alter table delegates add column guest integer",
            """create table hall (
                id integer primary key check (id = 1),
                plan text not null,
                source text not null default '',
                saved_at text not null)""",
        ],
    )
