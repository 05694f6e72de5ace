"""Guests (khách mời): who they are, their protocol rank and side, read and edited.

A guest is a delegate whose category says so ("Khách mời", "Đại biểu khách mời", compared
folded, so "KHACH MOI" is one too), whose kind of delegate does, or who came from a guest list
(``daihoi import guests``: :func:`import_guests`). Each carries what protocol needs: a rank
from the list ("Thứ tự lễ tân"; a guest list without one is ranked in its own order), the side
they come from ("Về phía Trung ương") and the day they took office. The order in which the MC
introduces them is decided in :mod:`programme.protocol`; this module only reads and writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import delegates
from .errors import DaihoiError
from .store import Event, stamp
from .text import fold

if TYPE_CHECKING:
    from .importing import ImportReport

GUEST_WORDS = ("khach moi", "khach quy")
"""Folded words of a category (or kind of delegate) that make a delegate a guest."""


def is_guest_text(text: str) -> bool:
    """Whether a category such as "Đại biểu khách mời" names guests."""
    folded = fold(text)
    return any(word in folded for word in GUEST_WORDS)


@dataclass(frozen=True)
class Guest:
    """One guest as protocol sees them."""

    delegate_id: int
    name: str
    """Exactly as on the list (NFC)."""
    honorific: str
    """Titles typed before the name ("Đại tá", "Bà", "Hòa thượng"), used to address them."""
    position: str
    """Chức vụ, read after the name ("đồng chí …, Phó Chủ tịch UBND tỉnh")."""
    unit: str
    side: str
    """The side they come from ("Về phía Trung ương", "Tỉnh ủy"); "" when the list says none."""
    rank: int | None
    """Protocol rank (1 first); None when neither the list nor the organizers gave one."""
    appointed: str
    """``YYYY-MM-DD`` or ``YYYY`` they took office, "" when unknown (among equals, earlier first)."""
    birth_year: int | None
    birth_date: str | None
    category: str
    delegation: str
    seat: str
    source_file: str
    source_row: int | None
    arrived_at: str | None
    """When they were checked in; None while they have not arrived."""

    @property
    def present(self) -> bool:
        return self.arrived_at is not None

    def public(self) -> dict[str, Any]:
        return {
            "id": self.delegate_id,
            **{k: v for k, v in asdict(self).items() if k != "delegate_id"},
        }


def _has_column(event: Event, table: str, column: str) -> bool:
    return any(row[1] == column for row in event.conn.execute(f"pragma table_info({table})"))


def all_guests(event: Event) -> list[Guest]:
    """Every approved guest, in the order of the lists they came from (file, row, id)."""
    # The kind of delegate ("khách mời") is a column of trích ngang lists when present.
    kind = "d.delegate_kind" if _has_column(event, "delegates", "delegate_kind") else "''"
    rows = event.conn.execute(
        "select d.id, d.name, d.honorific, d.position, d.unit, d.side, d.protocol_rank,"
        " d.appointed, d.birth_year, d.birth_date, d.category, d.delegation, d.seat,"
        f" d.source_file, d.source_row, a.checked_in_at, d.guest, {kind}"
        " from delegates d left join attendance a on a.delegate_id = d.id"
        " where d.status = 'approved'"
        " order by d.source_file, d.source_row, d.id"
    )
    found = []
    for *values, from_guest_list, delegate_kind in rows:
        category = values[10]
        if from_guest_list or is_guest_text(category) or is_guest_text(delegate_kind):
            found.append(Guest(*values))
    return found


def get(event: Event, delegate_id: int) -> Guest:
    """The guest with this delegate id; refused (``guests.not_guest``) for anyone else."""
    for guest in all_guests(event):
        if guest.delegate_id == delegate_id:
            return guest
    row = event.conn.execute("select name from delegates where id = ?", (delegate_id,)).fetchone()
    if row is None:
        raise DaihoiError("delegate.unknown", id=delegate_id)
    raise DaihoiError("guests.not_guest", id=delegate_id, name=row[0])


def set_rank(event: Event, delegate_id: int, rank: int | None) -> Guest:
    """Give a guest a protocol rank (None: none), committed with its journal row."""
    if rank is not None and rank < 1:
        raise DaihoiError("guests.bad_rank", rank=rank)
    with event.write():
        old = get(event, delegate_id)
        # updated_at too: merging desk copies carries delegates over by updated_at.
        event.conn.execute(
            "update delegates set protocol_rank = ?, updated_at = ? where id = ?",
            (rank, stamp(event.now()), delegate_id),
        )
        event.journal("guest.rank", {"delegate_id": delegate_id, "from": old.rank, "to": rank})
    return get(event, delegate_id)


def set_side(event: Event, delegate_id: int, side: str) -> Guest:
    """Set the side a guest is introduced under ("Về phía tỉnh"), with its journal row."""
    side = " ".join(side.split())
    with event.write():
        old = get(event, delegate_id)
        event.conn.execute(
            "update delegates set side = ?, updated_at = ? where id = ?",
            (side, stamp(event.now()), delegate_id),
        )
        event.journal("guest.side", {"delegate_id": delegate_id, "from": old.side, "to": side})
    return get(event, delegate_id)


GUEST_CATEGORY = "Khách mời"
"""The category a guest list's row gets when it names none."""


def mark_guest_list(records: list[dict[str, Any]], new: Sequence[bool] | None = None) -> None:
    """Mark a guest list's rows as guests; a list without any rank is ranked in its own order
    (the order organizers typed it in is the order they want them read).

    ``new`` says which rows are new to the event (all of them when not given): only those are
    ranked so, and a guest read again from a list with no rank keeps the rank they have,
    perhaps one the organizers set (:func:`set_rank`) after the first import."""
    ranked = any(r.get("protocol_rank") is not None for r in records)
    for order, record in enumerate(records, start=1):
        record["guest"] = 1
        if not record.get("category"):
            record["category"] = GUEST_CATEGORY
        if not ranked and (new is None or new[order - 1]):
            record["protocol_rank"] = order


def import_guests(
    event: Event, path: str | Path, *, sheet: str | None = None, dry_run: bool = False
) -> ImportReport:
    """Import a guest list: a delegate list (:func:`data.importing.import_delegates`, same
    columns, same checks) whose rows are all guests. Returns its ImportReport."""
    from .importing import import_delegates

    def prepare(records: list[dict[str, Any]]) -> None:
        # Which rows the event already has, matched as the import will match them.
        outcomes = delegates.upsert(event, records, dry_run=True).outcomes
        mark_guest_list(records, [o == "added" for o in outcomes])

    return import_delegates(event, path, sheet=sheet, dry_run=dry_run, prepare=prepare)
