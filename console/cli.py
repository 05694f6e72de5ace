"""``daihoi``: the command line. Every command is a thin layer over a library call.

Commands are registered here, in :data:`COMMANDS` (name → ``"module:attribute"``), and each
area's module is imported only when one of its commands runs: ``daihoi stats`` loads neither
fpdf nor openpyxl nor Textual. Errors from the library (:class:`~data.errors.DaihoiError`)
become one line on stderr in :class:`~console.clikit.Command`, for every command at once.
"""

from __future__ import annotations

import os
import shlex
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from data.errors import DaihoiError

from .clikit import (
    Group,
    Option,
    db_option,
    default_operator,
    desk_option,
    option,
    say,
)
from .i18n import set_lang, t

if TYPE_CHECKING:
    from data.store import Event

COMMANDS = {
    "init": "console.cli_event:init",
    "pin": "console.cli_event:pin",
    "verify": "console.cli_event:verify",
    "backup": "console.cli_event:backup",
    "clone": "console.cli_event:clone",
    "merge": "console.cli_event:merge",
    "import": "console.cli:import_group",
    "delegates": "console.cli_desk:delegates",
    "codes": "console.cli_desk:codes",
    "checkin": "console.cli_desk:checkin",
    "walkins": "console.cli_desk:walkins",
    "badges": "console.cli_badges:badges",
    "programme": "console.cli_programme:programme_group",
    "honours": "console.cli_honours:honours",
    "stats": "console.cli_stats:stats",
    "export": "console.cli_reports:export",
    "higher-level": "console.cli_reports:higher_level",
    "bench": "console.cli_bench:bench",
    "session": "console.cli_sessions:session",
    "absence": "console.cli_sessions:absence",
    "quorum": "console.cli_sessions:quorum",
    "handout": "console.cli_sessions:handout",
    "introductions": "console.cli_protocol:introductions",
    "guests": "console.cli_protocol:guests",
    "seats": "console.cli_protocol:seats",
    "nameplates": "console.cli_protocol:nameplates",
}
"""Every command but the three defined below (console, serve, demo)."""

IMPORTS = {
    "delegates": "console.cli_desk:import_delegates",
    "programme": "console.cli_programme:import_programme",
    "honours": "console.cli_honours:import_honours",
    "higher-level": "console.cli_reports:import_higher_level",
    "guests": "console.cli_protocol:import_guests",
}
"""The ``daihoi import`` commands."""


@click.group(cls=Group, lazy=COMMANDS, help="cli.main")
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


@click.group(name="import", cls=Group, lazy=IMPORTS, help="cli.import")
def import_group() -> None:
    pass


def chosen_desk(desk: str) -> str | None:
    """The desk a console works as: ``--desk`` or $DAIHOI_DESK when given, else None (the name
    given at the first start on this computer, which the console asks for the first time)."""
    import os

    from data.store import desk_name

    given = click.get_current_context().get_parameter_source("desk")
    if given is click.core.ParameterSource.DEFAULT and not os.environ.get("DAIHOI_DESK"):
        return None
    return desk_name(desk)


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
def console_cmd(
    db: str | None,
    desk: str,
    screen: str | None,
    require_pin: bool,
    backup_dir: str | None,
    backup_every: int,
) -> None:
    from data.store import Event, resolve_path

    from .app import make_app

    path = resolve_path(db)
    if not db and not os.environ.get("DAIHOI_DB") and not path.exists():
        # No event file: the start screen (recent files, open another, create one), then
        # the console on the file it gives.
        picked = make_app(None, operator=default_operator()).run()
        if picked is None:
            return
        path = picked
    chosen = chosen_desk(desk)
    Event.open(path).close()  # a clear message now rather than a traceback inside the app
    if backup_dir and not Path(backup_dir).is_dir():
        raise DaihoiError("backup.no_folder", path=backup_dir)
    make_app(
        path,
        desk=chosen,
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
def serve(
    db: str | None,
    host: str,
    port: int,
    tls: bool,
    cert: str | None,
    key: str | None,
    max_consoles: int,
) -> None:
    from data.store import resolve_path

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

        make_app(path, desk=chosen_desk(desk), operator=default_operator()).run()


def build_demo(path: Path, *, date: str, start: str) -> Event:
    """The demo event in the UI's language (:func:`programme.setup.build_demo`), its import
    summarized on stderr."""
    from programme import setup

    from .cli_desk import say_import_summary

    event, report = setup.build_demo(
        path,
        date=date,
        start=start,
        title=t("demo.title"),
        speech_title=lambda unit: t("demo.speech", unit=unit),
        operator=default_operator(),
    )
    say_import_summary(report)
    return event


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
