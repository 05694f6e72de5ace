"""Badge fixtures: an event with delegates whose names and units stress the layout, and a
reader that turns PDF pages and PNGs back into the codes a scanner would see."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from data import delegates
from data.store import Event

PEOPLE: list[dict[str, Any]] = [
    {"name": "Nguyễn Thị Hoa", "unit": "Sở Y tế", "position": "Bác sĩ",
     "delegation": "Khối các sở, ban, ngành", "category": "Điển hình tiên tiến", "seat": "A01"},
    {"name": "Trần Văn Đức", "unit": "UBND huyện Đại Từ", "delegation": "Đoàn huyện Đại Từ",
     "category": "Anh hùng Lao động", "seat": "A02"},
    {"name": "Lê Thị Thúy", "unit": "Trường THCS Nha Trang",
     "delegation": "Đoàn thành phố Thái Nguyên", "category": "Chiến sĩ thi đua toàn quốc"},
    {"name": "Hoàng Văn Hòa", "unit": "HTX chè La Bằng", "delegation": "Đoàn huyện Đại Từ",
     "category": "Điển hình tiên tiến", "seat": "C11"},
    {"name": "Đặng Minh Dũng", "unit": "Công an tỉnh", "delegation": "Khối lực lượng vũ trang",
     "category": "Điển hình tiên tiến"},
    {"name": "Y Thanh Hà Niê Kđăm", "unit": "Ban Dân tộc", "delegation": "Khách mời",
     "category": "Khách mời", "seat": "K01"},
    {"name": "Tôn Nữ Thị Phương Thảo Nguyễn Hoàng Bảo Ngọc", "position": "Phó Trưởng khoa",
     "unit": "Trường Đại học Sư phạm - Đại học Thái Nguyên, Khoa Ngữ văn và Báo chí truyền thông",
     "delegation": "Khối các trường đại học, cao đẳng", "category": "Điển hình tiên tiến"},
    {"name": "Điểu K'Giắc", "unit": "Báo Thái Nguyên", "delegation": "Khách mời",
     "category": "Phóng viên"},
    {"name": "Vàng Minh Khoa", "position": "Chuyên viên", "unit": "Văn phòng UBND tỉnh",
     "delegation": "Ban tổ chức", "category": "Ban tổ chức"},
    {"name": "Lò Thị Ơn", "unit": "Nhà khách tỉnh", "delegation": "Ban tổ chức",
     "category": "Phục vụ"},
]  # fmt: skip


@pytest.fixture
def crowd(event: Event) -> Event:
    """The shared ``event`` with the ten delegates above."""
    delegates.upsert(event, PEOPLE)
    return event


def decode_pdf(path: Path, dpi: int = 200) -> list[list[str]]:
    """The QR texts on each page of a PDF, rendered at ``dpi`` as a printer would."""
    import pypdfium2 as pdfium
    import zxingcpp

    only_qr = zxingcpp.BarcodeFormat.QRCode  # only QR: a seat text like "B31" once read as Codabar
    pages = []
    document = pdfium.PdfDocument(str(path))
    try:
        for page in document:
            image = page.render(scale=dpi / 72).to_pil()
            pages.append(sorted(b.text for b in zxingcpp.read_barcodes(image, formats=only_qr)))
    finally:
        document.close()
    return pages


def decode_png(path: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    with Image.open(path) as image:
        return [
            b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        ]
