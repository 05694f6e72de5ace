"""Pilot tests of the dashboard (F5): a check-in made by another process shows up live, and
reports are written from the console."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from textual.widgets import OptionList, ProgressBar, Sparkline

from console.app import make_app
from console.screens.dashboard import DashboardScreen, DelegationRow

from .conftest import by_name


def headline(app: Any) -> str:
    return str(app.screen.query_one("#headline").render())


def delegation_row(app: Any, label: str) -> DelegationRow:
    return next(r for r in app.screen.query(DelegationRow) if r.group.label == label)


async def checkin_elsewhere(path: Path, code: str) -> int:
    """``daihoi checkin`` in its own process, as a second desk would."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "console",
        "checkin",
        code,
        "--db",
        str(path),
        "--desk",
        "Bàn 2",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    return await proc.wait()


async def test_a_checkin_from_another_process_shows_up(event_path: Path, clock: Any) -> None:
    duc = by_name(event_path, "Trần Văn Đức")
    app = make_app(event_path, desk="Bàn 1", clock=clock, screen="dashboard")
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()  # the figures are computed in a worker
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "Có mặt: 0 / 6 đại biểu (0,0%)" in headline(app)
        row = delegation_row(app, "Đoàn huyện Đại Từ")
        assert row.query_one(ProgressBar).progress == 0
        assert "Chưa có ai điểm danh." in str(app.screen.query_one("#arrivals-axis").render())

        assert await checkin_elsewhere(event_path, duc.code) == 0
        for _ in range(30):  # the app polls data_version every 0.25 s
            await pilot.pause(0.1)
            if "1 / 6" in headline(app):
                break
        assert "Có mặt: 1 / 6 đại biểu (16,7%)" in headline(app)
        row = delegation_row(app, "Đoàn huyện Đại Từ")
        assert row.query_one(ProgressBar).progress == 1
        assert row.query_one(ProgressBar).total == 2
        assert "1/2" in str(row.query_one(".count").render())
        assert sum(app.screen.query_one("#arrivals", Sparkline).data or []) == 1
        composition = str(app.screen.query_one("#composition").render())
        assert "Từ 60 tuổi trở lên 1 (100,0%)" in composition  # Đức, born 1961


async def test_export_from_the_dashboard(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock, screen="dashboard")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")  # the first choice: the one-page summary
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        kinds = app.screen.query_one("#kinds", OptionList)
        attendance = kinds.get_option_index("attendance")
        await pilot.press(*["down"] * attendance, "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    made = sorted(p.name for p in event_path.parent.iterdir() if p.name.startswith("event-"))
    assert made == [
        "event-attendance-20250920-073000.xlsx",
        "event-summary-20250920-073000.pdf",
    ]


async def test_list_words_are_shown_as_written(event_path: Path, clock: Any) -> None:
    """Brackets in a delegation or an ethnicity are text, never console markup."""
    from data import delegates
    from data.checkin import Desk
    from data.store import Event

    with Event.open(event_path, clock=clock, desk="Bàn 2") as ev:
        delegates.upsert(
            ev, [{"name": "Lò Văn Páo", "delegation": "Khối [A]", "ethnicity": "[bold]Thái"}]
        )
        Desk(ev).admit(next(d.id for d in delegates.all_delegates(ev) if d.name == "Lò Văn Páo"))
    app = make_app(event_path, desk="Bàn 1", clock=clock, screen="dashboard")
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        row = delegation_row(app, "Khối [A]")
        assert "Khối [A]" in str(row.query_one(".name").render())
        assert "[bold]Thái 1 (100,0%)" in str(app.screen.query_one("#composition").render())
