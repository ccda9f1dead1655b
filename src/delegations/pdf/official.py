"""The PDF renderer of ``doc_model.OfficialDocument``: portrait A4 in the national
format (Nghị định 30/2020/NĐ-CP), with the plan's header, rules, margins and
closing. Tables are ``PagedTable``s: the header row on top of each page, rows
moving whole; the closing stays with the end of the last table."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer

from ..doc_model import DocTable, OfficialDocument, Section, recipient_lines
from . import layout
from .document import CentredRule, PlanDocument, _build
from .fonts import register_fonts
from .layout import PORTRAIT, frame_width
from .paged_table import PagedTable
from .shaping import shape_lao_words_only
from .text import Text


PADDING = (3, 3, 3, 4)  # cell padding: left, right, top, bottom
TOP_PADDING = 3  # points between the top margin and the first line of a page


def _height(flowable, width: float = frame_width(PORTRAIT)) -> float:
    return flowable.wrap(width, 10_000)[1]


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

    def _cells(self, t: DocTable) -> tuple[list, list[list], list[float]]:
        s = self.s
        head = [Text(h, s.cell_head) for h in t.heads]
        rows = [[Text(c, s.cell_center if i in t.centred else s.cell) for i, c in enumerate(r)] for r in t.rows]
        width = frame_width(PORTRAIT)
        return head, rows, [width * share for share in t.shares]

    def _table(self, t: DocTable, tail: list | None) -> PagedTable:
        head, rows, widths = self._cells(t)
        return PagedTable(head, rows, widths, tail=tail, page_height=PORTRAIT[1] - layout.MARGIN_TOP - layout.MARGIN_BOTTOM,
                          padding=PADDING, keep_last=bool(t.summed))

    def _paragraphs(self, texts: list[str]) -> list:
        """Body paragraphs; each line its own paragraph, so that the Lao version of a
        bilingual one starts indented on its own, as the Vietnamese does."""
        return [Text(line, self.s.body) for text in texts for line in text.split("\n") if line.strip()]

    def _section(self, sec: Section, tail: list | None) -> list:
        s = self.s
        out: list = []
        paragraphs = self._paragraphs(sec.paragraphs)
        table = self._table(sec.table, tail) if sec.table is not None else None
        if sec.heading:
            heading = Text(sec.heading, s.subject)
            # A heading never ends a page: it goes on with what follows it (its first
            # paragraph, or its table's header row and first row).
            if paragraphs:
                room = _height(paragraphs[0])
            elif sec.table is not None:
                head, rows, widths = self._cells(sec.table)
                room = sum(max(_height(cell, w - PADDING[0] - PADDING[1]) for cell, w in zip(row, widths)) + PADDING[2] + PADDING[3]
                           for row in [head, *rows[:1]])
                if tail and len(rows) <= 1:  # the last row goes with the closing: they need room together
                    room += sum(_height(f) for f in tail)
            else:
                room = 0
            out += [CondPageBreak(12 + _height(heading) + room),
                    Spacer(1, 8), heading, Spacer(1, 4)]
        out += paragraphs
        if table is not None:
            out.append(table)
        return out

    def closing_with_recipients(self) -> list:
        m, s = self.model, self.s
        from reportlab.platypus import Table, TableStyle

        from .fonts import SERIF

        width = frame_width(PORTRAIT)
        left = []
        if m.recipients:
            left.append(Text(self.tr("Recipients:"), s.recipients_head))
            for line in recipient_lines(m.recipients):
                left.append(Text(line, s.recipient))
        authority, position, name = m.signature
        right = [Text(authority.upper(), s.sign), Text(position.upper(), s.sign), Spacer(1, 80), Text(name, s.sign_name)]
        table = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), SERIF),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [Spacer(1, 12), table]

    def story(self) -> list:
        m, s = self.model, self.s
        story = [self.header(), *self.title()]
        if m.addressee:  # "Kính gửi" under the subject, before the text
            story.append(Text(m.addressee, s.subject))
            story.append(Spacer(1, 6))
        story += self._paragraphs(m.basis)
        closing = self.closing_with_recipients()
        last_table = max((i for i, sec in enumerate(m.body) if sec.table is not None), default=None)
        tail_taken = last_table is not None and all(not sec.paragraphs and not sec.heading for sec in m.body[last_table + 1:])
        for i, sec in enumerate(m.body):
            story += self._section(sec, closing if tail_taken and i == last_table else None)
        if not tail_taken:
            # The closing never stands alone on a page: the text's last paragraph goes with it.
            last = [story.pop()] if story and isinstance(story[-1], Text) else []
            story.append(KeepTogether([*last, *closing]))
        if m.annex is not None:
            story += [PageBreak(), Text(m.annex_title, s.doc_type), *self._section(m.annex, None)]
            for sec in m.annex_more:
                story += self._section(sec, None)
        return story


def build_official_pdf(request, model: OfficialDocument) -> bytes:
    register_fonts()
    shape_lao_words_only()
    first = model.subject.splitlines()[0] if model.subject else ""
    # Body text, not a table, may start a page: Lao marks rise above the line, so the frame starts lower.
    return _build(request, OfficialPdf(request, model), title=f"{model.doc_type.splitlines()[0]} {first}", top_padding=TOP_PADDING)
