"""Text for ReportLab paragraphs, with Lao lines broken between words.

Lao has no spaces between words, and ReportLab would cut it inside a syllable;
``Text`` asks ICU for the line-break opportunities, fills each line by measured
width and breaks the lines itself. One face covers Vietnamese and Lao
(``fonts.py``), so a paragraph may mix them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from .lao_lines import LaoLines, words


_BLANKS = re.compile(r" {2,}")
# Shaped Lao can come out a little wider than the sum of its advances.
_SAFETY = 0.98
# A word too wide for its cell is set smaller, down to this share of the size.
MIN_SCALE = 0.75


def is_lao(ch: str) -> bool:
    return "\u0e80" <= ch <= "\u0eff"


def has_lao(text: str) -> bool:
    return any(is_lao(ch) for ch in text)


def clean(text: str) -> str:
    """Drop zero-width spaces (CLDR's Lao strings hold some; ReportLab would draw them)."""
    return text.replace("\u200b", "")


def markup(text: str) -> str:
    """Paragraph markup for plain *text*: escaped, runs of blanks (left for the clerk) kept,
    each line of *text* (a list item, a leader's name) starting a line."""
    return "<br/>".join(_BLANKS.sub(lambda m: "\u00a0" * len(m.group()), escape(line)) for line in clean(text).split("\n"))


def width(text: str, font_name: str, size: float) -> float:
    return stringWidth(clean(text), font_name, size)


@lru_cache(maxsize=4096)
def _segments(text: str) -> tuple[str, ...]:
    from icu4py.breakers import LineBreaker

    return tuple(LineBreaker(text, "lo"))


def _clusters(text: str) -> list[str]:
    from icu4py.breakers import CharacterBreaker

    return list(CharacterBreaker(text, "lo"))


def break_lines(text: str, font_name: str, size: float, first: float, rest: float) -> list[str]:
    """Lines of *text* no wider than *first* (the first line) and *rest* (the others).

    Lines break only where ICU allows (between Lao words, at spaces); a single
    word wider than a line is cut between grapheme clusters, never inside one.
    """
    lines: list[str] = []
    for hard_line in clean(text).split("\n"):
        line = ""
        pieces = list(_segments(hard_line)) if hard_line else [""]
        while pieces:
            piece = pieces.pop(0)
            limit = (first if not lines else rest) * _SAFETY
            candidate = line + piece
            if width(candidate.rstrip(), font_name, size) <= limit:
                line = candidate
                continue
            if line:
                lines.append(line.rstrip())
                line = ""
                pieces.insert(0, piece)
                continue
            clusters = _clusters(piece)
            if len(clusters) <= 1:
                lines.append(piece.rstrip())
                continue
            fit = 1
            while fit < len(clusters) and width("".join(clusters[: fit + 1]).rstrip(), font_name, size) <= limit:
                fit += 1
            lines.append("".join(clusters[:fit]))
            pieces.insert(0, "".join(clusters[fit:]))
        lines.append(line.rstrip())
    return lines


def fitted(text: str, style, line_width: float):
    """*style*, or a smaller copy of it (down to ``MIN_SCALE``) in which the widest
    word of *text* fits a line: a narrow cell shrinks a long Lao word rather than
    cutting it."""
    widest = max((width(w.rstrip(), style.fontName, style.fontSize) for line in clean(text).split("\n")
                  for w in _segments(line)), default=0)
    limit = line_width * _SAFETY
    if widest <= limit:
        return style
    scale = max(MIN_SCALE, limit / widest)
    return ParagraphStyle(f"{style.name}-fitted", parent=style, fontSize=style.fontSize * scale, leading=style.leading * scale)


class Text(Flowable):
    """A paragraph of plain text in *style*; Lao lines break between words.

    Text with no Lao letters is an ordinary ReportLab ``Paragraph`` (wrapped and
    justified by ReportLab; each line of *text* starts a line). Text with Lao is
    broken into lines here, at the width the flowable is given, and set by
    ``LaoLines`` (justified between words, each word copied as written).
    """

    def __init__(self, text: str, style):
        super().__init__()
        self.text = text
        self.style = style
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self._lao = has_lao(text)
        self._para: Paragraph | None = None if self._lao else Paragraph(markup(text), style)
        self._width: float | None = None

    def paragraph(self, avail_width: float) -> Paragraph | LaoLines:
        """The paragraph for *avail_width* (Lao lines depend on it; other text does not)."""
        if self._lao and self._width != avail_width:
            s = self.style
            inner = avail_width - s.leftIndent - s.rightIndent
            s = fitted(self.text, s, inner)
            lines, ends = [], []
            for hard_line in clean(self.text).split("\n"):
                broken = break_lines(hard_line, s.fontName, s.fontSize, inner - (0 if lines else s.firstLineIndent), inner)
                lines += [words(list(_segments(line))) if line else [] for line in broken]
                ends += [False] * (len(broken) - 1) + [True]
            self._para = LaoLines(lines, ends, s)
            self._width = avail_width
        return self._para

    def line_widths(self, avail_width: float) -> list[float]:
        """The width of each line as set at *avail_width* (a rule under the text is measured on them)."""
        para = self.paragraph(avail_width)
        if isinstance(para, LaoLines):
            return para.line_widths(avail_width)
        para.wrap(avail_width, 1e6)
        lines = para.blPara.lines
        return [avail_width - (line[0] if isinstance(line, tuple) else line.extraSpace) for line in lines]

    def wrap(self, avail_width, avail_height):
        return self.paragraph(avail_width).wrap(avail_width, avail_height)

    def split(self, avail_width, avail_height):
        return self.paragraph(avail_width).split(avail_width, avail_height)

    def draw(self):
        self._para.drawOn(self.canv, 0, 0)
