"""Storing an imported list (a re-import updates in place and keeps ceremony states and
organizers' matches) and adding one honour on the spot."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from data.delegates import all_delegates
from data.errors import DaihoiError
from data.store import Event, stamp
from data.text import clean, fold

from .matching import Matcher, match_row
from .model import MATCHED, WITHDRAWN, Honour, HonourRow, get
from .recognition import is_posthumous, looks_collective, person_key


def honour_key(recipient: str, unit: str, form: str, decision: str = "") -> str:
    """How a re-imported row finds its honour: recipient, unit, form and decision, folded.

    The decision is part of it: the same person may receive the same form twice under two
    decisions (a province's Bằng khen for the year and one for an exploit), and both must be kept.
    """
    return f"{person_key(recipient)}|{fold(unit)}|{fold(form)}|{fold(decision)}"


@dataclass(frozen=True)
class SaveReport:
    """What storing a list did (or, for a dry run, would do)."""

    added: int
    updated: int
    unchanged: int
    unresolved: tuple[tuple[str, str, tuple[int, ...]], ...]
    """(recipient, match, candidates) of individuals not matched to exactly one delegate."""
    repeated: tuple[str, ...] = ()
    """Recipients listed more than once with the same form, unit and decision: each row is kept
    as its own honour (two people of one name are not merged); the organizers check them."""
    not_in_list: tuple[tuple[int, str, str], ...] = ()
    """(id, recipient, form) of honours stored (and not withdrawn) that this list no longer
    names: a corrected list ("Lê Văn Lam" for "Lê Văn Lâm") keeps the old row too. Nothing is
    removed by an import; the organizers withdraw what the list dropped."""


_UPDATABLE = (
    "collective", "position", "form", "decision", "stage_group", "presenter", "list_order",
    "posthumous", "external_id", "representative", "source_file", "source_row",
)  # fmt: skip


def _values(row: HonourRow, source: str) -> dict[str, Any]:
    recipient = clean(row.recipient)
    collective = row.collective if row.collective is not None else looks_collective(recipient)
    return {
        "recipient": recipient,
        "collective": int(collective),
        "position": clean(row.position),
        "unit": clean(row.unit),
        "form": clean(row.form),
        "decision": clean(row.decision),
        "stage_group": clean(row.group),
        "presenter": clean(row.presenter),
        "list_order": row.order,
        "posthumous": int(row.posthumous or is_posthumous(row.form, row.recipient)),
        "external_id": clean(row.external_id) or None,
        "representative": clean(row.representative),
        "source_file": source,
        "source_row": row.source_row,
    }


def save(
    event: Event, rows: Iterable[HonourRow], *, source: str = "", dry_run: bool = False
) -> SaveReport:
    """Store a list of honours in one transaction (none for a dry run).

    A row already stored (same recipient, unit, form and decision, compared folded) is updated in
    place: its ceremony state and an organizer's match ("not a delegate" included) are kept. A row
    is never merged into another one: a second honour of the same person is stored as its own. Individuals are matched to delegates
    (:class:`Matcher`); collectives to their representative's delegate when the list names one.
    """
    matcher = Matcher(all_delegates(event))
    # Stored honours by key, oldest first; the n-th row of a key in the list is the n-th stored
    # honour of that key, so re-importing a list that repeats a row is still idempotent. The key
    # is computed from the stored columns, not read from ``match_key``, so rows stored under an
    # older key definition are found too.
    existing: dict[str, list[tuple[int, dict[str, Any], str, str | None]]] = {}
    stored_names: dict[int, tuple[str, str]] = {}
    cols = ", ".join(_UPDATABLE)
    for row in event.conn.execute(
        f"select id, recipient, unit, match, match_decided_at, delegate_id, candidates, {cols},"
        " state from honours order by id"
    ):
        old = dict(zip(("delegate_id", "candidates", *_UPDATABLE), row[5:-1]))
        key = honour_key(row[1], row[2], old["form"], old["decision"])
        existing.setdefault(key, []).append((row[0], old, row[3], row[4]))
        if row[-1] != WITHDRAWN:
            stored_names[row[0]] = (row[1], old["form"])
    now = stamp(event.now())
    inserts: list[dict[str, Any]] = []
    updates: list[tuple[int, dict[str, Any]]] = []
    unchanged = 0
    unresolved: list[tuple[str, str, tuple[int, ...]]] = []
    seen: dict[str, int] = {}
    repeated: dict[str, None] = {}
    for row in rows:
        values = _values(row, source)
        key = honour_key(values["recipient"], values["unit"], values["form"], values["decision"])
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        if nth:
            repeated.setdefault(values["recipient"])
        stored = existing.get(key, [])
        found = match_row(matcher, row, bool(values["collective"]))
        match_values = {
            "delegate_id": found.delegate_id,
            "match": found.match,
            "candidates": json.dumps(list(found.candidates)),
        }
        kept_match = None
        if nth < len(stored):
            honour_id, old, old_match, decided_at = stored[nth]
            diff = {
                k: v
                for k, v in values.items()
                if k in _UPDATABLE and k not in ("source_file", "source_row") and old[k] != v
            }
            # A match the organizers decided, or one already certain, is kept as is.
            if decided_at is not None or old_match == MATCHED:
                kept_match = old_match
            elif (old["delegate_id"], old_match, old["candidates"]) != tuple(match_values.values()):
                diff.update(match_values)
            if diff:
                diff.update(source_file=source, source_row=row.source_row, updated_at=now)
                updates.append((honour_id, diff))
            else:
                unchanged += 1
        else:
            inserts.append(
                {**values, **match_values, "match_key": key, "created_at": now, "updated_at": now}
            )
        if not values["collective"] and kept_match is None and found.match != MATCHED:
            unresolved.append((values["recipient"], found.match, found.candidates))
    # The n-th row of a key in the list is the n-th stored honour of it (see above): the others
    # are honours this list does not name.
    listed = {
        honour[0] for key, stored in existing.items() for honour in stored[: seen.get(key, 0)]
    }
    dropped = tuple((i, *stored_names[i]) for i in sorted(stored_names) if i not in listed)
    report = SaveReport(
        len(inserts), len(updates), unchanged, tuple(unresolved), tuple(repeated), dropped
    )
    if dry_run or not (inserts or updates):
        return report
    with event.write():
        table = event.db.table("honours")
        for values in inserts:
            table.insert(values)
        for honour_id, diff in updates:
            table.update(honour_id, diff)
        event.journal(
            "honours.imported",
            {
                "source": source,
                "added": len(inserts),
                "updated": [i for i, _ in updates],
                "unresolved": len(unresolved),
            },
        )
    return report


def add(event: Event, row: HonourRow) -> Honour:
    """Add one honour on the spot (a late decision, a forgotten name), matched like an import."""
    if not clean(row.recipient) or not clean(row.form):
        raise DaihoiError("honours.add_incomplete")
    values = _values(row, "")
    found = match_row(Matcher(all_delegates(event)), row, bool(values["collective"]))
    now = stamp(event.now())
    with event.write():
        honour_id = event.insert(
            "honours",
            {
                **values,
                "delegate_id": found.delegate_id,
                "match": found.match,
                "candidates": json.dumps(list(found.candidates)),
                "match_key": honour_key(
                    values["recipient"], values["unit"], values["form"], values["decision"]
                ),
                "created_at": now,
                "updated_at": now,
            },
        )
        event.journal(
            "honour.added",
            {"id": honour_id, "recipient": values["recipient"], "form": values["form"],
             "group": values["stage_group"], "match": found.match},
        )  # fmt: skip
    return get(event, honour_id)
