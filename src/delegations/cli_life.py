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
from .cli_roster_values import edited_person as _edited_person, position as _position
from .terminal import safe


def _time(text: str) -> str:
    import re

    if text and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", text):
        raise argparse.ArgumentTypeError(_("\"{value}\" is not a time of day; write it as 08:30.").format(value=text))
    return text


def _translated(p, option: str, help_vi: str) -> None:
    """*option* in Vietnamese, and ``-lo``, ``-en`` for the same in Lao and English (as ``add``'s texts)."""
    dest = option.lstrip("-")
    p.add_argument(option, dest=dest, default="", help=help_vi)
    for lang, same in (("lo", _("the same in Lao")), ("en", _("the same in English"))):
        p.add_argument(f"{option}-{lang}", dest=f"{dest}_{lang}", help=same)


def _text_of(args, dest: str, old: Text | None = None) -> Text:
    """The text given as ``--DEST`` (Vietnamese), ``--DEST-lo`` and ``--DEST-en``; with *old*
    (a correction), the languages not given keep what they were."""
    given = {lang: getattr(args, key) for lang, key in (("vi", dest), ("lo", f"{dest}_lo"), ("en", f"{dest}_en"))
             if getattr(args, key)}
    return old.edited(given) if old else Text.of(given)


def add_parsers(sub) -> None:
    p = sub.add_parser("roster", help=_("a delegation's members: roster SEQ, roster SEQ add NAME …, roster SEQ edit N …, roster SEQ import FILE [--replace]"),
                       description=_("roster SEQ import FILE adds the people of a .csv or .xlsx file to the roster; with --replace "
                                     "they replace it. A file with unknown columns or a faulty row is refused; nothing is written then. "
                                     "roster SEQ edit N [NAME] changes only what is given of the N-th person (\"\" empties a text)."))
    p.add_argument("seq", type=int, help=_("the delegation's number (TT)"))
    p.add_argument("action", nargs="?", choices=["list", "add", "edit", "import", "remove"], default="list")
    p.add_argument("value", nargs="?", help=_("the name (add), the .csv or .xlsx file (import), the person's number (edit, remove)"))
    p.add_argument("name", nargs="?", help=_("edit: the person's new name"))
    p.add_argument("--position", help=_("position and organisation"))
    p.add_argument("--position-lo", dest="position_lo", help=_("the position and organisation in Lao"))
    p.add_argument("--position-en", dest="position_en", help=_("the position and organisation in English"))
    p.add_argument("--sex", choices=[s.value for s in Sex])
    p.add_argument("--born", type=_date, help=_("date of birth, 1/5/1970"))
    p.add_argument("--passport", help=_("passport number"))
    p.add_argument("--expires", type=_date, help=_("passport expiry date"))
    p.add_argument("--lao-name", dest="lao_name", help=_("the name in Lao script"))
    p.add_argument("--role", choices=ROLES, help=_("the role (add: member unless given)"))
    p.add_argument("--replace", action="store_true", help=_("import: replace the roster instead of adding to it"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))

    p = sub.add_parser("programme", help=_("a delegation's programme: programme SEQ, programme SEQ add DATE ACTIVITY, "
                                           "programme SEQ edit N …, programme SEQ remove N"),
                       description=_("programme SEQ edit N [DATE [ACTIVITY]] changes only what is given of the N-th item "
                                     "(\"\" empties the time or a place)."))
    p.add_argument("seq", type=int, help=_("the delegation's number (TT)"))
    p.add_argument("action", nargs="?", choices=["list", "add", "edit", "remove"], default="list")
    p.add_argument("values", nargs="*", help=_("add: the day (16/9/2021) and the activity in Vietnamese; edit: the item's number, "
                                               "then the new day and activity if they change; remove: the item's number"))
    p.add_argument("--day", type=_date, help=_("edit: the new day"))
    p.add_argument("--activity", help=_("edit: the new activity, in Vietnamese"))
    p.add_argument("--time", type=_time, help=_("time of day, HH:MM"))
    p.add_argument("--place", help=_("the place, in Vietnamese"))
    p.add_argument("--activity-lo", "--lo", dest="lo", help=_("the activity in Lao"))
    p.add_argument("--place-lo", dest="place_lo", help=_("the place in Lao"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))

    p = sub.add_parser("status", help=_("show a delegation's status and history, or change it: status SEQ proposed|approved|done|cancelled"))
    p.add_argument("seq", type=int, help=_("the delegation's number (TT)"))
    p.add_argument("new", nargs="?", choices=[s.value for s in Status])
    p.add_argument("--on", type=_date, help=_("the day of the change (default: today)"))
    p.add_argument("--number", default="", help=_("approved: the decision's number, e.g. 125/QĐ-LĐLĐ"))
    p.add_argument("--date", dest="issued", type=_date, help=_("approved: the decision's date"))
    _translated(p, "--body", _("approved: the approving body"))
    p.add_argument("--from", dest="start", type=_date, help=_("done: the first day of the visit"))
    p.add_argument("--to", dest="end", type=_date, help=_("done: the last day of the visit"))
    p.add_argument("--members", type=int, help=_("done: how many went"))
    p.add_argument("--cost", action="append", default=[], metavar="ITEM=AMOUNT",
                   help=_("done: what a cost item really cost, e.g. lodging=12000000 (repeat)"))
    p.add_argument("--currency", default="VND")
    _translated(p, "--results", _("done: the results in a few lines"))
    _translated(p, "--reason", _("cancelled: why"))
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


def _report(problems, earlier=()) -> None:
    """The problems a change brought: those the delegation already had before it (*earlier*,
    a holiday in its dates, say) were said when they arose and are not repeated."""
    from .cli import _print_problems

    _print_problems([p for p in problems if p not in earlier])


def _person_line(w, n: int, p) -> str:
    parts = [f"{n:>2}. {p.name}"]
    if p.lao_name:
        parts.append(p.lao_name)
    if p.position:
        parts.append(p.position.get(w.lang))
    parts.append(w.role(p.role))
    if p.sex:
        parts.append(_("Male") if p.sex is Sex.MALE else _("Female"))
    if p.born:
        parts.append(_("born {date}").format(date=p.born.strftime("%d/%m/%Y")))
    if p.passport:
        expiry = p.passport_expires.strftime("%d/%m/%Y") if p.passport_expires else "?"
        parts.append(_("passport {number} until {date}").format(number=p.passport, date=expiry))
    return " · ".join(parts)


def _number(text: str | None, message: str) -> int:
    """A person's or an item's number as typed (1, 2, …)."""
    if not (text or "").isdigit():
        raise UserError(message)
    return int(text)


def cmd_roster(planner, args) -> int:
    from . import lifecycle

    plan = planner.plan(args.plan)
    d = planner.delegation(plan.id, args.seq)
    w = planner.wording(i18n.current_language())
    earlier = planner.check(d) if args.action != "list" else ()
    if args.action == "add":
        if not args.value:
            raise UserError(N_("Say the person's name: roster SEQ add NAME --position …"))
        person = lifecycle.person(args.value, _position(args) or "", sex=Sex(args.sex) if args.sex else None, born=args.born,
                                  passport=args.passport or "", expires=args.expires, lao_name=args.lao_name or "",
                                  role=args.role or "member")
        d, problems = lifecycle.add_person(planner, d, person)
        _report(problems, earlier)
    elif args.action == "import":
        from .roster_files import read_roster

        if not args.value:
            raise UserError(N_("Say the file: roster SEQ import FILE.csv"))
        d, problems = lifecycle.import_roster(planner, d, read_roster(Path(args.value)), replace=args.replace)
        _report(problems, earlier)
    elif args.action == "edit":
        n = _number(args.value, N_("Say the person's number in the roster: roster SEQ edit N --position …"))
        if not 1 <= n <= len(d.roster):
            raise UserError(N_("There is no person {n} in the roster (it has {count})."), n=n, count=len(d.roster))
        d, problems = lifecycle.edit_person(planner, d, n, _edited_person(d.roster[n - 1], args))
        _report(problems, earlier)
    elif args.action == "remove":
        n = _number(args.value, N_("Say the person's number in the roster: roster SEQ remove N"))
        d, problems = lifecycle.remove_person(planner, d, n)
        _report(problems, earlier)
    else:
        _report([p for p in planner.check(d) if p.field == "roster"])
    if d.roster and len(d.roster) != d.members:
        print(safe(_("{name}: {n} people in the roster; the plan gives the delegation {planned}").format(
            name=d.name.get(w.lang), n=len(d.roster), planned=d.members)))
    else:
        print(safe(_("{name}: {n} members").format(name=d.name.get(w.lang), n=d.members)))
    for n, p in enumerate(d.roster, 1):
        print(safe(_person_line(w, n, p)))
    return 0


def _day(text: str):
    """A day typed after the action (16/9/2021 or 2021-09-16), in the year bounds of ``date_arg``."""
    from .cli_types import date_arg

    try:
        return date_arg(text)
    except argparse.ArgumentTypeError as exc:
        raise UserError(N_("{problem}"), problem=str(exc)) from None


def _edited_item(old, args, values: list[str]):
    """*old* with what the command gives (the day and activity typed after N, or --day, --activity)."""
    from dataclasses import replace

    day = _day(values[0]) if values else args.day
    activity = values[1] if len(values) > 1 else args.activity
    versions, places = old.activity.as_dict(), old.place.as_dict()
    if activity is not None:
        versions["vi"] = activity.strip()
    if args.lo is not None:
        versions["lo"] = args.lo.strip()
    if args.place is not None:
        places["vi"] = args.place.strip()
    if args.place_lo is not None:
        places["lo"] = args.place_lo.strip()
    if day is None and args.time is None and (versions, places) == (old.activity.as_dict(), old.place.as_dict()):
        raise UserError(N_("Say what changes: programme SEQ edit N [DATE [ACTIVITY]] --time … --place … --lo … --place-lo …"))
    return replace(old, day=day or old.day, time=old.time if args.time is None else args.time,
                   activity=Text.of(versions), place=Text.of(places))


def cmd_programme(planner, args) -> int:
    from . import lifecycle
    from .domain import ProgrammeItem

    plan = planner.plan(args.plan)
    d = planner.delegation(plan.id, args.seq)
    w = planner.wording(i18n.current_language())
    values = list(args.values)
    earlier = planner.check(d) if args.action != "list" else ()
    if args.action == "add":
        if len(values) != 2 or not values[1].strip():
            raise UserError(N_("Say the day and the activity: programme SEQ add 2026-11-23 \"Làm việc với …\""))
        item = ProgrammeItem(_day(values[0]), Text.of(vi=values[1].strip(), lo=(args.lo or "").strip()), args.time or "",
                             Text.of(vi=(args.place or "").strip(), lo=(args.place_lo or "").strip()))
        d, problems = lifecycle.add_programme_item(planner, d, item)
        _report(problems, earlier)
    elif args.action in ("edit", "remove"):
        example = N_("Say the item's number in the programme: programme SEQ remove N") if args.action == "remove" else \
            N_("Say the item's number in the programme: programme SEQ edit N [DATE [ACTIVITY]] --time …")
        n = _number(values[0] if values else None, example)
        if not 1 <= n <= len(d.programme):
            raise UserError(N_("There is no item {n} in the programme (it has {count})."), n=n, count=len(d.programme))
        if args.action == "remove":
            if len(values) > 1:
                raise UserError(example)
            d, problems = lifecycle.remove_programme_item(planner, d, n)
        else:
            d, problems = lifecycle.edit_programme_item(planner, d, n, _edited_item(d.programme[n - 1], args, values[1:3]))
        _report(problems, earlier)
    elif values:
        raise UserError(N_("Say what to do with the programme: programme SEQ add|edit|remove …"))
    for n, item in enumerate(d.programme, 1):
        place = item.place.get(w.lang)
        print(safe(f"{n:>2}. {item.day.strftime('%d/%m/%Y')} {item.time or '     '}  {item.activity.get(w.lang)}" + (f" ({place})" if place else "")))
    if not d.programme:
        print(_("No programme yet."))
    return 0


def cmd_status(planner, args) -> int:
    from . import lifecycle

    plan = planner.plan(args.plan)
    d = planner.delegation(plan.id, args.seq)
    w = planner.wording(i18n.current_language())
    if args.new:
        earlier = planner.check(d)
        new = Status(args.new)
        correcting = args.correct
        facts = lifecycle.StatusFacts(reason=_text_of(args, "reason", d.cancel_reason if correcting else None))
        if new is Status.APPROVED and args.number:
            body = _text_of(args, "body", d.approval.body if correcting and d.approval else None)
            facts = lifecycle.StatusFacts(approval=Approval(args.number, args.issued or args.on or date.today(), body))
        elif new is Status.DONE and args.start and args.end and args.members is not None:
            costs, known = [], lifecycle.cost_item_codes(planner)
            for spec in args.cost:
                item, sep, amount = spec.partition("=")
                if not sep or not item.strip():
                    raise UserError(N_("Write a cost as ITEM=AMOUNT, e.g. lodging=12000000 (got \"{value}\")."), value=spec)
                costs.append(lifecycle.actual_cost(item.strip(), amount, args.currency, known))
            results = _text_of(args, "results", d.outcome.results if correcting and d.outcome else None)
            facts = lifecycle.StatusFacts(outcome=Outcome(args.start, args.end, args.members, tuple(costs), results))
        d, problems = lifecycle.change_status(planner, d, new, args.on or date.today(), facts, correct=args.correct)
        _report(problems, earlier)
    print(safe(f"{d.name.get(w.lang)}: {w.status(d.status)}"))
    if d.approval:
        print(safe(_("Approved by {body}, decision {number} of {date}").format(
            body=d.approval.body.get(w.lang) or "-", number=d.approval.number, date=d.approval.issued.strftime("%d/%m/%Y"))))
    if d.outcome:
        o = d.outcome
        print(safe(_("Went {start} to {end}, {n} members").format(start=o.start.strftime("%d/%m/%Y"), end=o.end.strftime("%d/%m/%Y"), n=o.members)))
        from .budget.view import RATE_ITEMS
        from .i18n.formatting import format_money

        for c in o.costs:
            print(safe(f"  {_(RATE_ITEMS[c.item]) if c.item in RATE_ITEMS else c.item}: {format_money(c.amount, w.lang)}"))
        if o.results:
            print(safe(_("Results: {results}").format(results=o.results.get(w.lang)), newlines=True))
    said = ""
    if d.cancel_reason:  # said once: the cancellation's line in the history does not repeat it
        said = d.cancel_reason.get("vi")
        print(safe(_("Reason for cancelling: {reason}").format(reason=d.cancel_reason.get(w.lang))))
    for h in d.history:
        note = "" if h.status == Status.CANCELLED.value and h.note == said else h.note
        print(safe(f"  {h.on.strftime('%d/%m/%Y')}  {w.status(Status(h.status))}" + (f"  {note}" if note else "")))
    return 0


def cmd_summary(planner, args) -> int:
    """The year's figures, one row per partner under each direction; fits 80 columns.
    Without --year, one table for each year of the current plan, said first."""
    from . import lifecycle

    plan = planner.plan(args.plan)
    if args.year is not None:
        years = [args.year]
    else:
        years = list(range(plan.period.start_year, plan.period.end_year + 1))
        print(safe(_("The years of the plan {plan}: {first}-{last} (--year for one year).").format(
            plan=plan.id, first=years[0], last=years[-1])))
    for year in years:
        _summary_table(planner, lifecycle.summary(planner, year, args.currency.upper(), plan.id))
    return 0


def _summary_table(planner, s) -> None:
    """One year's table (``lifecycle.Summary``)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text as Plain

    from .domain import Direction
    from .i18n.formatting import format_money

    if not s.rows:   # one line, not an empty table
        print(_("No delegations in {year}.").format(year=s.year))
        return
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
    add(_("Total"), s.total(), bold=True)
    Console().print(table)


def cmd_text(planner, args) -> int:
    """Show or set the main paragraph of a document, per language; it is stored with the delegation."""
    from . import lifecycle

    plan = planner.plan(args.plan)
    d = planner.delegation(plan.id, args.seq)
    if args.text is not None:
        earlier = planner.check(d)
        if args.text_lang not in planner.registry.locales:
            raise UserError(N_("Unknown document language \"{lang}\". Available: {available}."), lang=args.text_lang,
                            available=", ".join(sorted(planner.registry.locales)))
        d, problems = lifecycle.set_document_text(planner, d, args.kind, args.text_lang, args.text)
        _report(problems, earlier)
    own = d.text_for(args.kind)
    if not own:
        print(_("The document uses its default text."))
    for lang, value in own.versions:
        print(safe(f"[{lang}] {value}", newlines=True))
    return 0


COMMANDS = {"text": cmd_text, "roster": cmd_roster, "programme": cmd_programme, "status": cmd_status, "summary": cmd_summary}
WRITES = {"roster", "programme", "status", "text"}
