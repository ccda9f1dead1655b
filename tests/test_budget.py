"""Budgets of the seed plan under both built-in cost models, worked by hand; and
properties of the arithmetic (hypothesis)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from delegations.budget.service import BudgetError
from delegations.domain import (
    Budget, DayRange, Delegation, Direction, ExchangeRate, Leader, Money, Rate, RateOverride, RateTable, Side, Text,
    Timing, Unit,
)
from delegations.domain.budget import convert, estimate

ON = date(2026, 11, 23)  # after 18/5/2026: Thông tư 35/2026 applies to receiving delegations


def vnd(n) -> Money:
    return Money(Decimal(n), "VND")


@pytest.fixture
def filled(planner):
    """The seed plan with the officer's figures: the open rows of the outbound table and
    of TT 35's transport row, and one exchange rate."""
    b = planner.budgeting
    b.set_table_rate("tt140-2025-laos", "per_diem", "all", "40")
    b.set_table_rate("tt140-2025-laos", "transport", "all", "50")
    b.set_table_rate("tt140-2025-laos", "support", "all", "500")
    b.set_table_rate("tt140-2025-laos", "gifts", "all", "120.50")
    b.set_table_rate("tt35-2026-c", "transport", "all", "1200000")
    b.set_exchange_rate("USD", "VND", "25400", date(2026, 11, 1))
    return planner


def test_seed_plan_under_reciprocal_hosting(filled):
    report = filled.budgeting.report(on=ON, model="reciprocal")
    # Delegations 1 and 2 (outbound, 10 people, 3-4 days -> priced at 4 days), TT 140/2025 table in USD:
    #   board and lodging: paid by the Lao host -> the partner's line: no amount, not missing either
    #   transport   10 people x 50 USD = 500 USD
    #   support      1 x 500 USD       = 500 USD
    #   = 1,000 USD x 25,400 = 25,400,000 VND each
    # Delegations 3 and 4 (inbound, 10 people: 1 leader + 9 members, 4 days), TT 35 class C in VND:
    #   lodging, leader   1 x 3 nights x 4,300,000 = 12,900,000   (4 days: 3 nights)
    #   lodging, members  9 x 3 nights x 3,000,000 = 81,000,000
    #   meals            10 x 4 x 1,600,000        = 64,000,000   -> 157,900,000 paid by Quảng Trị
    #   transport        10 x 1,200,000: paid by the Lao sender -> its own line, not priced at our rate
    #   = 157,900,000 each, the federation's
    assert report.by_delegation() == {1: vnd(25_400_000), 2: vnd(25_400_000), 3: vnd(157_900_000), 4: vnd(157_900_000)}
    assert report.by_year() == {2020: vnd(50_800_000), 2022: vnd(315_800_000)}
    # Quảng Trị: 2 x 25,400,000 + 2 x 157,900,000 = 366,600,000; the partners price nothing of theirs here
    assert report.by_payer() == {"savannakhet": None, "quangtri": vnd(366_600_000), "salavan": None}
    assert report.by_funding()[("quangtri", "union_budget")] == vnd(366_600_000)
    assert report.budget.total() == vnd(366_600_000)
    assert report.budget.unpriced() == ()  # the Lao hosts' lodging is theirs: not a missing rate
    assert {(ln.seq, ln.item) for ln in report.budget.partners()} == {
        (1, "lodging"), (2, "lodging"), (3, "transport"), (4, "transport")}
    assert set(report.tables) == {"tt140-2025-laos", "tt35-2026-c"}


def test_seed_plan_under_the_norm_based_estimate(filled):
    report = filled.budgeting.report(on=ON, model="norms")
    # Outbound (per delegation), USD:
    #   per diem   10 x 4 x 40 = 1,600     (paid by Quảng Trị: sender)
    #   transport  10 x 50     =   500
    #   support     1 x 500    =   500
    #   gifts       1 x 120.50 =   120.50
    #   = 2,720.50 USD; each line converted and rounded to whole dong:
    #   1,600 x 25,400 = 40,640,000; 500 x 25,400 = 12,700,000 (twice); 120.50 x 25,400 = 3,060,700
    #   = 69,100,700 VND
    # Inbound (per delegation), VND: reciprocal's lodging 93,900,000 and transport 12,000,000, and
    #   meals        10 x (3 days + the banquet day at 50 %) x 1,600,000 = 56,000,000 (not 64,000,000)
    #   refreshments 10 x 4 x 2 x 120,000 =  9,600,000
    #   banquet      10 x 1,600,000       = 16,000,000
    #   gifts        10 x 1,000,000       = 10,000,000
    #   interpreting  4 x 4 x 750,000     = 12,000,000
    #   = 197,500,000 paid by Quảng Trị (the transport, 12,000,000 at our rate, is the Lao sender's: not priced)
    assert report.by_delegation() == {1: vnd(69_100_700), 2: vnd(69_100_700), 3: vnd(197_500_000), 4: vnd(197_500_000)}
    assert report.budget.total() == vnd(2 * 69_100_700 + 2 * 197_500_000)
    assert report.by_payer()["quangtri"] == vnd(2 * 69_100_700 + 2 * 197_500_000)


def test_totals_in_another_currency_round_each_line_to_its_unit(filled):
    report = filled.budgeting.report(on=ON, model="reciprocal", currency="USD")
    # An inbound delegation's Quảng Trị lines, each converted and rounded:
    #   12,900,000 / 25,400 = 507.874... -> 507.87; 81,000,000 / 25,400 = 3,188.976... -> 3,188.98;
    #   64,000,000 / 25,400 = 2,519.685... -> 2,519.69; sum 6,216.54 (the sum of rounded lines)
    #   (the transport is the Lao sender's: not priced, not converted)
    assert report.by_delegation()[3] == Money(Decimal("6216.54"), "USD")
    assert report.by_delegation()[1] == Money(Decimal("1000.00"), "USD")


def test_plan_approved_before_18_may_2026_keeps_the_older_table(filled):
    early = filled.budgeting.report(on=date(2026, 5, 17), model="reciprocal")
    assert early.missing_fx == (("USD", "VND"),)   # the only exchange rate was entered later than that day
    assert early.by_delegation()[1] is None
    filled.budgeting.set_exchange_rate("USD", "VND", "25000", date(2026, 1, 2))
    report = filled.budgeting.report(on=date(2026, 5, 17), model="reciprocal")
    assert report.by_delegation()[1] == vnd(25_000_000)  # 1,000 USD at that day's 25,000
    assert "tt71-2018-c" in report.tables and "tt35-2026-c" not in report.tables
    # TT 71/2018's figures were not found: its rows are empty, so the inbound lines are not priced.
    assert report.by_delegation()[3] is None


def test_missing_exchange_rate_is_named_with_the_command_that_enters_it(planner):
    from delegations.budget.view import BudgetView

    planner.budgeting.set_table_rate("tt140-2025-laos", "transport", "all", "50")
    report = planner.budgeting.report(on=ON)   # the budget is made, its USD lines not converted
    assert report.missing_fx == (("USD", "VND"),)
    notes = BudgetView(report, planner.wording("vi")).notes()
    assert any("delegations fx USD VND" in note for note in notes)


@pytest.mark.parametrize("amount", ["abc", "-5", "1.200.000", "nan", "inf", "1e400", "1000000000001"])
def test_bad_amounts_are_refused_and_nothing_is_saved(planner, amount, db_path):
    from delegations.domain import ValidationError

    before = db_path.read_bytes()
    with pytest.raises((BudgetError, ValidationError)) as err:  # not a number / a number out of bounds, naming the row
        planner.budgeting.set_table_rate("tt35-2026-c", "transport", "all", amount)
    if isinstance(err.value, ValidationError):
        assert err.value.problems[0].field == "tt35-2026-c transport/all"
    assert db_path.read_bytes() == before


def test_unknown_table_row_names_the_rows(planner):
    with pytest.raises(BudgetError) as err:
        planner.budgeting.set_table_rate("tt35-2026-c", "taxi", "all", "5")
    assert "lodging/leader" in err.value.render()


def test_rate_above_the_cap_is_warned_with_cap_and_source(planner):
    d = planner.delegation(planner.plan().id, 3)
    problems = planner.save_delegation(d.evolve(rates=(RateOverride("lodging", "member", vnd(3_500_000)),)))
    warnings = [p.render() for p in problems if p.severity == "warning"]
    assert len(warnings) == 1
    assert "3.000.000" in warnings[0] and "Thông tư 35/2026/TT-BTC" in warnings[0]
    # the officer's rate is used: 9 x 3 nights x 3,500,000 = 94,500,000 instead of 81,000,000
    report = planner.budgeting.report(on=ON, model="reciprocal")
    assert report.by_delegation()[3] == vnd(157_900_000 + 13_500_000)


def test_shipped_rate_tables_say_their_source_validity_and_verification(planner):
    tables = planner.budgeting.tables()
    tt35, tt71, tt102 = tables["tt35-2026-c"], tables["tt71-2018-c"], tables["tt140-2025-laos"]
    assert tt35.valid_from == date(2026, 5, 18) and tt71.valid_to == date(2026, 5, 17)
    assert "35/2026/TT-BTC" in tt35.source and "102/2012/TT-BTC" in tt102.source
    assert not any(t.verified for t in tables.values())  # read from third-party copies: never presented as official
    assert tt35.rate("lodging", "leader").amount == vnd(4_300_000)
    assert tt102.rate("per_diem", "all").amount is None  # the Laos row was not found: the officer fills it in


# --- properties ---------------------------------------------------------------

TABLE = RateTable(
    code="t", label=Text.of("t"), source="test", direction="inbound", currency="VND", valid_from=None, valid_to=None,
    rates=(
        Rate("lodging", "board_lodging", Unit.PERSON_DAY, vnd(3_000_000), role="member"),
        Rate("lodging", "board_lodging", Unit.PERSON_DAY, vnd(4_300_000), role="leader"),
        Rate("meals", "board_lodging", Unit.PERSON_DAY, vnd(1_600_000)),
        Rate("refreshments", "reception", Unit.PERSON_DAY, vnd(120_000), per_day=Decimal(2)),
        Rate("gifts", "gifts", Unit.PERSON, vnd(1_000_000)),
        Rate("interpreting", "interpreting", Unit.DAY, vnd(750_000), per_day=Decimal(4)),
        Rate("support", "support", Unit.DELEGATION, Money(Decimal("500"), "USD"), side=Side.SENDER),
    ),
)
PER_PERSON = {("lodging", "member"), ("meals", "all"), ("refreshments", "all"), ("gifts", "all")}


def delegation(members: int, days: int) -> Delegation:
    return Delegation(id="x", plan_id="p", seq=1, direction=Direction.INBOUND, partner="savannakhet", name=Text.of("x"),
                      leader=Leader(Text.of("y")), members=members, duration=DayRange(max(1, days - 1), days), timing=Timing(2026))


members_st = st.integers(min_value=2, max_value=200)
days_st = st.integers(min_value=1, max_value=30)
rate_st = st.decimals(min_value=Decimal(1), max_value=Decimal(10_000), places=2)


@settings(max_examples=60, deadline=None)
@given(members_st, days_st, rate_st)
def test_total_is_the_sum_of_its_lines(members, days, usd_rate):
    lines = estimate(delegation(members, days), TABLE, "quangtri")
    budget = Budget.of(lines, "VND", [ExchangeRate("USD", "VND", usd_rate, ON)], ON)
    assert budget.total() == sum(budget.amounts, vnd(0))
    assert sum((v for v in budget.by(lambda ln: ln.payer).values()), vnd(0)) == budget.total()
    assert all(a.amount == a.amount.to_integral_value() for a in budget.amounts)  # whole dong


@settings(max_examples=60, deadline=None)
@given(members_st, days_st, st.integers(min_value=2, max_value=5))
def test_more_members_scale_per_person_lines_exactly(members, days, factor):
    before = {(ln.item, ln.role): ln for ln in estimate(delegation(members, days), TABLE, "quangtri")}
    after = {(ln.item, ln.role): ln for ln in estimate(delegation(members * factor, days), TABLE, "quangtri")}
    # members (all but the leader) grow from members-1 to members*factor-1; "all" rows from members to members*factor
    for key in PER_PERSON:
        people_before = members - 1 if key[1] == "member" else members
        people_after = members * factor - 1 if key[1] == "member" else members * factor
        assert after[key].amount.amount * people_before == before[key].amount.amount * people_after
    for key in (("lodging", "leader"), ("interpreting", "all"), ("support", "all")):
        assert after[key].amount == before[key].amount  # not per person


@settings(max_examples=60, deadline=None)
@given(members_st, days_st, rate_st)
def test_valid_input_never_gives_a_negative_total(members, days, usd_rate):
    budget = Budget.of(estimate(delegation(members, days), TABLE, "quangtri"), "USD",
                       [ExchangeRate("USD", "VND", usd_rate, ON)], ON)
    assert budget.total().amount > 0 and all(a.amount >= 0 for a in budget.amounts)


def test_conversion_uses_the_latest_rate_entered_on_or_before_the_day():
    rates = [ExchangeRate("USD", "VND", Decimal("25000"), date(2026, 1, 1)), ExchangeRate("USD", "VND", Decimal("25400"), date(2026, 11, 1)),
             ExchangeRate("USD", "VND", Decimal("26000"), date(2026, 12, 1))]
    assert convert(Money(Decimal("10"), "USD"), "VND", rates, date(2026, 11, 23)) == vnd(254_000)
    assert convert(Money(Decimal("10"), "USD"), "VND", rates, date(2026, 6, 1)) == vnd(250_000)
    # the inverse direction: 1,000,000 VND / 25,400 = 39.370... -> 39.37 USD
    assert convert(vnd(1_000_000), "USD", rates, date(2026, 11, 23)) == Money(Decimal("39.37"), "USD")


def test_pdf_appendix_has_the_budget_numbered_on_its_own(filled, tmp_path):
    import pypdfium2 as pdfium

    from delegations.exporting import export_plan

    path = export_plan(filled, output=tmp_path, today=ON, budget=True)
    doc = pdfium.PdfDocument(str(path))
    pages = [page.get_textpage().get_text_range() for page in doc]
    first = next(i for i, text in enumerate(pages) if "DỰ TOÁN KINH PHÍ" in text)
    assert "Phụ lục" in pages[first] and "Kèm theo Kế hoạch số …/KH-LĐLĐ ngày … tháng … năm …" in pages[first]
    appendix = "".join(pages[first:]).replace("\u00a0", " ")
    # The federation's own lines only (the Lao sender's transport and the Lao hosts' lodging are theirs):
    # 2 x 25,400,000 + 2 x 157,900,000 = 366,600,000, complete.
    for figure in ("25.400.000 ₫", "157.900.000 ₫", "366.600.000 ₫", "nguồn ngân sách công đoàn", "Thông tư 35/2026/TT-BTC",
                   "phía bạn chi", "Quảng Trị chi"):
        assert figure in appendix, figure
    assert first >= 3  # after the plan's own pages

    def top(i):
        w, h = doc[i].get_size()
        return doc[i].get_textpage().get_text_bounded(left=0, bottom=h - 20 * 2.835, right=w, top=h).strip()

    assert top(first) == ""  # the appendix's first page carries no number
    if len(doc) > first + 1:
        assert top(first + 1) == "2"


def test_the_officer_chooses_the_model_for_the_plan_or_one_delegation(planner, db_path):
    import json
    import subprocess
    import sys
    from dataclasses import replace

    plan = planner.plan()
    d = planner.delegation(plan.id, 3)
    assert planner.cost_model(d).code == "reciprocal"  # nobody chose: the partner's default
    planner.save_plan(replace(plan, cost_model="norms"))
    assert planner.cost_model(d).code == "norms"  # the plan's choice
    assert planner.cost_model(d.evolve(cost_model="reciprocal")).code == "reciprocal"  # the delegation's own
    planner.close()
    result = subprocess.run([sys.executable, "-m", "delegations.cli", "--db", str(db_path), "model", "reciprocal", "--seq", "4"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    stored = next(r for r in json.loads(db_path.read_text("utf-8"))["delegations"].values() if r["seq"] == 4)
    assert stored["cost_model"] == "reciprocal"
    assert [c["item"] for c in stored["cost_lines"]] == ["board_lodging", "transport"]


# --- the appendix is a document -------------------------------------------------

def test_lodging_is_counted_per_night():
    night = Rate("lodging", "board_lodging", Unit.PERSON_NIGHT, vnd(3_000_000), role="member")
    day = Rate("meals", "board_lodging", Unit.PERSON_DAY, vnd(1_600_000))
    table = replace(TABLE, rates=(night, day))
    for days, nights in ((4, 3), (1, 0), (2, 1)):
        lines = {ln.item: ln for ln in estimate(delegation(10, days), table, "quangtri")}
        assert lines["lodging"].quantity == 9 * nights  # 9 members, one fewer night than days
        assert lines["meals"].quantity == 10 * days



def test_shipped_tables_count_lodging_per_night(planner):
    tables = planner.budgeting.tables()
    assert {"tt35-2026-c", "tt71-2018-c", "tt140-2025-laos"} <= set(tables)
    for t in tables.values():
        assert all(r.unit is Unit.PERSON_NIGHT for r in t.rates if r.item == "lodging"), t.code


def appendix_text(planner, tmp_path, lang="vi") -> str:
    import pypdfium2 as pdfium

    from delegations.exporting import export_plan

    path = export_plan(planner, output=tmp_path, today=ON, budget=True, lang=lang, force=True)
    pages = [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(path))]
    first = next(i for i, text in enumerate(pages) if any(h in text for h in ("DỰ TOÁN KINH PHÍ", "BUDGET ESTIMATE", "ເອກະສານຊ້ອນທ້າຍ")))
    return "".join(pages[first:]).replace("\u00a0", " ").replace("\r\n", "\n")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_appendix_shows_unknown_amounts_as_unknown_and_gives_no_command(planner, tmp_path, lang):
    # Nothing of the outbound table is filled in: delegations 1 and 2 are not priced at all.
    text = appendix_text(planner, tmp_path, lang)
    assert "delegations rates set" not in text and "rates set" not in text  # a command belongs on the screen
    incomplete = {"vi": "(chưa đủ)", "en": "(incomplete)"}[lang]
    total = {"vi": "Tổng", "en": "Total"}[lang]
    # A total row's label ("Tổng LĐLĐ tỉnh Quảng Trị chi") may wrap in the estimate's narrow column: its figure's line counts.
    totals = [line for line in text.split("\n") if line.startswith(total) and "₫" in line]
    assert len(totals) >= 4 and all(incomplete in line for line in totals), totals
    assert not any(" 0 ₫" in line or "₫0" in line or line.rstrip().endswith(" 0") for line in totals)
    label = {"vi": "Đoàn số 1", "en": "Delegation 1"}[lang]
    delegation_1 = next(line for line in text.split("\n") if line.startswith(label))
    assert delegation_1[len(label):].strip().startswith("—")  # nothing priced: unknown, not 0
    # The screen still says how to fill the rates in.
    from delegations.budget.view import BudgetView

    view = BudgetView(planner.budgeting.report(on=ON), planner.wording(lang))
    assert any("delegations rates set" in note for note in view.notes())


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_appendix_cites_each_legal_source_once(filled, tmp_path, lang):
    text = " ".join(appendix_text(filled, tmp_path, lang).split())
    assert text.count("35/2026/TT-BTC") == 1
    assert text.count("140/2025/TT-BTC") == 1
    dated = {"vi": "ngày", "lo": "ລົງວັນທີ", "en": "dated"}[lang]   # the citation as written, "ngày" in the reader's language
    assert f"Thông tư 35/2026/TT-BTC {dated} 31/3/2026" in text  # the source, with its date


def test_appendix_numbers_delegations_as_the_plan_table_after_a_deletion(filled, tmp_path):
    plan = filled.plan()
    filled.delete_delegation(filled.delegation(plan.id, 2).id)  # TT 3 and 4 become 2 and 3
    from delegations.budget.view import BudgetView

    numbers = {d.seq: n for n, d in enumerate(filled.delegations(plan.id), 1)}
    view_lines = BudgetView(filled.budgeting.report(on=ON), filled.wording("vi"), numbers).lines()
    assert sorted({int(row[0]) for row in view_lines}) == [1, 2, 3]
    text = appendix_text(filled, tmp_path)
    assert "Đoàn số 3" in text and "Đoàn số 4" not in text
    rows = [line.split()[0] for line in text.split("\n") if line.split() and line.split()[0].isdigit()]
    assert "4" not in rows
