"""The ceremony screen's Enter: it marks the highlighted honour presented, a mouse never does.

A DataTable reports a click on its highlighted row as a selection; if that marked the honour,
two idle clicks on the MC desk would record a presentation that never happened.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from console.app import make_app
from data.store import Event
from programme import honours
from programme.honours import HonourRow

BK = "Bằng khen của Chủ tịch UBND tỉnh"


@pytest.fixture
def two_honours(event_path: Path, clock: Any) -> Path:
    with Event.open(event_path, clock=clock, desk="Bàn 1") as ev:
        honours.save(
            ev,
            [
                HonourRow("Nguyễn Thị Hoa", BK, unit="Sở Y tế", group="Đợt 1"),
                HonourRow("Hoàng Văn Hòa", BK, unit="HTX chè La Bằng", group="Đợt 1"),
            ],
        )
    return event_path


def states(path: Path) -> dict[str, str]:
    with Event.open(path) as ev:
        return {h.recipient: h.state for h in honours.all_honours(ev)}


async def test_clicks_on_a_row_mark_nothing(two_honours: Path, clock: Any) -> None:
    app = make_app(two_honours, desk="MC", clock=clock, screen="ceremony")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        first = app.screen.highlighted.recipient
        for _ in range(3):
            await pilot.click("#honours", offset=(5, 1))  # the first row, under the header
            await pilot.pause()
        assert app.screen.highlighted.recipient == first
        assert set(states(two_honours).values()) == {"planned"}


async def test_enter_marks_presented_and_moves_on(two_honours: Path, clock: Any) -> None:
    app = make_app(two_honours, desk="MC", clock=clock, screen="ceremony")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        first = app.screen.highlighted.recipient
        await pilot.press("enter")
        await pilot.pause()
        after = states(two_honours)
        assert after[first] == "presented"
        assert [s for n, s in after.items() if n != first] == ["planned"]
        assert app.screen.highlighted.recipient != first  # on to the next one still open
