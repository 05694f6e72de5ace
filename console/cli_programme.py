"""The ``daihoi`` commands of the programme area, registered on the group of :mod:`console.cli`.

``daihoi programme`` prints the running order; its subcommands do the MC's live operations from
a shell (or a script, or another desk): the same functions as the MC screen, the same journal.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import click

from data.store import Event
from programme import running
from programme.timing import DayTiming

from .clikit import (
    db_option,
    desk_option,
    emit,
    group,
    import_command,
    json_option,
    open_event,
    print_skipped,
    say,
)
from .i18n import t
from .phrases import offset_text


def hm(moment: datetime | None) -> str | None:
    return moment.strftime("%H:%M") if moment else None


def public(prog: running.Programme, day: DayTiming) -> dict[str, Any]:
    """The stable JSON shape of the running order (times ``HH:MM``, null where none)."""
    items = []
    for item in prog.items:
        it = day.of(item.id)
        items.append(
            {
                "id": item.id,
                "parent_id": item.parent_id,
                "title": item.title,
                "performer": item.performer,
                "state": it.state,
                "planned_start": hm(it.planned_start),
                "planned_minutes": int((it.planned_end - it.planned_start).total_seconds() // 60),
                "actual_start": hm(it.actual_start),
                "actual_end": hm(it.actual_end),
                "projected_start": hm(it.projected_start),
            }
        )
    return {
        "items": items,
        "offset_minutes": day.offset_minutes,
        "projected_end": hm(day.projected_end),
    }


def show(event: Event, as_json: bool) -> None:
    prog = running.load(event)
    day = prog.timing(event.now())
    if as_json:
        emit(public(prog, day))
        return
    for item in prog.items:
        it = day.of(item.id)
        actual = f"{hm(it.actual_start) or '':5}-{hm(it.actual_end) or '':5}"
        projected = hm(it.projected_start) if it.state == "pending" else ""
        indent = "  " if item.parent_id else ""
        who = f" · {item.performer}" if item.performer else ""
        click.echo(
            f"{item.id:>3} {t('programme.state.' + it.state):<10} {hm(it.planned_start)}"
            f" {item.minutes:>3}' {actual} {projected or '':5}  {indent}{item.title}{who}"
        )
    say(t("programme.summary", end=hm(day.projected_end), offset=offset_text(day.offset_minutes)))


def report(outcome: running.Outcome) -> None:
    if outcome.item is not None:
        say(t(outcome.kind, title=outcome.item.title))
    if outcome.present is not None:
        say(t("programme.present", n=outcome.present))


@group("programme", help="cli.programme", invoke_without_command=True)
@db_option
@json_option
@click.pass_context
def programme_group(ctx: click.Context, db: str | None, as_json: bool) -> None:
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["json"] = as_json
    if ctx.invoked_subcommand is None:
        show(open_event(db, readonly=True), as_json)


def _live(name: str, help_key: str, operation: Any) -> None:
    @programme_group.command(name=name, help=help_key)
    @db_option
    @desk_option
    @json_option
    @click.pass_context
    def command(ctx: click.Context, db: str | None, desk: str, as_json: bool) -> None:
        event = open_event(db or ctx.obj.get("db"), desk)
        report(operation(event))
        show(event, as_json or ctx.obj.get("json", False))


_live("start", "cli.programme.start", running.start)
_live("next", "cli.programme.next", running.next_item)
_live("finish", "cli.programme.finish", running.finish)
_live("skip", "cli.programme.skip", running.skip)


@import_command("programme", "cli.import.programme", sheet=False)
def import_programme(db: str | None, file: str, dry_run: bool, as_json: bool) -> None:
    from programme.importing import import_programme as run_import

    event = open_event(db)
    result = run_import(event, file, dry_run=dry_run)
    print_skipped(file, result.skipped)
    print_skipped(file, result.warnings, "import.warn")
    say(t("programme.import.summary", n=len(result.items), skipped=len(result.skipped)))
    if dry_run:
        say(t("import.dry_run"))
        if as_json:
            emit({"items": [r.public() for r in result.items]})
        return
    show(event, as_json)
