"""Page geometry of the budget appendix ("Dự toán kinh phí", ``export --budget``), on real exports.

The shipped plan (4 delegations) and a plan of 40 long delegations are exported
with the appendix in vi, lo and vi-lo. Each appendix page is read with pypdfium2:
its glyph boxes and its tables' rules (each piece of a table on a page is the set
of column rules of one height, with the row rules between them). Checked:

- every glyph of every page inside the margins; in the top margin only the
  appendix's own page number, from its second page on;
- each piece of a table on a page starts with the table's header row, once,
  and a piece that continues a table starts at the top of the page;
- every cell of the budget lines table printed once, in order (against the data): the
  federation's lines with its total, then the partner's lines (no rate, no amount);
- no page starts a table with its total row (a total goes with a data row), and no page
  holds only the notes (they go with the end of the last table).
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
PARTNER_HEADS = ("No.", "Item", "Quantity", "Paid by")


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
    lines: list[list[str]]  # expected cells of the budget lines table (the federation's lines and its total)
    partner_head: list[str]
    partner_lines: list[list[str]]  # expected cells of the partner's lines table
    total: str  # the label of every total row ("Tổng LĐLĐ tỉnh Quảng Trị chi")
    notes: list[str]  # the notes' first words, as printed

    @property
    def pages(self) -> list[Sheet]:
        return self.sheets[self.first:]


@pytest.fixture(scope="module")
def planner(tmp_path_factory):
    db = tmp_path_factory.mktemp("appendix") / "db.json"
    db.write_text(dumps(default_data()), encoding="utf-8")
    with Planner.open(db, host=build_plugin_host()) as p:
        yield p


@pytest.fixture(scope="module", params=[(n, lang) for n in (4, 40) for lang in ("vi", "lo", "vi-lo", "en")],
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
    views = [BudgetView(report, Wording(la, req.registry, req.home), numbers) for la in langs]
    per_lang = [v.lines() for v in views]
    # a figure once, as the first language writes it; words in each language
    cells = [[letters(rows_0[col] if any(ch.isdigit() for ch in rows_0[col]) else both(rows[i][col] for rows in per_lang))
              for col in range(len(LINE_HEADS))] for i, rows_0 in enumerate(per_lang[0])]
    theirs = [line.partner for line in report.budget.lines]
    total = letters(both(v.total_label() for v in views))
    figure = letters(views[0].total_text(report.budget.total(), bool(report.budget.unpriced())))
    lines = [row for row, partner in zip(cells, theirs) if not partner] + [["", total, "", "", figure, ""]]
    partner_lines = [[row[0], row[1], row[2], row[5]] for row, partner in zip(cells, theirs) if partner]
    head = [letters(both(translator(la).gettext(h) for la in langs)) for h in LINE_HEADS]
    partner_head = [letters(both(translator(la).gettext(h) for la in langs)) for h in PARTNER_HEADS]
    notes = [letters(note)[:12] for v in views for note in v.notes(document=True)]
    return Appendix(n, lang, sheets, first, head, head[4], lines, partner_head, partner_lines, total, notes)


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
    return band in (appendix.line_head, appendix.partner_head) or (len(band) == 2 and band[1] == appendix.amount)


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
    partner = [band for page in appendix.pages for p in page.pieces if len(p.xs) == len(PARTNER_HEADS) + 1 for band in p.bands[1:]]
    assert len(partner) == len(appendix.partner_lines) > 0
    for col in range(len(PARTNER_HEADS)):
        assert "".join(b[col] for b in partner) == "".join(r[col] for r in appendix.partner_lines), PARTNER_HEADS[col]


def test_no_table_piece_starts_with_its_total_row(appendix):
    """A total row ("Tổng LĐLĐ tỉnh Quảng Trị chi") never stands at the head of a page's piece:
    the last data row above it goes over with it."""
    totals = 0
    for k, page in enumerate(appendix.pages, 1):
        for piece in page.pieces:
            labels = [band[0] if len(band) == 2 else band[1] for band in piece.bands[1:]]
            totals += labels.count(appendix.total)
            assert labels and labels[0] != appendix.total, (
                f"appendix page {k} ({appendix.lang}, {appendix.n}): a table piece starts with its total row")
    assert totals == 5   # the estimate and the four groupings, each with the federation's total


def test_no_page_holds_only_the_notes(appendix):
    """The notes follow the last table: a page of the appendix with notes on it has a table too."""
    for k, page in enumerate(appendix.pages, 1):
        text = letters("".join(ch for ch, *_box in page.chars))
        if any(note in text for note in appendix.notes):
            assert page.pieces, f"appendix page {k} ({appendix.lang}, {appendix.n}) holds only notes"
