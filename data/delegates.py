"""Delegates: the approved list, as imported, with their current badge code and arrival.

A delegate row is the approved list's row, cleaned (names in NFC, exact spelling). Re-imports
update it in place; nothing here deletes a delegate, because check-ins, honours and journal rows
point at it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from .errors import DaihoiError
from .schema_sessions import CURRENT_SESSION, PROFILE_FIELDS
from .store import Event, stamp
from .text import fold, name_sort_key, tone_placement

PERSON_FIELDS = (
    "name",
    "honorific",
    "role",
    "name_original",
    "gender",
    "birth_year",
    "birth_date",
    "ethnicity",
    "religion",
    "position",
    "unit",
    "delegation",
    "category",
    "seat",
    "phone",
    "external_id",
    "side",
    "protocol_rank",
    "appointed",
    "guest",
    *PROFILE_FIELDS,
)
"""Fields a delegate list can carry, in the order reports show them. Then four are a
guest's protocol (:mod:`data.guests`): side ("Về phía tỉnh"), rank, appointment date, and
1 when the row came from a guest list; the last are the profile the report on delegates
present reads (:data:`data.schema_sessions.PROFILE_FIELDS`)."""


def match_key(name: str, unit: str, birth_year: int | None, delegation: str = "") -> str:
    """How a re-imported row finds its delegate when the list has no external id.

    The name is compared as the person's name alone (:func:`data.names.split_name`: no
    honorific, no role note, invisible characters gone, ALL CAPS re-cased) and exact in NFC but
    for letter case: "Bà NGUYỄN THỊ THÚY (Trưởng đoàn)" is "Nguyễn Thị Thúy", but "Nguyễn Thị
    Thủy" of the same unit and year is another person, so the name is never folded. Unit and
    delegation are folded (accents, case, spacing): a unit's spelling is not a person. A list
    with neither unit nor birth year gives only the name, and namesakes are common ("Nguyễn
    Văn Hùng" in two districts): then the delegation is part of the key, so two people are
    never merged into one (a moved delegate comes in as new).
    """
    key = f"{name_key(name)}|{fold(unit)}|{birth_year or ''}"
    if not unit and not birth_year and delegation:
        key += f"|{fold(delegation)}"
    return key


@lru_cache(maxsize=1 << 16)  # pure; match_key asks it for every row and every delegate
def name_key(name: str) -> str:
    """The name as :func:`match_key` compares it: split, exact NFC, lower case, one tone
    placement ("Thúy" and "Thuý" are one spelling of one name; "Thủy" is another name)."""
    from .names import split_name  # here: its title patterns cost a reader's start 8 ms

    return tone_placement(split_name(name).name).lower()


def _loose_key(name: str, unit: str, birth_year: int | None, delegation: str) -> str:
    """:func:`match_key` with the name folded: a name typed without any accent ("Nguyen Thi
    Hoa") is the same person once its accents are added, and only then (see :func:`upsert`)."""
    from .names import split_name

    return match_key(fold(split_name(name).name), unit, birth_year, delegation)


class _SortKey:
    """:attr:`Delegate.sort_key`, computed from the name the first time it is read.

    Collation costs about 80 µs a name: the list, the search index and the exports sort by it,
    but a desk judging a scan (:func:`get`) never does, so it is not paid there. A dataclass
    field whose default is a descriptor: ``Delegate(..., sort_key=key)`` still sets it.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}"

    def __get__(self, obj: object, objtype: type | None = None) -> tuple[str, ...]:
        if obj is None:
            return ()  # the field's default: not computed yet
        found: tuple[str, ...] = obj.__dict__.get(self.slot, ())
        if not found:
            found = name_sort_key(obj.name)  # type: ignore[attr-defined]
            obj.__dict__[self.slot] = found
        return found

    def __set__(self, obj: object, value: tuple[str, ...] | _SortKey) -> None:
        # The dataclass passes the field's default, this descriptor itself, when none is given.
        obj.__dict__[self.slot] = () if isinstance(value, _SortKey) else value


@dataclass(frozen=True)
class Delegate:
    """One person on the approved list, with where they are at now."""

    id: int
    """Row id in the event file; stable across re-imports."""
    name: str
    """Full name exactly as written on the list (NFC)."""
    gender: str = ""
    """"Nam", "Nữ" or ""."""
    birth_year: int | None = None
    birth_date: str | None = None
    """``YYYY-MM-DD`` when the list gives a full date (personal: only in exports that need it)."""
    ethnicity: str = ""
    religion: str = ""
    position: str = ""
    """Chức vụ / chức danh."""
    unit: str = ""
    """Đơn vị công tác."""
    delegation: str = ""
    """Đoàn / khối the delegate arrives and sits with."""
    category: str = ""
    """Thành phần: Anh hùng, Chiến sĩ thi đua toàn quốc, Điển hình tiên tiến, Khách mời …"""
    seat: str = ""
    phone: str = ""
    external_id: str | None = None
    """The list's own id ("Mã"), when it has one."""
    source_file: str = ""
    source_row: int | None = None
    status: str = "approved"
    """``approved`` or ``withdrawn`` (dropped from a corrected list; kept for history)."""
    higher_level: bool = False
    """Chosen to attend the higher-level congress."""
    code: str | None = None
    """The current (unrevoked) badge code, if one was issued."""
    checked_in_at: str | None = None
    checked_in_desk: str | None = None
    honorific: str = ""
    """Titles typed before the name on the list ("Đại tá", "Bà", "GS.TS."), kept apart."""
    role: str = ""
    """The note typed after the name ("Trưởng đoàn", "*"), kept apart."""
    name_original: str = ""
    """The name cell as typed when the name came in ALL CAPS and is stored re-cased, else ""."""
    sort_key: tuple[str, ...] = field(default=_SortKey(), repr=False, compare=False)  # type: ignore[arg-type]
    """Vietnamese name order (:func:`data.text.name_sort_key`), computed when first read."""

    def public(self) -> dict[str, Any]:
        """The delegate as the command line's JSON prints it."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "sort_key"}


_CURRENT_CODE = """(select c.code from codes c where c.delegate_id = d.id and c.revoked_at is null
 order by c.version desc limit 1)"""

_COLUMNS = f"""
d.id, d.name, d.gender, d.birth_year, d.birth_date, d.ethnicity, d.religion, d.position,
d.unit, d.delegation, d.category, d.seat, d.phone, d.external_id, d.source_file,
d.source_row, d.status, d.higher_level, d.honorific, d.role, d.name_original,
{_CURRENT_CODE} as code,
a.checked_in_at, a.desk
"""
"""What :func:`_from_row` reads: the delegate, their current code, their arrival."""

_SELECT = f"select {_COLUMNS} from delegates d left join attendance a on a.delegate_id = d.id"

_HOLDER = (
    "select b.issued_at, b.revoked_at, "
    + _COLUMNS.replace(_CURRENT_CODE, "b.code")
    + ", s.key, s.name from codes b"
    " left join delegates d on d.id = b.delegate_id"
    " left join attendance a on a.delegate_id = d.id"
    f" left join sessions s on s.key = {CURRENT_SESSION}"
    " where b.delegate_id = ? and b.version = ?"
)
"""A badge version, its delegate and the session check-ins count for now; the code read is the
scanned one, which is the current one unless it was revoked (only one version of a badge is
ever unrevoked: a reprint revokes before it issues, and merges carry revocations both ways)."""


_ROW_FIELDS = (
    "id", "name", "gender", "birth_year", "birth_date", "ethnicity", "religion", "position",
    "unit", "delegation", "category", "seat", "phone", "external_id", "source_file",
    "source_row", "status", "higher_level", "honorific", "role", "name_original",
    "code", "checked_in_at", "checked_in_desk",
)  # fmt: skip
"""The :class:`Delegate` field each column of :data:`_COLUMNS` fills, in order: every field
but the sort key, which is computed when first read."""


def _from_row(row: tuple[Any, ...]) -> Delegate:
    """A :class:`Delegate` from a row of :data:`_COLUMNS`.

    Made without the dataclass's ``__init__``: a frozen dataclass stores each of its 24 fields
    through ``object.__setattr__``, which was half the time of reading 10,000 delegates for an
    export or the console's search index. The instance holds exactly what ``__init__`` would
    store (a test compares every field).
    """
    delegate = object.__new__(Delegate)
    values = delegate.__dict__
    values.update(zip(_ROW_FIELDS, row))
    values["higher_level"] = bool(values["higher_level"])
    return delegate


def all_delegates(event: Event, *, include_withdrawn: bool = False) -> list[Delegate]:
    """Every delegate, sorted the Vietnamese way (given name, middle, family)."""
    sql = _SELECT + ("" if include_withdrawn else " where d.status = 'approved'")
    found = [_from_row(r) for r in event.conn.execute(sql)]
    found.sort(key=lambda d: d.sort_key)
    return found


def get(event: Event, delegate_id: int) -> Delegate:
    row = event.conn.execute(_SELECT + " where d.id = ?", (delegate_id,)).fetchone()
    if row is None:
        raise DaihoiError("delegate.unknown", id=delegate_id)
    return _from_row(row)


@dataclass(frozen=True)
class BadgeHolder:
    """One badge version as a desk judges it: its state and whose it is, read at once."""

    issued_at: str | None
    """None when this version was never issued (a signed code we have not printed)."""
    revoked_at: str | None
    """When a reprint replaced this badge; None while it is the current one."""
    delegate: Delegate | None
    """The delegate, as :func:`get` gives it (arrival included); None if there is no such row."""
    session: tuple[str, str] = ("", "")
    """The key and name of the session check-ins count for now (:func:`data.sessions.current`),
    read with the badge, so the arrival above is that session's."""


def badge_holder(event: Event, delegate_id: int, version: int) -> BadgeHolder:
    """Badge ``version`` of ``delegate_id`` with its delegate and the current session, in one
    read: the desk's scan runs it inside its write lock, so the arrival it sees is the one the
    verdict is written against."""
    row = event.conn.execute(_HOLDER, (delegate_id, version)).fetchone()
    if row is None:
        return BadgeHolder(None, None, None)
    issued_at, revoked_at, session = row[0], row[1], (row[-2], row[-1])
    if row[2] is None:
        return BadgeHolder(issued_at, revoked_at, None, session)
    if revoked_at is not None:  # a reprinted badge: the delegate carries the current code
        return BadgeHolder(issued_at, revoked_at, get(event, delegate_id), session)
    return BadgeHolder(issued_at, revoked_at, _from_row(row[2:-2]), session)


def get_many(event: Event, ids: Iterable[int]) -> dict[int, Delegate]:
    wanted = list(ids)
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = event.conn.execute(_SELECT + f" where d.id in ({marks})", wanted)
    return {d.id: d for d in map(_from_row, rows)}


def count(event: Event) -> int:
    return int(
        event.conn.execute("select count(*) from delegates where status = 'approved'").fetchone()[0]
    )


def set_higher_level(event: Event, delegate_id: int, chosen: bool) -> None:
    """Mark a delegate as approved (or not) to attend the higher-level congress."""
    get(event, delegate_id)
    with event.write():
        # updated_at too: merging desk copies carries delegates over by updated_at.
        event.conn.execute(
            "update delegates set higher_level = ?, updated_at = ? where id = ?",
            (int(chosen), stamp(event.now()), delegate_id),
        )
        event.journal("delegate.higher_level", {"delegate_id": delegate_id, "chosen": chosen})


@dataclass(frozen=True)
class UpsertReport:
    """What applying a list to the event did (or, in a dry run, would do)."""

    added: list[str]
    """Names of delegates added."""
    updated: list[tuple[str, list[str]]]
    """(name, changed fields) of delegates updated in place."""
    unchanged: int
    """Rows that matched a delegate and changed nothing."""
    outcomes: list[str] = field(default_factory=list)
    """What became of each record, in the order given: "added", "updated" or "unchanged" (an
    import's preview lists them row by row)."""


_STORED = PERSON_FIELDS + ("source_file", "source_row")


def upsert(
    event: Event,
    records: Iterable[dict[str, Any]],
    *,
    dry_run: bool = False,
    source: str = "",
) -> UpsertReport:
    """Add or update delegates from list rows, in one transaction (or none, for a dry run).

    A row matches an existing delegate by ``external_id``, else by name + unit + birth year
    (:func:`match_key`: the name exact, unit and delegation folded), else, when one of the two
    names has no accent at all ("Nguyen Thi Hoa", a list typed without a Vietnamese keyboard),
    by the same key with the name folded, if exactly one delegate has it. Matched delegates are
    updated in place, so their check-in, codes and honours stay attached. New delegates get
    their first badge code in the same transaction. Delegates missing from the new list are
    left as they are. ``source`` (the file name) goes into the journal row.

    The existing delegates are read and matched under the write lock: two desks importing at
    the same moment would otherwise both see the delegate missing and both insert it.
    """
    rows = list(records)
    if dry_run:
        return _plan(event, rows).report
    with event.write():
        plan = _plan(event, rows)
        if plan.new_rows or plan.changes:
            _apply(event, plan, source)
    return plan.report


@dataclass(frozen=True)
class _Plan:
    report: UpsertReport
    new_rows: list[dict[str, Any]]
    changes: list[tuple[int, dict[str, Any], dict[str, list[Any]]]]
    """(delegate id, columns to set, {field: [old, new]} for the journal)."""


def _plan(event: Event, records: list[dict[str, Any]]) -> _Plan:
    """Match ``records`` against the delegates in the event: what to insert, what to update."""
    by_external: dict[str, int] = {}
    by_key: dict[str, int] = {}
    by_loose: dict[str, list[int]] = {}
    current: dict[int, dict[str, Any]] = {}
    cols = ", ".join(_STORED)
    for row in event.conn.execute(f"select id, {cols} from delegates order by id"):
        values = dict(zip(_STORED, row[1:]))
        current[row[0]] = values
        # The key from the stored fields, not the stored match_key column: files imported
        # before the delegation joined the key still match.
        key = match_key(values["name"], values["unit"], values["birth_year"], values["delegation"])
        by_key.setdefault(key, row[0])
        loose = _loose_key(
            values["name"], values["unit"], values["birth_year"], values["delegation"]
        )
        by_loose.setdefault(loose, []).append(row[0])
        if values["external_id"]:
            by_external.setdefault(values["external_id"], row[0])

    added: list[str] = []
    updated: list[tuple[str, list[str]]] = []
    unchanged = 0
    outcomes: list[str] = []
    now = stamp(event.now())
    new_rows: list[dict[str, Any]] = []
    changes: list[tuple[int, dict[str, Any], dict[str, list[Any]]]] = []
    for record in records:
        values = {f: record.get(f) for f in _STORED}
        for f in _STORED:
            if values[f] is None and f not in (
                "birth_year",
                "birth_date",
                "external_id",
                "source_row",
                "protocol_rank",
                "guest",
            ):
                values[f] = ""
        key = match_key(values["name"], values["unit"], values["birth_year"], values["delegation"])
        found = by_external.get(values["external_id"]) if values["external_id"] else None
        if found is None:
            found = by_key.get(key)
        if found is None:
            found = _unaccented_match(values, by_loose, current)
        if found is None:
            new_rows.append({**values, "match_key": key, "created_at": now, "updated_at": now})
            by_key[key] = -len(new_rows)  # a second copy of the row in the same file is an update
            if values["external_id"]:
                by_external[values["external_id"]] = -len(new_rows)
            added.append(values["name"])
            outcomes.append("added")
            continue
        if found < 0:
            unchanged += 1
            outcomes.append("unchanged")
            continue
        old = current[found]
        diff = {
            f: values[f]
            for f in PERSON_FIELDS
            if values[f] not in (None, "") and values[f] != old[f]
        }
        if diff:
            journaled = {f: [old[f], diff[f]] for f in sorted(diff)}
            changes.append((found, {**diff, "match_key": key, "updated_at": now}, journaled))
            updated.append((values["name"], sorted(diff)))
            outcomes.append("updated")
        else:
            unchanged += 1
            outcomes.append("unchanged")
    return _Plan(UpsertReport(added, updated, unchanged, outcomes), new_rows, changes)


def _unaccented_match(
    values: dict[str, Any], by_loose: dict[str, list[int]], current: dict[int, dict[str, Any]]
) -> int | None:
    """The one stored delegate whose name differs from ``values``' only by accents, when one of
    the two names has none at all; else None. Two accented names that fold alike ("Thúy" and
    "Thủy") are two people."""
    if not by_loose:  # nobody stored yet (a first import): no key to compute
        return None
    loose = _loose_key(values["name"], values["unit"], values["birth_year"], values["delegation"])
    found = [i for i in by_loose.get(loose, ()) if i > 0]
    if len(found) != 1:
        return None
    stored = current[found[0]]["name"]
    if values["name"].isascii() or stored.isascii():
        return found[0]
    return None


def _apply(event: Event, plan: _Plan, source: str) -> None:
    """Write ``plan`` with its journal row; the caller holds the write transaction."""
    from . import codes  # codes imports store only; local import keeps this module light

    new_rows = plan.new_rows
    # One executemany with ids chosen under the write lock, not a sqlite-utils insert per
    # row: 10,000 rows in tens of milliseconds instead of most of a second.
    start = event.conn.execute("select coalesce(max(id), 0) + 1 from delegates").fetchone()[0]
    ids = list(range(start, start + len(new_rows)))
    if new_rows:
        columns = list(new_rows[0])
        event.conn.executemany(
            f"insert into delegates (id, {', '.join(columns)}) "
            f"values ({', '.join('?' * (len(columns) + 1))})",
            [(i, *(row[c] for c in columns)) for i, row in zip(ids, new_rows)],
        )
    for delegate_id, diff, _ in plan.changes:
        event.conn.execute(
            f"update delegates set {', '.join(f'{c} = ?' for c in diff)} where id = ?",
            (*diff.values(), delegate_id),
        )
    codes.issue_first(event, ids)
    if not source:
        rows = new_rows or [d for _, d, _ in plan.changes]
        source = next((r["source_file"] for r in rows if r.get("source_file")), "")
    event.journal(
        "delegates.imported",
        {
            "added": len(new_rows),
            "updated": [[i, fields] for i, _, fields in plan.changes],
            "source": source,
        },
    )
