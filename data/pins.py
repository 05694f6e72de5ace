"""Desk and organizer PINs, kept as salted scrypt hashes in the event file.

The desk PIN gates browsers on the LAN (``daihoi serve`` on a non-loopback address); the
organizer PIN gates organizer actions in the console (re-import, approving walk-ins, reprinting
badges, undoing another desk's check-in, editing a started programme, merging). A PIN is never
stored or journaled in clear.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from .errors import DaihoiError
from .store import Event

KINDS = ("desk", "organizer")
_N, _R, _P = 2**14, 8, 1


def _hash(pin: str, salt: bytes) -> str:
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def new_pin() -> str:
    """A random 6-digit PIN (digits: typed on any keyboard, any input method)."""
    return f"{secrets.randbelow(10**6):06d}"


def set_pin(event: Event, kind: str, pin: str) -> None:
    """Set the desk or organizer PIN (at least 4 digits)."""
    if kind not in KINDS:
        raise DaihoiError("pin.bad_kind", kind=kind)
    if not (pin.isascii() and pin.isdigit() and len(pin) >= 4):  # "١٢٣٤" is not typeable
        raise DaihoiError("pin.too_short")
    with event.write():
        event.conn.execute(
            f"update event set {kind}_pin = ?", (_hash(pin, secrets.token_bytes(16)),)
        )
        event.journal("pin.set", {"kind": kind})


def has_pin(event: Event, kind: str) -> bool:
    return bool(event.conn.execute(f"select {_column(kind)} from event").fetchone()[0])


def check_pin(event: Event, kind: str, pin: str) -> bool:
    """True when ``pin`` is the event's PIN of ``kind``; False when wrong or none is set."""
    stored = event.conn.execute(f"select {_column(kind)} from event").fetchone()[0]
    if not stored:
        return False
    _, salt, _ = stored.split("$")
    return hmac.compare_digest(stored, _hash(pin.strip(), bytes.fromhex(salt)))


def _column(kind: str) -> str:
    if kind not in KINDS:
        raise DaihoiError("pin.bad_kind", kind=kind)
    return f"{kind}_pin"
