"""Undo and redo of the changes to a plan, for ``Planner``: each change recorded in its
``History`` is taken back (or made again) only while the record is still as the change left it."""

from __future__ import annotations

from .domain import Delegation, Plan
from .errors import Msg, NotFoundError, UserError
from .history import IMPORT, PLAN_REMOVAL, Change, Done
from .i18n import N_


class Undoing:
    """Undo and redo for ``Planner`` (which provides ``repo``, ``history``, ``plan()``
    and the search cache ``_haystacks``)."""

    def _current_delegation(self, delegation_id: str) -> Delegation | None:
        try:
            return self.repo.delegation(delegation_id)
        except NotFoundError:
            return None

    def _current_plan(self, plan_id: str) -> Plan | None:
        try:
            return self.repo.plan(plan_id)
        except NotFoundError:
            return None

    def _shown_plan_id(self) -> str | None:
        try:
            return self.plan().id
        except NotFoundError:
            return None

    def _current(self, change: Change):
        if change.kind == PLAN_REMOVAL:
            plan = self._current_plan(change.key)
            return None if plan is None else (plan, tuple(self.repo.delegations(change.key)))
        if change.kind == IMPORT:  # the imported delegations as they are now; None once all are gone
            now = tuple(self._current_delegation(d.id) for d in change.after)
            return None if all(d is None for d in now) else now
        return self._current_plan(change.key) if change.kind == "plan" else self._current_delegation(change.key)

    def can_undo(self, plan_id: str | None = None) -> bool:
        return self.history.next_undo(plan_id or self.plan().id) is not None

    def can_redo(self, plan_id: str | None = None) -> bool:
        return self.history.next_redo(plan_id or self.plan().id) is not None

    def _put(self, change: Change, state) -> None:
        """Make the changed record *state* again (``None``: remove it)."""
        if change.kind == PLAN_REMOVAL:
            if state is None:
                for d in self.repo.delegations(change.key):
                    self.repo.delete_delegation(d.id)
                self.repo.delete_plan(change.key)
            else:
                plan, delegations = state
                self.repo.save_plan(plan)
                for d in delegations:
                    self.repo.save_delegation(d)
            self._haystacks.clear()
        elif change.kind == IMPORT:
            for d in change.after:
                if state is None:
                    self.repo.delete_delegation(d.id)
                else:
                    self.repo.save_delegation(d)
        elif change.kind == "plan":
            if state is None:
                self.repo.delete_plan(change.key)
            else:
                self.repo.save_plan(state)
        elif state is None:
            self.repo.delete_delegation(change.key)
        else:
            self.repo.save_delegation(state)

    def _after_undo_shows(self, change: Change) -> str:
        """The plan to show once *change* is undone: its own, or, when the change
        created the plan, the one shown before it (else the latest)."""
        if change.kind == PLAN_REMOVAL:
            return change.key  # the plan deleted is back, and shown
        if not change.creates_plan:
            return change.plan_id
        rest = [p.id for p in self.repo.plans() if p.id != change.key]
        if not rest:
            raise UserError(N_("Cannot undo the creation of plan {plan}: it is the only plan."), plan=change.key)
        return change.back_to if change.back_to in rest else rest[-1]

    def undo(self, plan_id: str | None = None) -> Done:
        """Take back the last change to the plan *plan_id* (the plan on screen;
        the last plan opened if not given), saved at once. Changes to other
        plans are left alone."""
        plan_id = plan_id or self.plan().id
        change = self.history.next_undo(plan_id)
        if change is None:
            raise UserError(N_("There is nothing to undo in plan {plan}."), plan=plan_id)
        if self._current(change) != change.after:
            self.history.drop_undo(plan_id)
            raise UserError(N_("Cannot undo \"{change}\": it was changed since."), change=change.wording())
        shows = self._after_undo_shows(change)
        if change.creates_plan and self.repo.facets(change.key):
            raise UserError(N_("Cannot undo \"{change}\": the plan has delegations; undo or delete them first."), change=change.wording())
        self._put(change, change.before)
        self.history.undone(plan_id, shows)
        if shows != plan_id and self.repo.writable and self.repo.setting("last_plan") == change.key:
            self.repo.set_setting("last_plan", shows)
        return Done(Msg(N_("Undone: {change}"), change=change.wording()), shows, change.kind)

    def redo(self, plan_id: str | None = None) -> Done:
        """Make again the last change undone while *plan_id* was on screen."""
        plan_id = plan_id or self.plan().id
        change = self.history.next_redo(plan_id)
        if change is None:
            raise UserError(N_("There is nothing to redo in plan {plan}."), plan=plan_id)
        if self._current(change) != change.before:
            self.history.drop_redo(plan_id)
            raise UserError(N_("Cannot redo \"{change}\": it was changed since."), change=change.wording())
        self._put(change, change.after)
        self.history.redone(plan_id)
        return Done(Msg(N_("Redone: {change}"), change=change.wording()), change.plan_id, change.kind)
