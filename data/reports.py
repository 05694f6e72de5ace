"""The organizers' reports: one function per kind, each ``event -> Report``.

Each kind (``attendance``, ``absent``, ``composition``, ``honours``, ``programme``, ``journal``,
``higher-level``) builds a :class:`Report`: a title and a list of sheets, each a name, its
column headers and its rows. Figures come from :mod:`data.stats`, the same ones the dashboard
shows. :mod:`data.report_writers` turns a report into a file; :func:`data.export.export` does
both.

Headers, sheet names and titles are plain Vietnamese constants: these are Vietnamese documents,
and tests and organizers' macros rely on the headers staying exactly as they are.

Personal data goes only where it is needed: phone numbers in ``absent`` (the organizers call
them), exact birth dates nowhere.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from . import delegates as delegates_mod
from . import stats as stats_mod
from .errors import DaihoiError
from .store import Event, stamp
from .text import collate

Cell = str | int | None
"""What a report cell holds: text, a whole number, or nothing."""


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
REASON = "Lý do"
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
EXCUSED_COLUMNS = (*ABSENT_COLUMNS, REASON)
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


def hhmmss(value: str | None) -> str:
    """``2025-09-20T08:12:03.000+07:00`` → ``08:12:03``; "" for None."""
    return value[11:19] if value else ""


def when(value: str | None) -> str:
    """A stored stamp as people read it: ``2025-09-20T08:12:03.000+07:00`` → ``20/09/2025 08:12:03``."""
    if not value:
        return ""
    return f"{value[8:10]}/{value[5:7]}/{value[0:4]} {value[11:19]}"


def _by_delegation(found: list[delegates_mod.Delegate]) -> list[delegates_mod.Delegate]:
    """Delegation by delegation (Vietnamese order), names in Vietnamese order within each.

    ``found`` comes from :func:`data.delegates.all_delegates`, already in name order: a stable
    sort by delegation keeps that order within each delegation.
    """
    order = {name: collate(name) for name in {d.delegation for d in found}}  # a few dozen
    return sorted(found, key=lambda d: order[d.delegation])


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
    """Who is not present in the session (the current one, or the one
    :func:`data.sessions.viewing` shows), by delegation, split as organizers read it out
    (:func:`data.sessions.absent_lists`): "chưa đến", those nobody has word from, with phone
    numbers to call; then "vắng có lý do", each with the reason recorded."""
    from .sessions import absent_lists

    lists = absent_lists(event)
    reasons = dict(lists.excused)
    missing = set(lists.not_arrived)
    everyone = delegates_mod.all_delegates(event)

    not_arrived = _by_delegation([d for d in everyone if d.id in missing])
    excused = _by_delegation([d for d in everyone if d.id in reasons])
    rows = tuple(
        (n, d.delegation, d.name, d.unit, d.position, d.category, d.seat, d.phone)
        for n, d in enumerate(not_arrived, 1)
    )
    with_reason = tuple(
        (n, d.delegation, d.name, d.unit, d.position, d.category, d.seat, d.phone, reasons[d.id])
        for n, d in enumerate(excused, 1)
    )
    return _report(
        event,
        "absent",
        "DANH SÁCH ĐẠI BIỂU CHƯA CÓ MẶT",
        [
            Sheet(NOT_ARRIVED_SHEET, ABSENT_COLUMNS, rows),
            Sheet(EXCUSED_SHEET, EXCUSED_COLUMNS, with_reason),
        ],
    )


NOT_ARRIVED_SHEET = "Chưa đến"
"""The absent report's first sheet (the only one in csv): not present, no reason given."""
EXCUSED_SHEET = "Vắng có lý do"
"""The absent report's second sheet: a justified absence, with its reason."""


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
