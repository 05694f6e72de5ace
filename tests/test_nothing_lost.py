"""Nothing lost: outputs never destroy inputs, reads never change a file, the journal resists
plain SQL, and the messages after a fault say what really happened.

Real event files, real commands (click's runner and, for argument bytes, a real process), real
SQLite faults: ``max_page_count`` makes SQLite itself answer "database or disk is full".
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from openpyxl import Workbook

from console.i18n import render, set_lang
from data import delegates, journal, replicas
from data.checkin import ADMITTED, Desk
from data.errors import DaihoiError
from data.schema import migrations
from data.store import Event

from .conftest import FakeClock

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = [
    ("Nguyễn Thị Hoa", "Nữ", 1980, "Sở Y tế", "Khối các sở"),
    ("Trần Văn Đức", "Nam", 1961, "UBND huyện Đại Từ", "Đoàn huyện Đại Từ"),
    ("Lê Thị Thúy", "Nữ", 1975, "Trường THPT Chu Văn An", "Khối giáo dục"),
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_xlsx_list(path: Path) -> Path:
    book = Workbook()
    ws = book.active
    ws.append(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị", "Đoàn"])
    for i, person in enumerate(PEOPLE, 1):
        ws.append([i, *person])
    book.save(path)
    return path


@pytest.fixture
def tinh(run, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """An event ``tinh.db`` imported from ``danh-sach.xlsx``, all connections closed."""
    run("init", "--db", "tinh.db", "--title", "Đại hội Thi đua yêu nước tỉnh")
    run("import", "delegates", str(write_xlsx_list(tmp_path / "danh-sach.xlsx")), "--db", "tinh.db")
    return tmp_path / "tinh.db"


# ------------------------------------------------------------------ outputs never destroy inputs
@pytest.mark.parametrize(
    "args",
    [
        ("badges", "--delegate", "1", "-o", "tinh.db"),
        ("badges", "-o", "tinh.db-wal"),
        ("honours", "tray", "-o", "tinh.db"),
        ("export", "attendance", "-o", "tinh.db-shm"),
        ("export", "summary", "-o", "tinh.db"),
        ("clone", "--desk", "Bàn 9", "-o", "tinh.db-wal"),
    ],
)
def test_no_output_is_written_over_the_event_file(run, tinh: Path, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    before = digest(tinh)
    folder = sorted(p.name for p in tinh.parent.iterdir())
    result = run(*args, "--db", "tinh.db", code=1)
    assert result.stderr.count("\n") == 1
    assert "tệp sự kiện" in result.stderr and "không ghi đè" in result.stderr
    assert digest(tinh) == before
    assert sorted(p.name for p in tinh.parent.iterdir()) == folder  # nothing written beside it
    with Event.open(tinh) as event:
        assert journal.verify(event.conn).ok
        assert event.conn.execute("select count(*) from delegates").fetchone()[0] == 3


def test_no_output_is_written_over_a_list_the_event_came_from(run, tinh: Path) -> None:  # type: ignore[no-untyped-def]
    source = tinh.parent / "danh-sach.xlsx"
    before = digest(source)
    for args in (
        ("export", "absent", "-o", "danh-sach.xlsx"),
        ("export", "absent", "-o", str(source)),  # the same file by another spelling
        ("badges", "-o", "./danh-sach.xlsx"),
    ):
        result = run(*args, "--db", "tinh.db", code=1)
        assert "danh sách đã nhập" in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1
    link = tinh.parent / "lien-ket.xlsx"
    link.symlink_to(source)
    assert (
        "danh sách đã nhập"
        in run("export", "absent", "-o", str(link), "--db", "tinh.db", code=1).stderr
    )
    assert digest(source) == before
    run("export", "absent", "-o", "vang.xlsx", "--db", "tinh.db")  # another name is fine


def test_no_output_is_written_over_a_backup_or_desk_copy(run, tinh: Path) -> None:  # type: ignore[no-untyped-def]
    run("backup", "sao-luu.db", "--db", "tinh.db")
    run("clone", "--desk", "Bàn 2", "-o", "ban2.db", "--db", "tinh.db")
    for target in ("sao-luu.db", "ban2.db"):
        before = digest(tinh.parent / target)
        result = run("export", "attendance", "-o", target, "--db", "tinh.db", code=1)
        assert "cơ sở dữ liệu" in result.stderr
        result = run("badges", "-o", target, "--db", "tinh.db", code=1)
        assert digest(tinh.parent / target) == before


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The usual umask (files 0644 unless daihoi asks for less), restored afterwards."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("usual_umask")
def test_outputs_are_owner_only(run, tinh: Path) -> None:  # type: ignore[no-untyped-def]
    run("badges", "-o", "the.pdf", "--png", "the-pngs", "--db", "tinh.db")
    run("honours", "tray", "-o", "khay.pdf", "--db", "tinh.db")
    run("export", "summary", "-o", "tom-tat.pdf", "--db", "tinh.db")
    run("export", "attendance", "-o", "co-mat.csv", "--db", "tinh.db")
    folder = tinh.parent
    pngs = sorted((folder / "the-pngs").iterdir())
    assert len(pngs) == 3
    assert mode(folder / "the-pngs") == 0o700
    for path in [folder / "the.pdf", folder / "khay.pdf", folder / "tom-tat.pdf", *pngs]:
        assert mode(path) == 0o600, path
        assert path.stat().st_size > 0
    assert mode(folder / "co-mat.csv") == 0o600


def test_desk_copy_says_it_carries_the_secret(run, tinh: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("clone", "--desk", "Bàn 2", "-o", "ban2.db", "--db", "tinh.db")
    assert "khoá bí mật" in result.stderr


# ------------------------------------------------------------------ the journal
def test_replace_and_unhashed_inserts_are_refused(event: Event) -> None:
    with event.write():
        event.journal("test", {"n": 1})
    row = event.conn.execute(
        "select seq, uuid, kind, payload, at, origin, hash from journal"
    ).fetchall()[-1]
    seq, row_uuid = row[0], row[1]
    raw = sqlite3.connect(event.path, isolation_level=None)
    for sql, params in (
        (
            "insert or replace into journal (seq, uuid, kind, payload, at, origin, hash)"
            " values (?, ?, 'forged', '{}', '', '', 'x')",
            (seq, row_uuid),
        ),
        (
            "replace into journal (uuid, kind, payload, at, origin, hash)"
            " values (?, 'forged', '{}', '', '', 'x')",
            (row_uuid,),
        ),
        (
            "insert into journal (uuid, kind, payload, at, origin) values ('n', 'k', '{}', '', '')",
            (),
        ),
        ("update journal set kind = 'forged'", ()),
        ("delete from journal", ()),
    ):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw.execute(sql, params)
    raw.close()
    kinds = [r["kind"] for r in event.journal_rows()]
    assert "forged" not in kinds and kinds[-1] == "test"
    assert journal.verify(event.conn).ok


def tamper(path: Path, seq: int) -> None:
    """Edit one journal row the way someone with plain SQL would: triggers dropped first."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("drop trigger journal_no_update")
    raw.execute("update journal set payload = '{\"delegate_id\": 2}' where seq = ?", (seq,))
    raw.close()


def test_verify_names_the_row_that_was_changed(run, tinh: Path) -> None:  # type: ignore[no-untyped-def]
    ok = run("verify", "--db", "tinh.db")
    assert "toàn vẹn" in ok.stderr
    with Event.open(tinh) as event:
        rows = event.journal_rows()
    third = rows[2]["seq"]
    tamper(tinh, third)
    bad = run("verify", "--db", "tinh.db", code=1)
    assert f"dòng {third}" in bad.stderr and rows[2]["kind"] in bad.stderr
    assert bad.stderr.count("\n") == 1


def test_merge_refuses_a_copy_whose_chain_is_broken(tmp_path: Path, clock: FakeClock) -> None:
    main = Event.create(tmp_path / "main.db", title="Đại hội", clock=clock)
    delegates.upsert(main, [{"name": "Nguyễn Văn An", "unit": "Sở"}])
    copy_path = replicas.clone(main, "Bàn 2", tmp_path / "ban2.db")
    with Event.open(copy_path, desk="Bàn 2", clock=clock) as copy:
        (code,) = copy.conn.execute("select code from codes").fetchone()
        assert Desk(copy).scan(code).verdict == ADMITTED
        last = copy.conn.execute("select max(seq) from journal").fetchone()[0]
    tamper(copy_path, last - 1)
    before = main.conn.execute("select count(*) from journal").fetchone()[0]
    with pytest.raises(DaihoiError) as err:
        replicas.merge(main, copy_path)
    assert err.value.key == "merge.tampered"
    assert main.conn.execute("select count(*) from journal").fetchone()[0] == before
    assert main.conn.execute("select count(*) from attendance").fetchone()[0] == 0
    main.close()


def test_a_batch_append_chains_as_one_append_per_row(tmp_path: Path, clock: FakeClock) -> None:
    """Event.append_many (merges) writes the rows and hashes that row-by-row appends write,
    and the journal's guard still refuses a uuid written twice, in the batch or before it:
    nothing of the batch lands then."""
    rows = [
        (f"u{i}", "checkin", f'{{"delegate_id": {i}, "note": "Nguyễn \\ud83d"}}', "Bàn 1", "",
         f"2025-09-20T07:{i:02d}:00.000+07:00", "copy")
        for i in range(40)
    ]  # fmt: skip
    one, many = (Event.create(tmp_path / f"{n}.db", title="Đại hội", clock=clock) for n in "ab")
    with one.write():
        for row in rows:
            one.append(row)
    with many.write():
        assert many.append_many(rows) == len(rows)
    query = "select uuid, kind, payload, desk, operator, at, origin, hash from journal"
    written = many.conn.execute(query + " where origin = 'copy' order by seq").fetchall()
    assert [r[:7] for r in written] == rows
    previous = many.conn.execute(
        "select hash from journal where origin != 'copy' order by seq desc limit 1"
    ).fetchone()[0]
    for row in written:
        previous = journal.chain_hash(previous, row[:7])
        assert row[7] == previous
    assert journal.verify(many.conn).ok and journal.verify(one.conn).ok
    assert [r[:7] for r in one.conn.execute(query + " where origin = 'copy' order by seq")] == rows
    count = many.conn.execute("select count(*) from journal").fetchone()[0]
    for batch in (
        [("new", *rows[0][1:]), ("new", *rows[1][1:])],
        [("fresh", *rows[0][1:]), rows[5]],
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"), many.write():
            many.append_many(batch)
        assert many.conn.execute("select count(*) from journal").fetchone()[0] == count
    one.close()
    many.close()


def test_an_older_event_file_gets_its_chain_on_first_open(tmp_path: Path) -> None:
    path = tmp_path / "cu.db"
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    migrations().apply(db, stop_before="m002_journal_chain_inputs")
    conn.execute(
        "insert into event (id, uid, replica, title, kind, start, secret, created_at)"
        " values (1, 'u', 'u', 'Cũ', 'dai-hoi', '07:30', '00', '2025-01-01')"
    )
    for i in range(3):
        conn.execute(
            "insert into journal (uuid, kind, payload, at, origin) values (?, 'old', '{}', ?, 'u')",
            (f"r{i}", f"2025-01-01T07:0{i}"),
        )
    conn.close()
    with pytest.raises(DaihoiError) as err:  # a read-only command does not upgrade it
        Event.open(path, readonly=True)
    assert err.value.key == "event.needs_upgrade"
    with Event.open(path) as event:
        found = journal.verify(event.conn)
        assert found.ok and found.rows == 3
        with event.write():
            event.journal("new", {})
        assert journal.verify(event.conn).rows == 4


# ------------------------------------------------------------------ reading changes nothing
def foreign_database(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("create table contacts (name text)")
    conn.execute("insert into contacts values ('Hoa')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("command", [("stats",), ("delegates",), ("checkin", "123"), ("verify",)])
def test_another_applications_database_or_an_empty_file_is_refused_untouched(
    run, tmp_path: Path, command: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    foreign = foreign_database(tmp_path / "contacts.db")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for path in (foreign, empty):
        before = digest(path)
        result = run(*command, "--db", str(path), code=1)
        assert "không phải tệp sự kiện daihoi" in result.stderr
        assert digest(path) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db", "empty.db"]
    conn = sqlite3.connect(foreign)
    assert [r[0] for r in conn.execute("select name from sqlite_master")] == ["contacts"]
    assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_read_commands_leave_a_backup_byte_for_byte(run, tinh: Path) -> None:  # type: ignore[no-untyped-def]
    backup = tinh.parent / "usb" / "sao-luu.db"
    backup.parent.mkdir()
    run("backup", str(backup), "--db", "tinh.db")
    before = digest(backup)
    for command in (
        ("stats", "--json"),
        ("delegates",),
        ("codes",),
        ("programme",),
        ("honours",),
        ("verify",),
        ("export", "attendance", "-o", "co-mat.xlsx"),
        ("backup", "lan-hai.db"),
    ):
        run(*command, "--db", str(backup))
    assert digest(backup) == before
    assert sorted(p.name for p in backup.parent.iterdir()) == ["sao-luu.db"]


# ------------------------------------------------------------------ honest messages
def test_a_full_disk_says_nothing_was_lost_not_use_a_backup(event: Event) -> None:
    delegates.upsert(event, [{"name": "Nguyễn Văn An", "unit": "Sở"}])
    pages = event.conn.execute("pragma page_count").fetchone()[0]
    event.conn.execute(f"pragma max_page_count = {pages}")  # SQLite's own SQLITE_FULL
    with pytest.raises(DaihoiError) as err:
        delegates.upsert(event, [{"name": f"Người {i}", "unit": "x" * 900} for i in range(400)])
    assert err.value.key == "event.disk_full"
    set_lang("vi")
    message = render(err.value)
    assert "nguyên" in message and "Giải phóng dung lượng" in message
    assert "bản sao lưu gần nhất" not in message
    assert event.conn.execute("select count(*) from delegates").fetchone()[0] == 1


def test_a_read_only_file_says_copy_it_somewhere_writable(event: Event) -> None:
    with Event.open(event.path, readonly=True) as reader:
        with pytest.raises(DaihoiError) as err:
            with reader.write():
                reader.journal("x", {})
    assert err.value.key == "event.read_only"
    assert "Chép tệp" in render(err.value) and "bản sao lưu" not in render(err.value).split(";")[0]


def test_a_damaged_file_sends_to_the_backup_and_never_says_delete_the_wal(
    run, event: Event
) -> None:  # type: ignore[no-untyped-def]
    delegates.upsert(event, [{"name": f"Người {i}", "unit": "Sở"} for i in range(50)])
    event.close()  # the last connection: everything is in the main file, no -wal left
    assert not event.wal_path.exists()
    data = bytearray(event.path.read_bytes())
    data[100:4096] = os.urandom(3996)  # the header survives, the schema page does not
    event.path.write_bytes(bytes(data))
    result = run("stats", "--db", str(event.path), code=1)
    assert "bị hỏng" in result.stderr and "bản sao lưu gần nhất" in result.stderr
    assert "Đừng xoá" in result.stderr
    assert result.stderr.count("\n") == 1


# ------------------------------------------------------------------ the -wal vanishing
def test_a_desk_whose_wal_is_deleted_stops_writing_and_rescues_its_checkins(
    event: Event, tmp_path: Path
) -> None:
    delegates.upsert(event, [{"name": "Nguyễn Văn An"}, {"name": "Trần Thị Bình"}])
    codes = [c for (c,) in event.conn.execute("select code from codes order by delegate_id")]
    desk = Desk(event)
    assert desk.scan(codes[0]).verdict == ADMITTED
    event.wal_path.unlink()  # someone "cleans up" the folder while the desk runs
    with pytest.raises(DaihoiError) as err:
        desk.scan(codes[1])
    assert err.value.key == "event.wal_gone"
    rescue = event.stopped
    assert rescue is not None and rescue.exists() and mode(rescue) == 0o600
    with Event.open(rescue, readonly=True) as saved:
        assert saved.conn.execute("select delegate_id from attendance").fetchall() == [(1,)]
        assert journal.verify(saved.conn).ok
    with pytest.raises(DaihoiError):  # and it stays stopped
        desk.scan(codes[1])


# ------------------------------------------------------------------ bytes in arguments
def test_arguments_that_are_not_utf8_are_one_line(tinh: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "console",
            "checkin",
            "123",
            "--db",
            str(tinh),
            "--desk",
            b"B\xe0n 1",
        ],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "UTF-8" in err and "Traceback" not in err


def test_a_second_open_in_the_desks_process_does_not_stop_a_healthy_desk(
    event: Event, tmp_path: Path
) -> None:
    """Python's open()/close() on the event file drops the process's SQLite locks (POSIX): a
    desk that opened the file twice (a rolling backup, a reprint) then lost its -wal to the
    next process that closed the file."""
    delegates.upsert(event, [{"name": "Nguyễn Văn An"}, {"name": "Trần Thị Bình"}])
    codes = [c for (c,) in event.conn.execute("select code from codes order by delegate_id")]
    desk = Desk(event)
    assert desk.scan(codes[0]).verdict == ADMITTED
    with Event.open(event.path):  # what the console's backup worker does
        pass
    with Event.open(event.path, readonly=True):  # and a read in the same process
        pass
    other = subprocess.run(
        [sys.executable, "-m", "console", "stats", "--db", str(event.path)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert other.returncode == 0, other.stderr
    assert event.wal_path.exists()
    assert desk.scan(codes[1]).verdict == ADMITTED
    assert event.stopped is None


def test_main_file_and_desk_copy_backups_in_one_folder_prune_only_their_own(
    event: Event, tmp_path: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    copy_path = replicas.clone(event, "Bàn 2", tmp_path / "ban2.db")
    with Event.open(copy_path, desk="Bàn 2", clock=clock) as copy:
        theirs = []
        for _ in range(3):
            clock.advance(minutes=1)
            theirs.append(replicas.rolling_backup(copy, folder, keep=3))
    for _ in range(5):
        clock.advance(minutes=1)
        replicas.rolling_backup(event, folder, keep=3)
    present = set(folder.iterdir())
    assert set(theirs) <= present  # the desk copy's unmerged check-ins are still backed up
    assert len(present) == 6


def test_an_event_imported_before_paths_were_remembered_still_protects_its_list(
    run, tinh: Path
) -> None:  # type: ignore[no-untyped-def]
    raw = sqlite3.connect(tinh)
    raw.execute("delete from input_files")  # as an event from before the upgrade
    raw.commit()
    raw.close()
    source = tinh.parent / "danh-sach.xlsx"
    before = digest(source)
    result = run("export", "absent", "-o", "danh-sach.xlsx", "--db", "tinh.db", code=1)
    assert "danh sách đã nhập" in result.stderr
    assert digest(source) == before


def test_the_guard_ignores_case_and_unicode_form(run, tinh: Path) -> None:  # type: ignore[no-untyped-def]
    for target in ("TINH.DB-WAL", "Tinh.db", "DANH-SACH.XLSX"):
        result = run("export", "absent", "-o", target, "--db", "tinh.db", code=1)
        assert "không ghi đè" in result.stderr
    source = tinh.parent / "Hội nghị.xlsx"
    write_xlsx_list(source)
    run("import", "delegates", str(source), "--db", "tinh.db")
    nfd = unicodedata.normalize("NFD", "hội nghị.xlsx")
    assert "danh sách đã nhập" in run("badges", "-o", nfd, "--db", "tinh.db", code=1).stderr


def test_desks_opening_an_older_file_at_once_all_start(tmp_path: Path) -> None:
    path = tmp_path / "cu.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations().apply(sqlite_utils.Database(conn), stop_before="m002_journal_chain_inputs")
    conn.execute(
        "insert into event (id, uid, replica, title, kind, start, secret, created_at)"
        " values (1, 'u', 'u', 'Cũ', 'dai-hoi', '07:30', '00', '2025-01-01')"
    )
    conn.close()
    code = (
        "import sys; from data.store import Event; from data import journal;"
        f"e = Event.open({str(path)!r}); print(journal.verify(e.conn).ok)"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for _ in range(4)
    ]
    results = [p.communicate() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], results
    assert all(out.strip() == b"True" for out, _ in results)


def test_a_desk_name_with_escape_sequences_is_refused(run, tinh: Path) -> None:  # type: ignore[no-untyped-def]
    with Event.open(tinh) as event:
        before = len(event.journal_rows())
    for desk in ("\x1b]0;PWN\x07Bàn 1", "Bàn\u202e 1", "", "B" * 41):
        result = run("checkin", "123", "--db", "tinh.db", "--desk", desk, code=1)
        assert "tên bàn" in result.stderr.lower(), result.stderr
        assert result.stderr.count("\n") == 1
    with Event.open(tinh) as event:
        assert len(event.journal_rows()) == before


def test_a_higher_level_list_of_strangers_is_summed_up_not_printed_row_by_row(
    run, tinh: Path
) -> None:  # type: ignore[no-untyped-def]
    names = tinh.parent / "cap-tren.csv"
    names.write_text(
        "STT,Họ và tên\n" + "".join(f"{i},Người Lạ Số {i}\n" for i in range(1, 301)),
        encoding="utf-8",
    )
    result = run("import", "higher-level", str(names), "--db", "tinh.db", code=None)
    lines = result.stderr.splitlines()
    assert sum("không có trong danh sách đại biểu" in line for line in lines) == 21  # 20 + sum
    assert any("280" in line and "dòng nữa" in line for line in lines)
    assert len(lines) < 30
