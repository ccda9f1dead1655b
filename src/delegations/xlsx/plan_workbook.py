"""The plan as an Excel workbook (``export --format xlsx``): one sheet per section of
the plan — its delegations, then its budget line by line ("by item"), by delegation,
by paying organisation and by funding source.

Members, days, years and amounts are numbers, dates are dates, every total is a
``=SUM(...)`` formula over the rows above it; headers are in the export language
(both, one per line, for a bilingual export); the filters of the export apply to
every sheet (the budget is that of the delegations exported).
"""

from __future__ import annotations

from ..budget.view import BudgetView
from ..i18n import N_, translator
from ..i18n.languages import in_each
from ..wording import Wording
from .sheets import Column, SheetTable, new_workbook, workbook_to_bytes, write_table


class PlanWorkbook:
    """Builds the sheets of a plan export request (``exporting.ExportRequest``)."""

    def __init__(self, request):
        self.r = request
        self.langs = request.languages
        self.words = {lang: Wording(lang, request.registry, request.home) for lang in self.langs}
        self.numbers = {d.seq: n for n, d in enumerate(request.delegations, 1)}
        from ..plan_model import PlanWriter

        self.plan = PlanWriter(request)  # the plan's own cells where the sheet says the same (name, status)

    def tr(self, message: str, **params) -> str:
        return in_each(self.langs, lambda lang: translator(lang).gettext(message).format(**params))

    def sheet_name(self, message: str) -> str:
        return translator(self.langs[0]).gettext(message)

    def both(self, pick) -> str:
        return in_each(self.langs, pick)

    # --- delegations ---------------------------------------------------------------
    def delegations(self) -> SheetTable:
        tr = self.tr
        # Narrow enough to print on one A4 page across at 70 % or more (``sheets.MIN_SCALE``):
        # the long texts wrap in their columns, the headings wrap between words.
        columns = [
            Column(tr(N_("No.")), 6), Column(tr(N_("Delegation")), 24, wrap=True), Column(tr(N_("Direction")), 10, wrap=True),
            Column(tr(N_("Partner")), 15, wrap=True), Column(tr(N_("Leader")), 20, wrap=True), Column(tr(N_("Members")), 8),
            Column(tr(N_("Fewest days")), 7), Column(tr(N_("Most days")), 7), Column(tr(N_("Year")), 6),
            Column(tr(N_("Month")), 6), Column(tr(N_("First day")), 11), Column(tr(N_("Last day")), 11),
            Column(tr(N_("Activities")), 29, wrap=True), Column(tr(N_("Funding")), 29, wrap=True), Column(tr(N_("Status")), 9, wrap=True),
            # What the plan document does not print but the estimate and the officer need back on import.
            Column(tr(N_("Cost model")), 14, wrap=True), Column(tr(N_("Guest class")), 7),
            Column(tr(N_("Pages to translate")), 8, wrap=True), Column(tr(N_("Notes")), 24, wrap=True),
        ]
        rows = []
        for d in self.r.delegations:
            leader = "\n".join(p for p in (self.both(d.leader.position.get), self.both(d.leader.name_in)) if p)
            t = d.timing
            rows.append([
                self.numbers[d.seq], self.plan.name(d), self.both(lambda lang: self.words[lang].direction(d.direction)),
                self.both(lambda lang: self.words[lang].org_short(d.partner)), leader, d.members,
                d.duration.min_days, d.duration.max_days, t.year, t.month, t.start, t.end or t.start,
                "\n".join(f"- {self.both(a.get)}" for a in d.activities),
                self.both(lambda lang: "\n".join(f"- {x}" for x in self.words[lang].funding_lines(d))),
                self.plan.status_cell(d), self.cost_model(d.cost_model), d.guest_class,
                d.translation_pages or None, d.notes,
            ])
        return SheetTable(self.sheet_name(N_("List of delegations")), columns, rows, title_columns=2)

    def cost_model(self, code: str) -> str:
        """The delegation's own cost model by its label in each language ("" when it follows the
        plan's or the partner's; the code itself for a model no plugin registers now)."""
        model = self.r.registry.cost_models.get(code) if code else None
        return self.both(model.label.get) if model is not None else code

    # --- the budget ------------------------------------------------------------------
    def amount_head(self) -> str:
        return self.tr(N_("Amount ({currency})"), currency=self.r.budget.budget.currency)

    def total_label(self) -> str:
        """Whose total it is ("Tổng LĐLĐ tỉnh Quảng Trị chi"), incomplete while one of its lines has no rate."""
        incomplete = bool(self.r.budget.budget.unpriced())
        return self.both(lambda lang: BudgetView(self.r.budget, self.words[lang]).total_label(incomplete))

    def total_unknown(self) -> bool:
        """No line of the federation's is priced yet: a total would add "—" cells up to a false 0."""
        budget = self.r.budget.budget
        return all(a is None for line, a in zip(budget.lines, budget.amounts) if not line.partner)

    def payer(self, code: str) -> str:
        return self.both(lambda lang: self.words[lang].org_short(code))

    def funding(self, code: str) -> str:
        if not code:
            return self.tr(N_("no source named"))
        return self.both(lambda lang: self.r.registry.funding_label(code, lang))

    def lines(self) -> SheetTable:
        tr, budget = self.tr, self.r.budget.budget
        views = {lang: BudgetView(self.r.budget, self.words[lang], self.numbers) for lang in self.langs}
        names = {d.seq: d.name for d in self.r.delegations}
        columns = [
            Column(tr(N_("No.")), 6), Column(tr(N_("Delegation")), 30, wrap=True), Column(tr(N_("Item")), 28, wrap=True),
            Column(tr(N_("Quantity")), 10), Column(tr(N_("Rate")), 16), Column(self.amount_head(), 18, total=True),
            Column(tr(N_("Paid by")), 20, wrap=True), Column(tr(N_("Funding source")), 24, wrap=True),
            Column(tr(N_("Rate table")), 30, wrap=True), Column(tr(N_("Rule")), 60, wrap=True),
        ]
        rows, after = [], []
        for line, amount in zip(budget.lines, budget.amounts):
            name = names.get(line.seq)
            if line.partner:   # the partner's own spending: no rate of ours, no amount, under the total
                rate, value = "", self.both(lambda lang: views[lang].partner_text())
            else:
                rate, value = line.rate if line.rate is not None else "—", "—" if amount is None else amount
            (after if line.partner else rows).append([
                self.numbers.get(line.seq, line.seq), self.both(name.get) if name else "",
                self.both(lambda lang: views[lang].item(line.item, line.role)), line.quantity,
                rate, value, self.payer(line.payer), self.funding(line.funding),
                self.both(lambda lang: views[lang].table_label(line.table)), self.both(lambda lang: views[lang].rule(line)),
            ])
        return SheetTable(self.sheet_name(N_("Budget by item")), columns, rows, self.total_label(), 2, self.total_unknown(), title_columns=2,
                          after=after, after_heading=tr(N_("Paid by the partner side (not in the estimate)")))

    def grouped(self, title: str, label_heads: list[Column], groups: dict, label, key, theirs_text: str = "") -> SheetTable:
        """One row per group with its amount; a group with a line not priced yet says so
        in a last column, its figure being a part only."""
        columns = [*label_heads, Column(self.amount_head(), 18, total=True)]
        partial = {key(line) for line in self.r.budget.budget.unpriced()}
        view = {lang: BudgetView(self.r.budget, self.words[lang], self.numbers) for lang in self.langs}
        # A group only a partner pays is listed under the total, saying so: the formula counts the federation's rows only.
        theirs = view[self.langs[0]].partner_only(key)
        kept = {group: amount for group, amount in groups.items() if group not in theirs}
        rows = [[*label(group), "—" if amount is None else amount] for group, amount in kept.items()]
        said = theirs_text or N_("paid by the partner")
        after = [[*label(group), self.tr(said)] for group in groups if group in theirs]
        if partial:
            columns.append(Column(self.tr(N_("Note")), 24, wrap=True))
            for row, (group, amount) in zip(rows, kept.items()):
                row.append(self.tr(N_("incomplete")) if group in partial and amount is not None else "")
        return SheetTable(self.sheet_name(title), columns, rows, self.total_label(), len(label_heads) - 1, self.total_unknown(),
                          after=after)

    def by_delegation(self) -> SheetTable:
        names = {d.seq: d for d in self.r.delegations}
        heads = [Column(self.tr(N_("No.")), 6), Column(self.tr(N_("Delegation")), 50, wrap=True), Column(self.tr(N_("Year")), 8)]
        return self.grouped(N_("By delegation"), heads, self.r.budget.by_delegation(),
                            lambda seq: [self.numbers.get(seq, seq), self.both(names[seq].name.get) if seq in names else "",
                                         names[seq].timing.year if seq in names else None], lambda ln: ln.seq)

    def by_payer(self) -> SheetTable:
        return self.grouped(N_("By paying organisation"), [Column(self.tr(N_("Paid by")), 40, wrap=True)],
                            self.r.budget.by_payer(), lambda payer: [self.payer(payer)], lambda ln: ln.payer,
                            N_("pays its own lines, not in the total"))

    def by_funding(self) -> SheetTable:
        heads = [Column(self.tr(N_("Paid by")), 30, wrap=True), Column(self.tr(N_("Funding source")), 34, wrap=True)]
        return self.grouped(N_("By funding source"), heads, self.r.budget.by_funding(),
                            lambda key: [self.payer(key[0]), self.funding(key[1])], lambda ln: (ln.payer, ln.funding))

    def tables(self) -> list[SheetTable]:
        out = [self.delegations()]
        if self.r.budget is not None:
            out += [self.lines(), self.by_delegation(), self.by_payer(), self.by_funding()]
        return out

    def build(self) -> bytes:
        wb = new_workbook(self.both(self.r.plan.title.get))
        for table in self.tables():
            write_table(wb, table)
        return workbook_to_bytes(wb)


def plan_workbook(request) -> bytes:
    """The plan of *request* as .xlsx bytes."""
    return PlanWorkbook(request).build()
