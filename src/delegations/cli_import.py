"""The ``import`` command: a plan table from a Word, Excel or CSV file into a plan."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import i18n
from .cli_exits import EXIT_OK, EXIT_PROBLEMS
from .i18n import _, ngettext
from .terminal import safe

WRITES: set[str] = set()  # the import opens the database for writing itself (not for a dry run): see ``writes``


def add_parsers(sub) -> None:
    p = sub.add_parser("import", help=_("import a plan's table from a Word (.docx), Excel (.xlsx) or CSV file"),
                       description=_("Reads the table of the file (its columns found by their headers: TT, Tên đoàn, Trưởng đoàn, "
                                     "Số thành viên, Nước đến, Nội dung hoạt động, Số ngày, Thời gian, Nguồn kinh phí…) and adds a "
                                     "delegation per row to the plan. A file with any error imports nothing; one undo takes the "
                                     "import back."))
    p.add_argument("file", type=Path, help=_("the .docx, .xlsx or .csv file"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))
    p.add_argument("--dry-run", dest="dry_run", action="store_true", help=_("show what would be stored, row by row, and write nothing"))
    p.add_argument("--json", action="store_true", help=_("as JSON"))


def writes(args) -> bool:
    """Whether the command changes the database (an import that is not a dry run)."""
    return args.command == "import" and not args.dry_run


def cmd_import(planner, args) -> int:
    from .importing import commit, preview
    from .importing.report import delegation_lines, finding_json, finding_text
    from .store.codec import delegation_out

    found = preview(planner, args.file, args.plan, _)
    stored = []
    if not args.dry_run and not found.errors:
        stored = commit(planner, found)
    if args.json:
        print(json.dumps({
            "file": str(found.path), "plan": found.plan_id, "table": found.source, "dry_run": bool(args.dry_run),
            "imported": len(stored), "errors": len(found.errors),
            "problems": [finding_json(f) for f in found.findings],
            "rows": [{"row": r.row, "delegation": delegation_out(r.delegation) if r.delegation else None,
                      "problems": [finding_json(f) for f in r.findings]} for r in found.rows],
        }, ensure_ascii=False, indent=2))
        return EXIT_PROBLEMS if found.errors else EXIT_OK
    w = planner.wording(i18n.current_language())
    if args.dry_run:
        print(safe(_("{path} ({table}) into plan {plan}, a dry run: nothing is written.").format(
            path=found.path, table=found.source or "CSV", plan=found.plan_id)))
        for f in found.findings:
            print(safe(finding_text(f)))
        for r in found.rows:
            print()
            if r.delegation is not None:
                lines = delegation_lines(r.delegation, w)
                print(safe(_("Row {row}:").format(row=r.row) + " " + lines[0]))
                for line in lines[1:]:
                    print(safe(line))
            else:
                print(safe(_("Row {row}: not imported").format(row=r.row)))
            for f in r.findings:
                print(safe("    " + finding_text(f)))
        print()
    else:
        for f in found.all_findings():
            print(safe(finding_text(f)), file=sys.stderr)
    errors = len(found.errors)
    if errors:
        print(safe(ngettext("{n} error: nothing was imported.", "{n} errors: nothing was imported.", errors).format(n=errors)))
        return EXIT_PROBLEMS
    n = len(found.delegations)
    if args.dry_run:
        print(safe(ngettext("{n} delegation would be imported into plan {plan}.", "{n} delegations would be imported into plan {plan}.", n)
                   .format(n=n, plan=found.plan_id)))
    else:
        print(safe(ngettext("Imported {n} delegation into plan {plan} (to take it back: delegations undo --plan {plan}, or u in the program).",
                            "Imported {n} delegations into plan {plan} (to take them back: delegations undo --plan {plan}, or u in the program).",
                            n).format(n=n, plan=found.plan_id)))
    return EXIT_OK


COMMANDS = {"import": cmd_import}
