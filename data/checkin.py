"""The check-in desk: a scan or a name in, a verdict out, committed before it is shown.

:meth:`Desk.scan` is the one place a badge is judged. The console's reception screen, the
``daihoi checkin`` command and the tests all call it, so they cannot disagree.

Order of checks for a scan: the signature (forged, mistyped or another event's badge: *invalid*),
then the version (a reprinted badge: *revoked*), then the list (withdrawn or missing: *unknown*),
then attendance (*already* or *admitted*). The attendance row and the journal row are written in
one ``BEGIN IMMEDIATE`` transaction, so two desks scanning one badge at the same moment give
exactly one *admitted*.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from . import codes
from . import delegates as delegates_mod
from . import sessions as sessions_mod
from .delegates import Delegate
from .errors import DaihoiError
from .schema_sessions import DEFAULT_SESSION
from .store import Event, stamp
from .text import collate

if TYPE_CHECKING:
    from .handouts import HandoutResult

ADMITTED = "admitted"
ALREADY = "already"
REVOKED = "revoked"
INVALID = "invalid"
UNKNOWN = "unknown"
VERDICTS = (ADMITTED, ALREADY, REVOKED, INVALID, UNKNOWN)

REPEAT_WINDOW = timedelta(seconds=3)
"""A scanner fires twice, or staff scan again: within this window it is the same scan."""

MAX_SCAN_TEXT = 64
"""What we keep of a rejected scan's text in the journal (enough to see what the scanner sent)."""

NotesFor = Callable[[int], list[str]]
"""Given a delegate id, the notes a desk shows with an admission ("Nhận khen thưởng, Đợt 2")."""


@dataclass(frozen=True)
class Verdict:
    """What the desk shows after a scan or a search-and-admit."""

    verdict: str
    """One of ``admitted``, ``already``, ``revoked``, ``invalid``, ``unknown``."""
    delegate: Delegate | None = None
    """The delegate the badge names (None for invalid codes)."""
    checked_in_at: str | None = None
    """When the delegate was (first) checked in."""
    desk: str | None = None
    """At which desk they were checked in."""
    revoked_at: str | None = None
    """For a revoked badge: when it was replaced."""
    scanned: str = ""
    """The text as it arrived, for the screen."""
    repeat: bool = False
    """True when this is the same badge again within the repeat window: not a new verdict."""
    notes: tuple[str, ...] = field(default=())
    """Honouree/speaker notes for this delegate today."""
    session: str = ""
    """The session an admission (or "already") counts for ("Phiên chiều"); "" for a rejected
    badge. "Already" means already in this session: the morning's check-in does not count."""
    handout: HandoutResult | None = None
    """What a hand-out desk recorded for this scan (:class:`data.handouts.HandoutResult`)."""

    @property
    def ok(self) -> bool:
        return self.verdict == ADMITTED

    def public(self) -> dict[str, Any]:
        """The shape ``daihoi checkin --json`` prints."""
        return {
            "verdict": self.verdict,
            "delegate": self.delegate.public() if self.delegate else None,
            "checked_in_at": self.checked_in_at,
            "desk": self.desk,
            "revoked_at": self.revoked_at,
            "repeat": self.repeat,
            "notes": list(self.notes),
            "session": self.session,
            "handout": self.handout.public() if self.handout is not None else None,
        }


@dataclass(frozen=True)
class Counters:
    """Arrivals for the desk's screen."""

    arrived: int
    expected: int
    delegations: list[tuple[str, int, int]]
    """(delegation, arrived, expected) for the delegations this desk has admitted."""
    recent: list[tuple[str, str, str]]
    """(time, name, delegation) of the last check-ins at this desk, newest first."""
    session: str = ""
    """The session these counters are for (the current one)."""


class Desk:
    """One reception desk working on an event file."""

    def __init__(
        self,
        event: Event,
        *,
        notes_for: NotesFor | None = None,
        handout: str | None = None,
        collect: bool = False,
    ) -> None:
        self.event = event
        self.notes_for = notes_for
        self.handout = handout
        """The hand-out list item this desk gives out with each admission (None: none)."""
        self.collect = collect
        """With :attr:`handout`: this desk takes the item back instead of handing it out."""
        self._last: tuple[str, datetime, Verdict] | None = None
        self._admitted: set[str] = set()
        """Journal uuids of the check-ins this desk made since it opened: the only ones it may
        undo without asking. A desk name is only what a desk calls itself; another process
        (or browser tab) calling itself "Bàn 1" is not this session."""
        self._secret: bytes | None = None
        """The event's signing key, read at the first scan (it never changes)."""

    @property
    def name(self) -> str:
        return self.event.desk

    # ------------------------------------------------------------------ scans
    def scan(self, text: str) -> Verdict:
        """Judge a badge scan (or a code typed by hand) and record the verdict."""
        now = self.event.now()
        if self._secret is None:
            self._secret = self.event.secret()
        parsed = codes.parse(self._secret, text)
        key = parsed.code if parsed else text.strip()
        if (
            self._last
            and self._last[0] == key
            and timedelta(0) <= now - self._last[1] <= REPEAT_WINDOW
        ):
            # The same scan: the verdict is not judged again, but the scan itself is journaled
            # (every scan leaves a row, so the journal explains every line a screen showed).
            previous = self._last[2]
            with self.event.write():
                self.event.journal(
                    "scan.repeat",
                    {
                        "verdict": previous.verdict,
                        "delegate_id": previous.delegate.id if previous.delegate else None,
                        "text": text.strip()[:MAX_SCAN_TEXT],
                    },
                )
            return Verdict(**{**previous.__dict__, "repeat": True})
        verdict = self._hand_out(self._judge(parsed, text, now))
        self._last = (key, now, verdict)
        return verdict

    def _judge(self, parsed: codes.ParsedCode | None, text: str, now: datetime) -> Verdict:
        scanned = text.strip()[:MAX_SCAN_TEXT]
        if parsed is None:
            return self._reject(INVALID, scanned, None)
        with self.event.write():
            # One read, under the write lock the verdict's own row is written in: the badge's
            # state, its delegate and their arrival (the scan path's only query before writing).
            found = delegates_mod.badge_holder(self.event, parsed.delegate_id, parsed.version)
            delegate = found.delegate
            if found.issued_at is None:
                # Signed with our secret but never issued: a version we have not printed.
                return self._reject(INVALID, scanned, None)
            if delegate is None:
                return self._reject(UNKNOWN, scanned, None)
            if found.revoked_at is not None:
                return self._reject(REVOKED, scanned, delegate, revoked_at=found.revoked_at)
            if delegate.status != "approved":
                return self._reject(UNKNOWN, scanned, delegate)
            return self._admit(
                delegate, via="scan", code=parsed.code, scanned=scanned, read_with=found.session
            )

    def admit(self, delegate_id: int) -> Verdict:
        """Check in a delegate found by name search (no badge at hand)."""
        delegate = delegates_mod.get(self.event, delegate_id)
        if delegate.status != "approved":
            return self._reject(UNKNOWN, delegate.name, delegate)
        return self._hand_out(self._admit(delegate, via="search", code=None, scanned=delegate.name))

    def _hand_out(self, verdict: Verdict) -> Verdict:
        """At a hand-out desk, record the hand-out (or the return) of a delegate let in."""
        if (
            self.handout is None
            or verdict.delegate is None
            or verdict.verdict
            not in (
                ADMITTED,
                ALREADY,
            )
        ):
            return verdict
        from . import handouts

        record = handouts.take_back if self.collect else handouts.give
        return Verdict(
            **{**verdict.__dict__, "handout": record(self.event, self.handout, verdict.delegate.id)}
        )

    def _admit(
        self,
        delegate: Delegate,
        *,
        via: str,
        code: str | None,
        scanned: str,
        read_with: tuple[str, str] | None = None,
    ) -> Verdict:
        """Admit ``delegate`` or say when they came. ``read_with`` is the current session's key
        and name when the caller read them and ``delegate`` (arrival included) inside the write
        transaction this joins (:func:`data.delegates.badge_holder`)."""
        event = self.event
        with event.write():
            # Check-ins count for the session current now; "attendance" is that session's rows.
            if read_with is not None:
                session_key, session_name = read_with
                first = delegate.checked_in_at
                row = (first, delegate.checked_in_desk) if first is not None else None
            else:
                found = sessions_mod.current(event)
                session_key, session_name = found.key, found.name
                row = event.conn.execute(
                    "select checked_in_at, desk from attendance where delegate_id = ?",
                    (delegate.id,),
                ).fetchone()
            if row:
                event.journal(
                    "scan.already",
                    {
                        "delegate_id": delegate.id,
                        "via": via,
                        "first_at": row[0],
                        "first_desk": row[1],
                        **session_field(session_key),
                    },
                )
                verdict = Verdict(
                    ALREADY, delegate, row[0], row[1], scanned=scanned, session=session_name
                )
            else:
                at = stamp(event.now())  # the attendance row and its journal row share one time
                uuid = event.journal(
                    "checkin",
                    {
                        "delegate_id": delegate.id,
                        "via": via,
                        "code": code,
                        **session_field(session_key),
                    },
                    at=at,
                )
                event.conn.execute(
                    "insert into attendance (delegate_id, checked_in_at, desk, operator, journal_uuid)"
                    " values (?, ?, ?, ?, ?)",
                    (delegate.id, at, event.desk, event.operator, uuid),
                )
                self._admitted.add(uuid)
                verdict = Verdict(
                    ADMITTED, delegate, at, event.desk, scanned=scanned, session=session_name
                )
        notes = tuple(self.notes_for(delegate.id)) if self.notes_for else ()
        return Verdict(**{**verdict.__dict__, "notes": notes}) if notes else verdict

    def _reject(
        self,
        verdict: str,
        scanned: str,
        delegate: Delegate | None,
        *,
        revoked_at: str | None = None,
    ) -> Verdict:
        with self.event.write():
            self.event.journal(
                "scan.rejected",
                {
                    "verdict": verdict,
                    "text": scanned,
                    "delegate_id": delegate.id if delegate else None,
                },
            )
        return Verdict(verdict, delegate, revoked_at=revoked_at, scanned=scanned)

    # ------------------------------------------------------------------- undo
    def undo(
        self, delegate_id: int, *, reason: str = "", other_desk_confirmed: bool = False
    ) -> None:
        """Take back a check-in: its own journal row, never a deletion of history.

        Undoing a check-in this desk did not make in this session (another desk's, or one made
        under the same desk name by another process or before a restart) raises
        ``checkin.other_desk`` unless the caller has asked the user and passes
        ``other_desk_confirmed=True``.
        """
        event = self.event
        with event.write():
            row = event.conn.execute(
                "select checked_in_at, desk, journal_uuid from attendance where delegate_id = ?",
                (delegate_id,),
            ).fetchone()
            if row is None:
                raise DaihoiError("checkin.not_checked_in", id=delegate_id)
            at, desk, original = row
            session = sessions_mod.current_key(event)
            if original not in self._admitted and not other_desk_confirmed:
                # HH:MM as the desk said it, not the stored stamp with seconds and offset.
                raise DaihoiError("checkin.other_desk", desk=desk, at=at[11:16])
            event.conn.execute("delete from attendance where delegate_id = ?", (delegate_id,))
            event.journal(
                "checkin.undo",
                {
                    "delegate_id": delegate_id,
                    "reason": reason,
                    "undoes": original,
                    # Later check-ins of the same person merged in from desk copies (duplicates)
                    # are taken back too, or a merge would bring the person back as arrived.
                    "undoes_all": sorted(live_checkins(event, delegate_id, session)),
                    "desk_of_checkin": desk,
                    **session_field(session),
                },
            )
        self._last = None

    # -------------------------------------------------------------- counters
    def counters(self, recent: int = 20) -> Counters:
        conn = self.event.conn
        # Only delegates still on the list count, so "arrived" never exceeds "expected".
        arrived = conn.execute(
            "select count(*) from attendance a join delegates d on d.id = a.delegate_id"
            " where d.status = 'approved'"
        ).fetchone()[0]
        expected = delegates_mod.count(self.event)
        rows = conn.execute(
            """
            select d.delegation, count(a.delegate_id), count(*)
            from delegates d left join attendance a on a.delegate_id = d.id
            where d.status = 'approved' and d.delegation in (
                select d2.delegation from attendance a2 join delegates d2 on d2.id = a2.delegate_id
                where a2.desk = ?)
            group by d.delegation
            """,
            (self.event.desk,),
        ).fetchall()
        # Vietnamese dictionary order, as on the dashboard (SQLite would sort "Đoàn" after "Z").
        rows.sort(key=lambda r: collate(r[0] or ""))
        last = conn.execute(
            """
            select a.checked_in_at, d.name, d.delegation from attendance a
            join delegates d on d.id = a.delegate_id where a.desk = ?
            order by a.checked_in_at desc limit ?
            """,
            (self.event.desk, recent),
        ).fetchall()
        return Counters(
            arrived,
            expected,
            [tuple(r) for r in rows],
            [tuple(r) for r in last],
            sessions_mod.current(self.event).name,
        )


def live_checkins(event: Event, delegate_id: int, session: str | None = None) -> set[str]:
    """Journal uuids of ``delegate_id``'s check-ins that no undo has taken back, in
    ``session`` (a session key; None: every session).

    Usually one; more after merging desk copies that admitted the same person (duplicates).
    """
    made: set[str] = set()
    undone: set[str] = set()
    for row_uuid, kind, payload in event.conn.execute(
        "select uuid, kind, payload from journal where kind in ('checkin', 'checkin.undo')"
        " and json_extract(payload, '$.delegate_id') = ?",
        (delegate_id,),
    ):
        if kind == "checkin":
            if session is None or checkin_session(json.loads(payload)) == session:
                made.add(row_uuid)
        else:
            undone.update(undone_by(json.loads(payload)))
    return made - undone


def session_field(key: str) -> dict[str, str]:
    """``{"session": key}`` for a journal payload; nothing for the first session, so the rows of
    a one-session day are what they always were."""
    return {} if key == DEFAULT_SESSION else {"session": key}


def checkin_session(payload: dict[str, Any]) -> str:
    """The session key a ``checkin`` journal row counts for (rows from before sessions: the
    first session)."""
    return str(payload.get("session") or DEFAULT_SESSION)


def undone_by(payload: dict[str, Any]) -> set[str]:
    """The check-in uuids a ``checkin.undo`` journal row takes back."""
    return {u for u in [payload.get("undoes"), *payload.get("undoes_all", [])] if u}


# ---------------------------------------------------------------- walk-ins
@dataclass(frozen=True)
class WalkIn:
    """A person at the desk who is not on the approved list."""

    id: int
    name: str
    unit: str
    reason: str
    substitute_for: int | None
    """The listed delegate this person replaces ("thay thế cho"), if any."""
    state: str
    """``pending``, ``approved`` or ``rejected``."""
    requested_at: str
    desk: str
    delegate_id: int | None
    """The delegate created on approval."""


def request_walkin(
    event: Event, *, name: str, unit: str = "", reason: str = "", substitute_for: int | None = None
) -> WalkIn:
    """Record a walk-in or substitute for the organizers to decide on; adds nobody to the list."""
    from .text import clean

    name = clean(name)
    if not name:
        raise DaihoiError("walkin.no_name")
    if substitute_for is not None:
        delegates_mod.get(event, substitute_for)
    with event.write():
        cur = event.conn.execute(
            "insert into walkins (name, unit, reason, substitute_for, requested_at, desk)"
            " values (?, ?, ?, ?, ?, ?)",
            (name, clean(unit), clean(reason), substitute_for, stamp(event.now()), event.desk),
        )
        walkin_id = int(cur.lastrowid or 0)
        event.journal(
            "walkin.requested",
            {
                "walkin_id": walkin_id,
                "name": name,
                "unit": clean(unit),
                "substitute_for": substitute_for,
            },
        )
    return get_walkin(event, walkin_id)


def get_walkin(event: Event, walkin_id: int) -> WalkIn:
    row = event.conn.execute(
        "select id, name, unit, reason, substitute_for, state, requested_at, desk, delegate_id"
        " from walkins where id = ?",
        (walkin_id,),
    ).fetchone()
    if row is None:
        raise DaihoiError("walkin.unknown", id=walkin_id)
    return WalkIn(*row)


def walkins(event: Event, state: str | None = None) -> list[WalkIn]:
    sql = "select id from walkins" + (" where state = ?" if state else "") + " order by id"
    return [get_walkin(event, r[0]) for r in event.conn.execute(sql, (state,) if state else ())]


def decide_walkin(event: Event, walkin_id: int, *, approve: bool) -> WalkIn:
    """Approve (the person becomes a delegate with a code) or reject a walk-in request.

    A substitute takes the delegation, category and seat of the person they replace.
    """
    if event.info.desk_copy_of is not None and approve:
        # Delegate ids are handed out by the main file only, so merges never collide.
        raise DaihoiError("walkin.on_copy", desk=event.info.desk_copy_of)
    from .guests import GUEST_CATEGORY

    now = stamp(event.now())
    with event.write():
        # Read inside the write lock: two organizers approving at once make one delegate.
        request = get_walkin(event, walkin_id)
        if request.state != "pending":
            raise DaihoiError("walkin.decided", id=walkin_id, state=request.state)
        delegate_id = None
        if approve:
            base = (
                delegates_mod.get(event, request.substitute_for) if request.substitute_for else None
            )
            cur = event.conn.execute(
                "insert into delegates (name, unit, delegation, category, seat, match_key,"
                " source_file, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    request.name,
                    request.unit,
                    base.delegation if base else "",
                    base.category if base else GUEST_CATEGORY,  # a walk-in is a guest
                    base.seat if base else "",
                    delegates_mod.match_key(request.name, request.unit, None),
                    "walkin",
                    now,
                    now,
                ),
            )
            delegate_id = int(cur.lastrowid or 0)
            from . import codes

            codes.issue_first(event, [delegate_id])
            if base is not None:
                # The substitute takes the seat: the person replaced is no longer expected.
                event.conn.execute(
                    "update delegates set status = 'withdrawn', updated_at = ? where id = ?",
                    (now, base.id),
                )
        event.conn.execute(
            "update walkins set state = ?, delegate_id = ?, decided_at = ? where id = ?",
            ("approved" if approve else "rejected", delegate_id, now, walkin_id),
        )
        event.journal(
            "walkin.approved" if approve else "walkin.rejected",
            {
                "walkin_id": walkin_id,
                "delegate_id": delegate_id,
                "substitute_for": request.substitute_for,
            },
        )
    return get_walkin(event, walkin_id)
