"""Key bindings whose footer descriptions come from the message catalog.

Textual reads ``BINDINGS`` when a class is created, before the user's language is known. Screens
write catalog keys as descriptions and call :func:`translate_bindings` in ``__init__``, which
renders them in the current language on the instance's own copy of the bindings.
"""

from __future__ import annotations

import dataclasses

from textual.dom import DOMNode

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
