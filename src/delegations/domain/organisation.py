"""Organisations taking part in an exchange: the home federation and its partners."""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import Text


@dataclass(frozen=True, slots=True)
class Organisation:
    """A trade-union organisation, named in several languages.

    ``code`` is the stable key stored in delegations (e.g. ``"savannakhet"``);
    ``country`` is an ISO 3166 code (``"LA"``, ``"VN"``); ``short_name`` is the
    form used inside tables ("LHCĐ tỉnh Savannakhet"); ``province`` names the
    province itself; ``parent`` the body above it (for the document header).
    """

    code: str
    country: str
    name: Text
    short_name: Text = field(default_factory=Text)
    province: Text = field(default_factory=Text)
    parent: Text = field(default_factory=Text)
    default_cost_model: str = "reciprocal"

    def short(self, lang: str = "vi") -> str:
        return self.short_name.get(lang) or self.name.get(lang)


def missing_fields(org: Organisation) -> list[str]:
    """Names of the fields a partner must fill in before it can be used."""
    missing = []
    if not org.code.strip():
        missing.append("code")
    if len(org.country.strip()) != 2:
        missing.append("country")
    for attr in ("name", "short_name", "province"):
        text: Text = getattr(org, attr)
        for lang in ("vi", "lo", "en"):
            if not text.get(lang, fallback=False):
                missing.append(f"{attr}.{lang}")
    return missing
