"""Phrases built from domain figures, shared by the screens and the command line.

One function per phrase, so the reception screen and ``daihoi checkin`` give the same notes, and
the MC screen, the dashboard and ``daihoi programme`` give the same offset.
"""

from __future__ import annotations

from pathlib import Path

from data.checkin import NotesFor
from data.store import Event
from programme.notes import notes_for

from .i18n import lang, t


def desk_notes(event: Event) -> NotesFor:
    """A function giving the rendered notes of a delegate, for :class:`data.checkin.Desk`."""
    return lambda delegate_id: [t(key, **values) for key, values in notes_for(event, delegate_id)]


def decimal(value: float, digits: int = 1) -> str:
    """A number as the reader writes it: ``16,7`` in Vietnamese, ``16.7`` in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang() == "vi" else text


def hhmm(stamp: str | None) -> str:
    """A stored stamp as the desk says it: ``2025-09-20T08:12:03.000+07:00`` → ``08:12``."""
    return stamp[11:16] if stamp else ""


def offset_text(minutes: int) -> str:
    """The day's offset as the MC says it: 12 → "chậm 12 phút", -3 → "sớm 3 phút", 0 → "đúng giờ"."""
    if minutes > 0:
        return t("programme.offset.late", n=minutes)
    if minutes < 0:
        return t("programme.offset.early", n=-minutes)
    return t("programme.offset.on_time")


def cannot_write(path: Path | str, exc: OSError) -> str:
    """A file the console writes (report, badge, tray sheet) could not be written: say which
    and why, so the desk can pick another drive; the worker survives and the scan field stays."""
    return t("console.cannot_write", path=exc.filename or path, reason=exc.strerror or exc)
