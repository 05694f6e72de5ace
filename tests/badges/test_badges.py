"""Badges as the door sees them: every printed QR decodes to the delegate's current code and the
desk admits it; names are never cut or printed with a missing glyph; stacks come out sorted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fpdf import FPDF

from badges import fonts
from badges.build import PrintRun, print_badges, reprint_one, select
from badges.compose import MIN_MODULE_MM, MM_PER_PT, Badge, QRCode, Rect, Text, compose
from badges.layout import LAYOUTS
from badges.qr import QUIET_ZONE, symbol
from badges.style import Style, band_of, load_style
from data import codes, delegates
from data.checkin import ADMITTED, REVOKED, Desk
from data.errors import DaihoiError
from data.store import Event
from data.text import collate, name_sort_key

from .conftest import PEOPLE, decode_pdf, decode_png


def current(event: Event) -> dict[int, str]:
    return {i: code for i, code, _ in codes.current_codes(event)}


def printed_codes(run: PrintRun) -> list[str]:
    return [b.code for b in run.badges]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_every_qr_decodes_to_the_current_code_and_is_admitted(
    crowd: Event, tmp_path: Path, layout: str
) -> None:
    run = print_badges(crowd, tmp_path / f"{layout}.pdf", layout=layout)
    sheet = LAYOUTS[layout]
    assert run.pages == -(-len(PEOPLE) // sheet.per_page)
    pages = decode_pdf(run.pdf)
    assert len(pages) == run.pages
    for number, page in enumerate(pages):
        on_page = run.badges[number * sheet.per_page : (number + 1) * sheet.per_page]
        assert page == sorted(b.code for b in on_page), f"page {number + 1}"
    assert {b.delegate_id: b.code for b in run.badges} == current(crowd)
    desk = Desk(crowd)
    for code in printed_codes(run):
        assert desk.scan(code).verdict == ADMITTED


def test_png_per_badge_decodes(crowd: Event, tmp_path: Path) -> None:
    run = print_badges(crowd, tmp_path / "l.pdf", layout="label-62", png_dir=tmp_path / "png")
    assert len(run.pngs) == len(PEOPLE)
    for badge, path in zip(run.badges, run.pngs):
        assert path.suffix == ".png" and path.name.startswith(f"{badge.delegate_id:04d}-")
        assert decode_png(path) == [badge.code]


def test_qr_is_numeric_mode_level_m_with_big_modules_and_a_clear_quiet_zone(
    crowd: Event,
) -> None:
    import zxingcpp

    hoa = next(d for d in delegates.all_delegates(crowd) if d.name == "Nguyễn Thị Hoa")
    assert symbol(hoa.code).size == 21  # numeric mode: 18 digits fit version 1 at level M
    from badges import png
    from badges.compose import badge_of

    for sheet in LAYOUTS.values():
        drawing = compose(badge_of(hoa), *sheet.badge, title=crowd.info.title, style=Style())
        (qr,) = [s for s in drawing.shapes if isinstance(s, QRCode)]
        assert qr.module >= MIN_MODULE_MM, sheet.name
        zone = (qr.x - QUIET_ZONE * qr.module, qr.y - QUIET_ZONE * qr.module)
        side = (qr.symbol.size + 2 * QUIET_ZONE) * qr.module
        for shape in drawing.shapes:
            if isinstance(shape, Rect):
                top, bottom = shape.y, shape.y + shape.h
            elif isinstance(shape, Text):
                em = shape.size * MM_PER_PT
                top, bottom = shape.y - em, shape.y + em * 0.25
            else:
                continue
            assert bottom <= zone[1] or top >= zone[1] + side, (sheet.name, shape)
        (found,) = zxingcpp.read_barcodes(png.render(drawing, dpi=200))
        assert found.text == hoa.code and found.ec_level == "M"


def test_text_is_vector_roboto_and_the_qr_is_not_an_image(crowd: Event, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    run = print_badges(crowd, tmp_path / "a6.pdf", ids=[1])
    raw = run.pdf.read_bytes()
    assert b"/FontFile2" in raw and b"Roboto" in raw  # embedded TrueType subset
    assert b"/Subtype /Image" not in raw
    document = pdfium.PdfDocument(str(run.pdf))
    text = document[0].get_textpage().get_text_range()
    document.close()
    assert "Nguyễn Thị Hoa" in text and "ĐẠI BIỂU" in text
    assert codes.human(run.badges[0].code) in text


def test_badges_stack_by_delegation_then_vietnamese_name_order(crowd: Event) -> None:
    chosen = select(crowd)
    keys = [(collate(d.delegation), name_sort_key(d.name)) for d in chosen]
    assert keys == sorted(keys)
    order = [d.name for d in chosen]
    # Ban tổ chức < Đoàn … (Đ after D, before K) < Khách mời < Khối …
    assert order[:4] == ["Vàng Minh Khoa", "Lò Thị Ơn", "Trần Văn Đức", "Hoàng Văn Hòa"]
    assert [d.delegation for d in chosen].index("Khách mời") < [d.delegation for d in chosen].index(
        "Khối các sở, ban, ngành"
    )
    only = select(crowd, delegation="doan huyen dai tu")
    assert [d.name for d in only] == ["Trần Văn Đức", "Hoàng Văn Hòa"]


def test_long_names_shrink_to_fit_and_are_never_cut(crowd: Event) -> None:
    pdf = FPDF(unit="mm")
    pdf.add_font("Roboto", "", str(fonts.REGULAR))
    pdf.add_font("Roboto", "B", str(fonts.BOLD))
    names = {
        "Nguyễn Thị Hoa": 1,
        "Tôn Nữ Thị Phương Thảo Nguyễn Hoàng Bảo Ngọc": 2,
        "Nguyễn-Trần-Lê-Phạm-Hoàng-Huỳnh-Phan-Vũ-Võ-Đặng-Bùi": 1,  # one word: only shrinks
    }
    for sheet in LAYOUTS.values():
        sizes = {}
        for name, lines in names.items():
            badge = Badge(
                1, name, "Giám đốc, " + "Trung tâm " * 12, "Đoàn", "", "dai_bieu", "1" * 18
            )
            drawing = compose(badge, *sheet.badge, title=crowd.info.title, style=Style())
            printed = drawing.texts("name")
            assert " ".join(t.text for t in printed) == name  # every word, in order
            assert len(printed) == lines, (sheet.name, name)
            for text in drawing.texts():
                pdf.set_font("Roboto", "B" if text.bold else "", text.size)
                width = pdf.get_string_width(text.text)
                assert width <= text.box + 1e-6, (sheet.name, text)
                assert 0 <= text.x and text.x + width <= drawing.width
            assert len(drawing.texts("unit")) <= 2
            sizes[name] = printed[0].size
        assert sizes["Tôn Nữ Thị Phương Thảo Nguyễn Hoàng Bảo Ngọc"] < sizes["Nguyễn Thị Hoa"]


def test_a_character_the_font_lacks_is_refused_before_anything_changes(
    crowd: Event, tmp_path: Path
) -> None:
    delegates.upsert(crowd, [{"name": "Hồ Văn 𝔸n", "unit": "Sở Tư pháp", "delegation": "Khối"}])
    odd = next(d for d in delegates.all_delegates(crowd) if d.name == "Hồ Văn 𝔸n")
    before = current(crowd)
    with pytest.raises(DaihoiError) as caught:
        print_badges(crowd, tmp_path / "x.pdf", reprint=True)
    assert caught.value.key == "badge.missing_glyphs"
    assert caught.value.params["name"] == "Hồ Văn 𝔸n" and caught.value.params["id"] == odd.id
    assert "𝔸" in caught.value.params["chars"]
    assert not (tmp_path / "x.pdf").exists()
    assert current(crowd) == before  # nobody's badge was revoked


def test_reprint_revokes_the_old_badges(crowd: Event, tmp_path: Path) -> None:
    hoa, duc = (
        next(d for d in delegates.all_delegates(crowd) if d.name == n)
        for n in ("Nguyễn Thị Hoa", "Trần Văn Đức")
    )
    run = print_badges(crowd, tmp_path / "r.pdf", ids=[hoa.id, duc.id], reprint=True, reason="mất")
    assert set(run.reissued) == {hoa.id, duc.id}
    new = {b.delegate_id: b.code for b in run.badges}
    assert new[hoa.id] != hoa.code and new == {i: c for i, c in current(crowd).items() if i in new}
    assert decode_pdf(run.pdf) == [sorted(new.values())]
    desk = Desk(crowd)
    assert desk.scan(hoa.code).verdict == REVOKED
    assert desk.scan(new[hoa.id]).verdict == ADMITTED
    rows = crowd.journal_rows("badge.reissued")
    assert {r["payload"]["delegate_id"] for r in rows} == {hoa.id, duc.id}


def test_reprint_one_writes_its_own_file_next_to_the_event(crowd: Event) -> None:
    hoa = delegates.all_delegates(crowd)[0]
    run = reprint_one(crowd, hoa.id)
    assert run.pdf.parent == crowd.path.with_name("event-the")
    assert run.pdf.name.endswith("-v2.pdf") and run.pdf.exists()
    assert not list(run.pdf.parent.glob("*.tmp"))
    assert decode_pdf(run.pdf) == [[run.badges[0].code]]


def test_bands_and_colours() -> None:
    assert band_of("Anh hùng Lao động") == "dai_bieu"
    assert band_of("Chiến sĩ thi đua toàn quốc") == "dai_bieu"
    assert band_of("Điển hình tiên tiến") == "dai_bieu"
    assert band_of("") == "dai_bieu"
    assert band_of("KHÁCH MỜI") == "khach_moi"
    assert band_of("Ban Tổ chức") == "ban_to_chuc"
    assert band_of("Phóng viên") == "phong_vien"
    assert band_of("Phục vụ") == "phuc_vu"


def test_colours_file(tmp_path: Path) -> None:
    good = tmp_path / "mau.json"
    good.write_text(json.dumps({"Khach moi": "#112233", "phuc_vu": "abcdef"}), encoding="utf-8")
    style = load_style(good)
    assert style.colors["khach_moi"] == (0x11, 0x22, 0x33)
    assert style.colors["phuc_vu"] == (0xAB, 0xCD, 0xEF)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"Khách mời": "đỏ"}), encoding="utf-8")
    with pytest.raises(DaihoiError) as caught:
        load_style(bad)
    assert caught.value.key == "badge.bad_color"
    bad.write_text(json.dumps({"VIP": "#000000"}), encoding="utf-8")
    with pytest.raises(DaihoiError) as caught:
        load_style(bad)
    assert caught.value.key == "badge.unknown_band"


def test_logo_is_drawn(crowd: Event, tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 100), (250, 200, 0)).save(logo)
    run = print_badges(
        crowd, tmp_path / "l.pdf", ids=[1], style=load_style(logo=logo), png_dir=tmp_path / "p"
    )
    assert b"/Subtype /Image" in run.pdf.read_bytes()
    with Image.open(run.pngs[0]) as image:
        assert image.getpixel((round(8 * 300 / 25.4), round(6 * 300 / 25.4))) == (250, 200, 0)
    assert decode_pdf(run.pdf) == [[run.badges[0].code]]


def test_cut_marks_stay_in_the_margins() -> None:
    for sheet in LAYOUTS.values():
        marks = sheet.cut_lines()
        if not sheet.cut_marks:
            assert marks == []
            continue
        assert len(marks) == 2 * (sheet.columns + 1) + 2 * (sheet.rows + 1)
        x0, y0 = sheet.origin
        x1, y1 = x0 + sheet.columns * sheet.badge[0], y0 + sheet.rows * sheet.badge[1]
        for mx1, my1, mx2, my2 in marks:
            inside_x = x0 < min(mx1, mx2) and max(mx1, mx2) < x1
            inside_y = y0 < min(my1, my2) and max(my1, my2) < y1
            assert not (inside_x and inside_y)
            assert 0 < min(mx1, mx2) and max(mx1, mx2) < sheet.page[0]
            assert 0 < min(my1, my2) and max(my1, my2) < sheet.page[1]


def test_an_output_that_cannot_be_written_refuses_before_any_badge_is_revoked(
    crowd: Event, tmp_path: Path
) -> None:
    (tmp_path / "d.csv").write_text("id\n", encoding="utf-8")  # a file where a folder should be
    before = current(crowd)
    with pytest.raises(DaihoiError) as caught:
        print_badges(crowd, tmp_path / "d.csv" / "x.pdf", reprint=True)
    assert caught.value.key == "badge.cannot_prepare"
    assert caught.value.params["path"] == str(tmp_path / "d.csv" / "x.pdf")
    with pytest.raises(DaihoiError) as caught:
        print_badges(crowd, tmp_path / "ok.pdf", reprint=True, png_dir=tmp_path / "d.csv")
    assert caught.value.key == "badge.cannot_prepare"
    assert caught.value.params["path"] == str(tmp_path / "d.csv")
    assert not (tmp_path / "ok.pdf").exists() and not list(tmp_path.glob(".daihoi-*"))
    assert current(crowd) == before  # nobody's badge was revoked
    assert crowd.journal_rows("badge.reissued") == []


def test_a_reprint_revokes_all_the_chosen_badges_or_none(
    crowd: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = codes.reissue
    calls: list[int] = []

    def fails_on_the_third(event: Event, delegate_id: int, *, reason: str = "") -> str:
        calls.append(delegate_id)
        if len(calls) == 3:
            raise DaihoiError("event.busy", path=str(event.path), reason="locked")
        return real(event, delegate_id, reason=reason)

    monkeypatch.setattr(codes, "reissue", fails_on_the_third)
    before = current(crowd)
    with pytest.raises(DaihoiError) as caught:
        print_badges(crowd, tmp_path / "r.pdf", reprint=True)
    assert caught.value.key == "event.busy" and len(calls) == 3
    assert current(crowd) == before  # the two reissued before the failure were rolled back
    assert crowd.journal_rows("badge.reissued") == []
    assert not list(tmp_path.glob("r.pdf*"))


def test_a_disk_full_after_the_reprint_says_the_codes_are_new(
    crowd: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from badges import pdf

    def disk_full(self: pdf.Output, data: bytes) -> None:
        raise pdf.cannot_write(self.path, OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(pdf.Output, "write", disk_full)
    hoa = delegates.all_delegates(crowd)[0]
    with pytest.raises(DaihoiError) as caught:
        print_badges(crowd, tmp_path / "r.pdf", ids=[hoa.id], reprint=True)
    assert caught.value.key == "badge.cannot_write_reissued"
    assert caught.value.params == {
        "n": 1,
        "path": str(tmp_path / "r.pdf"),
        "reason": "No space left on device",
    }
    assert not list(tmp_path.glob("r.pdf*"))  # no half file for a printer to pick up
    assert current(crowd)[hoa.id] != hoa.code  # said so: the old badge is revoked
