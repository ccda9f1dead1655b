"""Validation of plans and delegations. Pure: returns problems, changes nothing.

A problem names the field and carries an untranslated message with its
parameters; the presentation layer translates it (``i18n.describe``).
"""

from __future__ import annotations

from collections import Counter
from typing import Container

from .delegation import Delegation
from .life_checks import check_life
from .plan import Plan
from . import limits
from .problem import N_, Problem, ValidationError

__all__ = ["N_", "Problem", "ValidationError", "check_delegation", "check_plan"]


def check_delegation(d: Delegation, plan: Plan, partners: Container[str], home: str) -> list[Problem]:
    """The core rules every delegation must satisfy, bounds (``limits``) included."""
    problems: list[Problem] = []
    if d.seq < 1:
        problems.append(Problem("seq", N_("The sequence number must be 1 or more (got {value})."), {"value": d.seq}))
    elif d.seq > limits.MAX_SEQ:
        problems += limits.check_int("seq", d.seq, 1, limits.MAX_SEQ)
    if not d.name:
        problems.append(Problem("name", N_("The delegation needs a name.")))
    if not d.leader.position:
        problems.append(Problem("leader", N_("The leader's position is required.")))
    if d.members < 1:
        problems.append(Problem("members", N_("A delegation needs at least 1 member (got {value})."), {"value": d.members}))
    else:
        problems += limits.check_int("members", d.members, 1, limits.MAX_MEMBERS)
    if d.duration.min_days < 1:
        problems.append(Problem("duration", N_("The shortest stay must be at least 1 day (got {value})."), {"value": d.duration.min_days}))
    if d.duration.min_days > d.duration.max_days:
        problems.append(
            Problem(
                "duration",
                N_("The minimum number of days ({min}) is more than the maximum ({max})."),
                {"min": d.duration.min_days, "max": d.duration.max_days},
            )
        )
    problems += limits.check_int("duration", d.duration.max_days, 1, limits.MAX_DAYS) if d.duration.max_days > limits.MAX_DAYS else []
    if d.translation_pages:
        problems += limits.check_int("translation_pages", d.translation_pages, 0, limits.MAX_PAGES)
    problems.extend(_check_timing(d, plan))
    problems.extend(_check_delegation_texts(d))
    if d.partner not in partners:
        problems.append(Problem("partner", N_("Unknown partner \"{code}\": no partner plugin provides it."), {"code": d.partner}))
    problems.extend(_check_costs(d, home))
    if not any(p.field == "timing" for p in problems):  # the life's dates are checked against usable dates only
        problems.extend(check_life(d))
    for r in d.rates:
        bad = limits.amount_problem("rates", r.amount.amount)
        if bad is not None:
            problems.append(bad)
    return problems


def _check_delegation_texts(d: Delegation) -> list[Problem]:
    short = limits.check_texts
    problems = short("name", d.name.all_text())
    problems += short("leader", [*d.leader.position.all_text(), d.leader.name, d.leader.name_lo])
    problems += short("activities", [t for a in d.activities for t in a.all_text()])
    problems += short("cost_lines", [t for c in d.cost_lines for t in c.detail.all_text()])
    problems += short("cost_lines", [x for c in d.cost_lines for x in (c.item, c.payer, c.funding)], limit=limits.MAX_CODE)
    problems += short("cost_model", [d.cost_model, d.partner], limit=limits.MAX_CODE)
    problems += limits.check_text("notes", d.notes, limit=limits.MAX_LONG_TEXT, multiline=True)
    return problems


def _check_timing(d: Delegation, plan: Plan) -> list[Problem]:
    t = d.timing
    years = limits.check_year("timing", t.year)
    if t.start is not None:
        years += limits.check_year("timing", t.start.year)
    if t.end is not None:
        years += limits.check_year("timing", t.end.year)
    if years:
        return years[:1]
    if t.month is not None and not 1 <= t.month <= 12:
        return [Problem("timing", N_("The month must be between 1 and 12 (got {value})."), {"value": t.month, "part": "month"})]
    if t.start is not None and t.end is not None and t.end < t.start:
        return [Problem("timing", N_("The visit ends ({end}) before it starts ({start})."), {"start": t.start, "end": t.end})]
    if t.start is not None and t.end is not None and (t.end - t.start).days + 1 > limits.MAX_DAYS:
        return limits.check_int("timing", (t.end - t.start).days + 1, 1, limits.MAX_DAYS)
    p = plan.period
    if limits.check_year("period", p.start_year) or limits.check_year("period", p.end_year):
        return []  # the plan's own check reports it
    if t.first_day() < p.first_day() or t.last_day() > p.last_day():
        return [
            Problem(
                "timing",
                N_("The timing ({when}) is outside the plan period {start}-{end}."),
                {"when": str(t.year) if t.kind == "year" else (t.first_day(), t.last_day()), "start": p.start_year, "end": p.end_year},
            )
        ]
    return []


def _check_costs(d: Delegation, home: str) -> list[Problem]:
    problems = []
    counts = Counter(line.item for line in d.cost_lines)
    for item, n in counts.items():
        if n > 1:
            payers = ", ".join(line.payer for line in d.cost_lines if line.item == item)
            problems.append(Problem("cost_lines", N_("The cost item \"{item}\" is paid by more than one party ({payers})."), {"item": item, "payers": payers}))
    parties = {home, d.partner}
    for line in d.cost_lines:
        if line.payer not in parties:
            problems.append(Problem("cost_lines", N_("The cost item \"{item}\" is paid by \"{payer}\", which is not a party to this exchange."), {"item": line.item, "payer": line.payer}))
    return problems


def check_plan(plan: Plan) -> list[Problem]:
    """The header's rules: period (four-digit years, at most ``MAX_PLAN_YEARS``), title, number, texts."""
    problems = limits.check_year("period", plan.period.start_year) + limits.check_year("period", plan.period.end_year)
    if plan.period.start_year > plan.period.end_year:
        problems.append(Problem("period", N_("The plan period starts ({start}) after it ends ({end})."), {"start": plan.period.start_year, "end": plan.period.end_year}))
    elif plan.period.end_year - plan.period.start_year >= limits.MAX_PLAN_YEARS:
        problems += limits.check_int("period", plan.period.end_year - plan.period.start_year + 1, 1, limits.MAX_PLAN_YEARS)
    if not plan.title:
        problems.append(Problem("title", N_("The plan needs a title.")))
    if plan.number is not None and plan.number < 1:
        problems.append(Problem("number", N_("The document number must be 1 or more (got {value})."), {"value": plan.number}))
    elif plan.number is not None:
        problems += limits.check_int("number", plan.number, 1, limits.MAX_SEQ)
    if plan.issued is not None:
        problems += limits.check_year("issued", plan.issued.year)
    texts = limits.check_texts
    problems += texts("title", plan.title.all_text())
    problems += texts("symbol", [plan.symbol])
    problems += texts("place", plan.place.all_text())
    problems += limits.check_texts("introduction", plan.introduction.all_text(), limit=limits.MAX_LONG_TEXT, multiline=True)
    problems += texts("recipients", [t for r in plan.recipients for t in r.all_text()])
    for b in plan.basis:
        problems += texts("basis", [*b.verb.all_text(), *b.kind.all_text(), b.number, *b.issuer.all_text(), *b.subject.all_text()])
        if b.issued is not None:
            problems += limits.check_year("basis", b.issued.year)
    if plan.signature is not None:
        s = plan.signature
        problems += texts("signature", [*s.authority.all_text(), *s.position.all_text(), s.name])
    return problems
