"""Validation of plans and delegations. Pure: returns problems, changes nothing.

A problem names the field and carries an untranslated message with its
parameters; the presentation layer translates it (``i18n.describe``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Container

from .delegation import Delegation
from .plan import Plan


def N_(message: str) -> str:
    """Mark *message* for the catalogs without translating it here."""
    return message


@dataclass(frozen=True, slots=True)
class Problem:
    field: str
    message: str
    params: dict = field(default_factory=dict)
    severity: str = "error"  # or "warning"

    def render(self, translate=lambda s: s) -> str:
        return translate(self.message).format(**self.params)


class ValidationError(ValueError):
    """Raised when input is rejected; ``problems`` says what and where."""

    def __init__(self, problems: list[Problem]):
        self.problems = [p for p in problems if p.severity == "error"]
        super().__init__("; ".join(f"{p.field}: {p.render()}" for p in self.problems))


def check_delegation(d: Delegation, plan: Plan, partners: Container[str], home: str) -> list[Problem]:
    """The core rules every delegation must satisfy."""
    problems: list[Problem] = []
    if d.seq < 1:
        problems.append(Problem("seq", N_("The sequence number must be 1 or more (got {value})."), {"value": d.seq}))
    if not d.name:
        problems.append(Problem("name", N_("The delegation needs a name.")))
    if not d.leader.position:
        problems.append(Problem("leader", N_("The leader's position is required.")))
    if d.members < 1:
        problems.append(Problem("members", N_("A delegation needs at least 1 member (got {value})."), {"value": d.members}))
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
    problems.extend(_check_timing(d, plan))
    if d.partner not in partners:
        problems.append(Problem("partner", N_("Unknown partner \"{code}\": no partner plugin provides it."), {"code": d.partner}))
    problems.extend(_check_costs(d, home))
    return problems


def _check_timing(d: Delegation, plan: Plan) -> list[Problem]:
    t = d.timing
    if t.month is not None and not 1 <= t.month <= 12:
        return [Problem("timing", N_("The month must be between 1 and 12 (got {value})."), {"value": t.month})]
    if t.start is not None and t.end is not None and t.end < t.start:
        return [Problem("timing", N_("The visit ends ({end}) before it starts ({start})."), {"start": t.start.isoformat(), "end": t.end.isoformat()})]
    p = plan.period
    if t.first_day() < p.first_day() or t.last_day() > p.last_day():
        return [
            Problem(
                "timing",
                N_("The timing ({when}) is outside the plan period {start}-{end}."),
                {"when": str(t.year) if t.kind == "year" else f"{t.first_day().isoformat()}..{t.last_day().isoformat()}", "start": p.start_year, "end": p.end_year},
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
    problems = []
    if plan.period.start_year > plan.period.end_year:
        problems.append(Problem("period", N_("The plan period starts ({start}) after it ends ({end})."), {"start": plan.period.start_year, "end": plan.period.end_year}))
    if not plan.title:
        problems.append(Problem("title", N_("The plan needs a title.")))
    if plan.number is not None and plan.number < 1:
        problems.append(Problem("number", N_("The document number must be 1 or more (got {value})."), {"value": plan.number}))
    return problems
