"""The key line at the bottom of the main screen, rebuilt only when its keys change."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """Textual's footer rebuilds its ~20 key widgets whenever the screen's bindings
    may have changed (every return from a form, every focus change); styling them
    again cost as much as drawing the form. This one rebuilds only when the keys it
    would show (key, label, enabled) are not those it shows.

    Its spacing is the same in every language: a key, one space, its label; two
    columns between entries, the last of them the command palette's bar. An entry
    that would not fit whole beside the palette key is not shown (its key is under
    ``?``), rather than cut or run under the palette."""

    # Every space is at the end of a piece (key, label) or a margin of its own, never at
    # the start of one: the same columns as Textual's, and an SVG picture renderer that
    # drops a piece's leading space (rsvg) shows them as a terminal does.
    DEFAULT_CSS = """
    KeyFooter FooterKey {
        margin-left: 1;
        .footer-key--key {
            padding: 0 1 0 0;
        }
    }
    KeyFooter FooterKey.-command-palette {
        margin-left: 0;
        padding-right: 0;
        .footer-key--key {
            padding: 0 1 0 0;
        }
        .footer-key--description {
            padding: 0;
        }
    }
    """

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

    async def recompose(self) -> None:
        await super().recompose()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Show the entries, in order, as long as each fits whole left of the palette key."""
        if not self.size.width:
            return  # not laid out yet: on_resize fits them
        keys = list(self.query_children(FooterKey))
        palette = [k for k in keys if k.has_class("-command-palette")]
        room = self.size.width - sum(_width(k) for k in palette)
        fits = True
        for key in keys:
            if key in palette:
                continue
            room -= _width(key)
            fits = fits and room >= 0
            key.display = fits


def _width(key: FooterKey) -> int:
    """The columns an entry takes: its key with a space either side (the palette's bar
    in place of the first), its label and a space (none after the palette's)."""
    if not key.description:
        return cell_len(key.key_display)
    return cell_len(key.key_display) + 2 + cell_len(key.description) + (0 if key.has_class("-command-palette") else 1)
