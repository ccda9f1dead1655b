"""Finding the columns of a plan table by their headers, whatever the wording.

Headers are compared folded (no case, no accents, single spaces), without what
stands in brackets ("Số ngày (ngày)") and without a trailing colon, against the
usual wordings in Vietnamese, English and Lao, and against the headers the program's
own exports write (Word and Excel) in each of its languages; a header of several
lines ("TT" above "ລ/ດ" in a bilingual export) is known by any of its lines. The
header row is the first row of a table (within its first ten) that names at least
three known columns. The languages its headers are written in are kept: English
headers say the table's Latin-script text is English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from functools import lru_cache

from ..domain import fold
from ..i18n import N_, translator
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
    "cost_model": (N_("Cost model"), ("mo hinh chi phi", "cost model")),
    "guest_class": (N_("Guest class"), ("hang khach", "guest class", "ຊັ້ນແຂກ")),
    "translation_pages": (N_("Pages to translate"), ("so trang bien dich", "pages to translate")),
    # the columns of the program's own workbook ("Danh sách đoàn")
    "min_days": (N_("Fewest days"), ("so ngay it nhat", "min days")),
    "max_days": (N_("Most days"), ("so ngay nhieu nhat", "max days")),
    "year": (N_("Year"), ("nam", "year", "ປີ")),
    "month": (N_("Month"), ("thang", "month", "ເດືອນ")),
    "first_day": (N_("First day"), ("ngay dau", "ngay di", "tu ngay", "ngay bat dau", "first day", "start")),
    "last_day": (N_("Last day"), ("ngay cuoi", "ngay ve", "den ngay", "ngay ket thuc", "last day", "end")),
    "status": (N_("Status"), ("trang thai", "tinh trang", "status", "ສະຖານະ")),
}
# The headers of the program's own exports (the plan's table in Word and PDF, the workbook), by column.
EXPORT_HEADS = {"seq": (N_("No."),), "name": (N_("Delegation"),), "leader": (N_("Leader"),), "members": (N_("Members"),),
                "destination": (N_("Destination"),), "activities": (N_("Activities"),), "days": (N_("Days"),),
                "timing": (N_("Timing"),), "funding": (N_("Funding"),), "direction": (N_("Direction"),),
                "partner": (N_("Partner"),), "min_days": (N_("Fewest days"),), "max_days": (N_("Most days"),),
                "year": (N_("Year"),), "month": (N_("Month"),), "first_day": (N_("First day"),), "last_day": (N_("Last day"),),
                "status": (N_("Status"),), "notes": (N_("Notes"),), "cost_model": (N_("Cost model"),),
                "guest_class": (N_("Guest class"),), "translation_pages": (N_("Pages to translate"),)}
LANGS = ("vi", "lo", "en")
REQUIRED = ("name", "leader", "members", "timing")
# A required column another set of columns stands for: the workbook's year (with month and days) says the time.
STANDS_FOR = {"timing": ("year", "first_day")}
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@lru_cache(maxsize=1)
def _known() -> dict[str, tuple[str, str | None]]:
    """Folded wording -> (column, the language it is in when it is an export's header)."""
    known: dict[str, tuple[str, str | None]] = {}
    for key, heads in EXPORT_HEADS.items():
        for lang in LANGS:
            for head in heads:
                known.setdefault(fold(translator(lang).gettext(head)), (key, lang))
    for key, (_label, wordings) in COLUMNS.items():
        for wording in wordings:
            known.setdefault(fold(wording), (key, None))
    return known


def header_match(title: str) -> tuple[str, set[str]] | None:
    """The column *title* stands for and the languages it is worded in, or ``None``;
    each line of a header of several lines is tried."""
    found, langs = None, set()
    for line in [title, *title.splitlines()]:
        for candidate in (fold(line), fold(_BRACKETS.sub(" ", line)).rstrip(":").strip()):
            hit = _known().get(candidate)
            if hit is not None and found in (None, hit[0]):
                found = hit[0]
                if hit[1]:
                    langs.add(hit[1])
    return None if found is None else (found, langs)


def header_key(title: str) -> str | None:
    """The column *title* stands for ("Số người" -> "members"), or ``None``."""
    hit = header_match(title)
    return hit[0] if hit else None


@dataclass(frozen=True)
class Layout:
    """Where each known column is in a table, its header as the file words it, and the
    columns that were not recognised (ignored, and said so), and the languages its
    headers are worded in when they are those of an export ("en" for an English one)."""

    header_row: int
    where: dict[str, int]
    titles: dict[str, str]
    unknown: tuple[str, ...]
    langs: frozenset[str] = frozenset()

    @property
    def latin(self) -> str:
        """The language of the table's Latin-script text that is not plainly Vietnamese."""
        return "en" if "en" in self.langs and "vi" not in self.langs else "vi"

    def has(self, key: str) -> bool:
        """Whether the table has the column *key*, or the columns that stand for it."""
        return key in self.where or any(k in self.where for k in STANDS_FOR.get(key, ()))

    def get(self, cells: tuple[str, ...], key: str) -> str:
        i = self.where.get(key)
        return cells[i] if i is not None and i < len(cells) else ""

    def title(self, key: str, translate=lambda s: s) -> str:
        """The column's header as in the file, else its usual label."""
        return (self.titles.get(key) or translate(COLUMNS[key][0])).replace("\n", " / ") if key in COLUMNS else key


def find_layout(grid: Grid) -> Layout | None:
    """The layout of *grid* from its header row; ``None`` when no row within the first
    ten names three known columns."""
    for number, cells in grid.rows[:10]:
        hits = [header_match(c) if c else None for c in cells]
        if len({h[0] for h in hits if h}) < 3:
            continue
        where, titles, unknown, langs = {}, {}, [], set()
        for i, (hit, cell) in enumerate(zip(hits, cells)):
            if hit is None or hit[0] in where:
                if cell:
                    unknown.append(cell)
                continue
            where[hit[0]], titles[hit[0]] = i, cell
            langs |= hit[1]
        return Layout(number, where, titles, tuple(unknown), frozenset(langs))
    return None


def best_grid(grids: list[Grid]) -> tuple[Grid, Layout] | None:
    """The table whose header names the most known columns (a Word document holds other
    tables too: the national header, the signature)."""
    found = [(grid, layout) for grid in grids if (layout := find_layout(grid)) is not None]
    if not found:
        return None
    return max(found, key=lambda pair: len(pair[1].where))


__all__ = ["COLUMNS", "REQUIRED", "STANDS_FOR", "Layout", "best_grid", "find_layout", "header_key", "header_match"]
