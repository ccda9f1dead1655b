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


# --- TT 71/2018 cites nothing of TT 35/2026 ---------------------------------------------------

def _tables():
    from pathlib import Path

    import delegations
    from delegations.budget.tables import load_table

    return {t.code: t for t in map(load_table, sorted((Path(delegations.__file__).parent / "data" / "rates").glob("*.json")))}


def test_the_old_circulars_gift_lines_are_empty_unverified_and_cite_no_figure_of_the_new_one():
    """The reference has no figure of TT 71/2018 (its gifts included): its gift rows stay empty,
    unverified, and their rule names no amount (2,600,000 / 1,800,000 / 1,000,000 are TT 35/2026's)."""
    import re

    amount = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
    tables = _tables()
    old = [t for code, t in tables.items() if code.startswith("tt71-2018")]
    assert len(old) == 4
    for table in old:
        gifts = [r for r in table.rates if r.item == "gifts"]
        assert gifts, table.code
        for r in gifts:
            assert r.amount is None and not r.verified, (table.code, r.role)
            assert "chưa tìm thấy" in r.article, (table.code, r.article)
        for r in table.rates:   # no row of the old table borrows a figure
            said = [r.article, *(r.article_text.get(lang) for lang in ("vi", "lo", "en"))] if r.article_text else [r.article]
            assert not any(amount.search(text) for text in said), (table.code, r.item, r.role, said)
    new = tables["tt35-2026-a"].rate("gifts", "leader")
    assert new.amount == Money(Decimal(2_600_000), VND)   # the new circular keeps its own figure
