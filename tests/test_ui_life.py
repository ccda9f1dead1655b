"""The life screen (i) and the export screen's document choice, through Textual's pilot."""

import pytest
from textual.widgets import Select

from delegations.services import Planner
from delegations.ui.app import DelegationsApp
from ui_support import open_screen

SIZE = (100, 40)


@pytest.fixture
def app(db_path, host):
    planner = Planner.open(db_path, host=host)
    yield DelegationsApp(planner, blink=False)
    planner.close()


async def fill(pilot, selector, text):
    widget = pilot.app.screen.query_one(selector)
    widget.value = text
    await pilot.pause()


async def test_roster_programme_and_status_from_the_life_screen(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")  # delegation 1, outbound, 2020
        await pilot.pause()
        await fill(pilot, "#p_name", "Nguyễn Văn An")
        await fill(pilot, "#p_expires", "2021-01-15")
        await fill(pilot, "#p_lao", "ຫງວຽນ ວັນ ອານ")
        app.screen.add_person()
        await pilot.pause()
        assert "Nguyễn Văn An" in str(app.screen.query_one("#life-message").render())  # the passport warning names him
        await fill(pilot, "#i_day", "2021-06-01")
        await fill(pilot, "#i_vi", "Quá hạn")
        app.screen.add_item()  # outside 2020: refused, nothing stored
        await pilot.pause()
        await fill(pilot, "#i_day", "2020-06-01")
        await fill(pilot, "#i_vi", "Làm việc với LHCĐ tỉnh Savannakhet")
        app.screen.add_item()
        await pilot.pause()
        app.screen.query_one("#s_new", Select).value = "cancelled"
        await pilot.pause()
        await fill(pilot, "#s_reason", "Dịch bệnh")
        app.screen.change_status()
        await pilot.pause()
        await pilot.press("escape", "escape")  # back to the roster's table, then closed
        await pilot.pause()
        d = app.planner.delegation("2020-2022", 1)
        assert [p.name for p in d.roster] == ["Nguyễn Văn An"] and d.members == 10 and d.roster[0].lao_name == "ຫງວຽນ ວັນ ອານ"
        assert [i.activity.get() for i in d.programme] == ["Làm việc với LHCĐ tỉnh Savannakhet"]
        assert d.status.value == "cancelled" and d.cancel_reason.get("vi") == "Dịch bệnh" and d.history[-1].status == "cancelled"
        await pilot.press("u")  # the change of status is undone like any edit
        await pilot.pause()
        assert app.planner.delegation("2020-2022", 1).status.value == "planned"


async def test_export_screen_exports_a_document_of_the_selected_delegation(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "o")
        await fill(pilot, "#folder", str(tmp_path))
        app.screen.query_one("#document", Select).value = "decision"
        app.screen.query_one("#lang", Select).value = "vi-lo"
        await pilot.pause()
        assert "roster 1 add" in str(app.screen.query_one("#target").render())  # no roster: no list to attach
        app.screen.query_one("#document", Select).value = "proposal"
        await pilot.pause()
        assert "to-trinh_2020-2022_1_vi-lo_" in str(app.screen.query_one("#target").render())
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        files = list(tmp_path.glob("to-trinh_2020-2022_1_vi-lo_*.pdf"))
        assert len(files) == 1 and files[0].read_bytes().startswith(b"%PDF")
