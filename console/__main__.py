"""``python -m console`` is ``daihoi``: used by ``daihoi serve`` to start one console per browser tab."""

from .cli import main

main()
