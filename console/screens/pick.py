"""One dialog for "which one?": a question and a list, Enter picks, Escape cancels.

The hand-out desk's item, the session the dashboard shows, the delegate an absence is
recorded for and the person whose seat moves are all picked here. Labels are list words
(names, units, items): they are painted as :class:`~rich.text.Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ..i18n import t
from ..keys import translate_bindings

if TYPE_CHECKING:
    from data.delegates import Delegate

    from .base import DeskScreen


class Pick(ModalScreen[str | None]):
    """Dismisses with the chosen option's key, or None on Escape."""

    BINDINGS = [("escape", "cancel", "key.cancel")]

    def __init__(self, question: str, options: Sequence[tuple[str, str]]) -> None:
        """``options``: (key, label) in the order shown."""
        super().__init__(classes="dialog")
        translate_bindings(self)
        self.question = question
        self.options = list(options)

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(self.question, markup=False)
            yield OptionList(
                *(Option(Text(label), id=key) for key, label in self.options), id="choices"
            )

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


async def ask_delegate(
    screen: DeskScreen[Any], question: str, label: Callable[[Delegate], str]
) -> Delegate | None:
    """Who, asked as an organizer does it: a name typed (``question``), the desk's search, and
    a :class:`Pick` among namesakes, each shown by ``label``. None when nothing was typed, the
    pick was cancelled, or nobody matched (which is said)."""
    from .modals import AskText

    app = screen.app
    text = await app.push_screen_wait(AskText(question))
    if not text:
        return None
    found, _total = app.search(text, limit=30)
    if not found:
        screen.notify(t("absence.nobody", text=text), severity="warning")
        return None
    if len(found) == 1:
        return found[0]
    options = [(str(d.id), label(d)) for d in found]
    picked = await app.push_screen_wait(Pick(t("absence.pick"), options))
    return next((d for d in found if str(d.id) == picked), None)
