"""The printed hall plan (``daihoi seats plan -o FILE.pdf``): one A4 landscape page per zone,
the stage at the top, every seat a box coloured by the delegation sitting in it, with its
number, the rows numbered on both sides, the reserved rows outlined, and a legend.

Seats are drawn where they are in the hall: odd numbers left of the centre aisle, even ones
right, counted from it (:meth:`data.seats.Plan.physical`). The page is a Vietnamese document.
"""

from __future__ import annotations

import colorsys
import os
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF

from data.outputs import private_file
from data.seats import STAGE, Plan, Seat, Seated
from data.text import fold

from . import fonts

FAMILY = "Roboto"
PAGE_W, PAGE_H = 297.0, 210.0
MARGIN = 12.0
LEGEND_W = 62.0
AISLE = 8.0
"""Width of the centre aisle on the page (mm)."""
INK = (30, 30, 30)
GREY = (120, 120, 120)
EMPTY = (245, 245, 245)
RESERVED = (192, 39, 45)
STAGE_FILL = (246, 240, 230)
GUEST_FILL = (250, 214, 120)
HONOUR = (20, 20, 20)
"""The dot on the seat of someone receiving an honour on stage."""
HONOURED = "Nhận khen thưởng trên sân khấu"
OTHERS = "Khác"
"""Legend entry for delegates without a delegation."""


def palette(n: int) -> list[tuple[int, int, int]]:
    """``n`` light colours far apart (golden-angle hues), dark text readable on each."""
    found = []
    for i in range(n):
        hue = (i * 0.381966) % 1.0
        light = 0.78 if i % 2 == 0 else 0.68
        r, g, b = colorsys.hls_to_rgb(hue, light, 0.55)
        found.append((round(r * 255), round(g * 255), round(b * 255)))
    return found


def render_seat_plan(
    plan: Plan,
    people: Sequence[Seated],
    out: str | os.PathLike[str],
    *,
    title: str = "",
    guests: frozenset[int] = frozenset(),
    honoured: frozenset[int] = frozenset(),
) -> Path:
    """Draw ``plan`` with ``people`` in their seats, one page per zone, to ``out``; the seats
    of ``guests`` in gold, those of ``honoured`` (receiving an honour on stage) with a dot."""
    by_seat: dict[Seat, Seated] = {p.seat: p for p in people if p.seat is not None}
    delegations: dict[str, str] = {}
    for p in sorted(by_seat.values(), key=lambda p: p.seat or Seat(0, 0, 0)):
        if p.delegate_id in guests:
            continue
        delegations.setdefault(fold(p.delegation), p.delegation or OTHERS)
    colours = dict(zip(delegations, palette(len(delegations))))

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font(FAMILY, "", str(fonts.REGULAR))
    pdf.add_font(FAMILY, "B", str(fonts.BOLD))
    pdf.set_title(f"Sơ đồ chỗ ngồi — {title or plan.title}")
    pdf.set_creator("daihoi")
    for z, zone in enumerate(plan.zones):
        pdf.add_page()
        pdf.set_text_color(*INK)
        pdf.set_font(FAMILY, "B", 14)
        pdf.set_xy(MARGIN, MARGIN)
        heading = f"SƠ ĐỒ CHỖ NGỒI — {zone.name.upper()}"
        if zone.floor:
            heading += f" ({zone.floor})"
        pdf.cell(PAGE_W - 2 * MARGIN, 7, heading)
        pdf.set_font(FAMILY, "", 9)
        pdf.set_xy(MARGIN, MARGIN + 7)
        pdf.set_text_color(*GREY)
        sub = title or plan.title
        seated = sum(1 for s in by_seat if s.zone == z)
        pdf.cell(0, 5, f"{sub} · {seated}/{zone.capacity} ghế có người".lstrip(" ·"))
        used = _zone(pdf, plan, z, by_seat, colours, guests, honoured)
        _legend(pdf, used, delegations, colours, bool(zone.reserved_rows))
    target = Path(out)
    with private_file(target) as temp:
        pdf.output(str(temp))
    return target


def _zone(
    pdf: FPDF,
    plan: Plan,
    z: int,
    by_seat: dict[Seat, Seated],
    colours: dict[str, tuple[int, int, int]],
    guests: frozenset[int],
    honoured: frozenset[int],
) -> set[str]:
    """Draw one zone's rows; the delegations seen in it."""
    zone = plan.zones[z]
    area_x, area_y = MARGIN + 10, MARGIN + 24
    area_w = PAGE_W - 2 * MARGIN - LEGEND_W - 20
    area_h = PAGE_H - area_y - MARGIN
    widest = max(zone.rows)
    left_most = (widest + 1) // 2
    cell = min(9.0, (area_w - AISLE) / max(widest, 1), area_h / max(len(zone.rows), 1))
    gap = cell * 0.12
    centre = area_x + left_most * cell + AISLE / 2
    # the stage, facing the rows
    pdf.set_fill_color(*STAGE_FILL)
    pdf.set_draw_color(*GREY)
    pdf.rect(area_x, MARGIN + 14, area_w, 7, style="DF")
    pdf.set_font(FAMILY, "B", 9)
    pdf.set_text_color(*INK)
    pdf.set_xy(area_x, MARGIN + 14)
    pdf.cell(area_w, 7, "SÂN KHẤU" if zone.kind != STAGE else "SÂN KHẤU — ĐOÀN CHỦ TỊCH", align="C")
    used: set[str] = set()
    font = max(3.5, min(7.0, cell * 0.9 * 2.2))
    for r in range(1, len(zone.rows) + 1):
        y = area_y + (r - 1) * cell
        numbers = plan.physical(z, r)
        left = [n for n in numbers if n % 2 == 1]
        for n in numbers:
            if n % 2 == 1:
                x = centre - AISLE / 2 - (left.index(n) + 1) * cell
            else:
                x = centre + AISLE / 2 + (n // 2 - 1) * cell
            person = by_seat.get(Seat(z, r, n))
            if person is None:
                pdf.set_fill_color(*EMPTY)
            elif person.delegate_id in guests:
                pdf.set_fill_color(*GUEST_FILL)
                used.add("\0guest")
            else:
                key = fold(person.delegation)
                pdf.set_fill_color(*colours.get(key, EMPTY))
                used.add(key)
            reserved = plan.reserved(Seat(z, r, n))
            if reserved:
                pdf.set_draw_color(*RESERVED)
                pdf.set_line_width(0.35)
            else:
                pdf.set_draw_color(*GREY)
                pdf.set_line_width(0.1)
            pdf.rect(x + gap / 2, y + gap / 2, cell - gap, cell - gap, style="DF")
            if person is not None and person.delegate_id in honoured:
                pdf.set_fill_color(*HONOUR)
                dot = cell * 0.22
                pdf.ellipse(x + cell - gap - dot - 0.3, y + gap + 0.3, dot, dot, style="F")
                used.add("\0honour")
            pdf.set_font(FAMILY, "", font)
            pdf.set_text_color(*INK)
            pdf.set_xy(x, y)
            pdf.cell(cell, cell, str(n), align="C")
        pdf.set_font(FAMILY, "B", font)
        pdf.set_text_color(*GREY)
        row_left = centre - AISLE / 2 - len(left) * cell - 7
        row_right = centre + AISLE / 2 + (len(numbers) - len(left)) * cell + 1
        for x in (row_left, row_right):
            pdf.set_xy(x, y)
            pdf.cell(6, cell, f"H{r}", align="C")
    return used


def _legend(
    pdf: FPDF,
    used: set[str],
    delegations: dict[str, str],
    colours: dict[str, tuple[int, int, int]],
    reserved: bool,
) -> None:
    x = PAGE_W - MARGIN - LEGEND_W
    y = MARGIN + 24
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "B", 9)
    pdf.set_xy(x, y)
    pdf.cell(LEGEND_W, 5, "CHÚ THÍCH")
    y += 6
    entries: list[tuple[tuple[int, int, int], str, bool]] = []
    if "\0guest" in used:
        entries.append((GUEST_FILL, "Khách mời", False))
    entries += [(colours[k], delegations[k], False) for k in delegations if k in used]
    if "\0honour" in used:
        entries.append((EMPTY, HONOURED, False))
    if reserved:
        entries.append((EMPTY, "Hàng dành cho khách mời", True))
    entries.append((EMPTY, "Ghế trống", False))
    pdf.set_font(FAMILY, "", 7.5)
    limit = PAGE_H - MARGIN - 14
    shown = 0
    for fill, label, outlined in entries:
        if y > limit:
            break
        pdf.set_fill_color(*fill)
        pdf.set_draw_color(*(RESERVED if outlined else GREY))
        pdf.set_line_width(0.35 if outlined else 0.1)
        pdf.rect(x, y + 0.6, 3.6, 3.6, style="DF")
        if label == HONOURED:
            pdf.set_fill_color(*HONOUR)
            pdf.ellipse(x + 1.0, y + 1.6, 1.6, 1.6, style="F")
        pdf.set_xy(x + 5, y)
        pdf.cell(LEGEND_W - 5, 4.8, _fit(pdf, label, LEGEND_W - 6))
        y += 4.8
        shown += 1
    if shown < len(entries):
        pdf.set_xy(x, y)
        pdf.cell(LEGEND_W, 4.8, f"… và {len(entries) - shown} mục nữa")
    pdf.set_text_color(*GREY)
    pdf.set_xy(x, PAGE_H - MARGIN - 9)
    pdf.multi_cell(
        LEGEND_W, 3.6, "Ghế lẻ bên trái, ghế chẵn bên phải lối đi giữa, đánh số từ lối đi."
    )


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """``text`` cut with "…" to fit ``width`` at the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"
