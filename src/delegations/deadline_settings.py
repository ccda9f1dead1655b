"""The deadline rules, the officer's own dates and the deadlines met, kept in the
database settings; what is due for a plan. (The date warnings of a delegation are the
built-in plugin ``builtin.calendar_checks``'s.)"""

from __future__ import annotations

from datetime import date

from .domain import Delegation, Text
from .domain.conflicts import Occasion
from .domain.deadlines import DEFAULT_RULES, YEARLY, DeadlineRule, DueItem, apply_overrides, due_items, overdue_count, visit_span
from .errors import N_, UserError

RULES_KEY, MET_KEY, DATES_KEY = "deadline_rules", "deadlines_met", "own_dates"


def rules(repo) -> tuple[DeadlineRule, ...]:
    """The shipped rules with the officer's changes."""
    return apply_overrides(DEFAULT_RULES, repo.setting(RULES_KEY, {}) or {})


def set_rule(repo, code: str, value: str) -> DeadlineRule:
    """Change rule *code*: a number of days, a yearly day as MM-DD, "off" or "on", or "default"."""
    known = {r.code: r for r in DEFAULT_RULES}
    if code not in known:
        raise UserError(N_("There is no deadline rule {code}; the rules are: {codes}."), code=code, codes=", ".join(known))
    overrides = dict(repo.setting(RULES_KEY, {}) or {})
    change = dict(overrides.get(code, {}))
    if value == "default":
        change = {}
    elif value in ("off", "on"):
        change["enabled"] = value == "on"
    elif known[code].anchor == YEARLY:
        try:
            month, day = (int(x) for x in value.split("-"))
            date(2024, month, day)
        except ValueError:
            raise UserError(N_("\"{value}\" is not a day of the year; write it as MM-DD, e.g. 12-15.")  , value=value) from None
        change["date"] = f"{month:02d}-{day:02d}"
    else:
        if not value.isdigit() or not 0 <= int(value) <= 365:
            raise UserError(N_("\"{value}\" is not a number of days from 0 to 365."), value=value)
        change["days"] = int(value)
    if change:
        overrides[code] = change
    else:
        overrides.pop(code, None)
    repo.set_setting(RULES_KEY, overrides)
    return {r.code: r for r in rules(repo)}[code]


def met(repo) -> set[str]:
    return set(repo.setting(MET_KEY, []) or [])


def mark_met(repo, key: str, undo: bool = False) -> None:
    keys = met(repo)
    keys.discard(key) if undo else keys.add(key)
    repo.set_setting(MET_KEY, sorted(keys))


def own_dates(repo) -> tuple[Occasion, ...]:
    """The dates the officer added (congresses, the partner's events)."""
    return tuple(Occasion(Text.of(r["name"]), date.fromisoformat(r["start"]), date.fromisoformat(r["end"]))
                 for r in repo.setting(DATES_KEY, []) or [])


def add_date(repo, start: date, end: date, name: str) -> None:
    if end < start:
        raise UserError(N_("The last day ({end}) is before the first ({start})."), start=start.isoformat(), end=end.isoformat())
    if not name.strip():
        raise UserError(N_("Give the date a name, e.g. \"Đại hội Công đoàn tỉnh\"."))
    if len(name) > 200:
        raise UserError(N_("The name is longer than {n} characters."), n=200)
    rows = list(repo.setting(DATES_KEY, []) or [])
    rows.append({"start": start.isoformat(), "end": end.isoformat(), "name": name.strip()})
    repo.set_setting(DATES_KEY, sorted(rows, key=lambda r: (r["start"], r["name"])))


def remove_date(repo, number: int) -> dict:
    rows = list(repo.setting(DATES_KEY, []) or [])
    if not 1 <= number <= len(rows):
        raise UserError(N_("There is no date number {n}; dates list shows them."), n=number)
    gone = rows.pop(number - 1)
    repo.set_setting(DATES_KEY, rows)
    return gone


def plan_due(planner, plan, today: date | None = None) -> list[DueItem]:
    """Every deadline of *plan*'s delegations, and the yearly plan for each year of the
    plan's period (with *today*: only this year's and next year's of them)."""
    years = set(range(plan.period.start_year, plan.period.end_year + 1))
    if today:
        years &= {today.year, today.year + 1}
    return due_items(planner.repo.delegations(plan.id), rules(planner.repo), sorted(years))


def overdue_now(planner, plan, today: date | None = None) -> int:
    """How many of *plan*'s deadlines are past and not marked met (the UI's header says it)."""
    today = today or date.today()
    return overdue_count(plan_due(planner, plan, today), today, met(planner.repo))
