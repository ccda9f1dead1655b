"""The WordprocessingML details python-docx has no API for: complex-script fonts and
sizes (Lao is a complex script in Word), table header rows and rows that do not
split, fixed column widths, paragraph rules, page-number fields, page geometry."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

# Nghị định 30/2020/NĐ-CP: A4, margins top and bottom 20 mm, left 30 mm, right 15 mm.
PAGE = (Mm(210), Mm(297))
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
HEADER_DISTANCE = Mm(8)  # the page number sits in the top margin
LATIN_FONT = "Times New Roman"
# Lao runs are complex script in Word: they take the w:cs font. Phetsarath OT is the
# Lao government's standard Unicode face, the one the partner unions type in.
LAO_FONT = "Phetsarath OT"


# The order of the children the schema prescribes (Word refuses a file that breaks it).
ORDER = {
    "w:tblPr": ["w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize", "w:tblStyleColBandSize",
                "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
                "w:tblLook"],
    "w:trPr": ["w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit", "w:trHeight",
               "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"],
    "w:tcPr": ["w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
               "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"],
    "w:pPr": ["w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
              "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
              "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
              "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
              "w:sectPr", "w:pPrChange"],
    "w:sectPr": ["w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar",
                 "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
                 "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"],
    "w:tblBorders": ["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH", "w:insideV"],
    "w:tblCellMar": ["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"],
}


def _child(parent, tag: str):
    """The child *tag* of *parent*, created if missing, in the place the schema gives it."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    found = OxmlElement(tag)
    order = next((o for name, o in ORDER.items() if parent.tag == qn(name)), None)
    if order and tag in order:
        later = {qn(t) for t in order[order.index(tag) + 1:]}
        for sibling in parent:
            if sibling.tag in later:
                sibling.addprevious(found)
                return found
    parent.append(found)
    return found


def set_fonts(rpr, size: float | None = None, bold: bool | None = None, italic: bool | None = None) -> None:
    """Times New Roman for Latin and Vietnamese, the Lao face for complex script, and
    the size, bold and italic for both (w:sz/w:szCs, w:b/w:bCs, w:i/w:iCs)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), LATIN_FONT)
    fonts.set(qn("w:cs"), LAO_FONT)
    # The elements of w:rPr have a fixed order in the schema: b, bCs, i, iCs, …, sz, szCs.
    flags = [(tag, on) for tag, on in (("w:b", bold), ("w:bCs", bold), ("w:i", italic), ("w:iCs", italic)) if on is not None]
    for tag, on in reversed(flags):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            fonts.addnext(el)
        if not on:
            el.set(qn("w:val"), "0")
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            _child(rpr, tag).set(qn("w:val"), str(int(round(size * 2))))
    _sort_rpr(rpr)


_RPR_ORDER = ["w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
              "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
              "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
              "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
              "w:specVanish", "w:oMath"]


def _sort_rpr(rpr) -> None:
    rank = {qn(t): i for i, t in enumerate(_RPR_ORDER)}
    children = sorted(rpr, key=lambda el: rank.get(el.tag, len(rank)))
    for el in children:
        rpr.append(el)


def set_language(rpr, lang: str) -> None:
    """The language of Latin text (spelling: "vi-VN", "en-GB") and of complex script ("lo-LA")."""
    el = _child(rpr, "w:lang")
    el.set(qn("w:val"), {"vi": "vi-VN", "lo": "lo-LA", "en": "en-GB"}.get(lang, lang))
    el.set(qn("w:bidi"), "lo-LA")
    _sort_rpr(rpr)


def page_setup(section, landscape: bool = False) -> None:
    """A4 in the given orientation, with the decree's margins."""
    width, height = PAGE
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = HEADER_DISTANCE
    section.footer_distance = HEADER_DISTANCE


def number_from_one(section) -> None:
    """The section's pages are numbered on their own, from 1, its first page showing no number
    (an appendix, Nghị định 30/2020/NĐ-CP)."""
    _child(section._sectPr, "w:pgNumType").set(qn("w:start"), "1")
    section.different_first_page_header_footer = True


def text_width(section) -> Emu:
    return Emu(section.page_width - section.left_margin - section.right_margin)


def fixed_widths(table, widths: list[int]) -> None:
    """Columns of these widths (EMU), laid out as given (w:tblLayout fixed), in the grid and in every cell."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = _child(tbl_pr, "w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_w = _child(tbl_pr, "w:tblW")
    tbl_w.set(qn("w:w"), str(int(sum(widths) / 635)))
    tbl_w.set(qn("w:type"), "dxa")
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w / 635)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = Emu(w)


def repeat_header(row) -> None:
    """The row repeats at the top of every page of the table (w:tblHeader)."""
    _child(row._tr.get_or_add_trPr(), "w:tblHeader")


def cant_split(row) -> None:
    """The row moves whole to the next page rather than breaking (w:cantSplit)."""
    tr_pr = row._tr.get_or_add_trPr()
    _child(tr_pr, "w:cantSplit")


def no_borders(table) -> None:
    borders = _child(table._tbl.tblPr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _child(borders, f"w:{edge}").set(qn("w:val"), "nil")


def cell_margins(table, left: float, right: float, top: float = 0, bottom: float = 0) -> None:
    """The default cell margins of *table*, in points."""
    mar = _child(table._tbl.tblPr, "w:tblCellMar")
    for edge, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        el = _child(mar, f"w:{edge}")
        el.set(qn("w:w"), str(int(value * 20)))
        el.set(qn("w:type"), "dxa")


def rule_below(paragraph, size_pt: float = 0.6) -> None:
    """A solid rule under *paragraph*, as wide as the paragraph (its indents set its length)."""
    bdr = _child(paragraph._p.get_or_add_pPr(), "w:pBdr")
    bottom = _child(bdr, "w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", str(max(2, int(size_pt * 8)))), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(attr), value)


def page_field(paragraph, size: float = 13) -> None:
    """A PAGE field in *paragraph*: the page number, at *size* points."""
    def run_with(child):
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        set_fonts(rpr, size)
        r.append(rpr)
        r.append(child)
        paragraph._p.append(r)
        return r

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    shown = OxmlElement("w:t")
    shown.text = "2"
    run_with(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def vertical_centre(cell) -> None:
    _child(cell._tc.get_or_add_tcPr(), "w:vAlign").set(qn("w:val"), "center")


__all__ = ["LAO_FONT", "LATIN_FONT", "MARGINS", "Pt", "cant_split", "cell_margins", "fixed_widths", "no_borders", "page_field",
           "page_setup", "repeat_header", "rule_below", "set_fonts", "set_language", "text_width", "vertical_centre"]
