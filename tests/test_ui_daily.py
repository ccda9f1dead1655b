"""The officer's daily tool (issue 15): the delegation form reused and refilled,
dates filling the rest, the last direction and partner kept, the palette in
every language and accent-insensitive, the table readable at 80x24."""

import pytest

from delegations import i18n
from delegations.services import Planner
from delegations.ui.app import DelegationsApp
from delegations.ui.screens.form import DelegationForm
from delegations.ui.widgets.plan_table import PlanTable

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def vietnamese():
    i18n.set_language("vi")
    yield
    i18n.set_language("vi")


@pytest.fixture
def make_app(db_path, host):
    opened = []

    def make(**kwargs):
        planner = Planner.open(db_path, host=host)
        opened.append(planner)
        return DelegationsApp(planner, blink=False, **kwargs)

    yield make
    for p in opened:
        p.close()


async def test_the_form_is_built_once_and_refilled_for_each_delegation(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        first = app.screen
        assert isinstance(first, DelegationForm)
        seq1 = first.base.seq
        first.query_one("#members").value = "0"
        await pilot.press("ctrl+s")  # refused: an error is shown
        await pilot.pause()
        assert first.query_one("#err-members").display
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
        assert not isinstance(app.screen, DelegationForm)
        app.screen.query_one(PlanTable).cursor = 1
        await pilot.press("e")
        await pilot.pause()
        again = app.screen
        assert again is first                       # the same widgets, not built again
        assert again.base.seq != seq1
        assert again.query_one("#members").value == str(again.base.members)  # refilled, not what was typed
        assert not again.query_one("#err-members").display                  # no stale error
        assert "Đoàn số " + str(again.base.seq) in str(again.query_one("#form-title").render())
        assert not again.changed()                   # Esc closes at once
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DelegationForm)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is first and first.is_new and first.query_one("#name_vi").value == ""


async def test_the_form_follows_the_language(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        vi_form = app.screen
        await pilot.press("escape")
        await pilot.pause()
        app.switch_language("en")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is not vi_form
        assert "Delegation" in str(app.screen.query_one("#form-title").render())
