"""``daihoi serve``: the console in browsers, one console process per authenticated browser tab.

textual-serve's :class:`~textual_serve.server.Server` starts a console process for every
WebSocket that reaches it, from any web page, before anyone typed a PIN. :class:`DeskServer`
keeps its terminal plumbing (the WebSocket protocol, xterm.js, downloads) and puts a door in
front of it:

- **the PIN is asked by the server**, on an HTTP page (desk name + desk PIN, checked with
  :func:`data.pins.check_pin`), before any process starts; a right PIN gives the browser a random
  session cookie (HttpOnly, SameSite=Strict, Secure under TLS) and the tab a ticket naming its
  desk. Only a WebSocket carrying both starts a console, as ``--desk`` that name.
- **same origin only**: a WebSocket (or the login form) whose ``Origin`` is not the page's own
  scheme, host and port is refused, and so is one with no ``Origin`` at all (every browser sends
  one; a script that wants a console must say where it comes from). Served on loopback without a
  PIN, the ``Host`` must be a loopback name too, so a page that re-points its own DNS name at
  127.0.0.1 (DNS rebinding) is not same-origin with us either.
- **wrong PINs slow down, then lock out** (:class:`PinThrottle`, per client address).
- **a cap on live consoles** (``max_consoles``): beyond it the page says so instead of starting
  a ~70 MB process.
- **TLS**: a self-signed certificate per event (:func:`event_certificate`), or the organizers'
  own; its SHA-256 fingerprint is printed so every desk can compare it with the browser's.

What it does not do: desk names are declared by whoever types them (the PIN proves that person
was told the PIN, not which desk they sit at), and a browser that knows the PIN sees everything
its console shows.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import html
import ipaddress
import logging
import math
import os
import secrets
import socket
import ssl
import struct
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int
from yarl import URL

from data import pins
from data.errors import DaihoiError
from data.store import DESK_NAME_MAX, Event
from data.store import desk_name as tidy_desk_name
from data.text import strip_controls

from .i18n import lang, t

log = logging.getLogger("daihoi.serve")

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
"""Addresses ``daihoi serve`` may listen on without a desk PIN: only this machine reaches them."""
UNSPECIFIED = ("0.0.0.0", "::", "")
SESSION_SECONDS = 16 * 3600
"""A login lasts the event day; the server forgets every login when it stops."""
MAX_SESSIONS = 1000
MAX_TABS = 64
"""Tickets kept per browser session: each login or new tab adds one, the oldest go first."""
CERT_DAYS = 365
CERT_RENEW_DAYS = 7


# ------------------------------------------------------------------- PIN tries
@dataclass
class _Tries:
    failures: int = 0
    not_before: float = 0.0
    locked_until: float = 0.0
    busy: bool = False


@dataclass(frozen=True)
class Refusal:
    """Why a PIN is not even checked now."""

    key: str
    """``serve.login.wait`` (too soon after a wrong PIN) or ``serve.login.locked``."""
    seconds: float
    """How long until the next try is checked."""


@dataclass(frozen=True)
class Failure:
    """The outcome of a wrong PIN."""

    left: int
    """Tries left before the lockout; 0 when this try locked the address out."""
    wait: float
    """Seconds before the next try from this address is checked."""


class PinThrottle:
    """Wrong desk PINs per client address: each one doubles the wait before the next try is
    checked (``base_delay``, 2×, 4× …); after ``tries`` wrong ones in a row the address is locked
    out for ``lockout`` seconds, right PIN or not. A right PIN clears the address.

    Tries that arrive while an address waits, is locked out or has a check running are refused
    unchecked (not counted), so fifty requests at once test one PIN, not fifty.

    Over all addresses together, at most ``overall`` wrong PINs count per ``lockout`` window;
    beyond that every login waits for the window to pass. One machine can take many addresses
    (IPv6 privacy addresses, several network cards): per-address counting alone let 12
    addresses test 60 PINs in 18 seconds. A desk that types the right PIN during such an attack
    waits too, and the page says why: better than a guessed PIN.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        tries: int = 5,
        lockout: float = 300.0,
        base_delay: float = 1.0,
        max_addresses: int = 4096,
        overall: int = 20,
    ) -> None:
        self.clock = clock
        self.tries = tries
        self.lockout = lockout
        self.base_delay = base_delay
        self.max_addresses = max_addresses
        self.overall = overall
        self._by_address: OrderedDict[str, _Tries] = OrderedDict()
        self._wrong: deque[float] = deque()
        """When each of the last wrong PINs (any address) was typed, oldest first."""

    def refusal(self, address: str) -> Refusal | None:
        """Why a try from ``address`` must not be checked now, or None (then call :meth:`begin`)."""
        now = self.clock()
        while self._wrong and self._wrong[0] + self.lockout <= now:
            self._wrong.popleft()
        if len(self._wrong) >= self.overall:
            return Refusal("serve.login.locked", self._wrong[0] + self.lockout - now)
        tries = self._by_address.get(address)
        if tries is None:
            return None
        if tries.locked_until > now:
            return Refusal("serve.login.locked", tries.locked_until - now)
        if tries.busy:
            return Refusal("serve.login.wait", max(self.base_delay, tries.not_before - now))
        if tries.not_before > now:
            return Refusal("serve.login.wait", tries.not_before - now)
        return None

    def begin(self, address: str) -> None:
        """A check for ``address`` starts: later tries wait until :meth:`failed`/:meth:`succeeded`."""
        self._entry(address).busy = True

    def end(self, address: str) -> None:
        """The check started by :meth:`begin` is over (right, wrong or failed)."""
        if address in self._by_address:
            self._by_address[address].busy = False

    def failed(self, address: str) -> Failure:
        tries = self._entry(address)
        tries.busy = False
        now = self.clock()
        self._wrong.append(now)
        if tries.locked_until and tries.locked_until <= now:
            tries.failures = 0  # a lockout served: the count starts again
        tries.failures += 1
        if tries.failures >= self.tries:
            tries.locked_until = now + self.lockout
            tries.not_before = tries.locked_until
            tries.failures = 0
            return Failure(left=0, wait=self.lockout)
        wait = self.base_delay * 2 ** (tries.failures - 1)
        tries.not_before = now + wait
        return Failure(left=self.tries - tries.failures, wait=wait)

    def succeeded(self, address: str) -> None:
        self._by_address.pop(address, None)

    def _entry(self, address: str) -> _Tries:
        tries = self._by_address.get(address)
        if tries is None:
            tries = self._by_address[address] = _Tries()
            self._forget_oldest()
        self._by_address.move_to_end(address)
        return tries

    def _forget_oldest(self) -> None:
        now = self.clock()
        while len(self._by_address) > self.max_addresses:
            # Prefer forgetting an address that is not locked out; else the oldest one.
            for address, tries in self._by_address.items():
                if tries.locked_until <= now and not tries.busy:
                    del self._by_address[address]
                    break
            else:
                self._by_address.popitem(last=False)


# ------------------------------------------------------------------ desk names
def desk_name(text: str) -> str:
    """The desk name a person typed on the login page, tidied (:func:`data.store.desk_name`);
    "CLI", the command line's own name on journal rows, is refused here too."""
    name = tidy_desk_name(text)
    if name.casefold() == "cli":
        raise DaihoiError("desk.reserved")
    return name


# ------------------------------------------------------------------- addresses
def is_loopback_host(host: str) -> bool:
    """True for the names ``daihoi serve`` may listen on without a PIN (127.0.0.1, localhost,
    ::1). Other loopback addresses (127.0.0.2) count as the LAN: tests use them so."""
    return host in LOOPBACK_NAMES


def _is_loopback_name(hostname: str) -> bool:
    if hostname.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(hostname.strip("[]")).is_loopback
    except ValueError:
        return False


def lan_addresses() -> list[str]:
    """This machine's addresses that other machines may reach: every interface's IPv4 address
    (Linux), else what the host name resolves to; never loopback, link-local or 0.0.0.0.
    No packet is sent."""
    found: list[str] = []
    try:
        import fcntl  # Unix only: elsewhere the host name's addresses below

        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            for _index, name in socket.if_nameindex():
                request = struct.pack("256s", name.encode()[:15])
                try:
                    reply = fcntl.ioctl(probe.fileno(), 0x8915, request)  # SIOCGIFADDR
                except OSError:  # an interface without an IPv4 address
                    continue
                found.append(socket.inet_ntoa(reply[20:24]))
    except (ImportError, OSError, AttributeError):
        pass
    if not found:
        try:
            infos = socket.getaddrinfo(socket.gethostname(), None, type=socket.SOCK_STREAM)
            found = [str(info[4][0]) for info in infos]
        except OSError:
            found = []
    usable = []
    for text in found:
        address = ipaddress.ip_address(text.split("%")[0])
        if address.is_loopback or address.is_link_local or address.is_unspecified:
            continue
        if text not in usable:
            usable.append(text)
    return usable


def _url_host(address: str) -> str:
    return f"[{address}]" if ":" in address else address


def advertised_urls(
    host: str, port: int, *, tls: bool, addresses: Iterable[str] | None = None
) -> list[str]:
    """The addresses a browser types: for 0.0.0.0 (or ::) the machine's LAN addresses
    (``addresses``, default :func:`lan_addresses`), never ``http://0.0.0.0:8000``."""
    scheme = "https" if tls else "http"
    if host in UNSPECIFIED:
        hosts = list(addresses if addresses is not None else lan_addresses())
        if not hosts:  # no network at all: the name others might know this machine by
            hosts = [socket.gethostname()]
    else:
        hosts = [host]
    return [f"{scheme}://{_url_host(h)}:{port}/" for h in hosts]


# ------------------------------------------------------------------------- TLS
@dataclass(frozen=True)
class Certificate:
    """The certificate ``daihoi serve`` presents."""

    cert: Path
    key: Path
    fingerprint: str
    """SHA-256 of the certificate (DER), as browsers show it: ``AB:12:…``."""
    created: bool
    """True when this start made it (a new fingerprint to hand out)."""


def fingerprint(cert_pem: bytes) -> str:
    """SHA-256 fingerprint of the first certificate in a PEM file, colon-separated hex."""
    text = cert_pem.decode("ascii", "replace")
    begin, end = "-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----"
    start = text.find(begin)
    stop = text.find(end, start)
    if start < 0 or stop < 0:
        raise ValueError("no certificate in the file")
    der = ssl.PEM_cert_to_DER_cert(text[start : stop + len(end)])
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def tls_folder(event_path: Path) -> Path:
    """Where an event keeps its self-signed certificate: ``tinh.db.tls/`` beside ``tinh.db``."""
    return event_path.with_name(event_path.name + ".tls")


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".new")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, path)


def event_certificate(
    event_path: Path, *, title: str, hosts: Iterable[str], now: dt.datetime | None = None
) -> Certificate:
    """The event's self-signed certificate, made on first use and reused afterwards (so the
    fingerprint desks compared stays the same), renewed only when it is about to expire.

    Kept in :func:`tls_folder` (0700), certificate and key 0600: the key never leaves the folder.
    ``hosts`` (names and IP addresses) go into the certificate's subject alternative names.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder = tls_folder(event_path)
    cert_path, key_path = folder / "cert.pem", folder / "private-key.pem"
    now = now or dt.datetime.now(dt.timezone.utc)
    if cert_path.exists() and key_path.exists():
        try:
            cert_pem, key_pem = cert_path.read_bytes(), key_path.read_bytes()
            cert = x509.load_pem_x509_certificate(cert_pem)
            key = serialization.load_pem_private_key(key_pem, password=None)
            fresh = cert.not_valid_after_utc - now > dt.timedelta(days=CERT_RENEW_DAYS)
            if fresh and cert.public_key() == key.public_key():
                for path in (folder, cert_path, key_path):
                    path.chmod(0o700 if path.is_dir() else 0o600)
                return Certificate(cert_path, key_path, fingerprint(cert_pem), created=False)
        except (ValueError, TypeError):
            pass  # unreadable or mismatched: make a new pair below
    folder.mkdir(mode=0o700, exist_ok=True)
    folder.chmod(0o700)
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for host in dict.fromkeys(["localhost", "127.0.0.1", "::1", socket.gethostname(), *hosts]):
        if not host or host in UNSPECIFIED:
            continue
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "daihoi serve"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, (title or "daihoi")[:64]),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=CERT_DAYS))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    _write_private(key_path, key_pem)
    _write_private(cert_path, cert_pem)
    return Certificate(cert_path, key_path, fingerprint(cert_pem), created=True)


def given_certificate(cert: Path, key: Path) -> Certificate:
    """The organizers' own certificate and key (``--cert``/``--key``), checked as a pair."""
    for path in (cert, key):
        if not path.is_file():
            raise DaihoiError("serve.tls.missing", path=str(path))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(cert, key)
        print_ = fingerprint(cert.read_bytes())
    except (ssl.SSLError, ValueError, OSError) as exc:
        raise DaihoiError("serve.tls.bad", cert=str(cert), private_key=str(key)) from exc
    return Certificate(cert, key, print_, created=False)


def server_context(certificate: Certificate) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certificate.cert, certificate.key)
    return context


# --------------------------------------------------------------------- pages
_STYLE = """
body { background: #0c181f; color: #f0f0f0; font: 18px system-ui, sans-serif; margin: 0; }
main { max-width: 26em; margin: 12vh auto; background: #12232d; padding: 1.5em 2em;
       border-radius: 8px; }
h1 { font-size: 1.3em; margin: 0 0 .3em; } .event { color: #9fb7c4; margin: 0 0 1.2em; }
label { display: block; margin: .8em 0 .2em; }
input { font: inherit; width: 100%; box-sizing: border-box; padding: .4em; }
button, a.button { font: inherit; margin-top: 1.2em; padding: .5em 1.5em; background: #5e0ba7;
       color: #fff; border: 0; border-radius: 4px; text-decoration: none; display: inline-block; }
.error { color: #ffb4a8; font-weight: 600; margin: 1em 0 0; }
"""


def _page(title: str, body: str, *, status: int = 200) -> web.Response:
    document = (
        f'<!DOCTYPE html>\n<html lang="{lang()}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )
    return web.Response(text=document, content_type="text/html", charset="utf-8", status=status)


_TERMINAL_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/css/xterm.css">
<script src="/static/js/textual.js"></script>
<style>
@font-face {{ font-family: "Roboto Mono"; src: url("/static/fonts/RobotoMono-VariableFont_wght.ttf"); }}
html, body {{ margin: 0; height: 100%; background: #0c181f; }}
.textual-terminal {{ width: 100vw; height: 100vh; opacity: 0; transition: opacity .3s; }}
body.-first-byte .textual-terminal {{ opacity: 1; }}
.dialog {{ position: absolute; inset: 0; display: flex; align-items: center;
  justify-content: center; z-index: 10; color: #f0f0f0; font: 18px system-ui, sans-serif; }}
.dialog div {{ background: #12232d; padding: 1.5em 2.5em; border-radius: 8px; text-align: center; }}
body.-first-byte .intro {{ display: none; }}
.closed {{ display: none; }} body.-closed .closed {{ display: flex; }}
button {{ font: inherit; margin-top: 1em; padding: .5em 1.5em; background: #5e0ba7; color: #fff;
  border: 0; border-radius: 4px; cursor: pointer; }}
#start {{ display: none; }}
</style></head>
<body>
<div class="dialog intro"><div>{loading}</div></div>
<div class="dialog closed"><div><p>{ended}</p>
<button type="button" onclick="window.location.reload()">{restart}</button>
<button type="button" id="start"></button></div></div>
<div id="terminal" class="textual-terminal" data-session-websocket-url="{websocket}"
 data-font-size="{font_size}"></div>
</body></html>
"""


def _harden(response: web.StreamResponse) -> None:
    """No framing (clickjacking of the login form), no sniffing, no cached pages, and no
    referrer to other sites (a tab's ticket is in its address). Not ``no-referrer``: with it,
    browsers send ``Origin: null`` on the login form, which :meth:`DeskServer.same_origin`
    refuses."""
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.content_type == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")


def _hostname(request: web.Request) -> str:
    try:
        return URL(f"http://{request.host}").host or ""
    except ValueError:
        return ""


def _redirect(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


# -------------------------------------------------------------------- sessions
@dataclass
class Session:
    """One browser that typed the right PIN (or any browser on loopback without a PIN)."""

    expires: float
    tabs: OrderedDict[str, str] = field(default_factory=OrderedDict)
    """Ticket → the desk name that tab declared."""


class DeskServer(Server):
    """textual-serve's server behind a login page, an Origin check, a PIN throttle and a cap."""

    def __init__(
        self,
        event_path: Path,
        command_for: Callable[[str], str],
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        require_pin: bool,
        max_consoles: int = 8,
        tls: bool = False,
        title: str = "daihoi",
        throttle: PinThrottle | None = None,
        clock: Callable[[], float] = time.monotonic,
        say: Callable[[str], None] = lambda _line: None,
    ) -> None:
        super().__init__("daihoi console", host=host, port=port, title=title)
        self.event_path = event_path
        self.command_for = command_for
        """The shell command of one console working as the given desk (quoted by the caller)."""
        self.require_pin = require_pin
        self.max_consoles = max_consoles
        self.tls = tls
        self.clock = clock
        self.throttle = throttle or PinThrottle(clock=clock)
        self.say = say
        """Where a line for the organizers goes (the terminal ``daihoi serve`` runs in)."""
        self.cookie = f"daihoi_{port}"  # cookies ignore ports: two events on one host must not mix
        self.sessions: OrderedDict[str, Session] = OrderedDict()
        self.live = 0
        """Consoles running or starting now."""
        self.default_desks = 0
        self._pin_lock = asyncio.Lock()

    # ------------------------------------------------------------ the web app
    async def _make_app(self) -> web.Application:
        return self.make_app()

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.post("/login", self.handle_login, name="login"),
                web.get("/console/{ticket}", self.handle_console, name="console"),
                web.get("/ws/{ticket}", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        return app

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Loopback without a PIN answers only to loopback names; every answer refuses framing."""
        try:
            if not self.require_pin and not _is_loopback_name(_hostname(request)):
                response: web.StreamResponse = web.Response(
                    status=421, text=t("serve.refused.host") + "\n"
                )
            else:
                response = await handler(request)
        except web.HTTPException as exc:
            _harden(exc)
            raise
        if not response.prepared:  # a WebSocket has sent its headers already
            _harden(response)
        return response

    def same_origin(self, request: web.Request) -> bool:
        """The request's ``Origin`` is the page's own scheme, host and port. A missing or
        ``null`` Origin is refused: browsers always send it on WebSockets and form posts."""
        origin = request.headers.get("Origin", "")
        if not origin or origin == "null":
            return False
        scheme = "https" if self.tls else "http"
        try:
            mine, theirs = URL(f"{scheme}://{request.host}"), URL(origin)
        except ValueError:
            return False
        return (
            theirs.scheme == scheme
            and (theirs.host or "").lower() == (mine.host or "").lower()
            and theirs.port == mine.port
            and theirs.path in ("", "/")
        )

    # --------------------------------------------------------------- sessions
    def _session(self, request: web.Request) -> tuple[str, Session] | None:
        token = request.cookies.get(self.cookie, "")
        session = self.sessions.get(token)
        if session is None:
            return None
        if session.expires <= self.clock():
            del self.sessions[token]
            return None
        return token, session

    def _desk_of(self, request: web.Request) -> str | None:
        found = self._session(request)
        if found is None:
            return None
        return found[1].tabs.get(request.match_info.get("ticket", ""))

    def _open_tab(self, request: web.Request, response: web.StreamResponse, desk: str) -> str:
        """A ticket for a new tab working as ``desk``, in this browser's session (made now, with
        its cookie set on ``response``, when the browser has none)."""
        found = self._session(request)
        if found is None:
            token = secrets.token_urlsafe(32)
            session = self.sessions[token] = Session(expires=self.clock() + SESSION_SECONDS)
            while len(self.sessions) > MAX_SESSIONS:
                self.sessions.popitem(last=False)
            response.set_cookie(
                self.cookie,
                token,
                path="/",
                httponly=True,
                samesite="Strict",
                secure=self.tls,
            )
        else:
            session = found[1]
        ticket = secrets.token_urlsafe(18)
        session.tabs[ticket] = desk
        while len(session.tabs) > MAX_TABS:
            session.tabs.popitem(last=False)
        return ticket

    # ------------------------------------------------------------------ pages
    def _login_page(
        self, *, desk: str = "", error: str = "", status: int = 200, retry_after: float = 0
    ) -> web.Response:
        event_title = html.escape(self.title)
        error_html = f'<p class="error" id="error" role="alert">{html.escape(error)}</p>'
        body = (
            f"<h1>{html.escape(t('serve.login.title'))}</h1>"
            f'<p class="event">{event_title}</p>'
            '<form method="post" action="/login" autocomplete="off">'
            f'<label for="desk">{html.escape(t("serve.login.desk"))}</label>'
            f'<input id="desk" name="desk" required maxlength="{DESK_NAME_MAX}" '
            f'placeholder="{html.escape(t("serve.login.desk_example"))}" '
            f'value="{html.escape(desk)}"{"" if desk else " autofocus"}>'
            f'<label for="pin">{html.escape(t("serve.login.pin"))}</label>'
            '<input id="pin" name="pin" type="password" inputmode="numeric" required '
            f'autocomplete="off"{" autofocus" if desk else ""}>'
            f'<button type="submit" id="enter">{html.escape(t("serve.login.submit"))}</button>'
            f"{error_html if error else ''}</form>"
        )
        response = _page(t("serve.login.title"), body, status=status)
        if retry_after:
            response.headers["Retry-After"] = str(math.ceil(retry_after))
        return response

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The login page; on loopback without a PIN, straight to a new tab "Trình duyệt N"."""
        if self.require_pin:
            return self._login_page()
        self.default_desks += 1
        response = _redirect("/")
        ticket = self._open_tab(request, response, t("serve.default_desk", n=self.default_desks))
        response.headers["Location"] = f"/console/{ticket}"
        return response

    async def handle_login(self, request: web.Request) -> web.StreamResponse:
        if not self.same_origin(request):
            return web.Response(status=403, text=t("serve.refused.origin") + "\n")
        form = await request.post()
        typed_desk = str(form.get("desk", ""))[: DESK_NAME_MAX * 4]
        pin = str(form.get("pin", ""))[:64]
        try:
            desk = desk_name(typed_desk)
        except DaihoiError as exc:
            return self._login_page(desk=typed_desk, error=t(exc.key, **exc.params), status=400)
        if self.require_pin:
            address = request.remote or "?"
            refusal = self.throttle.refusal(address)
            if refusal is not None:
                return self._refused(refusal, desk)
            self.throttle.begin(address)
            try:
                right = await self._check_pin(pin)
            finally:
                self.throttle.end(address)
            if not right:
                failure = self.throttle.failed(address)
                if failure.left == 0:
                    self.say(t("serve.log.locked", address=address, minutes=self._minutes()))
                    return self._refused(Refusal("serve.login.locked", failure.wait), desk)
                return self._login_page(
                    desk=desk,
                    error=t("serve.login.wrong", left=failure.left, minutes=self._minutes()),
                    status=401,
                    retry_after=failure.wait,
                )
            self.throttle.succeeded(address)
            self.say(t("serve.log.login", desk=desk, address=address))
        response = _redirect("/")
        response.headers["Location"] = f"/console/{self._open_tab(request, response, desk)}"
        return response

    def _minutes(self) -> int:
        return max(1, math.ceil(self.throttle.lockout / 60))

    def _refused(self, refusal: Refusal, desk: str) -> web.Response:
        seconds = max(1, math.ceil(refusal.seconds))
        error = t(refusal.key, seconds=seconds, minutes=math.ceil(seconds / 60))
        return self._login_page(desk=desk, error=error, status=429, retry_after=seconds)

    async def _check_pin(self, pin: str) -> bool:
        """:func:`data.pins.check_pin` in a thread (scrypt takes a while), one check at a time,
        on a fresh connection (a PIN changed with ``daihoi pin desk`` applies now)."""

        def check() -> bool:
            with Event.open(self.event_path) as event:
                return pins.check_pin(event, "desk", pin)

        async with self._pin_lock:
            return await asyncio.to_thread(check)

    def _full_page(self) -> web.Response:
        body = (
            f"<h1>{html.escape(t('serve.full.title'))}</h1>"
            f'<p class="error" id="error">{html.escape(t("serve.full", max=self.max_consoles))}</p>'
            f'<a class="button" href="">{html.escape(t("serve.full.retry"))}</a>'
        )
        response = _page(t("serve.full.title"), body, status=503)
        response.headers["Retry-After"] = "10"
        return response

    async def handle_console(self, request: web.Request) -> web.StreamResponse:
        """The terminal page of one tab; its WebSocket starts the console."""
        desk = self._desk_of(request)
        if desk is None:
            return _redirect("/")
        if self.live >= self.max_consoles:
            return self._full_page()
        scheme = "wss" if self.tls else "ws"
        ticket = request.match_info["ticket"]
        page = _TERMINAL_PAGE.format(
            lang=lang(),
            title=html.escape(f"{desk} · {self.title}"),
            loading=html.escape(t("serve.loading", desk=desk)),
            ended=html.escape(t("serve.ended")),
            restart=html.escape(t("serve.restart")),
            websocket=html.escape(f"{scheme}://{request.host}/ws/{ticket}"),
            font_size=to_int(request.query.get("fontsize", "16"), 16),
        )
        return web.Response(text=page, content_type="text/html", charset="utf-8")

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        if self._session(request) is None:
            raise web.HTTPForbidden(text=t("serve.refused.login") + "\n")
        return await super().handle_download(request)

    # -------------------------------------------------------------- consoles
    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One console process for one authenticated, same-origin tab, within the cap."""
        if not self.same_origin(request):
            origin = strip_controls(request.headers.get("Origin", "-"))[:200]
            self.say(t("serve.log.origin", origin=origin))
            raise web.HTTPForbidden(text=t("serve.refused.origin") + "\n")
        desk = self._desk_of(request)
        if desk is None:
            raise web.HTTPForbidden(text=t("serve.refused.login") + "\n")
        websocket = web.WebSocketResponse(heartbeat=15)
        if self.live >= self.max_consoles:
            await websocket.prepare(request)
            # xterm.js draws these bytes: the tab reads why instead of a blank screen.
            message = t("serve.full", max=self.max_consoles)
            await websocket.send_bytes(f"\r\n  {message}\r\n".encode())
            await websocket.close(code=1013, message=b"full")
            return websocket
        self.live += 1
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None

        async def close_socket() -> None:  # AppService awaits a close that returns nothing
            await websocket.close()

        try:
            await websocket.prepare(request)
            app_service = AppService(
                self.command_for(desk),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close_socket,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one tab's failure must not stop the server
            log.exception(error)
        finally:
            try:
                if app_service is not None:
                    await app_service.stop()
            finally:
                self.live -= 1
        return websocket

    # ----------------------------------------------------------------- running
    def run(self, listening: socket.socket, ssl_context: ssl.SSLContext | None = None) -> None:
        """Serve on ``listening`` (see :func:`listen`) until Ctrl+C or SIGTERM."""
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
        web.run_app(
            self.make_app(), sock=listening, ssl_context=ssl_context, print=None, access_log=None
        )


def listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound before anything is announced: a port already taken (or an
    address this machine does not have) is a one-line refusal, not a traceback."""
    try:
        family = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0][0]
        dualstack = host == "::" and socket.has_dualstack_ipv6()
        return socket.create_server((host, port), family=family, dualstack_ipv6=dualstack)
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        raise DaihoiError("serve.cannot_listen", address=f"{host}:{port}", reason=reason) from exc


def serve_event(
    event_path: Path,
    command_for: Callable[[str], str],
    *,
    host: str,
    port: int,
    self_signed: bool = False,
    cert: Path | None = None,
    key: Path | None = None,
    max_consoles: int = 8,
    say: Callable[[str], None],
) -> None:
    """``daihoi serve``: check the event and the options, say where to go, then serve.

    ``command_for(desk)`` is the shell command of one console working as ``desk``.
    """
    if self_signed and (cert or key):
        raise DaihoiError("serve.tls.both")
    if (cert is None) != (key is None):
        raise DaihoiError("serve.tls.pair")
    with Event.open(event_path) as event:
        require_pin = not is_loopback_host(host)
        if require_pin and not pins.has_pin(event, "desk"):
            raise DaihoiError("serve.no_pin")
        title = event.info.title
    certificate: Certificate | None = None
    if self_signed:
        hosts = [host, *(lan_addresses() if host in UNSPECIFIED else [])]
        certificate = event_certificate(event_path, title=title, hosts=hosts)
        if certificate.created:
            say(t("serve.tls.created", path=str(certificate.cert.parent)))
    elif cert is not None and key is not None:
        certificate = given_certificate(cert, key)
    listening = listen(host, port)
    if certificate is not None:
        say(t("serve.tls.fingerprint", fingerprint=certificate.fingerprint))
    for url in advertised_urls(host, port, tls=certificate is not None):
        say(t("serve.listening", url=url))
    throttle = PinThrottle()
    if require_pin:
        minutes = math.ceil(throttle.lockout / 60)
        say(t("serve.pin_required", tries=throttle.tries, minutes=minutes))
    else:
        say(t("serve.loopback_only"))
    if require_pin and certificate is None:
        say(t("serve.cleartext"))
    say(t("serve.cap", max=max_consoles))
    server = DeskServer(
        event_path,
        command_for,
        host=host,
        port=port,
        require_pin=require_pin,
        max_consoles=max_consoles,
        tls=certificate is not None,
        title=title,
        throttle=throttle,
        say=say,
    )
    server.run(listening, server_context(certificate) if certificate is not None else None)
