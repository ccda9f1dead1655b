"""A ruled table that breaks across pages the way an official document must.

ReportLab's ``Table`` with ``repeatRows`` and ``splitInRow`` can draw the
header row again in the middle of a page and let a tall row run on below the
bottom edge. ``PagedTable`` lays the pages out itself, in one pass:

- the header row is drawn once, at the top of every page of the table;
- a row that does not fit the rest of a page moves whole to the next page;
- a row taller than a whole page starts where it is and continues on the next
  page with the rest of its lines (each cell is split between lines, so every
  word is printed exactly once);
- with *keep_last* (the last row is a total), the last row never starts a page
  alone: the row above it goes over with it;
- a *tail* (the recipients and the signature) is kept on the same page as the
  end of the table, never alone on a page: when it does not fit under the
  table, the last row moves whole to the next page with it — the space above
  the tail (a ``Spacer`` it starts with) closing up to ``MIN_TAIL_GAP`` if that is what lets the
  row move whole; only a last row too tall to share a page with the tail is
  split, and its last lines are carried over with the tail.

Each cell is measured once; splitting a page costs the rows on that page.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus.flowables import Flowable, Spacer

_BIG = 1e9
_FUZZ = 1e-6
# A row taller than a page starts on the current page only if this much room is left.
MIN_START = 48
# The space above the tail may close up to this when it lets the last row move whole with it.
MIN_TAIL_GAP = 3


@dataclass(frozen=True)
class Grid:
    """Column widths, cell padding (left, right, top, bottom) and rule width."""

    widths: tuple[float, ...]
    padding: tuple[float, float, float, float] = (3, 3, 3, 4)
    line_width: float = 0.5

    def inner(self, col: int) -> float:
        return self.widths[col] - self.padding[0] - self.padding[1]


def _without_leading_break(part):
    """The rest of a split paragraph, without the line break it may start with:
    ReportLab leaves the ``<br/>`` that ended the last line kept on the page
    at the head of the rest, which would open the next page with a blank line."""
    frags = getattr(part, "frags", None)
    while frags and _is_break(frags[0]):
        del frags[0]
    return part


def _split_height(part) -> float | None:
    """The height of the first part of a split paragraph when it can be drawn as
    ReportLab left it (lines of fragments, as Lao and multi-line cells have), else None."""
    lines = getattr(getattr(part, "blPara", None), "lines", None)
    if lines and all(hasattr(line, "words") for line in lines) and getattr(part, "height", None) is not None:
        return part.height
    return None


def _is_break(frag) -> bool:
    if isinstance(frag, list):  # a processed frag word: [width, (frag, text), …]
        return len(frag) > 1 and all(getattr(f, "lineBreak", False) and not text for f, text in frag[1:])
    return getattr(frag, "lineBreak", False) and not getattr(frag, "text", "")


class Row:
    """A row, or the part of one row on one page: a flowable or None per column, measured."""

    __slots__ = ("cells", "heights", "height", "middle")

    def __init__(self, cells: list, grid: Grid, middle: bool = False, known: list | None = None):
        self.cells = cells
        self.middle = middle  # centred vertically (the header row); else set from the top
        # *known*: heights already measured (None where a cell must be wrapped).
        known = known or [None] * len(cells)
        self.heights = [0 if cell is None else h if h is not None else cell.wrap(grid.inner(c), _BIG)[1]
                        for c, (cell, h) in enumerate(zip(cells, known))]
        self.height = max(self.heights, default=0) + grid.padding[2] + grid.padding[3]

    def split(self, grid: Grid, avail: float, *, begin_every_cell: bool = False) -> tuple[Row, Row] | None:
        """The lines of this row that fit *avail* points, and the rest; None if not one line
        fits, or (*begin_every_cell*) if a cell that goes on could not begin here."""
        inner = avail - grid.padding[2] - grid.padding[3]
        if inner <= 0:
            return None
        first, rest, first_h, rest_h = [], [], [], []
        for c, (cell, height) in enumerate(zip(self.cells, self.heights)):
            if cell is None or height <= inner + _FUZZ:
                first.append(cell), first_h.append(height)
                rest.append(None), rest_h.append(0)
                continue
            parts = cell.split(grid.inner(c), inner)
            if len(parts) == 2:
                first.append(parts[0]), first_h.append(_split_height(parts[0]))
                rest.append(_without_leading_break(parts[1])), rest_h.append(None)
            else:  # not two lines fit (a paragraph keeps no orphan): the cell goes on whole
                cell.wrap(grid.inner(c), _BIG)  # a refused split drops the paragraph's lines
                if begin_every_cell:
                    return None
                first.append(None), first_h.append(0)
                rest.append(cell), rest_h.append(height)
        if all(cell is None for cell in first) or all(cell is None for cell in rest):
            return None
        return Row(first, grid, known=first_h), Row(rest, grid, known=rest_h)


class PagedTable(Flowable):
    """A ruled table of *head* (one row of flowables) and *rows*, split cleanly across pages.

    *tail* flowables follow the table and are kept with its end (see the module
    docstring). ``page_height`` is the height of an empty frame; it is read from
    the frame when there is one and is only a fallback here.
    """

    def __init__(self, head: list, rows: list[list], widths, *, tail: list | None = None,
                 page_height: float = _BIG, padding=(3, 3, 3, 4), line_width: float = 0.5, keep_last: bool = False):
        super().__init__()
        self.keep_last = keep_last  # the last row (a total) starts no page without the row above it
        self.hAlign = "CENTER"  # as a ReportLab Table: centred in a frame of another width
        self.grid = Grid(tuple(widths), tuple(padding), line_width)
        self._head_cells = head
        self._row_cells = rows
        self.head: Row | None = None
        self.rows: list[Row] | None = None
        self.tail = list(tail or [])
        self.tail_gap = 0.0  # space between the table and the tail: a Spacer the tail starts with
        if self.tail and isinstance(self.tail[0], Spacer):
            self.tail_gap = self.tail.pop(0).height
        self.squeeze = 0.0  # how much of that space this part closes up
        self.page_height = page_height
        self._tail_h: float | None = None
        self._height: float | None = None

    @classmethod
    def _part(cls, parent: "PagedTable", rows: list[Row], tail: list) -> "PagedTable":
        """A piece of *parent*: its header and *rows*, with *tail* (the parent's, or none)."""
        part = cls([], [], parent.grid.widths, tail=tail, page_height=parent.page_height)
        part.keep_last = parent.keep_last and bool(rows) and rows[-1] is parent.rows[-1]
        part.tail_gap = parent.tail_gap
        part.grid = parent.grid
        part.head, part.rows = parent.head, rows
        if tail:
            part._tail_h = parent._tail_h
        return part

    # --- measuring -------------------------------------------------------------
    def _measure(self) -> None:
        if self.rows is None:
            self.head = Row(self._head_cells, self.grid, middle=True)
            self.rows = [Row(cells, self.grid) for cells in self._row_cells]

    def _tail_height(self, avail_width: float) -> float:
        if self._tail_h is None:
            total = self.tail_gap if self.tail else 0.0
            for f in self.tail:
                total += f.getSpaceBefore() + f.wrap(avail_width, _BIG)[1] + f.getSpaceAfter()
            self._tail_h = total
        return self._tail_h

    def _table_height(self) -> float:
        if self._height is None:
            self._height = self.head.height + sum(r.height for r in self.rows)
        return self._height

    def wrap(self, avail_width, avail_height):
        self._measure()
        self.avail_width = avail_width
        self.width = max(sum(self.grid.widths), avail_width if self.tail else 0)
        self.height = self._table_height() + self._tail_height(avail_width) - self.squeeze
        return self.width, self.height

    # --- splitting -------------------------------------------------------------
    def _page(self) -> tuple[float, bool]:
        """Height of an empty frame, and whether this flowable stands at the top of one."""
        frame = getattr(self, "_frame", None)
        if frame is None:
            return self.page_height, False
        full = frame._y2 - frame._topPadding - frame._y1p
        return full, bool(frame._atTop)

    def split(self, avail_width, avail_height):
        self.wrap(avail_width, avail_height)
        full, at_top = self._page()
        rows, head = self.rows, self.head.height
        used, i = head, 0
        while i < len(rows) and used + rows[i].height <= avail_height + _FUZZ:
            used += rows[i].height
            i += 1
        if i == len(rows):  # every row fits here, the tail does not
            return self._carry(avail_width, avail_height, full, at_top)
        row = rows[i]
        if head + row.height <= full + _FUZZ:  # fits a page: moves whole to the next one
            if self.keep_last and i == len(rows) - 1 and not (i == 1 and at_top):
                i -= 1   # the total would start the next page alone: the row above it goes with it
            return [] if i == 0 else [self._part(self, rows[:i], []), self._part(self, rows[i:], self.tail)]
        # Taller than a page: starts here (if there is room for a few lines) and continues.
        # A part that would show the short cells alone, the long ones blank, waits for the next
        # page (unless the row already starts a page, where every cell has room to begin).
        parts = (row.split(self.grid, avail_height - used, begin_every_cell=not (at_top and i == 0))
                 if (avail_height - used >= MIN_START or at_top) else None)
        if parts is None:
            return [] if i == 0 else [self._part(self, rows[:i], []), self._part(self, rows[i:], self.tail)]
        first, rest = parts
        return [self._part(self, rows[:i] + [first], []), self._part(self, [rest] + rows[i + 1:], self.tail)]

    def _carry(self, avail_width, avail_height, full, at_top):
        """The table's end fits this page but the tail does not: carry the fewest
        last rows (or last lines of a tall last row) to the next page with the tail."""
        rows, head = self.rows, self.head.height
        room = full - head - self._tail_height(avail_width)
        gap = [Spacer(1, self.tail_gap)] if self.tail_gap else []
        alone = [self._part(self, rows, []), *gap, *self.tail]  # the tail cannot share any page with a row
        if room <= 0 or not rows:
            return alone
        last = rows[-1]
        slack = max(0.0, self.tail_gap - MIN_TAIL_GAP)
        n = 2 if self.keep_last and len(rows) >= 2 else 1   # a total row goes over with the row above it
        moved = sum(r.height for r in rows[-n:])
        if moved <= room + slack + _FUZZ:  # the last row(s) go over whole with the tail
            if len(rows) == n and at_top:
                if self.squeeze or moved <= room + _FUZZ:
                    return alone
                self.squeeze = moved - room  # closing up the gap lets them share this page
                return [self]
            if len(rows) == n:
                return []
            carried = self._part(self, rows[-n:], self.tail)
            carried.squeeze = max(0.0, moved - room)
            return [self._part(self, rows[:-n], []), carried]
        # The last row and the tail are taller than a page: carry its last lines.
        parts = last.split(self.grid, last.height - room / 2)
        if parts is None:
            return alone
        first, rest = parts
        return [self._part(self, rows[:-1] + [first], []), self._part(self, [rest], self.tail)]

    # --- drawing ----------------------------------------------------------------
    def draw(self):
        canv, grid = self.canv, self.grid
        pl, _pr, pt, pb = grid.padding
        xs = [0.0]
        for w in grid.widths:
            xs.append(xs[-1] + w)
        top = self.height
        y = top
        edges = [y]
        for row in [self.head, *self.rows]:
            bottom = y - row.height
            for c, (cell, h) in enumerate(zip(row.cells, row.heights)):
                if cell is None:
                    continue
                if row.middle:
                    cy = bottom + pb + (row.height - pt - pb - h) / 2
                else:
                    cy = y - pt - h
                cell.drawOn(canv, xs[c] + pl, cy)
            y = bottom
            edges.append(y)
        canv.saveState()
        canv.setLineWidth(grid.line_width)
        for e in edges:
            canv.line(0, e, xs[-1], e)
        for x in xs:
            canv.line(x, top, x, y)
        canv.restoreState()
        y -= self.tail_gap - self.squeeze if self.tail else 0
        for f in self.tail:
            y -= f.getSpaceBefore()
            _w, h = f.wrap(self.avail_width, _BIG)
            y -= h
            f.drawOn(canv, 0, y)
            y -= f.getSpaceAfter()
