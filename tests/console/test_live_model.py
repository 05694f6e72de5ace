"""The console's live model: only the screen on view repaints, a hidden one once when it comes
back, a burst of changes is one repaint, and the slow work (the dashboard's figures, the
search index) happens in workers that post their results as messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message

import console.app as console_app
from console.app import DaihoiApp, make_app
from console.screens.base import LiveScreen
from console.screens.ceremony import CeremonyScreen
from console.screens.dashboard import DashboardScreen
from data import codes
from data.checkin import Desk
from data.store import Event
from programme import honours
from tests.conftest import FakeClock

from .conftest import NOON, all_notes


@pytest.fixture
def repaints(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The name of each live screen's class, once per repaint, in order."""
    seen: list[str] = []

    def counting(cls: type[LiveScreen]) -> None:
        original = cls.repaint

        def repaint(self: LiveScreen) -> None:
            seen.append(type(self).__name__)
            original(self)

        monkeypatch.setattr(cls, "repaint", repaint)

    counting(CeremonyScreen)
    counting(DashboardScreen)
    yield seen


def another_desk_scans(path: Path, n: int, *, start: int = 200) -> None:
    """Check ``n`` delegates in from a second connection, as another desk would."""
    with Event.open(path, clock=FakeClock(NOON), desk="Bàn 2") as ev:
        desk = Desk(ev)
        for _id, code, _version in codes.current_codes(ev)[start : start + n]:
            desk.scan(code)


def app_on(path: Path, screen: str = "reception") -> DaihoiApp:
    return make_app(path, clock=FakeClock(NOON), desk="Bàn 1", screen=screen)


async def test_a_hidden_screen_does_not_repaint_and_repaints_once_back(
    demo: Path, repaints: list[str]
) -> None:
    app = app_on(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.press("f1")
        await pilot.pause()
        assert repaints == ["CeremonyScreen", "DashboardScreen"]  # each once, when opened

        for i in range(10):  # ten changes from another desk while F4 and F5 are hidden
            another_desk_scans(demo, 1, start=200 + i)
            app.poll()
            await pilot.pause()
        assert app.revision >= 10
        assert repaints == ["CeremonyScreen", "DashboardScreen"]

        await pilot.press("f4")
        await pilot.pause()
        assert repaints.count("CeremonyScreen") == 2  # once, for all ten changes
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert repaints.count("DashboardScreen") == 2
        screen = app.screen
        assert isinstance(screen, DashboardScreen) and screen.figures is not None
        assert screen.figures.arrived == 40 + 10


async def test_a_burst_of_changes_is_one_repaint(demo: Path, repaints: list[str]) -> None:
    app = app_on(demo, "ceremony")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert repaints == ["CeremonyScreen"]
        for _ in range(5):  # five changes before the screen gets to paint
            app.changed()
        await pilot.pause()
        assert repaints == ["CeremonyScreen"] * 2


async def test_present_repaints_the_ceremony_once(demo: Path, repaints: list[str]) -> None:
    app = app_on(demo, "ceremony")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = len(repaints)
        await pilot.press("p")
        await pilot.pause()
        assert repaints[before:] == ["CeremonyScreen"]
        first = honours.all_honours(app.event, group=honours.groups(app.event)[0])[0]
        assert first.state == honours.PRESENTED


async def test_dashboard_figures_arrive_as_a_message_from_a_worker(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from console.screens import dashboard

    threads: list[threading.Thread] = []
    compute = dashboard.figures

    def figures(event: Event) -> Any:
        threads.append(threading.current_thread())
        return compute(event)

    monkeypatch.setattr(dashboard, "figures", figures)
    seen: list[Message] = []
    app = app_on(demo, "dashboard")
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        found = [m for m in seen if isinstance(m, DashboardScreen.Figures)]
        assert found and found[-1].figures.arrived == 40
        assert threads and threading.main_thread() not in threads  # never on the UI thread
        headline = str(app.screen.query_one("#headline").render())
        assert "40 / 520" in headline


async def test_the_search_index_is_built_by_a_worker_after_the_first_paint(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(console_app, "INDEX_AFTER", 0.01)  # soon after the first paint
    seen: list[Message] = []
    app = app_on(demo)
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        for _ in range(100):  # the timer's turn, then the worker's
            await pilot.pause()
            await app.workers.wait_for_complete()
            if any(isinstance(m, DaihoiApp.IndexBuilt) for m in seen):
                break
        await pilot.pause()
        built = [m for m in seen if isinstance(m, DaihoiApp.IndexBuilt)]
        assert len(built) == 1
        assert app._index is built[0].index  # the first keystroke finds it ready
        found, total = app.search("nguyen thi mai hoa")
        assert total >= 2 and app._index is built[0].index


async def test_a_search_before_the_index_worker_builds_it_once(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name typed before the worker's turn is searched at once (the index is built then);
    the worker, when its turn comes, finds it built and builds no second one."""
    monkeypatch.setattr(console_app, "INDEX_AFTER", 3600)
    seen: list[Message] = []
    app = app_on(demo)
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        assert app._index is None  # the first screen did not wait for it
        _found, total = app.search("nguyen thi mai hoa")
        assert total >= 2 and app._index is not None
        built_here = app._index
        app.build_index()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not [m for m in seen if isinstance(m, DaihoiApp.IndexBuilt)]
        assert app._index is built_here


async def test_a_worker_result_is_told_by_the_app(demo: Path, tmp_path: Path) -> None:
    """A tray sheet written in a worker: its sentence comes back as a Notice message."""
    from console.screens.base import Notice

    seen: list[Any] = []
    app = app_on(demo, "ceremony")
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        notices = {id(m): m for m in seen if isinstance(m, Notice)}  # seen at screen and app
        (notice,) = notices.values()
        assert notice.severity == "information" and "khay-" in notice.text
        assert all_notes(app).count(notice.text) == 1
