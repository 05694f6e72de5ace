"""A progress bar on stderr for the long commands (``import``, ``badges``, ``export``,
``merge``), fed by the library calls' ``progress(done, total)`` callbacks.

Shown only when stderr is a terminal and the command does not print ``--json``: a script or a
pipe reads the same bytes as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from .i18n import t

Progress = Callable[[int, int], None]


def wanted(as_json: bool = False) -> bool:
    """Whether to draw a bar: stderr is a terminal and stdout is not JSON for a script."""
    return not as_json and sys.stderr.isatty()


@contextmanager
def progress_bar(label_key: str, *, as_json: bool = False) -> Iterator[Progress | None]:
    """A ``progress(done, total)`` callback drawing click's bar on stderr (None when quiet).

    The bar appears at the first report, sized by its ``total``, and is closed (its line
    ended) when the block ends, so the command's own messages start on a line of their own.
    """
    if not wanted(as_json):
        yield None
        return
    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=max(total, 1), label=t(label_key), file=sys.stderr)
            bar.__enter__()
        if total != bar.length:
            bar.length = max(total, 1)
        bar.update(max(0, min(done, bar.length) - bar.pos))

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
