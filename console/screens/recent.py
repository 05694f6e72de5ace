"""The event files this computer opened recently, newest first (the start screen lists them).

Apart from :mod:`console.screens.start` so that opening an event (``make_app``) remembers it
without loading the start screen's code, the file dialog and the spreadsheet readers it uses.
"""

from __future__ import annotations

import os
from pathlib import Path

RECENT_LIMIT = 10
"""How many event files the start screen remembers."""


def recent_file() -> Path:
    """Where this computer remembers the event files the console opened, newest first."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "daihoi" / "recent.txt"


def recent_events() -> list[Path]:
    """The event files opened recently, newest first, those still there."""
    try:
        lines = recent_file().read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    found = [Path(line) for line in lines if line.strip()]
    return [p for p in dict.fromkeys(found) if p.is_file()][:RECENT_LIMIT]


def remember_recent(path: Path) -> None:
    """Put ``path`` first among the recent event files (a read-only home: not remembered)."""
    target = path.resolve()
    try:
        lines = recent_file().read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    kept = [str(target)] + [line for line in lines if line.strip() and line != str(target)]
    try:
        recent_file().parent.mkdir(parents=True, exist_ok=True)
        recent_file().write_text("\n".join(kept[:RECENT_LIMIT]) + "\n", encoding="utf-8")
    except OSError:
        pass
