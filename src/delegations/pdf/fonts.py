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
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"

SERIF = "DelegationsSerif"
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")


def font_path(style: str = "Regular") -> Path:
    return FONT_DIR / f"{SERIF}-{style}.ttf"


def face_name(style: str) -> str:
    """ReportLab's name for a face: "DelegationsSerif", "DelegationsSerif-Bold", …"""
    return SERIF if style == "Regular" else f"{SERIF}-{style}"


@lru_cache(maxsize=None)
def register_fonts() -> None:
    for style in STYLES:
        pdfmetrics.registerFont(TTFont(face_name(style), str(font_path(style))))
    for (bold, italic), style in zip(((0, 0), (1, 0), (0, 1), (1, 1)), STYLES):
        addMapping(SERIF, bold, italic, face_name(style))
