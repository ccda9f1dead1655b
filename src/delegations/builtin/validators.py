"""The core validation rules, registered as a plugin like any other validator."""

from .. import hookimpl
from ..domain import check_delegation, check_plan


@hookimpl
def validate_delegation(delegation, plan, registry):
    return check_delegation(delegation, plan, registry.partners, plan.issuer)


@hookimpl
def validate_plan(plan, delegations, registry):
    return check_plan(plan)
