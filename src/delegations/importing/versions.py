"""The language versions of a cell: a bilingual export (vi-lo) writes the Vietnamese
and the Lao version of a text in one cell, one below the other, and a list cell's
items in both languages.

They are told apart by script: a line in Lao script is Lao; a line in Latin script is
Vietnamese when it has Vietnamese letters or tone marks ("Đoàn", "Chủ tịch"), else it
is in the table's Latin language (English for a table with English headers, else
Vietnamese).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import zip_longest

from ..domain import Leader, Text

_LAO = re.compile("[\u0e80-\u0eff]")
# đ, and the combining marks of Vietnamese letters once decomposed: ă â ê ô ơ ư and the five tones
_VIETNAMESE = re.compile("[đĐ\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]")


def is_lao(text: str) -> bool:
    return _LAO.search(text) is not None


def language_of(text: str, latin: str = "vi") -> str:
    """The language *text* is in: "lo" for Lao script, "vi" for Vietnamese, else *latin*."""
    if is_lao(text):
        return "lo"
    return "vi" if _VIETNAMESE.search(unicodedata.normalize("NFD", text)) else latin


def text_of(value: str, latin: str = "vi") -> Text:
    """A cell's text with each version in its language: the Lao lines as Lao, the others
    as Vietnamese (or *latin*, see the module's docstring)."""
    lao, other = split_lines(value)
    if not lao or not other:
        return Text.of({language_of(value, latin): value.strip()}) if value.strip() else Text()
    versions = {"lo": "\n".join(lao)}
    joined = "\n".join(other)
    versions[language_of(joined, latin)] = joined
    return Text.of(versions)


def line_text_of(value: str, latin: str = "vi") -> Text:
    """``text_of`` for a one-line field (a delegation's name): the lines of each version
    joined by spaces, never a line break."""
    return Text.of({lang: " ".join(v.split()) for lang, v in text_of(value, latin).versions})


def split_lines(value: str) -> tuple[list[str], list[str]]:
    """The non-empty lines of *value* in Lao script, and the others."""
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    return [line for line in lines if is_lao(line)], [line for line in lines if not is_lao(line)]


def scalar(value: str) -> str:
    """A one-value cell (a number, a time, a direction, a country) of a bilingual
    export ("3-4 ngày" above "3-4 ວັນ"): its Latin-script version; a cell in one script as it is."""
    lao, other = split_lines(value)
    return " ".join(other) if lao and other else value


def paired_items(items: list[str], latin: str = "vi") -> list[Text]:
    """The items of a list cell, the Lao item paired with the Latin-script one in the
    same place ("- Trao đổi …", "- Đi thực tế …", "- ແລກປ່ຽນ …", "- ລົງຢ້ຽມຢາມ …" are two items)."""
    lao = [i for i in items if is_lao(i)]
    other = [i for i in items if not is_lao(i)]
    if not lao or not other:
        return [text_of(i, latin) for i in items]
    return [Text.of({**({language_of(o, latin): o} if o else {}), **({"lo": lo} if lo else {})})
            for o, lo in zip_longest(other, lao, fillvalue="")]


def looks_like_name(line: str) -> bool:
    """Whether *line* is written like a person's name: two to six capitalised words, no digits
    ("Nguyễn Văn An"); a surname may be in capitals ("Bounmy PHOMMACHANH"), though not every word."""
    words = line.split()
    if not 2 <= len(words) <= 6 or not all(w.isalpha() and w[0].isupper() for w in words):
        return False
    return all(len(w) == 1 or w[1:].islower() or w.isupper() for w in words) and any(w[1:].islower() for w in words)


def _one_line(lines: list[str]) -> str:
    """The lines of a one-line field (a position, a name), joined by spaces: a leader's fields
    never hold a line break, whatever way the cell wraps them."""
    return " ".join(lines)


def leader_of(value: str, latin: str = "vi") -> Leader:
    """The leader cell as the exports write it: the position (Vietnamese, then Lao), then the
    name (its Latin spelling, then its Lao one), each on one line. The name is the first Latin
    line after a Lao line, or else the last Latin line when it is written like a person's name;
    the Lao lines after the name are its Lao spelling, those before it the Lao position.
    Without a Latin name, of two Lao lines or more after every Latin line the last is the
    name's Lao spelling ("Chủ tịch …", "ປະທານ …", "ທ່ານ ບຸນມີ ພົມມະຈັນ"). Every field is
    one line: the lines of a position written on several are joined by spaces."""
    lines = [" ".join(line.split()) for line in value.splitlines() if line.strip()]
    at = next((i for i, line in enumerate(lines) if not is_lao(line) and any(is_lao(x) for x in lines[:i])), None)
    if at is None:
        latin_at = [i for i, line in enumerate(lines) if not is_lao(line)]
        last = latin_at[-1] if latin_at else None
        if last is not None and (len(latin_at) >= 2 or last < len(lines) - 1) and looks_like_name(lines[last]):
            at = last
    name = name_lo = ""
    position = lines
    if at is not None:
        position, after = lines[:at], lines[at:]
        name = _one_line([line for line in after if not is_lao(line)])
        name_lo = _one_line([line for line in after if is_lao(line)])
    else:
        first_lao = next((i for i, line in enumerate(lines) if is_lao(line)), len(lines))
        trailing_lao = lines[first_lao:]
        if len(trailing_lao) >= 2 and all(is_lao(line) for line in trailing_lao):
            position, name_lo = lines[:-1], lines[-1]
    versions = {}
    other = [line for line in position if not is_lao(line)]
    lao = [line for line in position if is_lao(line)]
    if other:
        joined = _one_line(other)
        versions[language_of(joined, latin)] = joined
    if lao:
        versions["lo"] = _one_line(lao)
    return Leader(Text.of(versions), name, name_lo)


__all__ = ["is_lao", "language_of", "leader_of", "line_text_of", "looks_like_name", "paired_items", "scalar", "split_lines", "text_of"]
