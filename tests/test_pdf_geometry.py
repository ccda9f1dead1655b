"""Page geometry of the plan document, measured on every page of real exports.

Plans of 1, 4 (the shipped plan), 40 and 300 delegations with long texts
(``long_plans``; some rows taller than a page) are exported in vi, lo, vi-lo and
en, once per module. Each page is read with pypdfium2: the glyph boxes, and the
table's rules (path objects), which give the table's rows and columns. Checked:

- every glyph inside the margins (left 30, right 15, top and bottom 20 mm);
  in the top margin only the page number, from page 2 on;
- the header row exactly once on every table page, at its top, and nowhere else;
- every cell's text, in order, exactly once overall (against the data);
- a row continues on the next page only if it is taller than a page (or is the
  last row, too tall to move whole to a page with the closing: then its last
  lines are carried over with the signature), and then only at the top of it;
- no text crossing a column rule; the closing on the table's last page.

Text is compared as its letters, digits and marks (Lao vowels and tone marks
included), NFKC: punctuation and bullets may change, no letter or mark may.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from delegations.defaults import default_data
from delegations.exporting import ExportRequest
from delegations.i18n import translator
from delegations.pdf import layout
from delegations.pdf.document import PlanDocument, build_pdf
from delegations.pdf.paged_table import MIN_TAIL_GAP
from delegations.plugins import build_plugin_host
from delegations.services import Planner
from delegations.store.storage import dumps
from delegations.wording import Wording
from long_plans import long_delegations
from pdf_pages import Band, Page, letters, read_pages  # noqa: F401

TODAY = date(2026, 11, 23)
LANGS = ("vi", "lo", "vi-lo", "en")
SIZES = (1, 4, 40, 300)  # 4: the shipped plan
TOL = 0.6  # points


# --- what the document must show --------------------------------------------------------
def expected_table(request) -> tuple[list[str], list[list[str]]]:
    """The header cells and each row's cells (letters only), from the data, in the document's languages."""
    langs = request.languages

    def both(values) -> str:
        return "".join(dict.fromkeys(v for v in values if v))

    def items(lists) -> str:
        """A list cell: an item printed for an earlier language is not printed again."""
        seen, out = set(), []
        for items in lists:
            fresh = [i for i in items if i and i not in seen]
            seen.update(fresh)
            out += fresh
        return "".join(out)

    head = [letters(both(translator(lang).gettext(h) for lang in langs)) for h in PlanDocument.HEADS]
    words = {lang: Wording(lang, request.registry, request.home) for lang in langs}
    rows = []
    for n, d in enumerate(request.delegations, 1):
        cells = [words[lang].cells(d) for lang in langs]
        rows.append([letters(x) for x in (
            str(n), both(c.name for c in cells), both([*(d.leader.position.get(lang) for lang in langs), *(d.leader.name_in(lang) for lang in langs)]),
            both(c.members for c in cells),
            both(c.destination for c in cells), items(c.activities for c in cells), both(c.days for c in cells),
            both(c.timing for c in cells), items(c.funding for c in cells))])
    return head, rows


@dataclass
class Export:
    n: int
    lang: str
    pages: list[Page]
    head: list[str]
    rows: list[list[str]]
    recipients: str

    def table_pages(self) -> list[Page]:
        return [p for p in self.pages if p.bands]


@pytest.fixture(scope="module")
def planner(tmp_path_factory):
    db = tmp_path_factory.mktemp("geometry") / "db.json"
    db.write_text(dumps(default_data()), encoding="utf-8")
    with Planner.open(db, host=build_plugin_host()) as p:
        yield p


CASES = [pytest.param((n, lang), id=f"{n}-{lang}", marks=[pytest.mark.slow] if n == 300 else [])
         for n in SIZES for lang in LANGS]


@pytest.fixture(scope="module", params=CASES)
def export(request, planner, tmp_path_factory) -> Export:
    n, lang = request.param
    plan = planner.plan()
    delegations = planner.delegations(plan.id) if n == 4 else long_delegations(n, plan.id)
    req = ExportRequest(plan=plan, delegations=delegations, lang=lang, registry=planner.registry,
                        home=planner.home(), today=TODAY)
    path = tmp_path_factory.mktemp("pdf") / f"plan-{n}-{lang}.pdf"
    path.write_bytes(build_pdf(req))
    head, rows = expected_table(req)
    recipients = letters(translator(req.languages[0]).gettext("Recipients:"))
    return Export(n, lang, read_pages(path), head, rows, recipients)


# --- checks ---------------------------------------------------------------------------------
def test_every_glyph_inside_the_margins_and_only_the_page_number_above(export):
    for page in export.pages:
        left, right = layout.MARGIN_LEFT - TOL, page.width - layout.MARGIN_RIGHT + TOL
        bottom, top = layout.MARGIN_BOTTOM - TOL, page.height - layout.MARGIN_TOP + TOL
        in_top_margin = ""
        for ch, l, b, r, t in page.chars:
            if b >= top:  # the top margin: the page number alone
                in_top_margin += ch
                centre = layout.MARGIN_LEFT + layout.frame_width((page.width, page.height)) / 2
                assert abs((l + r) / 2 - centre) < 15, f"page {page.number}: {ch!r} in the top margin, off centre"
                continue
            assert l >= left and r <= right and b >= bottom and t <= top, (
                f"page {page.number} ({export.lang}, {export.n} rows): {ch!r} at x {l:.1f}-{r:.1f}, y {b:.1f}-{t:.1f} "
                f"outside the frame x {left:.1f}-{right:.1f}, y {bottom:.1f}-{top:.1f}")
        assert in_top_margin == ("" if page.number == 1 else str(page.number)), f"page {page.number}: {in_top_margin!r}"


def test_header_row_once_at_the_top_of_every_table_page(export):
    table_pages = export.table_pages()
    assert table_pages and all(p.landscape for p in table_pages)
    whole_head = "".join(export.head)
    for page in export.pages:
        count = letters(page.text).count(whole_head)
        if not page.bands:
            assert count == 0, f"page {page.number}: the header row outside the table"
            continue
        assert count == 1, f"page {page.number}: the header row {count} times"
        head = page.bands[0]
        assert head.columns == export.head, f"page {page.number}: first row is not the header: {head.columns}"
        assert head.top >= page.height * 2 / 3, f"page {page.number}: header row not in the top third"
        assert abs(head.top - (page.height - layout.MARGIN_TOP)) < 2, f"page {page.number}: table does not start at the top"
        for band in page.bands[1:]:
            assert band.columns != export.head, f"page {page.number}: header row repeated at y {band.top:.0f}"


def rows_by_fragment(export: Export) -> list[list[tuple[Page, Band]]]:
    """Each table row as the bands it was drawn in: a band with a number in column 0 starts a row."""
    rows: list[list[tuple[Page, Band]]] = []
    for page in export.table_pages():
        for band in page.bands[1:]:
            if band.columns[0]:
                rows.append([])
            assert rows, f"page {page.number}: the table starts with the rest of a row"
            rows[-1].append((page, band))
    return rows


def test_every_cell_printed_once_in_order(export):
    drawn = rows_by_fragment(export)
    assert [frags[0][1].columns[0] for frags in drawn] == [row[0] for row in export.rows]
    for number, (frags, row) in enumerate(zip(drawn, export.rows), 1):
        for col, expected in enumerate(row):
            printed = "".join(band.columns[col] for _page, band in frags)
            pages = sorted({page.number for page, _band in frags})
            assert printed == expected, (
                f"row {number}, column {col} (pages {pages}, {export.lang}): printed\n{printed}\nexpected\n{expected}")


def test_a_row_continues_on_the_next_page_only_if_taller_than_a_page(export):
    frame = layout.LANDSCAPE[1] - layout.MARGIN_TOP - layout.MARGIN_BOTTOM
    drawn = rows_by_fragment(export)
    for number, frags in enumerate(drawn, 1):
        if len(frags) == 1:
            continue
        pages = [page.number for page, _band in frags]
        assert pages == list(range(pages[0], pages[0] + len(pages))), f"row {number}: pages {pages}"
        for page, band in frags[1:]:
            assert band is page.bands[1], f"row {number} continues below the top of page {page.number}"
        head = frags[1][0].bands[0].height
        # Each part has its own padding (7 pt); what is left is the row's height.
        height = sum(band.height for _page, band in frags) - 7 * (len(frags) - 1)
        last = number == len(drawn)
        assert last or head + height > frame - 2 * 16.8, (
            f"row {number} ({height:.0f} pt high) split over pages {pages} though it fits a page")
        if last:
            # The last row is split only if it could not move whole to a page with the closing,
            # the space above the closing closed up (to MIN_TAIL_GAP) and a little room under the name.
            page = frags[-1][0]
            closing = page.rules_y[-1] - min(b for _ch, _l, b, _r, _t in page.chars)
            least = closing - (12 - MIN_TAIL_GAP)
            assert head + height + least > frame - 6, (
                f"last row ({height:.0f} pt) split over pages {pages} though it fits a page with the closing "
                f"({least:.0f} pt)")


def test_a_split_row_starts_every_continuing_cell_on_its_first_page(export):
    """A row that continues on the next page shows there only cells it has begun:
    no first part with the short cells alone and the long ones left blank."""
    for number, frags in enumerate(rows_by_fragment(export), 1):
        for (page, band), (later, rest) in zip(frags, frags[1:]):
            for col, (here, there) in enumerate(zip(band.columns, rest.columns)):
                assert here or not there, (
                    f"row {number}, column {col + 1}: nothing on page {page.number}, its text starts on page {later.number}")


def test_no_blank_line_at_the_top_of_a_row_or_of_its_continuation(export):
    for page in export.table_pages():
        for band in page.bands[1:]:
            tops = [t for _ch, _l, b, _r, t in page.chars if band.bottom < (b + t) / 2 < band.top]
            assert tops and band.top - max(tops) < 12, (
                f"page {page.number}: the row part at y {band.top:.0f} starts {band.top - max(tops or [0]):.0f} pt below its top")


def test_no_text_crosses_a_column_rule(export):
    for page in export.table_pages():
        xs, ys = page.rules_x, page.rules_y
        for ch, l, b, r, t in page.chars:
            cx, cy = (l + r) / 2, (b + t) / 2
            if not (ys[-1] < cy < ys[0] and xs[0] < cx < xs[-1]) or r - l < 0.5:
                continue
            col = next(c for c in range(len(xs) - 1) if cx < xs[c + 1])
            assert xs[col] - 0.3 <= l and r <= xs[col + 1] + 0.3, (
                f"page {page.number}: {ch!r} at {l:.1f}-{r:.1f} crosses the rules of column {col} "
                f"({xs[col]:.1f}-{xs[col + 1]:.1f})")


def test_closing_on_the_last_table_page_below_the_table(export):
    last = export.table_pages()[-1]
    assert len(last.bands) >= 2, "the closing stands alone with the header row"
    below = letters("".join(ch for ch, _l, b, _r, t in last.chars if t < last.rules_y[-1]))
    assert below.startswith(export.recipients), f"page {last.number}: {below[:40]!r}"
    for page in export.table_pages()[:-1]:
        assert not any(t < page.rules_y[-1] for _ch, _l, _b, _r, t in page.chars), f"text under the table, page {page.number}"
