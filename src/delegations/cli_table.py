"""The plan's table as ``list`` prints it: the cells worded as the terminal UI words them
(the partner by its place, the days as a number, dates as a compact range), and column
widths that keep every short value whole within the terminal's width (80 columns when
piped): the delegation's name is the column that wraps to make room."""

from __future__ import annotations

from rich.cells import cell_len

GAP = 2  # between two columns (``collapse_padding``: one space of padding and the separator)
NAME = 1  # the index of the column that gives way
NAME_MIN = 10
HEAD_MIN = 4  # a heading folded narrower than this is no longer read


def list_rows(w, dels) -> list[tuple[str, ...]]:
    """One row of cells per delegation: No., name, direction, partner, members, days, timing, status."""
    return [(str(d.seq), d.name.get(w.lang), w.direction(d.direction), w.place(d.partner), str(d.members), str(d.duration),
             w.compact_timing(d), w.status(d.status)) for d in dels]


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def column_widths(heads: list[str], rows: list[tuple[str, ...]], total: int) -> list[int]:
    """The width of each column: each short column as wide as its longest cell (its heading
    may wrap between words), the status as its longest label or, when the room is short, its
    longest word; the name takes what is left (at least ``NAME_MIN``)."""
    def whole(i: int) -> int:
        return max([_longest_word(heads[i]), *(cell_len(r[i]) for r in rows)])

    widths = [whole(i) for i in range(len(heads))]
    room = total - GAP * (len(heads) - 1)
    widest_name = max([cell_len(heads[NAME]), *(cell_len(r[NAME]) for r in rows)])
    widths[NAME] = min(widest_name, room - sum(w for i, w in enumerate(widths) if i != NAME))
    if widths[NAME] < NAME_MIN and len(heads) > 7:  # a status of several words wraps before the name is squeezed
        status = len(heads) - 1
        widths[status] = max([_longest_word(heads[status]), *(_longest_word(r[status]) for r in rows)])
        widths[NAME] = min(widest_name, room - sum(w for i, w in enumerate(widths) if i != NAME))
    if widths[NAME] < NAME_MIN:  # headings of one long word (Lao has no spaces) fold before the name is squeezed
        for i in sorted(range(len(heads)), key=lambda i: -widths[i]):
            if i == NAME or widths[NAME] >= NAME_MIN:
                continue
            cells = max([HEAD_MIN, *(cell_len(r[i]) if i != len(heads) - 1 else _longest_word(r[i]) for r in rows)])
            given = min(widths[i] - cells, NAME_MIN - widths[NAME])
            if given > 0:
                widths[i] -= given
                widths[NAME] += given
    widths[NAME] = max(widths[NAME], NAME_MIN)
    return widths
