"""Budgets of a plan: which rate table applies, the officer's figures and exchange
rates, and the totals per delegation, year, paying organisation and funding source.

The UI, the command line and the PDF appendix all use ``Budgeting.report``.
Figures the officer enters (rows of an open rate table, exchange rates) are
kept in the database settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, DecimalException

from ..domain import (
    Budget,
    BudgetLine,
    CapRaises,
    Delegation,
    ExchangeRate,
    Money,
    Plan,
    RateTable,
    Status,
    TableChoice,
    ValidationError,
    limits,
)
from ..domain import budget as budget_rules
from ..domain.budget_actuals import Spent
from ..domain.money import CURRENCY_EXPONENT
from ..errors import N_, UserError
from .conversion import priced


class BudgetError(UserError):
    pass


@dataclass(frozen=True)
class BudgetReport:
    """A plan's budget in one currency, with the tables it was priced by."""

    plan: Plan
    budget: Budget
    tables: dict[str, RateTable]
    on: date
    models: dict[str, str] = field(default_factory=dict)   # delegation id -> cost model code
    choices: dict[int, TableChoice] = field(default_factory=dict)   # delegation seq -> the table chosen and why
    actual: tuple = ()   # (Spent, amount in the report's currency) for each actual cost of a done delegation
    unassigned: dict[int, tuple[str, ...]] = field(default_factory=dict)   # seq -> cost items no side is named for (Art. 27)
    deputies_as_members: dict[int, int] = field(default_factory=dict)   # seq -> deputies priced as members (no deputy rate)
    cancelled: tuple[int, ...] = ()   # the seqs of cancelled delegations: not in the estimate (their actual costs still count)
    home: str = ""   # the code of the federation whose budget this is: its lines are priced and totalled
    partner_actual: tuple = ()   # (Spent, amount) entered for an item a partner pays: shown, not in the federation's spending
    missing_fx: tuple[tuple[str, str], ...] = ()   # (source, target) with no exchange rate: those lines are not converted

    def compare(self, key) -> dict:
        """Estimate, actual and difference per group of *key* (seq, year, payer, (payer, funding))."""
        return budget_rules.compare(self.budget, self.actual, key)

    def as_dict(self) -> dict:
        """The report for scripts (``budget --json``): amounts as decimal strings, None as null."""
        def money(m):
            return None if m is None else str(m.amount)

        def compared(key, name):
            return [{name: group if not isinstance(group, tuple) else list(group), "estimate": money(c.estimate),
                     "estimate_settled": money(c.settled), "actual": money(c.actual), "difference": money(c.difference)} for group, c in self.compare(key).items()]

        delegations = compared(lambda x: x.seq, "seq")
        delegations += [{"seq": seq, "estimate": None, "estimate_settled": None, "actual": None, "difference": None}
                        for seq in self.cancelled if seq not in {row["seq"] for row in delegations}]
        for row in delegations:
            row["cancelled"] = row["seq"] in self.cancelled
            choice = self.choices.get(row["seq"])
            if choice is not None:
                row.update(table=choice.table.code, basis=choice.basis.value, chosen_on=choice.on.isoformat(),
                           kept_instead_of=choice.newer.code if choice.newer else None)
        overall = self.compare(lambda x: "all").get("all")
        totals = budget_rules.Comparison(self.budget.total(), overall.actual if overall else None, overall.settled if overall else None)
        return {
            "plan": self.plan.id, "currency": self.budget.currency, "date": self.on.isoformat(),
            "tables": {code: {"source": t.source, "verified": t.verified, "valid_from": t.valid_from and t.valid_from.isoformat(),
                              "valid_to": t.valid_to and t.valid_to.isoformat()} for code, t in self.tables.items()},
            "delegations": delegations,
            "years": compared(lambda x: x.year, "year"),
            "payers": [{**row, "partner": row["payer"] != self.home} for row in compared(lambda x: x.payer, "payer")],
            "funding": compared(lambda x: (x.payer, x.funding), "payer_funding"),
            # The federation's own: partner lines have no amount and are not counted (nor as missing).
            "total": {"payer": self.home, "estimate": money(totals.estimate), "estimate_settled": money(totals.settled),
                      "actual": money(totals.actual),
                      "difference": money(totals.difference), "complete": not self.budget.unpriced()},
            "missing_exchange_rates": [{"source": a, "target": b} for a, b in self.missing_fx],
            "partner_actual": [{"seq": s.seq, "item": s.item, "payer": s.payer, "amount": money(a)} for s, a in self.partner_actual],
            "lines": [{"seq": ln.seq, "year": ln.year, "item": ln.item, "role": ln.role, "cost_item": ln.cost_item,
                       "payer": ln.payer, "funding": ln.funding, "quantity": str(ln.quantity), "rate": money(ln.rate),
                       "rate_currency": ln.rate.currency if ln.rate else None, "amount": money(a), "table": ln.table,
                       "article": ln.article, "overridden": ln.overridden, "partner": ln.partner}
                      for ln, a in zip(self.budget.lines, self.budget.amounts)],
        }

    def by_delegation(self) -> dict:
        return self.budget.by(lambda ln: ln.seq)

    def by_year(self) -> dict:
        return self.budget.by(lambda ln: ln.year)

    def by_payer(self) -> dict:
        return self.budget.by(lambda ln: ln.payer)

    def by_funding(self) -> dict:
        return self.budget.by(lambda ln: (ln.payer, ln.funding))


def parse_amount(text: str, currency: str, field: str = "amount") -> Money:
    """An amount the officer typed: a finite number from 0 to ``limits.MAX_AMOUNT``
    (``ValidationError`` naming *field* otherwise)."""
    try:
        value = Decimal(text.replace(" ", "").replace("_", ""))
    except (ArithmeticError, ValueError) as exc:
        raise BudgetError(N_("\"{value}\" is not an amount in {currency}: write a number such as 3000000 (no thousands dots)."),
                          value=text, currency=currency.upper()) from exc
    bad = limits.amount_problem(field, value)
    if bad is not None:
        raise ValidationError([bad])
    return Money(value, currency.upper())


def check_currency(code: str) -> str:
    code = code.upper()
    if code not in CURRENCY_EXPONENT:
        raise BudgetError(N_("Unknown currency \"{code}\". Known: {known}."), code=code, known=", ".join(sorted(CURRENCY_EXPONENT)))
    return code


class Budgeting:
    def __init__(self, planner):
        self.planner = planner

    @property
    def repo(self):
        return self.planner.repo

    # --- exchange rates ---------------------------------------------------------
    def exchange_rates(self) -> list[ExchangeRate]:
        return [ExchangeRate(r["source"], r["target"], Decimal(r["rate"]), date.fromisoformat(r["day"]))
                for r in self.repo.setting("exchange_rates", [])]

    def set_exchange_rate(self, source: str, target: str, rate: str, day: date) -> ExchangeRate:
        """Record 1 *source* = *rate* *target* on *day* (a later entry for the same day replaces it)."""
        source, target = check_currency(source), check_currency(target)
        try:
            value = Decimal(rate.replace(" ", "").replace("_", ""))
        except (ArithmeticError, ValueError):
            raise BudgetError(N_("\"{value}\" is not an exchange rate: write a number such as 25400."), value=rate) from None
        bad = limits.rate_problem("exchange_rate", value)
        if bad is not None:
            raise ValidationError([bad])
        if limits.check_year("date", day.year):
            raise ValidationError(limits.check_year("date", day.year))
        if source == target:
            raise BudgetError(N_("An exchange rate needs two different currencies and a rate above 0."))
        kept = [r for r in self.repo.setting("exchange_rates", []) if (r["source"], r["target"], r["day"]) != (source, target, day.isoformat())]
        kept.append({"source": source, "target": target, "rate": str(value), "day": day.isoformat()})
        self.repo.set_setting("exchange_rates", kept)
        return ExchangeRate(source, target, value, day)

    # --- rate tables --------------------------------------------------------------
    def tables(self) -> dict[str, RateTable]:
        """Every registered table, with the rows the officer filled in and the province's lower caps."""
        entered = self.repo.setting("rate_amounts", {})
        caps = self.repo.setting("provincial_caps", {})
        out = {}
        for code, table in self.planner.host.registry.rate_tables.items():
            amounts = {tuple(key.split("/", 1)): Money(Decimal(v), table.currency) for key, v in entered.get(code, {}).items()}
            table = table.with_amounts(amounts)
            if code in caps:
                table = self._capped(table, caps[code])
            out[code] = table
        return out

    @staticmethod
    def _capped(table: RateTable, entry: dict) -> RateTable:
        caps = {tuple(key.split("/", 1)): Money(Decimal(v), table.currency) for key, v in entry.get("rows", {}).items()}
        try:
            return budget_rules.with_caps(table, caps, entry.get("source", ""))
        except CapRaises as exc:
            figure = "—" if exc.figure is None else f"{exc.figure.amount} {exc.figure.currency}"
            raise BudgetError(N_("The provincial cap for {table} {item}/{role} ({cap}) does not lower the circular's figure ({figure}): "
                                 "a province may set lower caps only (Art. 33)."),
                              table=exc.table, item=exc.item, role=exc.role, cap=f"{exc.cap.amount} {exc.cap.currency}",
                              figure=figure) from None

    def set_provincial_cap(self, code: str, item: str, role: str, amount: str, source: str) -> RateTable:
        """Lower one row of a table by the province's decision *source* (refused when it
        would raise the circular's figure, naming the line); nothing is saved when refused."""
        table = self.table(code)
        if table.rate(item, role) is None:
            rows = ", ".join(f"{r.item}/{r.role}" for r in table.rates)
            raise BudgetError(N_("The table {code} has no row {item}/{role}. Rows: {rows}."), code=code, item=item, role=role, rows=rows)
        if not source.strip():
            raise BudgetError(N_("Name the province's decision setting the cap: --source \"Nghị quyết …/NQ-HĐND\"."))
        money = parse_amount(amount, table.currency, f"{code} {item}/{role}")
        caps = dict(self.repo.setting("provincial_caps", {}))
        entry = caps.get(code, {})
        entry = {"source": source.strip(), "rows": {**entry.get("rows", {}), f"{item}/{role}": str(money.amount)}}
        uncapped = self.planner.host.registry.rate_tables[code]
        entered = self.repo.setting("rate_amounts", {}).get(code, {})
        self._capped(uncapped.with_amounts({tuple(k.split("/", 1)): Money(Decimal(v), table.currency) for k, v in entered.items()}), entry)
        caps[code] = entry
        self.repo.set_setting("provincial_caps", caps)
        self.planner._registry = None
        return self.table(code)

    def table(self, code: str) -> RateTable:
        tables = self.tables()
        if code not in tables:
            raise BudgetError(N_("No rate table \"{code}\". Available: {available}."), code=code, available=", ".join(sorted(tables)))
        return tables[code]

    def set_table_rate(self, code: str, item: str, role: str, amount: str) -> RateTable:
        """Fill in (or correct) one row of a table, in the table's currency."""
        table = self.table(code)
        if table.rate(item, role) is None:
            rows = ", ".join(f"{r.item}/{r.role}" for r in table.rates)
            raise BudgetError(N_("The table {code} has no row {item}/{role}. Rows: {rows}."), code=code, item=item, role=role, rows=rows)
        money = parse_amount(amount, table.currency, f"{code} {item}/{role}")
        entered = dict(self.repo.setting("rate_amounts", {}))
        entered[code] = {**entered.get(code, {}), f"{item}/{role}": str(money.amount)}
        self.repo.set_setting("rate_amounts", entered)
        self.planner._registry = None  # validators see the new figures
        return self.table(code)

    def guest_class(self, d: Delegation) -> tuple[str, bool]:
        """The guest class a delegation is priced by, and whether the officer confirmed it;
        outbound trips have none. Unconfirmed: C for a provincial union, else "other"."""
        if d.direction.value != "inbound":
            return "", True
        if d.guest_class:
            return d.guest_class, True
        partner = self.planner.registry.partners.get(d.partner)
        return budget_rules.proposed_class(bool(partner and partner.province)), False

    def set_guest_class(self, plan_id: str | None, seq: int, guest_class: str) -> Delegation:
        """Confirm the guest class (A, B, C, other) of an inbound delegation."""
        if guest_class not in budget_rules.GUEST_CLASSES:
            raise BudgetError(N_("\"{value}\" is not a guest class: write A, B, C or other."), value=guest_class)
        d = self.planner.delegation(self.planner.plan(plan_id).id, seq)
        if d.direction.value != "inbound":
            raise BudgetError(N_("Delegation {seq} travels abroad: guest classes are for delegations received at home."), seq=seq)
        updated = d.evolve(guest_class=guest_class)
        self.planner.save_delegation(updated)
        return updated

    def set_translation_pages(self, plan_id: str | None, seq: int, pages: int) -> Delegation:
        """Record how many pages are translated for delegation *seq* (priced per page)."""
        bad = limits.check_int("translation_pages", pages, 0, limits.MAX_PAGES)
        if bad:
            raise ValidationError(bad)
        d = self.planner.delegation(self.planner.plan(plan_id).id, seq)
        updated = d.evolve(translation_pages=pages)
        self.planner.save_delegation(updated)
        return updated

    def table_for(self, direction: str, on: date) -> RateTable | None:
        """The table for *direction* in force on *on* (the latest valid one)."""
        return budget_rules.table_in_force(self.tables().values(), direction, on)

    # --- the budget -----------------------------------------------------------------
    def lines(self, d: Delegation, table: RateTable, model_code: str | None = None) -> list[BudgetLine]:
        from ..plugins import guarded

        model = self.planner.cost_model(d, model_code)
        home = self.planner.home()
        if model_code is not None:
            d = self._priced_as(d, model, home)
        if hasattr(model, "estimate"):
            lines = guarded(self.planner.registry, "cost_models", model.code, "estimate", lambda: model.estimate(d, home, table),
                            lambda r: isinstance(r, (list, tuple)) and all(isinstance(x, BudgetLine) for x in r))
        else:
            named = {c.item for c in d.cost_lines}
            lines = budget_rules.estimate(d, table, home.code, include=lambda r: r.cost_item in named)
        # Whatever model priced them, the lines a partner pays are its own: no Vietnamese ceiling, no total.
        return budget_rules.for_partner(lines, home.code)

    def _priced_as(self, d: Delegation, model, home) -> Delegation:
        """*d* with the cost lines *model* proposes (``budget --model X`` prices with
        X's payers, not the saved ones); unchanged when its partner is unknown."""
        from ..domain import CostLine
        from ..plugins import guarded

        partner = self.planner.registry.partners.get(d.partner)
        if partner is None:
            return d
        lines = guarded(self.planner.registry, "cost_models", model.code, "cost_lines", lambda: model.cost_lines(d, home, partner),
                        lambda r: isinstance(r, (list, tuple)) and all(isinstance(c, CostLine) for c in r))
        return d.evolve(cost_lines=tuple(lines))

    def choice(self, d: Delegation, on: date, tables=None) -> TableChoice | None:
        """The table that prices *d*: the one its approval date (and start, for a
        transition) selects, else the one in force on *on*; None when none is."""
        guest_class, _ = self.guest_class(d)
        tables = self.tables().values() if tables is None else tables
        return budget_rules.choose_table(tables, d.direction.value, d.approval.issued if d.approval else None,
                                         d.timing.start, on, guest_class)

    def _spent(self, d: Delegation, choice: TableChoice | None, model: str | None = None) -> tuple[list[Spent], list[Spent]]:
        own = self.lines(d, choice.table, model) if choice is not None and d.outcome is not None else []
        return budget_rules.spent_by_side(d, own, self.planner.home().code)

    def spent_by_side(self, d: Delegation, on: date | None = None) -> tuple[list[Spent], list[Spent]]:
        """The actual costs of *d* as its budget counts them (``report``'s ``actual`` and
        ``partner_actual``): the federation's, then those entered for an item a partner
        pays by the estimate. *on* as in ``report`` (default: the plan's date of issue,
        else today)."""
        if d.outcome is None:
            return [], []
        on = on or self.planner.plan(d.plan_id).issued or date.today()
        return self._spent(d, self.choice(d, on))

    def federation_spent(self, d: Delegation, on: date | None = None) -> list[Spent]:
        """What *d* really cost the federation: not what was entered for a partner's item."""
        return self.spent_by_side(d, on)[0]

    def report(self, plan_id: str | None = None, *, model: str | None = None, currency: str = "VND",
               on: date | None = None, delegations: list[Delegation] | None = None) -> BudgetReport:
        """The budget of a plan (or of *delegations*) in *currency*. An approved delegation
        is priced by the table its approval date (and start, for a transition) selects;
        one not approved yet by the table in force on *on* (default: the plan's date of
        issue, else today)."""
        currency = check_currency(currency)
        if model is not None and model not in self.planner.registry.cost_models:
            raise BudgetError(N_("No cost model \"{code}\". Available: {available}."), code=model,
                              available=", ".join(sorted(self.planner.registry.cost_models)))
        plan = self.planner.plan(plan_id)
        on = on or plan.issued or date.today()
        found = list(self.planner.delegations(plan.id)) if delegations is None else delegations
        tables = self.tables().values()
        lines, used, models, choices, spent, unassigned, deputies_as_members, cancelled = [], {}, {}, {}, [], {}, {}, []
        partner_spent = []
        home = self.planner.home().code
        for d in found:
            guest_class, confirmed = self.guest_class(d)
            choice = self.choice(d, on, tables)
            if d.status is Status.CANCELLED or choice is None:
                # A cancelled one is listed, not priced: what it really cost (if entered) still counts as spent.
                if d.status is Status.CANCELLED:
                    cancelled.append(d.seq)
                ours, theirs = self._spent(d, choice, model)
                spent, partner_spent = spent + ours, partner_spent + theirs
                continue
            choice = replace(choice, guest_class=guest_class, confirmed=confirmed)
            table = choice.table
            used[table.code] = table
            choices[d.seq] = choice
            cost_model = self.planner.cost_model(d, model)
            models[d.id] = cost_model.code
            own = self.lines(d, table, model)
            if getattr(cost_model, "names_every_payer", False):
                missing = budget_rules.unassigned_items(self._priced_as(d, cost_model, self.planner.home()) if model else d, table)
                if missing:
                    unassigned[d.seq] = missing
            # Deputies priced as members: only where the federation pays the lodging (a partner's is not priced).
            if budget_rules.deputies(d) and any(ln.seq == d.seq and ln.role == "member" and not ln.partner for ln in own) \
                    and not any(ln.seq == d.seq and ln.role == "deputy" for ln in own):
                deputies_as_members[d.seq] = budget_rules.deputies(d)
            lines += own
            ours, theirs = budget_rules.spent_by_side(d, own, home)
            spent, partner_spent = spent + ours, partner_spent + theirs
        try:
            # A missing exchange rate leaves its lines unpriced ("—", totals incomplete) and is named.
            result, actual, missing_fx = priced(lines, currency, self.exchange_rates(), on, (*spent, *partner_spent))
            result.total()  # every sum computed here: a figure too large is reported, not met later
            sum((a for _, a in actual), Money.zero(currency))
        except DecimalException as exc:
            raise BudgetError(N_("The budget cannot be computed: a figure is too large or an exchange rate too small. "
                                 "Check the figures entered with delegations rates, fx and rate.")) from exc
        # An actual cost entered for an item the partner pays is shown apart: the federation's
        # spending (and its difference to the estimate) counts only what it pays itself.
        partners = {id(s) for s in partner_spent}
        ours = tuple((s, a) for s, a in actual if id(s) not in partners)
        theirs = tuple((s, a) for s, a in actual if id(s) in partners)
        return BudgetReport(plan, result, used, on, models, choices, ours, unassigned, deputies_as_members, tuple(cancelled),
                            home, theirs, missing_fx)
