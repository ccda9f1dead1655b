"""The undo and redo history: per plan, so that undo only ever acts on the plan
on screen. It records changes; ``services.Planner`` applies them to the store."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import N_, Msg

UNDO_DEPTH = 50  # changes kept per plan
PLAN_REMOVAL = "plan_removal"  # a plan deleted with its delegations: before = (plan, delegations)
IMPORT = "import"  # delegations imported from a file: before = None, after = the delegations


@dataclass(frozen=True)
class Change:
    """One change the user made to a plan: the record before and after it
    (``None``: it did not exist). ``back_to`` is the plan to show when the
    creation of a plan is undone."""

    kind: str  # "delegation", "plan" or PLAN_REMOVAL (recorded under the plan shown after it)
    key: str
    plan_id: str
    before: object
    after: object
    back_to: str | None = None

    @property
    def creates_plan(self) -> bool:
        return self.kind == "plan" and self.before is None

    def wording(self) -> Msg:
        """What the change was, e.g. "add delegation 5 to plan 2023-2025"."""
        if self.kind == PLAN_REMOVAL:
            return Msg(N_("delete plan {plan}"), plan=self.key)
        if self.kind == IMPORT:
            return Msg(N_("import {count} delegations into plan {plan}"), count=len(self.after or self.before), plan=self.plan_id)
        if self.kind == "plan":
            if self.before is None:
                return Msg(N_("create plan {plan}"), plan=self.plan_id)
            return Msg(N_("edit the header of plan {plan}"), plan=self.plan_id)
        if self.before is None:
            return Msg(N_("add delegation {seq} to plan {plan}"), seq=self.after.seq, plan=self.plan_id)
        if self.after is None:
            return Msg(N_("delete delegation {seq} from plan {plan}"), seq=self.before.seq, plan=self.plan_id)
        from .change_wording import delegation_edit

        return delegation_edit(self.before, self.after, self.plan_id)


@dataclass(frozen=True)
class Done:
    """What an undo or a redo did (``message``, to show) and the plan to show after it."""

    message: Msg
    plan_id: str
    kind: str


class History:
    """Per plan, the changes that can be undone and those that can be redone.

    A change is undone from the list of its own plan. Once undone it can be
    redone from the plan shown afterwards: its own, or, for the creation of a
    plan, the plan shown before it was created. A new change to a plan empties
    that plan's redo list.
    """

    def __init__(self):
        self._undo: dict[str, list[Change]] = {}
        self._redo: dict[str, list[Change]] = {}

    def record(self, change: Change) -> None:
        self._push(self._undo, change.plan_id, change)
        self._redo.pop(change.plan_id, None)
        if change.creates_plan:
            # The plan created again: a redo of its earlier creation, kept elsewhere, is void.
            for other in self._redo.values():
                other[:] = [c for c in other if not (c.creates_plan and c.key == change.key)]

    @staticmethod
    def _push(lists: dict[str, list[Change]], plan_id: str, change: Change) -> None:
        stack = lists.setdefault(plan_id, [])
        stack.append(change)
        del stack[:-UNDO_DEPTH]

    def next_undo(self, plan_id: str) -> Change | None:
        stack = self._undo.get(plan_id)
        return stack[-1] if stack else None

    def next_redo(self, plan_id: str) -> Change | None:
        stack = self._redo.get(plan_id)
        return stack[-1] if stack else None

    def drop_undo(self, plan_id: str) -> None:
        self._undo[plan_id].pop()

    def drop_redo(self, plan_id: str) -> None:
        self._redo[plan_id].pop()

    def undone(self, plan_id: str, shown_after: str) -> None:
        """The next change of *plan_id* was undone; *shown_after* is on screen now."""
        self._push(self._redo, shown_after, self._undo[plan_id].pop())

    def redone(self, shown: str) -> None:
        """The next change to redo from the plan *shown* was made again."""
        change = self._redo[shown].pop()
        self._push(self._undo, change.plan_id, change)

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    def stacks(self) -> tuple[dict[str, list[Change]], dict[str, list[Change]]]:
        """The changes to undo and to redo, per plan (oldest first), e.g. to keep them in a file."""
        return ({k: list(v) for k, v in self._undo.items() if v}, {k: list(v) for k, v in self._redo.items() if v})

    def restore(self, undo: dict[str, list[Change]], redo: dict[str, list[Change]]) -> None:
        """Take up the stacks ``stacks`` gave."""
        self._undo = {k: list(v) for k, v in undo.items()}
        self._redo = {k: list(v) for k, v in redo.items()}
