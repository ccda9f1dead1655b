"""Finding the columns of a plan table by their headers, whatever the wording.

Headers are compared folded (no case, no accents, single spaces), without what
stands in brackets ("Số ngày (ngày)") and without a trailing colon, against the
usual wordings in Vietnamese, English and Lao. The header row is the first row of a
table (within its first ten) that names at least three known columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain import fold
from ..i18n import N_
from .readers import Grid

# key -> (label for messages, folded wordings)
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "seq": (N_("No."), ("tt", "stt", "so tt", "so thu tu", "no", "no.", "#", "nr", "ລ/ດ", "ລຳດັບ")),
    "name": (N_("Delegation"), ("ten doan", "doan", "ten doan cong tac", "delegation", "name", "ຊື່ຄະນະ", "ຄະນະ")),
    "leader": (N_("Leader"), ("truong doan", "truong doan (chuc vu)", "chuc vu truong doan", "leader", "head of delegation",
                              "ຫົວໜ້າຄະນະ")),
    "members": (N_("Members"), ("so thanh vien", "so nguoi", "so luong", "thanh vien", "so luong thanh vien", "so luong nguoi",
                                "members", "number of members", "people", "ຈຳນວນ", "ຈຳນວນສະມາຊິກ", "ຈຳນວນຄົນ")),
    "destination": (N_("Destination"), ("nuoc den", "noi den", "diem den", "quoc gia", "nuoc", "destination", "country",
                                        "ປະເທດ", "ປາຍທາງ")),
    "activities": (N_("Activities"), ("noi dung hoat dong", "noi dung", "hoat dong", "noi dung lam viec", "activities", "programme",
                                      "ເນື້ອໃນ", "ເນື້ອໃນການເຄື່ອນໄຫວ")),
    "days": (N_("Days"), ("so ngay", "thoi gian (so ngay)", "so ngay cong tac", "thoi luong", "days", "length", "ຈຳນວນວັນ")),
    "timing": (N_("Timing"), ("thoi gian", "thoi diem", "thoi gian thuc hien", "du kien thoi gian", "timing", "when", "dates",
                              "ເວລາ", "ໄລຍະເວລາ")),
    "funding": (N_("Costs"), ("nguon kinh phi", "kinh phi", "chi phi", "funding", "costs", "cost sharing", "ງົບປະມານ", "ແຫຼ່ງງົບປະມານ")),
    "direction": (N_("Outbound/inbound"), ("doan ra/doan vao", "ra/vao", "doan ra/vao", "loai doan", "direction", "ຄະນະອອກ/ເຂົ້າ")),
    "partner": (N_("Partner"), ("doi tac", "don vi doi tac", "partner", "ຄູ່ຮ່ວມມື")),
    "notes": (N_("Notes"), ("ghi chu", "notes", "remarks", "ໝາຍເຫດ")),
}
REQUIRED = ("name", "leader", "members", "timing")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def header_key(title: str) -> str | None:
    """The column *title* stands for ("Số người" -> "members"), or ``None``."""
    folded = fold(title)
    for candidate in (folded, fold(_BRACKETS.sub(" ", title)).rstrip(":").strip()):
        for key, (_label, wordings) in COLUMNS.items():
            if candidate in wordings:
                return key
    return None


@dataclass(frozen=True)
class Layout:
    """Where each known column is in a table, its header as the file words it, and the
    columns that were not recognised (ignored, and said so)."""

    header_row: int
    where: dict[str, int]
    titles: dict[str, str]
    unknown: tuple[str, ...]

    def get(self, cells: tuple[str, ...], key: str) -> str:
        i = self.where.get(key)
        return cells[i] if i is not None and i < len(cells) else ""

    def title(self, key: str, translate=lambda s: s) -> str:
        """The column's header as in the file, else its usual label."""
        return self.titles.get(key) or translate(COLUMNS[key][0]) if key in COLUMNS else key


def find_layout(grid: Grid) -> Layout | None:
    """The layout of *grid* from its header row; ``None`` when no row within the first
    ten names three known columns."""
    for number, cells in grid.rows[:10]:
        keys = [header_key(c) if c else None for c in cells]
        if len({k for k in keys if k}) < 3:
            continue
        where, titles, unknown = {}, {}, []
        for i, (key, cell) in enumerate(zip(keys, cells)):
            if key is None or key in where:
                if cell:
                    unknown.append(cell)
                continue
            where[key], titles[key] = i, cell
        return Layout(number, where, titles, tuple(unknown))
    return None


def best_grid(grids: list[Grid]) -> tuple[Grid, Layout] | None:
    """The table whose header names the most known columns (a Word document holds other
    tables too: the national header, the signature)."""
    found = [(grid, layout) for grid in grids if (layout := find_layout(grid)) is not None]
    if not found:
        return None
    return max(found, key=lambda pair: len(pair[1].where))


__all__ = ["COLUMNS", "REQUIRED", "Layout", "best_grid", "find_layout", "header_key"]
