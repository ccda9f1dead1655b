"""Dates that matter: holidays of both countries and the officer's dates as warnings,
overlapping visits and leaders, deadlines from their rules, and the plan as an
iCalendar file read back with the library. Every date is fixed."""

from __future__ import annotations

import json
from datetime import date

import pytest
from icalendar import Calendar

from delegations import i18n
from delegations.cli import main
from delegations.deadline_settings import add_date
from delegations.domain import Leader, Outcome, Status, Text, Timing
from delegations.domain.deadlines import DEFAULT_RULES, due_items, select_due
from delegations.exporting import export_plan


def _dated(planner, seq, start, end, **changes):
    d = planner.delegation("2020-2022", seq)
    d = d.evolve(timing=Timing(start.year, start=start, end=end), **changes)
    planner.save_delegation(d)
    return planner.delegation("2020-2022", seq)


def _messages(planner, d, lang):
    i18n.set_language(lang)
    try:
        return [p.render(i18n.gettext) for p in planner.check(d) if p.severity == "warning"]
    finally:
        i18n.set_language("vi")


def test_visits_over_bun_pi_mai_2022_and_tet_are_warned_by_name(planner):
    lao_new_year = _dated(planner, 1, date(2022, 4, 13), date(2022, 4, 16))
    tet = _dated(planner, 2, date(2022, 1, 30), date(2022, 2, 2))
    quiet = _dated(planner, 3, date(2022, 3, 15), date(2022, 3, 17))
    assert any("ບຸນປີໃໝ່ລາວ" in m for m in _messages(planner, lao_new_year, "lo"))
    assert any("Lao New Year" in m for m in _messages(planner, lao_new_year, "en"))
    assert any("Tết Bun Pi Mai" in m and "Lào" in m for m in _messages(planner, lao_new_year, "vi"))
    tet_vi = [m for m in _messages(planner, tet, "vi") if "Tết Nguyên Đán" in m]
    assert len(tet_vi) == 1 and "Mùng hai" not in tet_vi[0]  # the days of Tết named once
    assert _messages(planner, quiet, "en") == []
    assert not any(p.severity == "error" for p in planner.check(tet))  # warnings, not errors: it saves


def test_the_officers_own_dates_two_visits_at_once_and_a_leader_in_two_places(planner, db_path):
    leader = Leader(Text.of("Chủ tịch"), "Nguyễn Văn An")
    a = _dated(planner, 1, date(2022, 3, 1), date(2022, 3, 4), leader=leader)
    b = _dated(planner, 3, date(2022, 3, 3), date(2022, 3, 5), leader=Leader(Text.of("Chủ tịch"), "nguyen van an"))
    add_date(planner.repo, date(2022, 3, 4), date(2022, 3, 6), "Đại hội Công đoàn tỉnh")
    msgs = _messages(planner, b, "en")
    assert any("delegation 1" in m and "overlaps" in m for m in msgs)
    assert any("Nguyễn Văn An" not in m and "leads delegation 1" in m for m in msgs)
    assert any("Đại hội Công đoàn tỉnh" in m for m in msgs)
    assert any("delegation 3" in m for m in _messages(planner, a, "en"))


def test_the_results_report_falls_from_a_done_visits_end_date(planner):
    d = _dated(planner, 1, date(2022, 4, 4), date(2022, 4, 7))
    d = d.evolve(status=Status.DONE, outcome=Outcome(date(2022, 4, 4), date(2022, 4, 8), 9))
    items = due_items([d], DEFAULT_RULES, [2023])  # the plan for 2023 is due on 2022-12-15
    report = [i for i in items if i.rule.code == "results_report"]
    assert [i.due for i in report] == [date(2022, 4, 23)]  # 15 days after the real last day
    shown = select_due(items, date(2022, 4, 25), within=30)
    assert shown[0].rule.code == "results_report" and shown[0].due < date(2022, 4, 25)  # overdue first
    assert [i.rule.code for i in select_due(items, date(2022, 4, 25), 365)] == ["results_report", "yearly_plan"]
    assert [i.rule.code for i in select_due(items, date(2022, 4, 25), 365, met={shown[0].key})] == ["yearly_plan"]


def test_due_command_lists_overdue_first_and_follows_a_changed_rule(planner, db_path, capsys):
    d = _dated(planner, 1, date(2022, 4, 4), date(2022, 4, 8))
    planner.save_delegation(d.evolve(status=Status.DONE, outcome=Outcome(date(2022, 4, 4), date(2022, 4, 8), 9)))
    _dated(planner, 3, date(2022, 5, 20), date(2022, 5, 22))  # inbound: the application is due 5 days before
    planner.close()
    capsys.readouterr()
    assert main(["--db", str(db_path), "due", "--today", "2022-05-01", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["rule"], r["due"], r["overdue"]) for r in rows if r["seq"]] == [
        ("results_report", "2022-04-23", True), ("reception_application", "2022-05-15", False)]
    assert main(["--db", str(db_path), "deadlines", "set", "results_report", "10"]) == 0
    assert main(["--db", str(db_path), "due", "--today", "2022-05-01", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert [r["due"] for r in rows if r["rule"] == "results_report"] == ["2022-04-18"]
    assert main(["--db", str(db_path), "deadlines", "set", "results_report", "ten"]) != 0
    assert "ten" in capsys.readouterr().err


def test_the_ics_file_holds_every_dated_visit_and_deadline_and_reimports_without_duplicates(planner, tmp_path):
    _dated(planner, 1, date(2022, 4, 13), date(2022, 4, 16))
    _dated(planner, 3, date(2022, 9, 20), date(2022, 9, 22))
    first = export_plan(planner, fmt="ics", output=tmp_path / "a", today=date(2022, 1, 5))
    cal = Calendar.from_ical(first.read_bytes())
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    visits = {u: (e.decoded("dtstart"), e.decoded("dtend")) for u, e in events.items() if "/visit@" in u}
    assert visits == {"d001/visit@delegations.ldld-quangtri": (date(2022, 4, 13), date(2022, 4, 17)),
                      "d003/visit@delegations.ldld-quangtri": (date(2022, 9, 20), date(2022, 9, 23))}
    deadlines = {u.split("@")[0]: e.decoded("dtstart") for u, e in events.items() if "/visit@" not in u}
    assert deadlines["d001/proposal"] == date(2022, 3, 29)
    assert deadlines["d003/reception_application"] == date(2022, 9, 15)
    assert {deadlines[f"year-{y}/yearly_plan"] for y in (2020, 2021, 2022)} == {date(2019, 12, 15), date(2020, 12, 15), date(2021, 12, 15)}
    assert len(events) == len(cal.walk("VEVENT"))  # every UID once

    # the officer imports the file, then a later export: a calendar keyed by UID updates, never duplicates
    second = export_plan(planner, fmt="ics", output=tmp_path / "b", today=date(2022, 2, 1))
    store: dict[str, object] = {}
    for path in (first, second, second):
        for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            store[str(e["uid"])] = e
    assert len(store) == len(events)


def test_a_bad_date_range_for_own_dates_is_a_message_not_a_crash(db_path, capsys):
    status = main(["--db", str(db_path), "--lang", "en", "dates", "add", "2025-13-40", "Congress"])
    err = capsys.readouterr().err
    assert status == 2
    assert "Traceback" not in err and "2025-13-40" in err
