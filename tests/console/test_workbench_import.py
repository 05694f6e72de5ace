"""Importing from the app: a file chosen, its preview (nothing written), Enter with the
organizer PIN imports, Escape changes nothing; a header the importer does not know is mapped
on the preview and remembered for the next list of that layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from textual.command import CommandInput
from textual.widgets import DataTable, Input

from console.app import make_app
from console.screens.files import FileDialog
from console.screens.importing import FieldPicker, ImportPreview
from data import delegates, layouts, pins
from data.store import Event
from data.synthetic import DEMO_LIST

from .conftest import all_notes


def xlsx(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def empty_event(tmp_path: Path, pin: str | None = None) -> Path:
    path = tmp_path / "trong.db"
    with Event.create(path, title="Đại hội (thử)", date="2025-09-20") as ev:
        if pin:
            pins.set_pin(ev, "organizer", pin)
    return path


def state(path: Path) -> tuple[int, int]:
    with Event.open(path) as ev:
        return delegates.count(ev), len(ev.journal_rows())


async def open_preview(app: Any, pilot: Any, list_path: Path) -> ImportPreview:
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(app.screen, FileDialog)
    field = app.screen.query_one("#path", Input)
    assert field.has_focus
    # a list in the folder the dialog opens on (the test's own) by its name, another by its path
    typed = list_path.name if list_path.parent == Path.cwd() else str(list_path)
    await pilot.press("ctrl+u", *typed, "enter")
    await pilot.pause()
    assert isinstance(app.screen, ImportPreview)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


async def test_preview_then_enter_with_the_pin_imports_the_demo_list(tmp_path: Path) -> None:
    path = empty_event(tmp_path, pin="8642")
    app = make_app(path, desk="Bàn 1")
    async with app.run_test(size=(120, 40)) as pilot:
        preview = await open_preview(app, pilot, DEMO_LIST)
        changes = preview.query_one("#changes", DataTable)
        first = preview.query_one("#first", DataTable)
        assert changes.row_count >= 100 and first.row_count == 8
        assert state(path)[0] == 0  # the preview wrote nothing
        counts = str(preview.query_one("#counts").render())
        added = int(counts.split()[1].rstrip(","))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"8642", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ImportPreview)
    count, _ = state(path)
    assert count == added > 0


async def test_escape_leaves_the_file_and_its_journal_unchanged(tmp_path: Path) -> None:
    path = empty_event(tmp_path)
    before = state(path)
    app = make_app(path, desk="Bàn 1")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_preview(app, pilot, DEMO_LIST)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ImportPreview)
        notes = all_notes(app)
        assert any("không nhập gì" in n for n in notes)
    assert state(path) == before


ODD = [
    ["DANH SÁCH CÁN BỘ"],
    ["Số", "Tên cán bộ", "Nơi ở", "Sinh"],
    [1, "Nguyễn Thị Hoa", "Sở Y tế", 1980],
    [2, "Trần Văn Đức", "UBND huyện Đại Từ", 1961],
]


async def pick_field(app: Any, pilot: Any, field: str) -> None:
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(app.screen, FieldPicker)
    await pilot.press(*["down"] * (layouts.FIELDS.index(field) + 1), "enter")  # below "(not read)"
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_an_unknown_header_is_mapped_on_screen_and_remembered(tmp_path: Path) -> None:
    path = empty_event(tmp_path)
    app = make_app(path, desk="Bàn 1")
    async with app.run_test(size=(120, 40)) as pilot:
        preview = await open_preview(app, pilot, xlsx(tmp_path / "odd.xlsx", ODD))
        mapping = preview.query_one("#mapping", DataTable)
        assert mapping.row_count == 4 and mapping.has_focus
        await pilot.press("enter")  # nothing to import yet: Enter does nothing
        assert state(path)[0] == 0
        await pilot.press("down")  # column B, "Tên cán bộ"
        await pick_field(app, pilot, "name")
        await pilot.press("down")  # column C, "Nơi ở"
        await pick_field(app, pilot, "unit")
        await pilot.press("down")
        await pick_field(app, pilot, "_birth")
        assert app.screen.current is not None and app.screen.current.can_apply
        assert app.screen.query_one("#first", DataTable).row_count == 2
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ImportPreview)
    with Event.open(path) as ev:
        hoa = next(d for d in delegates.all_delegates(ev) if d.name == "Nguyễn Thị Hoa")
        assert (hoa.unit, hoa.birth_year) == ("Sở Y tế", 1980)
        [kept] = layouts.remembered(ev).values()
        assert kept.fields == {1: "name", 2: "unit", 3: "_birth"}

    # the next list of that layout: read with the remembered mapping, nothing to map
    later = xlsx(tmp_path / "later.xlsx", [ODD[1], [1, "Lê Thị Thúy", "Sở Nội vụ", 1975]])
    app = make_app(path, desk="Bàn 1")
    async with app.run_test(size=(120, 40)) as pilot:
        preview = await open_preview(app, pilot, later)
        understood = str(preview.query_one("#understood").render())
        assert "Ban tổ chức đã làm cho mẫu danh sách này" in understood
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    with Event.open(path) as ev:
        thuy = next(d for d in delegates.all_delegates(ev) if d.name == "Lê Thị Thúy")
        assert (thuy.unit, thuy.birth_year) == ("Sở Nội vụ", 1975)


async def test_the_palette_finds_imports_without_accents_with_their_key(tmp_path: Path) -> None:
    path = empty_event(tmp_path)
    app = make_app(path, desk="Bàn 1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen.query_one(CommandInput), CommandInput)
        await pilot.press(*"nhap danh sach dai bieu")
        await pilot.pause(0.5)
        from textual.command import CommandList

        shown = str(app.screen.query_one(CommandList).get_option_at_index(0).prompt)
        assert "Nhập danh sách đại biểu" in shown and "ctrl+o" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FileDialog)


async def test_the_empty_event_notice_goes_when_the_preview_opens(tmp_path: Path) -> None:
    path = empty_event(tmp_path)
    app = make_app(path, desk="Bàn 1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("ctrl+o" in str(n.message) for n in app._notifications)
        preview = await open_preview(app, pilot, DEMO_LIST)
        assert not any("ctrl+o" in str(n.message) for n in app._notifications)
        assert app.focused is preview.query_one("#changes", DataTable)
