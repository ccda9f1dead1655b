"""The budget of the plan on screen: per delegation, year, paying organisation and
funding source. ``m`` changes the cost model, ``c`` the currency of the totals."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...budget.view import BudgetView
from ...i18n import N_, _
from ..bindings import translate_bindings
from ..faults import explain

CURRENCIES = ("VND", "USD", "LAK")


class BudgetScreen(ModalScreen):
    BINDINGS = [
        Binding("escape,q", "close", N_("Close")),
        Binding("m", "next_model", N_("Cost model")),
        Binding("c", "next_currency", N_("Currency")),
    ]

    def __init__(self):
        super().__init__()
        translate_bindings(self)
        self.model: str | None = None
        self.currency = "VND"
        self.shown = None  # what the body shows (kept for tests and the benchmark)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(id="budget-heading")
            with VerticalScroll():
                yield Static(id="budget-body")

    def on_mount(self) -> None:
        self.refresh_budget()

    def refresh_budget(self) -> None:
        app = self.app
        model = _("each delegation's own") if self.model is None else app.planner.registry.cost_models[self.model].label.get(app.lang)
        self.query_one("#budget-heading", Static).update(
            "[b]" + _("Budget") + "[/b]  " + _("model: {model} (m), currency: {currency} (c), Esc closes").format(model=model, currency=self.currency))
        try:
            self.shown = self._budget_view(app)
        except Exception as exc:  # noqa: BLE001 - a huge figure, a cost model plugin that raises: explained, or raised again
            message = explain(exc, app.planner.host, "budget")
            if message is None:
                raise
            self.shown = RichText(message, style="bold red")
        self.query_one("#budget-body", Static).update(self.shown)

    def _budget_view(self, app) -> Group:
        report = app.planner.budgeting.report(app.plan_id, model=self.model, currency=self.currency,
                                              delegations=list(app.planner.delegations(app.plan_id, app.filters)))
        view = BudgetView(report, app.wording)
        parts = [RichText(view.heading(), style="italic")]
        for section in view.sections():
            table = Table(title=section.title, title_justify="left", expand=True, show_header=False, pad_edge=False)
            table.add_column(ratio=3)
            table.add_column(justify="right", ratio=1)
            for label, value in section.rows:
                table.add_row(label, value)
            table.add_row(RichText(_("Total"), style="bold"), RichText(section.total, style="bold"))
            parts.append(table)
        for compared in view.comparisons():   # once a delegation has actual costs: estimate, actual, difference
            table = Table(title=compared.title, title_justify="left", expand=True, pad_edge=False)
            table.add_column("", ratio=3)
            for head in (_("Estimate"), _("Actual"), _("Difference")):
                table.add_column(head, justify="right", ratio=1)
            for row in compared.rows:
                table.add_row(*row)
            parts.append(table)
        parts += [RichText(note, style="dim") for note in view.notes()]
        return Group(*parts)

    def action_next_model(self) -> None:
        codes = [None, *sorted(self.app.planner.registry.cost_models)]
        self.model = codes[(codes.index(self.model) + 1) % len(codes)]
        self.refresh_budget()

    def action_next_currency(self) -> None:
        self.currency = CURRENCIES[(CURRENCIES.index(self.currency) + 1) % len(CURRENCIES)]
        self.refresh_budget()

    def action_close(self) -> None:
        self.dismiss(None)
