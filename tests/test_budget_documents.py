"""The estimate (dự toán) and the settlement (quyết toán) as official documents,
through the same document model and PDF renderer as the delegation's papers."""

from datetime import date
from decimal import Decimal

import pypdfium2 as pdfium
import pytest

from delegations import cli
from delegations.budget.documents import BudgetDocumentError
from delegations.domain import ActualCost, Approval, Money, Outcome, Status, Timing
from delegations.exporting import export_document

TODAY = date(2026, 11, 24)


def summed(sheet, formula: str):
    from test_xlsx_export import summed as add

    return add(sheet, formula)


def text_of(path) -> str:
    pages = [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(path))]
    return " ".join(" ".join(pages).replace("\u00a0", " ").split())


@pytest.fixture
def done(planner):
    """Delegation 3 approved 1/3/2022 (TT 71/2018, members' lodging entered at 2,500,000), done, lodging spent 90,000,000."""
    d = planner.delegation(planner.plan().id, 3)
    d = d.evolve(approval=Approval("9/QĐ-LĐLĐ", date(2022, 3, 1)), timing=Timing(2022, start=date(2022, 3, 10), end=date(2022, 3, 13)),
                 status=Status.DONE,
                 outcome=Outcome(date(2022, 3, 10), date(2022, 3, 13), 10, (ActualCost("lodging", Money(Decimal(90_000_000), "VND")),)))
    planner.save_delegation(d)
    planner.budgeting.set_table_rate("tt71-2018-c", "lodging", "member", "2500000")
    return planner


def test_estimate_document_lists_each_line_with_its_rule(done, tmp_path):
    text = text_of(export_document(done, "budget", 3, output=tmp_path, today=TODAY))
    assert "DỰ TOÁN KINH PHÍ" in text and "/DT-LĐLĐ" in text
    # 9 members x 3 nights x 2,500,000 = 67,500,000
    assert "3 Tiền thuê phòng nghỉ, thành viên 27 2.500.000 ₫ 67.500.000 ₫" in text
    assert "tiền thuê phòng nghỉ theo đêm" in text and "71/2018/TT-BTC" in text
    assert "Đoàn số 3: được duyệt ngày 1/3/2022, tính theo Thông tư 71/2018/TT-BTC" in text


def test_settlement_document_sets_actual_against_estimate(done, tmp_path):
    text = text_of(export_document(done, "settlement", 3, output=tmp_path, today=TODAY))
    assert "QUYẾT TOÁN KINH PHÍ" in text and "/QT-LĐLĐ" in text
    # lodging: estimate 67,500,000 (the leader's row is empty), spent 90,000,000: 22,500,000 over
    assert "3 Tiền thuê phòng nghỉ 67.500.000 ₫ 90.000.000 ₫ 22.500.000 ₫" in text
    # the leader's lodging is not priced: the estimate's total is a part, and says so
    assert "Tổng LĐLĐ tỉnh Quảng Trị chi (chưa đủ) 67.500.000 ₫ (chưa đủ) 90.000.000 ₫ 22.500.000 ₫" in text


def test_settlement_without_actual_costs_says_how_to_enter_them(planner, tmp_path):
    with pytest.raises(BudgetDocumentError) as err:
        export_document(planner, "settlement", 3, output=tmp_path, today=TODAY)
    assert "status SEQ done --cost" in err.value.render()


def test_plan_estimate_from_the_command_line_without_seq(done, db_path, tmp_path, capsys):
    assert cli.main(["--db", str(db_path), "export", "--document", "budget", "--output", str(tmp_path)]) == 0
    path = capsys.readouterr().out.strip().splitlines()[-1]
    assert path.endswith(".pdf") and "du-toan_" in path
    text = text_of(path)
    assert "67.500.000 ₫" in text and "Tổng" in text


def test_settlement_as_a_workbook_from_the_command_line(done, db_path, tmp_path, capsys):
    from openpyxl import load_workbook

    assert cli.main(["--db", str(db_path), "export", "--document", "settlement", "--seq", "3", "--format", "xlsx",
                     "--output", str(tmp_path)]) == 0
    path = capsys.readouterr().out.strip().splitlines()[-1]
    assert path.endswith(".xlsx")
    sheet = load_workbook(path).active
    rows = [[c.replace("\u00a0", " ") if isinstance(c, str) else c for c in row if c is not None]
            for row in sheet.iter_rows(values_only=True)]
    assert ["QUYẾT TOÁN KINH PHÍ"] in rows
    # amounts are numbers a clerk can add up, shown in đồng
    assert ["3", "Tiền thuê phòng nghỉ", 67500000, 90000000, 22500000] in rows
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == 90000000)
    assert cell.data_type == "n" and cell.number_format == '#,##0 "VND"'


def test_estimate_as_a_workbook_has_numbers_and_its_total(done, db_path, tmp_path, capsys):
    from openpyxl import load_workbook

    assert cli.main(["--db", str(db_path), "export", "--document", "budget", "--seq", "3", "--format", "xlsx",
                     "--output", str(tmp_path)]) == 0
    path = capsys.readouterr().out.strip().splitlines()[-1]
    rows = [[c for c in row if c is not None] for row in load_workbook(path).active.iter_rows(values_only=True)]
    assert ["3", "Tiền thuê phòng nghỉ, thành viên", 27, 2500000, 67500000] in [r[:5] for r in rows]
    assert ["3", "Tiền ăn", 40, "—", "—"] in [r[:5] for r in rows]  # an unpriced line stays unknown, not 0
    # the total is a formula over the amounts above it, adding up to the service's total; incomplete, it says so
    sheet = load_workbook(path).active
    (total,) = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=SUM(")]
    assert [c.value for c in sheet[total.row]][1] == "Tổng LĐLĐ tỉnh Quảng Trị chi (chưa đủ)"   # whose total: the federation's
    assert summed(sheet, total.value) == done.budgeting.report(done.plan().id, delegations=[done.delegation(done.plan().id, 3)]).budget.total().amount
    assert summed(sheet, total.value) == 67500000 and total.number_format == '#,##0 "VND"'
    # the rows down to the table's header stay in view; the columns have the table's widths
    header = next(c.row for c in sheet["A"] if c.value == "TT")
    assert sheet.freeze_panes == f"A{header + 1}"
    assert total.value == f"=SUM(E{header + 1}:E{total.row - 1})"  # every line of the table, and only those
    widths = [sheet.column_dimensions[col].width for col in "ABCDEF"]
    assert widths[1] > 30 and all(w >= 6 for w in widths)
    assert sheet.cell(header + 1, 2).alignment.wrap_text


def test_settlement_workbook_sums_estimate_and_actual(done, db_path, tmp_path, capsys):
    from openpyxl import load_workbook

    assert cli.main(["--db", str(db_path), "export", "--document", "settlement", "--seq", "3", "--format", "xlsx",
                     "--output", str(tmp_path)]) == 0
    sheet = load_workbook(capsys.readouterr().out.strip().splitlines()[-1]).active
    sums = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=SUM(")]
    assert [c.column_letter for c in sums] == ["C", "D", "E"]   # the difference too: the rows' differences add up to it
    total = done.budgeting.report(done.plan().id, delegations=[done.delegation(done.plan().id, 3)]).compare(lambda x: "all")["all"]
    assert summed(sheet, sums[0].value) == total.estimate.amount == 67500000
    assert summed(sheet, sums[1].value) == total.actual.amount == 90000000
    assert summed(sheet, sums[2].value) == total.difference.amount == 22500000  # the service's figure
