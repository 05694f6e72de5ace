"""A table of delegates: the result list of every search, on every screen that has one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable

from data.delegates import Delegate

from ..i18n import t
from ..phrases import hhmm


def clip_words(text: str, width: int) -> str:
    """``text`` in ``width`` cells, cut after a whole word with "…" ("Đoàn huyện…", never
    "Đoàn huyện Đồ")."""
    if cell_len(text) <= width:
        return text
    words = text.split(" ")
    kept = ""
    for word in words:
        candidate = f"{kept} {word}" if kept else word
        if cell_len(candidate) + 1 > width:
            break
        kept = candidate
    return (kept or text[: max(1, width - 1)]) + "…"


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between words; a word longer than
    a line is broken inside (nothing is dropped). ``""`` is no line at all."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while cell_len(word) > width:  # a long code or URL: break it, keep every character
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _cells(d: Delegate) -> dict[str, str]:
    return {
        "arrived": hhmm(d.checked_in_at) or "·",
        "name": d.name,
        "born": str(d.birth_year) if d.birth_year else "",
        "unit": d.unit,
        "delegation": d.delegation,
        "category": d.category,
        "seat": d.seat,
    }


class DelegateTable(DataTable[str | Text]):
    """Delegates, one row each, keyed by id; the cursor picks the one to act on.

    Columns come in the order staff tell namesakes apart (arrived, name, birth year, unit, then
    delegation, seat, category) and only as many as fit the table's width whole: at 80 columns
    two "Nguyễn Thị Mai Hoa" show their units and birth years rather than "Đoàn huyện Đồ" and
    "Đoàn huyện Võ". A wide terminal shows every column.

    The list's own words go in as :class:`~rich.text.Text`, never as markup: a unit called
    "Trường THPT [cơ sở 2]" must print as written.
    """

    DEFAULT_CSS = """
    DelegateTable { height: 1fr; }
    """

    COLUMNS = ("arrived", "name", "born", "unit", "delegation", "seat", "category")
    """In the order they are given room; ``arrived`` and ``name`` always show."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.shown: list[Delegate] = []
        self._columns: tuple[tuple[str, int | None], ...] = ()

    def _fitting(self) -> tuple[tuple[str, int | None], ...]:
        """The columns that fit the table's width, with the unit's width when it is cut.

        Columns are given room in :data:`COLUMNS` order, each whole; the unit, if it does not
        fit whole, takes the room left and is cut at a word (:func:`clip_words`), and the
        columns after it wait for a wider terminal.
        """
        rows = [_cells(d) for d in self.shown]
        room = (self.size.width or self.app.size.width) - 2  # the vertical scrollbar
        chosen: list[tuple[str, int | None]] = []
        used = 0
        for column in self.COLUMNS:
            header = t(f"column.{column}")
            values = [r[column] for r in rows]
            if column not in ("arrived", "name") and not any(values):
                continue
            width = max([cell_len(header)] + [cell_len(v) for v in values]) + 2
            if column in ("arrived", "name") or used + width <= room:
                chosen.append((column, None))
                used += width
            elif column == "unit" and room - used >= 14:
                chosen.append((column, room - used - 2))
                break
            else:
                break  # never the delegation without the unit: namesakes read by unit first
        return tuple(chosen)

    def show(self, delegates: Sequence[Delegate]) -> None:
        """Replace the rows, keeping the cursor on the same delegate when still listed."""
        current = self.highlighted
        self.shown = list(delegates)
        columns = self._fitting()
        self.clear(columns=columns != self._columns)
        if columns != self._columns:
            self._columns = columns
            for column, width in columns:
                self.add_column(t(f"column.{column}"), key=column, width=width)
        for d in self.shown:
            cells = _cells(d)
            self.add_row(
                *(Text(clip_words(cells[c], w) if w else cells[c]) for c, w in columns),
                key=str(d.id),
            )
        if current is not None:
            for index, d in enumerate(self.shown):
                if d.id == current.id:
                    self.move_cursor(row=index)
                    break

    def on_resize(self, event: events.Resize) -> None:
        if self.shown and self._fitting() != self._columns:
            self.show(self.shown)

    @property
    def highlighted(self) -> Delegate | None:
        """The delegate under the cursor, if any."""
        if not self.shown or not 0 <= self.cursor_row < len(self.shown):
            return None
        return self.shown[self.cursor_row]
