"""The ``daihoi`` commands of the event file: create it, set its PINs, check, back up, copy
for a desk and merge the copies back (registered in :data:`console.cli.COMMANDS`)."""

from __future__ import annotations

import click

from data import journal, pins, replicas
from data.errors import DaihoiError
from programme import setup

from .cli_progress import progress_bar
from .clikit import (
    command,
    db_option,
    default_operator,
    desk_option,
    emit,
    json_option,
    open_event,
    option,
    output_option,
    say,
)
from .i18n import t
from .phrases import merge_summary


@command("init", help="cli.init")
@db_option
@option("--title", required=True, help="cli.opt.title")
@option(
    "--kind", type=click.Choice(["dai-hoi", "hoi-nghi"]), default="dai-hoi", help="cli.opt.kind"
)
@option("--date", default=None, help="cli.opt.date")
@option("--start", default="07:30", help="cli.opt.start")
@json_option
def init(
    db: str | None, title: str, kind: str, date: str | None, start: str, as_json: bool
) -> None:
    event = setup.create_event(
        db, title=title, kind=kind, date=date, start=start, operator=default_operator()
    )
    click.get_current_context().call_on_close(event.close)  # as open_event's events are
    desk_pin, organizer_pin = setup.issue_pins(event)
    if as_json:
        emit(
            {
                "path": str(event.path),
                "uid": event.info.uid,
                "title": event.info.title,
                "desk_pin": desk_pin,
                "organizer_pin": organizer_pin,
            }
        )
    say(t("event.created", title=event.info.title, path=event.path))
    say(t("pin.created", desk=desk_pin, organizer=organizer_pin))


@command("pin", help="cli.pin")
@db_option
@click.argument("kind", type=click.Choice(pins.KINDS))
@option("--pin", "pin", prompt=True, hide_input=True, confirmation_prompt=True, help="cli.opt.pin")
def pin(db: str | None, kind: str, pin: str) -> None:
    event = open_event(db)
    pins.set_pin(event, kind, pin)
    say(t("pin.changed", kind=t(f"pin.kind.{kind}")))


# ---------------------------------------------------------------- copies
@command("verify", help="cli.verify")
@db_option
@json_option
def verify(db: str | None, as_json: bool) -> None:
    event = open_event(db, readonly=True)
    found = journal.verify(event.conn)
    if as_json:
        emit({"ok": found.ok, **found.__dict__})
    if found.integrity != "ok":
        raise DaihoiError("verify.corrupt", path=str(event.path), check=found.integrity)
    if found.broken_seq is not None:
        raise DaihoiError(
            "verify.broken",
            path=str(event.path),
            seq=found.broken_seq,
            kind=found.broken_kind,
            at=found.broken_at,
        )
    say(t("verify.ok", path=event.path, rows=found.rows))


@command("backup", help="cli.backup")
@db_option
@click.argument("dest", type=click.Path())
@json_option
def backup(db: str | None, dest: str, as_json: bool) -> None:
    made = replicas.backup(open_event(db, readonly=True), dest)
    if as_json:
        emit({"path": str(made)})
    say(t("backup.done", path=made))


@command("clone", help="cli.clone")
@db_option
@desk_option
@output_option()
def clone(db: str | None, desk: str, out: str) -> None:
    made = replicas.clone(open_event(db), desk, out)
    say(t("clone.done", desk=desk, path=made))


@command("merge", help="cli.merge")
@db_option
@click.argument("copies", nargs=-1, required=True, type=click.Path(dir_okay=False))
@option("--dry-run", is_flag=True, help="cli.opt.dry_run")
@json_option
def merge(db: str | None, copies: tuple[str, ...], dry_run: bool, as_json: bool) -> None:
    event = open_event(db, "merge")
    results = []
    for copy in copies:
        with progress_bar("progress.merge", as_json=as_json) as progress:
            reports = replicas.merge(event, copy, dry_run=dry_run, progress=progress)
        main, back = reports["main"], reports["copy"]
        results.append({"file": copy, "main": main.public(), "copy": back.public()})
        say(merge_summary(copy, main, back))
    if as_json:
        emit(results)
    if dry_run:
        say(t("import.dry_run"))
