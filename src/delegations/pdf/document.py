"""The cooperation plan as an official document (Mẫu 1.4, Nghị định 30/2020/NĐ-CP).

Page 1 is portrait: the two-column header, the type name and subject, the
basis paragraph. The delegation table, with nine columns, continues on
landscape pages so that no column is squeezed below a word's width; its header
row repeats on every page, and long rows split between lines, never losing
text. "Nơi nhận" and the signature follow the table, kept together.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle,
)
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.doctemplate import Indenter
from reportlab.platypus.flowables import Flowable

from ..i18n import translator
from ..i18n.formatting import admin_date_line, document_number
from . import layout
from .fonts import SERIF, register_fonts
from .layout import LANDSCAPE, PORTRAIT, Styles, frame_width, make_styles

# Column shares of the landscape table (TT … Nguồn kinh phí); they add up to 1.
COLUMN_SHARES = (0.04, 0.135, 0.12, 0.07, 0.07, 0.175, 0.065, 0.07, 0.255)


_BLANKS = re.compile(r" {2,}")


def _markup(text: str) -> str:
    """Escape *text* for a Paragraph; runs of spaces (blanks left for the clerk) are kept."""
    return _BLANKS.sub(lambda m: "\u00a0" * len(m.group()), escape(text))


def _p(text: str, style) -> Paragraph:
    return Paragraph(_markup(text), style)


def _lines(items: list[str], style) -> Paragraph:
    return Paragraph("<br/>".join(_markup(f"- {i}") for i in items), style)


class CentredRule(Flowable):
    """A solid rule centred in the space it is given (a table cell or the frame)."""

    def __init__(self, length: float):
        super().__init__()
        self.length = length

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        return avail_width, 5

    def draw(self):
        x = (self.avail - self.length) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(x, 4, x + self.length, 4)


def _rule(text: str, style, share: float | None = None, frame: float = 0) -> CentredRule:
    """A rule as long as *text* in *style*, or *share* of *frame*."""
    width = frame * share if share else stringWidth(text, style.fontName, style.fontSize)
    return CentredRule(width)


class PlanDocument:
    def __init__(self, request):
        self.r = request
        self.lang = request.languages[0]
        self.t = translator(self.lang).gettext
        self.w = request.wording
        self.s: Styles = make_styles(self.lang)

    # --- header --------------------------------------------------------------
    def header(self) -> Table:
        s, home, plan = self.s, self.r.home, self.r.plan
        # The parent body fits on one line only if the header block starts a
        # little left of the text (23 mm from the edge), as the usual templates do.
        left_w, right_w = 82 * mm, 90 * mm
        # Bind the last two words, so that a wrapped name keeps "QUẢNG TRỊ" together.
        issuer = "\u00a0".join(home.name.get(self.lang).upper().rsplit(" ", 1))
        national = self.t("SOCIALIST REPUBLIC OF VIETNAM")
        motto = self.t("Independence - Freedom - Happiness")
        left = [_p(home.parent.get(self.lang).upper(), s.parent), _p(issuer, s.issuer), _rule("", s.issuer, 0.4, left_w)]
        right = [_p(national, s.national), _p(motto, s.motto), _rule(motto, s.motto)]
        place = plan.place.get(self.lang)
        rows = [
            [left, right],
            [_p(document_number(plan.number, plan.symbol), s.number), _p(admin_date_line(place, plan.issued), s.date_line)],
        ]
        table = Table(rows, colWidths=[left_w, right_w])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), SERIF),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))
        return table

    def title(self) -> list:
        s = self.s
        subject = self.r.plan.title.get(self.lang)
        return [_p(self.t("PLAN"), s.doc_type), _p(subject, s.subject), _rule("", s.subject, 0.3, frame_width(PORTRAIT)), Spacer(1, 6)]

    def body(self) -> list:
        return [_p(self.w.basis_paragraph(self.r.plan), self.s.body)]

    # --- table ---------------------------------------------------------------
    def table(self, rows_range: slice = slice(None)) -> Table:
        s, w = self.s, self.w
        heads = ["No.", "Delegation", "Leader", "Members", "Destination", "Activities", "Days", "Timing", "Funding"]
        rows = [[_p(self.t(h), s.cell_head) for h in heads]]
        numbered = list(enumerate(self.r.delegations, 1))[rows_range]
        for n, d in numbered:
            c = w.cells(d)
            rows.append([
                _p(str(n), s.cell_center), _p(c.name, s.cell), _p(c.leader, s.cell), _p(c.members, s.cell_center),
                _p(c.destination, s.cell_center), _lines(c.activities, s.cell), _p(c.days, s.cell_center),
                _p(c.timing, s.cell_center), _lines(c.funding, s.cell),
            ])
        width = frame_width(LANDSCAPE)
        table = Table(rows, colWidths=[width * share for share in COLUMN_SHARES], repeatRows=1, splitInRow=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONT", (0, 0), (-1, -1), SERIF),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        return table

    # --- closing ---------------------------------------------------------------
    def closing(self, width: float) -> KeepTogether:
        s, plan = self.s, self.r.plan
        names = [r.get(self.lang).rstrip(";.").strip() for r in plan.recipients]
        lines = [f"- {n}{'.' if i == len(names) - 1 else ';'}" for i, n in enumerate(names)]
        left = [_p(self.t("Recipients:"), s.recipients_head)] + [_p(line, s.recipient) for line in lines]
        right = []
        if plan.signature:
            sig = plan.signature
            right = [_p(sig.authority.get(self.lang).upper(), s.sign), _p(sig.position.get(self.lang).upper(), s.sign),
                     Spacer(1, 28 * mm), _p(sig.name, s.sign_name)]
        table = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
        table._role = "closing"
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), SERIF),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]))
        return KeepTogether([Spacer(1, 12), table])

    # --- assembly ---------------------------------------------------------------
    def story(self, carried_rows: int = 0) -> list:
        """The flowables; *carried_rows* last rows go to the page of the
        signature so that it never stands alone on a page."""
        shift = 82 * mm + 90 * mm - frame_width(PORTRAIT)
        story = [Indenter(left=-shift), self.header(), Indenter(left=shift), *self.title(), *self.body()]
        if self.r.delegations:
            story += [NextPageTemplate("landscape"), PageBreak()]
            n = len(self.r.delegations)
            if carried_rows < n:
                story.append(self.table(slice(0, n - carried_rows)))
            closing = self.closing(frame_width(LANDSCAPE))
            if carried_rows:
                closing = KeepTogether([self.table(slice(n - carried_rows, n)), closing])
            story.append(closing)
        else:
            story.append(self.closing(frame_width(PORTRAIT)))
        return story


def _page_number(canvas, doc) -> None:
    page = canvas.getPageNumber()
    if page == 1:
        return
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFont(SERIF, 13)
    canvas.drawCentredString(layout.MARGIN_LEFT + frame_width((width, height)) / 2, height - layout.PAGE_NUMBER_Y, str(page))
    canvas.restoreState()


def _template(name: str, pagesize) -> PageTemplate:
    frame = Frame(layout.MARGIN_LEFT, layout.MARGIN_BOTTOM, frame_width(pagesize), pagesize[1] - layout.MARGIN_TOP - layout.MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)
    return PageTemplate(id=name, frames=[frame], pagesize=pagesize, onPage=_page_number)


class _Doc(BaseDocTemplate):
    """Records on which page the signature block and the flowable before it land."""

    def afterFlowable(self, flowable):
        if getattr(flowable, "_role", None) == "closing":
            self.closing_page = self.page
        elif isinstance(flowable, Table) and not hasattr(self, "closing_page"):
            self.last_content_page = self.page


def build_pdf(request) -> bytes:
    register_fonts()
    builder = PlanDocument(request)
    carried = 0
    while True:
        pdf, doc = _build(request, builder, carried)
        alone = getattr(doc, "closing_page", 0) > getattr(doc, "last_content_page", 0)
        if not alone or carried >= len(request.delegations):
            return pdf
        carried += 1


def _build(request, doc_builder, carried: int):
    buf = io.BytesIO()
    title = f"{doc_builder.t('PLAN')} {request.plan.title.get(doc_builder.lang)}"
    doc = _Doc(
        buf, pagesize=PORTRAIT, invariant=1, title=title, author=request.home.name.get(doc_builder.lang),
        creator="delegations", producer="delegations", initialFontName=SERIF, subject=title, lang=doc_builder.lang,
        leftMargin=layout.MARGIN_LEFT, rightMargin=layout.MARGIN_RIGHT, topMargin=layout.MARGIN_TOP, bottomMargin=layout.MARGIN_BOTTOM,
    )
    doc.addPageTemplates([_template("portrait", PORTRAIT), _template("landscape", LANDSCAPE)])
    doc.build(doc_builder.story(carried))
    return buf.getvalue(), doc
