"""The calendar screen (key D): a month with its visits and deadlines, what is due
overdue first, and the overdue count in the main screen's header."""

from __future__ import annotations

from datetime import date

import pytest
from rich.console import Console

from delegations import i18n
from delegations.deadline_settings import mark_met
from delegations.domain import Outcome, Status, Timing
from delegations.services import Planner
from delegations.ui.app import DelegationsApp
from delegations.ui.screens.calendar import CalendarScreen


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("vi")


def _text(renderable) -> str:
    console = Console(width=80, record=True, file=open("/dev/null", "w"))
    console.print(renderable)
    return console.export_text()


async def test_the_month_shows_visits_and_deadlines_and_the_header_counts_what_is_overdue(db_path, host):
    planner = Planner.open(db_path, host=host)
    d = planner.delegation("2020-2022", 1)
    planner.save_delegation(d.evolve(timing=Timing(2022, start=date(2022, 4, 4), end=date(2022, 4, 8)), status=Status.DONE,
                                     outcome=Outcome(date(2022, 4, 4), date(2022, 4, 8), 9)))
    inbound = planner.delegation("2020-2022", 3)
    planner.save_delegation(inbound.evolve(timing=Timing(2022, start=date(2022, 5, 10), end=date(2022, 5, 12))))
    mark_met(planner.repo, "year-2022/yearly_plan")  # the plan for 2022, sent in December 2021
    app = DelegationsApp(planner, blink=False, lang="en")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "2 overdue (D)" in str(app.screen.query_one("#title").render())
            await pilot.press("D")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, CalendarScreen)
            screen.today, screen.month = date(2022, 4, 25), date(2022, 4, 1)
            screen.show_month()
            text = _text(screen.shown)
            assert "4/4–8/4  1." in text  # the visit in the month's list
            assert "23/4  ! 1. Report on the results of the trip" in text  # 15 days after 8 April
            due = text.split("Due (overdue first):")[1].strip().splitlines()
            assert due == ["23/4/2022 2 days overdue: 1. Report on the results of the trip",
                           "5/5/2022 in 10 days: 3. Application to receive the delegation"]
            assert " 4 1 " in text and " 8 1 " in text and "23 !" in text and " 9 1" not in text  # the grid's days
            await pilot.press("right")
            await pilot.pause()
            assert "4/4–8/4" not in _text(screen.shown)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, CalendarScreen)
    finally:
        planner.close()
