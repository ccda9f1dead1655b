"""Formatting of dates, numbers and citations in document conventions."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from . import translator


def admin_date_line(place: str, when: date | None) -> str:
    """The Vietnamese administrative date line (Nghị định 30/2020/NĐ-CP).

    Days below 10 and months 1 and 2 take a leading zero; other months do not:
    "Quảng Trị, ngày 05 tháng 01 năm 2020", "Quảng Trị, ngày 16 tháng 9 năm 2019".
    A draft (no date) leaves blanks for the clerk.
    """
    if when is None:
        return f"{place}, ngày      tháng      năm 20…"
    month = f"{when.month:02d}" if when.month <= 2 else str(when.month)
    return f"{place}, ngày {when.day:02d} tháng {month} năm {when.year}"


def document_number(number: int | None, symbol: str) -> str:
    """ "Số: 05/KH-LĐLĐ"; a draft leaves the number blank: "Số:      /KH-LĐLĐ"."""
    if number is None:
        return f"Số:      /{symbol}"
    return f"Số: {number:02d}/{symbol}"


def short_date(when: date) -> str:
    """Date as cited inside a sentence: 16/9/2019."""
    return f"{when.day}/{when.month}/{when.year}"


def long_date(when: date, lang: str) -> str:
    if lang == "vi":
        return admin_date_line("", when).lstrip(", ")
    return format_date(when, "long", locale=lang).replace("\u200b", "")


def localized(message: str, lang: str) -> str:
    return translator(lang).gettext(message)
