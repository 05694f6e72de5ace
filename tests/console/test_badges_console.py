"""Pilot test of the reception desk's reprint key (F7): organizer PIN, a new badge version, the
old one revoked, a PDF next to the event file that decodes to the new code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from console.app import make_app
from data import pins
from data.checkin import ADMITTED, REVOKED, Desk
from data.store import Event

from ..badges.conftest import decode_pdf
from .conftest import by_name


@pytest.fixture(autouse=True)
def no_printer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never print: the desk has no default printer."""
    monkeypatch.setattr("badges.printing.default_printer", lambda: None)


async def test_f7_reprints_the_highlighted_delegate(event_path: Path, clock: Any) -> None:
    duc = by_name(event_path, "Trần Văn Đức")
    with Event.open(event_path) as ev:
        pins.set_pin(ev, "organizer", "2468")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press(*"tran duc")
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("y")  # yes, revoke the old badge
        await pilot.pause()
        await pilot.press(*"2468", "enter")  # the organizer PIN
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    folder = event_path.with_name("event-the")
    (pdf,) = folder.glob("*.pdf")
    assert pdf.name == f"{duc.id:04d}-tran-van-duc-v2.pdf"
    (new,) = decode_pdf(pdf)[0]
    assert new != duc.code
    assert any("Không có máy in mặc định" in n and str(pdf) in n for n in notes), notes
    with Event.open(event_path, desk="Bàn 2") as ev:
        assert Desk(ev).scan(duc.code).verdict == REVOKED
        assert Desk(ev).scan(new).verdict == ADMITTED
        (row,) = ev.journal_rows("badge.reissued")
        assert row["payload"]["delegate_id"] == duc.id and row["desk"] == "Bàn 1"


async def test_an_approved_walkin_is_offered_a_badge(event_path: Path, clock: Any) -> None:
    """The person stands at the desk: after F8 approves them, one key prints their badge
    (the code they were given, not a new version)."""
    from data.checkin import get_walkin, request_walkin

    with Event.open(event_path, clock=clock, desk="Bàn 2") as ev:
        pins.set_pin(ev, "organizer", "2468")
        guest = request_walkin(ev, name="Phạm Văn Nam", unit="Báo Thái Nguyên")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("f8", *"2468", "enter")
        await pilot.pause()
        await pilot.press("enter")  # approve the request
        await pilot.pause()
        assert type(app.screen).__name__ == "Confirm"
        await pilot.press("c")  # yes, print it
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    with Event.open(event_path) as ev:
        nam = get_walkin(ev, guest.id)
    code = by_name(event_path, "Phạm Văn Nam").code
    (pdf,) = event_path.with_name("event-the").glob("*.pdf")
    assert pdf.name == f"{nam.delegate_id:04d}-pham-van-nam-v1.pdf"
    assert decode_pdf(pdf)[0] == [code]
    assert any("Không có máy in mặc định" in n and str(pdf) in n for n in notes), notes
    with Event.open(event_path, desk="Bàn 2") as ev:
        assert Desk(ev).scan(code).verdict == ADMITTED


async def test_f7_without_a_delegate_or_with_a_wrong_pin_changes_nothing(
    event_path: Path, clock: Any
) -> None:
    with Event.open(event_path) as ev:
        pins.set_pin(ev, "organizer", "2468")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f7")  # nothing chosen: a warning, no dialog
        await pilot.pause()
        assert not app.screen.is_modal
        await pilot.press(*"hoa", "f7", "y")
        await pilot.pause()
        await pilot.press("escape")  # no PIN: cancel
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert not event_path.with_name("event-the").exists()
    with Event.open(event_path) as ev:
        assert ev.journal_rows("badge.reissued") == []
