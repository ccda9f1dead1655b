"""Totals of a list of delegations: how many, how many people, how many days."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

from .delegation import Delegation, Direction


class Counted(NamedTuple):
    """What the totals need of one delegation."""

    direction: Direction
    years: Iterable[int]
    members: int
    min_days: int
    max_days: int

    @classmethod
    def of(cls, d: Delegation) -> "Counted":
        return cls(d.direction, d.timing.years(), d.members, d.duration.min_days, d.duration.max_days)


@dataclass
class Tally:
    delegations: int = 0
    people: int = 0
    min_days: int = 0
    max_days: int = 0

    def add(self, c: Counted) -> None:
        self.delegations += 1
        self.people += c.members
        self.min_days += c.min_days
        self.max_days += c.max_days


@dataclass
class Totals:
    """All delegations, and the same figures per direction and per year.

    A delegation whose timing spans two years counts in each of them.
    """

    all: Tally = field(default_factory=Tally)
    cancelled: int = 0  # delegations left out of the figures: cancelled ones (said apart, as summary and budget do)
    by_direction: dict[Direction, Tally] = field(default_factory=dict)
    by_year: dict[int, Tally] = field(default_factory=dict)


def totals(items: Iterable[Delegation | Counted]) -> Totals:
    t = Totals()
    for item in items:
        c = item if isinstance(item, Counted) else Counted.of(item)
        t.all.add(c)
        t.by_direction.setdefault(c.direction, Tally()).add(c)
        for year in c.years:
            t.by_year.setdefault(year, Tally()).add(c)
    t.by_year = dict(sorted(t.by_year.items()))
    return t
