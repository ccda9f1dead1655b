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
    """The *lang* version of the text in *field* (the *index*-th of a list, from 1) is outdated."""

    field: str
    lang: str
    index: int | None = None


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
    found += _each("roster", [p.position for p in d.roster])
    found += _each("programme", [t for item in d.programme for t in (item.activity, item.place)])
    if d.approval is not None:
        found += _each("approval", [d.approval.body], False)
    if d.outcome is not None:
        found += _each("outcome", [d.outcome.results], False)
    if d.cancel_reason:
        found += _each("cancel_reason", [d.cancel_reason], False)
    found += _each("texts", [t for _kind, t in d.texts])
    return found
