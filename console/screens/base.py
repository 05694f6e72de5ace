"""What every daihoi screen shares: a typed ``app``, and the live model.

**Typed app.** Textual types ``self.app`` as a plain :class:`~textual.app.App`; screens read
the event file, the desk and the clock from :class:`~console.app.DaihoiApp`.
:class:`DeskScreen` and :class:`DeskModal` say so to the type checker once (Textual's
``getters.app``), instead of a ``type: ignore`` on every use.

**The live model.** The app bumps ``revision`` whenever the event file changed (this desk's
write, or another desk's seen by polling). A :class:`LiveScreen` repaints only while it is on
view: a change while it is hidden (F4 left for F1) marks it stale and it repaints once when
it comes back (``on_screen_resume``). A burst of changes becomes one repaint: each change
posts a :class:`LiveScreen.Stale` message that replaces the one still waiting in the queue
(``can_replace``, as toolong collapses its pending-lines messages).

**Worker results.** A thread worker never touches a widget: it posts a :class:`Notice` (what
to tell the desk, and whether the event file changed), which bubbles to the app, whose
handler notifies and repaints.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from textual import getters, on
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from ..app import DaihoiApp

R = TypeVar("R")


class DeskScreen(Screen[R], Generic[R]):
    """A full screen of the console: ``self.app`` is the :class:`~console.app.DaihoiApp`."""

    if TYPE_CHECKING:  # Textual's own typed getter; at run time its plain property answers
        app = getters.app(DaihoiApp)


class DeskModal(ModalScreen[R], Generic[R]):
    """A dialog of the console: ``self.app`` is the :class:`~console.app.DaihoiApp`."""

    if TYPE_CHECKING:
        app = getters.app(DaihoiApp)


@dataclass
class Notice(Message):
    """A worker's result for the person at the desk, told on the UI thread by the app."""

    text: str
    severity: SeverityLevel = "information"
    timeout: float = 10
    changed: bool = False
    """The worker wrote to the event file: every screen on view repaints."""


class LiveScreen(DeskScreen[None]):
    """A screen painted from the event file, repainted when it changes while on view.

    Subclasses implement :meth:`repaint` and call :meth:`follow_event` once in ``on_mount``.
    """

    class Stale(Message):
        """The event file changed since the last paint; a newer one replaces it in the queue."""

        bubble = False

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, LiveScreen.Stale)

    def __init__(self) -> None:
        super().__init__()
        self.painted = -1
        """The app's ``revision`` when the screen was last painted."""

    def follow_event(self) -> None:
        """Paint now, then whenever the event file changes while the screen is on view."""
        self.watch(self.app, "revision", self._revision_changed, init=False)
        self.paint_now()

    def paint_now(self) -> None:
        """Paint at once (after this desk's own write, the MC waits for the next name); the
        change's :class:`Stale` then finds the screen up to date and paints nothing more."""
        self.painted = self.app.revision
        self.repaint()

    def repaint(self) -> None:
        """Read what the screen shows from the event file and paint it."""
        raise NotImplementedError

    @property
    def stale(self) -> bool:
        """The event file changed since the last paint."""
        return self.painted != self.app.revision

    def _revision_changed(self, _revision: int) -> None:
        self.post_message(self.Stale())

    @on(Stale)
    def _on_stale(self) -> None:
        if self.stale and self.is_current:  # on view, or under a dialog (it shows through)
            self.paint_now()

    def on_screen_resume(self) -> None:
        if self.stale:
            self.paint_now()
