"""The budget's loose ends: the year's summary counts the federation's spending as the
budget does, and the hand-worked fixture of ``test_budget_payers`` (delegation 1, outbound
to Savannakhet in 2020, the Lao host paying its lodging) is reused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from delegations import cli, lifecycle
from delegations.domain import ActualCost, Direction, Money, Outcome, Status
from test_budget_payers import hand  # noqa: F401 - the fixture

VND = "VND"


def _done_with_a_partner_actual(planner):
    """Delegation 1 done: 5,000,000 entered for the lodging the Lao host pays, 12,000,000 for
    the transport the federation pays."""
    d = planner.delegation(planner.plan().id, 1)
    costs = (ActualCost("lodging", Money(Decimal(5_000_000), VND)), ActualCost("transport", Money(Decimal(12_000_000), VND)))
    planner.save_delegation(d.evolve(status=Status.DONE, outcome=Outcome(date(2020, 2, 28), date(2020, 3, 3), 10, costs)))
    return planner.delegation(planner.plan().id, 1)


def test_the_summary_counts_as_spent_what_the_budget_counts(hand):  # noqa: F811
    _done_with_a_partner_actual(hand)
    budget_spent = hand.budgeting.report().compare(lambda x: "all")["all"].actual
    row = next(r for r in lifecycle.summary(hand, 2020, VND).rows if r.direction is Direction.OUTBOUND)
    assert budget_spent == Money(Decimal(12_000_000), VND)
    assert row.spent == budget_spent   # not 17,000,000: the Lao host's lodging is not the federation's spending


def test_the_summary_command_shows_the_federations_spending(hand, db_path, capsys):  # noqa: F811
    _done_with_a_partner_actual(hand)
    hand.close()
    assert cli.main(["--db", str(db_path), "summary", "--year", "2020"]) == 0
    out = capsys.readouterr().out.replace("\u00a0", " ")
    assert "12.000.000" in out and "17.000.000" not in out


# --- TT 71/2018 cites nothing of TT 35/2026 ---------------------------------------------------

def _tables():
    from pathlib import Path

    import delegations
    from delegations.budget.tables import load_table

    return {t.code: t for t in map(load_table, sorted((Path(delegations.__file__).parent / "data" / "rates").glob("*.json")))}


def test_the_old_circulars_gift_lines_are_empty_unverified_and_cite_no_figure_of_the_new_one():
    """The reference has no figure of TT 71/2018 (its gifts included): its gift rows stay empty,
    unverified, and their rule names no amount (2,600,000 / 1,800,000 / 1,000,000 are TT 35/2026's)."""
    import re

    amount = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
    tables = _tables()
    old = [t for code, t in tables.items() if code.startswith("tt71-2018")]
    assert len(old) == 4
    for table in old:
        gifts = [r for r in table.rates if r.item == "gifts"]
        assert gifts, table.code
        for r in gifts:
            assert r.amount is None and not r.verified, (table.code, r.role)
            assert "chưa tìm thấy" in r.article, (table.code, r.article)
        for r in table.rates:   # no row of the old table borrows a figure
            said = [r.article, *(r.article_text.get(lang) for lang in ("vi", "lo", "en"))] if r.article_text else [r.article]
            assert not any(amount.search(text) for text in said), (table.code, r.item, r.role, said)
    new = tables["tt35-2026-a"].rate("gifts", "leader")
    assert new.amount == Money(Decimal(2_600_000), VND)   # the new circular keeps its own figure


# --- a provincial cap on the page rate lowers the Lao surcharge -------------------------------

def test_a_capped_page_rate_lowers_the_lao_surcharge_computed_from_it(planner):
    """Delegation 3, class C, 12 pages, priced by TT 35/2026 (approved 1/6/2026). The province
    caps the page rate at 300,000: the Lao surcharge (up to 30 % of the page rate) becomes
    30 % x 300,000 = 90,000 a page, not the 108,000 of the circular's 360,000:
    pages 12 x 300,000 = 3,600,000; surcharge 12 x 90,000 = 1,080,000 (was 1,296,000)."""
    from test_budget_rules import priced, seed3, vnd

    b = planner.budgeting
    b.set_provincial_cap("tt35-2026-c", "translation", "all", "300000", "Nghị quyết 05/2026/NQ-HĐND")
    table = b.table("tt35-2026-c")
    assert table.rate("translation_lao", "all").amount == vnd(90_000)
    assert table.rate("translation_lao", "all").capped_by == "Nghị quyết 05/2026/NQ-HĐND"
    _, lines = priced(planner, seed3(planner, pages=12))
    page, amount = lines[("translation", "all")]
    assert (page.rate, amount) == (vnd(300_000), vnd(3_600_000))
    lao, amount = lines[("translation_lao", "all")]
    assert (lao.quantity, lao.rate, amount) == (Decimal(12), vnd(90_000), vnd(1_080_000))


def test_a_surcharge_capped_lower_than_its_share_keeps_its_own_cap(planner):
    """The surcharge capped at 50,000 by the province stays 50,000 when the page rate is capped
    at 300,000 (30 % of it, 90,000, is higher); a cap on another row leaves it at 108,000."""
    from test_budget_rules import vnd

    b = planner.budgeting
    b.set_provincial_cap("tt35-2026-c", "lodging", "member", "2500000", "Nghị quyết 05/2026/NQ-HĐND")
    assert b.table("tt35-2026-c").rate("translation_lao", "all").amount == vnd(108_000)
    b.set_provincial_cap("tt35-2026-c", "translation_lao", "all", "50000", "Nghị quyết 05/2026/NQ-HĐND")
    b.set_provincial_cap("tt35-2026-c", "translation", "all", "300000", "Nghị quyết 05/2026/NQ-HĐND")
    assert b.table("tt35-2026-c").rate("translation_lao", "all").amount == vnd(50_000)


# --- an actual cost entered for the partner's item: warned at entry, still stored -----------

WARNING_VI = "Tiền thuê phòng nghỉ: khoản này phía bạn chi theo dự toán; số thực chi sẽ không tính vào phần của LĐLĐ."


def _approved(planner):
    from delegations.domain import Approval

    d = planner.delegation(planner.plan().id, 1)
    d, _ = lifecycle.change_status(planner, d, Status.PROPOSED, date(2026, 10, 1))
    lifecycle.change_status(planner, d, Status.APPROVED, date(2026, 11, 1), lifecycle.StatusFacts(Approval("5/QĐ", date(2026, 11, 1))))


def test_the_status_command_warns_of_an_actual_cost_entered_for_the_partners_item(hand, db_path, capsys):  # noqa: F811
    _approved(hand)
    hand.close()
    capsys.readouterr()
    assert cli.main(["--db", str(db_path), "status", "1", "done", "--from", "2020-02-28", "--to", "2020-03-03", "--members", "10",
                     "--cost", "lodging=5000000", "--cost", "transport=12000000"]) == 0
    err = capsys.readouterr().err
    assert WARNING_VI in err
    assert "Vận chuyển" not in err and err.count("phía bạn chi") == 1   # the transport is the federation's: no warning
    assert cli.main(["--db", str(db_path), "--lang", "en", "status", "1", "done", "--correct", "--from", "2020-02-28", "--to",
                     "2020-03-03", "--members", "10", "--cost", "lodging=5000000"]) == 0
    assert "Lodging: this item is the partner side's per the estimate" in capsys.readouterr().err


def test_the_warning_in_every_language_and_the_cost_is_kept(hand):  # noqa: F811
    from delegations import i18n

    _approved(hand)
    d = hand.delegation(hand.plan().id, 1)
    costs = (ActualCost("lodging", Money(Decimal(5_000_000), VND)), ActualCost("transport", Money(Decimal(12_000_000), VND)))
    d, problems = lifecycle.change_status(hand, d, Status.DONE, date(2020, 3, 3),
                                          lifecycle.StatusFacts(outcome=Outcome(date(2020, 2, 28), date(2020, 3, 3), 10, costs)))
    warned = [p for p in problems if p.field == "cost"]
    assert len(warned) == 1 and warned[0].severity == "warning"
    shown = {}
    for lang in ("vi", "lo", "en"):
        i18n.set_language(lang)
        shown[lang] = i18n.describe(warned[0])
    i18n.set_language("vi")
    assert shown["vi"] == WARNING_VI
    assert "ຝ່າຍເພື່ອນ" in shown["lo"] and "{item}" not in shown["lo"]
    assert shown["en"].startswith("Lodging: this item is the partner side's")
    stored = hand.delegation(hand.plan().id, 1).outcome.costs
    assert [(c.item, c.amount.amount) for c in stored] == [("lodging", Decimal(5_000_000)), ("transport", Decimal(12_000_000))]


async def test_the_life_screen_says_whose_item_it_is_and_warns_when_saved(hand, make_app):  # noqa: F811
    from textual.widgets import Input, Label

    _approved(hand)
    hand.close()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")   # delegation 1
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert str(screen.query_one("#s_est_lodging", Label).render()) == "phía bạn chi"
        assert "dự toán" in str(screen.query_one("#s_est_transport", Label).render())
        for field, typed in (("s_from", "28/2/2020"), ("s_to", "3/3/2020"), ("s_members", "10")):
            screen.query_one(f"#{field}", Input).value = typed
        screen.query_one("#s_cost_lodging", Input).value = "5000000"
        screen.query_one("#s_cost_transport", Input).value = "12000000"
        await pilot.pause()
        screen.change_status()
        await pilot.pause()
        message = str(screen.query_one("#life-message").render())
        d = app.planner.delegation(app.planner.plan().id, 1)
    assert d.status is Status.DONE and {c.item for c in d.outcome.costs} == {"lodging", "transport"}
    assert WARNING_VI in " ".join(message.split())
