"""Words from the delegates' list are shown as written: a "[" in a unit, a delegation or a name
is text, never console markup ("Trường THPT [cơ sở 2]" must not lose "[cơ sở 2]")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from console.app import make_app
from data import delegates
from data.checkin import Desk
from data.store import Event
from programme import honours
from programme.honours import HonourRow

UNIT = "Trường THPT [cơ sở 2]"
DELEGATION = "Khối [b]giáo dục[/b]"


def shown(table: DataTable[Any]) -> str:
    """What the table paints, line by line (its Line API), as plain text."""
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


def add_lo(path: Path, clock: Any) -> int:
    with Event.open(path, clock=clock, desk="Bàn 1") as ev:
        delegates.upsert(ev, [{"name": "Lò Văn Páo", "unit": UNIT, "delegation": DELEGATION}])
        lo = next(d.id for d in delegates.all_delegates(ev) if d.name == "Lò Văn Páo")
        Desk(ev).admit(lo)
    return lo


async def test_reception_results_and_recent_list(event_path: Path, clock: Any) -> None:
    add_lo(event_path, clock)
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.press(*"lo van pao")
        await pilot.pause()
        results = shown(app.screen.query_one("#results", DataTable))
        assert UNIT in results and DELEGATION in results
        assert DELEGATION in shown(app.screen.query_one("#recent", DataTable))
        assert DELEGATION in str(app.screen.query_one("#counters").render())


async def test_ceremony_rows_and_header(event_path: Path, clock: Any) -> None:
    with Event.open(event_path, clock=clock, desk="Bàn 1") as ev:
        honours.save(
            ev,
            [
                HonourRow(
                    "Tập thể lớp [12A1]", "Bằng khen [đặc biệt]", unit=UNIT, group="Đợt [b]1[/b]"
                )
            ],
        )
    app = make_app(event_path, desk="MC", clock=clock, screen="ceremony")
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        table = shown(app.screen.query_one("#honours", DataTable))
        assert "Tập thể lớp [12A1]" in table and "Bằng khen [đặc biệt]" in table
        assert UNIT in table
        assert "Đợt [b]1[/b]" in str(app.screen.query_one("#group").render())
