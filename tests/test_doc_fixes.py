"""What a user trying the README found in the plan document and the command line:
a cancelled delegation in the plan (marked in PDF, Word and Excel, imported back as
cancelled), ``rates set`` with the row as ``rates`` lists it, the reason of a
cancellation said once, the missing-translation warnings worded at display time, and
the announcement before a Lao workbook."""

from __future__ import annotations

from datetime import date

import pytest

from delegations import i18n
from delegations.cli import main
from delegations.defaults import default_data
from delegations.domain import Status, Text
from delegations.services import Planner
from delegations.store.storage import dumps
from pdf_pages import letters, read_pages

REASON = "Đối tác đề nghị lùi lại"
MARK = {"vi": "(Đã hủy)", "lo": "(ຍົກເລີກແລ້ວ)", "en": "(Cancelled)"}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.json"
    path.write_text(dumps(default_data()), encoding="utf-8")
    return path


def run(db, capsys, *args) -> tuple[int, str, str]:
    try:
        code = main(["--db", str(db), *args])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def delegation(db, seq, plan=None):
    with Planner.open(db, writable=False) as p:
        return p.delegation(plan or p.plan().id, seq)


def cancel_4(db, capsys):
    code, out, err = run(db, capsys, "status", "4", "cancelled", "--reason", REASON)
    assert code == 0, err
    return out


def export(db, capsys, tmp_path, fmt: str, lang: str, *more) -> tuple[str, str]:
    folder = tmp_path / f"{fmt}-{lang}-{len(more)}"
    code, out, err = run(db, capsys, "export", "--format", fmt, "--lang", lang, "--output", str(folder), *more)
    assert code == 0, err
    return out.strip().splitlines()[-1], err


# --- 1. a cancelled delegation in the plan document ------------------------------------
def _name_cells(path: str, fmt: str) -> list[str]:
    """The plan table's name cells (second column), from the file."""
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path).worksheets[0]
        return [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    from docx import Document

    table = max(Document(path).tables, key=lambda t: len(t.rows))
    return [row.cells[1].text for row in table.rows[1:]]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize("lang", ["vi", "lo", "en", "vi-lo"])
def test_a_cancelled_delegation_is_marked_in_word_and_excel_without_the_status_column(db, capsys, tmp_path, fmt, lang):
    cancel_4(db, capsys)
    path, err = export(db, capsys, tmp_path, fmt, lang)
    names = _name_cells(path, fmt)
    assert len(names) == 4
    marks = [MARK[x] for x in lang.split("-")]
    assert names[3].splitlines()[-len(marks):] == marks          # the name's last lines: "(Đã hủy)" in each language
    assert not any(m in n for n in names[:3] for m in MARK.values())   # the planned ones are not marked
    assert "Đoàn đã hủy, in kèm dòng \"(Đã hủy)\" dưới tên đoàn: đoàn 4." in err.splitlines()


def test_the_pdf_marks_the_cancelled_delegation_and_the_cli_says_so(db, capsys, tmp_path):
    path, _err = export(db, capsys, tmp_path, "pdf", "vi")
    assert "(Đã hủy)" not in "".join(p.text for p in read_pages(path))
    cancel_4(db, capsys)
    path, err = export(db, capsys, tmp_path, "pdf", "vi", "--force")
    text = "".join(p.text for p in read_pages(path))
    assert letters("Đoàn LĐLĐ tỉnh Salavan (Đoàn vào)") + letters("(Đã hủy)") in letters(text)
    assert "Cancelled delegations, printed with the line \"(Cancelled)\" under their name: delegation 4." in run(
        db, capsys, "--lang", "en", "export", "--output", str(tmp_path / "en"))[2]
    assert "Đoàn đã hủy, in kèm dòng \"(Đã hủy)\" dưới tên đoàn: đoàn 4." in err


def test_the_workbooks_status_column_carries_the_reason_as_the_documents_does(db, capsys, tmp_path):
    from openpyxl import load_workbook

    cancel_4(db, capsys)
    path, _err = export(db, capsys, tmp_path, "xlsx", "vi")
    sheet = load_workbook(path).worksheets[0]
    status = [c.value for c in sheet[1]].index("Trạng thái")
    assert [c.value for c in sheet[5]][status] == f"Đã hủy:\n{REASON}"
    assert [c.value for c in sheet[4]][status] == "Dự kiến"


# --- 2. import brings the status back ---------------------------------------------------
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("lang", ["vi", "vi-lo"])
def test_an_exported_cancelled_row_imports_as_cancelled(db, capsys, tmp_path, fmt, lang):
    cancel_4(db, capsys)
    path, _err = export(db, capsys, tmp_path, fmt, lang)
    assert run(db, capsys, "plan", "new", "2020-2023", "--title", "Nhập lại")[0] == 0
    code, out, err = run(db, capsys, "import", path, "--plan", "2020-2023", "--dry-run")
    assert code == 0, out + err
    assert "Trạng thái: Đã hủy" in out
    code, out, err = run(db, capsys, "import", path, "--plan", "2020-2023")
    assert code == 0, out + err
    d = delegation(db, 4, "2020-2023")
    assert d.status is Status.CANCELLED
    assert d.name.get("vi") == "Đoàn LĐLĐ tỉnh Salavan (Đoàn vào)" and "(" not in d.name.get("lo", fallback=False).replace("(ຄະນະເຂົ້າ)", "")
    (entry,) = d.history
    assert (entry.status, entry.on) == ("cancelled", date.today())
    assert entry.note == "nhập từ tệp " + path.rsplit("/", 1)[-1]
    # The workbook always has the status column, with the reason; the Word document has the mark only.
    assert d.cancel_reason.get("vi", fallback=False) == (REASON if fmt == "xlsx" else "")
    assert all(delegation(db, seq, "2020-2023").status is Status.PLANNED for seq in (1, 2, 3))


def test_the_word_status_column_gives_back_the_reason_and_other_statuses_are_said(db, capsys, tmp_path):
    cancel_4(db, capsys)
    assert run(db, capsys, "status", "1", "proposed")[0] == 0
    path, _err = export(db, capsys, tmp_path, "docx", "vi-lo", "--status-column")
    assert run(db, capsys, "plan", "new", "2020-2023", "--title", "Nhập lại")[0] == 0
    code, out, err = run(db, capsys, "import", path, "--plan", "2020-2023")
    assert code == 0, out + err
    assert delegation(db, 4, "2020-2023").cancel_reason.get("vi") == REASON
    assert delegation(db, 1, "2020-2023").status is Status.PROPOSED


def test_approved_in_the_file_starts_as_planned_and_the_row_says_why(db, capsys, tmp_path):
    assert run(db, capsys, "status", "2", "proposed")[0] == 0
    assert run(db, capsys, "status", "2", "approved", "--number", "12/QĐ", "--date", "2020-01-10", "--body", "UBND")[0] == 0
    path, _err = export(db, capsys, tmp_path, "xlsx", "en")
    assert run(db, capsys, "plan", "new", "2020-2023", "--title", "Nhập lại")[0] == 0
    code, out, err = run(db, capsys, "--lang", "en", "import", path, "--plan", "2020-2023", "--dry-run")
    assert code == 0
    assert 'Row 3, column "Status": The file says "Approved", but not its facts' in out + err
    assert "status SEQ approved" in out + err


# --- 3. rates set with the row as rates lists it -----------------------------------------
def test_rates_set_takes_the_listed_row_and_prints_the_changed_line(db, capsys):
    code, out, err = run(db, capsys, "rates", "set", "tt102-2012-laos", "lodging/leader", "100")
    assert code == 0, err
    assert out == "tt102-2012-laos lodging/leader: — → 100 USD\n"
    code, out, err = run(db, capsys, "rates", "set", "tt102-2012-laos", "lodging", "120", "--role", "leader")
    assert (code, out) == (0, "tt102-2012-laos lodging/leader: 100 USD → 120 USD\n")
    code, out, err = run(db, capsys, "rates", "set", "tt102-2012-laos", "per_diem/all", "60")
    assert (code, out) == (0, "tt102-2012-laos per_diem/all: — → 60 USD\n")
    code, out, err = run(db, capsys, "rates", "set", "tt102-2012-laos", "lodging/leader", "1", "--role", "member")
    assert code == 2 and "--role" in err
    code, out, err = run(db, capsys, "rates", "cap", "tt35-2026-a", "lodging/leader", "9000000", "--source", "NQ 1/NQ-HĐND")
    assert (code, out) == (0, "tt35-2026-a lodging/leader: 9400000 VND → 9000000 VND\n")


# --- 4. the reason said once ------------------------------------------------------------
def test_cancelling_prints_the_reason_once(db, capsys):
    out = cancel_4(db, capsys)
    today = date.today().strftime("%d/%m/%Y")
    assert out == f"Đoàn LĐLĐ tỉnh Salavan (Đoàn vào): Đã hủy\nLý do hủy: {REASON}\n  {today}  Đã hủy\n"


# --- 5. missing and outdated translations worded at display time -------------------------
def _vietnamese_only(db):
    with Planner.open(db) as p:
        d = p.delegation(p.plan().id, 2)
        p.save_delegation(d.evolve(name=Text.of("Đoàn học tập")))


def test_the_missing_lao_warning_names_each_field_once(db, capsys):
    _vietnamese_only(db)
    code, out, err = run(db, capsys, "validate")
    assert code == 0
    assert err.splitlines() == ["đoàn 2: cảnh báo: Bản dịch: chưa có bản tiếng Lào của: Tên đoàn; "
                                "văn bản tiếng Lào sẽ in các mục này bằng tiếng Việt."]


def test_translation_warnings_are_worded_in_the_language_they_are_shown_in(db):
    from dataclasses import replace

    from delegations.i18n import describe
    from delegations.translation_checks import missing_lao_warnings, plan_warnings

    _vietnamese_only(db)
    i18n.set_language("vi")
    try:
        with Planner.open(db) as p:
            plan = p.plan()
            p.save_plan(replace(plan, title=plan.title.edited({"vi": "Hợp tác với Lào (sửa)"})))
            outdated = [w for w in plan_warnings(p.plan()) if w.params["language"].code == "lo"]
            missing = [w for ws in missing_lao_warnings(p.plan(), list(p.repo.delegations(plan.id))).values() for w in ws]
        assert describe(outdated[0]).startswith("bản tiếng Lào của \"Tiêu đề\"")
        i18n.set_language("en")   # made in Vietnamese, shown in English
        assert describe(outdated[0]).startswith("the Lao version of \"Title\" was made")
        assert describe(missing[0]) == "no Lao version of: Delegation; a Lao document prints them in Vietnamese."
        assert outdated[0].render(i18n.gettext).startswith("the Lao version of \"Title\"")
    finally:
        i18n.set_language("vi")


def test_validate_in_english_has_no_vietnamese_in_its_translation_warnings(db, capsys):
    _vietnamese_only(db)
    code, out, err = run(db, capsys, "--lang", "en", "validate")
    assert code == 0 and err.strip() == ("delegation 2: warning: Translations: no Lao version of: Delegation; "
                                         "a Lao document prints them in Vietnamese.")


# --- 6. the Lao workbook is announced like the PDF and Word -----------------------------
@pytest.mark.parametrize("lang", ["lo", "vi-lo"])
def test_a_lao_workbook_announces_the_texts_it_prints_in_vietnamese(db, capsys, tmp_path, lang):
    _vietnamese_only(db)
    cancel_4(db, capsys)   # its reason, in Vietnamese only, prints in the workbook's status column
    announced = {}
    for fmt in ("pdf", "docx", "xlsx"):
        _path, err = export(db, capsys, tmp_path, fmt, lang)
        announced[fmt] = [line for line in err.splitlines() if line.startswith("  - ")]
    assert announced["xlsx"] == announced["pdf"] == announced["docx"]
    assert announced["xlsx"] == ["  - đoàn 2: Tên đoàn (Tiếng Lào)", "  - đoàn 4: Lý do hủy (Tiếng Lào)"]


def test_an_english_workbook_announces_the_texts_without_english(db, capsys, tmp_path):
    _path, err = export(db, capsys, tmp_path, "xlsx", "en")
    assert "Cảnh báo: Các văn bản này chưa có bản dịch và sẽ in bằng tiếng Việt:" in err
