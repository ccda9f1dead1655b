"""A virtual table of delegations, drawn with Textual's line API.

Textual's ``DataTable`` measures every cell when rows are added, which takes
about a second for 10,000 rows and would have to be redone on every search
keystroke. This table keeps only the list of row ids and asks for the cells
of the rows it draws (about a screenful), so a new filter costs the same at 4
rows or at 10,000.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...i18n import N_, _


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # a message id, translated when drawn
    width: int | None = None  # None: shares the width that is left
    right: bool = False
    min_screen: int = 0  # shown only when the table is at least this wide


# At 80 columns every value fits: the partner by its place name, the days as a
# number or range (the heading says "days"), dates as a compact range
# ("28/2–3/3/2024"); a heading keeps room for the sort arrow.
COLUMNS = (
    Column("seq", N_("No."), 3, right=True),  # widened to the largest number of the plan
    Column("name", N_("Delegation")),
    Column("direction", N_("In/out"), 8),
    Column("partner", N_("Partner"), 12),
    Column("leader", N_("Leader"), 24, min_screen=120),
    Column("members", N_("Pers."), 6, right=True),
    Column("days", N_("Days"), 8, right=True),
    Column("timing", N_("Timing"), 13),
    Column("status", N_("Status"), 10, min_screen=90),
)


# Where the status column does not fit (80 columns), a done or cancelled delegation's
# name begins with a mark; a cancelled one is struck through at every width.
MARKS = {"done": "✓ ", "cancelled": "✗ "}


class PlanTable(ScrollView, can_focus=True):
    """Rows are ids; ``cells(id)`` gives a row's texts by column key."""

    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "jump(0)", show=False),
        Binding("end", "jump(-1)", show=False),
        Binding("enter", "select", show=False),
    ]
    COMPONENT_CLASSES = {"plan-table--header", "plan-table--cursor", "plan-table--odd", "plan-table--sorted"}
    DEFAULT_CSS = """
    PlanTable { height: 1fr; }
    PlanTable > .plan-table--header { text-style: bold; background: $panel; }
    PlanTable > .plan-table--sorted { text-style: bold underline; background: $panel; }
    PlanTable > .plan-table--cursor { background: $accent 40%; }
    PlanTable:focus > .plan-table--cursor { background: $accent; color: $text; }
    PlanTable > .plan-table--odd { background: $surface-lighten-1 30%; }
    """

    cursor = reactive(0, always_update=True)

    class Highlighted(Message):
        def __init__(self, row_id: str | None):
            super().__init__()
            self.row_id = row_id

    class Selected(Message):
        def __init__(self, row_id: str):
            super().__init__()
            self.row_id = row_id

    def __init__(self, cells: Callable[[str], dict[str, str]], **kwargs):
        super().__init__(**kwargs)
        self._cells = cells
        self.ids: Sequence[str] = []
        self.sort_key = "seq"
        self.sort_descending = False
        self.seq_digits = 1  # digits of the largest number shown (the column widens for it)

    # --- data ------------------------------------------------------------
    def set_rows(self, ids: Sequence[str], keep: str | None = None) -> None:
        """Show *ids*; keep the cursor on row *keep* (or the current row) when it is still there."""
        keep = keep if keep is not None else self.current_id
        self.ids = ids
        self.virtual_size = Size(self.size.width, len(ids) + 1)
        index = 0
        if keep is not None:
            try:
                index = list(ids).index(keep) if len(ids) < 50_000 else 0
            except ValueError:
                index = min(self.cursor, max(len(ids) - 1, 0))
        self.cursor = index
        self.refresh()

    def cells(self, row_id: str) -> dict[str, str]:
        """The texts of a row, by column key."""
        return self._cells(row_id)

    @property
    def current_id(self) -> str | None:
        if 0 <= self.cursor < len(self.ids):
            return self.ids[self.cursor]
        return None

    def columns(self) -> list[tuple[Column, int]]:
        width = self.scrollable_content_region.width or self.size.width or 80
        shown = [c for c in COLUMNS if width >= c.min_screen]
        widths = {c.key: max(c.width, self.seq_digits) if c.key == "seq" else c.width for c in shown}
        fixed = sum(w or 0 for w in widths.values()) + len(shown) - 1
        flex = max(width - fixed, 10)
        return [(c, widths[c.key] or flex) for c in shown]

    # --- drawing -----------------------------------------------------------
    def _line(self, values: dict[str, str], cols) -> str:
        parts = []
        after_seq = " "
        for col, width in cols:
            text = values.get(col.key, "")
            if col.key == "seq" and values.get("mark"):  # a date warning: "!" beside the number
                if cell_len(values["mark"] + text) <= width:
                    text = values["mark"] + text
                else:
                    after_seq = values["mark"]  # a number as wide as its column: the mark after it
            if cell_len(text) > width:
                text = set_cell_size(text, width - 1) + "…"
            elif col.right:
                text = " " * (width - cell_len(text)) + text
            parts.append(set_cell_size(text, width))
        if cols and cols[0][0].key == "seq" and len(parts) > 1:
            return parts[0] + after_seq + " ".join(parts[1:])
        return " ".join(parts)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        cols = self.columns()
        if y == 0:
            arrow = "▼" if self.sort_descending else "▲"
            labels = {}
            for c, w in cols:
                label = _(c.label)
                if c.key == self.sort_key:  # the arrow always shows: the heading gives way to it
                    label = (label if cell_len(label) < w else set_cell_size(label, w - 1)) + arrow
                labels[c.key] = label
            style = self.get_component_rich_style("plan-table--header")
            return Strip([Segment(self._line(labels, cols), style)]).adjust_cell_length(width, style)
        index = self.scroll_offset.y + y - 1
        if index >= len(self.ids):
            return Strip.blank(width, self.rich_style)
        values = self.cells(self.ids[index])
        mark = MARKS.get(values.get("state", ""))
        if mark and not any(c.key == "status" for c, _w in cols):  # too narrow for the status: the name says it
            values = {**values, "name": mark + values.get("name", "")}
        if index == self.cursor:
            style = self.get_component_rich_style("plan-table--cursor")
        elif index % 2:
            style = self.rich_style + self.get_component_rich_style("plan-table--odd")
        else:
            style = self.rich_style
        if values.get("state") == "cancelled":
            style += Style(strike=True)
        return Strip([Segment(self._line(values, cols), style)]).adjust_cell_length(width, style)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.ids) + 1)

    # --- moving --------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        height = max(self.size.height - 1, 1)
        top = self.scroll_offset.y
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.refresh()
        self.post_message(self.Highlighted(self.current_id))

    def action_cursor(self, step: int) -> None:
        if self.ids:
            self.cursor = max(0, min(len(self.ids) - 1, self.cursor + step))

    def action_page(self, step: int) -> None:
        self.action_cursor(step * max(self.size.height - 2, 1))

    def action_jump(self, index: int) -> None:
        if self.ids:
            self.cursor = index % len(self.ids)

    def action_select(self) -> None:
        if self.current_id is not None:
            self.post_message(self.Selected(self.current_id))

    def on_click(self, event) -> None:
        row = event.y + self.scroll_offset.y - 1
        if event.y >= 1 and 0 <= row < len(self.ids):
            if row == self.cursor and event.chain > 1:
                self.action_select()
            self.cursor = row
