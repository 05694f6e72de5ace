"""Files the console writes for organizers, the same from the command line and the screens:
reports (:mod:`data.export`, or the one-page summary PDF) and the honours tray sheets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from data.errors import DaihoiError
from data.outputs import refuse_input
from data.store import Event
from programme import honours as honours_mod
from programme.figures import figures, report_inputs

from .i18n import t
from .phrases import detail_text, group_title, items_text

if TYPE_CHECKING:
    from badges.tray import TrayGroup, TrayLabels
    from data.reports import Report

SUMMARY = "summary"
"""``daihoi export summary -o FILE.pdf``: the one-page PDF, not a table."""

CREDENTIALS = "credentials"
"""``daihoi export credentials -o FILE.docx`` (or ``.pdf``): the report on delegates present."""


def write_report(
    event: Event,
    kind: str,
    target: Path,
    bucket: int = 10,
    progress: Callable[[int, int], None] | None = None,
) -> Report | None:
    """Write report ``kind`` (or the one-page summary PDF, then None) to ``target``: the
    command line and the dashboard write reports through this one call. ``progress`` as for
    :func:`data.export.export` (the summary and the credentials report tell nothing)."""
    if kind == CREDENTIALS:
        write_credentials(event, target)
        return None
    if kind != SUMMARY:
        from data import export as export_mod  # openpyxl: imported by what writes

        return export_mod.export(
            event, kind, target, progress=progress, **report_inputs(event, kind)
        )
    from badges.summary import render_summary

    refuse_input(event, target)
    if target.suffix.lower() != ".pdf":
        raise DaihoiError("export.summary_pdf", path=str(target))
    from .i18n import lang
    from .phrases import stats_word

    render_summary(figures(event, bucket), target, lang=lang(), word=stats_word)
    return None


def write_credentials(event: Event, target: Path) -> None:
    """The report on delegates present (:mod:`data.credentials`) as .docx or .pdf."""
    from data.credentials import build

    refuse_input(event, target)
    suffix = target.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise DaihoiError("export.credentials_format", path=str(target))
    report = build(event)
    if suffix == ".docx":
        from data.credentials_docx import write_docx

        write_docx(report, target)
    else:
        from badges.credentials_pdf import render_credentials

        render_credentials(report, target)


def tray_groups(event: Event, group: str | None = None) -> list[TrayGroup]:
    """The tray sheets' content: plain rows for :mod:`badges.tray`, built from the programme."""
    from badges.tray import TrayGroup, TrayRow  # fpdf: imported by what draws a tray

    result = []
    for name, found in honours_mod.tray(event, group=group):
        presenters = sorted({h.presenter for h in found if h.presenter})
        decisions = sorted({h.decision for h in found if h.decision})
        subtitle = "  ·  ".join(
            [t("honours.presenter", name=", ".join(presenters))] * bool(presenters) + decisions
        )
        rows = [
            TrayRow(i, h.recipient, detail_text(h), h.form, items_text(h))
            for i, h in enumerate(found, start=1)
        ]
        result.append(TrayGroup(group_title(name), subtitle, rows))
    return result


def tray_labels() -> TrayLabels:
    from badges.tray import TrayLabels

    return TrayLabels(
        number=t("honours.tray.number"),
        recipient=t("honours.tray.recipient"),
        honour=t("honours.tray.honour"),
        items=t("honours.tray.items"),
        check=t("honours.tray.check"),
        page=t("honours.tray.page", page="{page}", pages="{pages}"),
    )


def write_tray(event: Event, path: str | Path, group: str | None = None) -> list[TrayGroup]:
    """Render the tray sheets of ``group`` (or every group) to ``path``."""
    from badges.tray import render_tray

    refuse_input(event, path)
    honours_mod.check_group(event, group)
    groups = tray_groups(event, group)
    render_tray(event.info.title, groups, tray_labels(), path)
    return groups
