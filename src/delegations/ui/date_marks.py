"""The date warnings of the plan on screen (issue 17), as the main screen shows them:
a mark beside a row's number, the warnings in full in the detail pane. The same
warnings ``validate`` lists (holidays on both sides, the officer's own dates, two
visits at once, the same leader in two places), from the same ``validate_schedule``
hooks (so a plugin that replaces the built-in calendar checks is followed here too),
computed only for the rows drawn."""

from __future__ import annotations

from ..deadline_settings import own_dates
from ..i18n import describe
from ..store.rows import DelegationList
from ..validating import run_validators

MARK = "!"  # beside the number of a row with a date warning (the detail pane says which)


class DateMarks:
    """Warnings by delegation id, computed when a row is first drawn or selected;
    ``clear()`` after the plan changed."""

    def __init__(self, planner):
        self.planner = planner
        self._found: dict[str, list[str]] = {}
        self._others = None  # the plan's delegations, read once per change

    def clear(self) -> None:
        self._found.clear()
        self._others = None

    def of(self, d, lang: str) -> list[str]:
        """The warning texts about *d*'s dates, in the interface language."""
        key = f"{lang}:{d.id}"
        found = self._found.get(key)
        if found is None:
            if self._others is None or self._others[0] != d.plan_id:
                self._others = (d.plan_id, self.planner.repo.delegations(d.plan_id))
            others = self._others[1]
            others = others.without(d.id) if isinstance(others, DelegationList) else tuple(o for o in others if o.id != d.id)
            report = run_validators(self.planner.host, "validate_schedule", delegation=d, plan=self.planner.repo.plan(d.plan_id),
                                    others=others, own_dates=own_dates(self.planner.repo), registry=self.planner.registry)
            found = self._found[key] = [describe(p) for p in report.problems if p.severity == "warning"]
        return found
