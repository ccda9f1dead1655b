"""What a first-time user found at 80x24: messages over the table, Lao names cut
mid-word in choice lists, a read-only copy offering edits, Tab into the search box,
labels running into fields, the keys screen, and small wording faults."""

from __future__ import annotations

import pytest

from delegations import i18n
from ui_support import SIZE, open_screen


def _toasts(app):
    from textual.widgets._toast import Toast

    return list(app.screen.query(Toast))


def _assert_nothing_read_is_covered(app) -> None:
    screen = app.screen
    toasts = _toasts(app)
    assert len(toasts) <= 1, "messages replace each other, they do not stack"
    read = [screen.query_one(s).region for s in ("#title", "#search", "#filters", "#table", "#totals")]
    for toast in toasts:
        assert toast.region.height >= 1
        for region in read:
            assert not toast.region.overlaps(region), (toast.region, region)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
async def test_main_screen_messages_cover_no_table_row_nor_filter_line(make_app, lang):
    i18n.set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_screen(pilot, "e")
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        assert _toasts(app)                         # said, somewhere
        _assert_nothing_read_is_covered(app)
        for key in ("u", "U"):
            await pilot.press(key)
            await pilot.pause(0.2)
            _assert_nothing_read_is_covered(app)
        # A long warning is readable whole, and still over nothing the officer reads.
        app.notify("Ngày 2/9/2024 là ngày nghỉ lễ Quốc khánh; đoàn số 3 đến đúng ngày lễ, nên hỏi lại đối tác "
                   "về chương trình làm việc trước khi gửi kế hoạch.", severity="warning", timeout=30)
        await pilot.pause(0.2)
        _assert_nothing_read_is_covered(app)
        toast = _toasts(app)[0]
        assert toast.region.height >= 3 and toast.region.bottom <= SIZE[1]


async def test_a_read_only_copy_hides_the_editing_keys_and_does_not_advise_opening_read_only(planner, db_path, host):
    from delegations.ui import open_planner
    from delegations.ui.app import DelegationsApp
    from delegations.ui.widgets.footer import KeyFooter
    from textual.widgets._footer import FooterKey

    other, reason = open_planner(db_path)          # the fixture's planner holds the lock
    with other:
        assert not other.repo.writable
        assert "chỉ đọc" in reason and "ở chế độ chỉ đọc." not in reason and "hoặc mở bản này" not in reason
        app = DelegationsApp(other, read_only=reason, blink=False)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause(0.2)
            footer = app.screen.query_one(KeyFooter)
            shown = {k.key for k in footer.query(FooterKey) if k.display}
            assert "e" not in shown and "a" not in shown and "x" not in shown and "u" not in shown
            assert "o" in shown and "slash" in shown              # what a reader can do stays
            await pilot.press("e")
            await pilot.pause()
            assert app.screen is app._main()                      # no form opened
            app.following = False
            app.read_only = None                                  # as after "Edit here"
            app.screen.reload()
            await pilot.pause(0.2)
            shown = {k.key for k in footer.query(FooterKey) if k.display}
            assert {"a", "e", "x"} <= shown


def _cli(db_path, *args) -> int:
    from delegations.cli import main

    return main(["--db", str(db_path), *args])


@pytest.mark.parametrize("args", [["rates"], ["rates", "list"], ["fx"], ["deadlines"], ["dates"], ["due"]])
def test_listing_commands_run_while_another_copy_edits(planner, db_path, args, capsys):
    assert _cli(db_path, *args) == 0, capsys.readouterr().err


@pytest.mark.parametrize("args", [["rates", "set", "lodging", "leader", "100"], ["fx", "USD", "VND", "25400"],
                                  ["deadlines", "set", "report", "10"], ["dates", "add", "2025-12-24", "Nghỉ"]])
def test_changing_commands_are_still_refused_while_another_copy_edits(planner, db_path, args, capsys):
    assert _cli(db_path, *args) == 3


def _screen_text(app, region) -> str:
    """The text the screen shows in *region*'s first line (cells, not characters: Lao marks take none)."""
    strip = app.screen._compositor.render_strips()[region.y]
    return strip.crop(region.x, region.right).text


@pytest.mark.parametrize("lang", ["lo", "vi", "en"])
async def test_a_choice_shows_its_value_on_one_line_ending_in_an_ellipsis_never_cut_mid_word(make_app, lang):
    from rich.cells import cell_len
    from textual.widgets import Select

    i18n.set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e")
        form = app.screen
        payers = [s for s in form.query(Select) if s.id and "payer" in s.id]
        assert payers, [s.id for s in form.query(Select)]
        long_seen = False
        for select in form.query(Select):
            if not select.display or select.is_blank():
                continue
            select.scroll_visible(animate=False)
            await pilot.pause()
            label = select.query_one("SelectCurrent #label")
            assert label.region.height == 1 or not label.region, (select.id, label.region)
            full = dict((v, str(t)) for t, v in select._options if v is not None).get(select.value, "")
            if cell_len(full) > label.region.width > 0:
                long_seen = True
                shown = _screen_text(app, label.region).rstrip()
                assert shown.endswith("…"), (select.id, shown)
                assert full.startswith(shown[:-1].rstrip()), (full, shown)
        assert long_seen or lang != "lo"                         # the Lao partner names are longer than their boxes


async def test_tab_goes_between_table_and_detail_and_sort_keys_still_sort(make_app):
    from delegations.ui.widgets.plan_table import PlanTable

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        search = screen.query_one("#search")
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
            seen.append(screen.focused)
            assert screen.focused is not search
        assert any(isinstance(w, PlanTable) for w in seen) and any(w.id == "detail-box" for w in seen)
        assert screen.focused.id == "detail-box" or isinstance(screen.focused, PlanTable)
        order = app.order
        await pilot.press("s")                      # from the table or the detail: sorts, types nothing
        await pilot.pause()
        assert app.order != order and search.value == "" and not screen.query_one("#no-rows").display
        await pilot.press("slash")                  # the search is reached by its own key
        await pilot.pause()
        assert screen.focused is search
        await pilot.press("a", "escape")
        await pilot.pause()
        assert isinstance(screen.focused, PlanTable) and search.value == "a"
        await pilot.press("tab", "tab", "tab")
        await pilot.pause()
        assert screen.focused is not search
        await pilot.click("#search")
        await pilot.pause()
        assert screen.focused is search


async def test_the_header_forms_part_labels_keep_a_blank_column_before_their_fields(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "h")
        labels = list(app.screen.query(".part-label"))
        assert labels
        texts = set()
        for label in labels:
            label.scroll_visible(animate=False, top=True)
            await pilot.pause()
            region = label.region
            texts.add(str(label.render()))
            for y in range(region.y, region.bottom):
                gutter = app.screen._compositor.render_strips()[y].crop(region.right - 1, region.right).text
                assert gutter == " ", (str(label.render()), y)
            line = app.screen._compositor.render_strips()[region.y].text
            assert "yếuvi" not in line and "bảnvi" not in line
        assert any("Trích yếu" in t for t in texts)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
async def test_the_keys_screen_lists_each_screens_keys_translated(make_app, lang):
    i18n.set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 24)) as pilot:
        await open_screen(pilot, "question_mark")
        from rich.console import Console

        console = Console(width=200, record=True, file=open("/dev/null", "w"))
        console.print(app.screen.body())                   # the table the keys screen shows
        text = console.export_text()
        for heading, keys, description in ((_t("Budget (b)"), "m", _t("Cost model")),
                                           (_t("Budget (b)"), "c", _t("Currency")),
                                           (_t("Roster, programme and status (i)"), "f2", _t("Roster")),
                                           (_t("Roster, programme and status (i)"), "f5", _t("Documents"))):
            assert heading in text
            lines = text[text.index(heading):].splitlines()
            assert any(line.split()[:1] == [app.get_key_display(_binding(keys))] and description in line
                       for line in lines), (keys, description)
        assert _t("Cost model") != "Cost model" or lang == "en"


def _t(message: str) -> str:
    from delegations.i18n import _

    return _(message)


def _binding(key: str):
    from textual.binding import Binding

    return Binding(key, "x", "")


async def test_the_roster_tab_gives_no_command_line_advice(planner):
    from datetime import date

    from delegations import lifecycle
    from delegations.ui.app import DelegationsApp

    app = DelegationsApp(planner, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "i")
        await pilot.press("f2")
        await pilot.pause(0.2)
        person = lifecycle.person("Nguyễn Văn An", "Chủ tịch", passport="C1", expires=date(2030, 1, 1))
        assert app.screen.apply(lambda: lifecycle.add_person(planner, app.screen.d, person))   # as the roster's row does
        await pilot.pause(0.2)
        shown = " ".join(str(s.render()) for s in app.screen.query("Static") if s.display)
        assert _t("The roster has {count} people; the plan gives the delegation {planned}: correct its number "
                  "of members or the roster.").split("{count}")[0] in shown
        assert "--members" not in shown and "edit 1" not in shown


async def test_the_date_placeholder_is_an_example_from_the_plans_own_period(make_app):
    from ui_support import new_plan

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#start").placeholder.endswith("/2020")        # the 2020-2022 plan
        await pilot.press("escape")
        await pilot.pause()
        await new_plan(pilot, "2023", "2025")
        assert app.planner.plan(app.plan_id).period.start_year == 2023
        await open_screen(pilot, "a")
        placeholder = app.screen.query_one("#start").placeholder
        assert placeholder.endswith("/2023") and "2020" not in placeholder


async def test_an_unticked_checkbox_shows_an_empty_box_in_every_screen(make_app):
    from textual.widgets import Checkbox

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key in ("o", "l"):                            # the export screen, the plans screen's carry-over (n)
            await open_screen(pilot, key)
            if key == "l":
                await pilot.press("n")
                await pilot.pause()
            boxes = [b for b in app.screen.query(Checkbox) if b.display]
            assert boxes, key
            for box in boxes:
                for value, mark in ((True, "X"), (False, " ")):
                    box.value = value
                    await pilot.pause()
                    rendered = box.render().plain
                    assert rendered[:3] == f"▐{mark}▌", (key, rendered)
            while app.screen is not app._main():
                await pilot.press("escape")
                await pilot.pause()
