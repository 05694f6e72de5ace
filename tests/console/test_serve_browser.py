"""``daihoi serve`` in a real headless browser: the page asks the desk name and PIN first, then
a scan lands in the event file under that desk's name.

textual-serve draws the console with xterm.js; keystrokes go to xterm's hidden textarea exactly
as a USB scanner's would. The server listens on 127.0.0.2, a loopback address that is not
127.0.0.1, so it treats the browser as a LAN one and asks the desk PIN on its login page.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from data import delegates, pins
from data.store import Event

from .conftest import PEOPLE, wait_until

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
HOST = "127.0.0.2"
PIN = "246813"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def rows(path: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("select delegate_id, desk from attendance").fetchall()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, str, str]]:
    """A served event with a desk PIN; yields (url, path, code of Hoa, server log path)."""
    path = tmp_path / "event.db"
    with Event.create(path, title="Đại hội (trình duyệt)", date="2025-09-20") as ev:
        delegates.upsert(ev, PEOPLE)
        pins.set_pin(ev, "desk", PIN)
        hoa = next(d for d in delegates.all_delegates(ev) if d.name == "Nguyễn Thị Hoa")
    port = free_port()
    log = tmp_path / "serve.log"
    daihoi = str(Path(sys.executable).parent / "daihoi")
    with log.open("w") as out:
        server = subprocess.Popen(
            [daihoi, "serve", "--db", str(path), "--host", HOST, "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "LANG": "C.UTF-8"},
        )  # fmt: skip
    url = f"http://{HOST}:{port}/"
    try:

        def listening() -> bool:
            with socket.socket() as s:
                return s.connect_ex((HOST, port)) == 0

        wait_until(listening, 20, f"daihoi serve on {url}")
        assert hoa.code is not None
        yield url, path, hoa.code, str(log)
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server and the consoles it started
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,900",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):  # fmt: skip
        options.add_argument(flag)
    # The driver from Debian's package: never a download.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def consoles(path: Path) -> list[list[str]]:
    """The console processes working on ``path`` (their command lines name it)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            argv = cmdline.read_bytes().decode("utf-8", "replace").split("\0")[:-1]
        except OSError:
            continue
        if argv[1:3] == ["-m", "console"] and str(path) in argv:
            found.append(argv)
    return found


def sign_in(browser: Any, desk: str, pin: str) -> None:
    from selenium.webdriver.common.by import By

    field = browser.find_element(By.ID, "desk")
    field.clear()
    field.send_keys(desk)
    browser.find_element(By.ID, "pin").send_keys(pin)
    browser.find_element(By.ID, "enter").click()


def test_browser_asks_the_desk_pin_then_a_scan_checks_in(
    served: tuple[str, Path, str, str], browser: Any
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    url, path, code, log = served
    browser.get(url)
    # The server's own login page: no terminal, no console process until the PIN is right.
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    assert browser.find_elements(By.CSS_SELECTOR, ".xterm-helper-textarea") == []
    sign_in(browser, "Bàn web", "000000")
    error = wait_until(lambda: browser.find_elements(By.ID, "error"), 10, "the wrong-PIN message")
    assert "PIN không đúng" in error[0].text
    assert browser.find_element(By.ID, "desk").get_attribute("value") == "Bàn web"
    assert consoles(path) == [] and rows(path) == []

    time.sleep(1.1)  # one wrong PIN: the next try is checked after a second
    sign_in(browser, "Bàn web", PIN)
    wait_until(lambda: "/console/" in browser.current_url, 10, "the console page")
    # textual-serve's script marks the page once the console's first bytes arrived.
    wait_until(
        lambda: (
            "-first-byte"
            in (browser.find_element(By.TAG_NAME, "body").get_attribute("class") or "")
        ),
        30,
        f"the console to start in the page (server log: {Path(log).read_text()})",
    )
    [argv] = consoles(path)
    assert argv[argv.index("--desk") + 1] == "Bàn web"
    terminal = browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")

    # Keys typed before the scan field has the focus are lost, and the canvas cannot be read
    # back. Typing the badge until it lands let only the end of a code arrive once the console
    # was loaded (a rejected scan of its last digits). So a code of zeros first, until SQLite
    # has its rejection (any part of it that arrives is zeros too): then the field takes keys.
    def rejected() -> list[str]:
        with sqlite3.connect(path) as conn:
            return [
                json.loads(payload)["text"]
                for (payload,) in conn.execute(
                    "select payload from journal where kind = 'scan.rejected' order by seq"
                )
            ]

    for _attempt in range(20):
        terminal.send_keys("0" * 8, Keys.ENTER)
        try:
            wait_until(rejected, 1.5, "the console's rejection of a code of zeros")
            break
        except AssertionError:
            continue
    terminal.send_keys(code, Keys.ENTER)
    found = wait_until(lambda: rows(path), 10, "the attendance row in SQLite")
    hoa_id = int(code[:6])
    assert found == [(hoa_id, "Bàn web")]
    assert rejected() and all(set(text) == {"0"} for text in rejected())  # never the badge
    with sqlite3.connect(path) as conn:
        journal = conn.execute(
            "select kind, desk from journal where kind in ('checkin', 'scan.rejected') order by seq"
        ).fetchall()
    assert [row for row in journal if row[0] == "checkin"] == [("checkin", "Bàn web")]
    assert journal[-1] == ("checkin", "Bàn web") and {desk for _, desk in journal} == {"Bàn web"}
