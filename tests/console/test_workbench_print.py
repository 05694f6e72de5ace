"""Pilot tests of printing badges from the app (ctrl+b): all badges, then only the new ones
(none left), a changed delegate found as changed, the warning before printing twice, the
printer chosen from CUPS, and the palette finding every action without accents."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, RadioSet, Select, Static

from console.app import make_app
from console.screens.printing import PrintScreen
from data import delegates, pins, printed
from data.store import Event

from ..badges.conftest import decode_pdf
from .conftest import PEOPLE


def fake_cups(folder: Path, *, printers: str = "Brother_QL_800\nHP_LaserJet\n") -> Path:
    """``lp`` and ``lpstat`` as small scripts: lpstat lists ``printers``, lp appends its
    arguments to ``lp.log`` (a real subprocess call, no printer needed)."""
    folder.mkdir(exist_ok=True)
    log = folder / "lp.log"
    scripts = {
        "lpstat": f"""#!/bin/sh
case "$1" in
  -e) printf '{printers}' ;;
  -d) echo "system default destination: HP_LaserJet" ;;
  *) exit 1 ;;
esac
""",
        "lp": f"""#!/bin/sh
echo "$@" >> {log}
echo "request id is HP_LaserJet-7 (1 file(s))"
""",
    }
    for name, body in scripts.items():
        path = folder / name
        path.write_text(body)
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return log


@pytest.fixture
def no_cups(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A computer without CUPS: no lp, no lpstat on the PATH."""
    empty = tmp_path / "no-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


async def settle(pilot: Any, app: Any) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def test_print_all_then_only_new_then_changed(
    event_path: Path, clock: Any, no_cups: None
) -> None:
    with Event.open(event_path) as ev:
        pins.set_pin(ev, "organizer", "2468")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("ctrl+b")
        await settle(pilot, app)  # the count is made in a worker
        screen = app.screen
        assert isinstance(screen, PrintScreen)
        count = str(screen.query_one("#count", Static).render())
        assert "6 thẻ, 2 trang" in count and "đã in trước" not in count
        sheet = screen.query_one("#sheet", DataTable)
        assert sheet.row_count == 4  # the first A6 sheet holds four badges
        first = [str(sheet.get_cell_at((0, c))) for c in (0, 1, 2, 3)]
        assert first == ["1", "Trần Văn Đức", "Đoàn huyện Đại Từ", "chưa in"]  # print order
        assert str(screen.query_one("#printer", Select).value) == str(Select.NULL)
        await pilot.press("ctrl+r")  # write and print: no CUPS here
        await pilot.pause()
        await pilot.press(*"2468", "enter")
        await settle(pilot, app)
        (pdf,) = event_path.parent.glob("event-the-all-*.pdf")
        codes = sorted(c for page in decode_pdf(pdf) for c in page)
        with Event.open(event_path) as ev:
            everyone = delegates.all_delegates(ev)
            assert codes == sorted(d.code or "" for d in everyone)
            assert set(printed.history(ev)) == {d.id for d in everyone}
            (row,) = ev.journal_rows("badge.printed")
            assert row["desk"] == "Bàn 1" and row["payload"]["file"] == pdf.name
        assert any("Đã ghi 6 thẻ" in n for n in notes), notes
        assert any("không có CUPS" in n and str(pdf) in n for n in notes), notes

        # only the new ones: none left, nothing written
        screen.query_one("#only", RadioSet).query("RadioButton")[2].value = True
        await settle(pilot, app)
        assert "Không có thẻ nào chưa in" in str(screen.query_one("#count", Static).render())
        before = set(event_path.parent.glob("*.pdf"))
        await pilot.press("ctrl+w")
        await settle(pilot, app)
        assert set(event_path.parent.glob("*.pdf")) == before

        # a delegate changes seat: "changed" finds her, and printing warns she was printed
        with Event.open(event_path) as ev:
            moved = [dict(p) for p in PEOPLE]
            moved[0]["seat"] = "A09"
            delegates.upsert(ev, moved)
        screen.query_one("#only", RadioSet).query("RadioButton")[3].value = True
        await settle(pilot, app)
        count = str(screen.query_one("#count", Static).render())
        assert "1 thẻ, 1 trang" in count and "đã in trước đó" in count
        assert str(sheet.get_cell_at((0, 1))) == "Nguyễn Thị Hoa"
        assert sheet.get_cell_at((0, 3)) == "đã đổi"
        await pilot.press("ctrl+w")
        await pilot.pause()
        await pilot.press("c")  # yes, print it again (the organizer PIN holds for 5 minutes)
        await settle(pilot, app)
        (changed,) = event_path.parent.glob("event-the-changed-*.pdf")
        with Event.open(event_path) as ev:
            hoa = next(d for d in delegates.all_delegates(ev) if d.name == "Nguyễn Thị Hoa")
            assert decode_pdf(changed) == [[hoa.code]]
            assert printed.history(ev)[hoa.id].times == 2
            assert len(ev.journal_rows("badge.printed")) == 2


async def test_the_reprint_warning_can_be_declined(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+b")
        await pilot.press("ctrl+w")
        await settle(pilot, app)
        first = set(event_path.parent.glob("*.pdf"))
        assert len(first) == 1
        clock.advance(minutes=2)  # another file name
        await pilot.press("ctrl+w")
        await pilot.pause()
        await pilot.press("k")  # no: do not print the six again
        await settle(pilot, app)
        assert set(event_path.parent.glob("*.pdf")) == first
    with Event.open(event_path) as ev:
        assert len(ev.journal_rows("badge.printed")) == 1


async def test_printer_from_lpstat_and_sent_with_lp(
    event_path: Path, clock: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = fake_cups(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("ctrl+b")
        await settle(pilot, app)  # lpstat answers in a worker
        printer = app.screen.query_one("#printer", Select)
        assert printer.value == "HP_LaserJet"  # the default first
        printer.value = "Brother_QL_800"
        await pilot.pause()
        await pilot.press("ctrl+r")
        await settle(pilot, app)
    (pdf,) = event_path.parent.glob("event-the-all-*.pdf")
    assert log.read_text().split() == ["-d", "Brother_QL_800", str(pdf)]
    assert any("Brother_QL_800" in n and "HP_LaserJet-7" in n for n in notes), notes


async def test_palette_finds_printing_without_accents(event_path: Path, clock: Any) -> None:
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"in the")
        await pilot.pause(0.5)
        from textual.command import CommandList

        found = app.screen.query_one(CommandList)
        labels = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert any("In thẻ đại biểu" in label and "ctrl+b" in label for label in labels), labels
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrintScreen)
