"""The estimate (dự toán) and the settlement (quyết toán) as official documents.

Both are built as an ``OfficialDocument`` (the model every document of the
federation uses) from a ``BudgetReport`` — of one delegation, or of every
delegation of the plan — and printed by the same PDF renderer. The estimate
lists every budget line with its quantity, unit rate, amount and payer, the rule
each follows and the tables used; the settlement sets each item's estimate
against what was really spent (TT 35/2026 Art. 34: settlement per delegation,
against the approved plan and valid invoices).
"""

from __future__ import annotations

from ..doc_model import DocTable, OfficialDocument, Section
from ..domain import Money
from ..errors import UserError
from ..i18n import N_, translator
from ..i18n.languages import in_each
from ..i18n.formatting import date_line, format_money
from ..wording import Wording
from .view import RATE_ITEMS, BudgetView

KINDS = ("budget", "settlement")
SYMBOLS = {"budget": "DT-LĐLĐ", "settlement": "QT-LĐLĐ"}
TYPES = {"budget": N_("BUDGET ESTIMATE"), "settlement": N_("BUDGET SETTLEMENT")}


class BudgetDocumentError(UserError):
    pass


def check_settlement(report) -> None:
    """A settlement needs actual costs: refuse, saying how to enter them, when none are recorded."""
    if not report.actual:
        raise BudgetDocumentError(N_("Nothing has been spent on record yet: enter the actual costs with "
                                     "delegations status SEQ done --cost ITEM=AMOUNT."))


class BudgetDocumentWriter:
    """Builds the estimate or the settlement of a report in one or two languages."""

    def __init__(self, request, report, delegation=None, numbers: dict[int, int] | None = None):
        self.r, self.report, self.d = request, report, delegation
        self.langs = request.languages
        self.views = {lang: BudgetView(report, Wording(lang, request.registry, request.home), numbers) for lang in self.langs}

    def both(self, pick) -> str:
        return in_each(self.langs, pick)

    def tr(self, message: str, **params) -> str:
        return self.both(lambda lang: translator(lang).gettext(message).format(**params))

    def money(self, m) -> str:
        return format_money(m, self.langs[0]) if m is not None else "—"

    def item(self, item: str, role: str) -> str:
        return self.both(lambda lang: self.views[lang].item(item, role))

    def subject(self, kind: str) -> str:
        plan = self.r.plan
        if self.d is not None:
            message = N_("Estimated costs of the {name}") if kind == "budget" else N_("Settlement of the costs of the {name}")
            return self.both(lambda lang: translator(lang).gettext(message).format(name=self.d.name.get(lang)))
        message = N_("Estimated costs of the plan {title}") if kind == "budget" else N_("Settlement of the costs of the plan {title}")
        return self.both(lambda lang: translator(lang).gettext(message).format(title=plan.title.get(lang)))

    def frame(self, kind: str, body: list[Section]) -> OfficialDocument:
        plan, sig = self.r.plan, self.r.plan.signature
        number = self.both(lambda lang: f"{translator(lang).gettext(N_('No.:'))}      /{SYMBOLS[kind]}")
        dated = self.both(lambda lang: date_line(plan.place.get(lang), None, lang))
        signature = ("", "", "") if sig is None else (self.both(sig.authority.get), self.both(sig.position.get), sig.name)
        return OfficialDocument(kind=kind, number=number, dated=dated, doc_type=self.tr(TYPES[kind]), subject=self.subject(kind),
                                basis=[self.tr(N_("Pursuant to the rate tables and cost-sharing rules cited below;"))],
                                body=body, recipients=[self.tr(N_("Accounting office")), self.tr(N_("Archive: office"))],
                                signature=signature)

    def rules(self) -> Section:
        """The rule of every line, each once, and the tables with their sources and validity."""
        articles = [self.both(lambda lang: self.views[lang].article(text))
                    for text in dict.fromkeys(ln.article for ln in self.report.budget.lines if ln.article)]
        notes = self.both(lambda lang: "\n".join(self.views[lang].notes(document=True)))
        return Section(heading=self.tr(N_("Rates and rules applied")), paragraphs=[*articles, *([notes] if notes else [])])

    def total_label(self, incomplete: bool) -> str:
        """Whose total it is, in each language ("Tổng LĐLĐ tỉnh Quảng Trị chi"), incomplete while a line has no rate."""
        return self.both(lambda lang: self.views[lang].total_label(incomplete))

    def estimate_table(self) -> DocTable:
        """The lines the federation pays, with quantity, rate, amount and payer, and its total
        (a workbook sums exactly these rows)."""
        view = self.views[self.langs[0]]
        heads = [self.tr(h) for h in (N_("No."), N_("Item"), N_("Quantity"), N_("Rate"), N_("Amount"), N_("Paid by"))]
        budget = self.report.budget
        own = [(row, line, amount) for row, line, amount in zip(self.lines(), budget.lines, budget.amounts) if not line.partner]
        rows, values = [], []
        for row, line, amount in own:
            rows.append(row)
            values.append([None, None, line.quantity, line.rate, amount, None])
        incomplete = bool(budget.unpriced())
        rows.append(["", self.total_label(False), "", "", view.total_text(budget.total(), incomplete), ""])
        # A workbook's total is a formula, a number: an incomplete one says so in its label,
        # and one with nothing priced stays "—" (a formula would add the "—" cells up to 0).
        known = any(a is not None for _row, _line, a in own)
        values.append([None, self.total_label(True) if incomplete else None, None, None, budget.total() if known else None, None])
        return DocTable(heads, rows, (0.06, 0.26, 0.1, 0.17, 0.19, 0.22), frozenset({0}), values, frozenset({4}))

    def figure(self, values: list[str]) -> str:
        """A cell from its versions in each language: a figure once, as the first language
        writes it (a bilingual document does not print each amount twice), words in each."""
        return values[0] if any(ch.isdigit() for ch in values[0]) else in_each(range(len(values)), values.__getitem__)

    def lines(self) -> list[list[str]]:
        """Every line's cells (``BudgetView.lines``) in the document's languages, figures once."""
        per_lang = [self.views[lang].lines() for lang in self.langs]
        return [[self.figure([rows[i][c] for rows in per_lang]) for c in range(len(first))] for i, first in enumerate(per_lang[0])]

    def partner_section(self) -> Section | None:
        """The lines a partner pays, listed as its own: no rate of ours, no amount, in no total."""
        budget = self.report.budget
        if not budget.partners():
            return None
        heads = [self.tr(h) for h in (N_("No."), N_("Item"), N_("Quantity"), N_("Paid by"))]
        kept = [(row, line) for row, line in zip(self.lines(), budget.lines) if line.partner]
        rows = [[row[0], row[1], row[2], row[5]] for row, _line in kept]
        values = [[None, None, line.quantity, None] for _row, line in kept]
        table = DocTable(heads, rows, (0.06, 0.44, 0.15, 0.35), frozenset({0, 2}), values)
        return Section(heading=self.tr(N_("Paid by the partner side (not in the estimate)")), table=table)

    def payers(self) -> list[str]:
        """The totals by paying organisation, a paragraph each, in each language (a partner's says it pays its own part)."""
        per_lang = [self.views[lang].sections()[2].rows for lang in self.langs]
        return ["\n".join(dict.fromkeys(f"{label}: {value}" for label, value in rows)) for rows in zip(*per_lang)]

    def budget(self) -> OfficialDocument:
        partner = self.partner_section()
        body = [Section(table=self.estimate_table()), *([partner] if partner else []),
                Section(heading=self.tr(N_("By paying organisation")), paragraphs=self.payers()), self.rules()]
        return self.frame("budget", body)

    def settlement(self) -> OfficialDocument:
        check_settlement(self.report)
        lang = self.langs[0]
        estimates = self.report.budget.by(lambda ln: (ln.seq, ln.item))
        actuals: dict = {}
        for spent, amount in self.report.actual:
            key = (spent.seq, spent.item)
            actuals[key] = amount if key not in actuals else actuals[key] + amount
        # A plan's settlement sets beside the whole plan's estimate the estimate of the delegations
        # that have actual costs: the difference is the actual less that one, row by row and in
        # total (each a formula in a workbook). One delegation's settlement is settled whole.
        plan_wide = self.d is None
        settled_seqs = {spent.seq for spent, _amount in self.report.actual}
        names = (N_("No."), N_("Item"), *((N_("Estimate (whole plan)"), N_("Estimate of the settled delegations")) if plan_wide
                                          else (N_("Estimate"),)), N_("Actual"), N_("Difference"))
        heads = [self.tr(h) for h in names]
        rows, values = [], []
        own = {(ln.seq, ln.item) for ln in self.report.budget.own()}
        zero = Money.zero(self.report.budget.currency)
        for seq, item in dict.fromkeys([*(k for k in estimates if k in own), *actuals]):
            est, act = estimates.get((seq, item)), actuals.get((seq, item))
            settled = est if seq in settled_seqs else None
            diff = (zero if act is None else act) - (zero if est is None else est) \
                if seq in settled_seqs and (act is not None or est is not None) else None
            label = self.both(lambda lg: translator(lg).gettext(RATE_ITEMS[item])) if item in RATE_ITEMS else item
            figures = [est, settled, act, diff] if plan_wide else [est, act, diff]
            rows.append([self.views[lang].number(seq), label, *(self.money(f) for f in figures)])
            values.append([None, None, *figures])
        total = self.report.compare(lambda x: "all").get("all")
        if total is not None:
            # An estimate with a line not priced yet is a part only: said in the total's figure
            # and its label (a workbook shows the label by a formula's number), never a plain number.
            incomplete = bool(self.report.budget.unpriced())
            view = self.views[lang]
            figures = [total.estimate, total.settled, total.actual, total.difference] if plan_wide else \
                [total.estimate, total.actual, total.difference]
            texts = [view.total_text(total.estimate, incomplete)]
            if plan_wide:
                texts.append(view.total_text(total.settled, incomplete and any(
                    ln.seq in settled_seqs for ln in self.report.budget.unpriced())))
            texts += [self.money(total.actual), self.money(total.difference)]
            rows.append(["", self.total_label(incomplete), *texts])
            values.append([None, None, *figures])
        # Every figure column is summed: the rows' differences add up to the total's (spent less
        # the estimate of the delegations that spent), as the service computes it.
        shares = (0.06, 0.26, 0.17, 0.17, 0.17, 0.17) if plan_wide else (0.08, 0.32, 0.2, 0.2, 0.2)
        table = DocTable(heads, rows, shares, frozenset({0}), values,
                         frozenset(range(2, len(names))) if total is not None else frozenset())
        payers = [f"{label}: {est} / {settled} / {act} / {diff}" for label, est, settled, act, diff in self.views[lang].comparisons()[2].rows]
        # What was entered as spent on a partner's item: shown, not in the federation's spending.
        payers += ["\n".join(dict.fromkeys(group)) for group in zip(*(self.views[lg].partner_actual_notes() for lg in self.langs))]
        partner = self.partner_section()
        body = [Section(table=table), *([partner] if partner else []),
                Section(heading=self.tr(N_("By paying organisation: estimate (whole plan) / estimate of the settled delegations / actual / difference")), paragraphs=payers),
                self.rules()]
        return self.frame("settlement", body)

    def build(self, kind: str) -> OfficialDocument:
        return getattr(self, kind)()


__all__ = ["KINDS", "BudgetDocumentWriter", "BudgetDocumentError", "check_settlement"]
