"""Built-in exporter: the plan in the officer's calendar (iCalendar, ``icalendar``):
every dated visit and every deadline, each with a UID made of the delegation's id
(or the year) and what it is, so importing the file again updates the events
instead of adding them twice."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from .. import hookimpl
from ..domain import Text
from ..domain.deadlines import DEFAULT_RULES, due_items, visit_span

UID_DOMAIN = "delegations.ldld-quangtri"


def visit_uid(delegation_id: str) -> str:
    return f"{delegation_id}/visit@{UID_DOMAIN}"


def deadline_uid(key: str) -> str:
    return f"{key}@{UID_DOMAIN}"


class CalendarExporter:
    format = "ics"
    suffix = ".ics"
    label = Text.of(vi="Lịch (iCalendar .ics)", lo="ປະຕິທິນ (iCalendar .ics)", en="Calendar (iCalendar .ics)")

    def export(self, request) -> bytes:
        from icalendar import Calendar, Event

        lang = request.languages[0]
        w = request.wording
        cal = Calendar()
        cal.add("prodid", "-//delegations//LDLD Quang Tri//")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", f"{request.plan.title.get(lang)} ({request.plan.period})")
        stamp = datetime.combine(request.today, datetime.min.time(), tzinfo=timezone.utc)
        for d in request.delegations:
            span = visit_span(d)
            if span is None:
                continue
            ev = Event()
            ev.add("uid", visit_uid(d.id))
            ev.add("dtstamp", stamp)
            ev.add("summary", f"{d.seq}. {d.name.get(lang)}")
            ev.add("dtstart", span[0])
            ev.add("dtend", span[1] + timedelta(days=1))  # all-day events end the day after
            ev.add("description", f"{w.direction(d.direction)} — {w.org_short(d.partner)} — {w.status(d.status)}")
            ev.add("categories", ["visit"])
            cal.add_component(ev)
        years = range(request.plan.period.start_year, request.plan.period.end_year + 1)
        for item in due_items(request.delegations, request.deadline_rules or DEFAULT_RULES, years):
            ev = Event()
            ev.add("uid", deadline_uid(item.key))
            ev.add("dtstamp", stamp)
            whom = f" — {item.delegation.seq}. {item.delegation.name.get(lang)}" if item.delegation else f" {item.year}"
            ev.add("summary", f"{item.rule.what.get(lang)}{whom}")
            ev.add("dtstart", item.due)
            ev.add("dtend", item.due + timedelta(days=1))
            ev.add("description", item.rule.source)
            ev.add("categories", ["deadline"])
            cal.add_component(ev)
        return cal.to_ical()


@hookimpl
def register_exporters(register):
    register(CalendarExporter())
