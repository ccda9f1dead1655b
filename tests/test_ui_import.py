"""The import screen at 80×24: a file path, the preview, the import, one undo."""

from __future__ import annotations

from test_import import SEED_ROWS, write_docx
from ui_support import SIZE, notes, on_disk, open_screen, shown_seqs, type_into

from delegations.ui.screens.import_plan import ImportScreen


async def test_the_import_screen_previews_then_imports_and_one_undo_takes_it_back(make_app, db_path, tmp_path):
    path = write_docx(tmp_path / "ke-hoach.docx")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Nhập bảng kế hoạch (Word, Excel, CSV)" in titles  # in the command palette
        await open_screen(pilot, "I")
        assert isinstance(app.screen, ImportScreen)
        await type_into(pilot, "#path", str(path))
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#import-rows")
        assert table.row_count == 4
        assert [table.get_row_at(i)[:3] for i in range(4)] == [[str(r), str(r + 3), "✓"] for r in (2, 3, 4, 5)]
        assert "Sẽ thêm 4 đoàn vào kế hoạch 2020-2022." in str(screen.query_one("#import-summary").render())
        assert sorted(on_disk(db_path)) == [1, 2, 3, 4]  # a preview writes nothing
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert not isinstance(app.screen, ImportScreen)
        assert sorted(on_disk(db_path)) == [1, 2, 3, 4, 5, 6, 7, 8] and shown_seqs(app) == [1, 2, 3, 4, 5, 6, 7, 8]
        assert "Đã nhập 4 đoàn (u để hoàn tác)." in notes(app)
        await pilot.press("u")
        await pilot.pause()
        assert sorted(on_disk(db_path)) == [1, 2, 3, 4] and shown_seqs(app) == [1, 2, 3, 4]


async def test_a_file_with_a_bad_row_shows_row_and_column_and_cannot_be_imported(make_app, db_path, tmp_path):
    rows = [list(r) for r in SEED_ROWS]
    rows[3][6] = "vài ngày"
    path = write_docx(tmp_path / "sai.docx", rows=rows)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "I")
        await type_into(pilot, "#path", str(path))
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        problems = str(screen.query_one("#import-problems").render())
        assert "lỗi: Dòng 5, cột \"Số ngày\": \"vài ngày\" không phải là số ngày" in problems
        assert screen.query_one("#import-button").disabled
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen) and sorted(on_disk(db_path)) == [1, 2, 3, 4]
        await type_into(pilot, "#path", str(tmp_path / "none.pdf"))
        await pilot.press("enter")
        await pilot.pause()
        assert ".docx" in str(screen.query_one("#import-summary").render()) and screen.query_one("#import-rows").row_count == 0


async def test_the_preview_shows_the_leaders_name(make_app, db_path, tmp_path):
    rows = [list(r) for r in SEED_ROWS]
    rows[0][2] = ["Chủ tịch LĐLĐ tỉnh Quảng Trị", "Nguyễn Văn An"]
    path = write_docx(tmp_path / "ten.docx", rows=rows)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "I")
        await type_into(pilot, "#path", str(path))
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one("#import-rows")
        assert str(table.get_row_at(0)[-1]).endswith("· Nguyễn Văn An")
        assert "Nguyễn" not in str(table.get_row_at(1)[-1])
