"""The command line's side of printing: ``--only-new`` / ``--changed``, the warning before a
badge is printed twice, and the progress bar on stderr, drawn on a terminal (a real pty) and
never in a pipe or under ``--json``."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from console.cli import cli
from data import delegates
from data.store import Event

from ..badges.conftest import PEOPLE, decode_pdf

DAIHOI = [sys.executable, "-m", "console"]


def make_event(path: Path) -> None:
    with Event.create(path, title="Đại hội Thi đua yêu nước (thử)") as ev:
        delegates.upsert(ev, PEOPLE)


def on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``daihoi ARGS`` with stderr on a pty (stdout a pipe); returns (exit code, stderr)."""
    main, child = pty.openpty()
    env = dict(os.environ, COLUMNS="100")
    proc = subprocess.Popen(
        [*DAIHOI, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=child, env=env
    )
    os.close(child)
    seen = b""
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=60)
    os.close(main)
    return proc.returncode, seen.decode("utf-8", "replace")


def test_only_new_then_changed(tmp_path: Path) -> None:
    make_event(tmp_path / "e.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["badges", "--db", "e.db", "-o", "all.pdf", "--only-new"])
    assert first.exit_code == 0, first.output
    assert "Đã ghi 10 thẻ" in first.stderr and "Lưu ý" not in first.stderr
    again = runner.invoke(cli, ["badges", "--db", "e.db", "-o", "none.pdf", "--only-new"])
    assert again.exit_code == 1
    assert "Không có thẻ nào chưa in" in again.stderr
    assert not (tmp_path / "none.pdf").exists()
    with Event.open(tmp_path / "e.db") as ev:
        moved = [dict(p) for p in PEOPLE]
        moved[0]["seat"] = "A09"  # Nguyễn Thị Hoa moves
        delegates.upsert(ev, moved)
    changed = runner.invoke(cli, ["badges", "--db", "e.db", "-o", "ch.pdf", "--changed", "--json"])
    assert changed.exit_code == 0, changed.output
    assert "Đã ghi 1 thẻ" in changed.stderr
    assert "Lưu ý: 1 thẻ đã được in trước đó" in changed.stderr  # printing twice is said
    import json

    (badge,) = json.loads(changed.stdout)["badges"]
    assert badge["name"] == "Nguyễn Thị Hoa"
    assert decode_pdf(tmp_path / "ch.pdf") == [[badge["code"]]]
    both = runner.invoke(cli, ["badges", "--db", "e.db", "-o", "x.pdf", "--only-new", "--changed"])
    assert both.exit_code == 2 and "--only-new hoặc --changed" in both.output


def test_progress_bar_on_a_terminal_not_in_a_pipe(tmp_path: Path) -> None:
    make_event(tmp_path / "e.db")
    code, shown = on_a_terminal(["badges", "--db", "e.db", "-o", "t.pdf"], tmp_path)
    assert code == 0, shown
    assert "Vẽ thẻ" in shown and "100%" in shown  # click's bar, finished
    assert "Đã ghi 10 thẻ" in shown
    piped = subprocess.run(
        [*DAIHOI, "badges", "--db", "e.db", "-o", "p.pdf"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Vẽ thẻ" not in piped.stderr and "%" not in piped.stderr
    assert "Đã ghi 10 thẻ" in piped.stderr
    code, shown = on_a_terminal(["badges", "--db", "e.db", "-o", "j.pdf", "--json"], tmp_path)
    assert code == 0 and "Vẽ thẻ" not in shown  # a script asked for JSON: quiet


def test_export_import_merge_draw_their_bar_on_a_terminal(tmp_path: Path) -> None:
    make_event(tmp_path / "e.db")
    code, shown = on_a_terminal(["export", "attendance", "--db", "e.db", "-o", "a.xlsx"], tmp_path)
    assert code == 0, shown
    assert "Ghi báo cáo" in shown and "100%" in shown
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["clone", "--db", "e.db", "--desk", "Bàn 2", "-o", "b2.db"]).exit_code
        == 0
    )
    code, shown = on_a_terminal(["merge", "--db", "e.db", "b2.db"], tmp_path)
    assert code == 0, shown
    assert "Gộp bản sao" in shown and "100%" in shown
    sample = Path(__file__).parents[2] / "data" / "samples"
    listed = sample / "danh-sach-dai-bieu-mau.xlsx"
    code, shown = on_a_terminal(["import", "delegates", "--db", "e.db", str(listed)], tmp_path)
    assert code == 0, shown
    assert "Đọc danh sách" in shown and "100%" in shown
