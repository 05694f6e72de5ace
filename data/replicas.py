"""Copies of the event file: backups, offline desk copies, and merging them back.

- :func:`backup` writes a consistent copy while desks keep working (SQLite's online backup API),
  owner-only, through a temporary file so a half-written backup never looks like a good one.
- :func:`clone` makes a desk copy: the same event (same secret, so badges scan), a new replica id
  so its journal rows say where they were written.
- :func:`merge` brings a desk copy's journal into the main file and the main file's news back
  into the copy. Journal rows keep their uuid, so merging twice changes nothing; check-ins are
  replayed so the earliest check-in of a delegate wins and later ones are recorded as
  duplicates; badge revocations and the delegate list (imports, approved walk-ins) flow both ways.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import handouts as handouts_mod
from . import printed as printed_mod
from . import sessions as sessions_mod
from .checkin import checkin_session, session_field, undone_by
from .errors import DaihoiError
from .journal import GENESIS, JOURNAL_COLS, verify
from .outputs import refuse_input
from .schema_sessions import PROFILE_FIELDS
from .store import Event, stamp

_JOURNAL_COLS = ", ".join(JOURNAL_COLS)


def _owner_only(path: Path) -> None:
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError as exc:
        raise DaihoiError("backup.exists", path=str(path)) from exc
    except OSError as exc:
        raise DaihoiError("backup.cannot_write", path=str(path), reason=exc.strerror) from exc


BACKUP_NAME = re.compile(r"-backup-(?P<file>[0-9a-f]{12})-\d{8}-\d{6}\.db")
"""The tail of a backup's name that daihoi chose: ``tinh-backup-<file id>-<when>.db``."""


def backup_name(event: Event) -> str:
    """``tinh-backup-3f2a9c1d0b7e-20250920-081500.db``: the id of this very file (the event's id
    for the main file, its own for each desk copy) makes it unmistakably this file's, so rolling
    backups never prune another event's, a desk copy's, or a desk copy itself."""
    moment = event.now().strftime("%Y%m%d-%H%M%S")
    return f"{event.path.stem}-backup-{event.info.replica[:12]}-{moment}.db"


def backup(event: Event, dest: str | os.PathLike[str]) -> Path:
    """Write a consistent copy of the event to ``dest`` (a file, or a folder to put one in)."""
    target = Path(dest)
    if target.is_dir():
        target = target / backup_name(event)
    refuse_input(event, target)
    if target.exists():
        raise DaihoiError("backup.exists", path=str(target))
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    _owner_only(partial)
    try:
        copy = sqlite3.connect(partial)
        try:
            event.conn.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            if copy.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise DaihoiError("backup.corrupt", path=str(target))
        finally:
            copy.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise DaihoiError("backup.cannot_write", path=str(target), reason=str(exc)) from exc
    return target


def rolling_backup(event: Event, folder: str | os.PathLike[str], keep: int = 12) -> Path:
    """A backup into ``folder`` (a USB drive), keeping the newest ``keep`` of this event's."""
    directory = Path(folder)
    if not directory.is_dir():
        raise DaihoiError("backup.no_folder", path=str(directory))
    made = backup(event, directory)
    replica = event.info.replica[:12]
    mine = sorted(
        (p for p in directory.iterdir() if _is_backup_of(p, replica)),
        key=lambda p: p.name[-18:],  # the moment: oldest first, whatever the event file's name
    )
    for old in mine[:-keep]:
        old.unlink(missing_ok=True)
    return made


def _is_backup_of(path: Path, replica: str) -> bool:
    found = BACKUP_NAME.search(path.name)
    return (
        found is not None
        and found.end() == len(path.name)
        and found["file"] == replica
        and path.is_file()
        and not path.is_symlink()
    )


def clone(event: Event, desk: str, out: str | os.PathLike[str]) -> Path:
    """A desk copy of the event for working offline; merge it back with :func:`merge`."""
    if event.info.desk_copy_of is not None:
        raise DaihoiError("clone.from_copy", path=str(event.path))
    target = backup(event, out)
    with Event.open(target, clock=event.clock, desk=desk, operator=event.operator) as copy:
        replica = uuid.uuid4().hex
        with copy.write():
            copy.conn.execute(
                "update event set replica = ?, parent_replica = ?, desk_copy_of = ?",
                (replica, event.info.replica, desk),
            )
            copy._info = None
            copy.journal("desk.cloned", {"desk": desk, "from": event.info.replica})
    with event.write():
        event.journal("desk.cloned", {"desk": desk, "to": replica, "path": target.name})
    return target


@dataclass
class MergeReport:
    """What a merge did to one side (or would do, for a dry run)."""

    journal_rows: int = 0
    """Journal rows new to this side."""
    checkins: int = 0
    """Check-ins that became current here."""
    duplicates: int = 0
    """Check-ins of a delegate already checked in earlier: recorded, not admitted twice."""
    undos: int = 0
    delegates: int = 0
    """Delegates added or updated from the other side (imports, approved walk-ins)."""
    revocations: int = 0
    """Badges revoked here because the other side reprinted them."""
    walkins: int = 0
    """Walk-in requests brought here for the organizers."""
    kinds: dict[str, int] = field(default_factory=dict)

    def public(self) -> dict[str, Any]:
        return dict(self.__dict__)


class _Rollback(Exception):
    pass


MERGE_STEPS = 3
"""The steps :func:`merge` reports: the copy's journal checked, its news brought into the main
file, the main file's news brought back to the copy."""


def merge(
    main: Event,
    copy_path: str | os.PathLike[str],
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, MergeReport]:
    """Merge a desk copy into ``main`` and back. Idempotent; any order, any number of copies.

    ``progress(done, total)`` is told after each of :data:`MERGE_STEPS` steps."""
    tell = progress or (lambda done, total: None)
    tell(0, MERGE_STEPS)
    copy = Event.open(copy_path, clock=main.clock, desk=main.desk, operator=main.operator)
    try:
        if copy.info.uid != main.info.uid:
            raise DaihoiError("merge.other_event", path=str(copy_path))
        if copy.info.replica == main.info.replica:
            raise DaihoiError("merge.same_file", path=str(copy_path))
        if main.info.desk_copy_of is not None:
            raise DaihoiError("merge.into_copy", path=str(main.path))
        seen = _remembered(main, copy)
        reports = {"main": MergeReport(), "copy": MergeReport()}
        copy_news = seen is None or seen.copy_news
        if not copy_news and not seen.main_news:  # type: ignore[union-attr]
            tell(MERGE_STEPS, MERGE_STEPS)
            return reports  # merged before, and neither side has written since
        if copy_news:
            # Only what the copy wrote since the last merge is read from it, so only that is
            # checked, chained from the hash it had then (everything, the first time).
            found = verify(copy.conn, **(seen.tail() if seen else {}))
            if not found.ok:
                # A copy edited behind the software's back (its chain broken) could carry
                # check-ins nobody made: the organizers look at it (daihoi verify) first.
                raise DaihoiError(
                    "merge.tampered",
                    path=str(copy_path),
                    seq=found.broken_seq or "",
                    check=found.integrity,
                )
        tell(1, MERGE_STEPS)
        try:
            with main.write(), copy.write():
                if copy_news:
                    after = seen.copy_seq if seen else 0
                    _sync(source=copy, target=main, report=reports["main"], after=after)
                tell(2, MERGE_STEPS)
                if reports["main"].journal_rows:
                    summary = {k: v for k, v in reports["main"].public().items() if k != "kinds"}
                    main.journal(
                        "desk.merged",
                        {"from": copy.info.replica, "desk": copy.info.desk_copy_of, **summary},
                    )
                # Back to the desk, this merge's own row included: a second merge finds nothing.
                after = seen.main_seq if seen else 0
                _sync(source=main, target=copy, report=reports["copy"], after=after)
                _remember(main, copy)
                if dry_run:
                    raise _Rollback
        except _Rollback:
            pass
        tell(MERGE_STEPS, MERGE_STEPS)
        return reports
    finally:
        copy.close()


@dataclass(frozen=True)
class _Seen:
    """What the main file remembers of a desk copy's last merge, both files still agreeing."""

    copy_seq: int
    copy_hash: str
    """The copy's last journal row when that merge ended, and its hash."""
    main_seq: int
    """The main file's last journal row then: the copy holds every row up to it."""
    before_seq: int
    before_hash: str
    """The copy's row before ``copy_seq``: the remembered row is checked again from it."""
    copy_news: bool
    """The copy has written since."""
    main_news: bool
    """The main file has written since (other copies merged, organizers' work)."""

    def tail(self) -> dict[str, Any]:
        """:func:`data.journal.verify`'s arguments for the copy's rows from ``copy_seq`` on."""
        return {"after": self.before_seq, "previous": self.before_hash}


def _remembered(main: Event, copy: Event) -> _Seen | None:
    """The last merge of ``copy`` as the main file remembers it, or None for the long way: a
    copy never merged, or whose journal no longer holds the row the merge left (a copy replaced
    by an older backup of itself, or edited), or a main file that does not (restored)."""
    row = main.conn.execute(
        "select copy_seq, copy_hash, main_seq, main_hash from merged_copies where replica = ?",
        (copy.info.replica,),
    ).fetchone()
    if row is None:
        return None
    copy_seq, copy_hash, main_seq, main_hash = row
    if _hash_at(copy, copy_seq) != copy_hash or _hash_at(main, main_seq) != main_hash:
        return None
    before = copy.conn.execute(
        "select seq, hash from journal where seq < ? order by seq desc limit 1", (copy_seq,)
    ).fetchone()
    return _Seen(
        copy_seq,
        copy_hash,
        main_seq,
        before[0] if before else 0,
        before[1] if before else GENESIS,
        copy_news=_last_seq(copy) != copy_seq,
        main_news=_last_seq(main) != main_seq,
    )


def _remember(main: Event, copy: Event) -> None:
    """Note both files' last journal rows as this merge leaves them (inside its transactions)."""
    (copy_seq, copy_hash), (main_seq, main_hash) = _last(copy), _last(main)
    main.conn.execute(
        "insert into merged_copies (replica, copy_seq, copy_hash, main_seq, main_hash, merged_at)"
        " values (?, ?, ?, ?, ?, ?) on conflict (replica) do update set"
        " copy_seq = excluded.copy_seq, copy_hash = excluded.copy_hash,"
        " main_seq = excluded.main_seq, main_hash = excluded.main_hash,"
        " merged_at = excluded.merged_at",
        (copy.info.replica, copy_seq, copy_hash, main_seq, main_hash, stamp(main.now())),
    )


def _hash_at(event: Event, seq: int) -> str | None:
    row = event.conn.execute("select hash from journal where seq = ?", (seq,)).fetchone()
    return row[0] if row else None


def _last(event: Event) -> tuple[int, str]:
    return tuple(
        event.conn.execute("select seq, hash from journal order by seq desc limit 1").fetchone()
    )


def _last_seq(event: Event) -> int:
    return _last(event)[0]


def _fresh(source: Event, target: Event, after: int) -> list[tuple[Any, ...]]:
    """The source's journal rows after row ``after`` that the target lacks, by time."""
    rows = source.conn.execute(
        f"select {_JOURNAL_COLS} from journal where seq > ? order by at, seq", (after,)
    ).fetchall()
    if not after:
        known = {r[0] for r in target.conn.execute("select uuid from journal")}
    else:  # a few rows since the last merge: ask for those alone
        known = set()
        for start in range(0, len(rows), 500):
            batch = [r[0] for r in rows[start : start + 500]]
            marks = ",".join("?" * len(batch))
            known.update(
                r[0]
                for r in target.conn.execute(
                    f"select uuid from journal where uuid in ({marks})", batch
                )
            )
    return [row for row in rows if row[0] not in known]


def _sync(*, source: Event, target: Event, report: MergeReport, after: int = 0) -> None:
    """Bring ``source``'s news into ``target``: its journal rows after row ``after`` (every
    row before it is known to be in ``target`` already) and what they changed."""
    _sync_delegates(source, target, report)
    _sync_codes(source, target, report)
    _sync_sessions(source, target)
    _sync_hall(source, target)
    _sync_layouts(source, target)
    fresh = _fresh(source, target, after)
    touched: dict[tuple[int, str], list[str]] = {}
    """(delegate, session) whose check-ins or undos arrived, with the check-ins that arrived."""
    absent: set[tuple[int, str]] = set()
    """(delegate, session) whose absences arrived."""
    handed: set[tuple[str, int]] = set()
    """(item, delegate) whose hand-outs or returns arrived."""
    # Every row first, in one batch chained as one append per row would be, then what each
    # row changed (an undo finds the check-ins it names even when they came in this batch).
    report.journal_rows += target.append_many(fresh)
    for row in fresh:
        row_uuid, kind, payload_text, desk, operator, at, origin = row
        report.kinds[kind] = report.kinds.get(kind, 0) + 1
        payload = json.loads(payload_text)
        if kind == "checkin":
            key = (int(payload["delegate_id"]), checkin_session(payload))
            touched.setdefault(key, []).append(row_uuid)
        elif kind == "checkin.undo":
            # An undo names the check-ins it takes back; they may be of any session.
            for session in _sessions_of(target, undone_by(payload)):
                touched.setdefault((int(payload["delegate_id"]), session), [])
        elif kind in ("absence.recorded", "absence.undone"):
            absent.add((int(payload["delegate_id"]), str(payload["session"])))
        elif kind in ("handout.given", "handout.returned"):
            handed.add((str(payload["item"]), int(payload["delegate_id"])))
        elif kind == "handout.list":
            handouts_mod.add_item_row(target, payload, at)
        elif kind == "badge.printed":
            printed_mod.replay(target, row_uuid, payload, at=at, desk=desk)
        elif kind == "walkin.requested" and target.info.desk_copy_of is None:
            target.conn.execute(
                "insert into walkins (name, unit, reason, substitute_for, requested_at, desk)"
                " values (?, ?, ?, ?, ?, ?)",
                (
                    payload["name"],
                    payload.get("unit", ""),
                    payload.get("reason", ""),
                    payload.get("substitute_for"),
                    at,
                    desk,
                ),
            )
            report.walkins += 1
    if touched:
        _settle(target, touched, report)
    if absent:
        sessions_mod.settle_absences(target, absent)
    if handed:
        handouts_mod.settle(target, handed)


def _when(at: str) -> tuple[datetime, str]:
    """Sort key of a journal time: the instant (desks may differ in UTC offset), then the text."""
    try:
        return datetime.fromisoformat(at), at
    except ValueError:
        return datetime.max.replace(tzinfo=timezone.utc), at


def _sessions_of(target: Event, checkins: set[str]) -> set[str]:
    """The sessions the check-in rows ``checkins`` counted for."""
    wanted = sorted(checkins)
    if not wanted:
        return set()
    return {
        checkin_session(json.loads(payload))
        for (payload,) in target.conn.execute(
            f"select payload from journal where uuid in ({','.join('?' * len(wanted))})", wanted
        )
    }


def _settle(target: Event, touched: dict[tuple[int, str], list[str]], report: MergeReport) -> None:
    """Make each touched delegate's attendance in each touched session what the journal says.

    A delegate's attendance in a session is their earliest check-in for that session that no
    undo has taken back (ties broken by uuid). Deciding it from the whole journal, not from the
    order rows arrived in, is what makes merges converge: any copies merged in any order, any
    number of times, agree.
    """
    checkins: dict[tuple[int, str], list[tuple[tuple[datetime, str], str, str, str]]] = {}
    undone: set[str] = set()
    delegates = {d for d, _ in touched}
    # SQLite picks the touched delegates' rows (a merge touches a desk's worth of delegates, the
    # journal holds the whole day's check-ins): only those are decoded here.
    for row_uuid, kind, payload_text, desk, operator, at in target.conn.execute(
        "select uuid, kind, payload, desk, operator, at from journal"
        " where kind in ('checkin', 'checkin.undo')"
        " and cast(json_extract(payload, '$.delegate_id') as integer)"
        " in (select value from json_each(?))",
        (json.dumps(sorted(delegates)),),
    ):
        payload = json.loads(payload_text)
        delegate_id = int(payload["delegate_id"])
        if delegate_id not in delegates:
            continue
        if kind == "checkin":
            key = (delegate_id, checkin_session(payload))
            checkins.setdefault(key, []).append((_when(at), row_uuid, desk, operator))
        else:
            undone.update(undone_by(payload))
    known_sessions = {k for (k,) in target.conn.execute("select key from sessions")}
    for (delegate_id, session), arrived in touched.items():
        live = sorted(c for c in checkins.get((delegate_id, session), []) if c[1] not in undone)
        before = target.conn.execute(
            "select journal_uuid from session_attendance where session = ? and delegate_id = ?",
            (session, delegate_id),
        ).fetchone()
        before_uuid = before[0] if before else None
        if not live:
            if before_uuid is not None:
                target.conn.execute(
                    "delete from session_attendance where session = ? and delegate_id = ?",
                    (session, delegate_id),
                )
                report.undos += 1
            continue
        if session not in known_sessions:
            raise DaihoiError("merge.unknown_session", session=session)
        (_, at), kept, desk, operator = live[0]
        if kept != before_uuid:
            target.conn.execute(
                "insert into session_attendance"
                " (session, delegate_id, checked_in_at, desk, operator, journal_uuid)"
                " values (?, ?, ?, ?, ?, ?) on conflict (session, delegate_id) do update set"
                " checked_in_at = excluded.checked_in_at, desk = excluded.desk,"
                " operator = excluded.operator, journal_uuid = excluded.journal_uuid",
                (session, delegate_id, at, desk, operator, kept),
            )
            report.checkins += 1
        # Each arriving check-in that is not the one kept, and a kept one it displaced, is a
        # duplicate: recorded once, in the main file (desk copies receive that row on the way back).
        live_uuids = {c[1] for c in live}
        dropped = [u for u in arrived if u != kept and u in live_uuids]
        if kept in arrived and before_uuid is not None and before_uuid in live_uuids:
            dropped.append(before_uuid)
        for duplicate in dropped:
            report.duplicates += 1
            if target.info.desk_copy_of is None:
                target.journal(
                    "merge.duplicate",
                    {
                        "delegate_id": delegate_id,
                        "kept": kept,
                        "duplicate": duplicate,
                        **session_field(session),
                    },
                )


def _sync_sessions(source: Event, target: Event) -> None:
    """Sessions exist on both sides; the one made current last is current on both (sessions
    are opened on the main file only, so their names and keys never collide)."""
    ours = {
        key: (name, since)
        for key, name, since in target.conn.execute("select key, name, current_since from sessions")
    }
    for key, name, opened_at, since, journal_uuid in source.conn.execute(
        "select key, name, opened_at, current_since, journal_uuid from sessions"
    ):
        if key not in ours:
            target.conn.execute(
                "insert into sessions (key, name, opened_at, current_since, journal_uuid)"
                " values (?, ?, ?, ?, ?)",
                (key, name, opened_at, since, journal_uuid),
            )
        elif since > ours[key][1] or (since == ours[key][1] and name != ours[key][0]):
            target.conn.execute(
                "update sessions set name = ?, opened_at = ?, current_since = ?, journal_uuid = ?"
                " where key = ?",
                (name, opened_at, since, journal_uuid, key),
            )


def _sync_hall(source: Event, target: Event) -> None:
    """The hall plan (one row) saved last is the plan of both sides: a desk may load one
    (``daihoi seats hall``) as the main file may after the desks were cloned."""
    theirs = source.conn.execute("select plan, source, saved_at from hall where id = 1").fetchone()
    if theirs is None:
        return
    ours = target.conn.execute("select plan, source, saved_at from hall where id = 1").fetchone()
    # saved_at, then the text: two plans saved in the same millisecond still agree both ways
    if ours is not None and (_when(theirs[2]), theirs[0]) <= (_when(ours[2]), ours[0]):
        return
    target.conn.execute(
        "insert into hall (id, plan, source, saved_at) values (1, ?, ?, ?)"
        " on conflict (id) do update set plan = excluded.plan, source = excluded.source,"
        " saved_at = excluded.saved_at",
        theirs,
    )


def _sync_layouts(source: Event, target: Event) -> None:
    """Remembered column layouts (:mod:`data.layouts`) of both sides, the mapping of a header
    saved last winning: a list mapped by hand at a desk is read the same way on the main file
    and at every desk merged after it."""
    ours = {
        key: (_when(saved_at), header, header_rows, fields)
        for key, header, header_rows, fields, saved_at in target.conn.execute(
            "select key, header, header_rows, fields, saved_at from column_layouts"
        )
    }
    for key, header, header_rows, fields, saved_at in source.conn.execute(
        "select key, header, header_rows, fields, saved_at from column_layouts"
    ):
        # saved_at, then the row's text: two mappings saved in the same millisecond still agree
        theirs = (_when(saved_at), header, header_rows, fields)
        if key in ours and theirs <= ours[key]:
            continue
        target.conn.execute(
            "insert into column_layouts (key, header, header_rows, fields, saved_at)"
            " values (?, ?, ?, ?, ?) on conflict (key) do update set header = excluded.header,"
            " header_rows = excluded.header_rows, fields = excluded.fields,"
            " saved_at = excluded.saved_at",
            (key, header, header_rows, fields, saved_at),
        )


_DELEGATE_COLS = (
    "id, external_id, name, gender, birth_year, birth_date, ethnicity, religion, position, unit,"
    " delegation, category, seat, phone, source_file, source_row, match_key, status, higher_level,"
    " created_at, updated_at, honorific, role, name_original, side, protocol_rank, appointed,"
    " guest, " + ", ".join(PROFILE_FIELDS)
)


def _sync_delegates(source: Event, target: Event, report: MergeReport) -> None:
    """Newer delegate rows win, by id (only the main file adds delegates, so ids agree)."""
    ours = dict(target.conn.execute("select id, updated_at from delegates"))
    newer = [
        delegate_id
        for delegate_id, updated_at in source.conn.execute("select id, updated_at from delegates")
        if delegate_id not in ours or updated_at > ours[delegate_id]
    ]
    if not newer:
        return
    names = [c.strip() for c in _DELEGATE_COLS.split(",")]
    marks = ", ".join("?" * len(names))
    updates = ", ".join(f"{c} = excluded.{c}" for c in names[1:])
    upsert = (
        f"insert into delegates ({_DELEGATE_COLS}) values ({marks})"
        f" on conflict (id) do update set {updates}"
    )
    for start in range(0, len(newer), 500):
        batch = newer[start : start + 500]
        for row in source.conn.execute(
            f"select {_DELEGATE_COLS} from delegates where id in ({','.join('?' * len(batch))})",
            batch,
        ):
            target.conn.execute(upsert, row)
            report.delegates += 1


def _sync_codes(source: Event, target: Event, report: MergeReport) -> None:
    """Badges issued on either side exist on both; a revocation anywhere revokes everywhere."""
    ours = {
        (d, v): revoked
        for d, v, revoked in target.conn.execute(
            "select delegate_id, version, revoked_at from codes"
        )
    }
    for delegate_id, version, code, issued_at, revoked_at in source.conn.execute(
        "select delegate_id, version, code, issued_at, revoked_at from codes"
    ):
        key = (delegate_id, version)
        if key not in ours:
            target.conn.execute(
                "insert into codes (delegate_id, version, code, issued_at) values (?, ?, ?, ?)",
                (delegate_id, version, code, issued_at),
            )
            ours[key] = None
        if revoked_at and ours[key] is None:
            target.conn.execute(
                "update codes set revoked_at = ? where delegate_id = ? and version = ?",
                (revoked_at, delegate_id, version),
            )
            report.revocations += 1
