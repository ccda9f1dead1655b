"""The budget of the plan on screen: per delegation, year, paying organisation and
funding source. ``m`` changes the cost model, ``c`` the currency of the totals."""

from __future__ import annotations

from datetime import date

from rich.style import Style
from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ...budget.view import COMPARED_HEADS, BudgetView
from ...domain.budget import MissingExchangeRate
from ...i18n import N_, _
from ..bindings import translate_bindings
from ..faults import explain
from ..widgets.rows import RowsView

CURRENCIES = ("VND", "USD", "LAK")
HEADING, NOTE, DIM, ERROR = Style(bold=True), Style(italic=True), Style(dim=True), Style(bold=True, color="red")


class BudgetScreen(ModalScreen):
    BINDINGS = [
        Binding("escape,q", "close", N_("Close")),
        Binding("m", "next_model", N_("Cost model")),
        Binding("c", "next_currency", N_("Currency")),
        Binding("r", "rates", N_("Rates and exchange rates")),
    ]

    def __init__(self):
        super().__init__()
        translate_bindings(self)
        self.model: str | None = None
        self.currency = "VND"
        self._rows: list | None = None  # what the body shows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(id="budget-heading")
            yield RowsView(id="budget-body")

    def on_mount(self) -> None:
        self.refresh_budget()
        self.query_one(RowsView).focus()

    def refresh_budget(self) -> None:
        app = self.app
        model = _("each delegation's own") if self.model is None else app.planner.registry.cost_models[self.model].label.get(app.lang)
        self.query_one("#budget-heading", Static).update(
            "[b]" + _("Budget") + "  [/b]" + _("model: {model} (m), currency: {currency} (c), rates (r), Esc closes").format(model=model, currency=self.currency))
        try:
            rows = self._budget_rows(app)
        except Exception as exc:  # noqa: BLE001 - a huge figure, a cost model plugin that raises: explained, or raised again
            missing = exc.__cause__ if isinstance(exc.__cause__, MissingExchangeRate) else None
            if missing is not None:  # said the UI's way: the rates screen takes exchange rates
                message = _("No exchange rate from {source} to {target} is entered: press r and add it under "
                            "the exchange rates (or press c for another currency).").format(source=missing.source, target=missing.target)
            else:
                message = explain(exc, app.planner.host, "budget")
            if message is None:
                raise
            rows = [(line, "", ERROR) for line in message.splitlines()]
        self.query_one(RowsView).show(rows)
        self._rows = rows

    @property
    def shown(self) -> RichText | None:
        """What the body shows, as one text (for tests; made when asked, not at each opening)."""
        if self._rows is None:
            return None
        return RichText("\n".join(f"{label}  {value}" if value else label for label, value, _s in self._rows))

    def _budget_rows(self, app) -> list:
        # The rows of the last budget shown, while nothing they depend on changed: the file
        # (every save, rate and exchange rate changes it), plan, filter, model, currency,
        # language and day. Reopening the screen then costs drawing it, not pricing every line.
        key = (app.planner.repo.fingerprint(), app.plan_id, app.filters, self.model, self.currency, app.lang, date.today())
        cached = getattr(app, "_budget_rows", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        rows = self._compute_rows(app)
        app._budget_rows = (key, rows)
        return rows

    def _compute_rows(self, app) -> list:
        report = app.planner.budgeting.report(app.plan_id, model=self.model, currency=self.currency,
                                              delegations=list(app.planner.delegations(app.plan_id, app.filters)))
        view = BudgetView(report, app.wording)
        view.fx_hint = lambda source, target, n: _(   # said the UI's way: the rates screen takes exchange rates
            "No exchange rate from {source} to {target} is entered: press r and add it under "
            "the exchange rates (or press c for another currency).").format(source=source, target=target)
        rows = [(line, "", NOTE) for line in view.heading().splitlines()]
        for section in view.sections():
            rows.append(("", "", None))
            rows.append((section.title, "", HEADING))
            found = [(label, value, None) for label, value in section.rows]
            rows += sorted(found) if section.title == _("By year") else found  # years in order
            rows.append((section.total_label or _("Total"), section.total, HEADING))
        rows += self._partner_rows(report, view)
        for compared in view.comparisons():   # once a delegation has actual costs: estimate / actual / difference
            rows.append(("", "", None))
            rows.append((compared.title, " / ".join(_(head) for head in COMPARED_HEADS), HEADING))
            rows += [(label, " / ".join(values), None) for label, *values in compared.rows]
        rows.append(("", "", None))
        rows += [(note, "", DIM) for note in view.notes()]
        return rows

    @staticmethod
    def _partner_rows(report, view: BudgetView) -> list:
        """The lines a partner pays, as the documents list them: delegation, item and
        quantity, "paid by the partner" and who (no rate of ours, no amount, in no total)."""
        kept = [row for row, line in zip(view.lines(), report.budget.lines) if line.partner]
        if not kept:
            return []
        rows = [("", "", None), (_("Paid by the partner side (not in the estimate)"), "", HEADING)]
        return rows + [(_("Delegation {seq}").format(seq=number) + f": {item} × {quantity}", f"{value} ({payer})", None)
                       for number, item, quantity, _rate, value, payer in kept]

    def action_next_model(self) -> None:
        codes = [None, *sorted(self.app.planner.registry.cost_models)]
        self.model = codes[(codes.index(self.model) + 1) % len(codes)]
        self.refresh_budget()

    def action_next_currency(self) -> None:
        self.currency = CURRENCIES[(CURRENCIES.index(self.currency) + 1) % len(CURRENCIES)]
        self.refresh_budget()

    def action_rates(self) -> None:
        from .rates import open_rates

        open_rates(self.app, self.refresh_budget)

    def action_close(self) -> None:
        self.dismiss(None)
