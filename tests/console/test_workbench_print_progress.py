"""The print screen shows at once, counting in a worker while ``lpstat`` answers, and its
progress bar is on screen and advances while the badges are drawn (issue 15: "Đang vẽ 520
thẻ…" and nothing else, after 3-5 s of a frozen palette)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import ProgressBar, Select, Static

from console.app import make_app
from console.screens.printing import PrintScreen

from .test_workbench_print import settle


def screen_lines(app: Any) -> list[str]:
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def slow_cups(folder: Path, gate: Path) -> None:
    """An ``lpstat`` that answers only once ``gate`` exists (or after 20 s, so a screen that
    waits for it in the UI thread fails the test instead of hanging it)."""
    folder.mkdir()
    wait = f'i=0; while [ ! -e "{gate}" ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i+1)); done'
    scripts = {
        "lpstat": f"""#!/bin/sh
{wait}
case "$1" in
  -e) echo HP_LaserJet ;;
  -d) echo "system default destination: HP_LaserJet" ;;
  *) exit 1 ;;
esac
""",
        "lp": "#!/bin/sh\necho 'request id is HP_LaserJet-1 (1 file(s))'\n",
    }
    for name, body in scripts.items():
        path = folder / name
        path.write_text(body)
        path.chmod(path.stat().st_mode | stat.S_IXUSR)


async def test_the_screen_opens_before_lpstat_answers(
    event_path: Path, clock: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = tmp_path / "lpstat-may-answer"
    slow_cups(tmp_path / "bin", gate)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, PrintScreen)
        printer = app.screen.query_one("#printer", Select)
        assert printer.prompt == "Đang tìm máy in…"  # shown at once, saying it is at work
        assert printer.value == Select.NULL
        gate.touch()
        await settle(pilot, app)
        assert "6 thẻ, 2 trang" in str(app.screen.query_one("#count", Static).render())
        assert app.screen.query_one("#printer", Select).value == "HP_LaserJet"


async def test_the_progress_bar_is_seen_and_advances(
    event_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("badges.printing.printers", lambda: [])
    app = make_app(event_path, desk="Bàn 1", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+b")
        await settle(pilot, app)
        screen = app.screen
        bar = screen.query_one("#badges-progress", ProgressBar)
        values: list[float] = []
        screen.watch(bar, "progress", lambda value: values.append(value), init=False)
        await pilot.press("ctrl+w")
        await settle(pilot, app)
        assert list(event_path.parent.glob("event-the-all-*.pdf"))
        assert values == sorted(values) and len(set(values)) > 2, values
        assert bar.progress == bar.total == 7  # six badges and the file written
        # On the screen at 80x24 (the form is longer than the window), with its line
        lines = screen_lines(app)
        assert any("Đã vẽ xong 6 thẻ" in line and "100%" in line for line in lines), "\n".join(
            lines
        )
