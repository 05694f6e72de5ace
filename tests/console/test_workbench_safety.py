"""Pilot tests of keeping the event safe from the app (ctrl+s): a backup now and on a
schedule, a desk copy merged back after its preview, a PIN changed with the organizer PIN."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Button, Input, Select, Static

from console.app import make_app
from console.screens.safety import SafetyScreen
from data import pins, replicas
from data.checkin import Desk
from data.delegates import all_delegates
from data.store import Event

from .conftest import all_notes


async def settle(pilot: Any, app: Any) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def test_backup_now_and_on_a_schedule(event_path: Path, clock: Any, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SafetyScreen)
        screen.query_one("#folder", Input).value = str(usb)
        await pilot.press("ctrl+n")
        await settle(pilot, app)
        (made,) = usb.glob("event-backup-*.db")
        with Event.open(made, readonly=True) as copy:
            assert len(all_delegates(copy)) == 6
        screen.query_one("#every", Input).value = "5"
        clock.advance(seconds=1)  # the next backup's name
        screen.query_one("#schedule", Button).press()
        await settle(pilot, app)
        assert app.backup_dir == usb and app.backup_every == 5
        assert len(list(usb.glob("event-backup-*.db"))) == 2  # the first one at once
        assert "5 phút" in str(screen.query_one("#backup-state", Static).render())


async def test_merge_a_desk_copy_with_its_preview(
    event_path: Path, clock: Any, tmp_path: Path
) -> None:
    copy_path = tmp_path / "ban2.db"
    with Event.open(event_path, clock=clock) as ev:
        pins.set_pin(ev, "organizer", "2468")
        replicas.clone(ev, "Bàn 2", copy_path)
        people = all_delegates(ev)
    with Event.open(copy_path, clock=clock, desk="Bàn 2") as copy:
        Desk(copy).scan(people[0].code or "")
        Desk(copy).scan(people[1].code or "")
    with Event.open(event_path, clock=clock, desk="Bàn 1") as ev:
        clock.advance(seconds=30)
        Desk(ev).scan(people[0].code or "")  # also at the main desk, later: a duplicate
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        merge = screen.query_one("#merge", Button)
        screen.query_one("#merge-path", Input).value = str(copy_path)
        await pilot.pause()
        assert merge.disabled  # preview first
        screen.query_one("#preview", Button).press()
        await settle(pilot, app)
        shown = str(screen.query_one("#merge-state", Static).render())
        assert "2 điểm danh" in shown and "1 trùng" in shown, shown
        with Event.open(event_path, readonly=True) as ev:  # the preview kept nothing
            assert ev.journal_rows("desk.merged") == []
        assert not merge.disabled
        merge.press()
        await pilot.pause()
        await pilot.press(*"2468", "enter")
        await settle(pilot, app)
    with Event.open(event_path, readonly=True) as ev:
        (row,) = ev.journal_rows("desk.merged")
        assert row["payload"]["checkins"] == 2 and row["payload"]["duplicates"] == 1


async def test_change_a_pin_with_the_organizer_pin(event_path: Path, clock: Any) -> None:
    with Event.open(event_path) as ev:
        pins.set_pin(ev, "organizer", "2468")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#pin-kind", Select).value = "desk"
        screen.query_one("#pin-new", Input).value = "1357"
        screen.query_one("#pin-again", Input).value = "1358"
        screen.query_one("#set-pin", Button).press()
        await settle(pilot, app)
        assert any("không giống nhau" in n for n in notes), notes
        screen.query_one("#pin-again", Input).value = "1357"
        screen.query_one("#set-pin", Button).press()
        await pilot.pause()
        await pilot.press(*"0000", "enter")  # a wrong organizer PIN: asked again
        await pilot.pause()
        with Event.open(event_path) as ev:
            assert not pins.has_pin(ev, "desk")
        await pilot.press(*"2468", "enter")
        await settle(pilot, app)
        assert "PIN bàn: đã đặt" in str(screen.query_one("#pin-state", Static).render())
    with Event.open(event_path) as ev:
        assert pins.check_pin(ev, "desk", "1357")
        assert [r["payload"]["kind"] for r in ev.journal_rows("pin.set")][-1] == "desk"


async def palette(pilot: Any, words: str) -> None:
    """Run the palette's best hit for ``words``."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause()


async def test_desk_copy_with_enter_and_the_palette(event_path: Path, clock: Any) -> None:
    """The desk name is filled in (not a grey placeholder), Enter makes the copy, an empty
    field says what is missing, the palette makes it too, and the message says to merge it
    back from this screen, not from the command line."""
    with Event.open(event_path) as ev:
        pins.set_pin(ev, "organizer", "2468")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await palette(pilot, "tao ban sao")
        screen = app.screen
        assert isinstance(screen, SafetyScreen)
        desk = screen.query_one("#desk", Input)
        assert app.focused is desk and desk.value == "Bàn 2"
        made = event_path.with_name(f"{event_path.stem}-ban-2.db")
        assert screen.query_one("#copy-path", Input).value == str(made)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"2468", "enter")
        await settle(pilot, app)
        assert made.exists()
        said = notes[-1]
        assert "ctrl+s" in said and "daihoi merge" not in said, said
        assert screen.query_one("#merge-path", Input).value == str(made)

        desk.value = ""
        await pilot.pause()
        desk.focus()
        await pilot.press("enter")
        await settle(pilot, app)
        assert "Chưa có tên bàn" in notes[-1], notes
        desk.value = "Bàn 2"
        await pilot.pause()
        await pilot.press("enter")  # the same file again: refused before asking anything
        await settle(pilot, app)
        assert "không ghi đè" in notes[-1], notes

        desk.value = "Bàn 3"
        await pilot.pause()
        await palette(pilot, "tao ban sao")  # on this screen, the palette makes it
        await settle(pilot, app)  # within the PIN's grace: not asked again
        assert event_path.with_name(f"{event_path.stem}-ban-3.db").exists()
    with Event.open(event_path, readonly=True) as ev:
        assert [r["payload"]["desk"] for r in ev.journal_rows("desk.cloned")] == ["Bàn 2", "Bàn 3"]


async def test_the_screen_keys_leave_the_safety_screen(event_path: Path, clock: Any) -> None:
    """F1 over the safety screen (opened from reception) goes back to reception, F2 elsewhere."""
    from console.screens.reception import ReceptionScreen

    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, ReceptionScreen)


async def test_the_palettes_back_up_now_backs_up_at_once(event_path: Path, clock: Any) -> None:
    """ "Sao lưu ngay" in the palette makes the backup (after the organizer PIN) where the
    organizer is, instead of opening the safety screen; another entry opens that screen."""
    with Event.open(event_path) as ev:
        pins.set_pin(ev, "organizer", "2468")
    folder = event_path.with_name("event-saoluu")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        before = type(app.screen)
        await palette(pilot, "sao luu ngay")
        assert not isinstance(app.screen, SafetyScreen)  # the PIN asked over where it was
        assert not list(folder.glob("*.db"))  # nothing before the PIN
        await pilot.press(*"2468", "enter")
        await settle(pilot, app)
        (made,) = folder.glob("event-backup-*.db")
        with Event.open(made, readonly=True) as copy:
            assert len(all_delegates(copy)) == 6
        assert type(app.screen) is before and not isinstance(app.screen, SafetyScreen)
        notes = all_notes(app)
        assert any("Đã sao lưu" in n and made.name in n for n in notes), notes

        await palette(pilot, "man hinh sao luu")
        assert isinstance(app.screen, SafetyScreen)
