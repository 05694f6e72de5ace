"""``daihoi bench``: the speed figures beside their baselines (registered in
:data:`console.cli.COMMANDS`; the parts are :data:`console.bench.PARTS`)."""

from __future__ import annotations

import click

from . import bench as bench_mod
from .clikit import command, emit, json_option, option, say


@command("bench", help="cli.bench")
@option("--delegates", "n", type=int, default=10_000, help="cli.opt.bench_n")
@option("--only", type=click.Choice(list(bench_mod.PARTS)), multiple=True, help="cli.opt.only")
@json_option
def bench(n: int, only: tuple[str, ...], as_json: bool) -> None:
    results = bench_mod.run(n, only=set(only) or None, progress=say)
    if as_json:
        emit(results)
    else:
        for line in bench_mod.format_results(results):
            click.echo(line)
