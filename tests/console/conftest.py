"""Fixtures for Pilot tests: a small event file with delegates, and the app factory."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.notifications import Notification, Notifications

from data import delegates
from data.store import Event
from tests.conftest import VN, FakeClock

NOON = datetime(2025, 9, 20, 8, 52, 30, tzinfo=VN)
"""The demo's moment: 08:52:30 on its day."""

PEOPLE: list[dict[str, Any]] = [
    {
        "name": "Nguyễn Thị Hoa",
        "unit": "Sở Y tế",
        "delegation": "Khối các sở, ban, ngành",
        "category": "Điển hình tiên tiến",
        "seat": "A01",
        "birth_year": 1980,
    },
    {
        "name": "Trần Văn Đức",
        "unit": "UBND huyện Đại Từ",
        "delegation": "Đoàn huyện Đại Từ",
        "category": "Anh hùng Lao động",
        "seat": "A02",
        "birth_year": 1961,
    },
    {
        "name": "Lê Thị Thúy",
        "unit": "Trường THCS Nha Trang",
        "delegation": "Đoàn thành phố Thái Nguyên",
        "category": "Chiến sĩ thi đua toàn quốc",
        "seat": "B07",
        "birth_year": 1975,
    },
    {
        "name": "Hoàng Văn Hòa",
        "unit": "HTX chè La Bằng",
        "delegation": "Đoàn huyện Đại Từ",
        "category": "Điển hình tiên tiến",
        "seat": "C11",
        "birth_year": 1990,
    },
    {
        "name": "Đặng Minh Dũng",
        "unit": "Công an tỉnh",
        "delegation": "Khối lực lượng vũ trang",
        "category": "Điển hình tiên tiến",
        "seat": "D03",
        "birth_year": 1985,
    },
    {
        "name": "Y Thanh Hà Niê Kđăm",
        "unit": "Ban Dân tộc",
        "delegation": "Khách mời",
        "category": "Khách mời",
        "seat": "K01",
        "birth_year": 1962,
    },
]


@pytest.fixture
def event_path(tmp_path: Path, clock: Any) -> Path:
    """An event file with six delegates, closed so the app opens its own connection."""
    path = tmp_path / "event.db"
    with Event.create(
        path, title="Đại hội Thi đua yêu nước (thử)", date="2025-09-20", clock=clock
    ) as ev:
        delegates.upsert(ev, PEOPLE)
    return path


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo event at 08:52:30 on its day (40 arrivals, three items done, the report on),
    built once per test session: 520 delegates and their codes take seconds to make."""
    from console.i18n import t
    from data import codes
    from data.checkin import Desk
    from programme import honours, running
    from programme.setup import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    event, _report = build_demo(
        path,
        date="2025-09-20",
        start="07:30",
        title=t("demo.title"),
        speech_title=lambda unit: t("demo.speech", unit=unit),
    )
    event.close()
    clock = FakeClock(datetime(2025, 9, 20, 7, 0, tzinfo=VN))
    with Event.open(path, clock=clock, desk="Bàn 1", operator="Lan") as ev:
        desk = Desk(ev)
        for _id, code, _version in codes.current_codes(ev)[:40]:
            clock.advance(seconds=37)
            desk.scan(code)
        clock.now = datetime(2025, 9, 20, 7, 31, tzinfo=VN)
        for minutes in (6, 11, 12):  # flag salute, introduction, opening: each a little long
            running.start(ev)
            clock.advance(minutes=minutes)
            running.finish(ev)
        running.start(ev)
        honours.call_group(ev, honours.groups(ev)[0])
    assert not path.with_name(path.name + "-wal").exists()  # closed: one file holds it all
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    """A copy of the session's demo event for one test, which may change it at will."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    return path


@pytest.fixture(autouse=True)
def notifications_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every notification an app raises is also kept, for :func:`all_notes`."""
    add = Notifications.add

    def add_and_keep(self: Notifications, notification: Notification) -> Notifications:
        self.__dict__.setdefault("raised", []).append(notification)
        return add(self, notification)

    monkeypatch.setattr(Notifications, "add", add_and_keep)


def all_notes(app: Any) -> list[str]:
    """The text of every notification ``app`` raised, in order, those already gone included.
    Textual drops a notification once its timeout (5 s unless the app said longer) has passed
    on the wall clock, and a loaded machine (two pytest-xdist workers and whatever else runs)
    can take that long between the notice and the line reading it: ``app._notifications`` is
    only what is on screen now."""
    return [str(n.message) for n in app._notifications.__dict__.get("raised", [])]


def by_name(path: Path, name: str) -> delegates.Delegate:
    with Event.open(path) as ev:
        return next(d for d in delegates.all_delegates(ev) if d.name == name)


def wait_until(check: Callable[[], Any], timeout: float, what: str) -> Any:
    """``check()``'s first truthy answer, asked every 0.1 s for ``timeout`` seconds (a server
    or browser in another process: there is no message to wait for)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")
