"""The figures as :func:`data.stats.compute` counted them before it counted in SQL: a Python
object per delegate, then a Counter per dimension. Kept as the reference the SQL counting must
match figure for figure (tests/data/test_stats_sql.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from data import sessions as sessions_mod
from data.stats import (
    AGE,
    AGE_BANDS,
    BUCKET_MINUTES,
    CATEGORY,
    DELEGATION,
    ETHNICITY,
    GENDER,
    KINH,
    MINORITIES,
    NO_RELIGION,
    RELIGION,
    UNKNOWN,
    Dimension,
    Group,
    Stats,
    _event_day,
    _honours,
    age_band,
    age_on,
    gender_of,
)
from data.store import Event, stamp
from data.text import collate, fold


def compute(event: Event, *, bucket_minutes: int = BUCKET_MINUTES) -> Stats:
    conn = event.conn
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN")
    try:
        rows = conn.execute(
            """
            select d.id, d.gender, d.birth_year, d.birth_date, d.ethnicity, d.religion,
                   d.delegation, d.category, a.checked_in_at
            from delegates d left join attendance a on a.delegate_id = d.id
            where d.status = 'approved' order by d.id
            """
        ).fetchall()
        pending = conn.execute("select count(*) from walkins where state = 'pending'").fetchone()[0]
        honours = _honours(event)
        session = sessions_mod.viewed(event)
        by_session = tuple(sessions_mod.figures(event))
    finally:
        if own_transaction:
            conn.execute("COMMIT")

    day = _event_day(event)
    genders = lru_cache(maxsize=None)(gender_of)
    ages = lru_cache(maxsize=None)(lambda year, born: age_band(age_on(day, year, born)))
    stripped = lru_cache(maxsize=None)(str.strip)
    religions = lru_cache(maxsize=None)(_religion)
    people = [
        _Person(
            gender=genders(gender),
            age=ages(birth_year, birth_date),
            ethnicity=stripped(ethnicity),
            religion=stripped(religion),
            delegation=stripped(delegation),
            category=stripped(category),
            arrived_at=at,
        )
        for _id, gender, birth_year, birth_date, ethnicity, religion, delegation, category, at in rows
    ]
    by_delegation = _breakdown(people, lambda p: p.delegation or UNKNOWN, order="collate")
    by_category = _breakdown(people, lambda p: p.category or UNKNOWN, order="first")
    composition = (
        Dimension(
            GENDER,
            _breakdown(people, lambda p: p.gender, order=("Nam", "Nữ"), keep_fixed=True),
        ),
        Dimension(ETHNICITY, _ethnicity(people)),
        Dimension(
            RELIGION,
            _breakdown(people, lambda p: religions(p.religion), order="count"),
        ),
        Dimension(
            AGE,
            _breakdown(
                people, lambda p: p.age, order=tuple(b[0] for b in AGE_BANDS), keep_fixed=True
            ),
        ),
        Dimension(CATEGORY, by_category),
        Dimension(DELEGATION, by_delegation),
    )
    arrived_times = [p.arrived_at for p in people if p.arrived_at]
    chart_date, outside = chart_day(arrived_times, event.info.date)
    return Stats(
        title=event.info.title,
        date=event.info.date,
        computed_at=stamp(event.now()),
        expected=len(people),
        arrived=len(arrived_times),
        by_delegation=by_delegation,
        by_category=by_category,
        composition=composition,
        arrivals=arrivals(arrived_times, bucket_minutes, day=chart_date),
        bucket_minutes=bucket_minutes,
        arrivals_outside=outside,
        walkins_pending=int(pending),
        honours=honours,
        programme=None,
        session=session,
        sessions=by_session,
    )


@dataclass(frozen=True)
class _Person:
    gender: str
    age: str
    ethnicity: str
    religion: str
    delegation: str
    category: str
    arrived_at: str | None


def _religion(value: str) -> str:
    if not value:
        return UNKNOWN
    if fold(value) in ("khong", "khong co", "0", "-"):
        return NO_RELIGION
    return value


def _breakdown(
    people: list[_Person],
    key: Any,
    *,
    order: str | tuple[str, ...],
    keep_fixed: bool = False,
) -> tuple[Group, ...]:
    found = [key(person) for person in people]
    expected = Counter(found)
    arrived = Counter(label for label, p in zip(found, people) if p.arrived_at)
    labels = [label for label in expected if label != UNKNOWN]
    if order == "collate":
        labels.sort(key=collate)
    elif order == "first":
        pass
    elif order == "count":
        labels.sort(key=lambda label: (-expected[label], collate(label)))
    else:
        fixed = list(order)
        rest = sorted((label for label in labels if label not in fixed), key=collate)
        labels = [f for f in fixed if keep_fixed or expected[f]] + rest
    if expected[UNKNOWN]:
        labels.append(UNKNOWN)
    return tuple(Group(label, expected[label], arrived[label]) for label in labels)


def _ethnicity(people: list[_Person]) -> tuple[Group, ...]:
    is_kinh = {e: fold(e) == "kinh" for e in {p.ethnicity for p in people} if e}
    kinh = [p for p in people if p.ethnicity and is_kinh[p.ethnicity]]
    unknown = [p for p in people if not p.ethnicity]
    minorities = [p for p in people if p.ethnicity and not is_kinh[p.ethnicity]]

    def group(label: str, found: list[_Person], level: int = 0) -> Group:
        return Group(label, len(found), sum(1 for p in found if p.arrived_at), level)

    result = [group(KINH, kinh), group(MINORITIES, minorities)]
    for part in _breakdown(minorities, lambda p: p.ethnicity, order="count"):
        result.append(Group(f"{MINORITIES}: {part.label}", part.expected, part.arrived, 1))
    if unknown:
        result.append(group(UNKNOWN, unknown))
    return tuple(result)


def _minute_of(stamp_text: str) -> str:
    return stamp_text[:16] + stamp_text[19:].lstrip(".0123456789")


def chart_day(stamps: Sequence[str], day: str | None) -> tuple[str | None, int]:
    if not stamps:
        return day, 0
    if day is None or not any(s.startswith(day) for s in stamps):
        day = sorted(stamps)[len(stamps) // 2][:10]
    return day, sum(1 for s in stamps if not s.startswith(day))


def arrivals(
    stamps: Iterable[str], bucket_minutes: int = BUCKET_MINUTES, *, day: str | None = None
) -> tuple[tuple[str, int], ...]:
    found = list(stamps)
    day, _ = chart_day(found, day)
    per_minute: Counter[str] = Counter(_minute_of(s) for s in found if s[:10] == day)
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
