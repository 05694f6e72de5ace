"""The programme import's reading of durations and how it reports the rows it skips."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from data.store import Event
from programme import importing, running, template


@pytest.fixture
def seeded(event: Event) -> Event:
    template.seed(event)
    return event


def write(tmp_path: Path, text: str) -> Path:
    f = tmp_path / "ct.csv"
    f.write_text(text, encoding="utf-8-sig")
    return f


def test_a_thoi_gian_column_of_clock_times_is_not_read_as_minutes(
    seeded: Event, tmp_path: Path
) -> None:
    # The usual Vietnamese script: "Thời gian" holds the clock, not a duration. Its first number
    # used to become every item's minutes (7 for a morning starting at 7h30).
    f = write(
        tmp_path,
        "STT;Thời gian;Nội dung\n1;7h30 - 7h35;Chào cờ\n2;7h35 - 7h50;Khai mạc\n",
    )
    result = importing.import_programme(seeded, f, dry_run=True)
    # Its ranges give the durations instead.
    assert [(r.title, r.minutes) for r in result.items] == [("Chào cờ", 5), ("Khai mạc", 15)]


def test_a_thoi_gian_column_that_is_not_a_range_is_reported(seeded: Event, tmp_path: Path) -> None:
    f = write(tmp_path, "STT;Thời gian;Nội dung\n1;7h30;Chào cờ\n2;8h - 8h15;Khai mạc\n")
    result = importing.import_programme(seeded, f, dry_run=True)
    assert [(r.title, r.minutes) for r in result.items] == [("Khai mạc", 15)]
    [skip] = result.skipped
    assert (skip.row, skip.key, skip.column) == (2, "programme.import.no_range", "Thời gian")


def test_a_list_without_durations_is_refused(seeded: Event, tmp_path: Path) -> None:
    from data.errors import DaihoiError

    f = write(tmp_path, "STT;Nội dung;Người thực hiện\n1;Chào cờ;MC\n")
    with pytest.raises(DaihoiError) as refused:
        importing.import_programme(seeded, f, dry_run=True)
    assert refused.value.key == "programme.import.no_minutes"
    assert refused.value.params == {"row": 1}


@pytest.mark.parametrize("header", ["Thời gian (phút)", "Số phút", "Thời lượng"])
def test_thoi_gian_with_phut_and_the_other_minutes_headers_still_count(
    seeded: Event, tmp_path: Path, header: str
) -> None:
    f = write(tmp_path, f"STT;Nội dung;{header}\n1;Chào cờ;5\n")
    result = importing.import_programme(seeded, f, dry_run=True)
    assert [(r.title, r.minutes) for r in result.items] == [("Chào cờ", 5)]


@pytest.mark.parametrize("value", ["7h30", "07:30 - 07:35", "7h30-7h35", "5 - 7", "07:30:00"])
def test_a_clock_time_or_range_in_the_minutes_column_is_skipped_with_its_reason(
    seeded: Event, tmp_path: Path, value: str
) -> None:
    f = write(tmp_path, f"STT;Nội dung;Thời lượng\n1;Chào cờ;5\n2;Khai mạc;{value}\n")
    result = importing.import_programme(seeded, f, dry_run=True)
    assert [r.title for r in result.items] == ["Chào cờ"]
    [skip] = result.skipped
    assert (skip.row, skip.key, skip.params, skip.column) == (
        3,
        "programme.import.clock_minutes",
        {"value": value},
        "Thời lượng",
    )


def test_imported_minutes_keep_to_the_mc_screens_limit(seeded: Event, tmp_path: Path) -> None:
    from data.errors import DaihoiError

    f = write(tmp_path, f"STT;Nội dung;Số phút\n1;Đón đại biểu;{running.MAX_MINUTES}\n")
    result = importing.import_programme(seeded, f)
    assert [(r.title, r.minutes) for r in result.items] == [("Đón đại biểu", running.MAX_MINUTES)]
    # One minute more than the MC screen accepts refuses the file, naming the cell; it used to
    # drop the item, leaving the MC a running order without it.
    f = write(tmp_path, "STT;Nội dung;Số phút\n1;Chào cờ;5\n2;Khai mạc;9999\n")
    with pytest.raises(DaihoiError) as refused:
        importing.import_programme(seeded, f)
    assert refused.value.key == "limits.minutes"
    assert refused.value.params == {
        "file": str(f),
        "row": 3,
        "column": "Số phút",
        "value": "9999",
        "max": running.MAX_MINUTES,
    }
    assert [i.minutes for i in running.load(seeded).items] == [running.MAX_MINUTES]


def test_each_skipped_row_names_its_column(seeded: Event, tmp_path: Path) -> None:
    f = write(
        tmp_path,
        "STT;Nội dung;Số phút;Giờ bắt đầu\n"
        "1;Chào cờ;abc;\n"
        "2.1;Tham luận;10;\n"
        "3;Khai mạc;10;25:00\n"
        "4;Bế mạc;5;\n"
        "5;Giải lao;15;\n"
        "6;Tổng kết;10;\n",
    )
    result = importing.import_programme(seeded, f, dry_run=True)
    assert [(s.row, s.key, s.column) for s in result.skipped] == [
        (2, "programme.import.bad_minutes", "Số phút"),
        (3, "programme.import.no_parent", "STT"),
        (4, "programme.import.bad_time", "Giờ bắt đầu"),
    ]


def test_the_command_line_names_the_row_and_column(tmp_path: Path) -> None:
    from console.cli import cli

    runner = CliRunner()
    db = str(tmp_path / "c.db")
    assert runner.invoke(cli, ["init", "--db", db, "--title", "T"]).exit_code == 0
    f = write(tmp_path, "STT;Nội dung;Số phút\n1;Chào cờ;5\n2;Khai mạc;7h30\n3;Bế mạc;10\n")
    result = runner.invoke(cli, ["import", "programme", str(f), "--db", db, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert f"{f}, dòng 3, cột Số phút: “7h30” là giờ" in result.stderr
    f = write(tmp_path, "STT;Nội dung;Số phút\n1;Chào cờ;5\n2;Khai mạc;9999\n")
    result = runner.invoke(cli, ["import", "programme", str(f), "--db", db])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Lỗi: Tệp {f}, dòng 3, cột Số phút: thời lượng “9999” không hợp lệ, cần một số phút "
        "nguyên từ 1 đến 600: không thay chương trình. Chưa thay đổi gì."
    ]
