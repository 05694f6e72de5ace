"""The ceremony's states: planned → called → presented / absent / proxy (or withdrawn), each
change committed with its journal row under the write lock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from data.errors import DaihoiError
from data.store import Event, stamp
from data.text import clean

from .model import (
    CALLED,
    OPEN_STATES,
    PLANNED,
    PRESENTED,
    PROXY,
    STATES,
    WITHDRAWN,
    Honour,
    all_honours,
    get,
)


def set_state(event: Event, honour_id: int, state: str, *, by: str = "") -> Honour:
    """Record what happened to one honour on stage, with its journal row.

    ``proxy`` needs who received it (``by``). A withdrawn honour can only be put back to planned.
    Setting an honour back to planned or called corrects a mistaken key press.
    """
    if state not in STATES:
        raise DaihoiError("honours.bad_state", state=state)
    by = clean(by)
    now = stamp(event.now())
    # Read and write under one lock: another desk's mark made after our read would otherwise be
    # overwritten, or a withdrawn honour marked presented.
    with event.write():
        honour = get(event, honour_id)
        if state == PROXY and not by:
            raise DaihoiError("honours.proxy_needs_name", recipient=honour.recipient)
        if honour.state == WITHDRAWN and state not in (PLANNED, WITHDRAWN):
            raise DaihoiError("honours.is_withdrawn", recipient=honour.recipient)
        if honour.state == state and (state != PROXY or honour.proxy_by == by):
            return honour
        event.db.table("honours").update(
            honour_id,
            {
                "state": state,
                "state_at": now,
                "state_desk": event.desk,
                "proxy_by": by if state == PROXY else None,
                "updated_at": now,
            },
        )
        payload: dict[str, Any] = {
            "id": honour_id,
            "recipient": honour.recipient,
            "form": honour.form,
            "group": honour.group,
            "from": honour.state,
        }
        if state == PROXY:
            payload["by"] = by
        event.journal(f"honour.{state}", payload)
    return get(event, honour_id)


def call_group(event: Event, group: str) -> list[int]:
    """The MC calls a group on stage: its planned honours become ``called`` (one journal row)."""
    return _mark_group(
        event, group, lambda h: h.state == PLANNED, (PLANNED,), CALLED, "honours.group_called"
    )


def present_remaining(event: Event, group: str) -> list[int]:
    """Hand over, in one step, every open honour of the group whose receiver has checked in.

    Honours whose receiver has not arrived, or is not known to be a delegate, stay open: the
    MC marks those one by one, so nobody is recorded as honoured on a guess.
    """
    return _mark_group(
        event,
        group,
        lambda h: h.state in OPEN_STATES and bool(h.present),
        OPEN_STATES,
        PRESENTED,
        "honours.group_presented",
    )


def _mark_group(
    event: Event,
    group: str,
    chosen: Callable[[Honour], bool],
    from_states: tuple[str, ...],
    state: str,
    kind: str,
) -> list[int]:
    """Put the ``chosen`` honours of one group in ``state`` with one journal row; returns their ids.

    The honours are chosen inside the write lock (another desk's proxy or absent recorded a moment
    earlier is seen, not overwritten), and the UPDATE only touches rows still in ``from_states``.
    """
    now = stamp(event.now())
    with event.write():
        ids = [h.id for h in all_honours(event, group=group) if chosen(h)]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        states = ",".join("?" * len(from_states))
        event.conn.execute(
            f"update honours set state = ?, state_at = ?, state_desk = ?, proxy_by = null,"
            f" updated_at = ? where id in ({marks}) and state in ({states})",
            [state, now, event.desk, now, *ids, *from_states],
        )
        event.journal(kind, {"group": group, "ids": ids})
    return ids


def proxy_suggestion(h: Honour) -> str:
    """Who usually receives on behalf: a collective's representative; "" otherwise."""
    return h.representative if h.collective else ""
