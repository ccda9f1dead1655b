"""The official plan PDF, checked on the real file."""

import unicodedata
from datetime import date

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont

from delegations.domain import Direction
from delegations.exporting import ExportError, export_plan, write_export
from delegations.pdf import layout
from delegations.pdf.document import COLUMN_SHARES
from delegations.pdf.fonts import font_path
from delegations.services import Filters
from test_services import SEED_TABLE

TODAY = date(2026, 11, 23)


@pytest.fixture
def pdf_path(planner, tmp_path):
    return export_plan(planner, output=tmp_path / "out", today=TODAY)


def page_texts(path):
    doc = pdfium.PdfDocument(str(path))
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


def squash(s: str) -> str:
    return "".join(unicodedata.normalize("NFC", s).split())


def column_text(path, col: int) -> str:
    """Text inside one table column, over every landscape page, top to bottom."""
    doc = pdfium.PdfDocument(str(path))
    width = layout.frame_width(layout.LANDSCAPE)
    x0 = layout.MARGIN_LEFT + width * sum(COLUMN_SHARES[:col])
    x1 = x0 + width * COLUMN_SHARES[col]
    out = []
    for page in doc:
        w, h = page.get_size()
        if w > h:
            out.append(page.get_textpage().get_text_bounded(left=x0 + 1, bottom=0, right=x1 - 1, top=h))
    return squash("".join(out))


def test_file_name_says_plan_language_and_date(pdf_path):
    assert pdf_path.name == "ke-hoach_2020-2022_vi_2026-11-23.pdf"
    assert pdf_path.read_bytes().startswith(b"%PDF")


def test_every_cell_of_the_seed_table_is_in_its_column_in_order(pdf_path):
    for col in range(1, 9):
        text = column_text(pdf_path, col)
        pos = 0
        for row in SEED_TABLE:
            cell = row[col - 1]
            parts = cell if isinstance(cell, list) else [cell]
            for part in parts:
                found = text.find(squash(part), pos)
                assert found >= 0, f"column {col}: {part!r} missing after position {pos}"
                pos = found + len(squash(part))
    numbers = column_text(pdf_path, 0)
    assert numbers.startswith(("TT1234", "TT123TT4"))


def test_header_basis_recipients_signature_in_order(pdf_path):
    text = squash("".join(page_texts(pdf_path)))
    expected = [
        "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số:", "/KH-LĐLĐ", "Quảng Trị, ngày", "tháng", "năm 20…", "KẾ HOẠCH",
        "Hợp tác với Lào giai đoạn 2020-2022",
        "Thực hiện Công văn số 4214/UBND-ĐN ngày 16/9/2019 của Ủy ban nhân dân tỉnh Quảng Trị về việc xây dựng Kế hoạch "
        "hợp tác với 2 tỉnh Savannakhet, Salavan (CHDCND Lào) giai đoạn 2020 - 2022, căn cứ Văn bản Thỏa thuận cấp cao "
        "giữa tỉnh Quảng Trị với 02 tỉnh Savannakhet, Salavan giai đoạn 2020 - 2022, Liên đoàn Lao động tỉnh Quảng Trị",
        "kế hoạch cụ thể như sau:", "Nơi nhận:", "- Sở Ngoại vụ;", "- Lưu: VT, TH.", "TM. BAN THƯỜNG VỤ",
        "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Nguyễn Đăng Bảo",
    ]
    pos = 0
    for part in expected:
        found = text.find(squash(part), pos)
        assert found >= 0, f"{part!r} missing after position {pos}"
        pos = found + len(squash(part))


def gap_after(textpage, text: str, before: str, after: str) -> float:
    """Horizontal distance in points between the end of *before* and the start of *after*."""
    i = text.index(before) + len(before) - 1
    j = text.index(after, i)
    return textpage.get_charbox(j)[0] - textpage.get_charbox(i)[2]


def test_draft_leaves_blanks_for_number_and_date(pdf_path):
    page = pdfium.PdfDocument(str(pdf_path))[0]
    tp = page.get_textpage()
    text = tp.get_text_range()
    assert gap_after(tp, text, "Số:", "/KH-LĐLĐ") > 12
    assert gap_after(tp, text, "ngày", "tháng") > 12
    assert gap_after(tp, text, "tháng", "năm 20…") > 12


def test_page_numbers_from_page_two_at_the_top(pdf_path):
    doc = pdfium.PdfDocument(str(pdf_path))
    assert len(doc) >= 2
    for i, page in enumerate(doc, 1):
        w, h = page.get_size()
        top = page.get_textpage().get_text_bounded(left=0, bottom=h - 20 * 2.835, right=w, top=h).strip()
        assert top == ("" if i == 1 else str(i))


def test_fonts_are_embedded(pdf_path):
    reader = PdfReader(str(pdf_path))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = "/FontFile2" in font["/FontDescriptor"]
    assert fonts and all(fonts.values()), fonts
    assert any("DelegationsSerif-Bold" in name for name in fonts)


VOWELS = "aăâeêioôơuưy"
TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def vietnamese_letters() -> str:
    lower = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in ("", *TONES)]
    assert len(lower) == 72 and len(set(lower)) == 72
    letters = lower + [c.upper() for c in lower] + ["đ", "Đ"]
    return "".join(letters)


@pytest.mark.parametrize("style", ["Regular", "Bold", "Italic", "BoldItalic"])
def test_every_vietnamese_letter_has_a_glyph(style):
    font = TTFont("probe", str(font_path(style)))
    missing = [ch for ch in vietnamese_letters() if font.face.charToGlyph.get(ord(ch), 0) == 0]
    assert missing == []


def test_same_data_gives_byte_identical_pdf(planner, tmp_path):
    a = export_plan(planner, output=tmp_path / "a", today=TODAY).read_bytes()
    b = export_plan(planner, output=tmp_path / "b", today=TODAY).read_bytes()
    assert a == b


def test_refuses_to_overwrite_without_force(planner, pdf_path):
    with pytest.raises(ExportError) as err:
        export_plan(planner, output=pdf_path.parent, today=TODAY)
    assert "--force" in err.value.render()
    assert export_plan(planner, output=pdf_path.parent, today=TODAY, force=True) == pdf_path


def test_never_writes_outside_the_folder(tmp_path):
    with pytest.raises(ExportError):
        write_export(b"x", tmp_path / "out", "../escape.pdf", force=False)
    assert not (tmp_path / "escape.pdf").exists()


def test_partial_table_by_filter(planner, tmp_path):
    path = export_plan(planner, output=tmp_path, today=TODAY, filters=Filters(direction=Direction.INBOUND))
    assert path.name == "ke-hoach_2020-2022_vi_inbound_2026-11-23.pdf"
    text = squash("".join(page_texts(path)))
    assert squash("Đoàn LĐLĐ tỉnh Salavan (Đoàn vào)") in text
    assert squash("(Đoàn ra)") not in text


def test_unknown_format_is_a_clear_error(planner, tmp_path):
    with pytest.raises(ExportError) as err:
        export_plan(planner, output=tmp_path, fmt="odt")
    assert "odt" in err.value.render() and "pdf" in err.value.render()
