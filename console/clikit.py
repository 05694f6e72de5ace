"""Click, speaking the user's language, and the kit every command of :mod:`console.cli` uses.

Click builds help text when ``--help`` is read, after ``--lang`` (a group option) has been
applied, so a key in ``help=`` can be rendered in the chosen language at that moment.

A :class:`Group` loads its commands' modules only when one is asked for (``lazy``: name →
``"module:attribute"``), so ``daihoi stats`` never imports fpdf, openpyxl or Textual; and a
:class:`~data.errors.DaihoiError` raised by any command becomes one line on stderr and exit
status 1 here, in :meth:`Command.invoke`, the one place that turns library errors into
the command line's.
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import click

from data.errors import DaihoiError

from . import click_vi
from .i18n import lang, render, t

if TYPE_CHECKING:
    from data.sheets import Skipped
    from data.store import Event


click_vi.install()  # click's own words (usage, headings, its errors) in the UI language


def _translated(help_option: click.Option | None) -> click.Option | None:
    """Click's own ``--help`` says "Show this message and exit." in English: say it in the
    user's language (set again on every call, so after ``--lang`` has been read)."""
    if help_option is not None:
        help_option.help = t("cli.opt.help")
    return help_option


def _invoke_cleanly(invoke: Callable[[click.Context], Any], ctx: click.Context) -> Any:
    try:
        return invoke(ctx)
    except DaihoiError as exc:
        say(t("cli.error", reason=render(exc)))
        ctx.exit(1)


class Command(click.Command):
    """A command whose help and short help are catalog keys; a DaihoiError is one line."""

    def invoke(self, ctx: click.Context) -> Any:
        return _invoke_cleanly(super().invoke, ctx)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _translated(super().get_help_option(ctx))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                for para in t(self.help).split("\n\n"):
                    formatter.write_text(para)
                    formatter.write_paragraph()

    def get_short_help_str(self, limit: int = 45) -> str:
        return t(self.help).split("\n")[0] if self.help else ""


class Group(click.Group):
    """A group of :class:`Command`; ``lazy`` names commands imported when first asked for."""

    command_class = Command
    group_class = type

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = self.lazy.get(cmd_name)
        if where is not None and cmd_name not in self.commands:
            module, attr = where.split(":")
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        return _invoke_cleanly(super().invoke, ctx)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _translated(super().get_help_option(ctx))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        Command.format_help_text(self, ctx, formatter)  # type: ignore[arg-type]

    def get_short_help_str(self, limit: int = 45) -> str:
        return t(self.help).split("\n")[0] if self.help else ""


class Option(click.Option):
    """An option whose help is a catalog key."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None or not self.help:
            return record
        return record[0], record[1].replace(self.help, t(self.help))


def option(*decls: str, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(*decls, cls=Option, **kwargs)


def command(name: str, *, help: str, **kwargs: Any) -> Callable[[Callable[..., Any]], Command]:
    """A command for the registry of :mod:`console.cli` (``help``: its catalog key)."""
    return click.command(name=name, cls=Command, help=help, **kwargs)


def group(name: str, *, help: str, **kwargs: Any) -> Callable[[Callable[..., Any]], Group]:
    return click.group(name=name, cls=Group, help=help, **kwargs)


# ---------------------------------------------------------------- options many commands share
def default_operator() -> str:
    """Who is at the keyboard: ``$DAIHOI_OPERATOR``, else the login name."""
    import getpass

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
    changed, so they work on backups and read-only media). Closed when the command ends,
    whether it succeeds or fails, so its -wal is folded back into the file at once."""
    from data.store import Event, desk_name

    event = Event.open(db, desk=desk_name(desk), operator=default_operator(), readonly=readonly)
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.call_on_close(event.close)
    return event


def import_command(name: str, help_key: str, *, sheet: bool = True) -> Callable[[Any], Command]:
    """A ``daihoi import NAME`` command: --db, FILE, [--sheet], --dry-run, --json."""

    def decorate(func: Any) -> Command:
        func = option("--dry-run", is_flag=True, help="cli.opt.dry_run")(json_option(func))
        if sheet:
            func = option("--sheet", default=None, help="cli.opt.sheet")(func)
        func = db_option(click.argument("file", type=click.Path(dir_okay=False))(func))
        return command(name, help=help_key)(func)

    return decorate


def say(message: str) -> None:
    """A message for the user: on stderr, so stdout stays data."""
    click.echo(message, err=True)


SKIPPED_SHOWN = 20
"""Rows :func:`print_skipped` lists one by one; the others are summed up in one line."""

_OWN_LINE = {"limits.control_chars": "limits.warn_cleaned"}
"""Reasons whose line says what happened in its own words (a cell cleaned is not left empty)."""


def print_skipped(file: str, skipped: Iterable[Skipped], key: str = "import.skip") -> None:
    """One line on stderr per row an import skipped ("ds.xlsx, dòng 12, cột Năm sinh: …"), or
    with ``key="import.warn"`` per row imported with a field left empty: every import command
    reports its rows the same way.

    After :data:`SKIPPED_SHOWN` lines the others are one line, counted per reason ("… và
    1.999.980 dòng nữa, cùng lý do: trùng với dòng 2"): a list of two million copies of one
    name printed two million lines. The import's report keeps every row.
    """
    shown = more = 0
    rest: dict[str, list[Any]] = {}  # reason → [its first row, how many, all with its values]
    for s in skipped:
        if shown < SKIPPED_SHOWN:
            shown += 1
            column = t("import.column", column=s.column) if s.column else ""
            reason = t(s.key, **s.params)
            where = f"{file} › {s.sheet}" if s.sheet else file
            say(t(_OWN_LINE.get(s.key, key), file=where, row=s.row, column=column, reason=reason))
            continue
        more += 1
        entry = rest.get(s.key)
        if entry is None:
            rest[s.key] = [s, 1, True]
        else:
            entry[1] += 1
            entry[2] = entry[2] and s.params == entry[0].params
    if not more:
        return

    def number(n: int) -> str:  # 1.999.980 in Vietnamese, 1,999,980 in English
        return f"{n:,}".replace(",", ".") if lang() == "vi" else f"{n:,}"

    if len(rest) == 1:
        ((first, _, same),) = rest.values()
        if same:
            reason = t(first.key, **first.params)
            say(t("limits.more_same", file=file, more=number(more), reason=reason))
            return
    reasons = "; ".join(
        t("limits.more_part", count=number(count), reason=t(first.key, **first.params))
        for first, count, _ in rest.values()
    )
    say(t("limits.more_mixed", file=file, more=number(more), reasons=reasons))


def emit(data: Any) -> None:
    """Data for scripts: JSON on stdout, stable keys, UTF-8 as is."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
