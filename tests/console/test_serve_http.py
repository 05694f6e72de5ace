"""``daihoi serve`` as a real process, driven by a real HTTP and WebSocket client (aiohttp's).

Each test starts the server on a loopback address and counts the console processes it started
by reading ``/proc`` (each one's command line names the test's own event file), so "no console
before the PIN" is a fact about processes, not about a page.

127.0.0.1 is served without a PIN (the default); 127.0.0.2 is another loopback address, which
``daihoi serve`` treats as the LAN: it asks the desk PIN there.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from data import delegates, pins
from data.store import Event

from .conftest import PEOPLE, wait_until

PIN = "246813"
LAN = "127.0.0.2"
LOCAL = "127.0.0.1"
DAIHOI = str(Path(sys.executable).parent / "daihoi")

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/cmdline").exists(), reason="counts console processes through /proc"
)


def free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    """One running ``daihoi serve``."""

    proc: subprocess.Popen[bytes]
    host: str
    port: int
    path: Path
    log: Path
    scheme: str = "http"

    @property
    def origin(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def consoles(self) -> list[list[str]]:
        """The console processes working on this test's event file, as argument lists."""
        found = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                argv = cmdline.read_bytes().decode("utf-8", "replace").split("\0")[:-1]
            except OSError:  # the process ended meanwhile
                continue
            if argv[1:3] == ["-m", "console"] and str(self.path) in argv:
                found.append(argv)
        return found

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)  # the server and the consoles it started
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


@pytest.fixture
def event_file(tmp_path: Path) -> Path:
    path = tmp_path / "event.db"
    with Event.create(path, title="Đại hội (trình duyệt)", date="2025-09-20") as ev:
        delegates.upsert(ev, PEOPLE)
        pins.set_pin(ev, "desk", PIN)
    return path


@pytest.fixture
def serve(tmp_path: Path, event_file: Path) -> Iterator[Callable[..., Served]]:
    """Start ``daihoi serve --db event.db --host HOST --port P *args``; stopped at the end."""
    started: list[Served] = []

    def start(
        *args: str, host: str = LAN, code: int | None = None, port: int | None = None
    ) -> Served:
        port = port or free_port(host)
        log = tmp_path / f"serve-{len(started)}.log"
        with log.open("w") as out:
            proc = subprocess.Popen(
                [DAIHOI, "serve", "--db", str(event_file), "--host", host, "--port", str(port),
                 *args],
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                env={**os.environ, "LANG": "C.UTF-8"},
            )  # fmt: skip
        served = Served(proc, host, port, event_file, log, "https" if "--tls" in args else "http")
        started.append(served)
        if code is not None:  # a refusal: the command must end by itself
            assert proc.wait(timeout=20) == code, served.output()
            return served

        def listening() -> bool:
            assert proc.poll() is None, served.output()
            with socket.socket() as s:
                return s.connect_ex((host, port)) == 0

        wait_until(listening, 20, f"daihoi serve on {host}:{port}")
        return served

    try:
        yield start
    finally:
        for served in started:
            served.stop()


def cookie_of(response: aiohttp.ClientResponse) -> tuple[str, Any]:
    """The session cookie the server set: (``name=value`` for a Cookie header, its morsel)."""
    jar: SimpleCookie = SimpleCookie()
    for header in response.headers.getall("Set-Cookie", []):
        jar.load(header)
    [(name, morsel)] = jar.items()
    return f"{name}={morsel.value}", morsel


async def first_bytes(ws: aiohttp.ClientWebSocketResponse, timeout: float = 30) -> bytes:
    """Wait for the console's first screen bytes (textual-serve's page waits for the same)."""

    async def drawn() -> bytes:
        while True:
            message = await ws.receive()
            if message.type == aiohttp.WSMsgType.BINARY and len(message.data) > 10:
                return bytes(message.data)
            assert message.type not in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED), (
                "the console closed before drawing"
            )

    return await asyncio.wait_for(drawn(), timeout)


async def refused_status(
    http: aiohttp.ClientSession, url: str, headers: dict[str, str] | None = None
) -> int:
    """The HTTP status of a refused WebSocket handshake (fails if the handshake succeeds)."""
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        async with http.ws_connect(url, headers=headers or {}):
            pass
    return refused.value.status


async def login(
    http: aiohttp.ClientSession, served: Served, desk: str, pin: str, origin: str | None = None
) -> aiohttp.ClientResponse:
    async with http.post(
        f"{served.origin}/login",
        data={"desk": desk, "pin": pin},
        headers={"Origin": origin or served.origin},
        allow_redirects=False,
    ) as response:
        await response.read()
        return response


def ws_url(served: Served, location: str) -> str:
    ticket = location.rsplit("/", 1)[1]
    return (
        f"{'wss' if served.scheme == 'https' else 'ws'}://{served.host}:{served.port}/ws/{ticket}"
    )


def attendance(path: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("select delegate_id, desk from attendance").fetchall()


def code_of(path: Path, name: str) -> str:
    with Event.open(path) as ev:
        code = next(d for d in delegates.all_delegates(ev) if d.name == name).code
    assert code is not None
    return code


# ---------------------------------------------------------------- 1. Origin
async def test_loopback_refuses_websockets_from_other_pages(serve: Callable[..., Served]) -> None:
    served = serve(host=LOCAL)
    # What a browser tab does: open the page (following its redirect, keeping its cookie) and
    # read the WebSocket address the page's script connects to.
    jar = aiohttp.CookieJar(unsafe=True)  # keep cookies of an IP address, as browsers do
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        async with http.get(f"{served.origin}/") as page:
            text = await page.text()
            history = page.history
        found = re.search(r'data-session-websocket-url="([^"]+)"', text)
        assert found is not None, text
        url = found.group(1)
        assert url.startswith(f"ws://{LOCAL}:{served.port}/")
        # With the tab's cookie: a page on another site, a client without Origin, and a page
        # served by another port of this host are all refused before any console starts.
        for origin in ("http://evil.example", None, f"http://{LOCAL}:{served.port + 1}"):
            headers = {"Origin": origin} if origin else {}
            assert await refused_status(http, url, headers) == 403, origin
        [opened] = history  # the page sent the tab to its own address, with a session cookie
        morsel = cookie_of(opened)[1]
        assert morsel["httponly"] and morsel["samesite"] == "Strict"
        # DNS rebinding: a page whose own name now points at 127.0.0.1 is not answered at all.
        async with http.get(
            f"{served.origin}/", headers={"Host": f"evil.example:{served.port}"}
        ) as rebound:
            assert rebound.status == 421
        assert served.consoles() == []

        async with http.ws_connect(url, headers={"Origin": served.origin}) as ws:
            await first_bytes(ws)
            [argv] = served.consoles()
            assert argv[argv.index("--desk") + 1] == "Trình duyệt 1"  # never "CLI"
    # Same origin but no session cookie (another browser, a script): refused too.
    async with aiohttp.ClientSession() as stranger:
        assert await refused_status(stranger, url, {"Origin": served.origin}) == 403
    assert "evil.example" in served.output()  # the organizers' terminal says what was refused


# ------------------------------------------------- 2. the PIN, on the page
async def test_the_page_asks_pin_and_desk_before_any_console_starts(
    serve: Callable[..., Served], event_file: Path
) -> None:
    served = serve()
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{served.origin}/") as page:
            assert page.status == 200
            text = await page.text()
        # The page before the PIN is a form, not a terminal that connects a console at once.
        assert "data-session-websocket-url" not in text
        assert 'name="desk"' in text and 'name="pin"' in text and "PIN bàn" in text
        assert f"http://{LAN}:{served.port}/" in served.output()
        # No ticket, no console: any /ws is refused before a process starts.
        assert await refused_status(http, f"ws://{LAN}:{served.port}/ws/x", {"Origin": served.origin}) == 403  # fmt: skip
        # A login form posted from another site is refused (the PIN is not even checked).
        forged = await login(http, served, "Bàn 9", PIN, origin="http://evil.example")
        assert forged.status == 403

        # Fifty wrong PINs as fast as possible: one is checked, 49 are told to wait...
        statuses = [(await login(http, served, "Bàn 3", f"{n:06d}")).status for n in range(50)]
        assert statuses.count(401) == 1 and statuses.count(429) == 49
        # ...and the right PIN right after them is not accepted either.
        too_soon = await login(http, served, "Bàn 3", PIN)
        assert too_soon.status == 429 and "Retry-After" in too_soon.headers
        assert served.consoles() == []

        time.sleep(1.1)  # the wait after one wrong PIN
        for bad in ("CLI", "cli", "", "Bàn\x07 3", "x" * 41):
            refused = await login(http, served, bad, PIN)
            assert refused.status == 400, bad
        entered = await login(http, served, "  Bàn   3 ", PIN)
        assert entered.status == 303
        cookie, morsel = cookie_of(entered)
        assert morsel["httponly"] and morsel["samesite"] == "Strict" and not morsel["secure"]
        location = entered.headers["Location"]
        async with http.get(f"{served.origin}{location}", headers={"Cookie": cookie}) as tab:
            assert tab.status == 200
            assert ws_url(served, location) in await tab.text()
        # The ticket is bound to this browser's cookie: without it, the page goes to the login.
        async with http.get(f"{served.origin}{location}", allow_redirects=False) as stolen:
            assert stolen.status == 303 and stolen.headers["Location"] == "/"

        code = code_of(event_file, "Nguyễn Thị Hoa")
        headers = {"Cookie": cookie, "Origin": served.origin}
        async with http.ws_connect(ws_url(served, location), headers=headers) as ws:
            await first_bytes(ws)
            [argv] = served.consoles()
            assert argv[argv.index("--desk") + 1] == "Bàn 3"
            assert "--require-pin" not in argv  # asked once, by the page
            found: list[tuple[int, str]] = []
            for _attempt in range(6):  # keys sent before the scan field mounted are lost
                await ws.send_json(["stdin", code + "\r"])
                await asyncio.sleep(1)
                if found := attendance(event_file):
                    break
    assert found == [(int(code[:6]), "Bàn 3")]
    assert "Bàn 3" in served.output()  # the organizers' terminal says who came in, from where


# ---------------------------------------------------------------- the cap
async def test_beyond_max_consoles_the_page_says_so_and_starts_nothing(
    serve: Callable[..., Served],
) -> None:
    served = serve("--max-consoles", "1", host=LOCAL)
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{served.origin}/", allow_redirects=False) as opened:
            first, cookie = opened.headers["Location"], cookie_of(opened)[0]
        async with http.get(
            f"{served.origin}/", headers={"Cookie": cookie}, allow_redirects=False
        ) as opened:  # a second tab of the same browser
            second = opened.headers["Location"]
            assert "Set-Cookie" not in opened.headers
        headers = {"Cookie": cookie, "Origin": served.origin}
        async with http.ws_connect(ws_url(served, first), headers=headers) as ws:
            await first_bytes(ws)
            async with http.get(f"{served.origin}{second}", headers={"Cookie": cookie}) as full:
                assert full.status == 503
                assert "đủ 1 bàn" in await full.text()
            # A WebSocket that raced past the page reads the same sentence, and is closed.
            async with http.ws_connect(ws_url(served, second), headers=headers) as late:
                message = await late.receive()
                assert "đủ 1 bàn" in bytes(message.data).decode()
                assert (await late.receive()).type == aiohttp.WSMsgType.CLOSE
                assert late.close_code == 1013
            assert len(served.consoles()) == 1
        # The first tab closed: its console ends, and its place is free again.
        wait_until(lambda: served.consoles() == [], 15, "the first console to end")

        async def second_tab_status() -> int:
            async with http.get(f"{served.origin}{second}", headers={"Cookie": cookie}) as page:
                return page.status

        for _ in range(50):
            if await second_tab_status() == 200:
                break
            await asyncio.sleep(0.1)
        assert await second_tab_status() == 200


# -------------------------------------------------------------------- TLS
def served_fingerprint(served: Served) -> str:
    pem = ssl.get_server_certificate((served.host, served.port))
    digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


async def test_tls_makes_one_certificate_per_event_and_reuses_it(
    serve: Callable[..., Served], event_file: Path, tmp_path: Path
) -> None:
    served = serve("--tls")
    folder = event_file.with_name(event_file.name + ".tls")
    cert, key = folder / "cert.pem", folder / "private-key.pem"
    assert (folder.stat().st_mode & 0o777, cert.stat().st_mode & 0o777) == (0o700, 0o600)
    assert key.stat().st_mode & 0o777 == 0o600
    fingerprint = served_fingerprint(served)
    assert fingerprint in served.output() and str(folder) in served.output()
    assert "HTTP không mã hoá" not in served.output()  # the clear-text warning is for plain HTTP
    assert f"https://{LAN}:{served.port}/" in served.output()

    trusted = ssl.create_default_context(cafile=str(cert))  # checks the name (127.0.0.2) too
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=trusted)) as http:
        entered = await login(http, served, "Bàn 5", PIN)
        assert entered.status == 303
        assert cookie_of(entered)[1]["secure"]  # never sent back over plain HTTP
        with pytest.raises(aiohttp.ClientError):  # plain HTTP on the TLS port gets nowhere
            async with http.get(f"http://{LAN}:{served.port}/") as plain:
                await plain.read()
    served.stop()

    again = serve("--tls")
    assert served_fingerprint(again) == fingerprint
    assert fingerprint in again.output() and str(folder) not in again.output()  # reused
    again.stop()

    # The organizers' own pair: --cert/--key (here, a copy of that one).
    own_cert, own_key = tmp_path / "own.pem", tmp_path / "own.key"
    own_cert.write_bytes(cert.read_bytes())
    own_key.write_bytes(key.read_bytes())
    own = serve("--cert", str(own_cert), "--key", str(own_key))
    assert served_fingerprint(own) == fingerprint and fingerprint in own.output()


def test_tls_option_mistakes_are_one_line_refusals(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    pem = tmp_path / "x.pem"
    pem.write_text("not a certificate")
    for args, words in (
        (("--tls", "--cert", str(pem), "--key", str(pem)), "--tls"),
        (("--cert", str(pem)), "--key"),
        (("--cert", str(pem), "--key", str(tmp_path / "none.key")), "none.key"),
        (("--cert", str(pem), "--key", str(pem)), "x.pem"),
    ):
        refused = serve(*args, code=1)
        out = refused.output()
        assert words in out and out.count("\n") == 1, out
    # A port already taken: one line, and no address announced that nobody listens on.
    first = serve()
    taken = serve(port=first.port, code=1).output()
    assert f"{LAN}:{first.port}" in taken and taken.count("\n") == 1, taken
    assert "http://" not in taken
