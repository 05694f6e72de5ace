"""Pilot tests of the MC screen's introduction list (issue 18) and quorum line (issue 17):
while item 2 "Tuyên bố lý do, giới thiệu đại biểu" is on stage the guests present are listed
in protocol order under their side, those not arrived apart; a guest scanned at the door joins
the list at once; ``g`` shows it on demand; the salutation line closes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from console.app import make_app
from console.screens.programme import ProgrammeScreen
from data import delegates, sessions
from data.checkin import Desk
from data.store import Event
from programme import running, template

GUEST = "Khách mời"
GUESTS: list[dict[str, Any]] = [
    {"name": "Trần Văn Bình", "category": GUEST, "protocol_rank": 2,
     "position": "Phó Chủ tịch UBND tỉnh", "side": "Về phía tỉnh"},
    {"name": "Nguyễn Văn An", "category": GUEST, "protocol_rank": 1,
     "position": "Phó Trưởng Ban Thi đua - Khen thưởng Trung ương",
     "side": "Về phía Trung ương"},
    {"name": "Lê Thị Cúc", "category": GUEST, "protocol_rank": 3,
     "position": "Chủ tịch Ủy ban MTTQ tỉnh", "side": "Về phía tỉnh"},
    {"name": "Phạm Văn Dũng", "category": "Điển hình tiên tiến", "unit": "Sở Y tế"},
    {"name": "Hoàng Thị Em", "category": "Điển hình tiên tiến", "unit": "Sở Tài chính"},
]  # fmt: skip


@pytest.fixture
def mc_event(tmp_path: Path, clock: Any) -> Path:
    """Three guests (An and Bình here, Cúc not yet), two delegates (one here), the template's
    running order with the flag salute done and item 2 on stage, a quorum of 1/2."""
    path = tmp_path / "mc.db"
    with Event.create(path, title="Đại hội (thử)", date="2025-09-20", clock=clock) as ev:
        delegates.upsert(ev, GUESTS)
        template.seed(ev)
        sessions.set_quorum(ev, "1/2")
        desk = Desk(ev)
        for person in delegates.all_delegates(ev):
            if person.name in ("Nguyễn Văn An", "Trần Văn Bình", "Phạm Văn Dũng"):
                desk.admit(person.id)
        running.start(ev)  # the flag salute
        clock.advance(minutes=5)
        running.next_item(ev)  # item 2
    return path


def shown(app: Any) -> str:
    return str(app.screen.query_one("#intro").render())


async def test_the_introduction_list_while_item_2_is_on_and_a_late_guest_joins(
    mc_event: Path, clock: Any
) -> None:
    app = make_app(mc_event, desk="MC", clock=clock, screen="programme")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen)
        assert screen.has_class("-intro")  # item 2 is on stage: the list replaces the order
        assert screen.query_one("#intro-box").display and not screen.query_one("#order").display
        text = shown(app)
        assert "2 khách mời có mặt" in text
        central = text.index("Về phía Trung ương, tôi xin trân trọng giới thiệu:")
        an = text.index("đồng chí Nguyễn Văn An, Phó Trưởng Ban Thi đua")
        province = text.index("Về phía tỉnh, tôi xin trân trọng giới thiệu:")
        binh = text.index("đồng chí Trần Văn Bình, Phó Chủ tịch UBND tỉnh")
        away = text.index("Chưa đến (1):")
        assert central < an < province < binh < away < text.index("Lê Thị Cúc")
        assert "Kính thưa đồng chí Nguyễn Văn An" in text  # the salutation line
        assert "Phạm Văn Dũng" not in text  # delegates are not introduced
        quorum = str(screen.query_one("#quorum").render())
        assert "Đại hội đủ điều kiện tiến hành: 1/2" in quorum

        with Event.open(mc_event, clock=clock, desk="Bàn 1") as ev:  # Cúc arrives late
            cuc = next(d for d in delegates.all_delegates(ev) if d.name == "Lê Thị Cúc")
            Desk(ev).admit(cuc.id)
        app.poll()  # what the app does every 0.25 s
        await pilot.pause()
        text = shown(app)
        assert "3 khách mời có mặt" in text and "Chưa đến" not in text
        assert text.index("Trần Văn Bình") < text.index("đồng chí Lê Thị Cúc, Chủ tịch")


async def test_g_shows_the_list_on_demand_and_the_next_item_brings_the_order_back(
    mc_event: Path, clock: Any
) -> None:
    app = make_app(mc_event, desk="MC", clock=clock, screen="programme")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = app.screen
        await pilot.press("g")  # hide it while item 2 is on
        assert not screen.has_class("-intro") and screen.query_one("#order").display
        await pilot.press("g")
        assert screen.has_class("-intro")
        clock.advance(minutes=10)
        await pilot.press("n")  # the opening speech: the running order again
        await pilot.pause()
        assert not screen.has_class("-intro")
        await pilot.press("g")  # on demand during another item
        assert screen.has_class("-intro")
        assert "2 khách mời có mặt" in shown(app)
