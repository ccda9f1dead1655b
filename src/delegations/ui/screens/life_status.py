"""The status on the life screen (``life.py``): the next step with its facts — the
decision (number, date, approving body) for "approved"; the actual dates, members,
cost per item of the estimate and the results for "done"; the reason for "cancelled"
— and the dated history. The present status can be chosen again to correct its facts.
Below, the pages translated for the delegation (priced per page in its budget)."""

from __future__ import annotations

from datetime import date

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ... import lifecycle
from ...budget.view import RATE_ITEMS
from ...domain import Approval, Outcome, Status, Text, nfc
from ...errors import UserError
from ..widgets.choice import ChoiceSelect
from ...i18n import N_, _
from ...i18n.formatting import format_money
from .life_lists import day_text, field, label, read_day, row

FACTS = {Status.APPROVED: "s_approved", Status.DONE: "s_done", Status.CANCELLED: "s_cancelled"}
CURRENCY = "VND"  # the estimate's currency; actual costs are typed in it


def moves(status: Status) -> list[Status]:
    """The statuses *status* may move to (``lifecycle.check_move``), then itself when its
    facts can be corrected."""
    out = [lifecycle.NEXT[status]] if status in lifecycle.NEXT else []
    if status not in lifecycle.FINAL:
        out.append(Status.CANCELLED)
    if status in FACTS:
        out.append(status)
    return out


class StatusPane(VerticalScroll):
    """The change of status and its facts, then what the status says now and its history."""

    def __init__(self, delegation, **kwargs):
        super().__init__(**kwargs)
        self.estimate, self.theirs = self._estimate(delegation)
        self.items = list(dict.fromkeys([*self.estimate, *(c.item for c in (delegation.outcome.costs if delegation.outcome else ()))]))
        if not self.items:
            self.items = list(RATE_ITEMS)
        self.first = delegation

    def options(self, d) -> list[tuple[str, str]]:
        w = self.app.wording
        return [(_("{status} (correct its facts)").format(status=w.status(s)) if s is d.status else w.status(s), s.value)
                for s in moves(d.status)]

    def _estimate(self, d) -> tuple[dict, set]:
        """The estimate per item, and the items the partner side pays (said beside their field)."""
        try:
            return lifecycle.estimate_by_item(self.app.planner, d, CURRENCY)
        except Exception:  # noqa: BLE001 - a plugin's failure: the costs are typed without the estimate beside them
            return {}, set()

    def item_label(self, item: str) -> str:
        if item in RATE_ITEMS:
            return _(RATE_ITEMS[item])
        known = self.app.planner.registry.cost_items.get(item)
        return known.label.get(self.app.wording.lang) if known else item

    def compose(self) -> ComposeResult:
        yield Static(id="s_history")
        yield row(label(_("Move to")), ChoiceSelect(self.options(self.first), id="s_new", compact=True, allow_blank=False),
                  label(_("on")), field("s_on", _("d/m/yyyy"), "date"))
        with Vertical(id="s_approved", classes="facts"):
            yield row(label(_("Decision number")), field("s_number", "125/QĐ-LĐLĐ"), label(_("dated")), field("s_issued", _("d/m/yyyy"), "date"))
            yield row(label(_("Approving body")), field("s_body"))
        with Vertical(id="s_done", classes="facts"):
            yield row(label(_("Went from")), field("s_from", _("d/m/yyyy"), "date"), label(_("to")), field("s_to", _("d/m/yyyy"), "date"),
                      label(_("members")), field("s_members", "", "number"))
            yield label(_("Results, in a few lines"))
            yield TextArea(id="s_results", compact=True)
            yield label(_("Actual cost ({currency}) of each item of the estimate").format(currency=CURRENCY))
            for item in self.items:
                yield row(Label(self.item_label(item), classes="life-label cost-label"), field(f"s_cost_{item}", "", "amount"),
                          Label("", id=f"s_est_{item}", classes="estimate"))
        with Vertical(id="s_cancelled", classes="facts"):
            yield row(label(_("Reason")), field("s_reason"))
        yield row(Button(_("Change the status"), id="change-status", compact=True, variant="primary"))
        yield row(label(_("Pages to translate")), field("s_pages", "0", "number"),
                  Button(_("Save the pages"), id="save-pages", compact=True))

    # --- showing -----------------------------------------------------------------------
    def show(self, d) -> None:
        """The choices the status *d* has, the facts of the first, and the history."""
        self.estimate, self.theirs = self._estimate(d)
        w = self.app.wording
        select = self.query_one("#s_new", Select)
        options = self.options(d)
        with self.prevent(Select.Changed):
            select.set_options(options)
            select.value = options[0][1]
            select._watch_value(select.value)  # the same value under a new label ("… (correct its facts)") is shown too
        self.prefill(d)
        for item in self.items:
            money = self.estimate.get(item)
            self.query_one(f"#s_est_{item}", Label).update(
                _("paid by the partner") if item in self.theirs else
                _("estimate {amount}").format(amount=format_money(money, w.lang)) if money is not None else _("no estimate"))
        self.query_one("#s_history", Static).update(self.history(d))
        pages = self.query_one("#s_pages", Input)
        pages.value = str(d.translation_pages) if d.translation_pages else ""

    def history(self, d) -> RichText:
        w = self.app.wording
        lines = [RichText(_("Status") + ": " + w.status(d.status), style="bold")]
        if d.approval:
            a = d.approval
            lines.append(RichText(_("Approved by {body}, decision {number} of {date}").format(
                body=a.body.get(w.lang), number=a.number, date=day_text(a.issued)) if a.body else
                _("Approved: decision {number} of {date}").format(number=a.number, date=day_text(a.issued))))
        if d.outcome:
            o = d.outcome
            lines.append(RichText(_("Went {start} to {end}, {n} members").format(start=day_text(o.start), end=day_text(o.end), n=o.members)))
            for c in o.costs:
                lines.append(RichText(f"  {self.item_label(c.item)}: {format_money(c.amount, w.lang)}"))
            if o.results:
                lines.append(RichText(o.results.get(w.lang)))
        if d.cancel_reason:
            lines.append(RichText(_("Cancelled: {reason}").format(reason=d.cancel_reason.get(w.lang))))
        lines.append(RichText(_("History") + ":", style="bold"))
        for h in d.history:
            lines.append(RichText(f"  {day_text(h.on)}  {w.status(Status(h.status))}" + (f"  {h.note}" if h.note else "")))
        if not d.history:
            lines.append(RichText("  " + _("no change of status yet"), style="italic"))
        return RichText("\n").join(lines)

    def chosen(self) -> Status | None:
        value = self.query_one("#s_new", Select).value
        return Status(value) if isinstance(value, str) else None

    def prefill(self, d) -> None:
        """The fields of the chosen status: its present facts when correcting them, else
        today for the dates of the change and of the decision, the plan's dates and the
        roster's size for what happened."""
        new = self.chosen()
        for status, box in FACTS.items():
            self.query_one(f"#{box}").display = new is status
        self.query_one("#change-status").display = new is not None
        today = day_text(date.today())
        a, o = d.approval, d.outcome
        correcting = new is d.status
        values = {"s_on": today, "s_number": a.number if a and correcting else "", "s_issued": day_text(a.issued) if a and correcting else today,
                  "s_body": a.body.get("vi", fallback=False) if a and correcting else "", "s_reason": d.cancel_reason.get("vi", fallback=False) if correcting else ""}
        if o is not None and correcting:
            values |= {"s_from": day_text(o.start), "s_to": day_text(o.end), "s_members": str(o.members)}
        else:
            values |= {"s_from": day_text(d.timing.start), "s_to": day_text(d.timing.end), "s_members": str(d.members)}
        spent = {c.item: c.amount for c in (o.costs if o and correcting else ())}
        for item in self.items:
            values[f"s_cost_{item}"] = str(spent[item].amount) if item in spent else ""
        for id, text in values.items():
            widget = self.query_one(f"#{id}", Input)
            widget.value = text
            widget.cursor_position = len(text)
        self.query_one("#s_results", TextArea).load_text(o.results.get("vi", fallback=False) if o and correcting else "")

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.prefill(self.screen.d)

    # --- changing ----------------------------------------------------------------------
    def value(self, id: str) -> str:
        return nfc(self.query_one(f"#{id}", Input).value).strip()

    def facts(self, d, new: Status) -> lifecycle.StatusFacts:
        if new is Status.APPROVED:
            number, issued = self.value("s_number"), read_day(self.value("s_issued"))
            if not number or issued is None:
                raise UserError(N_("Approving needs the decision's number and date."))
            body = (d.approval.body.as_dict() if d.approval else {}) | {"vi": self.value("s_body")}
            return lifecycle.StatusFacts(approval=Approval(number, issued, Text.of(body)))
        if new is Status.DONE:
            start, end, members = read_day(self.value("s_from")), read_day(self.value("s_to")), self.value("s_members")
            if start is None or end is None or not members:
                raise UserError(N_("Marking a delegation done needs the actual first and last days and how many went."))
            if not (members.isascii() and members.isdigit()):
                raise UserError(N_("\"{value}\" is not a number of people."), value=members)
            costs = tuple(lifecycle.actual_cost(item, self.value(f"s_cost_{item}"), CURRENCY)
                          for item in self.items if self.value(f"s_cost_{item}"))
            results = (d.outcome.results.as_dict() if d.outcome else {}) | {"vi": nfc(self.query_one("#s_results", TextArea).text).strip()}
            return lifecycle.StatusFacts(outcome=Outcome(start, end, int(members), costs, Text.of(results)))
        if new is Status.CANCELLED:
            if not self.value("s_reason"):
                raise UserError(N_("Cancelling needs a reason."))
            return lifecycle.StatusFacts(reason=d.cancel_reason.edited({"vi": self.value("s_reason")}))
        return lifecycle.StatusFacts()

    def save_pages(self) -> None:
        """Record the pages translated for the delegation (``budget`` prices them per page)."""
        screen = self.screen
        typed = self.value("s_pages") or "0"

        def change():
            if not (typed.isascii() and typed.isdigit()):
                raise UserError(N_("\"{value}\" is not a number of pages."), value=typed)
            d = self.app.planner.budgeting.set_translation_pages(self.app.plan_id, screen.d.seq, int(typed))
            return d, []

        if screen.apply(change):
            self.query_one("#s_pages", Input).focus()

    def submit(self) -> None:
        screen = self.screen
        if screen.focused is not None and screen.focused.id in ("s_pages", "save-pages"):
            self.save_pages()
            return

        def change():
            d, new = screen.d, self.chosen()
            if new is None:
                raise UserError(N_("The delegation is \"{status}\", a final status; it cannot change."), status=self.app.wording.status(d.status))
            on = read_day(self.value("s_on")) or date.today()
            return lifecycle.change_status(self.app.planner, d, new, on, self.facts(d, new), correct=new is d.status)

        if screen.apply(change):
            self.query_one("#s_new", Select).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.save_pages() if event.button.id == "save-pages" else self.submit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save_pages() if event.input.id == "s_pages" else self.submit()

    def focus_first(self) -> None:
        self.query_one("#s_new", Select).focus()
