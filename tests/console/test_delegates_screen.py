"""The delegates screen (F2): type a search the way staff do and the list follows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from console.app import make_app
from console.widgets.delegate_table import DelegateTable


async def test_typing_without_accents_finds_the_delegate(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock, screen="delegates")
    async with app.run_test(size=(120, 36)) as pilot:
        table = app.screen.query_one(DelegateTable)
        assert len(table.shown) == 6  # the whole list before typing
        # Vietnamese order, given name first: Dũng < Đức < Hoa < Hòa < Kđăm < Thúy.
        assert [d.name.split()[-1] for d in table.shown] == [
            "Dũng", "Đức", "Hoa", "Hòa", "Kđăm", "Thúy"
        ]  # fmt: skip
        await pilot.press(*"thuy le")
        await pilot.pause()
        assert [d.name for d in table.shown] == ["Lê Thị Thúy"]
        assert "1 / 1" in str(app.screen.query_one("#count").render())
        await pilot.press("escape")
        await pilot.pause()
        assert len(table.shown) == 6
