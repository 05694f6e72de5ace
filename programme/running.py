"""The live running order: a snapshot for the screens, and the MC's operations on it.

Every operation is one :meth:`data.store.Event.write` transaction with its journal row, so
every desk sharing the event file sees it and a restarted console finds the day as it was.
Actual times are appended as runs (``programme_runs``) and never rewritten: going back to a
finished item opens a new run, the first run still says when it really started.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from data.errors import DaihoiError
from data.store import Event, stamp

from . import timing
from .timing import DONE, PENDING, RUNNING, SKIPPED, DayTiming, Slot

MAX_MINUTES = 600


@dataclass(frozen=True)
class Run:
    """One time an item was on stage."""

    started_at: datetime
    ended_at: datetime | None
    outcome: str | None
    present: int | None
    """Delegates present when it started (recorded for the vote on the higher congress list)."""


@dataclass(frozen=True)
class Item:
    """One item of the running order, as stored, with its runs."""

    id: int
    parent_id: int | None
    position: int
    role: str
    title: str
    minutes: int
    performer: str
    """Who performs it: a name as written, else the speaker delegate's name."""
    delegate_id: int | None
    speaker_present: bool | None
    """For an item with a speaker delegate: checked in or not. None without one."""
    notes: str
    tech: str
    fixed_start: str | None
    warn_seconds: int
    danger_seconds: int
    state: str
    runs: tuple[Run, ...]
    is_group: bool
    """Has children (the speeches of "tham luận"): timed from them, never run itself."""

    @property
    def depth(self) -> int:
        return 0 if self.parent_id is None else 1


@dataclass(frozen=True)
class Programme:
    """The running order at one moment: items in order, a group followed by its children."""

    items: tuple[Item, ...]
    day_start: datetime
    dated: bool = True
    """False when the event has no date (``daihoi init`` without ``--date``): its day is
    whichever day the clock says, so the day has not come until an item starts."""

    def get(self, item_id: int) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise DaihoiError("programme.unknown_item", id=item_id)

    @property
    def leaves(self) -> list[Item]:
        return [i for i in self.items if not i.is_group]

    @property
    def current(self) -> Item | None:
        return next((i for i in self.leaves if i.state == RUNNING), None)

    @property
    def next_pending(self) -> Item | None:
        return next((i for i in self.leaves if i.state == PENDING), None)

    @property
    def started(self) -> bool:
        return any(i.runs for i in self.items)

    def children(self, item_id: int) -> list[Item]:
        return [i for i in self.items if i.parent_id == item_id]

    def slots(self) -> list[Slot]:
        day = self.day_start.date()
        slots = []
        for i in self.items:
            fixed = None
            if i.fixed_start:
                hh, mm = map(int, i.fixed_start.split(":"))
                fixed = datetime.combine(day, self.day_start.timetz()).replace(hour=hh, minute=mm)
            slots.append(
                Slot(
                    id=i.id,
                    minutes=i.minutes,
                    state=i.state,
                    parent_id=i.parent_id,
                    is_group=i.is_group,
                    fixed_start=fixed,
                    first_start=i.runs[0].started_at if i.runs else None,
                    last_start=i.runs[-1].started_at if i.runs else None,
                    last_end=i.runs[-1].ended_at if i.runs else None,
                    warn_seconds=i.warn_seconds,
                    danger_seconds=i.danger_seconds,
                )
            )
        return slots

    def waiting(self, now: datetime) -> bool:
        """True while the event's day has not come (a rehearsal the evening before, an event
        without a date): nothing has started, and the times to show are the planned ones."""
        if self.started:
            return False
        return not self.dated or now.date() < self.day_start.date()

    def over(self, now: datetime) -> bool:
        """True once the event's day has passed: an item left on stage that day says nothing
        about lateness now ("chậm 630253 phút" on the demo a year later)."""
        return self.dated and now.date() > self.day_start.date()

    def timing(self, now: datetime) -> DayTiming:
        return timing.compute(self.slots(), self.day_start, now, waiting=self.waiting(now))

    def present_count(self) -> int | None:
        """The figure recorded when the vote item last started, for the presiding board."""
        from .template import VOTE_HIGHER  # the templates' items: not needed to read the day

        for item in self.items:
            if item.role == VOTE_HIGHER and item.runs:
                return item.runs[-1].present
        return None


# ---------------------------------------------------------------- reading
def day_start(event: Event) -> datetime:
    """The event's date and start time, in the clock's time zone."""
    now = event.now()
    # fromisoformat, not strptime: that one imports _strptime, locale and calendar (3 ms)
    day = date.fromisoformat(event.info.date) if event.info.date else now.date()
    hh, mm = map(int, event.info.start.split(":"))
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=now.tzinfo)


_ITEM_COLUMNS = (
    "id, parent_id, position, role, title, minutes, performer, delegate_id, notes, tech,"
    " fixed_start, warn_seconds, danger_seconds, state"
)


def load(event: Event) -> Programme:
    """Read the whole running order (a few dozen rows) in one consistent snapshot."""
    conn = event.conn
    rows = conn.execute(f"select {_ITEM_COLUMNS} from programme_items").fetchall()
    runs: dict[int, list[Run]] = {}
    for item_id, started, ended, outcome, was_present in conn.execute(
        "select item_id, started_at, ended_at, outcome, present from programme_runs order by id"
    ):
        runs.setdefault(item_id, []).append(
            Run(
                datetime.fromisoformat(started),
                datetime.fromisoformat(ended) if ended else None,
                outcome,
                was_present,
            )
        )
    speaker_ids = [r[7] for r in rows if r[7] is not None]
    names: dict[int, str] = {}
    present: set[int] = set()
    if speaker_ids:
        marks = ",".join("?" * len(speaker_ids))
        names = dict(
            conn.execute(f"select id, name from delegates where id in ({marks})", speaker_ids)
        )
        present = {
            r[0]
            for r in conn.execute(
                f"select delegate_id from attendance where delegate_id in ({marks})", speaker_ids
            )
        }
    parents = {r[1] for r in rows if r[1] is not None}
    by_parent: dict[int | None, list[tuple[Any, ...]]] = {}
    for r in rows:
        by_parent.setdefault(r[1], []).append(r)
    ordered: list[Item] = []

    def make(r: tuple[Any, ...]) -> Item:
        delegate_id = r[7]
        return Item(
            id=r[0],
            parent_id=r[1],
            position=r[2],
            role=r[3],
            title=r[4],
            minutes=r[5],
            performer=r[6] or (names.get(delegate_id, "") if delegate_id else ""),
            delegate_id=delegate_id,
            speaker_present=(delegate_id in present) if delegate_id else None,
            notes=r[8],
            tech=r[9],
            fixed_start=r[10],
            warn_seconds=r[11],
            danger_seconds=r[12],
            state=r[13],
            runs=tuple(runs.get(r[0], ())),
            is_group=r[0] in parents,
        )

    for r in sorted(by_parent.get(None, []), key=lambda r: (r[2], r[0])):
        ordered.append(make(r))
        for c in sorted(by_parent.get(r[0], []), key=lambda c: (c[2], c[0])):
            ordered.append(make(c))
    return Programme(tuple(ordered), day_start(event), dated=bool(event.info.date))


def speeches_of(event: Event, delegate_id: int) -> list[str]:
    """Titles of today's items (not yet done) where this delegate speaks, for the reception desk."""
    rows = event.conn.execute(
        """select i.title, p.title from programme_items i
           left join programme_items p on p.id = i.parent_id
           where i.delegate_id = ? and i.state in ('pending', 'running')
           order by coalesce(p.position, i.position), i.position""",
        (delegate_id,),
    )
    return [title for title, _parent in rows]


# ---------------------------------------------------------------- live operations
@dataclass(frozen=True)
class Outcome:
    """What an operation did, for the message the screen or the command line shows."""

    kind: str
    item: Item | None
    present: int | None = None


def start(event: Event, item_id: int | None = None) -> Outcome:
    """Put the next pending item (or ``item_id``, pending) on stage; refuse while one runs."""
    with event.write():
        prog = load(event)
        if prog.current is not None:
            raise DaihoiError("programme.already_running", title=prog.current.title)
        item = _pending_leaf(prog, item_id)
        present = _open_run(event, item, "programme.started")
    return Outcome("programme.started", item, present)


def finish(event: Event) -> Outcome:
    """End the item on stage."""
    with event.write():
        prog = load(event)
        item = prog.current
        if item is None:
            raise DaihoiError("programme.nothing_running")
        _close_run(event, item, DONE)
        event.journal("programme.finished", {"item": item.id, "title": item.title})
    return Outcome("programme.finished", item)


def next_item(event: Event) -> Outcome:
    """Finish the item on stage (if any) and start the next pending one, in one write."""
    with event.write():
        prog = load(event)
        if prog.current is not None:
            _close_run(event, prog.current, DONE)
            event.journal(
                "programme.finished", {"item": prog.current.id, "title": prog.current.title}
            )
        item = prog.next_pending
        if item is None:
            if prog.current is not None:
                return Outcome("programme.finished", prog.current)
            raise DaihoiError("programme.nothing_left")
        present = _open_run(event, item, "programme.started")
    return Outcome("programme.started", item, present)


def skip(event: Event, item_id: int | None = None) -> Outcome:
    """Mark a pending item (default: the next one; a group: all its pending speeches) skipped."""
    with event.write():
        prog = load(event)
        item = prog.get(item_id) if item_id is not None else prog.next_pending
        if item is None:
            raise DaihoiError("programme.nothing_left")
        targets = prog.children(item.id) if item.is_group else [item]
        targets = [t for t in targets if t.state == PENDING]
        if not targets:
            raise DaihoiError("programme.not_pending", title=item.title)
        for target in targets:
            _set_state(event, target.id, SKIPPED)
        event.journal(
            "programme.skipped",
            {"item": item.id, "title": item.title, "items": [t.id for t in targets]},
        )
    return Outcome("programme.skipped", item)


def reopen(event: Event, item_id: int) -> Outcome:
    """Go back to a finished or skipped item: the one on stage ends, this one runs again.

    The earlier run stays as it was; a new run records this return to the stage.
    """
    with event.write():
        prog = load(event)
        item = prog.get(item_id)
        if item.is_group:
            raise DaihoiError("programme.is_group", title=item.title)
        if item.state not in (DONE, SKIPPED):
            raise DaihoiError("programme.not_finished", title=item.title)
        if prog.current is not None:
            _close_run(event, prog.current, DONE)
            event.journal(
                "programme.finished", {"item": prog.current.id, "title": prog.current.title}
            )
        present = _open_run(event, item, "programme.reopened")
    return Outcome("programme.reopened", item, present)


def move(event: Event, item_id: int, step: int) -> Outcome:
    """Move a pending item up (-1) or down (+1) among its siblings, past pending ones only."""
    with event.write():
        prog = load(event)
        item = prog.get(item_id)
        if _shown_state(prog, item) != PENDING:
            raise DaihoiError("programme.not_pending", title=item.title)
        siblings = [i for i in prog.items if i.parent_id == item.parent_id]
        index = siblings.index(item)
        other_index = index + (1 if step > 0 else -1)
        if not 0 <= other_index < len(siblings):
            raise DaihoiError("programme.cannot_move", title=item.title)
        other = siblings[other_index]
        if _shown_state(prog, other) != PENDING:
            raise DaihoiError("programme.cannot_move", title=item.title)
        siblings[index], siblings[other_index] = other, item
        _renumber(event, siblings)
        event.journal(
            "programme.moved", {"item": item.id, "title": item.title, "step": 1 if step > 0 else -1}
        )
    return Outcome("programme.moved", item)


def insert(
    event: Event,
    title: str,
    minutes: int,
    *,
    after: int | None = None,
    parent: int | None = None,
    performer: str = "",
    delegate_id: int | None = None,
    notes: str = "",
    tech: str = "",
    fixed_start: str | None = None,
) -> Outcome:
    """Add a pending item after ``after`` (its sibling), or as the last child of ``parent``,
    or at the end of the day."""
    from data.text import clean

    title = clean(title)
    if not title:
        raise DaihoiError("programme.no_title")
    _check_minutes(minutes)
    with event.write():
        prog = load(event)
        if after is not None:
            anchor = prog.get(after)
            parent = anchor.parent_id
        if parent is not None:
            owner = prog.get(parent)
            if owner.parent_id is not None:
                raise DaihoiError("programme.too_deep", title=owner.title)
            if not owner.is_group and owner.state != PENDING:
                raise DaihoiError("programme.not_pending", title=owner.title)
        siblings = [i for i in prog.items if i.parent_id == parent]
        index = siblings.index(prog.get(after)) + 1 if after is not None else len(siblings)
        new_id = event.insert(
            "programme_items",
            {
                "parent_id": parent,
                "position": 0,
                "role": "",
                "title": title,
                "minutes": minutes,
                "performer": clean(performer),
                "delegate_id": delegate_id,
                "notes": clean(notes),
                "tech": clean(tech),
                "fixed_start": fixed_start,
                "state": PENDING,
                "created_at": stamp(event.now()),
            },
        )
        ids = [i.id for i in siblings]
        ids.insert(index, new_id)
        _renumber_ids(event, ids)
        event.journal(
            "programme.inserted",
            {"item": new_id, "title": title, "minutes": minutes, "after": after, "parent": parent},
        )
        item = load(event).get(new_id)
    return Outcome("programme.inserted", item)


def set_minutes(event: Event, item_id: int, minutes: int) -> Outcome:
    """Change the planned duration of a pending item or of the one on stage."""
    _check_minutes(minutes)
    with event.write():
        item = load(event).get(item_id)
        if item.is_group or item.state not in (PENDING, RUNNING):
            raise DaihoiError("programme.not_pending", title=item.title)
        event.conn.execute(
            "update programme_items set minutes = ? where id = ?", (minutes, item_id)
        )
        event.journal(
            "programme.duration",
            {"item": item_id, "title": item.title, "from": item.minutes, "to": minutes},
        )
    return Outcome("programme.duration", item)


# ---------------------------------------------------------------- helpers
def _check_minutes(minutes: int) -> None:
    if not 0 <= minutes <= MAX_MINUTES:
        raise DaihoiError("programme.bad_minutes", minutes=minutes, max=MAX_MINUTES)


def _shown_state(prog: Programme, item: Item) -> str:
    if not item.is_group:
        return item.state
    states = {c.state for c in prog.children(item.id)}
    return PENDING if states == {PENDING} else RUNNING


def _pending_leaf(prog: Programme, item_id: int | None) -> Item:
    if item_id is None:
        item = prog.next_pending
        if item is None:
            raise DaihoiError("programme.nothing_left")
        return item
    item = prog.get(item_id)
    if item.is_group:
        item = next((c for c in prog.children(item.id) if c.state == PENDING), item)
    if item.is_group or item.state != PENDING:
        raise DaihoiError("programme.not_pending", title=item.title)
    return item


def _open_run(event: Event, item: Item, kind: str) -> int | None:
    """Start a run of ``item``; for the vote on the higher congress list, count who is here."""
    from .template import VOTE_HIGHER

    present = None
    if item.role == VOTE_HIGHER:
        present = int(event.conn.execute("select count(*) from attendance").fetchone()[0])
    payload: dict[str, Any] = {"item": item.id, "title": item.title}
    if present is not None:
        payload["present"] = present
    uuid = event.journal(kind, payload)
    event.conn.execute(
        "insert into programme_runs (item_id, started_at, journal_uuid, present)"
        " values (?, ?, ?, ?)",
        (item.id, stamp(event.now()), uuid, present),
    )
    _set_state(event, item.id, RUNNING)
    return present


def _close_run(event: Event, item: Item, outcome: str) -> None:
    event.conn.execute(
        "update programme_runs set ended_at = ?, outcome = ?"
        " where item_id = ? and ended_at is null",
        (stamp(event.now()), outcome, item.id),
    )
    _set_state(event, item.id, outcome)


def _set_state(event: Event, item_id: int, state: str) -> None:
    event.conn.execute("update programme_items set state = ? where id = ?", (state, item_id))


def _renumber(event: Event, items: list[Item]) -> None:
    _renumber_ids(event, [i.id for i in items])


def _renumber_ids(event: Event, ids: list[int]) -> None:
    for position, item_id in enumerate(ids, start=1):
        event.conn.execute(
            "update programme_items set position = ? where id = ?", (position, item_id)
        )
