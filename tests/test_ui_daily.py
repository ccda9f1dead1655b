"""The officer's daily tool (issue 15): the delegation form reused and refilled,
dates filling the rest, the last direction and partner kept, the palette in
every language and accent-insensitive, the table readable at 80x24."""

import pytest

from delegations import i18n
from delegations.services import Planner
from delegations.ui.app import DelegationsApp
from delegations.ui.screens.form import DelegationForm
from delegations.ui.widgets.plan_table import PlanTable
from ui_support import open_screen


SIZE = (80, 24)


async def test_the_form_is_built_once_and_refilled_for_each_delegation(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e")
        first = app.screen
        assert isinstance(first, DelegationForm)
        seq1 = first.base.seq
        first.query_one("#members").value = "0"
        await pilot.press("ctrl+s")  # refused: an error is shown
        await pilot.pause()
        assert first.query_one("#err-members").display
        message = first.query_one("#form-message")
        assert message.display and "Chưa lưu" in str(message.render())
        assert not any("Chưa lưu" in n.message for n in app._notifications)  # no notice over the fields
        assert message.region.y < first.query_one("#form-body").region.y    # above them, not over them
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
        assert not again.query_one("#form-message").display
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
        await open_screen(pilot, "e")
        vi_form = app.screen
        await pilot.press("escape")
        await pilot.pause()
        app.switch_language("en")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is not vi_form
        assert "Delegation" in str(app.screen.query_one("#form-title").render())


async def test_dates_fill_the_year_month_and_days(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "a")
        form = app.screen
        form.query_one("#start").focus()
        await pilot.press(*"28/2/2024")
        await pilot.pause()
        form.query_one("#end").focus()
        await pilot.press(*"3/3/2024")
        await pilot.pause()
        values = {i: form.query_one(f"#{i}").value for i in ("year", "month", "days_min", "days_max")}
        assert values == {"year": "2024", "month": "2", "days_min": "5", "days_max": "5"}  # 2024 is a leap year
        assert all(form.query_one(f"#{i}").disabled for i in values)  # said by the dates: not typed again
        form.query_one("#end").value = ""  # the end cleared: the start alone is one day
        await pilot.pause()
        assert form.query_one("#days_min").value == "1"
        form.query_one("#start").value = "31/2/2024"  # not a date: the fields can be typed in again
        await pilot.pause()
        assert not form.query_one("#year").disabled


async def test_a_new_delegation_starts_with_the_last_direction_and_partner(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "a")
        form = app.screen
        assert form._value("direction") == "outbound"  # nothing used yet: outbound
        form.query_one("#name_vi").value = "Đoàn thử"
        form.query_one("#leader_vi").value = "Chủ tịch"
        form.query_one("#direction").value = "inbound"
        form.query_one("#partner").value = "salavan"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, DelegationForm)
        await pilot.press("a")
        await pilot.pause()
        assert (app.screen._value("direction"), app.screen._value("partner")) == ("inbound", "salavan")


async def test_typing_in_a_choice_list_jumps_to_the_option_accents_ignored(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e")
        form = app.screen
        form.query_one("#direction").focus()
        await pilot.press("d", "o", "a", "n", "space", "v")   # "Đoàn vào", typed without accents
        await pilot.pause()
        assert form._value("direction") == "inbound"
        assert not form.query_one("#direction").expanded      # no menu opened
        await pilot.pause(1.0)
        form.query_one("#partner").focus()
        await pilot.press("s", "a", "l")
        await pilot.pause()
        assert form._value("partner") == "salavan"


async def palette_rows(pilot, typed: str, wait: float = 0.3) -> list[str]:
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*typed)
    await pilot.pause(wait)
    commands = pilot.app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


async def test_the_palette_folds_accents_and_speaks_the_language(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = await palette_rows(pilot, "xuat")
        assert any("Xuất" in r for r in rows), rows          # "xuat" finds "Xuất"
        assert app.screen.query_one("#--input Input").placeholder == "Tìm lệnh…"
        await pilot.press("escape")
        await pilot.pause()
        rows = await palette_rows(pilot, "zzqq", wait=1.2)
        assert any("Không tìm thấy" in r for r in rows), rows
        assert not any("No matches found" in r for r in rows)


@pytest.mark.parametrize("lang, words", [("vi", ("Sang ô tiếp theo", "Chép đoạn chữ đã chọn")),
                                         ("lo", ("ໄປຊ່ອງຕໍ່ໄປ", "ສຳເນົາຂໍ້ຄວາມທີ່ເລືອກ"))])
async def test_textual_own_words_are_translated(make_app, lang, words):
    i18n.set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = await palette_rows(pilot, "")
        shown = "\n".join(rows)
        await pilot.press("escape")
        await pilot.pause()
        assert all(w in shown for w in words), shown
        assert "Focus Next" not in shown and "Copy selected text" not in shown
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#partner").prompt == ("Chọn" if lang == "vi" else "ເລືອກ")


def test_compact_date_ranges():
    from datetime import date

    from delegations.i18n.formatting import compact_range

    assert compact_range(date(2024, 2, 28), date(2024, 3, 3)) == "28/2–3/3/2024"
    assert compact_range(date(2024, 3, 1), date(2024, 3, 3)) == "1–3/3/2024"
    assert compact_range(date(2023, 12, 28), date(2024, 1, 3)) == "28/12/2023–3/1/2024"
    assert compact_range(date(2019, 9, 16), date(2019, 9, 16)) == "16/9/2019"


def row_text(table: PlanTable, y: int) -> str:
    return "".join(seg.text for seg in table.render_line(y))


async def test_the_table_at_80_columns_shows_every_value_whole(db_path, host):
    from datetime import date

    from delegations.domain import Timing

    with Planner.open(db_path, host=host) as planner:
        d = next(x for x in planner.repo.delegations(planner.plan().id) if x.seq == 1)
        planner.save_delegation(d.evolve(timing=Timing(2020, None, date(2020, 2, 28), date(2020, 3, 3)), duration=d.duration.__class__(5, 5)))
        d3 = next(x for x in planner.repo.delegations(planner.plan().id) if x.seq == 3)
        planner.save_delegation(d3.evolve(seq=1234))
    with Planner.open(db_path, host=host) as planner:
        app = DelegationsApp(planner, blink=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            table = app.screen.query_one(PlanTable)
            lines = [row_text(table, y) for y in range(5)]
            assert lines[0].startswith(" TT▲ ") and "Người " in lines[0] and "Số ngày" in lines[0] and "…" not in lines[0]
            first = next(line for line in lines if line.lstrip().startswith("1 "))
            assert "28/2–3/3/2020" in first and "Savannakhet" in first and "…" not in first.split("Đoàn ra")[1]
            assert any(line.startswith("1234 ") for line in lines), lines      # a four-digit number whole
            for _ in range(8):                                                  # to the status column, not shown at 80
                await pilot.press("s")
            await pilot.pause()
            assert app.order == "status"
            assert "Trạng thái▲" in str(app.screen.query_one("#filters").render())
            assert "▲" not in row_text(table, 0) and "▼" not in row_text(table, 0)


async def test_plans_are_created_with_a_title_renamed_and_deleted_undoably(make_app):
    from textual.widgets import Checkbox

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        old = app.plan_id
        old_plan = app.planner.repo.plan(old)
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#start").value, screen.query_one("#end").value = "2023", "2025"
        screen.query_one("#title").value = "Hợp tác với Lào 2023–2025"
        assert not screen.query_one("#carry-basis", Checkbox).value   # the old basis is not copied unless asked
        screen.query_one("#create").press()
        await pilot.pause()
        assert app.plan_id == "2023-2025"
        new = app.planner.repo.plan("2023-2025")
        assert new.title.get("vi") == "Hợp tác với Lào 2023–2025" and new.basis == () and new.recipients == old_plan.recipients
        assert "Hợp tác với Lào 2023–2025" in str(app.screen.query_one("#title").render())

        await pilot.press("l")            # rename the new plan (highlighted first? move to it)
        await pilot.pause()
        plans = app.screen.query_one("#plans")
        plans.highlighted = [plans.get_option_at_index(i).id for i in range(plans.option_count)].index("2023-2025")
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#title-vi").value = "Kế hoạch 2023–2025"
        await pilot.press("enter")
        await pilot.pause()
        assert app.planner.repo.plan("2023-2025").title.get("vi") == "Kế hoạch 2023–2025"

        plans = app.screen.query_one("#plans")
        plans.highlighted = [plans.get_option_at_index(i).id for i in range(plans.option_count)].index(old)
        await pilot.press("x")            # asks first
        await pilot.pause()
        assert old in {p.id for p in app.planner.plans()}
        await pilot.press("y")
        await pilot.pause()
        assert old not in {p.id for p in app.planner.plans()} and app.plan_id == "2023-2025"
        await pilot.press("u")            # undo, from the plan shown
        await pilot.pause()
        assert app.plan_id == old and app.planner.repo.plan(old) == old_plan
        assert len(app.screen.query_one(PlanTable).ids) == 4


async def test_the_read_only_banner_wraps_instead_of_being_cut(db_path, host):
    from delegations.ui import open_planner

    with Planner.open(db_path, host=host):
        planner, reason = open_planner(db_path)
        with planner:
            app = DelegationsApp(planner, read_only=reason, blink=False)
            async with app.run_test(size=(50, 24)) as pilot:
                await pilot.pause()
                banner = app.screen.query_one("#banner")
                assert banner.region.height >= 2          # the whole sentence, on two lines or three


async def test_the_budget_shows_every_value_whole_at_80_columns(make_app):
    from delegations.ui.widgets.rows import RowsView

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "b")
        view = app.screen.query_one(RowsView)
        lines = ["".join(seg.text for seg in view.render_line(y)) for y in range(view.size.height)]
        money = [line for line in lines if "₫" in line]
        assert money and all(line.rstrip().endswith(("(chưa đủ)", "₫")) for line in money), lines
        totals = [line for line in lines if line.startswith("Tổng LĐLĐ tỉnh Quảng Trị chi")]   # whose total it is
        assert totals and all(line.rstrip().endswith("(chưa đủ)") for line in totals), lines
        room = view.scrollable_content_region.width                  # left of the scroll bar
        assert view.max_scroll_y > 0 and all(len(line.rstrip()) <= room for line in lines)
        await pilot.press("end")
        await pilot.pause()
        lines = ["".join(seg.text for seg in view.render_line(y)) for y in range(view.size.height)]
        # the last note (the lines with no rate, the partner's not among them) is shown whole, wrapped, not cut
        assert any("4 dòng chưa có định mức" in line for line in lines) and not any(line.rstrip().endswith("…") for line in lines), lines


async def test_the_leader_has_a_name_in_lao_script(make_app, db_path, host):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e")
        form = app.screen
        form.query_one("#leader_name").value = "Nguyễn Văn A"
        form.query_one("#leader_name_lo").value = "ຫງວຽນ ວັນ ອາ"
        await pilot.press("ctrl+s")
        await pilot.pause()
        seq = form.base.seq
    planner = app.planner
    planner.reload()                                                    # stored, and read back
    if True:
        d = planner.delegation(planner.plan().id, seq)
        assert (d.leader.name, d.leader.name_lo) == ("Nguyễn Văn A", "ຫງວຽນ ວັນ ອາ")
        assert planner.wording("lo").cells(d).leader.endswith("ຫງວຽນ ວັນ ອາ")
        assert planner.wording("vi").cells(d).leader.endswith("Nguyễn Văn A")
        assert "ຫງວຽນ" not in planner.wording("vi").cells(d).leader        # printed once, in its language


async def test_rate_tables_and_exchange_rates_are_filled_in_the_ui(make_app):
    from textual.widgets import Input

    from delegations.ui.screens.rates import RatesScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b", "r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RatesScreen)
        labels = " ".join(str(w.render()) for w in screen.query(".rate-label"))
        assert "mỗi người mỗi ngày" in labels and "person_day" not in labels
        per_diem = next(k for k, (code, item, role, _s) in screen.amounts.items()
                        if (code, item, role) == ("tt102-2012-laos", "per_diem", "all"))
        screen.query_one(f"#{per_diem}", Input).value = "abc"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "abc" in str(screen.query_one("#rates-message").render())    # refused, named
        screen.query_one(f"#{per_diem}", Input).value = "60"
        screen.query_one("#fx-new-source", Input).value = "USD"
        screen.query_one("#fx-new-rate", Input).value = "25400"
        screen.query_one("#fx-new-target", Input).value = "VND"
        await pilot.press("ctrl+s")
        await pilot.pause()
        budgeting = app.planner.budgeting
        assert str(budgeting.table("tt102-2012-laos").rate("per_diem", "all").amount.amount) == "60"
        assert [(r.source, r.target, str(r.rate)) for r in budgeting.exchange_rates()] == [("USD", "VND", "25400")]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "BudgetScreen"


async def test_the_header_texts_are_edited_in_lao_and_english_too(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "h")
        form = app.screen
        form.query_one("#position_vi").value = "CHỦ TỊCH"     # every language side by side
        form.query_one("#position_lo").value = "ປະທານ"
        form.query_one("#position_en").value = "CHAIR"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, type(form))
        signature = app.planner.plan(app.plan_id).signature
        assert [signature.position.get(lang) for lang in ("vi", "lo", "en")] == ["CHỦ TỊCH", "ປະທານ", "CHAIR"]
