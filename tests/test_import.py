"""Importing a plan table from Word, Excel and CSV (``delegations import``)."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from docx import Document
from openpyxl import Workbook

from delegations.cli import main
from delegations.domain import DayRange, Direction, Timing
from delegations.importing import ImportRefused, commit, preview
from delegations.importing.parsing import CellError, list_items, parse_days, parse_members, parse_timing

# Seed 000's table, as the officer's Word document holds it.
HEADER = ["TT", "Tên đoàn", "Trưởng đoàn", "Số thành viên", "Nước đến", "Nội dung hoạt động", "Số ngày", "Thời gian", "Nguồn kinh phí"]
ACT_OUT = ["- Trao đổi kinh nghiệm hoạt động công đoàn", "- Đi thực tế một số CĐCS"]
ACT_IN = ["- Toạ đàm trao đổi kinh nghiệm hoạt động công đoàn", "- Đi thực tế một số CĐCS"]


def _out_costs(p):
    return [f"- LHCD tỉnh {p} chịu chi phí ăn, nghỉ",
            "- LĐLĐ tỉnh Quảng Trị chịu chi phí về phương tiện đi lại và kinh phí hỗ trợ cho bạn (nguồn ngân sách công đoàn)"]


def _in_costs(p):
    return ["- LĐLĐ tỉnh Quảng Trị chịu chi phí ăn, nghỉ của đoàn (nguồn ngân sách công đoàn)", f"- LHCD tỉnh {p} chịu chi phí về phương tiện đi lại"]


SEED_ROWS = [
    ["1", "Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)", "Chủ tịch LĐLĐ tỉnh Quảng Trị", "10", "Lào", ACT_OUT, "3-4 ngày", "Năm 2020", _out_costs("Savannakhet")],
    ["2", "Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)", "Chủ tịch LĐLĐ tỉnh Quảng Trị", "10", "Lào", ACT_OUT, "3-4 ngày", "Năm 2020", _out_costs("Salavan")],
    ["3", "Đoàn LĐLĐ tỉnh Savannakhet (Đoàn vào)", "Chủ tịch LĐLĐ tỉnh savannakhet", "10", "Việt Nam", ACT_IN, "3-4 ngày", "Năm 2022", _in_costs("Savannakhet")],
    ["4", "Đoàn LĐLĐ tỉnh Salavan (Đoàn vào)", "Chủ tịch LĐLĐ tỉnh Salavan", "10", "Việt Nam", ACT_IN, "3-4 ngày", "Năm 2022", _in_costs("Salavan")],
]


def write_docx(path, header=HEADER, rows=SEED_ROWS):
    """A Word document like seed 000: a heading, a paragraph, then the table (lists as paragraphs in cells)."""
    doc = Document()
    doc.add_paragraph("KẾ HOẠCH Hợp tác với Lào giai đoạn 2020-2022")
    doc.add_paragraph("Thực hiện Công văn số 4214/UBND-ĐN ngày 16/9/2019 …")
    table = doc.add_table(rows=1, cols=len(header))
    for cell, title in zip(table.rows[0].cells, header):
        cell.text = title
    for row in rows:
        for cell, value in zip(table.add_row().cells, row):
            lines = value if isinstance(value, list) else [value]
            cell.text = lines[0]
            for more in lines[1:]:
                cell.add_paragraph(more)
    doc.save(str(path))
    return path


def _flat(row):
    return ["\n".join(v) if isinstance(v, list) else v for v in row]


def write_xlsx(path, header, rows, title_row=True):
    book = Workbook()
    sheet = book.active
    sheet.title = "Kế hoạch"
    if title_row:
        sheet.append(["KẾ HOẠCH HỢP TÁC VỚI LÀO GIAI ĐOẠN 2020-2022"])
    sheet.append(header)
    for row in rows:
        flat = _flat(row)
        flat[3] = int(flat[3])  # a real number in the sheet
        sheet.append(flat)
    book.save(path)
    return path


def write_csv(path, header, rows, delimiter=","):
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(_flat(r) for r in rows)
    return path


def _essence(d):
    """What the seed's table says of a delegation (Vietnamese texts)."""
    return (d.direction, d.partner, d.name.get("vi"), d.leader.position.get("vi"), d.members, d.duration, d.timing,
            [a.get("vi") for a in d.activities],
            [(c.item, c.payer, c.funding, c.detail.get("vi")) for c in d.cost_lines])


def _shipped(planner):
    return [_essence(planner.delegation("2020-2022", seq)) for seq in (1, 2, 3, 4)]


def test_the_word_table_of_seed_000_imports_as_the_four_delegations_of_the_plan(planner, tmp_path):
    found = preview(planner, write_docx(tmp_path / "ke-hoach.docx"), "2020-2022")
    assert found.errors == [] and [r.row for r in found.rows] == [2, 3, 4, 5]
    stored = commit(planner, found)
    assert [d.seq for d in stored] == [5, 6, 7, 8]
    imported = [_essence(planner.delegation("2020-2022", seq)) for seq in (5, 6, 7, 8)]
    assert imported == _shipped(planner)  # the shipped plan is seed 000
    first, _second, third, _fourth = imported
    assert first[:2] == (Direction.OUTBOUND, "savannakhet") and third[:2] == (Direction.INBOUND, "savannakhet")
    assert first[4:7] == (10, DayRange(3, 4), Timing(2020))
    assert first[8] == [("board_lodging", "savannakhet", "", ""), ("transport", "quangtri", "union_budget", ""),
                        ("support", "quangtri", "union_budget", "")]
    assert third[8] == [("board_lodging", "quangtri", "union_budget", "của đoàn"), ("transport", "savannakhet", "", "")]
    shipped, again = planner.delegation("2020-2022", 3), planner.delegation("2020-2022", 7)
    assert again.cost_lines == shipped.cost_lines  # the detail "của đoàn" in Lao and English too


OTHER_HEADER = ["STT", "Đoàn", "TRƯỞNG ĐOÀN", "Số người", "Nuoc den", "Nội dung", "Số ngày (ngày)", "Thời gian", "Kinh phí:"]


def test_an_excel_sheet_with_other_column_names_imports_the_same(planner, tmp_path):
    path = write_xlsx(tmp_path / "ke-hoach.xlsx", OTHER_HEADER, SEED_ROWS)
    found = preview(planner, path, "2020-2022")
    assert found.errors == [] and found.source == "sheet Kế hoạch"
    assert [r.row for r in found.rows] == [3, 4, 5, 6]  # the sheet's own row numbers, under a title row
    commit(planner, found)
    assert [_essence(planner.delegation("2020-2022", seq)) for seq in (5, 6, 7, 8)] == _shipped(planner)


def test_a_csv_file_imports_the_same(planner, tmp_path):
    header = ["TT", "Tên đoàn", "Trưởng đoàn", "Số lượng", "Nước đến", "Nội dung hoạt động", "Số ngày", "Thời gian", "Nguồn kinh phí"]
    path = write_csv(tmp_path / "ke-hoach.csv", header, SEED_ROWS, delimiter=";")
    found = preview(planner, path, "2020-2022")
    assert found.errors == []
    commit(planner, found)
    assert [_essence(planner.delegation("2020-2022", seq)) for seq in (5, 6, 7, 8)] == _shipped(planner)


def _run(db, capsys, *args):
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_file_with_a_bad_row_imports_nothing_and_names_row_and_column(planner, db_path, tmp_path, capsys):
    planner.close()
    rows = [list(r) for r in SEED_ROWS]
    rows[2][3] = "mười"  # the third delegation: row 4 of the table
    path = write_docx(tmp_path / "sai.docx", rows=rows)
    before = db_path.read_bytes()
    code, out, err = _run(db_path, capsys, "import", str(path))
    assert code == 1
    assert "lỗi: Dòng 4, cột \"Số thành viên\": \"mười\" không phải là số người" in err
    assert "Không nhập gì" in out or "không nhập" in out.lower()
    assert db_path.read_bytes() == before
    code, out, _err = _run(db_path, capsys, "import", str(path), "--json")
    report = json.loads(out)
    assert code == 1 and report["imported"] == 0 and report["errors"] == 1
    assert [(p["row"], p["column"], p["severity"]) for r in report["rows"] for p in r["problems"]] == [(4, "Số thành viên", "error")]
    assert db_path.read_bytes() == before


def test_a_row_the_validators_refuse_is_an_error_of_that_row(planner, tmp_path):
    rows = [list(r) for r in SEED_ROWS]
    rows[1][7] = "Năm 2025"  # outside the plan's period 2020-2022
    found = preview(planner, write_docx(tmp_path / "x.docx", rows=rows), "2020-2022")
    assert [(f.row, f.column, f.severity) for f in found.errors] == [(3, "Thời gian", "error")]
    with pytest.raises(ImportRefused):
        commit(planner, found)
    assert len(planner.delegations("2020-2022")) == 4


def test_a_dry_run_prints_every_row_and_writes_nothing(planner, db_path, tmp_path, capsys):
    planner.close()
    path = write_docx(tmp_path / "ke-hoach.docx")
    before = db_path.read_bytes()
    code, out, _err = _run(db_path, capsys, "import", str(path), "--dry-run")
    assert code == 0 and db_path.read_bytes() == before
    assert out.count("Dòng ") == 4 and "8. Đoàn LĐLĐ tỉnh Salavan (Đoàn vào)" in out
    assert "LHCĐ tỉnh Salavan chịu chi phí về phương tiện đi lại" in out
    code, out, _err = _run(db_path, capsys, "import", str(path), "--dry-run", "--json")
    report = json.loads(out)
    assert code == 0 and report["dry_run"] and report["imported"] == 0 and len(report["rows"]) == 4
    assert report["rows"][0]["delegation"]["cost_lines"][0] == {"item": "board_lodging", "payer": "savannakhet", "funding": ""}
    assert db_path.read_bytes() == before


def test_one_undo_takes_the_whole_import_back(planner, tmp_path):
    commit(planner, preview(planner, write_docx(tmp_path / "k.docx"), "2020-2022"))
    assert len(planner.delegations("2020-2022")) == 8
    done = planner.undo("2020-2022")
    assert len(planner.delegations("2020-2022")) == 4 and "4" in str(done.message)
    planner.redo("2020-2022")
    assert len(planner.delegations("2020-2022")) == 8


def test_direction_from_the_country_partner_from_the_costs_and_a_cost_line_in_other_words(planner, tmp_path):
    rows = [["1", "Đoàn công tác LĐLĐ tỉnh", "Phó Chủ tịch LĐLĐ tỉnh", "5 người", "Lào", ["Học tập kinh nghiệm"], "5", "24-25/9/2021",
             ["- LHCD tỉnh Salavan chịu chi phí ăn, nghỉ", "- Hai bên tự túc vé máy bay"]]]
    found = preview(planner, write_docx(tmp_path / "k.docx", rows=rows), "2020-2022")
    (row,) = found.rows
    d = row.delegation
    assert (d.direction, d.partner, d.members, d.timing.start, d.timing.end, d.duration) == (
        Direction.OUTBOUND, "salavan", 5, date(2021, 9, 24), date(2021, 9, 25), DayRange(2, 2))
    assert [(c.item, c.payer) for c in d.cost_lines] == [("board_lodging", "salavan")]
    assert "Hai bên tự túc vé máy bay" in d.notes
    said = {(f.column, f.severity) for f in row.findings}
    assert ("Nguồn kinh phí", "warning") in said  # the free text is said
    assert ("Số ngày", "warning") in said  # 5 days written, the dates cover 2


def test_unknown_and_damaged_files_are_file_faults(planner, db_path, tmp_path, capsys):
    planner.close()
    (tmp_path / "k.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "k.docx").write_bytes(b"not a zip")
    (tmp_path / "k.xlsx").write_bytes(b"")
    for name in ("k.pdf", "k.docx", "k.xlsx", "missing.csv"):
        code, _out, err = _run(db_path, capsys, "import", str(tmp_path / name))
        assert code == 3 and "Traceback" not in err and name in err


@pytest.mark.parametrize("text, expected", [
    ("Năm 2020", Timing(2020)),
    ("2022", Timing(2022)),
    ("Tháng 10/2025", Timing(2025, 10)),
    ("tháng 3 năm 2024", Timing(2024, 3)),
    ("24-25/9/2025", Timing(2025, start=date(2025, 9, 24), end=date(2025, 9, 25))),
    ("28/02/2024 - 03/03/2024", Timing(2024, start=date(2024, 2, 28), end=date(2024, 3, 3))),
    ("28/2-3/3/2020", Timing(2020, start=date(2020, 2, 28), end=date(2020, 3, 3))),
    ("16/9/2021", Timing(2021, start=date(2021, 9, 16))),
])
def test_each_time_form_of_the_plans_is_read(text, expected):
    assert parse_timing(text) == expected


@pytest.mark.parametrize("text", ["Quý III", "30/2/2024", "Tháng 13/2024", "25-24/9/2025"])
def test_a_time_that_is_not_one_is_refused(text):
    with pytest.raises(CellError):
        parse_timing(text)


def test_days_members_and_list_items():
    assert parse_days("3-4 ngày") == DayRange(3, 4) and parse_days("5") == DayRange(5, 5)
    assert parse_members("10 người") == 10
    assert list_items("- Trao đổi kinh nghiệm hoạt động công đoàn - Đi thực tế một số CĐCS") == [
        "Trao đổi kinh nghiệm hoạt động công đoàn", "Đi thực tế một số CĐCS"]
    assert list_items("Một\nHai") == ["Một", "Hai"]


def test_heading_rows_give_the_direction_and_numbering_and_repeated_header_rows_are_skipped(planner, tmp_path):
    header = ["STT", "Tên đoàn", "Trưởng đoàn", "Số người", "Nội dung", "Số ngày", "Thời gian", "Kinh phí"]
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    sheet.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"])
    sheet.append(["I. ĐOÀN VÀO"] + [None] * 7)
    sheet.append([1, "Đoàn Công đoàn tỉnh Salavan", "Phó Chủ tịch LHCĐ tỉnh Salavan", 8, "Học tập kinh nghiệm", None,
                  date(2021, 9, 16), None])
    sheet.append(header)
    sheet.append(["II. ĐOÀN RA"] + [None] * 7)
    sheet.append([2, "Đoàn LĐLĐ tỉnh Quảng Trị thăm Savannakhet", "Chủ tịch LĐLĐ tỉnh", 10, "Trao đổi", "4 ngày", "Tháng 10/2022",
                  None])
    book.save(tmp_path / "k.xlsx")
    found = preview(planner, tmp_path / "k.xlsx", "2020-2022")
    assert found.errors == [] and [r.row for r in found.rows] == [4, 7]
    inbound, outbound = found.delegations
    assert (inbound.direction, inbound.partner, inbound.timing.start, inbound.duration) == (
        Direction.INBOUND, "salavan", date(2021, 9, 16), DayRange(1, 1))
    assert (outbound.direction, outbound.partner, outbound.timing, outbound.duration) == (
        Direction.OUTBOUND, "savannakhet", Timing(2022, 10), DayRange(4, 4))
    assert outbound.cost_lines  # none in the file: the partner's usual sharing, and the row says so
    assert any(f.severity == "note" and f.column == "Kinh phí" for f in found.rows[1].findings)
