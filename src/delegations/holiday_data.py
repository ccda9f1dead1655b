"""The public holidays of Vietnam and Laos, read from the ``holidays`` package (its
data ships with it; nothing is downloaded). The one module that imports it.

Each holiday is named in vi, lo and en. The package names Vietnam's holidays in
Vietnamese and English and Laos's in Lao and English; the other language comes
from the program's catalogs, where every English name the package gives for the
two countries (``NAMES``, ``SUFFIXES``) is translated. Of Laos's "school"
holidays the Boun That Luang festival is taken too (``EVENTS``): the package keeps
it out of the public holidays, but the officer plans around it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .domain.conflicts import Occasion
from .domain.text import Text
from .i18n import N_, translate

# Every holiday name the package gives in English for VN (public) and LA (public and EVENTS), 2015-2030.
NAMES = (
    # Vietnam
    N_("New Year's Day"), N_("Lunar New Year's Eve"), N_("Lunar New Year"), N_("29 of Lunar New Year"),
    N_("Second Day of Lunar New Year"), N_("Third Day of Lunar New Year"), N_("Fourth Day of Lunar New Year"),
    N_("Fifth Day of Lunar New Year"), N_("Hung Kings' Commemoration Day"), N_("Liberation Day/Reunification Day"),
    N_("International Labor Day"), N_("National Day"), N_("Vietnam Cultural Day"),
    # Laos
    N_("International Women's Rights Day"), N_("Lao New Year's Day"), N_("Lao National Day"), N_("International Children's Day"),
    N_("Boun That Luang Festival"),
)
# The package's additions to a name: a day off in lieu of one on a weekend, an extra day.
SUFFIXES = {" (in lieu)": N_("{name} (in lieu)"), " (observed)": N_("{name} (in lieu)"), " (Special)": N_("{name} (extra day)")}
_SUBSTITUTED = re.compile(r"^Day off \(substituted from (\d\d)/(\d\d)/(\d{4})\)$")
SUBSTITUTED = N_("Day off (instead of {date})")

# What each country's data is read with: its categories, and names taken from other categories.
_LANGS = {"VN": {"vi": "vi", "en": "en_US"}, "LA": {"lo": "lo", "en": "en_US"}}
EVENTS = {"LA": ("school", {"Boun That Luang Festival"})}


def translated(english: str, lang: str) -> str:
    """A holiday's English name (as the package gives it) in *lang*, from the catalogs;
    the English name where the catalogs have none (a holiday added by a newer package)."""
    found = _SUBSTITUTED.match(english)
    if found:
        month, day, year = found.groups()
        return translate(SUBSTITUTED, lang).format(date=f"{int(day)}/{int(month)}/{year}")
    for suffix, pattern in SUFFIXES.items():
        if english.endswith(suffix):
            return translate(pattern, lang).format(name=translated(english[:-len(suffix)], lang))
    return translate(english, lang)


def _names(country: str, year: int, code: str, categories=("public",)) -> dict:
    import holidays

    return dict(holidays.country_holidays(country, years=year, language=code, categories=categories))


@lru_cache(maxsize=32)
def _country_year(country: str, year: int) -> tuple[Occasion, ...]:
    names: dict[str, dict] = {lang: _names(country, year, code) for lang, code in _LANGS[country].items()}
    if country in EVENTS:
        category, wanted = EVENTS[country]
        english = _names(country, year, "en_US", (category,))
        for lang, code in _LANGS[country].items():
            extra = _names(country, year, code, (category,))
            names[lang].update({day: extra[day] for day, name in english.items() if name in wanted})
    out = []
    for day in sorted(names["en"]):
        text = {lang: str(names[lang].get(day, names["en"][day])).split("; ")[0] for lang in names}
        for lang in ("vi", "lo"):
            text.setdefault(lang, translated(text["en"], lang))
        out.append(Occasion(Text.of(**text), day, day, country))
    return tuple(out)


def public_holidays(years) -> tuple[Occasion, ...]:
    """Every public holiday of Vietnam and Laos in *years* (and Laos's That Luang festival),
    one ``Occasion`` per day, named in vi, lo and en."""
    return tuple(o for y in sorted(set(years)) if 1950 <= y <= 2100 for c in ("VN", "LA") for o in _country_year(c, y))
