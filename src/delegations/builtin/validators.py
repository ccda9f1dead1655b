"""The core validation rules, registered as a plugin like any other validator."""

from datetime import date

from .. import hookimpl
from ..domain import Problem, check_delegation, check_plan
from ..domain.budget import choose_table
from ..i18n import N_, _, current_language
from ..i18n.formatting import format_money


@hookimpl
def validate_delegation(delegation, plan, registry):
    return check_delegation(delegation, plan, registry.partners, plan.issuer)


@hookimpl
def validate_plan(plan, delegations, registry):
    return check_plan(plan)


def _guest_class(delegation, registry) -> str:
    from ..domain.budget import proposed_class

    if delegation.direction.value != "inbound":
        return ""
    partner = registry.partners.get(delegation.partner)
    return delegation.guest_class or proposed_class(bool(partner and partner.province))


@hookimpl(specname="validate_delegation")
def rates_within_caps(delegation, plan, registry):
    """Warn where a rate the officer set for a delegation exceeds the cap of the
    rate table in force, naming the cap and its legal source."""
    if not delegation.rates:
        return None
    choice = choose_table(registry.rate_tables.values(), delegation.direction.value,
                          delegation.approval.issued if delegation.approval else None, delegation.timing.start,
                          plan.issued or date.today(), _guest_class(delegation, registry))
    if choice is None:
        return None
    table = choice.table
    lang = current_language()
    problems = []
    for override in delegation.rates:
        row = table.rate(override.item, override.role)
        if row is None or not row.cap or row.amount is None:
            continue
        if override.amount.currency != row.amount.currency:
            problems.append(Problem("rates", N_("The rate for {item} ({role}) is in {currency}; the table {table} is in {table_currency}."),
                                    {"item": row.item, "role": row.role, "currency": override.amount.currency,
                                     "table": table.code, "table_currency": row.amount.currency}, "warning"))
        elif override.amount.amount > row.amount.amount:
            problems.append(Problem(
                "rates",
                N_("{item} ({role}): {amount} is above the cap of {cap} in {table} ({source}){unverified}."),
                {"item": row.item, "role": row.role, "amount": format_money(override.amount, lang),
                 "cap": format_money(row.amount, lang), "table": table.code, "source": table.source,
                 "unverified": "" if row.verified else " [" + _("not verified against the official text") + "]"},
                "warning"))
    return problems


@hookimpl(specname="validate_delegation")
def delegation_translations_current(delegation, plan, registry):
    """Warn of each translation made from an earlier Vietnamese text of the delegation."""
    from ..translation_checks import delegation_warnings

    return delegation_warnings(delegation)


@hookimpl(specname="validate_plan")
def plan_translations_current(plan, delegations, registry):
    """Warn of each translation made from an earlier Vietnamese text of the plan header."""
    from ..translation_checks import plan_warnings

    return plan_warnings(plan)
