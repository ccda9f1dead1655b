"""Pictures of the main screen and the form at 80x24 (pytest-textual-snapshot).

Cursor blink is off and the language is fixed, so the pictures are stable;
update them with ``pytest tests/test_ui_snapshots.py --snapshot-update`` after
a deliberate change, and look at the report before committing.
"""

import pytest

from delegations import i18n
from delegations.services import Planner
from delegations.ui.app import DelegationsApp

SIZE = (80, 24)


@pytest.fixture
def app_in(db_path, host):
    opened = []

    def make(lang: str) -> DelegationsApp:
        i18n.set_language(lang)
        planner = Planner.open(db_path, host=host)
        opened.append(planner)
        return DelegationsApp(planner, lang=lang, blink=False)

    yield make
    for p in opened:
        p.close()
    i18n.set_language("vi")


async def settle(pilot):
    await pilot.pause(0.2)  # the totals line is drawn just after the table


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_main_screen(snap_compare, app_in, lang):
    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=settle)


def test_main_screen_wide(snap_compare, app_in):
    assert snap_compare(app_in("vi"), terminal_size=(140, 36), run_before=settle)


def test_delegation_form(snap_compare, app_in):
    async def open_form(pilot):
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause(0.2)

    assert snap_compare(app_in("vi"), terminal_size=SIZE, run_before=open_form)


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_delegation_form_in(snap_compare, app_in, lang):
    async def open_form(pilot):
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause(0.2)

    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=open_form)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_command_palette(snap_compare, app_in, lang):
    async def open_palette(pilot):
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)

    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=open_palette)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
@pytest.mark.parametrize("key", ["l", "h"])
def test_screens(snap_compare, app_in, lang, key):
    """The plans and plan-header screens at 80x24 in every language (the budget names
    today's date, so it has no picture)."""
    async def open_screen(pilot):
        await settle(pilot)
        await pilot.press(key)
        await pilot.pause(0.3)

    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=open_screen)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_rename_dialog(snap_compare, app_in, lang):
    """The plan's title in every language, over the plans screen, at 80x24."""
    async def rename(pilot):
        await settle(pilot)
        await pilot.press("l")
        await pilot.pause(0.3)
        await pilot.press("r")
        await pilot.pause(0.3)

    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=rename)
