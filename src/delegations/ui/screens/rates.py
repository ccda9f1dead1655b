"""The rate tables and exchange rates, filled in and corrected in the UI (the
``rates set`` and ``fx`` commands do the same from the command line)."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ...i18n import N_, _, ngettext
from ...budget.view import RATE_ITEMS
from ...budget.units import unit_label
from ..bindings import translate_bindings
from ..faults import explain

ROLES = {"all": N_("everyone"), "leader": N_("leader"), "deputy": N_("deputy head"), "member": N_("member")}


def _today() -> str:
    """Today as the date field shows it: dd/mm/yyyy."""
    return date.today().strftime("%d/%m/%Y")


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
        """A rate's item in the interface language: the budget's own name of the rate
        (from the catalogs, so in every language), else the cost item's name."""
        if item in RATE_ITEMS:
            return _(RATE_ITEMS[item])
        return self.app.planner.registry.cost_item_label(item, self.app.lang)

    def _row_label(self, rate) -> str:
        """A rate row's name: the item with a capital, its role unless it applies to
        everyone, and its unit unless the item's name already says it."""
        item = self._item_label(rate.item)
        item = item[:1].upper() + item[1:]
        unit = _(unit_label(rate))
        if item.casefold().endswith(unit.casefold()):
            item = item[: -len(unit)].rstrip(" ,;-–")
        role = f" ({_(ROLES[rate.role])})" if rate.role != "all" and rate.role in ROLES else ""
        return f"{item}{role}, {unit}"

    def compose(self) -> ComposeResult:
        app = self.app
        budgeting = app.planner.budgeting
        self.amounts: dict[str, tuple[str, str, str, str]] = {}  # input id -> table, item, role, amount shown
        self.rates: dict[str, tuple[str, str, str, date]] = {}
        self.labels: dict[str, str] = {}  # input id -> the row's name, for a message
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
                        label = self._row_label(r)
                        self.labels[widget_id] = label
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
                    yield Input(_today(), placeholder="dd/mm/yyyy", id="fx-new-day", compact=True, classes="rate-day")

    def _fx_rows(self) -> list[Horizontal]:
        """One row per stored exchange rate (its day as d/m/yyyy), each an input."""
        rows = []
        for r in sorted(self.app.planner.budgeting.exchange_rates(), key=lambda r: (r.source, r.target, r.day)):
            widget_id = f"fx-{len(self.rates)}"
            self.rates[widget_id] = (r.source, r.target, str(r.rate), r.day)
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
        shown_now = [(w, key[3]) for w, key in self.amounts.items()] + [(w, key[2]) for w, key in self.rates.items()]
        for widget_id, shown in shown_now:
            typed = self.query_one(f"#{widget_id}", Input).value.strip()
            if typed and typed != shown:
                return True
        return any(self.query_one(f"#fx-new-{part}", Input).value.strip() for part in ("source", "rate", "target")) \
            or self.query_one("#fx-new-day", Input).value.strip() != _today()

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

    def _typed(self) -> list[tuple[str, Callable[[], None], Callable[[], None]]]:
        """Each figure typed and not saved: its name on screen, how to store it, and how
        to mark it saved on the screen afterwards."""
        budgeting, changes = self.app.planner.budgeting, []
        for widget_id, (code, item, role, shown) in self.amounts.items():
            typed = self.query_one(f"#{widget_id}", Input).value.strip()
            if typed and typed != shown:
                changes.append((self.labels[widget_id], partial(budgeting.set_table_rate, code, item, role, typed),
                                partial(self.amounts.__setitem__, widget_id, (code, item, role, typed))))
        for widget_id, (source, target, shown, day) in self.rates.items():
            typed = self.query_one(f"#{widget_id}", Input).value.strip()
            if typed and typed != shown:
                changes.append((f"1 {source} = … {target}", partial(budgeting.set_exchange_rate, source, target, typed, day),
                                partial(self.rates.__setitem__, widget_id, (source, target, typed, day))))
        new = {part: self.query_one(f"#fx-new-{part}", Input).value.strip() for part in ("source", "rate", "target")}
        if any(new.values()):
            changes.append((_("New exchange rate"), partial(self._store_new_rate, new), self._clear_new_rate))
        return changes

    def _store_new_rate(self, new: dict[str, str]) -> None:
        from ...errors import UserError
        from ...forms import parse_day

        typed = self.query_one("#fx-new-day", Input).value.strip()
        try:
            day = parse_day(typed) if typed else date.today()
        except ValueError:
            raise UserError(N_("\"{value}\" is not a date: write it as 16/9/2025."), value=typed) from None
        self.app.planner.budgeting.set_exchange_rate(new["source"], new["target"], new["rate"], day)

    def _clear_new_rate(self) -> None:
        for part in ("source", "rate", "target"):
            self.query_one(f"#fx-new-{part}", Input).value = ""
        self.query_one("#fx-new-day", Input).value = _today()

    async def action_save(self) -> None:
        """Save every figure that changed, or none: when one is refused, what was stored
        before it is put back and the message names the figure."""
        repo = self.app.planner.repo
        changes = self._typed()
        if not changes:
            self._say(_("Nothing changed."), error=False)
            return
        before = {key: repo.setting(key, default) for key, default in (("rate_amounts", {}), ("exchange_rates", []))}
        for name, store, _mark in changes:
            try:
                store()
            except Exception as exc:  # noqa: BLE001 - a figure refused, the disk: explained, or raised again
                message = explain(exc, self.app.planner.host, "rates")
                if message is None:
                    raise
                self._put_back(before)
                self._say(_("{field}: {message}").format(field=name, message=message) + "\n" + _("Nothing was saved."))
                self._focus_named(name)
                return
        for _name, _store, mark in changes:
            mark()
        self.saved = True
        if any(name not in self.labels.values() for name, *_rest in changes):
            await self._show_saved_rates()
        n = len(changes)
        self._say(ngettext("Saved {n} figure.", "Saved {n} figures.", n).format(n=n), error=False)

    def _focus_named(self, name: str) -> None:
        """Put the cursor in the figure the message names (a rate row's, or the new exchange rate)."""
        widget_id = next((w for w, label in self.labels.items() if label == name
                          and self.query_one(f"#{w}", Input).value.strip() != self.amounts[w][3]), None)
        if widget_id is None and name == _("New exchange rate"):
            widget_id = "fx-new-rate"
        if widget_id is not None:
            self.query_one(f"#{widget_id}", Input).focus()

    def _put_back(self, before: dict) -> None:
        """The rates and exchange rates as they were before a save refused part-way."""
        repo = self.app.planner.repo
        for key, value in before.items():
            if repo.setting(key, None) != value:
                repo.set_setting(key, value)
        self.app.planner._registry = None  # validators see the figures as they are again

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
