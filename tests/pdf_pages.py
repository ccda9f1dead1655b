"""Reading exported PDFs for the geometry checks: every glyph with its box, and
the table's rules, rows and columns (pypdfium2). Shared by the plan's and the
delegation documents' geometry tests."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


def letters(text: str) -> str:
    """Letters, digits and marks (Lao vowels and tones included) of *text*, NFKC."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch.isalnum() or unicodedata.category(ch).startswith("M"))


# --- reading the PDF ------------------------------------------------------------------
@dataclass
class Band:
    """One row of the table on one page (the header, a row, or the part of a row): its text per column."""

    top: float
    bottom: float
    columns: list[str]

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass
class Page:
    number: int
    width: float
    height: float
    chars: list[tuple[str, float, float, float, float]]  # text, left, bottom, right, top (no blanks)
    text: str
    rules_x: list[float] = field(default_factory=list)
    rules_y: list[float] = field(default_factory=list)  # top first
    bands: list[Band] = field(default_factory=list)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def _distinct(values, gap=1.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > gap:
            out.append(v)
    return out


def read_pages(path, portrait_tables: bool = False) -> list[Page]:
    """Every page; the table's rows are read on landscape pages (the plan), on every page with *portrait_tables*."""
    pages = []
    doc = pdfium.PdfDocument(str(path))
    for index in range(len(doc)):
        page = doc[index]
        width, height = page.get_size()
        tp = page.get_textpage()
        text = tp.get_text_range()
        chars = []
        for i in range(tp.count_chars()):
            ch = text[i]
            if ch.isspace():
                continue
            left, bottom, right, top = tp.get_charbox(i)
            chars.append((ch, left, bottom, right, top))
        p = Page(index + 1, width, height, chars, text)
        xs, ys = [], []
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
            left, bottom, right, top = obj.get_bounds()
            if right - left > 20 and top - bottom < 2:
                ys.append((top + bottom) / 2)
            elif top - bottom > 20 and right - left < 2:
                xs.append((left + right) / 2)
        if (p.landscape or portrait_tables) and ys and len(_distinct(xs)) >= 2:
            p.rules_x, p.rules_y = _distinct(xs), _distinct(ys)[::-1]
            for top, bottom in zip(p.rules_y, p.rules_y[1:]):
                cols = [""] * (len(p.rules_x) - 1)
                for ch, left, b, right, t in chars:
                    cx, cy = (left + right) / 2, (b + t) / 2
                    if bottom < cy < top and p.rules_x[0] < cx < p.rules_x[-1]:
                        col = next(c for c in range(len(cols)) if cx < p.rules_x[c + 1])
                        cols[col] += ch
                p.bands.append(Band(top, bottom, [letters(c) for c in cols]))
        pages.append(p)
    return pages


