"""The line of the delegation form that says a delegation's status and roster size,
and the key of the life screen where they change (kept apart from ``life.py`` so that
the form does not load the life screen's widgets)."""

from __future__ import annotations

from ...i18n import _, ngettext


def life_line(w, d) -> str:
    """The status and the roster's size in a line, with the key of the life screen (for the form)."""
    people = ngettext("{n} person", "{n} people", len(d.roster)).format(n=len(d.roster))
    return _("{status} · roster: {people} (key i in the table)").format(status=w.status(d.status), people=people)
