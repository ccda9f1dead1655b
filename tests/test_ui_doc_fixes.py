"""The main screen and the export screen with a cancelled delegation, and the
announcement before a Lao workbook (pilot, 80×24)."""

from __future__ import annotations

from datetime import date

from delegations import lifecycle
from delegations.defaults import default_data
from delegations.domain import Status, Text
from delegations.services import Planner
from delegations.store.storage import dumps
from delegations.ui.screens.dialogs import ConfirmScreen
from ui_support import SIZE, open_screen, type_into


def _cancel_4(db_path):
    db_path.write_text(dumps(default_data()), encoding="utf-8")
    with Planner.open(db_path) as p:
        d = p.delegation(p.plan().id, 4)
        lifecycle.change_status(p, d, Status.CANCELLED, date(2021, 1, 5), lifecycle.StatusFacts(reason="Dịch bệnh"))
        return [x.members for x in p.repo.delegations(p.plan().id) if x.seq != 4]


def _totals(app) -> str:
    return str(app.screen.query_one("#totals").render())


async def test_the_totals_count_the_planned_and_say_the_cancelled_apart(make_app, db_path):
    members = _cancel_4(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        totals = _totals(app)
        assert totals.startswith(f"Tổng: 3 đoàn, {sum(members)} người,"), totals
        assert "· 1 đã hủy │" in totals
        assert "Đoàn vào: 1 (" in totals and "2022: 1" in totals   # delegation 4 (inbound, 2022) not counted


async def test_the_totals_without_a_cancelled_delegation_say_nothing_of_it(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert _totals(app).startswith("Tổng: 4 đoàn,") and "hủy" not in _totals(app)


async def test_the_export_screen_says_the_cancelled_delegation_is_marked(make_app, db_path, tmp_path):
    _cancel_4(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "o")
        target = str(app.screen.query_one("#target").render())
        assert "Đoàn đã hủy, in kèm dòng \"(Đã hủy)\" dưới tên đoàn: đoàn 4." in target


async def test_a_lao_workbook_asks_first_as_the_pdf_does(make_app, db_path, tmp_path):
    db_path.write_text(dumps(default_data()), encoding="utf-8")
    with Planner.open(db_path) as p:
        d = p.delegation(p.plan().id, 2)
        p.save_delegation(d.evolve(name=Text.of("Đoàn học tập")))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "o")
        await type_into(pilot, "#folder", str(tmp_path))
        app.screen.query_one("#format").value = "xlsx"
        app.screen.query_one("#lang").value = "vi-lo"
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#question").render()).splitlines()
        assert question == ["Các văn bản này chưa có bản dịch và sẽ in bằng tiếng Việt:", "- đoàn 2: Tên đoàn (Tiếng Lào)", "Vẫn xuất?"]
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(list(tmp_path.glob("*_vi-lo_*.xlsx"))) == 1
