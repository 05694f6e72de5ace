"""The arithmetic of the day: pure functions over a snapshot of the running order and "now".

No database, no clock: :func:`compute` takes the items as :class:`Slot` values and the current
time, so every screen, the command line and the tests agree on the same figures, and a test can
replay any situation (overruns, skips, reorders, going back, fixed starts) by building slots.

Only leaves take stage time. A group (the "tham luận" item whose children are the speeches) is
timed from its children: it starts with its first child and ends with its last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

PENDING, RUNNING, DONE, SKIPPED = "pending", "running", "done", "skipped"
NORMAL, WARNING, DANGER = "normal", "warning", "danger"


@dataclass(frozen=True)
class Slot:
    """What timing needs to know of one item, in running order (a group before its children)."""

    id: int
    minutes: int
    state: str
    parent_id: int | None = None
    is_group: bool = False
    fixed_start: datetime | None = None
    """Must not start before this (e.g. "Khai mạc 08:00" after a break)."""
    first_start: datetime | None = None
    """Start of the item's first run: the actual start, never overwritten."""
    last_start: datetime | None = None
    """Start of its latest run (differs from ``first_start`` after going back to it)."""
    last_end: datetime | None = None
    """End of its latest run; None while on stage."""
    warn_seconds: int = 120
    """Remaining time at which the timer turns amber."""
    danger_seconds: int = 0
    """Overrun at which the timer turns red (0: as soon as the planned time is up)."""


@dataclass(frozen=True)
class ItemTiming:
    """The times of one item, planned, actual and projected."""

    id: int
    state: str
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None
    projected_start: datetime | None
    """When it will start (pending), or started (running, done); None when skipped."""
    projected_end: datetime | None
    elapsed: timedelta | None = None
    """On stage for this long (running only; counted from its latest run)."""
    remaining: timedelta | None = None
    """Planned time left, negative once over (running only)."""
    overrun: timedelta = timedelta(0)
    """How far past its planned duration it ran or is running."""
    slack: timedelta = timedelta(0)
    """Idle time projected before a fixed start: how much delay it still absorbs."""
    level: str = NORMAL
    """``normal``, ``warning`` or ``danger``: the colour of the timer."""


@dataclass(frozen=True)
class DayTiming:
    """The day at a glance for the MC."""

    now: datetime
    items: tuple[ItemTiming, ...]
    current: int | None
    """Id of the item on stage (a leaf), if any."""
    next: int | None
    """Id of the next pending leaf, if any."""
    offset: timedelta
    """How far behind the plan (positive) or ahead (negative) the next item will start; at the
    end of the day, how far the day ended off its planned end."""
    planned_end: datetime
    projected_end: datetime

    waiting: bool = False
    """The event's day has not come: every time shown is the planned one, no offset."""

    @property
    def end_offset_minutes(self) -> int:
        """How far the projected end is off the planned end, in whole minutes (positive: late).

        Measured on the items left, it can disagree with :attr:`offset_minutes` (the next item's
        start against its plan) after skips, inserts and short items: the MC screen says both,
        each with what it is measured on."""
        seconds = (self.projected_end - self.planned_end).total_seconds()
        minutes = int(abs(seconds) / 60 + 0.5)
        return minutes if seconds >= 0 else -minutes

    def of(self, item_id: int) -> ItemTiming:
        return next(i for i in self.items if i.id == item_id)

    @property
    def offset_minutes(self) -> int:
        """The offset in whole minutes, rounded half away from zero (what the MC says)."""
        seconds = self.offset.total_seconds()
        minutes = int(abs(seconds) / 60 + 0.5)
        return minutes if seconds >= 0 else -minutes


def compute(
    slots: Sequence[Slot], day_start: datetime, now: datetime, *, waiting: bool = False
) -> DayTiming:
    """Planned, actual and projected times of every item, and the day's offset.

    ``waiting``: the event's day has not come, so the projection is the plan and the offset is
    nil (the evening before, "chậm 713 phút" would be measured from a start not yet due).
    """
    leaves = [s for s in slots if not s.is_group]
    minute = timedelta(minutes=1)

    # The plan: every leaf back to back from the day's start, fixed starts waiting for the clock.
    planned: dict[int, tuple[datetime, datetime]] = {}
    cursor = day_start
    for s in leaves:
        start = max(cursor, s.fixed_start) if s.fixed_start else cursor
        cursor = start + s.minutes * minute
        planned[s.id] = (start, cursor)
    planned_end = cursor

    # The projection: what is on stage now, then the pending leaves in order; nothing pending
    # starts before now, nor before its fixed start.
    running = next((s for s in leaves if s.state == RUNNING), None)
    projected: dict[int, tuple[datetime, datetime]] = {}
    slack: dict[int, timedelta] = {}
    if running is not None:
        assert running.last_start is not None, f"running item {running.id} has no run"
        end = max(running.last_start + running.minutes * minute, now)
        projected[running.id] = (running.last_start, end)
        cursor = end
    else:
        cursor = day_start if waiting else max(now, day_start)
    for s in leaves:
        if s.state != PENDING:
            continue
        start = cursor
        if s.fixed_start and s.fixed_start > cursor:
            slack[s.id] = s.fixed_start - cursor
            start = s.fixed_start
        cursor = start + s.minutes * minute
        projected[s.id] = (start, cursor)
    pending = [s for s in leaves if s.state == PENDING]
    ends = [s.last_end for s in leaves if s.state == DONE and s.last_end]
    projected_end = cursor if running or pending else max(ends, default=planned_end)

    timings: dict[int, ItemTiming] = {}
    for s in leaves:
        timings[s.id] = _leaf(s, planned[s.id], projected.get(s.id), slack.get(s.id), now)
    for s in slots:
        if s.is_group:
            timings[s.id] = _group(s, [timings[c.id] for c in leaves if c.parent_id == s.id])

    next_leaf = pending[0] if pending else None
    if next_leaf is not None:
        offset = projected[next_leaf.id][0] - planned[next_leaf.id][0]
    else:
        offset = projected_end - planned_end
    return DayTiming(
        now=now,
        items=tuple(timings[s.id] for s in slots),
        current=running.id if running else None,
        next=next_leaf.id if next_leaf else None,
        offset=timedelta(0) if waiting else offset,
        planned_end=planned_end,
        projected_end=projected_end,
        waiting=waiting,
    )


def _leaf(
    s: Slot,
    plan: tuple[datetime, datetime],
    projection: tuple[datetime, datetime] | None,
    slack: timedelta | None,
    now: datetime,
) -> ItemTiming:
    planned = timedelta(minutes=s.minutes)
    elapsed = remaining = None
    overrun = timedelta(0)
    level = NORMAL
    if s.state == RUNNING and s.last_start is not None:
        elapsed = now - s.last_start
        remaining = planned - elapsed
        overrun = max(-remaining, timedelta(0))
        if remaining <= -timedelta(seconds=s.danger_seconds) and remaining < timedelta(0):
            level = DANGER
        elif remaining < timedelta(0) or remaining <= timedelta(seconds=s.warn_seconds):
            level = WARNING
    elif s.state == DONE and s.last_start and s.last_end:
        overrun = max(s.last_end - s.last_start - planned, timedelta(0))
    if s.state == DONE:
        projection = (s.last_start or s.first_start or plan[0], s.last_end or plan[1])
    return ItemTiming(
        id=s.id,
        state=s.state,
        planned_start=plan[0],
        planned_end=plan[1],
        actual_start=s.first_start,
        actual_end=s.last_end if s.state == DONE else None,
        projected_start=projection[0] if projection else None,
        projected_end=projection[1] if projection else None,
        elapsed=elapsed,
        remaining=remaining,
        overrun=overrun,
        slack=slack or timedelta(0),
        level=level,
    )


def _group(s: Slot, children: list[ItemTiming]) -> ItemTiming:
    """A group spans its children: first planned start to last planned end, and so on."""
    if not children:  # a group without children is not a group; timed as zero-length
        raise ValueError(f"group {s.id} has no children")
    states = {c.state for c in children}
    if RUNNING in states:
        state = RUNNING
    elif states == {PENDING}:
        state = PENDING
    elif states == {SKIPPED}:
        state = SKIPPED
    elif states <= {DONE, SKIPPED}:
        state = DONE
    else:
        state = RUNNING  # between two speeches: the item is still in progress
    starts = [c.actual_start for c in children if c.actual_start]
    projected = [c for c in children if c.projected_start]
    ends = [c.actual_end for c in children if c.actual_end]
    return ItemTiming(
        id=s.id,
        state=state,
        planned_start=children[0].planned_start,
        planned_end=children[-1].planned_end,
        actual_start=min(starts) if starts else None,
        actual_end=max(ends) if state == DONE and ends else None,
        projected_start=projected[0].projected_start if projected else None,
        projected_end=projected[-1].projected_end if projected else None,
        overrun=sum((c.overrun for c in children), timedelta(0)),
        level=max((c.level for c in children), key=[NORMAL, WARNING, DANGER].index),
    )
