"""The desk's clock: local time with its UTC offset, the offset read again each minute."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from data import store


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fresh offset cache, and the process's time zone put back after the test."""
    monkeypatch.setattr(store, "_local_zone", (0.0, store.timezone.utc))
    before = os.environ.get("TZ")
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_the_clock_reads_the_offset_again_at_the_next_minute(
    zone: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Summer time starts at a whole minute: the offset read at 10:00:20 holds until 10:01:00,
    not longer (the zone is changed under the clock here to see when it is read again)."""
    start = datetime(2025, 3, 30, 0, 59, 20, tzinfo=store.timezone.utc).timestamp()
    now = [start]
    monkeypatch.setattr(store.time, "time", lambda: now[0])
    os.environ["TZ"] = "Asia/Ho_Chi_Minh"
    time.tzset()
    first = store.system_clock()
    assert first.utcoffset() == timedelta(hours=7)
    assert first == datetime.fromtimestamp(start).astimezone()
    os.environ["TZ"] = "Europe/Paris"  # +01:00 that night, +02:00 from 01:00 UTC on
    time.tzset()
    now[0] = start + 30  # 00:59:50 UTC: the same minute, the offset as read
    assert store.system_clock().utcoffset() == timedelta(hours=7)
    now[0] = start + 40  # 01:00:00 UTC: a new minute, Paris's summer time read
    later = store.system_clock()
    assert later.utcoffset() == timedelta(hours=2)
    assert store.stamp(later) == "2025-03-30T03:00:00.000+02:00"
