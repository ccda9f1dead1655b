"""The undo history of the command line, kept in the database between runs.

The terminal UI keeps its history in memory while it runs; each command line run is
a new process, so ``delegations undo`` needs the changes of the runs before it. They
are kept in the database's settings (``KEY``), the last ``DEPTH`` per plan, encoded as
the records themselves are. An undo still refuses a change whose record was changed
since (by the UI, say): ``Undoing`` checks the record is as the change left it.
"""

from __future__ import annotations

from contextlib import contextmanager

from .history import IMPORT, PLAN_REMOVAL, Change
from .store import codec

KEY = "command_line_history"
DEPTH = 10  # changes kept per plan (a deleted plan keeps all its delegations)


def _state_out(kind: str, state):
    if state is None:
        return None
    if kind == PLAN_REMOVAL:
        plan, delegations = state
        return {"plan": codec.plan_out(plan), "delegations": [codec.delegation_out(d) for d in delegations]}
    if kind == IMPORT:  # the delegations a file brought in
        return [codec.delegation_out(d) for d in state]
    return codec.plan_out(state) if kind == "plan" else codec.delegation_out(state)


def _state_in(kind: str, raw):
    if raw is None:
        return None
    if kind == PLAN_REMOVAL:
        return codec.plan_in(raw["plan"]), tuple(codec.delegation_in(d) for d in raw["delegations"])
    if kind == IMPORT:
        return tuple(codec.delegation_in(d) for d in raw)
    return codec.plan_in(raw) if kind == "plan" else codec.delegation_in(raw)


def _change_out(c: Change) -> dict:
    return {"kind": c.kind, "key": c.key, "plan": c.plan_id, "before": _state_out(c.kind, c.before),
            "after": _state_out(c.kind, c.after), "back_to": c.back_to}


def _change_in(raw: dict) -> Change:
    kind = raw["kind"]
    return Change(kind, raw["key"], raw["plan"], _state_in(kind, raw["before"]), _state_in(kind, raw["after"]), raw.get("back_to"))


def load(planner) -> None:
    """Give *planner* the history the command line kept; a history that cannot be read is dropped
    (it only serves undo; the plans are safe without it)."""
    raw = planner.repo.setting(KEY) or {}
    try:
        stacks = [{plan: [_change_in(c) for c in changes] for plan, changes in (raw.get(side) or {}).items()}
                  for side in ("undo", "redo")]
    except (KeyError, TypeError, ValueError, AttributeError):
        stacks = [{}, {}]
    planner.history.restore(*stacks)


def save(planner) -> None:
    undo, redo = planner.history.stacks()
    raw = {side: {plan: [_change_out(c) for c in changes[-DEPTH:]] for plan, changes in stacks.items()}
           for side, stacks in (("undo", undo), ("redo", redo))}
    if raw != (planner.repo.setting(KEY) or {"undo": {}, "redo": {}}):
        planner.repo.set_setting(KEY, raw)


@contextmanager
def kept(planner):
    """Around a change: the history of earlier runs first, and the history with this change kept
    after it. A refused change records nothing, so the history is written as it was; a change
    stored before the command failed (its output cut short: ``| head``) is kept, so it can be undone."""
    load(planner)
    try:
        yield
    finally:
        save(planner)
