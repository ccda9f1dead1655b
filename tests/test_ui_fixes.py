"""Faults found driving the UI at 80x24: the rates screen, the export screen, the
new-plan form, the delegation form's dates, the life screen's lists, messages over
fields, the main screen's filter line and totals."""

from textual.widgets import Input

from delegations.ui.screens.rates import RatesScreen
from ui_support import SIZE


async def test_the_rates_screen_asks_before_giving_up_typed_figures_and_shows_a_saved_rate(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b", "r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RatesScreen)
        screen.query_one("#fx-new-source", Input).value = "USD"
        screen.query_one("#fx-new-rate", Input).value = "25400"
        screen.query_one("#fx-new-target", Input).value = "VND"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen                              # a question, not the budget
        assert "Tiếp tục sửa" in str(app.screen.query_one("#no").label)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#fx-new-rate", Input).value == "25400"
        await pilot.press("ctrl+s")
        await pilot.pause()
        labels = [str(w.render()) for w in screen.query(".fx-row .rate-label")]
        assert any("1 USD = … VND" in label for label in labels), labels   # the saved rate listed
        assert [w.value for w in screen.query(".fx-row Input")] == ["25400"]
        await pilot.press("escape")                                  # nothing unsaved: closes at once
        await pilot.pause()
        assert app.screen.__class__.__name__ == "BudgetScreen"


async def test_the_palette_opens_the_rates_screen(make_app):
    from textual.command import CommandList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ty gia")
        await pilot.pause(0.4)
        commands = app.screen.query_one(CommandList)
        rows = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        assert any("Định mức và tỷ giá" in r for r in rows), rows
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, RatesScreen)


async def test_the_export_screen_says_its_own_words_on_its_own_line(make_app, tmp_path):
    from textual.widgets import Select

    from ui_support import open_screen, type_into

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "o")
        screen = app.screen
        assert "Xuất kế hoạch" in str(screen.query_one("#export-title").render())
        labels = [str(label) for label, _value in screen.query_one("#document", Select)._options]
        assert not any("(PDF)" in label for label in labels), labels   # the format select says it
        screen.query_one("#document", Select).value = "budget"
        await pilot.pause()
        assert "Xuất văn bản" in str(screen.query_one("#export-title").render())
        screen.query_one("#document", Select).value = "plan"
        await pilot.pause()
        await type_into(pilot, "#folder", str(tmp_path))
        for _round in range(2):
            await pilot.press("ctrl+o")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not app._notifications                            # no notice over the fields
        said = str(screen.query_one("#target").render())
        assert "Ghi đè" in said and "--force" not in said, said
        assert screen.query_one("#target").region.y > screen.query_one("#force").region.y


async def test_tab_in_the_new_plan_form_goes_years_title_carry_then_create(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#start").focus()
        await pilot.pause()
        order = []
        for _step in range(8):
            order.append(app.focused.id)
            await pilot.press("tab")
            await pilot.pause()
        assert order[:8] == ["start", "end", "title", "carry-basis", "carry-introduction", "carry-recipients",
                             "carry-signature", "create"], order
        create = app.screen.query_one("#create")
        assert create.region.height and create.region.bottom <= SIZE[1]          # on screen at 80x24


async def test_the_delegation_form_shows_stored_dates_as_typed(make_app):
    from datetime import date

    from delegations.domain import Timing
    from ui_support import open_screen

    app = make_app()
    planner = app.planner
    d = planner.delegations("2020-2022")[0]
    planner.save_delegation(d.evolve(timing=Timing(2020, 9, date(2020, 9, 24), date(2020, 9, 27))))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e")
        form = app.screen
        assert (form.query_one("#start").value, form.query_one("#end").value) == ("24/9/2020", "27/9/2020")
        await pilot.press("escape")                                  # nothing changed: closes without asking
        await pilot.pause()
        assert form is not app.screen and app.screen.__class__.__name__ == "MainScreen"


async def test_typing_chooses_in_the_life_screens_lists_and_an_open_list_hides_what_is_under_it(make_app, tmp_path):
    from textual.widgets._select import SelectOverlay

    from delegations.ui.widgets.choice import ChoiceSelect

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        sex, role = app.screen.query_one("#p_sex"), app.screen.query_one("#p_role")
        assert isinstance(sex, ChoiceSelect) and isinstance(role, ChoiceSelect)
        sex.focus()
        await pilot.pause()
        await pilot.press("n", "u")                                 # "nu" finds "Nữ" (accents ignored)
        await pilot.pause()
        assert sex.value == "female"
        for select_id in ("#s_new", "#t_kind"):
            assert isinstance(app.screen.query_one(select_id), ChoiceSelect)
        await pilot.press("enter")                                  # the list opens
        await pilot.pause(0.3)
        overlay = sex.query_one(SelectOverlay)
        assert overlay.display and overlay.region.height
        assert overlay.styles.background.a == 1, overlay.styles.background   # opaque
        assert overlay.styles.border_top[0] and overlay.region.width >= 12     # set apart, wider than the field
        assert overlay.styles.background != app.screen.query_one("#p_passport").styles.background
        (tmp_path / "life.svg").write_text(app.export_screenshot())


async def test_no_notice_lies_over_the_new_delegation_forms_fields(make_app):
    from delegations.ui.screens.form import DelegationForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.notify("Đã lưu đoàn 4.")                                  # a notice of the main screen
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DelegationForm) and not app._notifications
        app.notify("Đã tải lại từ tệp.")                              # said while the form is open
        await pilot.pause()
        assert not app._notifications
        line = form.query_one("#form-message")
        assert line.display and "Đã tải lại" in str(line.render())
        assert line.region.bottom <= form.query_one("#form-body").region.y   # above the fields
        await pilot.press("escape")
        await pilot.pause()
        app.notify("Sắp xếp theo Tên")                                # the main screen keeps its toasts
        await pilot.pause()
        assert app._notifications


async def test_the_filter_line_fits_80_columns_and_an_empty_table_says_why(make_app):
    from dataclasses import replace

    from delegations.domain import Direction, Status

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.screen
        app.filters = replace(app.filters, direction=Direction.OUTBOUND, partner="savannakhet", status=Status("cancelled"))
        main.reload()
        await pilot.pause()
        line = main.query_one("#filters")
        shown = "".join(line.render_line(y).text for y in range(line.region.height))
        assert shown.startswith(" đang hiện 0") or shown.startswith("đang hiện 0"), shown          # the count first
        assert "Trạngthái:Đãhủy" in shown.replace(" ", "") and "Đốitác" in shown.replace(" ", ""), shown   # wrapped, not cut
        empty = main.query_one("#no-rows")
        assert empty.display and empty.region.height
        assert "Không có đoàn nào khớp bộ lọc (0 bỏ lọc)" in str(empty.render())
        await pilot.press("0")
        await pilot.pause()
        assert not main.query_one("#no-rows").display


async def test_sorting_by_direction_lists_outbound_delegations_first(make_app):
    from ui_support import shown_seqs, table

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.order = "direction"
        app.screen.reload()
        await pilot.pause()
        directions = [table(app).cells(i)["direction"] for i in table(app).ids]
        assert directions == ["Đoàn ra", "Đoàn ra", "Đoàn vào", "Đoàn vào"], (directions, shown_seqs(app))
