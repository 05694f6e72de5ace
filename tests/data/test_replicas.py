"""Backups, offline desk copies and merging them back (Part 7)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data import codes, delegates, replicas
from data.checkin import ADMITTED, ALREADY, Desk, decide_walkin, request_walkin, undone_by, walkins
from data.errors import DaihoiError
from data.store import Event

from ..conftest import FakeClock

PEOPLE = [{"name": f"Đại biểu {i}", "unit": f"Đơn vị {i % 3}"} for i in range(6)]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def attendance(event: Event) -> dict[int, tuple[str, str]]:
    return {
        d: (at, desk)
        for d, at, desk in event.conn.execute(
            "select delegate_id, checked_in_at, desk from attendance"
        )
    }


@pytest.fixture
def main(event: Event) -> Event:
    delegates.upsert(event, PEOPLE)
    return event


def ids_codes(event: Event) -> list[tuple[int, str]]:
    return [(d, c) for d, c, _ in codes.current_codes(event)]


# ------------------------------------------------------------------ backup
def test_backup_is_a_consistent_owner_only_copy(main: Event, tmp_path: Path) -> None:
    Desk(main).scan(ids_codes(main)[0][1])
    made = replicas.backup(main, tmp_path / "b.db")
    assert mode(made) == 0o600
    assert not list(tmp_path.glob("*.partial"))
    with Event.open(made) as copy:
        assert copy.info.uid == main.info.uid
        assert len(attendance(copy)) == 1
        assert copy.conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    with pytest.raises(DaihoiError) as err:
        replicas.backup(main, made)
    assert err.value.key == "output.is_database"
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(DaihoiError) as err:
        replicas.backup(main, tmp_path / "notes.txt")
    assert err.value.key == "backup.exists"
    with pytest.raises(DaihoiError) as err:
        replicas.backup(main, Path(str(main.path) + "-journal"))
    assert err.value.key == "output.is_event"


def test_backup_while_another_desk_writes(main: Event, tmp_path: Path, clock: FakeClock) -> None:
    delegates.upsert(main, [{"name": f"Khách {i}", "unit": "Sở"} for i in range(300)])
    all_codes = [c for _, c in ids_codes(main)]
    stop = threading.Event()

    def scanning() -> None:
        with Event.open(main.path, desk="Bàn 2", clock=clock) as other:
            desk = Desk(other)
            for code in all_codes:
                desk.scan(code)
        stop.set()

    worker = threading.Thread(target=scanning)
    worker.start()
    made = []
    folder = tmp_path / "usb"
    folder.mkdir()
    while not stop.is_set() and len(made) < 5:
        made.append(replicas.backup(main, folder / f"b{len(made)}.db"))
    worker.join()
    made.append(replicas.backup(main, folder / "final.db"))
    for path in made:
        with Event.open(path) as copy:
            assert copy.conn.execute("pragma integrity_check").fetchone()[0] == "ok"
            # Consistent: every attendance row has its journal row, and no more check-ins.
            checkins = copy.conn.execute(
                "select count(*) from journal where kind = 'checkin'"
            ).fetchone()[0]
            assert checkins == len(attendance(copy))
    with Event.open(made[-1]) as last:
        assert len(attendance(last)) == 306  # PEOPLE and the 300 guests


def test_rolling_backup_keeps_the_newest(main: Event, tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    for _ in range(5):
        clock.advance(minutes=10)
        replicas.rolling_backup(main, folder, keep=3)
    uid = main.info.uid[:12]
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == [
        f"event-backup-{uid}-20250920-080000.db",
        f"event-backup-{uid}-20250920-081000.db",
        f"event-backup-{uid}-20250920-082000.db",
    ]
    assert all(mode(p) == 0o600 for p in folder.iterdir())
    with pytest.raises(DaihoiError) as err:
        replicas.rolling_backup(main, tmp_path / "unplugged")
    assert err.value.key == "backup.no_folder"


def test_rolling_backup_prunes_only_its_own_events_backups(
    main: Event, tmp_path: Path, clock: FakeClock
) -> None:
    """The old glob ``<stem>-*.db`` deleted another event's backups, a desk copy, and (with
    ``event.db`` beside ``event-demo.db``) the backup just written."""
    folder = tmp_path / "usb"
    folder.mkdir()
    other = Event.create(tmp_path / "event-demo.db", title="Hội nghị khác", clock=clock)
    others = [replicas.rolling_backup(other, folder, keep=2) for _ in range(1)]
    desk_copy = replicas.clone(main, "Bàn 3", folder / "event-ban3.db")
    strangers = [folder / "event-20250920-070000.db", folder / "event-old.db"]
    for p in strangers:
        p.write_bytes(b"not ours")
    made = []
    for _ in range(4):
        clock.advance(minutes=10)
        made.append(replicas.rolling_backup(main, folder, keep=2))
    clock.advance(minutes=10)
    others.append(replicas.rolling_backup(other, folder, keep=2))
    present = set(folder.iterdir())
    assert made[-1] in present and made[-2] in present  # the newest two of this event
    assert not (set(made[:2]) & present)  # the older ones pruned
    assert set(others) <= present  # another event's backups untouched
    assert desk_copy in present and set(strangers) <= present
    assert all(main.info.uid[:12] in p.name for p in made)
    other.close()


# ------------------------------------------------------------------ clone / merge
def test_clone_is_the_same_event_under_a_new_replica(main: Event, tmp_path: Path) -> None:
    path = replicas.clone(main, "Bàn 3", tmp_path / "ban3.db")
    assert mode(path) == 0o600
    with Event.open(path, desk="Bàn 3") as copy:
        assert copy.info.uid == main.info.uid
        assert copy.info.replica != main.info.replica
        assert copy.info.desk_copy_of == "Bàn 3"
        assert Desk(copy).scan(ids_codes(main)[0][1]).verdict == ADMITTED  # badges scan offline
        with pytest.raises(DaihoiError) as err:
            replicas.clone(copy, "Bàn 4", tmp_path / "ban4.db")
        assert err.value.key == "clone.from_copy"
    assert attendance(main) == {}


def test_offline_checkins_merge_earliest_wins_and_twice_changes_nothing(
    main: Event, tmp_path: Path, clock: FakeClock
) -> None:
    (a, code_a), (b, code_b), (c, code_c) = ids_codes(main)[:3]
    path = replicas.clone(main, "Bàn 3", tmp_path / "ban3.db")
    with Event.open(path, desk="Bàn 3", clock=clock) as copy:
        Desk(copy).scan(code_a)  # 07:30 offline
        clock.advance(minutes=5)
        Desk(copy).scan(code_b)  # 07:35 offline
    clock.advance(minutes=5)
    Desk(main).scan(code_b)  # 07:40 at the main file: later than the copy's
    Desk(main).scan(code_c)

    dry = replicas.merge(main, path, dry_run=True)
    assert dry["main"].checkins == 2 and dry["main"].duplicates == 1
    assert set(attendance(main)) == {b, c}  # a dry run writes nothing
    assert main.journal_rows("merge.duplicate") == []

    first = replicas.merge(main, path)
    assert (first["main"].checkins, first["main"].duplicates) == (2, 1)
    assert attendance(main) == {
        a: ("2025-09-20T07:30:00.000+07:00", "Bàn 3"),
        b: ("2025-09-20T07:35:00.000+07:00", "Bàn 3"),  # the earliest check-in wins
        c: ("2025-09-20T07:40:00.000+07:00", "Bàn 1"),
    }
    [dup] = main.journal_rows("merge.duplicate")
    assert dup["payload"]["delegate_id"] == b
    with Event.open(path) as copy:
        assert attendance(copy) == attendance(main)  # the main file's news went back
    second = replicas.merge(main, path)
    assert second["main"].journal_rows == 0 and second["copy"].journal_rows == 0
    assert len(main.journal_rows("desk.merged")) == 1
    # The delegate admitted twice is "already" everywhere now.
    with Event.open(path, desk="Bàn 3", clock=clock) as copy:
        clock.advance(minutes=1)
        assert Desk(copy).scan(code_c).verdict == ALREADY


def test_undo_on_a_copy_flows_to_main_and_a_later_duplicate_stands(
    main: Event, tmp_path: Path, clock: FakeClock
) -> None:
    (a, code_a), (b, code_b) = ids_codes(main)[:2]
    pa = replicas.clone(main, "Bàn A", tmp_path / "a.db")
    pb = replicas.clone(main, "Bàn B", tmp_path / "b.db")
    with Event.open(pa, desk="Bàn A", clock=clock) as copy:
        Desk(copy).scan(code_a)
        Desk(copy).scan(code_b)
    clock.advance(minutes=5)
    with Event.open(pb, desk="Bàn B", clock=clock) as copy:
        Desk(copy).scan(code_a)  # the same person, later, at an offline desk
    replicas.merge(main, pa)
    replicas.merge(main, pb)
    assert attendance(main)[a][1] == "Bàn A"
    replicas.merge(main, pa)  # now desk A knows desk B's duplicate too
    clock.advance(minutes=5)
    with Event.open(pa, desk="Bàn A", clock=clock) as copy:
        # A knows B's check-in now: both taken back (a later session: confirmed as for another desk)
        Desk(copy).undo(a, reason="nhầm người", other_desk_confirmed=True)
        Desk(copy).undo(b, reason="nhầm người", other_desk_confirmed=True)
    report = replicas.merge(main, pa)
    assert report["main"].undos == 2
    assert attendance(main) == {}
    replicas.merge(main, pb)
    with Event.open(pb) as copy:
        assert attendance(copy) == {}


def test_undo_before_seeing_another_desks_checkin_keeps_that_checkin(
    main: Event, tmp_path: Path, clock: FakeClock
) -> None:
    (a, code_a), *_ = ids_codes(main)
    pa = replicas.clone(main, "Bàn A", tmp_path / "a.db")
    pb = replicas.clone(main, "Bàn B", tmp_path / "b.db")
    with Event.open(pa, desk="Bàn A", clock=clock) as copy:
        desk = Desk(copy)
        desk.scan(code_a)
        clock.advance(minutes=1)
        desk.undo(a, reason="quét nhầm")
    clock.advance(minutes=5)
    with Event.open(pb, desk="Bàn B", clock=clock) as copy:
        Desk(copy).scan(code_a)  # the real arrival
    for order in ([pb, pa], [pa, pb]):
        replicas.merge(main, order[0])
        replicas.merge(main, order[1])
        assert attendance(main) == {a: ("2025-09-20T07:36:00.000+07:00", "Bàn B")}


def test_revocations_and_approvals_flow_both_ways(
    main: Event, tmp_path: Path, clock: FakeClock
) -> None:
    (a, old_a), (b, old_b) = ids_codes(main)[:2]
    path = replicas.clone(main, "Bàn 3", tmp_path / "ban3.db")
    new_a = codes.reissue(main, a, reason="mất thẻ")  # reprinted at the main desk
    with Event.open(path, desk="Bàn 3", clock=clock) as copy:
        new_b = codes.reissue(copy, b, reason="hỏng thẻ")  # reprinted at the offline desk
        request_walkin(copy, name="Phạm Văn Nam", unit="Báo Thái Nguyên", reason="mời bổ sung")
        with pytest.raises(DaihoiError) as err:
            decide_walkin(copy, 1, approve=True)
        assert err.value.key == "walkin.on_copy"
    report = replicas.merge(main, path)
    assert report["main"].revocations == 1 and report["copy"].revocations == 1
    assert report["main"].walkins == 1
    assert Desk(main).scan(old_b).verdict == "revoked"
    clock.advance(seconds=5)
    assert Desk(main).scan(new_b).verdict == ADMITTED
    [pending] = walkins(main, "pending")
    approved = decide_walkin(main, pending.id, approve=True)
    replicas.merge(main, path)
    with Event.open(path, desk="Bàn 3", clock=clock) as copy:
        desk = Desk(copy)
        assert desk.scan(old_a).verdict == "revoked"
        clock.advance(seconds=5)
        assert desk.scan(new_a).verdict == ADMITTED
        nam = delegates.get(copy, approved.delegate_id)  # type: ignore[arg-type]
        assert nam.name == "Phạm Văn Nam" and nam.code
        clock.advance(seconds=5)
        assert desk.scan(nam.code).verdict == ADMITTED
    again = replicas.merge(main, path)
    assert (
        again["main"].journal_rows == 3 and again["copy"].journal_rows == 1
    )  # revoked scan, 2 check-ins; merged row back
    assert len(walkins(main)) == 1  # a request crosses once


def test_merge_refuses_other_events_itself_and_copies(main: Event, tmp_path: Path) -> None:
    with Event.create(tmp_path / "other.db", title="Khác") as other:
        pass
    with pytest.raises(DaihoiError) as err:
        replicas.merge(main, tmp_path / "other.db")
    assert err.value.key == "merge.other_event"
    with pytest.raises(DaihoiError) as err:
        replicas.merge(main, main.path)
    assert err.value.key == "merge.same_file"
    pa = replicas.clone(main, "Bàn A", tmp_path / "a.db")
    pb = replicas.clone(main, "Bàn B", tmp_path / "b.db")
    with Event.open(pa) as copy:
        with pytest.raises(DaihoiError) as err:
            replicas.merge(copy, pb)
        assert err.value.key == "merge.into_copy"
    assert other.info.uid != main.info.uid


# ------------------------------------------------------------------ property
def live_from_journal(event: Event) -> dict[int, str]:
    """Recompute attendance independently: per delegate the earliest check-in not undone."""
    checkins: dict[int, list[tuple[str, str]]] = {}
    undone: set[str] = set()
    for row in event.journal_rows():
        if row["kind"] == "checkin":
            checkins.setdefault(row["payload"]["delegate_id"], []).append((row["at"], row["uuid"]))
        elif row["kind"] == "checkin.undo":
            undone |= undone_by(row["payload"])
    return {
        d: min(live)[0]
        for d, rows in checkins.items()
        if (live := [r for r in rows if r[1] not in undone])
    }


@pytest.fixture(scope="module")
def four_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A main event file of six delegates and its three desk copies, made once: each example of
    the property test starts from copies of these files, the same bytes it would make again
    (creating, filling and cloning them was half its time)."""
    folder = tmp_path_factory.mktemp("four")
    with Event.create(
        folder / "main.db", title="Đại hội", clock=FakeClock(), desk="Bàn chính"
    ) as main:
        delegates.upsert(main, PEOPLE)
        for i in (1, 2, 3):
            replicas.clone(main, f"Bàn {i}", folder / f"copy{i}.db")
    return folder


operation = st.one_of(
    st.tuples(st.just("scan"), st.integers(0, 3), st.integers(0, 5), st.integers(0, 90)),
    st.tuples(st.just("undo"), st.integers(0, 3), st.integers(0, 5), st.integers(0, 90)),
    st.tuples(st.just("merge"), st.integers(1, 3), st.integers(0, 0), st.integers(0, 0)),
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=st.lists(operation, max_size=30), order=st.permutations([1, 2, 3]))
def test_property_merges_converge_lose_nothing_and_earliest_wins(
    tmp_path_factory: pytest.TempPathFactory,
    four_files: Path,
    ops: list[tuple[str, int, int, int]],
    order: list[int],
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    names = ["main.db"] + [f"copy{i}.db" for i in (1, 2, 3)]
    paths = [shutil.copy2(four_files / name, folder / name) for name in names]
    clock = FakeClock()
    main = Event.open(paths[0], clock=clock, desk="Bàn chính")
    people = ids_codes(main)
    files = [main] + [Event.open(p, clock=clock, desk=f"Bàn {i}") for i, p in enumerate(paths) if i]
    desks = [Desk(f) for f in files]
    admitted: list[tuple[int, str, str]] = []  # (delegate, at, desk) of every ADMITTED shown
    undone_somewhere: set[int] = set()
    try:
        for kind, where, who, seconds in ops:
            clock.advance(seconds=seconds + 4)
            delegate_id, code = people[who]
            if kind == "scan":
                verdict = desks[where].scan(code)
                assert verdict.verdict in (ADMITTED, ALREADY)
                if verdict.verdict == ADMITTED:
                    admitted.append((delegate_id, verdict.checked_in_at, files[where].desk))  # type: ignore[arg-type]
            elif kind == "undo":
                try:
                    desks[where].undo(delegate_id, reason="thử", other_desk_confirmed=True)
                    undone_somewhere.add(delegate_id)
                except DaihoiError as exc:
                    assert exc.key == "checkin.not_checked_in"
            else:
                files[where].conn.close()
                replicas.merge(main, paths[where])
                files[where] = Event.open(paths[where], clock=clock, desk=f"Bàn {where}")
                desks[where] = Desk(files[where])
        for f in files[1:]:
            f.close()
        for _ in range(2):  # every copy learns everything the others had
            for i in order:
                replicas.merge(main, paths[i])
        final = attendance(main)
        # No double admission and earliest wins: attendance is the earliest live check-in.
        assert {d: at for d, (at, _) in final.items()} == live_from_journal(main)
        # No lost check-in: every admission shown is in the main journal.
        journal = {
            (r["payload"]["delegate_id"], r["at"], r["desk"]) for r in main.journal_rows("checkin")
        }
        assert set(admitted) <= journal
        for d in {d for d, _, _ in admitted} - undone_somewhere:
            assert final[d][0] == min(at for x, at, _ in admitted if x == d)
        # Converged and idempotent: every copy agrees, and merging again changes nothing.
        for i in order:
            again = replicas.merge(main, paths[i])
            assert again["main"].journal_rows == 0 and again["copy"].journal_rows == 0
            with Event.open(paths[i]) as copy:
                assert attendance(copy) == final
        assert attendance(main) == final
    finally:
        main.close()


def test_merge_report_is_json_ready(main: Event, tmp_path: Path) -> None:
    path = replicas.clone(main, "Bàn 3", tmp_path / "ban3.db")
    report = replicas.merge(main, path)
    assert json.loads(json.dumps(report["main"].public()))["journal_rows"] == 1  # desk.cloned
    assert os.access(path, os.R_OK)


# ------------------------------------------------------------------ repeat merges
def journal_state(path: Path) -> tuple[int, str]:
    with Event.open(path, readonly=True) as event:
        return event.conn.execute(
            "select count(*), (select hash from journal order by seq desc limit 1) from journal"
        ).fetchone()


def edit_row(path: Path, seq: int, payload: str) -> None:
    """Change one journal row behind the software's back, its hash left as it was."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("drop trigger journal_no_update")
    raw.execute("update journal set payload = ? where seq = ?", (payload, seq))
    raw.close()


def forge_row(path: Path, payload: dict[str, object]) -> None:
    """Slip a check-in into the journal with plain SQL, with some hash (not the chain's)."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("drop trigger journal_no_replace")
    raw.execute(
        "insert into journal (uuid, kind, payload, desk, operator, at, origin, hash)"
        " values ('forged', 'checkin', ?, 'Bàn 3', '', '2025-09-20T07:31:00.000+07:00', 'x', ?)",
        (json.dumps(payload), "f" * 64),
    )
    raw.close()


@pytest.fixture
def merged_once(main: Event, tmp_path: Path, clock: FakeClock) -> tuple[Path, list[str]]:
    """A desk copy that admitted two delegates, merged once; the codes of the others."""
    found = [c for _, c in ids_codes(main)]
    path = replicas.clone(main, "Bàn 3", tmp_path / "ban3.db")
    with Event.open(path, desk="Bàn 3", clock=clock) as copy:
        Desk(copy).scan(found[0])
        clock.advance(minutes=1)
        Desk(copy).scan(found[1])
    replicas.merge(main, path)
    return path, found[2:]


def test_a_repeat_merge_reads_one_row_a_side_and_writes_nothing(
    main: Event, merged_once: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = merged_once
    before = journal_state(path), journal_state(main.path)

    def no_check(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing new: nothing to check")

    monkeypatch.setattr(replicas, "verify", no_check)
    again = replicas.merge(main, path)
    assert again["main"].public() == replicas.MergeReport().public()
    assert again["copy"].public() == replicas.MergeReport().public()
    assert (journal_state(path), journal_state(main.path)) == before


def test_new_rows_of_a_copy_after_a_merge_are_checked_and_merged(
    main: Event,
    merged_once: tuple[Path, list[str]],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, others = merged_once
    clock.advance(minutes=5)
    with Event.open(path, desk="Bàn 3", clock=clock) as copy:
        Desk(copy).scan(others[0])  # its check-in and nothing else
    checked: list[int] = []
    real = replicas.verify

    def spy(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        checked.append(found.rows)
        return found

    monkeypatch.setattr(replicas, "verify", spy)
    report = replicas.merge(main, path)["main"]
    assert (report.journal_rows, report.checkins) == (1, 1)
    assert checked == [2]  # the new row, and the one the last merge ended on again
    with Event.open(path) as copy:
        assert len(attendance(main)) == 3 and attendance(main) == attendance(copy)


def test_a_copy_that_catches_up_with_another_desk_then_has_nothing_new(
    main: Event, merged_once: tuple[Path, list[str]], tmp_path: Path, clock: FakeClock
) -> None:
    path, others = merged_once
    other = replicas.clone(main, "Bàn 4", tmp_path / "ban4.db")
    with Event.open(other, desk="Bàn 4", clock=clock) as copy:
        Desk(copy).scan(others[1])
    replicas.merge(main, other)
    catch_up = replicas.merge(main, path)  # Bàn 4's check-in, and its merge row, go to Bàn 3
    assert catch_up["main"].journal_rows == 0 and catch_up["copy"].checkins == 1
    with Event.open(path) as copy:
        assert attendance(copy) == attendance(main)
    nothing = replicas.merge(main, path)
    assert nothing["copy"].journal_rows == 0 and nothing["main"].journal_rows == 0


@pytest.mark.parametrize("where", ["new row", "row the last merge ended on"])
def test_a_copy_tampered_after_a_merge_is_still_refused(
    main: Event, merged_once: tuple[Path, list[str]], clock: FakeClock, where: str
) -> None:
    path, others = merged_once
    victim = int(others[0][: codes.ID_DIGITS])
    if where == "new row":
        forge_row(path, {"delegate_id": victim, "via": "scan", "code": others[0]})
    else:
        last = journal_state(path)[0]
        with Event.open(path) as copy:
            (seq,) = copy.conn.execute("select max(seq) from journal").fetchone()
        edit_row(path, seq, json.dumps({"delegate_id": victim}))
        with Event.open(path, desk="Bàn 3", clock=clock) as copy:  # and a genuine new row
            clock.advance(minutes=1)
            Desk(copy).scan(others[1])
        assert journal_state(path)[0] == last + 1
    before = journal_state(main.path), attendance(main)
    with pytest.raises(DaihoiError) as err:
        replicas.merge(main, path)
    assert err.value.key == "merge.tampered"
    assert (journal_state(main.path), attendance(main)) == before


def test_a_copy_put_back_from_an_older_backup_is_merged_the_long_way(
    main: Event, tmp_path: Path, clock: FakeClock
) -> None:
    found = [c for _, c in ids_codes(main)]
    path = replicas.clone(main, "Bàn 3", tmp_path / "ban3.db")
    with Event.open(path, desk="Bàn 3", clock=clock) as copy:
        Desk(copy).scan(found[0])
        older = replicas.backup(copy, tmp_path / "older.db")
    replicas.merge(main, path)
    with Event.open(path, desk="Bàn 3", clock=clock) as copy:
        clock.advance(minutes=1)
        Desk(copy).scan(found[1])
    replicas.merge(main, path)
    os.replace(older, path)  # the desk's laptop restored yesterday's copy
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    back = replicas.merge(main, path)
    assert back["main"].journal_rows == 0  # nothing of it is new to the main file
    with Event.open(path) as copy:
        assert attendance(copy) == attendance(main) and len(attendance(main)) == 2
