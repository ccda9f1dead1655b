"""An ``OfficialDocument`` as a Word file in the national format (Nghị định 30/2020/NĐ-CP).

A4 portrait with the decree's margins; the two-column header as a borderless
table (parent and issuing body with its short rule, or the national title and
the motto with its rule; the number line and the italic place-date line); the
type name and the subject with its rule; the basis and body paragraphs, 14 pt,
justified, first line indented; tables as real Word tables, their header row
repeated on every page and no row split between pages, each line of a cell (a
list item, the Lao version) its own paragraph; a ``landscape`` section's table
on landscape pages with the closing after it; "Nơi nhận" beside the signature;
page numbers at the top from page 2. Every run is Times New Roman, with the Lao
face as its complex-script font.
"""

from __future__ import annotations

import io
import unicodedata

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt

from ..doc_model import DocTable, OfficialDocument, Section, recipient_lines
from ..i18n import N_, translator
from ..i18n.languages import in_each
from ..wording import joint_country, national_header
from . import ooxml

CENTRE, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY
BODY_SIZE, TABLE_SIZE = 14, 12
FIRST_LINE_INDENT = Cm(1.27)
NATIONAL_COLUMN = Mm(90)  # the national title (about 88 mm at 12 pt) and the motto


def _measure(text: str, size: float, bold: bool = False) -> float:
    """The width of *text* in points, measured on the PDF's face (Times New Roman's metrics)."""
    from ..pdf.fonts import face_name, register_fonts
    from ..pdf.text import width

    register_fonts()
    return width(text, face_name("Bold" if bold else "Regular"), size)


class DocxWriter:
    """Writes one ``OfficialDocument`` of an export request (its languages, its home
    organisation, the partners that make it a joint document) into a Word file."""

    def __init__(self, request, model: OfficialDocument):
        self.r, self.m = request, model
        self.langs = request.languages
        self.guest = joint_country(request) if len(self.langs) > 1 else None
        self.doc = Document()
        self._fresh: set = set()  # table cells whose first (empty) paragraph is still unused
        self.landscape = False

    # --- text ---------------------------------------------------------------------
    def both(self, pick, langs=None) -> str:
        return in_each(langs or self.langs, pick)

    def tr(self, message: str, langs=None) -> str:
        return self.both(lambda lang: translator(lang).gettext(message), langs)

    def _paragraph(self, container):
        if container._element in self._fresh:
            self._fresh.discard(container._element)
            return container.paragraphs[0]
        return container.add_paragraph()

    def lines(self, container, text: str, size: float = BODY_SIZE, bold=False, italic=False, align=CENTRE,
              before: float = 0, after: float = 0, indent=None, keep=False) -> list:
        """Each line of *text* as its own paragraph of *container* (the document or a cell):
        *before* points above the first, *after* below the last."""
        out = []
        parts = unicodedata.normalize("NFC", text).split("\n")
        for i, line in enumerate(parts):
            p = self._paragraph(container)
            fmt = p.paragraph_format
            fmt.alignment = align
            fmt.space_before = Pt(before if i == 0 else 0)
            fmt.space_after = Pt(after if i == len(parts) - 1 else 0)
            fmt.widow_control = True
            if indent is not None:
                fmt.first_line_indent = indent
            if keep:
                fmt.keep_with_next = True
            if line:
                run = p.add_run(line)
                ooxml.set_fonts(run._r.get_or_add_rPr(), size, bold, italic)
            out.append(p)
        return out

    def rule(self, container, length: float, width: float, gap: float = 0) -> None:
        """A centred solid rule *length* points long in a space *width* points wide."""
        p = self._paragraph(container)
        fmt = p.paragraph_format
        side = Pt(max(0.0, (width - min(length, width)) / 2))
        fmt.left_indent = fmt.right_indent = side
        fmt.space_before, fmt.space_after = Pt(gap), Pt(2)
        fmt.line_spacing = Pt(2)
        ooxml.set_fonts(p.add_run()._r.get_or_add_rPr(), 1)
        ooxml.rule_below(p)

    # --- the page ---------------------------------------------------------------------
    def frame(self) -> float:
        """The width of the text on the current pages, in points."""
        return Emu(ooxml.text_width(self.doc.sections[-1])).pt

    def setup(self) -> None:
        doc, lang = self.doc, self.langs[0]
        rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = rpr_default.find(qn("w:rFonts"))
        if fonts is not None:
            for attr in list(fonts.attrib):
                del fonts.attrib[attr]
        for rpr in (rpr_default, doc.styles["Normal"].element.get_or_add_rPr()):
            ooxml.set_fonts(rpr, BODY_SIZE)
            ooxml.set_language(rpr, lang)
        normal = doc.styles["Normal"].paragraph_format
        normal.space_before = normal.space_after = Pt(0)
        section = doc.sections[0]
        ooxml.page_setup(section)
        # No number on page 1; from page 2 the number, centred in the top margin.
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        header = section.header
        header.is_linked_to_previous = False
        p = header.paragraphs[0]
        p.paragraph_format.alignment = CENTRE
        ooxml.page_field(p, 13)
        props = doc.core_properties
        props.title = unicodedata.normalize("NFC", f"{self.m.doc_type.splitlines()[0]} {(self.m.subject or '').splitlines()[0] if self.m.subject else ''}").strip()
        props.author = self.r.home.name.get(lang)
        props.language = {"vi": "vi-VN", "lo": "lo-LA", "en": "en-GB"}.get(lang, lang)

    def new_section(self, landscape: bool) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        ooxml.page_setup(section, landscape)
        section.different_first_page_header_footer = False
        self.landscape = landscape

    # --- the header ---------------------------------------------------------------------
    def national(self, cell, country: str, langs: list[str], width: float) -> None:
        title, motto = national_header(country)
        # "VIỆT NAM" is never split, and no line starts with the hyphen of the motto.
        self.lines(cell, self.both(lambda lang: "\u00a0".join(translator(lang).gettext(title).rsplit(" ", 1)), langs), 12, bold=True)
        motto_text = self.tr(motto, langs).replace(" - ", "\u00a0- ")
        self.lines(cell, motto_text, 13, bold=True)
        self.rule(cell, max(_measure(line, 13, True) for line in motto_text.split("\n")), width)

    def organisation(self, cell, width: float) -> None:
        home = self.r.home
        # Bind the last two words, so that a wrapped name keeps "QUẢNG TRỊ" together.
        self.lines(cell, self.both(lambda lang: "\u00a0".join(home.parent.get(lang).upper().rsplit(" ", 1))), 12)
        self.lines(cell, self.both(lambda lang: "\u00a0".join(home.name.get(lang).upper().rsplit(" ", 1))), 12, bold=True)
        self.rule(cell, 0.4 * width, width)

    def header(self) -> None:
        frame = self.frame()
        right = frame / 2 if self.guest else NATIONAL_COLUMN.pt
        left = frame - right
        table = self.doc.add_table(rows=2, cols=2)
        ooxml.no_borders(table)
        ooxml.cell_margins(table, 0, 0)
        ooxml.fixed_widths(table, [Pt(left), Pt(right)])
        for row in table.rows:
            ooxml.cant_split(row)
        (a, b), (c, d) = table.rows[0].cells, table.rows[1].cells
        self._fresh.update(cell._element for cell in (a, b, c, d))
        if self.guest:
            # A joint document: both states' headers, each in its own language first.
            self.national(a, self.r.home.country, self.langs, left)
            self.national(b, self.guest, self.langs[::-1], right)
            self.organisation(c, left)
            self.lines(c, self.m.number, 13, before=4)
            self.lines(d, self.m.dated, 13, italic=True, before=16)
        else:
            self.organisation(a, left)
            self.national(b, self.r.home.country, self.langs, right)
            self.lines(c, self.m.number, 13, before=2)
            self.lines(d, self.m.dated, 13, italic=True, before=2)

    def title(self) -> None:
        m = self.m
        self.lines(self.doc, m.doc_type, 14, bold=True, before=18, keep=True)
        if m.subject:
            self.lines(self.doc, m.subject, 14, bold=True, keep=True)
            last = min(_measure(m.subject.split("\n")[-1], 14, True), self.frame())
            self.rule(self.doc, 0.4 * last, self.frame(), gap=1)
        self.doc.paragraphs[-1].paragraph_format.space_after = Pt(8)
        if m.addressee:  # "Kính gửi" under the subject, before the text
            self.lines(self.doc, m.addressee, 14, bold=True, after=6)

    def body_text(self, texts: list[str]) -> None:
        """Body paragraphs; each line its own, so that the Lao version starts indented on its own."""
        for text in texts:
            for line in text.split("\n"):
                if line.strip():
                    self.lines(self.doc, line, BODY_SIZE, align=JUSTIFY, indent=FIRST_LINE_INDENT, after=6)

    # --- tables -------------------------------------------------------------------------
    def table(self, t: DocTable) -> object:
        frame = self.frame()
        table = self.doc.add_table(rows=1 + len(t.rows), cols=len(t.heads))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        ooxml.fixed_widths(table, [Pt(frame * share) for share in t.shares])
        ooxml.cell_margins(table, 3, 3, 1, 1)
        for r, (row, texts) in enumerate(zip(table.rows, [t.heads, *t.rows])):
            ooxml.cant_split(row)
            if r == 0:
                ooxml.repeat_header(row)
            for col, (cell, text) in enumerate(zip(row.cells, texts)):
                self._fresh.add(cell._element)
                if r == 0:
                    ooxml.vertical_centre(cell)
                    self.lines(cell, text, TABLE_SIZE, bold=True, before=2, after=2)
                else:
                    total = bool(t.summed) and r == len(t.rows)
                    self.lines(cell, text, TABLE_SIZE, bold=total, align=CENTRE if col in t.centred else LEFT, before=2, after=2)
        if t.summed and len(t.rows) >= 2:   # a total row starts no page alone: the row above goes with it
            for cell in table.rows[-2].cells:
                for p in cell.paragraphs:
                    p.paragraph_format.keep_with_next = True
        return table

    def section(self, sec: Section) -> object | None:
        if sec.landscape != self.landscape:
            self.new_section(sec.landscape)
        if sec.heading:
            self.lines(self.doc, sec.heading, 14, bold=True, before=8, after=4, keep=True)
        self.body_text(sec.paragraphs)
        return self.table(sec.table) if sec.table is not None else None

    def annex_more(self, sections: list[Section]) -> None:
        """The annex's further sections: a table follows the one above after a blank line (Word
        joins two tables that touch), and the closing paragraphs stay with the last table's end."""
        last = None
        for sec in sections:
            if sec.table is not None and not sec.heading and not sec.paragraphs:
                self.lines(self.doc, "", 6)
            table = self.section(sec)
            if table is None and last is not None and sec.paragraphs and sec is sections[-1]:
                for cell in last.rows[-1].cells:
                    for p in cell.paragraphs:
                        p.paragraph_format.keep_with_next = True
                for p in self.doc.paragraphs[-len([ln for t in sec.paragraphs for ln in t.split("\n") if ln.strip()]):][:-1]:
                    p.paragraph_format.keep_with_next = True
            last = table if table is not None else last

    # --- the closing -------------------------------------------------------------------
    def closing(self) -> None:
        """ "Nơi nhận" (left) beside the signature (right), kept together."""
        m = self.m
        frame = self.frame()
        spacer = self.lines(self.doc, "", 12, keep=True)[0]
        spacer.paragraph_format.space_after = Pt(0)
        table = self.doc.add_table(rows=1, cols=2)
        ooxml.no_borders(table)
        ooxml.cell_margins(table, 0, 0)
        ooxml.fixed_widths(table, [Pt(frame / 2), Pt(frame / 2)])
        ooxml.cant_split(table.rows[0])
        left, right = table.rows[0].cells
        self._fresh.update((left._element, right._element))
        if m.recipients:
            self.lines(left, self.tr(N_("Recipients:")), 12, bold=True, italic=True, align=LEFT)
            for text in recipient_lines(m.recipients):
                self.lines(left, text, 11, align=LEFT)
        else:
            self.lines(left, "", 11)
        authority, position, name = m.signature
        if authority or position or name:
            self.lines(right, authority.upper(), 13, bold=True)
            self.lines(right, position.upper(), 13, bold=True)
            self.lines(right, name, 14, bold=True, before=80)
        else:
            self.lines(right, "", 13)

    # --- assembly ------------------------------------------------------------------------
    def build(self) -> bytes:
        m = self.m
        self.setup()
        self.header()
        self.title()
        self.body_text(m.basis)
        last = None
        for sec in m.body:
            table = self.section(sec)
            last = table if table is not None else (None if sec.paragraphs or sec.heading else last)
        if last is not None:  # the end of the table goes with the closing
            for cell in last.rows[-1].cells:
                for p in cell.paragraphs:
                    p.paragraph_format.keep_with_next = True
        elif self.doc.paragraphs:  # the text's last paragraph goes with it
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True
        self.closing()
        if m.annex is not None:
            if self.landscape or m.annex.landscape:
                self.new_section(m.annex.landscape)
                if m.kind == "plan":  # the plan's appendix is numbered on its own, as the PDF numbers it
                    ooxml.number_from_one(self.doc.sections[-1])
                self.lines(self.doc, m.annex_title, 14, bold=True, keep=True, after=6)
            else:
                p = self.lines(self.doc, m.annex_title, 14, bold=True, keep=True, after=6)[0]
                p.paragraph_format.page_break_before = True
            self.section(m.annex)
            self.annex_more(m.annex_more)
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


def build_docx(request, model: OfficialDocument) -> bytes:
    """The Word file (.docx) of *model* for *request*."""
    return DocxWriter(request, model).build()
