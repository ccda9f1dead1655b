"""Faults a user found in the command line and the budget: the summary adding up every
plan, a rate stored for an unknown item, options between positional arguments, one
missing exchange rate blocking every budget output, the difference column, the unit
of interpreting, and notes in the wrong language or wording."""

from __future__ import annotations

import json

import pytest

from delegations.cli import main
from delegations.defaults import default_data
from delegations.services import Planner
from delegations.store.storage import dumps

ADD = ["add", "--direction", "outbound", "--partner", "savannakhet", "--name", "Đoàn ra thử", "--leader-position", "Phó Chủ tịch",
       "--members", "5", "--from", "2022-10-03", "--to", "2022-10-06"]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.json"
    path.write_text(dumps(default_data()), encoding="utf-8")
    return path


def run(db, capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(["--db", str(db), *args])
    except SystemExit as exc:  # argparse refuses the command line itself
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def delegation(db, seq, plan=None):
    with Planner.open(db, writable=False) as p:
        return p.delegation(p.plan(plan).id, seq)


# --- 1. summary: the current plan (or --plan) only; an empty year in one line ------------------
def test_summary_counts_the_current_plan_only_not_a_plan_imported_again(db, capsys):
    code, before, _ = run(db, capsys, "summary", "--year", "2022")
    assert code == 0 and "2 / 0 / 0" in before
    assert run(db, capsys, "plan", "new", "2022-2024", "--title", "Nhập lại")[0] == 0
    assert run(db, capsys, "add", *ADD[1:])[0] == 0
    assert run(db, capsys, "plan", "use", "2020-2022")[0] == 0
    code, out, _ = run(db, capsys, "summary", "--year", "2022")
    assert code == 0 and out == before          # the other plan's delegation is not added in
    code, out, _ = run(db, capsys, "summary", "--year", "2022", "--plan", "2022-2024")
    assert code == 0 and "1 / 0 / 0" in out and "2 / 0 / 0" not in out


def test_a_year_without_delegations_is_one_line_not_an_empty_table(db, capsys):
    code, out, _ = run(db, capsys, "summary")
    assert code == 0
    block = out.split("Số liệu năm 2021")
    assert len(block) == 1, out                 # no table for 2021
    assert "Không có đoàn nào năm 2021." in out or "2021" in out
    assert out.count("Số liệu năm") == 2         # 2020 and 2022


# --- 2. a rate for a cost item that does not exist -----------------------------------------------
@pytest.mark.parametrize("lang, word", [("vi", "breakfast"), ("en", "breakfast"), ("lo", "breakfast")])
def test_a_rate_for_an_unknown_item_is_refused_naming_it_and_the_items(db, capsys, lang, word):
    code, out, err = run(db, capsys, "--lang", lang, "rate", "1", "breakfast", "3500000", "VND")
    assert code == 2, out + err
    assert "breakfast" in err and "lodging" in err and "interpreting" in err
    assert delegation(db, 1).rates == ()
    code, out, err = run(db, capsys, "rate", "1", "lodging", "3500000", "VND")
    assert code == 0 and delegation(db, 1).rates[0].item == "lodging"


# --- 3. options between positional arguments -------------------------------------------------------
def test_rates_set_takes_its_role_between_the_item_and_the_amount(db, capsys):
    code, out, err = run(db, capsys, "rates", "set", "tt140-2025-laos", "lodging", "--role", "member", "70")
    assert code == 0, err
    assert "tt140-2025-laos lodging/member: — → 70 USD" in out


def test_text_takes_its_language_before_the_text(db, capsys):
    code, out, err = run(db, capsys, "text", "3", "invitation", "--in", "lo", "ຂໍຮຽນເຊີນ")
    assert code == 0, err
    assert delegation(db, 3).text_for("invitation").get("lo") == "ຂໍຮຽນເຊີນ"


def test_roster_programme_and_rate_take_options_between_their_arguments(db, capsys):
    code, _out, err = run(db, capsys, "roster", "3", "--plan", "2020-2022", "add", "--role", "deputy", "Nguyễn Văn An")
    assert code == 0, err
    assert [(p.name, p.role) for p in delegation(db, 3).roster] == [("Nguyễn Văn An", "deputy")]
    code, _out, err = run(db, capsys, "programme", "1", "--plan", "2020-2022", "add", "--time", "08:30", "28/2/2020", "Đón đoàn")
    assert code == 0, err
    assert [(i.time, i.activity.get("vi")) for i in delegation(db, 1).programme] == [("08:30", "Đón đoàn")]
    code, _out, err = run(db, capsys, "rate", "1", "lodging", "--role", "member", "3500000", "VND")
    assert code == 0, err
    assert [(o.item, o.role, str(o.amount.amount)) for o in delegation(db, 1).rates] == [("lodging", "member", "3500000")]
    code, _out, err = run(db, capsys, "list", "quang", "--year", "2020", "tri")
    assert code == 0, err


def test_an_argument_not_understood_says_where_options_go(db, capsys):
    code, _out, err = run(db, capsys, "show", "1", "2")
    assert code == 2
    assert "không hiểu tham số: 2" in err and "--help" in err


# --- 4. one missing exchange rate does not block the budget nor the workbook -----------------------
def test_a_missing_exchange_rate_leaves_its_lines_unpriced_and_names_the_fx_command(db, capsys, tmp_path):
    assert run(db, capsys, "rates", "set", "tt140-2025-laos", "transport", "50")[0] == 0   # USD, no fx entered
    code, out, err = run(db, capsys, "budget", "--lines")
    assert code == 0, err
    assert "delegations fx USD VND TỶ_GIÁ" in out and "delegations fx USD VND TỶ_GIÁ" in err
    assert "50,00\u00a0US$" in out                # the line keeps its rate, its amount is "—"
    assert "(chưa đủ)" in out                     # the totals are incomplete
    assert "157.900.000\u00a0₫" in out            # what can be priced is priced
    code, out, err = run(db, capsys, "budget", "--json")
    data = json.loads(out)
    assert code == 0 and data["missing_exchange_rates"] == [{"source": "USD", "target": "VND"}]
    assert data["total"]["complete"] is False and data["total"]["estimate"] == "315800000"
    transport = [ln for ln in data["lines"] if ln["item"] == "transport" and not ln["partner"]]
    assert transport and all(ln["rate"] == "50" and ln["amount"] is None for ln in transport)
    for extra in (["--format", "xlsx"], ["--budget"]):
        code, out, err = run(db, capsys, "export", *extra, "--output", str(tmp_path), "--force")
        assert code == 0, err
        assert "delegations fx USD VND" in err
    assert run(db, capsys, "fx", "USD", "VND", "25000", "--date", "2026-01-01")[0] == 0
    code, out, err = run(db, capsys, "budget")
    assert code == 0 and "fx USD" not in out + err and "(chưa đủ)" in out   # the support row is still empty


# --- 5. the difference beside the estimate of the delegations that spent ------------------------------
@pytest.fixture
def settled(planner):
    """Delegation 3 approved 1/3/2022 (TT 71/2018, members' lodging 2,500,000), done, lodging spent 90,000,000;
    delegation 4 not done, priced by TT 35/2026."""
    from datetime import date
    from decimal import Decimal

    from delegations.domain import ActualCost, Approval, Money, Outcome, Status
    from delegations.domain.delegation import Timing

    d = planner.delegation(planner.plan().id, 3)
    planner.save_delegation(d.evolve(
        approval=Approval("9/QĐ-LĐLĐ", date(2022, 3, 1)), timing=Timing(2022, start=date(2022, 3, 10), end=date(2022, 3, 13)),
        status=Status.DONE, outcome=Outcome(date(2022, 3, 10), date(2022, 3, 13), 10, (ActualCost("lodging", Money(Decimal(90_000_000), "VND")),))))
    planner.budgeting.set_table_rate("tt71-2018-c", "lodging", "member", "2500000")
    return planner


def test_the_difference_is_set_beside_the_estimate_of_the_delegations_that_spent(settled, db_path, capsys, monkeypatch):
    from delegations.budget.view import BudgetView

    report = settled.budgeting.report()
    view = BudgetView(report, settled.wording("vi"))
    (row,) = view.comparisons()[2].rows    # by paying organisation: the federation
    label, whole, of_settled, actual, difference = (cell.replace("\u00a0", " ") for cell in row)
    assert of_settled == "67.500.000 ₫" and actual == "90.000.000 ₫" and difference == "22.500.000 ₫"
    assert whole != of_settled             # delegation 4's estimate is in the whole plan's, not beside the actual
    settled.close()
    monkeypatch.setenv("COLUMNS", "200")   # the headings whole on one line
    code, out, err = run(db_path, capsys, "budget")
    assert code == 0, err
    assert "Dự toán (toàn kế hoạch)" in out and "Dự toán các đoàn đã quyết toán" in out
    data = json.loads(run(db_path, capsys, "budget", "--json")[1])
    assert data["total"]["estimate_settled"] == "67500000" and data["total"]["difference"] == "22500000"


def test_the_plans_settlement_workbook_sums_the_difference_as_a_formula(settled, db_path, capsys, tmp_path):
    from openpyxl import load_workbook
    from test_xlsx_export import summed

    settled.close()
    code, out, err = run(db_path, capsys, "export", "--document", "settlement", "--format", "xlsx", "--output", str(tmp_path))
    assert code == 0, err
    sheet = load_workbook(out.strip().splitlines()[-1]).active
    header = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "TT")
    assert list(header[2:6]) == ["Dự toán (toàn kế hoạch)", "Dự toán các đoàn đã quyết toán", "Thực tế", "Chênh lệch"]
    sums = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=SUM(")]
    assert [c.column_letter for c in sums] == ["C", "D", "E", "F"]
    assert [summed(sheet, c.value) for c in sums[1:]] == [67500000, 90000000, 22500000]
    assert summed(sheet, sums[0].value) > 67500000


# --- 6. interpreting is priced per hour ----------------------------------------------------------------
def test_interpreting_is_listed_per_hour_with_its_quantity_in_hours(db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(db, capsys, "rates")
    lines = [ln for ln in out.splitlines() if "interpreting/all" in ln]
    assert lines and all("mỗi giờ" in ln and "mỗi ngày" not in ln for ln in lines)
    code, out, _ = run(db, capsys, "budget", "--model", "norms", "--lines")
    assert code == 0 and "Phiên dịch, theo giờ" in out


# --- 7. notes in the reader's language and words ----------------------------------------------------
def test_rate_notes_in_english_and_lao_have_no_vietnamese_words_but_the_citation(planner):
    from delegations.budget.view import BudgetView

    report = planner.budgeting.report()
    for lang in ("en", "lo"):
        notes = " ".join(BudgetView(report, planner.wording(lang)).notes())
        assert " ngày " not in notes and " của " not in notes, notes
    vi = BudgetView(report, planner.wording("vi")).notes()
    assert any("tính theo định mức" in n or "Thông tư" in n for n in vi)
    planner.budgeting.set_table_rate("tt140-2025-laos", "transport", "all", "50")
    planner.budgeting.set_exchange_rate("USD", "VND", "25000", __import__("datetime").date(2026, 1, 1))
    from delegations.domain import Approval

    d = planner.delegation(planner.plan().id, 1)
    planner.save_delegation(d.evolve(approval=Approval("1/QĐ", __import__("datetime").date(2026, 3, 1))))
    notes = BudgetView(planner.budgeting.report(), planner.wording("vi")).notes()
    assert "Đoàn số 1: được duyệt ngày 1/3/2026, tính theo Thông tư 140/2025/TT-BTC có hiệu lực ngày đó" in notes


@pytest.mark.parametrize("lang, expected", [
    ("vi", "Tỷ giá: 0 không phải là tỷ giá dùng được: phải nằm trong khoảng 0,000001 đến 1.000.000."),
    ("en", "Exchange rate: 0 is not a usable exchange rate: it must be between 0.000001 and 1,000,000."),
])
def test_an_exchange_rate_out_of_bounds_is_named_as_one_with_the_languages_numbers(db, capsys, lang, expected):
    code, _out, err = run(db, capsys, "--lang", lang, "fx", "USD", "VND", "0")
    assert code == 1 and expected in err, err


def test_no_deputy_note_for_a_delegation_whose_lodging_the_partner_pays(db, capsys):
    assert run(db, capsys, "roster", "1", "add", "Lê Văn Phó", "--role", "deputy")[0] == 0
    code, out, _ = run(db, capsys, "budget")   # delegation 1 goes to Savannakhet, which lodges it
    assert code == 0 and "phó trưởng đoàn" not in out


def test_a_cancelled_delegation_keeps_its_place_in_the_list_by_delegation(db, capsys):
    assert run(db, capsys, "status", "2", "cancelled", "--reason", "Dịch bệnh")[0] == 0
    code, out, _ = run(db, capsys, "budget")
    by_delegation = out.split("Theo đoàn")[1].split("Tổng")[0]
    seqs = [line.split()[2] for line in by_delegation.splitlines() if line.strip().startswith("Đoàn số")]
    assert seqs == ["1", "2", "3", "4"], by_delegation
    assert "Đoàn số 2" in by_delegation and "đã hủy" in by_delegation


def test_a_commands_usage_keeps_its_translated_prefix_whole(db, capsys):
    code, out, _err = run(db, capsys, "rates", "--help")
    assert code == 0 and out.startswith("cách dùng: delegations rates ")
    code, _out, err = run(db, capsys, "roster", "1", "add", "--role", "boss", "An")
    assert code == 2 and "cách dùng: delegations roster " in err and "ng: ng:" not in err and ": ng: " not in err
