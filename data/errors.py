"""One exception for every refusal a user must read.

Domain code never formats a sentence: it raises :class:`DaihoiError` with a message key from the
catalog (``console/i18n.py``) and the values to put in it, and the console or the command line
renders it in the user's language. That keeps ``data`` free of UI concerns and every message in
one place, checked by a test in both languages.
"""

from __future__ import annotations

from typing import Any


class DaihoiError(Exception):
    """A refusal with a catalog key, e.g. ``DaihoiError("event.exists", path="a.db")``."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key, params)
        self.key = key
        """Message key in the catalog."""
        self.params = params
        """Values substituted into the message."""

    def __str__(self) -> str:  # a readable fallback for logs and tracebacks
        args = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{self.key}({args})"
