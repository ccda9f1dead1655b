"""The terminal UI and the plugins: failures and conflicts in a notice at start, and
the export screen naming each exporter by its label."""

from delegations import i18n
from delegations.testing import planner_with
from delegations.ui.app import DelegationsApp
from textual.widgets import Select

from test_plugin_rules import FAKE_PDF


async def test_failures_and_conflicts_are_a_notice_at_start_and_formats_show_their_labels(tmp_path):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "fake_pdf.py").write_text(FAKE_PDF.format(replace=""), encoding="utf-8")
    (folder / "broken.py").write_text("x = (\n", encoding="utf-8")
    (tmp_path / "csv_table.py").write_text((folder / "fake_pdf.py").read_text().replace('"pdf", ".pdf"', '"csv", ".csv"')
                                           .replace('vi="PDF giả"', 'vi="Bảng CSV"'), encoding="utf-8")
    with planner_with(folder, tmp_path / "csv_table.py", strict=False) as planner:
        app = DelegationsApp(planner, blink=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            [notice] = [n for n in app._notifications if n.title == i18n._("Plugins")]
            assert notice.severity == "error"
            assert "broken" in notice.message and f"{folder / 'broken.py'}:1" in notice.message
            assert 'exporters "pdf"' in notice.message and "fake_pdf" in notice.message
            await pilot.press("o")
            await pilot.pause()
            select = app.screen.query_one("#format", Select)
            labels = {value: str(label) for label, value in select._options if value != Select.NULL}
            assert labels == {"csv": "Bảng CSV", "docx": "Văn bản Word (Kế hoạch)", "ics": "Lịch (iCalendar .ics)",
                              "pdf": "Văn bản PDF (Kế hoạch)", "xlsx": "Bảng tính Excel (Kế hoạch và dự toán)"}
