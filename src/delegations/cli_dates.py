"""The commands about dates: ``due`` (what is due, overdue first), ``deadlines`` (the
rules and their sources; change one) and ``dates`` (the officer's own dates)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from . import deadline_settings as ds
from . import i18n
from .budget.cli import _date
from .domain.deadlines import select_due
from .errors import N_, UserError
from .i18n import _
from .terminal import safe


def _span(text: str) -> tuple[date, date]:
    first, _sep, last = text.partition("..")
    return _date(first), _date(last) if last else _date(first)


def add_parsers(sub) -> None:
    p = sub.add_parser("due", help=_("what is due (reports, applications, the yearly plan) with dates, overdue first"))
    p.add_argument("--all", dest="everything", action="store_true", help=_("everything, also what is met or far ahead"))
    p.add_argument("--within", type=int, default=30, metavar="DAYS", help=_("what falls within DAYS days (default 30)"))
    p.add_argument("--json", action="store_true", help=_("the same as JSON, for scripts"))
    p.add_argument("--today", type=_date, help=_("count from this day instead of today"))
    p.add_argument("--met", metavar="KEY", help=_("mark a deadline met (its key as due --json gives it)"))
    p.add_argument("--unmet", metavar="KEY", help=_("mark a deadline not met again"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))

    p = sub.add_parser("deadlines", help=_("the deadline rules with their sources; deadlines set CODE DAYS|MM-DD|off|on|default"))
    p.add_argument("action", nargs="?", choices=["list", "set"], default="list")
    p.add_argument("code", nargs="?", help=_("the rule's code"))
    p.add_argument("value", nargs="?", help=_("days, a yearly day as MM-DD, off, on, or default"))

    p = sub.add_parser("dates", help=_("your own dates to plan around: dates add DATE[..DATE] NAME, dates remove N"))
    p.add_argument("action", nargs="?", choices=["list", "add", "remove"], default="list")
    p.add_argument("when", nargs="?", help=_("the day, or first..last day: 2025-12-24..2025-12-26; remove: the number"))
    p.add_argument("name", nargs="?", help=_("what it is"))


def _when_text(rule) -> str:
    phrase, params = rule.describe_when()
    return _(phrase).format(**params)


def cmd_due(planner, args) -> int:
    today = args.today or date.today()
    if args.met or args.unmet:
        ds.mark_met(planner.repo, args.met or args.unmet, undo=bool(args.unmet))
        print(_("Marked {key}.").format(key=args.met or args.unmet))
        return 0
    if args.within < 0 or args.within > 3660:
        raise UserError(N_("--within takes a number of days from 0 to 3660."))
    plan = planner.plan(args.plan)
    met = ds.met(planner.repo)
    items = select_due(ds.plan_due(planner, plan, today), today, args.within, met, args.everything)
    lang = i18n.current_language()
    if args.json:
        rows = [{"key": i.key, "rule": i.rule.code, "what": i.rule.what.get(lang), "due": i.due.isoformat(),
                 "days_left": i.days_left(today), "overdue": i.due < today and i.key not in met, "met": i.key in met,
                 "seq": i.delegation.seq if i.delegation else None, "delegation": i.delegation.name.get(lang) if i.delegation else None,
                 "source": i.rule.source, "verified": i.rule.verified} for i in items]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not items:
        print(_("Nothing due within {n} days.").format(n=args.within))
        return 0
    for i in items:
        if i.key in met:
            state = _("met")
        elif i.due < today:
            state = i18n.ngettext("{n} day overdue", "{n} days overdue", -i.days_left(today)).format(n=-i.days_left(today))
        else:
            state = i18n.ngettext("in {n} day", "in {n} days", i.days_left(today)).format(n=i.days_left(today))
        whom = _("delegation {seq}").format(seq=i.delegation.seq) + " " + i.delegation.name.get(lang) if i.delegation else str(i.year)
        print(safe(f"{i.due.isoformat()}  {state:<16} {i.rule.what.get(lang)} — {whom}  [{i.key}]"))
    return 0


def cmd_deadlines(planner, args) -> int:
    lang = i18n.current_language()
    if args.action == "set":
        if not args.code or args.value is None:
            raise UserError(N_("Say which rule and what: deadlines set CODE DAYS|MM-DD|off|on|default."))
        rule = ds.set_rule(planner.repo, args.code, args.value)
        print(safe(f"{rule.code}: {_when_text(rule)}" + ("" if rule.enabled else " (" + _("off") + ")")))
        return 0
    for rule in ds.rules(planner.repo):
        mark = "" if rule.verified else " [" + _("not verified against Quảng Trị's own rules") + "]"
        off = "" if rule.enabled else " (" + _("off") + ")"
        print(safe(f"{rule.code}: {rule.what.get(lang)} — {_when_text(rule)}{off}"))
        print(safe("    " + _("source") + f": {rule.source}{mark}"))
    return 0


def cmd_dates(planner, args) -> int:
    if args.action == "add":
        if not args.when or not args.name:
            raise UserError(N_("Say when and what: dates add 2025-12-24..2025-12-26 \"Đại hội\"."))
        try:
            start, end = _span(args.when)
        except argparse.ArgumentTypeError as exc:
            raise UserError(N_("{problem}"), problem=str(exc)) from None
        ds.add_date(planner.repo, start, end, args.name)
    elif args.action == "remove":
        if not (args.when or "").isdigit():
            raise UserError(N_("Say which date to remove by its number: dates remove N."))
        ds.remove_date(planner.repo, int(args.when))
    dates = ds.own_dates(planner.repo)
    if not dates:
        print(_("No dates of your own yet: dates add DATE[..DATE] NAME."))
    for n, o in enumerate(dates, 1):
        span = o.start.isoformat() if o.start == o.end else f"{o.start.isoformat()}..{o.end.isoformat()}"
        print(safe(f"{n:>3}. {span}  {o.name.get()}"))
    return 0


COMMANDS = {"due": cmd_due, "deadlines": cmd_deadlines, "dates": cmd_dates}
WRITES = {"deadlines", "dates", "due"}
