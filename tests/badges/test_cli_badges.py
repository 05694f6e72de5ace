"""``daihoi badges`` on the command line: data on stdout, messages on stderr, clean refusals."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from console.cli import cli
from data import codes, delegates
from data.checkin import REVOKED, Desk
from data.store import Event

from .conftest import PEOPLE, decode_pdf


def make_event(path: Path) -> None:
    with Event.create(path, title="Đại hội Thi đua yêu nước (thử)") as ev:
        delegates.upsert(ev, PEOPLE)


def test_badges_json_then_reprint(tmp_path: Path) -> None:
    make_event(tmp_path / "e.db")
    runner = CliRunner()
    first = runner.invoke(
        cli, ["badges", "--db", "e.db", "-o", "the.pdf", "--layout", "a7", "--json"]
    )
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["pages"] == 2 and len(data["badges"]) == len(PEOPLE)
    assert "Đã ghi 10 thẻ" in first.stderr
    duc = next(b for b in data["badges"] if b["name"] == "Trần Văn Đức")

    again = runner.invoke(
        cli,
        ["badges", "--db", "e.db", "-o", "duc.pdf", "--delegate", str(duc["id"]), "--reprint"],
    )
    assert again.exit_code == 0, again.output
    assert again.stdout.strip() == "duc.pdf"
    with Event.open(tmp_path / "e.db") as ev:
        (new,) = [c for i, c, _ in codes.current_codes(ev) if i == duc["id"]]
        assert new != duc["code"]
        assert Desk(ev).scan(duc["code"]).verdict == REVOKED
    assert decode_pdf(tmp_path / "duc.pdf") == [[new]]


def test_refusals_are_one_line(tmp_path: Path) -> None:
    make_event(tmp_path / "e.db")
    runner = CliRunner()
    nobody = runner.invoke(cli, ["badges", "--db", "e.db", "-o", "x.pdf", "--delegation", "Mars"])
    assert nobody.exit_code == 1
    assert nobody.stderr.strip() == "Lỗi: Không có đại biểu nào thuộc đoàn Mars."
    with Event.open(tmp_path / "e.db") as ev:
        delegates.upsert(ev, [{"name": "Nguyễn Văn ☃", "unit": "X", "delegation": "Mars"}])
    snow = runner.invoke(cli, ["badges", "--db", "e.db", "-o", "x.pdf", "--delegation", "Mars"])
    assert snow.exit_code == 1
    assert "Nguyễn Văn ☃" in snow.stderr and "U+2603" in snow.stderr
    assert len(snow.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_output_is_one_line_and_revokes_nobody(tmp_path: Path) -> None:
    make_event(tmp_path / "e.db")
    (tmp_path / "d.csv").write_text("id\n", encoding="utf-8")
    runner = CliRunner()
    with Event.open(tmp_path / "e.db") as ev:
        before = list(codes.current_codes(ev))
    result = runner.invoke(cli, ["badges", "--db", "e.db", "-o", "d.csv/x.pdf", "--reprint"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Lỗi: Không ghi được d.csv/x.pdf: ")
    assert "chưa thẻ nào bị thu hồi" in line
    with Event.open(tmp_path / "e.db") as ev:
        assert list(codes.current_codes(ev)) == before
        assert ev.journal_rows("badge.reissued") == []
