"""Matching recipients to the delegate list (by external id, else name + unit, never a guess),
and the organizers' decisions on what the importer could not decide alone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from data.delegates import Delegate
from data.store import Event, stamp
from data.text import clean

from .model import AMBIGUOUS, MATCHED, NONE, WITHDRAWN, Honour, HonourRow, all_honours, get
from .recognition import person_key, unit_fits


@dataclass(frozen=True)
class Match:
    """How a recipient was matched to the delegate list."""

    match: str
    delegate_id: int | None
    candidates: tuple[int, ...] = ()


class Matcher:
    """Matches recipients to delegates: external id, else name + unit, never a guess."""

    def __init__(self, people: Iterable[Delegate]) -> None:
        self.by_external: dict[str, int] = {}
        self.by_name: dict[str, list[Delegate]] = {}
        for d in people:
            if d.status != "approved":
                continue
            if d.external_id:
                self.by_external.setdefault(clean(d.external_id), d.id)
            self.by_name.setdefault(person_key(d.name), []).append(d)

    def person(
        self, name: str, unit: str = "", position: str = "", external_id: str | None = None
    ) -> Match:
        """A person: matched only when the external id, or name and unit, point at one delegate.

        A name that fits several delegates, or one delegate whose unit does not agree with the
        list's, or a list row without a unit, is ``ambiguous``: the organizers confirm it.
        """
        if external_id and clean(external_id) in self.by_external:
            return Match(MATCHED, self.by_external[clean(external_id)])
        named = self.by_name.get(person_key(name), [])
        if not named:
            return Match(NONE, None)
        if unit.strip() or position.strip():
            fitting = [d for d in named if unit_fits(d.unit, unit, position)]
            if len(fitting) == 1:
                return Match(MATCHED, fitting[0].id)
            if fitting:
                return Match(AMBIGUOUS, None, tuple(d.id for d in fitting))
        return Match(AMBIGUOUS, None, tuple(d.id for d in named))

    def representative(self, name: str, collective: str) -> Match:
        """A collective's representative: by name, their unit agreeing with the collective."""
        if not name.strip():
            return Match(NONE, None)
        return self.person(name, collective)


def match_row(matcher: Matcher, row: HonourRow, collective: bool) -> Match:
    if collective:
        return matcher.representative(row.representative, row.recipient)
    return matcher.person(row.recipient, row.unit, row.position, row.external_id)


def match(event: Event, honour_id: int, delegate_id: int | None) -> Honour:
    """The organizers' decision: this honour goes to (or is received by) this delegate.

    ``None`` records that the recipient is not a delegate, so it stops being listed as unresolved.
    """
    honour = get(event, honour_id)
    if delegate_id is not None:
        from data.delegates import get as get_delegate

        get_delegate(event, delegate_id)
    with event.write():
        event.db.table("honours").update(
            honour_id,
            {
                "delegate_id": delegate_id,
                "match": MATCHED if delegate_id is not None else NONE,
                "candidates": "[]",
                "match_decided_at": stamp(event.now()),
                "updated_at": stamp(event.now()),
            },
        )
        event.journal(
            "honour.matched",
            {"id": honour_id, "recipient": honour.recipient, "delegate_id": delegate_id,
             "was": honour.delegate_id, "was_match": honour.match},
        )  # fmt: skip
    return get(event, honour_id)


def unresolved(event: Event) -> list[Honour]:
    """Individuals not yet matched to exactly one delegate: for the organizers to decide.

    An organizer's "not a delegate" (:func:`match` with None) takes a recipient off the list,
    read from the honour's own ``match_decided_at`` so it agrees with what :func:`save` reports.
    """
    return [
        h
        for h in all_honours(event)
        if not h.collective
        and h.match != MATCHED
        and h.state != WITHDRAWN
        and h.match_decided_at is None
    ]
