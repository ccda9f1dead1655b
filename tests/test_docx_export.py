"""The Word export (python-docx): the plan and every document, read back from the file.

The shipped plan's table cell by cell against seed 000, its sections (portrait, then
landscape for the table) with the decree's margins, the table's repeated header row
and unsplit rows, Times New Roman with the Lao face for complex script, list items as
paragraphs, "Nơi nhận" beside the signature; every document kind for an outbound and
an inbound delegation in vi, lo and vi-lo; the estimate and the settlement."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm

from delegations import cli
from delegations.documents import KINDS
from delegations.docx.ooxml import LAO_FONT
from delegations.domain import Direction
from delegations.exporting import FILE_WORDS, export_document, export_plan
from delegations.i18n import translator
from delegations.plan_model import COLUMN_SHARES
from delegations.services import Filters
from test_budget_documents import done  # noqa: F401 - the fixture
from test_documents import planner as life_planner  # noqa: F401 - the fixture: rosters, programmes, a done delegation
from test_services import SEED_TABLE

TODAY = date(2026, 11, 23)
SEED_HEADS = ["TT", "Tên đoàn", "Trưởng đoàn", "Số thành viên", "Nước đến", "Nội dung hoạt động", "Số ngày", "Thời gian",
              "Nguồn kinh phí"]
W = qn("w:val")


def mm(*millimetres) -> list[float]:
    """Lengths in millimetres, to within what Word stores (twentieths of a point)."""
    return pytest.approx(list(millimetres), abs=0.05)


def margins(section) -> list[float]:
    return [section.top_margin / 36000, section.bottom_margin / 36000, section.left_margin / 36000, section.right_margin / 36000]


def lines(cell) -> list[str]:
    return [p.text.replace("\u00a0", " ") for p in cell.paragraphs]


def body_text(document) -> list[str]:
    """Every paragraph of the body, tables included, in order."""
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))).replace("\u00a0", " ") for p in document.element.body.iter(qn("w:p"))]


def plan_table(document):
    return next(t for t in document.tables if len(t.columns) >= 9)


def ruled(document) -> list:
    """The ruled tables (not the header's nor the closing's)."""
    return [t for t in document.tables if t.style is not None and t.style.name == "Table Grid"]


def body_index(document, element) -> int:
    return list(document.element.body).index(element)


def section_break_index(document) -> int:
    """The paragraph that ends the first section (the portrait page)."""
    return next(i for i, el in enumerate(document.element.body) if el.tag == qn("w:p") and el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)


@pytest.fixture
def plan_docx(planner, tmp_path):
    path = export_plan(planner, fmt="docx", output=tmp_path, today=TODAY)
    return path, docx.Document(str(path))


def test_the_plan_is_a_word_file_named_as_the_pdf_is(plan_docx):
    path, _ = plan_docx
    assert path.name == "ke-hoach_2020-2022_vi_2026-11-23.docx"
    assert path.read_bytes()[:2] == b"PK"


def test_portrait_first_then_the_table_on_landscape_pages_with_the_decrees_margins(plan_docx):
    _, document = plan_docx
    first, table_pages = document.sections
    assert first.orientation == WD_ORIENT.PORTRAIT and [first.page_width / 36000, first.page_height / 36000] == mm(210, 297)
    assert table_pages.orientation == WD_ORIENT.LANDSCAPE and [table_pages.page_width / 36000, table_pages.page_height / 36000] == mm(297, 210)
    for section in document.sections:
        assert margins(section) == mm(20, 20, 30, 15)
    # the table and the closing after it are in the landscape section
    table = plan_table(document)
    assert body_index(document, table._tbl) > section_break_index(document)
    assert body_index(document, document.tables[-1]._tbl) > body_index(document, table._tbl)


def test_every_cell_of_the_seed_table_in_order(plan_docx):
    _, document = plan_docx
    table = plan_table(document)
    assert [lines(c) for c in table.rows[0].cells] == [[h] for h in SEED_HEADS]
    assert len(table.rows) == 1 + len(SEED_TABLE)
    for n, (row, seed) in enumerate(zip(table.rows[1:], SEED_TABLE), 1):
        name, leader, members, country, activities, days, timing, funding = seed
        expected = [[str(n)], [name], [leader], [members], [country], [f"- {a}" for a in activities], [days], [timing],
                    [f"- {f}" for f in funding]]
        # list items are paragraphs of their own in the cell
        assert [lines(c) for c in row.cells] == expected


def test_the_header_row_repeats_and_no_row_splits(plan_docx):
    _, document = plan_docx
    table = plan_table(document)
    rows = table._tbl.tr_lst
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr.find(qn("w:tblHeader")) is None for tr in rows[1:])
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
    widths = [c.width for c in table.rows[0].cells]
    frame = Mm(297 - 30 - 15)
    assert sum(widths) == pytest.approx(frame, rel=0.002)
    assert [w / sum(widths) for w in widths] == pytest.approx(COLUMN_SHARES, abs=0.001)
    # the last row keeps with the closing after the table
    assert all(p.paragraph_format.keep_with_next for c in table.rows[-1].cells for p in c.paragraphs)


def test_every_run_is_times_new_roman_with_the_lao_face_for_complex_script(plan_docx):
    _, document = plan_docx
    runs = list(document.element.body.iter(qn("w:r")))
    assert len(runs) > 50
    for r in runs:
        fonts = r.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman"
        assert fonts.get(qn("w:cs")) == LAO_FONT
        assert r.rPr.find(qn("w:sz")).get(W) == r.rPr.find(qn("w:szCs")).get(W)
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 14


def test_header_title_and_basis_in_the_national_format(plan_docx, planner):
    _, document = plan_docx
    header = document.tables[0]
    (left, right), (number, dated) = [row.cells for row in header.rows]
    assert lines(left)[:2] == ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ"]
    assert left.paragraphs[1].runs[0].bold and not left.paragraphs[0].runs[0].bold
    assert lines(right)[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    # the short rules under the issuing body and the motto
    for cell in (left, right):
        assert cell.paragraphs[2]._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    assert lines(number)[0].startswith("Số:") and lines(number)[0].endswith("/KH-LĐLĐ")
    assert dated.paragraphs[0].runs[0].italic and lines(dated)[0].startswith("Quảng Trị, ngày")
    assert all(b.get(W) == "nil" for b in header._tbl.tblPr.find(qn("w:tblBorders")))
    paragraphs = [p for p in document.paragraphs if p.text]
    assert [p.text for p in paragraphs[:2]] == ["KẾ HOẠCH", "Hợp tác với Lào giai đoạn 2020-2022"]
    basis = paragraphs[2]
    assert basis.text == planner.wording("vi").basis_paragraph(planner.plan())
    fmt = basis.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and fmt.first_line_indent == Cm(1.27)
    assert basis.runs[0].font.size.pt == 14


def test_page_numbers_from_page_two(plan_docx):
    _, document = plan_docx
    first = document.sections[0]
    assert first.different_first_page_header_footer
    assert not "".join(t.text for t in first.first_page_header._element.iter(qn("w:t")))
    assert "PAGE" in "".join(t.text for t in first.header._element.iter(qn("w:instrText")))
    assert not document.sections[1].different_first_page_header_footer and document.sections[1].header.is_linked_to_previous


def test_recipients_beside_the_signature(plan_docx):
    _, document = plan_docx
    left, right = document.tables[-1].rows[0].cells
    assert lines(left) == ["Nơi nhận:", "- Sở Ngoại vụ;", "- Lưu: VT, TH."]
    head = left.paragraphs[0].runs[0]
    assert head.bold and head.italic and head.font.size.pt == 12
    assert all(p.runs[0].font.size.pt == 11 for p in left.paragraphs[1:])
    assert [x for x in lines(right) if x] == ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Nguyễn Đăng Bảo"]
    assert all(p.runs[0].bold for p in right.paragraphs if p.text)


@pytest.mark.parametrize("lang", ["lo", "vi-lo", "en"])
def test_the_plan_in_every_language(planner, tmp_path, lang):
    document = docx.Document(str(export_plan(planner, fmt="docx", lang=lang, output=tmp_path, today=TODAY)))
    table = plan_table(document)
    assert len(table.columns) == 9 and len(table.rows) == 5
    d = planner.delegation(planner.plan().id, 1)
    name = lines(table.rows[1].cells[1])
    wanted = [d.name.get(code) for code in lang.split("-")]
    assert name == wanted
    assert lines(table.rows[0].cells[0])[0] == translator(lang.split("-")[0]).gettext("No.")
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    left = document.tables[-1].rows[0].cells[0]
    assert lines(left)[0] == translator(lang.split("-")[0]).gettext("Recipients:")


def test_the_filtered_plan_and_its_status_column(planner, tmp_path):
    path = export_plan(planner, fmt="docx", output=tmp_path, today=TODAY, filters=Filters(direction=Direction.INBOUND),
                       status_column=True)
    assert path.name == "ke-hoach_2020-2022_vi_inbound_2026-11-23.docx"
    table = plan_table(docx.Document(str(path)))
    assert [lines(r.cells[1]) for r in table.rows[1:]] == [["Đoàn LĐLĐ tỉnh Savannakhet (Đoàn vào)"], ["Đoàn LĐLĐ tỉnh Salavan (Đoàn vào)"]]
    assert lines(table.rows[0].cells[9]) == [translator("vi").gettext("Status")]
    assert [lines(r.cells[0]) for r in table.rows[1:]] == [["1"], ["2"]]


def test_word_export_from_the_command_line(planner, db_path, tmp_path, capsys):
    assert cli.main(["--db", str(db_path), "export", "--format", "docx", "--output", str(tmp_path)]) == 0
    path = capsys.readouterr().out.strip().splitlines()[-1]
    assert path.endswith(".docx") and "ke-hoach_" in path
    assert len(plan_table(docx.Document(path)).rows) == 5


DOC_CASES = [pytest.param((kind, seq, lang), id=f"{kind}-{seq}-{lang}") for kind in KINDS for seq in (1, 3)
             for lang in ("vi", "lo", "vi-lo")]


@pytest.mark.parametrize("case", DOC_CASES)
def test_every_document_kind_in_word(life_planner, tmp_path, case):  # noqa: F811
    kind, seq, lang = case
    path = export_document(life_planner, f"{kind}.docx", seq, lang=lang, output=tmp_path, today=TODAY)
    assert path.suffix == ".docx" and path.name.startswith(f"{FILE_WORDS[kind]}_")
    document = docx.Document(str(path))
    d = life_planner.delegation(life_planner.plan().id, seq)
    text = "\n".join(body_text(document))
    first = lang.split("-")[0]
    assert translator(first).gettext("Recipients:") in text
    if kind in ("decision", "roster", "proposal"):
        for person in d.roster:
            assert person.name in text, f"{kind} {lang}: {person.name} missing"
            if "lo" in lang.split("-") and kind != "proposal":
                assert person.lao_name in text, f"{kind} {lang}: {person.lao_name} missing"
    if kind in ("programme", "invitation", "proposal", "report"):
        for item in d.programme:
            for code in lang.split("-"):
                assert item.activity.get(code) in text, f"{kind} {lang}: {item.activity.get(code)} missing"
    for section in document.sections:
        assert section.orientation == WD_ORIENT.PORTRAIT
        assert margins(section) == mm(20, 20, 30, 15)
    assert ruled(document)
    for table in ruled(document):
        assert table._tbl.tr_lst[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in table._tbl.tr_lst)


def test_the_roster_names_each_person_in_their_own_row(life_planner, tmp_path):  # noqa: F811
    path = export_document(life_planner, "roster.docx", 3, lang="vi-lo", output=tmp_path, today=TODAY)
    document = docx.Document(str(path))
    d = life_planner.delegation(life_planner.plan().id, 3)
    table = document.tables[1]
    assert [lines(r.cells[1]) for r in table.rows[1:]] == [[p.name, p.lao_name] for p in d.roster]


def test_the_estimate_and_the_settlement_in_word(done, tmp_path):  # noqa: F811
    document = docx.Document(str(export_document(done, "budget.docx", 3, output=tmp_path, today=TODAY)))
    text = body_text(document)
    assert "DỰ TOÁN KINH PHÍ" in text
    rows = [[" ".join(lines(c)) for c in r.cells] for r in document.tables[1].rows]
    assert ["3", "Tiền thuê phòng nghỉ, thành viên", "27", "2.500.000 ₫", "67.500.000 ₫"] in [r[:5] for r in rows]
    path = export_document(done, "settlement.docx", 3, output=tmp_path, today=TODAY)
    assert path.name == "quyet-toan_2020-2022_3_vi_2026-11-23.docx"
    document = docx.Document(str(path))
    assert "QUYẾT TOÁN KINH PHÍ" in body_text(document)
    rows = [[" ".join(lines(c)) for c in r.cells] for r in document.tables[1].rows]
    # the leader's lodging is not priced: the estimate's total is a part, and says so
    assert ["", "Tổng LĐLĐ tỉnh Quảng Trị chi (chưa đủ)", "67.500.000 ₫ (chưa đủ)", "90.000.000 ₫", "22.500.000 ₫"] in rows
    whole = export_document(done, "budget.docx", None, lang="vi-lo", output=tmp_path, today=TODAY)
    assert whole.name == "du-toan_2020-2022_vi-lo_2026-11-23.docx"
    text = body_text(docx.Document(str(whole)))
    assert translator("vi").gettext("BUDGET ESTIMATE") in text and translator("lo").gettext("BUDGET ESTIMATE") in text


def test_the_plan_with_its_budget_appendix(planner, tmp_path):
    document = docx.Document(str(export_plan(planner, fmt="docx", output=tmp_path, today=TODAY, budget=True)))
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    appendix = document.sections[2]
    # numbered on its own from 1, its first page without a number
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1" and appendix.different_first_page_header_footer
    text = body_text(document)
    assert text.index("Phụ lục") > text.index("Nguyễn Đăng Bảo") and "DỰ TOÁN KINH PHÍ" in text
    tables = [[[" ".join(lines(c)) for c in r.cells] for r in t.rows] for t in ruled(document)]
    (rows,) = [t for t in tables if len(t[0]) == 6]   # the estimate: the federation's lines and its total
    assert rows[-1][1] == "Tổng LĐLĐ tỉnh Quảng Trị chi" and rows[-1][4].startswith("315.800.000")  # 2 x 157,900,000 (see test_budget)
    # The same content as the PDF's appendix: the partner's lines, the four groupings with the
    # federation's total, and the notes (the same model, budget.appendix_model).
    partner = [t for t in tables if len(t[0]) == 4]
    assert partner and all(row[3].startswith("LHCĐ tỉnh") for row in partner[0][1:])
    groups = [t for t in tables if len(t[0]) == 2]
    assert [t[0][0] for t in groups] == ["Theo đoàn", "Theo năm", "Theo đơn vị chi trả", "Theo nguồn kinh phí"]
    assert all(t[-1] == ["Tổng LĐLĐ tỉnh Quảng Trị chi", "315.800.000 ₫ (chưa đủ)"] for t in groups)
    payers = dict(row for row in groups[2][1:-1])
    assert payers["LHCĐ tỉnh Savannakhet"] == "tự chi phần của mình, không tính vào tổng"
    # a total row starts no page alone in Word either: the row above it keeps with it
    for table in ruled(document)[-4:]:   # the four groupings, each ending with the federation's total
        assert all(p.paragraph_format.keep_with_next for cell in table.rows[-2].cells for p in cell.paragraphs)
    joined = "\n".join(text)
    assert "Kèm theo Kế hoạch số" in joined and "Các khoản do phía bạn chi được ghi là của phía bạn" in joined


async def test_the_export_screen_offers_word_for_the_plan_and_for_a_document(make_app, tmp_path):
    from textual.widgets import Input, Select

    from ui_support import open_screen

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_screen(pilot, "o")
        screen = app.screen
        screen.query_one("#folder", Input).value = str(tmp_path)
        assert "docx" in [value for _label, value in screen.query_one("#format", Select)._options]
        screen.query_one("#format", Select).value = "docx"
        await pilot.pause()
        assert "ke-hoach_2020-2022_vi_" in str(screen.query_one("#target").render())
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen.query_one("#document", Select).value = "proposal"
        await pilot.pause()
        assert ".docx" in str(screen.query_one("#target").render())
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
    (plan,) = tmp_path.glob("ke-hoach_2020-2022_vi_*.docx")
    (proposal,) = tmp_path.glob("to-trinh_2020-2022_1_vi_*.docx")
    assert len(plan_table(docx.Document(str(plan))).rows) == 5
    assert "TỜ TRÌNH" in body_text(docx.Document(str(proposal)))


def test_an_unknown_format_names_the_plans_formats_word_among_them(planner, tmp_path):
    from delegations.exporting import ExportError

    with pytest.raises(ExportError) as err:
        export_plan(planner, fmt="odt", output=tmp_path, today=TODAY)
    available = err.value.render().rsplit(":", 1)[1]
    assert "docx" in available and "pdf" in available and "proposal" not in available
