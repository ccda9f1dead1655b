"""The public API for plugin authors: everything a hook receives or registers.

Import from here (``from delegations.api import Organisation, Text, hookimpl``):
these names, their fields and methods are kept stable across minor versions
(0.x.y to 0.x.z; a change is announced one minor version ahead). Other modules
of the program may change without notice. ``FIELDS`` documents every field;
``delegations plugins --hooks`` prints this reference with every hook.
"""

from __future__ import annotations

from . import __version__, hookimpl
from .doc_model import DocTable, OfficialDocument, Section
from .domain.conflicts import Occasion
from .domain import (ActualCost, Approval, BudgetLine, CostLine, DayRange, Delegation, Direction, Leader, Money, Organisation,
                     Outcome, Period, Person, Plan, Problem, ProgrammeItem, Rate, RateTable, Status, StatusChange, Text, Timing, budget)
from .exporting import ExportRequest
from .i18n import N_, current_language, translate
from .budget.tables import load_table
from .registry import CostItem, CostModel, Exporter, FundingSource, LocaleInfo, MessageCatalog, Registry
from .wording import Wording

API_VERSION = "1.2"
"""Raised in its minor part when a name is added, in its major part when one changes."""

def official_pdf(request, document: OfficialDocument) -> bytes:
    """Lay out *document* as a PDF in the national format, as the built-in documents are
    (for an exporter that adds or replaces a delegation's document)."""
    from .pdf.official import build_official_pdf

    return build_official_pdf(request, document)


def document_model(request, kind: str) -> OfficialDocument:
    """The built-in model of the document *kind* ("proposal", "decision", "invitation",
    "programme", "roster", "report") for ``request.delegation``: a template to change."""
    from .documents import DocumentWriter

    return DocumentWriter(request, request.delegation, request.planned).build(kind)


def public_holidays(years) -> tuple[Occasion, ...]:
    """The public holidays of Vietnam and Laos (and Laos's That Luang festival) in *years*,
    one ``Occasion`` per day (``country`` "VN" or "LA"), named in vi, lo and en; for a
    ``validate_schedule`` hook that checks the calendar its own way."""
    from .holiday_data import public_holidays as holidays

    return holidays(years)


__all__ = [
    "API_VERSION", "ActualCost", "Approval", "DocTable", "OfficialDocument", "Outcome", "Person", "ProgrammeItem", "Section",
    "StatusChange", "document_model", "official_pdf", "BudgetLine", "CostItem", "CostLine", "CostModel", "DayRange", "Delegation", "Direction", "ExportRequest",
    "Exporter", "FundingSource", "Leader", "LocaleInfo", "MessageCatalog", "Money", "N_", "Occasion", "Organisation", "Period", "Plan",
    "Problem", "Rate", "RateTable", "Registry", "Status", "Text", "Timing", "Wording", "__version__", "budget",
    "current_language", "hookimpl", "load_table", "public_holidays", "translate",
]

# What each field of the classes above holds; printed by ``delegations plugins --hooks``.
FIELDS: dict[str, dict[str, str]] = {
    "Text": {
        "versions": "the text per language code; build it with Text.of(vi=..., lo=..., en=...)",
        "get(lang)": "the text in lang, else in Vietnamese, else any version (get(\"vi-lo\") gives the Vietnamese: use ExportRequest.languages)",
        "sources": "per translation, the fingerprint of the Vietnamese it was made from (set by Text.of and Text.edited)",
        "outdated()": "the languages whose version was made from an earlier Vietnamese text",
    },
    "Organisation": {
        "code": "unique key, stored in every delegation (Delegation.partner)",
        "country": "ISO 3166 code: \"LA\", \"VN\", \"TH\"",
        "name": "Text: full name, e.g. \"Liên hiệp Công đoàn tỉnh Champasak\"",
        "short_name": "Text: the short name documents print (\"LHCĐ tỉnh Champasak\")",
        "province": "Text: \"tỉnh Champasak\"",
        "parent": "Text: the national body (\"Liên hiệp Công đoàn Lào\")",
        "default_cost_model": "code of the cost model used for its delegations unless the officer chooses another",
    },
    "Delegation": {
        "id": "stable key (str)", "plan_id": "the plan's id", "seq": "its number in the plan (TT), from 1",
        "direction": "Direction.OUTBOUND (đoàn ra, the home federation visits) or Direction.INBOUND (đoàn vào)",
        "partner": "the partner Organisation's code (registry.partners[d.partner])",
        "name": "Text: the delegation's name", "leader": "Leader: position (Text) and name (str)",
        "members": "number of members (int)", "duration": "DayRange: min_days, max_days",
        "timing": "Timing: year, month (or None), start and end dates (or None)",
        "activities": "tuple of Text", "cost_lines": "tuple of CostLine: who pays what",
        "status": "Status: planned, proposed, approved, done, cancelled", "notes": "free text",
        "roster": "tuple of Person: the members (once there is one, members is its length)",
        "programme": "tuple of ProgrammeItem, by day and time", "approval": "Approval or None: number, issued, body",
        "outcome": "Outcome or None: start, end, members, costs (ActualCost), results (Text)",
        "cancel_reason": "why it was cancelled (Text)", "history": "tuple of StatusChange: status, on (date), note",
        "texts": "(kind, Text) pairs: the officer's own main paragraph of each document; text_for(kind) reads one",
        "cost_model": "the cost model the officer chose for it (\"\": the plan's or the partner's)",
        "rates": "unit rates the officer set for it instead of the rate table's",
        "host(home_code)": "the code of the receiving side", "sender(home_code)": "the code of the sending side",
        "evolve(**changes)": "a copy with fields changed",
    },
    "CostLine": {
        "item": "a cost item code (\"board_lodging\", \"transport\", or one a plugin registers)",
        "payer": "an organisation code: who pays", "funding": "a funding source code (\"\": unsaid)",
        "detail": "Text printed after the item",
    },
    "Plan": {
        "id": "the plan's key (\"2020-2022\")", "title": "Text", "period": "Period: start_year, end_year",
        "issuer": "the home organisation's code", "number": "document number", "symbol": "document symbol",
        "place": "place of issue", "issued": "date of issue (date or None)", "basis": "legal basis documents",
        "introduction": "Text", "recipients": "tuple of Text: Nơi nhận", "signature": "who signs",
        "cost_model": "the plan's cost model code",
    },
    "ExportRequest": {
        "plan": "the Plan", "delegations": "the delegations to print, already filtered, in order",
        "lang": "the document language: \"vi\", \"lo\", \"en\", or \"vi-lo\" for a bilingual document",
        "languages": "lang as a list: [\"vi\", \"lo\"] for \"vi-lo\"; use languages[0] for a single-language field",
        "registry": "the Registry: partners, cost_items, cost_models, exporters…",
        "home": "the home Organisation (the federation issuing the plan)",
        "filters": "the filters the officer chose", "today": "the date of the export",
        "budget": "the budget report when --budget was asked for, else None",
        "delegation": "a delegation's document (export --document KIND --seq N): the Delegation; None for the plan",
        "planned": "with delegation: its estimate per budget item (item -> Money or None)",
        "status_column": "True when the plan's table should show each delegation's status",
        "wording": "Wording(lang, registry, home): the program's phrases for a delegation in that language",
    },
    "Occasion": {
        "name": "Text: the holiday's or the date's name", "start": "first day (date)", "end": "last day (date)",
        "country": "\"VN\" or \"LA\" for a public holiday; \"\" for a date the officer added",
        "overlaps(start, end)": "True when it shares a day with start..end",
    },
    "Money": {"amount": "Decimal", "currency": "ISO 4217 code (\"VND\", \"LAK\", \"USD\")"},
    "Problem": {
        "field": "the field it concerns (\"members\", \"timing\", \"recipients\"…; the form shows it there)",
        "message": "an English message marked with N_, translated when shown", "params": "dict for the message's {placeholders}",
        "severity": "\"error\" (stops the save) or \"warning\"",
    },
    "CostItem": {"code": "key named by CostLine.item", "label": "Text documents print"},
    "FundingSource": {"code": "key named by CostLine.funding", "label": "Text documents print"},
    "LocaleInfo": {"code": "Babel locale code (\"th\")", "name": "Text", "catalog_dir": "folder of <code>/LC_MESSAGES/delegations.mo, or None"},
    "MessageCatalog": {"domain": "your gettext domain (e.g. your plugin's name)", "directory": "folder of <lang>/LC_MESSAGES/<domain>.mo"},
    "CostModel": {
        "code": "key (str)", "label": "Text",
        "cost_lines(delegation, home, partner)": "tuple of CostLine proposed for the delegation",
        "estimate(delegation, home, table)": "optional: list of BudgetLine; budget.estimate(...) does the arithmetic",
    },
    "Exporter": {
        "format": "the name for --format (\"csv\")", "suffix": "the file suffix (\".csv\")",
        "label": "Text the export screen shows", "export(request)": "the file's bytes",
        "document": "optional: True for a delegation's document (export --document FORMAT --seq N; request.delegation is set)",
    },
    "Person": {
        "name": "full name", "position": "Text: position and organisation", "sex": "Sex.MALE, Sex.FEMALE or None",
        "born": "date or None", "passport": "passport number", "passport_expires": "date or None",
        "lao_name": "the name in Lao script", "role": "leader, deputy, member, interpreter or driver",
    },
    "ProgrammeItem": {"day": "date", "activity": "Text (vi, lo)", "time": "\"08:30\" or \"\"", "place": "Text"},
    "OfficialDocument": {
        "kind": "the document kind", "number": "the number line", "dated": "the place-date line", "doc_type": "the type (TỜ TRÌNH…)",
        "subject": "the subject line(s)", "basis": "list of basis paragraphs", "addressee": "Kính gửi line, or \"\"",
        "body": "list of Section: heading, paragraphs, table (DocTable: heads, rows, shares, centred, values — the cells as numbers for a spreadsheet)",
        "recipients": "Nơi nhận lines", "signature": "(authority, position, name)", "annex": "a Section on its own page, or None",
    },
    "Registry": {
        "partners": "code -> Organisation", "cost_items": "code -> CostItem", "funding_sources": "code -> FundingSource",
        "cost_models": "code -> cost model", "rate_tables": "code -> RateTable", "locales": "code -> LocaleInfo",
        "exporters": "format -> exporter", "catalogs": "domain -> MessageCatalog",
        "owners": "(kind, code) -> the plugin that registered it",
        "cost_item_label(code, lang)": "a cost item's label in lang", "funding_label(code, lang)": "a funding source's label",
    },
}

# The classes above, in the order the reference lists them.
CLASSES = ("Text", "Organisation", "Delegation", "CostLine", "Plan", "ExportRequest", "Money", "Problem", "CostItem",
           "FundingSource", "LocaleInfo", "MessageCatalog", "CostModel", "Exporter", "Registry", "Person", "ProgrammeItem",
           "OfficialDocument", "Occasion")
