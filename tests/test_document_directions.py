"""The decision follows the delegation's direction (an outbound one is sent, the partner's
inbound one is received: the federation cannot send its guests), and the results report
totals what the federation spent, a partner's actual costs listed apart as the budget
lists them. Text read back from the PDF and the Word file in vi, lo, en and vi-lo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import docx
import pytest

from delegations import lifecycle
from delegations.defaults import default_data
from delegations.domain import ActualCost, Approval, Money, Outcome, Person, Sex, Status, Text
from delegations.exporting import export_document
from delegations.i18n import translator
from delegations.services import Planner
from delegations.store.storage import dumps
from pdf_pages import letters, read_pages

TODAY = date(2026, 11, 24)
OUT, IN = 1, 3   # the shipped plan: delegation 1 goes to Savannakhet, 3 comes from it


def _people(n: int) -> list[Person]:
    return [Person(name=f"Khách mời {i + 1}", position=Text.of(vi="Cán bộ LHCĐ", lo="ພະນັກງານ"), sex=Sex.MALE,
                   role="leader" if i == 0 else "member") for i in range(n)]


@pytest.fixture(scope="module")
def planner(tmp_path_factory, host):
    db = tmp_path_factory.mktemp("directions") / "db.json"
    db.write_text(dumps(default_data()), encoding="utf-8")
    with Planner.open(db, host=host) as p:
        plan = p.plan()
        for seq in (OUT, IN):
            d = p.delegation(plan.id, seq)
            lifecycle.import_roster(p, d, _people(4))
        d = p.delegation(plan.id, IN)
        d, _ = lifecycle.change_status(p, d, Status.PROPOSED, date(2022, 3, 1))   # approved under the priced rates:
        d, _ = lifecycle.change_status(p, d, Status.APPROVED, date(2022, 3, 10), lifecycle.StatusFacts(
            approval=Approval("12/UBND", date(2026, 6, 1), Text.of("UBND tỉnh"))))
        # lodging is the federation's; transport is Savannakhet's (its cost line): entered anyway
        d, _ = lifecycle.change_status(p, d, Status.DONE, date(2022, 5, 14), lifecycle.StatusFacts(outcome=Outcome(
            date(2022, 5, 10), date(2022, 5, 13), 4, (ActualCost("lodging", Money(Decimal("12000000"), "VND")),
                                                     ActualCost("transport", Money(Decimal("3000000"), "VND"))),
            Text.of("Ký biên bản ghi nhớ"))))
        yield p


def _pdf_text(path) -> str:
    return letters("".join(page.text for page in read_pages(path)))


def _docx_text(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return letters("\n".join(parts))


def _texts(planner, tmp_path, kind: str, seq: int, lang: str) -> list[str]:
    pdf = export_document(planner, kind, seq, lang=lang, output=tmp_path, today=TODAY)
    word = export_document(planner, f"{kind}.docx", seq, lang=lang, output=tmp_path, today=TODAY)
    return [_pdf_text(pdf), _docx_text(word)]


# (language, words of the outbound decision, words of the inbound one) — each as printed
WORDS = {
    "vi": (["Về việc cử", "Điều 1. Cử", "các đồng chí có tên tại Điều 1", "DANH SÁCH ĐOÀN"],
           ["Về việc đón tiếp", "sang thăm và làm việc tại tỉnh Quảng Trị", "Điều 1. Đón tiếp", "Kinh phí đón tiếp do",
            "các đồng chí được phân công đón tiếp Đoàn", "DANH SÁCH ĐOÀN KHÁCH"]),
    "lo": (["ກ່ຽວກັບການແຕ່ງຕັ້ງ", "ມາດຕາ 1. ແຕ່ງຕັ້ງ"],
           ["ກ່ຽວກັບການຕ້ອນຮັບ", "ມາດຕາ 1. ຕ້ອນຮັບ", "ພະນັກງານທີ່ໄດ້ຮັບມອບໝາຍຕ້ອນຮັບຄະນະ", "ລາຍຊື່ຄະນະແຂກ"]),
    "en": (["On sending the", "Article 1. To send"],
           ["On receiving the", "Article 1. To receive", "The costs of the reception", "staff assigned to receive",
            "LIST OF THE VISITING DELEGATION"]),
}
SENDING = {"vi": ["Về việc cử", "Điều 1. Cử", "các đồng chí có tên tại Điều 1"], "lo": ["ມາດຕາ 1. ແຕ່ງຕັ້ງ"],
           "en": ["Article 1. To send", "members named in Article 1"]}


@pytest.mark.parametrize("lang", ["vi", "lo", "en", "vi-lo"])
def test_the_decision_sends_an_outbound_delegation_and_receives_an_inbound_one(planner, tmp_path, lang):
    langs = lang.split("-")
    for seq, which in ((OUT, 0), (IN, 1)):
        for text in _texts(planner, tmp_path, "decision", seq, lang):
            for lg in langs:
                for words in WORDS[lg][which]:
                    assert letters(words) in text, (seq, lang, words)
            if seq == IN:   # nothing sends the guests, nor makes them carry the decision out
                for lg in langs:
                    for words in SENDING[lg]:
                        assert letters(words) not in text, (lang, words)


def test_the_inbound_decision_funds_the_federations_share_of_the_estimate(planner, tmp_path):
    d = planner.delegation(planner.plan().id, IN)
    own = sum(m.amount for m in lifecycle.planned_costs(planner, d).values() if m is not None)
    report = planner.budgeting.report(d.plan_id, delegations=[d])
    assert own > 0 and own == report.budget.total().amount   # the federation's estimate, the partner's lines not in it
    text = _texts(planner, tmp_path, "decision", IN, "vi")[0]
    assert letters(f"{own:,.0f}".replace(",", ".")) in text


def _report_rows(planner, tmp_path, lang="vi") -> dict[str, list[str]]:
    from delegations.api import document_model
    from delegations.exporting import _document_request

    _exporter, request = _document_request(planner, "report", IN, None, lang, TODAY)
    model = document_model(request, "report")
    table = next(sec.table for sec in model.body if sec.table is not None and len(sec.table.heads) == 3)
    return {r[0]: [c.replace("\xa0", " ") for c in r[1:]] for r in table.rows}


def test_the_report_totals_what_the_federation_spent_and_lists_the_partners_cost_apart(planner, tmp_path):
    d = planner.delegation(planner.plan().id, IN)
    report = planner.budgeting.report(d.plan_id, delegations=[d])
    ours = sum(a.amount for s, a in report.actual)
    assert ours == Decimal("12000000") and [s.item for s, _a in report.partner_actual] == ["transport"]
    rows = _report_rows(planner, tmp_path)
    total = rows["Tổng LĐLĐ tỉnh Quảng Trị chi"]
    assert total[1] == "12.000.000 ₫"     # the budget's spending of the federation, not 15.000.000
    assert total[0] == f"{report.budget.total().amount:,.0f} ₫".replace(",", ".")
    apart = [label for label in rows if "không tính vào tổng" in label]
    assert len(apart) == 1 and "LHCĐ tỉnh Savannakhet" in apart[0] and rows[apart[0]] == ["—", "3.000.000 ₫"]
    assert list(rows).index(apart[0]) > list(rows).index("Tổng LĐLĐ tỉnh Quảng Trị chi")   # after the total, apart
    for lang in ("vi", "lo", "en", "vi-lo"):
        for text in _texts(planner, tmp_path, "report", IN, lang):
            home = translator(lang.split("-")[-1]).gettext("Total paid by {org}").split("{org}")[0]
            assert letters(home) in text and "15000000" not in text.replace(".", "").replace(",", ""), lang
