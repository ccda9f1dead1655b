"""Outdated translations as the officer reads them: warnings of ``validate`` and of
a save, and the lines announced before a Lao export."""

from __future__ import annotations

from .domain import Delegation, Plan, Problem
from .domain.translations import Outdated, outdated_in_delegation, outdated_in_plan
from .i18n import N_, _
from .i18n.fields import field_label

LANGUAGE_NAMES = {"vi": N_("Vietnamese"), "lo": N_("Lao"), "en": N_("English")}
# The same names inside a sentence, where Vietnamese writes them in lower case ("bản tiếng Lào").
IN_SENTENCE = {"vi": N_("Vietnamese (inside a sentence)"), "lo": N_("Lao (inside a sentence)"),
               "en": N_("English (inside a sentence)")}
LAO_DOCUMENTS = ("lo", "vi-lo")  # the document languages that print the Lao texts


def language_name(lang: str) -> str:
    return _(LANGUAGE_NAMES[lang]) if lang in LANGUAGE_NAMES else lang


def where(o: Outdated) -> str:
    """The field, translated, with the row's number for a text of a list ("Recipients 2")."""
    label = field_label(o.field, _)
    return label if o.index is None else f"{label} {o.index}"


def warnings(found: list[Outdated]) -> list[Problem]:
    return [Problem(o.field, N_("the {language} version of \"{field}\" was made from an earlier Vietnamese text; check it."),
                    {"field": where(o), "language": _(IN_SENTENCE[o.lang]) if o.lang in IN_SENTENCE else o.lang}, "warning") for o in found]


def plan_warnings(plan: Plan) -> list[Problem]:
    return warnings(outdated_in_plan(plan))


def delegation_warnings(d: Delegation) -> list[Problem]:
    return warnings(outdated_in_delegation(d))


def before_export(plan: Plan, delegations: list[Delegation], lang: str) -> list[str]:
    """One line per outdated translation a document in *lang* would print
    ("plan: Title (Lao)", "delegation 2: Leader (Lao)"); none for a document without them."""
    langs = {"vi-lo": ("lo",)}.get(lang, (lang,))
    if lang == "vi" or not any(lg in LANGUAGE_NAMES for lg in langs):
        return []
    lines = [_("plan") + ": " + f"{where(o)} ({language_name(o.lang)})" for o in outdated_in_plan(plan) if o.lang in langs]
    for d in sorted(delegations, key=lambda d: d.seq):
        lines += [_("delegation {seq}").format(seq=d.seq) + ": " + f"{where(o)} ({language_name(o.lang)})"
                  for o in outdated_in_delegation(d) if o.lang in langs]
    return lines


def outdated_for_export(planner, plan_id: str | None, lang: str, seq: int | None = None) -> list[str]:
    """``before_export`` for an export of the plan *plan_id* (or of delegation *seq*'s document)."""
    if lang not in LAO_DOCUMENTS and lang not in ("en",):
        return []
    plan = planner.plan(plan_id)
    delegations = [planner.delegation(plan.id, seq)] if seq is not None else list(planner.repo.delegations(plan.id))
    return before_export(plan, delegations, lang)
