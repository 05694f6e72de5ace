"""Snapshots of the screens of issues 17 and 18 at 80x24 and 200x50, with the clock frozen:
the dashboard with two sessions and a quorum rule, the MC screen while item 2 is on (the
introduction list and the quorum line), and the hall plan coloured by delegation.

Run with ``--snapshot-update`` after a deliberate change, look at the new SVGs, commit them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from console.app import make_app

from .test_introductions_console import mc_event  # noqa: F401 (a fixture)
from .test_seats_console import hall_event  # noqa: F401 (a fixture)
from .test_sessions_dashboard import two_sessions

SnapCompare = Callable[..., bool]
SIZES = [(80, 24), (200, 50)]


async def _steady(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_with_sessions_and_quorum(
    event_path: Path, clock: Any, snap_compare: SnapCompare, size: tuple[int, int]
) -> None:
    two_sessions(event_path, clock)
    app = make_app(event_path, clock=clock, desk="Bàn 1", screen="dashboard")
    assert snap_compare(app, run_before=_steady, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_mc_introduction_panel(
    mc_event: Path,  # noqa: F811
    clock: Any,
    snap_compare: SnapCompare,
    size: tuple[int, int],
) -> None:
    app = make_app(mc_event, clock=clock, desk="MC", screen="programme")
    assert snap_compare(app, run_before=_steady, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_hall_plan(
    hall_event: Path,  # noqa: F811
    clock: Any,
    snap_compare: SnapCompare,
    size: tuple[int, int],
) -> None:
    app = make_app(hall_event, clock=clock, desk="Bàn 1", screen="seats")
    assert snap_compare(app, run_before=_steady, terminal_size=size)
