"""Editing and removing people and programme items from the command line
(``roster SEQ edit N``, ``programme SEQ edit N``, ``programme SEQ remove N``), and the
actual costs of a done delegation reaching ``budget --json``."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from delegations.cli import main
from delegations.defaults import default_data
from delegations.services import Planner
from delegations.store.storage import dumps


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.json"
    path.write_text(dumps(default_data()), encoding="utf-8")
    return path


def run(db, *args) -> int:
    try:
        return main(["--db", str(db), *args])
    except SystemExit as exc:  # argparse refuses the command line itself
        return exc.code


def delegation(db, seq):
    with Planner.open(db, writable=False) as p:
        return p.delegation(p.plan().id, seq)


def test_roster_edit_changes_only_what_is_given(db, capsys):
    assert run(db, "roster", "3", "add", "Nguyễn Văn An", "--position", "Chủ tịch", "--born", "1/5/1970", "--passport", "C1",
               "--expires", "2030-01-01", "--lao-name", "ອານ") == 0
    assert run(db, "roster", "3", "add", "Lê Thị Bình", "--role", "interpreter") == 0
    assert run(db, "roster", "3", "edit", "1", "Nguyễn Văn Ân", "--passport", "C9", "--sex", "male", "--born", "2/5/1970") == 0
    person = delegation(db, 3).roster[0]
    assert (person.name, person.passport, person.sex.value, person.born) == ("Nguyễn Văn Ân", "C9", "male", date(1970, 5, 2))
    assert (person.position.get("vi"), person.passport_expires, person.lao_name, person.role) == ("Chủ tịch", date(2030, 1, 1), "ອານ", "member")
    assert run(db, "roster", "3", "edit", "2", "--role", "leader", "--lao-name", "ບິ່ງ") == 0  # a new leader goes first
    out = capsys.readouterr().out
    assert out.index("Lê Thị Bình") < out.index("Nguyễn Văn Ân")
    d = delegation(db, 3)
    assert [(p.name, p.role, p.lao_name) for p in d.roster] == [("Lê Thị Bình", "leader", "ບິ່ງ"), ("Nguyễn Văn Ân", "member", "ອານ")]
    assert run(db, "roster", "3", "edit", "2", "--lao-name", "") == 0
    d = delegation(db, 3)
    assert d.roster[1].lao_name == ""
    capsys.readouterr()
    assert run(db, "roster", "3", "edit", "3", "--passport", "X") == 2  # no third person
    assert "3" in capsys.readouterr().err
    assert run(db, "roster", "3", "edit", "1") == 2  # nothing to change
    assert run(db, "roster", "3", "edit", "x", "--passport", "X") == 2
    assert run(db, "roster", "3", "edit", "1", "--born", "1/5/70") == 2  # a two-digit year is refused by argparse
    assert delegation(db, 3).roster == d.roster


def test_programme_edit_and_remove(db, capsys):
    assert run(db, "programme", "3", "add", "2022-05-10", "Đón đoàn", "--time", "08:30", "--place", "Lao Bảo") == 0
    assert run(db, "programme", "3", "add", "11/5/2022", "Làm việc", "--lo", "ເຮັດວຽກ") == 0
    # the first item moves after the second: the programme stays in the order of the days
    assert run(db, "programme", "3", "edit", "1", "12/5/2022", "Tiễn đoàn", "--place-lo", "ລາວບາວ", "--time", "") == 0
    items = delegation(db, 3).programme
    assert [(i.day, i.activity.get("vi"), i.time) for i in items] == [(date(2022, 5, 11), "Làm việc", ""), (date(2022, 5, 12), "Tiễn đoàn", "")]
    assert items[1].place.as_dict() == {"vi": "Lao Bảo", "lo": "ລາວບາວ"} and items[0].activity.get("lo") == "ເຮັດວຽກ"
    assert run(db, "programme", "3", "edit", "1", "--activity", "Hội đàm", "--place", "") == 0
    assert delegation(db, 3).programme[0].activity.as_dict() == {"vi": "Hội đàm", "lo": "ເຮັດວຽກ"}
    capsys.readouterr()
    assert run(db, "programme", "3", "edit", "1", "2021-01-01") == 1  # outside the visit: nothing saved
    assert "1/1/2021" in capsys.readouterr().err and delegation(db, 3).programme[0].day == date(2022, 5, 11)
    assert run(db, "programme", "3", "edit", "1", "31/2/2022") == 2
    assert run(db, "programme", "3", "edit", "1") == 2  # nothing to change
    assert run(db, "programme", "3", "remove", "3") == 2
    assert run(db, "programme", "3", "remove", "1") == 0
    out = capsys.readouterr().out
    assert "Hội đàm" not in out and " 1. 12/05/2022" in out
    assert [i.activity.get() for i in delegation(db, 3).programme] == ["Tiễn đoàn"]
    assert run(db, "programme", "3", "remove") == 2


def test_actual_costs_of_a_done_delegation_show_in_the_budget(db, capsys):
    assert run(db, "status", "3", "proposed") == 0
    assert run(db, "status", "3", "approved", "--number", "12/QĐ", "--date", "1/3/2022") == 0
    assert run(db, "status", "3", "done", "--from", "10/5/2022", "--to", "13/5/2022", "--members", "8",
               "--cost", "lodging=12000000", "--cost", "meals=3500000") == 0
    assert "Tiền ăn: 3.500.000" in capsys.readouterr().out  # status says the actual costs
    assert run(db, "budget", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    row = next(r for r in data["delegations"] if r["seq"] == 3)
    assert Decimal(row["actual"]) == Decimal("15500000")
    assert Decimal(data["total"]["actual"]) == Decimal("15500000")
