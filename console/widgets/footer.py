"""The footer of every screen: Textual's, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's :class:`~textual.widgets.Footer`, recomposed only when what it shows changed.

    Textual recomposes the footer (removes its keys and mounts them again) on every change of
    the screen's bindings: the scan field taking the focus, the screen resuming, each Tab. A
    screen opening sends three such changes, and each mounted and styled the seven keys of the
    reception desk again (about a tenth of the console's start before its first paint). The
    keys shown, their labels and whether each is enabled are compared with those on view;
    the same keys are not mounted twice.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_view: tuple[object, ...] | None = None
        """What the keys on view were composed from (None: not composed yet)."""

    def _shown(self) -> tuple[object, ...]:
        """What :meth:`Footer.compose` builds its keys from, as it reads it now."""
        app = self.app
        active = self.screen.active_bindings
        keys = tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action)
            + (binding.group, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in active.values()
            if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
        )
        palette = app.ENABLE_COMMAND_PALETTE and self.show_command_palette
        # Until Textual says the bindings are ready its compose shows no key at all.
        return (self._bindings_ready, keys, palette, self.combine_groups)

    async def recompose(self) -> None:
        if not self.is_attached:
            return
        shown = self._shown()
        if shown == self._on_view:
            return
        self._on_view = shown
        await super().recompose()
