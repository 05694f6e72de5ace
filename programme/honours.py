"""The honours ceremony: who receives what, in which order, with what on the tray, and how far
the ceremony has got.

Everything the MC desk, the command line and the reception desk need about honours goes through
this module, so they cannot disagree:

- :data:`RULES` is the one table of forms of honour: where each stands in precedence and what
  physically goes on the tray with it (certificate, frame, badge or medal box, flag);
- :func:`save` stores an imported list, matching individual recipients to delegates by external
  id, else by name + unit compared with :func:`data.text.fold`; anything it cannot decide alone
  is left ``ambiguous`` or ``none`` for the organizers (:func:`match`), never guessed;
- :func:`set_state`, :func:`call_group`, :func:`present_remaining` move honours through
  planned → called → presented / absent / proxy (or withdrawn), each change committed with its
  journal row;
- :func:`honours_of` tells reception what a delegate is to receive today.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from data.delegates import Delegate, all_delegates
from data.errors import DaihoiError
from data.store import Event, stamp
from data.text import clean, fold

PLANNED, CALLED, PRESENTED, ABSENT, PROXY, WITHDRAWN = (
    "planned",
    "called",
    "presented",
    "absent",
    "proxy",
    "withdrawn",
)
STATES = (PLANNED, CALLED, PRESENTED, ABSENT, PROXY, WITHDRAWN)
OPEN_STATES = (PLANNED, CALLED)
"""States of an honour still to be handed over."""

MATCHED, AMBIGUOUS, NONE = "matched", "ambiguous", "none"

# What physically goes on the tray (keys; the console renders them as ``honours.item.<key>``).
CERTIFICATE, FRAME, BADGE_BOX, MEDAL_BOX, FLAG = (
    "certificate",
    "frame",
    "badge_box",
    "medal_box",
    "flag",
)
ITEMS = (MEDAL_BOX, BADGE_BOX, FLAG, CERTIFICATE, FRAME)
"""Every item key, in the order a tray sheet lists them."""


# ---------------------------------------------------------------------------- the rules table
@dataclass(frozen=True)
class Rule:
    """One kind of honour: how to recognise it, where it stands, what goes on the tray."""

    key: str
    """Stable name of the rule (tests and the tally use it)."""
    rank: int
    """Precedence: lower is called first."""
    any_of: tuple[str, ...]
    """Folded phrases; the form matches when it contains one of them…"""
    all_of: tuple[str, ...] = ()
    """…and all of these."""
    items: tuple[str, ...] = (CERTIFICATE,)
    """What physically goes with it (Decree 98/2023 art. 54 where it says)."""
    issuer: int | None = None
    """When set, the form matches only if issued at this level or higher (see :func:`issuer_level`)."""


# The law's order of forms (art. 9: Huân chương, Huy chương, Danh hiệu vinh dự nhà nước, Giải
# thưởng, Kỷ niệm chương, Bằng khen, Giấy khen); emulation titles (danh hiệu thi đua) are slotted
# in at the level of the authority that confers them, just above that authority's own Bằng khen
# or Giấy khen: the Prime Minister confers Chiến sĩ thi đua toàn quốc and the Government's flag,
# the province's chair Chiến sĩ thi đua cấp tỉnh and the province's flag, a unit's head Chiến sĩ
# thi đua cơ sở. First matching rule wins, so specific rules come before general ones.
RULES: tuple[Rule, ...] = (
    Rule("huan_chuong", 10, ("huan chuong",), items=(MEDAL_BOX, CERTIFICATE)),
    Rule("huy_chuong", 20, ("huy chuong",), items=(MEDAL_BOX, CERTIFICATE)),
    Rule(
        "vinh_du_nha_nuoc",
        30,
        (
            "anh hung",
            "nha giao nhan dan",
            "nha giao uu tu",
            "thay thuoc nhan dan",
            "thay thuoc uu tu",
            "nghe si nhan dan",
            "nghe si uu tu",
            "nghe nhan nhan dan",
            "nghe nhan uu tu",
            "danh hieu vinh du",
        ),
        items=(BADGE_BOX, CERTIFICATE, FRAME),
    ),  # fmt: skip
    Rule("giai_thuong", 40, ("giai thuong",), items=(CERTIFICATE, FRAME)),
    Rule(
        "cstd_toan_quoc",
        50,
        ("chien si thi dua",),
        ("toan quoc",),
        items=(CERTIFICATE, FRAME, BADGE_BOX),
    ),
    Rule("co_thi_dua_chinh_phu", 50, ("co thi dua",), items=(FLAG,), issuer=0),
    Rule("ky_niem_chuong", 55, ("ky niem chuong",), items=(BADGE_BOX, CERTIFICATE)),
    Rule("bang_khen_thu_tuong", 60, ("bang khen",), items=(CERTIFICATE, FRAME), issuer=0),
    Rule("co_thi_dua", 65, ("co thi dua",), items=(FLAG,)),
    Rule("cstd_co_so", 75, ("chien si thi dua",), ("co so",), items=(CERTIFICATE, FRAME)),
    Rule("cstd", 65, ("chien si thi dua",), items=(CERTIFICATE, FRAME, BADGE_BOX)),
    Rule("bang_khen", 70, ("bang khen",), items=(CERTIFICATE, FRAME)),
    Rule(
        "lao_dong_xuat_sac",
        75,
        ("lao dong xuat sac", "don vi quyet thang"),
        items=(CERTIFICATE, FRAME),
    ),
    Rule("giay_khen", 80, ("giay khen",), items=(CERTIFICATE, FRAME)),
    Rule(
        "tien_tien",
        85,
        ("lao dong tien tien", "chien si tien tien", "don vi tien tien"),
        items=(CERTIFICATE,),
    ),
)
OTHER = Rule("other", 99, (), items=(CERTIFICATE,))
"""A form no rule knows: called last, with a certificate."""

# Orders within one rule: the type of Huân chương (law art. 34 …), the class of a title.
_SUB_ORDER: dict[str, tuple[str, ...]] = {
    "huan_chuong": (
        "sao vang", "ho chi minh", "doc lap", "quan cong", "lao dong", "bao ve to quoc",
        "chien cong", "dai doan ket", "dung cam", "huu nghi",
    ),
    "vinh_du_nha_nuoc": ("anh hung", "ba me", "nhan dan", "uu tu"),
    "giai_thuong": ("ho chi minh", "nha nuoc"),
}  # fmt: skip
_CLASSES = {"nhat": 1, "nhi": 2, "ba": 3}
_CLASS = re.compile(r"\bhang (nhat|nhi|ba|i{1,3})\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3}

_NATIONAL = ("thu tuong", "chinh phu", "chu tich nuoc", "nha nuoc", "quoc hoi")
_PROVINCIAL = ("tinh", "bo", "ban nganh", "nganh", "trung uong", "thanh pho truc thuoc")
_DISTRICT = ("huyen", "thi xa", "thanh pho")  # not "quan": quận and quân fold alike
_COMMUNE = ("xa", "phuong", "thi tran", "hieu truong", "co so")


# The per-form functions below are pure and called for every honour on every repaint (all_honours
# builds each row's precedence and tray items; tally sorts by precedence): a list has a few dozen
# distinct forms, so they are cached rather than recomputed with regexes for hundreds of rows.


def _has(text: str, phrase: str) -> bool:
    return f" {phrase} " in f" {text} "


@lru_cache(maxsize=1024)
def issuer_level(form: str) -> int:
    """Who issues it, from the form's words: 0 national (Chính phủ, Thủ tướng), 1 ministry or
    province, 2 district, 3 commune or a unit's head. Unknown issuers count as province level,
    the usual issuer of a provincial congress's honours."""
    text = " ".join(re.findall(r"[0-9a-z]+", fold(form)))
    for level, phrases in enumerate((_NATIONAL, _PROVINCIAL, _DISTRICT, _COMMUNE)):
        if any(_has(text, p) for p in phrases):
            return level
    return 1


@lru_cache(maxsize=1024)
def rule_for(form: str) -> Rule:
    """The rule of a form of honour, as written in a decision ("Bằng khen của Chủ tịch UBND tỉnh")."""
    text = " ".join(re.findall(r"[0-9a-z]+", fold(form)))
    level = issuer_level(form)
    for rule in RULES:
        if not any(_has(text, p) for p in rule.any_of):
            continue
        if not all(_has(text, p) for p in rule.all_of):
            continue
        if rule.issuer is not None and level > rule.issuer:
            continue
        return rule
    return OTHER


@lru_cache(maxsize=1024)
def precedence(form: str) -> tuple[int, int, int, int]:
    """Sort key of a form, highest honour first: rule rank, type (Độc lập before Lao động),
    issuing level (Thủ tướng before bộ/tỉnh before huyện), class (hạng Nhất before Nhì)."""
    rule = rule_for(form)
    text = " ".join(re.findall(r"[0-9a-z]+", fold(form)))
    sub = len(_SUB_ORDER.get(rule.key, ()))
    for i, phrase in enumerate(_SUB_ORDER.get(rule.key, ())):
        if _has(text, phrase):
            sub = i
            break
    found = _CLASS.search(text)
    klass = 0
    if found:
        word = found.group(1)
        klass = _CLASSES.get(word) or _ROMAN.get(word, 0)
    return (rule.rank, sub, issuer_level(form), klass)


@lru_cache(maxsize=1024)
def items_for(form: str) -> tuple[str, ...]:
    """What goes on the tray with this form (item keys, see :data:`ITEMS`)."""
    return rule_for(form).items


# ---------------------------------------------------------------------------- recognising text
# First words that name an organisation rather than a person. Compared with diacritics kept, so
# the family names Bàn, Tô, Đỗ, Đoàn are not mistaken for "Ban", "Tổ", "Đội", "đoàn thanh niên".
_COLLECTIVE_STARTS = (
    "tập thể", "phòng", "sở", "công ty", "tổng công ty", "trường", "ubnd", "ủy ban", "uỷ ban",
    "ban", "hội", "đội", "tổ", "khoa", "bệnh viện", "trung tâm", "chi cục", "cục", "viện",
    "hợp tác xã", "htx", "xí nghiệp", "nhà máy", "công an", "bộ chỉ huy", "bộ đội", "đơn vị",
    "phường", "xã", "thị trấn", "huyện", "thành phố", "thị xã", "liên đoàn", "chi nhánh",
    "ngân hàng", "văn phòng", "khối", "thôn", "xóm", "bản", "tổ dân phố", "hộ gia đình",
    "gia đình", "nhân dân", "lực lượng", "tiểu đoàn", "trung đoàn", "sư đoàn", "đảng bộ",
    "chi bộ", "đài", "báo", "tạp chí", "kho bạc", "mặt trận", "đoàn thanh niên", "đoàn luật sư",
    "hội đồng", "trạm", "hạt", "đồn", "câu lạc bộ", "clb", "nhóm", "lớp", "cơ quan", "doanh nghiệp",
    "tỉnh đoàn", "huyện đoàn", "thành đoàn", "liên minh", "quỹ", "cảng", "vụ", "đài phát thanh",
)  # fmt: skip
_STARTS = re.compile(
    r"^(?:"
    + "|".join(sorted(map(re.escape, _COLLECTIVE_STARTS), key=len, reverse=True))
    + r")(?:\s|$|[,.:;(-])"
)


def looks_collective(name: str) -> bool:
    """True when a recipient's name names a collective ("Phòng Giáo dục …", "UBND xã …")."""
    return bool(_STARTS.match(clean(name).lower()))


def is_posthumous(*texts: str) -> bool:
    """A posthumous award ("truy tặng") is received by family."""
    return any("truy tang" in fold(t) for t in texts)


_HONORIFIC = re.compile(r"^(?:ông|bà|đồng chí|đ/c|liệt sĩ|anh|chị)\s+", re.IGNORECASE)
_PAREN = re.compile(r"\([^()]*\)")  # [^()]: a cell of 32k "(" is linear, not 1.5 s


def person_key(name: str) -> str:
    """A recipient's name reduced for matching: no "(truy tặng)", no "Ông"/"Đồng chí", folded."""
    text = _PAREN.sub(" ", clean(name))
    text = _HONORIFIC.sub("", text.strip())
    return " ".join(re.findall(r"[0-9a-z]+", fold(text)))


def _padded_words(text: str) -> str:
    return " " + " ".join(re.findall(r"[0-9a-z]+", fold(text))) + " "


def unit_fits(delegate_unit: str, unit: str, position: str = "") -> bool:
    """The delegate's unit agrees with the list's unit (and position, which often carries it):
    one contains the other, word for word, accents and case ignored."""
    mine = _padded_words(delegate_unit)
    theirs = _padded_words(f"{unit} {position}")
    if not mine.strip() or not theirs.strip():
        return False
    if mine in theirs:
        return True
    return bool(unit.strip()) and _padded_words(unit) in mine


# ---------------------------------------------------------------------------- results
@dataclass(frozen=True)
class HonourRow:
    """One honour as read from a list (or typed on the spot), before it is stored."""

    recipient: str
    """Person or collective, as written."""
    form: str
    """Form of honour / title, as written in the decision."""
    collective: bool | None = None
    """True/False when the list says; None to decide from the name."""
    position: str = ""
    unit: str = ""
    decision: str = ""
    """"Quyết định số 1234/QĐ-UBND ngày 15/9/2025" as the list gives it."""
    group: str = ""
    """The group called on stage together ("Đợt 1")."""
    presenter: str = ""
    """The leader who presents this group's honours."""
    order: int | None = None
    """The list's explicit calling order, when it gives one."""
    external_id: str | None = None
    """The recipient's delegate id on the delegate list, when the honours list carries it."""
    representative: str = ""
    """Who receives a collective's honour, when the list says."""
    posthumous: bool = False
    source_row: int | None = None


@dataclass(frozen=True)
class Honour:
    """One honour to hand over, with its state in the ceremony."""

    id: int
    recipient: str
    """Person or collective, exactly as written on the list."""
    collective: bool
    form: str
    """Form of honour as written ("Bằng khen của Chủ tịch UBND tỉnh")."""
    decision: str
    group: str
    """"Đợt 1" …; "" when the list has no groups."""
    presenter: str
    position: str
    unit: str
    order: int | None
    """The list's explicit calling order, if any."""
    posthumous: bool
    representative: str
    """Who receives a collective's honour (may be a delegate)."""
    delegate_id: int | None
    """The delegate who receives it (the person, or a collective's representative)."""
    match: str
    """``matched``, ``ambiguous`` (several or unconfirmed candidates) or ``none``."""
    candidates: tuple[int, ...]
    """For an ambiguous match: the delegates it could be."""
    state: str
    state_at: str | None
    """When the state last changed (presented: the moment it was handed over)."""
    state_desk: str | None
    proxy_by: str | None
    """Who received it on the recipient's behalf."""
    present: bool | None = None
    """The receiving delegate has checked in (True), not yet (False), or unknown (None)."""
    precedence: tuple[int, ...] = field(default=(), compare=False)
    items: tuple[str, ...] = field(default=(), compare=False)
    """What goes on the tray (item keys)."""
    match_decided_at: str | None = None
    """When the organizers decided the match (:func:`match`); a re-import keeps such a match."""

    def public(self) -> dict[str, Any]:
        """The shape ``daihoi honours --json`` prints (the first keys are the stable contract)."""
        return {
            "id": self.id,
            "recipient": self.recipient,
            "collective": self.collective,
            "form": self.form,
            "decision": self.decision,
            "group": self.group,
            "state": self.state,
            "delegate_id": self.delegate_id if self.match == MATCHED else None,
            "match": self.match,
            "position": self.position,
            "unit": self.unit,
            "presenter": self.presenter,
            "order": self.order,
            "posthumous": self.posthumous,
            "representative": self.representative,
            "candidates": list(self.candidates),
            "present": self.present,
            "state_at": self.state_at,
            "desk": self.state_desk,
            "proxy_by": self.proxy_by,
            "items": list(self.items),
        }


_COLUMNS = (
    "id, recipient, collective, form, decision, stage_group, presenter, position, unit,"
    " list_order, posthumous, representative, delegate_id, match, candidates, state, state_at,"
    " state_desk, proxy_by, (select 1 from attendance a where a.delegate_id = h.delegate_id),"
    " match_decided_at"
)


def _from_row(row: Sequence[Any]) -> Honour:
    (id_, recipient, collective, form, decision, group, presenter, position, unit, order,
     posthumous, representative, delegate_id, match_, candidates, state, state_at, state_desk,
     proxy_by, arrived, decided_at) = row  # fmt: skip
    present = None if delegate_id is None or match_ != MATCHED else bool(arrived)
    return Honour(
        id=id_,
        recipient=recipient,
        collective=bool(collective),
        form=form,
        decision=decision,
        group=group,
        presenter=presenter,
        position=position,
        unit=unit,
        order=order,
        posthumous=bool(posthumous),
        representative=representative,
        delegate_id=delegate_id,
        match=match_,
        candidates=tuple(json.loads(candidates or "[]")),
        state=state,
        state_at=state_at,
        state_desk=state_desk,
        proxy_by=proxy_by,
        present=present,
        precedence=precedence(form),
        items=items_for(form),
        match_decided_at=decided_at,
    )


def calling_key(h: Honour) -> tuple[Any, ...]:
    """Order on stage within a group: the list's explicit order, else precedence, else list order."""
    if h.order is not None:
        return (0, h.order, h.id)
    return (1, h.precedence, h.id)


def _group_key(name: str, first: int) -> tuple[Any, ...]:
    numbers = re.findall(r"\d+", name)
    return (0, int(numbers[0]), first) if numbers else (1, 0, first)


def all_honours(event: Event, *, group: str | None = None) -> list[Honour]:
    """Every honour, groups in order, each group in calling order."""
    sql = f"select {_COLUMNS} from honours h"
    params: list[Any] = []
    if group is not None:
        sql += " where stage_group = ?"
        params.append(group)
    found = [_from_row(r) for r in event.conn.execute(sql + " order by id", params)]
    first: dict[str, int] = {}
    for h in found:
        first.setdefault(h.group, h.order if h.order is not None else h.id)
    found.sort(key=lambda h: (_group_key(h.group, first[h.group]), calling_key(h)))
    return found


def groups(event: Event) -> list[str]:
    """The groups called on stage, in order ("Đợt 1", "Đợt 2" … ; numbers compared as numbers)."""
    seen: dict[str, None] = {}
    for h in all_honours(event):
        seen.setdefault(h.group)
    return list(seen)


def get(event: Event, honour_id: int) -> Honour:
    row = event.conn.execute(
        f"select {_COLUMNS} from honours h where id = ?", (honour_id,)
    ).fetchone()
    if row is None:
        raise DaihoiError("honours.unknown", id=honour_id)
    return _from_row(row)


def honours_of(event: Event, delegate_id: int) -> list[tuple[str, str]]:
    """What a delegate receives today, as (form, group), for the reception desk's note.

    Includes the honours of collectives the delegate receives for; leaves out withdrawn ones.
    """
    rows = event.conn.execute(
        "select form, stage_group from honours where delegate_id = ? and match = ?"
        " and state != ? order by id",
        (delegate_id, MATCHED, WITHDRAWN),
    )
    return [(form, group) for form, group in rows]


# ---------------------------------------------------------------------------- matching
@dataclass(frozen=True)
class Match:
    """How a recipient was matched to the delegate list."""

    match: str
    delegate_id: int | None
    candidates: tuple[int, ...] = ()


class Matcher:
    """Matches recipients to delegates: external id, else name + unit, never a guess."""

    def __init__(self, people: Iterable[Delegate]) -> None:
        self.by_external: dict[str, int] = {}
        self.by_name: dict[str, list[Delegate]] = {}
        for d in people:
            if d.status != "approved":
                continue
            if d.external_id:
                self.by_external.setdefault(clean(d.external_id), d.id)
            self.by_name.setdefault(person_key(d.name), []).append(d)

    def person(
        self, name: str, unit: str = "", position: str = "", external_id: str | None = None
    ) -> Match:
        """A person: matched only when the external id, or name and unit, point at one delegate.

        A name that fits several delegates, or one delegate whose unit does not agree with the
        list's, or a list row without a unit, is ``ambiguous``: the organizers confirm it.
        """
        if external_id and clean(external_id) in self.by_external:
            return Match(MATCHED, self.by_external[clean(external_id)])
        named = self.by_name.get(person_key(name), [])
        if not named:
            return Match(NONE, None)
        if unit.strip() or position.strip():
            fitting = [d for d in named if unit_fits(d.unit, unit, position)]
            if len(fitting) == 1:
                return Match(MATCHED, fitting[0].id)
            if fitting:
                return Match(AMBIGUOUS, None, tuple(d.id for d in fitting))
        return Match(AMBIGUOUS, None, tuple(d.id for d in named))

    def representative(self, name: str, collective: str) -> Match:
        """A collective's representative: by name, their unit agreeing with the collective."""
        if not name.strip():
            return Match(NONE, None)
        return self.person(name, collective)


def _match_row(matcher: Matcher, row: HonourRow, collective: bool) -> Match:
    if collective:
        return matcher.representative(row.representative, row.recipient)
    return matcher.person(row.recipient, row.unit, row.position, row.external_id)


def honour_key(recipient: str, unit: str, form: str, decision: str = "") -> str:
    """How a re-imported row finds its honour: recipient, unit, form and decision, folded.

    The decision is part of it: the same person may receive the same form twice under two
    decisions (a province's Bằng khen for the year and one for an exploit), and both must be kept.
    """
    return f"{person_key(recipient)}|{fold(unit)}|{fold(form)}|{fold(decision)}"


# ---------------------------------------------------------------------------- saving a list
@dataclass(frozen=True)
class SaveReport:
    """What storing a list did (or, for a dry run, would do)."""

    added: int
    updated: int
    unchanged: int
    unresolved: tuple[tuple[str, str, tuple[int, ...]], ...]
    """(recipient, match, candidates) of individuals not matched to exactly one delegate."""
    repeated: tuple[str, ...] = ()
    """Recipients listed more than once with the same form, unit and decision: each row is kept
    as its own honour (two people of one name are not merged); the organizers check them."""


_UPDATABLE = (
    "collective", "position", "form", "decision", "stage_group", "presenter", "list_order",
    "posthumous", "external_id", "representative", "source_file", "source_row",
)  # fmt: skip


def _values(row: HonourRow, source: str) -> dict[str, Any]:
    recipient = clean(row.recipient)
    collective = row.collective if row.collective is not None else looks_collective(recipient)
    return {
        "recipient": recipient,
        "collective": int(collective),
        "position": clean(row.position),
        "unit": clean(row.unit),
        "form": clean(row.form),
        "decision": clean(row.decision),
        "stage_group": clean(row.group),
        "presenter": clean(row.presenter),
        "list_order": row.order,
        "posthumous": int(row.posthumous or is_posthumous(row.form, row.recipient)),
        "external_id": clean(row.external_id) or None,
        "representative": clean(row.representative),
        "source_file": source,
        "source_row": row.source_row,
    }


def save(
    event: Event, rows: Iterable[HonourRow], *, source: str = "", dry_run: bool = False
) -> SaveReport:
    """Store a list of honours in one transaction (none for a dry run).

    A row already stored (same recipient, unit, form and decision, compared folded) is updated in
    place: its ceremony state and an organizer's match ("not a delegate" included) are kept. A row
    is never merged into another one: a second honour of the same person is stored as its own. Individuals are matched to delegates
    (:class:`Matcher`); collectives to their representative's delegate when the list names one.
    """
    matcher = Matcher(all_delegates(event))
    # Stored honours by key, oldest first; the n-th row of a key in the list is the n-th stored
    # honour of that key, so re-importing a list that repeats a row is still idempotent. The key
    # is computed from the stored columns, not read from ``match_key``, so rows stored under an
    # older key definition are found too.
    existing: dict[str, list[tuple[int, dict[str, Any], str, str | None]]] = {}
    cols = ", ".join(_UPDATABLE)
    for row in event.conn.execute(
        f"select id, recipient, unit, match, match_decided_at, delegate_id, candidates, {cols}"
        " from honours order by id"
    ):
        old = dict(zip(("delegate_id", "candidates", *_UPDATABLE), row[5:]))
        key = honour_key(row[1], row[2], old["form"], old["decision"])
        existing.setdefault(key, []).append((row[0], old, row[3], row[4]))
    now = stamp(event.now())
    inserts: list[dict[str, Any]] = []
    updates: list[tuple[int, dict[str, Any]]] = []
    unchanged = 0
    unresolved: list[tuple[str, str, tuple[int, ...]]] = []
    seen: dict[str, int] = {}
    repeated: dict[str, None] = {}
    for row in rows:
        values = _values(row, source)
        key = honour_key(values["recipient"], values["unit"], values["form"], values["decision"])
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        if nth:
            repeated.setdefault(values["recipient"])
        stored = existing.get(key, [])
        found = _match_row(matcher, row, bool(values["collective"]))
        match_values = {
            "delegate_id": found.delegate_id,
            "match": found.match,
            "candidates": json.dumps(list(found.candidates)),
        }
        kept_match = None
        if nth < len(stored):
            honour_id, old, old_match, decided_at = stored[nth]
            diff = {
                k: v
                for k, v in values.items()
                if k in _UPDATABLE and k not in ("source_file", "source_row") and old[k] != v
            }
            # A match the organizers decided, or one already certain, is kept as is.
            if decided_at is not None or old_match == MATCHED:
                kept_match = old_match
            elif (old["delegate_id"], old_match, old["candidates"]) != tuple(match_values.values()):
                diff.update(match_values)
            if diff:
                diff.update(source_file=source, source_row=row.source_row, updated_at=now)
                updates.append((honour_id, diff))
            else:
                unchanged += 1
        else:
            inserts.append(
                {**values, **match_values, "match_key": key, "created_at": now, "updated_at": now}
            )
        if not values["collective"] and kept_match is None and found.match != MATCHED:
            unresolved.append((values["recipient"], found.match, found.candidates))
    report = SaveReport(len(inserts), len(updates), unchanged, tuple(unresolved), tuple(repeated))
    if dry_run or not (inserts or updates):
        return report
    with event.write():
        table = event.db["honours"]
        for values in inserts:
            table.insert(values)
        for honour_id, diff in updates:
            table.update(honour_id, diff)
        event.journal(
            "honours.imported",
            {
                "source": source,
                "added": len(inserts),
                "updated": [i for i, _ in updates],
                "unresolved": len(unresolved),
            },
        )
    return report


def add(event: Event, row: HonourRow) -> Honour:
    """Add one honour on the spot (a late decision, a forgotten name), matched like an import."""
    if not clean(row.recipient) or not clean(row.form):
        raise DaihoiError("honours.add_incomplete")
    values = _values(row, "")
    found = _match_row(Matcher(all_delegates(event)), row, bool(values["collective"]))
    now = stamp(event.now())
    with event.write():
        table = event.db["honours"]
        table.insert(
            {
                **values,
                "delegate_id": found.delegate_id,
                "match": found.match,
                "candidates": json.dumps(list(found.candidates)),
                "match_key": honour_key(
                    values["recipient"], values["unit"], values["form"], values["decision"]
                ),
                "created_at": now,
                "updated_at": now,
            }
        )
        honour_id = int(table.last_pk)
        event.journal(
            "honour.added",
            {"id": honour_id, "recipient": values["recipient"], "form": values["form"],
             "group": values["stage_group"], "match": found.match},
        )  # fmt: skip
    return get(event, honour_id)


def match(event: Event, honour_id: int, delegate_id: int | None) -> Honour:
    """The organizers' decision: this honour goes to (or is received by) this delegate.

    ``None`` records that the recipient is not a delegate, so it stops being listed as unresolved.
    """
    honour = get(event, honour_id)
    if delegate_id is not None:
        from data.delegates import get as get_delegate

        get_delegate(event, delegate_id)
    with event.write():
        event.db["honours"].update(
            honour_id,
            {
                "delegate_id": delegate_id,
                "match": MATCHED if delegate_id is not None else NONE,
                "candidates": "[]",
                "match_decided_at": stamp(event.now()),
                "updated_at": stamp(event.now()),
            },
        )
        event.journal(
            "honour.matched",
            {"id": honour_id, "recipient": honour.recipient, "delegate_id": delegate_id,
             "was": honour.delegate_id, "was_match": honour.match},
        )  # fmt: skip
    return get(event, honour_id)


def unresolved(event: Event) -> list[Honour]:
    """Individuals not yet matched to exactly one delegate: for the organizers to decide.

    An organizer's "not a delegate" (:func:`match` with None) takes a recipient off the list,
    read from the honour's own ``match_decided_at`` so it agrees with what :func:`save` reports.
    """
    return [
        h
        for h in all_honours(event)
        if not h.collective
        and h.match != MATCHED
        and h.state != WITHDRAWN
        and h.match_decided_at is None
    ]


# ---------------------------------------------------------------------------- ceremony states
def set_state(event: Event, honour_id: int, state: str, *, by: str = "") -> Honour:
    """Record what happened to one honour on stage, with its journal row.

    ``proxy`` needs who received it (``by``). A withdrawn honour can only be put back to planned.
    Setting an honour back to planned or called corrects a mistaken key press.
    """
    if state not in STATES:
        raise DaihoiError("honours.bad_state", state=state)
    by = clean(by)
    now = stamp(event.now())
    # Read and write under one lock: another desk's mark made after our read would otherwise be
    # overwritten, or a withdrawn honour marked presented.
    with event.write():
        honour = get(event, honour_id)
        if state == PROXY and not by:
            raise DaihoiError("honours.proxy_needs_name", recipient=honour.recipient)
        if honour.state == WITHDRAWN and state not in (PLANNED, WITHDRAWN):
            raise DaihoiError("honours.is_withdrawn", recipient=honour.recipient)
        if honour.state == state and (state != PROXY or honour.proxy_by == by):
            return honour
        event.db["honours"].update(
            honour_id,
            {
                "state": state,
                "state_at": now,
                "state_desk": event.desk,
                "proxy_by": by if state == PROXY else None,
                "updated_at": now,
            },
        )
        payload: dict[str, Any] = {
            "id": honour_id,
            "recipient": honour.recipient,
            "form": honour.form,
            "group": honour.group,
            "from": honour.state,
        }
        if state == PROXY:
            payload["by"] = by
        event.journal(f"honour.{state}", payload)
    return get(event, honour_id)


def call_group(event: Event, group: str) -> list[int]:
    """The MC calls a group on stage: its planned honours become ``called`` (one journal row)."""
    return _mark_group(
        event, group, lambda h: h.state == PLANNED, (PLANNED,), CALLED, "honours.group_called"
    )


def present_remaining(event: Event, group: str) -> list[int]:
    """Hand over, in one step, every open honour of the group whose receiver has checked in.

    Honours whose receiver has not arrived, or is not known to be a delegate, stay open: the
    MC marks those one by one, so nobody is recorded as honoured on a guess.
    """
    return _mark_group(
        event,
        group,
        lambda h: h.state in OPEN_STATES and bool(h.present),
        OPEN_STATES,
        PRESENTED,
        "honours.group_presented",
    )


def _mark_group(
    event: Event,
    group: str,
    chosen: Callable[[Honour], bool],
    from_states: tuple[str, ...],
    state: str,
    kind: str,
) -> list[int]:
    """Put the ``chosen`` honours of one group in ``state`` with one journal row; returns their ids.

    The honours are chosen inside the write lock (another desk's proxy or absent recorded a moment
    earlier is seen, not overwritten), and the UPDATE only touches rows still in ``from_states``.
    """
    now = stamp(event.now())
    with event.write():
        ids = [h.id for h in all_honours(event, group=group) if chosen(h)]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        states = ",".join("?" * len(from_states))
        event.conn.execute(
            f"update honours set state = ?, state_at = ?, state_desk = ?, proxy_by = null,"
            f" updated_at = ? where id in ({marks}) and state in ({states})",
            [state, now, event.desk, now, *ids, *from_states],
        )
        event.journal(kind, {"group": group, "ids": ids})
    return ids


def proxy_suggestion(h: Honour) -> str:
    """Who usually receives on behalf: a collective's representative; "" otherwise."""
    return h.representative if h.collective else ""


# ---------------------------------------------------------------------------- tally, tray
@dataclass(frozen=True)
class FormTally:
    """Counts for one form of honour."""

    form: str
    planned: int
    """Honours of this form to hand over today (withdrawn ones excluded)."""
    presented: int
    absent: int
    proxy: int
    remaining: int
    """Still planned or called."""


@dataclass(frozen=True)
class Tally:
    """Where the ceremony stands: totals and per form of honour, highest form first."""

    planned: int
    presented: int
    absent: int
    proxy: int
    remaining: int
    withdrawn: int
    by_form: tuple[FormTally, ...]


def tally(event: Event) -> Tally:
    """Counts by state, overall and per form of honour."""
    counts: dict[str, dict[str, int]] = {}
    order: dict[str, tuple[int, ...]] = {}
    for form, state, n in event.conn.execute(
        "select form, state, count(*) from honours group by form, state"
    ):
        counts.setdefault(form, {}).update({state: n})
        order[form] = precedence(form)
    rows = []
    for form in sorted(counts, key=lambda f: (order[f], f)):
        c = counts[form]
        rows.append(
            FormTally(
                form=form,
                planned=sum(n for s, n in c.items() if s != WITHDRAWN),
                presented=c.get(PRESENTED, 0),
                absent=c.get(ABSENT, 0),
                proxy=c.get(PROXY, 0),
                remaining=c.get(PLANNED, 0) + c.get(CALLED, 0),
            )
        )
    withdrawn = sum(c.get(WITHDRAWN, 0) for c in counts.values())
    return Tally(
        planned=sum(r.planned for r in rows),
        presented=sum(r.presented for r in rows),
        absent=sum(r.absent for r in rows),
        proxy=sum(r.proxy for r in rows),
        remaining=sum(r.remaining for r in rows),
        withdrawn=withdrawn,
        by_form=tuple(rows),
    )


def tray(event: Event, *, group: str | None = None) -> list[tuple[str, list[Honour]]]:
    """What the tray team lays out: per group in order, the honours to hand over in calling order
    (withdrawn ones left out). The console renders it with :mod:`badges.tray`."""
    found: dict[str, list[Honour]] = {}
    for h in all_honours(event, group=group):
        if h.state != WITHDRAWN:
            found.setdefault(h.group, []).append(h)
    return list(found.items())
