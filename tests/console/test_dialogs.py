"""The small dialogs: a long question is shown whole, and Enter on a confirmation means No."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Label

from console.app import make_app
from console.i18n import t
from console.screens.modals import AskText, Confirm

QUESTION = t("reception.reprint_question", name="Y Thanh Hà Niê Kđăm")


async def test_a_long_question_wraps_inside_the_box(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for dialog in (Confirm(QUESTION), AskText(QUESTION)):
            app.push_screen(dialog)
            await pilot.pause()
            label = dialog.query_one(Label)
            assert label.size.height >= 2
            painted = " ".join(label.render_line(y).text.strip() for y in range(label.size.height))
            assert "không dùng được nữa." in painted
            dialog.dismiss(None)
            await pilot.pause()


async def test_confirm_answers(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    answers: list[bool | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in (["enter"], ["escape"], ["n"], ["y"], ["tab", "enter"]):
            app.push_screen(Confirm(QUESTION), answers.append)
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
    assert answers == [False, False, False, True, True]
