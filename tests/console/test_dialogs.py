"""The small dialogs: a long question is shown whole, and Enter on a confirmation means No."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Button, Label

from console.app import make_app
from console.i18n import set_lang, t
from console.screens.modals import AskText, Confirm

from .conftest import all_notes

QUESTION = t("reception.reprint_question", name="Y Thanh Hà Niê Kđăm")


async def test_a_long_question_wraps_inside_the_box(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for dialog in (Confirm(QUESTION), AskText(QUESTION)):
            app.push_screen(dialog)
            await pilot.pause()
            label = dialog.query(Label).first()
            assert label.size.height >= 2
            painted = " ".join(label.render_line(y).text.strip() for y in range(label.size.height))
            assert "không dùng được nữa." in painted
            dialog.dismiss(None)
            await pilot.pause()


async def test_confirm_answers(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    answers: list[bool | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in (["enter"], ["escape"], ["k"], ["c"], ["n"], ["y"], ["tab", "enter"]):
            app.push_screen(Confirm(QUESTION), answers.append)
            await pilot.pause()
            shown = str(app.screen.query_one("#keys", Label).render())
            await pilot.press(*keys)
            await pilot.pause()
        notes = all_notes(app)
    assert answers == [False, False, False, True, False, True, True]
    assert shown == "C: Có · K hoặc Esc: Không · Enter: Không (huỷ)"
    assert notes.count("Đã huỷ: không có gì thay đổi.") == 4  # every no says so


async def test_confirm_shows_english_keys(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock, lang="en")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(Confirm(QUESTION))
            await pilot.pause()
            assert "Y: Yes" in str(app.screen.query_one("#keys", Label).render())
            assert str(app.screen.query_one("#yes", Button).label) == "Yes (Y)"
    finally:
        set_lang("vi")


async def test_the_palette_speaks_vietnamese_and_ignores_accents(
    event_path: Path, clock: Any
) -> None:
    from textual.command import CommandInput

    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        field = app.screen.query_one(CommandInput)
        assert field.placeholder.startswith("Tìm lệnh")
        await pilot.press(*"dai bieu", "enter")
        await pilot.pause()
        assert app.current_mode == "delegates"
