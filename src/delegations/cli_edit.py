"""The commands that change a plan from the command line: ``add``, ``edit``, ``delete``,
``plan new|rename|delete``, ``undo`` and ``redo``. They go through the same services
as the terminal UI's forms (``forms.DelegationFields`` → ``Planner.save_delegation``),
so a delegation saved here passes the same validators; the changes are undoable,
across runs, through ``cli_history``."""

from __future__ import annotations

import argparse
import sys

from . import cli_history, cli_plan_header
from .cli_types import count_arg, date_arg, days_arg, month_arg, plan_period_arg, year_arg
from .domain import Direction, Text, ValidationError
from .errors import N_, UserError
from .forms import DelegationFields, delegation_from_fields
from .i18n import _
from .services import CARRIED
from .terminal import safe

# Other languages a text may be given in (``--name-lo``, ``--activity-en``…); the bare option is Vietnamese.
LANGS = ("lo", "en")
# ``plan new --carry``: the words accepted for each part of the header; the default is what the UI's dialog ticks first.
CARRY_WORDS = {"basis": "basis", "introduction": "introduction", "intro": "introduction", "recipients": "recipients",
               "signature": "signature", "signer": "signature"}
CARRY_DEFAULT = ("recipients", "signature")


def _texts(p, option: str, dest: str, help_vi: str, repeat: bool = False) -> None:
    action = "append" if repeat else "store"
    p.add_argument(option, dest=dest, action=action, metavar=_("TEXT"), help=help_vi)
    same = {"lo": _("the same in Lao"), "en": _("the same in English")}
    for lang in LANGS:
        p.add_argument(f"{option}-{lang}", dest=f"{dest}_{lang}", action=action, metavar=_("TEXT"), help=same[lang])


def _delegation_options(p) -> None:
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))
    p.add_argument("--direction", choices=[d.value for d in Direction], help=_("outbound (đoàn ra) or inbound (đoàn vào)"))
    p.add_argument("--partner", help=_("partner code, e.g. savannakhet (delegations plugins lists them)"))
    _texts(p, "--name", "name", _("the delegation's name, in Vietnamese"))
    _texts(p, "--leader-position", "leader_position", _("the leader's position, in Vietnamese"))
    p.add_argument("--leader-name", dest="leader_name", metavar=_("NAME"), help=_("the leader's name"))
    p.add_argument("--leader-name-lo", dest="leader_name_lo", metavar=_("NAME"), help=_("the leader's name in Lao script"))
    p.add_argument("--members", type=count_arg, help=_("the number of members"))
    p.add_argument("--from", dest="start", type=date_arg, metavar=_("DATE"), help=_("first day, 2024-03-12 (or 12/3/2024)"))
    p.add_argument("--to", dest="end", type=date_arg, metavar=_("DATE"), help=_("last day (default: the first day)"))
    p.add_argument("--year", type=year_arg, help=_("the year, when there are no dates yet"))
    p.add_argument("--month", type=month_arg, help=_("the month (1-12), with --year"))
    p.add_argument("--days", type=days_arg, help=_("the length in days: 5, or 3-4; without --from"))
    _texts(p, "--activity", "activity", _("an activity, in Vietnamese; repeat it for each (replaces the list)"), repeat=True)
    p.add_argument("--cost-line", dest="cost_line", action="append", type=cost_line_arg, metavar="PAYER:ITEM[:FUNDING]",
                   help=_("who pays a cost item, and from which source: home:transport:union_budget, partner:board_lodging. "
                          "PAYER is home, partner or an organisation code; ITEM a cost item (board_lodging, transport, support, "
                          "gifts, interpreting, reception, per_diem…); FUNDING a funding source (union_budget, state_budget…). "
                          "Repeat it for each line (replaces the lines; without it a new delegation gets its cost model's)"))
    p.add_argument("--cost-model", dest="cost_model", help=_("the delegation's own cost model, e.g. reciprocal or norms"))
    p.add_argument("--note", help=_("a note"))


def cost_line_arg(text: str) -> tuple[str, str, str]:
    """``PAYER:ITEM[:FUNDING]`` as typed (the codes are checked against the plugins later)."""
    parts = [x.strip() for x in text.split(":")]
    if len(parts) not in (2, 3) or not all(parts[:2]):
        raise argparse.ArgumentTypeError(_("\"{value}\" is not a cost line; write PAYER:ITEM or PAYER:ITEM:FUNDING, "
                                           "e.g. home:transport:union_budget.").format(value=text))
    return parts[0], parts[1], parts[2] if len(parts) == 3 else ""


def add_parsers(sub) -> None:
    p = sub.add_parser("add", help=_("add a delegation to a plan; prints its number"),
                       description=_("Every field of the delegation form as an option. Give the timing as --from [--to] dates, "
                                     "or as --year [--month] with --days. The delegation is checked as the form checks it: "
                                     "with an error nothing is stored (exit 1); warnings are printed."))
    _delegation_options(p)
    p = sub.add_parser("edit", help=_("change a delegation: only the options given change"))
    p.add_argument("seq", type=int, help=_("the delegation's number (TT)"))
    _delegation_options(p)
    p = sub.add_parser("delete", help=_("delete a delegation (delegations undo brings it back)"))
    p.add_argument("seq", type=int, help=_("the delegation's number (TT)"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))

    plan = sub.add_parser("plan", help=_("plan use ID, plan new START-END --title TITLE, plan rename ID --title TITLE, plan delete ID --yes, plan header, plan basis, plan recipient"))
    actions = plan.add_subparsers(dest="plan_action", metavar=_("ACTION"), required=True)
    p = actions.add_parser("use", help=_("make a plan the current plan: the one the other commands act on without --plan"))
    p.add_argument("plan_id", metavar="ID")
    p = actions.add_parser("new", help=_("start the plan for another period; it becomes the current plan"))
    p.add_argument("period", type=plan_period_arg, metavar=_("START-END"), help=_("the first and last year, e.g. 2023-2025"))
    _texts(p, "--title", "title", _("the title, in Vietnamese (default: the current plan's, with the new period)"))
    p.add_argument("--carry", default=",".join(CARRY_DEFAULT), metavar="basis,intro,recipients,signer",
                   help=_("the parts of the current plan's header to take over, separated by commas, or none "
                          "(default: recipients,signer)"))
    p = actions.add_parser("rename", help=_("give a plan another title"))
    p.add_argument("plan_id", metavar="ID")
    _texts(p, "--title", "title", _("the new title, in Vietnamese"))
    p = actions.add_parser("delete", help=_("delete a plan with its delegations (delegations undo --plan SHOWN brings it back)"))
    p.add_argument("plan_id", metavar="ID")
    p.add_argument("--yes", action="store_true", help=_("really delete it"))
    cli_plan_header.add_parsers(actions)

    for name, text in (("undo", _("take back the last change made from the command line to a plan")),
                       ("redo", _("make again the last change undone"))):
        p = sub.add_parser(name, help=text)
        p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))


def _say(text: str) -> None:
    print(safe(text), file=sys.stderr)


def _given(args, dest: str) -> dict[str, object]:
    """The versions of a text option given: {"vi": …, "lo": …}."""
    out = {"vi": getattr(args, dest, None)}
    out.update({lang: getattr(args, f"{dest}_{lang}", None) for lang in LANGS})
    return {lang: value for lang, value in out.items() if value is not None}


def _fill(planner, plan, base, args, *, adding: bool):
    """The delegation *base* with the options given; ``UserError`` (exit 2) naming a bad option."""
    f = DelegationFields.of(base)
    if args.partner is not None:
        if args.partner not in planner.registry.partners:
            raise UserError(N_("--partner {code}: no such partner; the partners are: {codes}."), code=args.partner,
                            codes=", ".join(sorted(planner.registry.partners)))
        f.partner = args.partner
    if args.direction is not None:
        f.direction = args.direction
    for dest, target in (("name", f.name), ("leader_position", f.leader_position)):
        target.update(_given(args, dest))
    for dest in ("leader_name", "leader_name_lo", "cost_model"):
        if getattr(args, dest) is not None:
            setattr(f, dest, getattr(args, dest))
    if args.note is not None:
        f.notes = args.note
    if args.members is not None:
        f.members = str(args.members)
    _timing(f, args, adding)
    activities = _given(args, "activity")
    if activities:
        f.activities = {**f.activities, **activities}  # the languages given replace theirs
    if args.cost_line is not None:
        f.payers, f.funding = _cost_lines(planner, args.cost_line, f.partner)
    if args.cost_model is not None and args.cost_model and args.cost_model not in planner.registry.cost_models:
        raise UserError(N_("--cost-model {code}: no such cost model; the models are: {codes}."), code=args.cost_model,
                        codes=", ".join(sorted(planner.registry.cost_models)))
    d, problems = delegation_from_fields(base, f)
    if d is None:  # the options were read already: only a combination of them can fail here
        raise ValidationError(problems)
    if args.cost_line is None and adding:
        d = d.evolve(cost_lines=planner.proposed_cost_lines(d))
    return d


def _timing(f: DelegationFields, args, adding: bool) -> None:
    dated = args.start is not None or args.end is not None
    yearly = args.year is not None or args.month is not None
    if dated and yearly:
        raise UserError(N_("Give either --from/--to dates or --year/--month, not both."))
    if dated and args.days is not None:
        raise UserError(N_("--days follows from --from and --to; leave it out."))
    if args.end is not None and args.start is None and not f.start:
        raise UserError(N_("--to needs --from."))
    if adding and not dated and args.year is None:
        raise UserError(N_("Say when: --from DATE [--to DATE], or --year YEAR [--month MONTH] --days N."))
    if dated:
        start = args.start.isoformat() if args.start is not None else f.start
        end = args.end.isoformat() if args.end is not None else (start if args.start is not None else f.end)
        if end < start:
            raise UserError(N_("--to {end} is before --from {start}."), start=start, end=end)
        f.start, f.end, f.year, f.month = start, end, start[:4], ""
    elif yearly:
        f.start = f.end = ""
        if args.year is not None:
            f.year = str(args.year)
        if args.month is not None:
            f.month = str(args.month)
        elif args.year is not None:
            f.month = ""
    if args.days is not None:
        if f.start:
            raise UserError(N_("--days follows from the delegation's dates; give --year to plan it without dates."))
        f.days_min, f.days_max = (str(n) for n in args.days)
    elif adding and not f.start:
        raise UserError(N_("Say how long: --days N (or 3-4), or give --from and --to dates."))


def _cost_lines(planner, lines, partner: str) -> tuple[dict[str, str], dict[str, str]]:
    registry, home = planner.registry, planner.home().code
    payers, funding = {}, {}
    for payer, item, source in lines:
        written = ":".join(x for x in (payer, item, source) if x)
        payer = {"home": home, "partner": partner}.get(payer, payer)
        if item not in registry.cost_items:
            raise UserError(N_("--cost-line {line}: there is no cost item \"{code}\"; the items are: {codes}."),
                            line=written, code=item, codes=", ".join(registry.cost_items))
        if source and source not in registry.funding_sources:
            raise UserError(N_("--cost-line {line}: there is no funding source \"{code}\"; the sources are: {codes}."),
                            line=written, code=source, codes=", ".join(registry.funding_sources))
        if item in payers:
            raise UserError(N_("--cost-line {line}: the item \"{code}\" is given twice."), line=written, code=item)
        payers[item], funding[item] = payer, source
    return payers, funding


def _warn(problems) -> None:
    from .cli_plan import _print_problems

    _print_problems([p for p in problems if p.severity == "warning"])


def cmd_add(planner, args) -> int:
    plan = planner.plan(args.plan)
    if args.direction is None or args.partner is None:
        raise UserError(N_("A new delegation needs --direction and --partner."))
    base = planner.draft_delegation(plan.id, Direction(args.direction), args.partner)
    d = _fill(planner, plan, base, args, adding=True)
    with cli_history.kept(planner):
        _warn(planner.save_delegation(d))
    print(_("Added delegation {seq} to plan {plan}.").format(seq=d.seq, plan=plan.id))
    return 0


def cmd_edit(planner, args) -> int:
    plan = planner.plan(args.plan)
    before = planner.delegation(plan.id, args.seq)
    d = _fill(planner, plan, before, args, adding=False)
    with cli_history.kept(planner):
        _warn(planner.save_delegation(d))
    if d == before:
        print(_("Delegation {seq} of plan {plan}: nothing changed.").format(seq=d.seq, plan=plan.id))
    else:
        print(_("Changed delegation {seq} of plan {plan}.").format(seq=d.seq, plan=plan.id))
    return 0


def cmd_delete(planner, args) -> int:
    plan = planner.plan(args.plan)
    d = planner.delegation(plan.id, args.seq)
    with cli_history.kept(planner):
        planner.delete_delegation(d.id)
    print(safe(_("Deleted delegation {seq} ({name}) from plan {plan}; delegations undo brings it back.").format(
        seq=d.seq, name=d.name.get(), plan=plan.id)))
    return 0


def _carry(text: str) -> list[str]:
    words = [w.strip().lower() for w in text.split(",") if w.strip()]
    if words == ["none"]:
        return []
    unknown = [w for w in words if w not in CARRY_WORDS]
    if unknown:
        raise UserError(N_("--carry {value}: \"{word}\" is not a part of the header; choose from {parts}, or none."),
                        value=text, word=unknown[0], parts=", ".join(CARRY_WORDS))
    return [CARRY_WORDS[w] for w in words]


def cmd_plan(planner, args) -> int:
    if args.plan_action in cli_plan_header.ACTIONS:
        return cli_plan_header.cmd_header(planner, args)
    if args.plan_action == "new":
        start, end = args.period
        titles = _given(args, "title")
        carry = _carry(args.carry)
        with cli_history.kept(planner):
            plan = planner.new_plan(start, end, Text.of(titles) if titles else None, [c for c in CARRIED if c in carry])
            _warn(planner.save_plan(plan))
            planner.open_plan(plan.id)
        print(safe(_("Created plan {plan}: {title}. It is the current plan now.").format(plan=plan.id, title=plan.title.get())))
        return 0
    plan = planner.repo.plan(args.plan_id)
    if args.plan_action == "use":
        planner.open_plan(plan.id)
        print(safe(_("The current plan is now {plan}: {title}.").format(plan=plan.id, title=plan.title.get())))
        return 0
    if args.plan_action == "rename":
        titles = _given(args, "title")
        if not titles:
            raise UserError(N_("plan rename needs --title."))
        versions = dict(plan.title.versions)
        versions.update(titles)
        with cli_history.kept(planner):
            planner.rename_plan(plan.id, Text.of(versions))
        print(safe(_("Plan {plan} is now: {title}.").format(plan=plan.id, title=Text.of(versions).get())))
        return 0
    if not args.yes:
        raise UserError(N_("Deleting plan {plan} also deletes every delegation in it ({n}); add --yes to do it."), plan=plan.id,
                        n=len(planner.repo.facets(plan.id)))
    rest = [p.id for p in planner.plans() if p.id != plan.id]
    current = planner.plan().id
    shown_after = current if current != plan.id else (rest[-1] if rest else plan.id)
    with cli_history.kept(planner):
        planner.delete_plan(plan.id, shown_after)
    print(safe(_("Deleted plan {plan} with its delegations; delegations undo --plan {shown} brings it back.").format(
        plan=plan.id, shown=shown_after)))
    return 0


def cmd_undo(planner, args) -> int:
    plan_id = planner.plan(args.plan).id
    with cli_history.kept(planner):
        done = planner.undo(plan_id) if args.command == "undo" else planner.redo(plan_id)
    if done.plan_id != plan_id:
        planner.open_plan(done.plan_id)
    print(safe(done.message.render(_)))
    return 0


COMMANDS = {"add": cmd_add, "edit": cmd_edit, "delete": cmd_delete, "plan": cmd_plan, "undo": cmd_undo, "redo": cmd_undo}
WRITES = set(COMMANDS)


def writes(command: str, args) -> bool:
    """Whether the command changes the file (``plan header`` without options only reads)."""
    return command in WRITES and (command != "plan" or cli_plan_header.writes(args))
