"""The public holidays of Vietnam and Laos, read from the ``holidays`` package (its
data ships with it; nothing is downloaded). The one module that imports it."""

from __future__ import annotations

from functools import lru_cache

from .domain.conflicts import Occasion
from .domain.text import Text

# The package has no Vietnamese names for Lao holidays: the officer reads these (made for the program).
_LAO_IN_VI = {"Lao New Year's Day": "Tết Bun Pi Mai (Tết cổ truyền Lào)", "Lao National Day": "Quốc khánh Lào",
              "International Labor Day": "Ngày Quốc tế Lao động", "New Year's Day": "Tết Dương lịch",
              "International Women's Rights Day": "Ngày Quốc tế Phụ nữ"}


def _vi_for_lao(english: str) -> str:
    base, lieu = (english[:-len(" (in lieu)")], True) if english.endswith(" (in lieu)") else (english, False)
    if base not in _LAO_IN_VI:
        return english
    return _LAO_IN_VI[base] + (" (nghỉ bù)" if lieu else "")


# the package's languages for each country; the others fall back to English
_LANGS = {"VN": {"vi": "vi", "en": "en_US"}, "LA": {"lo": "lo", "en": "en_US"}}


@lru_cache(maxsize=32)
def _country_year(country: str, year: int) -> tuple[Occasion, ...]:
    import holidays

    names: dict[str, dict] = {}
    for lang, code in _LANGS[country].items():
        names[lang] = dict(holidays.country_holidays(country, years=year, language=code))
    out = []
    for day in sorted(names["en"]):
        text = {lang: str(names[lang].get(day, names["en"][day])).split("; ")[0] for lang in names}
        text.setdefault("vi", _vi_for_lao(text["en"]) if country == "LA" else text["en"])
        text.setdefault("lo", text.get("en", ""))
        out.append(Occasion(Text.of(**text), day, day, country))
    return tuple(out)


def public_holidays(years) -> tuple[Occasion, ...]:
    """Every public holiday of Vietnam and Laos in *years*, one ``Occasion`` per day, named in vi, lo and en."""
    return tuple(o for y in sorted(set(years)) if 1950 <= y <= 2100 for c in ("VN", "LA") for o in _country_year(c, y))
