"""Dates, numbers and money in the conventions of each language (Babel), and the
lines of an administrative document that follow rules of their own."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from . import N_, translator

# Blanks the clerk fills in by hand on a draft.
BLANK = "      "


def _clean(text: str) -> str:
    """CLDR's Lao patterns hold zero-width spaces; documents must not draw them."""
    return text.replace("\u200b", "")


def admin_date_line(place: str, when: date | None) -> str:
    """The Vietnamese administrative date line (Nghị định 30/2020/NĐ-CP).

    Days below 10 and months 1 and 2 take a leading zero; other months do not:
    "Quảng Trị, ngày 05 tháng 01 năm 2020", "Quảng Trị, ngày 16 tháng 9 năm 2019".
    A draft (no date) leaves blanks for the clerk.
    """
    if when is None:
        return f"{place}, ngày{BLANK}tháng{BLANK}năm 20…"
    month = f"{when.month:02d}" if when.month <= 2 else str(when.month)
    return f"{place}, ngày {when.day:02d} tháng {month} năm {when.year}"


def date_line(place: str, when: date | None, lang: str) -> str:
    """The place-and-date line of a document in *lang*.

    Vietnamese keeps its administrative rule; other languages put Babel's long
    date after the place: "ກວາງຈິ, ວັນທີ 16 ກັນຍາ 2019", "Quang Tri, 16 September 2019".
    """
    if lang == "vi":
        return admin_date_line(place, when)
    if when is None:
        # A draft leaves the day and the month blank, as the Vietnamese line does.
        return translator(lang).gettext(N_("{place}, day{blank}month{blank}year 20…")).format(place=place, blank=BLANK)
    pattern = translator(lang).gettext(N_("{place}, date {date}"))
    return pattern.format(place=place, date=long_date(when, lang))


def document_number(number: int | None, symbol: str, lang: str = "vi") -> str:
    """ "Số: 05/KH-LĐLĐ" (a number below 10 takes a leading zero); a draft leaves
    the number blank: "Số:      /KH-LĐLĐ". The label follows *lang* ("ເລກທີ:")."""
    label = translator(lang).gettext(N_("No.:"))
    return f"{label}{BLANK}/{symbol}" if number is None else f"{label} {number:02d}/{symbol}"


def short_date(when: date) -> str:
    """Date as cited inside a sentence: 16/9/2019."""
    return f"{when.day}/{when.month}/{when.year}"


def identity_date(when: date) -> str:
    """A date of birth or a passport's expiry, as the screen, the command line and the
    documents write it: day and month in two digits, "01/05/1970" (the national format
    puts a leading zero before a day below 10 and months 1 and 2; a personal date takes
    it throughout, as in a passport)."""
    return f"{when.day:02d}/{when.month:02d}/{when.year}"


def month_name(month: int, lang: str) -> str:
    """The month's name in *lang* ("November", "ພະຈິກ"), for a timing worded by month."""
    from babel.dates import get_month_names

    return _clean(get_month_names("wide", locale=lang)[month])


def compact_range(start: date, end: date) -> str:
    """Two dates as short as they stay clear, for a table cell: "1–3/3/2024",
    "28/2–3/3/2024", "28/12/2023–3/1/2024"; one day alone: "16/9/2019"."""
    if end == start:
        return short_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{short_date(end)}"
    if start.year == end.year:
        return f"{start.day}/{start.month}–{short_date(end)}"
    return f"{short_date(start)}–{short_date(end)}"


def long_date(when: date, lang: str) -> str:
    """ "ngày 16 tháng 9 năm 2019", "16 ກັນຍາ 2019" (Lao month names), "September 16, 2019"."""
    if lang == "vi":
        return admin_date_line("", when).lstrip(", ")
    from babel.dates import format_date  # imported when first used: start-up stays quick

    return _clean(format_date(when, "long", locale=lang))


def format_money(money, lang: str) -> str:
    """A ``Money`` in *lang*'s conventions, rounded to the currency's unit:
    "1.234.567 ₫" (vi), "₭1.234.567" (lo), "$1,234.50" (en)."""
    from babel.numbers import format_currency

    return _clean(format_currency(money.rounded().amount, money.currency, locale=lang))


def format_number(value: int | Decimal, lang: str) -> str:
    from babel.numbers import format_decimal

    return _clean(format_decimal(value, locale=lang))
