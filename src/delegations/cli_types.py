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


__all__ = ["date_arg", "year_arg"]
