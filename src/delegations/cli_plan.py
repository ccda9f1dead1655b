"""The commands that read or print a plan: ``list``, ``show``, ``validate``, ``export``,
``plugins``, ``where``, ``plans``, ``restore-defaults`` and ``print``."""

from __future__ import annotations

import sys

from . import i18n
from .cli_table import column_widths, list_rows
from .cli_exits import EXIT_OK, EXIT_PLUGIN, EXIT_PROBLEMS
from .domain import Direction, Problem, Status
from .errors import UserError
from .i18n import N_, _, describe
from .i18n.fields import field_label
from .services import Filters, Planner
from .terminal import safe


def _print_problems(problems: list[Problem], prefix: str = "") -> None:
    """Each problem once (two validators may find the same), as "error: Field: message"."""
    lines = [f"{prefix}{_('error') if p.severity == 'error' else _('warning')}: {field_label(p.field, _)}: {describe(p)}" for p in problems]
    for line in dict.fromkeys(lines):
        print(safe(line), file=sys.stderr)


def _table(planner: Planner, plan, dels) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from rich.text import Text as Plain

    w = planner.wording(i18n.current_language())
    console = Console()
    table = Table(box=box.SIMPLE_HEAD, title=Plain(safe(f"{plan.title.get(w.lang)} ({plan.period})")), expand=False, pad_edge=False,
                  show_edge=False, collapse_padding=True)
    rows = [tuple(safe(c) for c in r) for r in list_rows(w, dels)]
    heads = [_("No."), _("Delegation"), _("Direction"), _("Partner"), _("Members"), _("Days"), _("Timing"), _("Status")]
    for i, (head, width) in enumerate(zip(heads, column_widths(heads, rows, console.width))):
        table.add_column(head, width=width, justify="right" if i in (0, 4, 5) else "left")
    for cells in rows:
        table.add_row(*(Plain(c) for c in cells))
    Console().print(table)


def cmd_list(planner: Planner, args) -> int:
    plan = planner.plan(args.plan)
    filters = Filters(
        direction=Direction(args.direction) if args.direction else None,
        partner=args.partner,
        year=args.year,
        status=Status(args.status) if args.status else None,
        search=" ".join(args.search),
    )
    dels = planner.delegations(plan.id, filters)
    _table(planner, plan, dels)
    print(i18n.ngettext("{n} delegation", "{n} delegations", len(dels)).format(n=len(dels)))
    return 0


def cmd_show(planner: Planner, args) -> int:
    plan = planner.plan(args.plan)
    d = planner.delegation(plan.id, args.seq)
    w = planner.wording(i18n.current_language())
    c = w.cells(d)
    rows = [
        (_("No."), str(d.seq)),
        (_("Delegation"), c.name),
        (_("Direction"), w.direction(d.direction)),
        (_("Sender"), w.org_short(d.sender(plan.issuer))),
        (_("Host"), w.org_short(d.host(plan.issuer))),
        (_("Leader"), c.leader),
        (_("Members"), c.members),
        (_("Destination"), c.destination),
        (_("Days"), c.days),
        (_("Timing"), c.timing),
        (_("Status"), w.status(d.status)),
    ]
    width = max(len(k) for k, _v in rows)
    for k, v in rows:
        print(safe(f"{k:<{width}}  {v}"))
    print(_("Activities") + ":")
    for a in c.activities:
        print(safe(f"  - {a}"))
    print(_("Funding") + ":")
    for line in c.funding:
        print(safe(f"  - {line}"))
    if d.notes:
        print(_("Notes") + ": " + safe(d.notes, newlines=True))
    return 0


def cmd_validate(planner: Planner, args) -> int:
    plan = planner.plan(args.plan)
    results = planner.validate_plan(plan.id)
    seqs = {d.id: d.seq for d in planner.repo.delegations(plan.id)}
    errors = 0
    faults = [f.problem() for f in planner.validation_faults]
    from .translation_checks import missing_lao_warnings

    lao = missing_lao_warnings(plan, list(planner.repo.delegations(plan.id)))  # warnings: printed, not counted
    for key in [*results, *(k for k in lao if k not in results)]:
        prefix = _("plan") + ": " if key == "plan" else _("delegation {seq}").format(seq=seqs.get(key, key)) + ": "
        own = [p for p in results.get(key, []) if p not in faults]  # a failed validator is said once, below
        _print_problems(own + lao.get(key, []), prefix)
        errors += sum(p.severity == "error" for p in own)
    _print_problems(faults)
    errors += len(faults)
    if errors:
        print(i18n.ngettext("{n} error found.", "{n} errors found.", errors).format(n=errors))
        return EXIT_PLUGIN if planner.validation_faults else EXIT_PROBLEMS
    print(_("Plan {plan}: no errors.").format(plan=plan.id))
    return 0


def cmd_export(planner: Planner, args) -> int:
    from .exporting import export_document, export_plan

    if args.seq is not None and not args.document:
        raise UserError(N_("--seq needs --document: export --document proposal|decision|invitation|programme|roster|report --seq {seq}"),
                        seq=args.seq)
    _warn_outdated(planner, args)
    if args.document:
        kind = args.document if args.format == "pdf" else f"{args.document}.{args.format}"
        print(export_document(planner, kind, args.seq, plan_id=args.plan, lang=args.doc_lang, output=args.output, force=args.force))
        _warn_budget_notes(planner, document=kind, seq=args.seq, plan_id=args.plan)
        return 0

    filters = Filters(direction=Direction(args.direction) if args.direction else None, partner=args.partner, year=args.year)
    path = export_plan(planner, plan_id=args.plan, fmt=args.format, lang=args.doc_lang, output=args.output, force=args.force, filters=filters,
                       budget=args.budget, status_column=args.status_column)
    print(path)
    from .plan_model import cancelled_note

    note = cancelled_note(planner.delegations(planner.plan(args.plan).id, filters))
    if note:
        print(safe(note), file=sys.stderr)
    _warn_budget_notes(planner, plan_id=args.plan, budget=args.budget, fmt=args.format, filters=filters)
    return 0


def _warn_budget_notes(planner: Planner, **choices) -> None:
    """The budget notes for the officer, left out of the document just written, on stderr."""
    from .budget.export_notes import export_notes

    for note in export_notes(planner, i18n.current_language(), **choices):
        print(safe(_("Warning: {message}").format(message=note)), file=sys.stderr)


def _warn_outdated(planner: Planner, args) -> None:
    """Before a Lao (or English) export: the translations made from an earlier Vietnamese,
    and the texts that will print in Vietnamese for want of one, on stderr."""
    from .translation_checks import export_warnings

    for heading, lines in export_warnings(planner, args.plan, args.doc_lang, args.seq if args.document else None):
        print(safe(_("Warning: {message}").format(message=heading)), file=sys.stderr)
        for line in lines:
            print(safe("  - " + line), file=sys.stderr)


def cmd_plugins(planner: Planner, args) -> int:
    """The plugins, their hooks, what they registered, and every failure: at loading,
    at registering, and of validators (found by validating the current plan). Exits 4
    when something failed. ``--hooks`` prints the plugin author's reference instead."""
    from . import plugin_report

    if args.hooks:
        from .reference import reference

        for line in reference().splitlines():
            print(safe(line))
        return EXIT_OK
    try:
        planner.validate_plan()  # a validator that raises or returns garbage is found here
    except UserError:
        pass  # no plan to validate: the loading failures are still listed
    failed = bool(planner.host.failures)
    if args.json:
        import json

        print(json.dumps(plugin_report.as_json(planner.host), ensure_ascii=False, indent=2, default=str))
        return EXIT_PLUGIN if failed else EXIT_OK
    for line in plugin_report.as_lines(planner.host):
        print(safe(line))
    return EXIT_PLUGIN if failed else EXIT_OK


def cmd_where(args) -> int:
    from . import where

    if args.json:
        import json

        print(json.dumps(where.rows(args.db), ensure_ascii=False, indent=1))
        return 0
    shown = where.lines(args.db)
    width = max(len(label) for label, _p, _o in shown)
    for label, path, origin in shown:
        print(f"{label:<{width}}  {path}  ({origin})")
    return 0


def cmd_plans(planner: Planner, args) -> int:
    current = planner.plan().id
    for p in planner.plans():
        mark = "*" if p.id == current else " "
        print(safe(f"{mark} {p.id}  {p.title.get(i18n.current_language())}  ({p.period})"))
    print(_("* the current plan, which the commands act on without --plan; delegations plan use ID changes it."))
    return 0


def cmd_restore(planner: Planner, args) -> int:
    if not args.yes:
        if not sys.stdin.isatty():
            print(_("Refusing to replace the database without --yes."), file=sys.stderr)
            return 2
        answer = input(_("Replace everything in {path} with the shipped 2020-2022 plan? [y/N] ").format(path=planner.repo.path))
        if answer.strip().lower() not in {"y", "yes", "c", "có", "co"}:
            print(_("Nothing changed."))
            return 1
    planner.restore_defaults()
    print(_("Restored the default plan in {path}.").format(path=planner.repo.path))
    return 0


def cmd_print(planner: Planner, args) -> int:
    plan = planner.plan()
    _table(planner, plan, planner.delegations(plan.id))
    return 0


COMMANDS = {
    "list": cmd_list,
    "show": cmd_show,
    "validate": cmd_validate,
    "export": cmd_export,
    "plugins": cmd_plugins,
    "plans": cmd_plans,
    "restore-defaults": cmd_restore,
    "print": cmd_print,
}
