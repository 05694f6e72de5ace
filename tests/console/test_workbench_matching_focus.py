"""The matching screen at an 80-column laptop, as a first-time organizer used it (issue 15):
Enter picks the highlighted candidate at once, the focus stays in the candidates after a
decision, the notice names the delegate chosen, and the match column is read in full."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, OptionList

from console.app import make_app
from console.screens.matching import MatchScreen
from data import delegates
from data.store import Event
from programme import honours
from programme.honours import HonourRow

from .conftest import all_notes, by_name

LONG_UNIT = "Trường THPT Chuyên Thái Nguyên, Sở Giáo dục và Đào tạo tỉnh Thái Nguyên"


def screen_lines(app: Any) -> list[str]:
    """The screen as the terminal shows it, one string a line."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


async def test_enter_picks_the_next_recipients_first_candidate_and_names_the_delegate(
    event_path: Path,
) -> None:
    with Event.open(event_path) as ev:
        delegates.upsert(
            ev,
            [
                {"name": "Lê Văn Lâm", "unit": "Công an tỉnh"},
                {"name": "Lê Văn Lâm", "unit": "Sở Tài chính"},
            ],
        )
        # The list spells him without the tone mark: two namesakes are candidates.
        lam = honours.add(ev, HonourRow(recipient="Lê Văn Lam", unit=LONG_UNIT, form="Bằng khen"))
        hoa = honours.add(ev, HonourRow(recipient="Nguyễn Thị Hoa", form="Bằng khen"))
        stranger = honours.add(ev, HonourRow(recipient="Phạm Văn Lạ", form="Giấy khen"))
        first_lam = honours.get(ev, lam.id).candidates[0]
    hoa_delegate = by_name(event_path, "Nguyễn Thị Hoa")

    app = make_app(event_path, desk="Bàn 1")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MatchScreen())
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#honours", DataTable)
        options = screen.query_one("#candidates", OptionList)
        # The match column in full at 80 columns, beside a long unit
        lines = screen_lines(app)
        lam_line = next(line for line in lines if "Lê Văn Lam" in line)
        assert "chưa rõ" in lam_line
        assert any("không tìm thấy" in line and "Phạm Văn Lạ" in line for line in lines)

        await pilot.press("enter")  # into the candidates: the first is highlighted
        assert options.has_focus
        assert options.highlighted == 0
        await pilot.press("enter")  # no ↓ needed
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        notes = all_notes(app)
        assert any("“Lê Văn Lam”" in note and "Lê Văn Lâm · " in note for note in notes), (
            notes
        )  # the delegate chosen, and how the list spells him

        # The focus stayed in the candidates, now Nguyễn Thị Hoa's, the first highlighted
        assert table.row_count == 2
        assert "Nguyễn Thị Hoa" in str(screen.query_one("#who").render())
        assert options.has_focus
        assert options.highlighted == 0
        assert "Sở Y tế" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        notes = all_notes(app)
        assert "Đã ghép với đại biểu Nguyễn Thị Hoa · Sở Y tế." in notes

        # Phạm Văn Lạ has no candidate: the search field, so a stray Enter decides nothing
        assert table.row_count == 1
        assert screen.query_one("#find", Input).has_focus

    with Event.open(event_path) as ev:
        assert honours.get(ev, lam.id).delegate_id == first_lam
        assert honours.get(ev, hoa.id).delegate_id == hoa_delegate.id
        assert [h.id for h in honours.unresolved(ev)] == [stranger.id]
