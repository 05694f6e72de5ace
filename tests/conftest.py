"""Shared fixtures: hermetic environment, a frozen clock, event files in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from data.store import Event

VN = timezone(timedelta(hours=7))


class FakeClock:
    """A clock tests move by hand: ``clock.advance(seconds=3)``."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2025, 9, 20, 7, 30, tzinfo=VN)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True)
def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's folders, event file or language setting, nor the language
    a test before it left behind (``--lang en`` through click's runner, an English app): the
    language is one global of console.i18n, and the order of tests varies with pytest-xdist."""
    from console.i18n import set_lang

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv("DAIHOI_DB", raising=False)
    monkeypatch.delenv("DAIHOI_LANG", raising=False)
    monkeypatch.chdir(tmp_path)
    set_lang("vi")


@pytest.fixture
def run():  # type: ignore[no-untyped-def]
    """``run("init", "--db", "e.db", …, code=0)``: the command line through click's runner,
    asserting the exit code (``code=None`` for any); the language is Vietnamese again after."""
    from click.testing import CliRunner

    from console.cli import cli
    from console.i18n import set_lang

    runner = CliRunner()

    def invoke(*args: str, code: int | None = 0) -> Any:
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, (result.stdout, result.stderr)
        return result

    yield invoke
    set_lang("vi")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def event(tmp_path: Path, clock: FakeClock) -> Iterator[Event]:
    """A fresh event file (no delegates) working as desk "Bàn 1"."""
    ev = Event.create(
        tmp_path / "event.db",
        title="Đại hội Thi đua yêu nước tỉnh Thái Nguyên lần thứ VI",
        date="2025-09-20",
        start="07:30",
        clock=clock,
        desk="Bàn 1",
        operator="Lan",
    )
    yield ev
    ev.close()
