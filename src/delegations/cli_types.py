"""The types of command-line values that carry a date or a year, checked against the
year bounds of ``domain.limits`` (argparse names the option in its message)."""

from __future__ import annotations

import argparse
from datetime import date

from .domain.limits import MAX_YEAR, MIN_YEAR
from .i18n import _


def date_arg(text: str) -> date:
    """A day written 2026-11-23 (or 23/11/2026), its year from ``MIN_YEAR`` to ``MAX_YEAR``."""
    from .forms import parse_day

    try:
        day = parse_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("\"{value}\" is not a date; write it as 2026-11-23.").format(value=text)) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise argparse.ArgumentTypeError(_("\"{value}\": the year is not plausible; write a date from {low} to {high}, as 2026-11-23.").format(
            value=text, low=MIN_YEAR, high=MAX_YEAR))
    return day


def year_arg(text: str) -> int:
    """A year with four digits, from ``MIN_YEAR`` to ``MAX_YEAR`` (22 is refused, not read as 0022)."""
    value = text.strip()
    if not (value.isascii() and value.isdigit() and len(value) == 4 and MIN_YEAR <= int(value) <= MAX_YEAR):
        raise argparse.ArgumentTypeError(_("\"{value}\" is not a year: write it with four digits, from {low} to {high}.").format(
            value=text, low=MIN_YEAR, high=MAX_YEAR))
    return int(value)




def count_arg(text: str) -> int:
    """A whole number of 1 or more (members)."""
    value = text.strip()
    if not (value.isascii() and value.isdigit() and int(value) >= 1):
        raise argparse.ArgumentTypeError(_("\"{value}\" is not a whole number of 1 or more.").format(value=text))
    return int(value)


def month_arg(text: str) -> int:
    """A month, 1 to 12."""
    value = text.strip()
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= 12):
        raise argparse.ArgumentTypeError(_("\"{value}\" is not a month; write 1 to 12.").format(value=text))
    return int(value)


def days_arg(text: str) -> tuple[int, int]:
    """A length in days: ``5``, or a range ``3-4``."""
    low, _sep, high = text.strip().partition("-")
    try:
        first, last = count_arg(low), count_arg(high or low)
    except argparse.ArgumentTypeError:
        first = last = 0
    if not 1 <= first <= last:
        raise argparse.ArgumentTypeError(_("\"{value}\" is not a number of days; write 5, or 3-4.").format(value=text))
    return first, last


def plan_period_arg(text: str) -> tuple[int, int]:
    """A plan's period, ``2023-2025``: two years, the last not before the first."""
    first, _sep, last = text.strip().partition("-")
    try:
        start, end = year_arg(first), year_arg(last)
    except argparse.ArgumentTypeError:
        start = end = 0
    if not start or end < start:
        raise argparse.ArgumentTypeError(_("\"{value}\" is not a period; write the first and last year, e.g. 2023-2025.").format(value=text))
    return start, end


__all__ = ["count_arg", "date_arg", "days_arg", "month_arg", "plan_period_arg", "year_arg"]
