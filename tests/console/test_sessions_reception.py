"""Pilot tests of sessions and hand-outs at the reception desk (issue 17): a delegate let in
this morning is let in again once the afternoon session opens, and the verdict says which
session; a hand-out desk chosen from the console says on a second scan when it handed out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from console.app import make_app
from console.screens.pick import Pick
from console.widgets.verdict import VerdictPanel
from data import handouts, sessions
from data.checkin import Desk
from data.store import Event

from .conftest import all_notes, by_name


def verdict_text(app: Any) -> str:
    return str(app.screen.query_one(VerdictPanel).render())


async def test_readmitted_after_a_session_opens_says_the_session(
    event_path: Path, clock: Any
) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    with Event.open(event_path, clock=clock, desk="Bàn 2") as ev:
        Desk(ev).scan(hoa.code)  # this morning
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        clock.advance(seconds=10)
        await pilot.press(*hoa.code, "enter")
        panel = app.screen.query_one(VerdictPanel)
        assert panel.verdict is not None and panel.verdict.verdict == "already"
        assert "Tính cho" not in verdict_text(app)  # one session: nothing new to read
        clock.advance(hours=5)
        with Event.open(event_path, clock=clock) as ev:
            sessions.open_session(ev, "Phiên chiều")
        await pilot.press(*hoa.code, "enter")
        assert panel.verdict.verdict == "admitted"
        assert panel.verdict.session == "Phiên chiều"
        assert "Tính cho Phiên chiều" in verdict_text(app)
        await pilot.pause()
        counters = str(app.screen.query_one("#counters").render()).splitlines()
        assert counters[:2] == ["Phiên chiều", "Đã đến: 1 / 6 (16,7%)"]
    with Event.open(event_path) as ev:
        afternoon = {f.name: f.arrived for f in sessions.figures(ev)}
    assert afternoon["Phiên chiều"] == 1


async def test_a_handout_desk_chosen_on_screen_says_when_it_handed_out(
    event_path: Path, clock: Any
) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    with Event.open(event_path, clock=clock) as ev:
        handouts.add_item(ev, "Bộ tài liệu")
        handouts.add_item(ev, "Máy tính bảng", must_return=True)
    app = make_app(event_path, desk="Bàn 3", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9")
        assert isinstance(app.screen, Pick)
        labels = [label for _key, label in app.screen.options]
        assert labels == [
            "Chỉ điểm danh (không phát gì)",
            "Phát: Bộ tài liệu",
            "Phát: Máy tính bảng",
            "Thu lại: Máy tính bảng",
        ]
        await pilot.press("down", "enter")  # Phát: Bộ tài liệu
        await pilot.pause()
        assert app.checkin.handout == "Bộ tài liệu" and not app.checkin.collect
        assert "Bàn phát: Bộ tài liệu" in str(app.screen.query_one("#desk-mode").render())

        clock.advance(minutes=12)  # 07:42
        await pilot.press(*hoa.code, "enter")
        assert "PHÁT: Bộ tài liệu" in verdict_text(app)
        clock.advance(minutes=20)
        await pilot.press(*hoa.code, "enter")
        panel = app.screen.query_one(VerdictPanel)
        assert panel.verdict is not None and panel.verdict.handout is not None
        assert panel.verdict.handout.state == handouts.ALREADY
        assert "Bộ tài liệu: đã phát lúc 07:42, Bàn 3" in verdict_text(app)
    with Event.open(event_path) as ev:
        given = ev.conn.execute("select delegate_id, desk from handouts").fetchall()
        kinds = [
            k for (k,) in ev.conn.execute("select kind from journal where kind like 'handout.%'")
        ]
    assert given == [(hoa.id, "Bàn 3")]
    assert kinds.count("handout.given") == 1 and "handout.already" in kinds


async def test_a_desk_with_no_handout_list_says_how_to_make_one(
    event_path: Path, clock: Any
) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert not isinstance(app.screen, Pick)
        assert app.checkin.handout is None
        assert any("daihoi handout add" in n for n in all_notes(app))


async def test_a_collecting_desk_takes_back_what_must_return(event_path: Path, clock: Any) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    duc = by_name(event_path, "Trần Văn Đức")
    with Event.open(event_path, clock=clock, desk="Bàn 2") as ev:
        handouts.add_item(ev, "Máy tính bảng", must_return=True)
        handouts.give(ev, "Máy tính bảng", hoa.id)
    app = make_app(event_path, desk="Bàn 3", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9")
        await pilot.press("down", "down", "enter")  # Thu lại: Máy tính bảng
        await pilot.pause()
        assert app.checkin.collect and app.checkin.handout == "Máy tính bảng"
        assert "Bàn thu lại: Máy tính bảng" in str(app.screen.query_one("#desk-mode").render())
        clock.advance(minutes=5)
        await pilot.press(*hoa.code, "enter")
        assert "THU LẠI: Máy tính bảng" in verdict_text(app)
        clock.advance(minutes=5)
        await pilot.press(*duc.code, "enter")
        assert "Máy tính bảng: chưa phát cho đại biểu này" in verdict_text(app)
        await pilot.press("f9", "enter")  # admission only again
        await pilot.pause()
        assert app.checkin.handout is None
        assert not app.screen.query_one("#desk-mode").display
    with Event.open(event_path) as ev:
        assert handouts.outstanding(ev, "Máy tính bảng") == []
        assert ev.conn.execute("select returned_desk from handouts").fetchall() == [("Bàn 3",)]
