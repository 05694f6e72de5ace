"""Pilot tests of the ceremony screen (F4): a whole group run through with a few keys, the proxy
question, the live tally, and the same states after the console is restarted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from console.app import make_app
from data.checkin import Desk
from data.store import Event
from programme import honours
from programme.honours import HonourRow

from .conftest import by_name

BK = "Bằng khen của Chủ tịch UBND tỉnh"


@pytest.fixture
def ceremony_path(event_path: Path, clock: Any) -> Path:
    """Two groups; in "Đợt 1" four delegates (three arrived), a collective and a posthumous award."""
    rows = [
        HonourRow("Nguyễn Thị Hoa", BK, unit="Sở Y tế", group="Đợt 1"),
        HonourRow(
            "Trần Văn Đức", "Huân chương Lao động hạng Ba", unit="UBND huyện Đại Từ", group="Đợt 1"
        ),  # fmt: skip
        HonourRow(
            "Lê Thị Thúy", "Chiến sĩ thi đua cấp tỉnh", unit="Trường THCS Nha Trang", group="Đợt 1"
        ),  # fmt: skip
        HonourRow("Hoàng Văn Hòa", BK, unit="HTX chè La Bằng", group="Đợt 1"),
        HonourRow(
            "Phòng Giáo dục và Đào tạo huyện Đại Từ",
            "Cờ thi đua của UBND tỉnh",
            group="Đợt 1",
            representative="Trần Văn Đức",
        ),  # fmt: skip
        HonourRow(
            "Phạm Văn Mười", "Huân chương Chiến công hạng Ba", group="Đợt 1", posthumous=True
        ),  # fmt: skip
        HonourRow("Đặng Minh Dũng", BK, unit="Công an tỉnh", group="Đợt 2"),
    ]
    with Event.open(event_path, clock=clock, desk="Bàn 1") as ev:
        honours.save(ev, rows)
        desk = Desk(ev)
        for name in ("Nguyễn Thị Hoa", "Trần Văn Đức", "Lê Thị Thúy"):
            desk.admit(by_name(event_path, name).id)
    return event_path


def states(path: Path) -> dict[str, str]:
    with Event.open(path) as ev:
        return {h.recipient: h.state for h in honours.all_honours(ev)}


def table_names(app: Any) -> list[str]:
    return [h.recipient for h in app.screen.rows]


def text_of(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_the_group_in_calling_order_with_presence(ceremony_path: Path, clock: Any) -> None:
    app = make_app(ceremony_path, desk="MC", clock=clock, screen="ceremony")
    async with app.run_test(size=(160, 40)):
        assert type(app.screen).__name__ == "CeremonyScreen"
        assert table_names(app) == [
            "Trần Văn Đức",  # Huân chương Lao động
            "Phạm Văn Mười",  # Huân chương Chiến công (after Lao động in the law's order)
            "Lê Thị Thúy",  # Chiến sĩ thi đua cấp tỉnh, and in list order…
            "Phòng Giáo dục và Đào tạo huyện Đại Từ",  # …Cờ thi đua cấp tỉnh, same rank
            "Nguyễn Thị Hoa",  # Bằng khen, in list order
            "Hoàng Văn Hòa",
        ]
        assert "Đợt 1" in text_of(app, "#group") and "1/2" in text_of(app, "#group")
        table = app.screen.query_one("#honours")
        hoa_row = table.get_row(str(app.screen.rows[4].id))
        assert "có mặt" in str(hoa_row[2]) and "Bằng, Khung" in str(hoa_row[5])
        hoa_row = table.get_row(str(app.screen.rows[5].id))
        assert "chưa đến" in str(hoa_row[2])
        assert "Dự kiến 7" in text_of(app, "#tally")


async def test_a_whole_group_in_a_few_keys(ceremony_path: Path, clock: Any) -> None:
    app = make_app(ceremony_path, desk="MC", clock=clock, screen="ceremony")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("c")  # call Đợt 1
        assert set(states(ceremony_path).values()) == {"called", "planned"}
        await pilot.press("P")  # everyone who checked in: Đức, Thúy, Hoa
        await pilot.pause()
        after = states(ceremony_path)
        assert {n for n, s in after.items() if s == "presented"} == {
            "Nguyễn Thị Hoa",
            "Trần Văn Đức",
            "Lê Thị Thúy",
        }
        # The cursor is on the first honour still open: Phạm Văn Mười (posthumous).
        assert app.screen.highlighted.recipient == "Phạm Văn Mười"
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"Phạm Thị Lan, con gái", "enter")
        await pilot.pause()
        # On to the collective; its representative is offered when Enter is pressed empty.
        assert app.screen.highlighted.recipient.startswith("Phòng Giáo dục")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.highlighted.recipient == "Hoàng Văn Hòa"
        await pilot.press("a")
        await pilot.pause()
        assert "Đã trao 3" in text_of(app, "#tally") and "Vắng 1" in text_of(app, "#tally")
        assert "Nhận thay 2" in text_of(app, "#tally") and "Còn 1" in text_of(app, "#tally")
        await pilot.press("n")  # Đợt 2
        assert table_names(app) == ["Đặng Minh Dũng"]
        await pilot.press("enter")  # Enter marks presented too
        await pilot.pause()
        await pilot.press("t")  # the tray sheet of Đợt 2, next to the event file
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert (ceremony_path.parent / "khay-dot-2.pdf").read_bytes().startswith(b"%PDF")
    final = states(ceremony_path)
    assert final["Phạm Văn Mười"] == "proxy"
    assert final["Hoàng Văn Hòa"] == "absent"
    assert final["Đặng Minh Dũng"] == "presented"
    with Event.open(ceremony_path) as ev:
        proxies = {
            r["payload"]["recipient"]: r["payload"]["by"] for r in ev.journal_rows("honour.proxy")
        }
        desks = {r["desk"] for r in ev.journal_rows() if r["kind"].startswith("honour.")}
    assert proxies == {
        "Phạm Văn Mười": "Phạm Thị Lan, con gái",
        "Phòng Giáo dục và Đào tạo huyện Đại Từ": "Trần Văn Đức",
    }
    assert desks == {"MC"}


async def test_states_and_tally_survive_a_restart(ceremony_path: Path, clock: Any) -> None:
    app = make_app(ceremony_path, desk="MC", clock=clock, screen="ceremony")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("p", "p", "a")  # Đức and Mười presented, Thúy absent
        await pilot.pause()
        before_tally = text_of(app, "#tally")
        before = [(h.recipient, h.state) for h in app.screen.rows]
        cursor = app.screen.highlighted.recipient
    assert cursor == "Phòng Giáo dục và Đào tạo huyện Đại Từ"
    again = make_app(ceremony_path, desk="MC", clock=clock, screen="ceremony")
    async with again.run_test(size=(160, 40)) as pilot:
        assert [(h.recipient, h.state) for h in again.screen.rows] == before
        assert text_of(again, "#tally") == before_tally
        assert "Đã trao 2" in before_tally and "Vắng 1" in before_tally
        await pilot.press("u")  # a mistaken mark is put back
        await pilot.pause()
        assert again.screen.rows[0].state == "planned"


async def test_a_second_desk_marking_shows_up(ceremony_path: Path, clock: Any) -> None:
    app = make_app(ceremony_path, desk="MC", clock=clock, screen="ceremony")
    async with app.run_test(size=(160, 40)) as pilot:
        with Event.open(ceremony_path, clock=clock, desk="Bàn 2") as other:
            dung = next(h for h in honours.all_honours(other) if h.recipient == "Trần Văn Đức")
            honours.set_state(other, dung.id, honours.PRESENTED)
        for _ in range(20):  # the app polls data_version every 0.25 s
            await pilot.pause(0.1)
            if "Đã trao 1" in text_of(app, "#tally"):
                break
        assert "Đã trao 1" in text_of(app, "#tally")
        assert app.screen.rows[0].state == "presented"


async def test_no_honours_yet(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="MC", clock=clock, screen="ceremony")
    async with app.run_test(size=(120, 30)) as pilot:
        assert "daihoi import honours" in text_of(app, "#group")
        await pilot.press("c", "p", "P", "n", "o")  # nothing to do, nothing breaks
        await pilot.pause()
        assert app.screen.rows == []
