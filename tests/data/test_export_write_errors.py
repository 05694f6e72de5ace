"""A report that cannot be written (a full disk, ``ulimit -f``) is refused in one line naming
the file, in .xlsx as in .csv, and leaves nothing behind; the writer itself refuses an input."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from console.cli import cli
from data import export
from data.errors import DaihoiError
from data.outputs import remember_input
from data.reports import build
from data.store import Event

from ..conftest import FakeClock
from .test_stats import small_event


def full_disk(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def no_room(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every report's bytes fail as on a full disk: xlsxwriter's zip, the csv's and json's."""
    import xlsxwriter.workbook

    monkeypatch.setattr(xlsxwriter.workbook.ZipFile, "write", full_disk)
    monkeypatch.setattr(xlsxwriter.workbook.ZipFile, "writestr", full_disk)
    real_open = Path.open

    def open_(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode and self.name.startswith(".daihoi-"):
            full_disk()
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    monkeypatch.setattr(Path, "write_text", lambda self, *a, **k: full_disk())


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".json"])
def test_a_full_disk_is_refused_naming_the_file(
    event: Event, clock: FakeClock, tmp_path: Path, no_room: None, suffix: str
) -> None:
    small_event(event, clock)
    target = tmp_path / f"co-mat{suffix}"
    with pytest.raises(DaihoiError) as err:
        export.export(event, "attendance", target)
    assert err.value.key == "export.cannot_write"
    assert err.value.params == {"path": str(target), "reason": os.strerror(errno.ENOSPC)}
    assert (
        sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("co-mat", ".daihoi"))) == []
    )


def test_a_full_disk_is_one_line_from_the_command_line(
    event: Event, clock: FakeClock, no_room: None
) -> None:
    small_event(event, clock)
    result = CliRunner().invoke(
        cli, ["export", "attendance", "-o", "a.xlsx", "--db", str(event.path)]
    )
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == f"Lỗi: Không ghi được a.xlsx: {os.strerror(errno.ENOSPC)}."


def test_an_xlsx_too_large_for_a_zip_is_refused_naming_the_file(
    event: Event, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xlsxwriter.workbook

    def too_large(*args: Any, **kwargs: Any) -> None:
        raise xlsxwriter.workbook.LargeZipFile("Filesize would require ZIP64 extensions")

    monkeypatch.setattr(xlsxwriter.workbook.ZipFile, "writestr", too_large)
    small_event(event, clock)
    with pytest.raises(DaihoiError) as err:
        export.export(event, "attendance", tmp_path / "lon.xlsx")
    assert err.value.key == "export.cannot_write" and "lon.xlsx" in err.value.params["path"]


def test_the_writer_itself_never_writes_over_an_input(
    event: Event, clock: FakeClock, tmp_path: Path
) -> None:
    small_event(event, clock)
    report = build(event, "attendance")
    listed = tmp_path / "danh-sach.csv"
    listed.write_text("Họ và tên\nNguyễn Thị Hoa\n", encoding="utf-8")
    remember_input(event, listed, "delegates")
    before = event.path.read_bytes()
    for target, refusal in ((event.path, "output.is_event"), (listed, "output.is_list")):
        with pytest.raises(DaihoiError) as err:
            export.write(event, report, target)
        assert err.value.key == refusal
    assert event.path.read_bytes() == before
    assert listed.read_text(encoding="utf-8") == "Họ và tên\nNguyễn Thị Hoa\n"
    assert export.write(event, report, tmp_path / "co-mat.csv").stat().st_size > 0
