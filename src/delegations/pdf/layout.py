"""Page geometry and text styles of the administrative format (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm

from .fonts import face_name

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
PAGE_NUMBER_Y = 12 * mm  # from the top edge, centred in the top margin

BODY_SIZE = 14
TABLE_SIZE = 12
FIRST_LINE_INDENT = 1.27 * cm


def frame_width(pagesize) -> float:
    return pagesize[0] - MARGIN_LEFT - MARGIN_RIGHT


@dataclass(frozen=True)
class Styles:
    parent: ParagraphStyle
    issuer: ParagraphStyle
    number: ParagraphStyle
    national: ParagraphStyle
    motto: ParagraphStyle
    date_line: ParagraphStyle
    doc_type: ParagraphStyle
    subject: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    cell_right_bold: ParagraphStyle
    recipients_head: ParagraphStyle
    recipient: ParagraphStyle
    sign: ParagraphStyle
    sign_name: ParagraphStyle


def make_styles(langs: list[str]) -> Styles:
    """Styles for the document languages. A document with Lao is shaped by
    HarfBuzz, so that vowels and tone marks sit on their letters, and gets
    more leading for the marks above and below the line."""
    shaping = 1 if "lo" in langs else 0
    leading = 1.4 if "lo" in langs else 1.2

    def style(name, size, bold=False, italic=False, align=TA_CENTER, **kw) -> ParagraphStyle:
        # splitLongWords=0: ReportLab must never cut a word; text.Text breaks Lao lines.
        face = face_name({(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}[bold, italic])
        return ParagraphStyle(name, fontName=face, fontSize=size, leading=size * leading, alignment=align, shaping=shaping, splitLongWords=0, **kw)

    return Styles(
        parent=style("parent", 12),
        issuer=style("issuer", 12, bold=True),
        number=style("number", 13),
        national=style("national", 12, bold=True),
        motto=style("motto", 13, bold=True),
        date_line=style("date_line", 13, italic=True),
        doc_type=style("doc_type", 14, bold=True, spaceBefore=18),
        subject=style("subject", 14, bold=True),
        body=style("body", BODY_SIZE, align=TA_JUSTIFY, firstLineIndent=FIRST_LINE_INDENT, spaceAfter=6),
        cell=style("cell", TABLE_SIZE, align=TA_LEFT),
        cell_center=style("cell_center", TABLE_SIZE),
        cell_head=style("cell_head", TABLE_SIZE, bold=True),
        cell_right=style("cell_right", TABLE_SIZE, align=TA_RIGHT),
        cell_right_bold=style("cell_right_bold", TABLE_SIZE, bold=True, align=TA_RIGHT),
        recipients_head=style("recipients_head", 12, bold=True, italic=True, align=TA_LEFT),
        recipient=style("recipient", 11, align=TA_LEFT),
        sign=style("sign", 13, bold=True),
        sign_name=style("sign_name", 14, bold=True),
    )
