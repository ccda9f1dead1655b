"""Faults a user found in the budget: a cancelled delegation priced, a workbook total
over unknown figures shown as 0, internal notes in documents meant to be sent, an
unknown document format named by internal codes, and Vietnamese rules in lo/en documents."""

import json
import re
from datetime import date

import pypdfium2 as pdfium
import pytest

from delegations import cli, lifecycle
from delegations.domain import Direction, Status
from delegations.services import Filters
from delegations.exporting import export_document, export_plan
from delegations.lifecycle import StatusFacts

TODAY = date(2026, 11, 24)


def run(db, *args) -> int:
    return cli.main(["--db", str(db), *args])


def text_of(path) -> str:
    pages = [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(path))]
    return " ".join(" ".join(pages).replace("\u00a0", " ").split())


def cancel(planner, seq: int) -> None:
    d = planner.delegation(planner.plan().id, seq)
    lifecycle.change_status(planner, d, Status.CANCELLED, TODAY, StatusFacts(reason="Dịch bệnh"))


# --- 1. a cancelled delegation is not in the estimate -------------------------------------
def test_a_cancelled_delegation_is_not_priced_and_summary_agrees(planner, db_path, capsys):
    plan = planner.plan().id
    before = planner.budgeting.report(plan, on=TODAY)
    priced_4 = before.by_delegation()[4]
    assert priced_4 is not None and priced_4.amount > 0
    cancel(planner, 4)
    after = planner.budgeting.report(plan, on=TODAY)
    assert after.budget.total() == before.budget.total() - priced_4
    assert 4 not in after.by_delegation() and after.cancelled == (4,)
    data = after.as_dict()
    row = next(r for r in data["delegations"] if r["seq"] == 4)
    assert row["cancelled"] is True and row["estimate"] is None
    assert data["total"]["estimate"] == str(after.budget.total().amount)
    # the summary of the year and the budget give the same estimate
    year = planner.delegation(plan, 4).timing.year
    summary = lifecycle.summary(planner, year).total()
    in_year = after.budget.by(lambda ln: ln.year).get(year)
    assert summary.estimated == in_year
    # the screen's words list it as cancelled, with no amount
    from delegations.budget.view import BudgetView

    rows = dict(BudgetView(after, planner.wording("vi")).sections()[0].rows)
    assert rows["Đoàn số 4"] == "đã hủy, không tính vào dự toán"


def test_a_cancelled_delegation_is_not_in_the_exported_estimate(planner, tmp_path):
    from openpyxl import load_workbook

    cancel(planner, 4)
    path = export_document(planner, "budget.xlsx", None, output=tmp_path, today=TODAY)
    rows = [[c for c in row if c is not None] for row in load_workbook(path).active.iter_rows(values_only=True)]
    assert not [r for r in rows if r and r[0] == "4"]  # no line of delegation 4
    appendix = text_of(export_plan(planner, output=tmp_path, today=TODAY, budget=True))
    assert "Đoàn số 4 đã hủy, không tính vào dự toán" in appendix


# --- 4. a document asked for in a format it does not have -----------------------------------
def test_a_missing_format_is_named_in_words_with_the_options(planner, db_path, capsys):
    assert run(db_path, "export", "--document", "report", "--seq", "3", "--format", "xlsx") != 0
    err = capsys.readouterr().err
    assert "Báo cáo kết quả" in err and "PDF, Word" in err and "--format pdf | --format docx" in err
    assert "budget.docx" not in err and "report.xlsx" not in err
    assert run(db_path, "--lang", "en", "export", "--document", "reprot", "--seq", "3") != 0
    err = capsys.readouterr().err
    assert "report" in err and ".docx" not in err and ".xlsx" not in err


# --- 2. a total over unknown figures is never a plain number --------------------------------
@pytest.fixture
def unpriced(planner):
    """Delegation 3 approved 1/3/2022 (TT 71/2018, whose rows are all empty), done, lodging spent 90,000,000."""
    from decimal import Decimal

    from delegations.domain import ActualCost, Approval, Money, Outcome, Timing

    d = planner.delegation(planner.plan().id, 3)
    d = d.evolve(approval=Approval("9/QĐ-LĐLĐ", date(2022, 3, 1)), timing=Timing(2022, start=date(2022, 3, 10), end=date(2022, 3, 13)),
                 status=Status.DONE,
                 outcome=Outcome(date(2022, 3, 10), date(2022, 3, 13), 10, (ActualCost("lodging", Money(Decimal(90_000_000), "VND")),)))
    planner.save_delegation(d)
    return planner


def workbook_rows(path):
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    return sheet, [[c.value for c in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("kind", ["settlement", "budget"])
def test_a_total_over_unpriced_lines_is_not_a_false_zero(unpriced, tmp_path, kind):
    sheet, rows = workbook_rows(export_document(unpriced, f"{kind}.xlsx", 3, output=tmp_path, today=TODAY))
    (total,) = [row for row in rows if str(row[1]).startswith("Tổng")]
    assert total[1] == "Tổng LĐLĐ tỉnh Quảng Trị chi (chưa đủ)"   # whose total, and that it is a part
    estimate = total[2] if kind == "settlement" else total[4]
    assert estimate == "—"   # not =SUM over "—" cells, which Excel shows as 0
    if kind == "settlement":
        assert str(total[3]).startswith("=SUM(D")   # what was spent is known: still a formula


def test_plan_workbook_totals_over_unpriced_lines(planner, tmp_path):
    from openpyxl import load_workbook

    # nothing of the outbound table is entered: delegations 1 and 2 are not priced at all
    book = load_workbook(export_plan(planner, fmt="xlsx", output=tmp_path, today=TODAY, filters=Filters(direction=Direction.OUTBOUND)))
    def total_row(values):   # the federation's total: the partner's lines (the Lao hosts' lodging) come under it
        (row,) = [row for row in values if any(isinstance(v, str) and v.startswith("Tổng LĐLĐ tỉnh Quảng Trị chi") for v in row)]
        return row

    for sheet in book.worksheets[1:]:
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        total = total_row(values)
        assert any(isinstance(v, str) and "(chưa đủ)" in v for v in total), (sheet.title, total)
        assert not any(isinstance(v, str) and v.startswith("=SUM(") for v in total), (sheet.title, total)
        assert "—" in total
    # partly priced: the total is a formula, labelled incomplete, and each partial group says so
    planner.budgeting.set_table_rate("tt140-2025-laos", "transport", "all", "50")
    planner.budgeting.set_exchange_rate("USD", "VND", "25400", date(2026, 11, 1))
    book = load_workbook(export_plan(planner, fmt="xlsx", output=tmp_path, today=TODAY, force=True,
                                     filters=Filters(direction=Direction.OUTBOUND)))
    sheet = book.worksheets[2]   # by delegation
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][-1] == "Ghi chú" and values[1][-1] == "chưa đủ"
    assert "Tổng LĐLĐ tỉnh Quảng Trị chi (chưa đủ)" in total_row(values) and str(total_row(values)[3]).startswith("=SUM(")


def test_the_notes_say_the_chosen_table_has_no_rates_and_how_to_fill_it(unpriced, db_path, capsys):
    assert run(db_path, "budget") == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Thông tư 71/2018/TT-BTC chưa có định mức nào được nhập" in out
    assert "delegations rates set tt71-2018-c" in out and "phím r" in out


# --- 3. documents meant to be sent carry no internal notes ------------------------------------
INTERNAL = ("chưa đối chiếu", "chưa có định mức", "rates set")


def test_documents_leave_the_officers_notes_out_and_the_export_warns(unpriced, db_path, tmp_path, capsys):
    exports = [["--document", "budget"], ["--document", "settlement", "--seq", "3"], ["--budget"],
               ["--document", "budget", "--format", "docx"]]
    for args in exports:
        assert run(db_path, "export", *args, "--output", str(tmp_path), "--force") == 0
        out, err = capsys.readouterr()
        path = out.strip().splitlines()[-1]
        if path.endswith(".pdf"):
            text = text_of(path)
        else:
            from docx import Document

            text = " ".join(p.text for p in Document(path).paragraphs)
        assert "71/2018/TT-BTC" in text, args   # the legal basis stays
        assert not [w for w in INTERNAL if w in text], (args, [w for w in INTERNAL if w in text])
        assert not re.search(r"Đoàn số \d+: chưa được duyệt", text), args
        # ... and the officer is told on stderr
        assert "Cảnh báo" in err and "chưa đối chiếu" in err and "chưa có định mức" in err, args
    # the workbook of the estimate too
    sheet, rows = workbook_rows(export_document(unpriced, "budget.xlsx", None, output=tmp_path, today=TODAY, force=True))
    cells = " ".join(str(c) for row in rows for c in row if c is not None)
    assert "tiền thuê phòng nghỉ theo đêm" in cells and not [w for w in INTERNAL if w in cells]
    # the screen's words, the command line and the JSON keep them
    assert run(db_path, "budget") == 0
    out = capsys.readouterr().out
    assert "chưa đối chiếu" in out and "Đoàn số 1: chưa được duyệt" in out
    assert run(db_path, "budget", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert any("chưa đối chiếu" in n for n in data["notes"]) and any("chưa đối chiếu" in ln["article"] for ln in data["lines"])


# --- 5. the rules in the document's language --------------------------------------------------
@pytest.mark.parametrize("lang, words", [("en", "room hire per night (breakfast included), capped by guest class"),
                                         ("lo", "ຄ່າເຊົ່າຫ້ອງພັກຕໍ່ຄືນ (ລວມອາຫານເຊົ້າ), ເພດານຕາມຊັ້ນແຂກ")])
def test_the_rules_are_in_the_documents_language(unpriced, tmp_path, lang, words):
    text = text_of(export_document(unpriced, "budget", 3, output=tmp_path, today=TODAY, lang=lang))
    squeezed = "".join(text.split())   # Lao is laid out with breaks between words
    assert "".join(f"Thông tư 71/2018/TT-BTC: {words}".split()) in squeezed   # the citation as written, the rule translated
    assert "tiền thuê phòng nghỉ" not in text
    source = {"en": "of the Ministry of Finance, applied until 17/5/2026",
              "lo": "ຂອງກະຊວງການເງິນ, ນຳໃຊ້ຮອດວັນທີ 17/5/2026"}[lang]
    assert "".join(source.split()) in squeezed and "của Bộ Tài chính" not in text   # its source too
    from openpyxl import load_workbook

    book = load_workbook(export_plan(unpriced, fmt="xlsx", lang=lang, output=tmp_path, today=TODAY))
    rules = [row[-1] for row in book.worksheets[1].iter_rows(values_only=True)]
    assert f"Thông tư 71/2018/TT-BTC: {words}" in rules and not any(r and "tiền thuê" in str(r) for r in rules)


def test_every_shipped_rule_has_lao_and_english(planner):
    for table in planner.budgeting.tables().values():
        for row in table.rates:
            if row.article:
                assert row.article_text is not None, (table.code, row.item)
                versions = dict(row.article_text.versions)
                assert set(versions) == {"vi", "lo", "en"} and len(set(versions.values())) == 3, (table.code, row.item)
                assert "chưa" not in versions["vi"] and versions["vi"] in row.article
