"""Every bound on what the officer (or a file, or a plugin) may put into the plan, in one place.

The limits are generous for real plans and small enough that nothing built from
them can overflow: the largest budget line (``MAX_AMOUNT`` × ``MAX_MEMBERS`` ×
``MAX_DAYS``, converted at ``MIN_EXCHANGE_RATE``) stays well inside the 28
digits of Decimal arithmetic. Pure: the checks return ``Problem`` objects
naming the field; they change nothing.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Iterable

from .problem import N_, Problem

MAX_MEMBERS = 500            # people in one delegation
MAX_DAYS = 90                # days of one visit
MAX_PAGES = 10_000           # pages translated for one delegation
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_PLAN_YEARS = 10          # length of a plan period
MAX_AMOUNT = Decimal("1e12")  # one unit rate or amount, in any currency (a trillion)
MIN_EXCHANGE_RATE = Decimal("1e-6")
MAX_EXCHANGE_RATE = Decimal("1e6")
MAX_SEQ = 100_000
MAX_SHORT_TEXT = 300          # names, positions, titles, destinations, one activity
MAX_LONG_TEXT = 5_000         # notes, introduction (several lines)
MAX_CODE = 64                 # partner, cost item, funding, cost model codes

# Bidirectional embedding, override and isolate controls: they reorder what is shown.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def bad_character(value: str, *, multiline: bool = False) -> str | None:
    """The first character *value* must not hold, as U+XXXX; ``None`` if it is clean.

    Refused: control characters (C0, DEL, C1; a newline is allowed in
    multi-line text, a tab nowhere) and the bidi override/embedding/isolate
    characters, which make text print in another order than it was typed.
    """
    for ch in value:
        if ch == "\n" and multiline:
            continue
        if ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029":
            return f"U+{ord(ch):04X}"
    return None


def check_text(field: str, value: str, *, limit: int = MAX_SHORT_TEXT, multiline: bool = False) -> list[Problem]:
    """Problems of one piece of text: too long, or holding a refused character."""
    problems = []
    if len(value) > limit:
        problems.append(Problem(field, N_("The text is too long: {length} characters (at most {limit})."),
                                {"length": len(value), "limit": limit}))
    bad = bad_character(value, multiline=multiline)
    if bad is not None:
        problems.append(Problem(field, N_("The text holds a control or direction-changing character ({char}); remove it."),
                                {"char": bad}))
    return problems


def check_texts(field: str, values: Iterable[str], **kw) -> list[Problem]:
    out: list[Problem] = []
    for v in values:
        out.extend(check_text(field, v, **kw))
    return out


def check_int(field: str, value: int, low: int, high: int) -> list[Problem]:
    if not low <= value <= high:
        return [Problem(field, N_("{value} is out of range: write a number from {low} to {high}."),
                        {"value": value, "low": low, "high": high})]
    return []


def check_year(field: str, year: int) -> list[Problem]:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return [Problem(field, N_("The year {value} is not plausible: write the year with four digits, from {low} to {high}."),
                        {"value": year, "low": MIN_YEAR, "high": MAX_YEAR})]
    return []


def amount_problem(field: str, amount: Decimal, *, allow_zero: bool = True) -> Problem | None:
    """An amount must be finite, not negative (nor zero unless allowed) and at most ``MAX_AMOUNT``."""
    if not amount.is_finite() or amount < 0 or (amount == 0 and not allow_zero) or amount > MAX_AMOUNT:
        return Problem(field, N_("{value} is not a usable amount: it must be a number from 0 to {limit}."),
                       {"value": str(amount), "limit": MAX_AMOUNT.quantize(Decimal(1))})
    return None


def rate_problem(field: str, rate: Decimal) -> Problem | None:
    """An exchange rate must be finite and between ``MIN_EXCHANGE_RATE`` and ``MAX_EXCHANGE_RATE``."""
    if not rate.is_finite() or not MIN_EXCHANGE_RATE <= rate <= MAX_EXCHANGE_RATE:
        return Problem(field, N_("{value} is not a usable exchange rate: it must be between {low} and {high}."),
                       {"value": str(rate), "low": MIN_EXCHANGE_RATE, "high": MAX_EXCHANGE_RATE.quantize(Decimal(1))})
    return None
