"""What the speed work keeps right (issue 15; the speed itself is measured by
``benchmarks/ui_bench.py``, not here): after a change the totals line and the
header's overdue note are drawn with the table, and are the plan's as it is now;
a remembered wrapping of a budget note is never shown for another text or width."""

from __future__ import annotations

import io
from datetime import date
from types import SimpleNamespace

from rich.console import Console
from textual.widgets import Static

from delegations.deadline_settings import overdue_now
from delegations.domain import Direction, Leader, Status, Timing
from delegations.ui.widgets.rows import wrap_label
from ui_support import SIZE, open_screen


def shown(screen, selector: str) -> str:
    return screen.query_one(selector, Static).visual.plain


def overdue(screen) -> int:
    return overdue_now(screen.planner, screen.planner.plan(screen.app.plan_id))


async def test_a_change_draws_the_totals_and_the_overdue_note_with_the_table_not_later(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.screen
        planner = app.planner
        first = planner.repo.delegation(main.found.ids[0])
        before = shown(main, "#totals")
        assert f"{planner.totals(main.found).all.people} " in before

        assert overdue(main) == 0 and "(D)" not in shown(main, "#title")

        # Saved with dates long past (its proposal is overdue): the reload that follows shows the
        # new count of people and the overdue note at once, no timer left to run.
        outbound = next(d for d in map(planner.repo.delegation, main.found.ids) if d.direction is Direction.OUTBOUND)
        dated = outbound.evolve(members=outbound.members + 7, status=Status.PLANNED,
                                timing=Timing(year=2021, start=date(2021, 5, 3), end=date(2021, 5, 6)))
        planner.save_delegation(dated)
        main.reload(keep=dated.id)
        t = planner.totals(main.found)
        assert f"{t.all.people} " in shown(main, "#totals") and shown(main, "#totals") != before
        assert overdue(main) == 1 and "1 " in shown(main, "#title") and "(D)" in shown(main, "#title")

        # Deleted, then undone: the count of delegations and the overdue note follow each.
        planner.delete_delegation(dated.id)
        main.reload()
        assert f"{planner.totals(main.found).all.delegations} " in shown(main, "#totals")
        assert "(D)" not in shown(main, "#title")
        planner.undo(app.plan_id)
        main.reload()
        assert "(D)" in shown(main, "#title")
        assert f"{planner.totals(main.found).all.delegations} " in shown(main, "#totals")


async def test_the_totals_after_a_save_and_an_undo_from_the_keyboard(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.screen
        before = shown(main, "#totals")
        await open_screen(pilot, "e")
        form = app.screen
        form.query_one("#members").value = str(form.base.members + 5)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is main
        assert f"{app.planner.totals(main.found).all.people} " in shown(main, "#totals") != before
        await pilot.press("u")
        await pilot.pause()
        assert shown(main, "#totals") == before


def test_a_remembered_wrapping_is_for_its_own_text_and_width():
    app = SimpleNamespace(console=Console(width=80))
    long = "Đoàn số 3: chưa được duyệt, tính theo định mức hiện hành ngày 24/11/2026, khách hạng C"
    at_40 = wrap_label(app, long, 40)
    assert len(at_40) > 1 and all(len(part) <= 40 for part in at_40)
    assert wrap_label(app, long, 40) is at_40  # remembered
    at_30 = wrap_label(app, long, 30)
    assert at_30 != at_40 and all(len(part) <= 30 for part in at_30)
    changed = long.replace("Đoàn số 3", "Đoàn số 13")
    assert "".join(wrap_label(app, changed, 40)).startswith("Đoàn số 13")
    indented = wrap_label(app, "  " + long, 40)
    assert all(part.startswith("  ") for part in indented)


async def test_the_budget_reopened_after_a_delete_no_longer_shows_its_notes(make_app):
    from delegations.i18n import _

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.screen
        gone = app.planner.repo.delegation(main.found.ids[-1])
        note = _("Delegation {seq}").format(seq=gone.seq) + ":"

        def notes_of_gone() -> list[str]:
            return [label for label, _v, _s in app.screen.query_one("#budget-body")._lines if label.startswith(note)]

        await open_screen(pilot, "b")
        assert notes_of_gone()
        await pilot.press("escape")
        await pilot.pause()
        app.planner.delete_delegation(gone.id)
        main.reload()
        await open_screen(pilot, "b")
        assert notes_of_gone() == []
        assert note not in str(app.screen.shown)


async def test_the_budget_and_plugins_rows_take_every_line_no_horizontal_scroll_bar(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key in ("b", "g"):
            await open_screen(pilot, key)
            view = app.screen.query_one("RowsView")
            assert view.show_vertical_scrollbar and not view.show_horizontal_scrollbar, key
            assert view.virtual_size.width <= view.scrollable_content_region.width
            await pilot.press("escape")
            await pilot.pause()


async def test_after_a_change_the_detail_pane_shows_the_row_as_saved_in_the_same_frame(make_app):
    from delegations.ui.widgets.detail import DelegationDetail

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.screen
        planner = app.planner

        def detail() -> str:
            console = Console(width=80, record=True, file=io.StringIO())
            console.print(main.query_one("#detail", DelegationDetail).content)
            return console.export_text()

        first = planner.repo.delegation(main.found.ids[0])
        planner.save_delegation(first.evolve(leader=Leader(position=first.leader.position, name="Nguyễn Văn Mới")))
        main.reload(keep=first.id)  # no message handled yet: the pane is filled by the reload itself
        assert "Nguyễn Văn Mới" in detail()
        planner.undo(app.plan_id)
        main.reload(keep=first.id)
        assert "Nguyễn Văn Mới" not in detail()
