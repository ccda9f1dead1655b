"""Validation of delegations and plans through the plugins' validators, for ``Planner``:
every ``validate_delegation``, ``validate_schedule`` and ``validate_plan`` hook, with the
validators that failed kept in ``validation_faults``."""

from __future__ import annotations

from .domain import Delegation, Plan, Problem
from .store import DelegationList
from .validating import ValidationReport, run_validators


class Validating:
    """Validation for ``Planner`` (which provides ``repo``, ``host``, ``registry``,
    ``plan()`` and the list ``validation_faults``)."""

    def validation(self, d: Delegation, plan: Plan | None = None, others=None) -> ValidationReport:
        """Every ``validate_delegation`` hook on *d*, then every ``validate_schedule`` hook
        (the calendar: the plan's *others* delegations, the officer's own dates): their
        problems and the validators that failed."""
        from .deadline_settings import own_dates

        plan = plan or self.repo.plan(d.plan_id)
        report = run_validators(self.host, "validate_delegation", delegation=d, plan=plan, registry=self.registry)
        others = self.repo.delegations(plan.id) if others is None else others
        others = others.without(d.id) if isinstance(others, DelegationList) else tuple(o for o in others if o.id != d.id)
        schedule = run_validators(self.host, "validate_schedule", delegation=d, plan=plan, others=others,
                                  own_dates=own_dates(self.repo), registry=self.registry)
        report.problems.extend(schedule.problems)
        report.faults.extend(schedule.faults)
        self._note_faults(report)
        return report

    def plan_validation(self, plan: Plan) -> ValidationReport:
        """Every ``validate_plan`` hook on *plan* (as given, saved or not) and its delegations."""
        report = run_validators(self.host, "validate_plan", plan=plan, delegations=self.repo.delegations(plan.id), registry=self.registry)
        self._note_faults(report)
        return report

    def check(self, d: Delegation, plan: Plan | None = None) -> list[Problem]:
        """The problems of *d*; a validator that failed is one more error (fail closed)."""
        return self.validation(d, plan).all_problems()

    def validate_plan(self, plan_id: str | None = None) -> dict[str, list[Problem]]:
        """Problems of the plan ("plan") and of each delegation (by its id); a failed
        validator is an error where it failed (see ``validation_faults``)."""
        plan = self.plan(plan_id)
        out: dict[str, list[Problem]] = {}
        header = self.plan_validation(plan)
        if header.all_problems():
            out["plan"] = header.all_problems()
        delegations = self.repo.delegations(plan.id)
        for d in delegations:
            report = self.validation(d, plan, delegations)
            if report.all_problems():
                out[d.id] = report.all_problems()
        return out

    def _note_faults(self, report: ValidationReport) -> None:
        for fault in report.faults:
            if fault not in self.validation_faults:
                self.validation_faults.append(fault)
