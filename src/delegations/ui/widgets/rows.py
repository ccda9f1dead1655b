"""Rows of a label and a right-aligned value, drawn with Textual's line API.

A Rich table of every delegation's budget measures all its cells before the first
frame (about two seconds at 2,000 delegations); this view draws only the rows on
screen, each fitted to the width: the label cut with "…", the value whole.
"""

from __future__ import annotations

from typing import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text as RichText
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowsView(ScrollView, can_focus=True):
    """Shows ``rows``: (label, value, style) triples. A row without a value (a
    heading, a note) wraps over as many lines as it needs; the others take one."""

    DEFAULT_CSS = "RowsView { height: 1fr; }"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rows: Sequence[tuple[str, str, Style | None]] = ()
        self._lines: list[tuple[str, str, Style | None]] = []
        self._laid_out: tuple | None = None  # (rows, width) of the last lay-out

    def show(self, rows: Sequence[tuple[str, str, Style | None]]) -> None:
        self.rows = rows
        self._lay_out()
        self.scroll_home(animate=False)

    def _lay_out(self) -> None:
        if not self.size.width:
            return  # not laid out on screen yet: wrapping now would wrap at a made-up width; on_resize does it
        # The width the rows will have: without the scroll bar's when they are more than fit.
        inner = self.size.width - self.styles.gutter.width
        bar = self.styles.scrollbar_size_vertical
        width = max(inner - (bar if len(self.rows) > self.size.height else 0), 10)
        if self._laid_out is not None and self._laid_out[0] is self.rows and self._laid_out[1] == width:
            return  # the same rows at the same width (a resize that changed nothing here)
        self._laid_out = (self.rows, width)
        lines = self._wrapped(width)
        if len(lines) > self.size.height and width == inner and bar:  # the wrapped lines need the scroll bar
            width = max(inner - bar, 10)
            self._laid_out = (self.rows, width)
            lines = self._wrapped(width)
        self._lines = lines
        self.virtual_size = Size(width, len(lines))  # as wide as the rows: no horizontal scroll bar
        self.refresh()

    def _wrapped(self, width: int) -> list:
        lines = []
        for label, value, style in self.rows:
            if value or cell_len(label) <= width:
                lines.append((label, value, style))
            else:
                indent = label[:len(label) - len(label.lstrip(" "))]  # an indented row stays indented as it wraps
                lines += [(indent + str(part), "", style) for part in RichText(label.strip()).wrap(self.app.console, width - len(indent))]
        return lines

    def on_resize(self) -> None:
        self._lay_out()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        index = self.scroll_offset.y + y
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        label, value, style = self._lines[index]
        room = max(width - cell_len(value) - 1, 1) if value else width
        if cell_len(label) > room:
            label = set_cell_size(label, room - 1) + "…"
        text = set_cell_size(label, room) + (" " + value if value else "")
        style = self.rich_style + style if style else self.rich_style
        return Strip([Segment(set_cell_size(text, width), style)]).adjust_cell_length(width, self.rich_style)
