"""The plan-header screen is built once per language and refilled at each opening
(issue 15, speed): the second ``h`` shows the same screen, and it shows the plan as
it is now — after a rename, an undo, a switch to another plan, a reload of a file
another program changed — never what the last opening showed or what was typed and
discarded there. A reused screen looks exactly as one built anew."""

from __future__ import annotations

import json
import os
import re

from delegations.domain import Text
from delegations.ui.screens.dialogs import ConfirmScreen
from delegations.ui.screens.plan_header import PlanHeaderScreen
from ui_support import SIZE, open_screen


async def close(pilot) -> None:
    await pilot.press("escape")
    await pilot.pause()


def rows(screen, which: str) -> int:
    return len(screen.query_one(f"#{which}-rows").items())


def picture(app) -> str:
    """The screen as drawn, without the notices (they come and go)."""
    app.clear_notifications()
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())  # ids made of a hash of the picture and time


async def test_the_second_opening_shows_the_same_screen_with_the_renamed_title_and_after_undo_the_old(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        old = app.planner.plan(app.plan_id)
        await open_screen(pilot, "h")
        header = app.screen
        assert isinstance(header, PlanHeaderScreen)
        await close(pilot)
        app.planner.rename_plan(app.plan_id, old.title.edited({"vi": "Kế hoạch đổi tên"}))
        await open_screen(pilot, "h")
        assert app.screen is header                                      # reused, not built again
        assert header.query_one("#title_vi").value == "Kế hoạch đổi tên"
        assert not header.changed()                                      # the new title is the start
        await close(pilot)
        await pilot.press("u")                                           # undo the rename
        await pilot.pause()
        await open_screen(pilot, "h")
        assert app.screen is header and header.query_one("#title_vi").value == old.title.get("vi")


async def test_what_was_typed_and_discarded_is_gone_at_the_next_opening(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        plan = app.planner.plan(app.plan_id)
        await open_screen(pilot, "h")
        header = app.screen
        header.query_one("#number").value = "99"
        header.query_one("#position_vi").value = "CHỦ TỊCH"               # marks lo and en outdated
        header.query_one("#recipient-rows").items()[0].query_one(".remove-row").press()
        header.query_one("#basis-rows .add-row").press()
        await pilot.pause()
        assert rows(header, "recipient") == len(plan.recipients) - 1 and rows(header, "basis") == len(plan.basis) + 1
        await close(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")                                           # discard
        await pilot.pause()
        await open_screen(pilot, "h")
        assert app.screen is header
        assert header.query_one("#number").value == "" and header.query_one("#position_vi").value == plan.signature.position.get("vi")
        assert rows(header, "recipient") == len(plan.recipients) and rows(header, "basis") == len(plan.basis)
        assert not header.query_one("TranslatedField#tf-position").marked and not header.changed()
        recipients = [r.fields().text["vi"] for r in header.query_one("#recipient-rows").items()]
        assert recipients == [r.get("vi") for r in plan.recipients]
        await pilot.press("ctrl+s")                                      # saving it changes nothing
        await pilot.pause()
        assert app.planner.plan(app.plan_id) == plan


async def test_another_plan_fills_the_reused_screen_as_a_new_screen_would(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        first = app.plan_id
        other = app.planner.new_plan(2026, 2028, title=Text.of({"vi": "Kế hoạch 2026-2028"}), carry=("signature",))
        app.planner.save_plan(other)
        await open_screen(pilot, "h")
        header = app.screen
        header.query_one("#number").value = "7"                          # typed, then cancelled
        await close(pilot)
        await pilot.press("y")
        await pilot.pause()
        app.open_plan(other.id)
        app.screen.reload()
        await open_screen(pilot, "h")
        assert app.screen is header and rows(header, "basis") == 0 and rows(header, "recipient") == 0
        assert header.query_one("#title_vi").value == "Kế hoạch 2026-2028" and header.query_one("#number").value == ""
        assert "2026" in str(header.query_one("#form-title").render())
        reused = picture(app)
        await close(pilot)
        app.uninstall_screen("plan-header")                             # the same plan on a screen built anew
        await open_screen(pilot, "h")
        assert app.screen is not header and picture(app) == reused
        await close(pilot)
        app.open_plan(first)                                             # back: the rows come again
        app.screen.reload()
        await open_screen(pilot, "h")
        fresh = app.screen
        plan = app.planner.plan(first)
        assert rows(fresh, "basis") == len(plan.basis) and rows(fresh, "recipient") == len(plan.recipients)
        fresh.query_one("#form-body").scroll_end(animate=False)
        await pilot.pause()
        reused = picture(app)
        await close(pilot)
        app.uninstall_screen("plan-header")
        await open_screen(pilot, "h")
        app.screen.query_one("#form-body").scroll_end(animate=False)
        await pilot.pause()
        assert picture(app) == reused


async def test_the_header_screen_follows_the_language(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "h")
        vi_screen = app.screen
        await close(pilot)
        app.switch_language("en")
        await pilot.pause()
        await open_screen(pilot, "h")
        assert app.screen is not vi_screen and "Plan header" in str(app.screen.query_one("#form-title").render())
        assert str(app.screen.query_one("#basis-rows .row-number").render()) == "Document 1"


async def test_after_a_reload_the_header_shows_what_the_other_program_wrote(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "h")
        header = app.screen
        await close(pilot)
        data = json.loads(db_path.read_text("utf-8"))
        plan = data["plans"]["1"]
        plan["title"]["vi"] = "Tên do chương trình khác ghi"
        plan["recipients"] = plan["recipients"][:1]
        tmp = db_path.with_suffix(".other")
        tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        os.replace(tmp, db_path)
        assert app.reload_from_disk()
        await open_screen(pilot, "h")
        assert app.screen is header and header.query_one("#title_vi").value == "Tên do chương trình khác ghi"
        assert rows(header, "recipient") == 1
