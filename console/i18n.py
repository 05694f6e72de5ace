"""The message catalog: every string a user reads, in Vietnamese (default) and English.

``t("key", **values)`` renders a message in the current language; ``render(error)`` renders a
:class:`data.errors.DaihoiError`. The language comes from ``--lang`` or ``DAIHOI_LANG``.
A test fails when a key used anywhere in the code is missing here, or lacks either language.
"""

from __future__ import annotations

import os
from typing import Any

from data.errors import DaihoiError

from .catalog import CATALOG

LANGS = ("vi", "en")
_lang = "vi"


def set_lang(lang: str | None = None) -> str:
    """Choose the language: ``lang``, else ``$DAIHOI_LANG``, else Vietnamese."""
    global _lang
    chosen = (lang or os.environ.get("DAIHOI_LANG") or "vi").lower()
    _lang = chosen if chosen in LANGS else "vi"
    return _lang


def lang() -> str:
    return _lang


def t(key: str, **values: Any) -> str:
    """The message ``key`` in the current language, with ``values`` filled in."""
    entry = CATALOG.get(key)
    if entry is None:
        raise KeyError(f"message {key!r} is not in the catalog")
    return entry[_lang].format(**values)


def render(error: DaihoiError) -> str:
    """A refusal from the domain as a sentence for the user."""
    return t(error.key, **error.params)
