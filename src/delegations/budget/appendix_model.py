"""The plan's appendix "Dự toán kinh phí" as parts of an official document, for the
PDF (``pdf.appendix``) and the Word file (``plan_model``) alike.

The parts are the line it is attached by ("Kèm theo Kế hoạch số …"), the heading
saying the currency and the day that chose the rates, the estimate's table (the
lines the federation pays and its total), the lines the partner pays (no amounts),
one table per grouping (by delegation, year, paying organisation, funding source)
each ending with the federation's total, and the notes (the legal basis).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..doc_model import DocTable, Section
from ..i18n import N_, translator
from ..i18n.formatting import long_date
from .documents import BudgetDocumentWriter


@dataclass(frozen=True)
class AppendixModel:
    """What the appendix says, every string already in the document's languages."""

    of_plan: str
    heading: str
    sections: list[Section] = field(default_factory=list)   # tables: a last row that is a total has ``summed``
    notes: list[str] = field(default_factory=list)


def of_plan_line(plan, lang: str) -> str:
    """"(Kèm theo Kế hoạch số 01/KH-LĐLĐ, ngày … )" in *lang*."""
    t = translator(lang).gettext
    number = f"{plan.number:02d}" if plan.number else "…"
    if plan.issued:
        day = long_date(plan.issued, lang)
    else:
        day = "ngày … tháng … năm …" if lang == "vi" else "…"
    return t("(Attached to Plan No. {number}/{symbol}, {date})").format(number=number, symbol=plan.symbol, date=day)


def appendix_model(request, numbers: dict[int, int]) -> AppendixModel:
    """The appendix of *request*'s plan (its ``budget`` report), the delegations numbered by *numbers*."""
    writer = BudgetDocumentWriter(request, request.budget, numbers=numbers)
    views = [writer.views[lang] for lang in writer.langs]
    sections = [Section(table=writer.estimate_table())]
    partner = writer.partner_section()
    if partner is not None:
        sections.append(partner)
    amount = writer.tr(N_("Amount"))
    for group in zip(*(v.sections() for v in views)):
        rows = [[writer.both(lambda lang, j=j: group[writer.langs.index(lang)].rows[j][0]),
                 writer.figure([sec.rows[j][1] for sec in group])] for j in range(len(group[0].rows))]
        rows.append([writer.both(lambda lang: group[writer.langs.index(lang)].total_label), writer.figure([sec.total for sec in group])])
        heads = [writer.both(lambda lang: group[writer.langs.index(lang)].title), amount]
        sections.append(Section(table=DocTable(heads, rows, (0.7, 0.3), summed=frozenset({1}))))
    notes = ["\n".join(dict.fromkeys(group)) for group in zip(*(v.notes(document=True) for v in views))]
    return AppendixModel(of_plan=writer.both(lambda lang: of_plan_line(request.plan, lang)),
                         heading=writer.both(lambda lang: views[writer.langs.index(lang)].heading()),
                         sections=sections, notes=notes)
