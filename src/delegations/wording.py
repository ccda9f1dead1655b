"""How a delegation reads in a given language: the cells of the plan table.

Shared by the command line, the terminal UI and every exporter, so a
delegation is worded the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from .domain import BasisDocument, CostLine, Delegation, Direction, Organisation, Plan, Status
from .i18n import N_, translator
from .i18n.formatting import compact_range, month_name, short_date
from .registry import Registry

# How a rate is counted, in words ("per person and day"), not the unit's code.
UNITS = {"person_day": N_("per person and day"), "person_night": N_("per person and night"), "day": N_("per day"),
         "person": N_("per person"), "delegation": N_("per delegation"), "page": N_("per page")}

# The word for "province" in each language, left out where a column names the place alone.
PROVINCE_WORDS = {"vi": ("tỉnh", "Tỉnh"), "lo": ("ແຂວງ",), "en": ("Province", "province")}

DIRECTION_LABELS = {Direction.OUTBOUND: N_("Outbound"), Direction.INBOUND: N_("Inbound")}
STATUS_LABELS = {
    Status.PLANNED: N_("Planned"),
    Status.PROPOSED: N_("Proposed"),
    Status.APPROVED: N_("Approved"),
    Status.DONE: N_("Done"),
    Status.CANCELLED: N_("Cancelled"),
}
ROLE_LABELS = {
    "leader": N_("Head of delegation"), "deputy": N_("Deputy head"), "member": N_("Member"),
    "interpreter": N_("Interpreter"), "driver": N_("Driver"),
}

# The languages whose documents name a month ("November 2024") rather than number it ("Tháng 11/2024").
NAMED_MONTHS = frozenset({"en"})

# The word a title may start with where the document already says "Kế hoạch" (its type name, "Căn cứ Kế hoạch …").
PLAN_WORDS = {"vi": ("kế hoạch",), "lo": ("ແຜນການ",), "en": ("plan for", "plan of", "plan")}


def plan_subject(title: str, lang: str) -> str:
    """A plan's title as the subject of a document that already names it a plan:
    a leading "Kế hoạch" ("ແຜນການ", "Plan") is left out, the rest starts with a capital
    ("Kế hoạch hợp tác giai đoạn 2023-2025" → "Hợp tác giai đoạn 2023-2025")."""
    text = title.strip()
    for word in PLAN_WORDS.get(lang, ()):
        head = text[:len(word)]
        rest = text[len(word):]
        if head.casefold() == word.casefold() and (not rest or not rest[0].isalnum() or lang == "lo") and rest.strip(" :-–"):
            rest = rest.strip(" :-–")
            return rest[0].upper() + rest[1:] if lang != "lo" else rest
    return text


# The national title and motto heading a document issued in each country.
NATIONAL_HEADERS = {
    "VN": (N_("SOCIALIST REPUBLIC OF VIETNAM"), N_("Independence - Freedom - Happiness")),
    "LA": (N_("LAO PEOPLE'S DEMOCRATIC REPUBLIC"), N_("Peace Independence Democracy Unity Prosperity")),
}


def national_header(country: str) -> tuple[str, str]:
    """The (title, motto) message ids for a document issued in *country* (Vietnam's by default)."""
    return NATIONAL_HEADERS.get(country, NATIONAL_HEADERS["VN"])


def joint_country(request) -> str | None:
    """The partners' country when every partner of the printed delegations is in
    one foreign country with a national header (a joint document names both states)."""
    countries = {org.country for d in request.delegations if (org := request.registry.partners.get(d.partner))}
    countries.discard(request.home.country)
    if len(countries) == 1 and (country := countries.pop()) in NATIONAL_HEADERS:
        return country
    return None


@lru_cache(maxsize=64)
def country_name(code: str, lang: str) -> str:
    try:
        return Locale.parse(lang).territories.get(code, code).replace("\u200b", "")
    except (ValueError, LookupError):
        return code


@dataclass(frozen=True)
class Cells:
    name: str
    leader: str
    members: str
    destination: str
    activities: list[str]
    days: str
    timing: str
    funding: list[str]


class Wording:
    """Words for one language. ``orgs`` maps organisation codes to organisations."""

    def __init__(self, lang: str, registry: Registry, home: Organisation):
        self.lang = lang
        self.registry = registry
        self.home = home
        self.t = translator(lang).gettext
        self.nt = translator(lang).ngettext

    def org(self, code: str) -> Organisation | None:
        if code == self.home.code:
            return self.home
        return self.registry.partners.get(code)

    def org_short(self, code: str) -> str:
        org = self.org(code)
        return org.short(self.lang) if org else code

    def direction(self, d: Direction) -> str:
        return self.t(DIRECTION_LABELS[d])

    def status(self, s: Status) -> str:
        return self.t(STATUS_LABELS[s])

    def role(self, code: str) -> str:
        """A roster role ("leader", "interpreter"…) in the document language."""
        return self.t(ROLE_LABELS[code]) if code in ROLE_LABELS else code

    def destination(self, d: Delegation) -> str:
        host = self.org(d.host(self.home.code))
        return country_name(host.country, self.lang) if host else "?"

    def days(self, d: Delegation) -> str:
        return self.nt("{days} day", "{days} days", d.duration.max_days).format(days=str(d.duration))

    def timing(self, d: Delegation) -> str:
        """The timing as a table cell: "Năm 2024", "Tháng 11/2024" ("November 2024"), "13/4/2024 - 16/4/2024"."""
        t = d.timing
        if t.kind == "year":
            return self.t("Year {year}").format(year=t.year)
        if t.kind == "month":
            return self.t("Month {month}/{year}").format(month=self.month(t.month), year=t.year)
        if t.end is None or t.end == t.start:
            return short_date(t.start)
        return f"{short_date(t.start)} - {short_date(t.end)}"

    def month(self, month: int) -> str:
        """A month as its language writes it beside the year: by its number ("Tháng 11/2024",
        "ເດືອນ 11/2024"), or by its name where the language names it ("November 2024")."""
        return month_name(month, self.lang) if self.lang in NAMED_MONTHS else str(month)

    def timing_in_sentence(self, d: Delegation) -> str:
        """The timing inside a sentence, where a capital would be wrong: "năm 2024", "tháng 11/2024",
        "in November 2024"; dates as in the table."""
        t = d.timing
        if t.kind == "year":
            return self.t("in the year {year}").format(year=t.year)
        if t.kind == "month":
            return self.t("in month {month}/{year}").format(month=self.month(t.month), year=t.year)
        return self.timing(d)

    def compact_timing(self, d: Delegation) -> str:
        """The timing as the table shows it: a date range in one short cell ("28/2–3/3/2024")."""
        t = d.timing
        if t.kind != "dates":
            return self.timing(d)
        return compact_range(t.start, t.end or t.start)

    def place(self, code: str) -> str:
        """A partner's province by its own name ("Savannakhet", "ສະຫວັນນະເຂດ"), for a narrow column."""
        org = self.org(code)
        if org is None:
            return code
        name = org.province.get(self.lang)
        for word in PROVINCE_WORDS.get(self.lang, ()):
            name = name.replace(word, "")
        return " ".join(name.split()) or org.province.get(self.lang)

    def cost_item(self, line: CostLine) -> str:
        label = self.registry.cost_item_label(line.item, self.lang)
        detail = line.detail.get(self.lang)
        return f"{label} {detail}" if detail else label

    def funding_lines(self, d: Delegation) -> list[str]:
        """One line per paying organisation, in the order the lines name them."""
        by_payer: dict[str, list[CostLine]] = {}
        for line in d.cost_lines:
            by_payer.setdefault(line.payer, []).append(line)
        out = []
        for payer, lines in by_payer.items():
            items = [self.cost_item(line) for line in lines]
            joined = items[0] if len(items) == 1 else self.t("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])
            text = self.t("{payer} pays {items}").format(payer=self.org_short(payer), items=joined)
            sources = {line.funding for line in lines if line.funding}
            if sources:
                labels = ", ".join(self.registry.funding_label(s, self.lang) for s in sorted(sources))
                text += f" ({labels})"
            out.append(text)
        return out

    def cells(self, d: Delegation) -> Cells:
        leader = d.leader.position.get(self.lang)
        if d.leader.name_in(self.lang):
            leader = f"{leader} {d.leader.name_in(self.lang)}"
        return Cells(
            name=d.name.get(self.lang),
            leader=leader,
            members=str(d.members),
            destination=self.destination(d),
            activities=[a.get(self.lang) for a in d.activities],
            days=self.days(d),
            timing=self.timing(d),
            funding=self.funding_lines(d),
        )

    # --- the plan document -------------------------------------------------
    def citation(self, b: BasisDocument) -> str:
        """ "Thực hiện Công văn số 4214/UBND-ĐN ngày 16/9/2019 của UBND tỉnh … về việc …"."""
        parts = [b.verb.get(self.lang), b.kind.get(self.lang)]
        if b.number:
            parts.append(self.t("no. {number}").format(number=b.number))
        if b.issued:
            parts.append(self.t("dated {date}").format(date=short_date(b.issued)))
        if b.issuer:
            parts.append(self.t("of {issuer}").format(issuer=b.issuer.get(self.lang)))
        if b.subject:
            parts.append(b.subject.get(self.lang))
        return " ".join(p for p in parts if p)

    def plan_subject(self, plan: Plan) -> str:
        """The plan's title where the document already calls it a plan (see ``plan_subject``)."""
        return plan_subject(plan.title.get(self.lang), self.lang)

    def basis_paragraph(self, plan: Plan) -> str:
        """The opening paragraph: every basis document, then the introduction."""
        parts = [self.citation(b) for b in plan.basis]
        if plan.introduction:
            parts.append(plan.introduction.get(self.lang))
        return ", ".join(parts)
