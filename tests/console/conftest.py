"""Fixtures for Pilot tests: a small event file with delegates, and the app factory."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from data import delegates
from data.store import Event

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
