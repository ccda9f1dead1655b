"""Budgets: rate tables, the lines a delegation costs, exchange rates and totals.

A rate table (kept as data, with its legal source and validity) prices cost
items per person per day, per day, per person or per delegation, by role
(leader, member). ``estimate`` turns a delegation into budget lines:
quantity × rate, rounded to the currency's unit, each line paid by the party
its cost line names. Totals are sums of lines, converted with exchange rates
the officer entered with their date. No floats: every amount is a Decimal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import Enum

from .delegation import Delegation
from .exchange import ExchangeRate, MissingExchangeRate, convert  # noqa: F401 - part of this module's API
from .money import Money
from .text import Text


class Unit(str, Enum):
    PERSON_DAY = "person_day"   # × people × days × per_day
    PERSON_NIGHT = "person_night"  # × people × nights (a visit of n days has n − 1 nights: lodging)
    DAY = "day"                 # × days × per_day (an interpreter's hours, a car)
    PERSON = "person"           # × people (a ticket, a gift)
    DELEGATION = "delegation"   # once (a banquet, the support contribution)
    PAGE = "page"               # × the pages translated for the delegation (``Delegation.translation_pages``)


class Side(str, Enum):
    """Who pays an item when no cost line names the payer."""

    HOST = "host"
    SENDER = "sender"


ROLES = ("leader", "deputy", "member", "all")


@dataclass(frozen=True, slots=True)
class Rate:
    """One row of a rate table. ``amount`` is None while the officer has not filled it in.

    ``cap`` says the figure is a legal maximum (a line above it is warned about);
    ``verified`` is False for figures the project could not check against the
    official text, which are never to be presented as official.
    """

    item: str
    cost_item: str
    unit: Unit
    amount: Money | None
    role: str = "all"
    per_day: Decimal = Decimal(1)
    side: Side = Side.HOST
    cap: bool = True
    verified: bool = False
    note: str = ""
    capped_by: str = ""   # the provincial decision whose lower cap replaced the circular's figure
    article: str = ""     # the rule the row applies, as the circular words it ("one banquet per delegation …")
    banquet_day: Decimal | None = None   # meals: the share of a day's rate paid on the banquet day (0.5)
    article_text: Text | None = None     # the rule in each language, without the officer's remarks (for documents)
    entered: bool = False                # the figure is the officer's (``rates set``), not the data's

    @property
    def key(self) -> tuple[str, str]:
        return (self.item, self.role)


@dataclass(frozen=True, slots=True)
class RateTable:
    code: str
    label: Text
    source: str
    direction: str            # "inbound": receiving a delegation at home; "outbound": a trip abroad
    currency: str
    valid_from: date | None   # None: from a date not known here
    valid_to: date | None
    rates: tuple[Rate, ...]
    verified: bool = False
    note: str = ""
    guest_class: str = ""   # receiving: the guest class its caps are for (A, B, C, other); "" for any
    replaces: str = ""      # the code of the table this one replaced
    transition: str = ""    # the article keeping the replaced table for plans approved before this one (e.g. "Điều 35.4")
    sources: Text | None = None   # the legal source in each language (``source`` is its Vietnamese)

    def in_force(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on <= self.valid_to)

    def rate(self, item: str, role: str) -> Rate | None:
        return next((r for r in self.rates if r.key == (item, role)), None)

    def with_amounts(self, amounts: Mapping[tuple[str, str], Money]) -> "RateTable":
        """A copy with some rows filled in (the officer's figures for an open table, marked ``entered``)."""
        rates = tuple(replace(r, amount=amounts[r.key], entered=True) if r.key in amounts else r for r in self.rates)
        return replace(self, rates=rates)


class CapRaises(ValueError):
    """A provincial cap above the circular's figure (a province may lower a cap, never raise it)."""

    def __init__(self, table: str, item: str, role: str, cap: Money, figure: Money | None):
        super().__init__(f"{table} {item}/{role}")
        self.table, self.item, self.role, self.cap, self.figure = table, item, role, cap, figure


def with_caps(table: RateTable, caps: Mapping[tuple[str, str], Money], source: str) -> RateTable:
    """*table* with the province's lower caps (Art. 33): each capped row takes the cap
    and names *source*. A cap above the row's figure, on an empty row, in another
    currency or on a row that is not a cap raises ``CapRaises`` naming the line."""
    rates = []
    for r in table.rates:
        cap = caps.get(r.key)
        if cap is None:
            rates.append(r)
            continue
        if r.amount is None or not r.cap or cap.currency != r.amount.currency or cap.amount > r.amount.amount:
            raise CapRaises(table.code, r.item, r.role, cap, r.amount)
        rates.append(replace(r, amount=cap, capped_by=source) if cap.amount < r.amount.amount else r)
    return replace(table, rates=tuple(rates))


class Basis(str, Enum):
    """Why a table prices a delegation."""

    APPROVAL = "approval"       # approved on a day: the table in force that day
    TRANSITION = "transition"   # approved before a newer table took effect, starting after it: the older one is kept
    DATE = "date"               # not approved yet: the table in force on the plan's date (or the day asked for)


@dataclass(frozen=True, slots=True)
class TableChoice:
    """The table that prices a delegation, the day that chose it and why; for a
    transition, the newer table that did not apply."""

    table: RateTable
    basis: Basis
    on: date
    newer: RateTable | None = None
    guest_class: str = ""       # receiving: the class priced
    confirmed: bool = True      # False: the class is the one proposed, not yet confirmed by the officer


GUEST_CLASSES = ("A", "B", "C", "other")


def proposed_class(partner_is_provincial: bool) -> str:
    """The guest class proposed for a delegation the officer has not classed: C for one
    led by a provincial union (department level and below), "other" otherwise. The
    host body's head decides; the officer confirms."""
    return "C" if partner_is_provincial else "other"


def choose_table(tables: Iterable[RateTable], direction: str, approved: date | None, start: date | None,
                 fallback: date, guest_class: str = "") -> TableChoice | None:
    """The table a delegation's dates select. The approval date decides (TT 35/2026
    Art. 35.4: plans approved before the new rates keep the old ones); a delegation not
    approved yet is priced as if approved on *fallback* (the plan's date, else today).
    An approved delegation starting on or after a newer table's first day keeps the
    table of its approval day when the newer one has a transition rule, and says so."""
    tables = [t for t in tables if t.direction == direction and t.guest_class in ("", guest_class)]
    on, basis = (approved, Basis.APPROVAL) if approved else (fallback, Basis.DATE)
    table = table_in_force(tables, direction, on)
    if table is None:
        return None
    if approved and start:
        newer = [t for t in tables if t.replaces == table.code and t.transition and t.valid_from and approved < t.valid_from <= start]
        if newer:
            return TableChoice(table, Basis.TRANSITION, on, newer[0])
    return TableChoice(table, basis, on)


def table_in_force(tables: Iterable[RateTable], direction: str, on: date) -> RateTable | None:
    """The table for *direction* in force on *on*; the latest to start if several are."""
    usable = [t for t in tables if t.direction == direction and t.in_force(on)]
    return max(usable, key=lambda t: t.valid_from or date.min, default=None)


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
