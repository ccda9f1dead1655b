"""The letters each glyph of a shaped text stands for, so that text copied from the PDF is the text written.

HarfBuzz replaces some Lao letters by glyphs that no character maps to: a tone
mark set smaller over a vowel ("maiTho-lao.small"), a mark moved aside
("iVowel-lao.narrow"), the circle of ຳ joined with a tone mark
("niggahita_maiEk-lao", for ໍ່). ReportLab gives each such glyph a private-use code,
and its ToUnicode map sends that code back to the private-use character, so a
reader copying "ຂັ້ນ" got "ຂັ" + U+E000 + "ນ". The font's glyph names follow
the Adobe Glyph List convention (a suffix after ".", components joined by "_",
"uniXXXX" for a character), which gives every substituted glyph its letters;
``glyph_text`` reads them, and ``to_unicode_cmap`` writes the map.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_UNI = re.compile(r"uni((?:[0-9A-F]{4})+)")
_U = re.compile(r"u([0-9A-F]{4,6})")


def glyph_text(name: str, char_of: Callable[[str], str | None]) -> str | None:
    """The text glyph *name* stands for, or None if its name does not say.

    *char_of* gives the character of an encoded glyph by name ("maiEk-lao" → "່").
    """
    base = name.split(".", 1)[0]
    if not base:
        return None
    parts = base.split("_")
    # A script suffix is written once for the whole ligature: "niggahita_maiEk-lao".
    script = "-" + parts[-1].rsplit("-", 1)[1] if "-" in parts[-1] else ""
    chars: list[str] = []
    for part in parts:
        char = char_of(part)
        if char is None and script:
            char = char_of(part + script)
        if char is None:
            if m := _UNI.fullmatch(part):
                digits = m.group(1)
                char = "".join(chr(int(digits[i:i + 4], 16)) for i in range(0, len(digits), 4))
            elif m := _U.fullmatch(part):
                char = chr(int(m.group(1), 16))
            else:
                return None
        chars.append(char)
    return "".join(chars)


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(name: str, texts: Sequence[str]) -> str:
    """A ToUnicode CMap for a one-byte font subset: code *i* stands for ``texts[i]``
    (several characters for a ligature). Same layout as ReportLab's own map."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({name})", f"/Ordering ({name})", "/Supplement 0", ">> def",
        f"/CMapName /{name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(texts) - 1:02X}>", "endcodespacerange",
    ]
    entries = [f"<{i:02X}> <{_utf16(text)}>" for i, text in enumerate(texts) if text]
    # A bfchar block holds at most 100 entries.
    for start in range(0, len(entries), 100):
        block = entries[start:start + 100]
        lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)
