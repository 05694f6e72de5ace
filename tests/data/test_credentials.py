"""The report on delegates present (issue 17), read back from the .docx with python-docx and
from the PDF with pypdfium2, against a list whose composition this test knows line by line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from data import delegates, sessions
from data.checkin import Desk, decide_walkin, request_walkin
from data.credentials import build
from data.importing import import_delegates
from data.store import Event

from ..conftest import FakeClock

HEADER = (
    "STT,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Ngày vào Đảng,Trình độ chuyên môn,"
    "Lý luận chính trị,Trình độ văn hoá,Tư cách đại biểu,Danh hiệu vinh dự,Lĩnh vực,"
    "Cá nhân/Tập thể,Đơn vị"
)
ROWS = [
    "1,Nguyễn Văn An,15/01/1960,Nam,Kinh,Không,02/03/1985,Thạc sĩ,Cao cấp,12/12,Được bầu,"
    "Anh hùng Lao động,Kinh tế,Cá nhân,Sở Công Thương",
    "2,Trần Thị Bình,1990,Nữ,Tày,Không,2015,Đại học,Trung cấp,12/12,Đương nhiên,,"
    "Văn hóa - xã hội,Cá nhân,Hội LHPN tỉnh",
    "3,Lò Văn Cường,1998,Nam,Nùng,Phật giáo,,Trung cấp,,12/12,Được bầu,,Kinh tế,Tập thể,"
    "HTX chè La Bằng",
    "4,Hoàng Thị Dung,2001,Nữ,Kinh,Công giáo,,Cao đẳng,,12/12,Chỉ định,,Quốc phòng - an ninh,"
    "Cá nhân,Công an huyện Đại Từ",
    "5,Phạm Văn Em,1975,Nam,Kinh,Không,19/05/2000,Tiến sĩ,Cao cấp,10/10,Được bầu,"
    "Nhà giáo ưu tú,Văn hóa - xã hội,Cá nhân,Trường THPT Chu Văn An",
    "6,Vi Thị Hoa,1955,Nữ,Tày,Không,1980,Đại học,Cao cấp,10/10,Khách mời,,,,Bộ Nội vụ",
    "7,Đỗ Văn Giang,1985,Nam,Kinh,Không,,Đại học,,12/12,Được bầu,,Kinh tế,Cá nhân,Sở Y tế",
    "8,Bùi Thị Hạnh,1988,Nữ,Kinh,Không,,Đại học,,12/12,Được bầu,,Kinh tế,Cá nhân,Sở Tư pháp",
    "9,Ngô Văn Khải,1970,Nam,Kinh,Không,,Đại học,,12/12,Được bầu,,Kinh tế,Cá nhân,Sở Xây dựng",
]
"""Nine delegates; 1-6 and a substitute for 9 come to the morning, 7 is excused, 8 never
comes; 6 is a guest."""

EXPECTED = [
    "I. TỔNG SỐ ĐẠI BIỂU",
    "- Tổng số đại biểu được triệu tập: 9 đại biểu",
    "- Số đại biểu có mặt: 7 đại biểu, chiếm 77,8%",
    "- Số đại biểu vắng mặt: 2 đại biểu, chiếm 22,2%",
    "+ Vắng có lý do: 1 đại biểu",
    "+ Vắng không có lý do, chưa đến: 1 đại biểu",
    "- Đại biểu dự khuyết thay thế: 1 đại biểu",
    "Đại hội đủ điều kiện tiến hành: 6/8, 75,0% (không tính khách mời)",
    "II. CƠ CẤU ĐẠI BIỂU CÓ MẶT",
    "1. Về tư cách đại biểu",
    "- Đại biểu đương nhiên: 1 đại biểu, chiếm 14,3%",
    "- Đại biểu được bầu: 3 đại biểu, chiếm 42,9%",
    "- Đại biểu chỉ định: 1 đại biểu, chiếm 14,3%",
    "- Khách mời: 1 đại biểu, chiếm 14,3%",
    "2. Về giới tính",
    "- Đại biểu nữ: 3 đại biểu, chiếm 42,9%",
    "- Đại biểu nam: 3 đại biểu, chiếm 42,9%",
    "3. Về dân tộc",
    "- Đại biểu là người dân tộc thiểu số: 3 đại biểu, chiếm 42,9%",
    "+ Dân tộc Tày: 2 đại biểu, chiếm 28,6%",
    "+ Dân tộc Nùng: 1 đại biểu, chiếm 14,3%",
    "- Dân tộc Kinh: 3 đại biểu, chiếm 42,9%",
    "4. Về tôn giáo",
    "- Đại biểu có tôn giáo: 2 đại biểu, chiếm 28,6%",
    "+ Công giáo: 1 đại biểu, chiếm 14,3%",
    "+ Phật giáo: 1 đại biểu, chiếm 14,3%",
    "5. Về đảng viên",
    "- Đại biểu là đảng viên: 4 đại biểu, chiếm 57,1%",
    "- Đại biểu ngoài Đảng: 3 đại biểu, chiếm 42,9%",
    "- Tuổi Đảng bình quân: 30,0 năm",
    "- Tuổi Đảng cao nhất: đồng chí Vi Thị Hoa, Bộ Nội vụ (45 năm tuổi Đảng)",
    "- Tuổi Đảng thấp nhất: đồng chí Trần Thị Bình, Hội LHPN tỉnh (10 năm tuổi Đảng)",
    "6. Về độ tuổi",
    "- Dưới 30 tuổi: 2 đại biểu, chiếm 28,6%",
    "- Từ 30 đến 39 tuổi: 1 đại biểu, chiếm 14,3%",
    "- Từ 40 đến 49 tuổi: 0 đại biểu, chiếm 0,0%",
    "- Từ 50 đến 59 tuổi: 1 đại biểu, chiếm 14,3%",
    "- Từ 60 tuổi trở lên: 2 đại biểu, chiếm 28,6%",
    "- Tuổi bình quân: 45,2",
    "- Đại biểu cao tuổi nhất: đồng chí Vi Thị Hoa, Bộ Nội vụ (70 tuổi)",
    "- Đại biểu nam trẻ tuổi nhất: đồng chí Lò Văn Cường, HTX chè La Bằng (27 tuổi)",
    "- Đại biểu nữ trẻ tuổi nhất: đồng chí Hoàng Thị Dung, Công an huyện Đại Từ (24 tuổi)",
    "7. Về trình độ học vấn",
    "- 12/12: 4 đại biểu, chiếm 57,1%",
    "- 10/10: 2 đại biểu, chiếm 28,6%",
    "8. Về trình độ chuyên môn",
    "- Tiến sĩ: 1 đại biểu, chiếm 14,3%",
    "- Thạc sĩ: 1 đại biểu, chiếm 14,3%",
    "- Đại học: 2 đại biểu, chiếm 28,6%",
    "- Cao đẳng: 1 đại biểu, chiếm 14,3%",
    "- Trung cấp: 1 đại biểu, chiếm 14,3%",
    "9. Về trình độ lý luận chính trị",
    "- Cao cấp, cử nhân: 3 đại biểu, chiếm 42,9%",
    "- Trung cấp: 1 đại biểu, chiếm 14,3%",
    "10. Về danh hiệu vinh dự",
    "- Anh hùng Lao động: 1 đại biểu, chiếm 14,3%",
    "- Nhà giáo ưu tú: 1 đại biểu, chiếm 14,3%",
    "11. Về lĩnh vực",
    "- Kinh tế: 2 đại biểu, chiếm 28,6%",
    "- Văn hóa - xã hội: 2 đại biểu, chiếm 28,6%",
    "- Quốc phòng - an ninh: 1 đại biểu, chiếm 14,3%",
    "12. Về cá nhân, tập thể",
    "- Cá nhân: 4 đại biểu, chiếm 57,1%",
    "- Tập thể: 1 đại biểu, chiếm 14,3%",
]


@pytest.fixture
def congress(tmp_path: Path, clock: FakeClock) -> Path:
    """The list imported, the morning session run, then the afternoon opened (two arrive)."""
    path = tmp_path / "dh.db"
    with Event.create(path, title="Đại hội Đoàn tỉnh", date="2025-09-20", clock=clock) as ev:
        (tmp_path / "trich-ngang.csv").write_text("\n".join([HEADER, *ROWS]) + "\n", "utf-8")
        import_delegates(ev, tmp_path / "trich-ngang.csv")
        people = {d.name: d for d in delegates.all_delegates(ev)}
        sessions.set_quorum(ev, "2/3")
        sessions.open_session(ev, "Phiên chính thức")
        walkin = request_walkin(ev, name="Lê Văn Mới", substitute_for=people["Ngô Văn Khải"].id)
        substitute = decide_walkin(ev, walkin.id, approve=True).delegate_id
        desk = Desk(ev)
        for row in ROWS[:6]:
            desk.scan(people[row.split(",")[1]].code)
            clock.advance(seconds=20)
        assert substitute is not None
        desk.admit(substitute)
        sessions.record_absence(ev, people["Đỗ Văn Giang"].id, "Ốm, có đơn")
        clock.advance(hours=5)
        sessions.open_session(ev, "Phiên chiều")
        desk.scan(people["Trần Thị Bình"].code)
        desk.scan(people["Lò Văn Cường"].code)
    return path


def docx_lines(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_the_report_read_back_from_word_says_every_figure(run: Any, congress: Path) -> None:
    run(
        "export",
        "credentials",
        "-o",
        "bc.docx",
        "--session",
        "Phiên chính thức",
        "--db",
        str(congress),
    )
    lines = docx_lines(congress.parent / "bc.docx")
    start = lines.index("I. TỔNG SỐ ĐẠI BIỂU")
    assert lines[start : start + len(EXPECTED)] == EXPECTED
    assert lines[start - 5 : start] == [
        "…, ngày 20 tháng 9 năm 2025",
        "BÁO CÁO",
        "Tình hình đại biểu dự Đại hội",
        "Đại hội Đoàn tỉnh",
        "(Phiên chính thức)",
    ]
    import docx

    document = docx.Document(str(congress.parent / "bc.docx"))
    motto = [c.text for c in document.tables[0].rows[0].cells]
    assert motto[1].splitlines()[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == [
        "I. TỔNG SỐ ĐẠI BIỂU",
        "II. CƠ CẤU ĐẠI BIỂU CÓ MẶT",
        "1. Về tư cách đại biểu",
    ]


def test_the_report_agrees_with_stats_to_the_person(run: Any, congress: Path) -> None:
    figures = json.loads(
        run("stats", "--session", "Phiên chính thức", "--db", str(congress), "--json").stdout
    )
    with Event.open(congress, readonly=True) as ev:
        with sessions.viewing(ev, "Phiên chính thức"):
            report = build(ev)
    assert (report.convened, report.present) == (figures["expected"], figures["arrived"])
    gender = {g["group"]: g["arrived"] for g in figures["composition"]["Giới tính"]}
    [women] = [line for s in report.sections for line in s.lines if line.label == "Đại biểu nữ"]
    assert women.n == gender["Nữ"] == 3
    # The afternoon: the current session, two present; blocks count those two only.
    run("export", "credentials", "-o", "chieu.docx", "--db", str(congress))
    lines = docx_lines(congress.parent / "chieu.docx")
    assert "(Phiên chiều)" in lines
    assert "- Số đại biểu có mặt: 2 đại biểu, chiếm 22,2%" in lines
    assert "- Đại biểu nữ: 1 đại biểu, chiếm 50,0%" in lines
    assert not any("Về danh hiệu vinh dự" in line for line in lines)  # neither holds one


def test_a_block_the_list_lacks_is_left_out(tmp_path: Path, event: Event) -> None:
    delegates.upsert(event, [{"name": "Nguyễn Văn An", "gender": "Nam"}, {"name": "Lê Thị Bé"}])
    for d in delegates.all_delegates(event):
        Desk(event).admit(d.id)
    report = build(event)
    assert [s.title for s in report.sections] == ["Về giới tính"]
    assert [line.render() for line in report.sections[0].lines] == [
        "Đại biểu nữ: 0 đại biểu, chiếm 0,0%",
        "Đại biểu nam: 1 đại biểu, chiếm 50,0%",
    ]


def test_the_pdf_renders_the_same_lines(run: Any, congress: Path) -> None:
    import pypdfium2 as pdfium

    target = congress.parent / "bc.pdf"
    run(
        "export",
        "credentials",
        "-o",
        str(target),
        "--session",
        "Phiên chính thức",
        "--db",
        str(congress),
    )
    pdf = pdfium.PdfDocument(target)
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for line in EXPECTED:
        assert line in text.replace("\r", ""), line
    image = pdf[0].render(scale=1).to_pil().convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > 2000  # text was drawn, not a blank page
    refused = run("export", "credentials", "-o", "bc.xlsx", "--db", str(congress), code=1)
    assert refused.stderr == (
        "Lỗi: Báo cáo tình hình đại biểu ghi ra .docx hoặc .pdf, không phải bc.xlsx.\n"
    )
