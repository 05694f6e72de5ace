"""Files daihoi writes for people (reports, badge PDFs and PNGs, tray sheets, backups, desk
copies): one guard that keeps an output off every input, and one way to create them.

An output never overwrites an input. :func:`refuse_input` is called by every writer before it
opens anything, and refuses a target that is

- the event file itself, its ``-wal``, ``-shm`` or ``-journal`` (by path or as the same file
  through another name or a link);
- any SQLite database (a backup or desk copy of this event, another event, another
  application's file) or the ``-wal``/``-shm`` beside one;
- a list this event was imported from (:func:`remember_input` records each, by its resolved
  path, when an import is written).

:func:`private_file` creates the output owner-only (0600; folders 0700) under a temporary
name beside the target and renames it over the target when complete: badge codes and the
names on tray sheets are personal data, and a half-written file never carries the real name.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DaihoiError
from .store import Event, is_sqlite_file, stamp

SIDE_FILES = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database: overwriting one loses committed data."""


def refuse_input(event: Event, target: str | os.PathLike[str]) -> Path:
    """Refuse (``output.is_*``) a target that is one of the event's inputs; else the path.

    Paths are compared resolved (links followed), in NFC and case-folded, so ``TINH.DB-WAL`` on
    a FAT stick or an NFD file name on macOS is the same file; an existing target is also
    compared by identity (hard links). An existing file named like a list this event imported
    is refused wherever it is: events imported before daihoi remembered paths know only names.
    """
    path = Path(target)
    resolved = _resolved(path)
    key = _key(resolved)
    event_key = _key(_resolved(event.path))
    if any(key == event_key + suffix for suffix in ("", *SIDE_FILES)):
        raise DaihoiError("output.is_event", path=str(path))
    exists = path.exists()
    if exists and _same_file(path, event.path):
        raise DaihoiError("output.is_event", path=str(path))
    for suffix in SIDE_FILES:
        if not key.endswith(suffix) or len(resolved.name) <= len(suffix):
            continue
        base = resolved.with_name(resolved.name[: -len(suffix)])
        if base.exists():
            if _same_file(base, event.path):
                raise DaihoiError("output.is_event", path=str(path))
            if is_sqlite_file(base):
                raise DaihoiError("output.is_database", path=str(path))
    if exists and is_sqlite_file(path):
        raise DaihoiError("output.is_database", path=str(path))
    kind = _imported_as(event, path, key, exists)
    if kind is not None:
        raise DaihoiError("output.is_list", path=str(path), kind=kind)
    return path


def _imported_as(event: Event, path: Path, key: str, exists: bool) -> str | None:
    """The kind of import ``path`` was read by, or None."""
    if not event.db.table("input_files").exists():
        return None
    name = _key(Path(path.name))
    for known, known_name, kind in event.conn.execute("select path, name, kind from input_files"):
        if key == _key(Path(known)) or (exists and _same_file(path, Path(known))):
            return str(kind)
        if exists and name == _key(Path(known_name)):
            return str(kind)
    if exists:
        for (source,) in event.conn.execute("select distinct source_file from delegates"):
            if source and name == _key(Path(source)):
                return "delegates"
    return None


def remember_input(event: Event, path: str | os.PathLike[str], kind: str) -> None:
    """Record that ``path`` was imported into the event (``kind``: delegates, programme,
    honours, higher-level), so that no output is ever written over it. Called by every importer
    once its file was read, not for a dry run.

    Bookkeeping for the guard, not a change anyone sees: the import's own journal row already
    names the file, so this adds no second row."""
    resolved = str(_resolved(Path(path)))
    with event.write():
        now = stamp(event.now())
        known = event.conn.execute(
            "update input_files set last_at = ?, kind = ? where path = ?", (now, kind, resolved)
        ).rowcount
        if not known:
            event.conn.execute(
                "insert into input_files (path, kind, name, first_at, last_at)"
                " values (?, ?, ?, ?, ?)",
                (resolved, kind, Path(path).name, now, now),
            )


def private_folder(folder: Path) -> None:
    """Make ``folder`` (and missing parents) owner-only; an existing folder is left as it is."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


@contextmanager
def private_file(target: Path, error_key: str = "export.cannot_write") -> Iterator[Path]:
    """A temporary path beside ``target``, created 0600, renamed over ``target`` when the block
    ends without error and removed when it fails. An OSError becomes ``error_key``."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        private_folder(folder)
        handle, temp = tempfile.mkstemp(prefix=".daihoi-", suffix=target.suffix, dir=folder)
    except OSError as exc:
        raise DaihoiError(error_key, path=str(target), reason=exc.strerror or str(exc)) from exc
    os.close(handle)  # mkstemp made it 0600
    try:
        yield Path(temp)
        os.replace(temp, target)
    except OSError as exc:
        raise DaihoiError(error_key, path=str(target), reason=exc.strerror or str(exc)) from exc
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def _key(path: Path) -> str:
    """A path as compared: NFC and case-folded."""
    return unicodedata.normalize("NFC", str(path)).casefold()


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
