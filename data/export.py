"""``daihoi export KIND``: build a report (:mod:`data.reports`) and write it in the format the
file's suffix names (:mod:`data.report_writers`), never over an input.

The names of both modules are re-exported here, so ``from data import export`` reaches every
report kind, header and writer.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from .outputs import refuse_input
from .report_writers import (
    FORMATS,
    FORMULA_START,
    HEADER_ROW,
    inert,
    write,
    write_csv,
    write_json,
    write_xlsx,
    writer_for,
)
from .reports import (
    ABSENT_COLUMNS,
    ATTENDANCE_COLUMNS,
    COMPOSITION_COLUMNS,
    HIGHER_LEVEL_COLUMNS,
    HONOUR_STATES,
    HONOURS_COLUMNS,
    JOURNAL_COLUMNS,
    KINDS,
    PROGRAMME_COLUMNS,
    PROGRAMME_STATES,
    SUMMARY_COLUMNS,
    Cell,
    ProgrammeLine,
    Report,
    Sheet,
    absent,
    attendance,
    build,
    composition,
    hhmmss,
    higher_level,
    honours,
    journal,
    programme,
    when,
)
from .store import Event

__all__ = [
    "ABSENT_COLUMNS",
    "ATTENDANCE_COLUMNS",
    "COMPOSITION_COLUMNS",
    "FORMATS",
    "FORMULA_START",
    "HEADER_ROW",
    "HIGHER_LEVEL_COLUMNS",
    "HONOURS_COLUMNS",
    "HONOUR_STATES",
    "JOURNAL_COLUMNS",
    "KINDS",
    "PROGRAMME_COLUMNS",
    "PROGRAMME_STATES",
    "SUMMARY_COLUMNS",
    "Cell",
    "ProgrammeLine",
    "Report",
    "Sheet",
    "absent",
    "attendance",
    "build",
    "composition",
    "export",
    "hhmmss",
    "higher_level",
    "honours",
    "inert",
    "journal",
    "programme",
    "when",
    "write",
    "write_csv",
    "write_json",
    "write_xlsx",
    "writer_for",
]


def export(
    event: Event,
    kind: str,
    path: str | os.PathLike[str],
    *,
    progress: Callable[[int, int], None] | None = None,
    **inputs: Any,
) -> Report:
    """Build the report ``kind`` (``inputs`` as for :func:`data.reports.build`) and write it to
    ``path`` in the format its suffix names; ``progress(done, total)`` is told when the report
    is built and when it is written (two steps)."""
    target = refuse_input(event, path)  # never over the event file or a list it came from
    writer_for(target)  # refuse an unknown suffix before reading anything
    if progress is not None:
        progress(0, 2)
    report = build(event, kind, **inputs)
    if progress is not None:
        progress(1, 2)
    write(event, report, target)
    if progress is not None:
        progress(2, 2)
    return report
