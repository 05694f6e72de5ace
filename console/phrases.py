"""Phrases built from domain figures, shared by the screens and the command line.

One function per phrase, so the reception screen and ``daihoi checkin`` give the same notes, and
the MC screen, the dashboard and ``daihoi programme`` give the same offset.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from data.text import fold

from .i18n import lang, t

if TYPE_CHECKING:
    from data import stats as stats_mod
    from data.checkin import NotesFor
    from data.importing import ImportReport
    from data.replicas import MergeReport
    from data.sheets import Skipped
    from data.store import Event
    from programme.honours import Honour


def desk_notes(event: Event) -> NotesFor:
    """A function giving the rendered notes of a delegate, for :class:`data.checkin.Desk`."""
    from programme.notes import notes_for

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


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` with one decimal, as the reader writes it: "38,5%" in Vietnamese,
    "38.5%" in English (:func:`data.stats.percent` rounds)."""
    from data import stats as stats_mod  # not loaded for the console's first paint

    text = stats_mod.percent(part, whole)
    return text if lang() == "vi" else text.replace(",", ".")


# ---------------------------------------------------------------- honours
def items_text(h: Honour) -> str:
    """What goes on the tray with an honour, in the user's language."""
    return ", ".join(t(f"honours.item.{item}") for item in h.items)


def detail_text(h: Honour) -> str:
    """Position and unit, then posthumous / who receives for a collective."""
    parts = [p for p in (h.position, h.unit) if p]
    text = ", ".join(parts)
    extra = []
    if h.posthumous and "truy tang" not in fold(h.recipient):
        extra.append(t("honours.posthumous"))
    if h.collective and h.representative:
        extra.append(t("honours.representative", name=h.representative))
    return " — ".join([text, *extra] if text else extra)


def group_title(name: str) -> str:
    return name or t("honours.no_group")


# ---------------------------------------------------------------- the day's figures
def arrivals_caption(figures: stats_mod.Stats) -> str:
    """What the arrivals chart shows (first bar, busiest bar) and, on a second line, how many
    check-ins are off it (stamped on another day); "" when there is nothing to say."""
    lines = []
    if figures.arrivals:
        peak_at, peak = max(figures.arrivals, key=lambda bar: bar[1])
        lines.append(
            t(
                "stats.arrivals",
                first=figures.arrivals[0][0],
                peak=peak,
                peak_at=peak_at,
                minutes=figures.bucket_minutes,
            )
        )
    if figures.arrivals_outside:
        lines.append(t("stats.arrivals_outside", n=figures.arrivals_outside))
    return "\n".join(lines)


def _stats_words() -> dict[str, str]:
    """The figures' own fixed words (criteria and fixed groups) and their catalog keys."""
    from data import stats as stats_mod

    words = {
        stats_mod.GENDER: "gender",
        stats_mod.ETHNICITY: "ethnicity",
        stats_mod.RELIGION: "religion",
        stats_mod.AGE: "age",
        stats_mod.CATEGORY: "category",
        stats_mod.DELEGATION: "delegation",
        stats_mod.UNKNOWN: "unknown",
        stats_mod.KINH: "kinh",
        stats_mod.MINORITIES: "minorities",
        stats_mod.NO_RELIGION: "no_religion",
        "Nam": "male",
        "Nữ": "female",
    }
    for i, (label, _low, _high) in enumerate(stats_mod.AGE_BANDS):
        words[label] = f"age_band_{i}"
    return words


def stats_word(word: str) -> str:
    """A criterion or fixed group of the figures ("Giới tính", "Nữ", "Dưới 30 tuổi") in the
    UI's language; any other label is the list's own word and stays as written ("Tày")."""
    key = _stats_words().get(word)
    return t(f"stats.word.{key}") if key else word


def honours_line(figures: stats_mod.Stats) -> str:
    h = figures.honours
    if h is None or not h.planned:
        return t("stats.no_honours")
    return t(
        "stats.honours", presented=h.presented, planned=h.planned, absent=h.absent, proxy=h.proxy
    )


def programme_line(p: stats_mod.ProgrammeFigures) -> str:
    """Where the programme is, and how late: "Đang diễn ra: Khai mạc (chậm 4 phút)"."""
    if p.current:
        head = t("stats.programme_current", title=p.current, done=p.done, total=p.total)
    else:
        head = t("stats.programme_idle", done=p.done, total=p.total)
    if p.offset_minutes is None:
        return head
    return f"{head} · {offset_text(p.offset_minutes)}"


# ---------------------------------------------------------------- what an import understood
LEGACY_NAMES = {"tcvn3": "TCVN3", "tcvn3-upper": "TCVN3 (.VnTimeH)", "vni": "VNI-Windows"}
"""How the legacy encodings of :mod:`data.legacy` are called where users read them."""


def understood_lines(report: ImportReport) -> list[str]:
    """What a delegate import understood, one line each: sheets and header rows, the column
    behind each field, sections, names, fill-down, legacy text, rows skipped and why, notes.
    ``daihoi import delegates`` prints them, the app's preview shows them; none for a report
    made without reading a file."""
    seen = report.understood
    if not seen.header_rows:
        return []

    def listed(items: list[str], limit: int = 6) -> str:
        shown = ", ".join(items[:limit])
        more = len(items) - limit
        return shown + (" " + t("import.seen.more", count=more) if more > 0 else "")

    lines: list[str] = []
    rows = "–".join(str(r) for r in seen.header_rows)
    sheets = [s for s in seen.sheets if s]
    if sheets:
        lines.append(t("import.seen.where", sheets=", ".join(sheets), rows=rows))
    else:
        lines.append(t("import.seen.where_csv", rows=rows))
    if seen.layout:
        lines.append(t(f"workbench.layout.{seen.layout}"))
    columns = [
        t("import.seen.column", field=t(f"import.field.{c.field}"), header=c.header,
          letters=c.letters)
        for c in seen.columns
    ]  # fmt: skip
    lines.append(t("import.seen.columns", columns="; ".join(columns)))
    if seen.delegations:
        names = listed(list(dict.fromkeys(seen.delegations)))
        lines.append(t("import.seen.delegations", count=len(seen.delegations), names=names))
    if seen.categories:
        names = listed(seen.categories)
        lines.append(t("import.seen.categories", count=len(seen.categories), names=names))
    if seen.honorifics or seen.roles or seen.recased:
        lines.append(
            t(
                "import.seen.names",
                honorifics=seen.honorifics,
                roles=seen.roles,
                recased=seen.recased,
            )
        )
    if seen.filled_down:
        lines.append(t("import.seen.filled", count=seen.filled_down))
    if seen.legacy:
        counts = ", ".join(f"{LEGACY_NAMES.get(k, k)} {n}" for k, n in seen.legacy.items())
        lines.append(t("import.seen.legacy", counts=counts))
    if seen.skipped_reasons:
        first: dict[str, Skipped] = {}
        for s in report.skipped:
            first.setdefault(s.key, s)
        reasons = [
            t("import.seen.reason", count=n, reason=t(k, **first[k].params))
            for k, n in seen.skipped_reasons.items()
            if k in first
        ]
        lines.append(t("import.seen.skipped", reasons="; ".join(reasons)))
    lines += [t(note.key, **note.params) for note in seen.notes]
    return lines


def merge_summary(desk: str, main: MergeReport, back: MergeReport) -> str:
    """What merging a desk copy brought (``main``) and sent back (``back``), as the command line
    and the safety screen say it."""
    return t(
        "merge.summary",
        desk=desk,
        rows=main.journal_rows,
        checkins=main.checkins,
        duplicates=main.duplicates,
        undos=main.undos,
        walkins=main.walkins,
        revocations=main.revocations,
        back=back.journal_rows,
    )
