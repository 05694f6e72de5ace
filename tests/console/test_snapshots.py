"""Snapshots of the main screens on the demo event, with the clock frozen.

Run ``pytest tests/console/test_snapshots.py --snapshot-update`` after a deliberate change of a
screen, look at the new SVGs (``snapshot_report.html`` shows the difference) and commit them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from console.app import make_app
from data import codes
from data.store import Event
from tests.conftest import FakeClock

from .conftest import NOON


def _app(path: Path, screen: str) -> Any:
    return make_app(path, clock=FakeClock(NOON), desk="Bàn 1", operator="Lan", screen=screen)


async def _steady(pilot: Pilot[None]) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.app.workers.wait_for_complete()  # the dashboard's figures, the search index
    await pilot.pause()


SnapCompare = Callable[..., bool]
SIZES = [(80, 24), (200, 50)]
"""The smallest desk laptop and a wide terminal: every screen is looked at in both."""


@pytest.mark.parametrize("size", SIZES)
def test_reception_after_a_scan(
    demo: Path, snap_compare: SnapCompare, size: tuple[int, int]
) -> None:
    with Event.open(demo) as ev:
        code = codes.current_codes(ev)[100][1]

    async def scan(pilot: Pilot[None]) -> None:
        await _steady(pilot)
        await pilot.press(*code, "enter")
        await pilot.pause()

    assert snap_compare(_app(demo, "reception"), run_before=scan, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_delegates_search(demo: Path, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    async def search(pilot: Pilot[None]) -> None:
        await _steady(pilot)
        await pilot.press(*"nguyen thi", "_")

    assert snap_compare(_app(demo, "delegates"), run_before=search, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_programme(demo: Path, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(_app(demo, "programme"), run_before=_steady, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_stage_view(demo: Path, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(_app(demo, "stage"), run_before=_steady, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_ceremony(demo: Path, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """80x24: recipient, presence, state, form and items in view; 200x50: units whole."""
    assert snap_compare(_app(demo, "ceremony"), run_before=_steady, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(demo: Path, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """80x24: honours and programme must still be in view (the right column comes first)."""
    assert snap_compare(_app(demo, "dashboard"), run_before=_steady, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_reception_name_search(
    demo: Path, snap_compare: SnapCompare, size: tuple[int, int]
) -> None:
    """Namesakes told apart at 80x24: birth year and unit beside each name."""

    async def search(pilot: Pilot[None]) -> None:
        await _steady(pilot)
        await pilot.press(*"nguyen thi mai hoa")
        await pilot.pause()

    assert snap_compare(_app(demo, "reception"), run_before=search, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(demo: Path, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    async def ask(pilot: Pilot[None]) -> None:
        await _steady(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(_app(demo, "programme"), run_before=ask, terminal_size=size)
