"""Seats: the hall plan organizers edit, seat numbers the Vietnamese way, and seats given.

The plan is a small TOML file (``daihoi seats hall``), kept inside the event so every desk and
command seats on the same one; :func:`default_plan` is a plain hall when none was given::

    title = "Hội trường Trung tâm Hội nghị tỉnh"

    [[zones]]
    name = "Đoàn Chủ tịch"   # the presidium's table on the stage
    kind = "stage"
    rows = 1
    seats = 15

    [[zones]]
    name = "Khu A"
    floor = "Tầng 1"         # optional: shown on the printed plan
    rows = 20
    seats = 24               # every row; or one number per row: [20, 22, 24, …]
    reserved_rows = 2        # front rows kept for guests

Seats are numbered from the centre aisle outwards, odd to the left (1, 3, 5 … as seen facing
the stage) and even to the right (2, 4, 6 …), rows from the front: seat 1 and 2 of row 1 are
the best places of a zone. A seat is stored as the delegate's ``seat`` text, "Khu A, hàng 3,
ghế 12", so the badge and the desk's verdict show it as they show any seat from a list.

Assigning (:func:`assign`) gives a seat to everyone who has none and moving (:func:`move`)
changes one; both are committed with their journal row. Who sits where is decided by the
caller's lists (presidium, guests by protocol, honourees by ceremony group, everyone else in
delegations): :func:`programme.protocol.seat_everyone` gathers them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import DaihoiError
from .outputs import remember_input
from .store import Event, stamp
from .text import fold

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

STAGE = "stage"
HALL = "hall"


@dataclass(frozen=True)
class Zone:
    """A block of rows: a floor, a section of the hall, or the presidium's table."""

    name: str
    """How a seat's text starts: "Khu A", "Đoàn Chủ tịch"."""
    rows: tuple[int, ...]
    """Seats in each row, front row first."""
    kind: str = HALL
    """``hall`` or ``stage`` (the presidium's table)."""
    reserved_rows: int = 0
    """Front rows kept for guests (not given to delegates)."""
    floor: str = ""

    @property
    def capacity(self) -> int:
        return sum(self.rows)


@dataclass(frozen=True, order=True)
class Seat:
    """One seat of the plan."""

    zone: int
    """Index of the zone in the plan."""
    row: int
    """1 is the front row."""
    number: int
    """1, 3, 5 … left of the aisle; 2, 4, 6 … right of it, counted from the aisle."""

    @property
    def from_aisle(self) -> int:
        """0 for the two seats beside the aisle, 1 for the next two …"""
        return (self.number - 1) // 2

    @property
    def left(self) -> bool:
        return self.number % 2 == 1


@dataclass(frozen=True)
class Plan:
    """The hall."""

    zones: tuple[Zone, ...]
    title: str = ""
    source: str = ""
    """The TOML text it was read from ("" for the default)."""

    def seats(self, zone: int | None = None) -> list[Seat]:
        """Every seat (of one zone), zone by zone, row by row, from the aisle out."""
        found = []
        for z, spec in enumerate(self.zones):
            if zone is not None and z != zone:
                continue
            for r, count in enumerate(spec.rows, start=1):
                found += [Seat(z, r, n) for n in range(1, count + 1)]
        return found

    def has(self, seat: Seat) -> bool:
        if not 0 <= seat.zone < len(self.zones):
            return False
        rows = self.zones[seat.zone].rows
        return 1 <= seat.row <= len(rows) and 1 <= seat.number <= rows[seat.row - 1]

    def reserved(self, seat: Seat) -> bool:
        """A seat of a zone's front rows kept for guests."""
        return seat.row <= self.zones[seat.zone].reserved_rows

    def text(self, seat: Seat) -> str:
        """The seat as written on the badge: "Khu A, hàng 3, ghế 12"."""
        return f"{self.zones[seat.zone].name}, hàng {seat.row}, ghế {seat.number}"

    def parse(self, text: str) -> Seat | None:
        """The seat a text names ("Khu A, hàng 3, ghế 12", "khu a hang 3 ghe 12", "A 3 12",
        "A-3-12", "Tầng 1, hàng 3, ghế 12"), or None when it names none of this plan's seats.

        The last two numbers are the row and the seat; the zone is read from the words before
        the row with their digits kept, so ``parse(text(seat)) == seat`` for every seat of a
        plan, whatever its zones are called."""
        numbers = list(re.finditer(r"\d+", text))
        if len(numbers) < 2:
            return None
        row, number = numbers[-2], numbers[-1]
        after = _words(text[row.end() : number.start()]) + _words(text[number.end() :])
        if any(w not in _SEAT_WORDS for w in after):
            return None
        zone = self._zone_of(_words(text[: row.start()]))
        if zone is None:
            return None
        seat = Seat(zone, int(row.group()), int(number.group()))
        return seat if self.has(seat) else None

    def _zone_of(self, words: list[str]) -> int | None:
        """The zone the words before a row number name ("khu a hang" is Khu A); the only zone
        when they name none ("hàng 3, ghế 12" in a one-zone hall)."""
        while True:
            zone = self._zones_by_key.get(" ".join(words))
            if zone is not None:
                return zone
            if not words:
                return 0 if len(self.zones) == 1 else None
            if words[-1] not in _SEAT_WORDS:
                return None
            words = words[:-1]  # "hàng", "dãy" … before the row number

    @cached_property
    def _zones_by_key(self) -> dict[str, int]:
        """What names each zone: its folded name first, then the name without "khu"/"tầng",
        then its initials where no other zone has the same ("dct" for "Đoàn Chủ tịch")."""
        found: dict[str, int] = {}
        for keys in zip(*(_zone_keys(z.name) for z in self.zones)):
            for z, key in enumerate(keys):
                if key:
                    found.setdefault(key, z)
        initials: dict[str, list[int]] = {}
        for z, zone in enumerate(self.zones):
            initials.setdefault("".join(w[0] for w in _words(zone.name)), []).append(z)
        for key, zones in initials.items():
            if key and len(zones) == 1:
                found.setdefault(key, zones[0])
        return found

    def physical(self, zone: int, row: int) -> list[int]:
        """The seat numbers of a row from left to right as seen facing the stage:
        … 5, 3, 1 | aisle | 2, 4, 6 …"""
        count = self.zones[zone].rows[row - 1]
        left = [n for n in range(1, count + 1) if n % 2 == 1]
        right = [n for n in range(1, count + 1) if n % 2 == 0]
        return left[::-1] + right


_SEAT_WORDS = {"hang", "ghe", "so", "day", "row", "seat", "khu", "zone", "tang", ""}
_SEPARATORS = re.compile(r"[\s,;:./()-]+")


def _words(text: str) -> list[str]:
    """The folded words of a seat's text, digits kept: "Khu A1, hàng" is ["khu", "a1", "hang"]."""
    return [w for w in _SEPARATORS.split(fold(text)) if w]


def _zone_keys(name: str) -> tuple[str, str]:
    """What names a zone in a typed seat, its initials aside: "Khu A" is "khu a" or "a";
    "Tầng 1" is "tang 1" or "1"; "Đoàn Chủ tịch" is "doan chu tich"."""
    words = _words(name)
    return " ".join(words), " ".join(w for w in words if w not in _SEAT_WORDS)


# ---------------------------------------------------------------- the plan file
def default_plan(people: int = 0) -> Plan:
    """A plain hall: the presidium's table (15 seats) and one zone of rows of 24 seats, two
    front rows reserved for guests, with rows enough for ``people`` (20 rows at least)."""
    per_row = 24
    rows = max(20, -(-people // per_row) + 2)
    return Plan(
        (
            Zone("Đoàn Chủ tịch", (15,), STAGE),
            Zone("Khu A", (per_row,) * rows, HALL, reserved_rows=2, floor="Tầng 1"),
        ),
        title="Hội trường",
    )


def plan_toml(plan: Plan) -> str:
    """The plan as a TOML file organizers edit (the default one with its comments)."""
    if plan.source:
        return plan.source
    lines = [
        "# Sơ đồ hội trường: sửa rồi nạp lại bằng daihoi seats hall TỆP.toml",
        "# Ghế đánh số từ lối đi giữa: lẻ bên trái (1, 3, 5 …), chẵn bên phải (2, 4, 6 …).",
        f'title = "{plan.title}"',
    ]
    for zone in plan.zones:
        lines += ["", "[[zones]]", f'name = "{zone.name}"']
        if zone.kind != HALL:
            lines.append(f'kind = "{zone.kind}"   # bàn Đoàn Chủ tịch trên sân khấu')
        if zone.floor:
            lines.append(f'floor = "{zone.floor}"')
        lines.append(f"rows = {len(zone.rows)}")
        if len(set(zone.rows)) == 1:
            lines.append(f"seats = {zone.rows[0]}   # mỗi hàng; hoặc từng hàng: [20, 22, 24]")
        else:
            lines.append(f"seats = [{', '.join(map(str, zone.rows))}]")
        if zone.reserved_rows:
            lines.append(f"reserved_rows = {zone.reserved_rows}   # hàng đầu dành cho khách mời")
    return "\n".join(lines) + "\n"


_PLAN_KEYS = {"title", "zones"}
_ZONE_KEYS = {"name", "kind", "rows", "seats", "reserved_rows", "floor"}
MAX_SEATS = 20_000
"""A hall larger than this is a typing error, not a hall."""


def read_plan(text: str, source: str = "") -> Plan:
    """Parse a plan's TOML; anything wrong is refused naming the file, the zone (by its name)
    and the key."""

    def bad(where: str, key: str, **params: Any) -> DaihoiError:
        return DaihoiError(key, path=source or "hall.toml", where=where or "—", **params)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise bad("", "seats.plan_syntax", detail=str(exc)) from exc
    unknown = sorted(set(data) - _PLAN_KEYS)
    if unknown:  # "titel = …" is a typing error, not a title left out
        raise bad(unknown[0], "seats.plan_unknown_top_key")
    zones_in = data.get("zones")
    if not isinstance(zones_in, list) or not zones_in:
        raise bad("", "seats.plan_no_zones")
    zones: list[Zone] = []
    names: dict[str, str] = {}
    total = 0
    for i, raw in enumerate(zones_in, start=1):
        if not isinstance(raw, dict):
            raise bad(f"zones[{i}]", "seats.plan_no_zones")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise bad(f"zones[{i}].name", "seats.plan_no_name")
        name = " ".join(name.split())
        for key in _zone_keys(name):
            if key in names:  # two zones a seat's text could not tell apart
                raise bad(f"{name}.name", "seats.plan_zones_alike", zone=name, other=names[key])
        names.update((key, name) for key in _zone_keys(name) if key)
        unknown = sorted(set(raw) - _ZONE_KEYS)
        if unknown:
            raise bad(f"{name}.{unknown[0]}", "seats.plan_unknown_key")
        kind = raw.get("kind", HALL)
        if kind not in (HALL, STAGE):
            raise bad(f"{name}.kind", "seats.plan_kind")
        count: Any = raw.get("rows")
        seats: Any = raw.get("seats")
        rows: list[Any]
        if isinstance(seats, list):
            if count is not None and count != len(seats):
                raise bad(f"{name}.rows", "seats.plan_rows_mismatch")
            rows = seats
        else:
            if not _whole(count) or count < 1:
                raise bad(f"{name}.rows", "seats.plan_number")
            # before the rows are made: rows = 10000000000 is a typing error, not a list
            if count > MAX_SEATS or (_whole(seats) and total + count * seats > MAX_SEATS):
                raise bad(f"{name}.rows", "seats.plan_too_big", most=MAX_SEATS)
            rows = [seats] * count
        if not rows or not all(_whole(n) and n >= 1 for n in rows):
            raise bad(f"{name}.seats", "seats.plan_number")
        total += sum(rows)
        if total > MAX_SEATS:
            raise bad(f"{name}.seats", "seats.plan_too_big", most=MAX_SEATS)
        reserved = raw.get("reserved_rows", 0)
        if not _whole(reserved) or not 0 <= reserved <= len(rows):
            raise bad(f"{name}.reserved_rows", "seats.plan_reserved")
        floor = raw.get("floor", "")
        zones.append(Zone(name, tuple(rows), kind, reserved, str(floor)))
    title = data.get("title", "")
    return Plan(tuple(zones), str(title), text)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def load_plan(event: Event, people: int | None = None) -> Plan:
    """The event's hall plan; the default plain hall when organizers gave none."""
    row = event.conn.execute("select plan, source from hall where id = 1").fetchone()
    if row is None:
        if people is None:
            people = event.conn.execute(
                "select count(*) from delegates where status = 'approved'"
            ).fetchone()[0]
        return default_plan(people)
    return read_plan(row[0], row[1])


def save_plan(event: Event, path: str | Path) -> Plan:
    """Read a plan file and keep it in the event, with its journal row. A plan that would
    leave a seat given by a list or by hand off the plan is accepted: those seats are kept as
    written and reported by :func:`assign`."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DaihoiError("seats.cannot_read", path=str(file), reason=str(exc)) from exc
    plan = read_plan(text, file.name)
    with event.write():
        event.conn.execute(
            "insert into hall (id, plan, source, saved_at) values (1, ?, ?, ?)"
            " on conflict (id) do update set plan = excluded.plan, source = excluded.source,"
            " saved_at = excluded.saved_at",
            (text, file.name, stamp(event.now())),
        )
        event.journal(
            "seats.hall",
            {"source": file.name, "zones": [[z.name, list(z.rows)] for z in plan.zones]},
        )
    remember_input(event, file, "hall")  # no printed plan is ever written over it
    return plan


# ---------------------------------------------------------------- who sits where
@dataclass(frozen=True)
class Seated:
    """A delegate and their seat, as the plan and the name plates read them."""

    delegate_id: int
    name: str
    delegation: str
    seat_text: str
    seat: Seat | None
    """None when the text names no seat of the plan (a list's own seat numbering)."""


def seated(event: Event, plan: Plan) -> list[Seated]:
    """Every approved delegate with a seat, in seating order (zone, row, from the aisle)."""
    rows = event.conn.execute(
        "select id, name, delegation, seat from delegates"
        " where status = 'approved' and seat != '' order by id"
    )
    found = [Seated(i, n, d, s, plan.parse(s)) for i, n, d, s in rows]
    found.sort(key=lambda s: (s.seat is None, s.seat or Seat(0, 0, 0), s.delegate_id))
    return found


@dataclass(frozen=True)
class Assignment:
    """What :func:`assign` did (or would do, for a dry run)."""

    given: list[tuple[int, str]]
    """(delegate id, seat text) of each seat given."""
    kept: int
    """Delegates whose seat (from a list or by hand) was kept."""
    off_plan: list[tuple[int, str]] = field(default_factory=list)
    """Seats kept that name no seat of the plan (checked by hand)."""
    doubled: list[tuple[str, list[int]]] = field(default_factory=list)
    """Plan seats that two delegates or more already had, kept as they were."""


def fill_order(plan: Plan) -> list[Seat]:
    """The hall's seats (not the stage, not the reserved rows) in the order blocks fill them:
    zone by zone, row by row, each row across the hall, the next row back the other way, so
    that seats next in this order sit side by side (a delegation stays one block)."""
    found = []
    for z, zone in enumerate(plan.zones):
        if zone.kind == STAGE:
            continue
        for r in range(zone.reserved_rows + 1, len(zone.rows) + 1):
            numbers = plan.physical(z, r)
            if (r - zone.reserved_rows) % 2 == 0:
                numbers = numbers[::-1]
            found += [Seat(z, r, n) for n in numbers]
    return found


def _near_the_aisle(plan: Plan, free: Iterable[Seat], count: int) -> list[Seat]:
    """``count`` free hall seats nearest the stage: the first zone before the next (zones are
    listed from the stage back), and in a zone a wedge from the front row at the centre aisle
    (a seat one row back is as near as one seat further along), nearest first."""
    ranked = sorted(
        free,
        key=lambda s: (
            s.zone,
            s.row - plan.zones[s.zone].reserved_rows + s.from_aisle,
            s.row,
            s.number,
        ),
    )
    return ranked[:count]


def assign(
    event: Event,
    *,
    plan: Plan,
    presidium: Sequence[int] = (),
    guests: Sequence[int] = (),
    honourees: Sequence[int] = (),
    everyone: Sequence[tuple[int, str]] = (),
    dry_run: bool = False,
) -> Assignment:
    """Give a seat to every approved delegate who has none, in one transaction.

    ``presidium`` (in protocol order) take the stage zone's seats from seat 1; ``guests`` (in
    protocol order) the reserved front rows, best seats first; ``honourees`` (in calling
    order) the hall seats nearest the front and the aisle, so they reach the stage quickly;
    ``everyone`` ((id, delegation) in list order) the rest, delegation by delegation in
    :func:`fill_order`, so each delegation sits together. A seat already given (by a list or
    by hand) is kept and never given twice. Raises ``seats.hall_too_small`` (nothing
    written) when the seats left are fewer than the people without one.
    """
    with event.write():
        rows = event.conn.execute(
            "select id, seat from delegates where status = 'approved' order by id"
        ).fetchall()
        taken: dict[Seat, list[int]] = {}
        off_plan: list[tuple[int, str]] = []
        without: set[int] = set()
        for delegate_id, text in rows:
            if not text:
                without.add(delegate_id)
                continue
            seat = plan.parse(text)
            if seat is None:
                off_plan.append((delegate_id, text))
            else:
                taken.setdefault(seat, []).append(delegate_id)
        kept = len(rows) - len(without)
        doubled = [(plan.text(s), ids) for s, ids in sorted(taken.items()) if len(ids) > 1]

        given: dict[int, Seat] = {}

        def free(seats: Iterable[Seat]) -> list[Seat]:
            return [s for s in seats if s not in taken]

        def give(ids: Iterable[int], seats: list[Seat]) -> list[int]:
            """Seat ``ids`` (those still without a seat) in ``seats``; the ones left over."""
            waiting = [i for i in dict.fromkeys(ids) if i in without and i not in given]
            for delegate_id, seat in zip(waiting, seats):
                given[delegate_id] = seat
                taken[seat] = [delegate_id]
            return waiting[len(seats) :]

        stage = [s for s in plan.seats() if plan.zones[s.zone].kind == STAGE]
        reserved = [s for s in plan.seats() if plan.zones[s.zone].kind == HALL and plan.reserved(s)]
        reserved.sort(key=lambda s: (s.row, s.zone, s.number))
        hall = fill_order(plan)
        # The presidium on the stage, beyond it in the reserved rows; guests in the reserved
        # rows, beyond them with the honourees near the aisle.
        overflow = give(presidium, free(stage))
        overflow = give([*overflow, *guests], free(reserved))
        front = [*overflow, *(i for i in honourees if i in without)]
        give(front, _near_the_aisle(plan, free(hall), len(front)))
        by_delegation: dict[str, list[int]] = {}
        for delegate_id, delegation in everyone:
            by_delegation.setdefault(fold(delegation), []).append(delegate_id)
        give([i for ids in by_delegation.values() for i in ids], free(hall))
        # Anyone not named by the caller: after the delegations, then the reserved rows.
        give(sorted(without), free(hall) + free(reserved) + free(stage))
        left = [i for i in without if i not in given]
        if left:
            raise DaihoiError(
                "seats.hall_too_small", people=len(without), seats=len(without) - len(left)
            )
        pairs = [(i, plan.text(s)) for i, s in sorted(given.items(), key=lambda p: p[1])]
        report = Assignment(pairs, kept, off_plan, doubled)
        if dry_run or not pairs:
            return report
        now = stamp(event.now())
        event.conn.executemany(
            "update delegates set seat = ?, updated_at = ? where id = ? and seat = ''",
            [(text, now, i) for i, text in pairs],
        )
        event.journal("seats.assigned", {"seats": [[i, text] for i, text in pairs]})
    return report


def move(event: Event, delegate_id: int, text: str, *, plan: Plan) -> str:
    """Give a delegate another seat (a plan seat nobody has), with its journal row; "" clears
    the seat. Returns the seat's text as stored."""
    with event.write():
        row = event.conn.execute(
            "select name, seat from delegates where id = ?", (delegate_id,)
        ).fetchone()
        if row is None:
            raise DaihoiError("delegate.unknown", id=delegate_id)
        name, old = row
        new = ""
        if text.strip():
            seat = plan.parse(text)
            if seat is None:
                raise DaihoiError("seats.not_on_plan", seat=text)
            new = plan.text(seat)
            for other, other_name, other_text in event.conn.execute(
                "select id, name, seat from delegates where status = 'approved' and seat != ''"
                " and id != ?",
                (delegate_id,),
            ):
                if plan.parse(other_text) == seat:
                    raise DaihoiError("seats.taken", seat=new, id=other, name=other_name)
        if new == old:
            return new
        event.conn.execute(
            "update delegates set seat = ?, updated_at = ? where id = ?",
            (new, stamp(event.now()), delegate_id),
        )
        event.journal("seats.moved", {"delegate_id": delegate_id, "from": old, "to": new})
    return new


def hand_over(event: Event, old_id: int, new_id: int) -> str:
    """A guest replaced on the day: ``new_id`` takes ``old_id``'s seat, which is freed, in one
    transaction with one journal row per move. Returns the seat's text."""
    with event.write():
        found = dict(
            event.conn.execute(
                "select id, seat from delegates where id in (?, ?)", (old_id, new_id)
            ).fetchall()
        )
        for i in (old_id, new_id):
            if i not in found:
                raise DaihoiError("delegate.unknown", id=i)
        seat = found[old_id]
        if not seat:
            raise DaihoiError("seats.no_seat", id=old_id)
        now = stamp(event.now())
        for i, before, after in ((old_id, seat, ""), (new_id, found[new_id], seat)):
            event.conn.execute(
                "update delegates set seat = ?, updated_at = ? where id = ?", (after, now, i)
            )
            event.journal("seats.moved", {"delegate_id": i, "from": before, "to": after})
    return str(seat)
