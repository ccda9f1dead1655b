"""Lines of Lao text drawn word by word: justified like the Vietnamese, and copied as written.

``text.Text`` breaks a paragraph with Lao into lines between words (ICU);
``LaoLines`` sets those lines. A justified paragraph spreads each line but its
last over the room left, between the words ICU found (Lao has no spaces
between words, so a line is spread at its word boundaries, as Lao typesetting
does, not only at its few spaces). Each word is shaped by HarfBuzz and drawn
inside a marked-content span whose ActualText is the word as written: a PDF
reader that orders glyphs by position (pdftotext orders a tone mark drawn to
the right of its letter after the next letter) takes the text from the span;
the others read the glyphs, whose ToUnicode maps ``fonts.DocumentFont`` writes.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.platypus.flowables import Flowable


@lru_cache(maxsize=1 << 16)
def _shaped(text: str, font: str, size: float):
    """*text* shaped by HarfBuzz (a ``ShapedStr`` when shaping changed it), and its width.

    Shaped once per (text, face, size): a word is set in its line's width, then
    drawn, and the same words come back from cell to cell. A glyph HarfBuzz
    substitutes gets its private code in the face when first shaped, so the
    result is the same whenever it is asked for again.
    """
    shaped = shapeStr(text, font, size) if text else text
    if isinstance(shaped, ShapedStr):
        face = getFont(font)
        if hasattr(face, "spelled"):
            shaped = face.spelled(shaped, text)
        return shaped, sum(d.x_advance for d in shaped.__shapeData__) * size / 1000
    return shaped, stringWidth(text, font, size)


@lru_cache(maxsize=None)
def _hb_font(font: str):
    import uharfbuzz

    return uharfbuzz.Font(getFont(font).hbFace)


def overhang(shaped, font: str, size: float) -> float:
    """How far the ink of *shaped* reaches past its advance: a Lao vowel or tone mark
    set to the right of the last letter. A justified line keeps it inside the frame."""
    if not isinstance(shaped, ShapedStr):
        return 0.0
    ttf, hb = getFont(font), _hb_font(font)
    pen = right = 0.0
    for ch, d in zip(shaped, shaped.__shapeData__):
        gid = ttf.face.charToGlyph.get(ord(ch))
        extents = hb.get_glyph_extents(gid) if gid is not None else None
        if extents:
            right = max(right, pen + d.x_offset + ttf.pdfScale(extents.x_bearing + extents.width))
        pen += d.x_advance
    return max(0.0, right - pen) * size / 1000


@lru_cache(maxsize=1 << 14)
def _line_end(text: str, font: str, size: float) -> tuple[object, float, float]:
    """The last word of a line without its trailing space: shaped, its width, its overhang."""
    glyphs, w = _shaped(text.rstrip(), font, size)
    return glyphs, w, overhang(glyphs, font, size)


def _is_lao(ch: str) -> bool:
    return "\u0e80" <= ch <= "\u0eff"


def words(pieces: list[str]) -> list[str]:
    """ICU's pieces of a line joined into the units a justified line is spread between:
    a boundary is kept after a space or between two Lao letters ("4214/UBND-ĐN" stays whole)."""
    out: list[str] = []
    for piece in pieces:
        if out and piece and not (out[-1][-1].isspace() or (_is_lao(out[-1][-1]) and _is_lao(piece[0]))):
            out[-1] += piece
        elif piece:
            out.append(piece)
    return out


def actual_text(text: str) -> str:
    """The PDF hex string of *text* (UTF-16BE with its byte-order mark), for ActualText."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _draw_word(canv, piece: str, glyphs, x: float, y: float) -> None:
    """*piece*, shaped as *glyphs*, at (x, y), in a span whose ActualText is *piece*.

    The operators of a word depend only on the word, the font state and the
    document's font subsets (fixed once a glyph has its code), so they are made
    once per document and written again as ReportLab's text object writes them.
    """
    key = (piece, canv._fontname, canv._fontsize, canv._leading)
    runs = canv.__dict__.setdefault("_lao_word_runs", {})
    code = runs.get(key)
    if code is None or not canv.bottomup:
        text = canv.beginText(x, y)
        start = len(text._code)
        text.textOut(glyphs)
        code = runs[key] = " ".join(text._code[start:])
        canv._code.append(f"/Span <</ActualText {actual_text(piece)}>> BDC")
        canv.drawText(text)
    else:
        canv._code.append(f"/Span <</ActualText {actual_text(piece)}>> BDC")
        canv._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {code} ET")
    canv._code.append("EMC")


class LaoLines(Flowable):
    """Lines already broken (``lines``), set in *style*; ``ends`` marks the lines that end
    a paragraph or a hard line break (never spread when justified). ``first`` is true when
    the first line is the paragraph's first (it takes the first-line indent)."""

    def __init__(self, lines: list[list[str]], ends: list[bool], style, first: bool = True):
        super().__init__()
        self.lines = lines  # each line: its ICU pieces
        self.ends = ends
        self.style = style
        self.first = first

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def line_widths(self, avail_width: float) -> list[float]:
        """The natural width of each line, without its trailing space."""
        s = self.style
        return [sum(_shaped(p, s.fontName, s.fontSize)[1] for p in pieces[:-1])
                + (_shaped(pieces[-1].rstrip(), s.fontName, s.fontSize)[1] if pieces else 0) for pieces in self.lines]

    def split(self, avail_width, avail_height):
        fit = int(avail_height // self.style.leading)
        if fit <= 0 or fit >= len(self.lines):
            return [] if fit <= 0 else [self]
        return [LaoLines(self.lines[:fit], self.ends[:fit], self.style, self.first),
                LaoLines(self.lines[fit:], self.ends[fit:], self.style, False)]

    def draw(self):
        s, canv = self.style, self.canv
        canv.saveState()
        canv.setFont(s.fontName, s.fontSize, s.leading)
        canv.setFillColor(s.textColor)
        y = self.height - s.fontSize
        for n, (pieces, end) in enumerate(zip(self.lines, self.ends)):
            indent = s.firstLineIndent if n == 0 and self.first else 0
            left = s.leftIndent + indent
            room = self.width - left - s.rightIndent
            shaped = [_shaped(p, s.fontName, s.fontSize) for p in pieces]
            # A trailing space does not count at the end of a line.
            _glyphs, last, over = _line_end(pieces[-1], s.fontName, s.fontSize) if pieces else ("", 0, 0)
            natural = sum(w for _, w in shaped[:-1]) + last
            if s.alignment in (TA_JUSTIFY, TA_RIGHT):
                room -= over
            gap = 0.0
            if s.alignment == TA_CENTER:
                left += (room - natural) / 2
            elif s.alignment == TA_RIGHT:
                left += room - natural
            elif s.alignment == TA_JUSTIFY and not end and len(pieces) > 1:
                gap = (room - natural) / (len(pieces) - 1)
            x = left
            for piece, (glyphs, w) in zip(pieces, shaped):
                if piece.strip():
                    _draw_word(canv, piece, glyphs, x, y)
                x += w + gap
            y -= s.leading
        canv.restoreState()
