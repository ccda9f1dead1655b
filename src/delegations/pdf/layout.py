"""Page geometry and text styles of the administrative format (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm

from .fonts import LAO, SERIF

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
    recipients_head: ParagraphStyle
    recipient: ParagraphStyle
    sign: ParagraphStyle
    sign_name: ParagraphStyle


def make_styles(lang: str) -> Styles:
    """Styles for one document language. Lao uses the Lao face, shaped by HarfBuzz."""
    font = LAO if lang == "lo" else SERIF
    shaping = 1 if lang == "lo" else 0
    leading = 1.25 if lang == "lo" else 1.2

    def style(name, size, bold=False, italic=False, align=TA_CENTER, **kw) -> ParagraphStyle:
        # fonts.py maps the Lao "italic" faces to upright ones (Lao has no italic).
        face = font + {(False, False): "", (True, False): "-Bold", (False, True): "-Italic", (True, True): "-BoldItalic"}[bold, italic]
        return ParagraphStyle(name, fontName=face, fontSize=size, leading=size * leading, alignment=align, shaping=shaping, **kw)

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
        recipients_head=style("recipients_head", 12, bold=True, italic=True, align=TA_LEFT),
        recipient=style("recipient", 11, align=TA_LEFT),
        sign=style("sign", 13, bold=True),
        sign_name=style("sign_name", 14, bold=True),
    )
