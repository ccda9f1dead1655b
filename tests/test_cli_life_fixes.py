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
    assert run(db, "roster", "1") == 0
    assert "3 người trong danh sách; kế hoạch ghi đoàn 4" in capsys.readouterr().out
    assert run(db, "edit", "1", "--members", "3") == 0
    assert "Danh sách đoàn có" not in capsys.readouterr().err
    assert run(db, "roster", "1") == 0
    out, err = capsys.readouterr()
    assert "Danh sách đoàn có" not in err and ": 3 thành viên" in out


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


# --- 5. Lao and English ----------------------------------------------------------------
def test_the_roster_listing_is_in_the_interface_language_and_says_each_persons_sex(db, capsys):
    assert run(db, "roster", "1", "add", "Nguyễn Văn An", "--born", "1/5/1970", "--sex", "male") == 0
    assert run(db, "roster", "1", "add", "Lê Thị Bình", "--sex", "female") == 0
    capsys.readouterr()
    assert run(db, "--lang", "lo", "roster", "1") == 0
    out = capsys.readouterr().out
    assert "sinh" not in out and "ເກີດ 01/05/1970" in out and "ຊາຍ" in out and "ຍິງ" in out
    assert run(db, "--lang", "en", "roster", "1") == 0
    out = capsys.readouterr().out
    assert "born 01/05/1970" in out and "Male" in out and "Female" in out


def test_results_reason_and_body_take_lao_and_english_and_the_lao_documents_use_them(db, tmp_path, capsys):
    assert run(db, "edit", "3", "--leader-name", "Phạm Minh Tuấn", "--leader-name-lo", "ສົມພອນ ແກ້ວມະນີ") == 0
    add_three(db, 3)
    assert run(db, "status", "3", "proposed") == 0
    assert run(db, "status", "3", "approved", "--number", "12/QĐ-UBND", "--date", "2022-04-01",
               "--body", "UBND tỉnh", "--body-lo", "ອົງການປົກຄອງແຂວງ", "--body-en", "Provincial People's Committee") == 0
    assert run(db, "status", "3", "done", "--from", "2022-05-10", "--to", "2022-05-13", "--members", "3",
               "--results", "Ký biên bản ghi nhớ", "--results-lo", "ລົງນາມບົດບັນທຶກ", "--results-en", "Signed a memorandum") == 0
    d = delegation(db, 3)
    assert d.outcome.results.get("lo") == "ລົງນາມບົດບັນທຶກ" and d.approval.body.get("en") == "Provincial People's Committee"
    capsys.readouterr()
    assert run(db, "--lang", "en", "status", "3") == 0
    out = capsys.readouterr().out
    assert "Provincial People's Committee" in out and "Signed a memorandum" in out
    report = document_text(db, tmp_path, capsys, "report", 3, "lo")
    assert letters("ລົງນາມບົດບັນທຶກ") in report and letters("Ký biên bản") not in report
    decision = document_text(db, tmp_path, capsys, "decision", 3, "lo")
    assert letters("ອົງການປົກຄອງແຂວງ") in decision and letters("UBND tỉnh") not in decision
    assert run(db, "edit", "1", "--leader-name", "Phạm Minh Tuấn", "--leader-name-lo", "ສົມພອນ ແກ້ວມະນີ") == 0
    add_three(db, 1)
    for kind, seq in (("proposal", 3), ("decision", 3), ("invitation", 1), ("proposal", 1)):  # 1 is outbound: its invitation names the leader
        text = document_text(db, tmp_path, capsys, kind, seq, "lo")
        assert letters("ສົມພອນ ແກ້ວມະນີ") in text and letters("Phạm Minh Tuấn") not in text, kind
        assert letters("Phạm Minh Tuấn") in document_text(db, tmp_path, capsys, kind, seq, "vi"), kind


def test_a_cancellation_reason_in_lao_shows_in_the_lao_plan(db, tmp_path, capsys):
    assert run(db, "status", "4", "cancelled", "--reason", "Dịch bệnh", "--reason-lo", "ພະຍາດລະບາດ") == 0
    d = delegation(db, 4)
    assert (d.cancel_reason.get("vi"), d.cancel_reason.get("lo")) == ("Dịch bệnh", "ພະຍາດລະບາດ")
    capsys.readouterr()
    assert run(db, "--lang", "lo", "status", "4") == 0
    assert "ພະຍາດລະບາດ" in capsys.readouterr().out
    assert run(db, "export", "--lang", "lo", "--status-column", "--output", str(tmp_path), "--force") == 0
    path = capsys.readouterr().out.strip().splitlines()[-1]
    text = letters("".join(p.text for p in read_pages(path)))
    assert letters("ພະຍາດລະບາດ") in text and letters("Dịch bệnh") not in text


# --- 6. warnings said once -------------------------------------------------------------
def test_a_holiday_warning_is_not_repeated_by_roster_and_programme_commands(db, capsys):
    assert run(db, "edit", "3", "--from", "2022-08-31", "--to", "2022-09-03") == 0
    assert "Quốc khánh" in capsys.readouterr().err  # said once, by the change that brought it
    for command in (("programme", "3", "add", "2022-09-01", "Đón đoàn"), ("programme", "3"),
                    ("roster", "3", "add", "Nguyễn Văn An"), ("roster", "3")):
        assert run(db, *command) == 0
        assert "Quốc khánh" not in capsys.readouterr().err, command
    assert run(db, "roster", "3", "add", "Lê Thị Bình", "--passport", "C1", "--expires", "2022-12-01") == 0
    err = capsys.readouterr().err
    assert "Lê Thị Bình" in err and "Danh sách đoàn có 2 người" in err  # what this change brought
    assert run(db, "programme", "3", "add", "2022-09-02", "Làm việc") == 0
    assert "Lê Thị Bình" not in capsys.readouterr().err


def test_a_lao_reason_made_from_an_earlier_vietnamese_is_said_before_a_lao_export(db, tmp_path, capsys):
    assert run(db, "status", "4", "cancelled", "--reason", "Dịch bệnh", "--reason-lo", "ພະຍາດລະບາດ") == 0
    assert run(db, "status", "4", "cancelled", "--correct", "--reason", "Thiên tai") == 0
    assert delegation(db, 4).cancel_reason.get("lo") == "ພະຍາດລະບາດ"  # the Lao kept, now made from an earlier Vietnamese
    capsys.readouterr()
    assert run(db, "export", "--lang", "lo", "--status-column", "--output", str(tmp_path), "--force") == 0
    err = capsys.readouterr().err
    assert "đoàn 4" in err and "Lý do hủy" in err


def test_a_file_written_while_the_roster_was_the_count_reads_the_plans_count_back(db, capsys):
    """Earlier versions stored the roster's size as "members" and the plan's as "planned_members"."""
    import json

    assert run(db, "roster", "1", "add", "Nguyễn Văn An") == 0
    data = json.loads(db.read_text("utf-8"))
    record = next(r for r in data["delegations"].values() if r["seq"] == 1)
    record["members"], record["planned_members"] = 1, 10
    db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert delegation(db, 1).members == 10
    assert run(db, "edit", "1", "--members", "1") == 0
    saved = next(r for r in json.loads(db.read_text("utf-8"))["delegations"].values() if r["seq"] == 1)
    assert saved["members"] == 1 and "planned_members" not in saved


def test_a_change_whose_output_was_cut_short_can_still_be_undone(db, capsys, monkeypatch):
    """``delegations status 3 proposed | head -1``, or Ctrl+C while it prints: the change is
    stored before the output is cut short; it is kept in the history all the same."""
    import delegations.cli_life as cli_life

    real = cli_life.safe

    def closed_after_first(text, *a, **k):
        if "Đã trình" in text or "Proposed" in text:
            raise KeyboardInterrupt
        return real(text, *a, **k)

    monkeypatch.setattr(cli_life, "safe", closed_after_first)
    assert run(db, "status", "3", "proposed") != 0
    monkeypatch.setattr(cli_life, "safe", real)
    assert delegation(db, 3).status.value == "proposed"
    capsys.readouterr()
    assert run(db, "undo") == 0
    assert "đoàn 3" in capsys.readouterr().out and delegation(db, 3).status.value == "planned"
