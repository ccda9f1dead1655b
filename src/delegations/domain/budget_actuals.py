"""What a done delegation really cost, attributed like its estimate, and the
comparison of estimated and spent per delegation, year, payer and funding source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .budget_lines import Budget, BudgetLine
from .delegation import Delegation
from .money import Money


@dataclass(frozen=True, slots=True)
class Spent:
    """What one item of a done delegation really cost, attributed like its estimate:
    the payer and funding of the estimate's line for that item (else the host's)."""

    seq: int
    year: int
    item: str
    payer: str
    funding: str
    amount: Money


def spent(d: Delegation, lines: Iterable[BudgetLine], home: str) -> list[Spent]:
    """The actual costs of *d* (from its outcome), each with the payer its estimate names;
    an item the estimate does not list is the home federation's (*home*): its records are
    of what it spent."""
    if d.outcome is None:
        return []
    payers: dict[str, tuple[str, str]] = {}
    for line in lines:
        if line.seq == d.seq:
            payers.setdefault(line.item, (line.payer, line.funding))
    return [Spent(d.seq, d.timing.year, c.item, *payers.get(c.item, (home, "")), c.amount) for c in d.outcome.costs]


def spent_by_side(d: Delegation, lines: Iterable[BudgetLine], home: str) -> tuple[list[Spent], list[Spent]]:
    """The actual costs of *d* split into the home federation's spending and what was
    entered for items a partner pays (by the estimate's *lines*). Only the first is the
    federation's spent: the budget, its documents and the year's summary all count it
    through this function, and none counts the second."""
    items = spent(d, lines, home)
    return [s for s in items if s.payer == home], [s for s in items if s.payer != home]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Estimated and spent for one group. The difference is spent − the estimate of the
    delegations that have spent something (a delegation not done yet is not a saving)."""

    estimate: Money | None
    actual: Money | None
    settled: Money | None = None   # the estimate of the group's delegations with actual costs

    @property
    def difference(self) -> Money | None:
        if self.settled is None or self.actual is None:
            return None
        return self.actual - self.settled


def _add(a: Money | None, b: Money | None) -> Money | None:
    return a if b is None else b if a is None else a + b


def compare(budget: Budget, actual: Iterable[tuple[Spent, Money]], key: Callable[[object], object]) -> dict[object, Comparison]:
    """Estimate and actual grouped by *key* (applied to budget lines and spent items
    alike: both have seq, year, payer and funding), in first-seen order."""
    actual = tuple(actual)
    estimates: dict[object, Money | None] = budget.by(key)
    done = {item.seq for item, _ in actual}
    kept = [(ln, a) for ln, a in zip(budget.lines, budget.amounts) if ln.seq in done]
    settled = Budget(tuple(ln for ln, _ in kept), tuple(a for _, a in kept), budget.currency).by(key)
    actuals: dict[object, Money | None] = {}
    for item, amount in actual:
        group = key(item)
        actuals[group] = _add(actuals.get(group), amount)
    groups = list(dict.fromkeys([*estimates, *actuals]))
    return {g: Comparison(estimates.get(g), actuals.get(g), settled.get(g)) for g in groups}
