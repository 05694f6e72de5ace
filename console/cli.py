"""The ``daihoi`` command line: one group, one function per command, data on stdout.

Conventions (every command): ``--db PATH`` (else ``$DAIHOI_DB``, else ``daihoi.db``), data on
stdout (``--json`` for a stable shape), messages on stderr, a one-line reason and exit status 1 on
failure. Commands call the same domain objects as the console.
"""

from __future__ import annotations

import getpass
import os
import shlex
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from data import checkin as checkin_mod
from data import codes as codes_mod
from data import delegates as delegates_mod
from data import journal, pins, replicas
from data.errors import DaihoiError
from data.search import SearchIndex
from data.store import Event, resolve_path

from .clikit import Group, Option, emit, fails_cleanly, option, print_skipped, say
from .i18n import set_lang, t
from .phrases import desk_notes, hhmm

if TYPE_CHECKING:  # the importer loads only when a command imports a list
    from data.importing import ImportReport


def default_operator() -> str:
    """Who is at the keyboard: ``$DAIHOI_OPERATOR``, else the login name."""
    try:
        return os.environ.get("DAIHOI_OPERATOR") or getpass.getuser()
    except Exception:  # no login name in some containers
        return ""


def db_option(func: Any) -> Any:
    return option("--db", "db", type=click.Path(dir_okay=False), default=None, help="cli.opt.db")(
        func
    )


def json_option(func: Any) -> Any:
    return option("--json", "as_json", is_flag=True, help="cli.opt.json")(func)


def output_option(help_key: str = "cli.opt.output") -> Callable[[Any], Any]:
    """``-o/--output FILE`` (required), passed to the command as ``out``."""
    return option(
        "-o", "--output", "out", required=True, type=click.Path(dir_okay=False), help=help_key
    )


def desk_option(func: Any) -> Any:
    return option(
        "--desk", default=lambda: os.environ.get("DAIHOI_DESK", "CLI"), help="cli.opt.desk"
    )(func)


def open_event(db: str | None, desk: str = "CLI", *, readonly: bool = False) -> Event:
    """The event file for a command; ``readonly`` for commands that only read (never a byte
    changed, so they work on backups and read-only media)."""
    return Event.open(
        db, desk=checkin_mod.desk_name(desk), operator=default_operator(), readonly=readonly
    )


@click.group(cls=Group, help="cli.main")
@option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default=None,
    is_eager=True,  # before --help, so "daihoi --lang en --help" is in English
    callback=lambda _ctx, _param, value: set_lang(value),  # None: $DAIHOI_LANG, else vi
    expose_value=False,
    help="cli.opt.lang",
)
@click.version_option(
    package_name="daihoi",
    prog_name="daihoi",
    message="%(prog)s %(version)s",  # no English "version" in it
    cls=Option,
    help="cli.opt.version",
)
def cli() -> None:
    pass


# ---------------------------------------------------------------- the event
@cli.command(help="cli.init")
@db_option
@option("--title", required=True, help="cli.opt.title")
@option(
    "--kind", type=click.Choice(["dai-hoi", "hoi-nghi"]), default="dai-hoi", help="cli.opt.kind"
)
@option("--date", default=None, help="cli.opt.date")
@option("--start", default="07:30", help="cli.opt.start")
@json_option
@fails_cleanly
def init(
    db: str | None, title: str, kind: str, date: str | None, start: str, as_json: bool
) -> None:
    event = create_event(db, title=title, kind=kind, date=date, start=start)
    desk_pin, organizer_pin = pins.new_pin(), pins.new_pin()
    pins.set_pin(event, "desk", desk_pin)
    pins.set_pin(event, "organizer", organizer_pin)
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


def create_event(db: str | Path | None, **info: Any) -> Event:
    """Create the event file and seed its programme from the template of its kind."""
    from programme import template

    event = Event.create(db, operator=default_operator(), **info)
    template.seed(event)
    return event


@cli.command(help="cli.pin")
@db_option
@click.argument("kind", type=click.Choice(pins.KINDS))
@option("--pin", "pin", prompt=True, hide_input=True, confirmation_prompt=True, help="cli.opt.pin")
@fails_cleanly
def pin(db: str | None, kind: str, pin: str) -> None:
    event = open_event(db)
    pins.set_pin(event, kind, pin)
    say(t("pin.changed", kind=t(f"pin.kind.{kind}")))


# ---------------------------------------------------------------- copies
@cli.command(help="cli.verify")
@db_option
@json_option
@fails_cleanly
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


@cli.command(help="cli.backup")
@db_option
@click.argument("dest", type=click.Path())
@json_option
@fails_cleanly
def backup(db: str | None, dest: str, as_json: bool) -> None:
    made = replicas.backup(open_event(db, readonly=True), dest)
    if as_json:
        emit({"path": str(made)})
    say(t("backup.done", path=made))


@cli.command(help="cli.clone")
@db_option
@desk_option
@output_option()
@fails_cleanly
def clone(db: str | None, desk: str, out: str) -> None:
    made = replicas.clone(open_event(db), desk, out)
    say(t("clone.done", desk=desk, path=made))


@cli.command(help="cli.merge")
@db_option
@click.argument("copies", nargs=-1, required=True, type=click.Path(dir_okay=False))
@option("--dry-run", is_flag=True, help="cli.opt.dry_run")
@json_option
@fails_cleanly
def merge(db: str | None, copies: tuple[str, ...], dry_run: bool, as_json: bool) -> None:
    event = open_event(db, "merge")
    results = []
    for copy in copies:
        reports = replicas.merge(event, copy, dry_run=dry_run)
        main, back = reports["main"], reports["copy"]
        results.append({"file": copy, "main": main.public(), "copy": back.public()})
        say(
            t(
                "merge.summary",
                desk=copy,
                rows=main.journal_rows,
                checkins=main.checkins,
                duplicates=main.duplicates,
                undos=main.undos,
                walkins=main.walkins,
                revocations=main.revocations,
                back=back.journal_rows,
            )
        )
    if as_json:
        emit(results)
    if dry_run:
        say(t("import.dry_run"))


# ---------------------------------------------------------------- walk-ins
@cli.command(help="cli.walkins")
@db_option
@option("--approve", type=int, multiple=True, help="cli.opt.approve")
@option("--reject", type=int, multiple=True, help="cli.opt.reject")
@json_option
@fails_cleanly
def walkins(
    db: str | None, approve: tuple[int, ...], reject: tuple[int, ...], as_json: bool
) -> None:
    event = open_event(db, "organizers")
    for walkin_id in approve:
        checkin_mod.decide_walkin(event, walkin_id, approve=True)
    for walkin_id in reject:
        checkin_mod.decide_walkin(event, walkin_id, approve=False)
    requests = checkin_mod.walkins(event)
    if as_json:
        emit([w.__dict__ for w in requests])
        return
    for w in requests:
        click.echo(
            f"{w.id:>4}  {t('walkin.state.' + w.state):<10} {w.name} · {w.unit} · {w.reason}"
        )


# ---------------------------------------------------------------- importing
@cli.group(name="import", cls=Group, help="cli.import")
def import_group() -> None:
    pass


def import_command(name: str, help_key: str, *, sheet: bool = True) -> Any:
    """An ``import`` subcommand: --db, FILE, [--sheet], --dry-run, --json; errors as one line."""

    def decorate(func: Any) -> Any:
        func = option("--dry-run", is_flag=True, help="cli.opt.dry_run")(json_option(func))
        if sheet:
            func = option("--sheet", default=None, help="cli.opt.sheet")(func)
        func = db_option(click.argument("file", type=click.Path(dir_okay=False))(func))
        return import_group.command(name=name, help=help_key)(fails_cleanly(func))

    return decorate


@import_command("delegates", "cli.import.delegates")
def import_delegates(
    db: str | None, file: str, sheet: str | None, dry_run: bool, as_json: bool
) -> None:
    from data.importing import import_delegates as run_import

    event = open_event(db)
    report = run_import(event, file, sheet=sheet, dry_run=dry_run)
    skipped = [
        {"row": s.row, "column": s.column, "reason": t(s.key, **s.params)} for s in report.skipped
    ]
    if as_json:
        from dataclasses import asdict

        understood = asdict(report.understood)
        understood["notes"] = [t(n.key, **n.params) for n in report.understood.notes]
        warnings = [
            {"row": w.row, "column": w.column, "reason": t(w.key, **w.params), "key": w.key}
            for w in report.warnings
        ]
        emit(
            {
                "added": report.added,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "skipped": skipped,
                "warnings": warnings,
                "understood": understood,
            }
        )
    else:
        for name in report.added_names:
            click.echo(f"+ {name}")
        for name, fields in report.updated_names:
            click.echo(f"~ {name} ({', '.join(fields)})")
    print_skipped(report.file, report.skipped)
    # A total line that disagrees with the rows read is a check, not a field left empty.
    checks = [w for w in report.warnings if w.key == "import.total_mismatch"]
    print_skipped(report.file, [w for w in report.warnings if w not in checks], "import.warn")
    print_skipped(report.file, checks, "import.check")
    say_import_summary(report)
    if dry_run:
        say(t("import.dry_run"))


# ---------------------------------------------------------------- delegates
@cli.command(help="cli.delegates")
@db_option
@option("--search", "query", default=None, help="cli.opt.search")
@option("--limit", type=int, default=None, help="cli.opt.limit")
@json_option
@fails_cleanly
def delegates(db: str | None, query: str | None, limit: int | None, as_json: bool) -> None:
    event = open_event(db, readonly=True)
    found = delegates_mod.all_delegates(event)
    if query:
        result = SearchIndex(found).search(query, limit=limit or len(found) or 1)
        found = result.delegates
    elif limit:
        found = found[:limit]
    if as_json:
        emit([d.public() for d in found])
        return
    for d in found:
        mark = "✓" if d.checked_in_at else " "
        click.echo(f"{mark} {d.id:>5}  {d.name:<28} {d.delegation:<32} {d.category}")
    say(t("delegates.count", n=len(found)))


# ---------------------------------------------------------------- codes, check-in
@cli.command(help="cli.codes")
@db_option
@json_option
@fails_cleanly
def codes(db: str | None, as_json: bool) -> None:
    event = open_event(db, readonly=True)
    rows = [
        {
            "id": d.id,
            "name": d.name,
            "code": d.code,
            "human": codes_mod.human(d.code) if d.code else None,
        }
        for d in delegates_mod.all_delegates(event)
    ]
    if as_json:
        emit(rows)
        return
    for r in rows:
        click.echo(f"{r['id']:>5}  {r['code'] or '-':<20} {r['name']}")


@cli.command(help="cli.checkin")
@db_option
@click.argument("scan")
@desk_option
@json_option
@fails_cleanly
def checkin(db: str | None, scan: str, desk: str, as_json: bool) -> None:
    event = open_event(db, desk)
    verdict = checkin_mod.Desk(event, notes_for=desk_notes(event)).scan(scan)
    if as_json:
        emit(verdict.public())
    else:
        click.echo(describe_verdict(verdict))
    sys.exit(0 if verdict.ok else 2)


def describe_verdict(v: checkin_mod.Verdict) -> str:
    """One line per verdict, the same words the reception screen shows."""
    d = v.delegate
    who = f"{d.name} — {d.delegation or d.unit}" if d else ""
    if v.verdict == checkin_mod.ADMITTED:
        return t("verdict.admitted.line", who=who, seat=d.seat if d else "")
    if v.verdict == checkin_mod.ALREADY:
        return t("verdict.already.line", who=who, at=hhmm(v.checked_in_at), desk=v.desk)
    if v.verdict == checkin_mod.REVOKED:
        return t("verdict.revoked.line", who=who, at=hhmm(v.revoked_at))
    if v.verdict == checkin_mod.UNKNOWN:
        return t("verdict.unknown.line", who=who)
    return t("verdict.invalid.line")


# ---------------------------------------------------------------- console, demo
@cli.command(name="console", help="cli.console")
@db_option
@desk_option
@option(
    "--screen",
    type=click.Choice(["delegates", "reception", "programme", "stage", "ceremony", "dashboard"]),
    default=None,
    help="cli.opt.screen",
)
@option("--require-pin", is_flag=True, help="cli.opt.require_pin")
@option("--backup-dir", type=click.Path(file_okay=False), default=None, help="cli.opt.backup_dir")
@option("--backup-every", type=click.IntRange(min=1), default=10, help="cli.opt.backup_every")
@fails_cleanly
def console_cmd(
    db: str | None,
    desk: str,
    screen: str | None,
    require_pin: bool,
    backup_dir: str | None,
    backup_every: int,
) -> None:
    from .app import make_app

    path = resolve_path(db)
    desk = checkin_mod.desk_name(desk)
    Event.open(path).close()  # a clear message now rather than a traceback inside the app
    if backup_dir and not Path(backup_dir).is_dir():
        raise DaihoiError("backup.no_folder", path=backup_dir)
    make_app(
        path,
        desk=desk,
        operator=default_operator(),
        screen=screen,
        require_pin=require_pin,
        backup_dir=Path(backup_dir) if backup_dir else None,
        backup_every=backup_every,
    ).run()


@cli.command(help="cli.serve")
@db_option
@option("--host", default="127.0.0.1", help="cli.opt.host")
@option("--port", type=int, default=8000, help="cli.opt.port")
@option("--tls", is_flag=True, help="serve.opt.tls")
@option("--cert", type=click.Path(dir_okay=False), default=None, help="serve.opt.cert")
@option("--key", type=click.Path(dir_okay=False), default=None, help="serve.opt.key")
@option("--max-consoles", type=click.IntRange(1, 200), default=8, help="serve.opt.max_consoles")
@fails_cleanly
def serve(
    db: str | None,
    host: str,
    port: int,
    tls: bool,
    cert: str | None,
    key: str | None,
    max_consoles: int,
) -> None:
    from .i18n import lang
    from .serve import serve_event

    path = resolve_path(db).resolve()

    def console_command(desk: str) -> str:
        """One browser tab's console: this program's ``console`` command as the tab's desk."""
        return shlex.join(
            [sys.executable, "-m", "console", "--lang", lang()]
            + ["console", "--db", str(path), "--desk", desk]
        )

    serve_event(
        path,
        console_command,
        host=host,
        port=port,
        self_signed=tls,
        cert=Path(cert) if cert else None,
        key=Path(key) if key else None,
        max_consoles=max_consoles,
        say=say,
    )


@cli.command(help="cli.demo")
@option("--db", "db", type=click.Path(dir_okay=False), default="daihoi-demo.db", help="cli.opt.db")
@option("--no-console", is_flag=True, help="cli.opt.no_console")
@desk_option
@fails_cleanly
def demo(db: str, no_console: bool, desk: str) -> None:
    path = Path(db)
    if not path.exists():
        # The demo's day starts at the next quarter hour, so the MC screen opens on time.
        now = datetime.now()
        first = now + timedelta(minutes=15 - now.minute % 15)
        build_demo(path, date=first.date().isoformat(), start=first.strftime("%H:%M")).close()
    say(t("demo.ready", path=path))
    if not no_console:
        from .app import make_app

        make_app(path, desk=desk, operator=default_operator()).run()


LEGACY_NAMES = {"tcvn3": "TCVN3", "tcvn3-upper": "TCVN3 (.VnTimeH)", "vni": "VNI-Windows"}
"""How the legacy encodings of :mod:`data.legacy` are called in the summary."""


def say_import_summary(report: ImportReport) -> None:
    """What the import understood, in a few lines, then "Thêm 3, cập nhật 1, giữ nguyên 520,
    bỏ qua 0 dòng." on stderr."""
    seen = report.understood
    if seen.header_rows:  # a report made without reading a file has nothing to say here

        def listed(items: list[str], limit: int = 6) -> str:
            shown = ", ".join(items[:limit])
            more = len(items) - limit
            return shown + (" " + t("import.seen.more", count=more) if more > 0 else "")

        rows = "–".join(str(r) for r in seen.header_rows)
        sheets = [s for s in seen.sheets if s]
        if sheets:
            say(t("import.seen.where", sheets=", ".join(sheets), rows=rows))
        else:
            say(t("import.seen.where_csv", rows=rows))
        columns = [
            t("import.seen.column", field=t(f"import.field.{c.field}"), header=c.header,
              letters=c.letters)
            for c in seen.columns
        ]  # fmt: skip
        say(t("import.seen.columns", columns="; ".join(columns)))
        if seen.delegations:
            names = listed(list(dict.fromkeys(seen.delegations)))
            say(t("import.seen.delegations", count=len(seen.delegations), names=names))
        if seen.categories:
            names = listed(seen.categories)
            say(t("import.seen.categories", count=len(seen.categories), names=names))
        if seen.honorifics or seen.roles or seen.recased:
            say(
                t(
                    "import.seen.names",
                    honorifics=seen.honorifics,
                    roles=seen.roles,
                    recased=seen.recased,
                )
            )
        if seen.filled_down:
            say(t("import.seen.filled", count=seen.filled_down))
        if seen.legacy:
            say(
                t(
                    "import.seen.legacy",
                    counts=", ".join(
                        f"{LEGACY_NAMES.get(k, k)} {n}" for k, n in seen.legacy.items()
                    ),
                )
            )
        if seen.skipped_reasons:
            first = {}
            for s in report.skipped:
                first.setdefault(s.key, s)
            reasons = [
                t("import.seen.reason", count=n, reason=t(k, **first[k].params))
                for k, n in seen.skipped_reasons.items()
                if k in first
            ]
            say(t("import.seen.skipped", reasons="; ".join(reasons)))
        for note in seen.notes:
            say(t(note.key, **note.params))
    say(
        t(
            "import.summary",
            added=report.added,
            updated=report.updated,
            unchanged=report.unchanged,
            skipped=len(report.skipped),
        )
    )


def build_demo(path: Path, *, date: str, start: str) -> Event:
    """The demo event: the shipped delegate list, four speeches, the shipped honours list."""
    from data.importing import import_delegates as run_import
    from data.synthetic import (
        DEMO_HONOURS,
        DEMO_LIST,
        DEMO_SEED,
        DEMO_SIZE,
        demo_speakers,
        generate,
    )
    from programme import running, template
    from programme.honours_import import import_honours

    event = create_event(path, title=t("demo.title"), kind="dai-hoi", date=date, start=start)
    report = run_import(event, DEMO_LIST)
    say_import_summary(report)
    by_list_id = dict(event.conn.execute("select external_id, id from delegates"))
    speeches = next(i for i in running.load(event).items if i.role == template.SPEECHES)
    for record in demo_speakers(generate(DEMO_SIZE, seed=DEMO_SEED)):
        running.insert(
            event,
            t("demo.speech", unit=record["unit"]),
            8,
            parent=speeches.id,
            delegate_id=by_list_id[record["external_id"]],
        )
    import_honours(event, DEMO_HONOURS)
    return event


@cli.command(help="cli.bench")
@option("--delegates", "n", type=int, default=10_000, help="cli.opt.bench_n")
@option(
    "--only",
    type=click.Choice(["import", "search", "scan", "desks", "badges", "merge"]),
    multiple=True,
    help="cli.opt.only",
)
@json_option
@fails_cleanly
def bench(n: int, only: tuple[str, ...], as_json: bool) -> None:
    from . import bench as bench_mod

    results = bench_mod.run(n, only=set(only) or None, progress=say)
    if as_json:
        emit(results)
    else:
        for line in bench_mod.format_results(results):
            click.echo(line)


# Each area keeps its commands in its own module; importing it registers them on ``cli``.
from . import cli_badges, cli_honours, cli_programme, cli_reports  # noqa: E402,F401


def main() -> None:
    """Entry point of the ``daihoi`` script."""
    set_lang(None)  # $DAIHOI_LANG; ``daihoi --lang en …`` overrides it in the group callback
    for arg in sys.argv[1:]:
        # Bytes that are not UTF-8 (``--desk $'B\xe0n 1'``) arrive as lone surrogates, which
        # no journal row, file name or screen can hold: one line, before anything is opened.
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            say(t("cli.error", reason=t("cli.not_utf8", arg=shown)))
            sys.exit(1)
    cli.main(prog_name="daihoi")
