"""Hand-outs: what a desk gives each delegate beside admitting them (document kit, gift, tablet,
secret documents that must come back), recorded per item and delegate.

An organizer adds an item to the hand-out list (:func:`add_item`, with ``must_return`` for what
comes back); a desk runs it (``Desk(event, handout="Tài liệu")``): each scan that admits a
delegate, or finds them already admitted, records the hand-out and the verdict says what to hand
over, or, on a second scan, "đã phát lúc 07:42, Bàn 3". A desk collecting returns
(``collect=True``) records the return instead. Every hand-out and return is committed with its
journal row before the desk shows it, and merges of desk copies carry them (:func:`settle`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .errors import DaihoiError
from .store import Event, stamp
from .text import clean, fold

HANDED = "handed"
ALREADY = "already"
RETURNED = "returned"
ALREADY_RETURNED = "already_returned"
NOT_HANDED = "not_handed"
STATES = (HANDED, ALREADY, RETURNED, ALREADY_RETURNED, NOT_HANDED)

ITEM_MAX = 60


@dataclass(frozen=True)
class HandoutItem:
    """One line of the hand-out list, with how far it has gone."""

    name: str
    must_return: bool
    """True for what comes back (tablets, secret documents)."""
    handed: int
    """Delegates who received it."""
    returned: int
    """Of them, who gave it back."""


@dataclass(frozen=True)
class HandoutResult:
    """What a scan at a hand-out desk recorded, for the desk's screen."""

    item: str
    state: str
    """One of :data:`STATES`: ``handed`` (hand it over now), ``already`` (handed out before:
    ``at`` and ``desk`` say when and where), ``returned`` (take it back now),
    ``already_returned``, ``not_handed`` (a return of something never handed out)."""
    must_return: bool
    at: str | None = None
    """When it was handed out (for ``already``) or given back (``already_returned``)."""
    desk: str | None = None
    """Where that happened."""

    def public(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "state": self.state,
            "must_return": self.must_return,
            "at": self.at,
            "desk": self.desk,
        }


def item_name(text: str) -> str:
    """An item's name as typed, tidied; refused when empty or too long."""
    name = clean(text)
    if not name:
        raise DaihoiError("handout.no_name")
    if len(name) > ITEM_MAX:
        raise DaihoiError("handout.bad_name", max=ITEM_MAX)
    return name


def add_item(event: Event, name: str, *, must_return: bool = False) -> HandoutItem:
    """Add ``name`` to the hand-out list; journaled. An existing name is refused."""
    wanted = item_name(name)
    with event.write():
        if _find(event, wanted) is not None:
            raise DaihoiError("handout.exists", item=wanted)
        payload = {"item": wanted, "must_return": must_return}
        event.journal("handout.list", payload)
        add_item_row(event, payload, stamp(event.now()))
    return get_item(event, wanted)


def add_item_row(event: Event, payload: dict[str, Any], at: str) -> None:
    """The item a ``handout.list`` journal row adds (also when a merge brings the row)."""
    event.conn.execute(
        "insert into handout_items (name, must_return, created_at) values (?, ?, ?)"
        " on conflict (name) do nothing",
        (payload["item"], int(bool(payload["must_return"])), at),
    )


def _find(event: Event, name: str) -> str | None:
    """The stored name of item ``name`` (accents and case ignored), or None."""
    wanted = fold(name)
    for (stored,) in event.conn.execute("select name from handout_items"):
        if fold(stored) == wanted:
            return str(stored)
    return None


def get_item(event: Event, name: str) -> HandoutItem:
    """Item ``name`` of the hand-out list (accents and case ignored), with its counts."""
    stored = _find(event, name)
    if stored is None:
        known = ", ".join(i.name for i in items(event))
        raise DaihoiError("handout.unknown", item=name, known=known or "-")
    return next(i for i in items(event) if i.name == stored)


def items(event: Event) -> list[HandoutItem]:
    """The hand-out list in the order items were added."""
    rows = event.conn.execute(
        "select i.name, i.must_return, count(h.delegate_id), count(h.returned_at)"
        " from handout_items i left join handouts h on h.item = i.name"
        " group by i.name order by i.created_at, i.name"
    ).fetchall()
    return [HandoutItem(r[0], bool(r[1]), int(r[2]), int(r[3])) for r in rows]


def give(event: Event, item: str, delegate_id: int) -> HandoutResult:
    """Record that ``delegate_id`` receives ``item`` now, or say when they already did."""
    with event.write():
        found = get_item(event, item)
        row = event.conn.execute(
            "select handed_at, desk from handouts where item = ? and delegate_id = ?",
            (found.name, delegate_id),
        ).fetchone()
        if row is not None:
            event.journal(
                "handout.already",
                {"item": found.name, "delegate_id": delegate_id, "first_at": row[0]},
            )
            return HandoutResult(found.name, ALREADY, found.must_return, row[0], row[1])
        moment = event.now()
        journal_uuid = event.journal(
            "handout.given", {"item": found.name, "delegate_id": delegate_id}, at=moment
        )
        event.conn.execute(
            "insert into handouts (item, delegate_id, handed_at, desk, operator, journal_uuid)"
            " values (?, ?, ?, ?, ?, ?)",
            (found.name, delegate_id, stamp(moment), event.desk, event.operator, journal_uuid),
        )
    return HandoutResult(found.name, HANDED, found.must_return, stamp(moment), event.desk)


def take_back(event: Event, item: str, delegate_id: int) -> HandoutResult:
    """Record that ``delegate_id`` gives ``item`` back now (only items that must return)."""
    with event.write():
        found = get_item(event, item)
        if not found.must_return:
            raise DaihoiError("handout.not_returnable", item=found.name)
        row = event.conn.execute(
            "select handed_at, desk, returned_at, returned_desk from handouts"
            " where item = ? and delegate_id = ?",
            (found.name, delegate_id),
        ).fetchone()
        if row is None:
            event.journal("handout.not_handed", {"item": found.name, "delegate_id": delegate_id})
            return HandoutResult(found.name, NOT_HANDED, True)
        if row[2] is not None:
            event.journal(
                "handout.already", {"item": found.name, "delegate_id": delegate_id, "return": 1}
            )
            return HandoutResult(found.name, ALREADY_RETURNED, True, row[2], row[3])
        moment = event.now()
        journal_uuid = event.journal(
            "handout.returned", {"item": found.name, "delegate_id": delegate_id}, at=moment
        )
        event.conn.execute(
            "update handouts set returned_at = ?, returned_desk = ?, return_uuid = ?"
            " where item = ? and delegate_id = ?",
            (stamp(moment), event.desk, journal_uuid, found.name, delegate_id),
        )
    return HandoutResult(found.name, RETURNED, True, stamp(moment), event.desk)


def outstanding(event: Event, item: str) -> list[int]:
    """Delegates who received ``item`` (one that must return) and have not given it back."""
    found = get_item(event, item)
    return [
        int(r[0])
        for r in event.conn.execute(
            "select delegate_id from handouts where item = ? and returned_at is null"
            " order by delegate_id",
            (found.name,),
        )
    ]


def settle(event: Event, keys: set[tuple[str, int]]) -> None:
    """Make the hand-outs of ``keys`` ((item, delegate)) what the journal says, after a merge:
    the earliest hand-out and the earliest return after it win (by time, then uuid)."""
    given: dict[tuple[str, int], tuple[tuple[datetime, str], str, str, str]] = {}
    back: dict[tuple[str, int], tuple[tuple[datetime, str], str, str]] = {}
    for row_uuid, kind, payload_text, desk, operator, at in event.conn.execute(
        "select uuid, kind, payload, desk, operator, at from journal"
        " where kind in ('handout.given', 'handout.returned')"
    ):
        payload = json.loads(payload_text)
        key = (str(payload["item"]), int(payload["delegate_id"]))
        if key not in keys:
            continue
        when = (datetime.fromisoformat(at), row_uuid)
        if kind == "handout.given":
            if key not in given or when < given[key][0]:
                given[key] = (when, at, desk, operator)
        elif key not in back or when < back[key][0]:
            back[key] = (when, at, desk)
    for (item, delegate_id), (when, at, desk, operator) in given.items():
        returned = back.get((item, delegate_id))
        event.conn.execute(
            "insert into handouts (item, delegate_id, handed_at, desk, operator, journal_uuid,"
            " returned_at, returned_desk, return_uuid) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " on conflict (item, delegate_id) do update set handed_at = excluded.handed_at,"
            " desk = excluded.desk, operator = excluded.operator,"
            " journal_uuid = excluded.journal_uuid, returned_at = excluded.returned_at,"
            " returned_desk = excluded.returned_desk, return_uuid = excluded.return_uuid",
            (
                item,
                delegate_id,
                at,
                desk,
                operator,
                when[1],
                returned[1] if returned else None,
                returned[2] if returned else None,
                returned[0][1] if returned else None,
            ),
        )
