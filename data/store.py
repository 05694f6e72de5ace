"""The event file: one SQLite database per event, shared by every desk.

Several processes (reception desks, the MC desk, organizers) open the same file at once, so:

- WAL mode, so readers never block the writer and the writer never blocks readers;
- every change of state is written inside :meth:`Event.write`, a ``BEGIN IMMEDIATE``
  transaction: the write lock is taken up front, so two desks never both read "not checked in"
  and then both admit; the busy timeout queues them instead of failing;
- ``synchronous=FULL``: a verdict shown on screen survives a power cut, not only a crash;
- the ``journal`` table is append-only (triggers refuse UPDATE, DELETE and a REPLACE over an
  existing row), every change of state appends its row in the same transaction as the change
  itself, and each row's ``hash`` covers the row and the hash before it, so a row edited, removed
  or inserted behind the software's back breaks the chain (:func:`data.journal.verify`);
- reading never changes a file: :meth:`Event.open` with ``readonly=True`` opens SQLite read-only
  (immutable when no desk has the file open), and every open checks the file is an event file
  before SQLite creates a table or switches it to WAL;
- a desk whose ``-wal`` file is deleted under it stops writing (:meth:`Event.files_intact`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import schema
from .errors import DaihoiError
from .journal import GENESIS, chain_hash
from .text import typed_label

if TYPE_CHECKING:
    import sqlite_utils

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware. Injected so tests can freeze or move time."""

BUSY_TIMEOUT_S = 5.0
"""How long a desk waits for another desk's write before reporting the file as busy."""

DEFAULT_DB = "daihoi.db"

SQLITE_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file."""


def system_clock() -> datetime:
    """The wall clock, in local time with its UTC offset."""
    now = time.time()
    until, zone = _local_zone
    if now >= until:
        zone = _read_local_zone(now)
    return datetime.fromtimestamp(now, zone)


def _read_local_zone(now: float) -> tzinfo:
    """The local UTC offset at ``now``, kept until the next whole minute: an offset only changes
    at one (summer time starts and ends on the hour), and asking the system for it costs more
    than the rest of a desk's clock reading (``astimezone()`` consults the zone file each time)."""
    global _local_zone
    zone = datetime.fromtimestamp(now).astimezone().tzinfo
    assert zone is not None
    _local_zone = (now - now % 60 + 60, zone)
    return zone


_local_zone: tuple[float, tzinfo] = (0.0, timezone.utc)
"""Until when (epoch seconds) the cached local offset holds, and the offset."""


_payload_text = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
"""A journal payload as stored: keys sorted, Vietnamese as it is. One encoder for every row
(``json.dumps`` with options builds a new one per call, a tenth of a scan's Python time)."""


def stamp(moment: datetime) -> str:
    """A time as stored: ISO 8601 with milliseconds and offset, sortable as text."""
    return moment.isoformat(timespec="milliseconds")


def resolve_path(path: str | os.PathLike[str] | None) -> Path:
    """The event file: ``path`` if given, else ``$DAIHOI_DB``, else ``daihoi.db`` here."""
    if path:
        return Path(path)
    return Path(os.environ.get("DAIHOI_DB") or DEFAULT_DB)


DESK_NAME_MAX = 40
"""The longest desk name: it heads every screen and stands on every journal row."""


def desk_name(text: str) -> str:
    """A desk name as typed (``--desk``, the browser's login page), tidied: NFC, single spaces.

    Refused (``desk.missing``, ``desk.bad``) when empty, longer than :data:`DESK_NAME_MAX`, or
    holding control or format characters (:func:`data.text.typed_label`): the name is shown on
    other desks' screens ("đã điểm danh lúc 08:12 ở Bàn 2"). Here,
    beside :class:`Event`, which takes it: every command opens its event with it, and a read
    command must not load the check-in desk's code to tidy one name.
    """
    return typed_label(text, DESK_NAME_MAX, missing="desk.missing", bad="desk.bad")


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
        self.path = path
        self.clock = clock
        """Where "now" comes from for every timestamp this event writes."""
        self.desk = desk
        """The desk this process works as ("Bàn 1"); written on every journal row."""
        self.operator = operator
        """Who works at the desk; written on every journal row."""
        self._info: EventInfo | None = None
        self._wal: tuple[int, int] | None = None
        """Device and inode of the ``-wal`` file this connection writes to."""
        self.rescue_failed: str | None = None
        """Why the rescue copy could not be written, if it could not."""
        self.stopped: Path | None = None
        """Set when the ``-wal`` file vanished under this desk: writing stopped, and the rescue
        copy made from this connection's view of the event is here."""

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for inserts and upserts; imported when first
        used, so a command that only reads starts without it."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert ``row`` into ``table`` (inside the caller's :meth:`write`) and return its id."""
        pk = self.db.table(table).insert(row).last_pk
        assert pk is not None  # every table of the event file has an integer rowid
        return int(pk)

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
        import secrets  # only a new event draws its signing key

        event_uid = uuid.uuid4().hex
        with event.write():
            event.db.table("event").insert(
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
        readonly: bool = False,
    ) -> Event:
        """Open an existing event file, migrating its schema forward if needed.

        ``busy_timeout`` (seconds) is how long any write waits for another desk's write before
        :meth:`write` gives up with ``event.busy``. ``readonly=True`` is for commands that only
        read (statistics, lists, exports, verify): SQLite opens the file read-only, so a
        backup, a file on a read-only medium or one still in use by desks is read without
        changing a byte; an event file that needs a schema upgrade is refused then.
        """
        target = resolve_path(path)
        if not target.exists():
            raise DaihoiError("event.missing", path=str(target))
        if target.is_dir():
            raise DaihoiError("event.not_an_event", path=str(target))
        return cls._connect(
            target,
            clock=clock,
            desk=desk,
            operator=operator,
            busy_timeout=busy_timeout,
            readonly=readonly,
            new=False,
        )

    @classmethod
    def _connect(
        cls,
        path: Path,
        *,
        clock: Clock,
        desk: str,
        operator: str,
        busy_timeout: float,
        readonly: bool = False,
        new: bool = True,
    ) -> Event:
        conn: sqlite3.Connection | None = None
        try:
            if readonly:
                conn = sqlite3.connect(
                    _read_only_uri(path),
                    uri=True,
                    timeout=busy_timeout,
                    isolation_level=None,
                    check_same_thread=False,
                )
                conn.execute("PRAGMA query_only=ON")
            else:
                conn = sqlite3.connect(
                    path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
                )
            event = cls(conn, path, clock=clock, desk=desk, operator=operator)
            # Before SQLite writes anything: another application's database (or an empty file)
            # must not gain our tables or be switched to WAL. SQLite itself reads the header:
            # Python's open() and close() on a file this process has open in SQLite would drop
            # the process's locks on it (POSIX), and a closing desk would then delete the -wal.
            if not new and not _is_event(conn):
                conn.close()
                raise DaihoiError("event.not_an_event", path=str(path))
            if readonly:
                if schema.pending(conn):
                    conn.close()
                    raise DaihoiError("event.needs_upgrade", path=str(path))
                return event
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            if schema.pending(conn):
                # Under the write lock, so two desks opening an older file at once do not both
                # upgrade it; the second finds nothing pending.
                conn.execute("BEGIN IMMEDIATE")
                try:
                    schema.migrations().apply(event.db)
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            event._wal = _file_id(event.wal_path)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise fault(exc, path) from exc
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
            row = self.conn.execute(
                "select uid, replica, desk_copy_of, title, kind, date, start from event"
            ).fetchone()
            self._info = EventInfo(*row)
        return self._info

    def secret(self) -> bytes:
        """The per-event key that signs badge codes. Never printed."""
        (hex_secret,) = self.conn.execute("select secret from event").fetchone()
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
        if self.stopped is not None:
            raise self.stopped_error()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise fault(exc, self.path) from exc
        if not self.files_intact():
            raise self.stopped_error()
        try:
            yield self
        except sqlite3.OperationalError as exc:
            # A statement inside the change failed (disk full, read-only file): nothing written.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise fault(exc, self.path, otherwise="event.write_failed") from exc
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise fault(exc, self.path, otherwise="event.write_failed") from exc

    @cached_property
    def wal_path(self) -> Path:
        """The ``-wal`` file beside the event file (computed once: every write checks it)."""
        return self.path.with_name(self.path.name + "-wal")

    def files_intact(self) -> bool:
        """False once the ``-wal`` file this desk writes to was deleted or replaced.

        SQLite keeps writing into a deleted ``-wal`` (the open handle survives), so every
        "admitted" this desk would show from then on vanishes when it closes, and other desks
        never see them. Detected, the desk stops writing and copies what its connection still
        sees (including the deleted ``-wal``) to a rescue file beside the event file.
        """
        if self.stopped is not None:
            return False
        current = _file_id(self.wal_path)
        if self._wal is None or current == self._wal:
            self._wal = self._wal or current
            return True
        if self.conn.in_transaction:  # the write that found it: nothing of it is kept
            self.conn.execute("ROLLBACK")
        self.stopped = self._rescue()
        return False

    def stopped_error(self) -> DaihoiError:
        """The refusal every write gets once this desk stopped: where its rows were saved."""
        if self.rescue_failed is not None:
            return DaihoiError(
                "event.wal_gone_unsaved", path=str(self.path), reason=self.rescue_failed
            )
        return DaihoiError("event.wal_gone", path=str(self.path), rescue=str(self.stopped))

    def _rescue(self) -> Path:
        """Copy what this connection sees to ``<stem>-rescue-<replica>-<when>-<pid>.db``; on
        failure :attr:`rescue_failed` says why (the message then says nothing was saved)."""
        moment = self.clock().strftime("%Y%m%d-%H%M%S")
        name = f"{self.path.stem}-rescue-{self.info.replica[:12]}-{moment}-{os.getpid()}.db"
        target = self.path.with_name(name)
        try:
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            copy = sqlite3.connect(target)
            try:
                self.conn.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
        except (OSError, sqlite3.Error) as exc:
            self.rescue_failed = str(exc)
        return target

    def journal(
        self, kind: str, payload: dict[str, Any], *, at: datetime | str | None = None
    ) -> str:
        """Append one journal row; must run inside :meth:`write`. Returns the row's uuid.

        ``at``: when it happened (now if not given), or that time already :func:`stamp`-ed,
        when the row it records carries the same text."""
        row_uuid = uuid.uuid4().hex
        self.append(
            (
                row_uuid,
                kind,
                _payload_text(payload),
                self.desk,
                self.operator,
                at if isinstance(at, str) else stamp(at or self.clock()),
                self.info.replica,
            )
        )
        return row_uuid

    def append(self, row: tuple[str, ...]) -> None:
        """Append a journal row (the :data:`JOURNAL_COLS` values) with its link in the chain.

        The one way rows enter the journal (with :meth:`append_many`): this event's own changes
        and rows merged in from desk copies alike. Must run inside :meth:`write`, which holds
        the write lock, so the last hash read here is still the last when the row lands.
        """
        self.append_many((row,))

    def append_many(self, rows: Iterable[tuple[str, ...]]) -> int:
        """Append journal rows in their order, each chained to the one before it, as many
        :meth:`append` calls would: the last hash is read once and the rows are inserted in one
        ``executemany`` (a merge brings a hundred thousand). The journal's triggers still check
        every row (a hash, no uuid or seq written twice). Returns how many were appended."""
        assert self.conn.in_transaction, "journal rows are written with the change they record"
        last = self.conn.execute("select hash from journal order by seq desc limit 1").fetchone()
        previous = last[0] if last else GENESIS
        chained = []
        for row in rows:
            previous = chain_hash(previous, row)
            chained.append((*row, previous))
        sql = (
            "insert into journal (uuid, kind, payload, desk, operator, at, origin, hash)"
            " values (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        if len(chained) == 1:  # a desk's own change: execute costs less than executemany
            self.conn.execute(sql, chained[0])
        else:
            self.conn.executemany(sql, chained)
        return len(chained)

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


def fault(exc: sqlite3.Error, path: Path, *, otherwise: str = "event.unreadable") -> DaihoiError:
    """What a failure of SQLite means for the user, as a refusal that says what to do.

    A full disk or a read-only medium leaves the file intact (nothing to restore: free space,
    or copy the file somewhere writable); only a damaged file sends them to a backup, and no
    message ever suggests deleting the ``-wal`` file, which holds committed check-ins.
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        key = "event.disk_full"
    elif name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        key = "event.read_only"
    elif name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
        key = "event.busy"
    elif name.startswith("SQLITE_NOTADB") or "not a database" in text:
        key = "event.not_an_event"
    elif name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        key = "event.corrupt"
    elif name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        key = "event.cannot_open"
    else:
        key = otherwise
    return DaihoiError(key, path=str(path), reason=text)


def is_sqlite_file(path: Path) -> bool:
    """True when ``path`` is a file that starts like an SQLite database.

    Never call it on a file this process has open in SQLite: closing the handle drops the
    process's locks on that file (POSIX). The output guard asks it only after ruling out the
    event file by path and identity."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == SQLITE_HEADER
    except OSError:
        return False


def _is_event(conn: sqlite3.Connection) -> bool:
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    if not {"event", "journal", "_sqlite_migrations"} <= tables:
        return False
    return conn.execute("select 1 from event").fetchone() is not None


def _read_only_uri(path: Path) -> str:
    """SQLite's read-only URI for ``path``; immutable when no ``-wal`` is beside it.

    With a ``-wal`` present, desks may be writing: read through SQLite's locks (read-only).
    Without one (a backup, a file nobody has open, a read-only medium), a read-only WAL file
    would still make ``-wal`` and ``-shm`` beside it; ``immutable`` reads it as it is.
    """
    uri = path.absolute().as_uri() + "?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _check_date(value: str | None) -> None:
    """``YYYY-MM-DD`` exactly, as every reader of the date parses it (``date.fromisoformat``):
    strptime took ``2025-9-5`` too, and ``daihoi stats`` then failed on that event."""
    if value is None:
        return
    try:
        written = date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise DaihoiError("event.bad_date", value=value) from exc
    if written != value:  # 20250905, 2025-W36-5: dates Python reads, not the form asked for
        raise DaihoiError("event.bad_date", value=value)


def _check_time(value: str) -> None:
    try:
        datetime.strptime(value, "%H:%M")
    except ValueError as exc:
        raise DaihoiError("event.bad_time", value=value) from exc
