"""A delegation: one visit, outbound (đoàn ra) or inbound (đoàn vào)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from .life import Approval, Outcome, Person, ProgrammeItem, StatusChange
from .money import Money
from .text import Text


class Direction(StrEnum):
    OUTBOUND = "outbound"  # đoàn ra: the home federation visits the partner
    INBOUND = "inbound"  # đoàn vào: the partner visits the home federation


class Status(StrEnum):
    PLANNED = "planned"
    PROPOSED = "proposed"
    APPROVED = "approved"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class DayRange:
    """Length of the visit as a range of days, e.g. 3–4."""

    min_days: int
    max_days: int

    def __str__(self) -> str:
        if self.min_days == self.max_days:
            return str(self.min_days)
        return f"{self.min_days}-{self.max_days}"


@dataclass(frozen=True, slots=True)
class Timing:
    """When the visit happens: a whole year, a month of a year, or exact dates.

    One truth: when there are dates, the year and month are derived from the
    start date (and a missing end is the start), whatever was passed, so they
    can never contradict the dates.
    """

    year: int
    month: int | None = None
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start is not None:
            object.__setattr__(self, "year", self.start.year)
            object.__setattr__(self, "month", None)
            if self.end is None:
                object.__setattr__(self, "end", self.start)

    @property
    def days(self) -> int | None:
        """The number of days the dates cover (both ends counted); ``None`` without dates."""
        if self.start is None or self.end is None or self.end < self.start:
            return None
        return (self.end - self.start).days + 1

    @property
    def kind(self) -> str:
        if self.start is not None:
            return "dates"
        return "month" if self.month is not None else "year"

    def first_day(self) -> date:
        if self.start is not None:
            return self.start
        return date(self.year, self.month or 1, 1)

    def last_day(self) -> date:
        if self.end is not None:
            return self.end
        if self.start is not None:
            return self.start
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def years(self) -> range:
        return range(self.first_day().year, self.last_day().year + 1)


@dataclass(frozen=True, slots=True)
class Leader:
    """Who leads a delegation: the position (in each language), and the person's
    name as written in Vietnamese (Latin script) and, for Lao documents, in Lao script."""

    position: Text
    name: str = ""
    name_lo: str = ""

    def name_in(self, lang: str) -> str:
        """The name for a text in *lang*: the Lao-script one in Lao when there is one."""
        return self.name_lo if lang == "lo" and self.name_lo else self.name


@dataclass(frozen=True, slots=True)
class CostLine:
    """Who pays one cost item, and from which funding source.

    ``item`` and ``funding`` are codes registered by plugins ("board_lodging",
    "union_budget"); ``payer`` is an organisation code; ``detail`` is extra
    wording printed after the item ("của đoàn").
    """

    item: str
    payer: str
    funding: str = ""
    detail: Text = field(default_factory=Text)


@dataclass(frozen=True, slots=True)
class RateOverride:
    """A unit rate the officer set for one delegation instead of the rate table's
    (``item`` and ``role`` name the table row: "lodging", "member")."""

    item: str
    role: str
    amount: Money


@dataclass(frozen=True, slots=True)
class Delegation:
    """One delegation of a plan. ``partner`` is the partner organisation's code.

    The sender and the host follow from the direction: outbound, the home
    federation sends and the partner hosts; inbound, the other way round.
    When the timing has dates, the duration is the number of days they cover.
    """

    id: str
    plan_id: str
    seq: int
    direction: Direction
    partner: str
    name: Text
    leader: Leader
    members: int
    duration: DayRange
    timing: Timing
    activities: tuple[Text, ...] = ()
    cost_lines: tuple[CostLine, ...] = ()
    status: Status = Status.PLANNED
    notes: str = ""
    cost_model: str = ""
    rates: tuple[RateOverride, ...] = ()
    guest_class: str = ""   # receiving: A, B, C or other, as the officer confirmed it ("" = not confirmed)
    roster: tuple[Person, ...] = ()
    programme: tuple[ProgrammeItem, ...] = ()
    approval: Approval | None = None
    outcome: Outcome | None = None
    cancel_reason: Text = field(default_factory=Text)  # why it was cancelled, in each language given
    history: tuple[StatusChange, ...] = ()
    texts: tuple[tuple[str, Text], ...] = ()  # (document kind, the officer's text for it)
    # Pages of documents translated for the delegation (to or from the partner's language),
    # priced per page by the rate tables that have a translation row.
    translation_pages: int = 0

    def __post_init__(self) -> None:
        days = self.timing.days
        if days is not None and (self.duration.min_days, self.duration.max_days) != (days, days):
            object.__setattr__(self, "duration", DayRange(days, days))

    @property
    def planned_members(self) -> int:
        """The size the plan gives the delegation: ``members``, as the officer typed it. The
        roster is who actually goes; a roster of another size is a warning, never a new count."""
        return self.members

    def text_for(self, kind: str) -> Text:
        """The officer's own text for the document *kind* (empty: the document's default)."""
        return dict(self.texts).get(kind, Text())

    def sender(self, home: str) -> str:
        return home if self.direction is Direction.OUTBOUND else self.partner

    def host(self, home: str) -> str:
        return self.partner if self.direction is Direction.OUTBOUND else home

    def evolve(self, **changes) -> "Delegation":
        return replace(self, **changes)
