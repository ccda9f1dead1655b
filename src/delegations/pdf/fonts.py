"""The fonts embedded in every PDF, shipped with the package (see fonts/README.txt).

Registered under names of our own so they never collide with another font of
the same PostScript name.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"

SERIF = "DelegationsSerif"
LAO = "DelegationsLao"

_FILES = {
    SERIF: ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"),
    LAO: ("NotoSerifLao-Regular.ttf", "NotoSerifLao-Bold.ttf", "NotoSerifLao-Regular.ttf", "NotoSerifLao-Bold.ttf"),
}


def font_path(file_name: str) -> Path:
    return FONT_DIR / file_name


@lru_cache(maxsize=None)
def register_fonts() -> None:
    for family, (regular, bold, italic, bold_italic) in _FILES.items():
        names = (family, f"{family}-Bold", f"{family}-Italic", f"{family}-BoldItalic")
        for name, file in zip(names, (regular, bold, italic, bold_italic)):
            pdfmetrics.registerFont(TTFont(name, str(font_path(file))))
        for (bold_flag, italic_flag), name in zip(((0, 0), (1, 0), (0, 1), (1, 1)), names):
            addMapping(family, bold_flag, italic_flag, name)
