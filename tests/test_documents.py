"""The documents of a delegation's life: every kind for an outbound and an inbound
delegation, in vi, lo and vi-lo, through the page-geometry checks; the roster's
names and the programme's items found in the text; the results report's figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from delegations.defaults import default_data
from delegations.documents import KINDS, DocumentWriter
from delegations.domain import ActualCost, Approval, Money, Outcome, Person, ProgrammeItem, Sex, Status, Text
from delegations.exporting import ExportRequest, export_document
from delegations.i18n import translator
from delegations import lifecycle
from delegations.pdf import layout
from delegations.pdf.official import TOP_PADDING
from delegations.services import Planner
from delegations.store.storage import dumps
from pdf_pages import letters, read_pages

TODAY = date(2026, 11, 24)
LANGS = ("vi", "lo", "vi-lo")
TOL = 0.6

LAO_NAMES = ("ສົມພອນ ແກ້ວມະນີ", "ບຸນມີ ສີສຸວັນ", "ຄຳພອຍ ວົງສາ")


def people(n: int) -> list[Person]:
    out = []
    for i in range(n):
        out.append(Person(name=f"Nguyễn Văn Thành {i + 1:02d}", position=Text.of(vi=f"Cán bộ Ban Tổ chức LĐLĐ tỉnh Quảng Trị số {i + 1}"),
                          sex=Sex.MALE if i % 2 else Sex.FEMALE, born=date(1970 + i % 30, 1 + i % 12, 1 + i % 28),
                          passport=f"C{1000000 + i}", passport_expires=date(2031, 1, 1), lao_name=LAO_NAMES[i % 3],
                          role="leader" if i == 0 else ("interpreter" if i == 1 else "member")))
    return out


PROGRAMME = (
    (date(2022, 5, 10), "08:30", "Đón đoàn tại cửa khẩu quốc tế Lao Bảo", "ຕ້ອນຮັບຄະນະທີ່ດ່ານລາວບາວ", "Cửa khẩu Lao Bảo"),
    (date(2022, 5, 11), "14:00", "Toạ đàm trao đổi kinh nghiệm hoạt động công đoàn", "ສຳມະນາແລກປ່ຽນບົດຮຽນ", "Đông Hà"),
)


@pytest.fixture(scope="module")
def planner(tmp_path_factory, host):
    db = tmp_path_factory.mktemp("documents") / "db.json"
    db.write_text(dumps(default_data()), encoding="utf-8")
    with Planner.open(db, host=host) as p:
        plan = p.plan()
        out = p.delegation(plan.id, 1)  # outbound, 2020: a roster long enough to run over pages
        out, _ = lifecycle.import_roster(p, out, people(40))
        for day, time, vi, lo, place in ((date(2020, 6, 2), "08:00", "Làm việc với LHCĐ tỉnh Savannakhet", "ເຮັດວຽກກັບສະຫະພັນ", "Kaysone"),):
            out, _ = lifecycle.add_programme_item(p, out, ProgrammeItem(day, Text.of(vi=vi, lo=lo), time, Text.of(vi=place)))
        inbound = p.delegation(plan.id, 3)  # inbound, 2022: done, with its figures
        inbound, _ = lifecycle.import_roster(p, inbound, people(3))
        for day, time, vi, lo, place in PROGRAMME:
            inbound, _ = lifecycle.add_programme_item(p, inbound, ProgrammeItem(day, Text.of(vi=vi, lo=lo), time, Text.of(vi=place)))
        inbound, _ = lifecycle.change_status(p, inbound, Status.PROPOSED, date(2022, 3, 1))
        inbound, _ = lifecycle.change_status(p, inbound, Status.APPROVED, date(2022, 3, 10), lifecycle.StatusFacts(
            approval=Approval("125/QĐ-LĐLĐ", date(2022, 3, 10), Text.of("Ban Thường vụ Tỉnh ủy"))))
        inbound, _ = lifecycle.change_status(p, inbound, Status.DONE, date(2022, 5, 14), lifecycle.StatusFacts(outcome=Outcome(
            date(2022, 5, 10), date(2022, 5, 13), 3, (ActualCost("lodging", Money(Decimal("12000000"), "VND")),),
            Text.of("Ký biên bản ghi nhớ hợp tác giai đoạn mới"))))
        yield p


CASES = [pytest.param((kind, seq, lang), id=f"{kind}-{seq}-{lang}") for kind in KINDS for seq in (1, 3) for lang in LANGS]


@pytest.fixture(scope="module", params=CASES)
def exported(request, planner, tmp_path_factory):
    kind, seq, lang = request.param
    path = export_document(planner, kind, seq, lang=lang, output=tmp_path_factory.mktemp("docs"), today=TODAY)
    plan = planner.plan()
    return kind, planner.delegation(plan.id, seq), lang, read_pages(path, portrait_tables=True)


def _table_rules(page):
    """The rules of a table: horizontal ones nearly as wide as the frame (not the short rules of the header)."""
    frame = layout.frame_width((page.width, page.height))
    return page.rules_y if page.rules_x and page.rules_x[-1] - page.rules_x[0] > 0.8 * frame else []


def test_every_glyph_inside_the_margins(exported):
    kind, _d, lang, pages = exported
    for page in pages:
        left, right = layout.MARGIN_LEFT - TOL, page.width - layout.MARGIN_RIGHT + TOL
        bottom, top = layout.MARGIN_BOTTOM - TOL, page.height - layout.MARGIN_TOP + TOL
        above = ""
        for ch, l, b, r, t in page.chars:
            if b >= top:
                above += ch
                continue
            assert l >= left and r <= right and b >= bottom and t <= top, (
                f"{kind} {lang} page {page.number}: {ch!r} at x {l:.1f}-{r:.1f}, y {b:.1f}-{t:.1f} outside the frame")
        assert above == ("" if page.number == 1 else str(page.number)), f"{kind} {lang} page {page.number}: {above!r} in the top margin"


def _heads(planner, kind, d, lang) -> list[str]:
    """The header row of each table of the document (letters only), from its model."""
    request = ExportRequest(plan=planner.plan(), delegations=[d], lang=lang, registry=planner.registry, home=planner.home(), today=TODAY,
                            delegation=d)
    model = DocumentWriter(request, d).build(kind)
    sections = [*model.body, *([model.annex] if model.annex else [])]
    return [letters("".join(sec.table.heads)) for sec in sections if sec.table is not None]


def _starts_at_top(page) -> bool:
    rules = _table_rules(page)
    return bool(rules) and abs(rules[0] - (page.height - layout.MARGIN_TOP - TOP_PADDING)) < 2


def test_a_table_carried_over_starts_with_its_header_row_at_the_top(planner, exported):
    kind, d, lang, pages = exported
    heads = _heads(planner, kind, d, lang)
    carried = [page for page in pages[1:] if _starts_at_top(page)]
    if d.seq == 1 and kind in ("roster", "decision"):  # 40 people: the list runs over pages
        assert len(carried) >= 2, f"{kind} {lang}: the 40-person list is not carried over pages"
    for page in carried:
        body = letters(page.text)[len(str(page.number)):]
        assert any(body.startswith(h) for h in heads), f"{kind} {lang} page {page.number}: the table goes on without its header row: {body[:60]}"


def test_the_long_roster_runs_over_pages_with_its_header_repeated(planner, tmp_path):
    path = export_document(planner, "roster", 1, lang="vi-lo", output=tmp_path, today=TODAY)
    pages = read_pages(path, portrait_tables=True)
    head = _heads(planner, "roster", planner.delegation(planner.plan().id, 1), "vi-lo")[0]
    table_pages = [p for p in pages if _table_rules(p)]
    assert len(table_pages) >= 3
    for page in table_pages[1:]:
        assert _starts_at_top(page), f"page {page.number}: the table does not start at the top"
        assert letters(page.text)[len(str(page.number)):].startswith(head), f"page {page.number}"
    assert sum(letters(p.text).count(head) for p in pages) == len(table_pages)


def test_roster_names_and_programme_items_are_in_the_text(exported):
    kind, d, lang, pages = exported
    text = letters("".join(p.text for p in pages))
    if kind in ("decision", "roster", "proposal"):
        for person in d.roster:
            assert letters(person.name) in text, f"{kind} {lang}: {person.name} missing"
            if "lo" in lang.split("-") and kind != "proposal":
                assert letters(person.lao_name) in text, f"{kind} {lang}: {person.lao_name} missing"
    if kind in ("programme", "invitation", "proposal", "report"):
        for item in d.programme:
            for code in lang.split("-"):
                assert letters(item.activity.get(code)) in text, f"{kind} {lang}: {item.activity.get(code)} missing"
    assert letters(translator(lang.split("-")[0]).gettext("Recipients:")) in text


def test_results_report_sets_planned_against_actual(planner):
    plan = planner.plan()
    d = planner.delegation(plan.id, 3)
    planned = {"lodging": Money(Decimal("10000000"), "VND"), "meals": Money(Decimal("4500000"), "VND")}
    request = ExportRequest(plan=plan, delegations=[d], lang="vi", registry=planner.registry, home=planner.home(), today=TODAY,
                            delegation=d, planned=planned)
    model = DocumentWriter(request, d, planned).build("report")
    table = next(sec.table for sec in model.body if sec.table is not None and sec.table.heads[0] == "Khoản chi")
    rows = {r[0]: r[1:] for r in table.rows}
    assert rows["Từ ngày, đến ngày"] == ["Năm 2022", "10/5/2022 - 13/5/2022"]
    assert rows["Số thành viên"] == ["10", "3"]  # the plan's 10 against the 3 who went
    assert rows["Số ngày"][1] == "4"
    from delegations.budget.view import RATE_ITEMS

    def label(item, lang):
        return translator(lang).gettext(RATE_ITEMS[item])

    assert [v.replace("\xa0", " ") for v in rows[label("lodging", "vi")]] == ["10.000.000 ₫", "12.000.000 ₫"]
    assert [v.replace("\xa0", " ") for v in rows[label("meals", "vi")]] == ["4.500.000 ₫", "—"]
    # the total is the federation's, named as the budget names it
    assert [v.replace("\xa0", " ") for v in rows["Tổng LĐLĐ tỉnh Quảng Trị chi"]] == ["14.500.000 ₫", "12.000.000 ₫"]
    assert "Ký biên bản ghi nhớ hợp tác giai đoạn mới" in model.all_text()


def test_summary_counts_planned_done_and_people(planner):
    s = lifecycle.summary(planner, 2022)
    total = s.total()
    assert (total.planned, total.done, total.people_planned, total.people_actual) == (2, 1, 20, 3)  # the plans' 10 + 10, whatever the rosters
    assert total.spent == Money(Decimal("12000000"), "VND")


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_shows_each_status_in_its_optional_column(planner, tmp_path, lang):
    from delegations.exporting import export_plan

    plan = planner.plan()
    d4 = planner.delegation(plan.id, 4)
    if d4.status is not Status.CANCELLED:
        lifecycle.change_status(planner, d4, Status.CANCELLED, date(2022, 1, 5), lifecycle.StatusFacts(reason="Dịch bệnh COVID-19"))
    pages = read_pages(export_plan(planner, lang=lang, output=tmp_path, today=TODAY, status_column=True))
    for page in pages:
        for ch, l, b, r, t in page.chars:
            if b < page.height - layout.MARGIN_TOP:
                assert layout.MARGIN_LEFT - TOL <= l and r <= page.width - layout.MARGIN_RIGHT + TOL and b >= layout.MARGIN_BOTTOM - TOL, (
                    f"page {page.number}: {ch!r} outside the frame")
    bands = [b for p in pages for b in p.bands]
    langs = lang.split("-")
    assert bands[0].columns[-1] == letters("".join(dict.fromkeys(translator(x).gettext("Status") for x in langs)))
    statuses = {b.columns[0]: b.columns[-1] for b in bands[1:] if b.columns[0]}
    words = {code: letters("".join(dict.fromkeys(translator(x).gettext(label) for x in langs)))
             for code, label in (("done", "Done"), ("cancelled", "Cancelled"), ("approved", "Approved"), ("planned", "Planned"))}
    assert statuses["3"] == words["done"]
    assert statuses["4"] == words["cancelled"] + letters("Dịch bệnh COVID-19")
    assert statuses["1"] == words["planned"]


def test_a_plugin_replaces_a_documents_template(tmp_path):
    from delegations.testing import planner_with

    plugin = tmp_path / "own_invitation.py"
    plugin.write_text(
        "from dataclasses import replace\n"
        "from delegations.api import Section, Text, document_model, hookimpl, official_pdf\n\n"
        "class OwnInvitation:\n"
        "    format, suffix, document = 'invitation', '.pdf', True\n"
        "    label = Text.of(vi='Giấy mời (mẫu của văn phòng)')\n\n"
        "    def export(self, request):\n"
        "        model = document_model(request, 'invitation')\n"
        "        return official_pdf(request, replace(model, body=[Section(paragraphs=['Mẫu giấy mời riêng của văn phòng.'])]))\n\n"
        "@hookimpl\n"
        "def register_exporters(register):\n"
        "    register(OwnInvitation(), replace=True)\n", encoding="utf-8")
    with planner_with(plugin) as p:
        path = export_document(p, "invitation", 3, output=tmp_path, today=TODAY)
        text = letters("".join(page.text for page in read_pages(path)))
    assert letters("Mẫu giấy mời riêng của văn phòng.") in text and letters("GIẤY MỜI") in text


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_carries_the_parts_of_the_national_format(planner, kind):
    plan = planner.plan()
    for seq in (1, 3):
        d = planner.delegation(plan.id, seq)
        request = ExportRequest(plan=plan, delegations=[d], lang="vi", registry=planner.registry, home=planner.home(), today=TODAY,
                                delegation=d)
        m = DocumentWriter(request, d).build(kind)
        assert m.number.startswith("Số:") and m.dated.startswith("Quảng Trị, ngày") and m.doc_type and m.subject
        assert m.basis and m.basis[0].startswith("Căn cứ Kế hoạch Hợp tác với Lào giai đoạn 2020-2022")
        assert m.recipients[-1] == "Lưu: VT" and m.signature == ("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Nguyễn Đăng Bảo")


def test_no_page_ends_with_a_section_heading(planner, exported):
    kind, d, lang, pages = exported
    request = ExportRequest(plan=planner.plan(), delegations=[d], lang=lang, registry=planner.registry, home=planner.home(), today=TODAY,
                            delegation=d)
    headings = {letters(line) for sec in DocumentWriter(request, d).build(kind).body for line in sec.heading.split("\n") if line}
    for page in pages[:-1]:
        body = [c for c in page.chars if c[4] < page.height - layout.MARGIN_TOP]
        if not body:
            continue
        lowest = min(c[2] for c in body)
        last_line = letters("".join(c[0] for c in sorted(body, key=lambda c: c[1]) if c[2] < lowest + 6))
        assert last_line not in headings, f"{kind} {lang} page {page.number} ends with the heading {last_line!r}"


def test_the_decision_carries_its_own_number_or_cites_another_bodys_approval(planner):
    plan = planner.plan()
    d = planner.delegation(plan.id, 3)

    def model(approval):
        dd = d.evolve(approval=approval)
        request = ExportRequest(plan=plan, delegations=[dd], lang="vi", registry=planner.registry, home=planner.home(), today=TODAY,
                                delegation=dd)
        return DocumentWriter(request, dd).build("decision")

    own = model(Approval("125/QĐ-LĐLĐ", date(2022, 3, 10), Text.of("Ban Thường vụ LĐLĐ tỉnh")))
    assert own.number == "Số: 125/QĐ-LĐLĐ" and own.dated == "Quảng Trị, ngày 10 tháng 3 năm 2022" and len(own.basis) == 1
    other = model(Approval("45-CV/TU", date(2022, 3, 1), Text.of("Ban Thường vụ Tỉnh ủy")))
    assert "/QĐ-LĐLĐ" in other.number and "45" not in other.number
    assert other.basis[1] == "Căn cứ ý kiến phê duyệt của Ban Thường vụ Tỉnh ủy tại văn bản số 45-CV/TU ngày 1/3/2022;"


def test_the_closing_is_never_alone_and_no_page_before_it_is_left_half_empty(exported):
    kind, _d, lang, pages = exported
    _check_closing(kind, lang, pages)


def test_the_closing_of_a_document_without_a_table_goes_with_the_last_paragraph(tmp_path):
    db = tmp_path / "db.json"
    db.write_text(dumps(default_data()), encoding="utf-8")
    with Planner.open(db) as p:  # the shipped delegation 1: no programme, its invitation fills page 1 with text
        for lang in ("vi-lo", "lo"):
            path = export_document(p, "invitation", 1, lang=lang, output=tmp_path, today=TODAY, force=True)
            _check_closing("invitation", lang, read_pages(path, portrait_tables=True))


def _check_closing(kind, lang, pages):
    """Nơi nhận and the signature share their page with the end of the text, and every
    page before theirs is at least about half filled, unless the next page starts with a
    table (a row that could not be split there needs its room)."""
    word = "".join(translator(lang.split("-")[0]).gettext("Recipients:").split())
    closing = top = None
    for page in pages:
        chars = [c for c in page.chars if c[4] < page.height - layout.MARGIN_TOP]
        joined = "".join(c[0] for c in chars)
        at = joined.find(word)
        if at >= 0:
            closing, top = page, chars[at][4]
            break
    assert closing is not None, f"{kind} {lang}: no Nơi nhận found"
    above = [c for c in closing.chars if top + 2 < c[2] and c[4] < closing.height - layout.MARGIN_TOP]
    assert above, f"{kind} {lang}: the closing stands alone on page {closing.number}"
    frame = closing.height - layout.MARGIN_TOP - layout.MARGIN_BOTTOM
    for page in pages[:closing.number - 1]:
        lowest = min(c[2] for c in page.chars if c[4] < page.height - layout.MARGIN_TOP)
        filled = (page.height - layout.MARGIN_TOP - lowest) / frame
        rules = _table_rules(pages[page.number])
        starts_with_table = bool(rules) and max(rules) > pages[page.number].height - layout.MARGIN_TOP - 30
        assert filled > 0.5 or starts_with_table, f"{kind} {lang}: page {page.number} only {filled:.0%} filled"
