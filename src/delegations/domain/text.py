"""Unicode text helpers: NFC normalisation, per-language text, and search folding.

Stored text is always NFC. Search compares *folded* text, which ignores case,
Vietnamese diacritics and where the tone mark sits ("hoà" and "hòa" both fold to
"hoa"), and the two spellings of the Lao vowel AM (U+0EB3 and U+0ECD U+0EB2).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping

DEFAULT_LANGUAGE = "vi"

_LAO_AM_DECOMPOSED = "\u0ecd\u0eb2"
_LAO_AM = "\u0eb3"
# Combining marks used by Latin letters (Vietnamese tones and vowel marks).
_LATIN_MARKS = re.compile("[\u0300-\u036f]")
_OTHER_THAN_ASCII_AND_MARKS = re.compile("[^\x00-\x7f\u0300-\u036f]")


def nfc(value: str) -> str:
    """Return *value* in NFC with the Lao vowel AM in its precomposed form."""
    return unicodedata.normalize("NFC", value).replace(_LAO_AM_DECOMPOSED, _LAO_AM)


def fold(value: str, *, squeeze: bool = True) -> str:
    """Fold *value* for searching: no case, no Latin diacritics, đ→d, single spaces.

    Only the combining marks of Latin letters are dropped, so Lao vowels and
    tone marks stay (they carry meaning a search must keep). NFD splits every
    tone and vowel mark off its letter, wherever the old or new rule placed it;
    the result stays decomposed (it is only ever compared). ``squeeze=False``
    keeps runs of white space, for text that is only searched in.
    """
    text = unicodedata.normalize("NFD", value).replace("đ", "d").replace("Đ", "D")
    if _OTHER_THAN_ASCII_AND_MARKS.search(text) is None:
        text = text.encode("ascii", "ignore").decode("ascii")  # drops exactly the marks, fast
    else:
        text = _LATIN_MARKS.sub("", text).replace(_LAO_AM_DECOMPOSED, _LAO_AM)
    text = text.casefold()
    return " ".join(text.split()) if squeeze else text


def fingerprint(value: str) -> str:
    """A short fingerprint of a Vietnamese text (NFC): what a translation was made from."""
    return hashlib.blake2b(nfc(value).strip().encode("utf-8"), digest_size=4).hexdigest()


def _stamped(versions: tuple[tuple[str, str], ...], kept: Mapping[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    """The fingerprint of each translation in *versions*: the one in *kept* if given,
    else the current Vietnamese's (a translation set now is made from it)."""
    vi = dict(versions).get(DEFAULT_LANGUAGE)
    if vi is None:
        return ()
    now = fingerprint(vi)
    kept = kept or {}
    return tuple((lang, kept.get(lang, now)) for lang, _v in versions if lang != DEFAULT_LANGUAGE)


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of text with a version per language ("vi", "lo", "en", ...).

    ``get(lang)`` falls back to Vietnamese, then to any version, so text the
    officer wrote only in Vietnamese still prints in a Lao document.

    A translation knows what it translates: ``sources`` holds, for each version
    other than the Vietnamese, the ``fingerprint`` of the Vietnamese it was made
    from. Versions set together are current; ``edited`` keeps a translation's
    fingerprint while only the Vietnamese changes, so ``outdated()`` names it.
    """

    versions: tuple[tuple[str, str], ...] = ()
    sources: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, value: "str | Mapping[str, str] | Text | None" = None, **langs: str) -> "Text":
        if isinstance(value, Text):
            return value
        items: dict[str, str] = {}
        if isinstance(value, str):
            items[DEFAULT_LANGUAGE] = value
        elif value:
            items.update(value)
        items.update(langs)
        cleaned = tuple(sorted((k, nfc(v).strip()) for k, v in items.items() if v and v.strip()))
        return cls(cleaned, _stamped(cleaned))

    @classmethod
    def from_stored(cls, mapping: Mapping[str, str], sources: Mapping[str, str] | None = None) -> "Text":
        """Fast path for text read back from the database (already clean); *sources*
        are the stored fingerprints (a translation without one is current)."""
        for v in mapping.values():
            if not unicodedata.is_normalized("NFC", v) or _LAO_AM_DECOMPOSED in v or v != v.strip() or not v:
                text = cls.of(mapping)
                return cls(text.versions, _stamped(text.versions, sources)) if sources else text
        versions = tuple(sorted(mapping.items()))
        return cls(versions, _stamped(versions, sources))

    def edited(self, changes: Mapping[str, str]) -> "Text":
        """This text with the versions in *changes* typed anew (others kept).

        A translation whose text changed is made from the Vietnamese as it now is;
        one left as it was keeps its fingerprint, so a new Vietnamese outdates it.
        """
        new = Text.of({**self.as_dict(), **changes})
        old = self.as_dict()
        kept = {lang: src for lang, src in self.sources if lang in old and new.get(lang, fallback=False) == old[lang]}
        return Text(new.versions, _stamped(new.versions, kept))

    def confirmed(self, *langs: str) -> "Text":
        """The translations in *langs* (all when none given) declared still correct:
        made from the Vietnamese as it now is."""
        kept = {lang: src for lang, src in self.sources if langs and lang not in langs}
        return Text(self.versions, _stamped(self.versions, kept))

    def outdated(self) -> tuple[str, ...]:
        """The languages whose version was made from another Vietnamese than the present one."""
        if not self.sources:
            return ()
        now = fingerprint(dict(self.versions)[DEFAULT_LANGUAGE])
        return tuple(lang for lang, src in self.sources if src != now)

    def get(self, lang: str = DEFAULT_LANGUAGE, fallback: bool = True) -> str:
        mapping = dict(self.versions)
        if lang in mapping:
            return mapping[lang]
        if not fallback:
            return ""
        if DEFAULT_LANGUAGE in mapping:
            return mapping[DEFAULT_LANGUAGE]
        return self.versions[0][1] if self.versions else ""

    def as_dict(self) -> dict[str, str]:
        return dict(self.versions)

    def all_text(self) -> Iterable[str]:
        return (v for _, v in self.versions)

    def __bool__(self) -> bool:
        return bool(self.versions)

    def __str__(self) -> str:
        return self.get()
