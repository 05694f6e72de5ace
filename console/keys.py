"""Key bindings whose footer descriptions come from the message catalog.

Textual reads ``BINDINGS`` when a class is created, before the user's language is known. Screens
write catalog keys as descriptions and call :func:`translate_bindings` in ``__init__``, which
renders them in the current language on the instance's own copy of the bindings.

:class:`ScanBursts` is the other thing about keys: it tells a badge scanner's keystrokes from a
person's, so a scan lands whatever screen or widget has the focus.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode

from data import codes

from .i18n import CATALOG, t


def translate_bindings(node: DOMNode) -> None:
    """Replace catalog keys in ``node``'s binding descriptions with their text."""
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            dataclasses.replace(
                b,
                description=t(b.description) if b.description in CATALOG else b.description,
                tooltip=t(b.tooltip) if b.tooltip in CATALOG else b.tooltip,
            )
            for b in bindings
        ]


def ours(binding: Binding) -> bool:
    """True for a binding of daihoi's own (its description is a catalog text), not one that
    Textual adds to every screen in English (Focus Next, Copy selected text, palette)."""
    return bool(binding.description) and binding.description in _texts()


def _texts() -> set[str]:
    from .i18n import lang

    return {entry[lang()] for entry in CATALOG.values()}


SCAN_GAP = 0.04
"""Seconds between two keys of a scanner burst, at most. A USB scanner types a code in a few
milliseconds a key; nobody types eight digits in a row 40 ms apart (300 words a minute)."""


@dataclass
class ScanBursts:
    """Tells a badge scanner's keystrokes from a person's, by the time between keys.

    Fed every key the app receives (:meth:`feed`), it answers the digits when an Enter ends a run
    of digits typed faster than ``gap`` seconds apart, long enough to be a code
    (:func:`data.codes.looks_like_code`); otherwise None and the key goes on as usual. The
    threshold is an attribute so a test (or a slow remote desk) can set it.
    """

    gap: float = SCAN_GAP
    digits: list[str] = dataclasses.field(default_factory=list)
    """The digits of the run so far."""
    last: float | None = None
    """When the last key of the run arrived."""

    def feed(self, key: str, character: str | None, at: float) -> str | None:
        fast = self.last is not None and at - self.last <= self.gap
        if character is not None and len(character) == 1 and character.isdigit():
            if not fast:
                self.digits = []
            self.digits.append(character)
            self.last = at
            return None
        run, self.digits, self.last = "".join(self.digits), [], None
        if key in ("enter", "ctrl+m") and fast and codes.looks_like_code(run):
            return run
        return None


# The organizer's keys, open from every screen (the app binds them; their screens show them).
IMPORT_KEY = "ctrl+o"
"""Import the delegate list."""
PRINT_KEY = "ctrl+b"
"""Open printing (b for badge: "In thẻ")."""
SAFETY_KEY = "ctrl+s"
"""Open backups, desk copies and PINs (s for "sao lưu")."""
