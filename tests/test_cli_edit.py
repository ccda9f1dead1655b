"""The command line covers the model: add, edit, delete, plan new/rename/delete, undo and
redo, and --json of list, show, validate and plans, all through ``cli.main``."""

from __future__ import annotations

import json

import pytest

from delegations.cli import main

FULL = ["add", "--direction", "inbound", "--partner", "salavan", "--name", "Đoàn LHCĐ tỉnh Salavan thăm Quảng Trị",
        "--name-lo", "ຄະນະຜູ້ແທນ ສຫກ ແຂວງສາລະວັນ", "--name-en", "Salavan FTU delegation", "--leader-position", "Chủ tịch LHCĐ tỉnh Salavan",
        "--leader-position-lo", "ປະທານ ສຫກ ແຂວງສາລະວັນ", "--leader-name", "Bounmy Phommachanh", "--leader-name-lo", "ບຸນມີ ພົມມະຈັນ",
        "--members", "7", "--from", "2024-03-12", "--to", "14/3/2024", "--activity", "Trao đổi kinh nghiệm",
        "--activity", "Thăm CĐCS", "--activity-lo", "ແລກປ່ຽນບົດຮຽນ", "--activity-lo", "ຢ້ຽມຢາມກຳມະບານຮາກຖານ",
        "--cost-line", "home:board_lodging:union_budget", "--cost-line", "partner:transport", "--cost-model", "reciprocal",
        "--note", "Chờ xác nhận ngày"]


def run(db_path, capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(["--db", str(db_path), "--lang", "en", *args])
    except SystemExit as exc:  # argparse refused an option
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def listed(db_path, capsys, *args) -> dict:
    code, out, _err = run(db_path, capsys, "list", "--json", *args)
    assert code == 0
    return json.loads(out)


@pytest.fixture
def plan_2023(db_path, capsys):
    code, out, err = run(db_path, capsys, "plan", "new", "2023-2025", "--title", "Kế hoạch hợp tác giai đoạn 2023-2025")
    assert code == 0, err
    assert "2023-2025" in out
    return "2023-2025"


def test_add_stores_every_field_and_list_json_shows_it(db_path, capsys, plan_2023):
    code, out, err = run(db_path, capsys, *FULL)
    assert code == 0, err
    assert "Added delegation 1 to plan 2023-2025" in out
    data = listed(db_path, capsys)
    assert data["plan"]["id"] == "2023-2025" and data["count"] == 1
    d = data["delegations"][0]
    assert d["seq"] == 1 and d["plan"] == "2023-2025" and d["direction"] == "inbound" and d["partner"] == "salavan"
    assert (d["sender"], d["host"]) == ("salavan", "quangtri")
    assert d["name"] == {"vi": "Đoàn LHCĐ tỉnh Salavan thăm Quảng Trị", "lo": "ຄະນະຜູ້ແທນ ສຫກ ແຂວງສາລະວັນ", "en": "Salavan FTU delegation"}
    assert d["leader"] == {"position": {"vi": "Chủ tịch LHCĐ tỉnh Salavan", "lo": "ປະທານ ສຫກ ແຂວງສາລະວັນ"},
                           "name": "Bounmy Phommachanh", "name_lo": "ບຸນມີ ພົມມະຈັນ"}
    assert d["members"] == 7 and d["days"] == {"min": 3, "max": 3}
    assert d["timing"] == {"kind": "dates", "year": 2024, "month": None, "from": "2024-03-12", "to": "2024-03-14"}
    assert d["activities"] == [{"vi": "Trao đổi kinh nghiệm", "lo": "ແລກປ່ຽນບົດຮຽນ"}, {"vi": "Thăm CĐCS", "lo": "ຢ້ຽມຢາມກຳມະບານຮາກຖານ"}]
    assert d["cost_lines"] == [{"payer": "quangtri", "item": "board_lodging", "funding": "union_budget", "detail": {}},
                               {"payer": "salavan", "item": "transport", "funding": "", "detail": {}}]
    assert d["cost_model"] == "reciprocal" and d["note"] == "Chờ xác nhận ngày" and d["status"] == "planned"
    code, out, _err = run(db_path, capsys, "show", "1", "--json")
    assert code == 0 and json.loads(out) == d


def test_a_new_delegation_without_cost_lines_gets_its_models_and_a_year_timing(db_path, capsys, plan_2023):
    code, _out, err = run(db_path, capsys, "add", "--direction", "outbound", "--partner", "savannakhet", "--name", "Đoàn ra",
                          "--leader-position", "Phó Chủ tịch", "--members", "5", "--year", "2025", "--month", "10", "--days", "3-4")
    assert code == 0, err
    d = listed(db_path, capsys)["delegations"][0]
    assert d["timing"] == {"kind": "month", "year": 2025, "month": 10, "from": None, "to": None}
    assert d["days"] == {"min": 3, "max": 4}
    assert {c["payer"] for c in d["cost_lines"]} == {"quangtri", "savannakhet"}  # the reciprocal model's lines
    assert run(db_path, capsys, "edit", "1", "--month", "11")[0] == 0  # the year kept
    assert listed(db_path, capsys)["delegations"][0]["timing"]["month"] == 11
    assert run(db_path, capsys, "edit", "1", "--year", "2024")[0] == 0  # a year alone: the whole year
    assert listed(db_path, capsys)["delegations"][0]["timing"] == {"kind": "year", "year": 2024, "month": None, "from": None, "to": None}


def test_edit_changes_only_the_fields_given(db_path, capsys, plan_2023):
    run(db_path, capsys, *FULL)
    before = listed(db_path, capsys)["delegations"][0]
    code, out, err = run(db_path, capsys, "edit", "1", "--members", "9", "--name-en", "Salavan delegation", "--activity-lo", "ແລກປ່ຽນ")
    assert code == 0, err
    after = listed(db_path, capsys)["delegations"][0]
    assert after["members"] == 9 and after["name"]["en"] == "Salavan delegation"
    assert after["activities"] == [{"vi": "Trao đổi kinh nghiệm", "lo": "ແລກປ່ຽນ"}, {"vi": "Thăm CĐCS"}]
    changed = {"members", "name", "activities"}
    assert {k: v for k, v in after.items() if k not in changed} == {k: v for k, v in before.items() if k not in changed}
    assert after["name"]["vi"] == before["name"]["vi"] and after["name"]["lo"] == before["name"]["lo"]
    code, out, err = run(db_path, capsys, "edit", "1", "--year", "2025", "--days", "2")
    assert code == 0, err
    after = listed(db_path, capsys)["delegations"][0]
    assert after["timing"] == {"kind": "year", "year": 2025, "month": None, "from": None, "to": None}
    assert after["days"] == {"min": 2, "max": 2} and after["cost_lines"] == before["cost_lines"]


def test_delete_then_undo_and_redo_across_runs(db_path, capsys, plan_2023):
    run(db_path, capsys, *FULL)
    before = listed(db_path, capsys)["delegations"]
    code, out, _err = run(db_path, capsys, "delete", "1")
    assert code == 0 and "Deleted delegation 1 (Đoàn LHCĐ tỉnh Salavan thăm Quảng Trị)" in out
    assert listed(db_path, capsys)["count"] == 0
    code, out, _err = run(db_path, capsys, "undo")
    assert code == 0 and "Undone: delete delegation 1 from plan 2023-2025" in out
    assert listed(db_path, capsys)["delegations"] == before
    code, out, _err = run(db_path, capsys, "redo")
    assert code == 0 and listed(db_path, capsys)["count"] == 0
    run(db_path, capsys, "undo")
    run(db_path, capsys, "undo")  # the addition itself
    assert listed(db_path, capsys)["count"] == 0
    code, _out, err = run(db_path, capsys, "undo")  # then the plan's creation: it is empty again
    assert code == 0
    assert [p["id"] for p in json.loads(run(db_path, capsys, "plans", "--json")[1])] == ["2020-2022"]
    code, _out, err = run(db_path, capsys, "undo")
    assert code == 2 and "nothing to undo" in err


def test_plan_new_rename_delete_and_undo(db_path, capsys, plan_2023):
    plans = json.loads(run(db_path, capsys, "plans", "--json")[1])
    new = plans[-1]
    assert new["id"] == "2023-2025" and new["current"] is True and new["period"] == {"start": 2023, "end": 2025}
    assert new["title"]["vi"] == "Kế hoạch hợp tác giai đoạn 2023-2025" and new["delegations"] == 0
    assert plans[0]["current"] is False and plans[0]["delegations"] == 4
    code, _out, err = run(db_path, capsys, "plan", "rename", "2023-2025", "--title", "Hợp tác 2023–2025", "--title-lo", "ຮ່ວມມື")
    assert code == 0, err
    title = json.loads(run(db_path, capsys, "plans", "--json")[1])[-1]["title"]
    assert title["vi"] == "Hợp tác 2023–2025" and title["lo"] == "ຮ່ວມມື"
    run(db_path, capsys, *FULL)
    raw = db_path.read_bytes()
    code, _out, err = run(db_path, capsys, "plan", "delete", "2023-2025")
    assert code == 2 and "--yes" in err and db_path.read_bytes() == raw
    code, out, err = run(db_path, capsys, "plan", "delete", "2023-2025", "--yes")
    assert code == 0 and "undo --plan 2020-2022" in out
    assert [p["id"] for p in json.loads(run(db_path, capsys, "plans", "--json")[1])] == ["2020-2022"]
    code, out, err = run(db_path, capsys, "undo", "--plan", "2020-2022")
    assert code == 0 and "delete plan 2023-2025" in out
    assert listed(db_path, capsys, "--plan", "2023-2025")["count"] == 1


def test_plan_new_carries_the_parts_asked(db_path, capsys):
    from delegations.services import Planner

    code, _out, err = run(db_path, capsys, "plan", "new", "2026-2028", "--carry", "intro,signer")
    assert code == 0, err
    with Planner.open(db_path, writable=False) as p:
        old, new = p.repo.plan("2020-2022"), p.repo.plan("2026-2028")
    assert new.introduction == old.introduction and new.signature == old.signature
    assert new.recipients == () and new.basis == ()
    assert new.title.get("vi") == old.title.get("vi").replace("2020-2022", "2026-2028")


@pytest.mark.parametrize(("args", "named"), [
    (["add", "--members", "many"], "--members"),
    (["add", "--from", "31/2/2024"], "--from"),
    (["add", "--days", "4-2"], "--days"),
    (["add", "--month", "13"], "--month"),
    (["add", "--cost-line", "home"], "--cost-line"),
    (["add", "--direction", "sideways"], "--direction"),
    (["add", "--direction", "inbound", "--partner", "champasak", "--name", "x", "--members", "2", "--year", "2024", "--days", "2"], "--partner"),
    (["add", "--direction", "inbound", "--partner", "salavan", "--name", "x", "--members", "2", "--year", "2024", "--days", "2",
      "--cost-line", "home:food"], "--cost-line"),
    (["add", "--direction", "inbound", "--partner", "salavan", "--name", "x", "--members", "2", "--year", "2024", "--days", "2",
      "--cost-line", "home:transport:bank"], "--cost-line"),
    (["add", "--direction", "inbound", "--partner", "salavan", "--name", "x", "--members", "2", "--from", "2024-01-02", "--days", "2"], "--days"),
    (["edit", "1", "--year", "2024", "--from", "2024-01-02"], "--from"),
    (["plan", "new", "2025-2023"], "2025-2023"),
    (["plan", "new", "2023-2025", "--carry", "everything"], "--carry"),
])
def test_a_bad_option_names_the_option_exits_2_and_stores_nothing(db_path, capsys, args, named):
    assert run(db_path, capsys, "restore-defaults", "--yes")[0] == 0  # the database exists
    raw = db_path.read_bytes()
    code, _out, err = run(db_path, capsys, *args)
    assert code == 2 and named in err and "Traceback" not in err
    assert db_path.read_bytes() == raw


def test_a_delegation_with_problems_is_not_stored_and_the_file_is_unchanged(db_path, capsys, plan_2023):
    raw = db_path.read_bytes()
    code, _out, err = run(db_path, capsys, "add", "--direction", "inbound", "--partner", "salavan", "--name", "x", "--members", "2",
                          "--year", "2024", "--days", "2")  # no leader's position
    assert code == 1 and "leader's position is required" in err
    assert db_path.read_bytes() == raw
    run(db_path, capsys, *FULL)
    raw = db_path.read_bytes()
    code, _out, err = run(db_path, capsys, "edit", "1", "--from", "2030-01-02")  # outside the plan's period
    assert code == 1 and db_path.read_bytes() == raw


def test_validate_json_gives_seq_field_severity_and_message(db_path, capsys, plan_2023):
    run(db_path, capsys, *FULL)
    run(db_path, capsys, "edit", "1", "--from", "2024-04-13", "--to", "2024-04-15")  # Bun Pi Mai: a warning
    code, out, _err = run(db_path, capsys, "validate", "--json")
    data = json.loads(out)
    assert code == 0 and data["plan"] == "2023-2025" and data["errors"] == 0 and data["warnings"] >= 1
    row = next(p for p in data["problems"] if p["seq"] == 1 and "Lao New Year" in p["message"])
    assert row["field"] == "timing" and row["severity"] == "warning" and set(row) == {"seq", "field", "severity", "message", "code"}


def test_validate_json_exits_1_on_errors(db_path, capsys):
    from delegations.services import Planner

    with Planner.open(db_path) as p:  # a stored delegation gone bad (as an older version might have left it)
        d = p.delegation("2020-2022", 2)
        p.repo.save_delegation(d.evolve(members=0))
    code, out, _err = run(db_path, capsys, "validate", "--json")
    data = json.loads(out)
    assert code == 1 and data["errors"] >= 1
    assert any(r["seq"] == 2 and r["field"] == "members" and r["severity"] == "error" for r in data["problems"])
