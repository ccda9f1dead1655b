"""The command palette in the interface language, found whatever accents are typed.

Textual's palette and widgets carry a few English strings of their own; they are
marked here so that the catalogs hold them (vi, lo, en) and shown translated:
the palette's placeholder and "no matches" line, Select's prompt, and the
descriptions of the keys every screen inherits (shown by ``?`` and the palette).
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text as RichText
from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.fuzzy import Matcher
from textual.system_commands import SystemCommandsProvider
from textual.widgets import Input
from textual.widgets.option_list import Option

from ..domain.text import fold
from ..i18n import N_, _

# Textual's own visible strings (message ids are Textual's English words).
TEXTUAL_STRINGS = (
    N_("Search for commands…"), N_("No matches found"), N_("Select"), N_("Focus Next"), N_("Focus Previous"),
    N_("Copy selected text"), N_("Show menu"), N_("Dismiss menu"),
)


class FoldingMatcher(Matcher):
    """Textual's fuzzy matcher on folded text: no case, no accents ("xuat" finds
    "Xuất"), as the table search. Folding keeps one character per letter, so the
    positions found in the folded text highlight the text as written."""

    def match(self, candidate: str) -> float:
        return self.fuzzy_search.match(fold(self.query, squeeze=False), fold(candidate, squeeze=False))[0]

    def highlight(self, candidate: str) -> Content:
        content = Content(candidate)
        folded = fold(candidate, squeeze=False)
        score, offsets = self.fuzzy_search.match(fold(self.query, squeeze=False), folded)
        if not score or len(folded) != len(candidate):
            return content
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(self.match_style, offset, offset + 1)
        return content


class FoldingCommands(SystemCommandsProvider):
    """The app's commands (``App.get_system_commands``), matched on folded text."""

    def matcher(self, user_input: str, case_sensitive: bool = False) -> Matcher:
        return FoldingMatcher(user_input, match_style=self.match_style)


class Palette(CommandPalette):
    """Textual's command palette with its own words in the interface language."""

    def __init__(self, **kwargs):
        super().__init__(placeholder=_("Search for commands…"), **kwargs)

    def on_mount(self) -> None:
        # Its search box blinks as the app's fields do (not in tests and pictures).
        for box in self.query(Input):
            box.cursor_blink = getattr(self.app, "blink", True)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own countdown (textual.command.CommandPalette), with its line translated.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(RichText(_("No matches found"), style="not bold")), disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False  # discovery mode: nothing to say

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
