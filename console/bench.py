"""``daihoi bench``: the speed figures we promise, measured on synthetic data.

Each part builds its own event in a temporary folder, times the real code path (the same calls
the console and the command line make) and reports median, p95 and p99 in milliseconds. Targets
from the issues are printed beside the figures; nothing here asserts them (tests never time).
"""

from __future__ import annotations

import multiprocessing
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from data import codes as codes_mod
from data import delegates as delegates_mod
from data.checkin import ADMITTED, Desk
from data.search import SearchIndex
from data.store import Event
from data.text import name_sort_key

Progress = Callable[[str], None]


def percentiles(samples_ms: Iterable[float]) -> dict[str, float]:
    """median, p95, p99 and max of a list of milliseconds."""
    values = sorted(samples_ms)
    if not values:
        return {"n": 0}

    def pick(q: float) -> float:
        return round(values[min(len(values) - 1, int(q * len(values)))], 3)

    return {
        "n": len(values),
        "median": round(statistics.median(values), 3),
        "p95": pick(0.95),
        "p99": pick(0.99),
        "max": round(values[-1], 3),
    }


def _event(folder: Path, name: str) -> Event:
    return Event.create(folder / name, title="Bench", date="2025-09-20")


def _records(n: int) -> list[dict[str, Any]]:
    from data.synthetic import generate

    return generate(n, seed=7)


def _process(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds a whole process takes, start-up included (what the user waits for), and the
    CPU seconds it used (less moved by other work on the machine than the wall clock)."""
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def _whole(argv: list[str], env: dict[str, str] | None = None) -> float:
    """Milliseconds of wall clock a whole process takes (see :func:`_process`)."""
    return _process(argv, env)[0] * 1000


def _compiled(folder: Path) -> dict[str, str]:
    """The environment for timing start-ups as an installed daihoi starts: from compiled
    modules (pip compiles every module when it installs; Python caches what it compiles on the
    first run), kept in a cache folder of the bench's own. With PYTHONDONTWRITEBYTECODE in the
    environment, every start compiled daihoi's source again (about 100 ms), while the baseline's
    standard-library modules came compiled. Run each program once before timing it."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


_OPENPYXL_ITERATES = (
    "import sys, openpyxl\n"
    "book = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
    "for sheet in book.worksheets:\n"
    "    for row in sheet.iter_rows(values_only=True): pass\n"
)
"""The floor of issue 12: openpyxl read-only only iterating the file's rows."""


def _write_xls(csv_path: Path, path: Path) -> Path | None:
    """The same list as an Excel 97-2003 file, if xlwt (a test dependency) is installed."""
    import csv

    try:
        import xlwt
    except ImportError:
        return None
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Danh sách")
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        for r, row in enumerate(csv.reader(f)):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def bench_import(n: int, folder: Path, progress: Progress) -> dict[str, Any]:
    """``daihoi import delegates`` of an n-row list as a whole process (.xlsx as units send it:
    title block, merged headers, sections; .xls; .csv), beside openpyxl read-only only
    iterating the same .xlsx, in the same run, runs interleaved, both from compiled modules
    (:func:`_compiled`)."""
    import sys

    from data.synthetic import write_csv, write_xlsx

    records = _records(n)
    xlsx = write_xlsx(records, folder / "list.xlsx", messy=True)
    csv_path = write_csv(records, folder / "list.csv")
    xls = _write_xls(csv_path, folder / "list.xls")
    files = {"xlsx": xlsx, "csv": csv_path, **({"xls": xls} if xls else {})}
    daihoi = [sys.executable, "-m", "console"]
    openpyxl_iterates = [sys.executable, "-c", _OPENPYXL_ITERATES, str(xlsx)]
    env = _compiled(folder)
    _whole(openpyxl_iterates, env)  # each program's modules compiled once, untimed
    _whole([*daihoi, "--help"], env)
    times: dict[str, list[float]] = {"openpyxl_iterates_xlsx": [], **{k: [] for k in files}}
    runs = 3
    for run in range(runs):
        progress(f"import {run + 1}/{runs}")
        times["openpyxl_iterates_xlsx"].append(_whole(openpyxl_iterates, env))
        for label, path in files.items():
            db = folder / f"import-{label}-{run}.db"
            Event.create(db, title="Bench", date="2025-09-20").close()
            times[label].append(
                _whole([*daihoi, "import", "delegates", "--db", str(db), str(path)], env)
            )
            with Event.open(db, readonly=True) as ev:
                count = ev.conn.execute("select count(*) from delegates").fetchone()[0]
            assert count == n, (label, count)  # nobody lost, nobody invented
    result: dict[str, Any] = {"rows": n, **{k: percentiles(v) for k, v in times.items()}}
    floor = statistics.median(times["openpyxl_iterates_xlsx"])
    result["ratio_to_openpyxl_iterating"] = {
        k: round(statistics.median(times[k]) / floor, 2) for k in files
    }
    result["goal"] = "xlsx, xls <= 0.6x openpyxl iterating; csv < 400 ms (whole command)"
    return result


def _typing(names: list[str], rng: random.Random, count: int) -> list[str]:
    """Queries as staff type them: prefixes of 'given family', 'family middle given', initials."""
    from data.text import fold

    queries: list[str] = []
    while len(queries) < count:
        parts = fold(rng.choice(names)).split()
        if not parts:
            continue
        form = rng.choice(["given family", "full", "initials"])
        text = (
            f"{parts[-1]} {parts[0]}" if form == "given family" else
            " ".join(parts) if form == "full" else "".join(p[0] for p in parts)
        )  # fmt: skip
        queries.extend(text[:i] for i in range(1, len(text) + 1))
    return queries[:count]


_SEARCH_LIMIT = 50
"""Rows the reception screen asks of each keystroke."""


def _fts5_baseline(index: SearchIndex) -> sqlite3.Connection:
    """The same delegates in SQLite FTS5: the fields the index holds, folded as it folds them
    (:func:`data.text.fold`: accents, đ, case), rowid in the index's name order, a prefix index."""
    from data.text import fold

    db = sqlite3.connect(":memory:")
    db.execute(
        "create virtual table people using fts5(name, other, tokenize = 'unicode61',"
        " prefix = '1 2 3')"
    )
    db.executemany(
        "insert into people (rowid, name, other) values (?, ?, ?)",
        [
            (rank, fold(d.name), fold(" ".join(t or "" for t in (
                d.unit, d.delegation, d.position, d.category, d.seat, d.external_id))))
            for rank, d in enumerate(index.delegates)
        ],
    )  # fmt: skip
    return db


def _fts5_search(db: sqlite3.Connection, query: str) -> tuple[list[int], int]:
    """Every word of ``query`` as a prefix of a word of any field: the first rows and the count."""
    from data.text import words

    match = " ".join(f'"{w}"*' for w in words(query))
    if not match:
        return [], 0
    rows = db.execute(
        "select rowid from people where people match ? order by rowid limit ?",
        (match, _SEARCH_LIMIT),
    ).fetchall()
    total = db.execute("select count(*) from people where people match ?", (match,)).fetchone()
    return [r for (r,) in rows], total[0]


def bench_search(n: int, folder: Path, progress: Progress) -> dict[str, Any]:
    """Per-keystroke search latency at n and 10x n delegates (issue 16 asks 10,000 and 100,000),
    beside SQLite FTS5 with a prefix index on folded columns of the same fields: the same
    keystrokes, alternating, in the same run. Both index the fields the console indexes."""
    result: dict[str, Any] = {}
    rng = random.Random(3)
    for size in (n, n * 10):
        progress(f"search index of {size} delegates")
        people = [
            delegates_mod.Delegate(
                id=i + 1, name=r["name"], unit=r["unit"], delegation=r["delegation"],
                position=r["position"], category=r["category"], seat=r["seat"],
                external_id=r["external_id"], sort_key=name_sort_key(r["name"]),
            )  # sort keys as all_delegates computes them, not timed
            for i, r in enumerate(_records(size))
        ]  # fmt: skip
        started = time.perf_counter()
        index = SearchIndex(people)
        build_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        fts5 = _fts5_baseline(index)
        fts5_build_ms = (time.perf_counter() - started) * 1000
        queries = _typing([p.name for p in people], rng, 2000)
        ours, theirs = [], []
        for q in queries:
            t0 = time.perf_counter()
            index.search(q, limit=_SEARCH_LIMIT)
            t1 = time.perf_counter()
            _fts5_search(fts5, q)
            theirs.append((time.perf_counter() - t1) * 1000)
            ours.append((t1 - t0) * 1000)
        fts5.close()
        mine, floor = percentiles(ours), percentiles(theirs)
        result[str(size)] = {
            "index_build_ms": round(build_ms, 1),
            "fts5_build_ms": round(fts5_build_ms, 1),
            "per_keystroke": mine,
            "fts5_prefix": floor,
            "p95_ratio_to_fts5": round(mine["p95"] / floor["p95"], 3),
        }
    result["goal"] = "p95 <= 1x FTS5 prefix at 10,000 and 100,000"
    return result


def _raw_scan(conn: sqlite3.Connection, delegate_id: int, desk: str) -> None:
    """A check-in in plain SQL: BEGIN IMMEDIATE, SELECT attendance, INSERT journal and
    attendance rows, COMMIT; the scan path's floor."""
    row_uuid = uuid.uuid4().hex
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "select checked_in_at, desk from attendance where delegate_id = ?", (delegate_id,)
    ).fetchone()
    conn.execute(
        "insert into journal (uuid, kind, payload, desk, operator, at, origin, hash)"
        " values (?, 'checkin', ?, ?, '', '2025-09-20T08:00:00.000+07:00', 'raw', ?)",
        (row_uuid, f'{{"delegate_id": {delegate_id}}}', desk, "0" * 64),
    )
    conn.execute(
        "insert into attendance (delegate_id, checked_in_at, desk, operator, journal_uuid)"
        " values (?, '2025-09-20T08:00:00.000+07:00', ?, '', ?)",
        (delegate_id, desk, row_uuid),
    )
    conn.execute("COMMIT")


def bench_scan(n: int, folder: Path, progress: Progress) -> dict[str, Any]:
    """Scan-to-committed-verdict latency at n delegates, one desk, beside the same check-in in
    plain SQL on a copy of the same file (WAL, synchronous=FULL), alternating scan by scan;
    wall time (the fsync included) and CPU time of each."""
    progress(f"scan: event of {n} delegates")
    with _event(folder, "scan.db") as ev:
        delegates_mod.upsert(ev, _records(n))
        scans = codes_mod.current_codes(ev)
        random.Random(5).shuffle(scans)
        raw = sqlite3.connect(folder / "scan-raw.db", isolation_level=None)
        ev.conn.backup(raw)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        ev.desk = "Bàn 1"
        desk = Desk(ev)
        wall: dict[str, list[float]] = {"daihoi": [], "raw_sqlite": []}
        cpu: dict[str, list[float]] = {"daihoi": [], "raw_sqlite": []}
        for delegate_id, code, _ in scans[:2000]:
            for label, scan in (
                ("daihoi", partial(desk.scan, code)),
                ("raw_sqlite", partial(_raw_scan, raw, delegate_id, "Bàn 1")),
            ):
                t0, c0 = time.perf_counter(), time.thread_time()
                scan()
                cpu[label].append((time.thread_time() - c0) * 1e6)
                wall[label].append((time.perf_counter() - t0) * 1000)
        raw.close()
    ours, floor = percentiles(wall["daihoi"]), percentiles(wall["raw_sqlite"])
    return {
        "delegates": n,
        "scan_ms": ours,
        "raw_sqlite_ms": floor,
        "median_ratio_to_raw": round(ours["median"] / floor["median"], 2),
        "cpu_us_per_scan": {k: round(statistics.median(v), 1) for k, v in cpu.items()},
        "goal": "<= 1.5x raw SQLite (BEGIN IMMEDIATE + SELECT + 2 INSERT + COMMIT)",
    }


def _desk_worker(args: tuple[str, str, list[str]]) -> tuple[list[float], list[tuple[str, str]]]:
    path, desk_name, scans = args
    with Event.open(path, desk=desk_name) as ev:
        desk = Desk(ev)
        times, verdicts = [], []
        for code in scans:
            t0 = time.perf_counter()
            v = desk.scan(code)
            times.append((time.perf_counter() - t0) * 1000)
            verdicts.append((code, v.verdict))
    return times, verdicts


def bench_desks(desks: int, per_desk: int, folder: Path, progress: Progress) -> dict[str, Any]:
    """``desks`` processes scan ``per_desk`` different badges each into one file; then every
    badge is scanned again by two desks at once. Lost check-ins and double admissions must be 0."""
    path = folder / f"desks-{desks}.db"
    total = desks * per_desk
    progress(f"desks: {desks} processes × {per_desk} scans")
    with _event(folder, path.name) as ev:
        delegates_mod.upsert(ev, _records(total))
        all_codes = [code for _, code, _ in codes_mod.current_codes(ev)]
    rng = random.Random(11)
    rng.shuffle(all_codes)
    first = [
        (str(path), f"Bàn {i + 1}", all_codes[i * per_desk : (i + 1) * per_desk])
        for i in range(desks)
    ]
    # The second round: each badge again, from two different desks at the same moment.
    second = []
    for i in range(desks):
        mine = list(all_codes[i * per_desk : (i + 1) * per_desk])
        theirs = list(all_codes[((i + 1) % desks) * per_desk : ((i + 1) % desks + 1) * per_desk])
        both = mine + theirs
        rng.shuffle(both)
        second.append((str(path), f"Bàn {i + 1}", both))
    ctx = multiprocessing.get_context("spawn")
    started = time.perf_counter()
    with ctx.Pool(desks) as pool:
        round1 = pool.map(_desk_worker, first)
        round2 = pool.map(_desk_worker, second)
    wall = time.perf_counter() - started
    admitted: dict[str, int] = {}
    times: list[float] = []
    for t, verdicts in round1 + round2:
        times.extend(t)
        for code, verdict in verdicts:
            if verdict == ADMITTED:
                admitted[code] = admitted.get(code, 0) + 1
    with Event.open(path) as ev:
        rows = ev.conn.execute("select count(*) from attendance").fetchone()[0]
        integrity = ev.conn.execute("pragma integrity_check").fetchone()[0]
    return {
        "desks": desks,
        "scans": len(times),
        "wall_s": round(wall, 2),
        "scan_ms": percentiles(times),
        "lost_checkins": total - rows,
        "double_admissions": sum(1 for c in admitted.values() if c > 1),
        "never_admitted": total - len(admitted),
        "integrity": integrity,
    }


_PLAIN_BADGES = """
import json, sys
import font_roboto, qrcode
from fpdf import FPDF
from qrcode.constants import ERROR_CORRECT_M
job = json.load(open(sys.argv[1], encoding="utf-8"))
pdf = FPDF(unit="mm", format="A4")
pdf.set_auto_page_break(False)
pdf.add_font("Roboto", "", font_roboto.Roboto)
pdf.add_font("Roboto", "B", font_roboto.RobotoBold)
W, H, M = 98, 138, 1.5
def line(x, y, h, text, size, bold=False, rgb=(0, 0, 0)):
    pdf.set_text_color(*rgb)
    pdf.set_font("Roboto", "B" if bold else "", size)
    pdf.text(x + (W - pdf.get_string_width(text)) / 2, y + 0.75 * h, text)
for i, b in enumerate(job["badges"]):
    if i % 4 == 0:
        pdf.add_page()
    x, y = 7 + i % 2 * W, 10.5 + i // 2 % 2 * H
    line(x, y + 5, 5, job["title"], 10, True, (200, 16, 46))
    line(x, y + 16, 10, b["name"], 22, True)
    for k, text in enumerate((b["unit"], b["delegation"], b["seat"])):
        line(x, y + 30 + 6 * k, 5, text, 11)
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    qr.add_data(b["code"])
    qr.make(fit=True)
    pdf.set_fill_color(0, 0, 0)
    for r, row in enumerate(qr.get_matrix()):
        c = 0
        while c < len(row):
            start = c
            while c < len(row) and row[c]:
                c += 1
            if c > start:
                pdf.rect(x + 33 + start * M, y + 56 + r * M, (c - start) * M, M, style="F")
            c += 1
    line(x, y + 92, 5, b["digits"], 10)
    pdf.set_fill_color(200, 16, 46)
    pdf.rect(x, y + H - 15, W, 15, style="F")
    line(x, y + H - 11.5, 8, b["band"], 20, True, (255, 255, 255))
pdf.output(sys.argv[2])
"""
"""The plain drawer ``daihoi badges`` is measured against: the same badges (texts, codes, A6
sheets of four) with fpdf2's ``text`` (centred by ``get_string_width``) and ``rect`` and
qrcode's matrix (its own mask search), each row's dark run one rectangle, as anyone would
first write it. (Centring with ``cell`` instead is ~10 % slower: the lighter one is the floor.)"""


def _pdf_pages(path: Path) -> int:
    import re

    return len(re.findall(rb"/Type /Page\b(?!s)", path.read_bytes()))


def bench_badges(count: int, folder: Path, progress: Progress, runs: int = 3) -> dict[str, Any]:
    """``daihoi badges`` of ``count`` delegates on A6 sheets, the whole congress's print run, as
    a whole process beside the plain fpdf2 drawer (:data:`_PLAIN_BADGES`) drawing the same
    badges, runs interleaved; the ratio is of the medians. Then once in this process, to show
    what start-up costs."""
    import json
    import sys

    from badges.build import print_badges, select
    from badges.compose import badge_of

    db = folder / "badges.db"
    with _event(folder, db.name) as ev:
        delegates_mod.upsert(ev, _records(count))
        job = {
            "title": ev.info.title,
            "badges": [
                {"name": b.name, "unit": b.position_unit, "delegation": b.delegation,
                 "seat": b.seat, "band": b.band_word.upper(), "code": b.code,
                 "digits": codes_mod.human(b.code)}
                for b in (badge_of(d) for d in select(ev))
            ],
        }  # fmt: skip
    (folder / "plain-job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    ours, plain = folder / "badges.pdf", folder / "plain.pdf"
    daihoi_s: list[tuple[float, float]] = []
    plain_s: list[tuple[float, float]] = []
    for run in range(runs):
        progress(f"badges: {count} on a6, {run + 1}/{runs} (daihoi badges, plain fpdf2 drawer)")
        daihoi_s.append(
            _process([sys.executable, "-m", "console", "badges", "--db", str(db),
                            "-o", str(ours), "--layout", "a6"])
        )  # fmt: skip
        plain_s.append(
            _process([sys.executable, "-c", _PLAIN_BADGES, str(folder / "plain-job.json"),
                            str(plain)])
        )  # fmt: skip
    pages = _pdf_pages(ours)
    assert pages == -(-count // 4) == _pdf_pages(plain), pages  # every badge printed
    with Event.open(db) as ev:
        started = time.perf_counter()
        print_badges(ev, folder / "in-process.pdf", layout="a6")
        in_process = time.perf_counter() - started
    size = ours.stat().st_size

    def figures(times: list[tuple[float, float]]) -> dict[str, Any]:
        return {
            "median": round(statistics.median(t for t, _ in times), 2),
            "runs": [round(t, 2) for t, _ in times],
            "cpu_median": round(statistics.median(c for _, c in times), 2),
        }

    ours_f, plain_f = figures(daihoi_s), figures(plain_s)
    return {
        "badges": count,
        "pages": pages,
        "daihoi_badges_s": ours_f,
        "plain_fpdf2_drawer_s": plain_f,
        "ratio_to_plain_drawer": round(ours_f["median"] / plain_f["median"], 2),
        "cpu_ratio_to_plain_drawer": round(ours_f["cpu_median"] / plain_f["cpu_median"], 2),
        "in_process_s": round(in_process, 2),
        "ms_per_badge_in_process": round(1000 * in_process / count, 2),
        "pdf_mb": round(size / 1e6, 2),
        "kb_per_badge": round(size / 1e3 / count, 2),
        "goal": "<= 0.3x the plain fpdf2 drawer (whole processes); pdf <= 3 MB",
    }


def bench_merge(copies: int, per_copy: int, folder: Path, progress: Progress) -> dict[str, Any]:
    """``copies`` offline desk copies each check in ``per_copy`` delegates (a tenth of them also
    at the next desk, later), then all are merged into the main file (first), merged again (each
    copy catches up with the desks merged after it) and again (nothing new: the repeat)."""
    from data import replicas

    total = copies * per_copy
    progress(f"merge: {copies} desk copies × {per_copy} check-ins")
    path = folder / "merge-main.db"
    with _event(folder, path.name) as ev:
        delegates_mod.upsert(ev, _records(total))
        all_codes = [code for _, code, _ in codes_mod.current_codes(ev)]
        copy_paths = [
            replicas.clone(ev, f"Bàn {i + 1}", folder / f"merge-copy-{i + 1}.db")
            for i in range(copies)
        ]
    doubles = 0
    for i, copy_path in enumerate(copy_paths):
        progress(f"merge: scanning at desk copy {i + 1}/{copies}")
        mine = all_codes[i * per_copy : (i + 1) * per_copy]
        neighbours = all_codes[((i + 1) % copies) * per_copy :][: per_copy // 10]
        with Event.open(copy_path, desk=f"Bàn {i + 1}") as copy:
            desk = Desk(copy)
            for code in mine + neighbours:
                desk.scan(code)
        doubles += len(neighbours)
    times = []
    with Event.open(path, desk="merge") as main:
        duplicates = 0
        for copy_path in copy_paths:
            t0 = time.perf_counter()
            reports = replicas.merge(main, copy_path)
            times.append((time.perf_counter() - t0) * 1000)
            duplicates += reports["main"].duplicates
        # Round two: nothing is new to the main file, but each copy catches up with the desks
        # merged after it. Round three: nothing is new anywhere, the repeat merge of issue 16.
        rounds: dict[str, tuple[float, int, int]] = {}
        for label in ("catch_up", "repeat"):
            progress(f"merge: {label}")
            t0 = time.perf_counter()
            again = [replicas.merge(main, p) for p in copy_paths]
            rounds[label] = (
                time.perf_counter() - t0,
                sum(r["main"].journal_rows for r in again),
                sum(r["copy"].journal_rows for r in again),
            )
        rows = main.conn.execute("select count(*) from attendance").fetchone()[0]
        checkins = main.conn.execute(
            "select count(*) from journal where kind = 'checkin'"
        ).fetchone()[0]
        integrity = main.conn.execute("pragma integrity_check").fetchone()[0]
    first_s = sum(times) / 1000
    repeat_s = rounds["repeat"][0]
    return {
        "copies": copies,
        "checkins": total + doubles,
        "merge_ms_per_copy": percentiles(times),
        "first_s": round(first_s, 2),
        "catch_up_s": round(rounds["catch_up"][0], 2),
        "catch_up_rows_to_copies": rounds["catch_up"][2],
        "repeat_s": round(repeat_s, 3),
        "repeat_new_rows": rounds["repeat"][1] + rounds["repeat"][2],
        "repeat_ratio_to_first": round(repeat_s / first_s, 3),
        "goal": "repeat merge that adds nothing <= 0.3 s",
        "lost_checkins": total - rows,
        "journal_checkins": checkins,
        "duplicates_recorded": duplicates,
        "duplicates_expected": doubles,
        "integrity": integrity,
    }


def _xlsxwriter_baseline(sheets: Iterable[Any], path: Path) -> None:
    """The same cells written with plain xlsxwriter, one border format for all: the floor."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    framed = book.add_format({"border": 1, "border_color": "#999999"})
    for sheet in sheets:
        ws = book.add_worksheet(sheet.name)
        for col, header in enumerate(sheet.columns):
            ws.write_string(4, col, header, framed)
        for r, values in enumerate(sheet.rows, 5):
            for col, value in enumerate(values):
                if value is None or value == "":
                    ws.write_blank(r, col, None, framed)
                elif isinstance(value, str):
                    ws.write_string(r, col, value, framed)
                else:
                    ws.write_number(r, col, value, framed)
    book.close()


def bench_export(n: int, folder: Path, progress: Progress) -> dict[str, Any]:
    """``daihoi export attendance -o x.xlsx`` of n delegates, half of them arrived (the export
    call: read, sort, figures, write), beside xlsxwriter writing the same cells with borders, in
    the same run, alternating."""
    import xlsxwriter  # noqa: F401  (imported once per process either way: not timed)

    from data import export as export_mod
    from data.reports import build

    progress(f"export: {n} delegates, checking in half")
    with _event(folder, "export.db") as ev:
        delegates_mod.upsert(ev, _records(n))
        desk = Desk(ev)
        for _, code, _ in codes_mod.current_codes(ev)[::2]:
            desk.scan(code)
        sheets = build(ev, "attendance").sheets
        times: dict[str, list[float]] = {"daihoi_export": [], "xlsxwriter_same_cells": []}
        runs = 5
        for run in range(runs):
            progress(f"export {run + 1}/{runs}")
            t0 = time.perf_counter()
            export_mod.export(ev, "attendance", folder / f"export-{run}.xlsx")
            times["daihoi_export"].append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            _xlsxwriter_baseline(sheets, folder / f"baseline-{run}.xlsx")
            times["xlsxwriter_same_cells"].append((time.perf_counter() - t0) * 1000)
    # Each run's pair shares the machine's load of the moment: the median of the pairs' ratios.
    paired = [a / b for a, b in zip(times["daihoi_export"], times["xlsxwriter_same_cells"])]
    return {
        "rows": len(sheets[0].rows),
        **{k: percentiles(v) for k, v in times.items()},
        "ratio_to_xlsxwriter": round(statistics.median(paired), 2),
        "goal": "<= 1.5x xlsxwriter writing the same cells",
    }


_SQLITE_COUNTS = (
    "import sqlite3, sys, json\n"
    "conn = sqlite3.connect(sys.argv[1])\n"
    "arrived, expected = conn.execute(\n"
    '    "select count(a.delegate_id), count(*) from delegates d"\n'
    "    \" left join attendance a on a.delegate_id = d.id where d.status = 'approved'\"\n"
    ").fetchone()\n"
    'by = conn.execute("select delegation, count(*) from delegates group by 1").fetchall()\n'
    "print(json.dumps({'arrived': arrived, 'expected': expected, 'by': by}))\n"
)
"""The floor of issue 16: a plain sqlite3 script computing the day's counts."""


def _half_arrived(folder: Path, name: str, n: int) -> Path:
    """An event of ``n`` synthetic delegates, half of them checked in at one desk."""
    with _event(folder, name) as ev:
        delegates_mod.upsert(ev, _records(n))
        desk = Desk(ev)
        for _id, code, _version in codes_mod.current_codes(ev)[: n // 2]:
            desk.scan(code)
    return folder / name


def bench_startup(n: int, folder: Path, progress: Progress) -> dict[str, Any]:
    """``daihoi stats --json`` on an n-delegate event as a whole process, beside a plain
    sqlite3 script computing the same counts, runs interleaved, both from compiled modules
    (:func:`_compiled`)."""
    import sys

    db = _half_arrived(folder, "startup.db", n)
    script = [sys.executable, "-c", _SQLITE_COUNTS, str(db)]
    stats = [sys.executable, "-m", "console", "stats", "--json", "--db", str(db)]
    env = _compiled(folder)
    for program in (script, stats):
        _whole(program, env)  # compiles their modules, which is not what is timed
    times: dict[str, list[float]] = {"stats_json": [], "sqlite3_script": []}
    runs = 7
    for run in range(runs):
        progress(f"startup {run + 1}/{runs}")
        times["sqlite3_script"].append(_whole(script, env))
        times["stats_json"].append(_whole(stats, env))
    ratio = statistics.median(times["stats_json"]) / statistics.median(times["sqlite3_script"])
    return {
        **{k: percentiles(v) for k, v in times.items()},
        "ratio_to_sqlite3_script": round(ratio, 2),
        "goal": "<= 4x a plain sqlite3 script",
    }


_CONSOLE_PAINTS = (
    "import sys\n"
    "from console.app import make_app\n"
    "async def painted(pilot):\n"
    "    await pilot.pause()\n"
    "    pilot.app.exit()\n"
    "make_app(sys.argv[1], desk='Bench').run(headless=True, size=(80, 24), auto_pilot=painted)\n"
)
"""``daihoi console`` on the event until its first screen is painted, then out."""

_TEXTUAL_PAINTS = (
    "from textual.app import App\n"
    "from textual.widgets import DataTable, Footer, Header, Input, Static\n"
    "class Smallest(App):\n"
    "    def compose(self):\n"
    "        yield Header()\n"
    "        yield Static('0 / 10000')\n"
    "        yield Input()\n"
    "        yield DataTable()\n"
    "        yield Footer()\n"
    "    def on_mount(self):\n"
    "        table = self.query_one(DataTable)\n"
    "        table.add_columns('Giờ', 'Họ và tên', 'Đoàn')\n"
    "        table.add_rows([('08:00', f'Người {i}', 'Đoàn') for i in range(20)])\n"
    "async def painted(pilot):\n"
    "    await pilot.pause()\n"
    "    pilot.app.exit()\n"
    "Smallest().run(headless=True, size=(80, 24), auto_pilot=painted)\n"
)
"""The floor of issue 16: the smallest Textual app with the reception screen's widgets."""


def bench_first_paint(n: int, folder: Path, progress: Progress) -> dict[str, Any]:
    """The console's start to its first painted screen on an n-delegate event (half arrived),
    as a whole process, beside the smallest Textual app with the same widgets, interleaved,
    both from compiled modules (:func:`_compiled`)."""
    import sys

    db = _half_arrived(folder, "paint.db", n)
    smallest = [sys.executable, "-c", _TEXTUAL_PAINTS]
    console = [sys.executable, "-c", _CONSOLE_PAINTS, str(db)]
    env = _compiled(folder)
    for program in (smallest, console):
        _whole(program, env)  # compiles their modules, which is not what is timed
    times: dict[str, list[float]] = {"console": [], "smallest_textual_app": []}
    runs = 5
    for run in range(runs):
        progress(f"first paint {run + 1}/{runs}")
        times["smallest_textual_app"].append(_whole(smallest, env))
        times["console"].append(_whole(console, env))
    floor = statistics.median(times["smallest_textual_app"])
    return {
        **{k: percentiles(v) for k, v in times.items()},
        "ratio_to_smallest_textual_app": round(statistics.median(times["console"]) / floor, 2),
        "goal": "<= 1.5x the smallest Textual app with the same widgets",
    }


PARTS: dict[str, Callable[[int, Path, Progress], dict[str, Any]]] = {
    "import": bench_import,
    "search": bench_search,
    "scan": bench_scan,
    "desks": lambda n, folder, progress: {
        "4x500": bench_desks(4, 500, folder, progress),
        "10x200": bench_desks(10, 200, folder, progress),
    },
    "badges": lambda n, folder, progress: bench_badges(2000, folder, progress),
    "merge": lambda n, folder, progress: bench_merge(10, 2000, folder, progress),
    "export": bench_export,
    "startup": bench_startup,
    "first_paint": bench_first_paint,
}
"""Each part of the benchmark: ``part(delegates, folder, progress) -> figures``."""


def run(
    n: int, *, only: set[str] | None = None, progress: Progress = lambda _: None
) -> dict[str, Any]:
    """Run the chosen parts of the benchmark at ``n`` delegates; returns the figures."""
    results: dict[str, Any] = {"delegates": n}
    with tempfile.TemporaryDirectory(prefix="daihoi-bench-") as tmp:
        for name, part in PARTS.items():
            if not only or name in only:
                results[name] = part(n, Path(tmp), progress)
    return results


def format_results(results: dict[str, Any], indent: str = "") -> list[str]:
    """The figures as indented lines, for people."""
    lines = []
    for key, value in results.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.extend(format_results(value, indent + "  "))
        else:
            lines.append(f"{indent}{key}: {value}")
    return lines
