"""Money: a Decimal amount with an explicit currency. Never a float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Minor units per currency: VND and LAK are counted in whole units.
CURRENCY_EXPONENT = {"VND": 0, "LAK": 0, "USD": 2, "THB": 2, "KHR": 0, "EUR": 2}


class CurrencyMismatch(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.amount, float):
            raise TypeError("Money amounts must not be floats")
        if not isinstance(self.amount, Decimal):
            object.__setattr__(self, "amount", Decimal(str(self.amount)))
        if not self.amount.is_finite():
            raise ValueError(f"not a finite amount: {self.amount}")
        if self.currency not in CURRENCY_EXPONENT:
            raise ValueError(f"unknown currency {self.currency!r}")

    @classmethod
    def zero(cls, currency: str) -> "Money":
        return cls(Decimal(0), currency)

    def _check(self, other: "Money") -> None:
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} vs {other.currency}")

    def __add__(self, other: "Money") -> "Money":
        self._check(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._check(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: int | Decimal) -> "Money":
        if isinstance(factor, float):
            raise TypeError("multiply Money by int or Decimal")
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def rounded(self) -> "Money":
        exp = Decimal(1).scaleb(-CURRENCY_EXPONENT[self.currency])
        return Money(self.amount.quantize(exp, rounding=ROUND_HALF_UP), self.currency)
