"""The programme import refuses what it cannot read rightly: a duration that is not one, or a
file whose item rows are mostly unreadable. Each refusal names the file (and the cell) and
leaves the running order, and the whole event file, as they were."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from console.cli import cli
from data.errors import DaihoiError
from data.store import Event
from programme import importing, running, template


@pytest.fixture
def seeded(event: Event) -> Event:
    template.seed(event)
    return event


def write(tmp_path: Path, text: str, name: str = "ct.csv") -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8-sig")
    return f


def snapshot(event: Event) -> tuple[list[tuple[Any, ...]], int, bytes, bytes]:
    items = event.conn.execute("select * from programme_items order by id").fetchall()
    journal = event.conn.execute("select count(*) from journal").fetchone()[0]
    wal = event.wal_path.read_bytes() if event.wal_path.exists() else b""
    return items, journal, event.path.read_bytes(), wal


def refused(event: Event, path: Path) -> DaihoiError:
    before = snapshot(event)
    with pytest.raises(DaihoiError) as caught:
        importing.import_programme(event, path)
    assert snapshot(event) == before
    return caught.value


@pytest.mark.parametrize(
    "value", ["-5", "1e9", "2,5", "2.5", "0", "601", "9999", "5 giờ", "khoảng 5", "5 phút 30"]
)
def test_a_duration_that_is_not_one_refuses_the_file(
    seeded: Event, tmp_path: Path, value: str
) -> None:
    """Before, "-5" was read as 5 minutes and "1e9" as 1, without a word."""
    f = write(tmp_path, f"STT;Nội dung;Số phút\n1;Chào cờ;5\n2;Khai mạc;{value}\n3;Bế mạc;10\n")
    error = refused(seeded, f)
    assert error.key == "limits.minutes"
    assert error.params == {
        "file": str(f),
        "row": 3,
        "column": "Số phút",
        "value": value,
        "max": running.MAX_MINUTES,
    }


@pytest.mark.parametrize(
    ("value", "shown"), [(-5, "-5"), (1e9, "1000000000"), (2.5, "2.5"), (0, "0")]
)
def test_a_duration_typed_as_a_number_is_checked_too(
    seeded: Event, tmp_path: Path, value: float, shown: str
) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    for r in (["STT", "Nội dung", "Thời lượng"], [1, "Chào cờ", 5.0], [2, "Khai mạc", value]):
        ws.append(r)
    f = tmp_path / "ct.xlsx"
    book.save(f)
    error = refused(seeded, f)
    assert (error.key, error.params["row"], error.params["value"]) == ("limits.minutes", 3, shown)
    ws["C3"] = 15
    book.save(f)
    result = importing.import_programme(seeded, f)
    assert [(r.title, r.minutes) for r in result.items] == [("Chào cờ", 5), ("Khai mạc", 15)]


def test_durations_as_people_type_them_and_one_that_is_not(seeded: Event, tmp_path: Path) -> None:
    typed = ["5", "05", "5 phút", "5 PHÚT", "5'", "5p", "15 min", "600"]
    text = "STT;Nội dung;Số phút\n" + "".join(f"{i};Mục {i};{v}\n" for i, v in enumerate(typed, 1))
    result = importing.import_programme(seeded, write(tmp_path, text))
    assert [r.minutes for r in result.items] == [5, 5, 5, 5, 5, 5, 15, 600]
    error = refused(seeded, write(tmp_path, text + "9;Mục 9;-5\n"))
    assert (error.key, error.params["row"]) == ("limits.minutes", 10)


def test_zero_minutes_only_for_a_group(seeded: Event, tmp_path: Path) -> None:
    """A group's time is its children's: "0" (or nothing) there is right; on an item that has
    no children it is a typing error."""
    text = "STT;Nội dung;Số phút\n1;Chào cờ;5\n2;Tham luận;0\n2.1;Tham luận 1;10\n3;Nghỉ;{}\n"
    result = importing.import_programme(seeded, write(tmp_path, text.format(15)))
    assert [(r.order, r.minutes) for r in result.items] == [
        ("1", 5),
        ("2", 0),
        ("2.1", 10),
        ("3", 15),
    ]
    error = refused(seeded, write(tmp_path, text.format(0)))
    assert (error.key, error.params["row"], error.params["value"]) == ("limits.minutes", 5, "0")
    f = write(tmp_path, "STT;Nội dung;Số phút\n2;Tham luận;\n2.1;Tham luận 1;0\n")
    assert refused(seeded, f).params["row"] == 3


def test_a_clock_range_of_no_time_or_backwards_is_refused(seeded: Event, tmp_path: Path) -> None:
    for span in ("7h30 - 7h30", "8h - 7h"):
        f = write(tmp_path, f"STT;Thời gian;Nội dung\n1;7h30 - 7h35;Chào cờ\n2;{span};Khai mạc\n")
        error = refused(seeded, f)
        assert error.key == "limits.minutes"
        assert (error.params["row"], error.params["column"], error.params["value"]) == (
            3,
            "Thời gian",
            span,
        )


def test_a_file_of_mostly_unreadable_rows_does_not_replace_the_programme(
    seeded: Event, tmp_path: Path
) -> None:
    """15 items, 13 of them with a clock time where the minutes go: replacing the running
    order with the 2 rows that could be read would lose 13 items."""
    rows = [f"{i};Mục {i};{'5' if i in (4, 9) else f'7h{i + 10}'}" for i in range(1, 16)]
    f = write(tmp_path, "STT;Nội dung;Số phút\n" + "\n".join(rows) + "\n")
    error = refused(seeded, f)
    assert (error.key, error.params) == (
        "limits.programme_unreadable",
        {"file": str(f), "bad": 13, "total": 15, "row": 2, "column": "Số phút"},
    )
    titles = [i.title for i in running.load(seeded).items]
    assert titles == [i.title for i in template.DAI_HOI]


def test_half_unreadable_is_imported_with_its_skips_one_more_is_not(
    seeded: Event, tmp_path: Path
) -> None:
    text = "STT;Nội dung;Số phút\n1;Chào cờ;5\n2;Khai mạc;7h30\n3;Bế mạc;5\n4;X;abc\n"
    result = importing.import_programme(seeded, write(tmp_path, text))
    assert [r.title for r in result.items] == ["Chào cờ", "Bế mạc"]
    assert [(s.row, s.key) for s in result.skipped] == [
        (3, "programme.import.clock_minutes"),
        (5, "programme.import.bad_minutes"),
    ]
    assert [i.title for i in running.load(seeded).items] == ["Chào cờ", "Bế mạc"]
    error = refused(seeded, write(tmp_path, text + "5;Y;8h15\n"))
    assert (error.key, error.params["bad"], error.params["total"]) == (
        "limits.programme_unreadable",
        3,
        5,
    )


def dump(db: str) -> list[str]:
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


def test_the_command_line_refuses_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    assert runner.invoke(cli, ["init", "--db", db, "--title", "T"]).exit_code == 0
    before = dump(db)
    f = write(tmp_path, "STT;Nội dung;Số phút\n1;Chào cờ;-5\n")
    result = runner.invoke(cli, ["import", "programme", str(f), "--db", db])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"Lỗi: Tệp {f}, dòng 2, cột Số phút: thời lượng “-5” không hợp lệ, cần một số phút "
        "nguyên từ 1 đến 600: không thay chương trình. Chưa thay đổi gì."
    ]
    f = write(tmp_path, "STT;Nội dung;Số phút\n1;Chào cờ;7h30\n2;Khai mạc;7h35\n3;Bế mạc;5\n")
    result = runner.invoke(cli, ["--lang", "en", "import", "programme", str(f), "--db", db])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"Error: {f}: 2 of its 3 programme rows cannot be read (the first: row 2, column Số "
        "phút): the programme was not replaced. Nothing was changed."
    ]
    assert dump(db) == before
