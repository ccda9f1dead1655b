"""The budget's loose ends: the year's summary counts the federation's spending as the
budget does, and the hand-worked fixture of ``test_budget_payers`` (delegation 1, outbound
to Savannakhet in 2020, the Lao host paying its lodging) is reused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from delegations import cli, lifecycle
from delegations.domain import ActualCost, Direction, Money, Outcome, Status
from test_budget_payers import hand  # noqa: F401 - the fixture

VND = "VND"


def _done_with_a_partner_actual(planner):
    """Delegation 1 done: 5,000,000 entered for the lodging the Lao host pays, 12,000,000 for
    the transport the federation pays."""
    d = planner.delegation(planner.plan().id, 1)
    costs = (ActualCost("lodging", Money(Decimal(5_000_000), VND)), ActualCost("transport", Money(Decimal(12_000_000), VND)))
    planner.save_delegation(d.evolve(status=Status.DONE, outcome=Outcome(date(2020, 2, 28), date(2020, 3, 3), 10, costs)))
    return planner.delegation(planner.plan().id, 1)


def test_the_summary_counts_as_spent_what_the_budget_counts(hand):  # noqa: F811
    _done_with_a_partner_actual(hand)
    budget_spent = hand.budgeting.report().compare(lambda x: "all")["all"].actual
    row = next(r for r in lifecycle.summary(hand, 2020, VND).rows if r.direction is Direction.OUTBOUND)
    assert budget_spent == Money(Decimal(12_000_000), VND)
    assert row.spent == budget_spent   # not 17,000,000: the Lao host's lodging is not the federation's spending


def test_the_summary_command_shows_the_federations_spending(hand, db_path, capsys):  # noqa: F811
    _done_with_a_partner_actual(hand)
    hand.close()
    assert cli.main(["--db", str(db_path), "summary", "--year", "2020"]) == 0
    out = capsys.readouterr().out.replace("\u00a0", " ")
    assert "12.000.000" in out and "17.000.000" not in out
