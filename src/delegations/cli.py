"""The command line. It parses arguments, calls the services, prints results."""

from __future__ import annotations

import argparse
import decimal
import sys
from pathlib import Path

from . import __version__, cli_dates, cli_edit, cli_import, cli_json, cli_life, cli_plan, i18n
from .budget import cli as cli_budget
from . import cli_access
from .domain import Direction, Status, ValidationError, nfc
from .errors import FileError, UserError
from .cli_types import year_arg
from .terminal import safe
from .i18n import N_, _, describe
from .services import Planner
from .cli_exits import (EXIT_CRASH, EXIT_DATA, EXIT_INTERRUPTED, EXIT_OK, EXIT_PLUGIN, EXIT_PROBLEMS,  # noqa: F401 (public here)
                        EXIT_STATUSES, EXIT_USAGE)
from .cli_plan import _print_problems, cmd_where  # noqa: F401 (imported from here by cli_life and tests)

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
    from .cli_parsing import CommandLineParser, IntermixedParser

    parser = CommandLineParser(prog="delegations", description=_("Planner for international delegation exchanges."),
                                     epilog=_epilog(), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help=_("show the version and exit"))
    parser.add_argument("--db", type=Path, help=_("database file (default: $DELEGATIONS_DB, else in the user's data folder; see delegations where)"))
    parser.add_argument("--lang", help=_("interface language: vi, lo or en (default: $DELEGATIONS_LANG or vi)"))
    parser.add_argument("--debug", action="store_true", help=_("show the full report of an unexpected error"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=IntermixedParser)
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
    cli_import.add_parsers(sub)
    cli_edit.add_parsers(sub)
    cli_json.add_options(sub)

    p = sub.add_parser("partner", help=_("partner provinces: partner new NAME writes a plugin to fill in"))
    p.add_argument("action", choices=["new"])
    p.add_argument("name", help=_("the province, e.g. Champasak"))
    p.add_argument("--dir", type=Path, help=_("folder for the plugin file (default: your plugins folder; see delegations where)"))
    p.add_argument("--country", default="LA", help=_("ISO country code (default: LA)"))

    p = sub.add_parser("restore-defaults", help=_("replace the database with the shipped 2020-2022 plan"))
    p.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    return parser


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
    writable = (command in {"restore-defaults"} | cli_budget.WRITES | cli_life.WRITES | cli_dates.WRITES
                or cli_import.writes(args) or cli_edit.writes(command, args)) and not cli_access.reads_only(command, args)
    with Planner.open(args.db, writable=writable) as planner:
        _warn_plugin_failures(planner, quiet=command == "plugins")
        handler = COMMANDS[command]
        if not writable or command == "restore-defaults":
            return handler(planner, args)
        from . import cli_history

        with cli_history.kept(planner):  # every change a command makes can be undone by a later run's undo
            return handler(planner, args)


def _warn_plugin_failures(planner: Planner, quiet: bool) -> None:
    if quiet:
        return
    from .plugin_report import notices

    for text in dict.fromkeys(text for _severity, text in notices(planner.host)):
        _say(_("Warning: {message}").format(message=text))


COMMANDS = {
    **cli_plan.COMMANDS,
    **cli_budget.COMMANDS,
    **cli_life.COMMANDS,
    **cli_dates.COMMANDS,
    **cli_import.COMMANDS,
    **cli_edit.COMMANDS,
    **cli_json.COMMANDS,  # list, show, validate and plans with --json
}

if __name__ == "__main__":
    sys.exit(main())
