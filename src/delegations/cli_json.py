"""``--json`` for ``list``, ``show``, ``validate`` and ``plans``: what the text commands
print, for scripts and other programs. The keys are stable (README lists them):
codes rather than words (``"outbound"``, ``"savannakhet"``), every text as an object
of its languages (``{"vi": …, "lo": …}``), dates in ISO (``2024-03-12``), money as a
string with its currency (``"350000 VND"``). Without ``--json`` the commands of
``cli_plan`` answer."""

from __future__ import annotations

import json

from . import cli_plan
from .cli_exits import EXIT_PLUGIN, EXIT_PROBLEMS
from .domain import Delegation, Direction, Plan, Problem, Status, Text
from .i18n import _, describe
from .services import Filters


def _text(t: Text) -> dict[str, str]:
    return dict(t.versions)


def _iso(day) -> str | None:
    return day.isoformat() if day is not None else None


def money(m) -> str:
    """ "350000 VND": the amount as written (no rounding, no grouping) and the currency code."""
    return f"{m.amount} {m.currency}"


def delegation_json(d: Delegation, plan: Plan) -> dict:
    """One delegation with every field the form and the commands can set."""
    t = d.timing
    return {
        "seq": d.seq, "id": d.id, "plan": d.plan_id, "direction": d.direction.value, "partner": d.partner,
        "sender": d.sender(plan.issuer), "host": d.host(plan.issuer), "name": _text(d.name),
        "leader": {"position": _text(d.leader.position), "name": d.leader.name, "name_lo": d.leader.name_lo},
        "members": d.members, "days": {"min": d.duration.min_days, "max": d.duration.max_days},
        "timing": {"kind": t.kind, "year": t.year, "month": t.month, "from": _iso(t.start), "to": _iso(t.end)},
        "activities": [_text(a) for a in d.activities],
        "cost_lines": [{"payer": c.payer, "item": c.item, "funding": c.funding, "detail": _text(c.detail)} for c in d.cost_lines],
        "cost_model": d.cost_model, "rates": [{"item": r.item, "role": r.role, "amount": money(r.amount)} for r in d.rates],
        "status": d.status.value, "note": d.notes,
    }


def plan_json(plan: Plan, current: str | None = None, count: int | None = None) -> dict:
    out = {"id": plan.id, "title": _text(plan.title), "period": {"start": plan.period.start_year, "end": plan.period.end_year},
           "number": plan.number, "symbol": plan.symbol, "issued": _iso(plan.issued), "cost_model": plan.cost_model}
    if current is not None:
        out["current"] = plan.id == current
    if count is not None:
        out["delegations"] = count
    return out


def problem_json(p: Problem, seq: int | None) -> dict:
    return {"seq": seq, "field": p.field, "severity": p.severity, "message": describe(p), "code": p.message}


def _print(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def add_options(sub) -> None:
    """``--json`` on the reading commands (their parsers are built in ``cli``)."""
    helps = {"list": _("print the delegations as JSON: every field, dates in ISO"),
             "show": _("print the delegation as JSON: every field, dates in ISO"),
             "validate": _("print the problems as JSON: seq, field, severity and message of each"),
             "plans": _("print the plans as JSON")}
    for name, text in helps.items():
        sub.choices[name].add_argument("--json", action="store_true", help=text)


def cmd_list(planner, args) -> int:
    if not args.json:
        return cli_plan.cmd_list(planner, args)
    plan = planner.plan(args.plan)
    filters = Filters(direction=Direction(args.direction) if args.direction else None, partner=args.partner, year=args.year,
                      status=Status(args.status) if args.status else None, search=" ".join(args.search))
    dels = [delegation_json(d, plan) for d in planner.delegations(plan.id, filters)]
    _print({"plan": plan_json(plan), "count": len(dels), "delegations": dels})
    return 0


def cmd_show(planner, args) -> int:
    if not args.json:
        return cli_plan.cmd_show(planner, args)
    plan = planner.plan(args.plan)
    _print(delegation_json(planner.delegation(plan.id, args.seq), plan))
    return 0


def cmd_validate(planner, args) -> int:
    """The problems of the plan (``seq`` null) and of each delegation; a validator that
    failed is an error of its own (``field`` "plugin"). Exits as ``validate`` does."""
    if not args.json:
        return cli_plan.cmd_validate(planner, args)
    plan = planner.plan(args.plan)
    results = planner.validate_plan(plan.id)
    seqs = {d.id: d.seq for d in planner.repo.delegations(plan.id)}
    faults = [f.problem() for f in planner.validation_faults]
    rows: list[dict] = []
    for key, problems in results.items():
        seq = None if key == "plan" else seqs.get(key)
        rows += [problem_json(p, seq) for p in problems if p not in faults]
    rows += [problem_json(p, None) for p in faults]
    rows = list({json.dumps(r, sort_keys=True): r for r in rows}.values())  # two validators may find the same
    errors = sum(r["severity"] == "error" for r in rows)
    _print({"plan": plan.id, "errors": errors, "warnings": len(rows) - errors, "problems": rows})
    if errors:
        return EXIT_PLUGIN if planner.validation_faults else EXIT_PROBLEMS
    return 0


def cmd_plans(planner, args) -> int:
    if not args.json:
        return cli_plan.cmd_plans(planner, args)
    current = planner.plan().id
    _print([plan_json(p, current, len(planner.repo.facets(p.id))) for p in planner.plans()])
    return 0


COMMANDS = {"list": cmd_list, "show": cmd_show, "validate": cmd_validate, "plans": cmd_plans}
