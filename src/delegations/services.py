"""Application services: everything the user can do, for the CLI and the UI alike.

Neither the command line nor the terminal UI holds business rules: they call a
``Planner``, which validates through the plugins, stores through the
repository, and words things through ``Wording``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from . import paths
from .defaults import default_data
from .domain import Counted, DayRange, Delegation, Direction, Leader, Timing, Totals, totals, Organisation, Period, Plan, Problem, Status, Text, ValidationError, fold
from .errors import NotFoundError, UserError
from .history import PLAN_REMOVAL, Change, History
from .i18n import N_
from .plugins import PluginHost, build_plugin_host
from .store import DelegationList, Repository
from .store.repository import gc_paused
from .store.codec import Facets
from .services_validation import Validating
from .validating import ValidationReport, ValidatorFault, run_validators  # noqa: F401 (re-exported)
from .undoing import Undoing
from .wording import Wording


@dataclass(frozen=True)
class Filters:
    direction: Direction | None = None
    partner: str | None = None
    year: int | None = None
    status: Status | None = None
    search: str = ""

    def needles(self) -> list[str]:
        return fold(self.search).split()

    def narrow(self, facets: list[Facets]) -> list[Facets]:
        """The delegations that pass the direction, partner, status and year filters."""
        if self.direction is not None:
            value = self.direction.value
            facets = [f for f in facets if f.direction == value]
        if self.partner is not None:
            facets = [f for f in facets if f.partner == self.partner]
        if self.status is not None:
            value = self.status.value
            facets = [f for f in facets if f.status == value]
        if self.year is not None:
            facets = [f for f in facets if self.year in f.years]
        return facets


def _new_id() -> str:
    import uuid

    return uuid.uuid4().hex[:12]


# The parts of a plan's header a new plan may take over from the current one.
CARRIED = ("basis", "introduction", "recipients", "signature")

SORT_KEYS = ("seq", "name", "direction", "partner", "leader", "members", "days", "timing", "status")

_SEP = "\x00"  # joins haystacks for folding in one pass (fold keeps it: not a space, no marks)


class Planner(Validating, Undoing):
    """Everything the user can do with plans and delegations, for the CLI and the UI alike
    (validation comes from ``Validating``, undo and redo from ``Undoing``)."""

    def __init__(self, repo: Repository, host: PluginHost):
        self.repo = repo
        self.host = host
        self._haystacks: dict[str, tuple[Facets, str]] = {}
        self._partner_text: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self.history = History()
        self._registry = None
        self.validation_faults: list[ValidatorFault] = []  # distinct validator faults seen so far

    @classmethod
    def open(cls, db_path: str | Path | None = None, *, writable: bool = True, host: PluginHost | None = None) -> "Planner":
        host = host or build_plugin_host()
        repo = Repository(db_path or paths.default_db_path(), writable=writable, default_data=default_data)
        return cls(repo, host)

    def close(self) -> None:
        self.repo.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- context -----------------------------------------------------------
    @property
    def registry(self):
        """What the plugins registered, with the rate-table rows the officer filled in."""
        if self._registry is None:
            self._registry = replace(self.host.registry, rate_tables=self.budgeting.tables())
        return self._registry

    def home(self) -> Organisation:
        code = self.repo.setting("home", "home")
        for org in self.repo.organisations():
            if org.code == code:
                return org
        raise UserError(N_("The home organisation \"{code}\" is not configured in the database."), code=code)

    def wording(self, lang: str) -> Wording:
        return Wording(lang, self.registry, self.home())

    def plans(self) -> list[Plan]:
        return self.repo.plans()

    def plan(self, plan_id: str | None = None) -> Plan:
        plans = self.repo.plans()
        if not plans:
            raise NotFoundError(what="Plan", key=plan_id or "")
        if plan_id is None:
            plan_id = self.repo.setting("last_plan") or plans[-1].id
            if plan_id not in {p.id for p in plans}:
                plan_id = plans[-1].id
        return self.repo.plan(plan_id)

    # --- reading -----------------------------------------------------------
    def _partner_hay(self, code: str) -> str:
        text = self._partner_text.get(code)
        if text is None:
            parts = [code]
            partner = self.registry.partners.get(code)
            if partner is not None:
                for t in (partner.name, partner.short_name, partner.province):
                    parts.extend(t.all_text())
            text = self._partner_text[code] = fold(" | ".join(parts))
        return text

    def _haystacks_for(self, facets: list[Facets]) -> list[str]:
        """Folded search text per delegation, cached."""
        cache = self._haystacks
        stale = [f for f in facets if (c := cache.get(f.id)) is None or c[0] is not f]
        if stale:
            with gc_paused():
                self._fold_into_cache(stale)
        return [cache[f.id][1] for f in facets]

    def _fold_into_cache(self, stale: list[Facets]) -> None:
        """Fold each distinct string once, all new ones in one pass (folding is the costly part)."""
        cache, memo = self._haystacks, self._folded
        fresh = list({t: None for f in stale for t in f.texts if t not in memo})
        if fresh:
            folded = fold(_SEP.join(fresh), squeeze=False).split(_SEP)
            if len(folded) != len(fresh):  # a text held the separator itself
                folded = [fold(t, squeeze=False) for t in fresh]
            memo.update(zip(fresh, folded))
        for f in stale:
            parts = [memo[t] for t in f.texts]
            parts += (str(f.years[0]), self._partner_hay(f.partner))
            cache[f.id] = (f, " | ".join(parts))

    def delegations(self, plan_id: str | None = None, filters: Filters = Filters(), order: str = "seq",
                    descending: bool = False) -> DelegationList:
        """The delegations of a plan that pass *filters*, sorted by *order* (one of
        ``SORT_KEYS``); each delegation is decoded only when it is read."""
        plan_id = plan_id or self.plan().id
        found = filters.narrow(self.repo.facets(plan_id))
        needles = filters.needles()
        if needles:  # the text search last: only what passed the other filters is folded
            found = [f for f, hay in zip(found, self._haystacks_for(found)) if all(n in hay for n in needles)]
        if order != "seq" or descending:
            found = self._sorted(found, order, descending)
        return DelegationList(self.repo, [f.id for f in found])

    def totals(self, found: DelegationList) -> Totals:
        """Delegations, people and days of *found*, in all, per direction and per year; a
        cancelled delegation is not counted in them, only in ``cancelled``."""
        facets = self.repo.facets_of(found.ids)
        counted = totals(Counted(Direction(f.direction), f.years, f.members, f.min_days, f.max_days)
                         for f in facets if f.status != Status.CANCELLED.value)
        counted.cancelled = sum(f.status == Status.CANCELLED.value for f in facets)
        return counted

    def _sorted(self, found: list[Facets], order: str, descending: bool) -> list[Facets]:
        if order not in SORT_KEYS:
            raise UserError(N_("Cannot sort by \"{key}\"; choose one of {keys}."), key=order, keys=", ".join(SORT_KEYS))
        by_facets = {"seq": lambda f: f.seq, "direction": lambda f: f.direction != Direction.OUTBOUND,  # đoàn ra first, as the plan lists them
                     "status": lambda f: f.status,
                     "partner": lambda f: self._partner_hay(f.partner)}
        key = by_facets.get(order)
        if key is None:
            # Needs the whole delegation: decoded once, then cached by the repository.
            get = self.repo.delegation
            key = {"name": lambda f: fold(get(f.id).name.get()), "leader": lambda f: fold(get(f.id).leader.position.get()),
                   "members": lambda f: get(f.id).members, "days": lambda f: (get(f.id).duration.max_days, get(f.id).duration.min_days),
                   "timing": lambda f: (get(f.id).timing.first_day(), get(f.id).timing.last_day())}[order]
        found = sorted(found, key=lambda f: f.seq)  # ties keep the plan's order
        return sorted(found, key=key, reverse=descending)

    def delegation(self, plan_id: str, seq: int) -> Delegation:
        for f in self.repo.facets(plan_id):
            if f.seq == seq:
                return self.repo.delegation(f.id)
        raise NotFoundError(what="Delegation", key=str(seq))

    # --- changing ------------------------------------------------------------
    def save_delegation(self, d: Delegation) -> list[Problem]:
        """Validate and store *d*. Raise ``ValidationError`` (nothing stored) on errors;
        return the warnings."""
        report = self.validation(d)
        problems = report.all_problems()
        if report.blocked:
            raise report.error()
        before = self._current_delegation(d.id)
        if before == d:
            return problems  # nothing changed: nothing to write, nothing to undo
        self.repo.save_delegation(d)
        self.history.record(Change("delegation", d.id, d.plan_id, before, d))
        return problems

    def new_delegation(self, plan_id: str, **fields) -> Delegation:
        """A delegation with a fresh id and the next sequence number; cost lines
        come from the partner's default cost model unless given."""
        seq = max((f.seq for f in self.repo.facets(plan_id)), default=0) + 1
        d = Delegation(id=_new_id(), plan_id=plan_id, seq=fields.pop("seq", seq), **fields)
        if not d.cost_lines:
            d = d.evolve(cost_lines=self.proposed_cost_lines(d))
        return d

    def draft_delegation(self, plan_id: str, direction: Direction | None = None, partner: str | None = None) -> Delegation:
        """A new, unsaved delegation for a form to fill in: *direction* and *partner*
        (the last ones used) if given and still known, else outbound to the first partner."""
        plan = self.repo.plan(plan_id)
        if partner not in self.registry.partners:
            partner = next(iter(sorted(self.registry.partners)), "")
        return self.new_delegation(plan_id, direction=direction or Direction.OUTBOUND, partner=partner, name=Text(),
                                   leader=Leader(Text()), members=1, duration=DayRange(1, 1),
                                   timing=Timing(plan.period.start_year))

    def cost_model(self, d: Delegation, code: str | None = None):
        """The cost model for *d*: *code* if given, else the one the officer chose for
        the delegation, else for its plan, else its partner's default; the reciprocal
        model if none of them is installed."""
        partner = self.registry.partners.get(d.partner)
        for candidate in (code, d.cost_model, self.repo.plan(d.plan_id).cost_model, partner.default_cost_model if partner else None):
            if candidate and candidate in self.registry.cost_models:
                return self.registry.cost_models[candidate]
        return self.registry.cost_models["reciprocal"]

    def proposed_cost_lines(self, d: Delegation):
        from .domain import CostLine
        from .plugins import guarded

        partner = self.registry.partners.get(d.partner)
        if partner is None:
            return ()
        model, home = self.cost_model(d), self.home()
        lines = guarded(self.registry, "cost_models", model.code, "cost_lines", lambda: model.cost_lines(d, home, partner),
                        lambda r: isinstance(r, (list, tuple)) and all(isinstance(c, CostLine) for c in r))
        return tuple(lines)

    @property
    def budgeting(self):
        from .budget.service import Budgeting

        return Budgeting(self)

    def delete_delegation(self, delegation_id: str) -> Delegation:
        d = self.repo.delegation(delegation_id)
        self.repo.delete_delegation(delegation_id)
        self.history.record(Change("delegation", delegation_id, d.plan_id, d, None))
        return d

    def duplicate_delegation(self, d: Delegation) -> Delegation:
        """A copy of *d* with a fresh id and the next number, not yet saved."""
        seq = max((f.seq for f in self.repo.facets(d.plan_id)), default=0) + 1
        return d.evolve(id=_new_id(), seq=seq, status=Status.PLANNED)

    def save_plan(self, plan: Plan) -> list[Problem]:
        report = self.plan_validation(plan)
        problems = report.all_problems()
        if report.blocked:
            raise report.error()
        before = self._current_plan(plan.id)
        if before == plan:
            return problems  # nothing changed: nothing to write, nothing to undo
        back_to = None if before is not None else self._shown_plan_id()
        self.repo.save_plan(plan)
        self.history.record(Change("plan", plan.id, plan.id, before, plan, back_to))
        return problems

    def new_plan(self, start_year: int, end_year: int, title: Text | None = None, carry: Iterable[str] = CARRIED) -> Plan:
        """A draft plan for another period, not yet saved: *title* (else the current
        plan's, with the new period), and of the current plan's header only the
        parts named in *carry* (``CARRIED``: basis, introduction, recipients, signature)."""
        if end_year < start_year:
            raise UserError(N_("The plan period {start}-{end} ends before it starts."), start=start_year, end=end_year)
        plan_id = f"{start_year}-{end_year}"
        if any(p.id == plan_id for p in self.repo.plans()):
            raise UserError(N_("A plan for {period} already exists."), period=plan_id)
        base = self.plan()
        # The current title with the new period, in every language; those given in *title* replace theirs.
        titles = {lang: text.replace(str(base.period), plan_id) for lang, text in base.title.versions}
        titles.update({lang: text for lang, text in (title.versions if title else ()) if text.strip()})
        title = Text.of(titles)
        carry = set(carry)
        blank = Plan(id=plan_id, title=title, period=Period(start_year, end_year))
        return replace(base, id=plan_id, title=title, period=Period(start_year, end_year), number=None, issued=None,
                       **{part: getattr(blank, part) for part in CARRIED if part not in carry})

    def rename_plan(self, plan_id: str, title: Text) -> Plan:
        """Give plan *plan_id* another title (its other texts kept); undoable."""
        plan = replace(self.repo.plan(plan_id), title=title)
        self.save_plan(plan)
        return plan

    def delete_plan(self, plan_id: str, shown_after: str) -> None:
        """Delete plan *plan_id* with its delegations; *shown_after* is the plan shown
        then, where an undo brings the deleted plan back (with every delegation)."""
        plan = self.repo.plan(plan_id)
        if shown_after == plan_id or shown_after not in {p.id for p in self.repo.plans()}:
            raise UserError(N_("Cannot delete plan {plan}: it is the only plan."), plan=plan_id)
        change = Change(PLAN_REMOVAL, plan_id, shown_after, (plan, tuple(self.repo.delegations(plan_id))), None)
        self._put(change, None)
        self.history.record(change)
        if self.repo.setting("last_plan") == plan_id:
            self.repo.set_setting("last_plan", shown_after)

    def open_plan(self, plan_id: str) -> Plan:
        """Make *plan_id* the plan shown first next time."""
        plan = self.repo.plan(plan_id)
        if self.repo.writable:
            self.repo.set_setting("last_plan", plan_id)
        return plan

    def restore_defaults(self) -> None:
        """Replace the whole database with the shipped 2020–2022 plan."""
        self.repo.replace_all(default_data())
        self._haystacks.clear()
        self.history.clear()

    def reload(self) -> None:
        """Read the database file again (another program changed it). The undo
        and redo history is dropped: it described the file as it was."""
        self.repo.reload()
        self._forget()

    def become_writable(self) -> None:
        """Edit the file a read-only copy was following (its lock is free now)."""
        self.repo.become_writable()
        self._forget()

    def _forget(self) -> None:
        self._haystacks.clear()
        self._registry = None
        self.history.clear()
