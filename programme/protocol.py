"""Protocol: the order in which the MC introduces the guests present, and the words read.

Item 2 of every programme, "Tuyên bố lý do, giới thiệu đại biểu": the MC reads the guests who
are in the hall, grouped by the side they come from ("Về phía Trung ương, tôi xin trân trọng
giới thiệu: đồng chí …, chức vụ …"). The order (:func:`protocol_key`), as provincial protocol
guidelines give it:

1. the protocol rank (from the guest list's "Thứ tự lễ tân", or its own order, or set by the
   organizers with ``daihoi guests rank``); guests without one come after those with one, in
   the order of their list;
2. among equal ranks: the higher level first (Trung ương, then tỉnh, then huyện, then xã);
   guests before hosts ("khách trước, chủ sau"); then Party, National Assembly / People's
   Council, Government / People's Committee, Fatherland Front, mass organizations;
3. among equals still: the one who took office earlier, then the elder.

Sides are read in the order of their first guest. Only guests who have checked in are read;
those not arrived are listed apart (:attr:`Introductions.not_arrived`), and a late arrival
joins the list the next time it is read. The MC screen, the command line and the printed
script all call :func:`introductions`, so they cannot disagree.

The words are Vietnamese: the MC reads them aloud in Vietnamese whatever the console's
language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from data import guests as guests_mod
from data import seats as seats_mod
from data.guests import Guest
from data.store import Event
from data.text import fold

# ---------------------------------------------------------------- what a text says
_NOT_A_MINISTRY = r"(?! chi huy| doi)"
"""After "bộ": "Bộ Chỉ huy Quân sự tỉnh", "Bộ đội Biên phòng" are no ministry."""

_NOT_ARMY = r"(?! (?:khu|doan|chung|doi|su|y|he)\b)"
"""After "quân", which is also the urban district "quận" once folded: "Quân khu", "Quân đoàn",
"Quân chủng", "quân đội", "quân sự", "quân y" are the army's ("quần chúng", the masses,
folds as "Quân chủng" does), "quan hệ" is relations. A military region or corps ranks with the
centre: it is the Ministry of Defence's."""

_LEVELS = (
    (
        0,
        r"trung uong|quoc hoi|chinh phu|bo chinh tri|ban bi thu|quan khu|quan doan|\bbo\b"
        + _NOT_A_MINISTRY,
    ),
    (1, r"\btinh\b|tinh uy|\bhdnd tinh|\bubnd tinh"),
    (2, r"\bhuyen\b|\bquan\b" + _NOT_ARMY + r"|thanh pho|thi xa|thi uy|thanh uy|huyen uy"),
    (3, r"\bxa\b|\bphuong\b|thi tran|co so"),
)
"""Folded words naming a level, highest first (looked for in the side, then unit, then
position); a guest whose texts name none sits between tỉnh and huyện."""

UNKNOWN_LEVEL = 1.5

_BRANCHES = (
    (0, r"\bdang\b|tinh uy|thanh uy|huyen uy|thi uy|dang uy|chi bo|ban tuyen giao|"
        r"ban to chuc|ban dan van|ban noi chinh|uy ban kiem tra"),
    (1, r"quoc hoi|hoi dong nhan dan|\bhdnd\b|\bdbqh\b"),
    (2, r"chinh phu|uy ban nhan dan|\bubnd\b|thu tuong|\bbo\b" + _NOT_A_MINISTRY +
        r"|\bso\b(?! *\d)|\bcuc\b|giam doc"),
    (3, r"mat tran|\bmttq\b"),
    (4, r"\bdoan\b|\bhoi\b|lien doan|cong doan|lien minh|cuu chien binh|phu nu|nong dan|"
        r"thanh nien"),
    (0, r"bi thu|ban chap hanh"),
)  # fmt: skip
"""Folded words of each branch, in protocol order: Party, National Assembly / People's
Council, Government / People's Committee, Fatherland Front, mass organizations. The unit
decides before the position ("Bí thư" of the unit "Tỉnh đoàn" is the Youth Union's); a text
naming several ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh") counts by the first in this order,
and "bí thư", "ban chấp hành", which mass organizations have too ("Bí thư Tỉnh đoàn", "Ban
Chấp hành Hội Nông dân"), are the Party's only when nothing else is named. "Sở" followed by a
number is a school's or a house's number ("Trường THPT số 1"), not a department."""

OTHER_BRANCH = 5

_HOST = re.compile(r"chu nha|don vi to chuc|ban to chuc dai hoi|dang cai|\bchu tri\b")
"""A side naming the hosts ("Về phía đơn vị tổ chức"): hosts come after guests."""

_VE_PHIA = re.compile(r"^\s*về\s+phía\s+", re.IGNORECASE)

ADDRESS_OWN = (
    "ông", "bà", "hòa thượng", "hoà thượng", "thượng tọa", "thượng toạ", "đại đức",
    "ni sư", "linh mục", "giám mục", "mục sư", "cha", "sư cô", "ngài",
)  # fmt: skip
"""Honorifics that are the form of address itself: a religious dignitary or a guest outside
the Party is "ông", "bà", "Hòa thượng" …, never "đồng chí"."""


def level(g: Guest) -> float:
    """0 Trung ương, 1 tỉnh, 2 huyện, 3 xã; :data:`UNKNOWN_LEVEL` when nothing says."""
    for text in (g.side, g.unit, g.position):
        folded = fold(text)
        if not folded:
            continue
        for rank, pattern in _LEVELS:
            if re.search(pattern, folded):
                return rank
    return UNKNOWN_LEVEL


def branch(g: Guest) -> int:
    """0 Party … 4 mass organizations (:data:`_BRANCHES`), :data:`OTHER_BRANCH` otherwise."""
    for text in (g.unit, g.position):
        folded = fold(text)
        for rank, pattern in _BRANCHES:
            if folded and re.search(pattern, folded):
                return rank
    return OTHER_BRANCH


def is_host(g: Guest) -> bool:
    return bool(_HOST.search(fold(g.side)))


def _birth_key(g: Guest) -> tuple[int, str]:
    if g.birth_date:
        return (0, g.birth_date)
    if g.birth_year:
        return (0, f"{g.birth_year:04d}-99")  # a year alone: after every full date of that year
    return (1, "")


def protocol_key(g: Guest) -> tuple[Any, ...]:
    """Where a guest stands in the introduction (see the module's docstring)."""
    listed = (g.source_file, g.source_row if g.source_row is not None else 1 << 30, g.delegate_id)
    ranked = (0, g.rank) if g.rank is not None else (1, 0)
    if g.rank is None:
        return (*ranked, listed)
    return (
        *ranked,
        level(g),
        is_host(g),
        branch(g),
        (0, g.appointed) if g.appointed else (1, ""),
        _birth_key(g),
        listed,
    )


def in_protocol_order(found: list[Guest]) -> list[Guest]:
    return sorted(found, key=protocol_key)


# ---------------------------------------------------------------- the words
def side_name(side: str) -> str:
    """The side without a leading "Về phía" ("Về phía Trung ương" → "Trung ương")."""
    return _VE_PHIA.sub("", " ".join(side.split())).rstrip(" :,")


def address(g: Guest) -> str:
    """How the MC names a guest: "đồng chí Nguyễn Văn An", "đồng chí Đại tá Trần Văn Bình",
    "ông Lê Văn Cường", "Hòa thượng Thích Thanh Quang"."""
    honorific = " ".join(g.honorific.split()).rstrip(".")
    if honorific and honorific.lower() in ADDRESS_OWN:
        lead = honorific if honorific.lower() not in ("ông", "bà") else honorific.lower()
        return f"{lead} {g.name}"
    if honorific:
        return f"đồng chí {honorific} {g.name}"
    return f"đồng chí {g.name}"


def title(g: Guest) -> str:
    """The position read after the name (the unit when the list gives no position)."""
    return " ".join((g.position or g.unit).split())


def line(g: Guest) -> str:
    """One guest's line: "đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh"."""
    said = title(g)
    return f"{address(g)}, {said}" if said else address(g)


def heading(side: str) -> str:
    """A side's heading, "Về phía Trung ương, tôi xin trân trọng giới thiệu:"."""
    name = side_name(side)
    if not name:
        return "Tôi xin trân trọng giới thiệu:"
    return f"Về phía {name}, tôi xin trân trọng giới thiệu:"


# ---------------------------------------------------------------- the introduction
@dataclass(frozen=True)
class Introduced:
    """One guest in the introduction."""

    delegate_id: int
    name: str
    position: str
    side: str
    rank: int | None
    line: str
    """What the MC reads for them ("đồng chí …, chức vụ …")."""
    arrived_at: str | None

    def public(self) -> dict[str, Any]:
        return {
            "id": self.delegate_id,
            "name": self.name,
            "position": self.position,
            "side": self.side,
            "rank": self.rank,
            "line": self.line,
            "arrived_at": self.arrived_at,
        }


@dataclass(frozen=True)
class Side:
    """The guests of one side, as read under one heading."""

    side: str
    heading: str
    """"Về phía …, tôi xin trân trọng giới thiệu:"."""
    guests: tuple[Introduced, ...]


@dataclass(frozen=True)
class Introductions:
    """The introduction as it stands now."""

    present: tuple[Introduced, ...]
    """Guests checked in, in introduction order."""
    not_arrived: tuple[Introduced, ...]
    """Guests not checked in yet, in the same order: not read, shown apart."""
    sides: tuple[Side, ...]
    """The present guests grouped by side, sides in the order of their first guest."""
    salutation: str
    """The salutation line for speeches ("Kính thưa đồng chí …; thưa các vị đại biểu …")."""

    def public(self) -> dict[str, Any]:
        return {
            "present": [g.public() for g in self.present],
            "not_arrived": [g.public() for g in self.not_arrived],
            "sides": [
                {"side": s.side, "heading": s.heading, "ids": [g.delegate_id for g in s.guests]}
                for s in self.sides
            ],
            "salutation": self.salutation,
        }


def _introduced(g: Guest) -> Introduced:
    return Introduced(g.delegate_id, g.name, g.position, g.side, g.rank, line(g), g.arrived_at)


SALUTED = 2
"""Guests named one by one in the salutation line; the others are "các vị đại biểu"."""


def salutation(present: list[Guest], *, kind: str = "dai-hoi", named: int = SALUTED) -> str:
    """ "Kính thưa đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy; Kính thưa đồng chí …; thưa các vị
    đại biểu, khách quý; thưa toàn thể Đại hội!" (Hội nghị for a conference)."""
    parts = [f"Kính thưa {line(g)}" for g in present[:named]]
    gathering = "Hội nghị" if kind == "hoi-nghi" else "Đại hội"
    parts.append("thưa các vị đại biểu, khách quý")
    parts.append(f"thưa toàn thể {gathering}!")
    return "; ".join(parts)


def introductions(event: Event) -> Introductions:
    """The guests present in introduction order, those not arrived apart, grouped by side."""
    ordered = in_protocol_order(guests_mod.all_guests(event))
    present = [g for g in ordered if g.present]
    absent = [g for g in ordered if not g.present]
    by_side: dict[str, list[Guest]] = {}
    for g in present:
        by_side.setdefault(fold(side_name(g.side)), []).append(g)
    sides = tuple(
        Side(members[0].side, heading(members[0].side), tuple(map(_introduced, members)))
        for members in by_side.values()
    )
    return Introductions(
        present=tuple(g for side in sides for g in side.guests),
        not_arrived=tuple(map(_introduced, absent)),
        sides=sides,
        salutation=salutation(present, kind=event.info.kind),
    )


# ---------------------------------------------------------------- seats
PRESIDIUM_WORDS = ("doan chu tich", "chu toa")
"""Folded words of a role or category naming the presidium (Đoàn Chủ tịch)."""


def presidium(event: Event) -> list[int]:
    """Delegates whose role or category names the presidium: guests among them in protocol
    order first, then the others in list order."""
    rows = event.conn.execute(
        "select id, role, category from delegates where status = 'approved' order by id"
    )
    members = [
        i
        for i, role, category in rows
        if any(w in fold(f"{role} {category}") for w in PRESIDIUM_WORDS)
    ]
    order = {
        g.delegate_id: n for n, g in enumerate(in_protocol_order(guests_mod.all_guests(event)))
    }
    return sorted(members, key=lambda i: (i not in order, order.get(i, 0), i))


def honourees(event: Event) -> list[int]:
    """The delegates receiving an honour on stage, group by group in calling order."""
    from . import honours

    called = [
        h.delegate_id
        for h in honours.all_honours(event)
        if h.delegate_id is not None and h.match == honours.MATCHED and h.state != honours.WITHDRAWN
    ]
    return list(dict.fromkeys(called))


def seat_everyone(event: Event, *, dry_run: bool = False) -> seats_mod.Assignment:
    """``daihoi seats assign``: everyone without a seat gets one on the event's plan: the
    presidium on the stage, guests by protocol in the reserved rows, honourees (ceremony group
    by group, in calling order) nearest the front and the aisle, every delegation together."""
    plan = seats_mod.load_plan(event)
    everyone = list(
        event.conn.execute(
            "select id, delegation from delegates where status = 'approved' order by id"
        )
    )
    return seats_mod.assign(
        event,
        plan=plan,
        presidium=presidium(event),
        guests=[g.delegate_id for g in in_protocol_order(guests_mod.all_guests(event))],
        honourees=honourees(event),
        everyone=everyone,
        dry_run=dry_run,
    )


def plate_holders(event: Event) -> list[int]:
    """Who gets a name plate, in seating order: everyone seated on the stage or in the
    reserved rows; before seats are given, the presidium then the guests in protocol order."""
    plan = seats_mod.load_plan(event)
    front = [
        s.delegate_id
        for s in seats_mod.seated(event, plan)
        if s.seat is not None
        and (plan.zones[s.seat.zone].kind == seats_mod.STAGE or plan.reserved(s.seat))
    ]
    if front:
        return front
    on_stage = presidium(event)
    ordered = [g.delegate_id for g in in_protocol_order(guests_mod.all_guests(event))]
    return [*on_stage, *(i for i in ordered if i not in on_stage)]
