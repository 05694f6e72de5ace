"""The dependency direction is a checked fact: console → badges, programme → data.

Like harlequin's test_import_hygiene: import each headless package in a fresh interpreter and
fail if Textual came along; and run import-linter's contracts from pyproject.toml.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("package", ["data", "programme", "badges"])
def test_headless_packages_do_not_import_textual(package: str) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({package!r})\n"
        "for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'console', 'textual_serve'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"{package} pulled in: {out.stdout.strip()}"


def test_data_imports_no_other_package_of_ours() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import data\n"
        "for m in pkgutil.walk_packages(data.__path__, 'data.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(','.join(sorted(n for n in sys.modules if n.split('.')[0] in ('programme', 'badges', 'console'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_import_linter_contracts_hold() -> None:
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    out = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize(
    "args",
    [["stats", "--json"], ["delegates", "--json"], ["verify"], ["programme", "--json"]],
)
def test_read_commands_start_without_the_heavy_libraries(tmp_path: Path, args: list[str]) -> None:
    """A read command imports neither the PDF, spreadsheet nor terminal libraries, nor the list
    readers: each module of the command line is imported when its command runs."""
    from programme.setup import create_event

    db = tmp_path / "e.db"
    create_event(db, title="Đại hội").close()
    code = (
        "import sys\n"
        "heavy = ('fpdf', 'openpyxl', 'xlsxwriter', 'textual', 'python_calamine', 'docx', 'qrcode',"
        " 'PIL', 'sqlite_utils', 'data.sheets', 'badges')\n"
        "before = set(sys.modules)  # the interpreter's own\n"
        "from console.cli import cli\n"
        f"cli.main([*{args!r}, '--db', {str(db)!r}], standalone_mode=False)\n"
        "loaded = set(sys.modules) - before\n"
        "print('LOADED:' + ','.join(sorted(n for n in loaded if n.split('.')[0] in heavy or n in heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "LOADED:", out.stdout


def test_stats_loads_only_the_figures_code(tmp_path: Path) -> None:
    """``daihoi stats`` is started by scripts every few seconds: it loads neither the list
    readers' names code, the reports, the check-in desk nor the ceremony (issue 16)."""
    from programme.setup import create_event

    db = tmp_path / "e.db"
    create_event(db, title="Đại hội").close()
    code = (
        "import sys\n"
        "from console.cli import cli\n"
        f"cli.main(['stats', '--json', '--db', {str(db)!r}], standalone_mode=False)\n"
        "unused = ('data.names', 'data.delegates', 'data.reports', 'data.checkin',"
        " 'programme.honours', 'console.outputs', '_strptime')\n"
        "print('LOADED:' + ','.join(sorted(n for n in unused if n in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "LOADED:", out.stdout
