"""The one table of forms of honour: where each stands in precedence and what physically goes
on the tray with it (certificate, frame, badge or medal box, flag).

The calling order is computed here from the form's words, so the rules live in code and can be
corrected without a migration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from data.text import fold

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
