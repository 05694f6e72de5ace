"""A file the console writes can fail (a full disk, a write-protected USB stick): the desk gets a
message naming the file and the reason, and the app keeps running with its scan field."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from console.app import make_app
from data import pins
from data.store import Event

from .conftest import by_name


def disk_full(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device", "/media/usb/bao-cao.xlsx")


async def test_a_report_that_cannot_be_written_is_reported(
    event_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("data.export.export", disk_full)
    app = make_app(event_path, desk="Bàn 1", clock=clock, screen="dashboard")
    notes: list[str] = []
    async with app.run_test(size=(140, 40)) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("x")
        await pilot.pause()
        from console.screens.dashboard import EXPORT_KINDS

        await pilot.press(*["down"] * EXPORT_KINDS.index("attendance"), "enter")  # .xlsx
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert notes == [
            "Không ghi được /media/usb/bao-cao.xlsx: No space left on device. "
            "Kiểm tra ổ đĩa (còn chỗ trống, không bị khoá ghi)."
        ]
        await pilot.press("f1")  # the desk carries on
        await pilot.pause()
        assert app.screen.query_one("#scan", Input).has_focus


async def test_a_reprint_that_cannot_be_written_is_reported(
    event_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("badges.build.reprint_one", disk_full)
    by_name(event_path, "Trần Văn Đức")
    with Event.open(event_path) as ev:
        pins.set_pin(ev, "organizer", "2468")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press(*"tran duc", "f7", "y")
        await pilot.pause()
        await pilot.press(*"2468", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert any("Không ghi được /media/usb/bao-cao.xlsx: No space left" in n for n in notes), (
            notes
        )
        assert app.screen.query_one("#scan", Input).has_focus


async def test_a_desk_whose_wal_vanishes_says_so_over_every_screen_and_scans_no_more(
    event_path: Path, clock: Any
) -> None:
    from console.screens.modals import Stopped
    from data import codes

    with Event.open(event_path) as ev:
        (first, code1, _), (second, code2, _) = codes.current_codes(ev)[:2]
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*code1, "enter")
        await pilot.pause()
        app.event.wal_path.unlink()  # someone tidies the folder while the desk runs
        app.poll()  # the next tick of the desk's poll
        await pilot.pause()
        assert isinstance(app.screen, Stopped)
        shown = str(app.screen.query_one("#stopped").render())
        assert "BÀN NÀY ĐÃ NGỪNG GHI" in shown and str(app.event.stopped) in shown
        await pilot.press(*code2, "enter", "escape", "f2")  # nothing gets past it
        await pilot.pause()
        assert isinstance(app.screen, Stopped)
        rescue = app.event.stopped
    assert rescue is not None
    with Event.open(rescue, readonly=True) as saved:
        assert saved.conn.execute("select delegate_id from attendance").fetchall() == [(first,)]
