"""The keys of every screen, for the keys screen (``?``): read from each screen's own
``BINDINGS``, so that a key added to a screen is listed without being written twice."""

from __future__ import annotations

from importlib import import_module

from textual.binding import BindingsMap

from ..i18n import N_, _

# (heading, module under ui.screens, class): the screens opened from the main screen.
SCREENS = (
    (N_("Delegation form (a, e)"), "form", "DelegationForm"),
    (N_("Roster, programme and status (i)"), "life", "LifeScreen"),
    (N_("Budget (b)"), "budget", "BudgetScreen"),
    (N_("Rates and exchange rates (r in the budget)"), "rates", "RatesScreen"),
    (N_("Export (o)"), "export", "ExportScreen"),
    (N_("Calendar and what is due (D)"), "calendar", "CalendarScreen"),
    (N_("Plans (l)"), "plans", "PlansScreen"),
    (N_("Plan header (h)"), "plan_header", "PlanHeaderScreen"),
)


def grouped(bindings_map: BindingsMap, display) -> list[tuple[str, str]]:
    """(keys, description) per action, in order; *display* shows one binding's key.
    Descriptions are translated here (a class's bindings hold message ids)."""
    by_action: dict[str, tuple[list[str], str]] = {}
    for key, bindings in bindings_map.key_to_bindings.items():
        for b in bindings:
            if key.startswith("super+") or not b.description:  # the Mac's Command key: no terminal here sends it
                continue
            keys, _description = by_action.setdefault(b.action, ([], _(b.description)))
            shown = display(b)
            if shown not in keys:
                keys.append(shown)
    return [(", ".join(keys), description) for keys, description in by_action.values()]


def screens_keys(display) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(keys, description)]) for each screen opened from the main screen."""
    found = []
    for heading, module, name in SCREENS:
        cls = getattr(import_module(f"{__package__}.screens.{module}"), name)
        rows = grouped(BindingsMap(cls.BINDINGS), display)
        if rows:
            found.append((_(heading), rows))
    return found
