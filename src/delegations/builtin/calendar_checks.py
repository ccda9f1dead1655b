"""The built-in checks of a delegation's dates, through the ``validate_schedule`` hook: a
visit over public holidays of Vietnam or Laos (That Luang included) or over a date the
officer added, two visits of the plan at the same time, the same leader in two places.
All are warnings. ``DELEGATIONS_DISABLE_PLUGINS=calendar_checks`` turns them off; a
plugin of the officer's may then check the calendar its own way."""

from .. import hookimpl
from ..domain.conflicts import occasion_warnings, overlap_warnings
from ..domain.deadlines import visit_span
from ..i18n import current_language, translate


@hookimpl
def validate_schedule(delegation, plan, others, own_dates, registry):
    span = visit_span(delegation)
    if span is None:
        return None
    from ..holiday_data import public_holidays

    lang = current_language()
    occasions = public_holidays(range(span[0].year, span[1].year + 1)) + tuple(own_dates)
    return occasion_warnings(delegation, occasions, lang, translate) + overlap_warnings(delegation, others, lang)
