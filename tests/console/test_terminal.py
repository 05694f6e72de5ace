"""The console in a real terminal: tmux runs ``daihoi console``, we type and read the screen.

This is the one test that goes through a real pty, real key parsing and a real terminal size,
at 80x24 (the smallest a desk laptop shows) and at a large size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from .conftest import by_name

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def wait_for(session: str, text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_scan_in_a_real_terminal(event_path: Path, size: tuple[int, int]) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    session = f"daihoi-{uuid.uuid4().hex[:8]}"
    daihoi = str(Path(sys.executable).parent / "daihoi")
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"}
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]),
         f"{daihoi} console --db {event_path} --desk 'Bàn 1'"],
        check=True, env=env,
    )  # fmt: skip
    try:
        wait_for(session, "Quét thẻ")
        tmux("send-keys", "-t", session, "-l", hoa.code)
        tmux("send-keys", "-t", session, "Enter")
        screen = wait_for(session, "MỜI VÀO")
        assert "Nguyễn Thị Hoa" in screen
        assert "1 / 6" in screen
        tmux("send-keys", "-t", session, "-l", "thuy")
        screen = wait_for(session, "Lê Thị Thúy")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
