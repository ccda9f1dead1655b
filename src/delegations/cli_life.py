"""The commands of a delegation's life: ``roster``, ``programme``, ``status`` and ``summary``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from . import i18n
from .budget.cli import _date
from .cli_types import year_arg
from .domain import ROLES, Approval, Outcome, Sex, Status, Text
from .errors import N_, UserError
from .i18n import _
from .terminal import safe


def _time(text: str) -> str:
    import re

    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", text):
        raise argparse.ArgumentTypeError(_("\"{value}\" is not a time of day; write it as 08:30.").format(value=text))
    return text


def add_parsers(sub) -> None:
    p = sub.add_parser("roster", help=_("a delegation's members: roster SEQ, roster SEQ add NAME …, roster SEQ import FILE [--replace]"),
                       description=_("roster SEQ import FILE adds the people of a .csv or .xlsx file to the roster; with --replace "
                                     "they replace it. A file with unknown columns or a faulty row is refused; nothing is written then."))
    p.add_argument("seq", type=int, help=_("the delegation's number (TT)"))
    p.add_argument("action", nargs="?", choices=["list", "add", "import", "remove"], default="list")
    p.add_argument("value", nargs="?", help=_("the name (add), the .csv or .xlsx file (import), the person's number (remove)"))
    p.add_argument("--position", default="", help=_("position and organisation"))
    p.add_argument("--sex", choices=[s.value for s in Sex])
    p.add_argument("--born", type=_date, help=_("date of birth, 1/5/1970"))
    p.add_argument("--passport", default="", help=_("passport number"))
    p.add_argument("--expires", type=_date, help=_("passport expiry date"))
    p.add_argument("--lao-name", dest="lao_name", default="", help=_("the name in Lao script"))
    p.add_argument("--role", choices=ROLES, default="member")
    p.add_argument("--replace", action="store_true", help=_("import: replace the roster instead of adding to it"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))

    p = sub.add_parser("programme", help=_("a delegation's programme: programme SEQ, programme SEQ add DATE ACTIVITY"))
    p.add_argument("seq", type=int, help=_("the delegation's number (TT)"))
    p.add_argument("action", nargs="?", choices=["list", "add"], default="list")
    p.add_argument("day", nargs="?", type=_date, help=_("the day, 16/9/2021"))
    p.add_argument("activity", nargs="?", help=_("the activity, in Vietnamese"))
    p.add_argument("--time", type=_time, help=_("time of day, HH:MM"))
    p.add_argument("--place", default="", help=_("the place, in Vietnamese"))
    p.add_argument("--lo", default="", help=_("the activity in Lao"))
    p.add_argument("--place-lo", dest="place_lo", default="", help=_("the place in Lao"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))

    p = sub.add_parser("status", help=_("show a delegation's status and history, or change it: status SEQ proposed|approved|done|cancelled"))
    p.add_argument("seq", type=int, help=_("the delegation's number (TT)"))
    p.add_argument("new", nargs="?", choices=[s.value for s in Status])
    p.add_argument("--on", type=_date, help=_("the day of the change (default: today)"))
    p.add_argument("--number", default="", help=_("approved: the decision's number, e.g. 125/QĐ-LĐLĐ"))
    p.add_argument("--date", dest="issued", type=_date, help=_("approved: the decision's date"))
    p.add_argument("--body", default="", help=_("approved: the approving body"))
    p.add_argument("--from", dest="start", type=_date, help=_("done: the first day of the visit"))
    p.add_argument("--to", dest="end", type=_date, help=_("done: the last day of the visit"))
    p.add_argument("--members", type=int, help=_("done: how many went"))
    p.add_argument("--cost", action="append", default=[], metavar="ITEM=AMOUNT",
                   help=_("done: what a cost item really cost, e.g. lodging=12000000 (repeat)"))
    p.add_argument("--currency", default="VND")
    p.add_argument("--results", default="", help=_("done: the results in a few lines"))
    p.add_argument("--reason", default="", help=_("cancelled: why"))
    p.add_argument("--correct", action="store_true",
                   help=_("correct the facts of the present status (a decision's number, the actual dates…) instead of a new step"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))

    p = sub.add_parser("text", help=_("the officer's own text of a delegation's document: text SEQ KIND [TEXT] [--in LANG]"))
    p.add_argument("seq", type=int, help=_("the delegation's number (TT)"))
    p.add_argument("kind", choices=["proposal", "decision", "invitation", "programme", "roster", "report"])
    p.add_argument("text", nargs="?", help=_("the new text of the document's main paragraph (\"\" returns to the default)"))
    p.add_argument("--in", dest="text_lang", default="vi", help=_("the language of the text: vi, lo or en (default: vi)"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))

    p = sub.add_parser("summary", help=_("the year in numbers: delegations and people in and out, by partner, planned and done"))
    p.add_argument("--year", type=year_arg, help=_("one year (default: every year of the current plan, one table each)"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))
    p.add_argument("--currency", default="VND")


def _report(problems) -> None:
    from .cli import _print_problems

    _print_problems(problems)


def _person_line(w, n: int, p) -> str:
    parts = [f"{n:>2}. {p.name}"]
    if p.lao_name:
        parts.append(p.lao_name)
    if p.position:
        parts.append(p.position.get(w.lang))
    parts.append(w.role(p.role))
    if p.born:
        parts.append(_("born {date}").format(date=p.born.strftime("%d/%m/%Y")))
    if p.passport:
        expiry = p.passport_expires.strftime("%d/%m/%Y") if p.passport_expires else "?"
        parts.append(_("passport {number} until {date}").format(number=p.passport, date=expiry))
    return " · ".join(parts)


def cmd_roster(planner, args) -> int:
    from . import lifecycle

    plan = planner.plan(args.plan)
    d = planner.delegation(plan.id, args.seq)
    w = planner.wording(i18n.current_language())
    if args.action == "add":
        if not args.value:
            raise UserError(N_("Say the person's name: roster SEQ add NAME --position …"))
        person = lifecycle.person(args.value, args.position, sex=Sex(args.sex) if args.sex else None, born=args.born,
                                  passport=args.passport, expires=args.expires, lao_name=args.lao_name, role=args.role)
        d, problems = lifecycle.add_person(planner, d, person)
        _report(problems)
    elif args.action == "import":
        from .roster_files import read_roster

        if not args.value:
            raise UserError(N_("Say the file: roster SEQ import FILE.csv"))
        d, problems = lifecycle.import_roster(planner, d, read_roster(Path(args.value)), replace=args.replace)
        _report(problems)
    elif args.action == "remove":
        if not (args.value or "").isdigit():
            raise UserError(N_("Say the person's number in the roster: roster SEQ remove N"))
        d, problems = lifecycle.remove_person(planner, d, int(args.value))
        _report(problems)
    else:
        _report([p for p in planner.check(d) if p.field == "roster"])
    print(safe(_("{name}: {n} members").format(name=d.name.get(w.lang), n=d.members)))
    for n, p in enumerate(d.roster, 1):
        print(safe(_person_line(w, n, p)))
    return 0


def cmd_programme(planner, args) -> int:
    from . import lifecycle
    from .domain import ProgrammeItem

    plan = planner.plan(args.plan)
    d = planner.delegation(plan.id, args.seq)
    w = planner.wording(i18n.current_language())
    if args.action == "add":
        if args.day is None or not args.activity:
            raise UserError(N_("Say the day and the activity: programme SEQ add 2026-11-23 \"Làm việc với …\""))
        item = ProgrammeItem(args.day, Text.of(vi=args.activity, lo=args.lo), args.time or "", Text.of(vi=args.place, lo=args.place_lo))
        d, problems = lifecycle.add_programme_item(planner, d, item)
        _report(problems)
    for item in d.programme:
        place = item.place.get(w.lang)
        print(safe(f"{item.day.strftime('%d/%m/%Y')} {item.time or '     '}  {item.activity.get(w.lang)}" + (f" ({place})" if place else "")))
    if not d.programme:
        print(_("No programme yet."))
    return 0


def cmd_status(planner, args) -> int:
    from . import lifecycle

    plan = planner.plan(args.plan)
    d = planner.delegation(plan.id, args.seq)
    w = planner.wording(i18n.current_language())
    if args.new:
        new = Status(args.new)
        facts = lifecycle.StatusFacts(reason=args.reason)
        if new is Status.APPROVED and args.number:
            facts = lifecycle.StatusFacts(approval=Approval(args.number, args.issued or args.on or date.today(), Text.of(args.body)))
        elif new is Status.DONE and args.start and args.end and args.members is not None:
            costs, known = [], lifecycle.cost_item_codes(planner)
            for spec in args.cost:
                item, sep, amount = spec.partition("=")
                if not sep or not item.strip():
                    raise UserError(N_("Write a cost as ITEM=AMOUNT, e.g. lodging=12000000 (got \"{value}\")."), value=spec)
                costs.append(lifecycle.actual_cost(item.strip(), amount, args.currency, known))
            facts = lifecycle.StatusFacts(outcome=Outcome(args.start, args.end, args.members, tuple(costs), Text.of(args.results)))
        d, problems = lifecycle.change_status(planner, d, new, args.on or date.today(), facts, correct=args.correct)
        _report(problems)
    print(safe(f"{d.name.get(w.lang)}: {w.status(d.status)}"))
    if d.approval:
        print(safe(_("Approved by {body}, decision {number} of {date}").format(
            body=d.approval.body.get(w.lang) or "-", number=d.approval.number, date=d.approval.issued.strftime("%d/%m/%Y"))))
    if d.outcome:
        o = d.outcome
        print(safe(_("Went {start} to {end}, {n} members").format(start=o.start.strftime("%d/%m/%Y"), end=o.end.strftime("%d/%m/%Y"), n=o.members)))
    if d.cancel_reason:
        print(safe(_("Cancelled: {reason}").format(reason=d.cancel_reason)))
    for h in d.history:
        print(safe(f"  {h.on.strftime('%d/%m/%Y')}  {w.status(Status(h.status))}" + (f"  {h.note}" if h.note else "")))
    return 0


def cmd_summary(planner, args) -> int:
    """The year's figures, one row per partner under each direction; fits 80 columns.
    Without --year, one table for each year of the current plan, said first."""
    from . import lifecycle

    if args.year is not None:
        years = [args.year]
    else:
        plan = planner.plan(args.plan)
        years = list(range(plan.period.start_year, plan.period.end_year + 1))
        print(safe(_("The years of the plan {plan}: {first}-{last} (--year for one year).").format(
            plan=plan.id, first=years[0], last=years[-1])))
    for year in years:
        _summary_table(planner, lifecycle.summary(planner, year, args.currency.upper()))
    return 0


def _summary_table(planner, s) -> None:
    """One year's table (``lifecycle.Summary``)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text as Plain

    from .domain import Direction
    from .i18n.formatting import format_money

    w = planner.wording(i18n.current_language())
    table = Table(box=box.SIMPLE_HEAD, title=_("The year {year} in numbers").format(year=s.year), pad_edge=False,
                  caption=_("Delegations: planned / done / cancelled. People: planned / went."))
    table.add_column(_("Partner"), overflow="fold", ratio=2)
    for col in (_("Delegations"), _("People"), _("Estimated"), _("Spent")):
        table.add_column(col, justify="right", overflow="fold", ratio=1)

    def money(m):
        return format_money(m, w.lang) if m is not None else "-"

    def add(label, r, bold=False):
        cells = (label, f"{r.planned} / {r.done} / {r.cancelled}", f"{r.people_planned} / {r.people_actual}", money(r.estimated), money(r.spent))
        table.add_row(*(Plain(safe(str(c)), style="bold" if bold else "") for c in cells))

    for direction in Direction:
        rows = [r for r in s.rows if r.direction is direction]
        if not rows:
            continue
        add(w.direction(direction), s.total(direction), bold=True)
        for r in rows:
            add("  " + w.org_short(r.partner), r)
    if s.rows:
        add(_("Total"), s.total(), bold=True)
    Console().print(table)
    if not s.rows:
        print(_("No delegations in {year}.").format(year=s.year))


def cmd_text(planner, args) -> int:
    """Show or set the main paragraph of a document, per language; it is stored with the delegation."""
    from . import lifecycle

    plan = planner.plan(args.plan)
    d = planner.delegation(plan.id, args.seq)
    if args.text is not None:
        if args.text_lang not in planner.registry.locales:
            raise UserError(N_("Unknown document language \"{lang}\". Available: {available}."), lang=args.text_lang,
                            available=", ".join(sorted(planner.registry.locales)))
        d, problems = lifecycle.set_document_text(planner, d, args.kind, args.text_lang, args.text)
        _report(problems)
    own = d.text_for(args.kind)
    if not own:
        print(_("The document uses its default text."))
    for lang, value in own.versions:
        print(safe(f"[{lang}] {value}", newlines=True))
    return 0


COMMANDS = {"text": cmd_text, "roster": cmd_roster, "programme": cmd_programme, "status": cmd_status, "summary": cmd_summary}
WRITES = {"roster", "programme", "status", "text"}
