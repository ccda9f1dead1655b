"""Warnings about dates: a visit over a public holiday of either country or a date
the officer added, two visits at the same time, a leader in two places. Pure: the
holidays come in as data (``Occasion``). The dates go into the problems' parameters as
dates: the message shows them as the interface language writes them (``i18n.describe``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .deadlines import visit_span
from .delegation import Delegation
from .problem import N_, Problem
from .text import Text, fold


@dataclass(frozen=True, slots=True)
class Occasion:
    """A day or days to plan around: a public holiday of ``country`` ("VN", "LA") or,
    with ``country`` "", a date the officer added (a congress, the partner's event)."""

    name: Text
    start: date
    end: date
    country: str = ""

    def overlaps(self, start: date, end: date) -> bool:
        return self.start <= end and start <= self.end


def distinct_names(names: list[str]) -> list[str]:
    """Names without repeats, and without one that contains another ("Tết Nguyên Đán"
    covers "Mùng hai Tết Nguyên Đán"; "Lao New Year's Day" its "(in lieu)" day)."""
    unique = list(dict.fromkeys(n for n in names if n))
    return [n for n in unique if not any(o != n and o in n for o in unique)]


COUNTRY_NAMES = {"VN": N_("Vietnam"), "LA": N_("Laos")}


def occasion_warnings(d: Delegation, occasions, lang: str, translate=lambda s: s) -> list[Problem]:
    """One warning per country whose public holidays the visit overlaps (naming them),
    and one per date of the officer's it overlaps."""
    span = visit_span(d)
    if span is None:
        return []
    start, end = span
    hits = [o for o in occasions if o.overlaps(start, end)]
    problems = []
    for country in ("VN", "LA"):
        names = distinct_names([o.name.get(lang) for o in sorted(hits, key=lambda o: o.start) if o.country == country])
        if names:
            problems.append(Problem("timing", N_("The visit ({start} to {end}) falls on public holidays of {country}: {names}."),
                                    {"start": start, "end": end, "country": translate(COUNTRY_NAMES[country]),
                                     "names": ", ".join(names)}, "warning"))
    for o in hits:
        if not o.country:
            problems.append(Problem("timing", N_("The visit ({start} to {end}) overlaps {name} ({from_} to {to}), a date you added."),
                                    {"start": start, "end": end, "name": o.name.get(lang), "from_": o.start, "to": o.end}, "warning"))
    return problems


def overlap_warnings(d: Delegation, others, lang: str) -> list[Problem]:
    """A warning for each other visit at the same time as *d*, and for each of them led by the same person."""
    span = visit_span(d)
    if span is None:
        return []
    problems = []
    leader = fold(d.leader.name) if d.leader.name else ""
    for o in sorted(others, key=lambda o: o.seq):
        if o.id == d.id:
            continue
        other = visit_span(o)
        if other is None or not (other[0] <= span[1] and span[0] <= other[1]):
            continue
        params = {"seq": o.seq, "name": o.name.get(lang), "start": other[0], "end": other[1]}
        problems.append(Problem("timing", N_("The visit overlaps delegation {seq} ({name}, {start} to {end})."), params, "warning"))
        if leader and fold(o.leader.name) == leader:
            problems.append(Problem("leader", N_("{leader} leads delegation {seq} ({name}) at the same time ({start} to {end})."),
                                    {**params, "leader": d.leader.name}, "warning"))
    return problems
