"""The program imports its own exports: the plan's workbook (xlsx) and its Word document
(docx), in each language, exported from one plan and imported into a new, empty plan,
give back the same delegations in every field the table carries."""

from __future__ import annotations

import pytest

from delegations.cli import main
from delegations.services import Planner

SOURCE, TARGET = "2020-2022", "2020-2023"


def _run(db, capsys, *args) -> tuple[int, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out + err  # a real import prints its findings on stderr


def _export(db, capsys, tmp_path, fmt: str, lang: str):
    folder = tmp_path / f"{fmt}-{lang}"
    code, _out = _run(db, capsys, "export", "--plan", SOURCE, "--format", fmt, "--lang", lang, "--output", str(folder))
    assert code == 0
    (path,) = folder.glob(f"*.{fmt}")
    return path


def _langs(lang: str) -> list[str]:
    return lang.split("-")


def _carried(d, langs: list[str]) -> dict:
    """What the plan's table carries of *d*, as the export's languages show it."""
    return {
        "direction": d.direction, "partner": d.partner, "members": d.members, "days": (d.duration.min_days, d.duration.max_days),
        "timing": (d.timing.year, d.timing.month, d.timing.start, d.timing.end),
        "name": [d.name.get(lang) for lang in langs], "leader": [d.leader.position.get(lang) for lang in langs],
        "leader_name": [d.leader.name_in(lang) for lang in langs],
        "activities": [[a.get(lang) for a in d.activities] for lang in langs],
        "cost_lines": list(d.cost_lines),  # "của đoàn", "of the delegation", "ຂອງຄະນະ" are known in every language
    }


def _roundtrip(db, capsys, tmp_path, fmt: str, lang: str):
    """Export *SOURCE*, make the plan *TARGET*, dry-run then import the file into it; the
    delegations of both plans."""
    path = _export(db, capsys, tmp_path, fmt, lang)
    code, _out = _run(db, capsys, "plan", "new", TARGET, "--title", "Nhập lại")
    assert code == 0
    before = db.read_bytes()
    code, out = _run(db, capsys, "import", str(path), "--plan", TARGET, "--dry-run")
    assert code == 0, out
    assert db.read_bytes() == before  # a dry run writes nothing
    assert f"Sẽ nhập 4 đoàn vào kế hoạch {TARGET}." in out
    assert "lỗi:" not in out and "cảnh báo:" not in out  # every column known, every cost line read
    code, out = _run(db, capsys, "import", str(path), "--plan", TARGET)
    assert code == 0, out
    with Planner.open(db) as planner:
        return planner.delegations(SOURCE), planner.delegations(TARGET)


CASES = [("xlsx", "vi"), ("xlsx", "en"), ("xlsx", "lo"), ("xlsx", "vi-lo"),
         ("docx", "vi"), ("docx", "en"), ("docx", "lo"), ("docx", "vi-lo")]


@pytest.mark.parametrize(("fmt", "lang"), CASES)
def test_an_export_of_the_shipped_plan_imports_back_field_by_field(planner, db_path, tmp_path, capsys, fmt, lang):
    planner.close()
    original, imported = _roundtrip(db_path, capsys, tmp_path, fmt, lang)
    assert len(original) == 4 and [d.seq for d in imported] == [1, 2, 3, 4]
    langs = _langs(lang)
    for before, after in zip(original, imported):
        assert _carried(after, langs) == _carried(before, langs)
        assert after.plan_id == TARGET and after.notes == ""


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_bilingual_export_gives_back_the_vietnamese_and_the_lao_version_of_each_text(planner, db_path, tmp_path, capsys, fmt):
    planner.close()
    original, imported = _roundtrip(db_path, capsys, tmp_path, fmt, "vi-lo")
    for before, after in zip(original, imported):
        assert after.name.as_dict() == before.name.as_dict()
        assert after.leader.position.as_dict() == before.leader.position.as_dict()
        assert [a.as_dict() for a in after.activities] == [a.as_dict() for a in before.activities]
        assert after.cost_lines == before.cost_lines


@pytest.mark.parametrize(("fmt", "lang"), [("xlsx", "vi"), ("xlsx", "vi-lo"), ("docx", "vi"), ("docx", "vi-lo")])
def test_dates_a_month_and_a_leaders_name_come_back_too(planner, db_path, tmp_path, capsys, fmt, lang):
    planner.close()
    edits = [["edit", "1", "--plan", SOURCE, "--from", "28/2/2021", "--to", "3/3/2021", "--leader-name", "Nguyễn Văn An",
              "--leader-name-lo", "ຫງວຽນ ວັນ ອານ"],
             ["edit", "2", "--plan", SOURCE, "--year", "2020", "--month", "10", "--days", "5"]]
    for args in edits:
        code, out = _run(db_path, capsys, *args)
        assert code == 0, out
    original, imported = _roundtrip(db_path, capsys, tmp_path, fmt, lang)
    assert original[0].timing.days == 4 and original[0].leader.name == "Nguyễn Văn An"
    for before, after in zip(original, imported):
        assert _carried(after, _langs(lang)) == _carried(before, _langs(lang))


def test_a_bad_cell_of_the_workbook_is_named_by_row_and_column_and_nothing_is_imported(planner, db_path, tmp_path, capsys):
    from openpyxl import load_workbook

    planner.close()
    path = _export(db_path, capsys, tmp_path, "xlsx", "vi")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    heads = [c.value for c in sheet[1]]
    sheet.cell(3, heads.index("Năm") + 1, "hai nghìn")  # the second delegation: row 3
    sheet.cell(4, heads.index("Ngày đi") + 1, "31/02/2022")  # the third: a day that does not exist
    book.save(path)
    assert _run(db_path, capsys, "plan", "new", TARGET, "--title", "Nhập lại")[0] == 0
    before = db_path.read_bytes()
    code, out = _run(db_path, capsys, "import", str(path), "--plan", TARGET)
    assert code == 1 and db_path.read_bytes() == before
    assert 'lỗi: Dòng 3, cột "Năm": "hai nghìn" không phải là số nguyên.' in out
    assert 'lỗi: Dòng 4, cột "Ngày đi": "31/02/2022"' in out


def test_the_workbook_saved_as_csv_imports_the_same(planner, db_path, tmp_path, capsys):
    """The officer opens the exported workbook and saves its first sheet as CSV: dates as
    24/09/2025, numbers as text."""
    import csv
    from datetime import date

    from openpyxl import load_workbook

    planner.close()
    code, out = _run(db_path, capsys, "edit", "1", "--plan", SOURCE, "--from", "28/2/2021", "--to", "3/3/2021")
    assert code == 0, out
    xlsx = _export(db_path, capsys, tmp_path, "xlsx", "vi")
    sheet = load_workbook(xlsx, data_only=True).worksheets[0]
    path = tmp_path / "danh-sach.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(["" if v is None else v.strftime("%d/%m/%Y") if isinstance(v, date) else v for v in row])
    assert _run(db_path, capsys, "plan", "new", TARGET, "--title", "Nhập lại")[0] == 0
    code, out = _run(db_path, capsys, "import", str(path), "--plan", TARGET)
    assert code == 0, out
    with Planner.open(db_path) as p:
        original, imported = p.delegations(SOURCE), p.delegations(TARGET)
    assert imported[0].timing.start == date(2021, 2, 28) and imported[0].timing.end == date(2021, 3, 3)
    assert [_carried(d, ["vi"]) for d in imported] == [_carried(d, ["vi"]) for d in original]


def test_the_versions_of_a_cell_are_told_apart_by_script():
    from delegations.importing.versions import language_of, leader_of, paired_items, scalar, text_of

    assert language_of("Đoàn LĐLĐ tỉnh Quảng Trị", "en") == "vi"  # Vietnamese letters: Vietnamese even in an English table
    assert language_of("Exchange of experience", "en") == "en" and language_of("Savannakhet") == "vi"
    assert text_of("Tên đoàn\nຄະນະ").as_dict() == {"vi": "Tên đoàn", "lo": "ຄະນະ"}
    assert scalar("3-4 ngày\n3-4 ວັນ") == "3-4 ngày" and scalar("3-4 ວັນ") == "3-4 ວັນ"
    items = paired_items(["Trao đổi", "Đi thực tế", "ແລກປ່ຽນ", "ລົງຢ້ຽມຢາມ"])
    assert [i.as_dict() for i in items] == [{"vi": "Trao đổi", "lo": "ແລກປ່ຽນ"}, {"vi": "Đi thực tế", "lo": "ລົງຢ້ຽມຢາມ"}]
    leader = leader_of("Chủ tịch LĐLĐ tỉnh Quảng Trị\nປະທານ\nNguyễn Văn An\nຫງວຽນ ວັນ ອານ")
    assert (leader.position.as_dict(), leader.name, leader.name_lo) == (
        {"vi": "Chủ tịch LĐLĐ tỉnh Quảng Trị", "lo": "ປະທານ"}, "Nguyễn Văn An", "ຫງວຽນ ວັນ ອານ")
    # a position on two lines is not a name: "tỉnh Quảng Trị" is not written like one
    assert leader_of("Chủ tịch LĐLĐ\ntỉnh Quảng Trị").name == ""


def test_the_leaders_lao_name_is_told_from_the_lao_position_by_the_lines_order():
    from delegations.importing.versions import leader_of

    # no Lao position: the Lao line after the name is the name's Lao spelling
    leader = leader_of("Chủ tịch LĐLĐ tỉnh Quảng Trị\nNguyễn Văn An\nຫງວຽນ ວັນ ອານ")
    assert (leader.position.as_dict(), leader.name, leader.name_lo) == ({"vi": "Chủ tịch LĐLĐ tỉnh Quảng Trị"}, "Nguyễn Văn An", "ຫງວຽນ ວັນ ອານ")
    # a Latin line after the Lao position is the name, however it is written
    leader = leader_of("Chủ tịch LHCĐ tỉnh Salavan\nປະທານ ສຫກ ແຂວງສາລະວັນ\nBounmy PHOMMACHANH\nບຸນມີ ພົມມະຈັນ")
    assert (leader.position.as_dict(), leader.name, leader.name_lo) == (
        {"vi": "Chủ tịch LHCĐ tỉnh Salavan", "lo": "ປະທານ ສຫກ ແຂວງສາລະວັນ"}, "Bounmy PHOMMACHANH", "ບຸນມີ ພົມມະຈັນ")
    # a name without a Lao spelling, after the Lao position
    leader = leader_of("Chủ tịch\nປະທານ\nNguyễn Văn An")
    assert (leader.position.as_dict(), leader.name, leader.name_lo) == ({"vi": "Chủ tịch", "lo": "ປະທານ"}, "Nguyễn Văn An", "")
    assert leader_of("Chủ tịch\nປະທານ").name == "" and leader_of("Chủ tịch\nປະທານ").position.get("lo") == "ປະທານ"


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_lao_name_without_a_lao_position_comes_back_as_the_name_and_the_preview_shows_it(planner, db_path, tmp_path, capsys, fmt):
    planner.close()
    code, out = _run(db_path, capsys, "edit", "1", "--plan", SOURCE, "--leader-position-lo", "", "--leader-name", "Nguyễn Văn An",
                     "--leader-name-lo", "ຫງວຽນ ວັນ ອານ")
    assert code == 0, out
    with Planner.open(db_path) as p:
        assert p.delegation(SOURCE, 1).leader.position.get("lo", fallback=False) == ""
    path = _export(db_path, capsys, tmp_path, fmt, "vi-lo")
    assert _run(db_path, capsys, "plan", "new", TARGET, "--title", "Nhập lại")[0] == 0
    code, out = _run(db_path, capsys, "import", str(path), "--plan", TARGET, "--dry-run")
    assert code == 0 and "Trưởng đoàn: Chủ tịch LĐLĐ tỉnh Quảng Trị Nguyễn Văn An" in out, out
    assert _run(db_path, capsys, "import", str(path), "--plan", TARGET)[0] == 0
    with Planner.open(db_path) as p:
        leader = p.delegation(TARGET, 1).leader
    assert (leader.name, leader.name_lo, leader.position.get("lo", fallback=False)) == ("Nguyễn Văn An", "ຫງວຽນ ວັນ ອານ", "")


def test_a_warning_about_dates_is_named_under_the_dates_column(planner, db_path, tmp_path, capsys):
    planner.close()
    code, out = _run(db_path, capsys, "edit", "3", "--plan", SOURCE, "--from", "30/12/2021", "--to", "2/1/2022")
    assert code == 0, out
    path = _export(db_path, capsys, tmp_path, "xlsx", "vi")
    assert _run(db_path, capsys, "plan", "new", TARGET, "--title", "Nhập lại")[0] == 0
    code, out = _run(db_path, capsys, "import", str(path), "--plan", TARGET, "--dry-run")
    assert code == 0, out
    warnings = [line.strip() for line in out.splitlines() if line.strip().startswith("cảnh báo: Dòng 4")]
    assert warnings and all('cột "Ngày đi"' in line for line in warnings), out


# --- a plan with everything the officer sets beside the table -------------------------------------------
# A leader with a Lao name only (no Latin spelling) below a Lao position; a long position that wraps in its
# cell; a leader with both names; a note of two lines; a cost model of the delegation's own; a cancelled
# delegation with its reason; a confirmed guest class and pages to translate; the partner paying lines.
RICH_EDITS = [
    ["edit", "1", "--leader-position", "Phó Chủ tịch Thường trực Liên đoàn Lao động tỉnh Quảng Trị, Trưởng ban Đối ngoại",
     "--leader-position-lo", "ຮອງປະທານປະຈຳ ສະຫະພັນກຳມະບານແຂວງ ກວາງຈິ", "--leader-name", "", "--leader-name-lo",
     "ທ່ານ ບຸນມີ ພົມມະຈັນ"],
    ["edit", "3", "--note", "Bạn tự chi vé máy bay\nĐoàn mang quà của tỉnh", "--cost-model", "norms"],
    ["status", "2", "cancelled", "--reason", "Bạn đề nghị lùi sang năm sau", "--reason-lo", "ຝ່າຍລາວຂໍເລື່ອນ",
     "--reason-en", "The partner asked to postpone"],
    ["edit", "4", "--leader-name", "Bounmy PHOMMACHANH", "--leader-name-lo", "ບຸນມີ ພົມມະຈັນ", "--cost-model", "art27"],
    ["translation", "3", "12"],
]


def _rich_plan(db, capsys) -> None:
    for args in RICH_EDITS:
        code, out = _run(db, capsys, *args, "--plan", SOURCE)
        assert code == 0, (args, out)
    with Planner.open(db) as p:
        ds = p.delegations(SOURCE)
    inbound = [d for d in ds if d.direction.value == "inbound"]
    assert inbound, "the shipped plan receives a delegation"
    code, out = _run(db, capsys, "guest-class", str(inbound[0].seq), "B", "--plan", SOURCE)
    assert code == 0, out
    with Planner.open(db) as p:
        ds = p.delegations(SOURCE)
    assert ds[0].leader.name == "" and ds[0].leader.name_lo and ds[0].leader.position.get("lo", fallback=False)
    assert "\n" in ds[2].notes and ds[2].cost_model == "norms" and ds[3].cost_model == "art27"
    assert ds[1].status.value == "cancelled" and ds[2].translation_pages == 12 and ds[2].guest_class == "B"
    assert any(c.payer == d.partner for d in ds for c in d.cost_lines)  # the partner pays some lines


def _rich_carried(d, langs: list[str], fmt: str) -> dict:
    """What an export in *fmt* carries of *d*: the table's fields and the status with its reason; the
    workbook also the cost model, guest class, pages to translate and notes."""
    out = {**_carried(d, langs), "status": d.status}
    if fmt == "xlsx":
        out.update(reason=[d.cancel_reason.get(lang) for lang in langs], cost_model=d.cost_model, guest_class=d.guest_class, pages=d.translation_pages, notes=d.notes)
    return out


@pytest.mark.parametrize(("fmt", "lang"), CASES)
def test_a_plan_with_notes_cost_models_lao_names_and_a_cancellation_imports_back(planner, db_path, tmp_path, capsys, fmt, lang):
    planner.close()
    _rich_plan(db_path, capsys)
    path = _export(db_path, capsys, tmp_path, fmt, lang)
    assert _run(db_path, capsys, "plan", "new", TARGET, "--title", "Nhập lại")[0] == 0
    code, out = _run(db_path, capsys, "import", str(path), "--plan", TARGET)
    assert code == 0, out
    assert "lỗi:" not in out and "cảnh báo:" not in out, out
    with Planner.open(db_path) as p:
        original, imported = p.delegations(SOURCE), p.delegations(TARGET)
    langs = _langs(lang)
    assert len(imported) == len(original) == 4
    for before, after in zip(original, imported):
        assert _rich_carried(after, langs, fmt) == _rich_carried(before, langs, fmt)
        # a one-line field never holds a line break, whatever way the cell was laid out
        assert not any("\n" in t for t in (*after.leader.position.all_text(), after.leader.name, after.leader.name_lo,
                                           *after.name.all_text()))
    no_model = "ghi chú: Tệp không có cột mô hình chi phí (kế hoạch dạng Word không in cột này)"
    no_notes = "ghi chú: Tệp không có cột ghi chú (kế hoạch dạng Word không in ghi chú)"
    if fmt == "xlsx":
        assert no_model not in out and no_notes not in out
    else:  # the Word plan prints neither: the import says so, once, and leaves them to the plan and the partner
        assert out.count(no_model) == 1 and out.count(no_notes) == 1, out
        assert all(d.cost_model == "" and d.notes == "" for d in imported)
        # the plan document marks the cancelled delegation, without the reason: the row says so
        assert [d.seq for d in imported if d.status.value == "cancelled"] == [2] and not imported[1].cancel_reason
        assert out.count("ghi chú: Dòng 3, cột") == 1 and "lý do không có trong tệp" in out, out


def test_the_estimate_of_a_plan_imported_from_its_workbook_is_the_exported_plans(planner, db_path, tmp_path, capsys):
    planner.close()
    _rich_plan(db_path, capsys)
    path = _export(db_path, capsys, tmp_path, "xlsx", "vi")
    assert _run(db_path, capsys, "plan", "new", TARGET, "--title", "Nhập lại")[0] == 0
    assert _run(db_path, capsys, "import", str(path), "--plan", TARGET)[0] == 0
    with Planner.open(db_path) as p:
        totals = [p.budgeting.report(plan).by_delegation() for plan in (SOURCE, TARGET)]
    assert totals[0] == totals[1]  # each delegation's estimate: its cost model, guest class and pages came back
    # norms, guest class B and 12 pages for the third, art27 for the fourth (2020's outbound visits have no rates)
    assert totals[0][3] and totals[0][4] and totals[0][3] != totals[0][4]


def test_a_leaders_cell_never_gives_a_line_break_to_a_one_line_field():
    from delegations.importing.versions import leader_of, line_text_of

    # the export of a leader with a Lao name only: the position in both languages, then the Lao name
    leader = leader_of("Chủ tịch LHCĐ tỉnh Salavan\nປະທານສະຫະພັນກຳມະບານແຂວງສາລະວັນ\nທ່ານ ບຸນມີ ພົມມະຈັນ")
    assert (leader.position.as_dict(), leader.name, leader.name_lo) == (
        {"vi": "Chủ tịch LHCĐ tỉnh Salavan", "lo": "ປະທານສະຫະພັນກຳມະບານແຂວງສາລະວັນ"}, "", "ທ່ານ ບຸນມີ ພົມມະຈັນ")
    # the Lao export of the same: the position, then the name
    leader = leader_of("ປະທານສະຫະພັນກຳມະບານແຂວງສາລະວັນ\nທ່ານ ບຸນມີ ພົມມະຈັນ")
    assert (leader.position.as_dict(), leader.name_lo) == ({"lo": "ປະທານສະຫະພັນກຳມະບານແຂວງສາລະວັນ"}, "ທ່ານ ບຸນມີ ພົມມະຈັນ")
    # a position written over two lines in someone's Word file, then the name: one line each
    leader = leader_of("Phó Chủ tịch LĐLĐ\ntỉnh Quảng Trị\nNguyễn Văn An")
    assert (leader.position.as_dict(), leader.name) == ({"vi": "Phó Chủ tịch LĐLĐ tỉnh Quảng Trị"}, "Nguyễn Văn An")
    assert leader_of("Chủ tịch LĐLĐ\ntỉnh Quảng Trị").position.as_dict() == {"vi": "Chủ tịch LĐLĐ tỉnh Quảng Trị"}
    # a name with its surname in capitals, without a Lao spelling, in a Vietnamese export
    assert leader_of("Chủ tịch LHCĐ tỉnh Salavan\nBounmy PHOMMACHANH").name == "Bounmy PHOMMACHANH"
    assert line_text_of("Đoàn LĐLĐ tỉnh\nQuảng Trị\nຄະນະ\nກວາງຈິ").as_dict() == {"vi": "Đoàn LĐLĐ tỉnh Quảng Trị", "lo": "ຄະນະ ກວາງຈິ"}


def test_an_english_plan_document_gives_a_month_back():
    from delegations.importing.parsing import parse_timing

    assert (parse_timing("September 2024").year, parse_timing("September 2024").month) == (2024, 9)
    assert parse_timing("in Nov. 2025").month == 11
