"""Click, speaking the user's language: help texts are catalog keys rendered when shown.

Click builds help text when ``--help`` is read, after ``--lang`` (a group option) has been
applied, so a key in ``help=`` can be rendered in the chosen language at that moment.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

import click

from data.errors import DaihoiError
from data.sheets import Skipped

from .i18n import lang, render, t


def _translated(help_option: click.Option | None) -> click.Option | None:
    """Click's own ``--help`` says "Show this message and exit." in English: say it in the
    user's language (set again on every call, so after ``--lang`` has been read)."""
    if help_option is not None:
        help_option.help = t("cli.opt.help")
    return help_option


class Command(click.Command):
    """A command whose help and short help are catalog keys."""

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
    command_class = Command
    group_class = type

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


def fails_cleanly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a DaihoiError into a one-line reason on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DaihoiError as exc:
            say(t("cli.error", reason=render(exc)))
            sys.exit(1)

    return wrapper
