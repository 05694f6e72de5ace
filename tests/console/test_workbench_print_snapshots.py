"""Snapshots of the print screen (ctrl+b) on the demo event at 80x24 and 200x50, with no CUPS
(the printer field says PDF only) and the clock frozen.

``pytest tests/console/test_workbench_print_snapshots.py --snapshot-update`` after a deliberate
change; look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from console.app import make_app
from tests.conftest import FakeClock

from .conftest import NOON

SIZES = [(80, 24), (200, 50)]


@pytest.fixture(autouse=True)
def no_cups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("badges.printing.printers", lambda: [])


@pytest.mark.parametrize("size", SIZES)
def test_print_screen(demo: Path, snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    async def open_print(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()  # the count, made in a worker
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    app: Any = make_app(demo, clock=FakeClock(NOON), desk="Bàn 1", operator="Lan")
    assert snap_compare(app, run_before=open_print, terminal_size=size)
