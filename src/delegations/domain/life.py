"""A delegation's life beyond its row in the plan: its people (the roster), its
day-by-day programme, and the facts of each status (approval, results, cancellation)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from .money import Money
from .text import Text


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


ROLES = ("leader", "deputy", "member", "interpreter", "driver")


@dataclass(frozen=True, slots=True)
class Person:
    """One member of a delegation: ``position`` holds the position and the organisation
    ("Phó Chủ tịch LĐLĐ tỉnh Quảng Trị"); ``lao_name`` is the name in Lao script for the
    partner's documents; ``role`` one of ``ROLES``."""

    name: str
    position: Text = field(default_factory=Text)
    sex: Sex | None = None
    born: date | None = None
    passport: str = ""
    passport_expires: date | None = None
    lao_name: str = ""
    role: str = "member"


@dataclass(frozen=True, slots=True)
class ProgrammeItem:
    """One line of the programme: a day, an optional time ("08:30"), the activity and the place."""

    day: date
    activity: Text
    time: str = ""
    place: Text = field(default_factory=Text)


@dataclass(frozen=True, slots=True)
class Approval:
    """The decision that approved the delegation: its number ("125/QĐ-LĐLĐ"), date and approving body."""

    number: str
    issued: date
    body: Text = field(default_factory=Text)


@dataclass(frozen=True, slots=True)
class ActualCost:
    """What one cost item really cost (``item`` is a cost-item code)."""

    item: str
    amount: Money


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened: actual dates, members, costs per item and the results in a few lines."""

    start: date
    end: date
    members: int
    costs: tuple[ActualCost, ...] = ()
    results: Text = field(default_factory=Text)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One change of status, dated, with what the officer noted (a decision number, a reason)."""

    status: str
    on: date
    note: str = ""
