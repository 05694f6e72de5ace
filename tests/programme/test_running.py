"""The MC's live operations on the event file: journal rows, runs kept, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from data import delegates
from data.checkin import Desk
from data.errors import DaihoiError
from data.store import Event
from programme import importing, running, template


@pytest.fixture
def seeded(event: Event) -> Event:
    template.seed(event)
    return event


def states(event: Event) -> list[str]:
    return [i.state for i in running.load(event).items]


def test_next_finishes_and_starts_with_times_from_the_clock(seeded: Event, clock) -> None:
    running.next_item(seeded)
    clock.advance(minutes=7)
    running.next_item(seeded)
    prog = running.load(seeded)
    flag, intro = prog.items[0], prog.items[1]
    assert flag.state == "done" and intro.state == "running"
    assert flag.runs[0].started_at.strftime("%H:%M") == "07:30"
    assert flag.runs[0].ended_at.strftime("%H:%M") == "07:37"
    day = prog.timing(seeded.now())
    assert day.of(flag.id).overrun.total_seconds() == 120
    assert day.offset_minutes == 2
    kinds = [r["kind"] for r in seeded.journal_rows() if r["kind"].startswith("programme.")]
    assert kinds == [
        "programme.seeded",
        "programme.started",
        "programme.finished",
        "programme.started",
    ]


def test_start_refuses_while_something_runs_and_finish_when_nothing_does(seeded: Event) -> None:
    with pytest.raises(DaihoiError) as exc:
        running.finish(seeded)
    assert exc.value.key == "programme.nothing_running"
    running.start(seeded)
    with pytest.raises(DaihoiError) as exc:
        running.start(seeded)
    assert exc.value.key == "programme.already_running"


def test_going_back_keeps_the_first_run(seeded: Event, clock) -> None:
    running.next_item(seeded)
    clock.advance(minutes=5)
    running.next_item(seeded)
    clock.advance(minutes=3)
    flag = running.load(seeded).items[0]
    running.reopen(seeded, flag.id)
    prog = running.load(seeded)
    flag, intro = prog.items[0], prog.items[1]
    assert flag.state == "running" and intro.state == "done"
    assert [r.started_at.strftime("%H:%M") for r in flag.runs] == ["07:30", "07:38"]
    assert flag.runs[0].ended_at.strftime("%H:%M") == "07:35"
    day = prog.timing(seeded.now())
    assert day.of(flag.id).actual_start.strftime("%H:%M") == "07:30"
    # the stored start of a run can never be rewritten
    with pytest.raises(Exception, match="never rewritten"):
        seeded.conn.execute("update programme_runs set started_at = 'x'")


def test_skip_move_insert_and_duration_are_journalled(seeded: Event) -> None:
    prog = running.load(seeded)
    ids = [i.id for i in prog.items]
    running.skip(seeded)  # the flag salute
    running.move(seeded, ids[3], -1)
    new = running.insert(seeded, "Văn nghệ chào mừng", 8, after=ids[0]).item
    running.set_minutes(seeded, ids[4], 45)
    prog = running.load(seeded)
    assert [i.id for i in prog.items][:5] == [ids[0], new.id, ids[1], ids[3], ids[2]]
    assert prog.items[0].state == "skipped"
    assert prog.get(ids[4]).minutes == 45
    kinds = {r["kind"] for r in seeded.journal_rows()}
    assert {
        "programme.skipped",
        "programme.moved",
        "programme.inserted",
        "programme.duration",
    } <= kinds
    with pytest.raises(DaihoiError) as exc:
        running.move(seeded, ids[0], 1)  # skipped items stay where they were
    assert exc.value.key == "programme.not_pending"


def test_speeches_are_children_with_their_speakers(seeded: Event) -> None:
    delegates.upsert(seeded, [{"name": "Nguyễn Thị Hoa", "unit": "Sở Y tế"}])
    hoa = delegates.all_delegates(seeded)[0]
    speeches = next(i for i in running.load(seeded).items if i.role == template.SPEECHES)
    running.insert(seeded, "Tham luận ngành y tế", 10, parent=speeches.id, delegate_id=hoa.id)
    running.insert(seeded, "Tham luận nông nghiệp", 10, parent=speeches.id, performer="Ông Ba")
    prog = running.load(seeded)
    group = prog.get(speeches.id)
    child = prog.children(group.id)[0]
    assert group.is_group and child.performer == "Nguyễn Thị Hoa"
    assert child.speaker_present is False
    assert running.speeches_of(seeded, hoa.id) == ["Tham luận ngành y tế"]
    Desk(seeded).admit(hoa.id)
    assert running.load(seeded).children(group.id)[0].speaker_present is True
    day = prog.timing(seeded.now())
    assert (
        day.of(group.id).planned_end - day.of(group.id).planned_start
        == child.minutes
        * 2
        * (day.of(child.id).planned_end - day.of(child.id).planned_start)
        / child.minutes
    )


def test_the_vote_records_how_many_are_present(seeded: Event) -> None:
    delegates.upsert(seeded, [{"name": f"Đại biểu {n}", "unit": "X"} for n in range(3)])
    for d in delegates.all_delegates(seeded)[:2]:
        Desk(seeded).admit(d.id)
    vote = None
    while True:
        outcome = running.next_item(seeded)
        if outcome.item.role == template.VOTE_HIGHER:
            vote = outcome
            break
    assert vote.present == 2
    assert running.load(seeded).present_count() == 2
    started = seeded.journal_rows("programme.started")[-1]
    assert started["payload"]["present"] == 2


def test_import_replaces_before_the_start_and_refuses_after(seeded: Event, tmp_path: Path) -> None:
    delegates.upsert(seeded, [{"name": "Trần Văn Đức", "unit": "UBND huyện Đại Từ"}])
    f = tmp_path / "ct.csv"
    f.write_text(
        "CHƯƠNG TRÌNH ĐẠI HỘI\n\n"
        "STT;Nội dung;Thời lượng (phút);Người thực hiện;Ghi chú\n"
        "1;Chào cờ;5;;Nhạc Quốc ca\n"
        "2;Khai mạc;10 phút;Chủ tịch UBND tỉnh;\n"
        "3;Báo cáo tham luận;;;\n"
        "3.1;Tham luận nông thôn mới;10;tran van duc;\n"
        "4;Thông qua danh sách đại biểu đi dự Đại hội cấp trên;5;;\n"
        "5;Bế mạc;abc;;\n",
        encoding="utf-8-sig",
    )
    result = importing.import_programme(seeded, f)
    assert [s.row for s in result.skipped] == [9]
    prog = running.load(seeded)
    assert [i.title for i in prog.items] == [
        "Chào cờ",
        "Khai mạc",
        "Báo cáo tham luận",
        "Tham luận nông thôn mới",
        "Thông qua danh sách đại biểu đi dự Đại hội cấp trên",
    ]
    assert prog.items[3].parent_id == prog.items[2].id
    assert prog.items[3].performer == "tran van duc" and prog.items[3].delegate_id is not None
    assert prog.items[4].role == template.VOTE_HIGHER
    assert prog.items[0].notes == "Nhạc Quốc ca"
    running.next_item(seeded)
    with pytest.raises(DaihoiError) as exc:
        importing.import_programme(seeded, f)
    assert exc.value.key == "programme.import.started"


def test_actual_times_survive_reopening_the_file(tmp_path: Path, clock) -> None:
    path = tmp_path / "e.db"
    with Event.create(path, title="T", date="2025-09-20", clock=clock) as ev:
        template.seed(ev)
        running.next_item(ev)
    clock.advance(minutes=6)
    with Event.open(path, clock=clock) as ev:
        prog = running.load(ev)
        assert prog.current is not None and prog.current.title == "Chào cờ"
        assert prog.timing(ev.now()).of(prog.current.id).overrun.total_seconds() == 60


def test_cli_programme_json_and_next(tmp_path: Path) -> None:
    from console.cli import cli

    runner = CliRunner()
    db = str(tmp_path / "c.db")
    assert (
        runner.invoke(cli, ["init", "--db", db, "--title", "T", "--kind", "hoi-nghi"]).exit_code
        == 0
    )
    shown = runner.invoke(cli, ["programme", "--db", db, "--json"])
    import json

    data = json.loads(shown.stdout)
    assert data["items"][0]["title"] == "Tuyên bố lý do, giới thiệu đại biểu"
    assert data["items"][0]["state"] == "pending" and data["items"][0]["actual_start"] is None
    assert set(data) == {"items", "offset_minutes", "projected_end"}
    moved = runner.invoke(cli, ["programme", "next", "--db", db, "--json"])
    assert moved.exit_code == 0, moved.output
    data = json.loads(moved.stdout)
    assert data["items"][0]["state"] == "running"
    assert data["items"][0]["actual_start"] is not None
    refused = runner.invoke(cli, ["programme", "start", "--db", db])
    assert refused.exit_code == 1


def test_import_xlsx_with_a_title_block_and_a_fixed_start(seeded: Event, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["UBND TỈNH THÁI NGUYÊN"])
    sheet.merge_cells("A1:E1")
    sheet.append(["KỊCH BẢN ĐẠI HỘI"])
    sheet.append([])
    sheet.append(["TT", "Nội dung", "Thời gian (phút)", "Người trình bày", "Giờ bắt đầu"])
    sheet.append([1, "Đón đại biểu", 30, None, None])
    sheet.append([2, "Khai mạc", 10, "Chủ tịch UBND tỉnh", "08:00"])
    sheet.append([None, "Người lập: Lan", None, None, None])
    f = tmp_path / "ct.xlsx"
    book.save(f)
    result = importing.import_programme(seeded, f)
    assert [r.title for r in result.items] == ["Đón đại biểu", "Khai mạc"]
    prog = running.load(seeded)
    assert prog.items[1].fixed_start == "08:00"
    day = prog.timing(seeded.now())
    assert day.of(prog.items[1].id).planned_start.strftime("%H:%M") == "08:00"
    assert seeded.journal_rows("programme.imported")[0]["payload"]["items"] == 2


def test_import_a_merged_section_row_is_no_item_and_txt_reads_as_csv(
    seeded: Event, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["TT", "Nội dung", "Thời gian (phút)", "Người trình bày"])
    sheet.append(["PHẦN I: KHAI MẠC"])
    sheet.merge_cells("A2:D2")  # merged across: must stay a lone cell, not a 4-cell item
    sheet.append([1, "Khai mạc", 10, None])
    f = tmp_path / "ct.xlsx"
    book.save(f)
    result = importing.import_programme(seeded, f, dry_run=True)
    assert ([r.title for r in result.items], result.skipped) == (["Khai mạc"], [])

    txt = tmp_path / "ct.txt"
    txt.write_text("KỊCH BẢN, ĐỢT 1\nTT\tNội dung\tPhút\n1\tĐón đại biểu\t30\n", encoding="utf-8")
    result = importing.import_programme(seeded, txt, dry_run=True)
    assert [(r.title, r.minutes) for r in result.items] == [("Đón đại biểu", 30)]
