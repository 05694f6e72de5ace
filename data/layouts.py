"""Column layouts the organizer mapped by hand, remembered for the next list of the same shape.

Most lists are read by their header alone (:func:`data.importing.header_field`). When a header
is not recognized ("Tên cán bộ", "Nơi ở"), or a column was guessed wrong, the organizer maps
columns to fields in the console's import preview. The mapping is a :class:`ColumnMap`, kept
in the event file under the header's own texts (:func:`layout_key`): the next import of a list
whose header reads the same uses it, from the console or from ``daihoi import delegates``,
before any guess.

A layout is remembered in one write with its journal row (``layout.remembered``), like every
change of state.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .store import Event, stamp
from .text import header_key

FIELDS = (
    "name",
    "_name_part",
    "gender",
    "_birth",
    "unit",
    "position",
    "delegation",
    "category",
    "seat",
    "phone",
    "external_id",
    "ethnicity",
    "religion",
    "_stt",
    "_male",
    "_female",
)
"""What a column can be mapped to, in the order the console offers them: a delegate field, or
one of the importer's own column kinds (``_name_part`` a part of a split name, "Họ" / "Tên";
``_birth`` a birth year or date; ``_stt`` the row number; ``_male`` / ``_female`` a tick or
year column under "Nam" / "Nữ"). A column mapped to nothing is not read."""


@dataclass(frozen=True)
class ColumnMap:
    """Which field each column of one header layout holds."""

    header: tuple[str, ...]
    """Each column's header text as written (a two-row header's texts joined, "Năm sinh Nam");
    the layout's key is made of these (:func:`layout_key`)."""
    fields: Mapping[int, str]
    """0-based column → field (one of :data:`FIELDS`); columns absent are not read."""
    header_rows: int = 1
    """How many rows the header takes (1, or 2 for a header with a row of sub-headers)."""

    @property
    def key(self) -> str:
        return layout_key(self.header)

    def with_field(self, column: int, field: str | None) -> ColumnMap:
        """This map with ``column`` holding ``field`` (None: not read)."""
        fields = {j: f for j, f in self.fields.items() if j != column}
        if field:
            fields[column] = field
        return ColumnMap(self.header, dict(sorted(fields.items())), self.header_rows)


def layout_key(texts: Sequence[str]) -> str:
    """A header's texts reduced for comparing layouts: letters and digits of each column, case
    and accents ignored ("HỌ VÀ TÊN" and "Họ và tên" are one layout), blank columns on the right
    dropped; "" for a blank row, which is no layout."""
    keys = [header_key(t) for t in texts]
    while keys and not keys[-1]:
        keys.pop()
    return "|".join(keys) if any(keys) else ""


def combined(rows: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """The header text of each column of a header of one or more rows: a column's texts top to
    bottom, a text repeated below (a vertical merge, filled by the reader) kept once."""
    width = max((len(r) for r in rows), default=0)
    out = []
    for j in range(width):
        parts: list[str] = []
        for r in rows:
            text = r[j] if j < len(r) else ""
            if text and text not in parts:
                parts.append(text)
        out.append(" ".join(parts))
    return tuple(out)


def find(
    texts: Sequence[tuple[int, Sequence[str]]], known: Mapping[str, ColumnMap]
) -> tuple[int, int, ColumnMap] | None:
    """The first header among ``texts`` (row number, cleaned cell texts of each row, from the
    top) that is a layout of ``known``: (first header row, last header row, its map), else
    None."""
    if not known:
        return None
    for i, (number, _cells) in enumerate(texts):
        for rows in (2, 1):
            if i + 1 < rows:
                continue
            block = [c for _, c in texts[i + 1 - rows : i + 1]]
            found = known.get(layout_key(combined(block)))
            if found is not None and found.header_rows == rows:
                return texts[i + 1 - rows][0], number, found
    return None


def remembered(event: Event) -> dict[str, ColumnMap]:
    """Every layout this event remembers, by key; empty for a file opened read-only before the
    table existed."""
    try:
        rows = event.conn.execute(
            "select key, header, header_rows, fields from column_layouts"
        ).fetchall()
    except sqlite3.OperationalError:
        return {}
    return {
        key: ColumnMap(
            tuple(json.loads(header)),
            {int(j): f for j, f in json.loads(fields).items()},
            int(header_rows),
        )
        for key, header, header_rows, fields in rows
    }


def remember(event: Event, layout: ColumnMap) -> None:
    """Keep ``layout`` for the next list of the same header (replacing an older mapping of it),
    with its journal row. A map that reads no name is refused: no list is readable with it."""
    from .errors import DaihoiError

    if not layout.key:
        raise DaihoiError("layouts.blank_header")
    if not any(f in ("name", "_name_part") for f in layout.fields.values()):
        raise DaihoiError("layouts.no_name")
    header = json.dumps(list(layout.header), ensure_ascii=False)
    fields = json.dumps({str(j): f for j, f in sorted(layout.fields.items())}, ensure_ascii=False)
    with event.write():
        event.conn.execute(
            "insert into column_layouts (key, header, header_rows, fields, saved_at)"
            " values (?, ?, ?, ?, ?) on conflict (key) do update set header = excluded.header,"
            " header_rows = excluded.header_rows, fields = excluded.fields,"
            " saved_at = excluded.saved_at",
            (layout.key, header, layout.header_rows, fields, stamp(event.now())),
        )
        event.journal(
            "layout.remembered",
            {"key": layout.key, "header": list(layout.header), "fields": json.loads(fields)},
        )
