"""Exporting a plan: the request an exporter receives, and where the file goes.

Files are written into the chosen folder only, under a name that says what
they are (``ke-hoach_2020-2022_vi_2026-11-23.pdf``), atomically, and never over
an existing file unless asked to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .deadline_settings import rules as deadline_rules
from .domain import Delegation, Organisation, Plan, fold
from .errors import N_, FileError, Msg, UserError
from .registry import Registry
from .services import Filters
from .store import atomic_write_bytes
from .wording import Wording

if TYPE_CHECKING:
    from .budget.service import BudgetReport


@dataclass(frozen=True)
class ExportRequest:
    """What an exporter gets: the plan, the delegations to print (already
    filtered, in order), the document language and the plugins' registry."""

    plan: Plan
    delegations: list[Delegation]
    lang: str
    registry: Registry
    home: Organisation
    filters: Filters = field(default_factory=Filters)
    today: date = field(default_factory=date.today)
    budget: "BudgetReport | None" = None   # the appendix "Dự toán kinh phí", when asked for
    delegation: Delegation | None = None    # a delegation's document (proposal, decision…): the delegation
    planned: dict = field(default_factory=dict)  # its estimate per budget item (for the results report)
    spent: dict | None = None               # what the federation spent per item (None: every actual cost counts)
    partner_spent: tuple = ()               # (Spent, amount) entered for an item a partner pays: listed apart
    status_column: bool = False             # the plan's table with each delegation's status
    deadline_rules: tuple = ()              # the deadline rules in force (the officer's changes applied)

    @property
    def wording(self) -> Wording:
        return Wording(self.lang, self.registry, self.home)

    @property
    def languages(self) -> list[str]:
        """"vi-lo" asks for a bilingual document: ["vi", "lo"]."""
        return self.lang.split("-")


class ExportError(UserError):
    pass


def _slug(value: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", fold(value))
    return s.strip("-") or "plan"


# The first word of a file's name: the document's Vietnamese name, as the plan's "ke-hoach"
# (the clerk's folder reads as the documents' register); a plugin's own kind keeps its code.
FILE_WORDS = {"proposal": "to-trinh", "decision": "quyet-dinh", "invitation": "thu-moi", "programme": "chuong-trinh",
              "roster": "danh-sach-doan", "report": "bao-cao", "budget": "du-toan", "settlement": "quyet-toan"}


def file_name(request: ExportRequest, suffix: str, kind: str = "") -> str:
    kind = kind.split(".", 1)[0]  # "budget.xlsx", "proposal.docx": the suffix says the format
    kind = FILE_WORDS.get(kind, kind)
    if kind and request.delegation is not None:
        return "_".join([_slug(kind), _slug(request.plan.id), str(request.delegation.seq), _slug(request.lang), request.today.isoformat()]) + suffix
    if kind:
        return "_".join([_slug(kind), _slug(request.plan.id), _slug(request.lang), request.today.isoformat()]) + suffix
    parts = ["ke-hoach", _slug(request.plan.id), _slug(request.lang)]
    f = request.filters
    for extra in (f.year, f.direction.value if f.direction else None, f.partner, f.status.value if f.status else None):
        if extra:
            parts.append(_slug(str(extra)))
    parts.append(request.today.isoformat())
    return "_".join(parts) + suffix


# Said the command line's way; the UI says it its own way (its "Replace" box).
ALREADY_EXISTS = N_("{path} already exists; use --force to replace it.")


def write_export(payload: bytes, folder: Path, name: str, *, force: bool) -> Path:
    folder = folder.expanduser().resolve()
    target = (folder / name).resolve()
    if target.parent != folder:
        raise ExportError(N_("Refusing to write {path}: it is outside the export folder {folder}."), path=str(target), folder=str(folder))
    if folder.exists() and not folder.is_dir():
        raise FileError(action=Msg(N_("write into the export folder")), path=str(folder), reason=Msg(N_("it is a file, not a folder")),
                        advice=Msg(N_("Choose another folder.")))
    if target.is_dir():
        raise FileError(action=Msg(N_("write the export")), path=str(target), reason=Msg(N_("it is a folder, not a file")),
                        advice=Msg(N_("Move that folder away or choose another folder.")))
    if target.exists() and not force:
        raise ExportError(ALREADY_EXISTS, path=str(target))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, payload)
    except OSError as exc:
        raise FileError.of(exc, N_("write the export into"), folder) from exc
    return target


def document_languages(known) -> str:
    """The languages a document may be exported in, as ``--lang`` takes them:
    "vi, lo, vi-lo, en" (the bilingual pair after its two languages)."""
    known = set(known)
    first = [code for code in ("vi", "lo") if code in known]
    pair = ["vi-lo"] if len(first) == 2 else []
    return ", ".join([*first, *pair, *sorted(known - set(first))])


def _check_language(planner, lang: str) -> None:
    known = set(planner.registry.locales)
    parts = lang.split("-")
    if not set(parts) <= known or len(parts) > 2 or len(set(parts)) != len(parts):
        raise ExportError(N_("Unknown document language \"{lang}\". Available: {available}."), lang=lang,
                          available=document_languages(known))


def _prepare(planner, plan_id, fmt, lang, filters, today, budget=False, status_column=False):
    exporter = planner.registry.exporters.get(fmt)
    if exporter is not None and getattr(exporter, "document", False):
        raise ExportError(N_("\"{format}\" is a delegation's document: export --document {format} --seq N."), format=fmt)
    if exporter is None:
        raise ExportError(N_("No exporter for the format \"{format}\". Available: {available}."),
                          format=fmt, available=", ".join(sorted(c for c, e in planner.registry.exporters.items()
                                                                  if not getattr(e, "document", False))) or "-")
    _check_language(planner, lang)
    plan = planner.plan(plan_id)
    found = planner.delegations(plan.id, filters)
    report = planner.budgeting.report(plan.id, delegations=list(found)) if budget else None
    request = ExportRequest(plan=plan, delegations=found, lang=lang, registry=planner.registry, home=planner.home(),
                            filters=filters, today=today or date.today(), budget=report, status_column=status_column,
                            deadline_rules=deadline_rules(planner.repo))
    return exporter, request


def export_target(planner, *, plan_id: str | None = None, fmt: str = "pdf", lang: str = "vi", output: Path | None = None,
                  filters: Filters = Filters(), today: date | None = None) -> Path:
    """The file an export with these choices would write (nothing is written)."""
    from . import paths

    exporter, request = _prepare(planner, plan_id, fmt, lang, filters, today)
    return (output or paths.exports_dir()).expanduser().resolve() / file_name(request, exporter.suffix)


def export_plan(planner, *, plan_id: str | None = None, fmt: str = "pdf", lang: str = "vi", output: Path | None = None,
                force: bool = False, filters: Filters = Filters(), today: date | None = None, budget: bool = False,
                status_column: bool = False) -> Path:
    """Export a plan with the exporter registered for *fmt*; return the file written.
    *budget* adds the appendix "Dự toán kinh phí" (the plan's budget)."""
    from . import paths

    from .plugins import guarded

    budget = budget or getattr(planner.registry.exporters.get(fmt), "wants_budget", False)  # a workbook's budget sheets
    exporter, request = _prepare(planner, plan_id, fmt, lang, filters, today, budget, status_column)
    payload = guarded(planner.registry, "exporters", fmt, "export", lambda: exporter.export(request),
                      lambda r: isinstance(r, (bytes, bytearray)))
    return write_export(bytes(payload), output or paths.exports_dir(), file_name(request, exporter.suffix), force=force)


# The formats a document comes in, as the officer knows them, and the option choosing each.
FORMAT_NAMES = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel"}


def document_formats(registry, base: str) -> list[str]:
    """The formats (``--format`` values) the document *base* ("report") is exported in."""
    documents = [code for code, e in registry.exporters.items() if getattr(e, "document", False)]
    return [("pdf" if code == base else code.split(".", 1)[1]) for code in documents if code.split(".", 1)[0] == base]


def _unknown_document(registry, kind: str) -> ExportError:
    """The error for a document or format not registered: the formats the document has, in
    words, with the options giving them; or the documents there are, by their names."""
    from . import i18n

    base, _, fmt = kind.partition(".")
    lang = i18n.current_language()
    formats = document_formats(registry, base)
    if formats:
        label = registry.exporters[base].label.get(lang) if base in registry.exporters else base
        return ExportError(N_("{document} has no {format} version; it comes as: {formats} (export --document {kind} {options})."),
                           document=label, format=FORMAT_NAMES.get(fmt, fmt), kind=base,
                           formats=", ".join(FORMAT_NAMES.get(f, f) for f in formats),
                           options=" | ".join(f"--format {f}" for f in formats))
    kinds = sorted({code.split(".", 1)[0] for code, e in registry.exporters.items() if getattr(e, "document", False)})
    return ExportError(N_("No document \"{kind}\". Available: {available}."), kind=base, available=", ".join(kinds) or "-")


def _document_request(planner, kind, seq, plan_id, lang, today):
    from .lifecycle import report_costs

    exporter = planner.registry.exporters.get(kind)
    if exporter is None or not getattr(exporter, "document", False):
        raise _unknown_document(planner.registry, kind)
    _check_language(planner, lang)
    plan = planner.plan(plan_id)
    if getattr(exporter, "budget_document", False):
        found = list(planner.delegations(plan.id)) if seq is None else [planner.delegation(plan.id, seq)]
        report = planner.budgeting.report(plan.id, delegations=found)
        if exporter.format.split(".", 1)[0] == "settlement":
            from .budget.documents import check_settlement

            check_settlement(report)
        request = ExportRequest(plan=plan, delegations=found, lang=lang, registry=planner.registry, home=planner.home(),
                                today=today or date.today(), delegation=found[0] if seq is not None else None, budget=report)
        return exporter, request
    if seq is None:
        raise ExportError(N_("Say which delegation: export --document {kind} --seq N"), kind=kind)
    d = planner.delegation(plan.id, seq)
    base = kind.split(".", 1)[0]  # "roster.docx": the roster in another format
    if base == "decision" and not d.roster:
        raise ExportError(N_("Delegation {seq} has no roster yet, and the decision sends the people on its attached list. Add its "
                             "members first: roster {seq} add NAME …, or roster {seq} import FILE."), seq=seq)
    if base == "roster" and not d.roster:
        raise ExportError(N_("Delegation {seq} has no roster yet, so its list would be an empty table. Add its members first: "
                             "roster {seq} add NAME …, or roster {seq} import FILE."), seq=seq)
    if base == "programme" and not d.programme:
        raise ExportError(N_("Delegation {seq} has no programme yet, so the document would be an empty table. Add its items first: "
                             "programme {seq} add DATE ACTIVITY."), seq=seq)
    request = ExportRequest(plan=plan, delegations=[d], lang=lang, registry=planner.registry, home=planner.home(),
                            today=today or date.today(), delegation=d)
    costs = report_costs(planner, d)  # the estimate and the spending, split as the budget splits them
    request = replace(request, planned=costs.planned, spent=costs.spent, partner_spent=costs.partner_spent)
    return exporter, request


def document_target(planner, kind: str, seq: int, *, plan_id: str | None = None, lang: str = "vi", output: Path | None = None,
                    today: date | None = None) -> Path:
    """The file ``export_document`` with these choices would write (nothing is written)."""
    from . import paths

    exporter, request = _document_request(planner, kind, seq, plan_id, lang, today)
    return (output or paths.exports_dir()).expanduser().resolve() / file_name(request, exporter.suffix, kind)


def export_document(planner, kind: str, seq: int | None, *, plan_id: str | None = None, lang: str = "vi", output: Path | None = None,
                    force: bool = False, today: date | None = None) -> Path:
    """Export the document *kind* ("proposal", "decision"…) of the delegation *seq* with
    the exporter registered for it (an exporter whose ``document`` is true); return the file."""
    from . import paths
    from .plugins import guarded

    exporter, request = _document_request(planner, kind, seq, plan_id, lang, today)
    payload = guarded(planner.registry, "exporters", kind, "export", lambda: exporter.export(request),
                      lambda r: isinstance(r, (bytes, bytearray)))
    return write_export(bytes(payload), output or paths.exports_dir(), file_name(request, exporter.suffix, kind), force=force)
