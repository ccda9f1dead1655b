"""The officer's own main paragraph of a delegation's documents (proposal, decision…),
as the life screen edits it: the default each kind prints while none is stored, and
the stored text saved in every language at once (``Delegation.texts``, translated
like the rest: a translation left as it was is outdated by a new Vietnamese)."""

from __future__ import annotations

from datetime import date

from .domain import Delegation, Text


def default_text(planner, d: Delegation, kind: str, lang: str) -> str:
    """The main paragraph *kind* prints in *lang* while the officer has stored none."""
    from .documents import DocumentWriter
    from .exporting import ExportRequest

    plan = planner.plan(d.plan_id)
    request = ExportRequest(plan=plan, delegations=[d], lang=lang, registry=planner.registry, home=planner.home(),
                            today=date.today(), delegation=d)
    return DocumentWriter(request, d).default_text(kind, lang)


def save_texts(planner, d: Delegation, kind: str, typed: dict[str, str], still_correct: frozenset[str] | set[str] = frozenset()
               ) -> tuple[Delegation, list]:
    """Store the versions *typed* (language → text) of *kind*'s main paragraph in one
    change (undoable as one); the translations in *still_correct* are declared made
    from the Vietnamese as it now is. All versions empty: back to the default."""
    texts = dict(d.texts)
    updated = texts.get(kind, Text()).edited(typed)
    confirmed = set(still_correct) & {lang for lang, _s in updated.sources}
    if confirmed:  # (none named would confirm them all)
        updated = updated.confirmed(*confirmed)
    if updated:
        texts[kind] = updated
    else:
        texts.pop(kind, None)
    new = d.evolve(texts=tuple(sorted(texts.items())))
    return new, planner.save_delegation(new)


def clear_text(planner, d: Delegation, kind: str) -> tuple[Delegation, list]:
    """Remove the officer's text of *kind*: the default is printed again."""
    new = d.evolve(texts=tuple((k, t) for k, t in d.texts if k != kind))
    return new, planner.save_delegation(new)
