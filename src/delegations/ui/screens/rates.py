"""The rate tables and exchange rates, filled in and corrected in the UI (the
``rates set`` and ``fx`` commands do the same from the command line)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ...i18n import N_, _
from ...budget.view import RATE_ITEMS
from ...budget.units import unit_label
from ..bindings import translate_bindings
from ..faults import explain

ROLES = {"all": N_("everyone"), "leader": N_("leader"), "deputy": N_("deputy head"), "member": N_("member")}


class RatesScreen(ModalScreen):
    """Every row of every rate table and every exchange rate, each an input; Ctrl+S
    saves what changed (each figure checked as the command line checks it).
    Returns ``True`` when something was saved."""

    BINDINGS = [Binding("ctrl+s", "save", N_("Save")), Binding("escape", "close", N_("Close"))]

    def __init__(self):
        super().__init__()
        translate_bindings(self)
        self.saved = False

    def _item_label(self, item: str) -> str:
        """A rate's item in the interface language: the cost item's name, or the budget's
        own name of a rate that is not a cost item ("lodging" within board and lodging)."""
        label = self.app.planner.registry.cost_item_label(item, self.app.lang)
        return _(RATE_ITEMS[item]) if label == item and item in RATE_ITEMS else label

    def compose(self) -> ComposeResult:
        app = self.app
        budgeting = app.planner.budgeting
        self.amounts: dict[str, tuple[str, str, str, str]] = {}  # input id -> table, item, role, amount shown
        self.rates: dict[str, tuple[str, str, str]] = {}
        with Vertical(classes="dialog wide"):
            yield Static("[b]" + _("Rates") + "  [/b]" + _("(Ctrl+S saves, Esc closes)"))
            yield Static("", id="rates-message", markup=False)
            with VerticalScroll(id="rates-body"):
                for table in budgeting.tables().values():
                    flag = "" if table.verified else " — " + _("not verified against the official text")
                    yield Static(f"[b]{table.label.get(app.lang)} [/b]({table.currency}){flag}", classes="rates-table")
                    for n, r in enumerate(table.rates):
                        widget_id = f"amount-{len(self.amounts)}"
                        shown = str(r.amount.amount) if r.amount else ""
                        self.amounts[widget_id] = (table.code, r.item, r.role, shown)
                        label = f"{self._item_label(r.item)} ({_(ROLES.get(r.role, r.role))}), {_(unit_label(r))}"
                        with Horizontal(classes="row"):
                            yield Label(label, classes="rate-label", markup=False)
                            yield Input(shown, placeholder=table.currency, id=widget_id, compact=True, classes="rate-amount")
                yield Static("[b]" + _("Exchange rates") + "[/b]", classes="rates-table")
                yield from self._fx_rows()
                with Horizontal(classes="row", id="fx-new-row"):
                    yield Label(_("New: 1 (currency) = rate (currency)"), classes="rate-label")
                    yield Input(placeholder="USD", id="fx-new-source", compact=True, classes="rate-code")
                    yield Input(placeholder="25400", id="fx-new-rate", compact=True, classes="rate-code")
                    yield Input(placeholder="VND", id="fx-new-target", compact=True, classes="rate-code")

    def _fx_rows(self) -> list[Horizontal]:
        """One row per stored exchange rate (its day as d/m/yyyy), each an input."""
        rows = []
        for r in sorted(self.app.planner.budgeting.exchange_rates(), key=lambda r: (r.source, r.target, r.day)):
            widget_id = f"fx-{len(self.rates)}"
            self.rates[widget_id] = (r.source, r.target, str(r.rate))
            day = f"{r.day.day}/{r.day.month}/{r.day.year}"
            rows.append(Horizontal(
                Label(f"1 {r.source} = … {r.target}  ({day})", classes="rate-label", markup=False),
                Input(str(r.rate), id=widget_id, compact=True, classes="rate-amount"),
                classes="row fx-row"))
        return rows

    async def _show_saved_rates(self) -> None:
        """The exchange rates list again, as stored (a rate just added appears in it)."""
        await self.query(".fx-row").remove()
        self.rates = {}
        rows = self._fx_rows()
        if rows:
            await self.query_one("#rates-body", VerticalScroll).mount_all(rows, before="#fx-new-row")

    def changed(self) -> bool:
        """Whether a figure was typed that is not saved yet."""
        for widget_id, (*_key, shown) in list(self.amounts.items()) + list(self.rates.items()):
            typed = self.query_one(f"#{widget_id}", Input).value.strip()
            if typed and typed != shown:
                return True
        return any(self.query_one(f"#fx-new-{part}", Input).value.strip() for part in ("source", "rate", "target"))

    def on_mount(self) -> None:
        first = next(iter(self.amounts), None)
        if first:
            self.query_one(f"#{first}", Input).focus()

    def _say(self, message: str, error: bool = True) -> None:
        line = self.query_one("#rates-message", Static)
        line.update(message)
        line.display = bool(message)
        line.set_class(error, "error-text")

    def say_notice(self, message: str, severity: str) -> None:
        """A notice on the screen's own line, not a toast over the figures."""
        self._say(message, error=severity != "information")

    async def action_save(self) -> None:
        """Save every figure that changed; stop at the first one refused, naming it."""
        budgeting = self.app.planner.budgeting
        done, new_rates = 0, 0
        try:
            for widget_id, (code, item, role, shown) in self.amounts.items():
                typed = self.query_one(f"#{widget_id}", Input).value.strip()
                if typed and typed != shown:
                    budgeting.set_table_rate(code, item, role, typed)
                    self.amounts[widget_id] = (code, item, role, typed)
                    done += 1
            for widget_id, (source, target, shown) in self.rates.items():
                typed = self.query_one(f"#{widget_id}", Input).value.strip()
                if typed and typed != shown:
                    budgeting.set_exchange_rate(source, target, typed, date.today())
                    self.rates[widget_id] = (source, target, typed)
                    done += 1
                    new_rates += 1
            new = [self.query_one(f"#fx-new-{part}", Input).value.strip() for part in ("source", "rate", "target")]
            if any(new):
                budgeting.set_exchange_rate(new[0], new[2], new[1], date.today())
                for part in ("source", "rate", "target"):
                    self.query_one(f"#fx-new-{part}", Input).value = ""
                done += 1
                new_rates += 1
        except Exception as exc:  # noqa: BLE001 - a figure refused, the disk: explained, or raised again
            message = explain(exc, self.app.planner.host, "rates")
            if message is None:
                raise
            self._say(message)
            self.saved = self.saved or done > 0
            if new_rates:
                await self._show_saved_rates()
            return
        self.saved = self.saved or done > 0
        if new_rates:
            await self._show_saved_rates()
        self._say(_("Saved {n} figures.").format(n=done) if done else _("Nothing changed."), error=False)

    def action_close(self) -> None:
        """Close; figures typed and not saved are given up only when the officer says so."""
        if not self.changed():
            self.dismiss(self.saved)
            return
        from .dialogs import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(self.saved)

        self.app.push_screen(ConfirmScreen(_("Discard the figures typed and not saved?"), yes=_("Discard"), no=_("Keep editing")),
                             answered)


def open_rates(app, then=None) -> None:
    """The rates screen over the current one (refused on a read-only copy); *then*
    is called with ``True`` when something was saved."""
    if app.read_only:
        app.notify(_("This copy is read-only: {reason}").format(reason=app.read_only), severity="error", markup=False)
        return
    app.push_screen(RatesScreen(), lambda saved: saved and then and then())
