"""A table of delegates: the result list of every search, on every screen that has one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from data.delegates import Delegate

from ..i18n import t
from ..phrases import hhmm


class DelegateTable(DataTable[str | Text]):
    """Delegates, one row each, keyed by id; the cursor picks the one to act on.

    The list's own words go in as :class:`~rich.text.Text`, never as markup: a unit called
    "Trường THPT [cơ sở 2]" must print as written.
    """

    DEFAULT_CSS = """
    DelegateTable { height: 1fr; }
    """

    COLUMNS = ("arrived", "name", "delegation", "unit", "category", "seat")

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.shown: list[Delegate] = []

    def on_mount(self) -> None:
        for column in self.COLUMNS:
            self.add_column(t(f"column.{column}"), key=column)

    def show(self, delegates: Sequence[Delegate]) -> None:
        """Replace the rows, keeping the cursor on the same delegate when still listed."""
        current = self.highlighted
        self.clear()
        self.shown = list(delegates)
        for d in self.shown:
            self.add_row(
                hhmm(d.checked_in_at) or "·",
                *(Text(value) for value in (d.name, d.delegation, d.unit, d.category, d.seat)),
                key=str(d.id),
            )
        if current is not None:
            for index, d in enumerate(self.shown):
                if d.id == current.id:
                    self.move_cursor(row=index)
                    break

    @property
    def highlighted(self) -> Delegate | None:
        """The delegate under the cursor, if any."""
        if not self.shown or not 0 <= self.cursor_row < len(self.shown):
            return None
        return self.shown[self.cursor_row]
