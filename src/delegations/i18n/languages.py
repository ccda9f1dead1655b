"""Texts of a document in several languages at once (a bilingual vi-lo document)."""

from __future__ import annotations

from typing import Callable, Iterable


def in_each(langs: Iterable[str], pick: Callable[[str], str]) -> str:
    """*pick* in each of *langs*, one per line; a version equal to an earlier one (a
    text with no translation, a name written the same way) is printed once."""
    seen: list[str] = []
    for lang in langs:
        value = pick(lang)
        if value and value not in seen:
            seen.append(value)
    return "\n".join(seen)
