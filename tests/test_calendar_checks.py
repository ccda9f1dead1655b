"""The built-in calendar checks (plugin ``calendar_checks``, hook ``validate_schedule``):
the holidays the officer plans around, named in each language, dates written as the
language writes them, and a plugin that can be turned off. Every date is fixed."""

from __future__ import annotations

import json
from datetime import date

import holidays
import pytest

from delegations import i18n
from delegations.cli import main
from delegations.domain import Timing
from delegations.holiday_data import EVENTS, public_holidays, translated


def _dated(planner, seq, start, end):
    d = planner.delegation("2020-2022", seq)
    planner.save_delegation(d.evolve(timing=Timing(start.year, start=start, end=end)))
    return planner.delegation("2020-2022", seq)


def _warnings(planner, d, lang):
    i18n.set_language(lang)
    try:
        return [i18n.describe(p) for p in planner.check(d) if p.severity == "warning" and p.field == "timing"]
    finally:
        i18n.set_language("vi")


@pytest.mark.parametrize(("start", "end", "lang", "named"), [
    (date(2021, 11, 18), date(2021, 11, 20), "en", "Boun That Luang Festival"),  # That Luang 2021: 19 November
    (date(2021, 11, 18), date(2021, 11, 20), "lo", "ວັນບຸນທາດຫລວງ"),
    (date(2021, 11, 18), date(2021, 11, 20), "vi", "Lễ hội That Luang"),
    (date(2022, 4, 29), date(2022, 5, 2), "vi", "Ngày Quốc tế Lao động"),  # 30/4-1/5
    (date(2022, 4, 29), date(2022, 5, 2), "en", "Liberation Day/Reunification Day"),
    (date(2021, 9, 1), date(2021, 9, 3), "vi", "Quốc khánh"),  # 2/9
    (date(2021, 12, 1), date(2021, 12, 3), "vi", "Quốc khánh Lào"),  # Lao National Day, 2/12
    (date(2022, 4, 13), date(2022, 4, 15), "vi", "Tết Bun Pi Mai"),
    (date(2022, 1, 31), date(2022, 2, 2), "lo", "ບຸນເຕັດ"),  # Tết 2022 named in Lao
])
def test_a_visit_over_a_holiday_is_warned_by_its_name(planner, start, end, lang, named):
    d = _dated(planner, 1, start, end)
    assert any(named in m for m in _warnings(planner, d, lang)), _warnings(planner, d, lang)


def test_that_luang_is_a_lao_occasion_on_its_day():
    found = [o for o in public_holidays([2024]) if o.name.get("en") == "Boun That Luang Festival"]
    assert [(o.start, o.end, o.country) for o in found] == [(date(2024, 11, 15), date(2024, 11, 15), "LA")]
    assert found[0].name.get("lo") == "ວັນບຸນທາດຫລວງ" and found[0].name.get("vi") == "Lễ hội That Luang (Bun That Luang)"


def test_the_warnings_write_dates_as_the_documents_do(planner):
    d = _dated(planner, 1, date(2022, 4, 13), date(2022, 4, 16))
    _dated(planner, 3, date(2022, 4, 15), date(2022, 4, 17))
    for lang in ("vi", "lo", "en"):
        messages = _warnings(planner, d, lang)
        assert len(messages) == 2 and all("13/4/2022" in m and "16/4/2022" in m for m in messages[:1]), messages
        assert "15/4/2022" in messages[1] and "17/4/2022" in messages[1]
        assert not any("2022-04" in m for m in messages)


def _english_names(country: str) -> set[str]:
    years = range(2015, 2031)
    names = {n for v in holidays.country_holidays(country, years=years, language="en_US").values() for n in v.split("; ")}
    if country in EVENTS:
        category, wanted = EVENTS[country]
        names |= {n for v in holidays.country_holidays(country, years=years, language="en_US", categories=(category,)).values()
                  for n in v.split("; ") if n in wanted}
    return names


@pytest.mark.parametrize(("country", "lang"), [("VN", "lo"), ("LA", "vi")])
def test_every_holiday_name_the_package_gives_has_a_translation(country, lang):
    """Vietnam's holidays in Lao and Laos's in Vietnamese come from the catalogs: none is left in English."""
    names = _english_names(country)
    assert len(names) >= 8
    untranslated = sorted(n for n in names if translated(n, lang) == n or "Day" in translated(n, lang))
    assert untranslated == []


def test_a_vietnamese_holiday_is_named_in_lao_under_lo(planner):
    d = _dated(planner, 1, date(2022, 4, 29), date(2022, 5, 3))  # with the days off in lieu (a weekend)
    messages = " ".join(_warnings(planner, d, "lo"))
    assert "ວັນປົດປ່ອຍພາກໃຕ້" in messages and "ວັນກຳມະກອນສາກົນ" in messages
    assert "Liberation" not in messages and "Labor" not in messages and "Day off" not in messages


def _validate(db_path, capsys) -> dict:
    capsys.readouterr()
    main(["--db", str(db_path), "--lang", "en", "validate", "--plan", "2020-2022", "--json"])
    return json.loads(capsys.readouterr().out)


def test_the_calendar_checks_are_a_plugin_that_can_be_turned_off(planner, db_path, capsys, monkeypatch):
    _dated(planner, 1, date(2022, 4, 13), date(2022, 4, 15))
    _dated(planner, 3, date(2022, 4, 14), date(2022, 4, 16))
    planner.close()
    on = [p["message"] for p in _validate(db_path, capsys)["problems"] if p["field"] == "timing"]
    assert any("Lao New Year" in m for m in on) and any("overlaps delegation 3" in m for m in on)
    monkeypatch.setenv("DELEGATIONS_DISABLE_PLUGINS", "calendar_checks")
    off = [p["message"] for p in _validate(db_path, capsys)["problems"] if p["field"] == "timing"]
    assert off == []
    capsys.readouterr()
    assert main(["--db", str(db_path), "plugins", "--json"]) == 0
    assert "calendar_checks" not in {p["name"] for p in json.loads(capsys.readouterr().out)["plugins"]}
