"""A choice list that jumps to what is typed."""

from __future__ import annotations

import time

from rich.text import Text as RichText
from textual import events
from textual.widgets import Select

from ...domain.text import fold
from ...i18n import _

TYPING_PAUSE = 0.8  # seconds after which typing starts a new search


class ChoiceSelect(Select):
    """A ``Select`` that, while closed, jumps to the first option whose label starts
    with (or else contains) what was typed, ignoring case and accents as the table
    search does ("hai" finds "Hải Phòng", "d" finds "Đoàn ra"). One key, no menu.
    Space opens the menu unless it continues a word being typed."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prompt", _("Select"))  # Textual's English word otherwise
        super().__init__(*args, **kwargs)
        self._typed = ""
        self._typed_at = 0.0

    def _typing(self) -> bool:
        return bool(self._typed) and time.monotonic() - self._typed_at < TYPING_PAUSE

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return character is not None and character.isprintable() and (character != " " or self._typing())

    def match(self, typed: str):
        """The value of the option *typed* names best, or ``None``."""
        wanted = fold(typed, squeeze=False)
        labels = []
        for prompt, value in self._options:
            if value is Select.NULL:
                continue
            plain = prompt.plain if isinstance(prompt, RichText) else str(prompt)
            labels.append((fold(plain, squeeze=False), value))
        for label, value in labels:
            if label.startswith(wanted):
                return value
        return next((value for label, value in labels if wanted in label), None)

    def on_key(self, event: events.Key) -> None:
        if self.expanded or not self.check_consume_key(event.key, event.character):
            return
        event.stop()
        event.prevent_default()
        self._typed = (self._typed if self._typing() else "") + event.character
        self._typed_at = time.monotonic()
        found = self.match(self._typed)
        if found is not None:
            self.value = found
