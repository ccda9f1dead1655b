"""Which translations of a plan or a delegation were made from an earlier
Vietnamese (see ``Text.outdated``). Pure: reads the objects, changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from .delegation import Delegation
from .plan import Plan
from .text import Text


@dataclass(frozen=True, slots=True)
class Outdated:
    """The *lang* version of the text in *field* (the *index*-th of a list, from 1) is outdated.
    In a row of the roster or the programme, *part* names the row's text ("position",
    "activity", "place") and *who* the row (the person's name, the item's day)."""

    field: str
    lang: str
    index: int | None = None
    part: str = ""
    who: str = ""


def _each(field: str, texts: Iterable[Text], numbered: bool = True) -> Iterator[Outdated]:
    for i, text in enumerate(texts, start=1):
        for lang in text.outdated():
            yield Outdated(field, lang, i if numbered else None)


def outdated_in_plan(plan: Plan) -> list[Outdated]:
    """The plan header's outdated translations, in the order of the header."""
    found = [*_each("title", [plan.title], False), *_each("place", [plan.place], False)]
    for i, b in enumerate(plan.basis, start=1):
        for text in (b.verb, b.kind, b.issuer, b.subject):
            found += [Outdated("basis", lang, i) for lang in text.outdated() if Outdated("basis", lang, i) not in found]
    found += _each("introduction", [plan.introduction], False)
    found += _each("recipients", plan.recipients)
    if plan.signature is not None:
        found += _each("authority", [plan.signature.authority], False)
        found += _each("position", [plan.signature.position], False)
    return found


def outdated_in_delegation(d: Delegation) -> list[Outdated]:
    """The delegation's outdated translations: its own texts, then those of its life."""
    found = [*_each("name", [d.name], False), *_each("leader", [d.leader.position], False), *_each("activities", d.activities)]
    found += _each("cost_lines", [c.detail for c in d.cost_lines])
    found += [Outdated("roster", lang, n, part, who) for n, part, who, text in _life_rows(d) if n and part == "position"
              for lang in text.outdated()]
    found += [Outdated("programme", lang, n, part, who) for n, part, who, text in _life_rows(d) if part != "position"
              for lang in text.outdated()]
    if d.approval is not None:
        found += _each("approval", [d.approval.body], False)
    if d.outcome is not None:
        found += _each("outcome", [d.outcome.results], False)
    if d.cancel_reason:
        found += _each("cancel_reason", [d.cancel_reason], False)
    found += _each("texts", [t for _kind, t in d.texts])
    return found


@dataclass(frozen=True, slots=True)
class Missing:
    """The text in *field* (the *index*-th of a list, from 1) has no *lang* version:
    a document in *lang* prints its Vietnamese. *part* and *who* as in ``Outdated``."""

    field: str
    lang: str
    index: int | None = None
    part: str = ""
    who: str = ""


def _lacking(field: str, texts: Iterable[Text], lang: str, numbered: bool = True) -> Iterator[Missing]:
    for i, text in enumerate(texts, start=1):
        if text and not text.get(lang, fallback=False):
            yield Missing(field, lang, i if numbered else None)


def missing_in_plan(plan: Plan, lang: str) -> list[Missing]:
    """The plan header's texts that have no *lang* version, in the order of the header
    (a basis document once, whichever of its parts lacks it). The signer's name is
    written the same in every language: not a translation."""
    found = [*_lacking("title", [plan.title], lang, False), *_lacking("place", [plan.place], lang, False)]
    for i, b in enumerate(plan.basis, start=1):
        if any(text and not text.get(lang, fallback=False) for text in (b.verb, b.kind, b.issuer, b.subject)):
            found.append(Missing("basis", lang, i))
    found += _lacking("introduction", [plan.introduction], lang, False)
    found += _lacking("recipients", plan.recipients, lang)
    if plan.signature is not None:
        found += _lacking("authority", [plan.signature.authority], lang, False)
        found += _lacking("position", [plan.signature.position], lang, False)
    return found


def missing_in_delegation(d: Delegation, lang: str, life: bool = False) -> list[Missing]:
    """The delegation's texts printed in the plan's table that have no *lang* version;
    with *life*, also those of its own documents (roster positions, programme). The
    leader's name counts in Lao only: it has a Lao-script version, in other languages
    it is written as in Vietnamese."""
    found = [*_lacking("name", [d.name], lang, False), *_lacking("leader", [d.leader.position], lang, False)]
    if lang == "lo" and d.leader.name and not d.leader.name_lo:
        found.append(Missing("leader_name", lang))
    found += _lacking("activities", d.activities, lang)
    found += _lacking("cost_lines", [c.detail for c in d.cost_lines], lang)
    if d.status.value == "cancelled":  # the reason, printed in the status column (always in the workbook)
        found += _lacking("cancel_reason", [d.cancel_reason], lang, False)
    if life:
        found += [Missing("roster" if part == "position" else "programme", lang, n, part, who)
                  for n, part, who, text in _life_rows(d) if text and not text.get(lang, fallback=False)]
    return found


def _life_rows(d: Delegation) -> Iterator[tuple[int, str, str, Text]]:
    """The translated texts of the roster's and the programme's rows: (the row's number
    from 1, the text's part, the row's name or day, the text): the people first."""
    for n, p in enumerate(d.roster, start=1):
        yield n, "position", p.name, p.position
    for n, item in enumerate(d.programme, start=1):
        day = f"{item.day.day}/{item.day.month}/{item.day.year}"
        yield n, "activity", day, item.activity
        yield n, "place", day, item.place
