"""The circulars' rules added to the estimate, with hand-worked figures: a deputy head at
the deputy's lodging cap (TT 35/2026 classes A and B; a note where the class has none),
translation per page with the Lao surcharge, the co-organised model of Art. 27, and a
heading that says which date chose the rates of each delegation."""

from datetime import date, timedelta
from decimal import Decimal

from delegations import cli
from delegations.budget.view import BudgetView
from delegations.domain import Approval, CostLine, Money, Person, Timing

HOME = "quangtri"


def vnd(n) -> Money:
    return Money(Decimal(n), "VND")


def seed3(planner, *, guest_class="C", deputies=0, pages=0, approved=date(2026, 6, 1), **changes):
    """Seed delegation 3 (inbound from Savannakhet, 10 people) on 10–13/6/2026 (4 days, 3
    nights), approved 1/6/2026 (TT 35/2026), of *guest_class*, with a roster of a leader,
    *deputies* deputy heads and members, and *pages* to translate."""
    d = planner.delegation(planner.plan().id, 3)
    roles = ["leader"] + ["deputy"] * deputies + ["member"] * (9 - deputies)
    roster = tuple(Person(f"Người {k}", role=role) for k, role in enumerate(roles, 1))
    start = date(2026, 6, 10)
    return d.evolve(approval=Approval("15/QĐ-LĐLĐ", approved) if approved else None, guest_class=guest_class, roster=roster,
                    translation_pages=pages, timing=Timing(2026, start=start, end=start + timedelta(days=3)), **changes)


def priced(planner, d, model="norms", on=None):
    report = planner.budgeting.report(model=model, delegations=[d], on=on)
    return report, {(ln.item, ln.role): (ln, a) for ln, a in zip(report.budget.lines, report.budget.amounts)}


def test_a_deputy_head_of_a_class_a_delegation_is_lodged_at_the_deputys_cap(planner):
    report, lines = priced(planner, seed3(planner, guest_class="A", deputies=1))
    assert report.choices[3].table.code == "tt35-2026-a"
    leader, amount = lines[("lodging", "leader")]
    assert (leader.quantity, amount) == (Decimal(3), vnd(28_200_000))        # 1 x 3 nights x 9,400,000
    deputy, amount = lines[("lodging", "deputy")]
    assert (deputy.quantity, deputy.rate, amount) == (Decimal(3), vnd(7_700_000), vnd(23_100_000))   # 1 x 3 x 7,700,000
    members, amount = lines[("lodging", "member")]
    assert (members.quantity, amount) == (Decimal(24), vnd(144_000_000))     # 8 x 3 x 6,000,000
    assert "phó trưởng đoàn" in deputy.article and "7.700.000" in deputy.article and "35/2026/TT-BTC" in deputy.article
    assert lines[("meals", "all")][0].quantity == Decimal("35.0")            # meals are not split: 10 x 3.5 days
    assert not report.deputies_as_members
    view = BudgetView(report, planner.wording("vi"))
    assert view.item("lodging", "deputy") == "Tiền thuê phòng nghỉ, phó trưởng đoàn"


def test_without_deputies_there_is_no_deputy_line(planner):
    _, lines = priced(planner, seed3(planner, guest_class="A", deputies=0))
    assert ("lodging", "deputy") not in lines and lines[("lodging", "member")][0].quantity == Decimal(27)


def test_class_c_has_no_deputy_cap_and_the_budget_says_so(planner):
    report, lines = priced(planner, seed3(planner, guest_class="C", deputies=1))
    assert ("lodging", "deputy") not in lines
    members, amount = lines[("lodging", "member")]
    assert (members.quantity, amount) == (Decimal(27), vnd(81_000_000))     # 9 (the deputy among them) x 3 x 3,000,000
    assert report.deputies_as_members == {3: 1}
    notes = BudgetView(report, planner.wording("en")).notes(document=True)
    assert "Delegation 3: 1 deputy head priced as a member: Circular 35/2026/TT-BTC sets no separate rate for a deputy" in notes
    assert "classes A and B only" in report.tables["tt35-2026-c"].note


def test_translation_per_page_and_the_lao_surcharge(planner):
    report, lines = priced(planner, seed3(planner, pages=12))
    page, amount = lines[("translation", "all")]
    assert (page.quantity, page.rate, amount) == (Decimal(12), vnd(360_000), vnd(4_320_000))          # 12 x 360,000
    lao, amount = lines[("translation_lao", "all")]
    assert (lao.quantity, lao.rate, amount) == (Decimal(12), vnd(108_000), vnd(1_296_000))            # 12 x 30% x 360,000
    assert "300.000–360.000 đồng/trang" in page.article and "chưa đối chiếu" in page.article
    assert "30%" in lao.article and "tiếng Lào" in lao.article and "chưa đối chiếu" in lao.article
    assert page.payer == HOME  # the host pays translation with the interpreter (norm-based estimate)
    view = BudgetView(report, planner.wording("vi"))
    assert view.item("translation", "all") == "Biên dịch, theo trang"
    _, none = priced(planner, seed3(planner, pages=0))
    assert ("translation", "all") not in none and ("translation_lao", "all") not in none


def test_translation_pages_from_the_command_line(planner, db_path, capsys):
    planner.close()
    assert cli.main(["--db", str(db_path), "translation", "3", "12"]) == 0
    assert "12" in capsys.readouterr().out
    assert cli.main(["--db", str(db_path), "translation", "3", "-1"]) == 1   # out of range: refused, nothing saved
    assert cli.main(["--db", str(db_path), "translation", "3"]) == 0
    assert "12" in capsys.readouterr().out


def test_article_27_each_line_paid_by_the_side_agreed_and_the_rest_listed(planner):
    partner = planner.delegation(planner.plan().id, 3).partner
    agreed = (CostLine("board_lodging", HOME, "union_budget"), CostLine("transport", partner), CostLine("reception", partner))
    report, lines = priced(planner, seed3(planner, cost_lines=agreed), model="art27")
    expected = {   # item -> (payer, amount), TT 35/2026 class C, 10 people, 4 days, 3 nights, a banquet
        ("lodging", "leader"): (HOME, 12_900_000),           # 1 x 3 x 4,300,000
        ("lodging", "member"): (HOME, 81_000_000),           # 9 x 3 x 3,000,000
        ("meals", "all"): (HOME, 56_000_000),                # 10 x 3.5 days x 1,600,000 (the banquet day at 50 %)
        ("refreshments", "all"): (partner, None),            # the partner's as agreed: not priced at our caps
        ("banquet", "all"): (partner, None),
        ("transport", "all"): (partner, None),
    }
    assert set(lines) == set(expected)
    for key, (payer, amount) in expected.items():
        line, got = lines[key]
        assert (line.payer, got) == (payer, None if amount is None else vnd(amount)), key
        assert "Điều 27 Thông tư 35/2026/TT-BTC" in line.article and "chưa đối chiếu" in line.article, key
    assert report.budget.total() == vnd(12_900_000 + 81_000_000 + 56_000_000) and report.budget.unpriced() == ()
    assert report.unassigned == {3: ("gifts", "interpreting")}
    notes = BudgetView(report, planner.wording("en")).notes(document=True)
    assert any(n.startswith("Delegation 3, co-organised (Art. 27, Circular 35/2026): no side is named yet to pay gifts, interpreting")
               for n in notes)


def test_heading_says_which_date_chose_the_rates(planner):
    en = planner.wording("en")
    waiting = seed3(planner, approved=None)
    report = planner.budgeting.report(delegations=[waiting], on=date(2026, 6, 1))
    view = BudgetView(report, en)
    assert view.heading() == "Budget estimate, in VND, rates in force on 1/6/2026"
    assert "Delegation 3: not approved yet, priced at the rates in force on 1/6/2026, guest class C" in view.notes()
    approved = seed3(planner, approved=date(2026, 5, 10))        # before TT 35/2026: TT 71/2018 by Art. 35.4
    report = planner.budgeting.report(delegations=[approved], on=date(2026, 11, 23))
    view = BudgetView(report, en)
    assert view.heading() == "Budget estimate, in VND: each delegation at the rates its approval date selects (see the notes)"
    assert "1/11" not in view.heading() and "23/11/2026" not in view.heading()
    other = planner.delegation(planner.plan().id, 4)
    report = planner.budgeting.report(delegations=[approved, other], on=date(2026, 11, 23))
    view = BudgetView(report, en)
    assert view.heading() == ("Budget estimate, in VND: delegations not yet approved at the rates in force on 23/11/2026, "
                              "approved ones at the rates their approval date selects (see the notes)")
    notes = view.notes()
    assert any(n.startswith("Delegation 3: approved on 10/5/2026, before Circular 35/2026/TT-BTC took effect") for n in notes)
    assert "Delegation 4: not approved yet, priced at the rates in force on 23/11/2026, guest class C" in notes
