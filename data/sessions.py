"""The day's sessions (phiên họp), absences with a reason, and the quorum.

A congress day has sessions: a morning and an afternoon, a preparatory session (phiên trù bị)
before them at Party, Youth Union and association congresses. Every event has one from the start
(:data:`~data.schema_sessions.DEFAULT_SESSION`), so a one-session day never meets the idea. An
organizer opens the next one (:func:`open_session`); check-ins from then on count for it, so a
delegate admitted this morning is admitted again after lunch, and "already" means "already in
this session".

Storage: ``session_attendance`` holds one row per session and delegate; ``attendance`` is a view
of the current session's rows (see :mod:`data.schema_sessions`), which is what every figure and
list reads. :func:`viewing` points that view at another session for one read-only report
(``--session``) by shadowing it with a temporary view on this connection only.

Sessions are opened on the main event file only: a desk copy learns of a new session when it
is merged (its check-ins count for the session it knew, the one its verdicts named).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import DaihoiError
from .schema_sessions import CURRENT_SESSION, DEFAULT_SESSION
from .store import Event, stamp
from .text import typed_label

if TYPE_CHECKING:
    from fractions import Fraction

SESSION_NAME_MAX = 60


@dataclass(frozen=True)
class Session:
    """One session of the day."""

    key: str
    """Stable id (``default`` for the first; a random hex for the others): journal rows and
    desk copies name a session by it, so renaming the first session breaks nothing."""
    name: str
    """As organizers call it ("Phiên trù bị", "Phiên chiều")."""
    opened_at: str | None
    """When an organizer opened it (stored stamp); None for the first session never opened by
    name (it is open from the start)."""
    current: bool
    """Whether check-ins count for it now."""


def _row(row: tuple[Any, ...], current_key: str) -> Session:
    key, name, opened_at = row
    return Session(key, name, opened_at, key == current_key)


def current_key(event: Event) -> str:
    """The key of the session check-ins count for now (one indexed read)."""
    row = event.conn.execute(f"select {CURRENT_SESSION}").fetchone()
    return str(row[0]) if row and row[0] else DEFAULT_SESSION


def current(event: Event) -> Session:
    """The session check-ins count for now."""
    row = event.conn.execute(
        f"select key, name, opened_at from sessions where key = {CURRENT_SESSION}"
    ).fetchone()
    return _row(row, row[0])


def all_sessions(event: Event) -> list[Session]:
    """Every session in the order they were first opened (the first session first)."""
    key = current_key(event)
    rows = event.conn.execute(
        "select key, name, opened_at from sessions"
        " order by key != 'default', coalesce(opened_at, ''), key"
    ).fetchall()
    return [_row(r, key) for r in rows]


def find(event: Event, name: str) -> Session:
    """The session called ``name`` (exact after tidying; accents matter: "Phiên chiều")."""
    wanted = session_name(name)
    for found in all_sessions(event):
        if found.name == wanted:
            return found
    raise DaihoiError(
        "session.unknown", name=wanted, known=", ".join(s.name for s in all_sessions(event))
    )


def session_name(text: str) -> str:
    """A session name as typed, tidied (NFC, single spaces); refused when empty or too long."""
    return typed_label(text, SESSION_NAME_MAX, missing="session.no_name", bad="session.bad_name")


def open_session(event: Event, name: str) -> Session:
    """Open the session ``name``: check-ins from now on count for it. Journaled.

    A name already used makes that session current again (an organizer who opened the
    afternoon too early goes back to the morning); the first session, while nobody was counted
    in it and it was never opened by name, takes the name instead of leaving an empty
    "Phiên thứ nhất" in every report.
    """
    if event.info.desk_copy_of is not None:
        raise DaihoiError("session.on_copy", desk=event.info.desk_copy_of)
    wanted = session_name(name)
    now = stamp(event.now())
    with event.write():
        existing = event.conn.execute(
            "select key, opened_at from sessions where name = ?", (wanted,)
        ).fetchone()
        first = event.conn.execute(
            "select opened_at, (select count(*) from session_attendance where session = ?)"
            " from sessions where key = ?",
            (DEFAULT_SESSION, DEFAULT_SESSION),
        ).fetchone()
        if existing is not None:
            key, again = existing[0], True
        elif first[0] is None and first[1] == 0:
            key, again = DEFAULT_SESSION, False
        else:
            key, again = uuid.uuid4().hex, False
        payload = {"session": key, "name": wanted, "again": again}
        journal_uuid = event.journal("session.opened", payload)
        if again:
            event.conn.execute("update sessions set current_since = ? where key = ?", (now, key))
        elif key == DEFAULT_SESSION:
            event.conn.execute(
                "update sessions set name = ?, opened_at = ?, current_since = ?, journal_uuid = ?"
                " where key = ?",
                (wanted, now, now, journal_uuid, key),
            )
        else:
            event.conn.execute(
                "insert into sessions (key, name, opened_at, current_since, journal_uuid)"
                " values (?, ?, ?, ?, ?)",
                (key, wanted, now, now, journal_uuid),
            )
    return current(event)


@contextmanager
def viewing(event: Event, name: str | None) -> Iterator[Session]:
    """Read session ``name`` (None: the current one) through ``attendance`` for a while.

    A temporary view on this connection shadows the event's ``attendance`` view (SQLite looks
    in ``temp`` first), so the delegate list, the figures and every report read that session's
    check-ins; nothing is written to the event file, so it works on a read-only open too.
    """
    if name is None:
        yield current(event)
        return
    chosen = find(event, name)
    conn = event.conn
    query_only = conn.execute("PRAGMA query_only").fetchone()[0]
    conn.execute("PRAGMA query_only=OFF")  # temp objects only: the event file is not touched
    try:
        conn.execute(
            "create temp view attendance as"
            " select delegate_id, checked_in_at, desk, operator, journal_uuid"
            f" from main.session_attendance where session = '{chosen.key}'"
        )
    finally:
        conn.execute(f"PRAGMA query_only={int(query_only)}")
    try:
        yield chosen
    finally:
        conn.execute("PRAGMA query_only=OFF")
        try:
            conn.execute("drop view if exists temp.attendance")
        finally:
            conn.execute(f"PRAGMA query_only={int(query_only)}")


@dataclass(frozen=True)
class SessionFigures:
    """One session's arrivals, as ``stats --json`` prints them."""

    name: str
    opened_at: str | None
    arrived: int
    """Delegates on the approved list checked in for this session."""
    expected: int
    """Delegates on the approved list."""
    current: bool


def figures(event: Event, expected: int | None = None) -> list[SessionFigures]:
    """Arrived/expected of every session (only delegates still on the list count);
    ``expected``, the approved list's size, when the caller has just counted it."""
    if expected is None:
        expected = int(
            event.conn.execute(
                "select count(*) from delegates where status = 'approved'"
            ).fetchone()[0]
        )
    counts = dict(
        event.conn.execute(
            "select a.session, count(*) from session_attendance a"
            " join delegates d on d.id = a.delegate_id where d.status = 'approved'"
            " group by a.session"
        ).fetchall()
    )
    return [
        SessionFigures(s.name, s.opened_at, int(counts.get(s.key, 0)), expected, s.current)
        for s in all_sessions(event)
    ]


# ---------------------------------------------------------------- absences
@dataclass(frozen=True)
class Absence:
    """A justified absence (vắng có lý do) of one delegate in one session."""

    delegate_id: int
    session: str
    """The session's name."""
    reason: str
    recorded_at: str
    desk: str


def _session_key(event: Event, name: str | None) -> tuple[str, str]:
    chosen = current(event) if name is None else find(event, name)
    return chosen.key, chosen.name


def record_absence(
    event: Event, delegate_id: int, reason: str, *, session: str | None = None
) -> Absence:
    """Record that ``delegate_id`` is absent from ``session`` (None: the current) for
    ``reason``; journaled. A delegate present in that session is refused; recording again
    replaces the reason."""
    from . import delegates as delegates_mod
    from .text import clean

    text = clean(reason)
    if not text:
        raise DaihoiError("absence.no_reason")
    delegate = delegates_mod.get(event, delegate_id)
    now = stamp(event.now())
    with event.write():
        key, name = _session_key(event, session)
        present = event.conn.execute(
            "select checked_in_at from session_attendance where session = ? and delegate_id = ?",
            (key, delegate_id),
        ).fetchone()
        if present is not None:
            raise DaihoiError(
                "absence.present", name=delegate.name, session=name, at=present[0][11:16]
            )
        journal_uuid = event.journal(
            "absence.recorded", {"delegate_id": delegate_id, "session": key, "reason": text}
        )
        event.conn.execute(
            "insert into absences (session, delegate_id, reason, recorded_at, desk, operator,"
            " journal_uuid) values (?, ?, ?, ?, ?, ?, ?) on conflict (session, delegate_id)"
            " do update set reason = excluded.reason, recorded_at = excluded.recorded_at,"
            " desk = excluded.desk, operator = excluded.operator,"
            " journal_uuid = excluded.journal_uuid",
            (key, delegate_id, text, now, event.desk, event.operator, journal_uuid),
        )
    return Absence(delegate_id, name, text, now, event.desk)


def undo_absence(event: Event, delegate_id: int, *, session: str | None = None) -> Absence:
    """Take back a recorded absence: its own journal row (``absence.undone``)."""
    with event.write():
        key, name = _session_key(event, session)
        row = event.conn.execute(
            "select reason, recorded_at, desk, journal_uuid from absences"
            " where session = ? and delegate_id = ?",
            (key, delegate_id),
        ).fetchone()
        if row is None:
            raise DaihoiError("absence.none", id=delegate_id, session=name)
        event.journal(
            "absence.undone", {"delegate_id": delegate_id, "session": key, "undoes": row[3]}
        )
        event.conn.execute(
            "delete from absences where session = ? and delegate_id = ?", (key, delegate_id)
        )
    return Absence(delegate_id, name, row[0], row[1], row[2])


def absences(event: Event, *, session: str | None = None) -> list[Absence]:
    """Recorded absences of ``session`` (None: the current or the one :func:`viewing` shows),
    of delegates still on the list and not checked in after all."""
    key, name = _viewed(event, session)
    rows = event.conn.execute(
        "select b.delegate_id, b.reason, b.recorded_at, b.desk from absences b"
        " join delegates d on d.id = b.delegate_id"
        " where b.session = ? and d.status = 'approved' and not exists"
        " (select 1 from session_attendance a where a.session = b.session"
        "  and a.delegate_id = b.delegate_id) order by b.delegate_id",
        (key,),
    ).fetchall()
    return [Absence(r[0], name, r[1], r[2], r[3]) for r in rows]


def viewed(event: Event) -> str:
    """The name of the session reads are about now: the one :func:`viewing` shows, else the
    current one."""
    return _viewed(event, None)[1]


def _viewed(event: Event, session: str | None) -> tuple[str, str]:
    """The session a read is about: named, else the one :func:`viewing` set, else current."""
    if session is not None:
        return _session_key(event, session)
    shown = event.conn.execute(
        "select sql from sqlite_temp_master where type = 'view' and name = 'attendance'"
    ).fetchone()
    if shown is not None:
        key = shown[0].rsplit("'", 2)[1]
        found = event.conn.execute("select name from sessions where key = ?", (key,)).fetchone()
        return key, found[0]
    chosen = current(event)
    return chosen.key, chosen.name


@dataclass(frozen=True)
class AbsentLists:
    """Who is not present in a session, split as organizers read it out."""

    session: str
    excused: list[tuple[int, str]]
    """(delegate id, reason): vắng có lý do."""
    not_arrived: list[int]
    """Delegate ids not checked in and without a recorded reason: chưa đến."""


def absent_lists(event: Event, *, session: str | None = None) -> AbsentLists:
    """The delegates on the approved list not present in ``session``, split by reason."""
    key, name = _viewed(event, session)
    excused = [(a.delegate_id, a.reason) for a in absences(event, session=name)]
    known = {d for d, _ in excused}
    missing = [
        int(r[0])
        for r in event.conn.execute(
            "select d.id from delegates d where d.status = 'approved' and not exists"
            " (select 1 from session_attendance a where a.session = ? and a.delegate_id = d.id)"
            " order by d.id",
            (key,),
        )
        if int(r[0]) not in known
    ]
    return AbsentLists(name, excused, missing)


# ---------------------------------------------------------------- quorum
QUORUM_TYPICAL = "2/3"
"""The rule of Party and Youth Union congresses; emulation congresses set none."""


def parse_threshold(text: str) -> Fraction | None:
    """ "2/3", "50%", "0,5", "off" → the threshold (None: no quorum rule)."""
    from fractions import Fraction  # quorum only: reads of the day's figures skip it

    value = text.strip().lower()
    if value in ("off", "tắt", "tat", "none", "khong", "không", ""):
        return None
    try:
        if value.endswith("%"):
            found = Fraction(value[:-1].replace(",", ".").strip()) / 100
        else:
            found = Fraction(value.replace(",", "."))
    except (ValueError, ZeroDivisionError) as exc:
        raise DaihoiError("quorum.bad", value=text) from exc
    if not 0 < found <= 1:
        raise DaihoiError("quorum.bad", value=text)
    return found


def set_quorum(event: Event, text: str) -> Fraction | None:
    """Set the event's quorum threshold ("2/3", "off"); journaled."""
    threshold = parse_threshold(text)
    stored = None if threshold is None else f"{threshold.numerator}/{threshold.denominator}"
    with event.write():
        event.conn.execute("update event set quorum = ?", (stored,))
        event.journal("quorum.set", {"threshold": stored})
    return threshold


def threshold(event: Event) -> Fraction | None:
    """The event's quorum threshold; None when the event sets none (the default)."""
    from fractions import Fraction

    row = event.conn.execute("select quorum from event").fetchone()
    return Fraction(row[0]) if row and row[0] else None


GUEST_KINDS = ("khach moi", "khach")
"""Folded kinds (or categories) of invited guests: present, but not convened delegates."""


@dataclass(frozen=True)
class Quorum:
    """Whether the session may proceed: present delegates against those convened."""

    session: str
    present: int
    """Convened delegates checked in for the session."""
    convened: int
    """Delegates on the approved list who are not invited guests (triệu tập)."""
    threshold: Fraction | None
    """None when the event sets no quorum rule."""

    @property
    def needed(self) -> int:
        """The fewest present delegates that meet the threshold (0 without one)."""
        if self.threshold is None:
            return 0
        return -(-self.convened * self.threshold.numerator // self.threshold.denominator)

    @property
    def met(self) -> bool | None:
        """True or False against the threshold; None when there is none."""
        if self.threshold is None:
            return None
        return self.present >= self.needed

    def public(self) -> dict[str, Any]:
        return {
            "session": self.session,
            "present": self.present,
            "convened": self.convened,
            "threshold": None
            if self.threshold is None
            else f"{self.threshold.numerator}/{self.threshold.denominator}",
            "needed": self.needed if self.threshold is not None else None,
            "met": self.met,
        }


def quorum(event: Event, *, session: str | None = None) -> Quorum:
    """Present/convened of ``session`` (None: the current or the viewed one)."""
    from .text import fold

    key, name = _viewed(event, session)
    convened = present = 0
    for kind, category, arrived in event.conn.execute(
        "select d.delegate_kind, d.category, exists (select 1 from session_attendance a"
        " where a.session = ? and a.delegate_id = d.id)"
        " from delegates d where d.status = 'approved'",
        (key,),
    ):
        if fold(kind or "") in GUEST_KINDS or fold(category or "") in GUEST_KINDS:
            continue
        convened += 1
        present += int(arrived)
    return Quorum(name, present, convened, threshold(event))


def settle_absences(event: Event, keys: set[tuple[int, str]]) -> None:
    """Make the absences of ``keys`` ((delegate, session key)) what the journal says, after a
    merge: the latest ``absence.recorded`` or ``absence.undone`` of each wins (by time, then
    uuid), so copies merged in any order agree."""
    import json
    from datetime import datetime

    latest: dict[tuple[int, str], tuple[tuple[datetime, str], str, dict[str, Any], tuple[str, ...]]]
    latest = {}
    for row_uuid, kind, payload_text, desk, operator, at in event.conn.execute(
        "select uuid, kind, payload, desk, operator, at from journal"
        " where kind in ('absence.recorded', 'absence.undone')"
    ):
        payload = json.loads(payload_text)
        key = (int(payload["delegate_id"]), str(payload["session"]))
        if key not in keys:
            continue
        when = (datetime.fromisoformat(at), row_uuid)
        if key not in latest or when > latest[key][0]:
            latest[key] = (when, kind, payload, (row_uuid, desk, operator, at))
    for (delegate_id, session), (
        _,
        kind,
        payload,
        (row_uuid, desk, operator, at),
    ) in latest.items():
        event.conn.execute(
            "delete from absences where session = ? and delegate_id = ?", (session, delegate_id)
        )
        if kind == "absence.recorded":
            event.conn.execute(
                "insert into absences (session, delegate_id, reason, recorded_at, desk,"
                " operator, journal_uuid) values (?, ?, ?, ?, ?, ?, ?)",
                (session, delegate_id, payload["reason"], at, desk, operator, row_uuid),
            )
