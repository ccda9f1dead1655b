"""Typed text from a form (or any text input) into domain values, with problems
named by field. The terminal UI's forms use it; it holds no UI code.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from .domain import (BasisDocument, CostLine, DayRange, Delegation, Direction, Leader, Plan, Problem, Signature, Status, Text, Timing,
                     archive_last, nfc)
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
    still_correct: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field -> translations declared still correct

    def as_typed(self) -> "DelegationFields":
        """The same fields with the dates as the officer types them (24/9/2024), for a
        form to show; ``of`` keeps them ISO for the command line's edits."""
        def typed(text: str) -> str:
            day = parse_day(text) if text else None
            return f"{day.day}/{day.month}/{day.year}" if day else ""
        return replace(self, start=typed(self.start), end=typed(self.end))

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


def edit_lines(base: tuple[Text, ...], by_lang: dict[str, list[str]]) -> tuple[Text, ...]:
    """Line i of every language is text i (the Vietnamese line first), each an edit
    of *base*'s text i: a translation left as it was keeps what it was made from."""
    cleaned = {lang: [x.strip() for x in lines if x.strip()] for lang, lines in by_lang.items()}
    count = max((len(v) for v in cleaned.values()), default=0)
    return tuple(
        (base[i] if i < len(base) else Text()).edited({lang: lines[i] if i < len(lines) else "" for lang, lines in cleaned.items()})
        for i in range(count)
    )


def _confirmed(text: Text, langs) -> Text:
    return text.confirmed(*langs) if langs else text


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
    still = f.still_correct
    activities = tuple(_confirmed(a, still.get("activities")) for a in edit_lines(base.activities, f.activities))
    d = base.evolve(
        name=_confirmed(base.name.edited(f.name), still.get("name")), direction=Direction(f.direction), partner=f.partner,
        leader=Leader(_confirmed(base.leader.position.edited(f.leader_position), still.get("leader")), _clean(f.leader_name),
                      _clean(f.leader_name_lo)), members=members,
        duration=DayRange(days_min, days_max), timing=Timing(year, month, start, end or start),
        status=Status(f.status), activities=activities, cost_lines=lines, notes=_clean(f.notes),
        cost_model=f.cost_model,
    )
    return d, []


# --- the plan header ------------------------------------------------------------

LANGS = ("vi", "lo", "en")  # the languages each text of the header is typed in


def _typed(t: Text) -> dict[str, str]:
    return {lang: t.get(lang, fallback=False) for lang in LANGS}


@dataclass
class BasisFields:
    """One basis document as typed; the texts per language. ``origin`` is the
    index of the document it was filled from (``None`` for a row added)."""

    verb: dict[str, str]
    kind: dict[str, str]
    number: str = ""
    issued: str = ""
    issuer: dict[str, str] = field(default_factory=dict)
    subject: dict[str, str] = field(default_factory=dict)
    origin: int | None = None

    @classmethod
    def of(cls, b: BasisDocument, origin: int | None = None) -> "BasisFields":
        return cls(_typed(b.verb), _typed(b.kind), b.number, b.issued.strftime("%d/%m/%Y") if b.issued else "",
                   _typed(b.issuer), _typed(b.subject), origin)

    def is_empty(self) -> bool:
        return not any(v.strip() for d in (self.verb, self.kind, self.issuer, self.subject) for v in d.values()) \
            and not self.number.strip() and not self.issued.strip()


@dataclass
class RecipientFields:
    """One "Nơi nhận" line as typed, per language; ``origin`` as in ``BasisFields``."""

    text: dict[str, str]
    origin: int | None = None


@dataclass
class PlanFields:
    """What the plan-header form holds, as typed: each text in every language at once."""

    title: dict[str, str]
    number: str
    symbol: str
    place: dict[str, str]
    issued: str
    basis: list[BasisFields]
    introduction: dict[str, str]
    recipients: list[RecipientFields]
    authority: dict[str, str]
    position: dict[str, str]
    signer: str
    still_correct: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field -> translations declared still correct

    @classmethod
    def of(cls, plan: Plan) -> "PlanFields":
        s = plan.signature
        return cls(
            title=_typed(plan.title), number=str(plan.number or ""), symbol=plan.symbol, place=_typed(plan.place),
            issued=plan.issued.strftime("%d/%m/%Y") if plan.issued else "",
            basis=[BasisFields.of(b, i) for i, b in enumerate(plan.basis)],
            introduction=_typed(plan.introduction), recipients=[RecipientFields(_typed(r), i) for i, r in enumerate(plan.recipients)],
            authority=_typed(s.authority) if s else {}, position=_typed(s.position) if s else {}, signer=s.name if s else "",
        )


def _edit(old: Text, typed: dict[str, str], langs=()) -> Text:
    return _confirmed(old.edited({lang: v.strip() for lang, v in typed.items()}), langs)


def plan_from_fields(plan: Plan, f: PlanFields) -> tuple[Plan | None, list[Problem]]:
    """The plan with the header the form describes. Each text is an edit of the one its
    row was filled from: a translation left as it was keeps what it was made from."""
    problems: list[Problem] = []
    still = f.still_correct
    number = _int(problems, "number", f.number, optional=True)
    issued = _date(problems, "issued", f.issued)
    basis = []
    for b in (x for x in f.basis if not x.is_empty()):
        old = plan.basis[b.origin] if b.origin is not None and b.origin < len(plan.basis) else BasisDocument(Text(), Text())
        def part(name: str, old_text: Text, typed: dict[str, str], origin=b.origin) -> Text:
            return _edit(old_text, typed, still.get(f"basis-{origin}-{name}", ()))

        basis.append(BasisDocument(part("verb", old.verb, b.verb), part("kind", old.kind, b.kind), _clean(b.number),
                                   _date(problems, "basis", b.issued), part("issuer", old.issuer, b.issuer),
                                   part("subject", old.subject, b.subject)))
    if problems:
        return None, problems
    recipients = []
    for r in f.recipients:
        old = plan.recipients[r.origin] if r.origin is not None and r.origin < len(plan.recipients) else Text()
        text = _edit(old, r.text, still.get(f"recipients-{r.origin}", ()))
        if text:
            recipients.append(text)
    old_sig = plan.signature or Signature(Text(), Text())
    signature = Signature(_edit(old_sig.authority, f.authority, still.get("authority")), _edit(old_sig.position, f.position, still.get("position")),
                          _clean(f.signer))
    return replace(
        plan, title=_edit(plan.title, f.title, still.get("title")), number=number, symbol=_clean(f.symbol),
        place=_edit(plan.place, f.place, still.get("place")), issued=issued, basis=tuple(basis),
        introduction=_edit(plan.introduction, f.introduction, still.get("introduction")), recipients=archive_last(recipients),
        signature=signature,
    ), []
