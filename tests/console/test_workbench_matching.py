"""Honours recipients the importer could not match are resolved on screen: a candidate picked,
or "not a delegate", each the decision ``daihoi honours match`` records."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, OptionList

from console.app import make_app
from console.screens.matching import MatchScreen
from data.store import Event
from programme import honours
from programme.honours import HonourRow

from .conftest import by_name


async def test_unresolved_recipients_are_matched_by_picking(event_path: Path) -> None:
    with Event.open(event_path) as ev:
        # No unit on the list: the one Nguyễn Thị Hoa is a candidate, not a sure match
        doubtful = honours.add(ev, HonourRow(recipient="Nguyễn Thị Hoa", form="Bằng khen"))
        stranger = honours.add(ev, HonourRow(recipient="Phạm Văn Lạ", form="Giấy khen"))
        assert [h.id for h in honours.unresolved(ev)] == [doubtful.id, stranger.id]
    hoa = by_name(event_path, "Nguyễn Thị Hoa")

    app = make_app(event_path, desk="Bàn 1")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ghep nguoi nhan")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MatchScreen)
        table = app.screen.query_one("#honours", DataTable)
        assert table.row_count == 2
        options = app.screen.query_one("#candidates", OptionList)
        assert options.option_count == 2  # Hoa, and "not a delegate"
        assert "Sở Y tế" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")  # into the candidates
        assert options.has_focus
        await pilot.press("home", "enter")  # the first: Hoa
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("enter")  # Phạm Văn Lạ: nobody of that name
        assert options.option_count == 1
        await pilot.press("home", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.row_count == 0

    with Event.open(event_path) as ev:
        assert honours.get(ev, doubtful.id).delegate_id == hoa.id
        assert honours.get(ev, doubtful.id).match == honours.MATCHED
        assert honours.get(ev, stranger.id).delegate_id is None
        assert honours.unresolved(ev) == []
        rows = ev.journal_rows("honour.matched")
        assert [r["payload"]["delegate_id"] for r in rows] == [hoa.id, None]


async def test_another_delegate_is_found_by_typing_without_accents(event_path: Path) -> None:
    with Event.open(event_path) as ev:
        odd = honours.add(ev, HonourRow(recipient="Trần V. Đức", form="Bằng khen"))
    duc = by_name(event_path, "Trần Văn Đức")
    app = make_app(event_path, desk="Bàn 1")
    async with app.run_test(size=(120, 30)) as pilot:
        app.push_screen(MatchScreen())
        await pilot.pause()
        await pilot.press("slash", *"tran van duc", "enter")
        await pilot.pause()
        options = app.screen.query_one("#candidates", OptionList)
        assert "Trần Văn Đức" in str(options.get_option_at_index(0).prompt)
        await pilot.press("home", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    with Event.open(event_path) as ev:
        assert honours.get(ev, odd.id).delegate_id == duc.id
