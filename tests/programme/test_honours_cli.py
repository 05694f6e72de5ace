"""The honours commands as scripts see them: stable JSON on stdout, messages on stderr."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from console.cli import cli
from console.i18n import set_lang
from data import delegates
from data.store import Event

LIST = (
    "Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/9/2025\n"
    "STT,Họ và tên,Đơn vị,Hình thức khen thưởng,Đợt\n"
    "I,TẬP THỂ,,,\n"
    "1,Trường THCS Nha Trang,,Cờ thi đua của UBND tỉnh,Đợt 1\n"
    "II,CÁ NHÂN,,,\n"
    "1,Nguyễn Văn An,,Bằng khen của Chủ tịch UBND tỉnh,Đợt 1\n"
    "2,Lê Thị Thúy,Trường THCS Nha Trang,Chiến sĩ thi đua cấp tỉnh,Đợt 1\n"
    "3,Phạm Văn Mười (truy tặng),Xã Yên Lạc,Huân chương Lao động hạng Ba,Đợt 2\n"
)


@pytest.fixture
def run() -> Any:
    runner = CliRunner()

    def invoke(*args: str, code: int = 0) -> click.testing.Result:
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert result.exit_code == code, (result.stdout, result.stderr)
        return result

    yield invoke
    set_lang("vi")


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "event.db"
    with Event.create(path, title="Đại hội Thi đua yêu nước (thử)") as ev:
        delegates.upsert(
            ev,
            [
                {"name": "Nguyễn Văn An", "unit": "Sở Y tế", "birth_year": 1975},
                {"name": "Nguyễn Văn An", "unit": "UBND huyện Phú Bình", "birth_year": 1980},
                {"name": "Lê Thị Thúy", "unit": "Trường THCS Nha Trang", "birth_year": 1975},
            ],
        )
    (tmp_path / "ds.csv").write_text(LIST, encoding="utf-8-sig")
    return str(path)


def listing(run: Any, db: str, *extra: str) -> list[dict[str, Any]]:
    return json.loads(run("honours", "--db", db, "--json", *extra).stdout)


def test_import_then_list_with_states(run: Any, db: str) -> None:
    result = run("import", "honours", "ds.csv", "--db", db, "--json")
    report = json.loads(result.stdout)
    assert (report["read"], report["added"]) == (4, 4)
    assert [u["recipient"] for u in report["unresolved"]] == [
        "Nguyễn Văn An",
        "Phạm Văn Mười (truy tặng)",
    ]
    assert "daihoi honours match" in result.stderr
    rows = listing(run, db)
    assert [r["recipient"] for r in rows] == [
        "Trường THCS Nha Trang",
        "Lê Thị Thúy",
        "Nguyễn Văn An",
        "Phạm Văn Mười (truy tặng)",
    ]
    first = rows[0]
    assert {k: first[k] for k in ("collective", "form", "decision", "group", "state")} == {
        "collective": True,
        "form": "Cờ thi đua của UBND tỉnh",
        "decision": "Quyết định số 1234/QĐ-UBND ngày 15/9/2025",
        "group": "Đợt 1",
        "state": "planned",
    }
    assert (first["delegate_id"], first["match"]) == (None, "none")
    an = rows[2]
    assert (an["match"], an["delegate_id"], len(an["candidates"])) == ("ambiguous", None, 2)
    assert rows[1]["match"] == "matched" and isinstance(rows[1]["delegate_id"], int)


def test_record_states_from_the_command_line(run: Any, db: str) -> None:
    run("import", "honours", "ds.csv", "--db", db)
    ids = {r["recipient"]: r["id"] for r in listing(run, db)}
    out = run("honours", "present", str(ids["Lê Thị Thúy"]), "--db", db, "--json")
    assert json.loads(out.stdout)["state"] == "presented"
    assert "Lê Thị Thúy" in out.stderr
    run("honours", "absent", str(ids["Trường THCS Nha Trang"]), "--db", db)
    muoi = str(ids["Phạm Văn Mười (truy tặng)"])
    refused = run("honours", "proxy", muoi, "--db", db, "--by", " ", code=1)
    assert "nhận thay" in refused.stderr.lower() and refused.stdout == ""
    shown = json.loads(
        run("honours", "proxy", muoi, "--by", "Phạm Thị Lan", "--db", db, "--json").stdout
    )
    assert (shown["state"], shown["proxy_by"]) == ("proxy", "Phạm Thị Lan")
    states = {r["recipient"]: r["state"] for r in listing(run, db)}
    assert states == {
        "Trường THCS Nha Trang": "absent",
        "Lê Thị Thúy": "presented",
        "Nguyễn Văn An": "planned",
        "Phạm Văn Mười (truy tặng)": "proxy",
    }
    missing = run("honours", "present", "999", "--db", db, code=1)
    assert missing.stderr.strip() == "Lỗi: Không có khen thưởng số 999."


def test_match_call_add_and_unresolved(run: Any, db: str) -> None:
    run("import", "honours", "ds.csv", "--db", db)
    an = next(r for r in listing(run, db) if r["recipient"] == "Nguyễn Văn An")
    run("honours", "match", str(an["id"]), str(an["candidates"][1]), "--db", db)
    assert [r["recipient"] for r in listing(run, db, "--unresolved")] == [
        "Phạm Văn Mười (truy tặng)"
    ]
    muoi = listing(run, db, "--unresolved")[0]
    run("honours", "match", str(muoi["id"]), "none", "--db", db)
    assert listing(run, db, "--unresolved") == []
    called = json.loads(run("honours", "call", "Đợt 1", "--db", db, "--json").stdout)
    assert len(called["called"]) == 3
    assert run("honours", "call", "Đợt 9", "--db", db, code=1).stderr.startswith(
        "Lỗi: Không có đợt"
    )
    added = json.loads(
        run(
            "honours", "add", "--db", db, "--json", "--recipient", "Hội Nông dân xã Tân Cương",
            "--form", "Giấy khen", "--group", "Đợt 2",
        ).stdout
    )  # fmt: skip
    assert added["collective"] is True and added["group"] == "Đợt 2"


def test_tray_pdf(run: Any, db: str, tmp_path: Path) -> None:
    run("import", "honours", "ds.csv", "--db", db)
    result = run("honours", "tray", "-o", "khay.pdf", "--group", "Đợt 1", "--db", db)
    assert "khay.pdf" in result.stderr
    pdf = pdfium.PdfDocument(str(tmp_path / "khay.pdf"))
    text = " ".join(pdf[0].get_textpage().get_text_range().split())
    assert len(pdf) == 1
    pdf.close()
    names = ["Trường THCS Nha Trang", "Lê Thị Thúy", "Nguyễn Văn An"]
    assert [text.index(n) for n in names] == sorted(text.index(n) for n in names)
    assert "Cờ" in text and "Bằng, Khung, Hộp huy hiệu" in text
    assert "Phạm Văn Mười" not in text


def test_english(run: Any, db: str) -> None:
    run("import", "honours", "ds.csv", "--db", db)
    result = run("--lang", "en", "honours", "--db", db)
    assert "planned" in result.stdout and "honours" in result.stderr


def test_a_repeated_row_is_kept_and_reported(run: Any, db: str, tmp_path: Path) -> None:
    doubled = LIST + "4,Nguyễn Văn An,,Bằng khen của Chủ tịch UBND tỉnh,Đợt 1\n"
    (tmp_path / "ds2.csv").write_text(doubled, encoding="utf-8-sig")
    result = run("import", "honours", "ds2.csv", "--db", db, "--json")
    report = json.loads(result.stdout)
    assert (report["added"], report["repeated"]) == (5, ["Nguyễn Văn An"])
    assert "Nguyễn Văn An: có nhiều dòng" in result.stderr
    again = json.loads(run("import", "honours", "ds2.csv", "--db", db, "--json").stdout)
    assert (again["added"], again["unchanged"], again["repeated"]) == (0, 5, ["Nguyễn Văn An"])
