"""The door of ``daihoi serve`` with a hand-moved clock: wrong PINs slow down, then lock out.

The server runs in this process (aiohttp's test server on 127.0.0.1, the real routes and the
real PIN check on a real event file), so minutes of lockout pass in a line of code.
"""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from console.i18n import set_lang
from console.serve import DeskServer, PinThrottle, advertised_urls, desk_name, lan_addresses
from data import pins
from data.errors import DaihoiError
from data.store import Event

PIN = "246813"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:  # seconds here, not the datetime clock of tests/conftest.py
    return Clock()


@pytest.fixture
async def client(tmp_path: Path, clock: Clock) -> AsyncIterator[TestClient]:
    path = tmp_path / "event.db"
    with Event.create(path, title="Đại hội (khoá PIN)", date="2025-09-20") as ev:
        pins.set_pin(ev, "desk", PIN)
    server = DeskServer(
        path,
        lambda desk: f"false {desk!r}",  # never run: no WebSocket in these tests
        require_pin=True,
        title="Đại hội (khoá PIN)",
        clock=clock,
        throttle=PinThrottle(clock=clock, tries=5, lockout=300, base_delay=1),
    )
    async with TestClient(TestServer(server.make_app(), host="127.0.0.1")) as client:
        yield client


async def post_pin(client: TestClient, pin: str, desk: str = "Bàn 2") -> tuple[int, str]:
    origin = f"http://{client.server.host}:{client.server.port}"
    response = await client.post(
        "/login", data={"desk": desk, "pin": pin}, headers={"Origin": origin}, allow_redirects=False
    )
    return response.status, await response.text()


async def test_five_wrong_pins_lock_the_address_out_even_for_the_right_pin(
    client: TestClient, clock: Clock
) -> None:
    waits = []
    for left in (4, 3, 2, 1):
        status, page = await post_pin(client, "000000")
        assert status == 401
        assert f"PIN không đúng. Còn {left} lần thử trước khi bị khoá 5 phút." in page
        # Too soon: refused unchecked, and not counted as a try.
        status, page = await post_pin(client, PIN)
        assert status == 429 and "đợi" in page
        wait = 2 ** (4 - left)
        waits.append(wait)
        clock.now += wait  # 1, 2, 4, 8 seconds: doubling
    assert waits == [1, 2, 4, 8]

    status, page = await post_pin(client, "000000")  # the fifth
    assert status == 429 and "tạm bị khoá" in page and "5 phút" in page
    clock.now += 299
    status, page = await post_pin(client, PIN)
    assert status == 429 and "tạm bị khoá" in page  # the right PIN, still locked out
    clock.now += 2
    status, _ = await post_pin(client, PIN)
    assert status == 303  # lockout over: the right PIN opens a desk, and clears the count
    status, page = await post_pin(client, "000000")
    assert status == 401 and "Còn 4 lần" in page


async def test_the_pages_speak_english_with_lang_en(client: TestClient, clock: Clock) -> None:
    set_lang("en")
    try:
        page = await (await client.get("/")).text()
        assert '<html lang="en">' in page and "Desk PIN" in page and "Desk name" in page
        status, page = await post_pin(client, "000000")
        assert status == 401 and "Wrong PIN. Tries left before a 5-minute lockout: 4." in page
        status, page = await post_pin(client, "000000")
        assert status == 429 and "try again in 1 s." in page
    finally:
        set_lang("vi")


async def test_the_login_page_is_vietnamese_and_keeps_the_typed_desk(client: TestClient) -> None:
    response = await client.get("/")
    page = await response.text()
    assert '<html lang="vi">' in page and "Tên bàn" in page and "PIN bàn" in page
    assert response.headers["X-Frame-Options"] == "DENY"  # no clickjacking of the form
    status, page = await post_pin(client, "000000", desk='Bàn <b>"7"</b>')
    assert status == 401 and "Bàn &lt;b&gt;&quot;7&quot;&lt;/b&gt;" in page and "<b>" not in page


def test_throttle_forgets_old_addresses_but_not_locked_ones(clock: Clock) -> None:
    throttle = PinThrottle(clock=clock, tries=1, lockout=60, max_addresses=3)
    throttle.failed("10.0.0.1")  # locked out
    for n in range(2, 10):
        throttle.begin(f"10.0.0.{n}")
        throttle.end(f"10.0.0.{n}")
    refusal = throttle.refusal("10.0.0.1")
    assert refusal is not None and refusal.key == "serve.login.locked"
    assert len(throttle._by_address) == 3


@pytest.mark.parametrize(
    "typed,name",
    [
        ("  Bàn   3 ", "Bàn 3"),
        ("Bàn\n3", "Bàn 3"),
        ("Ba\u0300n 4", "Bàn 4"),
        ("Quầy VIP", "Quầy VIP"),
    ],
)
def test_desk_names_are_tidied(typed: str, name: str) -> None:
    assert desk_name(typed) == name


@pytest.mark.parametrize("typed", ["", "   ", "CLI", " cli ", "Bàn\x1b[2J", "Bàn\u200b3", "x" * 41])
def test_desk_names_that_are_refused(typed: str) -> None:
    with pytest.raises(DaihoiError) as refused:
        desk_name(typed)
    assert refused.value.key in ("desk.missing", "desk.bad", "desk.reserved")


def test_all_addresses_advertise_reachable_ones() -> None:
    urls = advertised_urls("0.0.0.0", 8000, tls=False, addresses=["192.168.1.20", "fd00::5"])
    assert urls == ["http://192.168.1.20:8000/", "http://[fd00::5]:8000/"]
    assert advertised_urls("127.0.0.2", 8443, tls=True) == ["https://127.0.0.2:8443/"]
    for url in advertised_urls("0.0.0.0", 8000, tls=False):
        assert "0.0.0.0" not in url
    for text in lan_addresses():  # this machine's: never loopback, link-local or 0.0.0.0
        address = ipaddress.ip_address(text)
        assert not (address.is_loopback or address.is_unspecified or address.is_link_local)


def test_many_addresses_together_get_no_more_than_the_overall_budget(clock: Clock) -> None:
    """12 loopback addresses tested 60 PINs in 18 s before the overall budget."""
    throttle = PinThrottle(clock=clock, tries=5, lockout=300, base_delay=1, overall=20)
    checked = 0
    for _round in range(5):
        for i in range(12):
            address = f"127.0.0.{i + 2}"
            if throttle.refusal(address) is None:
                throttle.begin(address)
                throttle.failed(address)
                checked += 1
        clock.now += 16  # past every address's own wait
    assert checked == 20
    refused = throttle.refusal("10.0.0.99")  # a new address is refused too, until the window ends
    assert refused is not None and refused.key == "serve.login.locked"
    clock.now += 300
    assert throttle.refusal("10.0.0.99") is None
