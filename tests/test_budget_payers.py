"""Whose budget it is: the estimate prices only the lines the federation pays.

A hand-worked plan of two delegations of the shipped plan, every rate filled in
(so a partner's line *could* be priced at a Vietnamese ceiling, and must not be):

- delegation 1, outbound to Savannakhet (10 people, 4 days: 3 nights), TT 140/2025 in USD
  at 25,400 VND, reciprocal hosting: the Lao host pays the lodging (leader and members),
  the federation the transport 10 x 50 USD = 500 USD = 12,700,000 and its support
  1 x 500 USD = 12,700,000 -> 25,400,000;
- delegation 3, inbound from Savannakhet (10 people, 4 days, class C), TT 35/2026: the
  federation pays lodging 1 x 3 x 4,300,000 = 12,900,000 and 9 x 3 x 3,000,000 = 81,000,000,
  meals 10 x 4 x 1,600,000 = 64,000,000 -> 157,900,000; the Lao sender pays its transport
  (at our 1,200,000 it would have been 12,000,000: it is not counted).

The federation's total: 25,400,000 + 157,900,000 = 183,300,000, the same in the CLI's text,
``budget --json``, the workbook's formulas, the PDF appendix and the estimate document.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pypdfium2 as pdfium
import pytest

from delegations import cli
from delegations.domain import ActualCost, Money, Outcome, Status, Text
from delegations.exporting import export_document, export_plan
from test_xlsx_export import formulas, summed

ISSUED = date(2026, 11, 23)
TODAY = date(2026, 11, 24)
FEDERATION = 25_400_000 + 157_900_000   # 183,300,000
PARTNER_LINES = {(1, "lodging", "leader"), (1, "lodging", "member"), (3, "transport", "all")}


def text_of(path) -> str:
    pages = [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(path))]
    return " ".join(" ".join(pages).replace("\u00a0", " ").split())


@pytest.fixture
def hand(planner):
    """Delegations 1 and 3 of the shipped plan, reciprocal hosting, every rate they use filled in."""
    plan = planner.plan()
    planner.save_plan(replace(plan, issued=ISSUED, cost_model="reciprocal"))
    for seq in (2, 4):
        planner.delete_delegation(planner.delegation(plan.id, seq).id)
    b = planner.budgeting
    for item, role, amount in (("lodging", "leader", "100"), ("lodging", "member", "80"), ("transport", "all", "50"),
                               ("support", "all", "500")):
        b.set_table_rate("tt140-2025-laos", item, role, amount)
    b.set_table_rate("tt35-2026-c", "transport", "all", "1200000")
    b.set_exchange_rate("USD", "VND", "25400", date(2026, 11, 1))
    return planner


def test_the_federation_total_is_the_hand_sum_of_its_own_lines(hand):
    report = hand.budgeting.report()
    amounts = {(ln.seq, ln.item, ln.role): (ln, a) for ln, a in zip(report.budget.lines, report.budget.amounts)}
    assert {k for k, (ln, _a) in amounts.items() if ln.partner} == PARTNER_LINES
    for key in PARTNER_LINES:   # the partner's: no Vietnamese ceiling, no amount, not a missing rate
        line, amount = amounts[key]
        assert line.payer == "savannakhet" and line.rate is None and amount is None
    assert report.budget.unpriced() == ()
    vnd = lambda n: Money(Decimal(n), "VND")  # noqa: E731
    assert amounts[(1, "transport", "all")][1] == vnd(12_700_000) and amounts[(1, "support", "all")][1] == vnd(12_700_000)
    assert amounts[(3, "lodging", "leader")][1] == vnd(12_900_000) and amounts[(3, "lodging", "member")][1] == vnd(81_000_000)
    assert amounts[(3, "meals", "all")][1] == vnd(64_000_000)
    assert report.budget.total() == vnd(FEDERATION)
    assert report.by_delegation() == {1: vnd(25_400_000), 3: vnd(157_900_000)}
    assert report.by_payer() == {"savannakhet": None, "quangtri": vnd(FEDERATION)}


def test_the_same_figure_in_the_cli_and_json(hand, db_path, capsys):
    hand.close()
    assert cli.main(["--db", str(db_path), "budget", "--lines"]) == 0
    out = capsys.readouterr().out.replace("\u00a0", " ")
    totals = [line.strip() for line in out.splitlines() if line.strip().startswith("Tổng")]
    assert len(totals) == 4 and all(" ".join(t.split()) == "Tổng LĐLĐ tỉnh Quảng Trị chi 183.300.000 ₫" for t in totals), totals
    assert "chưa đủ" not in out and "chưa có định mức" not in out   # the partner's lines are not missing a rate
    rows = [line.split() for line in out.splitlines() if "phía bạn chi" in line and line.split()[0] in ("1", "3")]
    assert len(rows) == len(PARTNER_LINES)   # one per partner line of --lines, with no rate and no amount
    assert "tự chi phần của mình, không tính vào tổng" in " ".join(out.split())   # the partner keeps its row by payer
    assert cli.main(["--db", str(db_path), "budget", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == {"payer": "quangtri", "estimate": str(FEDERATION), "estimate_settled": None, "actual": None, "difference": None, "complete": True}
    theirs = [ln for ln in data["lines"] if ln["partner"]]
    assert {(ln["seq"], ln["item"], ln["role"]) for ln in theirs} == PARTNER_LINES
    assert all(ln["amount"] is None and ln["rate"] is None for ln in theirs)
    assert sum(Decimal(ln["amount"]) for ln in data["lines"] if not ln["partner"]) == FEDERATION
    assert {row["payer"]: row["partner"] for row in data["payers"]} == {"savannakhet": True, "quangtri": False}


def test_the_same_figure_in_every_workbook_formula(hand, tmp_path):
    from openpyxl import load_workbook

    book = load_workbook(export_plan(hand, fmt="xlsx", output=tmp_path, today=TODAY))
    for sheet in book.worksheets[1:]:
        (total,) = formulas(sheet)
        # summed() reads the referenced cells and refuses any that is not a number or "—": the range
        # covers the federation's rows only, the partner's "phía bạn chi" rows stand below it.
        assert summed(sheet, total.value) == FEDERATION, sheet.title
        assert "Tổng LĐLĐ tỉnh Quảng Trị chi" in [c.value for c in sheet[total.row]], sheet.title
    lines = book["Dự toán theo khoản chi"]
    rows = list(lines.iter_rows(values_only=True))
    assert sum(1 for r in rows if r[5] == "phía bạn chi") == len(PARTNER_LINES)
    # the table's name, not its code; an officer's figure says so in the rule column
    transport = next(r for r in rows if r[0] == 1 and r[2] == "Đi lại")
    assert transport[8] == "Công tác ngắn hạn tại Lào (Thông tư 140/2025/TT-BTC)"
    assert transport[9] == "định mức do cán bộ nhập (chưa đối chiếu)"
    document = load_workbook(export_document(hand, "budget.xlsx", None, output=tmp_path, today=TODAY)).active
    (total,) = formulas(document)
    assert summed(document, total.value) == FEDERATION


@pytest.mark.parametrize("lang, label, figure", [("vi", "Tổng LĐLĐ tỉnh Quảng Trị chi", "183.300.000 ₫"),
                                                 ("en", "Total paid by Quang Tri Confederation of Labour", "₫183,300,000")])
def test_the_same_figure_in_the_pdfs(hand, tmp_path, lang, label, figure):
    text = text_of(export_plan(hand, output=tmp_path, today=TODAY, budget=True, lang=lang))
    appendix = text[text.index({"vi": "DỰ TOÁN KINH PHÍ", "en": "BUDGET ESTIMATE"}[lang]):]
    assert appendix.count(f"{label} {figure}") == 5   # the estimate's table and the four groupings
    assert {"vi": "phía bạn chi", "en": "paid by the partner"}[lang] in appendix
    estimate = text_of(export_document(hand, "budget", None, lang=lang, output=tmp_path, today=TODAY))
    assert f"{label} {figure}" in estimate


def test_the_total_names_the_federation_from_the_registry(hand):
    from delegations.budget.view import BudgetView

    home = hand.home()
    hand.repo.save_organisation(replace(home, short_name=Text.of(vi="Liên đoàn Lao động Quảng Trị")))
    view = BudgetView(hand.budgeting.report(), hand.wording("vi"))
    assert {s.total_label for s in view.sections()} == {"Tổng Liên đoàn Lao động Quảng Trị chi"}


def test_an_actual_cost_entered_for_a_partner_line_is_shown_not_counted(hand, tmp_path):
    """The officer's records are of what the federation spent: a figure entered for the Lao host's
    lodging is shown in a note and kept apart, out of the federation's spending and difference."""
    from delegations.budget.view import BudgetView

    d = hand.delegation(hand.plan().id, 1)
    costs = (ActualCost("lodging", Money(Decimal(5_000_000), "VND")), ActualCost("transport", Money(Decimal(12_000_000), "VND")))
    hand.save_delegation(d.evolve(status=Status.DONE, outcome=Outcome(date(2020, 2, 28), date(2020, 3, 3), 10, costs)))
    report = hand.budgeting.report()
    overall = report.compare(lambda x: "all")["all"]
    assert overall.actual == Money(Decimal(12_000_000), "VND")   # the transport only
    assert [(s.item, s.payer, a.amount) for s, a in report.partner_actual] == [("lodging", "savannakhet", Decimal(5_000_000))]
    assert report.as_dict()["partner_actual"] == [{"seq": 1, "item": "lodging", "payer": "savannakhet", "amount": "5000000"}]
    notes = [n.replace("\u00a0", " ") for n in BudgetView(report, hand.wording("vi")).notes()]
    assert any(n.startswith("Đoàn số 1: đã ghi chi 5.000.000 ₫ cho khoản Tiền thuê phòng nghỉ, khoản do LHCĐ tỉnh Savannakhet chi")
               for n in notes), [n for n in notes if "Đoàn số 1" in n]
    # the settlement shows it apart; its total is the federation's spending, 12,000,000
    text = text_of(export_document(hand, "settlement", None, output=tmp_path, today=TODAY))
    assert "Đoàn số 1: đã ghi chi 5.000.000 ₫ cho khoản Tiền thuê phòng nghỉ" in text
    import re   # the whole plan's estimate, that of the delegation that spent, then the spending

    assert re.search(r"Tổng LĐLĐ tỉnh Quảng Trị chi 183\.300\.000 ₫ [\d.]+ ₫ 12\.000\.000 ₫", text), text


async def test_the_same_figure_on_the_budget_screen(hand, make_app):
    from ui_support import open_screen

    hand.close()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_screen(pilot, "b")
        shown = " ".join(str(app.screen.shown).replace("\u00a0", " ").split())
    assert shown.count("Tổng LĐLĐ tỉnh Quảng Trị chi 183.300.000 ₫") == 4   # by delegation, year, payer, funding
    assert "LHCĐ tỉnh Savannakhet tự chi phần của mình, không tính vào tổng" in shown
    assert "chưa đủ" not in shown and "chưa có định mức" not in shown
