"""``delegations plan header|basis|recipient``: the plan's header from the command line,
everything the plan-header form (``h``) edits: number and symbol, place and date of issue,
the basis documents and "Nơi nhận" as rows, the introduction and the signature, each text
in Vietnamese with its Lao and English versions.

The options fill the same ``forms.PlanFields`` the form fills and go through the same
``forms.plan_from_fields`` and ``Planner.save_plan``: the same checks, the same record of
what a translation was made from, one undoable change per command."""

from __future__ import annotations

import argparse
import json

from .cli_exits import EXIT_PROBLEMS
from .cli_plan import _print_problems
from .cli_types import date_arg
from .domain import Plan, ValidationError
from .errors import UserError
from .forms import BasisFields, PlanFields, RecipientFields, plan_from_fields
from .i18n import N_, _
from .terminal import safe

ACTIONS = ("header", "basis", "recipient")
TRANSLATED = ("lo", "en")  # the versions a text option has beside the Vietnamese (-lo, -en)
NONE_WORDS = ("none", "-", "")


def _texts(p, option: str, dest: str, help_vi: str) -> None:
    p.add_argument(option, dest=dest, metavar=_("TEXT"), help=help_vi)
    same = {"lo": _("the same in Lao"), "en": _("the same in English")}
    for lang in TRANSLATED:
        p.add_argument(f"{option}-{lang}", dest=f"{dest}_{lang}", metavar=_("TEXT"), help=same[lang])


def _given(args, dest: str) -> dict[str, str]:
    out = {"vi": getattr(args, dest, None)}
    out.update({lang: getattr(args, f"{dest}_{lang}", None) for lang in TRANSLATED})
    return {lang: value for lang, value in out.items() if value is not None}


def add_parsers(actions) -> None:
    """``plan header``, ``plan basis add|remove``, ``plan recipient add|remove`` under ``plan``."""
    p = actions.add_parser("header", help=_("show or change the plan's header: number, date, place, introduction, signature"),
                           description=_("Without options: prints the header. With options: changes only what they name "
                                         "(each text in Vietnamese; -lo and -en give its Lao and English versions). "
                                         "Basis documents and recipients: plan basis, plan recipient."))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))
    p.add_argument("--number", metavar="N", help=_("the plan's number (Số), or none for a draft"))
    p.add_argument("--symbol", help=_("the symbol after the number, e.g. KH-LĐLĐ"))
    p.add_argument("--issued", metavar=_("DATE"), help=_("the date of issue, 2026-11-23 (or 23/11/2026), or none for a draft"))
    _texts(p, "--place", "place", _("the place of the date line, in Vietnamese (Quảng Trị)"))
    _texts(p, "--introduction", "introduction", _("the introduction, in Vietnamese"))
    _texts(p, "--authority", "authority", _("the signature's authority line, in Vietnamese (TM. BAN THƯỜNG VỤ)"))
    _texts(p, "--position", "position", _("the signer's position, in Vietnamese (CHỦ TỊCH)"))
    p.add_argument("--signer", metavar=_("NAME"), help=_("the signer's name"))
    p.add_argument("--json", action="store_true", help=_("print the header as JSON"))

    basis = actions.add_parser("basis", help=_("add or remove a basis document of the plan (plan basis add|remove)"))
    rows = basis.add_subparsers(dest="row_action", metavar=_("ACTION"), required=True)
    p = rows.add_parser("add", help=_("add a basis document at the end (or at --at N)"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))
    _texts(p, "--kind", "kind", _("what the document is, in Vietnamese (Công văn, Quyết định, Kế hoạch…)"))
    _texts(p, "--verb", "verb", _("how it is cited, in Vietnamese (Thực hiện, Căn cứ); default: Căn cứ"))
    p.add_argument("--number", default="", help=_("its number and symbol, e.g. 4214/UBND-ĐN"))
    p.add_argument("--date", type=date_arg, metavar=_("DATE"), help=_("its date, 2019-09-12 (or 12/9/2019)"))
    _texts(p, "--issuer", "issuer", _("who issued it, in Vietnamese"))
    _texts(p, "--subject", "subject", _("what it is about, as cited, in Vietnamese"))
    p.add_argument("--at", type=int, metavar="N", help=_("its place in the list (1 = first)"))
    p = rows.add_parser("remove", help=_("remove basis document N (plan header lists them)"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))
    p.add_argument("row", type=int, metavar="N")

    recipient = actions.add_parser("recipient", help=_("add or remove a line of Nơi nhận (plan recipient add|remove)"))
    rows = recipient.add_subparsers(dest="row_action", metavar=_("ACTION"), required=True)
    p = rows.add_parser("add", help=_("add a recipient (before the archive line, or at --at N)"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))
    p.add_argument("text", metavar=_("TEXT"), help=_("the recipient, in Vietnamese"))
    p.add_argument("--lo", help=_("the same in Lao"))
    p.add_argument("--en", help=_("the same in English"))
    p.add_argument("--at", type=int, metavar="N", help=_("its place in the list (1 = first)"))
    p = rows.add_parser("remove", help=_("remove recipient N (plan header lists them)"))
    p.add_argument("--plan", help=_("plan id (default: the last plan opened)"))
    p.add_argument("row", type=int, metavar="N")


def writes(args) -> bool:
    """Whether this ``plan`` command changes the file (``plan header`` alone only reads)."""
    if getattr(args, "plan_action", None) != "header":
        return True
    return any(getattr(args, dest) is not None for dest in _HEADER_DESTS)


_HEADER_DESTS = ("number", "symbol", "issued", "signer",
                 *(f"{d}{suffix}" for d in ("place", "introduction", "authority", "position") for suffix in ("", "_lo", "_en")))


def _index(row: int, rows: list, what: str) -> int:
    if not 1 <= row <= len(rows):
        raise UserError(N_("There is no {what} {row}; the plan has {n} (plan header lists them)."),
                        what=_(what), row=row, n=len(rows))
    return row - 1


def _place(at: int | None, rows: list) -> int:
    if at is None:
        return len(rows)
    if not 1 <= at <= len(rows) + 1:
        raise UserError(N_("--at {at}: choose a place from 1 to {last}."), at=at, last=len(rows) + 1)
    return at - 1


def _merge(old: dict[str, str], new: dict[str, str]) -> dict[str, str]:
    out = dict(old)
    out.update(new)
    return out


def _fill(f: PlanFields, args) -> None:
    """*f* with what the ``plan header`` options name."""
    if args.number is not None:
        f.number = "" if args.number.strip().lower() in NONE_WORDS else args.number
    if args.symbol is not None:
        f.symbol = args.symbol
    if args.issued is not None:
        if args.issued.strip().lower() in NONE_WORDS:
            f.issued = ""
        else:
            try:
                f.issued = date_arg(args.issued).strftime("%d/%m/%Y")
            except argparse.ArgumentTypeError as exc:
                raise UserError(N_("--issued: {problem}"), problem=str(exc)) from None
    if args.signer is not None:
        f.signer = args.signer
    for dest in ("place", "introduction", "authority", "position"):
        setattr(f, dest, _merge(getattr(f, dest), _given(args, dest)))


def _change(f: PlanFields, args) -> None:
    if args.plan_action == "header":
        _fill(f, args)
    elif args.plan_action == "basis" and args.row_action == "add":
        kind = _given(args, "kind")
        if not kind.get("vi"):
            raise UserError(N_("plan basis add needs --kind (what the document is: Công văn, Quyết định…)."))
        verb = _given(args, "verb") or {"vi": "Căn cứ"}
        b = BasisFields(verb, kind, args.number, args.date.strftime("%d/%m/%Y") if args.date else "",
                        _given(args, "issuer"), _given(args, "subject"))
        f.basis.insert(_place(args.at, f.basis), b)
    elif args.plan_action == "basis":
        del f.basis[_index(args.row, f.basis, N_("basis document"))]
    elif args.row_action == "add":
        text = {"vi": args.text, **{lang: getattr(args, lang) for lang in TRANSLATED if getattr(args, lang)}}
        # At the end by default: the archive line ("Lưu: …") stays last all the same (``archive_last``).
        index = _place(args.at, f.recipients)
        f.recipients.insert(index, RecipientFields(text))
    else:
        del f.recipients[_index(args.row, f.recipients, N_("recipient"))]


def _lines(plan: Plan) -> list[str]:
    """The header as the officer reads it, in the interface language."""
    from . import i18n

    lang = i18n.current_language()
    none = _("(none)")
    s = plan.signature
    out = [
        f"{_('Plan')}: {plan.id} — {plan.title.get(lang)}",
        f"{_('Number')}: {plan.number or none}/{plan.symbol}",
        f"{_('Place')}: {plan.place.get(lang) or none}",
        f"{_('Date of issue')}: {plan.issued.strftime('%d/%m/%Y') if plan.issued else none}",
        f"{_('Basis documents')}:",
    ]
    for i, b in enumerate(plan.basis, 1):
        day = b.issued.strftime("%d/%m/%Y") if b.issued else ""
        parts = [b.verb.get(lang), b.kind.get(lang), b.number, day, b.issuer.get(lang), b.subject.get(lang)]
        out.append(f"  {i}. " + " · ".join(p for p in parts if p))
    out.append(f"{_('Introduction')}: {plan.introduction.get(lang) or none}")
    out.append(f"{_('Recipients')}:")
    out += [f"  {i}. {r.get(lang)}" for i, r in enumerate(plan.recipients, 1)]
    if s:
        out.append(f"{_('Signature')}: {s.authority.get(lang)} / {s.position.get(lang)} / {s.name or none}")
    return out


def header_json(plan: Plan) -> dict:
    """The header for scripts: every text as its languages, dates in ISO."""
    s = plan.signature
    return {
        "id": plan.id, "title": dict(plan.title.versions), "number": plan.number, "symbol": plan.symbol,
        "place": dict(plan.place.versions), "issued": plan.issued.isoformat() if plan.issued else None,
        "basis": [{"verb": dict(b.verb.versions), "kind": dict(b.kind.versions), "number": b.number,
                   "issued": b.issued.isoformat() if b.issued else None, "issuer": dict(b.issuer.versions),
                   "subject": dict(b.subject.versions)} for b in plan.basis],
        "introduction": dict(plan.introduction.versions), "recipients": [dict(r.versions) for r in plan.recipients],
        "signature": {"authority": dict(s.authority.versions), "position": dict(s.position.versions), "name": s.name} if s else None,
    }


def cmd_header(planner, args) -> int:
    """``plan header|basis|recipient``: print, or change and print, the plan's header."""
    plan = planner.plan(args.plan)
    if writes(args):
        f = PlanFields.of(plan)
        _change(f, args)
        changed, problems = plan_from_fields(plan, f)
        if changed is None:
            _print_problems(problems)
            return EXIT_PROBLEMS
        try:
            _print_problems(planner.save_plan(changed))
        except ValidationError as exc:
            _print_problems(exc.problems)
            return EXIT_PROBLEMS
        plan = planner.plan(plan.id)
    if getattr(args, "json", False):
        print(json.dumps(header_json(plan), ensure_ascii=False, indent=2))
    else:
        for line in _lines(plan):
            print(safe(line))
    return 0
