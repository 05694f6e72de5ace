"""The day's figures (data/stats.py) against figures computed by hand, on a small event whose
answers are written out and on generated data counted independently here."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date, datetime
from typing import Any

from click.testing import CliRunner

from console.cli import cli
from data import delegates, stats
from data.checkin import Desk
from data.store import Event, stamp

from ..conftest import FakeClock

SMALL: list[dict[str, Any]] = [
    # name, gender, birth year, ethnicity, religion, delegation, category
    {"name": "Nguyễn Thị Hoa", "gender": "Nữ", "birth_year": 1980, "ethnicity": "Kinh",
     "religion": "Không", "delegation": "Đoàn huyện Đại Từ", "category": "Anh hùng Lao động"},
    {"name": "Trần Văn Đức", "gender": "Nam", "birth_year": 1961, "ethnicity": "Tày",
     "religion": "Phật giáo", "delegation": "Đoàn huyện Đại Từ", "category": "Điển hình tiên tiến"},
    {"name": "Lê Thị Thúy", "gender": "Nữ", "birth_year": 1996, "ethnicity": "Nùng",
     "religion": "", "delegation": "Khối các sở, ban, ngành", "category": "Điển hình tiên tiến"},
    {"name": "Hoàng Văn Hòa", "gender": "Nam", "birth_year": 1975, "ethnicity": "Tày",
     "religion": "Không", "delegation": "Khối các sở, ban, ngành", "category": "Điển hình tiên tiến"},
    {"name": "Đặng Minh Dũng", "gender": "Nam", "birth_year": 1985, "ethnicity": "Kinh",
     "religion": "Công giáo", "delegation": "Đoàn thành phố Thái Nguyên", "category": "Khách mời"},
    {"name": "Vàng Thị Mai", "gender": "Nữ", "birth_year": None, "ethnicity": "Mông",
     "religion": "Không", "delegation": "Đoàn huyện Võ Nhai", "category": "Điển hình tiên tiến"},
    {"name": "Phạm Quang Huy", "gender": "", "birth_year": 1990, "ethnicity": "",
     "religion": "Không", "delegation": "Đoàn thành phố Thái Nguyên", "category": "Anh hùng Lao động"},
    {"name": "Ngô Văn Tám", "gender": "Nam", "birth_year": 1958, "ethnicity": "Kinh",
     "religion": "Không", "delegation": "", "category": "Khách mời"},
]  # fmt: skip


def small_event(event: Event, clock: FakeClock) -> dict[str, int]:
    """The eight delegates of SMALL; Hoa, Đức, Thúy at 07:31-07:38, Mai and Tám at 07:52-07:59."""
    delegates.upsert(event, SMALL)
    ids = {d.name: d.id for d in delegates.all_delegates(event)}
    desk = Desk(event)
    for name, minutes in (
        ("Nguyễn Thị Hoa", 1),
        ("Trần Văn Đức", 5),
        ("Lê Thị Thúy", 8),
        ("Vàng Thị Mai", 22),
        ("Ngô Văn Tám", 29),
    ):
        clock.now = clock.now.replace(hour=7, minute=30 + minutes)
        assert desk.admit(ids[name]).ok
    return ids


def test_percent_is_written_the_vietnamese_way() -> None:
    assert stats.percent(5, 13) == "38,5%"
    assert stats.percent(1, 8) == "12,5%"  # half up, exactly
    assert stats.percent(1, 3) == "33,3%"
    assert stats.percent(2, 3) == "66,7%"
    assert stats.percent(7, 7) == "100,0%"
    assert stats.percent(0, 0) == "0%"


def test_age_from_birth_date_or_year() -> None:
    day = date(2025, 9, 20)
    assert stats.age_on(day, 1985, "1985-09-21") == 39  # the birthday is tomorrow
    assert stats.age_on(day, 1985, "1985-09-20") == 40
    assert stats.age_on(day, 1985, None) == 40
    assert stats.age_on(day, None, None) is None
    assert stats.age_band(29) == "Dưới 30 tuổi"
    assert stats.age_band(30) == "Từ 30 đến 39 tuổi"
    assert stats.age_band(60) == "Từ 60 tuổi trở lên"
    assert stats.age_band(None) == stats.UNKNOWN


def test_small_event_by_hand(event: Event, clock: FakeClock) -> None:
    small_event(event, clock)
    s = stats.compute(event)
    assert (s.expected, s.arrived) == (8, 5)
    assert [(g.label, g.expected, g.arrived) for g in s.by_delegation] == [
        ("Đoàn huyện Đại Từ", 2, 2),
        ("Đoàn huyện Võ Nhai", 1, 1),
        ("Đoàn thành phố Thái Nguyên", 2, 0),
        ("Khối các sở, ban, ngành", 2, 1),
        ("Không rõ", 1, 1),
    ]
    assert [(g.label, g.expected, g.arrived) for g in s.by_category] == [
        ("Anh hùng Lao động", 2, 1),  # in the order the list first names them
        ("Điển hình tiên tiến", 4, 3),
        ("Khách mời", 2, 1),
    ]

    def rows(name: str) -> list[tuple[str, int, int, int]]:
        return [(g.label, g.expected, g.arrived, g.level) for g in s.dimension(name).groups]

    assert rows(stats.GENDER) == [("Nam", 4, 2, 0), ("Nữ", 3, 3, 0), ("Không rõ", 1, 0, 0)]
    assert rows(stats.ETHNICITY) == [
        ("Kinh", 3, 2, 0),
        ("Dân tộc thiểu số", 4, 3, 0),
        ("Dân tộc thiểu số: Tày", 2, 1, 1),
        ("Dân tộc thiểu số: Mông", 1, 1, 1),
        ("Dân tộc thiểu số: Nùng", 1, 1, 1),
        ("Không rõ", 1, 0, 0),
    ]
    assert rows(stats.RELIGION) == [
        ("Không", 5, 3, 0),
        ("Công giáo", 1, 0, 0),
        ("Phật giáo", 1, 1, 0),
        ("Không rõ", 1, 1, 0),
    ]
    # Ages on 20/09/2025: 45, 64, 29, 50, 40, ?, 35, 67
    assert rows(stats.AGE) == [
        ("Dưới 30 tuổi", 1, 1, 0),
        ("Từ 30 đến 39 tuổi", 1, 0, 0),
        ("Từ 40 đến 49 tuổi", 2, 1, 0),
        ("Từ 50 đến 59 tuổi", 1, 0, 0),
        ("Từ 60 tuổi trở lên", 2, 2, 0),
        ("Không rõ", 1, 1, 0),
    ]
    assert s.arrivals == (("07:30", 3), ("07:40", 0), ("07:50", 2))
    assert stats.compute(event, bucket_minutes=5).arrivals == (
        ("07:30", 1),  # 07:31
        ("07:35", 2),  # 07:35, 07:38
        ("07:40", 0),
        ("07:45", 0),
        ("07:50", 1),
        ("07:55", 1),
    )
    women = s.dimension(stats.GENDER).groups[1]
    assert stats.percent(women.arrived, s.arrived) == "60,0%"


def test_withdrawn_undone_and_walkins(event: Event, clock: FakeClock) -> None:
    ids = small_event(event, clock)
    desk = Desk(event)
    desk.undo(ids["Ngô Văn Tám"], reason="nhầm", other_desk_confirmed=True)
    with event.write():
        event.conn.execute(
            "update delegates set status = 'withdrawn' where id = ?", (ids["Vàng Thị Mai"],)
        )
    from data.checkin import request_walkin

    request_walkin(event, name="Phạm Văn Nam", unit="UBND huyện Đại Từ")
    s = stats.compute(event)
    assert (s.expected, s.arrived, s.walkins_pending) == (7, 3, 1)
    assert s.arrivals == (("07:30", 3),)


def generate(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Delegates with every field drawn at random, empty values included."""
    people = []
    for i in range(n):
        people.append(
            {
                "name": f"Đại biểu {i:04d}",
                "external_id": f"DB{i:04d}",
                "gender": rng.choice(["Nam", "Nữ", "nữ", ""]),
                "birth_year": rng.choice([None, *range(1940, 2012)]),
                "ethnicity": rng.choice(["Kinh"] * 6 + ["Tày", "Nùng", "Sán Dìu", "Dao", ""]),
                "religion": rng.choice(["Không", "Không", "Phật giáo", "Công giáo", ""]),
                "delegation": rng.choice(
                    [
                        "Đoàn huyện Đại Từ",
                        "Đoàn huyện Phú Bình",
                        "Khối doanh nghiệp",
                        "Đoàn Sông Công",
                    ]
                ),
                "category": rng.choice(["Anh hùng", "Chiến sĩ thi đua", "Điển hình tiên tiến"]),
                "phone": f"09{rng.randrange(10**8):08d}",
            }
        )
    return people


def test_generated_data_counted_independently(event: Event, clock: FakeClock) -> None:
    rng = random.Random(20250920)
    people = generate(rng, 300)
    delegates.upsert(event, people)
    by_external = {d.external_id: d.id for d in delegates.all_delegates(event)}
    desk = Desk(event)
    came = rng.sample(range(300), 211)
    times = []
    for i in came:
        clock.advance(seconds=rng.randrange(5, 40))
        desk.admit(by_external[people[i]["external_id"]])
        times.append(clock.now)
    s = stats.compute(event)
    present = [people[i] for i in came]
    assert (s.expected, s.arrived) == (300, 211)

    def count(found: list[dict[str, Any]], key: Any) -> Counter[str]:
        return Counter(key(p) for p in found)

    for dimension, key in (
        (stats.DELEGATION, lambda p: p["delegation"]),
        (stats.CATEGORY, lambda p: p["category"]),
        (
            stats.GENDER,
            lambda p: {"Nam": "Nam", "Nữ": "Nữ", "nữ": "Nữ"}.get(p["gender"], "Không rõ"),
        ),
        (stats.RELIGION, lambda p: p["religion"] or "Không rõ"),
        (stats.AGE, lambda p: stats.age_band(2025 - p["birth_year"] if p["birth_year"] else None)),
    ):
        groups = s.dimension(dimension).groups
        expected, arrived = count(people, key), count(present, key)
        assert {g.label: g.expected for g in groups if g.expected} == dict(expected), dimension
        assert {g.label: g.arrived for g in groups if g.arrived} == dict(arrived), dimension
        assert sum(g.expected for g in groups if g.level == 0) == 300
    ethnic = {g.label: (g.expected, g.arrived) for g in s.dimension(stats.ETHNICITY).groups}
    minorities = [p for p in people if p["ethnicity"] not in ("Kinh", "")]
    assert ethnic["Dân tộc thiểu số"][0] == len(minorities)
    assert ethnic["Dân tộc thiểu số: Dao"][0] == sum(p["ethnicity"] == "Dao" for p in people)
    assert ethnic["Kinh"][1] == sum(p["ethnicity"] == "Kinh" for p in present)

    # Arrivals: every check-in in exactly one 10-minute bar, bars back to back
    assert sum(n for _, n in s.arrivals) == 211
    assert s.arrivals[0][0] == "07:30"
    last = max(times)
    assert s.arrivals[-1][0] == f"{last.hour:02d}:{last.minute - last.minute % 10:02d}"
    per_bar = Counter(f"{t.hour:02d}:{t.minute - t.minute % 10:02d}" for t in times)
    assert {at: n for at, n in s.arrivals if n} == dict(per_bar)


def test_programme_figures_come_from_programme_timing(event: Event, clock: FakeClock) -> None:
    from programme import running, template
    from programme.figures import figures

    assert stats.compute(event).programme is None  # data alone never times the programme
    template.seed(event)
    before = figures(event).programme
    assert before is not None and (before.current, before.offset_minutes) == (None, None)
    clock.now = clock.now.replace(hour=7, minute=42)  # Chào cờ (5 min, planned 07:30) starts late
    running.start(event)
    clock.now = clock.now.replace(hour=7, minute=44)
    p = figures(event).programme
    assert p is not None
    assert (p.current, p.done) == ("Chào cờ", 0)
    assert p.current_started_at == "2025-09-20T07:42:00.000+07:00"
    assert p.offset_minutes == 12  # the next item will start 07:47 instead of 07:35
    assert p.total == len(running.load(event).leaves)
    clock.now = clock.now.replace(year=2026)  # a year on, Chào cờ was never finished
    later = figures(event).programme
    assert later is not None and later.current == "Chào cờ" and later.offset_minutes is None


def test_honours_figures_count_states(event: Event) -> None:
    now = stamp(event.now())
    with event.write():
        for state in ("planned", "presented", "presented", "absent", "proxy", "withdrawn"):
            event.conn.execute(
                "insert into honours (recipient, form, state, match_key, created_at, updated_at)"
                " values ('Nguyễn Văn A', 'Bằng khen', ?, 'k', ?, ?)",
                (state, now, now),
            )
    h = stats.compute(event).honours
    assert h == stats.HonoursFigures(planned=5, presented=2, absent=1, proxy=1)


def test_stats_command_prints_the_same_figures(event: Event, clock: FakeClock) -> None:
    small_event(event, clock)
    path = str(event.path)
    runner = CliRunner()
    result = runner.invoke(cli, ["stats", "--db", path, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["expected"], data["arrived"]) == (8, 5)
    assert data["by_delegation"][0] == {
        "delegation": "Đoàn huyện Đại Từ",
        "expected": 2,
        "arrived": 2,
        "level": 0,
    }
    assert {"category", "expected", "arrived"} <= set(data["by_category"][0])
    assert set(data["honours"]) == {"planned", "presented", "absent", "proxy"}
    text = runner.invoke(cli, ["stats", "--db", path], catch_exceptions=False)
    assert "Có mặt: 5 / 8 đại biểu (62,5%)" in text.stdout
    assert "Nữ 3 (60,0%)" in text.stdout


def test_a_desk_clock_in_the_wrong_year_stays_off_the_chart(event: Event, clock: FakeClock) -> None:
    """Bars cover the event's day only: one desk stamping the year 2000 (or the next day) used
    to draw a bar for every 10 minutes in between, and the dashboard stalled. Those check-ins
    still count as arrived, and the figures say how many are off the chart."""
    ids = small_event(event, clock)
    desk = Desk(event)
    clock.now = datetime(2000, 1, 1, 0, 5, tzinfo=clock.now.tzinfo)
    assert desk.admit(ids["Hoàng Văn Hòa"]).ok
    clock.now = datetime(2025, 9, 21, 8, 0, tzinfo=clock.now.tzinfo)
    assert desk.admit(ids["Đặng Minh Dũng"]).ok
    s = stats.compute(event)
    assert s.arrived == 7
    assert s.arrivals == (("07:30", 3), ("07:40", 0), ("07:50", 2))
    assert s.arrivals_outside == 2
    public = s.public()["arrivals"]
    assert (public["outside_day"], len(public["bars"])) == (2, 3)

    from console.cli_stats import stats_lines
    from console.i18n import t

    assert t("stats.arrivals_outside", n=2) in stats_lines(s)


def test_arrivals_without_an_event_date_keep_to_the_median_day() -> None:
    stamps = [
        "2000-01-01T00:05:00.000+07:00",
        "2025-09-20T07:31:05.123+07:00",
        "2025-09-20T07:45:00.000+07:00",
    ]
    assert stats.arrivals(stamps) == (("07:30", 1), ("07:40", 1))
    assert stats.arrivals(stamps, day="2000-01-01") == (("00:00", 1),)
    assert stats.chart_day(stamps, None) == ("2025-09-20", 1)
    assert stats.chart_day(stamps, "2000-01-01") == ("2000-01-01", 2)
    # nobody on the event's date (a rehearsal days before): the busiest day is charted
    assert stats.chart_day(stamps, "2025-09-21") == ("2025-09-20", 1)
    assert stats.arrivals([], day=None) == ()
