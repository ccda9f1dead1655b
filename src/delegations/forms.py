"""Typed text from a form (or any text input) into domain values, with problems
named by field. The terminal UI's forms use it; it holds no UI code.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from .domain import BasisDocument, CostLine, DayRange, Delegation, Direction, Leader, Plan, Problem, Signature, Status, Text, Timing, nfc
from .i18n import N_


@dataclass
class DelegationFields:
    """What a delegation form holds, as typed."""

    name: dict[str, str]                 # language -> text
    direction: str
    partner: str
    leader_position: dict[str, str]
    leader_name: str
    members: str
    days_min: str
    days_max: str
    year: str
    month: str = ""
    start: str = ""
    end: str = ""
    status: str = "planned"
    activities: dict[str, list[str]] = field(default_factory=dict)  # language -> lines
    payers: dict[str, str] = field(default_factory=dict)     # cost item -> organisation code ("" = not in the plan)
    funding: dict[str, str] = field(default_factory=dict)    # cost item -> funding source
    notes: str = ""
    cost_model: str = ""                                      # "" = the partner's or the plan's
    leader_name_lo: str = ""                                  # the name in Lao script

    @classmethod
    def of(cls, d: Delegation) -> "DelegationFields":
        t = d.timing
        acts: dict[str, list[str]] = {}
        for a in d.activities:
            for lang, text in a.versions:
                acts.setdefault(lang, []).append(text)
        return cls(
            name=d.name.as_dict(), direction=d.direction.value, partner=d.partner,
            leader_position=d.leader.position.as_dict(), leader_name=d.leader.name,
            members=str(d.members), days_min=str(d.duration.min_days), days_max=str(d.duration.max_days),
            year=str(t.year), month=str(t.month or ""), start=t.start.isoformat() if t.start else "",
            end=t.end.isoformat() if t.end else "", status=d.status.value, activities=acts,
            payers={c.item: c.payer for c in d.cost_lines}, funding={c.item: c.funding for c in d.cost_lines},
            notes=d.notes, cost_model=d.cost_model, leader_name_lo=d.leader.name_lo,
        )


def _int(problems: list[Problem], field_name: str, text: str, *, optional: bool = False) -> int | None:
    text = text.strip()
    if not text and optional:
        return None
    try:
        return int(text)
    except ValueError:
        problems.append(Problem(field_name, N_("\"{value}\" is not a whole number."), {"value": text}))
        return None


def _year(problems: list[Problem], field_name: str, text: str) -> int | None:
    """A year typed with four digits (``15`` or ``215`` is refused, not read as year 15)."""
    value = _int(problems, field_name, text)
    if value is not None and len(text.strip().lstrip("+")) != 4:
        problems.append(Problem(field_name, N_("\"{value}\": write the year with four digits, e.g. 2025."), {"value": text.strip()}))
        return None
    return value


def parse_day(text: str) -> date:
    """A day as the officer types it: 16/9/2019 (also 16-9-2019, 16.9.2019) or 2019-09-16,
    the year with four digits; ``ValueError`` otherwise."""
    text = text.strip()
    for parse in (date.fromisoformat, _dmy):
        try:
            return parse(text)
        except ValueError:
            continue
    raise ValueError(text)


def _date(problems: list[Problem], field_name: str, text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return parse_day(text)
    except ValueError:
        pass
    problems.append(Problem(field_name, N_("\"{value}\" is not a date; write it as 16/9/2019 or 2019-09-16, the year with four digits."), {"value": text}))
    return None


def _dmy(text: str) -> date:
    parts = text.replace("-", "/").replace(".", "/").split("/")
    if len(parts) != 3 or len(parts[2].strip()) != 4:
        raise ValueError("the year must have four digits")  # 15/1/23 is not the year 23
    day, month, year = (int(p) for p in parts)
    return date(year, month, day)


def _clean(value: str) -> str:
    """Typed text as stored: NFC, without surrounding spaces."""
    return nfc(value).strip()


def _activities(by_lang: dict[str, list[str]]) -> tuple[Text, ...]:
    """Line i of every language is one activity (the Vietnamese line first)."""
    cleaned = {lang: [x.strip() for x in lines if x.strip()] for lang, lines in by_lang.items()}
    count = max((len(v) for v in cleaned.values()), default=0)
    return tuple(
        Text.of({lang: lines[i] for lang, lines in cleaned.items() if i < len(lines)}) for i in range(count)
    )


def dates_say(start: str, end: str) -> dict[str, str] | None:
    """The year, month and number of days that typed dates say (as the form shows
    them), or ``None`` while they cannot be read or the end is before the start."""
    problems: list[Problem] = []
    first, last = _date(problems, "timing", start), _date(problems, "timing", end)
    if problems or first is None:
        return None
    last = last or first
    if last < first:
        return None
    days = str((last - first).days + 1)
    return {"year": str(first.year), "month": str(first.month), "days_min": days, "days_max": days}


def delegation_from_fields(base: Delegation, f: DelegationFields) -> tuple[Delegation | None, list[Problem]]:
    """Build the delegation the form describes; ``None`` and the problems if some text cannot be read."""
    problems: list[Problem] = []
    members = _int(problems, "members", f.members)
    days_min = _int(problems, "duration", f.days_min)
    days_max = _int(problems, "duration", f.days_max or f.days_min)
    before = len(problems)
    year = _year(problems, "timing", f.year) if f.year.strip() or not f.start.strip() else None
    for p in problems[before:]:
        p.params["part"] = "year"  # the form shows it under the year and month, not under the dates
    before = len(problems)
    month = _int(problems, "timing", f.month, optional=True)
    for p in problems[before:]:
        p.params["part"] = "month"
    start = _date(problems, "timing", f.start)
    end = _date(problems, "timing", f.end)
    if end is not None and start is None:
        problems.append(Problem("timing", N_("An end date needs a start date.")))
    if problems:
        return None, problems
    if start is not None:
        year = start.year  # dates win: the year (and month) follow from them
    lines = tuple(
        CostLine(item, payer, f.funding.get(item, ""), next((c.detail for c in base.cost_lines if c.item == item), Text()))
        for item, payer in f.payers.items() if payer
    )
    d = base.evolve(
        name=Text.of(f.name), direction=Direction(f.direction), partner=f.partner,
        leader=Leader(Text.of(f.leader_position), _clean(f.leader_name), _clean(f.leader_name_lo)), members=members,
        duration=DayRange(days_min, days_max), timing=Timing(year, month, start, end or start),
        status=Status(f.status), activities=_activities(f.activities), cost_lines=lines, notes=_clean(f.notes),
        cost_model=f.cost_model,
    )
    return d, []


# --- the plan header ------------------------------------------------------------

BASIS_PARTS = 6  # verb | kind | number | date | issuer | subject


def _with(t: Text, lang: str, value: str) -> Text:
    """*t* with its *lang* version replaced (other languages kept)."""
    versions = dict(t.versions)
    versions[lang] = value
    return Text.of(versions)


def basis_lines(plan: Plan, lang: str = "vi") -> list[str]:
    return [" | ".join([b.verb.get(lang), b.kind.get(lang), b.number, b.issued.strftime("%d/%m/%Y") if b.issued else "",
                        b.issuer.get(lang), b.subject.get(lang)]) for b in plan.basis]


@dataclass
class PlanFields:
    title: str
    number: str
    symbol: str
    place: str
    issued: str
    basis: list[str]
    introduction: str
    recipients: list[str]
    authority: str
    position: str
    signer: str

    @classmethod
    def of(cls, plan: Plan, lang: str = "vi") -> "PlanFields":
        s = plan.signature
        return cls(
            title=plan.title.get(lang), number=str(plan.number or ""), symbol=plan.symbol, place=plan.place.get(lang),
            issued=plan.issued.strftime("%d/%m/%Y") if plan.issued else "", basis=basis_lines(plan, lang),
            introduction=plan.introduction.get(lang), recipients=[r.get(lang) for r in plan.recipients],
            authority=s.authority.get(lang) if s else "", position=s.position.get(lang) if s else "", signer=s.name if s else "",
        )


def plan_from_fields(plan: Plan, f: PlanFields, lang: str = "vi") -> tuple[Plan | None, list[Problem]]:
    """The plan with the header the form describes (the *lang* texts replaced, others kept)."""
    problems: list[Problem] = []
    number = _int(problems, "number", f.number, optional=True)
    issued = _date(problems, "issued", f.issued)
    basis = []
    for i, line in enumerate(x for x in f.basis if x.strip()):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != BASIS_PARTS:
            problems.append(Problem("basis", N_("Basis document {n}: write six parts separated by \"|\": verb | kind | number | date | issuer | subject (found {found})."), {"n": i + 1, "found": len(parts)}))
            continue
        old = plan.basis[i] if i < len(plan.basis) else BasisDocument(Text(), Text())
        basis.append(BasisDocument(_with(old.verb, lang, parts[0]), _with(old.kind, lang, parts[1]), _clean(parts[2]),
                                   _date(problems, "basis", parts[3]), _with(old.issuer, lang, parts[4]), _with(old.subject, lang, parts[5])))
    if problems:
        return None, problems
    recipients = tuple(_with(plan.recipients[i] if i < len(plan.recipients) else Text(), lang, r.strip())
                       for i, r in enumerate(x for x in f.recipients if x.strip()))
    old_sig = plan.signature or Signature(Text(), Text())
    signature = Signature(_with(old_sig.authority, lang, f.authority.strip()), _with(old_sig.position, lang, f.position.strip()), _clean(f.signer))
    return replace(
        plan, title=_with(plan.title, lang, f.title.strip()), number=number, symbol=_clean(f.symbol),
        place=_with(plan.place, lang, f.place.strip()), issued=issued, basis=tuple(basis),
        introduction=_with(plan.introduction, lang, f.introduction.strip()), recipients=recipients, signature=signature,
    ), []
