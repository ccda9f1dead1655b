"""The plan as an Excel workbook (``export --format xlsx``), read back with openpyxl:
one sheet per section, real numbers and dates, totals as formulas that add up to the
budget the service computes, headers in the export language, widths, frozen header
row, autofilter, and the export's filters applied."""

import re
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from delegations import cli
from delegations.domain import Direction, Timing
from delegations.exporting import export_plan
from delegations.services import Filters

TODAY = date(2026, 11, 24)
SUM = re.compile(r"=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)")


def summed(ws, formula: str):
    """What a =SUM(...) formula of *ws* adds up: its numbers (a "—" of an unpriced line is
    skipped, as a spreadsheet skips text); anything else is an error."""
    m = SUM.fullmatch(formula)
    assert m, formula
    total = 0
    for row in ws[f"{m[1]}{m[2]}:{m[3]}{m[4]}"]:
        for cell in row:
            assert isinstance(cell.value, (int, float)) or cell.value in ("—", None), (cell.coordinate, cell.value)
            if isinstance(cell.value, (int, float)):
                total += cell.value
    return total


def formulas(ws):
    return [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]


@pytest.fixture
def dated(planner):
    """Delegation 1 on fixed dates (28/2–3/3/2020), so the workbook has real dates."""
    d = planner.delegation(planner.plan().id, 1)
    planner.save_delegation(d.evolve(timing=Timing(2020, start=date(2020, 2, 28), end=date(2020, 3, 3))))
    return planner


def test_one_sheet_per_section_with_numbers_dates_and_vietnamese_headers(dated, tmp_path):
    wb = load_workbook(export_plan(dated, fmt="xlsx", output=tmp_path, today=TODAY))
    assert wb.sheetnames == ["Danh sách đoàn", "Dự toán theo khoản chi", "Theo đoàn", "Theo đơn vị chi trả", "Theo nguồn kinh phí"]
    ws = wb["Danh sách đoàn"]
    heads = [c.value for c in ws[1]]
    assert heads[:6] == ["TT", "Tên đoàn", "Loại đoàn", "Đối tác", "Trưởng đoàn", "Số thành viên"]
    assert heads[6:12] == ["Số ngày ít nhất", "Số ngày nhiều nhất", "Năm", "Tháng", "Ngày đi", "Ngày về"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [1, 2, 3, 4]
    first = rows[0]
    assert first[1] == "Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)" and first[2] == "Đoàn ra"
    # members, days, year are numbers; the dates are dates shown day/month/year
    assert (first[5], first[6], first[7], first[8]) == (10, 5, 5, 2020)  # 28/2–3/3/2020: five days
    assert rows[2][5:9] == (10, 3, 4, 2022)  # "3-4 ngày": fewest and most days
    assert all(type(v) is int for v in first[5:9])
    assert first[10] == datetime(2020, 2, 28) and first[11] == datetime(2020, 3, 3)
    assert ws["K2"].is_date and ws["K2"].number_format == "DD/MM/YYYY"
    assert rows[2][10] is None and rows[2][8] == 2022  # a delegation planned by the year has no dates
    assert first[12] == "- Trao đổi kinh nghiệm hoạt động công đoàn\n- Đi thực tế một số CĐCS"
    assert "LĐLĐ tỉnh Quảng Trị chịu chi phí về phương tiện đi lại" in first[13]
    for sheet in wb:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        assert all(w and w >= 6 for w in widths), (sheet.title, widths)
        assert all(c.font.b for c in sheet[1])
        # printed on A4 landscape, readable (see test_every_sheet_prints_at_a_readable_scale), the header row on every page
        assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.print_title_rows == "$1:$1"
    assert ws.column_dimensions["M"].width >= 25 and ws["M2"].alignment.wrap_text  # activities: wrapped in their column
    assert ws.row_dimensions[2].height >= 30  # its two activities fit: the row is as tall as its text


@pytest.mark.parametrize("lang", ["vi", "vi-lo", "en"])
def test_every_sheet_prints_at_a_readable_scale(dated, tmp_path, lang):
    """Fitted to one A4 page across only where that keeps 70 % or more of the size; a wider
    sheet prints at 70 % or more over two pages across, its number and name columns repeated."""
    from delegations.xlsx.sheets import MIN_SCALE, PAGE_WIDTH_MM, SIDE_MARGIN_IN, column_mm

    wb = load_workbook(export_plan(dated, fmt="xlsx", lang=lang, output=tmp_path, today=TODAY))
    printable = PAGE_WIDTH_MM - 2 * SIDE_MARGIN_IN * 25.4
    assert MIN_SCALE >= 65
    for sheet in wb:
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        assert sheet.page_margins.left == sheet.page_margins.right == SIDE_MARGIN_IN
        one_page = printable / sum(column_mm(w) for w in widths)
        if sheet.sheet_properties.pageSetUpPr.fitToPage:
            assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
            assert one_page >= MIN_SCALE / 100, (sheet.title, one_page)
        else:
            assert MIN_SCALE <= sheet.page_setup.scale <= 100 and one_page < MIN_SCALE / 100, (sheet.title, sheet.page_setup.scale)
            assert sheet.print_title_cols == "$A:$B"
    ws = wb.worksheets[0]
    # the delegations, with the cost model and notes columns the import reads back: two pages across
    # at 70 % or more, the plan's own columns on the first
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale >= MIN_SCALE
    assert ws.print_title_cols == "$A:$B"  # the number and the name on every page
    list_widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
    assert sum(column_mm(w) for w in list_widths) * ws.page_setup.scale / 100 <= 2 * printable  # two pages, not three
    assert all(ws.cell(2, k).alignment.wrap_text for k in (2, 4, 5, 13, 14))  # name, partner, leader, activities, funding wrap
    lines = wb.worksheets[1]
    assert not lines.sheet_properties.pageSetUpPr.fitToPage and lines.page_setup.scale >= MIN_SCALE


def test_budget_sheets_have_numbers_and_sums_equal_to_the_service_total(dated, tmp_path):
    wb = load_workbook(export_plan(dated, fmt="xlsx", output=tmp_path, today=TODAY))
    report = dated.budgeting.report(dated.plan().id)
    expected = report.budget.total().amount
    assert expected > 0
    lines = wb["Dự toán theo khoản chi"]
    assert lines["F1"].value == "Thành tiền (VND)"
    (total,) = formulas(lines)
    amounts = [r[5] for r in lines.iter_rows(min_row=2, max_row=total.row - 1, values_only=True)]
    assert len(amounts) == len(report.budget.own())   # the federation's lines above its total
    # the partner's lines under it, saying so, outside the formula
    below = [r for r in lines.iter_rows(min_row=total.row + 1, values_only=True) if r[0] is not None]
    assert below[0][0] == "Các khoản phía bạn chi (không tính vào dự toán)"
    assert [r[5] for r in below[1:]] == ["phía bạn chi"] * len(report.budget.partners())
    assert all(type(a) is int or a == "—" for a in amounts) and any(type(a) is int for a in amounts)
    assert lines["F2"].number_format == '#,##0 "VND"' or lines["F2"].value == "—"
    for title in ("Dự toán theo khoản chi", "Theo đoàn", "Theo đơn vị chi trả", "Theo nguồn kinh phí"):
        (total,) = formulas(wb[title])
        assert summed(wb[title], total.value) == expected, title
        assert total.value == f"=SUM({total.column_letter}2:{total.column_letter}{total.row - 1})"  # every row above
        assert total.number_format == '#,##0 "VND"'
        assert any(str(c.value).startswith("Tổng LĐLĐ tỉnh Quảng Trị chi") for c in wb[title][total.row])
    # the shipped plan's outbound rates are empty: the total says it is incomplete
    (lines_total,) = formulas(lines)
    assert any(c.value == "Tổng LĐLĐ tỉnh Quảng Trị chi (chưa đủ)" for c in lines[lines_total.row])
    payers = {r[0]: r[1] for r in wb["Theo đơn vị chi trả"].iter_rows(min_row=2, values_only=True) if r[0]}
    home = dated.home().code
    assert payers["LĐLĐ tỉnh Quảng Trị"] == report.by_payer()[home].amount
    assert payers["LHCĐ tỉnh Savannakhet"] == "tự chi phần của mình, không tính vào tổng"


def test_headers_in_english_from_the_command_line(dated, db_path, tmp_path, capsys):
    assert cli.main(["--db", str(db_path), "export", "--format", "xlsx", "--lang", "en", "--output", str(tmp_path)]) == 0
    path = capsys.readouterr().out.strip().splitlines()[-1]
    wb = load_workbook(path)
    assert wb.sheetnames == ["List of delegations", "Budget by item", "By delegation", "By paying organisation", "By funding source"]
    heads = [c.value for c in wb["List of delegations"][1]]
    assert heads[:6] == ["No.", "Delegation", "Direction", "Partner", "Leader", "Members"]
    assert wb["Budget by item"]["F1"].value == "Amount (VND)"


def test_filters_of_the_export_apply_to_every_sheet(dated, tmp_path):
    wb = load_workbook(export_plan(dated, fmt="xlsx", output=tmp_path, today=TODAY, filters=Filters(direction=Direction.INBOUND)))
    names = [r[1] for r in wb["Danh sách đoàn"].iter_rows(min_row=2, values_only=True)]
    assert names == ["Đoàn LĐLĐ tỉnh Savannakhet (Đoàn vào)", "Đoàn LĐLĐ tỉnh Salavan (Đoàn vào)"]
    inbound = [d for d in dated.delegations(dated.plan().id) if d.direction is Direction.INBOUND]
    expected = dated.budgeting.report(dated.plan().id, delegations=inbound).budget.total().amount
    lines = wb["Dự toán theo khoản chi"]
    (total,) = formulas(lines)
    assert {r[1] for r in lines.iter_rows(min_row=2, max_row=total.row - 1, values_only=True)} == set(names)
    assert summed(lines, total.value) == expected
    assert [r[0] for r in wb["Theo đoàn"].iter_rows(min_row=2, max_row=3, values_only=True)] == [1, 2]  # numbered as exported
