"""Recognising what a list's text says: a collective's name, a posthumous award, a person's name
reduced for matching, a unit that agrees with a delegate's."""

from __future__ import annotations

import re

from data.text import clean, fold

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
