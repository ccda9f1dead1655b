"""``plan header|basis|recipient``: the command line edits everything the plan-header form
edits, through the same form and services (checks, translation records, one undo each)."""

from __future__ import annotations

import json

from docx import Document

from delegations.cli import main


def run(db_path, capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(["--db", str(db_path), "--lang", "en", *args])
    except SystemExit as exc:  # argparse refused an option
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def header(db_path, capsys) -> dict:
    code, out, err = run(db_path, capsys, "plan", "header", "--json")
    assert code == 0, err
    return json.loads(out)


def docx_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_number_date_and_signature_reach_the_document(db_path, capsys, tmp_path):
    code, out, err = run(db_path, capsys, "plan", "header", "--number", "12", "--issued", "5/12/2022", "--signer", "Nguyễn Văn A",
                         "--position", "CHỦ TỊCH", "--position-lo", "ປະທານ", "--place", "Đông Hà")
    assert code == 0, err
    assert "12/KH-LĐLĐ" in out and "05/12/2022" in out
    h = header(db_path, capsys)
    assert (h["number"], h["issued"], h["place"]["vi"]) == (12, "2022-12-05", "Đông Hà")
    assert h["signature"]["name"] == "Nguyễn Văn A"
    assert h["signature"]["position"]["vi"] == "CHỦ TỊCH" and h["signature"]["position"]["lo"] == "ປະທານ"
    assert h["signature"]["position"]["en"]  # a version not named is kept (and marked outdated), not dropped
    code, _out, err = run(db_path, capsys, "export", "--format", "docx", "--output", str(tmp_path))
    assert code == 0, err
    (target,) = tmp_path.glob("*.docx")
    text = docx_text(target)
    assert "Số: 12/KH-LĐLĐ" in text
    assert "Đông Hà, ngày 05 tháng 12 năm 2022" in text
    assert "Nguyễn Văn A" in text and "CHỦ TỊCH" in text


def test_a_new_vietnamese_text_outdates_its_translations(db_path, capsys):
    code, _out, err = run(db_path, capsys, "plan", "header", "--introduction", "Liên đoàn Lao động tỉnh tiếp tục hợp tác.")
    assert code == 0
    assert "Lao" in err and "Introduction" in err  # the Lao (and English) introduction were made from the old text
    code, _out, err = run(db_path, capsys, "plan", "header", "--introduction-lo", "ສະຫະພັນກຳມະບານແຂວງສືບຕໍ່ຮ່ວມມື.",
                          "--introduction-en", "The federation goes on cooperating.")
    assert code == 0 and "Introduction" not in err


def test_basis_rows_added_at_a_place_and_removed(db_path, capsys):
    before = header(db_path, capsys)["basis"]
    code, out, err = run(db_path, capsys, "plan", "basis", "add", "--kind", "Công văn", "--number", "99/UBND-ĐN", "--date", "1/2/2022",
                         "--issuer", "UBND tỉnh Quảng Trị", "--subject", "về việc hợp tác", "--kind-lo", "ໜັງສືສະເໜີ", "--at", "1")
    assert code == 0, err
    basis = header(db_path, capsys)["basis"]
    assert len(basis) == len(before) + 1
    assert basis[0]["kind"] == {"vi": "Công văn", "lo": "ໜັງສືສະເໜີ"} and basis[0]["number"] == "99/UBND-ĐN"
    assert basis[0]["issued"] == "2022-02-01" and basis[0]["verb"]["vi"] == "Căn cứ"
    assert basis[1:] == before
    code, _out, err = run(db_path, capsys, "plan", "basis", "remove", "1")
    assert code == 0, err
    assert header(db_path, capsys)["basis"] == before


def test_a_recipient_goes_before_the_archive_line(db_path, capsys):
    before = header(db_path, capsys)["recipients"]
    assert before[-1]["vi"].startswith("Lưu")
    code, _out, err = run(db_path, capsys, "plan", "recipient", "add", "Sở Ngoại vụ tỉnh Quảng Trị", "--lo", "ພະແນກການຕ່າງປະເທດ")
    assert code == 0, err
    after = header(db_path, capsys)["recipients"]
    assert after[-1] == before[-1]
    assert after[-2] == {"vi": "Sở Ngoại vụ tỉnh Quảng Trị", "lo": "ພະແນກການຕ່າງປະເທດ"}


def test_one_undo_takes_one_header_change_back(db_path, capsys):
    before = header(db_path, capsys)
    assert run(db_path, capsys, "plan", "header", "--number", "7")[0] == 0
    assert run(db_path, capsys, "plan", "recipient", "remove", "1")[0] == 0
    assert run(db_path, capsys, "undo")[0] == 0
    assert header(db_path, capsys)["recipients"] == before["recipients"]
    assert header(db_path, capsys)["number"] == 7
    assert run(db_path, capsys, "undo")[0] == 0
    assert header(db_path, capsys) == before


def test_bad_values_are_named_and_nothing_is_written(db_path, capsys):
    assert run(db_path, capsys, "plan", "header", "--symbol", "KH-LĐLĐ")[0] == 0  # the file written once
    bytes_before = db_path.read_bytes()
    code, _out, err = run(db_path, capsys, "plan", "header", "--issued", "31/2/2022")
    assert code == 2 and "--issued" in err
    code, _out, err = run(db_path, capsys, "plan", "header", "--number", "abc")
    assert code == 1 and "Number" in err and '"abc"' in err
    code, _out, err = run(db_path, capsys, "plan", "recipient", "remove", "9")
    assert code == 2 and "recipient 9" in err
    code, _out, err = run(db_path, capsys, "plan", "basis", "add", "--number", "1/QĐ")
    assert code == 2 and "--kind" in err
    assert "Traceback" not in err
    assert db_path.read_bytes() == bytes_before


def test_printing_the_header_only_reads(db_path, capsys):
    """Without options it opens the file read-only: it works while the program is open for editing."""
    from delegations.services import Planner

    assert run(db_path, capsys, "plan", "header", "--symbol", "KH-LĐLĐ")[0] == 0  # the file written once
    stat = db_path.stat()
    with Planner.open(db_path, writable=True):  # another copy editing
        code, out, err = run(db_path, capsys, "plan", "header")
    assert code == 0, err
    assert "Recipients:" in out and "Basis documents:" in out
    assert db_path.stat().st_mtime_ns == stat.st_mtime_ns
