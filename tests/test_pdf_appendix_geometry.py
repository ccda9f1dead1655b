"""Page geometry of the budget appendix ("Dự toán kinh phí", ``export --budget``), on real exports.

The shipped plan (4 delegations) and a plan of 40 long delegations are exported
with the appendix in vi, lo and vi-lo. Each appendix page is read with pypdfium2:
its glyph boxes and its tables' rules (each piece of a table on a page is the set
of column rules of one height, with the row rules between them). Checked:

- every glyph of every page inside the margins; in the top margin only the
  appendix's own page number, from its second page on;
- each piece of a table on a page starts with the table's header row, once,
  and a piece that continues a table starts at the top of the page;
- every cell of the budget lines table printed once, in order (against the data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from delegations.budget.view import BudgetView
from delegations.defaults import default_data
from delegations.exporting import ExportRequest
from delegations.i18n import translator
from delegations.pdf import layout
from delegations.pdf.document import build_pdf
from delegations.plugins import build_plugin_host
from delegations.services import Planner
from delegations.store.storage import dumps
from delegations.wording import Wording
from long_plans import long_delegations
from test_pdf_geometry import TOL, letters

TODAY = date(2026, 11, 23)
LINE_HEADS = ("No.", "Item", "Quantity", "Rate", "Amount", "Paid by")


@dataclass
class Piece:
    """The part of one table drawn on one page: its column rules, and its rows' text per column."""

    top: float
    bottom: float
    xs: list[float]
    bands: list[list[str]]


@dataclass
class Sheet:
    number: int
    width: float
    height: float
    chars: list[tuple[str, float, float, float, float]]
    pieces: list[Piece]


def _distinct(values, gap=1.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > gap:
            out.append(v)
    return out


def read_sheets(path) -> list[Sheet]:
    sheets = []
    doc = pdfium.PdfDocument(str(path))
    for index in range(len(doc)):
        page = doc[index]
        width, height = page.get_size()
        tp = page.get_textpage()
        text = tp.get_text_range()
        chars = [(ch, *tp.get_charbox(i)) for i, ch in enumerate(text[:tp.count_chars()]) if not ch.isspace()]
        across, down = [], {}
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
            left, bottom, right, top = obj.get_bounds()
            if right - left > 20 and top - bottom < 2:
                across.append((left, right, (top + bottom) / 2))
            elif top - bottom > 10 and right - left < 2:
                down.setdefault((round(top), round(bottom)), []).append((left + right) / 2)
        pieces = []
        for (top, bottom), xs in down.items():
            xs = _distinct(xs)
            ys = _distinct(y for l, r, y in across if bottom - 1 <= y <= top + 1 and l < xs[0] + 1 and r > xs[-1] - 1)[::-1]
            bands = []
            for y0, y1 in zip(ys, ys[1:]):
                cols = [""] * (len(xs) - 1)
                for ch, l, b, r, t in chars:
                    cx, cy = (l + r) / 2, (b + t) / 2
                    if y1 < cy < y0 and xs[0] < cx < xs[-1]:
                        cols[next(c for c in range(len(cols)) if cx < xs[c + 1])] += ch
                bands.append([letters(c) for c in cols])
            pieces.append(Piece(ys[0], ys[-1], xs, bands))
        pieces.sort(key=lambda p: -p.top)
        sheets.append(Sheet(index + 1, width, height, chars, pieces))
    return sheets


@dataclass
class Appendix:
    n: int
    lang: str
    sheets: list[Sheet]  # the whole document
    first: int  # index of the appendix's first page in sheets
    line_head: list[str]
    amount: str  # the "Amount" heading of the summary tables
    lines: list[list[str]]  # expected cells of the budget lines table

    @property
    def pages(self) -> list[Sheet]:
        return self.sheets[self.first:]


@pytest.fixture(scope="module")
def planner(tmp_path_factory):
    db = tmp_path_factory.mktemp("appendix") / "db.json"
    db.write_text(dumps(default_data()), encoding="utf-8")
    with Planner.open(db, host=build_plugin_host()) as p:
        yield p


@pytest.fixture(scope="module", params=[(n, lang) for n in (4, 40) for lang in ("vi", "lo", "vi-lo")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def appendix(request, planner, tmp_path_factory) -> Appendix:
    n, lang = request.param
    plan = planner.plan()
    delegations = list(planner.delegations(plan.id)) if n == 4 else long_delegations(n, plan.id)
    report = planner.budgeting.report(plan.id, delegations=delegations)
    req = ExportRequest(plan=plan, delegations=delegations, lang=lang, registry=planner.registry,
                        home=planner.home(), today=TODAY, budget=report)
    path = tmp_path_factory.mktemp("pdf") / f"plan-{n}-{lang}-budget.pdf"
    path.write_bytes(build_pdf(req))
    sheets = read_sheets(path)
    first = max(i for i, s in enumerate(sheets) if s.width > s.height) + 1  # after the last landscape page
    langs = req.languages

    def both(values) -> str:
        return "".join(dict.fromkeys(v for v in values if v))

    numbers = {d.seq: k for k, d in enumerate(delegations, 1)}
    per_lang = [BudgetView(report, Wording(la, req.registry, req.home), numbers).lines() for la in langs]
    lines = [[letters(both(rows[i][col] for rows in per_lang)) for col in range(len(LINE_HEADS))]
             for i in range(len(per_lang[0]))]
    head = [letters(both(translator(la).gettext(h) for la in langs)) for h in LINE_HEADS]
    return Appendix(n, lang, sheets, first, head, head[4], lines)


def test_the_appendix_has_pages_and_its_lines_table(appendix):
    assert appendix.pages and appendix.lines
    assert appendix.pages[0].pieces and appendix.pages[0].pieces[0].bands[0] == appendix.line_head


def test_every_glyph_inside_the_margins_and_only_the_appendix_page_number_above(appendix):
    for k, page in enumerate(appendix.pages, 1):
        left, right = layout.MARGIN_LEFT - TOL, page.width - layout.MARGIN_RIGHT + TOL
        bottom, top = layout.MARGIN_BOTTOM - TOL, page.height - layout.MARGIN_TOP + TOL
        above = ""
        for ch, l, b, r, t in page.chars:
            if b >= top:
                above += ch
                continue
            assert l >= left and r <= right and b >= bottom and t <= top, (
                f"appendix page {k} ({appendix.lang}, {appendix.n} rows): {ch!r} at x {l:.1f}-{r:.1f}, "
                f"y {b:.1f}-{t:.1f} outside the frame x {left:.1f}-{right:.1f}, y {bottom:.1f}-{top:.1f}")
        assert above == ("" if k == 1 else str(k)), f"appendix page {k}: {above!r} in the top margin"


def _is_head(band: list[str], appendix: Appendix) -> bool:
    return band == appendix.line_head or (len(band) == 2 and band[1] == appendix.amount)


def test_header_row_once_at_the_top_of_every_table_piece(appendix):
    for k, page in enumerate(appendix.pages, 1):
        for piece in page.pieces:
            assert piece.bands and _is_head(piece.bands[0], appendix), (
                f"appendix page {k} ({appendix.lang}): a table piece at y {piece.top:.0f} without its header "
                f"row: {piece.bands[0] if piece.bands else None}")
            repeated = [band for band in piece.bands[1:] if _is_head(band, appendix)]
            assert not repeated, f"appendix page {k}: the header row repeated inside a table: {repeated[0]}"
            assert len(piece.bands) >= 2, f"appendix page {k}: a header row with no row under it"


def _lines_pieces(appendix: Appendix) -> list[tuple[int, Piece]]:
    return [(k, p) for k, page in enumerate(appendix.pages, 1) for p in page.pieces if len(p.xs) == len(LINE_HEADS) + 1]


def test_the_lines_table_continues_only_at_the_top_of_a_page(appendix):
    pieces = _lines_pieces(appendix)
    frame_top = appendix.pages[0].height - layout.MARGIN_TOP
    pages = [k for k, _p in pieces]
    assert pages == list(range(1, len(pages) + 1)), f"the lines table on appendix pages {pages}"
    for k, piece in pieces[1:]:
        assert abs(piece.top - frame_top) < 2, f"appendix page {k}: the lines table continues at y {piece.top:.0f}"


def test_every_budget_line_printed_once_in_order(appendix):
    bands = [band for _k, piece in _lines_pieces(appendix) for band in piece.bands[1:]]
    for col in range(len(LINE_HEADS)):
        printed = "".join(band[col] for band in bands)
        expected = "".join(row[col] for row in appendix.lines)
        assert printed == expected, f"column {LINE_HEADS[col]} ({appendix.lang}, {appendix.n}):\n{printed}\n{expected}"
