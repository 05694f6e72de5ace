"""Pilot tests of the organizer PIN's grace: it is said on screen while it lasts, and a PIN
typed into the reception scan field by mistake is cleared, never searched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input

from console.app import make_app
from console.screens.reception import ReceptionScreen
from console.screens.safety import SafetyScreen
from data import pins
from data.store import Event


async def settle(pilot: Any, app: Any) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_grace_is_said_while_it_lasts(
    event_path: Path, clock: Any, tmp_path: Path
) -> None:
    with Event.open(event_path) as ev:
        pins.set_pin(ev, "organizer", "246813")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        app.screen.query_one("#folder", Input).value = str(tmp_path / "usb")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"246813", "enter")
        await settle(pilot, app)
        assert any("không hỏi lại PIN trong 5 phút" in n for n in notes), notes
        assert app.title == "Bàn 1 · Ban tổ chức: còn 5 phút"
        clock.advance(minutes=2, seconds=10)
        app.show_grace()
        assert app.title == "Bàn 1 · Ban tổ chức: còn 3 phút"
        clock.advance(minutes=3)
        app.show_grace()
        assert app.title == "Bàn 1"


async def test_a_pin_typed_into_the_scan_field_is_cleared(event_path: Path, clock: Any) -> None:
    with Event.open(event_path) as ev:
        pins.set_pin(ev, "organizer", "246813")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    notes: list[str] = []
    searched: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        search = app.search
        app.search = lambda q, limit=100: (searched.append(q), search(q, limit))[1]  # type: ignore[method-assign]
        screen = app.screen
        assert isinstance(screen, ReceptionScreen)
        scan = screen.query_one("#scan", Input)
        for key in "246813":  # typed by a person: the app does not take it as a scanner burst
            await pilot.press(key)
            await settle(pilot, app)
        assert scan.value == "" and any("Đó là một mã PIN" in n for n in notes), notes
        assert "246813" not in searched, searched  # its first digits were no PIN yet
        await pilot.press(*"246813", "enter")  # Enter before the worker answered
        await settle(pilot, app)
        assert scan.value == ""
        assert "246813" not in searched, searched  # its first digits were no PIN yet
        notes.clear()
        await pilot.press(*"2468")  # four digits that are no PIN: searched as before
        await settle(pilot, app)
        assert scan.value == "2468" and "2468" in searched and notes == []
