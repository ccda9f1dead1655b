"""The date warnings of the plan on screen (issue 17), as the main screen shows them:
a mark beside a row's number, the warnings in full in the detail pane. The same
warnings ``validate`` lists (holidays on both sides, the officer's own dates, two
visits at once, the same leader in two places), computed only for the rows drawn."""

from __future__ import annotations

from ..deadline_settings import date_warnings
from ..i18n import describe, translate

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
        found = self._found.get(d.id)
        if found is None:
            if self._others is None or (self._others and self._others[0].plan_id != d.plan_id):
                self._others = list(self.planner.repo.delegations(d.plan_id))
            problems = date_warnings(self.planner, d, self.planner.repo.plan(d.plan_id), lang, translate, self._others)
            found = self._found[d.id] = [describe(p) for p in problems]
        return found
