"""Migrations of the day's sessions, absences, quorum, hand-outs, and the delegate profile the
report on delegates present reads.

Plain functions; :mod:`data.schema` lists them, after the released ones, in the order they run.

Attendance becomes per session. The rows move to ``session_attendance`` (one row per session
and delegate) and ``attendance`` becomes a view of the *current* session's rows, with INSTEAD OF
triggers for insert and delete: every reader that asked "who has arrived" (the delegate list,
the figures, the exports, the honours ceremony, the programme) now asks "who is present in this
session" without changing a line, and an event with its one default session sees no change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from .schema_core import run_statements

DEFAULT_SESSION = "default"
"""The key of the session every event has from the start (the only one of a one-session day)."""

DEFAULT_SESSION_NAME = "Phiên thứ nhất"
"""Its name until an organizer opens a session by name (which then takes this one's place
when nothing was counted in it yet)."""

CURRENT_SESSION = "(select key from sessions order by current_since desc, key desc limit 1)"
"""The current session: the one made current last (``session open``)."""


def m_sessions_001_sessions(db: sqlite_utils.Database) -> None:
    """Sessions, attendance per session (``attendance`` a view of the current one), absences
    with a reason, hand-out lists and their hand-outs, and the event's quorum threshold."""
    run_statements(db, _SESSIONS)


_SESSIONS = [
    """create table sessions (
        key text primary key,
        name text not null unique,
        opened_at text,
        current_since text not null default '',
        journal_uuid text)""",
    f"""insert into sessions (key, name, current_since)
        values ('{DEFAULT_SESSION}', '{DEFAULT_SESSION_NAME}', '')""",
    """create table session_attendance (
        session text not null references sessions (key),
        delegate_id integer not null references delegates (id),
        checked_in_at text not null,
        desk text not null,
        operator text not null,
        journal_uuid text not null,
        primary key (session, delegate_id))""",
    f"""insert into session_attendance
        (session, delegate_id, checked_in_at, desk, operator, journal_uuid)
        select '{DEFAULT_SESSION}', delegate_id, checked_in_at, desk, operator, journal_uuid
        from attendance""",
    "drop table attendance",
    f"""create view attendance as
        select delegate_id, checked_in_at, desk, operator, journal_uuid
        from session_attendance where session = {CURRENT_SESSION}""",
    f"""create trigger attendance_insert instead of insert on attendance begin
        insert into session_attendance
            (session, delegate_id, checked_in_at, desk, operator, journal_uuid)
        values ({CURRENT_SESSION}, new.delegate_id, new.checked_in_at, new.desk,
            new.operator, new.journal_uuid);
        end""",
    f"""create trigger attendance_delete instead of delete on attendance begin
        delete from session_attendance
        where session = {CURRENT_SESSION} and delegate_id = old.delegate_id;
        end""",
    """create table absences (
        session text not null references sessions (key),
        delegate_id integer not null references delegates (id),
        reason text not null,
        recorded_at text not null,
        desk text not null default '',
        operator text not null default '',
        journal_uuid text not null,
        primary key (session, delegate_id))""",
    """create table handout_items (
        name text primary key,
        must_return integer not null default 0,
        created_at text not null)""",
    """create table handouts (
        item text not null references handout_items (name),
        delegate_id integer not null references delegates (id),
        handed_at text not null,
        desk text not null,
        operator text not null default '',
        journal_uuid text not null,
        returned_at text,
        returned_desk text,
        return_uuid text,
        primary key (item, delegate_id))""",
    "alter table event add column quorum text",
]


PROFILE_FIELDS = (
    "delegate_kind",
    "party_date",
    "education",
    "qualification",
    "political_theory",
    "honour_title",
    "sector",
    "model_kind",
)
"""What trích ngang lists add about a delegate, for the report on delegates present: the kind
of delegate (đương nhiên, được bầu, chỉ định, khách mời, dự khuyết), the day they joined the
Party, schooling (học vấn), professional qualification, political theory, a state honorary
title (Anh hùng, NGND …), the sector (lĩnh vực) and whether they stand for an individual or a
collective (emulation congresses). Kept as the list wrote them; read by :mod:`data.credentials`."""


def m_sessions_002_delegate_profile(db: sqlite_utils.Database) -> None:
    """The delegate columns of :data:`PROFILE_FIELDS` (empty text when a list has none)."""
    run_statements(
        db,
        [f"alter table delegates add column {f} text not null default ''" for f in PROFILE_FIELDS],
    )


def m_sessions_003_current_index(db: sqlite_utils.Database) -> None:
    """An index in the order :data:`CURRENT_SESSION` reads sessions: every scan asks for the
    current session (the ``attendance`` view and its insert trigger do too), and without it
    SQLite sorts the sessions into a temporary b-tree each time (about an eighth of a scan's
    instructions)."""
    run_statements(db, ["create index sessions_current on sessions (current_since, key)"])
