"""The report on delegates present ("Báo cáo tình hình đại biểu dự Đại hội"), as figures.

The credentials committee (Party, Youth Union, association congresses) or the organizers
(emulation congresses) read it out after the opening: the totals (convened, present, absent
with and without a reason, substitutes), then the composition of those present, each line as
"n đại biểu, chiếm x%". :func:`build` computes it for the current session (or the one
:func:`data.sessions.viewing` shows); :mod:`data.credentials_docx` and
:mod:`badges.credentials_pdf` write it. The totals and the gender, ethnicity, religion and age
lines are :func:`data.stats.compute`'s own figures, so they agree with ``daihoi stats --json``
to the person; the other blocks read the profile a trích ngang list brings
(:data:`data.schema_sessions.PROFILE_FIELDS`). A block whose data the list does not have is
left out, not filled with zeros.

Labels are plain Vietnamese constants: this is a Vietnamese document, edited afterwards in Word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from . import sessions as sessions_mod
from . import stats as stats_mod
from .stats import percent
from .store import Event, stamp
from .text import collate, fold

TITLE = "BÁO CÁO"
SUBTITLE = "Tình hình đại biểu dự Đại hội"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
ISSUER = "BAN TỔ CHỨC ĐẠI HỘI"


@dataclass(frozen=True)
class Line:
    """One line of the report: "Nữ: 38 đại biểu, chiếm 30,4%"."""

    label: str
    n: int | None = None
    """The count; None for a line of text alone (the oldest delegate's name)."""
    of: int = 0
    """The whole the share is taken of (0: no share printed)."""
    text: str = ""
    """For a text line, or what follows the count ("tuổi"); empty for a plain count."""
    level: int = 0
    """1 for a line under the one before it ("trong đó")."""

    def render(self) -> str:
        """The line as the document prints it."""
        if self.n is None:
            return f"{self.label}: {self.text}" if self.text else self.label
        figure = f"{number(self.n)} {self.text or 'đại biểu'}"
        if self.of:
            figure += f", chiếm {percent(self.n, self.of)}"
        return f"{self.label}: {figure}"


@dataclass(frozen=True)
class Section:
    """A numbered part of the report ("1. Về giới tính")."""

    title: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Credentials:
    """The whole report, ready to write."""

    event_title: str
    event_date: str | None
    session: str
    """The session the figures are for."""
    generated_at: str
    convened: int
    """Delegates on the approved list (``stats.expected``)."""
    present: int
    """Of them, checked in for the session (``stats.arrived``)."""
    totals: Section
    sections: tuple[Section, ...]
    """The composition of those present, the blocks the list has data for."""
    quorum: str
    """The quorum sentence when the event sets a threshold, else ""."""


def number(n: int) -> str:
    """A whole number as Vietnamese documents write it: 1.234."""
    return f"{n:,}".replace(",", ".")


def average(total: int, count: int) -> str:
    """``total / count`` with one decimal and a decimal comma, rounded half up ("45,3")."""
    tenths = (total * 20 + count) // (2 * count)
    return f"{tenths // 10},{tenths % 10}"


# ------------------------------------------------------------------ classifying texts
DELEGATE_KINDS = (
    ("Đại biểu đương nhiên", ("duong nhien",)),
    ("Đại biểu được bầu", ("duoc bau", "bau cu", "bau")),
    ("Đại biểu chỉ định", ("chi dinh",)),
    ("Đại biểu dự khuyết", ("du khuyet",)),
    ("Khách mời", ("khach moi", "khach")),
)
QUALIFICATIONS = (
    ("Giáo sư, Phó Giáo sư", ("giao su", "pgs", "gs")),
    ("Tiến sĩ", ("tien si", "ts")),
    ("Thạc sĩ", ("thac si", "ths", "bac si chuyen khoa ii", "ckii")),
    ("Đại học", ("dai hoc", "cu nhan", "ky su", "bac si", "duoc si", "kien truc su", "dh")),
    ("Cao đẳng", ("cao dang", "cd")),
    ("Trung cấp", ("trung cap", "tc")),
    ("Sơ cấp", ("so cap",)),
)
THEORY = (
    ("Cao cấp, cử nhân", ("cao cap", "cu nhan")),
    ("Trung cấp", ("trung cap",)),
    ("Sơ cấp", ("so cap",)),
)
TITLES = (
    ("Anh hùng Lực lượng vũ trang nhân dân", ("anh hung luc luong vu trang", "ahllvt")),
    ("Anh hùng Lao động", ("anh hung lao dong", "ahld")),
    ("Bà mẹ Việt Nam anh hùng", ("ba me viet nam anh hung", "mevnah")),
    ("Chiến sĩ thi đua toàn quốc", ("chien si thi dua toan quoc", "cstdtq")),
    ("Nhà giáo nhân dân", ("nha giao nhan dan", "ngnd")),
    ("Nhà giáo ưu tú", ("nha giao uu tu", "ngut")),
    ("Thầy thuốc nhân dân", ("thay thuoc nhan dan", "ttnd")),
    ("Thầy thuốc ưu tú", ("thay thuoc uu tu", "ttut")),
    ("Nghệ sĩ nhân dân", ("nghe si nhan dan", "nsnd")),
    ("Nghệ sĩ ưu tú", ("nghe si uu tu", "nsut")),
    ("Nghệ nhân nhân dân", ("nghe nhan nhan dan", "nnnd")),
    ("Nghệ nhân ưu tú", ("nghe nhan uu tu", "nnut")),
)
MODEL_KINDS = (("Cá nhân", ("ca nhan",)), ("Tập thể", ("tap the", "don vi")))


def _words(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", fold(text)) + " "


def classify(text: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The label of ``table`` whose words appear in ``text`` (accents ignored; first wins)."""
    if not text.strip():
        return None
    found = _words(text)
    for label, keys in table:
        if any(f" {k} " in found for k in keys):
            return label
    return None


def titles_of(*texts: str) -> set[str]:
    """Every special title named in ``texts`` (a person may hold two)."""
    found = _words(" ".join(texts))
    return {label for label, keys in TITLES if any(f" {k} " in found for k in keys)}


def year_of(text: str) -> int | None:
    """The year in a date as lists write it ("03/02/1995", "1995-02-03", "1995")."""
    years = re.findall(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)", text)
    return int(years[0]) if years else None


# ------------------------------------------------------------------ build
@dataclass(frozen=True)
class _Present:
    id: int
    name: str
    unit: str
    gender: str
    age: int | None
    born: str
    ethnicity: str
    religion: str
    kind: str
    category: str
    position: str
    party_date: str
    education: str
    qualification: str
    theory: str
    honour_title: str
    sector: str
    model_kind: str


def build(event: Event) -> Credentials:
    """The report for the session the event reads now (current, or viewed)."""
    figures = stats_mod.compute(event)
    lists = sessions_mod.absent_lists(event)
    day = date.fromisoformat(event.info.date) if event.info.date else event.now().date()
    people = _present(event, day)
    present = len(people)
    assert present == figures.arrived, "the report reads the same session as the figures"
    substitutes = _substitutes(event)
    quorum = sessions_mod.quorum(event)
    absent = figures.expected - figures.arrived
    excused = len(lists.excused)
    total_lines = [
        Line("Tổng số đại biểu được triệu tập", figures.expected),
        Line("Số đại biểu có mặt", present, figures.expected),
        Line("Số đại biểu vắng mặt", absent, figures.expected),
        Line("Vắng có lý do", excused, level=1),
        Line("Vắng không có lý do, chưa đến", absent - excused, level=1),
    ]
    if substitutes:
        total_lines.append(Line("Đại biểu dự khuyết thay thế", substitutes))
    sections = [
        s
        for s in (
            _kinds(people),
            _gender(figures, present),
            _ethnicity(figures, present),
            _religion(figures, present),
            _party(people, day),
            _age(figures, people, present),
            _grouped(people, "Về trình độ học vấn", lambda p: p.education, None),
            _grouped(people, "Về trình độ chuyên môn", lambda p: p.qualification, QUALIFICATIONS),
            _grouped(people, "Về trình độ lý luận chính trị", lambda p: p.theory, THEORY),
            _titles(people),
            _grouped(people, "Về lĩnh vực", lambda p: p.sector, None),
            _grouped(people, "Về cá nhân, tập thể", lambda p: p.model_kind, MODEL_KINDS),
        )
        if s is not None
    ]
    quorum_text = ""
    if quorum.met is not None:
        verdict = "đủ" if quorum.met else "chưa đủ"
        body = "Hội nghị" if event.info.kind == "hoi-nghi" else "Đại hội"
        quorum_text = (
            f"{body} {verdict} điều kiện tiến hành: {number(quorum.present)}/"
            f"{number(quorum.convened)}, {percent(quorum.present, quorum.convened)}"
        )
        if quorum.convened != figures.expected:
            quorum_text += " (không tính khách mời)"
    return Credentials(
        event_title=event.info.title,
        event_date=event.info.date,
        session=figures.session,
        generated_at=stamp(event.now()),
        convened=figures.expected,
        present=present,
        totals=Section("Tổng số đại biểu", tuple(total_lines)),
        sections=tuple(sections),
        quorum=quorum_text,
    )


def _present(event: Event, day: date) -> list[_Present]:
    rows = event.conn.execute(
        """
        select d.id, d.name, d.unit, d.gender, d.birth_year, d.birth_date, d.ethnicity,
               d.religion, d.delegate_kind, d.category, d.position, d.party_date, d.education,
               d.qualification, d.political_theory, d.honour_title, d.sector, d.model_kind
        from delegates d join attendance a on a.delegate_id = d.id
        where d.status = 'approved' order by d.id
        """
    ).fetchall()
    return [
        _Present(
            id=r[0],
            name=r[1],
            unit=r[2],
            gender=stats_mod.gender_of(r[3]),
            age=stats_mod.age_on(day, r[4], r[5]),
            born=r[5] or (str(r[4]) if r[4] else ""),
            ethnicity=r[6].strip(),
            religion=r[7].strip(),
            kind=r[8],
            category=r[9],
            position=r[10],
            party_date=r[11].strip(),
            education=r[12].strip(),
            qualification=r[13].strip(),
            theory=r[14].strip(),
            honour_title=r[15],
            sector=r[16].strip(),
            model_kind=r[17].strip(),
        )
        for r in rows
    ]


def _substitutes(event: Event) -> int:
    """Substitutes on the list: approved walk-ins who replace a delegate (dự khuyết thay thế;
    the one replaced has left the list, so the convened total is unchanged)."""
    return int(
        event.conn.execute(
            "select count(*) from delegates d where d.status = 'approved' and ("
            " d.id in (select delegate_id from walkins where state = 'approved'"
            "  and substitute_for is not null))"
        ).fetchone()[0]
    )


def _counted(labels: Iterable[str | None], order: tuple[str, ...] = ()) -> list[tuple[str, int]]:
    """(label, count) largest first, the labels of ``order`` first in that order."""
    counts = Counter(label for label in labels if label)
    fixed = [(label, counts[label]) for label in order if counts[label]]
    rest = sorted(
        ((label, n) for label, n in counts.items() if label not in order),
        key=lambda item: (-item[1], collate(item[0])),
    )
    return fixed + rest


def _kinds(people: list[_Present]) -> Section | None:
    if not any(p.kind.strip() for p in people):
        return None
    labels = [classify(p.kind, DELEGATE_KINDS) or p.kind.strip() or None for p in people]
    order = tuple(label for label, _ in DELEGATE_KINDS)
    lines = [Line(label, n, len(people)) for label, n in _counted(labels, order)]
    return Section("Về tư cách đại biểu", tuple(lines))


def _gender(figures: stats_mod.Stats, present: int) -> Section | None:
    groups = {g.label: g for g in figures.dimension(stats_mod.GENDER).groups}
    if not any(groups[g].expected for g in ("Nam", "Nữ") if g in groups):
        return None
    lines = [
        Line(f"Đại biểu {label.lower()}", groups[label].arrived, present)
        for label in (
            "Nữ",
            "Nam",
        )
        if label in groups
    ]
    return Section("Về giới tính", tuple(lines))


def _ethnicity(figures: stats_mod.Stats, present: int) -> Section | None:
    groups = figures.dimension(stats_mod.ETHNICITY).groups
    known = [g for g in groups if g.label != stats_mod.UNKNOWN]
    if not any(g.expected for g in known):
        return None
    lines = []
    for g in known:
        if g.level == 1:
            label = g.label.split(": ", 1)[1]
            lines.append(Line(f"Dân tộc {label}", g.arrived, present, level=1))
        elif g.label == stats_mod.MINORITIES:
            lines.append(Line("Đại biểu là người dân tộc thiểu số", g.arrived, present))
        else:
            lines.append(Line(f"Dân tộc {g.label}", g.arrived, present))
    # Kinh after the minorities' own lines reads oddly: minorities first, each under them.
    kinh = [line for line in lines if line.label == f"Dân tộc {stats_mod.KINH}"]
    others = [line for line in lines if line.label != f"Dân tộc {stats_mod.KINH}"]
    return Section("Về dân tộc", tuple(others + kinh))


def _religion(figures: stats_mod.Stats, present: int) -> Section | None:
    groups = [
        g for g in figures.dimension(stats_mod.RELIGION).groups if g.label != stats_mod.UNKNOWN
    ]
    if not any(g.expected for g in groups):
        return None
    believers = [g for g in groups if g.label != stats_mod.NO_RELIGION]
    lines = [Line("Đại biểu có tôn giáo", sum(g.arrived for g in believers), present)]
    lines += [Line(g.label, g.arrived, present, level=1) for g in believers if g.arrived]
    return Section("Về tôn giáo", tuple(lines))


def _party(people: list[_Present], day: date) -> Section | None:
    members = [p for p in people if p.party_date]
    if not members:
        return None
    lines = [
        Line("Đại biểu là đảng viên", len(members), len(people)),
        Line("Đại biểu ngoài Đảng", len(people) - len(members), len(people)),
    ]
    dated = [(day.year - y, p) for p in members if (y := year_of(p.party_date)) is not None]
    if dated:
        dated.sort(key=lambda item: (item[0], item[1].id))
        longest = max(dated, key=lambda item: (item[0], -item[1].id))
        shortest = dated[0]
        lines.append(
            Line(
                "Tuổi Đảng bình quân",
                None,
                text=f"{average(sum(y for y, _ in dated), len(dated))} năm",
            )
        )
        lines.append(_named("Tuổi Đảng cao nhất", longest[1], f"{longest[0]} năm tuổi Đảng"))
        lines.append(_named("Tuổi Đảng thấp nhất", shortest[1], f"{shortest[0]} năm tuổi Đảng"))
    return Section("Về đảng viên", tuple(lines))


def _named(label: str, p: _Present, detail: str) -> Line:
    where = f", {p.unit}" if p.unit else ""
    return Line(label, None, text=f"đồng chí {p.name}{where} ({detail})")


def _age(figures: stats_mod.Stats, people: list[_Present], present: int) -> Section | None:
    aged = [p for p in people if p.age is not None]
    if not aged:
        return None
    lines = [
        Line(g.label, g.arrived, present)
        for g in figures.dimension(stats_mod.AGE).groups
        if g.label != stats_mod.UNKNOWN
    ]
    lines.append(
        Line("Tuổi bình quân", None, text=f"{average(sum(p.age or 0 for p in aged), len(aged))}")
    )

    oldest = max(aged, key=lambda p: (p.age or 0, -p.id))
    lines.append(_named("Đại biểu cao tuổi nhất", oldest, f"{oldest.age} tuổi"))
    for gender, label in (
        ("Nam", "Đại biểu nam trẻ tuổi nhất"),
        ("Nữ", "Đại biểu nữ trẻ tuổi nhất"),
    ):
        of_gender = [p for p in aged if p.gender == gender]
        if of_gender:
            youngest = min(of_gender, key=lambda p: (p.age or 0, p.id))
            lines.append(_named(label, youngest, f"{youngest.age} tuổi"))
    return Section("Về độ tuổi", tuple(lines))


def _grouped(
    people: list[_Present],
    title: str,
    value: Callable[[_Present], str],
    table: tuple[tuple[str, tuple[str, ...]], ...] | None,
) -> Section | None:
    texts = [value(p) for p in people]
    if not any(texts):
        return None
    labels = [(classify(t, table) or t) if table is not None and t else (t or None) for t in texts]
    order = tuple(label for label, _ in table) if table else ()
    lines = [Line(label, n, len(people)) for label, n in _counted(labels, order)]
    return Section(title, tuple(lines))


def _titles(people: list[_Present]) -> Section | None:
    held = [titles_of(p.honour_title, p.category, p.position) for p in people]
    if not any(held):
        return None
    counts = Counter(label for found in held for label in found)
    lines = [Line(label, counts[label], len(people)) for label, _ in TITLES if counts[label]]
    return Section("Về danh hiệu vinh dự", tuple(lines))
