"""Recognising organisations, countries, cost items and funding sources by name in the
text of a plan table: the partner of a delegation, who pays, where it goes.

Every name registered by the plugins (a partner's name, short name and province in
each language, and the province's own name: "Savannakhet", "ສະຫວັນນະເຂດ") and every
label of a cost item or funding source is compared folded, as whole words.
"""

from __future__ import annotations

from ..domain import Organisation
from ..registry import Registry
from ..wording import PROVINCE_WORDS, country_name
from .parsing import words

LANGS = ("vi", "lo", "en")
# Usual short wordings of the plans beside the labels the plugins register.
ITEM_ALIASES = {
    "board_lodging": ("chi phí ăn ở", "chi phí ăn nghỉ", "ăn, nghỉ", "ăn nghỉ", "ăn ở", "board and lodging"),
    "transport": ("chi phí đi lại", "phương tiện đi lại", "vé máy bay", "chi phí vận chuyển", "transport", "travel"),
    "support": ("kinh phí hỗ trợ", "hỗ trợ cho bạn", "support"),
    "gifts": ("quà tặng", "gifts"),
    "interpreting": ("phiên dịch", "interpreting"),
    "reception": ("chi phí tiếp khách", "tiếp khách", "reception"),
    "per_diem": ("phụ cấp lưu trú", "per diem"),
}
FUNDING_ALIASES = {"union_budget": ("ngân sách công đoàn", "kinh phí công đoàn", "union budget"),
                   "state_budget": ("ngân sách nhà nước", "ngân sách tỉnh", "state budget")}


def org_names(org: Organisation) -> list[str]:
    """The folded, padded names *org* may be written with, longest first."""
    names = set()
    for text in (org.name, org.short_name, org.province):
        for lang, value in text.versions:
            names.add(words(value))
            place = value
            for word in PROVINCE_WORDS.get(lang, ()):
                place = place.replace(word, "")
            if place.strip():
                names.add(words(place))
    return sorted((n for n in names if n.strip()), key=len, reverse=True)


class Names:
    """What the registered plugins let the import recognise, for one home organisation."""

    def __init__(self, registry: Registry, home: Organisation):
        self.home = home
        self.partners = dict(registry.partners)
        self._orgs = {home.code: org_names(home), **{code: org_names(org) for code, org in self.partners.items()}}
        self.items = self._labels(registry.cost_items, ITEM_ALIASES)
        self.funding = self._labels(registry.funding_sources, FUNDING_ALIASES)
        countries = {home.country, *(org.country for org in self.partners.values())}
        self.countries = {words(country_name(c, lang)): c for c in countries for lang in LANGS}
        self.countries.update({words(c): c for c in countries})

    @staticmethod
    def _labels(registered, aliases) -> list[tuple[str, str]]:
        """(folded padded wording, code), longest first, so "chi phí ăn, nghỉ" wins over "ăn, nghỉ"."""
        out = [(words(text), code) for code, item in registered.items() for text in item.label.all_text()]
        out += [(words(text), code) for code, texts in aliases.items() if code in registered for text in texts]
        return sorted({pair for pair in out if pair[0].strip()}, key=lambda p: len(p[0]), reverse=True)

    def orgs_in(self, text: str, partners_only: bool = False) -> list[str]:
        """The codes of the organisations *text* names, in the order of their first mention."""
        hay = words(text)
        found = {}
        for code, names in self._orgs.items():
            if partners_only and code == self.home.code:
                continue
            positions = [hay.find(n) for n in names if n in hay]
            if positions:
                found[code] = min(positions)
        return sorted(found, key=found.get)

    def country(self, text: str) -> str | None:
        """The country code *text* names exactly ("Lào", "Laos", "Việt Nam" → "LA", "VN")."""
        return self.countries.get(words(text))


__all__ = ["Names", "org_names"]
