"""The words of the documents as a reader meets them: a title that says "Kế hoạch" is not
said twice, the timing reads as part of a sentence, a draft's date line leaves its blanks
in every language, each "Nơi nhận" line ends ";" and the last ".", the status column puts
a colon before a cancellation's reason, dates of birth and expiry are written one way,
and ``list`` keeps dates whole at 80 columns."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from rich.cells import cell_len

from delegations import lifecycle
from delegations.cli import main
from delegations.doc_model import recipient_lines
from delegations.documents import DocumentWriter
from delegations.domain import Person, Sex, Status, Text
from delegations.exporting import ExportRequest
from delegations.i18n.formatting import date_line, identity_date
from delegations.plan_model import PlanWriter
from delegations.services import Planner
from delegations.wording import plan_subject

TODAY = date(2026, 11, 24)
TITLE = ["--title", "Kế hoạch hợp tác giai đoạn 2023-2025", "--title-lo", "ແຜນການຮ່ວມມື ໄລຍະ 2023-2025",
         "--title-en", "Plan for cooperation, 2023-2025"]
ADD = ["add", "--direction", "outbound", "--partner", "savannakhet", "--name", "Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)",
       "--leader-position", "Chủ tịch LĐLĐ tỉnh", "--members", "10", "--activity", "Trao đổi kinh nghiệm"]


@pytest.fixture
def plan_2023(db_path, capsys):
    """The README's example: a plan whose title starts "Kế hoạch", a visit in a month and one with dates."""
    assert main(["--db", str(db_path), "plan", "new", "2023-2025", *TITLE]) == 0
    assert main(["--db", str(db_path), *ADD, "--year", "2024", "--month", "11", "--days", "3-4"]) == 0
    assert main(["--db", str(db_path), *ADD, "--from", "28/2/2024", "--to", "3/3/2024"]) == 0
    capsys.readouterr()
    return db_path


@pytest.fixture
def planner_2023(plan_2023, host):
    with Planner.open(plan_2023, host=host) as p:
        yield p


def request(p, lang="vi", seq=None, **kw):
    plan = p.plan()
    dels = list(p.delegations(plan.id)) if seq is None else [p.delegation(plan.id, seq)]
    return ExportRequest(plan=plan, delegations=dels, lang=lang, registry=p.registry, home=p.home(), today=TODAY,
                         delegation=dels[0] if seq is not None else None, **kw)


@pytest.mark.parametrize(("title", "lang", "subject"), [
    ("Kế hoạch hợp tác giai đoạn 2023-2025", "vi", "Hợp tác giai đoạn 2023-2025"),
    ("KẾ HOẠCH hợp tác", "vi", "Hợp tác"),
    ("Hợp tác với Lào giai đoạn 2020-2022", "vi", "Hợp tác với Lào giai đoạn 2020-2022"),
    ("Kế hoạch", "vi", "Kế hoạch"),  # nothing would be left: kept as it is
    ("ແຜນການຮ່ວມມື ໄລຍະ 2023-2025", "lo", "ຮ່ວມມື ໄລຍະ 2023-2025"),
    ("Plan for cooperation, 2023-2025", "en", "Cooperation, 2023-2025"),
    ("Planning of visits", "en", "Planning of visits"),
])
def test_a_leading_plan_word_is_left_out_where_the_document_names_the_plan(title, lang, subject):
    assert plan_subject(title, lang) == subject


@pytest.mark.parametrize("lang", ["vi", "lo", "en", "vi-lo"])
def test_the_plan_and_its_documents_do_not_say_plan_twice(planner_2023, lang):
    plan_model = PlanWriter(request(planner_2023, lang)).build()
    doubled = ("Kế hoạch Kế hoạch", "KẾ HOẠCH\nKế hoạch", "ແຜນການ ແຜນການ", "ແຜນການແຜນການ", "plan Plan")
    assert not plan_model.subject.startswith(("Kế hoạch", "ແຜນການ", "Plan"))
    decision = DocumentWriter(request(planner_2023, lang, seq=1), planner_2023.delegation("2023-2025", 1)).build("decision")
    for text in (plan_model.all_text(), decision.all_text()):
        assert not any(d in text for d in doubled), text[:400]
    if lang == "vi":
        assert plan_model.subject == "Hợp tác giai đoạn 2023-2025"
        assert decision.basis[0].startswith("Căn cứ Kế hoạch Hợp tác giai đoạn 2023-2025,")


@pytest.mark.parametrize(("lang", "words"), [("vi", "3-4 ngày, tháng 11/2024"), ("en", "3-4 days, in November 2024"),
                                             ("lo", "ເດືອນ 11/2024")])
def test_the_timing_inside_a_sentence_has_no_capital_and_english_names_the_month(planner_2023, lang, words):
    d = planner_2023.delegation("2023-2025", 1)
    decision = DocumentWriter(request(planner_2023, lang, seq=1), d).build("decision")
    assert words in decision.body[0].paragraphs[0]
    cell = PlanWriter(request(planner_2023, lang)).table().rows[0][7]
    assert cell == {"vi": "Tháng 11/2024", "en": "November 2024", "lo": "ເດືອນ 11/2024"}[lang]


def test_a_drafts_date_line_leaves_day_and_month_blank_in_every_language():
    blank = "      "
    assert date_line("Quảng Trị", None, "vi") == f"Quảng Trị, ngày{blank}tháng{blank}năm 20…"
    assert date_line("Quang Tri", None, "en") == f"Quang Tri, day{blank}month{blank}year 20…"
    assert date_line("ກວາງຈິ", None, "lo") == f"ກວາງຈິ, ວັນທີ{blank}ເດືອນ{blank}ປີ 20…"
    assert date_line("Quang Tri", date(2019, 9, 16), "en") == "Quang Tri, September 16, 2019"


@pytest.mark.parametrize("lang", ["vi", "vi-lo"])
def test_each_recipient_line_ends_with_a_semicolon_and_the_last_with_a_full_stop(planner_2023, lang, tmp_path):
    d = planner_2023.delegation("2023-2025", 1)
    model = DocumentWriter(request(planner_2023, lang, seq=1), d).build("proposal")
    lines = [line for text in recipient_lines(model.recipients) for line in text.split("\n")]
    assert lines[0] == "- Như trên;"
    assert all(line.startswith("- ") for line in lines)
    assert all(line.endswith(";") for line in lines[:-len(model.recipients[-1].split("\n"))])
    assert lines[-1].endswith(".") and "- Lưu: VT." in lines
    from pdf_pages import read_pages

    from delegations.exporting import export_document

    path = export_document(planner_2023, "proposal", 1, lang=lang, output=tmp_path, today=TODAY)
    text = "".join(page.text for page in read_pages(path)).replace(" ", "")
    assert "-Nhưtrên;" in text and "-Lưu:VT" in text


def test_the_status_column_puts_a_colon_between_status_and_reason(planner_2023):
    d = planner_2023.delegation("2023-2025", 2)
    lifecycle.change_status(planner_2023, d, Status.CANCELLED, date(2024, 1, 5), lifecycle.StatusFacts(reason="Đối tác đề nghị lùi lại"))
    rows = PlanWriter(request(planner_2023, "vi", status_column=True)).table().rows
    assert rows[1][-1] == "Đã hủy:\nĐối tác đề nghị lùi lại"
    assert rows[0][-1] == "Dự kiến"


def test_dates_of_birth_and_expiry_read_as_on_screen(planner_2023):
    d = planner_2023.delegation("2023-2025", 2)
    person = Person(name="Nguyễn Văn An", position=Text.of(vi="Cán bộ"), sex=Sex.MALE, born=date(1970, 5, 1), passport="C1234567",
                    passport_expires=date(2031, 1, 9), role="leader")
    d, _ = lifecycle.import_roster(planner_2023, d, [person])
    row = DocumentWriter(request(planner_2023, "vi", seq=2), d).roster_table().rows[0]
    assert row[3] == "01/05/1970" == identity_date(person.born)
    assert "09/01/2031" in row[5]


def test_the_report_shows_a_dash_where_there_is_no_figure(planner_2023):
    d = planner_2023.delegation("2023-2025", 2)
    model = DocumentWriter(request(planner_2023, "vi", seq=2), d, {"meals": None}).build("report")
    table = next(sec.table for sec in model.body if sec.table is not None)
    assert all(row[2] == "—" for row in table.rows)
    assert "-" not in [c for row in table.rows for c in row]


def test_list_keeps_dates_and_status_whole_at_80_columns(db_path, plan_2023, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["--db", str(db_path), *ADD, "--name", "Đoàn LĐLĐ tỉnh Quảng Trị đi Savannakhet dự hội nghị tổng kết hợp tác",
                 "--from", "28/12/2024", "--to", "3/1/2025"]) == 0
    for lang, month in (("vi", "Tháng 11/2024"), ("en", "November 2024"), ("lo", "ເດືອນ 11/2024")):
        capsys.readouterr()
        assert main(["--db", str(db_path), "--lang", lang, "list"]) == 0
        out = capsys.readouterr().out
        assert max(cell_len(line) for line in out.splitlines()) <= 80
        for whole in ("28/2–3/3/2024", "28/12/2024–3/1/2025", month):
            assert whole in out, out
        from delegations.i18n import translator

        status, outbound = translator(lang).gettext("Planned"), translator(lang).gettext("Outbound")
        assert out.count(status) == 3 and out.count(outbound) == 3 and out.count("Savannakhet" if lang != "lo" else "ສະຫວັນນະເຂດ") >= 3


def test_a_warning_names_the_language_in_lower_case_inside_its_sentence(planner_2023):
    from delegations.i18n import describe
    from delegations.translation_checks import plan_warnings

    plan = planner_2023.plan()
    planner_2023.save_plan(replace(plan, title=plan.title.edited({"vi": "Hợp tác với Lào giai đoạn 2023-2025 (sửa)"})))
    messages = [describe(p) for p in plan_warnings(planner_2023.plan())]
    assert any(m.startswith("bản tiếng Lào của") for m in messages), messages
    assert not any("Tiếng" in m for m in messages)


def test_the_lao_workbook_counts_days_with_the_pdfs_word():
    from delegations.i18n import translator

    lo = translator("lo").gettext
    assert lo("Days") == "ຈຳນວນວັນ"
    assert all(lo(m).startswith("ຈຳນວນວັນ") and "ມື້" not in lo(m) for m in ("Fewest days", "Most days"))


def test_each_documents_pdf_carries_its_own_symbol_not_the_plans(planner_2023, tmp_path):
    from pdf_pages import read_pages

    from delegations.exporting import export_document

    path = export_document(planner_2023, "proposal", 1, output=tmp_path, today=TODAY)
    text = "".join(page.text for page in read_pages(path)).replace(" ", "")
    assert "/TTr-LĐLĐ" in text and "/KH-LĐLĐ" not in text
