"""The scanner always lands: a burst of digits and Enter is a scan wherever the focus is, on
every screen that checks in, and never fires a key of the screen it lands on.

Pilot sends keys within a few milliseconds; these tests set the burst threshold
(``app.scanner.gap``) so that Pilot's keys always count as a scanner's, and use ``wait:`` keys
slower than the threshold where a person types.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input

from console.app import make_app
from console.keys import ScanBursts
from console.screens.modals import ScanVerdict
from console.widgets.verdict import VerdictPanel
from data.store import Event
from programme import honours, running, template
from programme.honours import HonourRow

from .conftest import all_notes, by_name

FAST = 5.0
"""A threshold no Pilot key misses, however loaded the machine."""

BK = "Bằng khen của Chủ tịch UBND tỉnh"


def attendance(path: Path) -> dict[int, str]:
    with Event.open(path) as ev:
        return dict(ev.conn.execute("select delegate_id, desk from attendance"))


def test_a_burst_is_digits_then_enter_faster_than_a_person() -> None:
    code = "000001011234567890"
    bursts = ScanBursts(gap=0.04)
    assert [bursts.feed(c, c, 10 + i * 0.005) for i, c in enumerate(code)] == [None] * 18
    assert bursts.feed("enter", "\r", 10.1) == code
    # The same digits typed by a person (0.2 s apart): Enter is just Enter.
    assert [bursts.feed(c, c, 20 + i * 0.2) for i, c in enumerate(code)] == [None] * 18
    assert bursts.feed("enter", "\r", 20 + 18 * 0.2) is None
    # A pause after the digits: a person pressing Enter on a code typed fast.
    for i, c in enumerate(code):
        bursts.feed(c, c, 30 + i * 0.005)
    assert bursts.feed("enter", "\r", 31) is None
    # Too short for a code, or a letter in the middle: not a scan.
    for i, c in enumerate("1234"):
        bursts.feed(c, c, 40 + i * 0.005)
    assert bursts.feed("enter", "\r", 40.03) is None
    for i, c in enumerate("00000101x1234567890"):
        bursts.feed(c, c, 50 + i * 0.005)
    assert bursts.feed("enter", "\r", 50.2) is None


async def test_a_scan_after_tab_lands_and_escape_brings_the_field_back(
    event_path: Path, clock: Any
) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.scanner.gap = FAST
        scan = app.screen.query_one("#scan", Input)
        await pilot.press("tab")
        assert app.focused is not scan
        assert app.screen.has_class("-scan-lost")
        assert app.screen.query_one("#scan-lost").display
        await pilot.press(*hoa.code, "enter")
        panel = app.screen.query_one(VerdictPanel)
        assert panel.verdict is not None and panel.verdict.verdict == "admitted"
        assert attendance(event_path) == {hoa.id: "Bàn 1"}
        assert app.focused is scan and not app.screen.has_class("-scan-lost")
        await pilot.press("tab", "escape")
        assert app.focused is scan


async def test_the_scan_field_is_back_after_another_screen(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "f2", "f1")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#scan", Input)


async def test_a_code_typed_by_hand_is_not_a_burst(event_path: Path, clock: Any) -> None:
    """Typed slower than the threshold into the scan field, the code is scanned by the field's
    own Enter (the burst path is not needed and not taken)."""
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.scanner.gap = 0.01
        keys = [k for c in hoa.code for k in (c, "wait:30")]
        await pilot.press(*keys, "enter")
        assert app.screen.query_one(VerdictPanel).verdict.verdict == "admitted"
    assert attendance(event_path) == {hoa.id: "Bàn 1"}


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


async def test_a_scan_on_the_ceremony_checks_in_and_marks_nothing(
    two_honours: Path, clock: Any
) -> None:
    hoa = by_name(two_honours, "Nguyễn Thị Hoa")
    app = make_app(two_honours, desk="Bàn 1", clock=clock, screen="ceremony")
    async with app.run_test(size=(80, 24)) as pilot:
        app.scanner.gap = FAST
        await pilot.pause()
        assert app.screen.highlighted.recipient == "Nguyễn Thị Hoa"
        await pilot.press(*hoa.code, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ScanVerdict)
        assert app.screen.query_one(VerdictPanel).verdict.verdict == "admitted"
        await pilot.press("p")  # closes the verdict, and only that
        await pilot.pause()
        table = app.screen.query_one("#honours", DataTable)
        presence = str(table.get_cell_at((0, list(table.columns).index("presence"))))
    assert attendance(two_honours) == {hoa.id: "Bàn 1"}
    with Event.open(two_honours) as ev:
        assert {h.state for h in honours.all_honours(ev)} == {"planned"}
    assert presence == "có mặt"


@pytest.mark.parametrize("screen", ["delegates", "dashboard"])
async def test_a_scan_on_a_list_screen_checks_in(event_path: Path, clock: Any, screen: str) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    app = make_app(event_path, desk="Bàn 1", clock=clock, screen=screen)
    async with app.run_test(size=(80, 24)) as pilot:
        app.scanner.gap = FAST
        await pilot.pause()
        await pilot.press(*hoa.code, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ScanVerdict)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ScanVerdict)
        for field in app.screen.query(Input):  # the digits did not stay in a search field
            assert hoa.code not in field.value
    assert attendance(event_path) == {hoa.id: "Bàn 1"}


async def test_a_scan_on_the_mc_desk_is_refused_and_fires_nothing(
    event_path: Path, clock: Any
) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    with Event.open(event_path, clock=clock) as ev:
        template.seed(ev)
        before = [(i.id, i.state) for i in running.load(ev).items]
    seen: list[Any] = []
    app = make_app(event_path, desk="MC", clock=clock, screen="programme")
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        app.scanner.gap = FAST
        await pilot.pause()
        await pilot.press(*hoa.code, "enter")
        await pilot.pause()
        notes = all_notes(app)
    assert any("KHÔNG được ghi" in n for n in notes)
    assert attendance(event_path) == {}
    with Event.open(event_path, clock=clock) as ev:
        assert [(i.id, i.state) for i in running.load(ev).items] == before


async def test_a_scan_while_a_dialog_is_open_answers_nothing(event_path: Path, clock: Any) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    duc = by_name(event_path, "Trần Văn Đức")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*hoa.code, "enter")
        app.scanner.gap = FAST
        await pilot.press("ctrl+z")  # undo asks a reason
        await pilot.pause()
        await pilot.press(*duc.code, "enter")
        await pilot.pause()
        assert app.screen.query_one("#answer", Input).value == ""  # still asking
    assert attendance(event_path) == {hoa.id: "Bàn 1"}
