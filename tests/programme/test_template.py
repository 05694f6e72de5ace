"""The template a new event's running order starts from."""

from __future__ import annotations

from pathlib import Path

from data.store import Event
from programme import template


def titles(event: Event) -> list[str]:
    return [r[0] for r in event.db.execute("select title from programme_items order by position")]


def test_dai_hoi_starts_with_the_flag_salute_and_ends_with_closing(event: Event) -> None:
    assert template.seed(event) == 11
    got = titles(event)
    assert got[0] == "Chào cờ"
    assert got[-1] == "Tổng kết và bế mạc"
    assert "Thông qua danh sách đại biểu đi dự Đại hội cấp trên" in got
    assert event.journal_rows("programme.seeded")[0]["payload"]["items"] == 11


def test_hoi_nghi_has_no_flag_salute(tmp_path: Path, clock) -> None:
    ev = Event.create(tmp_path / "h.db", title="Hội nghị", kind="hoi-nghi", clock=clock)
    template.seed(ev)
    assert "Chào cờ" not in titles(ev)
    assert titles(ev)[0] == "Tuyên bố lý do, giới thiệu đại biểu"
    ev.close()


def test_seeding_twice_adds_nothing(event: Event) -> None:
    template.seed(event)
    assert template.seed(event) == 0
    assert len(titles(event)) == 11
