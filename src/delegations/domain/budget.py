"""Budgets: rate tables, the lines a delegation costs, exchange rates, totals and actuals.

The rules live in three modules, by what they answer; every name is re-exported
here so that ``delegations.domain.budget`` stays the one import path:

- ``budget_rates``: rate tables and their rows, provincial caps, the table a
  delegation's dates select (and why);
- ``budget_lines``: a delegation's budget lines, who pays each, the partner's
  lines, and the totals grouped by delegation, year, payer or funding source;
- ``budget_actuals``: the actual costs of a done delegation, whose spending each
  is, and estimated against spent.

No floats: every amount is a Decimal.
"""

from __future__ import annotations

from .budget_actuals import Comparison, Spent, _add, compare, spent, spent_by_side
from .budget_lines import (
    Budget, BudgetLine, applies, deputies, deputy_items, estimate, for_partner, people, quantity, unassigned_items,
)
from .budget_rates import (
    GUEST_CLASSES, ROLES, Basis, CapRaises, Rate, RateTable, Side, TableChoice, Unit, choose_table, proposed_class,
    table_in_force, with_caps,
)
from .exchange import ExchangeRate, MissingExchangeRate, convert

__all__ = [
    "GUEST_CLASSES", "ROLES", "Basis", "Budget", "BudgetLine", "CapRaises", "Comparison", "ExchangeRate", "MissingExchangeRate",
    "Rate", "RateTable", "Side", "Spent", "TableChoice", "Unit", "_add", "applies", "choose_table", "compare", "convert",
    "deputies", "deputy_items", "estimate", "for_partner", "people", "proposed_class", "quantity", "spent", "spent_by_side",
    "table_in_force", "unassigned_items", "with_caps",
]
