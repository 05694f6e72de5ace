"""Reading the higher-level list back: the organizers' list of the delegates going on to the
higher-level congress marks them (``daihoi import higher-level``).

It reads the list as the delegate import (:mod:`data.importing`) reads its own: the same
header words, sections and signature block.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import delegates as delegates_mod
from .importing import (  # the delegate list's row shapes
    Column,
    header_field,
    is_section,
    is_signature,
    join_name,
    map_columns,
)
from .outputs import remember_input
from .sheets import Row, find_header_rows, read_table
from .store import Event, stamp
from .text import clean, fold


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
