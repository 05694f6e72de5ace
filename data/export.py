"""Reports for the organizers: one function per kind, three writers, the file's suffix decides.

Each kind (``attendance``, ``absent``, ``composition``, ``honours``, ``programme``, ``journal``,
``higher-level``) is a function ``event -> Report``; a :class:`Report` is a title and a list of
sheets, each a name, its column headers and its rows. The writers know nothing of kinds:
:func:`write_xlsx` (formatted: title block naming the event, header row, widths, frozen panes),
:func:`write_csv` (UTF-8 with BOM so Excel opens it right; the first sheet) and
:func:`write_json`. Figures come from :mod:`data.stats`, the same ones the dashboard shows.

Headers, sheet names and titles are plain Vietnamese constants: these are Vietnamese documents,
and tests and organizers' macros rely on the headers staying exactly as they are.

Safety: a delegate list is written by many hands, and a "name" such as ``=HYPERLINK(…)`` must
never run in a spreadsheet. CSV cells starting with ``= + - @``, tab or CR get a leading ``'``
(OWASP's advice); xlsx cells holding text are stored as text, never as formulas. Personal data
goes only where it is needed: phone numbers in ``absent`` (the organizers call them), exact birth
dates nowhere.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from . import delegates as delegates_mod
from . import stats as stats_mod
from .errors import DaihoiError
from .importing import (  # the delegate list's row shapes
    Column,
    header_field,
    is_section,
    is_signature,
    join_name,
    map_columns,
)
from .outputs import private_file, refuse_input, remember_input
from .sheets import Row, find_header_rows, read_table
from .store import Event, stamp
from .text import clean, collate, fold

Cell = str | int | None
"""What a report cell holds: text, a whole number, or nothing."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)."""


@dataclass(frozen=True)
class Sheet:
    """One table of a report."""

    name: str
    """The sheet's tab name in xlsx (at most 31 characters)."""
    columns: tuple[str, ...]
    """The header row: Vietnamese, stable (tests and organizers' macros rely on it)."""
    rows: tuple[tuple[Cell, ...], ...]
    """The data rows, each as long as ``columns``."""


@dataclass(frozen=True)
class Report:
    """A report as written to a file, whatever the format."""

    kind: str
    """Which report: one of :data:`KINDS`."""
    title: str
    """The report's title, e.g. "DANH SÁCH ĐẠI BIỂU CHƯA CÓ MẶT"."""
    event_title: str
    """The event the report is about (the title block's first line)."""
    event_date: str | None
    """``YYYY-MM-DD`` of the event."""
    generated_at: str
    """When the figures were taken (stored stamp)."""
    sheets: tuple[Sheet, ...]
    """The tables; the first is the main one (the only one in csv)."""


# ---------------------------------------------------------------- column headers
STT = "STT"
NAME = "Họ và tên"
GENDER = "Giới tính"
BIRTH_YEAR = "Năm sinh"
ETHNICITY = "Dân tộc"
POSITION = "Chức vụ"
UNIT = "Đơn vị"
DELEGATION = "Đoàn"
CATEGORY = "Thành phần"
SEAT = "Ghế"
ARRIVED_AT = "Giờ đến"
DESK = "Bàn điểm danh"
PHONE = "Điện thoại"
GROUPING = "Phân theo"
GROUP = "Nhóm"
EXPECTED = "Được duyệt"
PRESENT = "Có mặt"
MISSING = "Vắng"
RATE = "Tỷ lệ có mặt"
CRITERION = "Tiêu chí"
EXPECTED_SHARE = "Tỷ lệ trong danh sách"
PRESENT_SHARE = "Tỷ lệ trong số có mặt"
TOTAL = "Tổng cộng"

ATTENDANCE_COLUMNS = (STT, DELEGATION, NAME, UNIT, POSITION, CATEGORY, SEAT, ARRIVED_AT, DESK)
SUMMARY_COLUMNS = (GROUPING, GROUP, EXPECTED, PRESENT, MISSING, RATE)
ABSENT_COLUMNS = (STT, DELEGATION, NAME, UNIT, POSITION, CATEGORY, SEAT, PHONE)
COMPOSITION_COLUMNS = (CRITERION, GROUP, EXPECTED, EXPECTED_SHARE, PRESENT, PRESENT_SHARE)
JOURNAL_COLUMNS = ("Số thứ tự", "Thời gian", "Loại", "Bàn", "Người thao tác", "Nội dung", "Tệp ghi")
HONOURS_COLUMNS = (
    STT,
    "Đợt",
    "Cá nhân, tập thể",
    POSITION,
    UNIT,
    "Hình thức khen thưởng",
    "Quyết định",
    "Trạng thái",
    "Thời gian trao",
    "Bàn ghi nhận",
    "Người nhận thay",
    "Ghi chú",
)
PROGRAMME_COLUMNS = (
    STT,
    "Nội dung",
    "Người thực hiện",
    "Bắt đầu (kế hoạch)",
    "Kết thúc (kế hoạch)",
    "Thời lượng kế hoạch (phút)",
    "Bắt đầu (thực tế)",
    "Kết thúc (thực tế)",
    "Thời lượng thực tế (phút)",
    "Lệch so với kế hoạch (phút)",
    "Trạng thái",
)
HIGHER_LEVEL_COLUMNS = (
    STT,
    NAME,
    GENDER,
    BIRTH_YEAR,
    ETHNICITY,
    POSITION,
    UNIT,
    DELEGATION,
    CATEGORY,
)


# ---------------------------------------------------------------- helpers
def hhmmss(value: str | None) -> str:
    """``2025-09-20T08:12:03.000+07:00`` → ``08:12:03``; "" for None."""
    return value[11:19] if value else ""


def when(value: str | None) -> str:
    """A stored stamp as people read it: ``2025-09-20T08:12:03.000+07:00`` → ``20/09/2025 08:12:03``."""
    if not value:
        return ""
    return f"{value[8:10]}/{value[5:7]}/{value[0:4]} {value[11:19]}"


def _by_delegation(found: list[delegates_mod.Delegate]) -> list[delegates_mod.Delegate]:
    """Delegation by delegation (Vietnamese order), names in Vietnamese order within each."""
    return sorted(found, key=lambda d: (collate(d.delegation), d.sort_key))


def _report(event: Event, kind: str, title: str, sheets: Sequence[Sheet]) -> Report:
    return Report(
        kind=kind,
        title=title,
        event_title=event.info.title,
        event_date=event.info.date,
        generated_at=stamp(event.now()),
        sheets=tuple(sheets),
    )


def _summary_rows(figures: stats_mod.Stats) -> tuple[tuple[Cell, ...], ...]:
    rows: list[tuple[Cell, ...]] = []
    for grouping, groups in (
        (stats_mod.DELEGATION, figures.by_delegation),
        (stats_mod.CATEGORY, figures.by_category),
    ):
        for g in groups:
            rows.append(
                (
                    grouping,
                    g.label,
                    g.expected,
                    g.arrived,
                    g.expected - g.arrived,
                    stats_mod.percent(g.arrived, g.expected),
                )
            )
    rows.append(
        (
            TOTAL,
            "",
            figures.expected,
            figures.arrived,
            figures.expected - figures.arrived,
            stats_mod.percent(figures.arrived, figures.expected),
        )
    )
    return tuple(rows)


# ---------------------------------------------------------------- the kinds
def attendance(event: Event) -> Report:
    """Every delegate with arrival time and desk, by delegation; a summary sheet of the figures."""
    people = _by_delegation(delegates_mod.all_delegates(event))
    rows = tuple(
        (
            n,
            d.delegation,
            d.name,
            d.unit,
            d.position,
            d.category,
            d.seat,
            hhmmss(d.checked_in_at),
            d.checked_in_desk or "",
        )
        for n, d in enumerate(people, 1)
    )
    figures = stats_mod.compute(event)
    return _report(
        event,
        "attendance",
        "DANH SÁCH ĐẠI BIỂU ĐIỂM DANH",
        [
            Sheet("Điểm danh", ATTENDANCE_COLUMNS, rows),
            Sheet("Tổng hợp", SUMMARY_COLUMNS, _summary_rows(figures)),
        ],
    )


def absent(event: Event) -> Report:
    """Who has not arrived, by delegation, with phone numbers for the organizers to call."""
    people = _by_delegation([d for d in delegates_mod.all_delegates(event) if not d.checked_in_at])
    rows = tuple(
        (n, d.delegation, d.name, d.unit, d.position, d.category, d.seat, d.phone)
        for n, d in enumerate(people, 1)
    )
    return _report(
        event,
        "absent",
        "DANH SÁCH ĐẠI BIỂU CHƯA CÓ MẶT",
        [Sheet("Chưa có mặt", ABSENT_COLUMNS, rows)],
    )


def composition(event: Event) -> Report:
    """The approved list and the attendees side by side, criterion by criterion (cơ cấu)."""
    figures = stats_mod.compute(event)
    rows: list[tuple[Cell, ...]] = []
    for dimension in figures.composition:
        for g in dimension.groups:
            rows.append(
                (
                    dimension.name,
                    g.label,
                    g.expected,
                    stats_mod.percent(g.expected, figures.expected),
                    g.arrived,
                    stats_mod.percent(g.arrived, figures.arrived),
                )
            )
    rows.append((TOTAL, "", figures.expected, "100,0%", figures.arrived, "100,0%"))
    return _report(
        event, "composition", "CƠ CẤU ĐẠI BIỂU", [Sheet("Cơ cấu", COMPOSITION_COLUMNS, tuple(rows))]
    )


def journal(event: Event) -> Report:
    """The full audit trail, in the order it was written."""
    rows = tuple(
        (
            r["seq"],
            when(r["at"]),
            r["kind"],
            r["desk"],
            r["operator"],
            json.dumps(r["payload"], ensure_ascii=False, sort_keys=True),
            r["origin"],
        )
        for r in event.journal_rows()
    )
    return _report(event, "journal", "NHẬT KÝ HOẠT ĐỘNG", [Sheet("Nhật ký", JOURNAL_COLUMNS, rows)])


def higher_level(event: Event) -> Report:
    """The delegates approved to attend the higher-level congress, by delegation."""
    people = _by_delegation([d for d in delegates_mod.all_delegates(event) if d.higher_level])
    rows = tuple(
        (
            n,
            d.name,
            d.gender,
            d.birth_year,
            d.ethnicity,
            d.position,
            d.unit,
            d.delegation,
            d.category,
        )
        for n, d in enumerate(people, 1)
    )
    return _report(
        event,
        "higher-level",
        "DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI CẤP TRÊN",
        [Sheet("Dự đại hội cấp trên", HIGHER_LEVEL_COLUMNS, rows)],
    )


HONOUR_STATES = {
    "planned": "Chưa trao",
    "called": "Đã mời lên sân khấu",
    "presented": "Đã trao",
    "absent": "Vắng mặt",
    "proxy": "Nhận thay",
    "withdrawn": "Rút khỏi danh sách",
}
"""Each honour state as the report says it."""


def honours(event: Event, order: Sequence[int] | None = None) -> Report:
    """Every honour with its state, recipient, decision and the time it was presented.

    ``order`` lists honour ids in calling order: ``programme.honours`` computes it from the
    forms' precedence (this package must not import it), so the console passes it in; without
    it, honours come in the order they were imported.
    """
    if not stats_mod.table_exists(event, "honours"):
        found: list[tuple[Any, ...]] = []
    else:
        found = event.conn.execute(
            "select id, stage_group, recipient, position, unit, form, decision, state, state_at,"
            " state_desk, proxy_by, posthumous, representative from honours order by id"
        ).fetchall()
    if order is not None:
        rank = {honour_id: n for n, honour_id in enumerate(order)}
        found.sort(key=lambda r: (rank.get(r[0], len(rank)), r[0]))
    rows = []
    for n, r in enumerate(found, 1):
        (_id, group, recipient, position, unit, form, decision, state, state_at, desk, proxy_by,
         posthumous, representative) = r  # fmt: skip
        done = state in ("presented", "absent", "proxy")
        notes = "; ".join(
            x
            for x in (
                "Truy tặng" if posthumous else "",
                f"Người nhận: {representative}" if representative else "",
            )
            if x
        )
        rows.append(
            (
                n,
                group,
                recipient,
                position,
                unit,
                form,
                decision,
                HONOUR_STATES.get(state, state),
                hhmmss(state_at) if done else "",
                (desk or "") if done else "",
                proxy_by or "",
                notes,
            )
        )
    return _report(
        event,
        "honours",
        "DANH SÁCH KHEN THƯỞNG",
        [Sheet("Khen thưởng", HONOURS_COLUMNS, tuple(rows))],
    )


@dataclass(frozen=True)
class ProgrammeLine:
    """One item of the running order with its planned and actual times (from programme.timing)."""

    number: str
    """"3", or "3.1" for the first speech of item 3."""
    title: str
    performer: str
    state: str
    """``pending``, ``running``, ``done`` or ``skipped``."""
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None


PROGRAMME_STATES = {
    "pending": "Chưa diễn ra",
    "running": "Đang diễn ra",
    "done": "Đã xong",
    "skipped": "Bỏ qua",
}


def _minutes(delta: timedelta) -> int:
    """A duration in whole minutes, rounded half away from zero (as the MC says it)."""
    seconds = delta.total_seconds()
    whole = int(abs(seconds) / 60 + 0.5)
    return whole if seconds >= 0 else -whole


def programme(event: Event, lines: Sequence[ProgrammeLine] = ()) -> Report:
    """Planned against actual times of each item. ``lines`` come from ``programme.timing``
    (passed in by the console: this package must not import it)."""
    rows = []
    for line in lines:
        tz = line.planned_start.tzinfo  # one wall clock for the whole row
        start = line.actual_start.astimezone(tz) if line.actual_start else None
        end = line.actual_end.astimezone(tz) if line.actual_end else None
        rows.append(
            (
                line.number,
                line.title,
                line.performer,
                f"{line.planned_start:%H:%M}",
                f"{line.planned_end:%H:%M}",
                _minutes(line.planned_end - line.planned_start),
                f"{start:%H:%M}" if start else "",
                f"{end:%H:%M}" if end else "",
                _minutes(end - start) if start and end else None,
                _minutes(start - line.planned_start) if start else None,
                PROGRAMME_STATES.get(line.state, line.state),
            )
        )
    return _report(
        event,
        "programme",
        "CHƯƠNG TRÌNH ĐẠI HỘI: KẾ HOẠCH VÀ THỰC TẾ",
        [Sheet("Chương trình", PROGRAMME_COLUMNS, tuple(rows))],
    )


_SIMPLE: dict[str, Callable[[Event], Report]] = {
    "attendance": attendance,
    "absent": absent,
    "composition": composition,
    "journal": journal,
    "higher-level": higher_level,
}
KINDS = ("attendance", "absent", "composition", "honours", "programme", "journal", "higher-level")
"""Every report ``daihoi export KIND`` can write."""

FORMATS = (".xlsx", ".csv", ".json")


def build(
    event: Event,
    kind: str,
    *,
    programme_lines: Sequence[ProgrammeLine] = (),
    honours_order: Sequence[int] | None = None,
) -> Report:
    """The report ``kind`` of the event, as of now.

    Two kinds need what only ``programme`` computes, handed in by the console: the programme's
    timing (``programme_lines``) and the honours' calling order (``honours_order``).
    """
    if kind == "programme":
        return programme(event, programme_lines)
    if kind == "honours":
        return honours(event, honours_order)
    if kind not in _SIMPLE:
        raise DaihoiError("export.unknown_kind", kind=kind, kinds=", ".join(KINDS))
    return _SIMPLE[kind](event)


def export(event: Event, kind: str, path: str | os.PathLike[str], **inputs: Any) -> Report:
    """Build the report ``kind`` (``inputs`` as for :func:`build`) and write it to ``path`` in
    the format its suffix names."""
    target = refuse_input(event, path)  # never over the event file or a list it came from
    _writer(target)  # refuse an unknown suffix before reading anything
    report = build(event, kind, **inputs)
    write(report, target)
    return report


# ---------------------------------------------------------------- writers
def _writer(path: Path) -> Callable[[Report, Path], None]:
    writers = {".xlsx": write_xlsx, ".csv": write_csv, ".json": write_json}
    suffix = path.suffix.lower()
    if suffix not in writers:
        raise DaihoiError("export.bad_format", path=str(path), formats=", ".join(FORMATS))
    return writers[suffix]


def write(report: Report, path: str | os.PathLike[str]) -> Path:
    """Write ``report`` to ``path`` (format from the suffix), owner-only, replacing atomically.

    The file is written next to its destination and renamed over it, so a reader never opens a
    half-written report; owner-only because reports hold personal data.
    """
    target = Path(path)
    writer = _writer(target)
    with private_file(target) as partial:
        writer(report, partial)
    return target


def inert(value: Cell) -> Cell:
    """A CSV cell a spreadsheet will show, never run: text starting a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(report: Report, path: Path) -> None:
    """The main sheet as CSV: UTF-8 with BOM (Excel reads it right), header row first, CRLF.

    CSV holds one table; the other sheets (summaries) are in the xlsx and json of the same kind.
    """
    sheet = report.sheets[0]
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow([inert(c) for c in sheet.columns])
        for row in sheet.rows:
            out.writerow(["" if c is None else inert(c) for c in row])


def write_json(report: Report, path: Path) -> None:
    """The whole report as JSON: rows as lists under their sheet's columns (stable shape)."""
    data = {
        "kind": report.kind,
        "title": report.title,
        "event": {"title": report.event_title, "date": report.event_date},
        "generated_at": report.generated_at,
        "sheets": [
            {"name": s.name, "columns": list(s.columns), "rows": [list(r) for r in s.rows]}
            for s in report.sheets
        ],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


HEADER_ROW = 5
"""Row of the column headers in xlsx: below the event's name, the title and the date line."""


def _date_line(report: Report) -> str:
    parts = []
    if report.event_date:
        day = date.fromisoformat(report.event_date)
        parts.append(f"Ngày {day:%d/%m/%Y}")
    moment = datetime.fromisoformat(report.generated_at)
    parts.append(f"Số liệu lúc {moment:%H:%M} ngày {moment:%d/%m/%Y}")
    return " · ".join(parts)


def write_xlsx(report: Report, path: Path) -> None:
    """A formatted workbook: per sheet a title block naming the event, bold header row with
    filters, column widths from the content, panes frozen below the header, landscape printing
    one page wide with the header repeated."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for sheet in report.sheets:
        ws = book.create_sheet(_sheet_title(sheet.name))
        ncols = len(sheet.columns)
        last = get_column_letter(max(ncols, 1))
        for row, text, font in (
            (1, report.event_title.upper(), Font(bold=True, size=13)),
            (2, report.title, Font(bold=True, size=12)),
            (3, _date_line(report), Font(italic=True, size=10)),
        ):
            cell = ws.cell(row=row, column=1)
            _put(cell, text)
            cell.font = font
            cell.alignment = Alignment(horizontal="center")
            if ncols > 1:
                ws.merge_cells(f"A{row}:{last}{row}")
        for col, header in enumerate(sheet.columns, 1):
            cell = ws.cell(row=HEADER_ROW, column=col)
            _put(cell, header)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = border
        for r, values in enumerate(sheet.rows, HEADER_ROW + 1):
            for col, value in enumerate(values, 1):
                cell = ws.cell(row=r, column=col)
                _put(cell, value)
                cell.border = border
        for col, header in enumerate(sheet.columns, 1):
            longest = max([len(header)] + [len(str(row[col - 1] or "")) for row in sheet.rows])
            ws.column_dimensions[get_column_letter(col)].width = min(max(longest + 2, 6), 60)
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        if sheet.rows:
            ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(sheet.rows)}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = f"{report.title} — {report.event_title}"
    book.save(path)


def _put(cell: Any, value: Cell) -> None:
    """Write ``value`` so Excel shows it and never evaluates it: text is stored as text."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value == "" or value is None:
        return  # an empty cell, not an empty string
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # openpyxl would store "=…" as a formula otherwise
    else:
        cell.value = value


def _sheet_title(name: str) -> str:
    """An xlsx tab name: at most 31 characters, none of ``[]:*?/\\``."""
    cleaned = "".join(ch for ch in name if ch not in "[]:*?/\\").strip("'")
    return cleaned[:31] or "Sheet"


# ---------------------------------------------------------------- the higher-level list, back
@dataclass(frozen=True)
class Unmatched:
    """A row of the higher-level list that names nobody on the approved list, or several."""

    row: int
    """Row number in the file (1-based, as a spreadsheet shows it)."""
    text: str
    """What the row says (its name, or its id)."""
    reason: str
    """``no_match`` or ``ambiguous``."""


@dataclass(frozen=True)
class HigherLevelImport:
    """What reading the higher-level list did (or, in a dry run, would do)."""

    marked: tuple[int, ...]
    """Delegates newly marked as going to the higher-level congress."""
    already: int
    """Rows naming a delegate who was marked already."""
    unmatched: tuple[Unmatched, ...]
    """Rows that could not be matched to exactly one delegate."""


@dataclass(frozen=True)
class _ListHeader:
    """Where the higher-level list's header is, and what its columns are."""

    row: int
    """Row number of the (last) header row; 0 for a bare column without a header."""
    columns: tuple[Column, ...]


_HEADER_FIELDS = (None, "name", "_birth", "gender")
"""Header cells that may have a second header row below them (see find_header_rows)."""


def _names_or_ids(fields: list[str | None]) -> bool:
    """A higher-level header: a full-name column, family and given name columns, or a code."""
    return "name" in fields or fields.count("_name_part") >= 2 or "external_id" in fields


def _list_header(rows: list[Row]) -> _ListHeader | None:
    """The header of a higher-level list, found as the delegate import finds its own.

    Only a one-column list may go without a header (a bare column of names). In a wider file a
    row with a single filled cell is a title, never the header: "ĐẠI BIỂU DỰ ĐẠI HỘI CẤP TRÊN"
    reads as a name header otherwise.
    """
    texts = [(n, [clean(_cell_text(v)) for v in values]) for n, values in rows]
    wide = any(sum(1 for t in cells if t) > 1 for _, cells in texts)
    candidates = [
        (n, cells if not wide or sum(1 for t in cells if t) > 1 else []) for n, cells in texts
    ]
    found = find_header_rows(candidates, header_field, _names_or_ids, groups=_HEADER_FIELDS)
    if found is not None:
        return _ListHeader(found.row, tuple(map_columns(found.top, found.sub)))
    if wide:
        return None  # read_table raises import.no_header
    used = Counter(j for _, cells in texts for j, t in enumerate(cells) if t)
    column = used.most_common(1)[0][0] if used else 0  # the names may sit in column B
    return _ListHeader(0, (Column(column, "name", ""),))


def _cell_text(value: Any) -> str:
    """A raw cell as text: whole numbers without ".0" (an id typed as a number)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def import_higher_level(
    event: Event, path: str | os.PathLike[str], *, dry_run: bool = False
) -> HigherLevelImport:
    """Mark the delegates a list names as going to the higher-level congress.

    The list is what organizers send back: an xlsx or csv whose header row ("Họ và tên", or
    "Họ" and "Tên", optionally "Mã", "Đơn vị", "Năm sinh"; every variant the delegate import
    knows) may sit below a title block, or a bare column of names. A row matches like the
    delegate import: the list's "Mã" / "ID" (its code, else our own id), else name + unit + birth
    year compared accent-insensitively, else the name alone when exactly one delegate bears it.
    A number is an id only under such a header: a bare number may be a row number, and
    reading it as an id would mark the wrong person without a word. A wider file without a
    header we recognise raises ``import.no_header``. Rows naming nobody, or several, are
    reported and change nothing; sections are skipped and the signature block ends the list.
    Marks only add: unmarking is ``daihoi higher-level unmark``.
    """
    table = read_table(
        Path(path), merged=False, csv_suffixes=(".csv", ".txt"), has_header=_list_header
    )
    header = table.header
    assert header is not None  # read_table raised import.no_header otherwise
    cols = header.columns
    name_cols = [c for c in cols if c.field == "name"] or [
        c for c in cols if c.field == "_name_part"
    ]
    id_col = next((c.index for c in cols if c.field == "external_id"), None)
    unit_col = next((c.index for c in cols if c.field == "unit"), None)
    birth_cols = [c.index for c in cols if c.field == "_birth"]

    people = delegates_mod.all_delegates(event)
    by_external = {d.external_id: d for d in people if d.external_id}
    by_id = {d.id: d for d in people}
    # Lists, not single delegates: two namesakes with the same key are ambiguous, never a pick.
    by_key: dict[str, list[delegates_mod.Delegate]] = {}
    by_name: dict[str, list[delegates_mod.Delegate]] = {}
    for d in people:
        by_key.setdefault(delegates_mod.match_key(d.name, d.unit, d.birth_year), []).append(d)
        by_name.setdefault(fold(d.name), []).append(d)

    chosen: dict[int, None] = {}
    already = 0
    unmatched: list[Unmatched] = []
    for number, values in table.rows:
        if number <= header.row:
            continue
        texts = [clean(_cell_text(v)) for v in values]
        filled = [t for t in texts if t]
        if not filled:
            continue
        name = join_name(texts, name_cols)
        ident = texts[id_col] if id_col is not None and id_col < len(texts) else ""
        if is_signature(name, filled):
            break  # "NGƯỜI LẬP BIỂU", "KT. CHỦ TỊCH": the signers are not on the list
        found: list[delegates_mod.Delegate] = []
        if ident:
            hit = by_external.get(ident) or (by_id.get(int(ident)) if ident.isdigit() else None)
            found = [hit] if hit else []
        if not found and name:
            unit = texts[unit_col] if unit_col is not None and unit_col < len(texts) else ""
            year = next(
                (
                    int(m.group())
                    for i in birth_cols
                    if i < len(texts)
                    if (m := _YEAR.search(texts[i]))
                ),
                None,
            )
            key = delegates_mod.match_key(name, unit, year)
            found = by_key.get(key) or by_name.get(fold(name), [])
        if len(found) == 1:
            if found[0].higher_level:
                already += 1
            else:
                chosen[found[0].id] = None
            continue
        if not found and len(set(filled)) == 1 and is_section(filled[0], "", False):
            continue  # a section row: "I. KHỐI CÁC SỞ", "Đoàn huyện Đại Từ"
        if not found and not ident and header.row and not any(_has_letter(t) for t in filled):
            continue  # numbers only: a numbering row "(1) (2) (3)", an STT without a name
        text = name or ident or next((t for t in filled if _has_letter(t)), filled[0])
        unmatched.append(Unmatched(number, text, "ambiguous" if found else "no_match"))

    marked = tuple(chosen)
    if marked and not dry_run:
        now = stamp(event.now())
        with event.write():
            event.conn.executemany(
                "update delegates set higher_level = 1, updated_at = ? where id = ?",
                [(now, i) for i in marked],
            )
            event.journal(
                "delegates.higher_level_imported",
                {"marked": list(marked), "source": Path(path).name},
            )
    if not dry_run:
        remember_input(event, path, "higher-level")
    return HigherLevelImport(marked, already, tuple(unmatched))
