"""Pilot tests of the dashboard with sessions (issue 17): the quorum line, the session on view
and another session's counts (``v``), an absence recorded and taken back from the console
with the organizer PIN, the absent split, and the report on delegates present exported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document

from console.app import make_app
from console.screens.dashboard import DashboardScreen
from console.screens.pick import Pick
from data import pins, sessions
from data.checkin import Desk
from data.store import Event

from .conftest import PEOPLE, by_name


def text_of(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def settle(app: Any, pilot: Any) -> None:
    """The figures come from a worker: wait for it, then for the message it posted."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def two_sessions(path: Path, clock: Any) -> None:
    """Four delegates this morning (Khách mời not among the convened), one this afternoon,
    a quorum of 2/3, the organizer PIN 2468."""
    with Event.open(path, clock=clock, desk="Bàn 2") as ev:
        sessions.set_quorum(ev, "2/3")
        pins.set_pin(ev, "organizer", "2468")
        desk = Desk(ev)
        for person in PEOPLE[:4]:
            clock.advance(seconds=30)
            desk.scan(by_name(path, person["name"]).code)
        clock.advance(hours=5)
        sessions.open_session(ev, "Phiên chiều")
        desk.scan(by_name(path, PEOPLE[0]["name"]).code)


async def test_dashboard_shows_quorum_and_another_sessions_counts(
    event_path: Path, clock: Any
) -> None:
    two_sessions(event_path, clock)
    with Event.open(event_path) as ev:
        morning = next(s.name for s in sessions.all_sessions(ev) if not s.current)
    app = make_app(event_path, desk="Bàn 1", clock=clock, screen="dashboard")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Có mặt: 1 / 6" in text_of(app, "#headline")
        block = text_of(app, "#session")
        assert f"{morning}: 4/6 có mặt" in block
        assert "▶ Phiên chiều: 1/6 có mặt" in block
        # 5 convened (the guest is not), 1 present, 4 needed for 2/3
        assert "Đại hội chưa đủ điều kiện tiến hành: 1/5" in block
        assert "(cần 4, tức 2/3)" in block
        assert "Vắng có lý do: 0 · Chưa đến: 5" in block

        await pilot.press("v")
        assert isinstance(app.screen, Pick)
        assert [key for key, _label in app.screen.options] == [morning, "Phiên chiều"]
        await pilot.press("enter")  # the morning
        await settle(app, pilot)
        assert "Có mặt: 4 / 6" in text_of(app, "#headline")
        block = text_of(app, "#session")
        assert f"▶ {morning}: 4/6 có mặt" in block
        assert f"Đang xem {morning} (phiên đang diễn ra: Phiên chiều)" in block
        assert "Đại hội đủ điều kiện tiến hành: 4/5" in block


async def test_an_absence_recorded_and_undone_from_the_console(
    event_path: Path, clock: Any
) -> None:
    two_sessions(event_path, clock)
    hoang = by_name(event_path, "Đặng Minh Dũng")
    app = make_app(event_path, desk="Bàn 1", clock=clock, screen="dashboard")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a", *"Đặng Minh", "enter")
        await pilot.pause()
        await pilot.press(*"Ốm, có đơn", "enter")
        await pilot.pause()
        await pilot.press(*"2468", "enter")  # the organizer PIN
        await settle(app, pilot)
        assert "Vắng có lý do: 1 · Chưa đến: 4" in text_of(app, "#session")
        assert app.screen.query_one("#absent").display
        assert text_of(app, "#absent").strip() == "Đặng Minh Dũng: Ốm, có đơn"
        with Event.open(event_path) as ev:
            recorded = sessions.absences(ev)
            kinds = [r["kind"] for r in ev.journal_rows()]
        assert [(a.delegate_id, a.session, a.reason) for a in recorded] == [
            (hoang.id, "Phiên chiều", "Ốm, có đơn")
        ]
        assert "absence.recorded" in kinds

        await pilot.press("u")
        assert isinstance(app.screen, Pick)
        assert app.screen.options[0][1].endswith("Ốm, có đơn")
        await pilot.press("enter")  # the PIN was typed a minute ago: not asked again
        await settle(app, pilot)
        assert "Vắng có lý do: 0 · Chưa đến: 5" in text_of(app, "#session")
        assert not app.screen.query_one("#absent").display
    with Event.open(event_path) as ev:
        assert sessions.absences(ev) == []
        assert [r["kind"] for r in ev.journal_rows()][-1] == "absence.undone"


async def test_a_wrong_pin_records_no_absence(event_path: Path, clock: Any) -> None:
    two_sessions(event_path, clock)
    app = make_app(event_path, desk="Bàn 1", clock=clock, screen="dashboard")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a", *"Đặng Minh", "enter")
        await pilot.pause()
        await pilot.press(*"Ốm", "enter")
        await pilot.pause()
        await pilot.press(*"1111", "enter", "escape")
        await settle(app, pilot)
    with Event.open(event_path) as ev:
        assert sessions.absences(ev) == []


async def test_the_report_on_delegates_present_is_exported_for_the_session_on_view(
    event_path: Path, clock: Any
) -> None:
    two_sessions(event_path, clock)
    app = make_app(event_path, desk="Bàn 1", clock=clock, screen="dashboard")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("down", "enter")  # the second kind: the report on delegates present
        await app.workers.wait_for_complete()
    written = list(event_path.parent.glob("event-credentials-*.docx"))
    assert len(written) == 1
    words = "\n".join(p.text for p in Document(str(written[0])).paragraphs)
    words += "\n".join(
        c.text for t in Document(str(written[0])).tables for r in t.rows for c in r.cells
    )
    assert "Phiên chiều" in words
