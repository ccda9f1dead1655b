"""The Lao and the bilingual Vietnamese–Lao plan documents, checked on the real PDFs."""

import unicodedata
from datetime import date

import pypdfium2 as pdfium
import pytest
import uharfbuzz as hb
from icu4py.breakers import LineBreaker
from pypdf import PdfReader
from reportlab.platypus import KeepTogether, Table

from delegations.exporting import ExportRequest, export_plan
from delegations.pdf import layout
from delegations.pdf.document import COLUMN_SHARES, PlanDocument
from delegations.pdf.paged_table import PagedTable
from delegations.pdf.fonts import STYLES, face_name, font_path, register_fonts
from delegations.pdf.text import Text, break_lines, width

TODAY = date(2026, 11, 23)


def plain(text: str) -> str:
    """Text without spaces, NFKC (ຳ is ໍ + າ): Lao read back from the PDF, marks
    included, is the Lao written (``test_pdf_text`` checks it with pdftotext and pypdf)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(path) -> str:
    doc = pdfium.PdfDocument(str(path))
    return plain("".join(page.get_textpage().get_text_range() for page in doc))


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    from delegations.plugins import build_plugin_host
    from delegations.services import Planner
    from delegations.store.storage import dumps
    from delegations.defaults import default_data

    folder = tmp_path_factory.mktemp("lao")
    db = folder / "db.json"
    db.write_text(dumps(default_data()), encoding="utf-8")
    planner = Planner.open(db, host=build_plugin_host())
    # Delegation 2's second activity written in Vietnamese only, as an officer may leave it.
    from dataclasses import replace

    from delegations.domain import Text

    d = planner.delegation(planner.plan().id, 2)
    planner.save_delegation(replace(d, activities=(d.activities[0], Text.of({"vi": "Đi thực tế một số CĐCS"}))))
    paths = {lang: export_plan(planner, lang=lang, output=folder, today=TODAY) for lang in ("lo", "vi-lo")}
    yield planner, paths
    planner.close()


def test_lao_document_has_lao_header_headings_and_names(exports):
    _, paths = exports
    text = pdf_text(paths["lo"])
    expected = [
        "ສະຫະພັນແຮງງານຫວຽດນາມ", "ສະຫະພັນກຳມະບານແຂວງກວາງຈິ",  # parent and issuing body
        "ສາທາລະນະລັດ ສັງຄົມນິຍົມ ຫວຽດນາມ", "ເອກະລາດ - ເສລີພາບ - ຄວາມຜາສຸກ",  # the issuer's national header, in Lao
        "ເລກທີ:", "ກວາງຈິ, ວັນທີ", "ແຜນການ", "ການຮ່ວມມືກັບ ສປປ ລາວ ໄລຍະ 2020-2022",
        "ປະຕິບັດຕາມ ໜັງສືທາງການ ເລກທີ 4214/UBND-ĐN ລົງວັນທີ 16/9/2019",
        "ລ/ດ", "ຄະນະ", "ຫົວໜ້າຄະນະ", "ຈຳນວນຄົນ", "ປະເທດທີ່ໄປ", "ເນື້ອໃນກິດຈະກຳ", "ຈຳນວນວັນ", "ເວລາ", "ແຫຼ່ງງົບປະມານ",
        "(ຄະນະອອກ)", "ລາວ", "ແລກປ່ຽນບົດຮຽນການເຄື່ອນໄຫວວຽກງານກຳມະບານ", "ລົງຢ້ຽມຢາມກຳມະບານຮາກຖານຈຳນວນໜຶ່ງ",
        "ສະຫະພັນກຳມະບານແຂວງສະຫວັນນະເຂດ ຮັບຜິດຊອບ ຄ່າອາຫານ ແລະ ທີ່ພັກ",
        # free text entered only in Vietnamese stays as written (delegation 2's second activity)
        "Đi thực tế một số CĐCS",
        "ສະຫະພັນກຳມະບານແຂວງກວາງຈິ ຮັບຜິດຊອບ ຄ່າພາຫະນະເດີນທາງ ແລະ ເງິນສະໜັບສະໜູນໃຫ້ຝ່າຍຄູ່ຮ່ວມມື (ງົບປະມານກຳມະບານ)",
        "ສະຫະພັນກຳມະບານແຂວງສາລະວັນ", "(ຄະນະເຂົ້າ)", "ຫວຽດນາມ",
        "ບ່ອນຮັບ:", "- ພະແນກການຕ່າງປະເທດ;", "ຕາງໜ້າຄະນະປະຈຳ", "ຮອງປະທານປະຈຳການ", "Nguyễn Đăng Bảo",
    ]
    pos = 0
    for part in expected:
        found = text.find(plain(part), pos)
        assert found >= 0, f"{part!r} missing after position {pos}"
        pos = found + len(plain(part))
    assert plain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") not in text and plain("KẾ HOẠCH") not in text


def test_bilingual_document_has_both_states_headers_and_every_label_twice(exports):
    _, paths = exports
    text = pdf_text(paths["vi-lo"])
    for part in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ສາທາລະນະລັດ ສັງຄົມນິຍົມ ຫວຽດນາມ", "Độc lập - Tự do - Hạnh phúc",
                 "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ", "ສັນຕິພາບ ເອກະລາດ ປະຊາທິປະໄຕ ເອກະພາບ ວັດທະນະຖາວອນ",
                 "CỘNG HÒA DÂN CHỦ NHÂN DÂN LÀO", "Số:", "ເລກທີ:", "KẾ HOẠCH", "ແຜນການ",
                 "TT", "ລ/ດ", "Trưởng đoàn", "ຫົວໜ້າຄະນະ", "Nguồn kinh phí", "ແຫຼ່ງງົບປະມານ",
                 "Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)", "ຄະນະຜູ້ແທນສະຫະພັນກຳມະບານແຂວງກວາງຈິ (ຄະນະອອກ)",
                 "Nơi nhận:", "ບ່ອນຮັບ:", "TM. BAN THƯỜNG VỤ", "ຕາງໜ້າຄະນະປະຈຳ"]:
        assert plain(part) in text, part
    # An activity with no Lao version is printed once, not twice; the others in both languages.
    assert text.count(plain("Đi thực tế một số CĐCS")) == 4
    assert text.count(plain("ລົງຢ້ຽມຢາມກຳມະບານຮາກຖານຈຳນວນໜຶ່ງ")) == 3


def test_fonts_embedded_and_one_face_for_both_scripts(exports):
    _, paths = exports
    for path in paths.values():
        fonts = {}
        for page in PdfReader(str(path)).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                fonts[str(font["/BaseFont"]).split("+")[-1]] = "/FontFile2" in font["/FontDescriptor"]
        assert fonts and all(fonts.values()), fonts
        assert set(fonts) <= {f"DelegationsSerif-{s}" for s in STYLES}, fonts  # no other face, nothing of the system


def texts_of(flowables):
    """Every ``Text`` in a story: inside tables, their cells and kept-together groups."""
    for f in flowables:
        if isinstance(f, Text):
            yield f
        elif isinstance(f, Table):
            for row in f._cellvalues:
                for cell in row:
                    yield from texts_of(cell if isinstance(cell, (list, tuple)) else [cell])
        elif isinstance(f, PagedTable):
            yield from texts_of([f._head_cells, *f._row_cells, f.tail])
        elif isinstance(f, KeepTogether):
            yield from texts_of(f._content)
        elif isinstance(f, (list, tuple)):
            yield from texts_of(f)


FACE_FILES = {face_name(s): font_path(s) for s in STYLES}


@pytest.mark.parametrize("lang", ["lo", "vi-lo", "vi"])
def test_every_character_of_the_document_has_a_glyph(exports, lang):
    """Shape each piece of the document's text with the face it is set in (HarfBuzz,
    as ReportLab does): no glyph id 0 (.notdef, a box) may appear."""
    planner, _ = exports
    register_fonts()
    plan = planner.plan()
    request = ExportRequest(plan=plan, delegations=list(planner.delegations(plan.id)), lang=lang,
                            registry=planner.registry, home=planner.home(), today=TODAY)
    fonts = {name: hb.Font(hb.Face(hb.Blob.from_file_path(str(path)))) for name, path in FACE_FILES.items()}
    texts = list(texts_of(PlanDocument(request).story()))
    assert len(texts) > 40
    for t in texts:
        buf = hb.Buffer()
        buf.add_str(t.text.replace("\n", " ").replace("\u00a0", " "))
        buf.guess_segment_properties()
        hb.shape(fonts[t.style.fontName], buf, {})
        missing = [t.text[info.cluster] for info in buf.glyph_infos if info.codepoint == 0]
        assert not missing, f"no glyph for {missing!r} in {t.text!r} ({t.style.fontName})"


LAO_SENTENCE = ("ສະຫະພັນກຳມະບານແຂວງກວາງຈິ ສືບຕໍ່ຮັກສາ ແລະ ເສີມຂະຫຍາຍສາຍພົວພັນມິດຕະພາບ, "
                "ຈັດຄະນະຜູ້ແທນໄປຢ້ຽມຢາມ ແລະ ແລກປ່ຽນບົດຮຽນການເຄື່ອນໄຫວວຽກງານກຳມະບານ")


@pytest.mark.parametrize("line_width", [80, 140, 260])
def test_lao_lines_break_only_between_words_and_fit(line_width):
    register_fonts()
    font, size = face_name("Regular"), 12
    assert all(width(w.rstrip(), font, size) < line_width for w in LineBreaker(LAO_SENTENCE, "lo"))
    lines = break_lines(LAO_SENTENCE, font, size, line_width, line_width)
    assert len(lines) > 1
    boundaries = {0}
    for start, end in LineBreaker(LAO_SENTENCE, "lo").segments():
        boundaries.add(end)
    pos = 0
    for line in lines:
        pos = LAO_SENTENCE.index(line, pos)
        assert pos in boundaries, f"line {line!r} starts inside a word"
        end = pos + len(line)
        assert end in boundaries or LAO_SENTENCE[end:end + 1] == " ", f"line {line!r} ends inside a word"
        assert width(line, font, size) <= line_width
        pos = end
    assert "".join(lines).replace(" ", "") == LAO_SENTENCE.replace(" ", "")


def table_only_pdf(planner, lang, path):
    """The plan's table alone, on landscape pages with the document's margins."""
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    plan = planner.plan()
    request = ExportRequest(plan=plan, delegations=list(planner.delegations(plan.id)), lang=lang,
                            registry=planner.registry, home=planner.home(), today=TODAY)
    SimpleDocTemplate(str(path), pagesize=layout.LANDSCAPE, leftMargin=layout.MARGIN_LEFT, rightMargin=layout.MARGIN_RIGHT,
                      topMargin=layout.MARGIN_TOP, bottomMargin=layout.MARGIN_BOTTOM).build([PlanDocument(request).table()])
    return path


@pytest.mark.parametrize("lang", ["lo", "vi-lo"])
def test_no_text_leaves_its_table_cell(exports, tmp_path, lang):
    """Every character of the table lies inside the column its centre is in."""
    planner, _ = exports
    frame = layout.frame_width(layout.LANDSCAPE)
    edges = [layout.MARGIN_LEFT + frame * sum(COLUMN_SHARES[:i]) for i in range(len(COLUMN_SHARES) + 1)]
    doc = pdfium.PdfDocument(str(table_only_pdf(planner, lang, tmp_path / "table.pdf")))
    checked = 0
    for page in doc:
        tp = page.get_textpage()
        for i in range(tp.count_chars()):
            left, bottom, right, top = tp.get_charbox(i)
            if right - left < 0.5:  # spaces, and marks drawn over their letter
                continue
            centre = (left + right) / 2
            col = next(c for c in range(len(COLUMN_SHARES)) if edges[c] <= centre < edges[c + 1])
            assert edges[col] <= left and right <= edges[col + 1], (
                f"character {tp.get_text_range(i, 1)!r} at {left:.1f}-{right:.1f} crosses column {col}")
            checked += 1
    assert checked > 500


def test_a_word_wider_than_the_line_is_cut_between_clusters_only():
    from icu4py.breakers import CharacterBreaker

    register_fonts()
    word = "ການເຄື່ອນໄຫວ"
    lines = break_lines(word, face_name("Regular"), 12, 25, 25)
    assert len(lines) > 1 and "".join(lines) == word
    cuts = {end for _start, end in CharacterBreaker(word, "lo").segments()}
    pos = 0
    for line in lines[:-1]:
        pos += len(line)
        assert pos in cuts, f"cut inside a cluster after {line!r}"


def test_a_narrow_cell_sets_a_long_word_smaller_instead_of_cutting_it():
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    style = ParagraphStyle("cell", fontName=face_name("Regular"), fontSize=12, leading=16, shaping=1)
    word = "ຫວຽດນາມ"
    narrow = width(word, style.fontName, 12) * 0.9
    para = Text(word, style).paragraph(narrow)
    assert para.style.fontSize < 12
    assert para.wrap(narrow, 100)[1] <= para.style.leading + 0.01  # one line
