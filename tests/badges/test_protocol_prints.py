"""The printed side of protocol, through the command line: the introduction (text, JSON,
script as PDF and .docx read back), seats assigned and moved, the hall plan PDF and the name
plates PDF, rendered with pypdfium2 and their text read back."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from docx import Document

from data import delegates
from data.checkin import Desk
from data.store import Event
from programme.honours import HonourRow

HALL = """
title = "Hội trường Trung tâm Hội nghị tỉnh"

[[zones]]
name = "Đoàn Chủ tịch"
kind = "stage"
rows = 1
seats = 7

[[zones]]
name = "Khu A"
rows = 6
seats = 12
reserved_rows = 1

[[zones]]
name = "Khu B"
floor = "Tầng 2"
rows = 3
seats = 10
"""

GUESTS = [
    {"name": "Lý Văn Trung", "position": "Phó Trưởng Ban Thi đua - Khen thưởng Trung ương",
     "side": "Về phía Trung ương", "protocol_rank": 1},
    {"name": "Đinh Thị Đảng", "position": "Bí thư Tỉnh ủy", "side": "tỉnh", "protocol_rank": 2},
    {"name": "Vũ Văn Ủy", "position": "Chủ tịch UBND tỉnh", "side": "tỉnh", "protocol_rank": 3},
    {"name": "Mai Văn Vắng", "position": "Chủ tịch Hội Nông dân tỉnh", "side": "tỉnh",
     "protocol_rank": 4},
]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "tinh.db"
    with Event.create(path, title="Đại hội Thi đua yêu nước tỉnh Thái Nguyên") as ev:
        rows = [{**g, "category": "Khách mời"} for g in GUESTS]
        rows.append({"name": "Hà Văn Chủ", "role": "Đoàn Chủ tịch", "position": "Chủ tịch"})
        rows += [
            {"name": f"Đại biểu {d} {n}", "delegation": f"Đoàn huyện {d}", "position": "Giáo viên"}
            for d in ("Đại Từ", "Định Hóa", "Phú Lương")
            for n in range(1, 13)
        ]
        delegates.upsert(ev, rows)
        desk = Desk(ev)
        for name in ("Lý Văn Trung", "Đinh Thị Đảng", "Vũ Văn Ủy"):
            (i,) = ev.conn.execute("select id from delegates where name = ?", (name,)).fetchone()
            assert desk.admit(i).ok
    (tmp_path / "hoi-truong.toml").write_text(HALL, encoding="utf-8")
    return path


def pdf_text(path: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def render_png(path: Path, page: int, out: Path) -> Path:
    """A page as a picture (looked at by hand while writing these tests; the README's)."""
    doc = pdfium.PdfDocument(str(path))
    try:
        image = doc[page].render(scale=1.5).to_pil()
        assert image.getbbox() is not None  # something is drawn
        image.save(out)
    finally:
        doc.close()
    return out


def test_introductions_text_json_and_script(run, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = run("introductions", "--db", str(db)).stdout
    assert text.splitlines()[:4] == [
        "Kính thưa đồng chí Lý Văn Trung, Phó Trưởng Ban Thi đua - Khen thưởng Trung ương; "
        "Kính thưa đồng chí Đinh Thị Đảng, Bí thư Tỉnh ủy; thưa các vị đại biểu, khách quý; "
        "thưa toàn thể Đại hội!",
        "",
        "Về phía Trung ương, tôi xin trân trọng giới thiệu:",
        "  – đồng chí Lý Văn Trung, Phó Trưởng Ban Thi đua - Khen thưởng Trung ương;",
    ]
    assert "Chưa đến (1, không đọc):" in text
    found = json.loads(run("introductions", "--db", str(db), "--json").stdout)
    assert [g["name"] for g in found["present"]] == ["Lý Văn Trung", "Đinh Thị Đảng", "Vũ Văn Ủy"]
    assert found["present"][1] | {"arrived_at": None} == {
        "id": found["present"][1]["id"],
        "name": "Đinh Thị Đảng",
        "position": "Bí thư Tỉnh ủy",
        "side": "tỉnh",
        "rank": 2,
        "line": "đồng chí Đinh Thị Đảng, Bí thư Tỉnh ủy",
        "arrived_at": None,
    }
    assert [g["name"] for g in found["not_arrived"]] == ["Mai Văn Vắng"]

    run("introductions", "--db", str(db), "-o", str(tmp_path / "gt.pdf"))
    (page,) = pdf_text(tmp_path / "gt.pdf")
    assert page.index("Về phía Trung ương") < page.index("Về phía tỉnh") < page.index("Chưa đến")
    assert "đồng chí Vũ Văn Ủy, Chủ tịch UBND tỉnh" in page
    assert page.index("Mai Văn Vắng") > page.index("Chưa đến")
    render_png(tmp_path / "gt.pdf", 0, tmp_path / "gt.png")

    run("introductions", "--db", str(db), "-o", str(tmp_path / "gt.docx"))
    paragraphs = [p.text for p in Document(str(tmp_path / "gt.docx")).paragraphs]
    assert paragraphs[0] == "GIỚI THIỆU ĐẠI BIỂU"
    at = paragraphs.index("Về phía tỉnh, tôi xin trân trọng giới thiệu:")
    assert paragraphs[at + 1 : at + 3] == [
        "– đồng chí Đinh Thị Đảng, Bí thư Tỉnh ủy;",
        "– đồng chí Vũ Văn Ủy, Chủ tịch UBND tỉnh;",
    ]
    assert paragraphs[-2:] == [
        "Chưa đến (không đọc)",
        "– đồng chí Mai Văn Vắng, Chủ tịch Hội Nông dân tỉnh",
    ]
    # a script is never written over the event file
    result = run("introductions", "--db", str(db), "-o", str(db), code=1)
    assert result.stderr.strip()


def test_seats_assign_move_and_plan_pdf(run, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from programme import honours

    with Event.open(db) as ev:
        honours.save(ev, [HonourRow("Đại biểu Phú Lương 12", "Bằng khen của Chủ tịch UBND tỉnh")])
        (h,) = honours.all_honours(ev)
        (who,) = ev.conn.execute("select id from delegates where name = ?", (h.recipient,))
        honours.match(ev, h.id, who[0])
    run("seats", "hall", "--db", str(db), str(tmp_path / "hoi-truong.toml"))
    assert "Khu B" in run("seats", "hall", "--db", str(db)).stdout
    dry = json.loads(run("seats", "assign", "--db", str(db), "--dry-run", "--json").stdout)
    assert len(dry["given"]) == 41 and dry["dry_run"]
    with Event.open(db) as ev:
        assert ev.conn.execute("select count(*) from delegates where seat != ''").fetchone() == (0,)
    done = json.loads(run("seats", "assign", "--db", str(db), "--json").stdout)
    seats = {g["id"]: g["seat"] for g in done["given"]}
    assert len(seats) == 41 == len(set(seats.values()))
    with Event.open(db) as ev:
        by_name = dict(ev.conn.execute("select name, seat from delegates"))
    assert by_name["Hà Văn Chủ"] == "Đoàn Chủ tịch, hàng 1, ghế 1"
    assert by_name["Lý Văn Trung"] == "Khu A, hàng 1, ghế 1"
    assert by_name["Đinh Thị Đảng"] == "Khu A, hàng 1, ghế 2"
    moved = next(i for i, s in seats.items() if s.startswith("Khu A, hàng 2"))
    result = run("seats", "move", "--db", str(db), str(moved), "B 3 10")
    assert result.stderr.strip().endswith("Khu B, hàng 3, ghế 10.")
    other = next(i for i in seats if i != moved)
    taken = run("seats", "move", "--db", str(db), str(other), "Khu B, hàng 3, ghế 10", code=1)
    assert "đã có người ngồi" in taken.stderr

    run("seats", "plan", "--db", str(db), "-o", str(tmp_path / "so-do.pdf"))
    stage, zone_a, zone_b = pdf_text(tmp_path / "so-do.pdf")
    assert "ĐOÀN CHỦ TỊCH" in stage
    assert "SƠ ĐỒ CHỖ NGỒI — KHU A" in zone_a and "CHÚ THÍCH" in zone_a
    for legend in (
        "Khách mời",
        "Đoàn huyện Đại Từ",
        "Đoàn huyện Định Hóa",
        "Hàng dành cho khách mời",
    ):
        assert legend in zone_a
    assert "KHU B (Tầng 2)" in zone_b and "1/30 ghế có người" in zone_b
    render_png(tmp_path / "so-do.pdf", 1, tmp_path / "so-do.png")
    # the hall plan file is an input: nothing printed is written over it
    refused = run("seats", "plan", "--db", str(db), "-o", str(tmp_path / "hoi-truong.toml"), code=1)
    assert "hoi-truong.toml" in refused.stderr
    assert (tmp_path / "hoi-truong.toml").read_text(encoding="utf-8") == HALL


def test_nameplates_in_seating_order_and_a_replacement(run, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("seats", "hall", "--db", str(db), str(tmp_path / "hoi-truong.toml"))
    run("seats", "assign", "--db", str(db))
    run("nameplates", "--db", str(db), "-o", str(tmp_path / "bien-ten.pdf"))
    pages = pdf_text(tmp_path / "bien-ten.pdf")
    # the presidium, then the reserved row from the aisle out: one sheet each
    assert len(pages) == 5
    assert "Hà Văn Chủ" in pages[0] and "Lý Văn Trung" in pages[1] and "Mai Văn Vắng" in pages[4]
    # both faces carry name and title
    assert pages[2].count("Đinh Thị Đảng") == 2 and pages[2].count("Bí thư Tỉnh ủy") == 2
    render_png(tmp_path / "bien-ten.pdf", 1, tmp_path / "bien-ten.png")

    with Event.open(db) as ev:
        (old,) = ev.conn.execute("select id from delegates where name = 'Mai Văn Vắng'").fetchone()
        delegates.upsert(ev, [{"name": "Trần Văn Thay", "category": "Khách mời",
                               "position": "Phó Chủ tịch Hội Nông dân tỉnh"}])  # fmt: skip
        (new,) = ev.conn.execute("select id from delegates where name = 'Trần Văn Thay'").fetchone()
        old_seat = dict(ev.conn.execute("select id, seat from delegates"))[old]
    out = tmp_path / "thay.pdf"
    result = run(
        "nameplates", "--db", str(db), "-o", str(out), "--paper", "a5",
        "--replace", str(old), "--delegate", str(new),
    )  # fmt: skip
    assert "Trần Văn Thay thay Mai Văn Vắng" in result.stderr
    (page,) = pdf_text(out)
    assert page.count("Trần Văn Thay") == 2 and "Mai Văn Vắng" not in page
    doc = pdfium.PdfDocument(str(out))
    assert [round(v) for v in doc[0].get_size()] == [595, 420]  # A5 landscape, in points
    doc.close()
    with Event.open(db) as ev:
        seats = dict(ev.conn.execute("select id, seat from delegates"))
        moves = ev.journal_rows("seats.moved")
    assert (seats[old], seats[new]) == ("", old_seat)
    assert [(r["payload"]["delegate_id"], r["payload"]["to"]) for r in moves] == [
        (old, ""),
        (new, old_seat),
    ]


def test_a_replacement_whose_plate_cannot_be_printed_changes_no_seat(
    run, db: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    run("seats", "hall", "--db", str(db), str(tmp_path / "hoi-truong.toml"))
    run("seats", "assign", "--db", str(db))
    with Event.open(db) as ev:
        (old,) = ev.conn.execute("select id from delegates where name = 'Mai Văn Vắng'").fetchone()
        # a name the plate's font cannot draw (a Chinese guest's name written in Hán tự)
        delegates.upsert(ev, [{"name": "王小明", "category": "Khách mời"}])
        (new,) = ev.conn.execute("select id from delegates where name = '王小明'").fetchone()
        before = dict(ev.conn.execute("select id, seat from delegates"))
    out = tmp_path / "thay.pdf"
    refused = run(
        "nameplates", "--db", str(db), "-o", str(out), "--replace", str(old), "--delegate", str(new),
        code=1,
    )  # fmt: skip
    assert "王小明" in refused.stderr and "thay" not in refused.stderr.split("\n")[0].lower()
    assert not out.exists() and not list(tmp_path.glob(".daihoi-*"))
    with Event.open(db) as ev:
        assert dict(ev.conn.execute("select id, seat from delegates")) == before
        assert ev.journal_rows("seats.moved") == []


def test_guests_rank_and_import_from_the_command_line(run, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    listed = json.loads(run("guests", "--db", str(db), "--json").stdout)
    assert [g["name"] for g in listed] == [g["name"] for g in GUESTS]
    last = listed[-1]["id"]
    run("guests", "rank", "--db", str(db), str(last), "1")
    listed = json.loads(run("guests", "--db", str(db), "--json").stdout)
    # two guests of rank 1 now: the higher level (Trung ương) before the province
    assert [g["name"] for g in listed][:2] == ["Lý Văn Trung", "Mai Văn Vắng"]
    bad = run("guests", "rank", "--db", str(db), str(last), "một", code=2)
    assert "không phải số" in bad.stderr
    csv = tmp_path / "khach.csv"
    csv.write_text(
        "Họ và tên,Chức vụ,Về phía\nLò Văn Mới,Giám đốc Sở Nội vụ,tỉnh\n", encoding="utf-8"
    )
    run("import", "guests", "--db", str(db), str(csv))
    listed = json.loads(run("guests", "--db", str(db), "--json").stdout)
    assert any(g["name"] == "Lò Văn Mới" and g["rank"] == 1 for g in listed)
