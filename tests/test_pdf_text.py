"""The text of the plan document, read back from the PDF as a reader gets it:
copied Lao and Vietnamese equal what was written (pdftotext and pypdf), list
items and a leader's name on their own lines, the national header of the
bilingual document (measured by glyph and rule positions with pypdfium2)."""

import ctypes
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from delegations.defaults import default_data
from delegations.domain import Leader
from delegations.exporting import export_plan
from delegations.pdf.fonts import register_fonts
from delegations.pdf.layout import make_styles
from delegations.pdf.text import Text

TODAY = date(2026, 11, 23)
PDFTOTEXT = shutil.which("pdftotext")


def norm(text: str) -> str:
    """NFKC, without any whitespace: a line break (or the space a reader puts where a
    justified line is spread) is not a difference; a wrong or extra letter is."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def extracted(path) -> dict[str, list[str]]:
    """The document's text, page by page, as pypdf and (when installed) pdftotext give it.
    pdftotext reads in drawing order (``-raw``), cell by cell, as a reader copying a
    cell gets it; its default layout order mixes the lines of neighbouring columns."""
    out = {"pypdf": [page.extract_text() for page in PdfReader(str(path)).pages]}
    if PDFTOTEXT:
        raw = subprocess.run([PDFTOTEXT, "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
        out["pdftotext"] = raw.split("\f")
    return out


def strings(data, lang: str) -> list[str]:
    """Every *lang* string of a nested structure of ``{"vi": …, "lo": …}`` texts."""
    out: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == lang and isinstance(value, str):
                out.append(value)
            else:
                out += strings(value, lang)
    elif isinstance(data, list):
        for value in data:
            out += strings(value, lang)
    return list(dict.fromkeys(s for s in out if s))


def partner_lao(registry) -> list[str]:
    return list(dict.fromkeys(t.get("lo") for org in registry.partners.values()
                              for t in (org.name, org.short_name, org.province, org.parent) if t and t.get("lo")))


def found(wanted: str, pages: list[str]) -> bool:
    """*wanted* (normalised) is in the text, or a table row carried over a page break
    holds it in two parts: its beginning on one page, the rest on the next."""
    w = norm(wanted)
    pages = [norm(p) for p in pages]
    if w in "".join(pages):
        return True
    return any(w[:i] in first and w[i:] in second
               for first, second in zip(pages, pages[1:]) for i in range(3, len(w) - 2))


def missing(texts: dict[str, list[str]], wanted: list[str]) -> dict[str, list[str]]:
    result = {reader: [w for w in wanted if not found(w, pages)] for reader, pages in texts.items()}
    return {reader: lost for reader, lost in result.items() if lost}


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    from delegations.plugins import build_plugin_host
    from delegations.services import Planner
    from delegations.store.storage import dumps

    folder = tmp_path_factory.mktemp("text")
    db = folder / "db.json"
    db.write_text(dumps(default_data()), encoding="utf-8")
    planner = Planner.open(db, host=build_plugin_host())
    # A leader with a name (and in Lao script), to see the name set apart from the position.
    d = planner.delegation(planner.plan().id, 1)
    planner.save_delegation(replace(d, leader=Leader(d.leader.position, "Nguyễn Văn An", "ຫງວຽນ ວັນ ອານ")))
    paths = {lang: export_plan(planner, lang=lang, output=folder, today=TODAY) for lang in ("vi", "lo", "vi-lo", "en")}
    yield planner, paths
    planner.close()


# --- Lao and Vietnamese copied from the PDF ---------------------------------------------------

@pytest.mark.parametrize("lang", ["lo", "vi-lo"])
def test_lao_of_the_shipped_plan_round_trips_through_the_pdf(exports, lang):
    planner, paths = exports
    texts = extracted(paths[lang])
    wanted = strings(default_data(), "lo")
    # The partners' names as the plan prints them (its funding lines name them).
    wanted += [org.short_name.get("lo") for org in planner.registry.partners.values() if org.code in ("savannakhet", "salavan")]
    assert len(wanted) > 20
    assert missing(texts, wanted) == {}
    for reader, pages in texts.items():
        assert not [c for c in "".join(pages) if "\ue000" <= c <= "\uf8ff"], f"{reader}: private-use characters"


def test_every_lao_name_of_the_partner_plugins_round_trips(exports, tmp_path):
    """Each Lao name a partner plugin registers, set in the document's faces (regular and bold)."""
    planner, _ = exports
    register_fonts()
    wanted = partner_lao(planner.registry)
    assert {"ສະຫະພັນກຳມະບານແຂວງສະຫວັນນະເຂດ", "ແຂວງສາລະວັນ", "ສະຫະພັນກຳມະບານລາວ"} <= set(wanted)
    s = make_styles(["lo"])
    path = tmp_path / "names.pdf"
    SimpleDocTemplate(str(path)).build([Text(name, style) for name in wanted for style in (s.body, s.issuer)])
    assert missing(extracted(path), wanted) == {}


def test_lao_words_with_substituted_marks_are_copied_as_written(tmp_path):
    """The words whose marks HarfBuzz replaces by glyphs no character maps to
    (a tone mark over a vowel, ໍ joined with a tone mark, ຳ)."""
    register_fonts()
    words = ["ຂັ້ນ", "ທີ່ພັກ", "ເນື້ອໃນ", "ເຂົ້າ", "ສືບຕໍ່", "ບໍ່", "ຢ້ຽມຢາມ", "ປີ", "ກຳມະບານ", "ຄູ່ຮ່ວມມື", "ເຄື່ອນໄຫວ",
             # one glyph for ໍ + tone mark, typed either way: ໍ then the tone mark, or the tone mark then ຳ
             "ນ້ຳ", "ກ່ຳລັງ", "ນໍ້າ"]
    path = tmp_path / "words.pdf"
    s = make_styles(["lo"])
    SimpleDocTemplate(str(path)).build([Text(" ".join(words), style) for style in (s.cell, s.cell_head)])
    for reader, pages in extracted(path).items():
        got = unicodedata.normalize("NFKC", "".join(pages)).split()
        for word in words:
            assert got.count(unicodedata.normalize("NFKC", word)) == 2, (reader, word, got)


def test_vietnamese_still_copies_as_written(exports):
    _, paths = exports
    data = default_data()
    plan = data["plans"]["1"]
    wanted = [plan["title"]["vi"], plan["introduction"]["vi"]]
    for d in data["delegations"].values():
        wanted += [d["name"]["vi"], d["leader"]["position"]["vi"], *(a["vi"] for a in d["activities"])]
    wanted.append("Nguyễn Văn An")
    assert missing(extracted(paths["vi"]), wanted) == {}
    assert missing(extracted(paths["vi-lo"]), wanted) == {}


def test_a_leaders_lao_name_is_printed_in_lao_documents(exports):
    """Lao documents give the name in Lao script; the bilingual one gives both, the Vietnamese one only Latin."""
    _, paths = exports
    text = {lang: norm("".join(extracted(paths[lang])["pypdf"])) for lang in ("vi", "lo", "vi-lo")}
    lao, latin = norm("ຫງວຽນ ວັນ ອານ"), norm("Nguyễn Văn An")
    assert lao in text["lo"] and latin not in text["lo"]
    assert lao in text["vi-lo"] and latin in text["vi-lo"]
    assert latin in text["vi"] and lao not in text["vi"]


# --- lines measured on the page ---------------------------------------------------------------

def boxes(page):
    """(char, left, bottom, right, top, baseline) of every printed character of *page*:
    its glyph's box, and the height of its line's origin."""
    tp = page.get_textpage()
    x, y = ctypes.c_double(), ctypes.c_double()
    out = []
    for i in range(tp.count_chars()):
        ch = tp.get_text_range(i, 1)
        if ch.strip():
            pdfium_c.FPDFText_GetCharOrigin(tp.raw, i, x, y)
            out.append((ch, *tp.get_charbox(i), y.value))
    return out


def find(page, needle: str) -> list[tuple]:
    """The boxes of the characters of each occurrence of *needle* on *page*."""
    tp = page.get_textpage()
    searcher = tp.search(needle, match_case=True)
    found = []
    while (hit := searcher.get_next()) is not None:
        index, count = hit
        found.append([tp.get_charbox(i) for i in range(index, index + count)])
    return found


def page_with(doc, needle: str):
    return next(page for page in doc if find(page, needle))


@pytest.mark.parametrize("lang, first, second", [
    ("vi", "- Trao đổi kinh nghiệm", "- Đi thực tế"),
    ("en", "- Trao đổi kinh nghiệm", "- Đi thực tế"),  # the shipped activities have no English version
])
def test_each_list_item_starts_its_own_line(exports, lang, first, second):
    _, paths = exports
    doc = pdfium.PdfDocument(str(paths[lang]))
    page = page_with(doc, second)
    a, b = find(page, first)[0][0], find(page, second)[0][0]
    assert b[3] < a[1], "the second item is below the first"  # its top under the first's bottom
    assert abs(a[0] - b[0]) < 1, "both items start at the cell's left edge"


def test_a_leaders_name_is_on_the_line_under_the_position(exports):
    _, paths = exports
    for lang in ("vi", "vi-lo", "en"):
        doc = pdfium.PdfDocument(str(paths[lang]))
        page = page_with(doc, "Nguyễn Văn An")
        name = find(page, "Nguyễn Văn An")[0]
        cell_left = name[0][0]
        # The line above the name, in the same cell, is the position's.
        above = [b for b in boxes(page) if abs(b[1] - cell_left) < 60 and name[0][3] < b[2] < name[0][3] + 20]
        assert above, lang
        assert max(b[4] for b in boxes(page) if abs(b[2] - name[0][1]) < 2 and b[1] < name[-1][2] + 2) <= name[0][3] + 2


@pytest.mark.parametrize("lang", ["vi", "vi-lo", "en"])
def test_a_leaders_name_is_set_apart_even_where_it_would_fit_after_the_position(exports, lang):
    """In a cell wide enough for position and name on one line, the name still starts its own."""
    from delegations.exporting import ExportRequest
    from delegations.pdf.document import PlanDocument

    planner, _ = exports
    plan = planner.plan()
    d = planner.delegation(plan.id, 1)
    request = ExportRequest(plan=plan, delegations=[d], lang=lang, registry=planner.registry, home=planner.home())
    doc = PlanDocument(request)
    register_fonts()
    cell = Text(doc.leader(d), doc.s.cell)
    widths = cell.line_widths(1000)
    # the position (in each language), then the name (in Lao script too in vi-lo)
    assert len(widths) == (4 if lang == "vi-lo" else 2)
    assert cell.paragraph(1000).wrap(1000, 1000)[1] == pytest.approx(len(widths) * doc.s.cell.leading)


# --- the bilingual national header ----------------------------------------------------------

def lines_of(chars, tolerance=1.0):
    """Characters grouped into lines (by baseline), each sorted left to right."""
    lines: list[list] = []
    for c in sorted(chars, key=lambda c: -c[5]):
        if lines and abs(lines[-1][0][5] - c[5]) < tolerance:
            lines[-1].append(c)
        else:
            lines.append([c])
    return [sorted(line, key=lambda c: c[1]) for line in lines]


def rules(page):
    """(left, bottom, right, top) of each horizontal rule (a path wider than tall) of *page*."""
    out = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = obj.get_bounds()
        if right - left > 10 and top - bottom < 3:
            out.append((left, bottom, right, top))
    return out


@pytest.fixture(scope="module")
def header(exports):
    """Page 1 of the vi-lo plan, its characters in the header (above "KẾ HOẠCH") by column."""
    _, paths = exports
    page = pdfium.PdfDocument(str(paths["vi-lo"]))[0]
    width, _ = page.get_size()
    title_top = find(page, "KẾ HOẠCH")[0][0][3]
    chars = [b for b in boxes(page) if b[2] > title_top]
    middle = width / 2 - 5 * mm  # between the two columns (the frame is shifted right by the wider left margin)
    return page, [c for c in chars if c[3] < middle + 20], [c for c in chars if c[1] > middle + 20], title_top


def test_no_header_line_starts_with_a_hyphen(header):
    _, left, right, _ = header
    for column in (left, right):
        for line in lines_of(column):
            assert line[0][0] not in "-–", "".join(c[0] for c in line)


def test_viet_nam_is_never_split(header):
    page, *_ = header
    hits = find(page, "VIỆT NAM")
    assert hits, "VIỆT NAM is printed whole"
    for hit in hits:
        assert abs(hit[0][1] - hit[-1][1]) < 2  # on one line


def test_rule_under_each_motto_is_no_longer_than_its_text(header):
    page, left, right, title_top = header
    header_rules = [r for r in rules(page) if r[1] > title_top]
    for column in (left, right):
        lo, hi = min(c[1] for c in column), max(c[3] for c in column)
        rule = next(r for r in header_rules if lo < (r[0] + r[2]) / 2 < hi and any(c[2] > r[3] for c in column))
        widest = max(line[-1][3] - line[0][1] for line in lines_of([c for c in column if c[2] > rule[3]]))
        # The text is measured by its ink, the rule by the letters' advances: the side bearings
        # of the first and last letters (up to 2 pt each) are the only difference allowed.
        assert 0.5 * widest < rule[2] - rule[0] <= widest + 4


def test_subject_rule_is_a_third_to_a_half_of_the_line_above_and_clear_of_descenders(exports):
    _, paths = exports
    for lang in ("vi", "lo", "vi-lo", "en"):
        page = pdfium.PdfDocument(str(paths[lang]))[0]
        chars = boxes(page)
        title_top = find(page, {"vi": "KẾ HOẠCH", "vi-lo": "KẾ HOẠCH", "en": "PLAN", "lo": "ແຜນການ"}[lang])[0][0][3]
        rule = max((r for r in rules(page) if r[3] < title_top), key=lambda r: r[1])
        above = [line for line in lines_of([c for c in chars if rule[3] < c[2] < title_top])]
        last = min(above, key=lambda line: line[0][2])  # the subject's last line
        length, line_width = rule[2] - rule[0], last[-1][3] - last[0][1]
        assert line_width / 3 <= length <= line_width / 2, lang
        assert rule[3] < min(c[2] for c in last) - 1, f"{lang}: the rule touches the descenders"


def test_lao_paragraphs_are_justified(exports):
    _, paths = exports
    page = pdfium.PdfDocument(str(paths["lo"]))[0]
    width, _ = page.get_size()
    title_bottom = min(b[1] for hit in find(page, "2020-2022") for b in hit)
    body = lines_of([b for b in boxes(page) if b[4] < title_bottom - 20])
    assert len(body) >= 5
    right_edges = [line[-1][3] for line in body[:-1]]
    frame_right = width - 15 * mm
    assert all(frame_right - 2 < edge <= frame_right + 0.5 for edge in right_edges), right_edges


def test_glyph_names_give_the_letters_of_substituted_glyphs():
    from delegations.pdf.glyph_text import glyph_text, to_unicode_cmap

    names = {"maiEk-lao": "\u0ec8", "niggahita-lao": "\u0ecd", "f": "f", "i": "i"}
    assert glyph_text("maiEk-lao.small", names.get) == "\u0ec8"
    assert glyph_text("niggahita_maiEk-lao", names.get) == "\u0ecd\u0ec8"  # the script suffix, once for all
    assert glyph_text("f_i", names.get) == "fi"
    assert glyph_text("uni0EC90EB2.alt", names.get) == "\u0ec9\u0eb2"
    assert glyph_text("u1F600", names.get) == "\U0001F600"
    assert glyph_text("ornament.3", names.get) is None
    cmap = to_unicode_cmap("X", ["a", "\u0ecd\u0ec8"] + ["b"] * 150)
    assert "<01> <0ECD0EC8>" in cmap and cmap.count("beginbfchar") == 2  # at most 100 entries a block
