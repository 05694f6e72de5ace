"""The start screen: ``daihoi console`` with no event file creates one (its programme seeded,
its PINs shown once) or opens a recent or another one; an empty event says what to do next."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Label, OptionList

from console.app import make_app
from console.screens.recent import recent_events, remember_recent
from console.screens.start import (
    CreateEvent,
    PinsShown,
    StartApp,
    StartScreen,
    clock_time,
    iso_date,
)
from data import pins
from data.store import Event
from programme import running

from .conftest import all_notes


async def test_a_new_event_from_the_start_screen(tmp_path: Path) -> None:
    app = make_app(None, operator="Lan")
    assert isinstance(app, StartApp)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("n")
        assert isinstance(app.screen, CreateEvent)
        assert app.screen.query_one("#event-title", Input).has_focus
        await pilot.press(*"Đại hội Thi đua", "enter")
        await pilot.press(*"20/9/2025", "enter")
        app.screen.query_one("#start", Input).value = "7h30"
        app.screen.query_one("#file", Input).value = str(tmp_path / "moi.db")
        app.screen.query_one("#file", Input).focus()
        await pilot.press("enter")
        await pilot.pause()  # the worker waits on the PINs' dialog until it is closed
        assert isinstance(app.screen, PinsShown)
        shown = str(app.screen.query_one("#pins", Label).render())
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value == tmp_path / "moi.db"
    digits = [w for w in shown.replace("·", " ").split() if w.isdigit()]
    desk_pin, organizer_pin = digits
    with Event.open(tmp_path / "moi.db") as ev:
        assert (ev.info.title, ev.info.date, ev.info.start) == (
            "Đại hội Thi đua",
            "2025-09-20",
            "07:30",
        )
        assert ev.info.kind == "dai-hoi"
        assert len(running.load(ev).items) > 3  # the congress template's items
        assert pins.check_pin(ev, "desk", desk_pin)
        assert pins.check_pin(ev, "organizer", organizer_pin)
        journal = str(ev.journal_rows())
        assert desk_pin not in journal and organizer_pin not in journal  # shown once, kept hashed


async def test_an_existing_file_is_refused_and_nothing_is_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "daihoi.db"
    Event.create(target, title="Cũ").close()
    before = target.read_bytes()
    app = make_app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.press(*"Mới", "enter")
        app.screen.query_one("#file", Input).value = str(target)
        app.screen.query_one("#file", Input).focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)  # no PINs: nothing was made
        notes = all_notes(app)
        assert any(str(target) in n for n in notes)
    assert target.read_bytes() == before


async def test_recent_events_open_with_enter(tmp_path: Path) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    for path in (first, second):
        Event.create(path, title=path.stem).close()
    remember_recent(first)
    remember_recent(second)
    remember_recent(tmp_path / "gone.db")  # no longer there: not listed
    assert recent_events() == [second.resolve(), first.resolve()]
    app = make_app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        options = app.screen.query_one("#recent", OptionList)
        assert options.has_focus and options.option_count == 2
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.return_value == first.resolve()


async def test_opening_another_file_through_the_dialog(tmp_path: Path) -> None:
    other = tmp_path / "folder" / "khac.db"
    other.parent.mkdir()
    Event.create(other, title="Khác").close()
    app = make_app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        assert field.has_focus
        await pilot.press("ctrl+u", *"folder/khac.db", "enter")
        await pilot.pause()
    assert app.return_value == tmp_path / "folder" / "khac.db"


async def test_the_console_remembers_the_event_it_opened(event_path: Path) -> None:
    app = make_app(event_path, desk="Bàn 1")
    async with app.run_test(size=(100, 30)):
        pass
    assert recent_events() == [event_path.resolve()]


async def test_an_empty_event_says_what_to_do_next_with_the_key(tmp_path: Path) -> None:
    path = tmp_path / "trong.db"
    Event.create(path, title="Trống").close()
    app = make_app(path, desk="Bàn 1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notes = all_notes(app)
        assert any("ctrl+o" in n and "nhập danh sách đại biểu" in n for n in notes)


def test_dates_and_times_as_typed_here() -> None:
    assert iso_date("20/9/2025") == "2025-09-20"
    assert iso_date("2025-09-20") == "2025-09-20"
    assert iso_date("") is None
    assert iso_date("31/2/2025") == "31/2/2025"  # no such day: the event refuses it by name
    assert clock_time("7h30") == "07:30"
    assert clock_time("8h") == "08:00"
    assert clock_time("07:30") == "07:30"


async def test_enter_moves_on_from_every_field_and_the_form_fits_80x24(tmp_path: Path) -> None:
    """Enter on the kind of congress keeps the choice and moves on (the title says "Enter
    chuyển ô"), and the whole dialog, its button included, shows on a 24-line terminal."""
    app = make_app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CreateEvent)
        box = screen.query_one(".box").region
        assert box.y >= 0 and box.bottom <= 24, box
        button = screen.query_one("#create").region
        assert box.contains_region(button), (box, button)
        await pilot.press(*"Hội nghị điển hình", "enter", *"1/10/2025", "enter", "enter")
        assert app.focused is screen.query_one("#kind")
        await pilot.press("down", "enter")  # Hội nghị, and on to the file
        assert app.focused is screen.query_one("#file", Input)
        screen.query_one("#file", Input).value = str(tmp_path / "hn.db")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PinsShown)
        await pilot.press("enter")
        await pilot.pause()
    with Event.open(tmp_path / "hn.db") as ev:
        assert ev.info.kind == "hoi-nghi" and ev.info.date == "2025-10-01"
