"""The ``daihoi`` commands of the reports area: ``export``, ``higher-level``, and
``import higher-level``, registered on the group of :mod:`console.cli` (``stats`` is in
:mod:`console.cli_stats`, so that reading the figures loads none of the reports' code).

Files are written by :mod:`console.outputs`, as from the dashboard.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from data import delegates as delegates_mod
from data.reports import KINDS

from .cli_progress import progress_bar
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
from .outputs import CREDENTIALS, SUMMARY, write_report


# ---------------------------------------------------------------- export
@command("export", help="cli.export")
@db_option
@click.argument("kind", type=click.Choice([*KINDS, SUMMARY, CREDENTIALS]))
@output_option()
@option("--bucket", type=click.IntRange(1, 60), default=10, help="cli.opt.bucket")
@option("--session", default=None, help="cli.opt.session")
@json_option
def export(
    db: str | None, kind: str, out: str, bucket: int, session: str | None, as_json: bool
) -> None:
    from data.sessions import viewing

    event = open_event(db, "organizers", readonly=True)
    target = Path(out)
    with (
        viewing(event, session),  # another session's check-ins, read as the current ones
        progress_bar("progress.export", as_json=as_json) as progress,
    ):
        report = write_report(event, kind, target, bucket, progress=progress)
    if report is None:
        if as_json:
            emit({"kind": kind, "path": str(target)})
        done = "export.credentials_done" if kind == CREDENTIALS else "export.summary_done"
        say(t(done, path=target))
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
    from data import higher_level_import
    from data.sheets import Skipped

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
