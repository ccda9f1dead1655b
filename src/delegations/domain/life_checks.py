"""The rules of a delegation's roster, programme and outcome (pure: returns problems)."""

from __future__ import annotations

import calendar
import re
from datetime import date

from . import limits
from .delegation import Delegation
from .problem import N_, Problem

PASSPORT_MONTHS = 6  # a passport must stay valid this long after the visit ends
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def months_after(day: date, months: int) -> date:
    """*day* moved *months* later, on the last day of a shorter month."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_life(d: Delegation) -> list[Problem]:
    problems: list[Problem] = []
    last = d.outcome.end if d.outcome else d.timing.last_day()
    needed = months_after(last, PASSPORT_MONTHS)
    for p in d.roster:
        if not p.name.strip():
            problems.append(Problem("roster", N_("Every member of the roster needs a name.")))
        if p.passport_expires is not None and p.passport_expires < needed:
            problems.append(Problem("roster", N_("The passport of {name} expires on {expires}, less than 6 months after the visit ends ({end})."),
                                    {"name": p.name, "expires": p.passport_expires, "end": last}, "warning"))
        if p.born is not None and p.born >= d.timing.first_day():
            problems.append(Problem("roster", N_("{name} is born on {born}, after the visit begins."), {"name": p.name, "born": p.born}))
    if d.roster and len(d.roster) != d.members:
        problems.append(Problem("roster", N_("The roster has {count} people; the plan gives the delegation {planned}: correct its number "
                                   "of members or the roster."),  # the same advice in the UI and on the command line
                                {"count": len(d.roster), "planned": d.members, "seq": d.seq}, "warning"))
    problems += limits.check_texts("roster", [t for p in d.roster for t in (p.name, p.lao_name, p.passport, *p.position.all_text())])
    first, planned_last = d.timing.first_day(), d.timing.last_day()
    for item in d.programme:
        inside = first <= item.day <= planned_last or (d.outcome is not None and d.outcome.start <= item.day <= d.outcome.end)
        if not inside:
            problems.append(Problem("programme", N_("The programme item on {day} is outside the visit ({dates})."),
                                    {"day": item.day, "dates": (first, planned_last)}))
        if item.time and not _TIME.match(item.time):
            problems.append(Problem("programme", N_("The time \"{time}\" is not a time of day (HH:MM)."), {"time": item.time}))
        if not item.activity:
            problems.append(Problem("programme", N_("A programme item needs an activity.")))
    problems += limits.check_texts("programme", [t for i in d.programme for t in (*i.activity.all_text(), *i.place.all_text())])
    problems += limits.check_texts("texts", [t for _k, v in d.texts for t in v.all_text()], limit=limits.MAX_LONG_TEXT, multiline=True)
    problems += limits.check_texts("outcome", [*d.cancel_reason.all_text(), *(d.outcome.results.all_text() if d.outcome else ())],
                                   limit=limits.MAX_LONG_TEXT, multiline=True)
    if d.outcome is not None:
        o = d.outcome
        if o.end < o.start:
            problems.append(Problem("outcome", N_("The visit ends ({end}) before it starts ({start})."), {"start": o.start, "end": o.end}))
        if o.members < 1:
            problems.append(Problem("outcome", N_("A delegation needs at least 1 member (got {value})."), {"value": o.members}))
        else:
            problems += limits.check_int("outcome", o.members, 1, limits.MAX_MEMBERS)
        for c in o.costs:
            bad = limits.amount_problem("outcome", c.amount.amount)
            if bad is not None:
                problems.append(bad)
    return problems
