"""The ``daihoi`` commands of the badges area, registered on the group of :mod:`console.cli`."""

from __future__ import annotations

import click

from badges.layout import LAYOUTS

from .cli_progress import progress_bar
from .clikit import (
    command,
    db_option,
    desk_option,
    emit,
    json_option,
    open_event,
    option,
    output_option,
    say,
)
from .i18n import t


@command("badges", help="cli.badges")
@db_option
@output_option("cli.opt.badges_out")
@option("--layout", type=click.Choice(list(LAYOUTS)), default="a6", help="cli.opt.layout")
@option("--png", "png_dir", type=click.Path(file_okay=False), default=None, help="cli.opt.png")
@option("--delegate", "ids", type=int, multiple=True, help="cli.opt.delegate_id")
@option("--delegation", default=None, help="cli.opt.delegation")
@option("--reprint", is_flag=True, help="cli.opt.reprint")
@option("--reason", default="", help="cli.opt.reprint_reason")
@option("--only-new", is_flag=True, help="cli.opt.only_new")
@option("--changed", is_flag=True, help="cli.opt.changed")
@option(
    "--colors", "colors_file", type=click.Path(dir_okay=False), default=None, help="cli.opt.colors"
)
@option("--logo", type=click.Path(dir_okay=False), default=None, help="cli.opt.logo")
@desk_option
@json_option
def badges(
    db: str | None,
    out: str,
    layout: str,
    png_dir: str | None,
    ids: tuple[int, ...],
    delegation: str | None,
    reprint: bool,
    reason: str,
    only_new: bool,
    changed: bool,
    colors_file: str | None,
    logo: str | None,
    desk: str,
    as_json: bool,
) -> None:
    from badges.build import print_badges  # fpdf: imported by the command that draws
    from badges.style import load_style
    from data import printed

    if only_new and changed:
        raise click.UsageError(t("cli.only_both"))
    only = printed.NEW if only_new else printed.CHANGED if changed else printed.ALL
    style = load_style(colors_file, logo)  # a bad colour file refuses before anything is written
    event = open_event(db, desk)
    with progress_bar("progress.badges", as_json=as_json) as progress:
        run = print_badges(
            event,
            out,
            layout=layout,
            ids=ids,
            delegation=delegation,
            reprint=reprint,
            png_dir=png_dir,
            style=style,
            reason=reason,
            only=only,
            progress=progress,
        )
    if as_json:
        emit(run.public())
    else:
        click.echo(str(run.pdf))
        for path in run.pngs:
            click.echo(str(path))
    say(t("badge.written", n=len(run.badges), pages=run.pages, layout=layout, path=run.pdf))
    if run.reissued:
        say(t("badge.reissued", n=len(run.reissued)))
    elif run.already_printed:  # printing a badge twice is a waste of card stock: say so
        last = run.last_printed
        assert last is not None
        say(
            t(
                "badge.already_printed",
                n=len(run.already_printed),
                at=last.printed_at[:16].replace("T", " "),
                desk=last.desk,
            )
        )
