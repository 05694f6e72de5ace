"""The command palette (ctrl+p) in the desk's language, matching without accents.

Textual's palette speaks English ("Search for commands…", "No matches found") and matches
letters as typed, so "dai bieu" never finds "Đại biểu". :class:`Palette` says its words from
the catalog; the providers fold accents and đ (:func:`data.text.fold`) on both sides and list
every screen and every key of the screen on view, the ones the 80-column footer has no room for.
"""

from __future__ import annotations

from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, Hit, Hits, Provider
from textual.content import Content
from textual.widgets.option_list import Option

from data.text import fold

from ..i18n import t
from ..keys import ours


class Palette(CommandPalette):
    """Textual's palette with its own words in the desk's language."""

    def __init__(self) -> None:
        super().__init__(placeholder=t("palette.placeholder"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(t("palette.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def _hit(query: str, label: str, provider: Provider) -> tuple[float, Content | str]:
    """Score ``label`` against ``query`` with accents folded; highlight when lengths allow."""
    matcher = provider.matcher(fold(query))
    folded = fold(label)
    score = matcher.match(folded)
    if score <= 0:
        return 0, label
    if len(folded) == len(label):  # fold kept one character per character: copy the marks
        return score, Content(label, spans=list(matcher.highlight(folded).spans))
    return score, label


class ScreenCommands(Provider):
    """Every screen, and every key of the screen on view, found with or without accents."""

    def _commands(self) -> list[tuple[str, str, object]]:
        from ..app import DaihoiApp

        app = self.app
        assert isinstance(app, DaihoiApp)
        found: list[tuple[str, str, object]] = []
        if app.check_action("show", ()):
            for name in app.MODES:
                found.append((t(f"screen.{name}"), "", partial(app.switch_mode, name)))
        screen = self.screen
        seen: set[str] = set()
        for bindings in screen._bindings.key_to_bindings.values():
            for binding in bindings:
                label = binding.description
                if not ours(binding) or binding.action in seen:
                    continue
                seen.add(binding.action)
                found.append(
                    (
                        label,
                        app.get_key_display(binding),
                        partial(screen.run_action, binding.action),
                    )
                )
        found.append((t("help.title"), "?", app.action_help))
        found.append((t("key.quit"), "ctrl+q", app.action_quit))
        return found

    async def discover(self) -> Hits:
        for label, key, run in self._commands():
            yield Hit(1, Text(label), run, help=key or None)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        for label, key, run in self._commands():
            score, shown = _hit(query, label, self)
            if score > 0:
                yield Hit(score, shown, run, help=key or None)  # type: ignore[arg-type]
