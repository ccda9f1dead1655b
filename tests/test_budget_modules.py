"""The budget's pure rules are split by responsibility, each module small, and
``delegations.domain.budget`` still offers every name it offered."""

from __future__ import annotations

import importlib
from pathlib import Path

import delegations

SRC = Path(delegations.__file__).parent
PARTS = ("budget_rates", "budget_lines", "budget_actuals")


def test_every_budget_module_is_under_400_lines():
    files = [SRC / "domain" / f"{name}.py" for name in ("budget", *PARTS)] + sorted((SRC / "budget").glob("*.py"))
    long = {f.name: n for f in files if (n := len(f.read_text("utf-8").splitlines())) >= 400}
    assert not long


def test_the_old_import_path_offers_the_same_objects():
    facade = importlib.import_module("delegations.domain.budget")
    names = {"Unit", "Side", "ROLES", "Rate", "RateTable", "CapRaises", "with_caps", "Basis", "TableChoice", "GUEST_CLASSES",
             "proposed_class", "choose_table", "table_in_force", "BudgetLine", "deputies", "people", "quantity", "deputy_items",
             "applies", "unassigned_items", "estimate", "for_partner", "Budget", "Spent", "spent", "Comparison", "compare",
             "convert", "ExchangeRate", "MissingExchangeRate"}
    assert names | {"_add"} <= set(dir(facade))
    for part in PARTS:
        module = importlib.import_module(f"delegations.domain.{part}")
        own = [n for n, v in vars(module).items() if not n.startswith("_") and getattr(v, "__module__", None) == module.__name__]
        assert own, part
        for name in own:
            assert getattr(facade, name) is getattr(module, name), (part, name)
