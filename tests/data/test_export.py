"""Exports open in real readers (openpyxl, csv, json), carry the figures of data/stats.py,
keep formula-looking names inert, and the csv bytes match a golden file."""

from __future__ import annotations

import csv
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from console.cli import cli
from data import delegates, export, higher_level_import, stats
from data.checkin import Desk
from data.errors import DaihoiError
from data.store import Event
from data.text import collate

from ..conftest import FakeClock
from .test_stats import generate, small_event

GOLDEN = Path(__file__).parent / "golden"
FORMULAS = ['=HYPERLINK("http://x.example","Bấm")', "+84 912 345 678", "-1+2", "@SUM(A1)"]


def read_xlsx(path: Path, sheet: str) -> tuple[list[Any], list[list[Any]], Any]:
    """(header row, data rows, worksheet) of ``sheet``, read back with formulas as written."""
    book = openpyxl.load_workbook(path, data_only=False)
    ws = book[sheet]
    rows = [list(r) for r in ws.iter_rows(min_row=export.HEADER_ROW, values_only=True)]
    return rows[0], rows[1:], ws


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize("kind", list(export.KINDS))
def test_every_kind_opens_in_every_reader(event: Event, clock: FakeClock, kind: str) -> None:
    small_event(event, clock)
    delegates.set_higher_level(event, 1, True)
    report = export.build(event, kind)
    main = report.sheets[0]
    export.export(event, kind, "r.xlsx")
    export.export(event, kind, "r.csv")
    export.export(event, kind, "r.json")

    book = openpyxl.load_workbook("r.xlsx")
    assert book.sheetnames == [s.name for s in report.sheets]
    header, rows, ws = read_xlsx(Path("r.xlsx"), main.name)
    assert tuple(header) == main.columns
    assert len(rows) == len(main.rows)
    assert ws["A1"].value == event.info.title.upper()
    assert ws["A2"].value == report.title
    assert ws.freeze_panes == f"A{export.HEADER_ROW + 1}"
    assert ws.column_dimensions["B"].width >= 6

    table = read_csv(Path("r.csv"))
    assert tuple(table[0]) == main.columns
    assert len(table) == len(main.rows) + 1

    data = json.loads(Path("r.json").read_text(encoding="utf-8"))
    assert data["kind"] == kind
    assert data["event"] == {"title": event.info.title, "date": "2025-09-20"}
    assert [s["name"] for s in data["sheets"]] == [s.name for s in report.sheets]
    assert data["sheets"][0]["columns"] == list(main.columns)
    assert data["sheets"][0]["rows"] == [list(r) for r in main.rows]
    if os.name == "posix":
        assert Path("r.csv").stat().st_mode & 0o077 == 0  # personal data: owner only


def test_attendance_lists_everyone_by_delegation_without_phones(
    event: Event, clock: FakeClock
) -> None:
    rows = [{**p, "phone": "0912345678"} for p in generate(__import__("random").Random(1), 40)]
    delegates.upsert(event, rows)
    people = delegates.all_delegates(event)
    desk = Desk(event)
    for d in people[::3]:
        clock.advance(seconds=17)
        desk.admit(d.id)
    export.export(event, "attendance", "a.xlsx")
    header, body, _ = read_xlsx(Path("a.xlsx"), "Điểm danh")
    assert header == list(export.ATTENDANCE_COLUMNS)
    assert len(body) == 40
    assert "Điện thoại" not in header
    assert all("0912345678" not in [str(c) for c in row] for row in body)
    delegations = [row[1] for row in body]
    assert delegations == sorted(delegations, key=collate)
    arrived = {row[2]: (row[7], row[8]) for row in body}
    for d in delegates.all_delegates(event):
        if d.checked_in_at:
            assert arrived[d.name] == (d.checked_in_at[11:19], "Bàn 1")
        else:
            assert arrived[d.name] == (None, None)

    # The summary sheet carries the figures of data/stats.py, a total line last.
    figures = stats.compute(event)
    _, summary, _ = read_xlsx(Path("a.xlsx"), "Tổng hợp")
    by_delegation = [r for r in summary if r[0] == "Đoàn"]
    assert [(r[1], r[2], r[3]) for r in by_delegation] == [
        (g.label, g.expected, g.arrived) for g in figures.by_delegation
    ]
    assert summary[-1][:5] == ["Tổng cộng", None, 40, 14, 26]
    assert summary[-1][5] == "35,0%"


def test_absent_has_phones_and_only_the_absent(event: Event, clock: FakeClock) -> None:
    rows = generate(__import__("random").Random(2), 12)
    delegates.upsert(event, rows)
    people = delegates.all_delegates(event)
    Desk(event).admit(people[0].id)
    export.export(event, "absent", "v.csv")
    table = read_csv(Path("v.csv"))
    assert table[0] == list(export.ABSENT_COLUMNS)
    names = {r[2] for r in table[1:]}
    assert people[0].name not in names
    assert len(names) == 11
    phones = {d.name: d.phone for d in people}
    assert all(r[7] == phones[r[2]] for r in table[1:])


def test_composition_side_by_side_with_percentages(event: Event, clock: FakeClock) -> None:
    small_event(event, clock)
    export.export(event, "composition", "c.csv")
    table = read_csv(Path("c.csv"))
    assert table[0] == list(export.COMPOSITION_COLUMNS)
    women = next(r for r in table if r[:2] == ["Giới tính", "Nữ"])
    assert women == ["Giới tính", "Nữ", "3", "37,5%", "3", "60,0%"]
    tay = next(r for r in table if r[1] == "Dân tộc thiểu số: Tày")
    assert tay == ["Dân tộc", "Dân tộc thiểu số: Tày", "2", "25,0%", "1", "20,0%"]
    assert table[-1] == ["Tổng cộng", "", "8", "100,0%", "5", "100,0%"]


def test_journal_is_the_full_trail(event: Event, clock: FakeClock) -> None:
    small_event(event, clock)
    report = export.build(event, "journal")
    kinds = [r[2] for r in report.sheets[0].rows]
    assert kinds[0] == "event.created"
    assert kinds.count("checkin") == 5
    assert len(kinds) == len(event.journal_rows())


def test_formula_looking_names_come_out_inert(event: Event, clock: FakeClock) -> None:
    delegates.upsert(
        event,
        [
            {"name": f, "unit": f, "delegation": "=1+1", "phone": f}
            for f in FORMULAS + ["\tTab", "\rCR"]
        ],
    )
    export.export(event, "absent", "x.xlsx")
    export.export(event, "absent", "x.csv")

    _, body, ws = read_xlsx(Path("x.xlsx"), "Chưa đến")
    for row in ws.iter_rows(min_row=export.HEADER_ROW + 1):
        for cell in row:
            assert cell.data_type in ("s", "n"), (cell.coordinate, cell.value, cell.data_type)
    names = {row[2] for row in body}
    assert set(FORMULAS) <= names  # stored exactly as written, as text
    with zipfile.ZipFile("x.xlsx") as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and all("<f>" not in z.read(n).decode() for n in sheets)

    table = read_csv(Path("x.csv"))
    for row in table[1:]:
        for value in row[1:]:
            assert not value.startswith(export.FORMULA_START), value
    assert {r[2] for r in table[1:]} >= {"'" + f for f in FORMULAS}


def test_unknown_suffix_and_kind_are_refused(event: Event) -> None:
    with pytest.raises(DaihoiError) as bad:
        export.export(event, "absent", "r.pdf")
    assert bad.value.key == "export.bad_format"
    with pytest.raises(DaihoiError) as unknown:
        export.build(event, "seating")
    assert unknown.value.key == "export.unknown_kind"
    assert not Path("r.pdf").exists()


def test_golden_csv(event: Event, clock: FakeClock) -> None:
    """The bytes are the contract: header, order, times, BOM, CRLF, quoting."""
    small_event(event, clock)
    delegates.upsert(
        event,
        [{"name": '=HYPERLINK("x")', "unit": 'Sở "Y tế", Thái Nguyên', "delegation": "Khách mời"}],
    )
    export.export(event, "attendance", "attendance.csv")
    golden = GOLDEN / "attendance.csv"
    if os.environ.get("DAIHOI_UPDATE_GOLDEN"):
        golden.write_bytes(Path("attendance.csv").read_bytes())
    assert Path("attendance.csv").read_bytes() == golden.read_bytes()


def write_list(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_higher_level_list_is_matched_like_the_import(event: Event, clock: FakeClock) -> None:
    small_event(event, clock)
    delegates.upsert(event, [{"name": "Trần Văn Đức", "unit": "Sở Nội vụ", "birth_year": 1970}])
    source = write_list(
        Path("hl.csv"),
        [
            ["DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI THI ĐUA YÊU NƯỚC TOÀN QUỐC"],
            [],
            ["STT", "Họ và tên", "Đơn vị", "Năm sinh"],
            ["I. KHỐI CÁC HUYỆN"],
            ["1", "NGUYEN THI HOA", "", ""],  # accents and case do not matter
            ["2", "Trần Văn Đức", "", "1961"],  # two Đức: the birth year (and unit) decide
            ["3", "Trần Văn Đức", "", ""],  # ambiguous without them
            ["4", "Người Không Có", "", ""],
            ["", "Người lập biểu"],
        ],
    )
    dry = higher_level_import.import_higher_level(event, source, dry_run=True)
    assert [u.reason for u in dry.unmatched] == ["ambiguous", "no_match"]
    assert [u.row for u in dry.unmatched] == [7, 8]
    assert not any(d.higher_level for d in delegates.all_delegates(event))

    done = higher_level_import.import_higher_level(event, source)
    chosen = {d.name: d.birth_year for d in delegates.all_delegates(event) if d.higher_level}
    assert chosen == {"Nguyễn Thị Hoa": 1980, "Trần Văn Đức": 1961}
    assert len(done.marked) == 2
    assert event.journal_rows("delegates.higher_level_imported")[0]["payload"]["source"] == "hl.csv"
    again = higher_level_import.import_higher_level(event, source)
    assert (again.marked, again.already) == ((), 2)

    ids = write_list(
        Path("ids.csv"), [["Mã"]] + [[str(d.id)] for d in delegates.all_delegates(event)[:2]]
    )
    assert len(higher_level_import.import_higher_level(event, ids, dry_run=True).unmatched) == 0


FIVE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]


def five_delegates(event: Event) -> dict[str, int]:
    """Delegates 1 to 5, so a row number read as an id would name one of them."""
    delegates.upsert(event, [{"name": n, "unit": "Sở Y tế"} for n in FIVE])
    return {d.name: d.id for d in delegates.all_delegates(event)}


@pytest.mark.parametrize(
    "name_header",
    ["Họ và tên (2)", "HỌ VÀ TÊN ĐẠI BIỂU DỰ ĐẠI HỘI", "Họ tên đại biểu", "Đại biểu"],
)
def test_higher_level_list_finds_every_name_header_the_importer_knows(
    event: Event, name_header: str
) -> None:
    """A header variant is never read as "no header": the STT column would be taken for our
    ids and delegates 1 and 2 marked instead of the two the list names."""
    ids = five_delegates(event)
    source = write_list(
        Path("hl.csv"),
        [
            ["ĐẠI BIỂU DỰ ĐẠI HỘI CẤP TRÊN"],  # a title, though it reads as a name header
            ["STT", name_header, "Đơn vị"],
            ["1", "Phạm Thị Dung", "Sở Y tế"],
            ["2", "Hoàng Văn Em", "Sở Y tế"],
        ],
    )
    found = higher_level_import.import_higher_level(event, source)
    assert sorted(found.marked) == sorted([ids["Phạm Thị Dung"], ids["Hoàng Văn Em"]])
    assert found.unmatched == ()
    assert {d.name for d in delegates.all_delegates(event) if d.higher_level} == {
        "Phạm Thị Dung",
        "Hoàng Văn Em",
    }


def test_higher_level_list_with_family_and_given_name_columns(event: Event) -> None:
    """ "Họ" | "Tên" is one name, joined as the delegate import joins it; "Tên" alone (the given
    name) never matches a delegate."""
    ids = five_delegates(event)
    source = write_list(
        Path("hl.csv"),
        [
            ["STT", "Họ", "Tên", "Đơn vị"],
            ["1", "Phạm Thị", "Dung", "Sở Y tế"],
            ["2", "Hoàng Văn", "Em", "Sở Y tế"],
        ],
    )
    found = higher_level_import.import_higher_level(event, source, dry_run=True)
    assert sorted(found.marked) == sorted([ids["Phạm Thị Dung"], ids["Hoàng Văn Em"]])
    assert found.unmatched == ()


def test_higher_level_namesakes_are_ambiguous_not_picked(event: Event) -> None:
    """Two "Nguyễn Văn Hùng" with no unit or year on the approved list: a name alone on the
    higher-level list names neither of them for sure."""
    delegates.upsert(
        event,
        [
            {"name": "Nguyễn Văn Hùng", "delegation": "Đoàn huyện Đại Từ"},
            {"name": "Nguyễn Văn Hùng", "delegation": "Đoàn huyện Phú Lương"},
        ],
    )
    source = write_list(Path("hl.csv"), [["STT", "Họ và tên"], ["1", "Nguyễn Văn Hùng"]])
    found = higher_level_import.import_higher_level(event, source)
    assert found.marked == ()
    assert [(u.row, u.reason) for u in found.unmatched] == [(2, "ambiguous")]
    assert not any(d.higher_level for d in delegates.all_delegates(event))


def test_higher_level_list_without_a_header_changes_nothing(event: Event) -> None:
    """Several columns and no header we know: refuse, rather than guess which column is what."""
    five_delegates(event)
    source = write_list(
        Path("hl.csv"),
        [["Số", "Người được chọn", "Nơi làm việc"], ["1", "Phạm Thị Dung", "Sở Y tế"]],
    )
    with pytest.raises(DaihoiError) as caught:
        higher_level_import.import_higher_level(event, source)
    assert caught.value.key == "import.no_header"
    assert not any(d.higher_level for d in delegates.all_delegates(event))


def test_higher_level_numbers_are_ids_only_under_an_id_header(event: Event) -> None:
    """A bare column of numbers is not a list of our ids (it may be row numbers); under "Mã"
    or "ID" it is: the list's own code first, else our id."""
    ids = five_delegates(event)
    bare = write_list(Path("bare.csv"), [["1"], ["2"], ["Hoàng Văn Em"]])
    found = higher_level_import.import_higher_level(event, bare, dry_run=True)
    assert found.marked == (ids["Hoàng Văn Em"],)
    assert [(u.row, u.text, u.reason) for u in found.unmatched] == [
        (1, "1", "no_match"),
        (2, "2", "no_match"),
    ]
    coded = write_list(Path("coded.csv"), [["ID", "Ghi chú"], ["1", ""], ["2", "x"]])
    assert higher_level_import.import_higher_level(event, coded, dry_run=True).marked == (1, 2)


def test_higher_level_import_reaches_desk_copies(event: Event, clock: FakeClock) -> None:
    """A mark is a change of the delegate: ``updated_at`` moves, so merging carries it to
    every desk copy (replicas copy delegates by ``updated_at``)."""
    from data import replicas

    five_delegates(event)

    def updated(ev: Event, delegate_id: int) -> str:
        return ev.conn.execute(
            "select updated_at from delegates where id = ?", (delegate_id,)
        ).fetchone()[0]

    before = updated(event, 4)
    replicas.clone(event, "Bàn 9", "copy.db")
    clock.advance(minutes=5)
    higher_level_import.import_higher_level(
        event, write_list(Path("hl.csv"), [["Họ và tên"], ["Phạm Thị Dung"]])
    )
    assert updated(event, 4) > before
    replicas.merge(event, "copy.db")
    with Event.open("copy.db") as copy:
        assert delegates.get(copy, 4).higher_level
        assert not delegates.get(copy, 5).higher_level


def test_export_and_higher_level_commands(event: Event, clock: FakeClock) -> None:
    small_event(event, clock)
    db = str(event.path)
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> Any:
        result = runner.invoke(cli, [*args, "--db", db], catch_exceptions=False)
        assert result.exit_code == code, result.stderr
        return result

    marked = run("higher-level", "mark", "1", "2", "--json")
    assert [d["higher_level"] for d in json.loads(marked.stdout)] == [True, True]
    run("higher-level", "unmark", "2")
    refused = run("higher-level", "mark", "3", "999", code=1)
    assert refused.stderr.strip() == "Lỗi: Không có đại biểu số 999."
    out = run("export", "higher-level", "-o", "hl.json", "--json")
    assert json.loads(out.stdout)["sheets"] == [{"name": "Dự đại hội cấp trên", "rows": 1}]
    data = json.loads(Path("hl.json").read_text(encoding="utf-8"))
    assert [r[1] for r in data["sheets"][0]["rows"]] == [delegates.get(event, 1).name]
    attendance = run("export", "attendance", "-o", "a.csv")
    assert attendance.stderr.splitlines()[0] == "Đã ghi a.csv (8 dòng)."
    assert "Tổng hợp" in attendance.stderr
    bad = run("export", "absent", "-o", "a.txt", code=1)
    assert "a.txt" in bad.stderr and bad.stdout == ""


def test_programme_planned_against_actual(event: Event, clock: FakeClock) -> None:
    from programme import running, template

    template.seed(event)
    clock.now = clock.now.replace(hour=7, minute=42)
    running.start(event)  # Chào cờ, planned 07:30-07:35
    clock.now = clock.now.replace(hour=7, minute=45)
    running.next_item(event)  # Tuyên bố lý do, planned 07:35-07:45
    clock.now = clock.now.replace(hour=7, minute=50)
    from programme.figures import report_inputs

    export.export(event, "programme", "p.csv", **report_inputs(event, "programme"))
    table = read_csv(Path("p.csv"))
    assert table[0] == list(export.PROGRAMME_COLUMNS)
    assert table[1] == [
        "1",
        "Chào cờ",
        "",
        "07:30",
        "07:35",
        "5",
        "07:42",
        "07:45",
        "3",
        "12",
        "Đã xong",
    ]
    assert table[2][:2] == ["2", "Tuyên bố lý do, giới thiệu đại biểu"]
    assert table[2][3:] == ["07:35", "07:45", "10", "07:45", "", "", "10", "Đang diễn ra"]
    assert table[3][6:] == ["", "", "", "", "Chưa diễn ra"]


def test_honours_with_state_decision_and_time(event: Event, clock: FakeClock) -> None:
    now = "2025-09-20T07:30:00.000+07:00"
    rows = [
        ("Nguyễn Văn An", "Bằng khen của Chủ tịch UBND tỉnh", "12/QĐ-UBND", "presented",
         "2025-09-20T09:41:07.000+07:00", None),
        ("Trường THCS Nha Trang", "Cờ thi đua của Chính phủ", "345/QĐ-TTg", "proxy",
         "2025-09-20T09:30:00.000+07:00", "Lê Văn Bình"),
        ("=cmd|' /C calc'!A0", "Bằng khen của Chủ tịch UBND tỉnh", "12/QĐ-UBND", "planned", None,
         None),
    ]  # fmt: skip
    with event.write():
        for recipient, form, decision, state, at, proxy in rows:
            event.conn.execute(
                "insert into honours (recipient, form, decision, state, state_at, state_desk,"
                " proxy_by, stage_group, match_key, created_at, updated_at)"
                " values (?, ?, ?, ?, ?, 'Bàn MC', ?, 'Đợt 1', 'k', ?, ?)",
                (recipient, form, decision, state, at, proxy, now, now),
            )
    run_cli("export", "honours", "-o", "h.xlsx", "--db", str(event.path))
    header, body, _ = read_xlsx(Path("h.xlsx"), "Khen thưởng")
    assert header == list(export.HONOURS_COLUMNS)
    # The calling order of programme.honours: the Government's flag before provincial certificates
    assert [r[2] for r in body] == [
        "Trường THCS Nha Trang",
        "Nguyễn Văn An",
        "=cmd|' /C calc'!A0",
    ]
    assert body[0][7:11] == ["Nhận thay", "09:30:00", "Bàn MC", "Lê Văn Bình"]
    assert body[1][5:10] == [
        "Bằng khen của Chủ tịch UBND tỉnh",
        "12/QĐ-UBND",
        "Đã trao",
        "09:41:07",
        "Bàn MC",
    ]
    assert body[2][7:9] == ["Chưa trao", None]


def run_cli(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result


def test_the_table_check_reports_and_figures_share(event: Event) -> None:
    """Reports and figures ask one function whether a table exists (an event file made before
    the honours or programme tables has none)."""
    assert stats.table_exists(event, "delegates")
    assert not stats.table_exists(event, "no_such_table")


def test_xlsx_layout_as_organizers_print_it(event: Event, clock: FakeClock) -> None:
    """Every header and data cell framed, the header bold on its fill, the title merged across,
    widths from the content, printed landscape on A4 one page wide: read back with openpyxl."""
    small_event(event, clock)
    report = export.export(event, "attendance", "a.xlsx")
    main = report.sheets[0]
    ws = openpyxl.load_workbook("a.xlsx")["Điểm danh"]
    last = openpyxl.utils.get_column_letter(len(main.columns))
    assert f"A1:{last}1" in {str(r) for r in ws.merged_cells.ranges}
    first, end = export.HEADER_ROW, export.HEADER_ROW + len(main.rows)
    for row in ws.iter_rows(min_row=first, max_row=end, max_col=len(main.columns)):
        for cell in row:
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            assert all(s.style == "thin" and s.color.rgb[-6:] == "999999" for s in sides), cell
    header = ws.cell(row=first, column=1)
    assert header.font.b and header.fill.fgColor.rgb[-6:] == "DDEBF7"
    assert ws.cell(row=first + 1, column=1).font.b is not True
    assert ws.max_row == end  # nothing below the list
    names = [str(r[2]) for r in main.rows] + ["Họ và tên"]
    assert ws.column_dimensions["C"].width >= max(len(n) for n in names) + 2
    assert ws.auto_filter.ref == f"A{first}:{last}{end}"
    assert ws.print_title_rows == f"${first}:${first}"
    assert (ws.page_setup.orientation, int(ws.page_setup.paperSize)) == ("landscape", 9)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
