"""The command line. It parses arguments, calls the services, prints results."""

from __future__ import annotations

import argparse
import decimal
import sys
from pathlib import Path

from . import __version__, cli_dates, cli_life, i18n
from .budget import cli as cli_budget
from .domain import Direction, Problem, Status, ValidationError, nfc
from .errors import FileError, UserError
from .cli_types import year_arg
from .terminal import safe
from .i18n import N_, _, describe
from .i18n.fields import field_label
from .services import Filters, Planner

# argparse's own messages; ``_use_catalogs`` sends them through our catalogs.
ARGPARSE_MESSAGES = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("unrecognized arguments: %s"), N_("the following arguments are required: %s"), N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"), N_("%(prog)s: error: %(message)s\n"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def _use_catalogs() -> None:
    argparse._ = i18n.gettext
    argparse.ngettext = i18n.ngettext


def _interface_language(argv: list[str] | None) -> str | None:
    """``--lang`` given before the command, read before the full parse so that
    help and errors are in that language (``export --lang`` is the document's)."""
    args = list(sys.argv[1:] if argv is None else argv)
    while args and args[0].startswith("-"):
        arg = args.pop(0)
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
        if arg == "--lang":
            return args[0] if args else None
        if arg == "--db" and args:
            args.pop(0)
    return None


def _filters_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))
    p.add_argument("--direction", choices=[d.value for d in Direction], help=_("outbound (đoàn ra) or inbound (đoàn vào)"))
    p.add_argument("--partner", help=_("partner code, e.g. savannakhet"))
    p.add_argument("--year", type=year_arg, help=_("only delegations in this year"))
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="delegations", description=_("Planner for international delegation exchanges."),
                                     epilog=_epilog(), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help=_("show the version and exit"))
    parser.add_argument("--db", type=Path, help=_("database file (default: $DELEGATIONS_DB, else in the user's data folder; see delegations where)"))
    parser.add_argument("--lang", help=_("interface language: vi, lo or en (default: $DELEGATIONS_LANG or vi)"))
    parser.add_argument("--debug", action="store_true", help=_("show the full report of an unexpected error"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    filters = _filters_parser()

    p = sub.add_parser("list", parents=[filters], help=_("list the delegations of a plan"))
    p.add_argument("--status", choices=[s.value for s in Status], help=_("only delegations with this status"))
    p.add_argument("search", nargs="*", help=_("words to find (accents and case are ignored)"))

    p = sub.add_parser("show", help=_("show one delegation in full"))
    p.add_argument("seq", type=int, help=_("the delegation's number (TT)"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))

    p = sub.add_parser("validate", help=_("check a plan and its delegations"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))

    p = sub.add_parser("export", parents=[filters], help=_("export the plan as a document (PDF by default)"))
    p.add_argument("--format", default="pdf", help=_("document format (default: pdf)"))
    p.add_argument("--lang", dest="doc_lang", default="vi", help=_("document language: vi, lo, vi-lo (both) or en (default: vi)"))
    p.add_argument("--output", type=Path, help=_("folder to write into (default: the exports folder; see delegations where)"))
    p.add_argument("--force", action="store_true", help=_("replace a file of the same name"))
    p.add_argument("--budget", action="store_true", help=_("add the appendix \"Dự toán kinh phí\" (the plan's budget)"))
    p.add_argument("--status-column", action="store_true", help=_("add a column with each delegation's status (planned, done, cancelled…)"))
    p.add_argument("--document", help=_("a delegation's document instead of the plan: proposal, decision, invitation, programme, roster, report; "
                          "or the budget (estimate) or settlement of one delegation (--seq) or of the plan"))
    p.add_argument("--seq", type=int, help=_("the delegation's number (TT), with --document"))

    sub.add_parser("ui", help=_("open the terminal UI (what bare delegations does in a terminal)"))
    sub.add_parser("print", help=_("print the plan's table"))
    from .paths import package_dir

    p = sub.add_parser("plugins", help=_("list the plugins, where they come from, their hooks and their failures"),
                       description=_("Plugins load in this order: the built-in ones, the shipped partners, your plugins folder, installed "
                                     "packages (entry points, group delegations), the folders of $DELEGATIONS_PLUGINS_PATH. When two "
                                     "register the same code the first is kept, unless the later one registers with replace=True. "
                                     "$DELEGATIONS_PLUGINS=a,b loads only those; $DELEGATIONS_DISABLE_PLUGINS=a skips one. "
                                     "The plugin guide: {guide}").format(guide=package_dir() / "docs" / "plugins.md"))
    p.add_argument("--json", action="store_true", help=_("print the list as JSON: every plugin with its source, version, hooks, "
                                                         "what it registered, load time and errors (file and line)"))
    p.add_argument("--hooks", action="store_true", help=_("print the reference for plugin authors: every hook and the classes it receives"))
    sub.add_parser("plans", help=_("list the plans in the database"))
    sub.add_parser("where", help=_("show every file and folder in use and where each choice came from")).add_argument(
        "--json", action="store_true", help=_("as JSON"))

    cli_budget.add_parsers(sub, filters)
    cli_life.add_parsers(sub)
    cli_dates.add_parsers(sub)

    p = sub.add_parser("partner", help=_("partner provinces: partner new NAME writes a plugin to fill in"))
    p.add_argument("action", choices=["new"])
    p.add_argument("name", help=_("the province, e.g. Champasak"))
    p.add_argument("--dir", type=Path, help=_("folder for the plugin file (default: your plugins folder; see delegations where)"))
    p.add_argument("--country", default="LA", help=_("ISO country code (default: LA)"))

    p = sub.add_parser("restore-defaults", help=_("replace the database with the shipped 2020-2022 plan"))
    p.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    return parser


# Exit statuses, documented in README and in ``--help``.
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_DATA, EXIT_PLUGIN, EXIT_CRASH = 0, 1, 2, 3, 4, 70
EXIT_INTERRUPTED = 130
EXIT_STATUSES = (
    (EXIT_OK, N_("done")),
    (EXIT_PROBLEMS, N_("the plan or the input has problems (validation errors); nothing was saved")),
    (EXIT_USAGE, N_("the command was not understood (a wrong option, value, number or name)")),
    (EXIT_DATA, N_("a file could not be read or written (the database, an export); the database was not changed")),
    (EXIT_PLUGIN, N_("a plugin failed (a validator, cost model or exporter); nothing was saved")),
    (EXIT_CRASH, N_("an unexpected error in the program (a bug); the report file is named")),
)


def _epilog() -> str:
    lines = [_("Exit status:")] + [f"  {code:>3}  {_(text)}" for code, text in EXIT_STATUSES]
    return "\n".join(lines)


def _say(message: str) -> None:
    print(safe(message), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run one command. Nothing a user or the file system can cause ends in a
    traceback: each is a message in the interface language and an exit status
    (``EXIT_STATUSES``); a bug prints where its report was written."""
    _use_catalogs()
    asked = _interface_language(argv)
    if asked is not None and asked not in i18n.SUPPORTED:
        i18n.set_language(None)
        _say(_("Unknown interface language \"{lang}\". Available: {available}.").format(lang=asked, available=", ".join(i18n.SUPPORTED)))
        return EXIT_USAGE
    i18n.set_language(asked)  # --lang, else the environment's language
    args = _normalised(build_parser().parse_args(argv))
    try:
        return _run(args)
    except ValidationError as exc:
        _print_problems(exc.problems)
        return getattr(exc, "exit_status", EXIT_PROBLEMS)
    except UserError as exc:
        _say(describe(exc))
        return exc.exit_status
    except BrokenPipeError:  # the reader of our output went away (delegations list | head)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        _say(describe(FileError.of(exc, N_("use"))))
        return EXIT_DATA
    except decimal.DecimalException:
        _say(_("A number is too large or too small to compute with: check the amounts and exchange rates entered (delegations rates, fx, rate)."))
        return EXIT_DATA
    except KeyboardInterrupt:
        _say(_("Interrupted."))
        return EXIT_INTERRUPTED
    except Exception:
        return _crash(args)


def _normalised(args: argparse.Namespace) -> argparse.Namespace:
    """Every text argument in NFC, as text is stored (a name typed decomposed matches and prints whole)."""
    for key, value in vars(args).items():
        if isinstance(value, str):
            setattr(args, key, nfc(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, key, [nfc(v) for v in value])
    return args


def _crash(args) -> int:
    """A bug: write the traceback to a file (or show it with --debug); exit with ``EXIT_CRASH``."""
    import tempfile
    import time
    import traceback

    report = traceback.format_exc()
    if getattr(args, "debug", False):
        print(report, file=sys.stderr)
        _say(_("The program failed unexpectedly (a bug). Please send the text above to the maintainers."))
        return EXIT_CRASH
    try:
        fd, name = tempfile.mkstemp(prefix=time.strftime("delegations-crash-%Y%m%d-%H%M%S-"), suffix=".txt")
        with open(fd, "w", encoding="utf-8") as fh:
            fh.write(report)
    except OSError:
        print(report, file=sys.stderr)
        name = "-"
    _say(_("The program failed unexpectedly (a bug); your data was not changed by the failed step. The full report is in {path}; please send it to the maintainers (--debug shows it here).").format(path=name))
    return EXIT_CRASH


def _run(args) -> int:
    command = args.command or ("ui" if sys.stdin.isatty() and sys.stdout.isatty() else "print")
    if command == "partner":
        from .scaffold import new_partner

        path = new_partner(args.name, args.dir, args.country)
        print(_("Wrote {path}: fill in the names, then start delegations again (delegations plugins shows what is missing).").format(path=path))
        return 0
    if command == "where":
        return cmd_where(args)
    if command == "ui":
        from .ui import run

        return run(args.db, args.lang)
    writable = command in {"restore-defaults"} | cli_budget.WRITES | cli_life.WRITES | cli_dates.WRITES
    with Planner.open(args.db, writable=writable) as planner:
        _warn_plugin_failures(planner, quiet=command == "plugins")
        handler = COMMANDS[command]
        return handler(planner, args)


def _warn_plugin_failures(planner: Planner, quiet: bool) -> None:
    if quiet:
        return
    from .plugin_report import notices

    for text in dict.fromkeys(text for _severity, text in notices(planner.host)):
        _say(_("Warning: {message}").format(message=text))


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
    table = Table(box=box.SIMPLE_HEAD, title=Plain(safe(f"{plan.title.get(w.lang)} ({plan.period})")), expand=False, pad_edge=False)
    for col, kw in ((_("No."), {"justify": "right"}), (_("Delegation"), {"ratio": 3, "min_width": 14}), (_("Direction"), {}),
                    (_("Partner"), {"ratio": 2, "min_width": 11}), (_("Members"), {"justify": "right", "max_width": 8}),
                    (_("Days"), {}), (_("Timing"), {}), (_("Status"), {})):
        table.add_column(col, **kw)
    for d in dels:
        cells = (str(d.seq), d.name.get(w.lang), w.direction(d.direction), w.org_short(d.partner), str(d.members), w.days(d), w.timing(d), w.status(d.status))
        table.add_row(*(Plain(safe(c)) for c in cells))
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
    for key, problems in results.items():
        prefix = _("plan") + ": " if key == "plan" else _("delegation {seq}").format(seq=seqs.get(key, key)) + ": "
        own = [p for p in problems if p not in faults]  # a failed validator is said once, below
        _print_problems(own, prefix)
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
    if args.document:
        kind = args.document if args.format == "pdf" else f"{args.document}.{args.format}"
        print(export_document(planner, kind, args.seq, plan_id=args.plan, lang=args.doc_lang, output=args.output, force=args.force))
        return 0

    filters = Filters(direction=Direction(args.direction) if args.direction else None, partner=args.partner, year=args.year)
    path = export_plan(planner, plan_id=args.plan, fmt=args.format, lang=args.doc_lang, output=args.output, force=args.force, filters=filters,
                       budget=args.budget, status_column=args.status_column)
    print(path)
    return 0


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
    **cli_budget.COMMANDS,
    **cli_life.COMMANDS,
    **cli_dates.COMMANDS,
}

if __name__ == "__main__":
    sys.exit(main())
