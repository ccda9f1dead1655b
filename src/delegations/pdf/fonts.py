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

    def glyph_texts(self, subset: list[int]) -> list[str]:
        """The text of each code of *subset* (the characters ReportLab assigned its codes to)."""
        import uharfbuzz

        hb = uharfbuzz.Font(self.hbFace)
        glyph_to_char = self.face.glyphToChar

        def char_of(glyph_name: str) -> str | None:
            gid = hb.glyph_from_string(glyph_name)
            codes = [c for c in glyph_to_char.get(gid, ()) if c in self._encoded] if gid is not None else []
            return chr(codes[0]) if codes else None

        texts = []
        for code in subset:
            if code in self._encoded or code not in self.face.charToGlyph:
                texts.append(chr(code))
            else:
                texts.append(glyph_text(hb.glyph_to_string(self.face.charToGlyph[code]), char_of) or chr(code))
        return texts

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


@lru_cache(maxsize=None)
def register_fonts() -> None:
    for style in STYLES:
        pdfmetrics.registerFont(DocumentFont(face_name(style), str(font_path(style))))
    for (bold, italic), style in zip(((0, 0), (1, 0), (0, 1), (1, 1)), STYLES):
        addMapping(SERIF, bold, italic, face_name(style))
