"""Rate tables: their rows, the province's lower caps, and the table a delegation's dates select.

A rate table (kept as data, with its legal source and validity) prices cost
items per person per day, per night, per day, per person, per page or per
delegation, by role (leader, deputy, member). TT 35/2026 Art. 35.4 keeps the
replaced table for plans approved before the new one took effect; Art. 33 lets
the province lower a cap, never raise it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import Enum

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
    share_of: str = ""                   # the item whose rate (same role) this row is a share of (a surcharge)
    share: Decimal | None = None         # that share at most (0.3: up to 30 % of the page rate); follows a lower cap

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
    and names *source*; a row that is a share of a capped row (``Rate.share_of``) follows it. A cap above the row's figure, on an empty row, in another
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
    return replace(table, rates=tuple(_follow_shares(rates)))


def _follow_shares(rates: list[Rate]) -> list[Rate]:
    """A row that is a share of another row's rate (the Lao surcharge, up to 30 % of the
    page rate) is lowered with it: when the province caps the base row, the share is
    computed from the capped figure (rounded to the currency's unit), unless the row
    itself is already lower."""
    base = {r.key: r for r in rates}
    out = []
    for r in rates:
        of = base.get((r.share_of, r.role)) if r.share_of and r.share is not None else None
        if of is None or not of.capped_by or of.amount is None or r.amount is None or of.amount.currency != r.amount.currency:
            out.append(r)
            continue
        follows = (of.amount * r.share).rounded()
        out.append(replace(r, amount=follows, capped_by=of.capped_by) if follows.amount < r.amount.amount else r)
    return out


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
