"""What was printed when: the badge print history, and which badges are new or changed.

A print run (:func:`badges.build.print_badges`) records one row per badge it wrote, with a
fingerprint of what the badge says. From that history the organizers print only the badges
never printed (delegates added by a late list) or only those whose printed text no longer
matches the list (a corrected unit, a new seat), and a desk is warned before printing a badge a
second time, a common waste of card stock.

Rows are written with their journal row (``badge.printed``) in one transaction; the journal
row carries every badge's id, version and fingerprint, so the history can be read back from the
journal alone.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .codes import ID_DIGITS, VERSION_DIGITS
from .delegates import Delegate
from .store import Event, stamp

PRINTED_FIELDS = ("name", "position", "unit", "delegation", "seat", "category")
"""The delegate's fields a badge shows (the category chooses its band): a change to any of
them makes a printed badge out of date."""

ALL, NEW, CHANGED = "all", "new", "changed"
CHOICES = (ALL, NEW, CHANGED)
"""Which badges a run prints: everyone chosen, those never printed, those changed since."""


@dataclass(frozen=True)
class Printed:
    """The last time one delegate's badge was printed."""

    delegate_id: int
    version: int
    """The version of the code on that badge."""
    fingerprint: str
    """Of the printed fields then; empty when unknown (printed before the history was kept)."""
    printed_at: str
    desk: str
    layout: str
    file: str
    """The PDF's file name (no folder: the journal travels to other computers)."""
    times: int
    """How many times this delegate's badge has been printed in all."""


def fingerprint(delegate: Delegate) -> str:
    """A short hash of the printed fields as NFC text: equal exactly when the badge would say
    the same words."""
    values = [
        unicodedata.normalize("NFC", str(getattr(delegate, f) or "")).strip()
        for f in PRINTED_FIELDS
    ]
    digest = hashlib.sha256(json.dumps(values, ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


def version_of(code: str) -> int:
    """The version digits of an 18-digit badge code (0 when there is none)."""
    return int(code[ID_DIGITS : ID_DIGITS + VERSION_DIGITS] or 0) if code else 0


def history(event: Event, ids: Iterable[int] | None = None) -> dict[int, Printed]:
    """The last print of each delegate's badge (of ``ids``, or everyone printed), by id."""
    rows = event.conn.execute(
        "select delegate_id, version, fingerprint, printed_at, desk, layout, file,"
        " count(*) over (partition by delegate_id)"
        " from badge_prints order by delegate_id, printed_at, id"
    ).fetchall()
    wanted = None if ids is None else set(ids)
    found: dict[int, Printed] = {}
    for row in rows:  # ordered by time: the last row of each delegate stays
        if wanted is None or row[0] in wanted:
            found[row[0]] = Printed(*row)
    return found


def state(delegate: Delegate, last: Printed | None) -> str:
    """``new`` (never printed), ``changed`` (printed text differs from the list now, or the
    printed code was revoked since) or ``printed``."""
    if last is None:
        return NEW
    if last.fingerprint and last.fingerprint != fingerprint(delegate):
        return CHANGED
    if delegate.code and version_of(delegate.code) != last.version:
        return CHANGED  # reissued elsewhere (a walk-in's code, a desk copy's reprint)
    return "printed"


def choose(event: Event, delegates: Sequence[Delegate], only: str = ALL) -> list[Delegate]:
    """``delegates`` (in their order) kept by ``only``: all, never printed, or changed."""
    if only == ALL:
        return list(delegates)
    last = history(event)
    return [d for d in delegates if state(d, last.get(d.id)) == only]


def already_printed(event: Event, delegates: Iterable[Delegate]) -> dict[int, Printed]:
    """Those of ``delegates`` whose badge was printed before: the run's warning."""
    return history(event, [d.id for d in delegates])


def record(
    event: Event,
    printed: Sequence[tuple[Delegate, str]],
    *,
    layout: str,
    file: str,
) -> str:
    """Record that the badges ``printed`` (delegate, code printed) were written into ``file``:
    one history row each and one ``badge.printed`` journal row, in one transaction. Returns the
    journal row's uuid."""
    rows = [(d.id, version_of(code), fingerprint(d)) for d, code in printed]
    with event.write():
        payload = {"layout": layout, "file": file, "badges": [list(r) for r in rows]}
        row_uuid = event.journal("badge.printed", payload)
        replay(event, row_uuid, payload, at=stamp(event.now()), desk=event.desk)
    return row_uuid


def replay(event: Event, row_uuid: str, payload: dict[str, Any], *, at: str, desk: str) -> None:
    """The history rows of one ``badge.printed`` journal row: written by :func:`record`, and by
    a merge for the rows a desk copy brings (inside the caller's write; a row already
    replayed is not written twice)."""
    event.conn.executemany(
        "insert into badge_prints (delegate_id, version, fingerprint, printed_at, desk,"
        " layout, file, journal_uuid) select ?, ?, ?, ?, ?, ?, ?, ?"
        " where not exists (select 1 from badge_prints where journal_uuid = ? and delegate_id = ?)",
        [
            (int(i), int(v), str(fp), at, desk, payload["layout"], payload["file"], row_uuid)
            + (row_uuid, int(i))
            for i, v, fp in payload["badges"]
        ],
    )


def latest(prints: Iterable[Printed]) -> Printed | None:
    """The most recent of ``prints`` (the warning names when and where it was)."""
    return max(prints, key=lambda p: p.printed_at, default=None)
