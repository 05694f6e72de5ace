"""The one-page summary PDF (``daihoi export summary -o FILE.pdf``) for the report to the higher
level: the key figures, the arrivals chart, arrivals by delegation and the composition of those
present, honours and programme.

The console computes the figures (:func:`data.stats.compute`, the dashboard's own) and passes
them in; this module only draws. The chart's bars, axes and table rules are fpdf2 vector shapes,
so the page prints sharp at any size and its text stays searchable; text is Roboto, embedded and
subset, so every Vietnamese letter prints on any machine. The page is a Vietnamese document:
its labels are Vietnamese constants, written the way organizers write reports ("38,5%").
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

from data.outputs import private_file
from data.stats import AGE, ETHNICITY, GENDER, RELIGION, Group, Stats, percent

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

REPORT_TITLE = "BÁO CÁO NHANH TÌNH HÌNH ĐẠI BIỂU DỰ ĐẠI HỘI"


def render_summary(figures: Stats, out: str | os.PathLike[str]) -> Path:
    """Draw ``figures`` on one A4 page and write it to ``out`` (complete or not at all)."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_font(FAMILY, "", str(fonts.REGULAR))
    pdf.add_font(FAMILY, "B", str(fonts.BOLD))
    pdf.set_title(f"{REPORT_TITLE} — {figures.title}")
    pdf.set_creator("daihoi")
    pdf.set_creation_date(_moment(figures.computed_at))
    pdf.add_page()

    y = _header(pdf, figures, MARGIN)
    y = _key_figures(pdf, figures, y + 4)
    y = _chart(pdf, figures, y + 6)
    footer_y = PAGE_H - MARGIN - 4
    notes = _notes(figures)
    tables_bottom = footer_y - 2 - len(notes) * 5
    half = (WIDTH - 6) / 2
    _table(
        pdf,
        MARGIN,
        y + 6,
        half,
        tables_bottom,
        "Có mặt theo đoàn",
        [(g.label, f"{g.arrived}/{g.expected}", percent(g.arrived, g.expected), 0)
         for g in figures.by_delegation],
        ("Đoàn", "Có mặt", "Tỷ lệ"),
        "đoàn khác",
    )  # fmt: skip
    composition: list[tuple[str, str, str, int]] = []
    for name in (GENDER, ETHNICITY, AGE, RELIGION):
        composition += _composition_rows(figures, name)
    for g in figures.by_category:
        composition.append(
            (f"Thành phần: {g.label}", str(g.arrived), percent(g.arrived, figures.arrived), 0)
        )
    _table(
        pdf,
        MARGIN + half + 6,
        y + 6,
        half,
        tables_bottom,
        "Cơ cấu đại biểu có mặt",
        composition,
        ("Nhóm", "Số người", "Tỷ lệ"),
        "nhóm khác",
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
    pdf.text(MARGIN, footer_y + 3, f"Số liệu lúc {moment:%H:%M} ngày {moment:%d/%m/%Y}")
    stamp_text = "Lập bằng daihoi"
    pdf.text(PAGE_W - MARGIN - pdf.get_string_width(stamp_text), footer_y + 3, stamp_text)

    target = Path(out)
    with private_file(target) as partial:  # owner-only: the figures name the event's people
        pdf.output(str(partial))
    return target


def _moment(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _header(pdf: FPDF, figures: Stats, y: float) -> float:
    pdf.set_text_color(*INK)
    pdf.set_xy(MARGIN, y)
    pdf.set_font(FAMILY, "B", 13)
    pdf.multi_cell(WIDTH, 6, figures.title.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "B", 11.5)
    pdf.cell(WIDTH, 7, REPORT_TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 9)
    pdf.set_text_color(*GREY)
    when = _moment(figures.computed_at)
    day = (
        f"Ngày {figures.date[8:10]}/{figures.date[5:7]}/{figures.date[:4]} · "
        if figures.date
        else ""
    )
    pdf.cell(WIDTH, 5, f"{day}số liệu lúc {when:%H:%M}", align="C", new_x="LMARGIN", new_y="NEXT")
    return pdf.get_y()


def _key_figures(pdf: FPDF, figures: Stats, y: float) -> float:
    boxes = [
        ("Được duyệt", str(figures.expected), "đại biểu"),
        ("Có mặt", str(figures.arrived), percent(figures.arrived, figures.expected)),
        ("Vắng", str(figures.expected - figures.arrived), percent(figures.expected - figures.arrived, figures.expected)),
    ]  # fmt: skip
    if figures.honours and figures.honours.planned:
        h = figures.honours
        boxes.append(("Khen thưởng đã trao", f"{h.presented}/{h.planned}", f"vắng {h.absent}"))
    else:
        boxes.append(("Phát sinh chờ duyệt", str(figures.walkins_pending), "yêu cầu"))
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


def _chart(pdf: FPDF, figures: Stats, y: float) -> float:
    """Arrivals per bucket as vector bars, with gridlines, a value axis and time labels."""
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "B", 10)
    pdf.text(MARGIN, y + 3, f"Số đại biểu đến điểm danh mỗi {figures.bucket_minutes} phút")
    top = y + 7
    left = MARGIN + 9  # room for the value axis
    width = WIDTH - 9
    bottom = top + CHART_H
    bars = figures.arrivals
    pdf.set_font(FAMILY, "", 7)
    pdf.set_text_color(*GREY)
    if not bars:
        pdf.text(left + 2, top + CHART_H / 2, "Chưa có đại biểu nào điểm danh.")
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


def _composition_rows(figures: Stats, name: str) -> list[tuple[str, str, str, int]]:
    groups: tuple[Group, ...] = figures.dimension(name).groups
    rows = []
    for g in groups:
        if not g.expected:
            continue
        if g.level:
            label = g.label.split(": ", 1)[-1]
        elif g.label.startswith(name):  # "Dân tộc thiểu số", not "Dân tộc: Dân tộc thiểu số"
            label = g.label
        else:
            label = f"{name}: {g.label}"
        rows.append((label, str(g.arrived), percent(g.arrived, figures.arrived), g.level))
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
        pdf.text(x + 1, y + 3.3, f"… và {len(rows) - len(shown)} {more} (xem tệp .xlsx)")
        pdf.set_text_color(*INK)


def _notes(figures: Stats) -> list[str]:
    """The honours and programme lines under the tables."""
    lines = []
    h = figures.honours
    if h and h.planned:
        lines.append(
            f"Khen thưởng: đã trao {h.presented}/{h.planned}, vắng {h.absent}, nhận thay {h.proxy}."
        )
    p = figures.programme
    if p:
        line = f"Chương trình: đã xong {p.done}/{p.total} mục"
        if p.current:
            line += f"; đang diễn ra: {p.current}"
        if p.offset_minutes is not None:
            minutes = abs(p.offset_minutes)
            line += (
                " (đúng giờ)"
                if minutes == 0
                else f" ({'chậm' if p.offset_minutes > 0 else 'sớm'} {minutes} phút so với kế hoạch)"
            )
        lines.append(line + ".")
    if figures.walkins_pending and h and h.planned:
        lines.append(f"Đại biểu phát sinh/thay thế chờ duyệt: {figures.walkins_pending}.")
    return lines
