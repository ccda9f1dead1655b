"""The life screen (i) at 80x24, through Textual's pilot: a person edited and seen by
``roster SEQ``, a programme item removed, an approval with a typed date, a done
delegation with its actual costs reaching ``budget --json``, a cancellation; each
undone with Ctrl+Z; key hints that are never cut, in vi, lo and en."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable, Input, Select, TextArea

from delegations import i18n, lifecycle
from delegations.cli import main
from delegations.domain import Approval, ProgrammeItem, Status, Text
from delegations.services import Planner
from delegations.ui.app import DelegationsApp
from ui_support import SIZE

PLAN = "2020-2022"


@pytest.fixture
def planner(db_path, host):
    p = Planner.open(db_path, host=host)
    yield p
    p.close()


def app_on(planner, lang: str = "vi") -> DelegationsApp:
    i18n.set_language(lang)
    return DelegationsApp(planner, lang=lang, blink=False)


async def open_life(pilot, seq: int = 1, tab: str = "") -> None:
    """The life screen of delegation *seq* (the table's cursor moved down to it), on *tab* (F2-F4)."""
    await pilot.pause()
    for _ in range(seq - 1):
        await pilot.press("down")
    await pilot.press("i")
    await pilot.pause()
    if tab:
        await pilot.press(tab)
        await pilot.pause()


async def type_in(pilot, selector: str, text: str) -> None:
    """Focus the field, empty it and type *text* key by key."""
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)


def message(app) -> str:
    return str(app.screen.query_one("#life-message").render())


def cli(db_path, *args) -> int:
    return main(["--db", str(db_path), *args])


async def test_edit_a_person_see_it_in_roster_and_undo_it(planner, db_path, capsys):
    d = planner.delegation(PLAN, 1)
    d, _w = lifecycle.add_person(planner, d, lifecycle.person("Nguyễn Văn An", "Chủ tịch", passport="C1", expires=date(2030, 1, 1)))
    lifecycle.add_person(planner, d, lifecycle.person("Lê Thị Bình", role="interpreter"))
    app = app_on(planner)
    async with app.run_test(size=SIZE) as pilot:
        await open_life(pilot)
        assert isinstance(app.focused, DataTable)  # the roster's table first
        await pilot.press("down", "enter")  # the second person into the fields
        await pilot.pause()
        assert app.focused.id == "p_name" and app.focused.value == "Lê Thị Bình"
        await type_in(pilot, "#p_name", "Lê Thị Bính")
        await type_in(pilot, "#p_born", "3/2/1980")
        await type_in(pilot, "#p_passport", "C765")
        await type_in(pilot, "#p_expires", "2031-06-30")
        app.screen.query_one("#p_sex", Select).value = "female"
        await pilot.press("enter")  # saves the row being edited
        await pilot.pause()
        person = planner.delegation(PLAN, 1).roster[1]
        assert (person.name, person.born, person.passport, person.passport_expires, person.sex.value, person.role) == \
            ("Lê Thị Bính", date(1980, 2, 3), "C765", date(2031, 6, 30), "female", "interpreter")
        assert isinstance(app.focused, DataTable) and app.screen.query_one("#p_name", Input).value == ""  # fields cleared
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert planner.delegation(PLAN, 1).roster[1].name == "Lê Thị Bình"
        assert "Lê Thị Bình" in str(app.screen.query_one("#roster DataTable", DataTable).get_row_at(1))
        await pilot.press("ctrl+y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    planner.close()
    capsys.readouterr()
    assert cli(db_path, "roster", "1") == 0
    out = capsys.readouterr().out
    assert "Lê Thị Bính" in out and "C765" in out and "30/06/2031" in out


async def test_add_clears_the_fields_and_keeps_the_focus_on_the_first(planner):
    app = app_on(planner)
    async with app.run_test(size=SIZE) as pilot:
        await open_life(pilot, 1, "f3")
        assert app.focused.id == "i_day"  # no programme yet: straight to its first field
        await type_in(pilot, "#i_day", "1/6/2020")
        await type_in(pilot, "#i_vi", "Làm việc")
        app.screen.query_one("#i_place_lo", Input).value = "ສະຫວັນນະເຂດ"  # the pilot's keys drop Lao combining marks
        await pilot.press("enter")
        await pilot.pause()
        items = planner.delegation(PLAN, 1).programme
        assert [(i.day, i.activity.get(), i.place.get("lo")) for i in items] == [(date(2020, 6, 1), "Làm việc", "ສະຫວັນນະເຂດ")]
        assert app.focused.id == "i_day" and all(app.screen.query_one(f"#{f}", Input).value == "" for f in ("i_day", "i_vi", "i_place_lo"))
        await pilot.press("escape")  # from the fields back to the table, then closed
        await pilot.pause()
        assert isinstance(app.focused, DataTable) and "x:" in str(app.screen.query_one("#life-keys").render())
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MainScreen"


async def test_remove_a_programme_item_and_undo(planner):
    d = planner.delegation(PLAN, 1)
    for day, text in ((date(2020, 6, 1), "Đón đoàn"), (date(2020, 6, 2), "Hội đàm")):
        d, _w = lifecycle.add_programme_item(planner, d, ProgrammeItem(day, Text.of(vi=text)))
    app = app_on(planner)
    async with app.run_test(size=SIZE) as pilot:
        await open_life(pilot, 1, "f3")
        assert isinstance(app.focused, DataTable)
        await pilot.press("down", "x")
        await pilot.pause()
        assert [i.activity.get() for i in planner.delegation(PLAN, 1).programme] == ["Đón đoàn"]
        assert "Ctrl+Z" in message(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [i.activity.get() for i in planner.delegation(PLAN, 1).programme] == ["Đón đoàn", "Hội đàm"]
        assert app.screen.query_one("#programme DataTable", DataTable).row_count == 2


async def test_approve_with_a_typed_date_and_number_then_undo(planner):
    lifecycle.change_status(planner, planner.delegation(PLAN, 1), Status.PROPOSED, date(2020, 2, 1))
    app = app_on(planner)
    async with app.run_test(size=SIZE) as pilot:
        await open_life(pilot, 1, "f4")
        screen = app.screen
        assert screen.query_one("#s_new", Select).value == "approved"  # the next step is offered first
        assert screen.query_one("#s_issued", Input).value == f"{date.today().day}/{date.today().month}/{date.today().year}"
        await type_in(pilot, "#s_number", "12/QĐ-LĐLĐ")
        await type_in(pilot, "#s_issued", "15/2/2020")
        await type_in(pilot, "#s_on", "2020-02-16")
        await type_in(pilot, "#s_body", "Ban Thường vụ Tỉnh ủy")
        await pilot.press("ctrl+s")
        await pilot.pause()
        d = planner.delegation(PLAN, 1)
        assert d.status is Status.APPROVED and d.approval == Approval("12/QĐ-LĐLĐ", date(2020, 2, 15), Text.of("Ban Thường vụ Tỉnh ủy"))
        assert (d.history[-1].status, d.history[-1].on) == ("approved", date(2020, 2, 16))
        history = str(screen.query_one("#s_history").render())
        assert "16/2/2020" in history and "12/QĐ-LĐLĐ" in history
        await pilot.press("ctrl+z")
        await pilot.pause()
        d = planner.delegation(PLAN, 1)
        assert d.status is Status.PROPOSED and d.approval is None
        assert "16/2/2020" not in str(screen.query_one("#s_history").render())


async def test_done_with_actual_costs_reaches_the_budget_then_undo_and_redo(planner, db_path, capsys):
    d = planner.delegation(PLAN, 3)
    d, _w = lifecycle.change_status(planner, d, Status.PROPOSED, date(2022, 3, 1))
    lifecycle.change_status(planner, d, Status.APPROVED, date(2022, 3, 10), 
                            lifecycle.StatusFacts(Approval("5/QĐ", date.today())))  # priced by the rate table in force today
    app = app_on(planner)
    async with app.run_test(size=SIZE) as pilot:
        await open_life(pilot, 3, "f4")
        screen = app.screen
        assert screen.query_one("#s_new", Select).value == "done"
        await type_in(pilot, "#s_from", "10/5/2022")
        await type_in(pilot, "#s_to", "13/5/2022")
        await type_in(pilot, "#s_members", "8")
        screen.query_one("#s_results", TextArea).load_text("Ký biên bản hợp tác.")
        await type_in(pilot, "#s_cost_lodging", "90000000")
        await type_in(pilot, "#s_cost_meals", "70000000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        o = planner.delegation(PLAN, 3).outcome
        assert (o.start, o.end, o.members, o.results.get()) == (date(2022, 5, 10), date(2022, 5, 13), 8, "Ký biên bản hợp tác.")
        assert {c.item: c.amount.amount for c in o.costs} == {"lodging": Decimal("90000000"), "meals": Decimal("70000000")}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert planner.delegation(PLAN, 3).status is Status.APPROVED
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert planner.delegation(PLAN, 3).status is Status.DONE
        await pilot.press("escape")
        await pilot.pause()
    planner.close()
    capsys.readouterr()
    assert cli(db_path, "budget", "--json") == 0
    row = next(r for r in json.loads(capsys.readouterr().out)["delegations"] if r["seq"] == 3)
    assert Decimal(row["actual"]) == Decimal("160000000") and row["estimate"] is not None
    assert Decimal(row["difference"]) == Decimal(row["actual"]) - Decimal(row["estimate"])


async def test_cancel_with_a_reason_and_undo(planner):
    app = app_on(planner)
    async with app.run_test(size=SIZE) as pilot:
        await open_life(pilot, 2, "f4")
        app.screen.query_one("#s_new", Select).value = "cancelled"
        await pilot.pause()
        await pilot.press("ctrl+s")  # no reason: refused, said on the message line
        await pilot.pause()
        assert planner.delegation(PLAN, 2).status is Status.PLANNED and message(app)
        await type_in(pilot, "#s_reason", "Dịch bệnh")
        await pilot.press("enter")
        await pilot.pause()
        d = planner.delegation(PLAN, 2)
        assert d.status is Status.CANCELLED and d.cancel_reason.get("vi") == "Dịch bệnh" and d.history[-1].note == "Dịch bệnh"
        assert [v for _l, v in app.screen.query_one("#s_new", Select)._options] == ["cancelled"]  # only its facts
        assert "(sửa thông tin)" in str(app.screen.query_one("#s_new SelectCurrent #label").render())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert planner.delegation(PLAN, 2).status is Status.PLANNED


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
@pytest.mark.parametrize("tab", ["f2", "f3", "f4", "f5"])
async def test_nothing_is_cut_at_80x24(planner, lang, tab):
    """The tab line fits the width; every line of the key hints is on screen, in every language."""
    app = app_on(planner, lang)
    async with app.run_test(size=SIZE) as pilot:
        await open_life(pilot, 1, tab)
        screen = app.screen
        tabs = screen.query_one("#life-tabs")
        assert cell_len(tabs.render().plain) <= tabs.size.width
        keys = screen.query_one("#life-keys")
        lines = keys.render().wrap(keys.size.width)
        assert keys.size.height == len(lines) and keys.region.bottom <= SIZE[1] - 1  # inside the border
        if tab in ("f2", "f3"):
            await pilot.press("enter")  # editing: other hints, still whole
            await pilot.pause()
            lines = keys.render().wrap(keys.size.width)
            assert keys.size.height == len(lines) and keys.region.bottom <= SIZE[1] - 1


async def test_the_table_marks_done_and_cancelled_delegations_at_80_columns(planner):
    d = planner.delegation(PLAN, 3)
    for new in (Status.PROPOSED, Status.APPROVED, Status.DONE):
        facts = {Status.APPROVED: lifecycle.StatusFacts(Approval("5/QĐ", date(2022, 3, 10))),
                 Status.DONE: lifecycle.StatusFacts(outcome=lifecycle.Outcome(date(2022, 5, 10), date(2022, 5, 13), 8))}.get(new, lifecycle.StatusFacts())
        d, _w = lifecycle.change_status(planner, d, new, date(2022, 5, 14), facts)
    lifecycle.change_status(planner, planner.delegation(PLAN, 4), Status.CANCELLED, date(2022, 1, 5), lifecycle.StatusFacts(reason="Dịch bệnh"))
    app = app_on(planner)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from ui_support import table

        rows = {int(table(app).cells(i)["seq"]): table(app).render_line(n + 1) for n, i in enumerate(table(app).ids)}
        assert "✓ Đoàn" in rows[3].text and "✗ Đoàn" in rows[4].text and "✓" not in rows[1].text + rows[2].text
        assert any(seg.style and seg.style.strike for seg in rows[4]) and not any(seg.style and seg.style.strike for seg in rows[3])
    wide = app_on(planner)
    async with wide.run_test(size=(200, 40)) as pilot:  # the status has its column: no mark
        await pilot.pause()
        from ui_support import table

        line = table(wide).render_line(4).text
        assert "Đã hủy" in line and "✗" not in line


async def test_the_form_shows_the_status_and_roster_and_keeps_them(planner):
    d = planner.delegation(PLAN, 2)
    d, _w = lifecycle.add_person(planner, d, lifecycle.person("Nguyễn Văn An"))
    lifecycle.change_status(planner, d, Status.CANCELLED, date(2020, 3, 1), lifecycle.StatusFacts(reason="Dịch bệnh"))
    app = app_on(planner)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "e")
        await pilot.pause()
        line = str(app.screen.query_one("#life-line").render())
        assert "Đã hủy" in line and "1 người" in line and "phím i" in line
        await type_in(pilot, "#notes", "Ghi chú mới")
        await pilot.press("ctrl+s")
        await pilot.pause()
    d = planner.delegation(PLAN, 2)
    assert d.notes == "Ghi chú mới" and d.status is Status.CANCELLED and d.cancel_reason.get("vi") == "Dịch bệnh" and len(d.roster) == 1
