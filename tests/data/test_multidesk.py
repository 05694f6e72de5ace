"""Several desks on one event file, as real processes: no lost check-in, no double admission."""

from __future__ import annotations

import multiprocessing
import random
from pathlib import Path

from data import codes, delegates
from data.checkin import ADMITTED, ALREADY, Desk
from data.store import Event


def _scan_all(args: tuple[str, str, list[str], object]) -> list[tuple[str, str]]:
    """One desk process: wait for the others, then scan as fast as it can."""
    path, desk_name, scans, barrier = args
    with Event.open(path, desk=desk_name) as event:
        desk = Desk(event)
        barrier.wait()  # type: ignore[attr-defined]
        return [(code, desk.scan(code).verdict) for code in scans]


def _event_with(path: Path, n: int) -> list[str]:
    with Event.create(path, title="Nhiều bàn") as event:
        delegates.upsert(
            event, [{"name": f"Đại biểu {i}", "unit": f"Đơn vị {i}"} for i in range(n)]
        )
        return [code for _, code, _ in codes.current_codes(event)]


def _run_desks(path: Path, plans: list[list[str]]) -> list[list[tuple[str, str]]]:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(len(plans))
        with ctx.Pool(len(plans)) as pool:
            return pool.map(
                _scan_all, [(str(path), f"Bàn {i + 1}", p, barrier) for i, p in enumerate(plans)]
            )


def test_four_desks_scanning_the_same_badges_admit_each_exactly_once(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    all_codes = _event_with(path, 120)
    rng = random.Random(1)
    plans = []
    for _ in range(4):
        mine = list(all_codes)
        rng.shuffle(mine)
        plans.append(mine)
    results = _run_desks(path, plans)

    admitted: dict[str, int] = {}
    for verdicts in results:
        assert {v for _, v in verdicts} <= {ADMITTED, ALREADY}
        for code, verdict in verdicts:
            if verdict == ADMITTED:
                admitted[code] = admitted.get(code, 0) + 1
    assert admitted == {code: 1 for code in all_codes}  # none lost, none doubled
    with Event.open(path) as event:
        assert event.conn.execute("select count(*) from attendance").fetchone()[0] == 120
        checkins = event.journal_rows("checkin")
        already = event.journal_rows("scan.already")
        assert len(checkins) == 120 and len(already) == 3 * 120
        # Each attendance row points at the journal row of its admission, at the desk that said so.
        by_uuid = {r["uuid"]: r["desk"] for r in checkins}
        for uuid, desk in event.conn.execute("select journal_uuid, desk from attendance"):
            assert by_uuid[uuid] == desk
        assert event.conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_disjoint_desks_lose_nothing_and_every_desk_sees_every_checkin(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    all_codes = _event_with(path, 90)
    with Event.open(path, desk="Bàn 1") as watcher:
        before = watcher.data_version()
        counters_before = Desk(watcher).counters()
        results = _run_desks(path, [all_codes[i::3] for i in range(3)])
        assert all(v == ADMITTED for verdicts in results for _, v in verdicts)
        # Desk 1's own connection sees the other desks' commits: data_version moved, counters too.
        assert watcher.data_version() != before
        assert counters_before.arrived == 0
        assert Desk(watcher).counters().arrived == 90
