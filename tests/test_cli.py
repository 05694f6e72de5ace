"""The command line as users and scripts see it: exit codes, stdout data, stderr messages."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import click
import pytest

from console.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def write_list(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị", "Đoàn", "Thành phần", "Ghế"]
        )
        w.writerow(
            [
                1,
                "Nguyễn Thị Hoa",
                "Nữ",
                1980,
                "Sở Y tế",
                "Khối các sở",
                "Điển hình tiên tiến",
                "A01",
            ]
        )
        w.writerow(
            [
                2,
                "Trần Văn Đức",
                "Nam",
                1961,
                "UBND huyện Đại Từ",
                "Đoàn huyện Đại Từ",
                "Anh hùng Lao động",
                "A02",
            ]
        )
    return path


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command's path, the lazily registered ones too (asked for as click asks)."""
    found = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(commands(command, (*prefix, name)))
    return found


def test_init_creates_and_refuses_to_overwrite(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("init", "--db", "e.db", "--title", "Đại hội", "--date", "2025-09-20", "--start", "07:30")
    assert (tmp_path / "e.db").exists()
    again = run("init", "--db", "e.db", "--title", "Khác", code=1)
    assert again.stdout == ""
    assert again.stderr.count("\n") == 1
    assert "e.db" in again.stderr and "không ghi đè" in again.stderr


def test_db_from_environment(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DAIHOI_DB", str(tmp_path / "env.db"))
    run("init", "--title", "Từ biến môi trường")
    assert (tmp_path / "env.db").exists()
    assert not (tmp_path / "daihoi.db").exists()


def test_missing_event_is_a_one_line_error(run) -> None:  # type: ignore[no-untyped-def]
    result = run("delegates", "--db", "nowhere.db", code=1)
    assert result.stderr.startswith("Lỗi: Không tìm thấy tệp sự kiện nowhere.db")


def test_import_list_search_checkin_round_trip(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("init", "--db", "e.db", "--title", "Đại hội")
    source = write_list(tmp_path / "ds.csv")
    dry = json.loads(
        run("import", "delegates", str(source), "--db", "e.db", "--dry-run", "--json").stdout
    )
    counts = ("added", "updated", "unchanged", "skipped")
    assert {k: dry[k] for k in counts} == {"added": 2, "updated": 0, "unchanged": 0, "skipped": []}
    assert dry["understood"]["header_rows"] and dry["warnings"] == []
    assert json.loads(run("delegates", "--db", "e.db", "--json").stdout) == []
    done = json.loads(run("import", "delegates", str(source), "--db", "e.db", "--json").stdout)
    assert done["added"] == 2
    again = json.loads(run("import", "delegates", str(source), "--db", "e.db", "--json").stdout)
    assert {k: again[k] for k in counts} == {
        "added": 0,
        "updated": 0,
        "unchanged": 2,
        "skipped": [],
    }

    listed = json.loads(run("delegates", "--db", "e.db", "--json").stdout)
    assert [d["name"] for d in listed] == ["Trần Văn Đức", "Nguyễn Thị Hoa"]  # Đức < Hoa
    for key in (
        "id",
        "code",
        "name",
        "gender",
        "birth_year",
        "ethnicity",
        "unit",
        "delegation",
        "category",
        "seat",
        "checked_in_at",
    ):
        assert key in listed[0]
    found = json.loads(run("delegates", "--db", "e.db", "--search", "hoa nguyen", "--json").stdout)
    assert [d["name"] for d in found] == ["Nguyễn Thị Hoa"]

    code = found[0]["code"]
    spaced = " ".join(code[i : i + 3] for i in range(0, len(code), 3))
    first = run("checkin", spaced, "--db", "e.db", "--desk", "Bàn 3", "--json")
    verdict = json.loads(first.stdout)
    assert verdict["verdict"] == "admitted"
    assert verdict["desk"] == "Bàn 3"
    assert verdict["delegate"]["name"] == "Nguyễn Thị Hoa"
    second = run("checkin", code, "--db", "e.db", "--json", code=2)
    assert json.loads(second.stdout)["verdict"] == "already"
    forged = run(
        "checkin", code[:-1] + str((int(code[-1]) + 1) % 10), "--db", "e.db", "--json", code=2
    )
    assert json.loads(forged.stdout)["verdict"] == "invalid"

    codes = json.loads(run("codes", "--db", "e.db", "--json").stdout)
    assert {c["code"] for c in codes} == {d["code"] for d in listed}


def test_english(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--lang", "en", "init", "--help")
    assert "Create a new event file" in result.stdout
    assert "Example:" in result.stdout


def test_help_and_version_options_speak_the_users_language(run) -> None:  # type: ignore[no-untyped-def]
    main = run("--help").stdout
    assert "Hiện hướng dẫn này rồi thoát." in main and "Hiện số phiên bản rồi thoát." in main
    assert "Show this message" not in main and "Show the version" not in main
    assert "Hiện hướng dẫn này rồi thoát." in run("init", "--help").stdout
    assert "Show this message and exit." in run("--lang", "en", "init", "--help").stdout
    assert re.fullmatch(r"daihoi \S+\n", run("--version").stdout)


@pytest.mark.parametrize("path", commands(cli))
def test_every_command_has_help_with_an_example(run, path: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        found = command.get_command(click.Context(command), name)
        assert found is not None
        command = found
    result = run(*path, "--help")
    assert result.stdout.strip()
    if not isinstance(command, click.Group):
        assert "Ví dụ:" in result.stdout, f"daihoi {' '.join(path)} --help has no example"


@pytest.mark.parametrize("path", commands(cli))
def test_every_command_is_in_the_readme(path: tuple[str, ...]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"daihoi {' '.join(path)}\b", readme), (
        f"README never shows daihoi {' '.join(path)}"
    )


# ---------------------------------------------------------------- check-in desk and copies
def small_event(path: Path) -> list[str]:
    """An event with two delegates, made without ``daihoi init`` (no programme needed here)."""
    from data import codes as codes_mod
    from data import delegates as delegates_mod
    from data.store import Event

    with Event.create(path, title="Đại hội (CLI)") as ev:
        delegates_mod.upsert(
            ev, [{"name": "Nguyễn Thị Hoa", "unit": "Sở Y tế"}, {"name": "Trần Văn Đức"}]
        )
        return [c for _, c, _ in codes_mod.current_codes(ev)]


def test_checkin_json_shape_and_exit_codes(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hoa, _duc = small_event(tmp_path / "e.db")
    ok = json.loads(run("checkin", f"  {hoa[:9]}-{hoa[9:]} ", "--db", "e.db", "--json").stdout)
    assert {"verdict", "delegate", "checked_in_at", "desk"} <= set(ok)
    assert (ok["verdict"], ok["desk"], ok["delegate"]["code"]) == ("admitted", "CLI", hoa)
    again = json.loads(
        run("checkin", hoa, "--db", "e.db", "--desk", "Bàn 2", "--json", code=2).stdout
    )
    assert (again["verdict"], again["desk"], again["checked_in_at"]) == (
        "already",
        "CLI",
        ok["checked_in_at"],
    )
    bad = run("checkin", "hello", "--db", "e.db", "--json", code=2)
    assert json.loads(bad.stdout) == {
        "verdict": "invalid",
        "delegate": None,
        "checked_in_at": None,
        "desk": None,
        "revoked_at": None,
        "repeat": False,
        "notes": [],
        "session": "",
        "handout": None,
    }
    line = run("checkin", hoa, "--db", "e.db", code=2)
    assert line.stdout.count("\n") == 1 and "Nguyễn Thị Hoa" in line.stdout


def test_backup_clone_merge_walkins_round_trip(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hoa, duc = small_event(tmp_path / "e.db")
    made = json.loads(run("backup", "b.db", "--db", "e.db", "--json").stdout)
    assert made == {"path": "b.db"} and (tmp_path / "b.db").stat().st_mode & 0o777 == 0o600
    assert run("backup", "b.db", "--db", "e.db", code=1).stderr.count("\n") == 1
    run("clone", "--db", "e.db", "--desk", "Bàn 3", "-o", "ban3.db")
    run("checkin", hoa, "--db", "ban3.db", "--desk", "Bàn 3")
    from data.checkin import request_walkin
    from data.store import Event

    with Event.open(tmp_path / "ban3.db", desk="Bàn 3") as copy:
        request_walkin(copy, name="Phạm Văn Nam", unit="Báo Thái Nguyên")
    dry = json.loads(run("merge", "ban3.db", "--db", "e.db", "--dry-run", "--json").stdout)
    assert dry[0]["main"]["checkins"] == 1 and dry[0]["main"]["walkins"] == 1
    assert json.loads(run("walkins", "--db", "e.db", "--json").stdout) == []
    done = run("merge", "ban3.db", "--db", "e.db", "--json")
    assert json.loads(done.stdout)[0]["main"]["checkins"] == 1
    assert "Gộp ban3.db" in done.stderr
    twice = json.loads(run("merge", "ban3.db", "--db", "e.db", "--json").stdout)
    assert twice[0]["main"]["journal_rows"] == 0 and twice[0]["copy"]["journal_rows"] == 0
    [request] = json.loads(run("walkins", "--db", "e.db", "--json").stdout)
    assert (request["name"], request["state"], request["desk"]) == (
        "Phạm Văn Nam",
        "pending",
        "Bàn 3",
    )
    [approved] = json.loads(
        run("walkins", "--db", "e.db", "--approve", str(request["id"]), "--json").stdout
    )
    assert approved["state"] == "approved" and approved["delegate_id"]
    refused = run("walkins", "--db", "ban3.db", "--approve", "1", code=1)
    assert "bản sao" in refused.stderr and refused.stderr.count("\n") == 1
    already = json.loads(run("checkin", hoa, "--db", "e.db", "--json", code=2).stdout)
    assert already["desk"] == "Bàn 3"
    assert duc


def test_console_help_shows_pin_and_backup_options(run) -> None:  # type: ignore[no-untyped-def]
    out = run("console", "--help").stdout
    for option in ("--require-pin", "--backup-dir", "--backup-every"):
        assert option in out
    missing = run("console", "--db", "nowhere.db", code=1)
    assert missing.stderr.count("\n") == 1


def test_console_refuses_a_missing_backup_folder(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    small_event(tmp_path / "e.db")
    result = run("console", "--db", "e.db", "--backup-dir", "no-usb", code=1)
    assert "no-usb" in result.stderr and result.stderr.count("\n") == 1


def test_serve_on_the_lan_needs_a_desk_pin(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    small_event(tmp_path / "e.db")
    result = run("serve", "--db", "e.db", "--host", "0.0.0.0", code=1)
    assert "PIN" in result.stderr and result.stderr.count("\n") == 1


def test_demo_builds_a_whole_event_once(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("demo", "--no-console", "--db", "demo.db")
    listed = json.loads(run("delegates", "--db", "demo.db", "--json").stdout)
    assert len(listed) == 520
    honours = json.loads(run("honours", "--db", "demo.db", "--json").stdout)
    assert len(honours) == 18
    assert [h["group"] for h in honours][:3] == ["Đợt 1"] * 3
    assert {h["match"] for h in honours if not h["collective"]} == {"matched"}
    items = json.loads(run("programme", "--db", "demo.db", "--json").stdout)["items"]
    speeches = [i for i in items if i["title"].startswith("Tham luận của")]
    assert len(speeches) == 4
    # A second run opens the same event instead of building another one.
    run("checkin", listed[0]["code"], "--db", "demo.db", "--json")
    run("demo", "--no-console", "--db", "demo.db")
    again = json.loads(run("delegates", "--db", "demo.db", "--json").stdout)
    assert len(again) == 520
    assert again[0]["checked_in_at"] is not None


def test_lang_before_help_gives_english_help(run) -> None:  # type: ignore[no-untyped-def]
    assert "bàn điều hành" in run("--help").stdout
    # --lang is eager, so it is applied before --help prints (it used to come too late).
    assert "the event-day console" in run("--lang", "en", "--help").stdout


# ------------------------------------------------------------------ click's own words
def test_click_speaks_the_ui_language(run) -> None:  # type: ignore[no-untyped-def]
    missing = run("init", code=2)
    assert "Lỗi: Thiếu tuỳ chọn '--title'." in missing.stderr
    assert "Cách dùng: cli init" in missing.stderr and "Gõ 'cli init --help'" in missing.stderr
    assert "Missing" not in missing.stderr and "Usage" not in missing.stderr
    extra = run("import", "delegates", "a.xlsx", "b.xlsx", code=2)
    assert "Thừa đối số (b.xlsx)" in extra.stderr
    choice = run("export", "nokind", "-o", "x.xlsx", code=2)
    assert "'nokind' không thuộc:" in choice.stderr
    helped = run("import", "--help")
    assert "Tuỳ chọn:" in helped.stdout and "Lệnh:" in helped.stdout
    english = run("--lang", "en", "init", code=2)
    assert "Error: Missing option '--title'." in english.stderr


def test_every_translated_click_message_is_one_click_has() -> None:
    """A message click does not have (a typo, or click reworded it) would stay English."""
    import click

    from console import click_vi

    source = "".join(
        p.read_text(encoding="utf-8") for p in Path(click.__file__).parent.glob("*.py")
    )
    for message in [*click_vi.MESSAGES, *click_vi.PLURALS, *click_vi.PLURAL_VI]:
        assert repr(message)[1:-1] in source or message in source, message


def test_a_file_with_only_its_header_says_it_holds_no_delegates(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("init", "--db", "e.db", "--title", "Đại hội")
    listing = tmp_path / "chi-tieu-de.csv"
    listing.write_text("STT,Họ và tên,Đơn vị,Đoàn\n", encoding="utf-8")
    before = json.loads(run("verify", "--db", "e.db", "--json").stdout)["rows"]
    result = run("import", "delegates", str(listing), "--db", "e.db", code=1)
    assert "chi-tieu-de.csv chỉ có dòng tiêu đề (dòng 1)" in result.stderr
    assert "Thêm 0" not in result.stderr
    assert json.loads(run("verify", "--db", "e.db", "--json").stdout)["rows"] == before
    assert json.loads(run("delegates", "--db", "e.db", "--json").stdout) == []


@pytest.mark.parametrize("typed", ["2025-9-5", "20250905", "2025-W36-5", "2025-02-30"])
def test_init_takes_the_date_only_as_yyyy_mm_dd(run, typed: str) -> None:  # type: ignore[no-untyped-def]
    """A date every reader of the event reads the same way: ``2025-9-5`` was taken before, and
    ``daihoi stats`` on that event ended in a traceback."""
    refused = run("init", "--db", "e.db", "--title", "Đại hội", "--date", typed, code=1)
    assert refused.stderr == f"Lỗi: Ngày không hợp lệ: {typed} (dạng YYYY-MM-DD).\n"
    run("init", "--db", "e.db", "--title", "Đại hội", "--date", "2025-09-05")
    assert json.loads(run("stats", "--db", "e.db", "--json").stdout)["date"] == "2025-09-05"
