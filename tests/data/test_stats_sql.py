"""data.stats.compute counts in SQL; the figures must be the ones the per-delegate Python count
gave (tests/data/stats_reference.py), figure for figure, on generated events with sessions,
walk-ins, withdrawn delegates, empty and odd fields, and check-ins stamped on other days."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from data import delegates, sessions, stats
from data.checkin import Desk, decide_walkin, request_walkin
from data.store import Event

from ..conftest import FakeClock
from . import stats_reference

GENDERS = ["Nam", "Nữ", "nữ", "NU", "F", "m", "Male", " Nam ", "x", "", "Nữ "]
ETHNICITIES = ["Kinh", " Kinh", "kinh", "KINH ", "Tày", "Nùng", "Dao", "Dao ", "Không rõ", "", " "]
RELIGIONS = ["Không", "không", "0", "-", "Không có", "Phật giáo", " Phật giáo", "", "Công giáo"]
DELEGATIONS = ["Đoàn huyện Đại Từ", "Đoàn huyện Đại Từ ", "Đoàn Sông Công", "Khối doanh nghiệp", ""]
CATEGORIES = ["Anh hùng", "Chiến sĩ thi đua", "Điển hình tiên tiến", " Anh hùng", "", "Không rõ"]
BIRTH_DATES = [
    None,
    "",
    "1985-09-20",  # the birthday is the event's day
    "1985-09-21",  # tomorrow
    "1985-09-19",
    "2000-02-29",
    "1985-02-30",  # no such day: the year column counts
    "1985-13-01",
    "0000-01-01",
    "2025-W01-1",  # an ISO week date Python reads
    "1985-09-20T10:00",
    "20/09/1985",
    "abc",
    "2030-01-01",  # born after the event: no age
]


def _people(rng: random.Random, n: int) -> list[dict[str, Any]]:
    return [
        {
            "name": f"Đại biểu {i:04d}",
            "external_id": f"DB{i:04d}",
            "gender": rng.choice(GENDERS),
            "birth_year": rng.choice([None, *range(1940, 2012)]),
            "ethnicity": rng.choice(ETHNICITIES),
            "religion": rng.choice(RELIGIONS),
            "delegation": rng.choice(DELEGATIONS),
            "category": rng.choice(CATEGORIES),
        }
        for i in range(n)
    ]


def _scramble(event: Event, rng: random.Random) -> None:
    """Raw values no importer writes (birth dates as typed, a text birth year, odd stamps),
    poked in with SQL: the counting must still agree."""
    ids = [r[0] for r in event.conn.execute("select id from delegates")]
    with event.write():
        for delegate_id in ids:
            event.conn.execute(
                "update delegates set birth_date = ? where id = ?",
                (
                    rng.choice(
                        BIRTH_DATES
                        + [f"19{rng.randrange(40, 99)}-0{rng.randrange(1, 9)}-1{rng.randrange(10)}"]
                        * 4
                    ),
                    delegate_id,
                ),
            )
        for delegate_id in rng.sample(ids, len(ids) // 10):
            event.conn.execute(
                "update delegates set birth_year = ? where id = ?",
                (rng.choice(["1970", 0]), delegate_id),
            )
        for delegate_id in rng.sample(ids, len(ids) // 20):
            event.conn.execute(
                "update delegates set status = 'withdrawn' where id = ?", (delegate_id,)
            )


def _check_in(event: Event, clock: FakeClock, rng: random.Random, share: float) -> None:
    ids = [r[0] for r in event.conn.execute("select id from delegates where status = 'approved'")]
    desk = Desk(event)
    for delegate_id in rng.sample(ids, int(len(ids) * share)):
        clock.advance(seconds=rng.randrange(1, 90))
        if rng.random() < 0.05:  # a desk whose clock is on another day, or another zone
            saved = clock.now
            clock.now = rng.choice(
                [
                    saved - timedelta(days=400),
                    saved + timedelta(days=1),
                    saved.astimezone(timezone(timedelta(hours=-5))),
                    saved.replace(microsecond=0).astimezone(timezone.utc),
                ]
            )
            desk.admit(delegate_id)
            clock.now = saved
        else:
            desk.admit(delegate_id)


def _same(event: Event, bucket: int = 10) -> None:
    ours = stats.compute(event, bucket_minutes=bucket).public()
    reference = stats_reference.compute(event, bucket_minutes=bucket).public()
    assert ours == reference


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_figures_match_the_per_delegate_count(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    clock = FakeClock(datetime(2025, 9, 20, 7, 30, tzinfo=timezone(timedelta(hours=7))))
    day = rng.choice(["2025-09-20", None])
    with Event.create(
        tmp_path / "e.db", title="Đại hội", date=day, clock=clock, desk="Bàn 1"
    ) as event:
        _same(event)  # nobody on the list yet
        delegates.upsert(event, _people(rng, rng.choice([40, 300, 900])))
        _scramble(event, rng)
        _same(event)  # nobody arrived
        _check_in(event, clock, rng, 0.6)
        walkin = request_walkin(event, name="Phạm Văn Nam", unit="UBND huyện")
        request_walkin(event, name="Lê Thị Lan")
        decide_walkin(event, walkin.id, approve=True)
        for bucket in (1, 10, 15, 60):
            _same(event, bucket)
        clock.advance(hours=5)
        sessions.open_session(event, "Phiên chiều")
        _same(event)  # the afternoon, nobody yet
        _check_in(event, clock, rng, 0.3)
        _same(event)
        with sessions.viewing(event, "Phiên chiều" if seed % 2 else event_first(event)):
            _same(event)


def event_first(event: Event) -> str:
    return sessions.all_sessions(event)[0].name


def test_stamps_all_on_other_days(tmp_path: Path) -> None:
    """Nobody checked in on the event's date (a rehearsal): the median check-in's day."""
    clock = FakeClock(datetime(2025, 9, 18, 23, 55, tzinfo=timezone(timedelta(hours=7))))
    with Event.create(tmp_path / "e.db", title="Đại hội", date="2025-09-20", clock=clock) as event:
        rng = random.Random(9)
        delegates.upsert(event, _people(rng, 120))
        _check_in(event, clock, rng, 0.9)
        _same(event)
        found = stats.compute(event)
        assert found.arrivals_outside < found.arrived
        assert sum(n for _, n in found.arrivals) + found.arrivals_outside == found.arrived


def test_every_birth_date_ages_as_age_on_reads_it(tmp_path: Path, clock: FakeClock) -> None:
    """Each odd birth date with each birth year, one delegate apiece: the SQL reading of a
    birth date (its year, the birthday still to come) gives the band age_on gives."""
    born = [*BIRTH_DATES, "1985-09-2", "1985-9-20", "1985-09-20x", "9999-12-31", "1900-02-29"]
    pairs = [(b, y) for b in born for y in (None, 1980, 0, 2030)]
    with Event.create(tmp_path / "e.db", title="Đại hội", date="2025-09-20", clock=clock) as event:
        delegates.upsert(event, [{"name": f"Người {i}"} for i in range(len(pairs))])
        with event.write():
            for (birth_date, year), (delegate_id,) in zip(
                pairs, event.conn.execute("select id from delegates order by id").fetchall()
            ):
                event.conn.execute(
                    "update delegates set birth_date = ?, birth_year = ? where id = ?",
                    (birth_date, year, delegate_id),
                )
        _same(event)
        day = date(2025, 9, 20)
        bands = Counter(stats.age_band(stats.age_on(day, y, b)) for b, y in pairs)
        groups = stats.compute(event).dimension(stats.AGE).groups
        assert {g.label: g.expected for g in groups if g.expected} == dict(bands)
