"""The unit a rate is priced by, as the rate listings say it. A row counted by the day with
several units a day (``per_day``: interpreting, 4 hours a working day) is priced per hour:
its figure is the circular's hourly rate and its quantity the hours."""

from __future__ import annotations

from ..domain import Unit
from ..i18n import N_
from ..wording import UNITS

PER_HOUR = N_("per hour")


def hourly(rate) -> bool:
    """Whether *rate* is priced per hour (by the day, several hours a day)."""
    return rate.unit is Unit.DAY and rate.per_day != 1


def unit_label(rate) -> str:
    """The message id of the unit *rate* is priced by ("per hour", "per person and night"…)."""
    return PER_HOUR if hourly(rate) else UNITS[rate.unit.value]
