"""Application services: everything the user can do, for the CLI and the UI alike.

Neither the command line nor the terminal UI holds business rules: they call a
``Planner``, which validates through the plugins, stores through the
repository, and words things through ``Wording``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .defaults import default_data
from .domain import Delegation, Direction, Organisation, Plan, Problem, Status, ValidationError, fold
from .errors import NotFoundError, UserError
from .i18n import N_
from .plugins import PluginHost, build_plugin_host
from .store import Repository
from .wording import Wording


@dataclass(frozen=True)
class Filters:
    direction: Direction | None = None
    partner: str | None = None
    year: int | None = None
    status: Status | None = None
    search: str = ""

    def matches(self, d: Delegation, haystack: str, needles: list[str]) -> bool:
        if self.direction is not None and d.direction is not self.direction:
            return False
        if self.partner is not None and d.partner != self.partner:
            return False
        if self.status is not None and d.status is not self.status:
            return False
        if self.year is not None and self.year not in d.timing.years():
            return False
        return all(n in haystack for n in needles)


class Planner:
    def __init__(self, repo: Repository, host: PluginHost):
        self.repo = repo
        self.host = host
        self._haystacks: dict[str, tuple[Delegation, str]] = {}

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
        return self.host.registry

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
    def _haystack(self, d: Delegation) -> str:
        cached = self._haystacks.get(d.id)
        if cached is not None and cached[0] is d:
            return cached[1]
        parts = [*d.name.all_text(), *d.leader.position.all_text(), d.leader.name, d.notes, d.partner, str(d.timing.year)]
        for a in d.activities:
            parts.extend(a.all_text())
        partner = self.registry.partners.get(d.partner)
        if partner is not None:
            for t in (partner.name, partner.short_name, partner.province):
                parts.extend(t.all_text())
        hay = fold(" | ".join(parts))
        self._haystacks[d.id] = (d, hay)
        return hay

    def delegations(self, plan_id: str | None = None, filters: Filters = Filters()) -> list[Delegation]:
        plan_id = plan_id or self.plan().id
        needles = fold(filters.search).split()
        return [d for d in self.repo.delegations(plan_id) if filters.matches(d, self._haystack(d) if needles else "", needles)]

    def delegation(self, plan_id: str, seq: int) -> Delegation:
        for d in self.repo.delegations(plan_id):
            if d.seq == seq:
                return d
        raise NotFoundError(what="Delegation", key=str(seq))

    # --- validation ----------------------------------------------------------
    def check(self, d: Delegation, plan: Plan | None = None) -> list[Problem]:
        plan = plan or self.repo.plan(d.plan_id)
        problems: list[Problem] = []
        for _name, result in self.host.call_each("validate_delegation", delegation=d, plan=plan, registry=self.registry):
            problems.extend(result or [])
        return problems

    def validate_plan(self, plan_id: str | None = None) -> dict[str, list[Problem]]:
        """Problems of the plan ("plan") and of each delegation (by its id)."""
        plan = self.plan(plan_id)
        out: dict[str, list[Problem]] = {}
        dels = self.repo.delegations(plan.id)
        for _name, result in self.host.call_each("validate_plan", plan=plan, delegations=dels, registry=self.registry):
            if result:
                out.setdefault("plan", []).extend(result)
        for d in dels:
            problems = self.check(d, plan)
            if problems:
                out[d.id] = problems
        return out

    # --- changing ------------------------------------------------------------
    def save_delegation(self, d: Delegation) -> list[Problem]:
        """Validate and store *d*. Raise ``ValidationError`` (nothing stored) on errors;
        return the warnings."""
        problems = self.check(d)
        if any(p.severity == "error" for p in problems):
            raise ValidationError(problems)
        self.repo.save_delegation(d)
        return problems

    def new_delegation(self, plan_id: str, **fields) -> Delegation:
        """A delegation with a fresh id and the next sequence number; cost lines
        come from the partner's default cost model unless given."""
        seq = max((d.seq for d in self.repo.delegations(plan_id)), default=0) + 1
        d = Delegation(id=uuid.uuid4().hex[:12], plan_id=plan_id, seq=fields.pop("seq", seq), **fields)
        if not d.cost_lines:
            d = d.evolve(cost_lines=self.proposed_cost_lines(d))
        return d

    def proposed_cost_lines(self, d: Delegation):
        partner = self.registry.partners.get(d.partner)
        if partner is None:
            return ()
        code = d.cost_model or partner.default_cost_model or self.repo.plan(d.plan_id).cost_model
        model = self.registry.cost_models.get(code)
        return model.cost_lines(d, self.home(), partner) if model else ()

    def delete_delegation(self, delegation_id: str) -> Delegation:
        d = self.repo.delegation(delegation_id)
        self.repo.delete_delegation(delegation_id)
        return d

    def save_plan(self, plan: Plan) -> list[Problem]:
        problems = []
        for _name, result in self.host.call_each("validate_plan", plan=plan, delegations=self.repo.delegations(plan.id), registry=self.registry):
            problems.extend(result or [])
        if any(p.severity == "error" for p in problems):
            raise ValidationError(problems)
        self.repo.save_plan(plan)
        return problems

    def restore_defaults(self) -> None:
        """Replace the whole database with the shipped 2020–2022 plan."""
        self.repo.replace_all(default_data())
        self._haystacks.clear()
