"""The key line at the bottom of the main screen, rebuilt only when its keys change."""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer rebuilds its ~20 key widgets whenever the screen's bindings
    may have changed (every return from a form, every focus change); styling them
    again cost as much as drawing the form. This one rebuilds only when the keys it
    would show (key, label, enabled) are not those it shows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None

    def _keys(self) -> tuple:
        return tuple((b.key, b.description, enabled, b.show, tip)
                     for _node, b, enabled, tip in self.screen.active_bindings.values())

    def bindings_changed(self, screen) -> None:
        if self.is_attached and screen is self.screen and self.app.app_focus:
            keys = self._keys()
            if self._bindings_ready and keys == self._shown:
                return
            self._shown = keys
        super().bindings_changed(screen)
