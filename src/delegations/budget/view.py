"""A budget worded for people: the sections shown by the UI, the command line and
the PDF appendix ("Dự toán kinh phí"), in one language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .service import BudgetReport
from ..i18n import N_
from ..i18n.formatting import format_money, format_number
from ..wording import Wording

RATE_ITEMS = {
    "lodging": N_("Lodging"), "meals": N_("Meals"), "refreshments": N_("Refreshments"), "banquet": N_("Banquet"),
    "gifts": N_("Gifts"), "interpreting": N_("Interpreting, per hour"), "transport": N_("Transport"), "support": N_("Support contribution"),
    "per_diem": N_("Per diem"), "translation": N_("Translation, per page"),
    "translation_lao": N_("Translation, Lao (not a UN language): up to 30% more"),
}
# A legal document's number: "35/2026/TT-BTC".
_DOC_NUMBER = re.compile(r"\d+/\d{4}/[\w-]+")
ROLES = {"leader": N_("leader"), "deputy": N_("deputy head"), "member": N_("members"), "all": ""}


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[tuple[str, str]]
    total: str
    total_label: str = ""   # whose total it is: "Tổng LĐLĐ tỉnh Quảng Trị chi"


@dataclass(frozen=True)
class Compared:
    title: str
    rows: list[tuple[str, str, str, str, str]]   # label, estimate, estimate of the settled delegations, actual, difference


# The columns of a comparison: the difference is the actual less the estimate of the delegations
# that have actual costs (the settled ones), never less the whole plan's estimate beside it.
COMPARED_HEADS = (N_("Estimate (whole plan)"), N_("Estimate of the settled delegations"), N_("Actual"), N_("Difference"))


class BudgetView:
    """A budget report worded in one language. *numbers* renumbers the delegations
    (the plan document's TT: their places in its table) instead of their stored sequence."""

    def __init__(self, report: BudgetReport, wording: Wording, numbers: dict[int, int] | None = None):
        self.r = report
        self.w = wording
        self.t = wording.t
        self.numbers = numbers or {}

    def number(self, seq: int) -> str:
        return str(self.numbers.get(seq, seq))

    def incomplete(self, key) -> set:
        """The groups under *key* with a line not priced yet: their totals are incomplete."""
        return {key(line) for line in self.r.budget.unpriced()}

    def total_text(self, value, incomplete: bool) -> str:
        """A total: "—" while nothing in it is priced, marked incomplete while something is not."""
        if incomplete and (value is None or not value.amount):
            return "—"
        text = self.money(value)
        return self.t("{amount} (incomplete)").format(amount=text) if incomplete else text

    def home_name(self) -> str:
        """The federation whose budget this is, by its short name in the registry."""
        return self.w.org_short(self.r.home or self.w.home.code)

    def total_label(self, incomplete: bool = False) -> str:
        """The label of a total: whose it is (the federation's), and incomplete while a line of it has no rate."""
        message = N_("Total paid by {org} (incomplete)") if incomplete else N_("Total paid by {org}")
        return self.t(message).format(org=self.home_name())

    def partner_only(self, key) -> set:
        """The groups under *key* whose every line a partner pays: they show no amount, only whose they are."""
        own = {key(line) for line in self.r.budget.own()}
        return {key(line) for line in self.r.budget.partners()} - own

    def partner_text(self) -> str:
        """What a partner's line or group shows instead of an amount."""
        return self.t("paid by the partner")

    def money(self, m) -> str:
        return format_money(m, self.w.lang) if m is not None else "—"

    def item(self, item: str, role: str) -> str:
        label = self.t(RATE_ITEMS[item]) if item in RATE_ITEMS else item
        return f"{label}, {self.t(ROLES[role])}" if ROLES.get(role) else label

    def lines(self) -> list[tuple[str, ...]]:
        """One row per budget line: No., item, quantity, unit rate, amount, paid by (funding)."""
        rows = []
        for line, amount in zip(self.r.budget.lines, self.r.budget.amounts):
            payer = self.w.org_short(line.payer)
            if line.funding:
                payer += f" ({self.w.registry.funding_label(line.funding, self.w.lang)})"
            if line.partner:   # the partner's own spending: no ceiling of ours, no amount
                rate, value = "", self.partner_text()
            else:
                rate, value = self.money(line.rate) + (" *" if line.overridden else ""), self.money(amount)
            rows.append((self.number(line.seq), self.item(line.item, line.role), format_number(line.quantity, self.w.lang), rate, value, payer))
        return rows

    def sections(self) -> list[Section]:
        r, t = self.r, self.t
        incomplete = bool(r.budget.unpriced())
        total = self.total_text(r.budget.total(), incomplete)
        label_of_total = self.total_label()   # the figure says "(incomplete)" itself

        def named(groups, label, key) -> list[tuple[str, str]]:
            partial, theirs = self.incomplete(key), self.partner_only(key)
            return [(label(group), self.partner_text() if group in theirs else self.total_text(value, group in partial))
                    for group, value in groups.items()]

        def funding(key) -> str:
            payer, source = key
            return f"{self.w.org_short(payer)}: {self.w.registry.funding_label(source, self.w.lang) if source else t('no source named')}"

        delegation = lambda seq: t("Delegation {seq}").format(seq=self.number(seq))  # noqa: E731
        priced = dict(zip(r.by_delegation(), named(r.by_delegation(), delegation, lambda ln: ln.seq)))
        # A cancelled delegation is listed in its place in the plan, with no amount: it is not in the totals.
        priced.update({seq: (delegation(seq), t("cancelled, not in the estimate")) for seq in r.cancelled})
        by_delegation = [priced[seq] for seq in sorted(priced, key=lambda seq: int(self.number(seq)))]
        # A partner keeps its row: it pays its own lines, which are not in the federation's total.
        by_payer = [(label, t("pays its own lines, not in the total") if value == self.partner_text() else value)
                    for label, value in named(r.by_payer(), self.w.org_short, lambda ln: ln.payer)]
        return [
            Section(t("By delegation"), by_delegation, total, label_of_total),
            Section(t("By year"), named(r.by_year(), str, lambda ln: ln.year), total, label_of_total),
            Section(t("By paying organisation"), by_payer, total, label_of_total),
            Section(t("By funding source"), named(r.by_funding(), funding, lambda ln: (ln.payer, ln.funding)), total, label_of_total),
        ]

    def notes(self, document: bool = False) -> list[str]:
        """The tables used, their sources (each cited once) and validity, and what is not
        priced. A *document* meant to be sent keeps the legal basis only (the tables, why
        an approved delegation has its table, the provincial caps, the rules applied);
        the officer's notes (figures not verified, delegations not approved yet, rates
        missing and how to enter them) are on screen and in ``internal_notes``."""
        t, out = self.t, []
        for table in self.r.tables.values():
            label = table.label.get(self.w.lang)
            # A label naming its circular ("…(Thông tư 35/2026/TT-BTC)", in any language) leaves
            # the citation to the source, which names it with its date and issuer.
            if (m := re.search(r"\s*\(([^()]*)\)\s*$", label)) and (numbers := _DOC_NUMBER.findall(m.group(1))) \
                    and all(n in table.source for n in numbers):
                label = label[:m.start()]
            note = t("Rates: {table} ({source})").format(table=label, source=self.source(table))
            if not table.verified and not document:
                note += " — " + t("not verified against the official text")
            out.append(note)
        out += self.choice_notes(document)
        for table in self.r.tables.values():
            for row in table.rates:
                if row.capped_by:
                    out.append(t("{item}: provincial cap {amount} ({source}), below the circular's figure").format(
                        item=self.item(row.item, row.role), amount=self.money(row.amount), source=row.capped_by))
        out += self.rule_notes(document)
        if self.r.budget.partners():
            out.append(t("Lines paid by the partner side are listed as its own, without an amount: the Vietnamese rates do not "
                         "govern its spending, and no total counts them"))
        if not document:   # the settlement document says it in its own section
            out += self.partner_actual_notes()
        missing = [ln for ln in self.r.budget.unpriced() if ln.amount is None]   # no rate (not: no exchange rate)
        if missing and not document:
            out += self.empty_tables()
            out.append(t("{n} lines have no rate yet (shown as —); enter them with: delegations rates set TABLE ITEM AMOUNT").format(n=len(missing)))
        if not document:
            out += self.exchange_notes()
        if any(line.overridden for line in self.r.budget.own()):
            out.append(t("* a rate set for this delegation instead of the table's"))
        return out

    def exchange_notes(self) -> list[str]:
        """The exchange rates missing: how many lines each leaves unconverted, and how to enter it."""
        from .conversion import unconverted

        out = []
        for source, target in self.r.missing_fx:
            n = sum(1 for ln in unconverted(self.r.budget) if ln.amount.currency in (source, target))
            out.append(self.fx_hint(source, target, n))
        return out

    def fx_hint(self, source: str, target: str, n: int) -> str:
        """What a missing exchange rate leaves out, and the command that enters it."""
        return self.w.nt("No exchange rate from {source} to {target}: {n} line is shown as — and the totals are incomplete; "
                         "enter the rate with: delegations fx {source} {target} RATE --date YYYY-MM-DD",
                         "No exchange rate from {source} to {target}: {n} lines are shown as — and the totals are incomplete; "
                         "enter the rate with: delegations fx {source} {target} RATE --date YYYY-MM-DD", n).format(
            source=source, target=target, n=n)

    def internal_notes(self) -> list[str]:
        """The notes for the officer that a document meant to be sent leaves out: shown as
        warnings when such a document is exported."""
        kept = set(self.notes(document=True))
        return [note for note in self.notes() if note not in kept]

    def empty_tables(self) -> list[str]:
        """The tables chosen for a delegation whose rows used are all empty: the officer has
        not entered its rates yet; said with the command and the screen that fill them."""
        used = {ln.table for ln in self.r.budget.own()}
        priced = {ln.table for ln in self.r.budget.own() if ln.rate is not None}
        return [self.t("{table} has no rates entered yet, so its delegations are not priced: enter them with "
                       "delegations rates set {code} ITEM AMOUNT, or r on the budget screen").format(
                    table=self.table_name(table), code=code)
                for code, table in self.r.tables.items() if code in used - priced]

    def source(self, table) -> str:
        """The table's legal source in the view's language (the data's Vietnamese when untranslated)."""
        sources = getattr(table, "sources", None)
        return sources.get(self.w.lang) if sources else table.source

    def article(self, text: str) -> str:
        """A line's rule in the view's language, as a document prints it: each rule the rate
        tables and cost models translate (``article_text``, ``articles``) in the view's
        language, without the officer's remarks; a rule nothing translates as written."""
        known = {row.article: row.article_text for table in self.r.tables.values() for row in table.rates if row.article_text}
        for model in self.w.registry.cost_models.values():
            known.update(getattr(model, "articles", {}) or {})
        for written in sorted(known, key=len, reverse=True):
            if written and written in text:
                text = text.replace(written, known[written].get(self.w.lang))
        return text

    def rule(self, line) -> str:
        """A line's rule as the workbook prints it: its article in the view's language, and for a
        figure the officer entered in the table, that it is the officer's, not checked."""
        parts = [self.article(line.article)] if line.article else []
        if line.entered:
            parts.append(self.t("rate entered by the officer (not checked)"))
        return "; ".join(parts)

    def table_label(self, code: str) -> str:
        """A rate table by its name in the view's language (its code when it is not in the report)."""
        table = self.r.tables.get(code)
        return table.label.get(self.w.lang) if table is not None else code

    def comparisons(self) -> list[Compared]:
        """Estimated and spent per delegation, year, payer and funding source; empty while
        no delegation has actual costs."""
        if not self.r.actual:
            return []
        t = self.t

        def rows(key, label) -> list[tuple[str, str, str, str, str]]:
            theirs = self.partner_only(key)   # a partner's own lines: no estimate of ours, nothing of ours spent
            return [(label(group), self.money(c.estimate), self.money(c.settled), self.money(c.actual), self.money(c.difference))
                    for group, c in self.r.compare(key).items() if group not in theirs]

        def funding(key) -> str:
            payer, source = key
            return f"{self.w.org_short(payer)}: {self.w.registry.funding_label(source, self.w.lang) if source else t('no source named')}"

        return [
            Compared(t("Estimated and spent, by delegation"), rows(lambda x: x.seq, lambda s: t("Delegation {seq}").format(seq=self.number(s)))),
            Compared(t("Estimated and spent, by year"), rows(lambda x: x.year, str)),
            Compared(t("Estimated and spent, by paying organisation"), rows(lambda x: x.payer, self.w.org_short)),
            Compared(t("Estimated and spent, by funding source"), rows(lambda x: (x.payer, x.funding), funding)),
        ]

    def partner_actual_notes(self) -> list[str]:
        """The actual costs entered for an item a partner pays: shown, but not in the federation's spending."""
        return [self.t("Delegation {seq}: {amount} entered as spent on {item}, which {org} pays: not counted in the "
                       "spending of {home}").format(seq=self.number(spent.seq), amount=self.money(amount),
                                                    item=self.item(spent.item, "all"), org=self.w.org_short(spent.payer),
                                                    home=self.home_name())
                for spent, amount in self.r.partner_actual]

    def rule_notes(self, document: bool = False) -> list[str]:
        """What the circulars' own rules left open: deputies priced as members where the
        table has no deputy's rate, and the items of a co-organised delegation (Art. 27)
        for which no paying side is named yet."""
        t, out = self.t, []
        for seq, n in sorted(self.r.deputies_as_members.items(), key=lambda kv: int(self.number(kv[0]))):
            choice = self.r.choices.get(seq)
            table = self.table_name(choice.table) if choice else ""
            out.append(self.w.nt("Delegation {seq}: {n} deputy head priced as a member: {table} sets no separate rate for a deputy",
                                 "Delegation {seq}: {n} deputy heads priced as members: {table} sets no separate rate for a deputy",
                                 n).format(seq=self.number(seq), n=n, table=table))
        for seq, items in sorted(self.r.unassigned.items(), key=lambda kv: int(self.number(kv[0]))):
            names = ", ".join(self.w.registry.cost_item_label(item, self.w.lang) for item in items)
            out.append(t("Delegation {seq}, co-organised (Art. 27, Circular 35/2026): no side is named yet to pay {items}; "
                         "they are not in the estimate until a cost line names the payer").format(seq=self.number(seq), items=names))
        return out

    def table_name(self, table) -> str:
        """A table by its circular, named as one ("Thông tư 71/2018/TT-BTC"), else its code."""
        found = _DOC_NUMBER.search(table.source)
        return self.t("Circular {number}").format(number=found.group(0)) if found else table.code

    def choice_notes(self, document: bool = False) -> list[str]:
        """Why each delegation is priced by its table: its approval date, the transition
        rule that keeps the older table, or (not approved yet) the date of the estimate."""
        t, out = self.t, []
        for seq, choice in sorted(self.r.choices.items(), key=lambda kv: int(self.number(kv[0]))):
            day = f"{choice.on.day}/{choice.on.month}/{choice.on.year}"
            if choice.guest_class and not choice.confirmed and not document:
                out.append(t("Delegation {seq}: guest class {cls} proposed, not confirmed").format(seq=self.number(seq), cls=choice.guest_class))
            if choice.basis.value == "approval":
                out.append(t("Delegation {seq}: approved on {date}, priced by {table}, in force that day").format(
                    seq=self.number(seq), date=day, table=self.table_name(choice.table)))
            elif choice.basis.value == "transition":
                newer = choice.newer
                start = f"{newer.valid_from.day}/{newer.valid_from.month}/{newer.valid_from.year}"
                out.append(t("Delegation {seq}: approved on {date}, before {newer} took effect on {start}: priced by {table} "
                             "({article}); the plan may be adjusted to the new rates").format(
                    seq=self.number(seq), date=day, newer=self.table_name(newer), start=start,
                    table=self.table_name(choice.table), article=newer.transition))
            elif not document:
                # The table is named once, in its "Rates:" note: here its date (and guest class) picks it out.
                note = t("Delegation {seq}: not approved yet, priced at the rates in force on {date}").format(seq=self.number(seq), date=day)
                if choice.guest_class:
                    note += ", " + t("guest class {cls}").format(cls=choice.guest_class)
                out.append(note)
        return out

    def heading(self) -> str:
        """The estimate's currency and the day its rates are chosen by: that of the estimate
        for delegations not yet approved, the approval day for the approved ones (each is
        named in the notes, with its table and why)."""
        currency, on = self.r.budget.currency, f"{self.r.on.day}/{self.r.on.month}/{self.r.on.year}"
        approved = [c for c in self.r.choices.values() if c.basis.value != "date"]
        if not approved:
            return self.t("Budget estimate, in {currency}, rates in force on {date}").format(currency=currency, date=on)
        if len(approved) == len(self.r.choices):
            return self.t("Budget estimate, in {currency}: each delegation at the rates its approval date selects "
                          "(see the notes)").format(currency=currency)
        return self.t("Budget estimate, in {currency}: delegations not yet approved at the rates in force on {date}, "
                      "approved ones at the rates their approval date selects (see the notes)").format(currency=currency, date=on)
