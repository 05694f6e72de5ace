"""The event file: one SQLite database per event, shared by every desk.

Several processes (reception desks, the MC desk, organizers) open the same file at once, so:

- WAL mode, so readers never block the writer and the writer never blocks readers;
- every change of state is written inside :meth:`Event.write`, a ``BEGIN IMMEDIATE``
  transaction: the write lock is taken up front, so two desks never both read "not checked in"
  and then both admit; the busy timeout queues them instead of failing;
- ``synchronous=FULL``: a verdict shown on screen survives a power cut, not only a crash;
- the ``journal`` table is append-only (triggers refuse UPDATE and DELETE) and every change of
  state appends its row in the same transaction as the change itself.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from .errors import DaihoiError
from .schema import MIGRATIONS

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware. Injected so tests can freeze or move time."""

BUSY_TIMEOUT_S = 5.0
"""How long a desk waits for another desk's write before reporting the file as busy."""

DEFAULT_DB = "daihoi.db"


def system_clock() -> datetime:
    """The wall clock, in local time with its UTC offset."""
    return datetime.now().astimezone()


def stamp(moment: datetime) -> str:
    """A time as stored: ISO 8601 with milliseconds and offset, sortable as text."""
    return moment.isoformat(timespec="milliseconds")


def resolve_path(path: str | os.PathLike[str] | None) -> Path:
    """The event file: ``path`` if given, else ``$DAIHOI_DB``, else ``daihoi.db`` here."""
    if path:
        return Path(path)
    return Path(os.environ.get("DAIHOI_DB") or DEFAULT_DB)


@dataclass(frozen=True)
class EventInfo:
    """What an event is, as set by ``daihoi init``."""

    uid: str
    """Random id of this event; badge codes and desk copies are bound to it."""
    replica: str
    """Id of this file: the main event file has ``replica == uid``; each desk copy its own."""
    desk_copy_of: str | None
    """For a desk copy, the desk it was made for; None for the main event file."""
    title: str
    """Shown on badges, screens and reports."""
    kind: str
    """``dai-hoi`` (congress, with flag salute) or ``hoi-nghi`` (conference)."""
    date: str | None
    """``YYYY-MM-DD`` or None."""
    start: str
    """Planned start time ``HH:MM``."""


class Event:
    """An open event file. One per process and thread; cheap to open."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        clock: Clock = system_clock,
        desk: str = "",
        operator: str = "",
    ) -> None:
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.path = path
        self.clock = clock
        """Where "now" comes from for every timestamp this event writes."""
        self.desk = desk
        """The desk this process works as ("Bàn 1"); written on every journal row."""
        self.operator = operator
        """Who works at the desk; written on every journal row."""
        self._info: EventInfo | None = None

    # ----------------------------------------------------------------- opening
    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str] | None,
        *,
        title: str,
        kind: str = "dai-hoi",
        date: str | None = None,
        start: str = "07:30",
        clock: Clock = system_clock,
        desk: str = "",
        operator: str = "",
        busy_timeout: float = BUSY_TIMEOUT_S,
    ) -> Event:
        """Create a new event file; refuse if one exists at ``path``."""
        target = resolve_path(path)
        if target.exists():
            raise DaihoiError("event.exists", path=str(target))
        if kind not in ("dai-hoi", "hoi-nghi"):
            raise DaihoiError("event.bad_kind", kind=kind)
        _check_date(date)
        _check_time(start)
        # Owner-only from the first byte: the file holds personal data. SQLite gives its -wal
        # and -shm files the same permissions.
        try:
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError as exc:
            raise DaihoiError("event.exists", path=str(target)) from exc
        except OSError as exc:
            raise DaihoiError("event.cannot_create", path=str(target), reason=exc.strerror) from exc
        event = cls._connect(
            target, clock=clock, desk=desk, operator=operator, busy_timeout=busy_timeout
        )
        event_uid = uuid.uuid4().hex
        with event.write():
            event.db["event"].insert(
                {
                    "id": 1,
                    "uid": event_uid,
                    "replica": event_uid,
                    "title": title.strip(),
                    "kind": kind,
                    "date": date,
                    "start": start,
                    "secret": secrets.token_hex(32),
                    "created_at": stamp(clock()),
                }
            )
            event.journal(
                "event.created", {"title": title, "kind": kind, "date": date, "start": start}
            )
        return event

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None,
        *,
        clock: Clock = system_clock,
        desk: str = "",
        operator: str = "",
        busy_timeout: float = BUSY_TIMEOUT_S,
    ) -> Event:
        """Open an existing event file, migrating its schema forward if needed.

        ``busy_timeout`` (seconds) is how long any write waits for another desk's write before
        :meth:`write` gives up with ``event.busy``.
        """
        target = resolve_path(path)
        if not target.exists():
            raise DaihoiError("event.missing", path=str(target))
        if target.is_dir():
            raise DaihoiError("event.not_an_event", path=str(target))
        event = cls._connect(
            target, clock=clock, desk=desk, operator=operator, busy_timeout=busy_timeout
        )
        if not event.db["event"].exists() or not event.db.execute("select 1 from event").fetchone():
            event.close()
            raise DaihoiError("event.not_an_event", path=str(target))
        return event

    @classmethod
    def _connect(
        cls, path: Path, *, clock: Clock, desk: str, operator: str, busy_timeout: float
    ) -> Event:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(
                path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            event = cls(conn, path, clock=clock, desk=desk, operator=operator)
            MIGRATIONS.apply(event.db)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            if _is_busy(exc):  # another desk holds the write lock longer than we wait
                raise DaihoiError("event.busy", path=str(path), reason=str(exc)) from exc
            if _is_read_only(exc):
                raise DaihoiError("event.read_only", path=str(path), reason=str(exc)) from exc
            raise DaihoiError("event.unreadable", path=str(path), reason=str(exc)) from exc
        return event

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Event:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ state
    @property
    def info(self) -> EventInfo:
        """The event's title, kind, date and start (cached: it does not change during a day)."""
        if self._info is None:
            row = self.db.execute(
                "select uid, replica, desk_copy_of, title, kind, date, start from event"
            ).fetchone()
            self._info = EventInfo(*row)
        return self._info

    def secret(self) -> bytes:
        """The per-event key that signs badge codes. Never printed."""
        (hex_secret,) = self.db.execute("select secret from event").fetchone()
        return bytes.fromhex(hex_secret)

    def now(self) -> datetime:
        return self.clock()

    def data_version(self) -> int:
        """Changes whenever *another* connection commits: cheap polling for live screens."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    # ----------------------------------------------------------------- writing
    @contextmanager
    def write(self) -> Iterator[Event]:
        """One atomic change of state: take the write lock now, commit at the end.

        ``BEGIN IMMEDIATE`` rather than sqlite-utils' deferred ``BEGIN``: a desk that reads then
        writes must hold the lock for both, or two desks could both admit the same badge.
        Nested calls join the outer transaction.
        """
        if self.conn.in_transaction:
            yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            key = "event.read_only" if _is_read_only(exc) else "event.busy"
            raise DaihoiError(key, path=str(self.path), reason=str(exc)) from exc
        try:
            yield self
        except sqlite3.OperationalError as exc:
            # A statement inside the change failed (disk full, read-only file): nothing written.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            key = "event.read_only" if _is_read_only(exc) else "event.write_failed"
            raise DaihoiError(key, path=str(self.path), reason=str(exc)) from exc
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise DaihoiError("event.write_failed", path=str(self.path), reason=str(exc)) from exc

    def journal(self, kind: str, payload: dict[str, Any], *, at: datetime | None = None) -> str:
        """Append one journal row; must run inside :meth:`write`. Returns the row's uuid."""
        assert self.conn.in_transaction, "journal rows are written with the change they record"
        row_uuid = uuid.uuid4().hex
        self.conn.execute(
            "insert into journal (uuid, kind, payload, desk, operator, at, origin)"
            " values (?, ?, ?, ?, ?, ?, ?)",
            (
                row_uuid,
                kind,
                json.dumps(payload, ensure_ascii=False, sort_keys=True),
                self.desk,
                self.operator,
                stamp(at or self.clock()),
                self.info.replica,
            ),
        )
        return row_uuid

    def journal_rows(self, kind: str | None = None) -> list[dict[str, Any]]:
        """The journal in the order it was written, payloads decoded."""
        sql = "select seq, uuid, kind, payload, desk, operator, at, origin from journal"
        params: list[Any] = []
        if kind:
            sql += " where kind = ?"
            params.append(kind)
        rows = []
        for seq, row_uuid, k, payload, desk, operator, at, origin in self.conn.execute(
            sql + " order by seq", params
        ):
            rows.append(
                {
                    "seq": seq,
                    "uuid": row_uuid,
                    "kind": k,
                    "payload": json.loads(payload),
                    "desk": desk,
                    "operator": operator,
                    "at": at,
                    "origin": origin,
                }
            )
        return rows


def _is_busy(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _is_read_only(exc: sqlite3.Error) -> bool:
    return "readonly" in str(exc) or "read-only" in str(exc)


def _check_date(value: str | None) -> None:
    if value is None:
        return
    try:
        datetime.strptime(value, "%Y-%m-%d")
    except ValueError as exc:
        raise DaihoiError("event.bad_date", value=value) from exc


def _check_time(value: str) -> None:
    try:
        datetime.strptime(value, "%H:%M")
    except ValueError as exc:
        raise DaihoiError("event.bad_time", value=value) from exc
