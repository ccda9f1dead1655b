"""A delegation's life through the commands: roster (typed, CSV, Excel), the member
count following it, the passport warning, the programme inside the visit, the
status with its facts and history, the year's summary, and old files migrating."""

from __future__ import annotations

import json
from datetime import date

import pytest

from delegations.cli import main
from delegations.defaults import default_data
from delegations.domain import Status
from delegations.services import Planner
from delegations.store import schema
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


def test_roster_add_sets_the_member_count_and_warns_of_a_passport_by_name(db, capsys):
    assert delegation(db, 1).members == 10
    assert run(db, "roster", "1", "add", "Nguyễn Văn An", "--position", "Chủ tịch LĐLĐ tỉnh", "--born", "1970-05-01",
               "--passport", "C1234567", "--expires", "2021-03-01", "--role", "leader") == 0
    err = capsys.readouterr().err
    assert "Nguyễn Văn An" in err and "1/3/2021" in err  # the year-2020 visit ends 2020-12-31: less than 6 months
    assert run(db, "roster", "1", "add", "Lê Thị Bình", "--passport", "C7654321", "--expires", "2021-07-01") == 0
    assert "Lê Thị Bình" not in capsys.readouterr().err  # 6 months after 2020-12-31 is 2021-06-30: valid long enough
    d = delegation(db, 1)
    assert d.members == 10 and [p.name for p in d.roster] == ["Nguyễn Văn An", "Lê Thị Bình"]
    assert d.roster[0].passport_expires == date(2021, 3, 1) and d.roster[0].role == "leader"


def test_a_roster_being_filled_in_keeps_the_planned_size(db, capsys):
    """The plan's 10 stays the delegation's size while the roster is filled in: a roster
    of another size is a warning; emptying the roster changes nothing of the count."""
    assert run(db, "roster", "1", "add", "Nguyễn Văn An", "--role", "leader") == 0
    assert "10" in capsys.readouterr().err  # "the roster has 1 people; the plan gives the delegation 10"
    d = delegation(db, 1)
    assert (d.members, len(d.roster)) == (10, 1)
    record = next(r for r in json.loads(db.read_text("utf-8"))["delegations"].values() if r["seq"] == 1)
    assert record["members"] == 10 and "planned_members" not in record
    assert run(db, "roster", "1", "remove", "1") == 0
    d = delegation(db, 1)
    assert (d.members, d.roster) == (10, ())


def test_dates_are_taken_as_the_officer_writes_them(db):
    """16/9/2019 as well as 2019-09-16, in the CLI as in the forms; never a two-digit year."""
    assert run(db, "roster", "1", "add", "Trần Văn Cường", "--born", "1/5/1970", "--expires", "2030-06-30") == 0
    person = delegation(db, 1).roster[0]
    assert (person.born, person.passport_expires) == (date(1970, 5, 1), date(2030, 6, 30))
    assert run(db, "roster", "1", "add", "Phạm Thị Dung", "--born", "1/5/70") == 2


CSV = ("Họ và tên,Chức vụ,Giới tính,Ngày sinh,Số hộ chiếu,Ngày hết hạn,Tên tiếng Lào,Vai trò\n"
       "Nguyễn Văn An,Chủ tịch LĐLĐ tỉnh,Nam,01/05/1970,C1234567,01/01/2030,ຫງວຽນ ວັນ ອານ,Trưởng đoàn\n"
       "Lê Thị Bình,Trưởng ban,Nữ,1980-02-03,C7654321,2030-06-30,ເລ ທິ ບິ່ງ,phiên dịch\n")


def test_roster_import_from_csv_and_xlsx(db, tmp_path):
    csv_file = tmp_path / "doan.csv"
    csv_file.write_text(CSV, encoding="utf-8")
    assert run(db, "roster", "3", "import", str(csv_file)) == 0
    d = delegation(db, 3)
    assert len(d.roster) == 2 and d.roster[1].lao_name == "ເລ ທິ ບິ່ງ" and d.roster[1].role == "interpreter"
    assert d.roster[0].born == date(1970, 5, 1) and d.roster[1].sex.value == "female"

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["name", "position", "born", "passport", "expires"])
    for i in range(3):
        ws.append([f"Người {i}", "Cán bộ", date(1980, 1, 1 + i), f"P{i}", date(2031, 1, 1)])
    xlsx = tmp_path / "doan.xlsx"
    wb.save(xlsx)
    assert run(db, "roster", "4", "import", str(xlsx)) == 0
    d = delegation(db, 4)
    assert len(d.roster) == 3 and d.roster[2].born == date(1980, 1, 3) and d.roster[2].passport_expires == date(2031, 1, 1)


def test_roster_import_reports_a_faulty_row_and_keeps_the_roster(db, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("Họ và tên,Ngày sinh\nAn,1970-01-01\nBình,31/02/1980\n", encoding="utf-8")
    assert run(db, "roster", "3", "import", str(bad)) == 2
    assert "3" in capsys.readouterr().err and delegation(db, 3).roster == ()
    other = tmp_path / "list.txt"
    other.write_text("x", encoding="utf-8")
    assert run(db, "roster", "3", "import", str(other)) == 2


def test_programme_item_outside_the_visit_is_an_error(db, capsys):
    assert run(db, "programme", "3", "add", "2022-05-10", "Đón đoàn", "--time", "08:30", "--place", "Lao Bảo", "--lo", "ຕ້ອນຮັບຄະນະ") == 0
    assert run(db, "programme", "3", "add", "2021-12-31", "Quá sớm") == 1
    assert "31/12/2021" in capsys.readouterr().err
    items = delegation(db, 3).programme
    assert len(items) == 1 and items[0].activity.get("lo") == "ຕ້ອນຮັບຄະນະ" and items[0].time == "08:30"
    assert run(db, "programme", "3", "add", "2022-05-10", "x", "--time", "25:00") == 2


def test_status_moves_forward_with_its_facts_and_keeps_a_dated_history(db, capsys):
    assert run(db, "status", "3", "approved") != 0  # no decision number
    assert run(db, "status", "3", "proposed", "--on", "2022-03-01") == 0
    assert run(db, "status", "3", "approved", "--number", "125/QĐ-LĐLĐ", "--date", "2022-03-10", "--body", "Ban Thường vụ Tỉnh ủy",
               "--on", "2022-03-10") == 0
    assert run(db, "status", "3", "planned") != 0  # never back
    assert run(db, "status", "3", "done", "--from", "2022-05-10", "--to", "2022-05-13", "--members", "8", "--cost", "lodging=12000000",
               "--results", "Ký biên bản", "--on", "2022-05-14") == 0
    d = delegation(db, 3)
    assert d.status is Status.DONE and d.approval.number == "125/QĐ-LĐLĐ" and d.outcome.members == 8 and d.outcome.days == 4
    assert [(h.status, h.on) for h in d.history] == [("proposed", date(2022, 3, 1)), ("approved", date(2022, 3, 10)), ("done", date(2022, 5, 14))]
    assert str(d.outcome.costs[0].amount.amount) == "12000000"
    assert run(db, "status", "4", "cancelled") != 0  # a reason is needed
    assert run(db, "status", "4", "cancelled", "--reason", "Dịch bệnh") == 0 and delegation(db, 4).cancel_reason.get("vi") == "Dịch bệnh"
    capsys.readouterr()
    assert run(db, "list", "--status", "cancelled") == 0
    assert "Salavan" in capsys.readouterr().out
    assert run(db, "summary", "--year", "2022") == 0
    out = capsys.readouterr().out
    assert "12.000.000" in out


def test_export_every_document_kind_from_the_command_line(db, tmp_path, capsys):
    for kind in ("roster", "programme"):  # an empty roster or programme is refused, saying what to add
        assert run(db, "export", "--document", kind, "--seq", "3", "--output", str(tmp_path)) == 2
        assert f"{kind} 3 " in capsys.readouterr().err and list(tmp_path.glob("*.pdf")) == []
    assert run(db, "roster", "3", "add", "Nguyễn Văn An") == 0
    assert run(db, "programme", "3", "add", "2022-05-10", "Đón đoàn") == 0
    for kind in ("proposal", "decision", "invitation", "programme", "roster", "report"):
        assert run(db, "export", "--document", kind, "--seq", "3", "--lang", "vi-lo", "--output", str(tmp_path)) == 0
    assert len(list(tmp_path.glob("*.pdf"))) == 6
    assert run(db, "export", "--document", "letter", "--seq", "3", "--output", str(tmp_path)) == 2
    assert run(db, "export", "--document", "roster", "--output", str(tmp_path)) == 2
    assert run(db, "export", "--format", "roster", "--output", str(tmp_path)) == 2


def test_a_version_3_file_migrates_and_keeps_its_delegations(db):
    data = json.loads(db.read_text("utf-8"))
    data["meta"] = {"1": {"schema_version": 3}}
    db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run(db, "roster", "1", "add", "An") == 0
    saved = json.loads(db.read_text("utf-8"))
    assert saved["meta"]["1"]["schema_version"] == schema.CURRENT == 5
    assert db.with_name(db.name + ".v3.bak").exists()
    d = delegation(db, 1)
    assert len(d.roster) == 1 and delegation(db, 2).members == 10 and delegation(db, 2).roster == ()


def test_the_officers_own_text_replaces_the_default_in_its_language_only(db, tmp_path):
    from delegations.documents import DocumentWriter
    from delegations.exporting import ExportRequest

    assert run(db, "text", "3", "invitation", "Trân trọng kính mời đoàn sang dự Toạ đàm năm 2022.") == 0
    assert run(db, "text", "3", "invitation", "ຂໍຮຽນເຊີນຄະນະ.", "--in", "lo") == 0
    with Planner.open(db, writable=False) as p:
        d = p.delegation(p.plan().id, 3)
        request = ExportRequest(plan=p.plan(), delegations=[d], lang="vi-lo", registry=p.registry, home=p.home(), delegation=d)
        text = DocumentWriter(request, d).build("invitation").all_text()
        default_vi = DocumentWriter(request, d).build("proposal").all_text()
    assert "Trân trọng kính mời đoàn sang dự Toạ đàm năm 2022." in text and "ຂໍຮຽນເຊີນຄະນະ." in text
    assert "trân trọng kính mời Liên hiệp" not in text and "kính đề nghị cho phép" in default_vi
    assert run(db, "text", "3", "invitation", "") == 0 and run(db, "text", "3", "invitation", "", "--in", "lo") == 0
    assert delegation(db, 3).texts == ()


def test_a_damaged_or_missing_roster_file_is_said_not_raised(db, tmp_path, capsys):
    fake = tmp_path / "doan.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    assert run(db, "roster", "3", "import", str(fake)) == 2
    assert "doan.xlsx" in capsys.readouterr().err
    assert run(db, "roster", "3", "import", str(tmp_path / "missing.csv")) == 3
    assert "missing.csv" in capsys.readouterr().err
    assert delegation(db, 3).roster == ()


def test_roster_import_adds_by_default_and_replaces_only_when_asked(db, tmp_path):
    csv_file = tmp_path / "doan.csv"
    csv_file.write_text(CSV, encoding="utf-8")
    assert run(db, "roster", "3", "add", "Trần Văn Cũ") == 0
    assert run(db, "roster", "3", "import", str(csv_file)) == 0
    names = [p.name for p in delegation(db, 3).roster]
    assert names == ["Nguyễn Văn An", "Trần Văn Cũ", "Lê Thị Bình"]  # the imported leader first, the others after
    assert run(db, "roster", "3", "import", str(csv_file), "--replace") == 0
    assert [p.name for p in delegation(db, 3).roster] == ["Nguyễn Văn An", "Lê Thị Bình"]


def test_roster_import_refuses_unknown_columns_and_names_them(db, tmp_path, capsys):
    assert run(db, "roster", "3", "add", "Trần Văn Cũ") == 0
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("Name,Pos\nAn,Cán bộ\n", encoding="utf-8")
    assert run(db, "roster", "3", "import", str(wrong), "--replace") == 2
    err = capsys.readouterr().err
    assert '"Pos"' in err and "Họ và tên" in err
    nameless = tmp_path / "nameless.csv"
    nameless.write_text("Tên,Chức vụ\nAn,Cán bộ\n", encoding="utf-8")
    assert run(db, "roster", "3", "import", str(nameless), "--replace") == 2
    bad_year = tmp_path / "year.csv"
    bad_year.write_text("Họ và tên,Ngày sinh\nAn,1970-01-01\nBình,1800-01-01\n", encoding="utf-8")
    assert run(db, "roster", "3", "import", str(bad_year), "--replace") == 2
    err = capsys.readouterr().err
    assert "3" in err and "Ngày sinh" in err and "1800" in err
    assert [p.name for p in delegation(db, 3).roster] == ["Trần Văn Cũ"]  # nothing written


def test_status_moves_one_step_at_a_time_and_a_fact_is_corrected_explicitly(db, capsys):
    assert run(db, "--lang", "en", "status", "3", "approved", "--number", "1/QĐ", "--date", "2022-03-10") == 2  # planned → approved skips
    assert '"Proposed"' in capsys.readouterr().err  # the status label, not the code
    assert run(db, "status", "3", "done", "--from", "2022-05-10", "--to", "2022-05-13", "--members", "8") == 2
    assert run(db, "status", "3", "proposed") == 0
    assert run(db, "status", "3", "proposed") == 2  # twice
    approve = ("status", "3", "approved", "--number", "125/QĐ-LĐLĐ", "--date", "2022-03-10", "--on", "2022-03-10")
    assert run(db, *approve) == 0
    assert run(db, "status", "3", "approved", "--number", "126/QĐ-LĐLĐ", "--date", "2022-03-11") == 2
    assert "--correct" in capsys.readouterr().err
    assert run(db, "status", "3", "approved", "--correct", "--number", "126/QĐ-LĐLĐ", "--date", "2022-03-11") == 0
    d = delegation(db, 3)
    assert d.approval.number == "126/QĐ-LĐLĐ"
    assert [(h.status, h.note) for h in d.history] == [("proposed", ""), ("approved", "126/QĐ-LĐLĐ")]
    done = ("status", "3", "done", "--from", "2022-05-10", "--to", "2022-05-13", "--members", "8")
    assert run(db, *done) == 0
    assert run(db, *done) == 2  # a second "done"
    assert run(db, "status", "3", "cancelled", "--reason", "x") == 2  # done is final
    assert [h.status for h in delegation(db, 3).history] == ["proposed", "approved", "done"]
    assert run(db, "status", "4", "cancelled", "--reason", "Dịch bệnh") == 0
    assert run(db, "status", "4", "proposed") == 2
    assert run(db, "status", "5", "proposed", "--correct") == 2  # nothing to correct


def test_an_actual_cost_names_an_item_of_the_estimate_and_the_report_prints_its_label(db, tmp_path, capsys):
    assert run(db, "status", "3", "proposed") == 0
    assert run(db, "status", "3", "approved", "--number", "125/QĐ-LĐLĐ", "--date", "2022-03-10") == 0
    done = ("status", "3", "done", "--from", "2022-05-10", "--to", "2022-05-13", "--members", "8")
    capsys.readouterr()
    assert run(db, *done, "--cost", "bogus=5") == 2
    err = capsys.readouterr().err
    assert "bogus" in err and "lodging" in err and "meals" in err  # the known items are named
    assert run(db, *done, "--cost", "board_lodging=24000000") == 2
    assert delegation(db, 3).status is Status.APPROVED
    assert run(db, *done, "--cost", "lodging=24000000") == 0

    from delegations.documents import DocumentWriter
    from delegations.exporting import ExportRequest
    from delegations.lifecycle import planned_costs

    with Planner.open(db, writable=False) as p:
        plan, d = p.plan(), p.delegation(p.plan().id, 3)
        for lang in ("vi", "lo", "vi-lo"):
            request = ExportRequest(plan=plan, delegations=[d], lang=lang, registry=p.registry, home=p.home(), delegation=d)
            model = DocumentWriter(request, d, planned_costs(p, d)).build("report")
            text = model.all_text()
            assert "lodging" not in text
        # an actual cost stored under a cost item's code (before items were checked) prints its label
        from decimal import Decimal

        from delegations.domain import ActualCost, Money

        old = d.evolve(outcome=d.outcome.__class__(d.outcome.start, d.outcome.end, 8,
                                                    (ActualCost("board_lodging", Money(Decimal("5"), "VND")),)))
        request = ExportRequest(plan=plan, delegations=[old], lang="vi", registry=p.registry, home=p.home(), delegation=old)
        text = DocumentWriter(request, old, {}).build("report").all_text()
        assert "board_lodging" not in text and "chi phí ăn, nghỉ" in text


@pytest.mark.parametrize("args", [
    ("roster", "1", "add", "A", "--born", "0022-02-03"), ("roster", "1", "add", "A", "--born", "1800-01-01"),
    ("list", "--year", "22"), ("summary", "--year", "20"), ("export", "--year", "99999999999999999999"),
    ("status", "3", "proposed", "--on", "0022-01-01"), ("programme", "3", "add", "0022-05-10", "x"),
])
def test_every_year_and_date_the_command_line_takes_is_in_the_year_bounds(db, tmp_path, capsys, args):
    option = next((a for a in args if a.startswith("--")), "day")
    assert run(db, *args, *(("--output", str(tmp_path)) if args[0] == "export" else ())) == 2
    err = capsys.readouterr().err
    assert option in err or (option == "day" and "0022-05-10" in err)  # the option, or the day typed, is named
    assert list(tmp_path.glob("*.pdf")) == [] and delegation(db, 1).roster == ()


def test_summary_without_a_year_shows_every_year_of_the_plan_and_says_so(db, capsys):
    assert run(db, "summary") == 0
    out = capsys.readouterr().out
    assert "2020-2022" in out and all(str(y) in out for y in (2020, 2021, 2022))
    assert "Salavan" in out


def test_an_unknown_interface_language_is_refused_with_the_list(db, capsys):
    assert run(db, "--lang", "xx", "list") == 2
    err = capsys.readouterr().err
    assert "xx" in err and "vi, lo, en" in err
    assert run(db, "--lang=xx", "list") == 2


def test_the_document_languages_are_the_same_in_help_and_in_the_refusal(db, tmp_path, capsys):
    from delegations.cli import build_parser

    help_text = build_parser()._subparsers._group_actions[0].choices["export"].format_help()
    assert "vi, lo, vi-lo" in help_text and "en" in help_text
    assert run(db, "export", "--lang", "fr", "--output", str(tmp_path)) == 2
    assert "vi, lo, vi-lo, en" in capsys.readouterr().err
    assert run(db, "export", "--document", "proposal", "--seq", "1", "--lang", "fr", "--output", str(tmp_path)) == 2
    assert "vi, lo, vi-lo, en" in capsys.readouterr().err


def test_export_seq_without_a_document_is_refused(db, tmp_path, capsys):
    assert run(db, "export", "--seq", "1", "--output", str(tmp_path)) == 2
    assert "--document" in capsys.readouterr().err and list(tmp_path.glob("*.pdf")) == []


def test_the_decisions_attached_list_refers_to_the_decision_itself(db):
    from delegations.documents import DocumentWriter
    from delegations.domain import Approval, Text
    from delegations.exporting import ExportRequest

    with Planner.open(db, writable=False) as p:
        plan, d = p.plan(), p.delegation(p.plan().id, 1)
        for number, attached in (("45/QĐ-TU", "     /QĐ-LĐLĐ"), ("125/QĐ-LĐLĐ", "125/QĐ-LĐLĐ")):
            approved = d.evolve(status=Status.APPROVED, approval=Approval(number, date(2020, 3, 1), Text.of("Tỉnh ủy")))
            request = ExportRequest(plan=plan, delegations=[approved], lang="vi", registry=p.registry, home=p.home(), delegation=approved)
            model = DocumentWriter(request, approved, {}).build("decision")
            assert f"Quyết định số {attached}" in model.annex_title
            assert model.number.endswith(attached.strip() if number.endswith("LĐLĐ") else "/QĐ-LĐLĐ")


@pytest.mark.parametrize("lang", ["vi", "lo"])
def test_messages_name_kinds_fields_and_dates_in_the_interface_language(db, capsys, lang):
    from delegations.i18n import translator

    t = translator(lang).gettext
    assert run(db, "--lang", lang, "show", "99") == 2
    assert run(db, "--lang", lang, "list", "--plan", "nope") == 2
    err = capsys.readouterr().err
    assert "Delegation" not in err and "Plan " not in err and "99" in err and "nope" in err
    assert run(db, "--lang", lang, "programme", "3", "add", "2021-12-31", "x") == 1
    err = capsys.readouterr().err
    assert f"{t('Programme')}: " in err and "programme:" not in err
    assert "31/12/2021" in err and "1/1/2022 – 31/12/2022" in err and "2022-01-01" not in err
    assert run(db, "--lang", lang, "roster", "1", "add", "A", "--expires", "2021-01-01") == 0
    err = capsys.readouterr().err
    assert f"{t('Roster')}: " in err and "roster:" not in err and "1/1/2021" in err


def test_the_lock_message_fits_a_window_and_a_running_command(db, capsys):
    from delegations.store.repository import Repository

    repo = Repository(db)
    try:
        assert run(db, "--lang", "vi", "roster", "1", "add", "A") == 3
    finally:
        repo.close()
    err = capsys.readouterr().err
    assert "bản khác của chương trình" in err and "lệnh đang chạy" in err


def test_a_problem_found_twice_is_printed_once(capsys):
    from delegations.cli import _print_problems
    from delegations.domain import Problem

    twice = Problem("roster", "The passport of {name} expires.", {"name": "An"}, "warning")
    _print_problems([twice, twice])
    assert capsys.readouterr().err.count("An") == 1
