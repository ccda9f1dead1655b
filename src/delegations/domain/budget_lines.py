"""Budget lines and totals: what a delegation costs by a rate table, and the sums.

``estimate`` turns a delegation into budget lines: quantity × rate, rounded to
the currency's unit, each line paid by the party its cost line names. A line
another side pays is the partner's (``for_partner``): no rate, no amount, in no
total. ``Budget`` holds the lines with their amounts in one reporting currency
(converted with the exchange rates the officer entered) and groups the totals.
No floats: every amount is a Decimal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from .budget_rates import Rate, RateTable, Side, Unit
from .delegation import Delegation
from .exchange import ExchangeRate, convert
from .money import Money


@dataclass(frozen=True, slots=True)
class BudgetLine:
    delegation_id: str
    seq: int
    year: int
    item: str
    role: str
    cost_item: str
    payer: str
    funding: str
    quantity: Decimal
    rate: Money | None
    table: str
    overridden: bool = False
    article: str = ""       # where the line's rule comes from: the circular's article, the cost model's
    partner: bool = False   # paid by the other side: listed as its, not priced by our circulars, in no total
    entered: bool = False   # priced by a figure the officer entered in the table (not checked against the circular)

    @property
    def amount(self) -> Money | None:
        """quantity × rate, rounded to the currency's unit (None while the rate is not filled in)."""
        return None if self.rate is None else (self.rate * self.quantity).rounded()


def deputies(d: Delegation) -> int:
    """The deputy heads of the delegation: the roster's people whose role is "deputy"
    (none while there is no roster), never more than the members besides the leader."""
    return min(sum(1 for p in d.roster if p.role == "deputy"), max(d.members - 1, 0))


def people(d: Delegation, role: str, deputy_rate: bool = False) -> int:
    """The delegation's people in *role*: one leader, the others are members. With a
    *deputy_rate* (the table prices the item for a deputy head), the deputies are counted
    apart ("deputy") and not among the members."""
    leaders = min(1, d.members)
    apart = deputies(d) if deputy_rate else 0
    return {"leader": leaders, "deputy": apart, "member": d.members - leaders - apart}.get(role, d.members)


def quantity(d: Delegation, rate: Rate, banquet: bool = False, deputy_rate: bool = False) -> Decimal:
    """How many units of *rate* the delegation uses; days are the longest stay planned, nights one fewer.
    With a *banquet*, a meals row with a ``banquet_day`` share counts the banquet day at that
    share (the banquet replaces one meal, the other meal that day is paid at 50 %). With a
    *deputy_rate* for the row's item, members exclude the deputies, priced by their own row."""
    days = Decimal(d.duration.max_days)
    count = people(d, rate.role, deputy_rate)
    if banquet and rate.banquet_day is not None and rate.unit is Unit.PERSON_DAY and days >= 1:
        return count * (days - 1 + rate.banquet_day) * rate.per_day
    if rate.unit is Unit.PERSON_NIGHT:
        return count * max(days - 1, Decimal(0))
    if rate.unit is Unit.PERSON_DAY:
        return count * days * rate.per_day
    if rate.unit is Unit.DAY:
        return days * rate.per_day
    if rate.unit is Unit.PERSON:
        return Decimal(count)
    if rate.unit is Unit.PAGE:
        return Decimal(d.translation_pages) * rate.per_day
    return Decimal(1)


def deputy_items(table: RateTable) -> frozenset[str]:
    """The items *table* prices for a deputy head apart (lodging in TT 35/2026, classes A and B)."""
    return frozenset(r.item for r in table.rates if r.role == "deputy")


def applies(d: Delegation, rate: Rate) -> bool:
    """Whether a row concerns *d* at all: a deputy's row only with deputies on the roster,
    a per-page row only with pages to translate."""
    if rate.role == "deputy":
        return deputies(d) > 0
    if rate.unit is Unit.PAGE:
        return d.translation_pages > 0
    return True


def unassigned_items(d: Delegation, table: RateTable) -> tuple[str, ...]:
    """The cost items of *table* that concern *d* and that none of its cost lines gives a
    paying side (for a co-organised activity, TT 35/2026 Art. 27 wants each side named)."""
    named = {c.item for c in d.cost_lines}
    return tuple(dict.fromkeys(r.cost_item for r in table.rates if applies(d, r) and r.cost_item not in named))


def estimate(d: Delegation, table: RateTable, home: str, include: Callable[[Rate], bool] = lambda r: True,
             funding_for: Callable[[str], str] = lambda payer: "") -> list[BudgetLine]:
    """The budget lines of *d* priced by *table*, for the rows *include* accepts.

    Each line is paid by the payer of its cost item in the delegation's cost
    lines (so the cost model and the officer decide who pays); an item no cost
    line names is paid by the host or the sender, as the table row says, from
    the source *funding_for* gives that payer.
    """
    payers = {c.item: (c.payer, c.funding) for c in d.cost_lines}
    overrides = {(o.item, o.role): o.amount for o in d.rates}
    banquet = any(r.item == "banquet" and include(r) for r in table.rates)
    apart = deputy_items(table)
    lines = []
    for rate in table.rates:
        if not include(rate) or not applies(d, rate):
            continue
        side = d.host(home) if rate.side is Side.HOST else d.sender(home)
        payer, funding = payers.get(rate.cost_item, (side, funding_for(side)))
        amount = overrides.get(rate.key, rate.amount)
        lines.append(BudgetLine(
            delegation_id=d.id, seq=d.seq, year=d.timing.year, item=rate.item, role=rate.role, cost_item=rate.cost_item,
            payer=payer, funding=funding, quantity=quantity(d, rate, banquet, rate.item in apart), rate=amount, table=table.code,
            overridden=rate.key in overrides, article=rate.article, entered=rate.entered and rate.key not in overrides,
        ))
    return lines


def for_partner(lines: Iterable[BudgetLine], home: str) -> list[BudgetLine]:
    """*lines* with those another side pays marked as the partner's: the circulars' ceilings
    govern only what the home federation (*home*) spends, so such a line keeps its item,
    quantity and payer but no rate or amount, and no total counts it (nor as missing)."""
    return [ln if ln.payer == home else replace(ln, rate=None, overridden=False, entered=False, partner=True) for ln in lines]


@dataclass(frozen=True)
class Budget:
    """Budget lines with their amounts in one reporting currency."""

    lines: tuple[BudgetLine, ...]
    amounts: tuple[Money | None, ...]   # each line's amount in ``currency`` (None: not priced)
    currency: str

    @classmethod
    def of(cls, lines: Iterable[BudgetLine], currency: str, rates: Iterable[ExchangeRate] = (), on: date | None = None) -> "Budget":
        lines = tuple(lines)
        rates = tuple(rates)
        amounts = tuple(None if ln.amount is None or ln.partner else convert(ln.amount, currency, rates, on) for ln in lines)
        return cls(lines, amounts, currency)

    def own(self) -> tuple[BudgetLine, ...]:
        """The lines the home federation pays: the estimate proper."""
        return tuple(ln for ln in self.lines if not ln.partner)

    def partners(self) -> tuple[BudgetLine, ...]:
        """The lines another side pays: listed as its own, never priced nor counted."""
        return tuple(ln for ln in self.lines if ln.partner)

    def total(self) -> Money:
        """The home federation's total: partner lines have no amount and add nothing."""
        return sum((a for a in self.amounts if a is not None), Money.zero(self.currency))

    def by(self, key: Callable[[BudgetLine], object]) -> dict[object, Money | None]:
        """Totals grouped by *key* (a delegation, a year, a payer, a funding source), in
        first-seen order; None for a group none of whose lines is priced yet."""
        out: dict[object, Money | None] = {}
        for line, amount in zip(self.lines, self.amounts):
            group = key(line)
            previous = out.get(group)
            out[group] = previous if amount is None else (amount if previous is None else previous + amount)
        return out

    def unpriced(self) -> tuple[BudgetLine, ...]:
        """The home federation's lines with no rate yet (a partner's line is not missing a rate)."""
        return tuple(ln for ln, a in zip(self.lines, self.amounts) if a is None and not ln.partner)
