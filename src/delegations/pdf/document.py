"""The cooperation plan as an official document (Mẫu 1.4, Nghị định 30/2020/NĐ-CP).

Page 1 is portrait: the two-column header, the type name and subject, the
basis paragraph, all inside the frame. The delegation table, with nine columns,
continues on landscape pages so that no column is squeezed below a word's width;
it is a ``PagedTable``: its header row once at the top of each page, a row that
does not fit moves whole, a row taller than a page continues between lines.
"Nơi nhận" and the signature follow the table, kept together and on the page
where the table ends.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Spacer, Table, TableStyle,
)
from reportlab.platypus.flowables import Flowable

from ..domain import archive_last
from ..i18n import N_, translator
# The table's column shares (TT … Nguồn kinh phí) and its cells come from the plan's model.
from ..plan_model import COLUMN_SHARES, HEADS, STATUS_SHARES, PlanWriter  # noqa: F401
from ..wording import joint_country, national_header, plan_subject
from . import layout
from .fonts import SERIF, register_fonts
from .layout import LANDSCAPE, PORTRAIT, Styles, frame_width, make_styles
from .paged_table import PagedTable
from .shaping import shape_lao_words_only
from .text import Text, clean
from .text import width as text_width


class CentredRule(Flowable):
    """A solid rule centred in the space it is given (a table cell or the frame);
    *measure* gives its length from that width, *gap* is extra room above it."""

    def __init__(self, length: float, measure: Callable[[float], float] | None = None, gap: float = 0):
        super().__init__()
        self.length = length
        self.measure = measure
        self.gap = gap

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        if self.measure:
            self.length = self.measure(avail_width)
        self.length = min(self.length, avail_width)
        return avail_width, 5 + self.gap

    def draw(self):
        x = (self.avail - self.length) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(x, 4, x + self.length, 4)


def _rule(text: str, style, share: float | None = None, frame: float = 0) -> CentredRule:
    """A rule as long as the first line of *text* in *style*, or *share* of *frame*."""
    length = frame * share if share else text_width(text.split("\n")[0], style.fontName, style.fontSize)
    return CentredRule(length)


class PlanDocument:
    """The plan in one language ("vi", "lo") or two ("vi-lo": every label in both, as joint documents are)."""

    def __init__(self, request):
        self.r = request
        self.langs = request.languages
        self.lang = self.langs[0]
        self.t = translator(self.lang).gettext
        # The words of the plan (texts in each language, the number and date lines, the
        # table's cells) are the plan's model's; this class lays them out.
        self.content = PlanWriter(request)
        self.words = self.content.words
        self.both, self.tr, self.field = self.content.both, self.content.tr, self.content.field
        self.leader = self.content.leader
        self.s: Styles = make_styles(self.langs)
        # A bilingual document is laid out as a joint one, under both states' headers.
        self.guest = joint_country(request) if len(self.langs) > 1 else None

    def heading(self) -> tuple[str, str]:
        """The number and place-date lines (a method: another kind of document gives its own)."""
        return self.content.heading()

    # --- header --------------------------------------------------------------
    def national(self, country: str, langs: list[str]) -> list:
        s = self.s
        title, motto = national_header(country)
        # "VIỆT NAM" is never split, and no line starts with the hyphen of the motto.
        title_text = self.both(lambda lang: "\u00a0".join(translator(lang).gettext(title).rsplit(" ", 1)), langs)
        motto = Text(self.tr(motto, langs).replace(" - ", "\u00a0- "), s.motto)
        # The rule under the motto is as long as its longest line.
        return [Text(title_text, s.national), motto, CentredRule(0, measure=lambda w: max(motto.line_widths(w)))]

    def header(self) -> Table:
        """The two-column header of every document of the federation (one model for every kind)."""
        s, home = self.s, self.r.home
        # The header block stays inside the text frame (the left margin is 30 mm).
        guest = self.guest
        left_w, right_w = self.header_widths(guest)
        # Bind the last two words, so that a wrapped name keeps "QUẢNG TRỊ" together.
        issuer = self.both(lambda lang: "\u00a0".join(home.name.get(lang).upper().rsplit(" ", 1)))
        parent = self.both(lambda lang: "\u00a0".join(home.parent.get(lang).upper().rsplit(" ", 1)))  # "… / VIỆT NAM"
        organisation = [Text(parent, s.parent), Text(issuer, s.issuer), _rule("", s.issuer, 0.4, left_w)]
        number_text, date_text = self.heading()
        number, dated = Text(number_text, s.number), Text(date_text, s.date_line)
        if guest:
            # A joint document: both states' headers, each in its own language first.
            rows = [[self.national(home.country, self.langs), self.national(guest, self.langs[::-1])],
                    [organisation + [number], [Spacer(1, 12), dated]]]
        else:
            rows = [[organisation, self.national(home.country, self.langs)], [number, dated]]
        table = Table(rows, colWidths=[left_w, right_w])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), SERIF),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 if not guest else 8),
        ]))
        return table

    @staticmethod
    def header_widths(guest: str | None) -> tuple[float, float]:
        """Column widths of the header, together the width of the frame: two national headers
        side by side need equal room; else the national title (88 mm at 12 pt) gets 90 mm."""
        frame = frame_width(PORTRAIT)
        return (frame / 2, frame / 2) if guest else (frame - 90 * mm, 90 * mm)

    def title(self) -> list:
        s = self.s
        subject = Text(self.content.subject(), s.subject)
        # The rule under the subject: 2/5 of the line above it, clear of its descenders.
        return [Text(self.tr(N_("PLAN")), s.doc_type), subject,
                CentredRule(0, measure=lambda w: 0.4 * subject.line_widths(w)[-1], gap=3), Spacer(1, 6)]

    def body(self) -> list:
        # One paragraph per language; a paragraph not yet written in Lao is printed once.
        paragraphs = dict.fromkeys(w.basis_paragraph(self.r.plan) for w in self.words.values())
        return [Text(p, self.s.body) for p in paragraphs]

    # --- table ---------------------------------------------------------------
    HEADS = HEADS

    def table(self, tail: list | None = None) -> PagedTable:
        """The delegation table (its content from ``plan_model``); *tail* (the closing) is kept
        on the page where the table ends. With ``request.status_column`` a last column says
        each delegation's status."""
        s = self.s
        t = self.content.table()
        head = [Text(h, s.cell_head) for h in t.heads]
        rows = [[Text(c, s.cell_center if i in t.centred else s.cell) for i, c in enumerate(r)] for r in t.rows]
        width = frame_width(LANDSCAPE)
        return PagedTable(head, rows, [width * share for share in t.shares], tail=tail,
                          page_height=LANDSCAPE[1] - layout.MARGIN_TOP - layout.MARGIN_BOTTOM)

    # --- closing ---------------------------------------------------------------
    def closing(self, width: float) -> list:
        """ "Nơi nhận" and the signature, side by side, after a little space."""
        s, plan = self.s, self.r.plan
        left = [Text(self.tr(N_("Recipients:")), s.recipients_head)]
        recipients = archive_last(plan.recipients)  # "Lưu: …" last, whatever the rows' order
        for i, recipient in enumerate(recipients):
            end = "." if i == len(recipients) - 1 else ";"
            left.append(Text(self.both(lambda lang: f"- {recipient.get(lang).rstrip(';.').strip()}{end}"), s.recipient))
        right = []
        if plan.signature:
            sig = plan.signature
            right = [Text(self.field(sig.authority).upper(), s.sign), Text(self.field(sig.position).upper(), s.sign),
                     Spacer(1, 28 * mm), Text(sig.name, s.sign_name)]
        table = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), SERIF),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]))
        return [Spacer(1, 12), table]

    # --- assembly ---------------------------------------------------------------
    def story(self) -> list:
        """The flowables. The closing goes with the end of the table, so that it
        never stands alone on a page."""
        story = [self.header(), *self.title(), *self.body()]
        if self.r.delegations:
            story += [NextPageTemplate("landscape"), PageBreak(), self.table(tail=self.closing(frame_width(LANDSCAPE)))]
        else:
            story.append(KeepTogether(self.closing(frame_width(PORTRAIT))))
        if self.r.budget is not None:
            from .appendix import budget_appendix

            story += [NextPageTemplate("appendix"), PageBreak(), *budget_appendix(self)]
        return story


def _page_number(canvas, doc) -> None:
    page = canvas.getPageNumber()
    if doc.pageTemplate.id == "appendix":
        # An appendix is numbered on its own, from its first page (which shows no number).
        doc.appendix_start = getattr(doc, "appendix_start", None) or page
        page = page - doc.appendix_start + 1
    if page == 1:
        return
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFont(SERIF, 13)
    canvas.drawCentredString(layout.MARGIN_LEFT + frame_width((width, height)) / 2, height - layout.PAGE_NUMBER_Y, str(page))
    canvas.restoreState()


def _template(name: str, pagesize, top_padding: float = 0) -> PageTemplate:
    """A page of the format; *top_padding* keeps the marks of Lao text that starts a page inside the frame."""
    frame = Frame(layout.MARGIN_LEFT, layout.MARGIN_BOTTOM, frame_width(pagesize), pagesize[1] - layout.MARGIN_TOP - layout.MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=top_padding, bottomPadding=0, id=name)
    return PageTemplate(id=name, frames=[frame], pagesize=pagesize, onPage=_page_number)


def build_pdf(request) -> bytes:
    register_fonts()
    shape_lao_words_only()
    return _build(request, PlanDocument(request))


def _build(request, doc_builder, title: str | None = None, top_padding: float = 0) -> bytes:
    buf = io.BytesIO()
    title = clean(title or f"{doc_builder.t(N_('PLAN'))} {plan_subject(request.plan.title.get(doc_builder.lang), doc_builder.lang)}")
    doc = BaseDocTemplate(
        buf, pagesize=PORTRAIT, invariant=1, title=title, author=request.home.name.get(doc_builder.lang),
        creator="delegations", producer="delegations", initialFontName=SERIF, subject=title, lang=doc_builder.lang,
        leftMargin=layout.MARGIN_LEFT, rightMargin=layout.MARGIN_RIGHT, topMargin=layout.MARGIN_TOP, bottomMargin=layout.MARGIN_BOTTOM,
    )
    doc.addPageTemplates([_template("portrait", PORTRAIT, top_padding), _template("landscape", LANDSCAPE, top_padding),
                          _template("appendix", PORTRAIT, top_padding)])
    doc.build(doc_builder.story())
    return buf.getvalue()
