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


async def settle(pilot, at_least: float = 0.2, within: float = 10.0):
    """Wait until the screen stops changing: the totals line is drawn just after the
    table, the palette fills its list in the background. A fixed pause was not enough
    on a busy machine; this waits for two equal pictures in a row (at most *within* s)."""
    await pilot.pause(at_least)
    before = pilot.app.export_screenshot()
    for _ in range(int(within / 0.1)):
        await pilot.pause(0.1)
        now = pilot.app.export_screenshot()
        if now == before:
            return
        before = now


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_main_screen(snap_compare, app_in, lang):
    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=settle)


def test_main_screen_wide(snap_compare, app_in):
    assert snap_compare(app_in("vi"), terminal_size=(140, 36), run_before=settle)


def test_delegation_form(snap_compare, app_in):
    async def open_form(pilot):
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)

    assert snap_compare(app_in("vi"), terminal_size=SIZE, run_before=open_form)


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_delegation_form_in(snap_compare, app_in, lang):
    async def open_form(pilot):
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)

    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=open_form)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_command_palette(snap_compare, app_in, lang):
    async def open_palette(pilot):
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot, 0.3)

    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=open_palette)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
@pytest.mark.parametrize("key", ["l", "h"])
def test_screens(snap_compare, app_in, lang, key):
    """The plans and plan-header screens at 80x24 in every language (the budget names
    today's date, so it has no picture)."""
    async def open_screen(pilot):
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot, 0.3)

    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=open_screen)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_life_screen(snap_compare, app_in, lang):
    """The life screen (i) at 80x24: the roster's tab with one person, in every language."""
    from datetime import date

    from delegations import lifecycle

    async def open_life(pilot):
        planner = pilot.app.planner
        d = planner.delegation("2020-2022", 1)
        lifecycle.add_person(planner, d, lifecycle.person("Nguyễn Văn An", "Phó Chủ tịch LĐLĐ tỉnh Quảng Trị", passport="C1234567",
                                                          expires=date(2031, 1, 1), lao_name="ຫງວຽນ ວັນ ອານ", role="leader"))
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot, 0.3)

    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=open_life)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_header_form_rows_and_outdated_marks(snap_compare, app_in, lang):
    """The header form further down: recipients as rows, and the signer's position
    in every language with its translations marked outdated after a new Vietnamese."""
    async def edit_position(pilot):
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot, 0.3)
        field = pilot.app.screen.query_one("#position_vi")
        field.focus()
        field.value = "CHỦ TỊCH"
        pilot.app.screen.query_one("#form-body").scroll_end(animate=False)
        await settle(pilot, 0.3)

    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=edit_position)


def test_delegation_form_outdated_mark(snap_compare, app_in):
    async def edit_name(pilot):
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        pilot.app.screen.query_one("#name_vi").value = "Đoàn LĐLĐ tỉnh Quảng Trị sang Savannakhet"
        await settle(pilot)

    assert snap_compare(app_in("vi"), terminal_size=SIZE, run_before=edit_name)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_rename_dialog(snap_compare, app_in, lang):
    """The plan's title in every language, over the plans screen, at 80x24."""
    async def rename(pilot):
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot, 0.3)
        await pilot.press("r")
        await settle(pilot, 0.3)

    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=rename)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_budget_screen(snap_compare, app_in, lang):
    """The budget screen (b) at 80x24, the plan dated 23/11/2026 (the rates' day is the plan's,
    not today's): totals named for the federation, the partners' rows saying they pay their own."""
    from dataclasses import replace
    from datetime import date

    async def open_budget(pilot):
        planner = pilot.app.planner
        planner.save_plan(replace(planner.plan(), issued=date(2026, 11, 23)))
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot, 0.3)
        for _ in range(12):   # down to the rows by paying organisation
            await pilot.press("down")
        await settle(pilot, 0.3)

    assert snap_compare(app_in(lang), terminal_size=SIZE, run_before=open_budget)
