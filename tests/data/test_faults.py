"""Faults (Part 7): killed processes, a locked file, read-only, missing and corrupt files, modes."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from console.cli import cli
from data import codes, delegates, replicas
from data.checkin import ADMITTED, Desk
from data.errors import DaihoiError
from data.store import Event

DAIHOI = str(Path(sys.executable).parent / "daihoi")

SCANNER = """
import sys
from data.checkin import Desk
from data.store import Event
desk = Desk(Event.open(sys.argv[1], desk="Bàn 9"))
for line in sys.stdin:
    verdict = desk.scan(line)
    # Printed only after Desk.scan returned, i.e. after the commit: what a screen would show.
    print(verdict.verdict, line.strip(), flush=True)
"""


def make_event(path: Path, n: int) -> list[str]:
    with Event.create(path, title="Sự cố") as event:
        delegates.upsert(event, [{"name": f"Đại biểu {i}", "unit": "Sở"} for i in range(n)])
        return [code for _, code, _ in codes.current_codes(event)]


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("pragma integrity_check").fetchone()[0])


def check_printed_verdicts_are_stored(path: Path, printed: list[tuple[str, str]]) -> None:
    with Event.open(path) as event:
        secret = event.secret()
        admitted = {d for (d,) in event.conn.execute("select delegate_id from attendance")}
        journaled = len(
            [r for r in event.journal_rows() if r["kind"] in ("checkin", "scan.already")]
        )
    for verdict, code in printed:
        parsed = codes.parse(secret, code)
        assert parsed is not None
        if verdict == ADMITTED:
            assert parsed.delegate_id in admitted, code
    assert journaled >= len(printed)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_while_scanning_a_stream_loses_no_printed_verdict(
    tmp_path: Path, seed: int
) -> None:
    path = tmp_path / "event.db"
    all_codes = make_event(path, 400)
    proc = subprocess.Popen(
        [sys.executable, "-c", SCANNER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("".join(c + "\n" for c in all_codes))
    proc.stdin.flush()
    printed: list[tuple[str, str]] = []
    stop_after = random.Random(seed).randint(5, 300)
    while len(printed) < stop_after:
        verdict, code = proc.stdout.readline().split()
        printed.append((verdict, code))
    os.kill(proc.pid, signal.SIGKILL)  # mid-stream: maybe inside a transaction
    proc.wait()
    proc.stdin.close()
    rest = proc.stdout.read()
    # Only whole lines were printed: under PYTHONUNBUFFERED print() writes its verdict, the
    # space, the code and the newline one by one, and the kill can fall between them.
    whole = rest[: rest.rfind("\n") + 1]
    printed.extend(tuple(line.split()) for line in whole.splitlines() if line)  # type: ignore[misc]
    proc.stdout.close()

    assert integrity(path) == "ok"
    check_printed_verdicts_are_stored(path, printed)
    with Event.open(path, desk="Bàn 9") as event:  # the desk restarts and carries on
        assert all(Desk(event).scan(code).verdict in ("admitted", "already") for code in all_codes)
        assert event.conn.execute("select count(*) from attendance").fetchone()[0] == 400


def test_sigkill_of_daihoi_checkin_commands(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    all_codes = make_event(path, 12)
    rng = random.Random(7)
    printed: list[tuple[str, str]] = []
    for code in all_codes:
        proc = subprocess.Popen(
            [DAIHOI, "checkin", code, "--db", str(path), "--desk", "Bàn 9", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        if rng.random() < 0.5:
            time.sleep(rng.uniform(0.05, 0.6))  # a random moment of its life, maybe mid-write
            proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        if out.strip():
            printed.append((json.loads(out)["verdict"], code))
    assert integrity(path) == "ok"
    check_printed_verdicts_are_stored(path, printed)
    assert printed, "at least the commands that were not killed printed a verdict"


def test_a_file_locked_longer_than_the_busy_timeout_is_a_clear_busy_error(
    tmp_path: Path,
) -> None:
    path = tmp_path / "event.db"
    all_codes = make_event(path, 3)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another writer that holds the lock too long
    blocker.execute(
        "insert into journal (uuid, kind, payload, at, origin, hash)"
        " values ('x', 'test', '{}', '', '', 'x')"
    )
    try:
        with Event.open(path, desk="Bàn 1", busy_timeout=0.2) as event:
            with pytest.raises(DaihoiError) as err:
                Desk(event).scan(all_codes[0])
            assert err.value.key == "event.busy"
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    with Event.open(path, desk="Bàn 1") as event:
        assert event.conn.execute("select count(*) from attendance").fetchone()[0] == 0
        assert [r["kind"] for r in event.journal_rows()][-1] == "test"  # the other write stands
        assert Desk(event).scan(all_codes[0]).verdict == ADMITTED  # and the desk carries on


def _as_nobody(action: Callable[[], str]) -> str:
    """Run ``action`` in a child without root's power over file modes (root ignores them)."""
    if os.geteuid() != 0:
        return action()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            os.setgid(65534)
            os.setuid(65534)
            result = action()
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            result = f"child failed: {exc!r}"
        os.write(write, result.encode())
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    with os.fdopen(read) as answer:
        return answer.read()


@pytest.mark.parametrize("where", ["file", "folder"])
def test_read_only_file_or_folder_gives_a_clear_one_line_message(
    tmp_path_factory: pytest.TempPathFactory, where: str
) -> None:
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"daihoi-ro-{os.getpid()}-{where}"
    folder.mkdir()
    try:
        path = folder / "event.db"
        code = make_event(path, 1)[0]
        path.chmod(0o644 if where == "file" else 0o666)
        folder.chmod(0o777 if where == "file" else 0o755)
        runner = CliRunner()
        # The same command once as root on a writable copy first, so every module it imports
        # on its way is loaded before the child becomes nobody: nobody may not read this
        # Python's own library (pyenv under /root: a lazy 'import getpass' failed), and which
        # modules a process has loaded before depends on the tests pytest-xdist gave it.
        warm = tmp_path_factory.mktemp("warm") / "event.db"
        shutil.copy(path, warm)
        assert runner.invoke(cli, ["checkin", code, "--db", str(warm)]).exit_code == 0

        def attempt() -> str:
            result = runner.invoke(cli, ["checkin", code, "--db", str(path)])
            return json.dumps([result.exit_code, result.stdout, result.stderr])

        exit_code, stdout, stderr = json.loads(_as_nobody(attempt))
        assert exit_code == 1, stderr
        assert stdout == ""
        assert stderr.count("\n") == 1
        assert "chỉ cho đọc" in stderr and str(path) in stderr
    finally:
        folder.chmod(0o755)
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()


@pytest.mark.parametrize(
    "content,expected",
    [
        (None, "Không tìm thấy tệp sự kiện"),
        (b"this is not a database, just some text " * 200, "không phải tệp sự kiện daihoi"),
        (b"", "không phải tệp sự kiện daihoi"),
    ],
)
def test_missing_corrupt_or_foreign_file_is_one_line_exit_1(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "event.db"
    if content is not None:
        path.write_bytes(content)
    for args in (["checkin", "000001010000000000"], ["delegates"], ["backup", "b.db"]):
        result = CliRunner().invoke(cli, [*args, "--db", str(path)])
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and expected in result.stderr


def test_truncated_database_is_reported_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    make_event(path, 50)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    result = CliRunner().invoke(cli, ["delegates", "--db", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Lỗi:") and result.stderr.count("\n") == 1


def test_database_and_backups_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = tmp_path / "event.db"
        with Event.create(path, title="Quyền") as event:
            delegates.upsert(event, [{"name": "Nguyễn Thị Hoa"}])
            made = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
            made.append(replicas.backup(event, tmp_path / "backup.db"))
            made.append(replicas.clone(event, "Bàn 2", tmp_path / "ban2.db"))
            (tmp_path / "usb").mkdir()
            made.append(replicas.rolling_backup(event, tmp_path / "usb"))
            for p in made:
                assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    finally:
        os.umask(old)
