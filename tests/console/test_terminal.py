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


def tmux(server: str, *args: str) -> str:
    """A command to the test's own tmux server (``-L``): a shared one would start the console
    with the environment of whichever test or user started that server (another HOME, and so
    another recent-files list), and would be shared with the other pytest-xdist worker."""
    return subprocess.run(
        ["tmux", "-L", server, *args], capture_output=True, text=True, check=True
    ).stdout


def wait_for(server: str, text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux(server, "capture-pane", "-p", "-t", "desk")
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_scan_in_a_real_terminal(event_path: Path, size: tuple[int, int]) -> None:
    hoa = by_name(event_path, "Nguyễn Thị Hoa")
    server = f"daihoi-test-{uuid.uuid4().hex[:8]}"
    daihoi = str(Path(sys.executable).parent / "daihoi")
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"}
    env.pop("TMUX", None)  # run from inside a tmux, still a server of its own
    subprocess.run(
        ["tmux", "-L", server, "-f", "/dev/null", "new-session", "-d", "-s", "desk",
         "-x", str(size[0]), "-y", str(size[1]),
         f"{daihoi} console --db {event_path} --desk 'Bàn 1'"],
        check=True, env=env,
    )  # fmt: skip
    socket = Path(tmux(server, "display-message", "-p", "#{socket_path}").strip())
    try:
        wait_for(server, "Quét thẻ")
        tmux(server, "send-keys", "-t", "desk", "-l", hoa.code)
        tmux(server, "send-keys", "-t", "desk", "Enter")
        screen = wait_for(server, "MỜI VÀO")
        assert "Nguyễn Thị Hoa" in screen
        assert "1 / 6" in screen
        tmux(server, "send-keys", "-t", "desk", "-l", "thuy")
        screen = wait_for(server, "Lê Thị Thúy")
    finally:
        subprocess.run(["tmux", "-L", server, "kill-server"], check=False)
        socket.unlink(missing_ok=True)  # tmux leaves it behind
