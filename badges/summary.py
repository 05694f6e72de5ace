"""The one-page summary PDF (``daihoi export summary -o FILE.pdf``) for the report to the higher
level: the key figures, the arrivals chart, arrivals by delegation and the composition of those
present, honours and programme.

The console computes the figures (:func:`data.stats.compute`, the dashboard's own) and passes
them in; this module only draws. The chart's bars, axes and table rules are fpdf2 vector shapes,
so the page prints sharp at any size and its text stays searchable; text is Roboto, embedded and
subset, so every Vietnamese letter prints on any machine. The page is a Vietnamese document,
written the way organizers write reports ("38,5%"); ``lang="en"`` writes it in English
(:data:`WORDS` holds both), with the figures' own words (criteria, fixed groups) translated by
the ``word`` the console passes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

from data.outputs import private_file
from data.stats import AGE, ETHNICITY, GENDER, RELIGION, Group, Stats
from data.stats import percent as vi_percent

from . import fonts

FAMILY = "Roboto"
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 15.0
WIDTH = PAGE_W - 2 * MARGIN
ROW_H = 4.6
"""Height of a table row (mm): 8 pt text with room for stacked Vietnamese marks."""
CHART_H = 52.0
"""Height of the arrivals chart's plot area (mm)."""

INK = (30, 30, 30)
GREY = (110, 110, 110)
RULE = (200, 200, 200)
BAR = (192, 39, 45)
"""Bars in the red of the congress's banners."""
BOX = (246, 240, 230)

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "BÁO CÁO NHANH TÌNH HÌNH ĐẠI BIỂU DỰ ĐẠI HỘI",
        "day": "Ngày {d}/{m}/{y} · ",
        "at": "số liệu lúc {time}",
        "approved": "Được duyệt",
        "delegates": "đại biểu",
        "present": "Có mặt",
        "absent": "Vắng",
        "honours_box": "Khen thưởng đã trao",
        "honours_absent": "vắng {n}",
        "walkins_box": "Phát sinh chờ duyệt",
        "requests": "yêu cầu",
        "by_delegation": "Có mặt theo đoàn",
        "delegation": "Đoàn",
        "share": "Tỷ lệ",
        "other_delegations": "đoàn khác",
        "category": "Thành phần: {label}",
        "composition": "Cơ cấu đại biểu có mặt",
        "group": "Nhóm",
        "people": "Số người",
        "other_groups": "nhóm khác",
        "footer": "Số liệu lúc {time} ngày {date}",
        "made_by": "Lập bằng daihoi",
        "chart": "Số đại biểu đến điểm danh mỗi {n} phút",
        "no_arrivals": "Chưa có đại biểu nào điểm danh.",
        "more": "… và {n} {what} (xem tệp .xlsx)",
        "honours": "Khen thưởng: đã trao {presented}/{planned}, vắng {absent}, nhận thay {proxy}.",
        "programme": "Chương trình: đã xong {done}/{total} mục",
        "current": "; đang diễn ra: {title}",
        "on_time": " (đúng giờ)",
        "late": " (chậm {n} phút so với kế hoạch)",
        "early": " (sớm {n} phút so với kế hoạch)",
        "walkins": "Đại biểu phát sinh/thay thế chờ duyệt: {n}.",
    },
    "en": {
        "title": "QUICK REPORT ON THE DELEGATES AT THE CONGRESS",
        "day": "{d}/{m}/{y} · ",
        "at": "figures at {time}",
        "approved": "Approved",
        "delegates": "delegates",
        "present": "Present",
        "absent": "Absent",
        "honours_box": "Honours presented",
        "honours_absent": "{n} absent",
        "walkins_box": "Walk-ins waiting",
        "requests": "requests",
        "by_delegation": "Present by delegation",
        "delegation": "Delegation",
        "share": "Share",
        "other_delegations": "more delegations",
        "category": "Category: {label}",
        "composition": "Composition of those present",
        "group": "Group",
        "people": "People",
        "other_groups": "more groups",
        "footer": "Figures at {time} on {date}",
        "made_by": "Made with daihoi",
        "chart": "Delegates checking in per {n} minutes",
        "no_arrivals": "Nobody has checked in yet.",
        "more": "… and {n} {what} (see the .xlsx file)",
        "honours": "Honours: presented {presented}/{planned}, absent {absent}, by proxy {proxy}.",
        "programme": "Programme: {done}/{total} items done",
        "current": "; on now: {title}",
        "on_time": " (on time)",
        "late": " ({n} minutes behind the plan)",
        "early": " ({n} minutes ahead of the plan)",
        "walkins": "Walk-ins and substitutes waiting for approval: {n}.",
    },
}
"""Every sentence of the page, in Vietnamese and in English."""

REPORT_TITLE = WORDS["vi"]["title"]


class _Words:
    """The page's sentences in one language, the figures' own words and percentages with it."""

    def __init__(self, lang: str, word: Callable[[str], str]) -> None:
        self.text = WORDS[lang]
        self.word = word
        self.comma = lang == "vi"

    def __call__(self, key: str, **values: object) -> str:
        return self.text[key].format(**values)

    def percent(self, part: int, whole: int) -> str:
        found = vi_percent(part, whole)
        return found if self.comma else found.replace(",", ".")


def render_summary(
    figures: Stats,
    out: str | os.PathLike[str],
    *,
    lang: str = "vi",
    word: Callable[[str], str] = lambda w: w,
) -> Path:
    """Draw ``figures`` on one A4 page and write it to ``out`` (complete or not at all), in
    ``lang``; ``word`` gives a criterion or fixed group ("Giới tính", "Nữ") in that language."""
    say = _Words(lang, word)
    percent = say.percent
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_font(FAMILY, "", str(fonts.REGULAR))
    pdf.add_font(FAMILY, "B", str(fonts.BOLD))
    pdf.set_title(f"{say('title')} — {figures.title}")
    pdf.set_creator("daihoi")
    pdf.set_creation_date(_moment(figures.computed_at))
    pdf.add_page()

    y = _header(pdf, figures, MARGIN, say)
    y = _key_figures(pdf, figures, y + 4, say)
    y = _chart(pdf, figures, y + 6, say)
    footer_y = PAGE_H - MARGIN - 4
    notes = _notes(figures, say)
    tables_bottom = footer_y - 2 - len(notes) * 5
    half = (WIDTH - 6) / 2
    _table(
        pdf,
        MARGIN,
        y + 6,
        half,
        tables_bottom,
        say("by_delegation"),
        [(word(g.label), f"{g.arrived}/{g.expected}", percent(g.arrived, g.expected), 0)
         for g in figures.by_delegation],
        (say("delegation"), say("present"), say("share")),
        say("other_delegations"),
        say,
    )  # fmt: skip
    composition: list[tuple[str, str, str, int]] = []
    for name in (GENDER, ETHNICITY, AGE, RELIGION):
        composition += _composition_rows(figures, name, say)
    for g in figures.by_category:
        composition.append(
            (
                say("category", label=word(g.label)),
                str(g.arrived),
                percent(g.arrived, figures.arrived),
                0,
            )
        )
    _table(
        pdf,
        MARGIN + half + 6,
        y + 6,
        half,
        tables_bottom,
        say("composition"),
        composition,
        (say("group"), say("people"), say("share")),
        say("other_groups"),
        say,
    )
    pdf.set_font(FAMILY, "", 9)
    pdf.set_text_color(*INK)
    for i, line in enumerate(notes):
        pdf.text(MARGIN, tables_bottom + 4 + i * 5, line)
    pdf.set_draw_color(*RULE)
    pdf.line(MARGIN, footer_y - 1, PAGE_W - MARGIN, footer_y - 1)
    pdf.set_font(FAMILY, "", 7.5)
    pdf.set_text_color(*GREY)
    moment = _moment(figures.computed_at)
    pdf.text(MARGIN, footer_y + 3, say("footer", time=f"{moment:%H:%M}", date=f"{moment:%d/%m/%Y}"))
    stamp_text = say("made_by")
    pdf.text(PAGE_W - MARGIN - pdf.get_string_width(stamp_text), footer_y + 3, stamp_text)

    target = Path(out)
    with private_file(target) as partial:  # owner-only: the figures name the event's people
        pdf.output(str(partial))
    return target


def _moment(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _header(pdf: FPDF, figures: Stats, y: float, say: _Words) -> float:
    pdf.set_text_color(*INK)
    pdf.set_xy(MARGIN, y)
    pdf.set_font(FAMILY, "B", 13)
    pdf.multi_cell(WIDTH, 6, figures.title.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "B", 11.5)
    pdf.cell(WIDTH, 7, say("title"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 9)
    pdf.set_text_color(*GREY)
    when = _moment(figures.computed_at)
    date = figures.date
    day = say("day", d=date[8:10], m=date[5:7], y=date[:4]) if date else ""
    at = say("at", time=f"{when:%H:%M}")
    pdf.cell(WIDTH, 5, day + at, align="C", new_x="LMARGIN", new_y="NEXT")
    return pdf.get_y()


def _key_figures(pdf: FPDF, figures: Stats, y: float, say: _Words) -> float:
    away = figures.expected - figures.arrived
    boxes = [
        (say("approved"), str(figures.expected), say("delegates")),
        (say("present"), str(figures.arrived), say.percent(figures.arrived, figures.expected)),
        (say("absent"), str(away), say.percent(away, figures.expected)),
    ]
    honours = figures.honours
    if honours and honours.planned:
        done = f"{honours.presented}/{honours.planned}"
        boxes.append((say("honours_box"), done, say("honours_absent", n=honours.absent)))
    else:
        boxes.append((say("walkins_box"), str(figures.walkins_pending), say("requests")))
    gap = 4.0
    w = (WIDTH - gap * (len(boxes) - 1)) / len(boxes)
    h = 20.0
    for i, (label, value, note) in enumerate(boxes):
        x = MARGIN + i * (w + gap)
        pdf.set_fill_color(*BOX)
        pdf.rect(x, y, w, h, style="F")
        pdf.set_text_color(*GREY)
        pdf.set_font(FAMILY, "", 8)
        pdf.text(x + 3, y + 5, label)
        pdf.set_text_color(*INK)
        pdf.set_font(FAMILY, "B", 17)
        pdf.text(x + 3, y + 13.5, value)
        pdf.set_font(FAMILY, "", 8.5)
        pdf.set_text_color(*GREY)
        pdf.text(x + 3, y + 18, note)
    return y + h


def _nice_step(peak: int) -> int:
    """A gridline step giving 3 to 6 lines: 1, 2, 5, 10, 20, 50 …"""
    step = 1
    while peak / step > 5:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if peak / step <= 5:
                break
    return step


def _chart(pdf: FPDF, figures: Stats, y: float, say: _Words) -> float:
    """Arrivals per bucket as vector bars, with gridlines, a value axis and time labels."""
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "B", 10)
    pdf.text(MARGIN, y + 3, say("chart", n=figures.bucket_minutes))
    top = y + 7
    left = MARGIN + 9  # room for the value axis
    width = WIDTH - 9
    bottom = top + CHART_H
    bars = figures.arrivals
    pdf.set_font(FAMILY, "", 7)
    pdf.set_text_color(*GREY)
    if not bars:
        pdf.text(left + 2, top + CHART_H / 2, say("no_arrivals"))
        pdf.set_draw_color(*INK)
        pdf.line(left, bottom, left + width, bottom)
        return bottom + 6
    peak = max(n for _, n in bars) or 1
    step = _nice_step(peak)
    scale_top = -(-peak // step) * step
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.15)
    for value in range(0, scale_top + 1, step):
        gy = bottom - CHART_H * value / scale_top
        pdf.line(left, gy, left + width, gy)
        label = str(value)
        pdf.text(left - 1.5 - pdf.get_string_width(label), gy + 1.0, label)
    slot = width / len(bars)
    bar_w = slot * 0.78
    label_every = max(1, int(-(-11 // slot)))  # a time label needs about 11 mm
    pdf.set_fill_color(*BAR)
    for i, (at, n) in enumerate(bars):
        x = left + i * slot + (slot - bar_w) / 2
        if n:
            h = CHART_H * n / scale_top
            pdf.rect(x, bottom - h, bar_w, h, style="F")
            if slot >= 6:
                pdf.set_text_color(*INK)
                text = str(n)
                pdf.text(x + (bar_w - pdf.get_string_width(text)) / 2, bottom - h - 1, text)
                pdf.set_text_color(*GREY)
        if i % label_every == 0:
            pdf.text(x + (bar_w - pdf.get_string_width(at)) / 2, bottom + 3.5, at)
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.3)
    pdf.line(left, bottom, left + width, bottom)
    return bottom + 5


def _composition_rows(figures: Stats, name: str, say: _Words) -> list[tuple[str, str, str, int]]:
    groups: tuple[Group, ...] = figures.dimension(name).groups
    rows = []
    for g in groups:
        if not g.expected:
            continue
        if g.level:
            label = say.word(g.label.split(": ", 1)[-1])
        elif g.label.startswith(name):  # "Dân tộc thiểu số", not "Dân tộc: Dân tộc thiểu số"
            label = say.word(g.label)
        else:
            label = f"{say.word(name)}: {say.word(g.label)}"
        rows.append((label, str(g.arrived), say.percent(g.arrived, figures.arrived), g.level))
    return rows


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """``text`` cut with "…" so it fits ``width`` at the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _table(
    pdf: FPDF,
    x: float,
    y: float,
    w: float,
    bottom: float,
    title: str,
    rows: list[tuple[str, str, str, int]],
    headers: tuple[str, str, str],
    more: str,
    say: _Words,
) -> None:
    """A titled three-column table that stops at ``bottom``, saying how many rows it left out."""
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "B", 10)
    pdf.text(x, y + 3, title)
    y += 5
    num_w = 16.0
    label_w = w - 2 * num_w
    pdf.set_font(FAMILY, "B", 8)
    pdf.set_fill_color(*BOX)
    pdf.rect(x, y, w, ROW_H, style="F")
    pdf.text(x + 1, y + 3.3, headers[0])
    for j, header in enumerate(headers[1:]):
        right = x + label_w + (j + 1) * num_w - 1
        pdf.text(right - pdf.get_string_width(header), y + 3.3, header)
    y += ROW_H
    room = int((bottom - y) // ROW_H)
    shown = rows if len(rows) <= room else rows[: max(room - 1, 0)]
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.1)
    for label, count, share, level in shown:
        pdf.set_font(FAMILY, "", 8)
        indent = 4 if level else 1
        pdf.text(x + indent, y + 3.3, _fit(pdf, label, label_w - indent - 1))
        for j, value in enumerate((count, share)):
            right = x + label_w + (j + 1) * num_w - 1
            pdf.text(right - pdf.get_string_width(value), y + 3.3, value)
        pdf.line(x, y + ROW_H, x + w, y + ROW_H)
        y += ROW_H
    if len(shown) < len(rows):
        pdf.set_font(FAMILY, "", 8)
        pdf.set_text_color(*GREY)
        pdf.text(x + 1, y + 3.3, say("more", n=len(rows) - len(shown), what=more))
        pdf.set_text_color(*INK)


def _notes(figures: Stats, say: _Words) -> list[str]:
    """The honours and programme lines under the tables."""
    lines = []
    h = figures.honours
    if h and h.planned:
        lines.append(
            say("honours", presented=h.presented, planned=h.planned, absent=h.absent, proxy=h.proxy)
        )
    p = figures.programme
    if p:
        line = say("programme", done=p.done, total=p.total)
        if p.current:
            line += say("current", title=p.current)
        if p.offset_minutes is not None:
            minutes = abs(p.offset_minutes)
            kind = "on_time" if minutes == 0 else "late" if p.offset_minutes > 0 else "early"
            line += say(kind, n=minutes)
        lines.append(line + ".")
    if figures.walkins_pending and h and h.planned:
        lines.append(say("walkins", n=figures.walkins_pending))
    return lines
