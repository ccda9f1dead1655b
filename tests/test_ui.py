"""The terminal UI, driven through Textual's pilot on a real database file."""

import json


from delegations.services import Planner
from delegations.ui import open_planner
from delegations.ui.app import DelegationsApp
from ui_support import fill, new_plan, on_disk, open_screen, shown_seqs, table, type_into

SIZE = (80, 24)


async def test_add_edit_filter_find_delete_undo(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown_seqs(app) == [1, 2, 3, 4]

        # Add by typing.
        await pilot.press("a")
        await pilot.pause()
        await type_into(pilot, "#name_vi", "Đoàn học tập mô hình Hợp tác xã")
        await type_into(pilot, "#leader_vi", "Phó Chủ tịch")
        await type_into(pilot, "#members", "6")
        await type_into(pilot, "#days_min", "2")
        await type_into(pilot, "#days_max", "3")
        await type_into(pilot, "#year", "2021")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown_seqs(app) == [1, 2, 3, 4, 5]
        saved = on_disk(db_path)[5]
        assert saved["name"] == {"vi": "Đoàn học tập mô hình Hợp tác xã"}
        assert (saved["members"], saved["duration"], saved["timing"]) == (6, {"min": 2, "max": 3}, {"year": 2021})
        assert {c["item"] for c in saved["cost_lines"]} >= {"board_lodging", "transport"}  # from the partner's cost model

        # Edit it: the cursor is on the new row.
        assert table(app).cells(table(app).current_id)["seq"] == "5"
        await pilot.press("e")
        await pilot.pause()
        await type_into(pilot, "#members", "8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert on_disk(db_path)[5]["members"] == 8

        # Filter it out, then find it by a search without diacritics.
        await pilot.press("y", "y")          # year: 2020, then 2021
        assert shown_seqs(app) == [5]
        await pilot.press("y")               # 2022
        assert 5 not in shown_seqs(app)
        await pilot.press("0")
        await pilot.press("slash", *"hop tac xa")
        await pilot.pause()
        assert shown_seqs(app) == [5]
        await pilot.press("escape")

        # Delete (confirmed) and undo.
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert 5 not in on_disk(db_path) and shown_seqs(app) == []
        await pilot.press("u")
        await pilot.pause()
        assert on_disk(db_path)[5]["members"] == 8
        assert shown_seqs(app) == [5]


async def test_a_validation_error_is_shown_and_nothing_is_saved(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = db_path.read_bytes()
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, {"#members": "0", "#days_min": "5", "#days_max": "ba"}, "ctrl+s")
        form = app.screen
        assert form.query_one("#members").value == "0"          # what was typed is kept
        error = form.query_one("#err-duration")
        assert error.display and "\"ba\" không phải là số nguyên" in str(error.render())
        await type_into(pilot, "#days_max", "4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = form.query_one("#err-members")
        assert error.display and "ít nhất 1" in str(error.render())
        assert db_path.read_bytes() == before
        await pilot.press("escape")
        await pilot.pause()
        assert on_disk(db_path)[1]["members"] == 10


async def test_a_second_copy_opens_read_only_with_a_notice(db_path, host):
    with Planner.open(db_path, host=host):
        planner, reason = open_planner(db_path)
        with planner:
            assert not planner.repo.writable and "đang sửa" in reason.lower() and "chỉ đọc" in reason
            before = db_path.read_bytes()
            app = DelegationsApp(planner, read_only=reason, blink=False)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                assert "CHỈ ĐỌC" in str(app.screen.query_one("#banner").render())
                await pilot.press("a")
                await pilot.pause()
                assert app.screen.__class__.__name__ == "MainScreen"     # no form opened (the key is hidden)
                await pilot.press("enter")                                # a row chosen to edit: said why not
                await pilot.pause()
                assert app.screen.__class__.__name__ == "MainScreen"
                assert any("chỉ được đọc" in n.message for n in app._notifications)
            assert db_path.read_bytes() == before


async def test_switching_the_language_changes_the_visible_text(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer_vi = " ".join(b.description for bs in app.screen._bindings.key_to_bindings.values() for b in bs)
        assert "Thêm" in footer_vi
        await pilot.press("L")   # vi -> lo
        await pilot.press("L")   # lo -> en
        await pilot.pause()
        assert app.lang == "en"
        footer_en = " ".join(b.description for bs in app.screen._bindings.key_to_bindings.values() for b in bs)
        assert "Add" in footer_en and "Thêm" not in footer_en
        assert "Year 2020" in table(app).cells(table(app).ids[0])["timing"]
        assert app.planner.repo.setting("language") == "en"


async def test_the_command_palette_offers_every_action(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
        actions = {b.action for bs in app.screen._bindings.key_to_bindings.values() for b in bs}
        assert len(commands) == len(actions) + 1  # each action once ("quit" from the app itself), and the rates screen
        assert "Thêm" in {c.title for c in commands}
        helps = {c.title: c.help for c in commands}
        assert helps["Phím"] == "Phím: ?"  # the key as the key line shows it, not its name ("question_mark")
        assert all("_" not in h.partition(": ")[2] for h in helps.values() if h.startswith("Phím: "))


async def test_sort_plans_and_export_screens(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")              # sort by name
        assert app.order == "name" and shown_seqs(app) == [1, 2, 4, 3]
        await pilot.press("r")
        assert shown_seqs(app) == [3, 4, 1, 2]   # equal names keep the plan order
        await new_plan(pilot, "2023", "2025")
        assert app.plan_id == "2023-2025" and shown_seqs(app) == []
        assert app.planner.repo.setting("last_plan") == "2023-2025"
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("home", "enter")       # back to 2020-2022
        await pilot.pause()
        assert app.plan_id == "2020-2022"
        await pilot.press("o")
        await pilot.pause()
        await type_into(pilot, "#folder", str(tmp_path))
        target = str(app.screen.query_one("#target").render())
        assert str(tmp_path) in target and "ke-hoach_2020-2022_vi_" in target
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        files = list(tmp_path.glob("ke-hoach_2020-2022_vi_*.pdf"))
        assert len(files) == 1 and files[0].read_bytes().startswith(b"%PDF")


async def test_q_quits(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_plan_header_and_plugins_screens(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "h")
        await fill(pilot, {"#number": "45", "#issued": "5/1/2020"}, "ctrl+s")
        plan = json.loads(db_path.read_text("utf-8"))["plans"]["1"]
        assert (plan["number"], plan["issued"]) == (45, "2020-01-05")
        assert plan["basis"][0]["number"] == "4214/UBND-ĐN"   # the rest of the header is kept
        await pilot.press("u")                                 # undo reaches the header too
        await pilot.pause()
        assert json.loads(db_path.read_text("utf-8"))["plans"]["1"]["number"] is None
        await pilot.press("g")
        await pilot.pause()
        from rich.console import Console

        console = Console(width=200, record=True, file=open("/dev/null", "w"))
        console.print(app.screen.body())
        text = console.export_text()
        assert "savannakhet" in text and "register_partners" in text and "delegations.partners.salavan" in text and "delegations.json" in text


async def test_budget_screen_shows_totals_and_changes_model_and_currency(make_app, db_path, tmp_path):
    from datetime import date

    from rich.console import Console

    app = make_app()
    app.planner.budgeting.set_exchange_rate("USD", "VND", "25000", date(2026, 1, 1))

    def body_text() -> str:
        console = Console(width=100, record=True, file=open("/dev/null", "w"))
        console.print(app.screen.shown)
        return console.export_text().replace("\u00a0", " ")

    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "b")
        text = body_text()
        # reciprocal: the inbound delegations 3 and 4 cost Quảng Trị 157,900,000 each (see test_budget);
        # the Lao hosts' lodging has no rate yet, so the totals are marked incomplete
        assert "Theo đơn vị chi trả" in text and "315.800.000 ₫ (chưa đủ)" in text
        await pilot.press("m")  # the next model: art16, the guests pay their board and lodging
        await pilot.pause()
        # Quảng Trị hosting 3 and 4 pays only refreshments, banquet, gifts and interpreting: 2 x 47,600,000
        assert "95.200.000 ₫" in body_text()
        await pilot.press("m", "m", "m")  # art18, art27, then norms, which adds reception, gifts and interpreting
        await pilot.pause()
        # norms: 2 x 197,500,000 (the meals of the banquet day at 50 %, see test_budget)
        assert "395.000.000 ₫" in body_text()
        await pilot.press("c")  # USD
        await pilot.pause()
        assert "US$" in body_text()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MainScreen"


async def test_choosing_a_cost_model_in_the_form_fills_its_payers(make_app, db_path):
    from textual.widgets import Select

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "e")  # delegation 3, inbound from Savannakhet
        await pilot.pause()
        assert app.screen.query_one("#payer-reception", Select).value == ""
        app.screen.query_one("#cost_model", Select).value = "norms"
        await pilot.pause()
        # the norm-based model: the host (Quảng Trị) also pays reception, gifts and interpreting
        assert app.screen.query_one("#payer-reception", Select).value == "quangtri"
        assert app.screen.query_one("#funding-reception", Select).value == "union_budget"
        await pilot.press("ctrl+s")
        await pilot.pause()
    stored = on_disk(db_path)[3]
    assert stored["cost_model"] == "norms" and {"reception", "gifts", "interpreting"} <= {c["item"] for c in stored["cost_lines"]}


async def test_export_screen_adds_the_budget_appendix_when_asked(make_app, tmp_path):
    import pypdfium2 as pdfium
    from textual.widgets import Checkbox

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "o")
        await type_into(pilot, "#folder", str(tmp_path))
        app.screen.query_one("#budget", Checkbox).value = True
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # the officer's notes, left out of the appendix, are said on the screen
        said = str(app.screen.query_one("#target").render())
        assert "Cảnh báo: " in said and "chưa đối chiếu" in said and "140/2025/TT-BTC chưa có định mức" in said
    (path,) = tmp_path.glob("ke-hoach_2020-2022_vi_*.pdf")
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(path)))
    assert "DỰ TOÁN KINH PHÍ" in text and "315.800.000" in text  # 2 x 157,900,000 (see test_budget)
    assert "chưa đối chiếu" not in text


async def test_the_form_opens_when_the_rows_partner_plugin_is_disabled(db_path, monkeypatch):
    """Textual 8 has no Select.BLANK (it reads as False and crashed the form): an unknown partner shows as no choice."""
    from textual.widgets import Select

    from delegations.plugins import build_plugin_host

    monkeypatch.setenv("DELEGATIONS_DISABLE_PLUGINS", "savannakhet")
    with Planner.open(db_path, host=build_plugin_host(plugin_dirs=[], entry_points=False)) as planner:
        app = DelegationsApp(planner, blink=False)
        async with app.run_test(size=SIZE) as pilot:
            await open_screen(pilot, "e")
            assert type(app.screen).__name__ == "DelegationForm"
            assert app.screen.query_one("#partner", Select).value is Select.NULL
            assert app.screen._value("partner") == ""
