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

from data.errors import DaihoiError

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


def printers() -> list[str]:
    """The printers CUPS knows, the default first: ``lpstat -e`` (names only), else the
    names ``lpstat -a`` lists as accepting jobs. Empty without CUPS or without a printer."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return []
    names: list[str] = []
    for args, first_word in (([lpstat, "-e"], False), ([lpstat, "-a"], True)):
        try:
            found = subprocess.run(
                args, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if found.returncode != 0:
            continue
        # -e: "Brother_QL_800"; -a: "Brother_QL_800 accepting requests since …"
        names = [
            line.split()[0] if first_word else line.strip()
            for line in found.stdout.splitlines()
            if line.strip()
        ]
        if names:
            break
    default = default_printer()
    if default in names:
        names.remove(default)
        names.insert(0, default)
    return names


def send_to(path: Path, printer: str) -> str:
    """Send ``path`` to ``printer`` with ``lp -d``; returns the job line ``lp`` printed
    ("request id is Brother-42 (1 file(s))"). Refuses, naming the file, when there is no CUPS
    or the printer would not take it; the PDF stays where it is either way."""
    lp = shutil.which("lp")
    if lp is None:
        raise DaihoiError("print.no_cups", path=str(path))
    try:
        done = subprocess.run(
            [lp, "-d", printer, str(path)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S * 6,  # a 2,000-badge PDF takes a while to spool
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise DaihoiError("print.failed", printer=printer, path=str(path), reason=str(exc)) from exc
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip() or f"lp: {done.returncode}"
        raise DaihoiError("print.failed", printer=printer, path=str(path), reason=reason)
    return done.stdout.strip()
