"""A delegation's life as a user meets it on the command line: the plan's member count
beside the roster, documents that would cite a missing list, undo of every change,
the current plan, and the Lao and English texts of the facts."""

from __future__ import annotations

import pytest

from delegations.cli import main
from delegations.defaults import default_data
from delegations.services import Planner
from delegations.store.storage import dumps
from pdf_pages import letters, read_pages


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.json"
    path.write_text(dumps(default_data()), encoding="utf-8")
    return path


def run(db, *args) -> int:
    try:
        return main(["--db", str(db), *args])
    except SystemExit as exc:
        return exc.code


def delegation(db, seq):
    with Planner.open(db, writable=False) as p:
        return p.delegation(p.plan().id, seq)


def document_text(db, tmp_path, capsys, kind: str, seq: int, lang: str = "vi") -> str:
    capsys.readouterr()
    assert run(db, "export", "--document", kind, "--seq", str(seq), "--lang", lang, "--output", str(tmp_path), "--force") == 0
    path = capsys.readouterr().out.strip().splitlines()[-1]
    return letters("".join(p.text for p in read_pages(path)))


def add_three(db, seq: int) -> None:
    for name in ("Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"):
        assert run(db, "roster", str(seq), "add", name, "--sex", "male") == 0


# --- 1. the plan's count and the roster ---------------------------------------------
def test_the_planned_count_stays_editable_once_a_roster_exists(db, tmp_path, capsys):
    add_three(db, 1)
    capsys.readouterr()
    assert run(db, "show", "1") == 0
    members_line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Số thành viên") or "thành viên" in line)
    assert "10" in members_line
    assert run(db, "edit", "1", "--members", "4") == 0
    out, err = capsys.readouterr()
    assert "không có gì thay đổi" not in out and delegation(db, 1).members == 4
    assert "4" in err  # still another size than the roster's 3: the warning says the new count
    assert run(db, "edit", "1", "--members", "3") == 0
    assert "Danh sách đoàn có" not in capsys.readouterr().err
    assert run(db, "roster", "1") == 0
    assert "Danh sách đoàn có" not in capsys.readouterr().err


def test_the_report_compares_the_plans_count_with_the_actual(db, tmp_path, capsys):
    add_three(db, 3)  # delegation 3: 10 planned (the shipped plan)
    assert delegation(db, 3).members == 10
    for step in (("proposed",), ("approved", "--number", "125/QĐ-LĐLĐ", "--date", "2022-04-01"),
                 ("done", "--from", "2022-05-10", "--to", "2022-05-13", "--members", "3")):
        assert run(db, "status", "3", *step) == 0
    report = document_text(db, tmp_path, capsys, "report", 3)
    assert letters("Số thành viên103") in report or letters("Thành viên103") in report
    plan_pdf = tmp_path / "plan"
    plan_pdf.mkdir()
    assert run(db, "export", "--output", str(plan_pdf), "--force") == 0
    assert delegation(db, 3).members == 10


# --- 2. a decision needs its list ------------------------------------------------------
def test_a_decision_without_a_roster_is_refused_and_says_how_to_add_people(db, tmp_path, capsys):
    assert run(db, "export", "--document", "decision", "--seq", "3", "--output", str(tmp_path)) != 0
    err = capsys.readouterr().err
    assert "roster 3 add" in err and not list(tmp_path.glob("*.pdf"))
    add_three(db, 3)
    text = document_text(db, tmp_path, capsys, "decision", 3)
    assert letters("gồm 3 đồng chí") in text or letters("3 đồng chí") in text


# --- 4. the current plan ---------------------------------------------------------------
def test_plan_use_switches_the_plan_the_commands_act_on(db, capsys):
    assert run(db, "plan", "new", "2023-2025", "--title", "Kế hoạch 2023-2025") == 0
    capsys.readouterr()
    assert run(db, "plans") == 0
    out = capsys.readouterr().out
    assert "* 2023-2025" in out and "plan use" in out
    assert run(db, "plan", "use", "2020-2022") == 0
    assert "2020-2022" in capsys.readouterr().out
    assert run(db, "plans") == 0
    assert "* 2020-2022" in capsys.readouterr().out
    assert run(db, "show", "3") == 0  # the shipped plan's delegation 3, without --plan
    assert run(db, "plan", "use", "1999-2000") != 0
    assert "1999-2000" in capsys.readouterr().err


# --- 3. undo of every change made from the command line ---------------------------------
@pytest.mark.parametrize("change", [
    ("status", "3", "proposed"),
    ("roster", "3", "add", "Nguyễn Văn An"),
    ("programme", "3", "add", "2022-06-01", "Làm việc"),
    ("text", "3", "proposal", "Lời văn riêng"),
    ("guest-class", "3", "A"),
])
def test_undo_takes_back_each_life_cycle_change(db, capsys, change):
    before = delegation(db, 3)
    assert run(db, *change) == 0
    assert delegation(db, 3) != before
    capsys.readouterr()
    assert run(db, "undo") == 0
    out, err = capsys.readouterr()
    assert "Đã hoàn tác" in out and "đoàn 3" in out, (out, err)
    assert delegation(db, 3) == before
    assert run(db, "redo") == 0
    assert delegation(db, 3) != before


def test_an_import_is_taken_back_by_undo(db, tmp_path, capsys):
    from test_import import SEED_ROWS, write_docx

    rows = [[("Năm 2024" if cell == "Năm 2020" else cell) for cell in row] for row in SEED_ROWS[:2]]
    path = write_docx(tmp_path / "ke-hoach.docx", rows=rows)
    assert run(db, "plan", "new", "2023-2025", "--title", "Kế hoạch mới") == 0
    assert run(db, "plan", "use", "2020-2022") == 0
    capsys.readouterr()
    assert run(db, "import", str(path), "--plan", "2023-2025") == 0
    assert "undo --plan 2023-2025" in capsys.readouterr().out
    with Planner.open(db, writable=False) as p:
        assert len(p.repo.delegations("2023-2025")) == 2
    assert run(db, "undo", "--plan", "2023-2025") == 0
    with Planner.open(db, writable=False) as p:
        assert p.repo.delegations("2023-2025") == []
