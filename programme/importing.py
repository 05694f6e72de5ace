"""``daihoi import programme FILE``: the running order from the organizers' spreadsheet.

Columns (in any order, header names in their usual variants): order, title, minutes, performer,
notes; optionally a start time (fixed start) and cues for the technical desk. Title blocks above
the header are tolerated like in the delegate import. An order like ``5.1`` makes the row a child
of item ``5`` (the speeches of "tham luận"). A performer whose name matches exactly one delegate
(accents and case ignored) becomes that delegate, so the MC screen shows their presence.

A bare "Thời gian" column is not the minutes: in Vietnamese scripts it holds the clock
("7h30 - 7h35"), and such a range gives the item's minutes when the list has no minutes column.
Minutes come from "Thời lượng", "Số phút", "Thời gian (phút)"…; a clock time there, or a cell
without a number, skips the row and names the column. A number that is not a duration ("-5",
"1e9", "2,5", "0" on an item without children, more minutes than the MC screen accepts) refuses
the whole file, naming the cell: reading "-5" as 5 minutes, or dropping the item, would both
give the MC a running order the organizers did not write. A list with neither column is
refused: a running order without durations cannot be timed. So is a list where most rows that
look like items cannot be read: replacing a 15-item programme with the 2 rows we could read
would be worse than keeping the old one.

The import replaces the whole running order, so it is refused once any item has started:
during the event, the MC screen's operations change it, each one a journal entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data import sheets
from data.errors import DaihoiError
from data.outputs import remember_input
from data.sheets import Skipped
from data.store import Event, stamp
from data.text import clean, fold, header_key

from .running import MAX_MINUTES
from .template import FLAG_SALUTE, SPEECHES, VOTE_HIGHER

HEADERS = {
    "order": {"stt", "tt", "so", "sott", "thutu", "order", "no"},
    "title": {"noidung", "tieude", "chuongtrinh", "noidungchuongtrinh", "title", "item"},
    "minutes": {
        "phut",
        "sophut",
        "thoiluong",
        "thoiluongphut",
        "thoigianphut",
        "minutes",
        "duration",
    },
    "performer": {
        "nguoithuchien",
        "nguoitrinhbay",
        "thuchien",
        "trinhbay",
        "nguoiphutrach",
        "performer",
        "by",
    },
    "notes": {"ghichu", "notes", "note", "loidanmc", "mc"},
    "tech": {"kythuat", "kithuat", "amthanhanhsang", "tech", "technical"},
    "start": {"giobatdau", "batdau", "codinh", "start", "fixedstart"},
    "clock": {"thoigian", "gio", "time"},
}

ROLES = [
    ("chao co", FLAG_SALUTE),
    ("thong qua danh sach dai bieu di du", VOTE_HIGHER),
    ("tham luan", SPEECHES),
]

_ORDER = re.compile(r"^\s*(\d+)(?:[.,](\d+))?\.?\s*$")
_MINUTES = re.compile(r"(\d+)")
_PLAIN_MINUTES = re.compile(r"^(\d+)\s*(?:phut|ph|p|'|’|min|mins|minute|minutes)?\.?$")
"""A duration as people type one, folded: "5", "05", "5 phút", "5'", "5p", "15 min"."""
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:hg]\s*(\d{2})\s*$")
_CLOCK = re.compile(r"\d\s*[:hg]\s*\d{2}|\d\s*[-–—]\s*\d", re.IGNORECASE)
"""A clock time ("7h30", "07:30", "7g30") or a range ("7h30 - 7h35", "5-7"): not a duration.
Reading its first number as minutes would give every item 7 minutes without a word."""
_RANGE = re.compile(
    r"^\s*(\d{1,2})\s*[:hg]\s*(\d{2})?\s*[-–—]\s*(\d{1,2})\s*[:hg]\s*(\d{2})?\s*$", re.IGNORECASE
)
"""A clock range in a "Thời gian" column: "7h30 - 7h35", "07:30–07:50", "8h - 8h15"."""


@dataclass(frozen=True)
class Row:
    """One item read from the file."""

    row: int
    order: str
    parent_order: str | None
    title: str
    minutes: int
    performer: str
    delegate_id: int | None
    notes: str
    tech: str
    fixed_start: str | None

    def public(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "order": self.order,
            "title": self.title,
            "minutes": self.minutes,
            "performer": self.performer,
            "delegate_id": self.delegate_id,
        }


@dataclass(frozen=True)
class ImportResult:
    items: list[Row]
    """The items read, in order."""
    skipped: list[Skipped]
    """Rows that look like items but could not be read, with why."""
    warnings: list[Skipped] = field(default_factory=list)
    """Cells read with control characters removed (``limits.control_chars``)."""


def read_rows(path: Path) -> list[list[Any]]:
    """The cells of the active sheet (xlsx) or of the CSV (:func:`data.sheets.read_table`).

    Merged ranges are left as stored: a section title merged across the table stays one cell,
    so it is not read as an item with a title and a duration.
    """
    return [list(values) for _, values in _read(path).rows]


def _read(path: Path) -> sheets.Table[None]:
    return sheets.read_table(path, merged=False, csv_suffixes=(".csv", ".txt"))


def _find_header(rows: list[list[Any]], path: Path) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(rows[:20]):
        columns: dict[str, int] = {}
        for col, cell in enumerate(row):
            key = header_key(cell)
            for name, variants in HEADERS.items():
                if key in variants and name not in columns:
                    columns[name] = col
        if "title" in columns and ("minutes" in columns or "order" in columns):
            if "minutes" not in columns and "clock" not in columns:
                raise DaihoiError("programme.import.no_minutes", row=index + 1)
            return index, columns
    raise DaihoiError("programme.import.no_header", path=str(path))


def _minutes(raw: Any, text: str) -> int | None:
    """A duration cell's whole minutes, or None when it is not a plain number of minutes."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() and abs(raw) < 1e6 else None
    plain = _PLAIN_MINUTES.match(fold(text))
    return int(plain.group(1)) if plain else None


def parse(event: Event, path: Path) -> ImportResult:
    """The items of the file at ``path``; refuses (:class:`DaihoiError`) a duration that is not
    one and a file whose rows are mostly unreadable (nothing is written here)."""
    table = _read(path)
    rows = [list(values) for _, values in table.rows]
    header, columns = _find_header(rows, path)
    names: dict[str, list[int]] = {}
    for delegate_id, name in event.conn.execute(
        "select id, name from delegates where status = 'approved'"
    ):
        names.setdefault(fold(name), []).append(delegate_id)

    def cell(row: list[Any], name: str) -> Any:
        col = columns.get(name)
        return row[col] if col is not None and col < len(row) else None

    def heading(name: str) -> str:
        """The header cell as the user wrote it ("Số phút"), so a skipped row names it."""
        return clean(cell(rows[header], name))

    def refuse_minutes(number: int, value: str, column: str) -> DaihoiError:
        return DaihoiError(
            "limits.minutes",
            file=str(path),
            row=number,
            column=column,
            value=value,
            max=MAX_MINUTES,
        )

    items: list[Row] = []
    skipped: list[Skipped] = []
    zero: dict[str, DaihoiError] = {}  # order → the refusal if the item has no children
    for number, row in enumerate(rows[header + 1 :], start=header + 2):
        title = clean(cell(row, "title"))
        order_text = clean(cell(row, "order"))
        if not title:
            continue  # blank lines, footers, signatures
        if header_key(title) in HEADERS["title"] or title.isdigit() and not order_text:
            continue  # a second header row, or the row numbering the columns
        raw_minutes = cell(row, "minutes")
        minutes_cell = clean(raw_minutes)
        source, source_column = minutes_cell, "minutes"  # what a refusal quotes
        if not minutes_cell and "minutes" not in columns:
            clock_cell = clean(cell(row, "clock"))
            span = _RANGE.match(clock_cell)
            if clock_cell and not span:
                key = "programme.import.no_range"
                skipped.append(Skipped(number, key, {"value": clock_cell}, heading("clock")))
                continue
            if span:
                h1, m1, h2, m2 = (int(g or 0) for g in span.groups())
                minutes_cell = raw_minutes = str((h2 * 60 + m2 - h1 * 60 - m1) % (24 * 60))
                source, source_column = clock_cell, "clock"
        found = _MINUTES.search(minutes_cell)
        if not minutes_cell and not order_text:
            continue  # a section title inside the table
        if minutes_cell and (not found or _CLOCK.search(minutes_cell)):
            key = "programme.import.clock_minutes" if found else "programme.import.bad_minutes"
            skipped.append(Skipped(number, key, {"value": minutes_cell}, heading("minutes")))
            continue
        minutes = 0  # no duration: a group's time is its children's
        if minutes_cell:
            read = _minutes(raw_minutes, minutes_cell)
            # The MC screen's limit too: an import may not exceed it.
            if read is None or not 0 <= read <= MAX_MINUTES:
                raise refuse_minutes(number, source, heading(source_column))
            minutes = read
        parent_order = None
        match = _ORDER.match(order_text) if order_text else None
        if match and match.group(2):
            parent_order = match.group(1)
            if parent_order not in [r.order for r in items if r.parent_order is None]:
                skipped.append(
                    Skipped(
                        number,
                        "programme.import.no_parent",
                        {"order": order_text},
                        heading("order"),
                    )
                )
                continue
            order = f"{match.group(1)}.{match.group(2)}"
        else:
            order = match.group(1) if match else str(len(items) + 1)
        start_cell = clean(cell(row, "start"))
        fixed = None
        if start_cell:
            t = _TIME.match(start_cell)
            if not t or int(t.group(1)) > 23 or int(t.group(2)) > 59:
                skipped.append(
                    Skipped(
                        number, "programme.import.bad_time", {"value": start_cell}, heading("start")
                    )
                )
                continue
            fixed = f"{int(t.group(1)):02d}:{t.group(2)}"
        if minutes_cell and minutes == 0:  # only a group may take no time of its own
            zero[order] = refuse_minutes(number, source, heading(source_column))
        performer = clean(cell(row, "performer"))
        matches = names.get(fold(performer), []) if performer else []
        items.append(
            Row(
                row=number,
                order=order,
                parent_order=parent_order,
                title=title,
                minutes=minutes,
                performer=performer,
                delegate_id=matches[0] if len(matches) == 1 else None,
                notes=clean(cell(row, "notes")),
                tech=clean(cell(row, "tech")),
                fixed_start=fixed,
            )
        )
    parents = {r.parent_order for r in items}
    for order, refusal in zero.items():
        if order not in parents:
            raise refusal
    if 2 * len(skipped) > len(items) + len(skipped):
        first = skipped[0]
        raise DaihoiError(
            "limits.programme_unreadable",
            file=str(path),
            bad=len(skipped),
            total=len(items) + len(skipped),
            row=first.row,
            column=first.column,
        )
    headers = rows[header]
    return ImportResult(items, skipped, sheets.name_columns(table.warnings, headers))


def import_programme(event: Event, file: str | Path, *, dry_run: bool = False) -> ImportResult:
    """Replace the running order with the file's; refused once any item has started."""
    path = Path(file)
    result = parse(event, path)
    if not result.items:
        raise DaihoiError("programme.import.empty", path=str(path))
    with event.write():
        if event.conn.execute("select 1 from programme_runs limit 1").fetchone():
            raise DaihoiError("programme.import.started")
        if dry_run:
            return result
        event.conn.execute("delete from programme_items where parent_id is not null")
        event.conn.execute("delete from programme_items")
        now = stamp(event.now())
        ids: dict[str, int] = {}
        positions: dict[str | None, int] = {}
        for r in result.items:
            parent = ids[r.parent_order] if r.parent_order else None
            positions[r.parent_order] = positions.get(r.parent_order, 0) + 1
            role = next((role for words, role in ROLES if words in fold(r.title)), "")
            ids[r.order] = event.insert(
                "programme_items",
                {
                    "parent_id": parent,
                    "position": positions[r.parent_order],
                    "role": role if parent is None else "",
                    "title": r.title,
                    "minutes": r.minutes,
                    "performer": r.performer,
                    "delegate_id": r.delegate_id,
                    "notes": r.notes,
                    "tech": r.tech,
                    "fixed_start": r.fixed_start,
                    "state": "pending",
                    "created_at": now,
                },
            )
        event.journal(
            "programme.imported",
            {"file": path.name, "items": len(result.items), "skipped": len(result.skipped)},
        )
        remember_input(event, path, "programme")
    return result
