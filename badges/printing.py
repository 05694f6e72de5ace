"""Sending a PDF to the desk's default printer, when it has one.

A reprint at the reception desk should come out of the printer without anyone opening a file:
``lp`` on Linux and macOS when CUPS has a default destination, the shell's "print" verb on
Windows. With no printer, the caller tells staff where the file is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

TIMEOUT_S = 10


def default_printer() -> str | None:
    """The name of the default printer, or None when there is none (or no way to print)."""
    if sys.platform == "win32":
        return "Windows" if hasattr(os, "startfile") else None
    lp, lpstat = shutil.which("lp"), shutil.which("lpstat")
    if not lp or not lpstat:
        return None
    try:
        found = subprocess.run(
            [lpstat, "-d"], capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    # "system default destination: Brother_QL_800" (or "no system default destination")
    line = found.stdout.strip()
    if found.returncode != 0 or ":" not in line:
        return None
    name = line.rsplit(":", 1)[1].strip()
    return name or None


def send(path: Path) -> str | None:
    """Print ``path`` on the default printer; returns the printer's name, or None if not sent."""
    printer = default_printer()
    if printer is None:
        return None
    try:
        if sys.platform == "win32":
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
        else:
            subprocess.run(
                [shutil.which("lp") or "lp", "-d", printer, str(path)],
                capture_output=True,
                timeout=TIMEOUT_S,
                check=True,
            )
    except (OSError, subprocess.SubprocessError):
        return None
    return printer
