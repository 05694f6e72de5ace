"""The ``daihoi`` commands of the badges area, registered on the group of :mod:`console.cli`."""

from __future__ import annotations

from .cli import cli  # noqa: F401
