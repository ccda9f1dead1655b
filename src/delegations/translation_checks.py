"""Outdated translations as the officer reads them: warnings of ``validate`` and of
a save, and the lines announced before a Lao export."""

from __future__ import annotations

from dataclasses import dataclass

from .domain import Delegation, Plan, Problem
from .domain.translations import Missing, Outdated, missing_in_delegation, missing_in_plan, outdated_in_delegation, outdated_in_plan
from .i18n import N_, _
from .i18n.fields import field_label

LANGUAGE_NAMES = {"vi": N_("Vietnamese"), "lo": N_("Lao"), "en": N_("English")}
# The same names inside a sentence, where Vietnamese writes them in lower case ("bản tiếng Lào").
IN_SENTENCE = {"vi": N_("Vietnamese (inside a sentence)"), "lo": N_("Lao (inside a sentence)"),
               "en": N_("English (inside a sentence)")}
LAO_DOCUMENTS = ("lo", "vi-lo")  # the document languages that print the Lao texts
# A row of the roster or the programme, named by its number and its person or day.
ROWS = {"roster": N_("person {n} ({name})"), "programme": N_("item {n} ({day})")}
# The text of such a row that lacks a translation, inside a sentence.
PARTS = {"position": N_("position (of a person in the roster)"), "activity": N_("activity (of a programme item)"),
         "place": N_("place (of a programme item)")}


@dataclass(frozen=True)
class Worded:
    """A warning's part kept as codes and worded when it is shown, in the language of
    that moment (``render(translate)``, as ``errors.Msg``): a field's name with its row
    ("Activities 1"; a row of the roster or programme with its text: "Roster, person 3
    (Nguyễn Văn A): position"), a row alone ("person 3 (Nguyễn Văn A)"), a row's text
    ("position"), a language's name, or a list of them joined by commas."""

    kind: str                 # "field", "row", "part", "language", "in_sentence" or "list"
    code: str = ""
    index: int | None = None
    parts: tuple = ()

    def render(self, translate=lambda s: s) -> str:
        if self.kind == "list":
            return ", ".join(p.render(translate) for p in self.parts)
        if self.kind == "row":
            return translate(ROWS[self.code]).format(n=self.index, name=self.parts[0], day=self.parts[0])
        if self.kind == "part":
            return translate(PARTS[self.code]) if self.code in PARTS else self.code
        if self.kind == "field":
            label = field_label(self.code, translate)
            if self.parts:   # (who, part): a row of the roster or the programme and its text
                row, part = Worded("row", self.code, self.index, self.parts[:1]), Worded("part", self.parts[1])
                return f"{label}, {row.render(translate)}: {part.render(translate)}"
            return label if self.index is None else f"{label} {self.index}"
        names = IN_SENTENCE if self.kind == "in_sentence" else LANGUAGE_NAMES
        return translate(names[self.code]) if self.code in names else self.code

    def __str__(self) -> str:
        return self.render(_)


def language_name(lang: str) -> str:
    return Worded("language", lang).render(_)


def where(o: Outdated | Missing) -> Worded:
    """The field, worded when shown, with the row's number for a text of a list ("Recipients 2"),
    and for a row of the roster or the programme its person or day and the text ("Roster,
    person 3 (Nguyễn Văn A): position")."""
    return Worded("field", o.field, o.index, (o.who, o.part) if o.part else ())


def warnings(found: list[Outdated]) -> list[Problem]:
    return [Problem(o.field, N_("the {language} version of \"{field}\" was made from an earlier Vietnamese text; check it."),
                    {"field": where(o), "language": Worded("in_sentence", o.lang)}, "warning") for o in found]


def missing_warning(found: list[Missing]) -> list[Problem]:
    """One warning naming every text without a Lao version (none when all have one):
    a plan typed only in Vietnamese gets a line per delegation, not one per text. Its
    field is "translations": the texts are named in the message, not repeated before it."""
    if not found:
        return []
    return [Problem("translations", N_("no {language} version of: {fields}; a Lao document prints them in Vietnamese."),
                    {"language": Worded("in_sentence", "lo"), "fields": Worded("list", parts=tuple(where(m) for m in found))},
                    "warning")]


def plan_warnings(plan: Plan) -> list[Problem]:
    return warnings(outdated_in_plan(plan))


def delegation_warnings(d: Delegation) -> list[Problem]:
    return warnings(outdated_in_delegation(d))


def row_warnings(found: list[Missing]) -> list[Problem]:
    """One warning for each text of a roster's or a programme's row without its version
    (under the field "roster" or "programme": "person 3 (Nguyễn Văn A): no Lao version of
    the position; …"), the officer enters it with ``roster SEQ edit N --position-lo`` or
    ``programme SEQ edit N --lo`` / ``--place-lo``, or in the ``i`` screen."""
    return [Problem(m.field, N_("{row}: no {language} version of the {part}; a Lao document prints it in Vietnamese."),
                    {"row": Worded("row", m.field, m.index, (m.who,)), "language": Worded("in_sentence", m.lang),
                     "part": Worded("part", m.part)}, "warning") for m in found]


def missing_lao_warnings(plan: Plan, delegations: list[Delegation]) -> dict[str, list[Problem]]:
    """For ``validate`` (not for each save: a delegation is often typed in Vietnamese
    first): "plan" and each delegation's id to its warning naming the texts without a
    Lao version, then one per row of its roster and programme without one; those with
    every Lao text left out."""
    found = {"plan": missing_warning(missing_in_plan(plan, "lo"))}
    for d in delegations:
        lacking = missing_in_delegation(d, "lo", life=True)
        found[d.id] = missing_warning([m for m in lacking if not m.part]) + row_warnings([m for m in lacking if m.part])
    return {key: problems for key, problems in found.items() if problems}


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


def _printed_langs(lang: str) -> tuple[str, ...]:
    """The translations a document in *lang* prints: none for Vietnamese."""
    return {"lo": ("lo",), "vi-lo": ("lo",), "en": ("en",)}.get(lang, ())


def missing_before_export(plan: Plan, delegations: list[Delegation], lang: str, life: bool = False) -> list[str]:
    """One line per text a document in *lang* prints in Vietnamese because its version in
    the language is missing ("plan: Basis 1 (Lao)", "delegation 2: Leader's name (Lao)")."""
    lines = []
    for lg in _printed_langs(lang):
        lines += [_("plan") + ": " + f"{where(m)} ({language_name(m.lang)})" for m in missing_in_plan(plan, lg)]
        for d in sorted(delegations, key=lambda d: d.seq):
            lines += [_("delegation {seq}").format(seq=d.seq) + ": " + f"{where(m)} ({language_name(m.lang)})"
                      for m in missing_in_delegation(d, lg, life)]
    return lines


def missing_count(plan: Plan, delegations: list[Delegation], lang: str) -> int:
    """How many texts of the plan's document have no *lang* version."""
    return len(missing_in_plan(plan, lang)) + sum(len(missing_in_delegation(d, lang)) for d in delegations)


def _export_parts(planner, plan_id: str | None, seq: int | None):
    plan = planner.plan(plan_id)
    delegations = [planner.delegation(plan.id, seq)] if seq is not None else list(planner.repo.delegations(plan.id))
    return plan, delegations


def outdated_for_export(planner, plan_id: str | None, lang: str, seq: int | None = None) -> list[str]:
    """``before_export`` for an export of the plan *plan_id* (or of delegation *seq*'s document)."""
    if not _printed_langs(lang):
        return []
    return before_export(*_export_parts(planner, plan_id, seq), lang)


def missing_for_export(planner, plan_id: str | None, lang: str, seq: int | None = None) -> list[str]:
    """``missing_before_export`` for an export of the plan *plan_id* (or of delegation *seq*'s document)."""
    if not _printed_langs(lang):
        return []
    return missing_before_export(*_export_parts(planner, plan_id, seq), lang, life=seq is not None)


def export_warnings(planner, plan_id: str | None, lang: str, seq: int | None = None) -> list[tuple[str, list[str]]]:
    """What to announce before an export in *lang*: (heading, lines) for the outdated
    translations and for the missing ones, each only when there are some."""
    parts = [(_("These translations were made from an earlier Vietnamese text:"), outdated_for_export(planner, plan_id, lang, seq)),
             (_("These texts have no translation and will print in Vietnamese:"), missing_for_export(planner, plan_id, lang, seq))]
    return [(heading, lines) for heading, lines in parts if lines]
