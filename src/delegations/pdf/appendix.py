"""The appendix "Dự toán kinh phí" (budget estimate) of the plan, when asked for.

Laid out as an appendix of Nghị định 30/2020/NĐ-CP (Mẫu 2.1): "Phụ lục" and its
name in capitals, bold; under it, in italics, the plan it belongs to; its pages
are numbered on their own. Its content is ``budget.appendix_model`` (the Word
file's appendix says the same); its tables are ``PagedTable``s, split across
pages as the plan's table is, a total row never starting a page alone, and the
notes kept with the end of the last table.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Spacer

from ..budget.appendix_model import appendix_model
from ..i18n import N_
from . import layout
from .layout import PORTRAIT, frame_width
from .paged_table import PagedTable
from .text import Text


def _grid(rows, widths, tail=None, keep_last=False) -> PagedTable:
    """A ruled table whose first row is its header: split across pages as the plan's table is
    (the header once at the top of each page, rows moved whole or, if taller than a page, continued)."""
    return PagedTable(rows[0], rows[1:], widths, padding=(3, 3, 2, 3), tail=tail, keep_last=keep_last,
                      page_height=PORTRAIT[1] - layout.MARGIN_TOP - layout.MARGIN_BOTTOM)


# The room a section's heading needs below it to stay on its page: itself, a header row and a row of three lines.
HEADING_ROOM = 90
# The estimate's columns printed centred (No., quantity) and right-aligned (rate, amount).
_CENTRED, _RIGHT = {0, 2}, {3, 4}


def budget_appendix(doc) -> list:
    """Flowables of the appendix for the ``PlanDocument`` *doc* (its request carries the budget)."""
    s = doc.s
    # Delegations are numbered as in the plan's table (TT: their places in it).
    model = appendix_model(doc.r, {d.seq: n for n, d in enumerate(doc.r.delegations, 1)})
    width = frame_width(PORTRAIT)
    story: list = [Text(doc.tr(N_("Appendix")), s.doc_type), Text(doc.tr(N_("BUDGET ESTIMATE")), s.subject),
                   Text(model.of_plan, s.date_line), Spacer(1, 4), Text(model.heading, s.date_line), Spacer(1, 8)]
    # The notes are short: they go with the end of the last table, never alone on a page.
    notes = [Spacer(1, 6), *(Text(note, s.recipient) for note in model.notes)] if model.notes else None
    for k, section in enumerate(model.sections):
        table = section.table
        if k:
            story.append(Spacer(1, 8))
        if section.heading:   # never the last line of a page: it goes on with the header row and a row
            story += [CondPageBreak(HEADING_ROOM), Text(section.heading, s.cell_head)]
        estimate = len(table.heads) == 6
        rows = [[Text(h, s.cell_head) for h in table.heads]]
        last = len(table.rows) - 1
        for i, row in enumerate(table.rows):
            total = bool(table.summed) and i == last
            cells = []
            for col, value in enumerate(row):
                if total and col not in table.summed and value:
                    style = s.cell_head   # whose total it is
                elif total and col in table.summed:
                    style = s.cell_right_bold
                elif (col in _CENTRED if estimate else col in table.centred):
                    style = s.cell_center
                elif (col in _RIGHT if estimate else col == 1 and len(row) == 2):
                    style = s.cell_right
                else:
                    style = s.cell
                cells.append(Text(value, style))
            rows.append(cells)
        tail = notes if k == len(model.sections) - 1 else None
        story.append(_grid(rows, [width * x for x in table.shares], tail=tail, keep_last=bool(table.summed)))
    return story
