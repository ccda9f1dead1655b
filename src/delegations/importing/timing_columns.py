"""The time and length of a visit from the separate columns of the program's own
workbook: "Năm" (year), "Tháng" (month), "Ngày đi"/"Ngày về" (first and last day),
"Số ngày ít nhất"/"Số ngày nhiều nhất" (fewest and most days).

Each reader returns a value or raises ``CellError`` naming the column's key in
``column`` (the caller names the row and the column as the file words it).
"""

from __future__ import annotations

import re
from datetime import date

from ..domain import DayRange, Timing, fold
from ..domain.limits import MAX_YEAR, MIN_YEAR
from ..i18n import N_
from .parsing import CellError

_DATE = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]00:00(?::00)?)?\s*$")
_WHOLE = re.compile(r"^\s*(\d{1,5})(?:\.0+)?\s*$")


class ColumnError(CellError):
    """A cell of one of the timing columns that cannot be read; ``column`` is its key."""

    def __init__(self, column: str, message: str, **params):
        super().__init__(message, **params)
        self.column = column


def _whole(key: str, text: str) -> int:
    m = _WHOLE.match(fold(text))
    if not m:
        raise ColumnError(key, N_("\"{value}\" is not a whole number."), value=text)
    return int(m.group(1))


def _day(key: str, text: str) -> date:
    """A date as the workbook shows it (24/09/2025) or as a CSV file of it may hold it (2025-09-24)."""
    m = _DATE.match(text)
    parts = (m.group(3), m.group(2), m.group(1)) if m else None
    if parts is None and (m := _ISO.match(fold(text))):
        parts = m.groups()
    if parts is None:
        raise ColumnError(key, N_("\"{value}\" is not a date (e.g. 24/09/2025)."), value=text)
    try:
        value = date(*(int(p) for p in parts))
    except ValueError:
        raise ColumnError(key, N_("\"{value}\" holds a day that does not exist."), value=text) from None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ColumnError(key, N_("The year {year} is not plausible (from {low} to {high})."), year=value.year, low=MIN_YEAR,
                          high=MAX_YEAR)
    return value


def timing_from_columns(get) -> Timing:
    """The time from the year, month, first and last day columns (*get* gives a cell by
    its column's key, "" when the table has no such column)."""
    first, last = get("first_day"), get("last_day")
    if first or last:
        start = _day("first_day" if first else "last_day", first or last)
        end = _day("last_day", last) if last else start
        if end < start:
            raise ColumnError("last_day", N_("\"{value}\" ends before it starts."), value=f"{first} - {last}")
        return Timing(start.year, start=start, end=end)
    if not get("year"):
        raise ColumnError("year", N_("The cell is empty."))
    year = _whole("year", get("year"))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ColumnError("year", N_("The year {year} is not plausible (from {low} to {high})."), year=year, low=MIN_YEAR,
                          high=MAX_YEAR)
    month = _whole("month", get("month")) if get("month") else None
    if month is not None and not 1 <= month <= 12:
        raise ColumnError("month", N_("\"{value}\" holds a month that does not exist."), value=get("month"))
    return Timing(year, month)


def days_from_columns(get) -> DayRange | None:
    """The length from the fewest and most days columns, ``None`` when both are empty."""
    low_text, high_text = get("min_days"), get("max_days")
    if not low_text and not high_text:
        return None
    low = _whole("min_days", low_text) if low_text else None
    high = _whole("max_days", high_text) if high_text else low
    low = high if low is None else low
    if low < 1 or high < low:
        raise ColumnError("max_days" if high_text else "min_days",
                          N_("From {low} to {high} days is not a length (the most must be at least the fewest, and at least 1)."),
                          low=low, high=high)
    return DayRange(low, high)


__all__ = ["ColumnError", "days_from_columns", "timing_from_columns"]
