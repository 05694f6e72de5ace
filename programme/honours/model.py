"""Honours as stored: their states, the row an import reads, the honour a desk shows, and the
queries that list them in calling order."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from data.errors import DaihoiError
from data.store import Event

from .rules import items_for, precedence

PLANNED, CALLED, PRESENTED, ABSENT, PROXY, WITHDRAWN = (
    "planned",
    "called",
    "presented",
    "absent",
    "proxy",
    "withdrawn",
)
STATES = (PLANNED, CALLED, PRESENTED, ABSENT, PROXY, WITHDRAWN)
OPEN_STATES = (PLANNED, CALLED)
"""States of an honour still to be handed over."""

MATCHED, AMBIGUOUS, NONE = "matched", "ambiguous", "none"


@dataclass(frozen=True)
class HonourRow:
    """One honour as read from a list (or typed on the spot), before it is stored."""

    recipient: str
    """Person or collective, as written."""
    form: str
    """Form of honour / title, as written in the decision."""
    collective: bool | None = None
    """True/False when the list says; None to decide from the name."""
    position: str = ""
    unit: str = ""
    decision: str = ""
    """"Quyết định số 1234/QĐ-UBND ngày 15/9/2025" as the list gives it."""
    group: str = ""
    """The group called on stage together ("Đợt 1")."""
    presenter: str = ""
    """The leader who presents this group's honours."""
    order: int | None = None
    """The list's explicit calling order, when it gives one."""
    external_id: str | None = None
    """The recipient's delegate id on the delegate list, when the honours list carries it."""
    representative: str = ""
    """Who receives a collective's honour, when the list says."""
    posthumous: bool = False
    source_row: int | None = None


@dataclass(frozen=True)
class Honour:
    """One honour to hand over, with its state in the ceremony."""

    id: int
    recipient: str
    """Person or collective, exactly as written on the list."""
    collective: bool
    form: str
    """Form of honour as written ("Bằng khen của Chủ tịch UBND tỉnh")."""
    decision: str
    group: str
    """"Đợt 1" …; "" when the list has no groups."""
    presenter: str
    position: str
    unit: str
    order: int | None
    """The list's explicit calling order, if any."""
    posthumous: bool
    representative: str
    """Who receives a collective's honour (may be a delegate)."""
    delegate_id: int | None
    """The delegate who receives it (the person, or a collective's representative)."""
    match: str
    """``matched``, ``ambiguous`` (several or unconfirmed candidates) or ``none``."""
    candidates: tuple[int, ...]
    """For an ambiguous match: the delegates it could be."""
    state: str
    state_at: str | None
    """When the state last changed (presented: the moment it was handed over)."""
    state_desk: str | None
    proxy_by: str | None
    """Who received it on the recipient's behalf."""
    present: bool | None = None
    """The receiving delegate has checked in (True), not yet (False), or unknown (None)."""
    precedence: tuple[int, ...] = field(default=(), compare=False)
    items: tuple[str, ...] = field(default=(), compare=False)
    """What goes on the tray (item keys)."""
    match_decided_at: str | None = None
    """When the organizers decided the match (:func:`match`); a re-import keeps such a match."""

    def public(self) -> dict[str, Any]:
        """The shape ``daihoi honours --json`` prints (the first keys are the stable contract)."""
        return {
            "id": self.id,
            "recipient": self.recipient,
            "collective": self.collective,
            "form": self.form,
            "decision": self.decision,
            "group": self.group,
            "state": self.state,
            "delegate_id": self.delegate_id if self.match == MATCHED else None,
            "match": self.match,
            "position": self.position,
            "unit": self.unit,
            "presenter": self.presenter,
            "order": self.order,
            "posthumous": self.posthumous,
            "representative": self.representative,
            "candidates": list(self.candidates),
            "present": self.present,
            "state_at": self.state_at,
            "desk": self.state_desk,
            "proxy_by": self.proxy_by,
            "items": list(self.items),
        }


_COLUMNS = (
    "id, recipient, collective, form, decision, stage_group, presenter, position, unit,"
    " list_order, posthumous, representative, delegate_id, match, candidates, state, state_at,"
    " state_desk, proxy_by, (select 1 from attendance a where a.delegate_id = h.delegate_id),"
    " match_decided_at"
)


def _from_row(row: Sequence[Any]) -> Honour:
    (id_, recipient, collective, form, decision, group, presenter, position, unit, order,
     posthumous, representative, delegate_id, match_, candidates, state, state_at, state_desk,
     proxy_by, arrived, decided_at) = row  # fmt: skip
    present = None if delegate_id is None or match_ != MATCHED else bool(arrived)
    return Honour(
        id=id_,
        recipient=recipient,
        collective=bool(collective),
        form=form,
        decision=decision,
        group=group,
        presenter=presenter,
        position=position,
        unit=unit,
        order=order,
        posthumous=bool(posthumous),
        representative=representative,
        delegate_id=delegate_id,
        match=match_,
        candidates=tuple(json.loads(candidates or "[]")),
        state=state,
        state_at=state_at,
        state_desk=state_desk,
        proxy_by=proxy_by,
        present=present,
        precedence=precedence(form),
        items=items_for(form),
        match_decided_at=decided_at,
    )


def calling_key(h: Honour) -> tuple[Any, ...]:
    """Order on stage within a group: the list's explicit order, else precedence, else list order."""
    if h.order is not None:
        return (0, h.order, h.id)
    return (1, h.precedence, h.id)


def _group_key(name: str, first: int) -> tuple[Any, ...]:
    numbers = re.findall(r"\d+", name)
    return (0, int(numbers[0]), first) if numbers else (1, 0, first)


def all_honours(event: Event, *, group: str | None = None) -> list[Honour]:
    """Every honour, groups in order, each group in calling order."""
    sql = f"select {_COLUMNS} from honours h"
    params: list[Any] = []
    if group is not None:
        sql += " where stage_group = ?"
        params.append(group)
    found = [_from_row(r) for r in event.conn.execute(sql + " order by id", params)]
    first: dict[str, int] = {}
    for h in found:
        first.setdefault(h.group, h.order if h.order is not None else h.id)
    found.sort(key=lambda h: (_group_key(h.group, first[h.group]), calling_key(h)))
    return found


def groups(event: Event) -> list[str]:
    """The groups called on stage, in order ("Đợt 1", "Đợt 2" … ; numbers compared as numbers)."""
    seen: dict[str, None] = {}
    for h in all_honours(event):
        seen.setdefault(h.group)
    return list(seen)


def check_group(event: Event, group: str | None) -> None:
    """Refuse a group name the list does not have (``None``: every group), naming those it has."""
    if group is None:
        return
    known = groups(event)
    if group not in known:
        raise DaihoiError("honours.unknown_group", group=group, groups=", ".join(known) or "—")


def get(event: Event, honour_id: int) -> Honour:
    row = event.conn.execute(
        f"select {_COLUMNS} from honours h where id = ?", (honour_id,)
    ).fetchone()
    if row is None:
        raise DaihoiError("honours.unknown", id=honour_id)
    return _from_row(row)


def honours_of(event: Event, delegate_id: int) -> list[tuple[str, str]]:
    """What a delegate receives today, as (form, group), for the reception desk's note.

    Includes the honours of collectives the delegate receives for; leaves out withdrawn ones.
    """
    rows = event.conn.execute(
        "select form, stage_group from honours where delegate_id = ? and match = ?"
        " and state != ? order by id",
        (delegate_id, MATCHED, WITHDRAWN),
    )
    return [(form, group) for form, group in rows]
