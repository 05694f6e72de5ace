"""Tray sheets: one page per group, names in calling order with their items, read back from
the PDF's text as a person would read the printed page."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from badges.tray import TrayGroup, TrayLabels, TrayRow, render_tray

LABELS = TrayLabels(
    number="TT",
    recipient="Người nhận",
    honour="Hình thức",
    items="Kèm theo",
    check="Xếp",
    page="Trang {page}/{pages}",
)


def pages_text(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        # Words as read; lines that wrap inside a cell are joined back with one space.
        return [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    finally:
        pdf.close()


def test_groups_names_in_order_and_items(tmp_path: Path) -> None:
    first = TrayGroup(
        "Đợt 1",
        "Lãnh đạo trao: đồng chí Trịnh Việt Hùng",
        [
            TrayRow(
                1,
                "Đặng Minh Dũng",
                "Công an tỉnh",
                "Huân chương Chiến công hạng Ba",
                "Hộp huân chương, Bằng",
            ),  # fmt: skip
            TrayRow(2, "Trường THCS Nha Trang", "", "Cờ thi đua của UBND tỉnh", "Cờ"),
            TrayRow(
                3,
                "Lê Thị Thúy",
                "Giáo viên, Trường THCS Nha Trang",
                "Chiến sĩ thi đua cấp tỉnh",
                "Bằng, Khung, Hộp huy hiệu",
            ),  # fmt: skip
        ],
    )
    many = [
        TrayRow(
            i,
            f"Người nhận số {i:02d}",
            "Xã Yên Lạc, huyện Phú Lương",
            "Bằng khen của Chủ tịch UBND tỉnh",
            "Bằng, Khung",
        )  # fmt: skip
        for i in range(1, 41)
    ]
    second = TrayGroup("Đợt 2", "", many)
    out = tmp_path / "tray.pdf"
    data = render_tray("Đại hội Thi đua yêu nước tỉnh Thái Nguyên", [first, second], LABELS, out)
    assert out.read_bytes() == data
    pages = pages_text(data)
    assert len(pages) >= 3  # a page for group 1, at least two for 40 rows of group 2
    one = pages[0]
    assert "Đợt 1" in one and "Trịnh Việt Hùng" in one
    positions = [one.index(n) for n in ("Đặng Minh Dũng", "Trường THCS Nha Trang", "Lê Thị Thúy")]
    assert positions == sorted(positions)
    assert "Hộp huân chương, Bằng" in one and "Bằng, Khung, Hộp huy hiệu" in one
    assert "Người nhận số" not in one  # each group on its own page
    rest = "".join(pages[1:])
    order = [rest.index(f"Người nhận số {i:02d}") for i in range(1, 41)]
    assert order == sorted(order)
    assert all("Người nhận" in p and "Kèm theo" in p for p in pages)  # header on every page
    assert f"Trang 1/{len(pages)}" in one


def test_no_groups_still_gives_a_page() -> None:
    pages = pages_text(render_tray("Hội nghị", [], LABELS))
    assert len(pages) == 1 and "Hội nghị" in pages[0]
