"""Sheet layouts: how many badges go on a page, where, and where to cut.

Sheets are A4 with the badges in a grid, edge to edge so one guillotine cut separates two
badges, centred with a margin that holds the cut marks (most office printers cannot print the
outer 4-5 mm anyway). The label roll prints one badge per page, and its printer cuts.
"""

from __future__ import annotations

from dataclasses import dataclass

from data.errors import DaihoiError

A4 = (210.0, 297.0)
A4_LANDSCAPE = (297.0, 210.0)


@dataclass(frozen=True)
class Layout:
    """One way to put badges on paper (sizes in mm)."""

    name: str
    page: tuple[float, float]
    """Page width, height."""
    badge: tuple[float, float]
    """Badge width, height."""
    columns: int
    rows: int
    cut_marks: bool
    """Marks in the margin at each cut line (sheets); none on a roll the printer cuts."""

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def origin(self) -> tuple[float, float]:
        """Top-left corner of the grid: centred on the page."""
        return (
            (self.page[0] - self.columns * self.badge[0]) / 2,
            (self.page[1] - self.rows * self.badge[1]) / 2,
        )

    def slots(self) -> list[tuple[float, float]]:
        """Top-left corner of each badge on a page, in reading order."""
        x0, y0 = self.origin
        w, h = self.badge
        return [(x0 + c * w, y0 + r * h) for r in range(self.rows) for c in range(self.columns)]

    def cut_lines(self) -> list[tuple[float, float, float, float]]:
        """Cut marks as line segments (x1, y1, x2, y2): in the margins, on each cut line,
        stopping 2 mm short of the badges so a slightly skewed cut never shows a mark."""
        if not self.cut_marks:
            return []
        x0, y0 = self.origin
        w, h = self.badge
        x1, y1 = x0 + self.columns * w, y0 + self.rows * h
        gap = 2.0
        marks = []
        for c in range(self.columns + 1):
            x = x0 + c * w
            marks.append((x, max(1.0, y0 - 8), x, y0 - gap))
            marks.append((x, y1 + gap, x, min(self.page[1] - 1.0, y1 + 8)))
        for r in range(self.rows + 1):
            y = y0 + r * h
            marks.append((max(1.0, x0 - 8), y, x0 - gap, y))
            marks.append((x1 + gap, y, min(self.page[0] - 1.0, x1 + 8), y))
        return marks


LAYOUTS: dict[str, Layout] = {
    "a6": Layout("a6", A4, (98.0, 138.0), 2, 2, True),
    "a7": Layout("a7", A4_LANDSCAPE, (70.0, 98.0), 4, 2, True),
    "card": Layout("card", A4, (90.0, 130.0), 2, 2, True),
    "label-62": Layout("label-62", (62.0, 100.0), (62.0, 100.0), 1, 1, False),
}
"""Layouts by the name ``daihoi badges --layout`` takes."""


def layout(name: str) -> Layout:
    try:
        return LAYOUTS[name]
    except KeyError:
        raise DaihoiError("badge.unknown_layout", name=name, layouts=", ".join(LAYOUTS)) from None
