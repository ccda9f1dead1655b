"""Reading the cells of a plan table: numbers of people and days, the time
expressions of the plans ("Năm 2020", "Tháng 10/2025", "24-25/9/2025",
"28/02/2024 - 03/03/2024"), list cells and the direction.

Each parser returns a value, or raises ``CellError`` with an untranslated message
saying what was expected; the caller names the row and the column.
"""

from __future__ import annotations

import re
from datetime import date

from ..domain import DayRange, Direction, Timing, fold
from ..domain.limits import MAX_YEAR, MIN_YEAR
from ..i18n import N_


class CellError(ValueError):
    """A cell that cannot be read; ``message`` is untranslated, ``params`` fill it."""

    def __init__(self, message: str, **params):
        super().__init__(message)
        self.message, self.params = message, params


_DASH = r"\s*[-–—]\s*"
_NUMBER = re.compile(r"^\s*(\d{1,5})\s*(?:nguoi|dong chi|thanh vien|people|persons?|members?|ຄົນ|ທ່ານ)?\.?\s*$")
_DAYS = re.compile(rf"^\s*(\d{{1,3}})(?:{_DASH}(\d{{1,3}}))?\s*(?:ngay|days?|ວັນ)?\.?\s*$")
_YEAR = re.compile(r"^\s*(?:nam|year|ປີ)?\s*(\d{4})\.?\s*$")
_MONTH = re.compile(r"^\s*(?:thang|month|ເດືອນ)?\s*(\d{1,2})\s*(?:/|-|\s+nam\s+|\s+ປີ\s+)\s*(\d{4})\.?\s*$")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
# "September 2024", "in Sept. 2024", "Sep 2024": the English export writes the month by name.
_NAMED_MONTH = re.compile(r"^\s*(?:in\s+)?([a-z]{3,9})\.?\s+(\d{4})\.?\s*$")
_D = r"(\d{1,2})"
_Y = r"(\d{4})"
# 24/9/2025 ; 24-25/9/2025 ; 28/2-3/3/2020 ; 28/02/2024 - 03/03/2024
_ONE_DAY = re.compile(rf"^\s*(?:ngay\s+)?{_D}[/.]{_D}[/.]{_Y}\s*$")
_DAYS_IN_MONTH = re.compile(rf"^\s*(?:ngay\s+|tu\s+ngay\s+)?{_D}{_DASH}{_D}[/.]{_D}[/.]{_Y}\s*$")
_SPAN_IN_YEAR = re.compile(rf"^\s*(?:tu\s+ngay\s+|tu\s+)?{_D}[/.]{_D}(?:{_DASH}|\s+den\s+(?:ngay\s+)?){_D}[/.]{_D}[/.]{_Y}\s*$")
_SPAN = re.compile(rf"^\s*(?:tu\s+ngay\s+|tu\s+)?{_D}[/.]{_D}[/.]{_Y}(?:{_DASH}|\s+den\s+(?:ngay\s+)?){_D}[/.]{_D}[/.]{_Y}\s*$")
_TIMING_HELP = "Năm 2020, Tháng 10/2025, 24/9/2025, 24-25/9/2025, 28/02/2024 - 03/03/2024"


def parse_members(text: str) -> int:
    """The number of people: "10", "10 người"."""
    m = _NUMBER.match(fold(text))
    if not m:
        raise CellError(N_("\"{value}\" is not a number of people (e.g. 10)."), value=text)
    return int(m.group(1))


def parse_pages(text: str) -> int:
    """The number of pages to translate: "12"."""
    m = re.match(r"^\s*(\d{1,6})\s*(?:trang|pages?|ໜ້າ)?\.?\s*$", fold(text))
    if not m:
        raise CellError(N_("\"{value}\" is not a whole number."), value=text)
    return int(m.group(1))


def parse_days(text: str) -> DayRange:
    """The length of a visit: "5", "5 ngày", "3-4 ngày"."""
    m = _DAYS.match(fold(text))
    if not m:
        raise CellError(N_("\"{value}\" is not a number of days (e.g. 5 or 3-4 ngày)."), value=text)
    low = int(m.group(1))
    return DayRange(low, int(m.group(2)) if m.group(2) else low)


def _date(day: str, month: str, year: str, text: str) -> date:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        raise CellError(N_("\"{value}\" holds a day that does not exist."), value=text) from None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise CellError(N_("The year {year} is not plausible (from {low} to {high})."), year=value.year, low=MIN_YEAR, high=MAX_YEAR)
    return value


def parse_timing(text: str) -> Timing:
    """When the visit happens: a year, a month of a year, a day, or a span of days."""
    folded = fold(text)
    if m := _YEAR.match(folded):
        return Timing(int(m.group(1)))
    if m := _MONTH.match(folded):
        month, year = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise CellError(N_("\"{value}\" holds a month that does not exist."), value=text)
        return Timing(year, month)
    if (m := _NAMED_MONTH.match(folded)) and (month := _month_named(m.group(1))):
        return Timing(int(m.group(2)), month)
    if m := _ONE_DAY.match(folded):
        day = _date(*m.groups(), text)
        return Timing(day.year, start=day, end=day)
    if m := _DAYS_IN_MONTH.match(folded):
        first, last, month, year = m.groups()
        start, end = _date(first, month, year, text), _date(last, month, year, text)
        return _span(start, end, text)
    if m := _SPAN_IN_YEAR.match(folded):
        d1, m1, d2, m2, year = m.groups()
        start, end = _date(d1, m1, year, text), _date(d2, m2, year, text)
        if end < start:  # 28/12-3/1/2026: the first day is in the year before
            start = _date(d1, m1, str(int(year) - 1), text)
        return _span(start, end, text)
    if m := _SPAN.match(folded):
        d1, m1, y1, d2, m2, y2 = m.groups()
        return _span(_date(d1, m1, y1, text), _date(d2, m2, y2, text), text)
    raise CellError(N_("\"{value}\" is not a time the import understands ({examples})."), value=text, examples=_TIMING_HELP)


def _month_named(word: str) -> int | None:
    """The month an English name or its abbreviation names ("september", "sep", "sept"), or None."""
    for number, name in enumerate(_MONTH_NAMES, 1):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return number
    return None


def _span(start: date, end: date, text: str) -> Timing:
    if end < start:
        raise CellError(N_("\"{value}\" ends before it starts."), value=text)
    return Timing(start.year, start=start, end=end)


_BULLET = re.compile(r"^\s*[-–•+*]\s*")
_INLINE_BULLET = re.compile(r"\s+[-–•+]\s+")


def list_items(text: str) -> list[str]:
    """The items of a list cell: one per line or paragraph, and a line that starts with
    a dash split at each " - " ("- Trao đổi … - Đi thực tế …" is two items)."""
    items = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if _BULLET.match(line):
            items += [_BULLET.sub("", part) for part in _INLINE_BULLET.split(_BULLET.sub("", line))]
        else:
            items.append(line)
    return [" ".join(item.split()).rstrip(";") .strip() for item in items if item.strip(" -–•+;")]


_OUT = ("doan ra", "outbound", "ra", "ຄະນະອອກ", "ອອກ")
_IN = ("doan vao", "inbound", "vao", "ຄະນະເຂົ້າ", "ເຂົ້າ")
_MARK = re.compile(r"\(\s*(doan ra|doan vao|outbound|inbound|ຄະນະອອກ|ຄະນະເຂົ້າ)\s*\)")


def direction_word(text: str) -> Direction | None:
    """The direction a cell names ("Đoàn ra", "vào", "inbound"), or one the name marks
    in brackets ("Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)")."""
    folded = fold(text)
    if folded in _OUT:
        return Direction.OUTBOUND
    if folded in _IN:
        return Direction.INBOUND
    m = _MARK.search(folded)
    if m:
        return Direction.OUTBOUND if m.group(1) in _OUT else Direction.INBOUND
    return None


def words(text: str) -> str:
    """*text* folded with its punctuation made spaces, padded, for whole-word searches."""
    return " " + " ".join(re.sub(r"[^\w\u0e80-\u0eff]+", " ", fold(text)).split()) + " "


__all__ = ["CellError", "direction_word", "list_items", "parse_days", "parse_members", "parse_pages", "parse_timing", "words"]
