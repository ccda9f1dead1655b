"""What a new user found in the daily tool (issues 15 and 17): the plans screen after
a rename, typing into a filled field, errors that follow the corrections, messages
that leave the totals and buttons free, the export and plugins screens, the budget's
years and exchange rates, date warnings in the table."""

from __future__ import annotations

from delegations.store.storage import dumps


def test_a_save_encodes_again_only_the_records_that_changed(planner, db_path):
    import json

    data = {"delegations": {str(i): {"seq": i, "name": {"vi": f"Đoàn {i}"}} for i in range(1, 4)}, "settings": {}}
    lines: dict = {}
    assert dumps(data, lines) == dumps(data)
    data["delegations"]["3"] = {"seq": 3, "members": 5}                   # a new record object: encoded
    assert dumps(data, lines) == dumps(data)
    # Through the repository, which changes a record in place (and says so): the file
    # holds every change, as a full encoding would write it.
    plan = planner.plan()
    ids = planner.delegations(plan.id).ids
    for members, row in ((7, ids[0]), (8, ids[1]), (9, ids[0])):
        planner.save_delegation(planner.repo.delegation(row).evolve(members=members))
    on_disk = json.loads(db_path.read_text("utf-8"))
    assert {r["seq"]: r["members"] for r in on_disk["delegations"].values()}[1] == 9
    assert {r["seq"]: r["members"] for r in on_disk["delegations"].values()}[2] == 8
    assert db_path.read_text("utf-8") == dumps(on_disk)

import pytest

from delegations.ui.screens.form import DelegationForm
from delegations.ui.screens.plans import PlansScreen, TitleScreen
from ui_support import SIZE, open_screen


def _text(widget) -> str:
    return str(widget.render())


async def test_the_plans_screen_answers_r_again_after_a_rename_and_the_header_and_lao_title_follow(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "l")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        for lang, title in (("vi", "Hợp tác Lào mới"), ("lo", "ການຮ່ວມມືໃໝ່")):
            box = app.screen.query_one(f"#title-{lang}")
            box.value = title
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlansScreen)
        plan = app.planner.plan(app.plan_id)
        assert plan.title.get("vi") == "Hợp tác Lào mới" and plan.title.get("lo", fallback=False) == "ການຮ່ວມມືໃໝ່"
        await pilot.press("r")           # still answers, without reopening the screen
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        assert app.screen.query_one("#title-lo").value == "ການຮ່ວມມືໃໝ່"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")      # back on the main screen: its header line shows the new title
        await pilot.pause()
        assert "Hợp tác Lào mới" in _text(app.screen.query_one("#title"))


async def test_typing_into_a_filled_field_edits_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e")
        form = app.screen
        before = form.query_one("#leader_vi").value
        assert before
        form.query_one("#leader_vi").focus()   # as a click or Tab gives it the focus
        await pilot.pause()
        assert form.focused is form.query_one("#leader_vi")
        await pilot.press("x")
        assert form.query_one("#leader_vi").value == before + "x"


async def test_an_error_goes_when_corrected_and_a_month_error_shows_under_the_month(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e")
        form = app.screen
        for widget_id in ("start", "end"):
            form.query_one(f"#{widget_id}").value = ""
        await pilot.pause()
        form.query_one("#members").value = "zero"
        form.query_one("#month").value = "13"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.query_one("#err-members").display
        form.query_one("#members").value = "6"
        await pilot.pause()
        assert not form.query_one("#err-members").display   # corrected: its message goes at once
        await pilot.press("ctrl+s")
        await pilot.pause()
        when, dates = form.query_one("#err-when"), form.query_one("#err-timing")
        assert when.display and "13" in _text(when) and not dates.display
        assert when.region.y < form.query_one("#start").region.y   # under the month, above the dates
        form.query_one("#month").value = "11"
        await pilot.pause()
        assert not when.display and not form.query_one("#form-message").display


async def test_messages_leave_the_totals_and_the_form_buttons_free(make_app):
    from textual.widgets._toast import Toast

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_screen(pilot, "e")
        form = app.screen
        form.notify("Một thông báo khá dài về điều vừa xảy ra trong biểu mẫu", timeout=30)
        await pilot.pause(0.3)
        assert not list(app.screen.query(Toast))          # said on the form's own line, over no field or button
        assert "thông báo khá dài" in str(form.query_one("#form-message").render())
        await pilot.press("ctrl+s")       # saved: "Saved delegation 1." on the main screen
        await pilot.pause(0.2)
        totals = app.screen.query_one("#totals").region
        toasts = list(app.screen.query(Toast))
        assert toasts and all(t.region.height <= 2 and not t.region.overlaps(totals) for t in toasts)


async def test_the_export_screen_names_each_document_once_and_hides_the_plans_options_for_one(make_app):
    from textual.widgets import Select

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "o")
        screen = app.screen
        labels = [str(label) for label, _value in screen.query_one("#document", Select)._options]
        assert len(labels) == len(set(labels)), labels
        values = [value for _label, value in screen.query_one("#document", Select)._options]
        assert "budget" in values and not any("." in v for v in values), values   # the format chooses PDF, Word or Excel
        assert all(row.display for row in screen.query(".plan-only"))
        assert screen.query_one("#status-column").display and screen.query_one("#status-column").region.height
        screen.query_one("#document", Select).value = "budget"
        await pilot.pause()
        formats = [value for _label, value in screen.query_one("#format", Select)._options]
        assert formats == ["pdf", "docx", "xlsx"], formats
        screen.query_one("#format", Select).value = "xlsx"
        await pilot.pause()
        assert ".xlsx" in str(screen.query_one("#target").render())
        screen.query_one("#document", Select).value = "roster"
        await pilot.pause()
        assert [value for _label, value in screen.query_one("#format", Select)._options] == ["pdf", "docx"]
        assert screen.query_one("#format").region.height   # a document has formats too
        for widget_id in ("#filtered", "#budget", "#status-column"):
            assert not screen.query_one(widget_id).region.height, widget_id   # not shown
        screen.query_one("#document", Select).value = "plan"
        await pilot.pause()
        assert screen.query_one("#status-column").region.height


async def test_the_budget_lists_years_in_order_and_sends_a_missing_exchange_rate_to_the_rates_screen(make_app, planner):
    d = planner.delegations(planner.plan().id)
    first = planner.repo.delegation(d.ids[0])
    planner.save_delegation(first.evolve(timing=first.timing.__class__(2022)))   # the first one goes last in time
    planner.close() if hasattr(planner, "close") else None
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "b")
        text = str(app.screen.shown)
        by_year = text.split("Theo năm")[1].split("Tổng")[0]
        years = [line.split()[0] for line in by_year.strip().splitlines()]
        assert years == sorted(years) and len(years) >= 2, years
        await pilot.press("c")             # USD: no exchange rate entered
        await pilot.pause()
        text = str(app.screen.shown)
        assert "fx" not in text and "r" in text and "USD" in text
        await pilot.press("r")
        await pilot.pause()
        from delegations.ui.screens.rates import RatesScreen
        assert isinstance(app.screen, RatesScreen) and app.screen.query("#fx-new-source")


async def test_date_warnings_mark_the_row_and_the_detail_spells_them_out(make_app, planner):
    from datetime import date

    from delegations.domain.delegation import Timing

    plan = planner.plan()
    ids = planner.delegations(plan.id).ids
    first = planner.repo.delegation(ids[0])
    planner.save_delegation(first.evolve(timing=Timing(2020, 1, date(2020, 1, 24), date(2020, 1, 27))))  # over Tết 2020
    planner.close()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#table")
        lines = [table.render_line(y).text for y in range(1, 5)]
        assert lines[0].lstrip().startswith("!1 ") and not any(line.lstrip().startswith("!") for line in lines[1:]), lines
        table.cursor = 0
        await pilot.pause()
        from rich.console import Console

        console = Console(width=78, record=True, file=open("/dev/null", "w"))
        console.print(app.screen.query_one("#detail").content)
        detail = console.export_text()
        assert "Cảnh báo" in detail and "Tết" in detail, detail


def _shown(renderable, width: int = 76) -> str:
    from rich.console import Console

    console = Console(width=width, record=True, file=open("/dev/null", "w"))
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize("lang, heading", [("vi", "Tháng 11 năm 2026"), ("lo", "ເດືອນພະຈິກ ປີ 2026"), ("en", "November 2026")])
async def test_the_calendar_names_the_month_in_each_language(make_app, lang, heading):
    from datetime import date

    from delegations import i18n

    i18n.set_language(lang)
    try:
        app = make_app(lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            await open_screen(pilot, "D")
            screen = app.screen
            screen.month = date(2026, 11, 1)
            screen.show_month()
            await pilot.pause()
            shown = _shown(screen.query_one("#calendar-heading").content)
            assert heading in shown, shown
    finally:
        i18n.set_language("vi")


async def test_the_plugins_and_keys_screens_speak_vietnamese_and_the_totals_separate_the_years(make_app):
    from textual.widgets import Static

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert "2020: 2 · 2022: 2" in _shown(app.screen.query_one("#totals").content)
        await open_screen(pilot, "g")
        text = "\n".join(label for label, _value, _style in app.screen.query_one("#plugins-body")._lines)
        for english in ("built-in", "shipped", "Hook"):
            assert english not in text, english
        assert "có sẵn trong chương trình" in text and "hàm móc nối" in text
        await pilot.press("escape")
        await open_screen(pilot, "question_mark")
        text = "\n".join(_shown(s.content, 76) for s in app.screen.query(Static))
        assert "super" not in text and "x, del" in text


def test_a_long_path_is_broken_after_a_slash():
    from delegations.ui.screens.dialogs import path_lines

    lines = path_lines("/work/wt-ui-daily/src/delegations/i18n/locales/vi/LC_MESSAGES", 30)
    assert all(len(x) <= 30 for x in lines) and all(x.endswith("/") for x in lines[:-1])
    assert "".join(lines) == "/work/wt-ui-daily/src/delegations/i18n/locales/vi/LC_MESSAGES"


async def test_the_export_screen_is_built_once_and_refilled_for_the_selected_delegation(make_app):
    from textual.widgets import Select

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "o")
        first = app.screen
        first.query_one("#document", Select).value = "roster"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one("#table").cursor = 1
        await open_screen(pilot, "o")
        assert app.screen is first
        labels = [str(label) for label, _value in first.query_one("#document", Select)._options]
        assert first.query_one("#document", Select).value == "plan" and "(đoàn 2)" in labels[1]
        assert first.query_one("#status-column").region.height   # the plan's options shown again


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
async def test_the_rates_screen_names_every_rate_in_the_language(make_app, lang):
    from textual.widgets import Label

    from delegations import i18n

    i18n.set_language(lang)
    try:
        app = make_app(lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            await open_screen(pilot, "b")
            await open_screen(pilot, "r")
            labels = [str(label.content) for label in app.screen.query(".rate-label")]
            assert labels and not any(label.startswith(("lodging", "meals", "banquet")) for label in labels), labels
    finally:
        i18n.set_language("vi")


async def test_the_budget_wraps_its_notes_once_at_the_screens_width(make_app, monkeypatch):
    from rich.text import Text as RichText

    widths = []
    wrap = RichText.wrap

    def recording(self, console, width, *args, **kwargs):
        widths.append((self.plain, width))
        return wrap(self, console, width, *args, **kwargs)

    monkeypatch.setattr(RichText, "wrap", recording)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "b")
        view = app.screen.query_one("#budget-body")
        labels = {label for label, _value, _style in view.rows}
        mine = [width for text, width in widths if text in labels]
        assert mine and min(mine) >= view.scrollable_content_region.width, mine   # never first at a made-up width (10)


def test_the_mark_goes_after_a_number_as_wide_as_its_column():
    from delegations.ui.widgets.plan_table import COLUMNS, PlanTable

    table = PlanTable(lambda _id: {})
    cols = [(c, w) for c, w in zip(COLUMNS[:3], (4, 20, 8))]
    assert table._line({"mark": "!", "seq": "12", "name": "Đoàn"}, cols).startswith(" !12 Đoàn")
    assert table._line({"mark": "!", "seq": "1234", "name": "Đoàn"}, cols).startswith("1234!Đoàn")
    assert table._line({"mark": "", "seq": "1234", "name": "Đoàn"}, cols).startswith("1234 Đoàn")


async def test_the_key_line_is_not_rebuilt_when_its_keys_did_not_change(make_app):
    from delegations.ui.widgets.footer import KeyFooter

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        footer = app.screen.query_one(KeyFooter)
        keys = list(footer.children)
        assert keys
        await open_screen(pilot, "e")
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert list(footer.children) == keys and all(a is b for a, b in zip(footer.children, keys))
        await pilot.press("slash")       # the search box: other keys, a new key line
        await pilot.pause(0.2)
        assert list(footer.children) != keys


@pytest.mark.parametrize("key", ["e", "b", "o", "l", "g"])
async def test_a_full_size_screen_does_not_draw_the_table_behind_it(make_app, key):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, key)
        from textual._context import visible_screen_stack
        from textual.renderables.background_screen import BackgroundScreen

        token = visible_screen_stack.set(list(app._background_screens))
        try:
            assert app._background_screens and not isinstance(app.screen.render(), BackgroundScreen)
        finally:
            visible_screen_stack.reset(token)


@pytest.mark.parametrize("key,field", [("h", "#title_vi"), ("h", "#symbol")])
async def test_typing_into_a_filled_field_edits_it_on_every_screen(make_app, key, field):
    """The header form's fields (as every screen's) take typing at the end of their text."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, key)
        widget = app.screen.query_one(field)
        before = widget.value
        assert before
        widget.focus()
        await pilot.pause()
        await pilot.press("x")
        assert widget.value == before + "x"
