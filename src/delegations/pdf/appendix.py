"""The appendix "Dự toán kinh phí" (budget estimate) of the plan, when asked for.

Laid out as an appendix of Nghị định 30/2020/NĐ-CP (Mẫu 2.1): "Phụ lục" and its
name in capitals, bold; under it, in italics, the plan it belongs to; its pages
are numbered on their own. Its tables are ``PagedTable``s, split across pages
as the plan's table is.
"""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Spacer

from ..budget.view import BudgetView
from ..i18n import N_, translator
from ..i18n.formatting import long_date
from . import layout
from .layout import PORTRAIT, frame_width
from .paged_table import PagedTable
from .text import Text


def _grid(rows, widths) -> PagedTable:
    """A ruled table whose first row is its header: split across pages as the plan's table is
    (the header once at the top of each page, rows moved whole or, if taller than a page, continued)."""
    return PagedTable(rows[0], rows[1:], widths, padding=(3, 3, 2, 3),
                      page_height=PORTRAIT[1] - layout.MARGIN_TOP - layout.MARGIN_BOTTOM)


def budget_appendix(doc) -> list:
    """Flowables of the appendix for the ``PlanDocument`` *doc* (its request carries the budget)."""
    s, plan = doc.s, doc.r.plan
    # Delegations are numbered as in the plan's table (TT: their places in it).
    numbers = {d.seq: n for n, d in enumerate(doc.r.delegations, 1)}
    views = [BudgetView(doc.r.budget, doc.words[lang], numbers) for lang in doc.langs]
    width = frame_width(PORTRAIT)

    def both(pick) -> str:
        return doc.both(lambda lang: pick(views[doc.langs.index(lang)]))

    def of_plan(lang: str) -> str:
        t = translator(lang).gettext
        number = f"{plan.number:02d}" if plan.number else "…"
        if plan.issued:
            day = long_date(plan.issued, lang)
        else:
            day = "ngày … tháng … năm …" if lang == "vi" else "…"
        return t("(Attached to Plan No. {number}/{symbol}, {date})").format(number=number, symbol=plan.symbol, date=day)

    story: list = [Text(doc.tr(N_("Appendix")), s.doc_type), Text(doc.tr(N_("BUDGET ESTIMATE")), s.subject),
                   Text(doc.both(of_plan), s.date_line), Spacer(1, 4), Text(both(lambda v: v.heading()), s.date_line), Spacer(1, 8)]
    heads = [N_("No."), N_("Item"), N_("Quantity"), N_("Rate"), N_("Amount"), N_("Paid by")]
    shares = (0.06, 0.24, 0.1, 0.16, 0.17, 0.27)
    rows = [[Text(doc.tr(h), s.cell_head) for h in heads]]
    per_lang = [v.lines() for v in views]
    for i, first in enumerate(per_lang[0]):
        cells = []
        for col in range(len(heads)):
            values = list(dict.fromkeys(lines[i][col] for lines in per_lang))
            style = s.cell_center if col in (0, 2) else s.cell_right if col in (3, 4) else s.cell
            cells.append(Text("\n".join(values), style))
        rows.append(cells)
    story.append(_grid(rows, [width * x for x in shares]))
    sections = list(zip(*(v.sections() for v in views)))
    for group in sections:
        story.append(Spacer(1, 8))
        rows = [[Text("\n".join(dict.fromkeys(sec.title for sec in group)), s.cell_head), Text(doc.tr(N_("Amount")), s.cell_head)]]
        for j, (_label, value) in enumerate(group[0].rows):
            rows.append([Text("\n".join(dict.fromkeys(sec.rows[j][0] for sec in group)), s.cell), Text(value, s.cell_right)])
        rows.append([Text(doc.tr(N_("Total")), s.cell_head), Text(group[0].total, s.cell_right_bold)])
        story.append(_grid(rows, [width * 0.7, width * 0.3]))
    # The notes are short: kept together, never a line of one at the foot of a page and the rest over.
    notes = [Text("\n".join(dict.fromkeys(group)), s.recipient) for group in zip(*(v.notes(document=True) for v in views))]
    story.append(KeepTogether([Spacer(1, 6), *notes]))
    return story
