"""The officer's notes on a budget that a document meant to be sent leaves out.

The estimate, the settlement and the plan's budget appendix (and the plan's workbook)
keep the legal basis only; what is for the officer — figures not verified against
the official text, delegations not approved yet, rates not entered and how to enter
them — is said as warnings when such a document is exported (``export`` prints them
on stderr), as the budget screen and ``budget`` say it.
"""

from __future__ import annotations

from ..services import Filters
from .view import BudgetView


def export_notes(planner, lang: str, *, document: str | None = None, seq: int | None = None, plan_id: str | None = None,
                 budget: bool = False, fmt: str = "pdf", filters: Filters = Filters()) -> list[str]:
    """The notes left out of the document an export with these choices writes, in *lang*
    (the officer's language); none when the document carries no budget."""
    plan = planner.plan(plan_id)
    if document:
        if document.split(".", 1)[0] not in ("budget", "settlement"):
            return []
        found = list(planner.delegations(plan.id)) if seq is None else [planner.delegation(plan.id, seq)]
        numbers = None
    else:
        exporter = planner.registry.exporters.get(fmt)
        if not (budget or getattr(exporter, "wants_budget", False)):
            return []
        found = list(planner.delegations(plan.id, filters))
        numbers = {d.seq: n for n, d in enumerate(found, 1)}   # as the plan's table numbers them
    report = planner.budgeting.report(plan.id, delegations=found)
    return BudgetView(report, planner.wording(lang), numbers).internal_notes()
