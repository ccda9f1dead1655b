"""The faces embedded in every PDF, shipped with the package (see fonts/README.txt).

"Delegations Serif" is Liberation Serif (every Vietnamese letter, metrics of
Times New Roman) merged with Noto Serif Lao by ``scripts/build_fonts.py``: one
font covers both scripts, so a word that mixes them is shaped as one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from .glyph_text import glyph_text, to_unicode_cmap

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"

SERIF = "DelegationsSerif"
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")


def font_path(style: str = "Regular") -> Path:
    return FONT_DIR / f"{SERIF}-{style}.ttf"


def face_name(style: str) -> str:
    """ReportLab's name for a face: "DelegationsSerif", "DelegationsSerif-Bold", …"""
    return SERIF if style == "Regular" else f"{SERIF}-{style}"


class DocumentFont(TTFont):
    """A TrueType face whose ToUnicode maps give every glyph its letters, those
    HarfBuzz substitutes included (see ``glyph_text``): Lao copied or searched
    in the PDF is the Lao that was written.

    ReportLab gives a substituted glyph a private-use code while shaping; when
    the font is written, each subset's map is rewritten with the glyph's text.
    """

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename)
        self._encoded = frozenset(self.face.charToGlyph)
        self._twins: dict[tuple[int, str], int] = {}
        self._twin_text: dict[int, str] = {}

    @property
    def _hb(self):
        import uharfbuzz

        if not hasattr(self, "_hb_font"):
            self._hb_font = uharfbuzz.Font(self.hbFace)
        return self._hb_font

    def _char_of(self, glyph_name: str) -> str | None:
        gid = self._hb.glyph_from_string(glyph_name)
        codes = [c for c in self.face.glyphToChar.get(gid, ()) if c in self._encoded] if gid is not None else []
        return chr(codes[0]) if codes else None

    def text_of(self, code: int) -> str:
        """The text the glyph ReportLab drew for *code* stands for."""
        if code in self._twin_text:
            return self._twin_text[code]
        if code in self._encoded or code not in self.face.charToGlyph:
            return chr(code)
        return glyph_text(self._hb.glyph_to_string(self.face.charToGlyph[code]), self._char_of) or chr(code)

    def glyph_texts(self, subset: list[int]) -> list[str]:
        """The text of each code of *subset* (the characters ReportLab assigned its codes to)."""
        return [self.text_of(code) for code in subset]

    def _twin(self, code: int, text: str) -> int:
        """Another code for the glyph of *code*, read back as *text*."""
        key = (code, text)
        if key not in self._twins:
            twin = 0xF8FF
            while twin in self.face.charToGlyph:
                twin -= 1
            self.face.charToGlyph[twin] = self.face.charToGlyph[code]
            self.face.charWidths[twin] = self.face.charWidths[code]
            self._twins[key], self._twin_text[twin] = twin, text
        return self._twins[key]

    def spelled(self, shaped, source: str):
        """*shaped* (a ``ShapedStr`` of *source*) read back in the order *source* was typed.

        One glyph joins the circle of ຳ with a tone mark, whether the tone mark was
        typed after ໍ ("ບໍ່") or before ຳ ("ນ້ຳ", which HarfBuzz decomposes and
        reorders). The glyph's map gives the first; for the second, the glyph is
        drawn under a code of its own whose map gives the tone mark first.
        """
        data = getattr(shaped, "__shapeData__", None)
        if not data or "\u0eb3" not in source:
            return shaped
        chars = list(shaped)
        for i, (ch, d) in enumerate(zip(shaped, data)):
            tone = source[d.cluster:d.cluster + 1]
            if tone in _LAO_TONES and source[d.cluster + 1:d.cluster + 2] == "\u0eb3" \
                    and self.text_of(ord(ch)) == "\u0ecd" + tone:
                chars[i] = chr(self._twin(ord(ch), tone + "\u0ecd"))
        return type(shaped)("".join(chars), shapeData=data)

    def addObjects(self, doc):
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state else []
        super().addObjects(doc)
        face = self.face
        for n, subset in enumerate(subsets):
            base = (b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX))).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = to_unicode_cmap(base, self.glyph_texts(subset))


_LAO_TONES = "\u0ec8\u0ec9\u0eca\u0ecb"


@lru_cache(maxsize=None)
def register_fonts() -> None:
    for style in STYLES:
        pdfmetrics.registerFont(DocumentFont(face_name(style), str(font_path(style))))
    for (bold, italic), style in zip(((0, 0), (1, 0), (0, 1), (1, 1)), STYLES):
        addMapping(SERIF, bold, italic, face_name(style))
