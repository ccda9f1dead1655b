from datetime import date
from decimal import Decimal

import pytest

from delegations.domain import (
    CostLine, DayRange, Delegation, Direction, Leader, Money, Period, Plan, Text, Timing,
    check_delegation, fold, nfc,
)
from delegations.domain.money import CurrencyMismatch

PLAN = Plan(id="p", title=Text.of("Kế hoạch"), period=Period(2020, 2022), issuer="home")


def make(**changes) -> Delegation:
    base = Delegation(
        id="x", plan_id="p", seq=1, direction=Direction.OUTBOUND, partner="savannakhet",
        name=Text.of("Đoàn"), leader=Leader(Text.of("Chủ tịch")), members=10,
        duration=DayRange(3, 4), timing=Timing(2020),
        cost_lines=(CostLine("board_lodging", "savannakhet"), CostLine("transport", "home", "union_budget")),
    )
    return base.evolve(**changes)


def fields(d):
    return [p.field for p in check_delegation(d, PLAN, {"savannakhet"}, "home")]


def test_valid_delegation_has_no_problems():
    assert fields(make()) == []


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"members": 0}, "members"),
        ({"duration": DayRange(5, 3)}, "duration"),
        ({"timing": Timing(2023)}, "timing"),
        ({"timing": Timing(2020, start=date(2019, 12, 30), end=date(2020, 1, 2))}, "timing"),
        ({"timing": Timing(2021, month=13)}, "timing"),
        ({"partner": "champasak"}, "partner"),
        ({"cost_lines": (CostLine("transport", "home"), CostLine("transport", "savannakhet"))}, "cost_lines"),
        ({"cost_lines": (CostLine("transport", "someone_else"),)}, "cost_lines"),
        ({"name": Text()}, "name"),
    ],
)
def test_each_rule_names_its_field(changes, field):
    assert field in fields(make(**changes))


def test_messages_carry_the_values():
    [p] = check_delegation(make(duration=DayRange(5, 3)), PLAN, {"savannakhet"}, "home")
    assert p.render() == "The minimum number of days (5) is more than the maximum (3)."


def test_timing_kinds():
    assert Timing(2021).last_day() == date(2021, 12, 31)
    assert Timing(2024, month=2).last_day() == date(2024, 2, 29)
    assert Timing(2021, start=date(2021, 5, 3), end=date(2021, 5, 6)).kind == "dates"
    assert list(Timing(2021, start=date(2021, 12, 30), end=date(2022, 1, 2)).years()) == [2021, 2022]


def test_search_folding_ignores_diacritics_and_tone_placement():
    assert fold("Quảng Trị") == "quang tri"
    assert fold("hoà") == fold("hòa") == fold("HOA") == "hoa"
    assert fold("Thỏa thuận") == fold("Thoả thuận")
    assert fold("Đoàn  LĐLĐ") == "doan ldld"
    # Lao marks carry meaning and stay; the two spellings of AM are one.
    assert fold("ກຳມະບານ") == fold("ກໍາມະບານ")
    assert fold("ກຳ") != fold("ກາ")


def test_text_is_nfc_and_falls_back_to_vietnamese():
    decomposed = "Qua\u0309ng Tri\u0323"
    t = Text.of(decomposed)
    assert t.get("vi") == nfc(decomposed) == "Quảng Trị"
    assert t.get("lo") == "Quảng Trị"
    assert t.get("lo", fallback=False) == ""
    assert Text.of(vi="a", lo="ກ").get("lo") == "ກ"


def test_money_is_decimal_with_currency():
    a = Money(Decimal("1000.4"), "VND")
    assert (a + Money(Decimal("0.2"), "VND")).rounded() == Money(Decimal("1001"), "VND")
    assert (Money(Decimal("1.005"), "USD")).rounded().amount == Decimal("1.01")
    with pytest.raises(CurrencyMismatch):
        a + Money(Decimal(1), "LAK")
    with pytest.raises(TypeError):
        Money(1.5, "VND")
    with pytest.raises(TypeError):
        a * 1.5


def test_totals_per_direction_and_year_count_a_visit_across_new_year_in_both():
    from datetime import date

    from delegations.domain import DayRange, Delegation, Direction, Leader, Text, Timing, totals

    def make(direction, timing, members, days):
        return Delegation(id="x", plan_id="p", seq=1, direction=direction, partner="savannakhet", name=Text.of("n"),
                          leader=Leader(Text.of("l")), members=members, duration=DayRange(*days), timing=timing)

    t = totals([
        make(Direction.OUTBOUND, Timing(2020), 10, (3, 4)),
        make(Direction.INBOUND, Timing(2021, start=date(2021, 12, 30), end=date(2022, 1, 2)), 7, (4, 4)),
    ])
    assert (t.all.delegations, t.all.people, t.all.min_days, t.all.max_days) == (2, 17, 7, 8)
    assert t.by_direction[Direction.INBOUND].people == 7
    assert {y: v.delegations for y, v in t.by_year.items()} == {2020: 1, 2021: 1, 2022: 1}
