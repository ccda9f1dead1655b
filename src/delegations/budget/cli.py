"""The budget commands: ``budget``, ``rates``, ``fx`` and ``rate``."""

from __future__ import annotations

from datetime import date

from .. import i18n
from .view import BudgetView
from ..errors import N_, UserError
from ..i18n import _
from ..terminal import safe


def _date(text: str) -> date:
    from ..cli_types import date_arg

    return date_arg(text)


def add_parsers(sub, filters) -> None:
    p = sub.add_parser("budget", help=_("the plan's budget: per delegation, year, paying organisation and funding source"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))
    p.add_argument("--model", help=_("cost model for every delegation (default: each delegation's own)"))
    p.add_argument("--currency", default="VND", help=_("currency of the totals (default: VND)"))
    p.add_argument("--date", type=_date, help=_("price the delegations not yet approved with the rates in force on this date "
                                                "(default: the plan's date, else today); an approved one by its approval date"))
    p.add_argument("--lines", action="store_true", help=_("also list every budget line"))
    p.add_argument("--json", action="store_true", help=_("print the budget as JSON for scripts: estimate, actual and difference"))

    p = sub.add_parser("rates", help=_("list the rate tables, fill in one row (rates set TABLE ITEM AMOUNT) or lower it by "
                                       "the province's cap (rates cap TABLE ITEM AMOUNT --source DECISION)"))
    p.add_argument("action", nargs="?", choices=["list", "set", "cap"], default="list")
    p.add_argument("table", nargs="?")
    p.add_argument("item", nargs="?")
    p.add_argument("amount", nargs="?")
    p.add_argument("--role", default="all", help=_("leader, deputy, member or all (default: all)"))
    p.add_argument("--source", default="", help=_("with cap: the province's decision setting the lower cap"))

    p = sub.add_parser("fx", help=_("enter an exchange rate: fx USD VND 25400 --date 2026-11-01"))
    p.add_argument("source", nargs="?")
    p.add_argument("target", nargs="?")
    p.add_argument("rate", nargs="?")
    p.add_argument("--date", type=_date, default=None, help=_("the day of the rate (default: today)"))

    p = sub.add_parser("model", help=_("choose the cost model of the plan, or of one delegation with --seq"))
    p.add_argument("code", help=_("the cost model, e.g. reciprocal or norms"))
    p.add_argument("--plan")
    p.add_argument("--seq", type=int, help=_("the delegation's number (TT); its payers are filled in again from the model"))

    p = sub.add_parser("guest-class", help=_("show or confirm the guest class of a delegation received at home: "
                                             "guest-class SEQ [A|B|C|other]"))
    p.add_argument("seq", type=int)
    p.add_argument("guest_class", nargs="?", metavar="CLASS")
    p.add_argument("--plan")

    p = sub.add_parser("rate", help=_("set a delegation's own unit rate: rate SEQ ITEM AMOUNT CURRENCY"))
    p.add_argument("seq", type=int)
    p.add_argument("item")
    p.add_argument("amount", nargs="?")
    p.add_argument("currency", nargs="?", default="VND")
    p.add_argument("--role", default="all", help=_("leader, member or all (default: all)"))
    p.add_argument("--plan")
    p.add_argument("--clear", action="store_true", help=_("remove the delegation's own rate"))

    p = sub.add_parser("translation", help=_("show or set the pages of documents translated for a delegation, "
                                             "priced per page: translation SEQ [PAGES]"))
    p.add_argument("seq", type=int)
    p.add_argument("pages", nargs="?", type=int)
    p.add_argument("--plan")


def _print_rows(title: str, rows, total: str | None = None, total_label: str = "") -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from rich.text import Text as Plain

    table = Table(box=box.SIMPLE_HEAD, title=Plain(safe(title)), title_justify="left", pad_edge=False)
    table.add_column("")
    table.add_column(_("Amount"), justify="right")
    for label, value in rows:
        table.add_row(Plain(safe(label)), Plain(safe(value)))
    if total is not None:
        label = Plain(safe(total_label or _("Total")), style="bold")
        table.add_row(label, Plain(safe(total), style="bold"))
    Console().print(table)


def _print_compared(section) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text as Plain

    table = Table(box=box.SIMPLE_HEAD, title=Plain(safe(section.title)), title_justify="left", pad_edge=False)
    table.add_column("")
    from .view import COMPARED_HEADS

    for head in COMPARED_HEADS:
        table.add_column(_(head), justify="right", overflow="fold")
    for row in section.rows:
        table.add_row(*(Plain(safe(c)) for c in row))
    Console().print(table)


def cmd_budget(planner, args) -> int:
    report = planner.budgeting.report(args.plan, model=args.model, currency=args.currency, on=args.date)
    view = BudgetView(report, planner.wording(i18n.current_language()))
    import sys

    for note in view.exchange_notes():   # printed with what can be priced (exit 0), and said on stderr
        print(safe(_("Warning: {message}").format(message=note)), file=sys.stderr)
    if args.json:
        import json

        # the notes as the screen shows them (what is not verified, not approved, not priced)
        print(json.dumps({**report.as_dict(), "notes": view.notes()}, ensure_ascii=False, indent=2))
        return 0
    print(safe(view.heading()))
    if args.lines:
        from rich import box
        from rich.console import Console
        from rich.table import Table

        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        for col, justify in ((_("No."), "right"), (_("Item"), "left"), (_("Quantity"), "right"), (_("Rate"), "right"),
                             (_("Amount"), "right"), (_("Paid by"), "left")):
            table.add_column(col, justify=justify)
        from rich.text import Text as Plain

        for row in view.lines():
            table.add_row(*(Plain(safe(c)) for c in row))
        Console().print(table)
    for section in view.sections():
        _print_rows(section.title, section.rows, section.total, section.total_label)
    for section in view.comparisons():
        _print_compared(section)
    for note in view.notes():
        print(safe(note))
    return 0


def cmd_rates(planner, args) -> int:
    budgeting = planner.budgeting
    if args.action == "set":
        if not (args.table and args.item and args.amount):
            raise UserError(N_("Write: delegations rates set TABLE ITEM AMOUNT [--role leader|member|all]."))
    if args.action == "cap" and not (args.table and args.item and args.amount):
        raise UserError(N_("Write: delegations rates cap TABLE ITEM AMOUNT --source DECISION [--role leader|member|all]."))
    if args.action in ("set", "cap"):  # the row as rates lists it ("lodging/leader") or ITEM --role; the changed line printed
        from ..cli_rates import changed_line, split_row

        item, role = split_row(args.item, args.role)
        before = budgeting.table(args.table)
        after = budgeting.set_table_rate(args.table, item, role, args.amount) if args.action == "set" else \
            budgeting.set_provincial_cap(args.table, item, role, args.amount, args.source)
        print(safe(changed_line(before, after, item, role)))
        return 0
    from .units import unit_label

    lang = i18n.current_language()
    for table in budgeting.tables().values():
        if args.table and table.code != args.table:
            continue
        valid = f"{table.valid_from or '…'} – {table.valid_to or '…'}"
        flag = "" if table.verified else "  [" + _("not verified against the official text") + "]"
        print(f"{table.code}  ({table.direction}, {table.currency}, {valid}){flag}")
        print(f"    {table.label.get(lang)}")
        print(f"    {table.source}")
        for r in table.rates:
            amount = str(r.amount.amount) if r.amount else "—"
            kind = _("cap") if r.cap else _("estimate")
            capped = f"  ({r.capped_by})" if r.capped_by else ""
            print(f"    {r.item + '/' + r.role:<22} {amount:>12} {table.currency}  {_(unit_label(r)):<22} {kind}{capped}")
    return 0


def cmd_fx(planner, args) -> int:
    budgeting = planner.budgeting
    if args.source or args.target or args.rate:
        if not (args.source and args.target and args.rate):
            raise UserError(N_("Write: delegations fx SOURCE TARGET RATE [--date YYYY-MM-DD], e.g. fx USD VND 25400."))
        budgeting.set_exchange_rate(args.source, args.target, args.rate, args.date or date.today())
    for r in sorted(budgeting.exchange_rates(), key=lambda r: (r.source, r.target, r.day)):
        print(f"{r.day}  1 {r.source} = {r.rate} {r.target}")
    return 0


def cmd_rate(planner, args) -> int:
    from .service import check_currency, parse_amount
    from ..domain import RateOverride

    from ..lifecycle import cost_item_codes

    plan = planner.plan(args.plan)
    d = planner.delegation(plan.id, args.seq)
    known = cost_item_codes(planner)
    if args.item not in known and not args.clear:   # a rate for an item no estimate has would be stored and never used
        raise UserError(N_("\"{item}\" is not a cost item. The items are: {known}."), item=args.item, known=", ".join(known))
    kept = tuple(o for o in d.rates if (o.item, o.role) != (args.item, args.role))
    if not args.clear:
        if args.amount is None:
            raise UserError(N_("Write: delegations rate SEQ ITEM AMOUNT CURRENCY [--role ...], or --clear."))
        kept += (RateOverride(args.item, args.role, parse_amount(args.amount, check_currency(args.currency))),)
    return _save(planner, d.evolve(rates=kept))


def _save(planner, d) -> int:
    """Save *d*, printing its warnings (errors stop the save and are printed by the caller)."""
    for p in planner.save_delegation(d):
        print(safe(_("warning") + ": " + i18n.describe(p)))
    print(_("Saved delegation {seq}.").format(seq=d.seq))
    return 0


def cmd_guest_class(planner, args) -> int:
    budgeting = planner.budgeting
    if args.guest_class:
        budgeting.set_guest_class(args.plan, args.seq, args.guest_class)
    d = planner.delegation(planner.plan(args.plan).id, args.seq)
    guest_class, confirmed = budgeting.guest_class(d)
    if not guest_class:
        print(_("Delegation {seq} travels abroad: it has no guest class.").format(seq=d.seq))
    elif confirmed:
        print(_("Delegation {seq}: guest class {cls}, confirmed.").format(seq=d.seq, cls=guest_class))
    else:
        print(_("Delegation {seq}: guest class {cls} proposed (a provincial union's delegation is class C); "
                "confirm with: delegations guest-class {seq} {cls}").format(seq=d.seq, cls=guest_class))
    return 0


def cmd_model(planner, args) -> int:
    from dataclasses import replace

    models = planner.registry.cost_models
    if args.code not in models:
        raise UserError(N_("No cost model \"{code}\". Available: {available}."), code=args.code, available=", ".join(sorted(models)))
    plan = planner.plan(args.plan)
    if args.seq is None:
        planner.save_plan(replace(plan, cost_model=args.code))
        print(_("The plan {plan} now uses the cost model {model}.").format(plan=plan.id, model=models[args.code].label.get(i18n.current_language())))
        return 0
    d = planner.delegation(plan.id, args.seq).evolve(cost_model=args.code)
    return _save(planner, d.evolve(cost_lines=planner.proposed_cost_lines(d)))


def cmd_translation(planner, args) -> int:
    if args.pages is not None:
        planner.budgeting.set_translation_pages(args.plan, args.seq, args.pages)
    d = planner.delegation(planner.plan(args.plan).id, args.seq)
    print(i18n.ngettext("Delegation {seq}: {n} page to translate.", "Delegation {seq}: {n} pages to translate.",
                        d.translation_pages).format(seq=d.seq, n=d.translation_pages))
    return 0


COMMANDS = {"budget": cmd_budget, "translation": cmd_translation, "rates": cmd_rates, "fx": cmd_fx, "rate": cmd_rate, "model": cmd_model,
            "guest-class": cmd_guest_class}
WRITES = {"rates", "fx", "rate", "model", "guest-class", "translation"}
