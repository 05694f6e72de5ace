"""Pilot tests of the reception desk, one per user flow: scan, repeat, search-and-admit,
undo, walk-in, and a second desk's check-in showing up in this desk's counters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Label

from console.app import make_app
from console.i18n import set_lang
from console.widgets.delegate_table import DelegateTable
from console.widgets.verdict import VerdictPanel
from data import codes
from data.checkin import Desk
from data.store import Event

from .conftest import by_name


def verdict_of(app: Any) -> VerdictPanel:
    return app.screen.query_one(VerdictPanel)


def attendance(path: Path) -> dict[int, str]:
    with Event.open(path) as ev:
        return dict(ev.conn.execute("select delegate_id, desk from attendance"))


async def test_scan_admits_and_commits_before_showing(event_path: Path, clock: Any) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*hoa.code, "enter")
        panel = verdict_of(app)
        assert panel.verdict is not None and panel.verdict.verdict == "admitted"
        assert panel.has_class("-admitted")
        assert "Nguyễn Thị Hoa" in str(panel.render())
        assert attendance(event_path) == {hoa.id: "Bàn 1"}
        assert app.screen.query_one("#scan").value == ""
        assert app.focused is app.screen.query_one("#scan")


async def test_each_rejection_is_shown_in_red(event_path: Path, clock: Any) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    duc = by_name(event_path, "Trần Văn Đức")
    with Event.open(event_path, clock=clock) as ev:
        codes.reissue(ev, duc.id, reason="mất thẻ")
        ev.conn.execute("update delegates set status = 'withdrawn' where name = 'Hoàng Văn Hòa'")
    hoa_forged = hoa.code[:-1] + str((int(hoa.code[-1]) + 1) % 10)
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*hoa_forged, "enter")
        assert verdict_of(app).verdict.verdict == "invalid"
        assert verdict_of(app).has_class("-rejected")
        clock.advance(seconds=5)
        await pilot.press(*duc.code, "enter")
        assert verdict_of(app).verdict.verdict == "revoked"
        assert "được in lại lúc 07:30" in str(verdict_of(app).render())
    assert attendance(event_path) == {}


async def test_unknown_and_already(event_path: Path, clock: Any) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    hoang = by_name(event_path, "Hoàng Văn Hòa")
    with Event.open(event_path, clock=clock, desk="Bàn 2") as ev:
        Desk(ev).scan(hoa.code)
        ev.conn.execute("update delegates set status = 'withdrawn' where id = ?", (hoang.id,))
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*hoa.code, "enter")
        panel = verdict_of(app)
        assert panel.verdict.verdict == "already"
        assert panel.has_class("-already")
        assert "Bàn 2" in str(panel.render())
        clock.advance(seconds=5)
        await pilot.press(*hoang.code, "enter")
        assert verdict_of(app).verdict.verdict == "unknown"


async def test_repeat_within_three_seconds_is_one_scan(event_path: Path, clock: Any) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*hoa.code, "enter")
        clock.advance(seconds=2)
        await pilot.press(*hoa.code, "enter")
        assert verdict_of(app).verdict.verdict == "admitted"
        assert verdict_of(app).verdict.repeat
        clock.advance(seconds=4)
        await pilot.press(*hoa.code, "enter")
        assert verdict_of(app).verdict.verdict == "already"
    with Event.open(event_path) as ev:
        kinds = [r["kind"] for r in ev.journal_rows() if r["kind"] in ("checkin", "scan.already")]
    assert kinds == ["checkin", "scan.already"]


async def test_search_by_name_and_admit_with_enter(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*"hoa")
        table = app.screen.query_one("#results", DelegateTable)
        assert table.display
        names = [d.name for d in table.shown]
        assert names[0] == "Nguyễn Thị Hoa"  # given name Hoa first, then "Hòa"
        assert "Hoàng Văn Hòa" in names
        await pilot.press("down", "enter")  # several match: Enter moves into the list
        assert attendance(event_path) == {}
        assert app.focused is table
        await pilot.press("enter")  # who exactly? name, unit, delegation, birth year
        await pilot.pause()
        question = str(app.screen.query_one("#question", Label).render())
        assert "HTX chè La Bằng" in question and "1990" in question
        await pilot.press("c")
        await pilot.pause()
        assert verdict_of(app).verdict.verdict == "admitted"
        assert verdict_of(app).verdict.delegate.name == names[1]
    assert list(attendance(event_path)) == [by_name(event_path, names[1]).id]


async def test_a_few_letters_and_enter_admit_nobody(event_path: Path, clock: Any) -> None:
    """ "ng" matches several delegates: Enter moves into the list, Enter there asks first, and
    the answer that Enter gives is no."""
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"ng", "enter")
        table = app.screen.query_one("#results", DelegateTable)
        assert len(table.shown) > 1
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # on the confirmation: No
        await pilot.pause()
        assert app.focused is table
        await pilot.press("a")  # a letter in the list goes back to the search
        assert app.focused is app.screen.query_one("#scan")
        assert app.screen.query_one("#scan").value == "nga"
    assert attendance(event_path) == {}


async def test_one_match_and_enter_admits(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"kdam", "enter")
        assert verdict_of(app).verdict.delegate.name == "Y Thanh Hà Niê Kđăm"
    assert list(attendance(event_path)) == [by_name(event_path, "Y Thanh Hà Niê Kđăm").id]


async def test_undo_asks_a_reason_and_journals_it(event_path: Path, clock: Any) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*hoa.code, "enter")
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press(*"nham nguoi", "enter")
        await pilot.pause()
    assert attendance(event_path) == {}
    with Event.open(event_path) as ev:
        undo = ev.journal_rows("checkin.undo")
    assert len(undo) == 1
    assert undo[0]["payload"]["reason"] == "nham nguoi"
    assert undo[0]["desk"] == "Bàn 1"


@pytest.mark.parametrize("other", ["Bàn 2", "Bàn 1"])
async def test_undo_of_another_desks_checkin_needs_confirmation(
    event_path: Path, clock: Any, other: str
) -> None:
    """Another desk's check-in, or one made under this desk's own name by another process:
    desk names are self-declared, so only this session's check-ins are undone without asking."""
    duc = by_name(event_path, "Trần Văn Đức")
    with Event.open(event_path, clock=clock, desk=other) as ev:
        Desk(ev).admit(duc.id)
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*"duc")
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press(*"sai ban", "enter")
        await pilot.pause()
        assert attendance(event_path) == {duc.id: other}  # not yet: a confirmation is asked
        question = str(app.screen.query_one(Label).render())
        assert f"ở {other} lúc 07:30," in question  # the time of day, not the stored stamp
        assert "không phải trong phiên làm việc này" in question
        await pilot.press("n")
        await pilot.pause()
        assert attendance(event_path) == {duc.id: other}
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press(*"sai ban", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert attendance(event_path) == {}


async def test_walkin_request_adds_nobody(event_path: Path, clock: Any) -> None:
    duc = by_name(event_path, "Trần Văn Đức")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*"duc")
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press(*"Phạm Văn Nam", "enter", *"UBND huyện Đại Từ", "enter", "space", "tab")
        await pilot.press(*"đi thay", "enter")
        await pilot.pause()
    with Event.open(event_path) as ev:
        rows = ev.conn.execute(
            "select name, unit, substitute_for, state, desk from walkins"
        ).fetchall()
        count = ev.conn.execute("select count(*) from delegates").fetchone()[0]
    assert rows == [("Phạm Văn Nam", "UBND huyện Đại Từ", duc.id, "pending", "Bàn 1")]
    assert count == 6


async def test_another_desks_checkin_updates_the_counters(event_path: Path, clock: Any) -> None:
    thuy = by_name(event_path, "Lê Thị Thúy")
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*hoa.code, "enter")
        counters = app.screen.query_one("#counters")
        assert "1 / 6 (16,7%)" in str(counters.render())
        with Event.open(event_path, clock=clock, desk="Bàn 2") as other:
            Desk(other).scan(thuy.code)
        for _ in range(20):  # the app polls data_version every 0.25 s
            await pilot.pause(0.1)
            if "2 / 6" in str(counters.render()):
                break
        assert "2 / 6" in str(counters.render())


async def test_undo_of_another_desk_asks_the_organizer_pin_when_one_is_set(
    event_path: Path, clock: Any
) -> None:
    from data import pins

    duc = by_name(event_path, "Trần Văn Đức")
    with Event.open(event_path, clock=clock, desk="Bàn 2") as ev:
        pins.set_pin(ev, "organizer", "8642")
        Desk(ev).admit(duc.id)
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*"duc", "ctrl+z")
        await pilot.pause()
        await pilot.press(*"sai ban", "enter")
        await pilot.pause()
        await pilot.press("y")  # yes, another desk's check-in
        await pilot.pause()
        assert type(app.screen).__name__ == "OrganizerPin"
        await pilot.press(*"1111", "enter")  # a wrong PIN changes nothing
        await pilot.pause()
        assert type(app.screen).__name__ == "OrganizerPin"
        assert attendance(event_path) == {duc.id: "Bàn 2"}
        await pilot.press(*"8642", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert attendance(event_path) == {}
    with Event.open(event_path) as ev:
        [undo] = ev.journal_rows("checkin.undo")
    assert (undo["desk"], undo["payload"]["desk_of_checkin"]) == ("Bàn 1", "Bàn 2")


async def test_locked_console_shows_no_delegate_until_the_desk_pin(
    event_path: Path, clock: Any
) -> None:
    from data import pins

    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    with Event.open(event_path, clock=clock) as ev:
        pins.set_pin(ev, "desk", "2468")
    app = make_app(event_path, desk="Bàn 1", clock=clock, require_pin=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "DeskPinScreen"
        await pilot.press("f2")  # no way round the PIN screen
        await pilot.press(*hoa.code, "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "DeskPinScreen"
        assert "Nguyễn" not in str(app.screen.query_one("#error").render())
        await pilot.press(*"2468", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReceptionScreen"
        await pilot.press(*hoa.code, "enter")
        assert verdict_of(app).verdict.verdict == "admitted"
    assert attendance(event_path) == {hoa.id: "Bàn 1"}


async def test_rolling_backup_from_the_console(
    event_path: Path, clock: Any, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    app = make_app(event_path, desk="Bàn 1", clock=clock, backup_dir=usb, backup_every=10)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*hoa.code, "enter")
        app.rolling_backup()  # what the 10-minute timer calls
        await app.workers.wait_for_complete()
        assert app.screen.query_one("#scan").value == ""  # the desk kept working
    [made] = list(usb.iterdir())
    assert oct(made.stat().st_mode & 0o777) == "0o600"
    with Event.open(made) as copy:
        assert copy.conn.execute("select count(*) from attendance").fetchone()[0] == 1


async def test_each_rejection_verdict_text(event_path: Path, clock: Any) -> None:
    """Invalid, revoked and unknown each say what happened, in red, and admit nobody."""
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    hoang = by_name(event_path, "Hoàng Văn Hòa")
    with Event.open(event_path, clock=clock) as ev:
        codes.reissue(ev, hoa.id, reason="mất thẻ")
        ev.conn.execute("update delegates set status = 'withdrawn' where id = ?", (hoang.id,))
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        seen = {}
        for typed in ("123 456 789 012 345 678", hoa.code, hoang.code):
            clock.advance(seconds=5)
            await pilot.press(*typed, "enter")
            panel = verdict_of(app)
            assert panel.has_class("-rejected")
            seen[panel.verdict.verdict] = str(panel.render())
    assert set(seen) == {"invalid", "revoked", "unknown"}
    assert "KHÔNG HỢP LỆ" in seen["invalid"]
    assert "THU HỒI" in seen["revoked"]
    assert "KHÔNG CÓ TRONG DANH SÁCH" in seen["unknown"]
    assert attendance(event_path) == {}


async def test_organizers_approve_a_walkin_with_their_pin_and_it_scans(
    event_path: Path, clock: Any
) -> None:
    from data import pins
    from data.checkin import get_walkin, request_walkin

    with Event.open(event_path, clock=clock, desk="Bàn 2") as ev:
        pins.set_pin(ev, "organizer", "8642")
        guest = request_walkin(ev, name="Phạm Văn Nam", unit="Báo Thái Nguyên")
        other = request_walkin(ev, name="Vũ Thị Lan", unit="Sở Nội vụ")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        assert type(app.screen).__name__ == "OrganizerPin"
        await pilot.press(*"8642", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "PickWalkIn"
        await pilot.press("enter")  # the first request: approve
        await pilot.pause()
        assert type(app.screen).__name__ == "Confirm"  # print the badge now? (see F7 tests)
        await pilot.press("k")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "ReceptionScreen"
        with Event.open(event_path) as ev:
            nam = get_walkin(ev, guest.id)
            assert nam.state == "approved" and nam.delegate_id is not None
        code = by_name(event_path, "Phạm Văn Nam").code
        await pilot.press(*code, "enter")
        assert verdict_of(app).verdict.verdict == "admitted"
        await pilot.press("f8")  # within the organizer grace: no PIN asked again
        await pilot.pause()
        assert type(app.screen).__name__ == "PickWalkIn"
        await pilot.press("x")  # reject the remaining request
        await app.workers.wait_for_complete()
        await pilot.pause()
    with Event.open(event_path) as ev:
        assert get_walkin(ev, other.id).state == "rejected"
        assert ev.conn.execute("select count(*) from delegates").fetchone()[0] == 7


async def test_an_honouree_hears_their_group_even_on_a_small_terminal(
    event_path: Path, clock: Any
) -> None:
    from programme import honours

    duc = by_name(event_path, "Trần Văn Đức")
    with Event.open(event_path, clock=clock) as ev:
        honours.add(
            ev,
            honours.HonourRow(
                recipient="Trần Văn Đức",
                unit="UBND huyện Đại Từ",
                form="Huân chương Lao động hạng Ba",
                group="Đợt 1",
            ),
        )
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*duc.code, "enter")
        await pilot.pause()
        assert verdict_of(app).verdict.notes == (
            "Nhận khen thưởng: Huân chương Lao động hạng Ba — Đợt 1",
        )
        # On the screen, not only in the widget: the panel grows to show the note.
        screen_text = app.export_screenshot().replace("&#160;", " ")
        assert "Đợt 1" in screen_text and "Huân chương" in screen_text


async def test_the_counter_writes_its_decimal_sign_in_the_desks_language(
    event_path: Path, clock: Any
) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    app = make_app(event_path, desk="Bàn 1", clock=clock, lang="en")
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press(*hoa.code, "enter")
            await pilot.pause()
            assert "Arrived: 1 / 6 (16.7%)" in str(app.screen.query_one("#counters").render())
    finally:
        set_lang("vi")
