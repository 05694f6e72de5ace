"""Badge codes: the number on a delegate's QR badge is their identity at the desk.

A code is 18 digits: ``IIIIII VV MMMMMMMMMM`` — the delegate id (6), the badge version (2) and a
10-digit HMAC-SHA256 of both under the event's secret. Why this shape:

- digits only: the QR uses numeric mode (the smallest symbol), and a USB scanner's keystrokes
  survive a Vietnamese input method left on (Telex/VNI rewrite "dd" or "a1", never digits alone);
- signed: a forged or mistyped code, or a badge of another event, fails the check before any
  delegate is looked up (a random guess passes with probability 10⁻¹⁰);
- versioned: reprinting issues version n+1 and revokes n, so a lost badge stops working.

Staff type the human-readable form (``000 123 014 829 103 827``) by hand; spaces, dashes and
stray characters around the digits are ignored.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .errors import DaihoiError
from .store import Event, stamp

ID_DIGITS = 6
VERSION_DIGITS = 2
MAC_DIGITS = 10
CODE_DIGITS = ID_DIGITS + VERSION_DIGITS + MAC_DIGITS
MAX_ID = 10**ID_DIGITS - 1
MAX_VERSION = 10**VERSION_DIGITS - 1

_DIGITS = re.compile(r"\d")
"""Any decimal digit: ASCII, but also full-width ``１２３`` that some input methods type."""


@lru_cache(maxsize=8)
def _keyed(secret: bytes) -> hmac.HMAC:
    """HMAC-SHA256 under ``secret`` with the key already mixed in: every code copies it (a copy
    costs half of keying a new one, and a desk checks one code per scan)."""
    return hmac.new(secret, digestmod=hashlib.sha256)


def _mac(secret: bytes, delegate_id: int, version: int) -> str:
    mac = _keyed(secret).copy()
    mac.update(f"{delegate_id}:{version}".encode())
    return str(int.from_bytes(mac.digest()[:8], "big") % 10**MAC_DIGITS).zfill(MAC_DIGITS)


def make_code(secret: bytes, delegate_id: int, version: int) -> str:
    """The code of ``delegate_id``'s badge number ``version``."""
    if not 0 < delegate_id <= MAX_ID or not 0 < version <= MAX_VERSION:
        raise DaihoiError("code.out_of_range", id=delegate_id, version=version)
    return f"{delegate_id:0{ID_DIGITS}d}{version:0{VERSION_DIGITS}d}{_mac(secret, delegate_id, version)}"


def human(code: str) -> str:
    """The printed form under the QR: groups of three digits."""
    return " ".join(code[i : i + 3] for i in range(0, len(code), 3))


def digits_of(text: str) -> str:
    """The digits in what a scanner or a person typed, as ASCII, everything else dropped.

    ``\\d`` also matches other scripts' digits (full-width, Arabic-Indic…): they are turned into
    their ASCII value, so the result is always plain ``0-9`` (``hmac.compare_digest`` refuses
    non-ASCII text, and a code is stored in ASCII).
    """
    if text.isdigit() and text.isascii():  # a scanner's text as it comes: nothing to drop
        return text
    found = "".join(_DIGITS.findall(text))
    if found.isascii():  # typed with spaces or dashes: no digit to translate
        return found
    return "".join(str(unicodedata.decimal(c)) for c in found)


def looks_like_code(text: str) -> bool:
    """True when ``text`` is a scan or a typed code rather than a name to search for."""
    found = digits_of(text)
    return len(found) >= 8 and len(found) * 2 > len(text.replace(" ", ""))


@dataclass(frozen=True)
class ParsedCode:
    """A code whose signature checked out."""

    code: str
    delegate_id: int
    version: int


_AIM_PREFIX = re.compile(r"^\s*\][A-Za-z][0-9A-Za-z]")
"""A symbology identifier (``]Q1`` for QR) that scanners can be set to send before the data:
its digit is not part of the code."""


def parse(secret: bytes, text: str) -> ParsedCode | None:
    """Read a code from scanner or keyboard text; None if it is malformed or forged."""
    if not text.isdigit():  # a scanner's digits alone carry no prefix
        text = _AIM_PREFIX.sub("", text, count=1)
    code = digits_of(text)
    if len(code) != CODE_DIGITS:
        return None
    delegate_id = int(code[:ID_DIGITS])
    version = int(code[ID_DIGITS : ID_DIGITS + VERSION_DIGITS])
    if delegate_id == 0 or version == 0:
        return None
    if not hmac.compare_digest(
        code[ID_DIGITS + VERSION_DIGITS :], _mac(secret, delegate_id, version)
    ):
        return None
    return ParsedCode(code, delegate_id, version)


def issue_first(event: Event, delegate_ids: Iterable[int]) -> None:
    """Give version 1 to delegates that have no code yet (inside the caller's transaction)."""
    secret = event.secret()
    now = stamp(event.now())
    event.conn.executemany(
        "insert or ignore into codes (delegate_id, version, code, issued_at) values (?, 1, ?, ?)",
        [(i, make_code(secret, i, 1), now) for i in delegate_ids],
    )


def reissue(event: Event, delegate_id: int, *, reason: str = "") -> str:
    """Reprint: revoke the current badge and issue the next version. Returns the new code."""
    secret = event.secret()
    with event.write():
        row = event.conn.execute(
            "select max(version) from codes where delegate_id = ?", (delegate_id,)
        ).fetchone()
        if (
            event.conn.execute("select 1 from delegates where id = ?", (delegate_id,)).fetchone()
            is None
        ):
            raise DaihoiError("delegate.unknown", id=delegate_id)
        version = (row[0] or 0) + 1
        code = make_code(secret, delegate_id, version)
        now = stamp(event.now())
        event.conn.execute(
            "update codes set revoked_at = ? where delegate_id = ? and revoked_at is null",
            (now, delegate_id),
        )
        event.conn.execute(
            "insert into codes (delegate_id, version, code, issued_at) values (?, ?, ?, ?)",
            (delegate_id, version, code, now),
        )
        event.journal(
            "badge.reissued", {"delegate_id": delegate_id, "version": version, "reason": reason}
        )
    return code


@dataclass(frozen=True)
class CodeState:
    """What the event file knows of one signed code."""

    delegate_id: int
    version: int
    issued_at: str | None
    """None when this version was never issued (cannot happen for a genuine badge)."""
    revoked_at: str | None
    """When a reprint replaced this badge; None while it is the current one."""


def state(event: Event, parsed: ParsedCode) -> CodeState:
    row = event.conn.execute(
        "select issued_at, revoked_at from codes where delegate_id = ? and version = ?",
        (parsed.delegate_id, parsed.version),
    ).fetchone()
    issued_at, revoked_at = row if row else (None, None)
    return CodeState(parsed.delegate_id, parsed.version, issued_at, revoked_at)


def current_codes(event: Event) -> list[tuple[int, str, int]]:
    """(delegate id, current code, version) of every delegate with a valid badge."""
    return list(
        event.conn.execute(
            "select delegate_id, code, version from codes where revoked_at is null order by delegate_id"
        )
    )
