"""Where the ceremony stands (:func:`tally`) and what the tray team lays out (:func:`tray`)."""

from __future__ import annotations

from dataclasses import dataclass

from data.store import Event

from .model import ABSENT, CALLED, PLANNED, PRESENTED, PROXY, WITHDRAWN, Honour, all_honours
from .rules import precedence


@dataclass(frozen=True)
class FormTally:
    """Counts for one form of honour."""

    form: str
    planned: int
    """Honours of this form to hand over today (withdrawn ones excluded)."""
    presented: int
    absent: int
    proxy: int
    remaining: int
    """Still planned or called."""


@dataclass(frozen=True)
class Tally:
    """Where the ceremony stands: totals and per form of honour, highest form first."""

    planned: int
    presented: int
    absent: int
    proxy: int
    remaining: int
    withdrawn: int
    by_form: tuple[FormTally, ...]


def tally(event: Event) -> Tally:
    """Counts by state, overall and per form of honour."""
    counts: dict[str, dict[str, int]] = {}
    order: dict[str, tuple[int, ...]] = {}
    for form, state, n in event.conn.execute(
        "select form, state, count(*) from honours group by form, state"
    ):
        counts.setdefault(form, {}).update({state: n})
        order[form] = precedence(form)
    rows = []
    for form in sorted(counts, key=lambda f: (order[f], f)):
        c = counts[form]
        rows.append(
            FormTally(
                form=form,
                planned=sum(n for s, n in c.items() if s != WITHDRAWN),
                presented=c.get(PRESENTED, 0),
                absent=c.get(ABSENT, 0),
                proxy=c.get(PROXY, 0),
                remaining=c.get(PLANNED, 0) + c.get(CALLED, 0),
            )
        )
    withdrawn = sum(c.get(WITHDRAWN, 0) for c in counts.values())
    return Tally(
        planned=sum(r.planned for r in rows),
        presented=sum(r.presented for r in rows),
        absent=sum(r.absent for r in rows),
        proxy=sum(r.proxy for r in rows),
        remaining=sum(r.remaining for r in rows),
        withdrawn=withdrawn,
        by_form=tuple(rows),
    )


def tray(event: Event, *, group: str | None = None) -> list[tuple[str, list[Honour]]]:
    """What the tray team lays out: per group in order, the honours to hand over in calling order
    (withdrawn ones left out). The console renders it with :mod:`badges.tray`."""
    found: dict[str, list[Honour]] = {}
    for h in all_honours(event, group=group):
        if h.state != WITHDRAWN:
            found.setdefault(h.group, []).append(h)
    return list(found.items())
