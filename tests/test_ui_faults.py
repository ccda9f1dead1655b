"""The terminal UI never dies on what a user, the file system or a plugin
causes: it says what happened, keeps what was typed and offers what can be done.
Driven through Textual's pilot at 80x24 on real database files."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.app import App

from delegations import i18n
from delegations.domain import Money, RateOverride
from delegations.plugins import build_plugin_host
from delegations.services import Planner
from delegations.ui import open_planner
from delegations.ui import app as app_module
from delegations.ui.app import DelegationsApp
from delegations.ui.screens.dialogs import ConfirmScreen
from delegations.ui.screens.form import DelegationForm
from delegations.ui.screens.main import MainScreen
from delegations.ui.widgets.plan_table import PlanTable
from ui_support import fill, new_plan, notes, on_disk, open_screen, shown_seqs, type_into

ROOT = Path(__file__).resolve().parents[1]
SIZE = (80, 24)

BROKEN_PLUGIN = '''
"""A plugin whose exporter and cost model raise."""
from delegations import hookimpl
from delegations.domain import Text


class Exporter:
    format, suffix, label = "txt", ".txt", Text.of({"vi": "Văn bản"})

    def export(self, request):
        raise RuntimeError("the printer caught fire")


class Model:
    code, label = "broken", Text.of({"vi": "Mô hình hỏng"})

    def cost_lines(self, delegation, home, partner):
        raise KeyError("board")

    def estimate(self, delegation, home, table):
        raise KeyError("board")


@hookimpl
def register_exporters(register):
    register(Exporter())


@hookimpl
def register_cost_models(register):
    register(Model())
'''


def another_program_writes(db_path, seq: int, **fields) -> None:
    """Change the file the way another program would: a new file put in its place."""
    data = json.loads(db_path.read_text("utf-8"))
    for rec in data["delegations"].values():
        if rec["seq"] == seq:
            rec.update(fields)
    tmp = db_path.with_suffix(".other")
    tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    os.replace(tmp, db_path)


@pytest.fixture
def broken_host(tmp_path):
    folder = tmp_path / "broken_plugins"
    folder.mkdir()
    (folder / "broken.py").write_text(BROKEN_PLUGIN, "utf-8")
    return build_plugin_host(plugin_dirs=[ROOT / "plugins", folder], entry_points=False)


async def test_a_save_after_the_file_changed_keeps_the_form_and_offers_to_reload(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")                       # delegation 1
        await pilot.pause()
        await type_into(pilot, "#members", "8")
        another_program_writes(db_path, 2, notes="sửa ở máy khác")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#question").render())
        assert "đã bị chương trình khác thay đổi" in question and "Tải lại" in str(app.screen.query_one("#yes").render())
        form = app.screen_stack[-2]
        assert isinstance(form, DelegationForm) and form.query_one("#members").value == "8"
        await pilot.press("y")                       # reload
        await pilot.pause()
        assert app.screen is form and form.query_one("#members").value == "8"   # what was typed is kept
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.is_running
    stored = on_disk(db_path)
    assert stored[1]["members"] == 8 and stored[2]["notes"] == "sửa ở máy khác"   # both changes kept


async def test_export_into_a_folder_that_is_a_file_is_explained(make_app, tmp_path):
    a_file = tmp_path / "not-a-[b]folder"       # brackets: shown as typed, not read as markup
    a_file.write_text("x")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "o")
        await type_into(pilot, "#folder", str(a_file))
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.screen.__class__.__name__ == "ExportScreen"
        said = str(app.screen.query_one("#target").render())
        assert str(a_file) in said and "không phải thư mục" in said and "--output" not in said
        assert not notes(app)   # said on the screen's own line, not in a notice over the fields
    assert a_file.read_text() == "x"


async def test_a_full_disk_on_save_is_said_and_the_form_kept(make_app, db_path, monkeypatch):
    import errno

    from delegations.store import storage

    def full(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = db_path.read_bytes()
        await pilot.press("e")
        await pilot.pause()
        await type_into(pilot, "#members", "9")
        monkeypatch.setattr(storage, "atomic_write_bytes", full)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DelegationForm) and app.screen.query_one("#members").value == "9"
        said = str(app.screen.query_one("#form-message").render())  # the form's own line, not a notice over it
        assert "ổ đĩa đã đầy" in said and str(db_path) in said.replace("\n", "")
        monkeypatch.undo()
        await pilot.press("ctrl+s")                     # space again: the same form saves
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert db_path.read_bytes() != before and on_disk(db_path)[1]["members"] == 9


async def test_the_budget_after_a_huge_number_says_so(make_app):
    from datetime import date

    app = make_app()
    d = app.planner.delegation("2020-2022", 3)
    # as a database written before amounts were bounded may hold them
    app.planner.repo.save_delegation(replace(d, rates=(RateOverride("lodging", "all", Money(Decimal("1e30"), "VND")),)))
    app.planner.repo.set_setting("exchange_rates", [{"source": "USD", "target": "VND", "rate": "1e-30", "day": date(2026, 1, 1).isoformat()}])
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "b")
        first = str(app.screen.shown)
        await pilot.press("c")                  # USD: 1e30 VND at 1e-30 VND a dollar
        await pilot.pause()
        text = str(app.screen.shown)
        assert app.is_running and app.screen.__class__.__name__ == "BudgetScreen"
        assert "quá lớn" in first + text, (first, text)


async def test_an_exporter_plugin_that_raises_is_named(make_app, broken_host, tmp_path):
    from textual.widgets import Select

    app = make_app(host=broken_host)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "o")
        await type_into(pilot, "#folder", str(tmp_path))
        app.screen.query_one("#format", Select).value = "txt"
        await pilot.pause()
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = str(app.screen.query_one("#target").render())
        assert app.is_running and "broken" in said and "the printer caught fire" in said
        await pilot.press("escape", "g")
        await pilot.pause()
        assert any(f.plugin == "broken" and f.hook == "export" for f in broken_host.failures)
    assert not list(tmp_path.glob("*.txt"))


async def test_a_cost_model_plugin_that_raises_is_named_in_the_form_and_the_budget(make_app, broken_host, db_path):
    app = make_app(host=broken_host)
    plan = app.planner.plan("2020-2022")
    app.planner.save_plan(replace(plan, cost_model="broken"))
    before = db_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")                          # the draft's costs come from the broken model
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and any("broken" in n and "KeyError" in n for n in notes(app))
        await pilot.press("b")
        await pilot.pause()
        assert "broken" in str(app.screen.shown) and app.is_running
    assert db_path.read_bytes() == before


async def test_undoing_the_creation_of_a_plan_goes_back_to_the_plan_before(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await new_plan(pilot, "2026", "2027")
        assert app.plan_id == "2026-2027"
        await pilot.press("u")
        await pilot.pause()
        assert app.is_running and app.plan_id == "2020-2022" and shown_seqs(app) == [1, 2, 3, 4]
        assert "Đã hoàn tác: tạo kế hoạch 2026-2027" in notes(app)
        await pilot.press("U")                          # redo: the plan again, shown
        await pilot.pause()
        assert app.plan_id == "2026-2027" and "Đã làm lại: tạo kế hoạch 2026-2027" in notes(app)
    assert sorted(p["id"] for p in json.loads(db_path.read_text("utf-8"))["plans"].values()) == ["2020-2022", "2026-2027"]


async def test_a_second_undo_after_adding_to_a_new_plan(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await new_plan(pilot, "2023", "2025")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, {"#name_vi": "Đoàn học tập", "#leader_vi": "Phó Chủ tịch", "#year": "2024"}, "ctrl+s")
        assert shown_seqs(app) == [1]
        await pilot.press("u")
        await pilot.pause()
        assert "Đã hoàn tác: thêm đoàn 1 vào kế hoạch 2023-2025" in notes(app) and shown_seqs(app) == []
        await pilot.press("u")
        await pilot.pause()
        assert app.is_running and app.plan_id == "2020-2022"
        await pilot.press("u")                          # nothing left in 2020-2022: said, not done
        await pilot.pause()
        assert "Không có gì để hoàn tác trong kế hoạch 2020-2022." in notes(app)
        await pilot.press("ctrl+y", "ctrl+y")           # redo both
        await pilot.pause()
        assert app.plan_id == "2023-2025" and shown_seqs(app) == [1]


async def test_escape_on_a_changed_form_asks_first(make_app, db_path):
    before = db_path.read_bytes() if db_path.exists() else None
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = db_path.read_bytes()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")                     # nothing changed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("e")
        await pilot.pause()
        await type_into(pilot, "#members", "99")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Bỏ những gì" in str(app.screen.query_one("#question").render())
        await pilot.press("n")                          # keep editing
        await pilot.pause()
        assert isinstance(app.screen, DelegationForm) and app.screen.query_one("#members").value == "99"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")                          # discard
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("h")                          # the plan header asks too
        await pilot.pause()
        await type_into(pilot, "#number", "45")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert db_path.read_bytes() == before


async def test_a_read_only_copy_follows_the_file_and_offers_to_edit(db_path, host, monkeypatch):
    monkeypatch.setattr(app_module, "FOLLOW_EVERY", 0.05)
    writer = Planner.open(db_path, host=host)
    try:
        planner, reason = open_planner(db_path)
        assert not planner.repo.writable
        with planner:
            app = DelegationsApp(planner, read_only=reason, blink=False)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                banner = str(app.screen.query_one("#banner").render())
                assert banner.startswith("CHỈ ĐỌC") and cell_len(banner) <= 78
                d = writer.delegation("2020-2022", 1)
                writer.save_delegation(d.evolve(members=12))
                writer.delete_delegation(writer.delegation("2020-2022", 4).id)
                await pilot.pause(0.3)
                assert shown_seqs(app) == [1, 2, 3]
                assert app.screen.query_one(PlanTable).cells(d.id)["members"] == "12"
                writer.close()                          # the editing copy closes
                await pilot.pause(0.3)
                assert isinstance(app.screen, ConfirmScreen)
                await pilot.press("y")
                await pilot.pause()
                assert planner.repo.writable and not app.read_only
                assert not app.screen.query_one("#banner").display
                await pilot.press("e")
                await pilot.pause()
                await type_into(pilot, "#members", "7")
                await pilot.press("ctrl+s")
                await pilot.pause()
            assert on_disk(db_path)[1]["members"] == 7
    finally:
        writer.close()


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
async def test_the_read_only_banner_is_translated_and_fits_80_columns(db_path, host, lang):
    with Planner.open(db_path, host=host):
        planner, reason = open_planner(db_path)
        with planner:
            i18n.set_language(lang)
            app = DelegationsApp(planner, read_only=reason, lang=lang, blink=False)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                banner = app.banner()
                assert cell_len(banner) <= 78 and banner.startswith(i18n.gettext("READ-ONLY"))
                assert lang == "en" or "READ-ONLY" not in banner
                region = app.screen.query_one("#banner").region
                assert region.height == 1 and region.width <= 80


def test_a_crash_of_the_program_itself_exits_non_zero(db_path, monkeypatch):
    from delegations import ui

    def bug(self):
        raise RuntimeError("a bug in the program")

    monkeypatch.setattr(DelegationsApp, "on_mount", bug)
    monkeypatch.setattr(DelegationsApp, "run", lambda self: App.run(self, headless=True))
    assert ui.run(db_path) == 1


async def test_staying_read_only_is_not_asked_again_until_the_file_is_taken_and_freed(db_path, host, monkeypatch):
    monkeypatch.setattr(app_module, "FOLLOW_EVERY", 0.05)
    writer = Planner.open(db_path, host=host)
    planner, reason = open_planner(db_path)
    with planner:
        app = DelegationsApp(planner, read_only=reason, blink=False)
        async with app.run_test(size=SIZE) as pilot:
            writer.close()
            await pilot.pause(0.3)
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")                      # stay read-only
            await pilot.pause(0.3)
            assert isinstance(app.screen, MainScreen) and app.read_only and not planner.repo.writable
            writer = Planner.open(db_path, host=host)   # another editing copy comes and goes
            await pilot.pause(0.2)
            writer.close()
            await pilot.pause(0.3)
            assert isinstance(app.screen, ConfirmScreen)


async def test_not_reloading_after_a_conflict_never_overwrites_the_other_programs_change(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e")
        await type_into(pilot, "#members", "8")
        another_program_writes(db_path, 1, notes="sửa ở máy khác")
        for _attempt in range(2):
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")                      # not now
            await pilot.pause()
            assert isinstance(app.screen, DelegationForm) and app.screen.query_one("#members").value == "8"
        assert on_disk(db_path)[1]["notes"] == "sửa ở máy khác" and on_disk(db_path)[1]["members"] == 10
