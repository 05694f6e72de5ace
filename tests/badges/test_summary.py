"""The one-page summary PDF: one page whatever the event's size, the figures of data/stats.py
in its text, the arrivals chart drawn as vector bars, Roboto embedded."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from click.testing import CliRunner

from badges.summary import render_summary
from console.cli import cli
from data import delegates, stats
from data.checkin import Desk
from data.store import Event

from ..conftest import FakeClock
from ..data.test_stats import small_event


def page_text_and_paths(path: Path) -> tuple[int, str, int]:
    """(pages, text of page 1, vector path objects on page 1)."""
    doc = pdfium.PdfDocument(str(path))
    try:
        page = doc[0]
        text = page.get_textpage().get_text_range()
        paths = sum(1 for obj in page.get_objects() if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH)
        return len(doc), text, paths
    finally:
        doc.close()


def test_summary_has_the_figures_and_a_vector_chart(event: Event, clock: FakeClock) -> None:
    small_event(event, clock)
    figures = stats.compute(event)
    out = render_summary(figures, Path("tom-tat.pdf"))
    pages, text, paths = page_text_and_paths(out)
    assert pages == 1
    assert "ĐẠI HỘI THI ĐUA YÊU NƯỚC TỈNH THÁI NGUYÊN LẦN THỨ VI" in text
    assert "62,5%" in text  # 5 of 8 present
    assert "Đoàn huyện Võ Nhai" in text and "1/1" in text
    assert "Giới tính: Nữ" in text and "60,0%" in text
    assert "Tày" in text
    for at, _ in figures.arrivals:
        assert at in text
    bars = sum(1 for _, n in figures.arrivals if n)
    assert bars == 2
    assert paths >= bars + 4  # bars, key-figure boxes, gridlines, table rules
    raw = out.read_bytes()
    assert b"/FontFile2" in raw  # Roboto embedded: prints the same on every machine
    assert not list(Path().glob(".daihoi-*"))


def test_many_delegations_still_fit_one_page(event: Event, clock: FakeClock) -> None:
    delegates.upsert(
        event,
        [{"name": f"Đại biểu {i}", "delegation": f"Đoàn số {i:03d}"} for i in range(120)],
    )
    desk = Desk(event)
    for d in delegates.all_delegates(event)[:60]:
        clock.advance(seconds=20)
        desk.admit(d.id)
    out = render_summary(stats.compute(event), Path("s.pdf"))
    pages, text, _ = page_text_and_paths(out)
    assert pages == 1
    assert "Đoàn số 000" in text
    assert "đoàn khác" in text


def test_empty_event_renders(event: Event) -> None:
    pages, text, _ = page_text_and_paths(render_summary(stats.compute(event), Path("e.pdf")))
    assert pages == 1
    assert "Chưa có đại biểu nào điểm danh." in text


@pytest.mark.parametrize("name", ["summary.pdf", "summary.xlsx"])
def test_export_summary_command(event: Event, clock: FakeClock, name: str) -> None:
    small_event(event, clock)
    result = CliRunner().invoke(
        cli, ["export", "summary", "-o", name, "--db", str(event.path)], catch_exceptions=False
    )
    if name.endswith(".pdf"):
        assert result.exit_code == 0, result.stderr
        assert page_text_and_paths(Path(name))[0] == 1
    else:
        assert result.exit_code == 1
        assert ".pdf" in result.stderr and not Path(name).exists()


def test_summary_tells_honours_and_programme(event: Event, clock: FakeClock) -> None:
    from programme import running, template
    from programme.figures import figures

    small_event(event, clock)
    template.seed(event)
    clock.now = clock.now.replace(hour=7, minute=42)
    running.start(event)
    now = "2025-09-20T07:30:00.000+07:00"
    with event.write():
        for state in ("presented", "planned", "absent"):
            event.conn.execute(
                "insert into honours (recipient, form, state, match_key, created_at, updated_at)"
                " values ('Nguyễn Văn A', 'Bằng khen', ?, 'k', ?, ?)",
                (state, now, now),
            )
    _, text, _ = page_text_and_paths(render_summary(figures(event), Path("s.pdf")))
    assert "Khen thưởng đã trao" in text and "1/3" in text
    assert "Khen thưởng: đã trao 1/3, vắng 1, nhận thay 0." in text
    assert "đang diễn ra: Chào cờ (chậm 12 phút so với kế hoạch)" in text


def test_the_summary_is_written_in_english_when_the_ui_is(event: Event, clock: FakeClock) -> None:
    from console.i18n import set_lang

    small_event(event, clock)
    try:
        result = CliRunner().invoke(
            cli,
            ["--lang", "en", "export", "summary", "-o", "en.pdf", "--db", str(event.path)],
            catch_exceptions=False,
        )
    finally:
        set_lang("vi")
    assert result.exit_code == 0, result.stderr
    _, text, _ = page_text_and_paths(Path("en.pdf"))
    assert "QUICK REPORT ON THE DELEGATES" in text and "Present by delegation" in text
    assert "Gender: Female" in text or "Gender: Male" in text
    assert "Có mặt" not in text and "Giới tính" not in text and "Được duyệt" not in text
    assert re.search(r"\d+\.\d%", text) and not re.search(r"\d+,\d%", text)
