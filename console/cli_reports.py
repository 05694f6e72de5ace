"""The ``daihoi`` commands of the reports area: ``export``, ``stats``, ``higher-level``, and
``import higher-level``, registered on the group of :mod:`console.cli`.

Every figure comes from :func:`data.stats.compute`, the same call the dashboard makes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from data import delegates as delegates_mod
from data import export as export_mod
from data import higher_level_import
from data import stats as stats_mod
from data.errors import DaihoiError
from data.outputs import refuse_input
from data.sheets import Skipped
from data.store import Event, stamp

from .clikit import (
    command,
    db_option,
    emit,
    group,
    import_command,
    json_option,
    open_event,
    option,
    output_option,
    print_skipped,
    say,
)
from .i18n import t
from .phrases import offset_text

SUMMARY = "summary"
"""``daihoi export summary -o FILE.pdf``: the one-page PDF, not a table."""


# ---------------------------------------------------------------- what programme adds
def programme_figures(event: Event) -> stats_mod.ProgrammeFigures | None:
    """Where the running order stands, timed by ``programme.timing`` (None without items)."""
    from programme import running

    prog = running.load(event)
    if not prog.items:
        return None
    timing = prog.timing(event.now())
    leaves = prog.leaves
    current = prog.current
    return stats_mod.ProgrammeFigures(
        total=len(leaves),
        done=sum(1 for i in leaves if i.state in ("done", "skipped")),
        current=current.title if current else None,
        current_started_at=stamp(current.runs[-1].started_at) if current and current.runs else None,
        offset_minutes=timing.offset_minutes if prog.started else None,
    )


def figures(event: Event, bucket_minutes: int = stats_mod.BUCKET_MINUTES) -> stats_mod.Stats:
    """The day's figures with the programme's timing: what ``stats``, the dashboard and the
    summary PDF show."""
    return stats_mod.compute(
        event, bucket_minutes=bucket_minutes, programme=programme_figures(event)
    )


def report_inputs(event: Event, kind: str) -> dict[str, Any]:
    """What a report needs from ``programme`` (timing, calling order), which data cannot import."""
    if kind == "programme":
        return {"programme_lines": programme_lines(event)}
    if kind == "honours":
        from programme import honours

        return {"honours_order": [h.id for h in honours.all_honours(event)]}
    return {}


def programme_lines(event: Event) -> list[export_mod.ProgrammeLine]:
    """Each item's planned and actual times, numbered "3" and "3.1" as the agenda prints them."""
    from programme import running

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
            export_mod.ProgrammeLine(
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


# ---------------------------------------------------------------- export
@command("export", help="cli.export")
@db_option
@click.argument("kind", type=click.Choice([*export_mod.KINDS, SUMMARY]))
@output_option()
@option("--bucket", type=click.IntRange(1, 60), default=10, help="cli.opt.bucket")
@json_option
def export(db: str | None, kind: str, out: str, bucket: int, as_json: bool) -> None:
    event = open_event(db, "organizers", readonly=True)
    target = Path(out)
    report = write_report(event, kind, target, bucket)
    if report is None:
        if as_json:
            emit({"kind": kind, "path": str(target)})
        say(t("export.summary_done", path=target))
        return
    if as_json:
        emit(
            {
                "kind": kind,
                "path": str(target),
                "sheets": [{"name": s.name, "rows": len(s.rows)} for s in report.sheets],
            }
        )
    say(t("export.done", path=target, rows=len(report.sheets[0].rows)))
    if target.suffix.lower() == ".csv" and len(report.sheets) > 1:
        say(t("export.csv_first_sheet", sheets=", ".join(s.name for s in report.sheets[1:])))


def write_report(
    event: Event, kind: str, target: Path, bucket: int = 10
) -> export_mod.Report | None:
    """Write report ``kind`` (or the one-page summary PDF, then None) to ``target``: the
    command line and the dashboard write reports through this one call."""
    if kind != SUMMARY:
        return export_mod.export(event, kind, target, **report_inputs(event, kind))
    from badges.summary import render_summary

    refuse_input(event, target)
    if target.suffix.lower() != ".pdf":
        raise DaihoiError("export.summary_pdf", path=str(target))
    render_summary(figures(event, bucket), target)
    return None


# ---------------------------------------------------------------- stats
@command("stats", help="cli.stats")
@db_option
@option("--bucket", type=click.IntRange(1, 60), default=10, help="cli.opt.bucket")
@json_option
def stats(db: str | None, bucket: int, as_json: bool) -> None:
    found = figures(open_event(db, readonly=True), bucket)
    if as_json:
        emit(found.public())
        return
    for line in stats_lines(found):
        click.echo(line)


def stats_lines(figures: stats_mod.Stats) -> list[str]:
    """The figures as the terminal prints them (the dashboard shows the same)."""
    pct = stats_mod.percent
    lines = [
        figures.title,
        t(
            "stats.arrived",
            arrived=figures.arrived,
            expected=figures.expected,
            pct=pct(figures.arrived, figures.expected),
        ),
    ]
    if figures.walkins_pending:
        lines.append(t("stats.walkins", n=figures.walkins_pending))
    for heading, groups in (
        ("stats.by_delegation", figures.by_delegation),
        ("stats.by_category", figures.by_category),
    ):
        lines += ["", t(heading)]
        width = max((len(g.label) for g in groups), default=0)
        for g in groups:
            lines.append(
                f"  {g.label:<{width}}  {g.arrived:>5} / {g.expected:<5} {pct(g.arrived, g.expected):>7}"
            )
    lines += ["", t("stats.composition")]
    for dimension in figures.composition:
        if dimension.name in (stats_mod.CATEGORY, stats_mod.DELEGATION):
            continue
        parts = [
            f"{g.label} {g.arrived} ({pct(g.arrived, figures.arrived)})"
            for g in dimension.groups
            if g.level == 0 and g.expected
        ]
        lines.append(f"  {dimension.name}: " + "; ".join(parts))
    caption = arrivals_caption(figures)
    if caption:
        lines += ["", *caption.splitlines()]
    lines += ["", honours_line(figures)]
    if figures.programme:
        lines.append(programme_line(figures.programme))
    return lines


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


# ---------------------------------------------------------------- higher level
@group("higher-level", help="cli.higher_level")
def higher_level() -> None:
    pass


def _mark(db: str | None, ids: tuple[int, ...], chosen: bool, as_json: bool) -> None:
    event = open_event(db, "organizers")
    with event.write():  # all or none: an unknown id leaves every mark as it was
        for delegate_id in ids:
            delegates_mod.set_higher_level(event, delegate_id, chosen)
    found = delegates_mod.get_many(event, ids)
    if as_json:
        emit([{"id": d.id, "name": d.name, "higher_level": d.higher_level} for d in found.values()])
    else:
        for delegate_id in ids:
            click.echo(f"{delegate_id:>5}  {found[delegate_id].name}")
    total = sum(1 for d in delegates_mod.all_delegates(event) if d.higher_level)
    say(t("higher.marked" if chosen else "higher.unmarked", n=len(ids), total=total))


@higher_level.command(name="mark", help="cli.higher_level.mark")
@db_option
@click.argument("ids", nargs=-1, required=True, type=int)
@json_option
def higher_mark(db: str | None, ids: tuple[int, ...], as_json: bool) -> None:
    _mark(db, ids, True, as_json)


@higher_level.command(name="unmark", help="cli.higher_level.unmark")
@db_option
@click.argument("ids", nargs=-1, required=True, type=int)
@json_option
def higher_unmark(db: str | None, ids: tuple[int, ...], as_json: bool) -> None:
    _mark(db, ids, False, as_json)


@import_command("higher-level", "cli.import.higher_level", sheet=False)
def import_higher_level(db: str | None, file: str, dry_run: bool, as_json: bool) -> None:
    event = open_event(db, "organizers")
    result = higher_level_import.import_higher_level(event, file, dry_run=dry_run)
    unmatched: list[dict[str, Any]] = [
        {"row": u.row, "text": u.text, "reason": u.reason} for u in result.unmatched
    ]
    if as_json:
        emit({"marked": list(result.marked), "already": result.already, "unmatched": unmatched})
    else:
        for delegate_id in result.marked:
            click.echo(f"+ {delegate_id:>5}")
    print_skipped(  # summed up past the first rows, like every import's skipped rows
        file, [Skipped(u.row, f"higher.{u.reason}", {"text": u.text}) for u in result.unmatched]
    )
    say(
        t(
            "higher.import_summary",
            marked=len(result.marked),
            already=result.already,
            unmatched=len(result.unmatched),
        )
    )
    if dry_run:
        say(t("import.dry_run"))
