"""The day's figures, computed in one place: arrivals, composition, honours, programme.

The dashboard (F5), ``daihoi stats``, the one-page summary PDF and the summary sheets of the
exports all call :func:`compute`, so the number on the screen is the number in the report sent to
the higher level. Plain Python on plain SQL: cheap enough to recompute on every change a desk
makes (a few milliseconds for a thousand delegates).

Who counts: *expected* is every delegate on the approved list (``status = 'approved'``, which
includes approved walk-ins); *arrived* is those of them with an attendance row.

Labels ("Nữ", "Dân tộc thiểu số", "Từ 60 tuổi trở lên") are plain Vietnamese constants: these
figures end up in Vietnamese documents, written the way organizers write them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from . import sessions as sessions_mod
from .sessions import SessionFigures
from .store import Event, stamp
from .text import collate, fold

UNKNOWN = "Không rõ"
"""The group of delegates whose list left the field empty (or wrote something unreadable)."""

GENDER = "Giới tính"
ETHNICITY = "Dân tộc"
RELIGION = "Tôn giáo"
AGE = "Độ tuổi"
CATEGORY = "Thành phần"
DELEGATION = "Đoàn"
DIMENSIONS = (GENDER, ETHNICITY, RELIGION, AGE, CATEGORY, DELEGATION)
"""The composition's dimensions (cơ cấu), in the order reports list them."""

KINH = "Kinh"
MINORITIES = "Dân tộc thiểu số"
NO_RELIGION = "Không"

AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("Dưới 30 tuổi", 0, 29),
    ("Từ 30 đến 39 tuổi", 30, 39),
    ("Từ 40 đến 49 tuổi", 40, 49),
    ("Từ 50 đến 59 tuổi", 50, 59),
    ("Từ 60 tuổi trở lên", 60, None),
)
"""(label, lowest age, highest age or None): the bands organizers' reports use."""

BUCKET_MINUTES = 10
"""Default width of the arrivals chart's bars."""


# ------------------------------------------------------------------ results
@dataclass(frozen=True)
class Group:
    """One line of a breakdown: the approved list and the attendees side by side."""

    label: str
    """The group as organizers write it ("Nữ", "Đoàn huyện Đại Từ", "Dân tộc thiểu số: Tày")."""
    expected: int
    """Delegates of this group on the approved list."""
    arrived: int
    """Of them, how many have checked in."""
    level: int = 0
    """0 for a group, 1 for a part of the group above it ("trong đó": each minority)."""


@dataclass(frozen=True)
class Dimension:
    """One criterion of the composition (cơ cấu): gender, ethnicity, religion, age …"""

    name: str
    """The criterion, e.g. "Giới tính"."""
    groups: tuple[Group, ...]
    """Its groups; the level-0 groups add up to the whole list."""


@dataclass(frozen=True)
class HonoursFigures:
    """Where the honours ceremony stands."""

    planned: int
    """Honours on the list (every state)."""
    presented: int
    """Presented to the recipient in person."""
    absent: int
    """Recipient absent (to be handed over later)."""
    proxy: int
    """Received by someone else (a collective's leader, a family member, a proxy)."""


@dataclass(frozen=True)
class ProgrammeFigures:
    """Where the running order stands, as ``programme.timing`` computes it (passed in)."""

    total: int
    """Items that go on stage (a "tham luận" group counts its speeches)."""
    done: int
    """Of them, finished or skipped."""
    current: str | None
    """Title of the item on stage now, if any."""
    current_started_at: str | None
    """When the current item started (stored stamp)."""
    offset_minutes: int | None
    """How many minutes behind (+) or ahead (-) of the plan the day runs, rounded as the MC
    says it (``programme.timing.DayTiming.offset_minutes``); None before it started."""


@dataclass(frozen=True)
class Stats:
    """Every figure of the day at one moment."""

    title: str
    """The event's title."""
    date: str | None
    """The event's date ``YYYY-MM-DD``."""
    computed_at: str
    """When these figures were taken (stored stamp)."""
    expected: int
    """Delegates on the approved list."""
    arrived: int
    """Of them, checked in."""
    by_delegation: tuple[Group, ...]
    """Arrived/expected per delegation, in Vietnamese order."""
    by_category: tuple[Group, ...]
    """Arrived/expected per category, in the list's order."""
    composition: tuple[Dimension, ...]
    """The composition of the list and of the attendees, one dimension per criterion."""
    arrivals: tuple[tuple[str, int], ...]
    """(``HH:MM`` start of the bar, check-ins in it), every bar from the first to the last
    check-in of the event's day."""
    bucket_minutes: int
    """Width of each arrivals bar."""
    arrivals_outside: int
    """Check-ins stamped on another day (a desk's clock set wrong), left off the chart."""
    walkins_pending: int
    """Walk-in and substitute requests waiting for the organizers."""
    honours: HonoursFigures | None
    """None when this event file has no honours table."""
    programme: ProgrammeFigures | None
    """None when the caller passed none (no programme, or computed without it)."""
    session: str = ""
    """The session these figures are for (arrivals count for it): the current one, or the one
    :func:`data.sessions.viewing` shows."""
    sessions: tuple[SessionFigures, ...] = ()
    """Every session of the day with its arrivals (:func:`data.sessions.figures`)."""

    def dimension(self, name: str) -> Dimension:
        """The composition criterion ``name`` (one of :data:`DIMENSIONS`)."""
        return next(d for d in self.composition if d.name == name)

    def public(self) -> dict[str, Any]:
        """The shape ``daihoi stats --json`` prints (stable keys)."""

        def groups(found: Iterable[Group], key: str) -> list[dict[str, Any]]:
            return [
                {key: g.label, "expected": g.expected, "arrived": g.arrived, "level": g.level}
                for g in found
            ]

        return {
            "title": self.title,
            "date": self.date,
            "computed_at": self.computed_at,
            "expected": self.expected,
            "arrived": self.arrived,
            "by_delegation": groups(self.by_delegation, "delegation"),
            "by_category": groups(self.by_category, "category"),
            "composition": {d.name: groups(d.groups, "group") for d in self.composition},
            "arrivals": {
                "bucket_minutes": self.bucket_minutes,
                "bars": [{"from": at, "arrived": n} for at, n in self.arrivals],
                "outside_day": self.arrivals_outside,
            },
            "walkins_pending": self.walkins_pending,
            "honours": asdict(self.honours)
            if self.honours
            else {"planned": 0, "presented": 0, "absent": 0, "proxy": 0},
            "programme": asdict(self.programme) if self.programme else None,
            "session": self.session,
            "sessions": [
                {
                    "name": s.name,
                    "opened_at": s.opened_at,
                    "arrived": s.arrived,
                    "expected": s.expected,
                }
                for s in self.sessions
            ],
        }


# ------------------------------------------------------------------ helpers
def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` as organizers write it: one decimal, a decimal comma ("38,5%").

    Rounded half up on exact integers, so 1/8 is "12,5%" everywhere (no float surprises).
    """
    if whole <= 0:
        return "0%"
    tenths = (part * 2000 + whole) // (2 * whole)
    whole_part, decimal = divmod(tenths, 10)
    return f"{whole_part},{decimal}%"


def age_band(age: int | None) -> str:
    """The band of :data:`AGE_BANDS` an age falls in, else :data:`UNKNOWN`."""
    if age is None or age < 0:
        return UNKNOWN
    for label, low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return UNKNOWN


def age_on(day: date, birth_year: int | None, birth_date: str | None) -> int | None:
    """Age on ``day``: exact from a full birth date, else the year difference (as lists count)."""
    if birth_date:
        try:
            born = date.fromisoformat(birth_date[:10])
        except ValueError:
            born = None
        if born:
            return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    if birth_year:
        return day.year - int(birth_year)
    return None


def gender_of(value: str) -> str:
    """ "Nam", "Nữ", or :data:`UNKNOWN` for anything else ("nữ", "NU", "F" are understood)."""
    folded = fold(value)
    if folded in ("nu", "f", "female"):
        return "Nữ"
    if folded in ("nam", "m", "male"):
        return "Nam"
    return UNKNOWN


def _event_day(event: Event) -> date:
    if event.info.date:
        return date.fromisoformat(event.info.date)
    return event.now().date()


def table_exists(event: Event, name: str) -> bool:
    """Whether this event file has table ``name``: the honours tables come with a later
    migration, and figures and reports of an older file must still work."""
    row = event.conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = ?", (name,)
    ).fetchone()
    return row is not None


# ------------------------------------------------------------------ compute
def compute(
    event: Event,
    *,
    bucket_minutes: int = BUCKET_MINUTES,
    programme: ProgrammeFigures | None = None,
) -> Stats:
    """Every figure of the day, read in one consistent snapshot of the event file.

    ``programme`` is passed in: its timing (plan, offset) is computed by ``programme.timing``,
    which this package must not import; :func:`programme.figures.figures` hands it over.
    """
    conn = event.conn
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN")  # one read snapshot: figures that add up even while desks write
    try:
        day = _event_day(event)
        when = {"year": day.year, "mmdd": f"{day.month:02}-{day.day:02}"}
        rows = conn.execute(_COUNTS, when).fetchall()
        pending = conn.execute("select count(*) from walkins where state = 'pending'").fetchone()[0]
        honours = _honours(event)
        session = sessions_mod.viewed(event)
        # The gender arm's rows cover every delegate on the list once: the list's size.
        on_list = sum(row[-3] for row in rows if row[0] == "g")
        by_session = tuple(sessions_mod.figures(event, expected=on_list))
    finally:
        if own_transaction:
            conn.execute("COMMIT")

    tallies: dict[str, list[tuple[Any, ...]]] = {arm: [] for arm in "gaerdcm"}
    for arm, *row in rows:
        tallies[arm].append(tuple(row))
    genders = _tally(tallies["g"], lambda key: gender_of(key[0]))
    ages = _tally(tallies["a"], lambda key: age_band(_age(day, *key)))
    ethnicities = _tally(tallies["e"], lambda key: key[0].strip())
    religions = _tally(tallies["r"], lambda key: _religion(key[0].strip()))
    by_delegation = _ordered(
        _tally(tallies["d"], lambda key: key[0].strip() or UNKNOWN), order="collate"
    )
    by_category = _ordered(
        _tally(tallies["c"], lambda key: key[0].strip() or UNKNOWN), order="first"
    )
    composition = (
        Dimension(GENDER, _ordered(genders, order=("Nam", "Nữ"), keep_fixed=True)),
        Dimension(ETHNICITY, _ethnicity(ethnicities)),
        Dimension(RELIGION, _ordered(religions, order="count")),
        Dimension(AGE, _ordered(ages, order=tuple(b[0] for b in AGE_BANDS), keep_fixed=True)),
        Dimension(CATEGORY, by_category),
        Dimension(DELEGATION, by_delegation),
    )
    # In the order first met on the list, as the chart's bars were always keyed: a minute
    # written in another zone is the same moment, and the bar takes the first one's clock.
    minutes = sorted(tallies["m"], key=lambda row: row[5])
    per_minute: Counter[str] = Counter({row[0]: row[3] for row in minutes})
    chart_date, outside = _chart_day_counted(per_minute, event.info.date)
    if chart_date is not None:
        per_minute = Counter({m: n for m, n in per_minute.items() if m[:10] == chart_date})
    return Stats(
        title=event.info.title,
        date=event.info.date,
        computed_at=stamp(event.now()),
        expected=sum(t[0] for t in genders.values()),
        arrived=sum(t[1] for t in genders.values()),
        by_delegation=by_delegation,
        by_category=by_category,
        composition=composition,
        arrivals=_bars(per_minute, bucket_minutes),
        bucket_minutes=bucket_minutes,
        arrivals_outside=outside,
        walkins_pending=int(pending),
        honours=honours,
        programme=programme,
        session=session,
        sessions=by_session,
    )


_COUNTS = """
with p as materialized (
    select d.id, d.gender, d.birth_year, d.birth_date, d.ethnicity, d.religion, d.delegation,
           d.category, nullif(a.checked_in_at, '') as at,
           iif(date(substr(d.birth_date, 1, 10), '+0 days') = substr(d.birth_date, 1, 10)
                   and substr(d.birth_date, 1, 4) > '0000',
               :year - cast(substr(d.birth_date, 1, 4) as integer)
                   - (substr(d.birth_date, 6, 5) > :mmdd),
               null) as age
    from delegates d left join attendance a on a.delegate_id = d.id
    where d.status = 'approved')
select 'g', gender, null, null, count(*), count(at), min(id) from p group by 2
union all
select 'a', age, null, null, count(*), count(at), min(id) from p where age is not null group by 2
union all
select 'a', null, birth_date, birth_year, count(*), count(at), min(id) from p where age is null
group by 3, 4
union all
select 'e', ethnicity, null, null, count(*), count(at), min(id) from p group by 2
union all
select 'r', religion, null, null, count(*), count(at), min(id) from p group by 2
union all
select 'd', delegation, null, null, count(*), count(at), min(id) from p group by 2
union all
select 'c', category, null, null, count(*), count(at), min(id) from p group by 2
union all
select 'm', substr(at, 1, 16) || ltrim(substr(at, 20), '.0123456789'), null, null,
       count(*), 0, min(id)
from p where at is not null group by 2
"""
"""Every count of :func:`compute` in one statement over one pass of the list: per dimension,
its distinct stored values with (on the list, arrived, first delegate id), each value then
mapped once in Python (:func:`gender_of`, :func:`_religion` …), and the check-ins per stored
minute (:func:`_minute_of` in SQL). SQLite groups by sorting every row once per arm, so each
arm sorts on as few columns as it can. Arm ``a`` gives the age: computed here for a birth date
that is a real ``YYYY-MM-DD`` (what :func:`age_on` reads: the event's year less the birth year,
less one while the birthday is still to come), grouped by that one number; any other birth
date goes to Python as written, with the birth year (:func:`_age`)."""


def _age(day: date, age: int | None, born: Any, birth_year: Any) -> int | None:
    """The age of a row of arm ``a`` of :data:`_COUNTS`: the age SQL computed, else
    :func:`age_on` from the birth date and year as written."""
    if age is not None:
        return age
    return age_on(day, birth_year, born)


_Tally = dict[str, list[int]]
"""label → [on the list, arrived, first delegate id]."""


def _tally(rows: Iterable[tuple[Any, ...]], label_of: Any) -> _Tally:
    """Add up one dimension's rows of :data:`_COUNTS` (key columns, on the list, arrived,
    first id) per label; ``label_of(key columns)`` is computed once per distinct value."""
    found: _Tally = {}
    for *key, expected, arrived, first in rows:
        label = label_of(key)
        seen = found.get(label)
        if seen is None:
            found[label] = [expected, arrived, first]
        else:
            seen[0] += expected
            seen[1] += arrived
            seen[2] = min(seen[2], first)
    return found


def _religion(value: str) -> str:
    if not value:
        return UNKNOWN
    if fold(value) in ("khong", "khong co", "0", "-"):
        return NO_RELIGION
    return value


def _ordered(
    tally: _Tally,
    *,
    order: str | tuple[str, ...],
    keep_fixed: bool = False,
) -> tuple[Group, ...]:
    """The groups of ``tally``; :data:`UNKNOWN` always goes last.

    ``order``: "collate" (Vietnamese dictionary order), "first" (as first met on the list, which
    is how units order categories: highest rank first), "count" (largest first), or a tuple of
    labels that come first in that order (shown even when empty if ``keep_fixed``). Ties keep
    the order first met on the list.
    """
    labels = sorted((label for label in tally if label != UNKNOWN), key=lambda la: tally[la][2])

    def expected(label: str) -> int:
        return tally[label][0] if label in tally else 0

    if order == "collate":
        labels.sort(key=collate)
    elif order == "first":
        pass  # already as first met on the list
    elif order == "count":
        labels.sort(key=lambda label: (-expected(label), collate(label)))
    else:
        fixed = list(order)
        rest = sorted((label for label in labels if label not in fixed), key=collate)
        labels = [f for f in fixed if keep_fixed or expected(f)] + rest
    if expected(UNKNOWN):
        labels.append(UNKNOWN)
    return tuple(Group(label, *tally.get(label, (0, 0))[:2]) for label in labels)


def _ethnicity(tally: _Tally) -> tuple[Group, ...]:
    """Kinh, then the ethnic minorities together and each of them ("trong đó")."""
    kinh, minorities = [0, 0], [0, 0]
    parts: _Tally = {}
    for label, counts in tally.items():
        if not label:
            continue
        if fold(label) == "kinh":
            kinh[0] += counts[0]
            kinh[1] += counts[1]
        else:
            minorities[0] += counts[0]
            minorities[1] += counts[1]
            parts[label] = counts
    result = [Group(KINH, *kinh), Group(MINORITIES, *minorities)]
    for part in _ordered(parts, order="count"):
        result.append(Group(f"{MINORITIES}: {part.label}", part.expected, part.arrived, 1))
    if "" in tally and tally[""][0]:
        result.append(Group(UNKNOWN, *tally[""][:2]))
    return tuple(result)


def _minute_of(stamp_text: str) -> str:
    """``2025-09-20T07:31:05.123+07:00`` → ``2025-09-20T07:31+07:00`` (seconds dropped)."""
    return stamp_text[:16] + stamp_text[19:].lstrip(".0123456789")


def chart_day(stamps: Sequence[str], day: str | None) -> tuple[str | None, int]:
    """The day the arrivals chart shows (``YYYY-MM-DD``) and how many check-ins fall outside it.

    The event's date (``day``), else the day of the median check-in: a desk whose clock says
    2000 must not stretch the chart over 25 years (1.3 million bars, a dashboard that stalls).
    The median's day also serves when nobody checked in on the event's date (a rehearsal or
    training days before, the date set for the congress). A stamp's day is the date the desk
    wrote, in its own time zone.
    """
    return _chart_day_counted(Counter(_minute_of(s) for s in stamps), day)


def _chart_day_counted(per_minute: Counter[str], day: str | None) -> tuple[str | None, int]:
    """:func:`chart_day` from check-ins counted per stored minute (:func:`_minute_of` keeps a
    stamp's first 16 characters, so its day and what it starts with)."""
    total = sum(per_minute.values())
    if not total:
        return day, 0
    if day is None or not any(m.startswith(day) for m in per_minute):
        # The median stamp's day: days sort as the stamps they begin.
        per_day: Counter[str] = Counter()
        for minute, n in per_minute.items():
            per_day[minute[:10]] += n
        passed = 0
        for found in sorted(per_day):
            passed += per_day[found]
            if passed > total // 2:
                day = found
                break
    assert day is not None
    return day, sum(n for m, n in per_minute.items() if not m.startswith(day))


def arrivals(
    stamps: Iterable[str], bucket_minutes: int = BUCKET_MINUTES, *, day: str | None = None
) -> tuple[tuple[str, int], ...]:
    """Check-ins of one day per ``bucket_minutes`` as (``HH:MM`` start, count), empty bars
    included: at most a day's worth of bars.

    ``day`` (``YYYY-MM-DD``, the event's date) is the day charted when anyone checked in on
    it, else the median check-in's (:func:`chart_day`); check-ins of other days are left out.
    Bars are cut on the clock (07:30, 07:40 …) in the time zone the desks stamped, so the chart
    reads like the programme.
    """
    found = list(stamps)
    day, _ = chart_day(found, day)
    # Count per stored minute first (text slicing: thousands of stamps, a few dozen minutes),
    # then parse only those minutes.
    return _bars(Counter(_minute_of(s) for s in found if s[:10] == day), bucket_minutes)


def _bars(per_minute: Counter[str], bucket_minutes: int) -> tuple[tuple[str, int], ...]:
    """The chart's bars from one day's check-ins per stored minute (:func:`arrivals`)."""
    if not per_minute:
        return ()
    width = timedelta(minutes=bucket_minutes)
    counts: Counter[datetime] = Counter()
    for minute, n in per_minute.items():
        moment = datetime.fromisoformat(minute)
        of_day = moment.hour * 60 + moment.minute
        counts[moment - timedelta(minutes=of_day % bucket_minutes)] += n
    bars = []
    at, last = min(counts), max(counts)
    while at <= last:
        bars.append((at.strftime("%H:%M"), counts[at]))
        at += width
    return tuple(bars)


# ------------------------------------------------------------------ honours
def _honours(event: Event) -> HonoursFigures | None:
    """Honours by state, from the ceremony's table when this event file has one."""
    if not table_exists(event, "honours"):
        return None
    columns = {row[1] for row in event.conn.execute("pragma table_info(honours)")}
    if "state" not in columns:
        return None
    states = dict(event.conn.execute("select state, count(*) from honours group by state"))
    return HonoursFigures(
        planned=sum(n for state, n in states.items() if state != "withdrawn"),
        presented=int(states.get("presented", 0)),
        absent=int(states.get("absent", 0)),
        proxy=int(states.get("proxy", 0)),
    )
