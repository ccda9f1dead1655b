"""The names of the fields a ``Problem`` concerns, as the officer reads them: "roster"
is printed "Danh sách đoàn" in Vietnamese. A field not listed (a plugin's own, a
rate row) is printed as it is."""

from __future__ import annotations

from . import N_

FIELD_LABELS = {
    "amount": N_("Amount"), "basis": N_("Basis"), "cost": N_("Actual cost"), "cost_lines": N_("Costs"),
    "country": N_("Country"), "date": N_("Date"), "duration": N_("Days"), "introduction": N_("Introduction"),
    "issued": N_("Date of issue"), "leader": N_("Leader"), "members": N_("Members"), "name": N_("Delegation"),
    "notes": N_("Notes"), "number": N_("Number"), "outcome": N_("Results"), "partner": N_("Partner"), "period": N_("Period"),
    "plugin": N_("Plugin"), "programme": N_("Programme"), "rate": N_("Rate"), "rates": N_("Rates"), "recipients": N_("Recipients"),
    "roster": N_("Roster"), "seq": N_("No."), "texts": N_("Document text"), "timing": N_("Timing"), "title": N_("Title"),
    "born": N_("Date of birth"), "expires": N_("Passport expiry date"), "translation_pages": N_("Pages to translate"),
    "place": N_("Place"), "authority": N_("On behalf of"), "position": N_("Position"), "activities": N_("Activities"),
    "approval": N_("Approval"), "cancel_reason": N_("Reason for cancelling"), "leader_name": N_("Leader's name"),
    "translations": N_("Translations"), "exchange_rate": N_("Exchange rate"),
}


def field_label(field: str, translate=lambda s: s) -> str:
    """*field* worded for the officer with *translate* (``i18n.gettext``)."""
    return translate(FIELD_LABELS[field]) if field in FIELD_LABELS else field


__all__ = ["FIELD_LABELS", "field_label"]
