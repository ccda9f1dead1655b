"""HarfBuzz shaping for the words that need it: Lao words only.

A document with Lao is set with ``shaping=1`` (vowels and tone marks placed by
HarfBuzz), and ReportLab then shapes every word of every paragraph, the
Vietnamese ones of a bilingual cell too, though they come out of HarfBuzz as
they went in (a Vietnamese document is never shaped). Shaping is most of the
time of a Lao export; ``shape_lao_words_only`` makes ReportLab's paragraphs
pass words without a Lao letter through unchanged.
"""

from __future__ import annotations

from reportlab.platypus import paragraph

_LAO = frozenset(chr(c) for c in range(0x0E80, 0x0F00))


def _needs_shaping(word) -> bool:
    # A frag word is [width, (frag, text), (frag, text), …].
    return any(not _LAO.isdisjoint(text) for _frag, text in word[1:] if isinstance(text, str))


def shape_lao_words_only() -> None:
    """Install the filter in ReportLab's paragraph module (once)."""
    shape = paragraph.shapeFragWord
    if getattr(shape, "lao_only", False):
        return

    def shape_if_lao(word, *args, **kwargs):
        return shape(word, *args, **kwargs) if _needs_shaping(word) else word

    shape_if_lao.lao_only = True
    paragraph.shapeFragWord = shape_if_lao
