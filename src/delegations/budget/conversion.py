"""Amounts in the report's currency when an exchange rate is missing: the lines and
actual costs that cannot be converted are left unpriced (shown as "—", their totals
incomplete) and the missing rates are named, instead of the whole budget being refused."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..domain import Budget, BudgetLine, ExchangeRate, MissingExchangeRate, Money
from ..domain.exchange import convert


def _converted(money: Money, currency: str, rates: tuple, on: date | None, missing: dict) -> Money | None:
    try:
        return convert(money, currency, rates, on)
    except MissingExchangeRate as exc:
        missing[(exc.source, exc.target)] = None
        return None


def priced(lines: Iterable[BudgetLine], currency: str, rates: Iterable[ExchangeRate], on: date | None,
           spent: Iterable = ()) -> tuple[Budget, tuple, tuple[tuple[str, str], ...]]:
    """The budget of *lines* in *currency*, the actual costs *spent* converted (those that
    cannot be are left out), and the (source, target) pairs with no exchange rate entered
    on or before *on*. A line the partner pays, or with no rate, has no amount as before."""
    lines, rates, missing = tuple(lines), tuple(rates), {}
    amounts = tuple(None if ln.amount is None or ln.partner else _converted(ln.amount, currency, rates, on, missing)
                    for ln in lines)
    actual = tuple((s, a) for s in spent if (a := _converted(s.amount, currency, rates, on, missing)) is not None)
    return Budget(lines, amounts, currency), actual, tuple(missing)


def unconverted(budget: Budget) -> tuple[BudgetLine, ...]:
    """The lines with a rate whose amount could not be converted (an exchange rate missing)."""
    return tuple(ln for ln, a in zip(budget.lines, budget.amounts) if a is None and not ln.partner and ln.amount is not None)
