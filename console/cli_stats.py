"""``daihoi stats``: the day's figures, registered on the group of :mod:`console.cli`.

Every figure comes from :func:`programme.figures.figures`, the same call the dashboard makes.
A read command that organizers and scripts run often, so this module imports only what the
figures need: none of the reports' or the ceremony's code (``tests/test_import_hygiene.py``).
"""

from __future__ import annotations

import click

from data import stats as stats_mod
from programme.figures import figures

from .clikit import command, db_option, emit, json_option, open_event, option
from .i18n import t
from .phrases import arrivals_caption, honours_line, percent, programme_line


@command("stats", help="cli.stats")
@db_option
@option("--bucket", type=click.IntRange(1, 60), default=10, help="cli.opt.bucket")
@option("--session", default=None, help="cli.opt.session")
@json_option
def stats(db: str | None, bucket: int, session: str | None, as_json: bool) -> None:
    from data.sessions import viewing

    event = open_event(db, readonly=True)
    with viewing(event, session):
        found = figures(event, bucket)
    if as_json:
        emit(found.public())
        return
    for line in stats_lines(found):
        click.echo(line)


def stats_lines(figures: stats_mod.Stats) -> list[str]:
    """The figures as the terminal prints them (the dashboard shows the same)."""
    pct = percent
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
