"""Exchange rates the officer entered with their date, and conversion by the latest one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .money import Money


@dataclass(frozen=True, slots=True)
class ExchangeRate:
    """1 ``source`` = ``rate`` ``target``, as the officer entered it on ``day``."""

    source: str
    target: str
    rate: Decimal
    day: date


class MissingExchangeRate(LookupError):
    def __init__(self, source: str, target: str):
        super().__init__(f"{source}->{target}")
        self.source, self.target = source, target


def convert(money: Money, target: str, rates: Iterable[ExchangeRate], on: date | None = None) -> Money:
    """*money* in *target*, by the latest rate entered on or before *on* (direct or
    inverse), rounded to the target currency's unit."""
    if money.currency == target:
        return money.rounded()
    usable = [r for r in rates if on is None or r.day <= on]
    direct = [r for r in usable if (r.source, r.target) == (money.currency, target)]
    inverse = [r for r in usable if (r.source, r.target) == (target, money.currency)]
    if direct:
        best = max(direct, key=lambda r: r.day)
        return Money(money.amount * best.rate, target).rounded()
    if inverse:
        best = max(inverse, key=lambda r: r.day)
        return Money(money.amount / best.rate, target).rounded()
    raise MissingExchangeRate(money.currency, target)
