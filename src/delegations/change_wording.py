"""What an edit of a delegation was, for the undo and redo messages: a status change,
a person added to or removed from the roster, the programme or the document texts
edited, or (several things at once, as the form does) an edit of the delegation."""

from __future__ import annotations

from dataclasses import fields

from .errors import N_, Msg

# A change of status, one sentence per status it goes to.
STATUS_CHANGES = {
    "planned": N_("put delegation {seq} of plan {plan} back to planned"),
    "proposed": N_("mark delegation {seq} of plan {plan} as proposed"),
    "approved": N_("mark delegation {seq} of plan {plan} as approved"),
    "done": N_("mark delegation {seq} of plan {plan} as done"),
    "cancelled": N_("cancel delegation {seq} of plan {plan}"),
}
# The facts a status carries: changed with it, or corrected on their own.
STATUS_FACTS = {"status", "history", "approval", "outcome", "cancel_reason"}


def changed_fields(before, after) -> set[str]:
    """The names of the fields of two versions of a delegation that differ."""
    return {f.name for f in fields(before) if getattr(before, f.name) != getattr(after, f.name)}


def delegation_edit(before, after, plan: str) -> Msg:
    """What changed from *before* to *after* (the same delegation), in a few words."""
    seq, changed = after.seq, changed_fields(before, after)
    if "status" in changed and changed <= STATUS_FACTS:
        return Msg(STATUS_CHANGES.get(after.status.value, N_("edit delegation {seq} of plan {plan}")), seq=seq, plan=plan)
    if changed and changed <= STATUS_FACTS:
        return Msg(N_("correct the status details of delegation {seq} of plan {plan}"), seq=seq, plan=plan)
    if changed == {"roster"}:
        return _roster_edit(before.roster, after.roster, seq, plan)
    if changed == {"programme"}:
        return Msg(N_("edit the programme of delegation {seq} of plan {plan}"), seq=seq, plan=plan)
    if changed == {"texts"}:
        return Msg(N_("edit the document texts of delegation {seq} of plan {plan}"), seq=seq, plan=plan)
    return Msg(N_("edit delegation {seq} of plan {plan}"), seq=seq, plan=plan)


def _roster_edit(before: tuple, after: tuple, seq: int, plan: str) -> Msg:
    """One person added or removed, named; otherwise the roster edited."""
    added = [p for p in after if p not in before]
    removed = [p for p in before if p not in after]
    if len(after) == len(before) + 1 and len(added) == 1 and not removed:
        return Msg(N_("add {name} to the roster of delegation {seq} of plan {plan}"), name=added[0].name, seq=seq, plan=plan)
    if len(after) == len(before) - 1 and len(removed) == 1 and not added:
        return Msg(N_("remove {name} from the roster of delegation {seq} of plan {plan}"), name=removed[0].name, seq=seq, plan=plan)
    return Msg(N_("edit the roster of delegation {seq} of plan {plan}"), seq=seq, plan=plan)
