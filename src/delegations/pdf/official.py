"""The PDF renderer of ``doc_model.OfficialDocument``: portrait A4 in the national
format (Nghị định 30/2020/NĐ-CP), with the plan's header, rules, margins and
closing. Tables are ``PagedTable``s: the header row on top of each page, rows
moving whole; the closing stays with the end of the last table."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, PageBreak, Spacer

from ..doc_model import DocTable, OfficialDocument, Section
from . import layout
from .document import CentredRule, PlanDocument, _build
from .fonts import register_fonts
from .layout import PORTRAIT, frame_width
from .paged_table import PagedTable
from .shaping import shape_lao_words_only
from .text import Text


class OfficialPdf(PlanDocument):
    """Lays out one ``OfficialDocument`` with the plan document's parts."""

    def __init__(self, request, model: OfficialDocument):
        super().__init__(request)
        self.model = model

    def heading(self) -> tuple[str, str]:
        return self.model.number, self.model.dated

    def title(self) -> list:
        s, m = self.s, self.model
        out = [Text(m.doc_type, s.doc_type)]
        if m.subject:
            subject = Text(m.subject, s.subject)
            out += [subject, CentredRule(0, measure=lambda w: 0.4 * subject.line_widths(w)[-1], gap=3)]
        return out + [Spacer(1, 6)]

    def _table(self, t: DocTable, tail: list | None) -> PagedTable:
        s = self.s
        head = [Text(h, s.cell_head) for h in t.heads]
        rows = [[Text(c, s.cell_center if i in t.centred else s.cell) for i, c in enumerate(r)] for r in t.rows]
        width = frame_width(PORTRAIT)
        return PagedTable(head, rows, [width * share for share in t.shares], tail=tail,
                          page_height=PORTRAIT[1] - layout.MARGIN_TOP - layout.MARGIN_BOTTOM)

    def _section(self, sec: Section, tail: list | None) -> list:
        s = self.s
        out: list = []
        if sec.heading:
            out.append(Spacer(1, 8))
            out.append(Text(sec.heading, s.subject))
            out.append(Spacer(1, 4))
        out += [Text(p, s.body) for p in sec.paragraphs]
        if sec.table is not None:
            out.append(self._table(sec.table, tail))
        return out

    def closing_with_recipients(self) -> list:
        m, s = self.model, self.s
        from reportlab.platypus import Table, TableStyle

        from .fonts import SERIF

        width = frame_width(PORTRAIT)
        left = []
        if m.recipients:
            left.append(Text(self.tr("Recipients:"), s.recipients_head))
            for i, r in enumerate(m.recipients):
                left.append(Text(f"- {r}{'.' if i == len(m.recipients) - 1 else ';'}", s.recipient))
        authority, position, name = m.signature
        right = [Text(authority.upper(), s.sign), Text(position.upper(), s.sign), Spacer(1, 80), Text(name, s.sign_name)]
        table = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), SERIF),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [Spacer(1, 12), table]

    def story(self) -> list:
        m, s = self.model, self.s
        story = [self.header(), *self.title()]
        story += [Text(b, s.body) for b in m.basis]
        if m.addressee:
            story.append(Text(m.addressee, s.subject))
            story.append(Spacer(1, 6))
        closing = self.closing_with_recipients()
        last_table = max((i for i, sec in enumerate(m.body) if sec.table is not None), default=None)
        tail_taken = last_table is not None and all(not sec.paragraphs and not sec.heading for sec in m.body[last_table + 1:])
        for i, sec in enumerate(m.body):
            story += self._section(sec, closing if tail_taken and i == last_table else None)
        if not tail_taken:
            story.append(KeepTogether(closing))
        if m.annex is not None:
            # a little room above the title: Lao marks rise above the line's leading at the top of the frame
            story += [PageBreak(), Spacer(1, 4), Text(m.annex_title, s.doc_type), *self._section(m.annex, None)]
        return story


def build_official_pdf(request, model: OfficialDocument) -> bytes:
    register_fonts()
    shape_lao_words_only()
    first = model.subject.splitlines()[0] if model.subject else ""
    return _build(request, OfficialPdf(request, model), title=f"{model.doc_type.splitlines()[0]} {first}")
