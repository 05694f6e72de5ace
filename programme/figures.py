"""The day's figures with what the programme adds: the running order's timing and the calling
order of honours, which :mod:`data` cannot import. ``daihoi stats``, ``daihoi export``, the
dashboard and the summary PDF all take their figures from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from data import stats
from data.store import Event, stamp

from . import running

if TYPE_CHECKING:
    from data.reports import ProgrammeLine


def programme_figures(event: Event) -> stats.ProgrammeFigures | None:
    """Where the running order stands, timed by ``programme.timing`` (None without items)."""
    prog = running.load(event)
    if not prog.items:
        return None
    now = event.now()
    timing = prog.timing(now)
    leaves = prog.leaves
    current = prog.current
    return stats.ProgrammeFigures(
        total=len(leaves),
        done=sum(1 for i in leaves if i.state in ("done", "skipped")),
        current=current.title if current else None,
        current_started_at=stamp(current.runs[-1].started_at) if current and current.runs else None,
        offset_minutes=timing.offset_minutes if prog.started and not prog.over(now) else None,
    )


def figures(event: Event, bucket_minutes: int = stats.BUCKET_MINUTES) -> stats.Stats:
    """The day's figures with the programme's timing: what ``stats``, the dashboard and the
    summary PDF show."""
    return stats.compute(event, bucket_minutes=bucket_minutes, programme=programme_figures(event))


def report_inputs(event: Event, kind: str) -> dict[str, Any]:
    """What a report needs from ``programme`` (timing, calling order), which data cannot import."""
    if kind == "programme":
        return {"programme_lines": programme_lines(event)}
    if kind == "honours":
        from . import honours  # the ceremony's model: off the path of ``stats``

        return {"honours_order": [h.id for h in honours.all_honours(event)]}
    return {}


def programme_lines(event: Event) -> list[ProgrammeLine]:
    """Each item's planned and actual times, numbered "3" and "3.1" as the agenda prints them."""
    from data.reports import ProgrammeLine  # the reports' module: off the path of ``stats``

    prog = running.load(event)
    timing = prog.timing(event.now())
    lines = []
    top = sub = 0
    for item in prog.items:
        if item.parent_id is None:
            top, sub = top + 1, 0
            number = str(top)
        else:
            sub += 1
            number = f"{top}.{sub}"
        it = timing.of(item.id)
        lines.append(
            ProgrammeLine(
                number=number,
                title=item.title,
                performer=item.performer,
                state=it.state,
                planned_start=it.planned_start,
                planned_end=it.planned_end,
                actual_start=it.actual_start,
                actual_end=it.actual_end,
            )
        )
    return lines
