"""The table follows the law's dates (TT 35/2026 Art. 35.4, TT 140/2025 in force
14/02/2026) and a provincial cap lowers, never raises, a line (Art. 33)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from delegations.budget.service import BudgetError
from delegations.budget.view import BudgetView
from delegations.domain import Approval, Basis, Money, Timing

ON = date(2026, 11, 23)


def vnd(n) -> Money:
    return Money(Decimal(n), "VND")


def dated(planner, seq: int, approved: date | None, start: date, days: int = 4):
    d = planner.delegation(planner.plan().id, seq)
    approval = Approval("15/QĐ-LĐLĐ", approved) if approved else None
    return d.evolve(approval=approval, timing=Timing(start.year, start=start, end=start + timedelta(days=days - 1)))


def choice(planner, d, on=None):
    report = planner.budgeting.report(on=on, delegations=[d])
    return report, report.choices[d.seq]


def test_inbound_approved_before_18_5_2026_and_starting_after_keeps_tt71(planner):
    d = dated(planner, 3, date(2026, 5, 10), date(2026, 5, 20))
    report, chosen = choice(planner, d, on=ON)   # even when the plan is priced in November
    assert chosen.table.code == "tt71-2018-c" and chosen.basis is Basis.TRANSITION
    assert chosen.newer.code == "tt35-2026-c" and chosen.on == date(2026, 5, 10)
    note = " ".join(BudgetView(report, planner.wording("en")).notes())
    assert "approved on 10/5/2026, before Circular 35/2026/TT-BTC took effect on 18/5/2026: priced by Circular 71/2018/TT-BTC" in note
    assert "Điều 35.4" in note


def test_inbound_approved_and_started_before_18_5_2026_is_tt71_by_its_approval(planner):
    d = dated(planner, 3, date(2026, 4, 2), date(2026, 5, 4))
    _, chosen = choice(planner, d, on=ON)
    assert chosen.table.code == "tt71-2018-c" and chosen.basis is Basis.APPROVAL


def test_inbound_approved_on_20_5_2026_is_tt35(planner):
    d = dated(planner, 3, date(2026, 5, 20), date(2026, 6, 1))
    report, chosen = choice(planner, d, on=date(2026, 1, 1))  # the plan's own date does not decide an approved delegation
    assert chosen.table.code == "tt35-2026-c" and chosen.basis is Basis.APPROVAL
    # priced at TT 35's class C figures: leader 3 nights x 4,300,000 + 9 members x 3 x 3,000,000 + 10 x 4 days x 1,600,000
    assert report.by_payer()["quangtri"] == vnd(12_900_000 + 81_000_000 + 64_000_000)
    assert "Delegation 3: approved on 20/5/2026, priced by Circular 35/2026/TT-BTC, in force that day" in \
        BudgetView(report, planner.wording("en")).notes()


def test_outbound_in_march_2026_is_tt140_and_its_laos_rows_are_empty_and_unverified(planner):
    d = dated(planner, 1, date(2026, 3, 2), date(2026, 3, 16))
    report, chosen = choice(planner, d)
    assert chosen.table.code == "tt140-2025-laos"
    assert chosen.table.replaces == "tt102-2012-laos" and not chosen.table.verified
    assert chosen.table.rate("per_diem", "all").amount is None and chosen.table.rate("lodging", "leader").amount is None
    # a trip approved a year earlier, under TT 102/2012, stays there
    _, older = choice(planner, dated(planner, 1, date(2025, 3, 2), date(2025, 3, 16)))
    assert older.table.code == "tt102-2012-laos"


def test_not_approved_is_priced_by_the_date_asked(planner):
    d = dated(planner, 3, None, date(2026, 5, 20))
    _, chosen = choice(planner, d, on=date(2026, 5, 1))
    assert chosen.table.code == "tt71-2018-c" and chosen.basis is Basis.DATE


def test_provincial_cap_lowers_a_line_and_is_cited(planner):
    b = planner.budgeting
    b.set_table_rate("tt35-2026-c", "transport", "all", "1200000")
    before = b.report(on=ON, model="reciprocal").by_delegation()[3]
    assert before == vnd(157_900_000)   # the federation's lines: the Lao sender's transport is its own
    b.set_provincial_cap("tt35-2026-c", "lodging", "member", "2500000", "Nghị quyết 05/2026/NQ-HĐND")
    report = b.report(on=ON, model="reciprocal")
    # 9 members x 3 nights x (3,000,000 - 2,500,000) = 13,500,000 less
    assert report.by_delegation()[3] == vnd(157_900_000 - 13_500_000)
    row = report.tables["tt35-2026-c"].rate("lodging", "member")
    assert row.amount == vnd(2_500_000) and row.capped_by == "Nghị quyết 05/2026/NQ-HĐND"
    assert report.tables["tt35-2026-c"].rate("lodging", "leader").amount == vnd(4_300_000)  # other lines untouched
    notes = BudgetView(report, planner.wording("en")).notes()
    assert any("Lodging, members: provincial cap" in n and "05/2026/NQ-HĐND" in n for n in notes)


@pytest.mark.parametrize("amount", ["3500000", "3000001"])
def test_provincial_cap_never_raises_and_names_the_line(planner, db_path, amount):
    before = db_path.read_bytes()
    with pytest.raises(BudgetError) as err:
        planner.budgeting.set_provincial_cap("tt35-2026-c", "lodging", "member", amount, "Nghị quyết 05/2026/NQ-HĐND")
    text = err.value.render()
    assert "tt35-2026-c lodging/member" in text and "3000000 VND" in text
    assert db_path.read_bytes() == before
    assert planner.budgeting.tables()["tt35-2026-c"].rate("lodging", "member").amount == vnd(3_000_000)


# --- hand-worked lines: seed delegation 3 (inbound, 1 leader + 9 members, 4 days), TT 35/2026 class C ---

def lines_of(planner, model):
    d = dated(planner, 3, date(2026, 6, 1), date(2026, 6, 10))   # approved 1/6/2026: TT 35/2026
    report = planner.budgeting.report(model=model, delegations=[d])
    assert report.choices[3].table.code == "tt35-2026-c"
    return d, {(ln.item, ln.role): (ln, amount) for ln, amount in zip(report.budget.lines, report.budget.amounts)}


def test_lodging_is_counted_per_night_with_its_rule(planner):
    _, lines = lines_of(planner, "reciprocal")
    leader, amount = lines[("lodging", "leader")]
    assert (leader.quantity, amount) == (Decimal(3), vnd(12_900_000))        # 1 x 3 nights x 4,300,000
    members, amount = lines[("lodging", "member")]
    assert (members.quantity, amount) == (Decimal(27), vnd(81_000_000))     # 9 x 3 nights x 3,000,000
    assert "theo đêm" in leader.article and "35/2026/TT-BTC" in leader.article


def test_one_banquet_at_a_days_meal_rate_and_the_other_meal_at_half(planner):
    _, lines = lines_of(planner, "norms")
    banquet, amount = lines[("banquet", "all")]
    assert (banquet.quantity, banquet.rate, amount) == (Decimal(10), vnd(1_600_000), vnd(16_000_000))   # once, 10 guests
    meals, amount = lines[("meals", "all")]
    # 10 x (3 full days + the banquet day at 50 %) x 1,600,000 = 56,000,000
    assert (meals.quantity, amount) == (Decimal("35.0"), vnd(56_000_000))
    assert "chiêu đãi một lần" in banquet.article and "50%" in meals.article
    # without a banquet (reciprocal hosting names no reception) the four days are whole
    _, plain = lines_of(planner, "reciprocal")
    assert plain[("meals", "all")][1] == vnd(64_000_000)


def test_article_16_guests_pay_board_and_lodging(planner):
    d, lines = lines_of(planner, "art16")
    guests, host = d.sender("quangtri"), "quangtri"
    expected = {   # item -> (payer, amount): the guests' board and lodging is theirs, not priced at our caps
        ("lodging", "leader"): (guests, None), ("lodging", "member"): (guests, None),
        ("meals", "all"): (guests, None),
        ("refreshments", "all"): (host, 9_600_000),           # 10 x 4 days x 2 half-days x 120,000
        ("banquet", "all"): (host, 16_000_000), ("gifts", "all"): (host, 10_000_000),
        ("interpreting", "all"): (host, 12_000_000),          # 4 days x 4 hours x 750,000
    }
    for key, (payer, amount) in expected.items():
        line, got = lines[key]
        assert (line.payer, got) == (payer, None if amount is None else vnd(amount)), key
        assert line.partner == (payer == guests) and (line.rate is None) == (payer == guests), key
        assert "Điều 16" in line.article, key
    assert lines[("transport", "all")][0].payer == guests and lines[("transport", "all")][0].partner
    # the federation's total: 9,600,000 + 16,000,000 + 10,000,000 + 12,000,000; nothing of the guests' is missing
    report = planner.budgeting.report(model="art16", delegations=[d])
    assert report.budget.total() == vnd(47_600_000) and report.budget.unpriced() == ()


def test_article_18_guests_pay_all_but_the_refreshments(planner):
    d, lines = lines_of(planner, "art18")
    host_lines = {key for key, (ln, _) in lines.items() if ln.payer == "quangtri"}
    assert host_lines == {("refreshments", "all")}
    # every other line is the guests': no amount, in no total; the federation's is the refreshments only
    assert all(ln.partner and amount is None for key, (ln, amount) in lines.items() if key not in host_lines)
    assert lines[("refreshments", "all")][1] == vnd(9_600_000)
    assert all("Điều 18" in ln.article for ln, _ in lines.values())


# --- estimated and spent ---

def done(planner):
    from delegations.domain import ActualCost, Outcome, Status

    d = dated(planner, 3, date(2026, 6, 1), date(2026, 6, 10))
    costs = (ActualCost("lodging", vnd(90_000_000)), ActualCost("meals", vnd(60_000_000)))
    return d.evolve(status=Status.DONE, outcome=Outcome(date(2026, 6, 10), date(2026, 6, 13), 10, costs))


def test_estimate_actual_and_difference_per_delegation_payer_year(planner):
    report = planner.budgeting.report(model="reciprocal", delegations=[done(planner)])
    # estimate: lodging 12,900,000 + 81,000,000, meals 64,000,000 (transport not priced) = 157,900,000
    # actual: 90,000,000 + 60,000,000 = 150,000,000 -> 7,900,000 under the estimate
    c = report.compare(lambda x: x.seq)[3]
    assert (c.estimate, c.actual, c.difference) == (vnd(157_900_000), vnd(150_000_000), vnd(-7_900_000))
    assert report.compare(lambda x: x.payer)["quangtri"].actual == vnd(150_000_000)
    assert report.compare(lambda x: x.year)[2026].difference == vnd(-7_900_000)
    assert report.compare(lambda x: (x.payer, x.funding))[("quangtri", "union_budget")].actual == vnd(150_000_000)
    view = BudgetView(report, planner.wording("en"))
    by_delegation = view.comparisons()[0]
    assert by_delegation.rows[0][0] == "Delegation 3" and "7,900,000" in by_delegation.rows[0][4]


def test_budget_json_for_scripts(planner, db_path, capsys):
    import json

    from delegations import cli

    d = done(planner)   # within the seed plan's years: approved 1/3/2022, so TT 71/2018, whose figures are not entered
    planner.save_delegation(d.evolve(approval=Approval("9/QĐ-LĐLĐ", date(2022, 3, 1)),
                                     timing=Timing(2022, start=date(2022, 3, 10), end=date(2022, 3, 13))))
    assert cli.main(["--db", str(db_path), "--lang", "en", "budget", "--json", "--model", "reciprocal"]) == 0
    data = json.loads(capsys.readouterr().out)
    row = next(r for r in data["delegations"] if r["seq"] == 3)
    assert row["table"] == "tt71-2018-c" and row["basis"] == "approval" and row["chosen_on"] == "2022-03-01"
    assert (row["estimate"], row["actual"], row["difference"]) == (None, "150000000", None)   # unknown, not 0
    assert data["currency"] == "VND" and data["total"]["complete"] is False
    assert data["total"]["actual"] == "150000000" and not data["tables"]["tt71-2018-c"]["verified"]
    assert any(ln["item"] == "lodging" and "theo đêm" in ln["article"] and ln["seq"] == 3 for ln in data["lines"])


# --- guest class ---

def test_guest_class_c_is_proposed_for_a_provincial_union_and_the_officer_confirms_another(planner):
    d = dated(planner, 3, date(2026, 6, 1), date(2026, 6, 10))
    assert planner.budgeting.guest_class(d) == ("C", False)
    report, chosen = choice(planner, d)
    assert chosen.table.code == "tt35-2026-c" and not chosen.confirmed
    assert "Delegation 3: guest class C proposed, not confirmed" in BudgetView(report, planner.wording("en")).notes()
    planner.budgeting.set_guest_class(None, 3, "B")
    d = dated(planner, 3, date(2026, 6, 1), date(2026, 6, 10))
    assert d.guest_class == "B" and planner.budgeting.guest_class(d) == ("B", True)
    report = planner.budgeting.report(model="norms", delegations=[d])
    assert report.choices[3].table.code == "tt35-2026-b"
    lines = {(ln.item, ln.role): a for ln, a in zip(report.budget.lines, report.budget.amounts)}
    assert lines[("lodging", "leader")] == vnd(3 * 7_700_000) and lines[("lodging", "member")] == vnd(27 * 4_800_000)
    assert lines[("meals", "all")] == vnd(35 * 2_000_000)                # the banquet day at 50 %
    assert lines[("banquet", "all")] == vnd(10 * 2_000_000)              # one day's meal rate of class B
    assert lines[("gifts", "leader")] == vnd(1_800_000) and lines[("gifts", "member")] == vnd(9 * 1_000_000)


def test_guest_class_is_refused_when_unknown_or_for_a_trip_abroad(planner):
    with pytest.raises(BudgetError) as err:
        planner.budgeting.set_guest_class(None, 3, "D")
    assert "A, B, C or other" in err.value.render()
    with pytest.raises(BudgetError) as err:
        planner.budgeting.set_guest_class(None, 1, "C")
    assert "abroad" in err.value.render()


def test_a_delegation_not_done_is_not_counted_as_a_saving(planner):
    four = dated(planner, 4, date(2026, 6, 1), date(2026, 6, 20))   # approved, not done: estimate only
    report = planner.budgeting.report(model="reciprocal", delegations=[done(planner), four])
    year = report.compare(lambda x: x.year)[2026]
    assert year.estimate == vnd(2 * 157_900_000) and year.actual == vnd(150_000_000)
    assert year.difference == vnd(-7_900_000)   # delegation 3's own: 150,000,000 - 157,900,000
    assert report.compare(lambda x: x.seq)[4].difference is None
    assert report.as_dict()["total"]["difference"] == "-7900000"
