"""A delegation's life on screen (key ``i`` in the main screen): its roster, its
programme and its status with the facts and history; each can be added to or
moved on here, through the same services as the ``roster``, ``programme`` and
``status`` commands (validated, stored, undoable with ``u``)."""

from __future__ import annotations

from datetime import date

from rich.table import Table
from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from ... import lifecycle
from ...forms import parse_day
from ...domain import ROLES, Approval, Outcome, Person, ProgrammeItem, Status, Text
from ...errors import UserError
from ...i18n import N_, _
from ..bindings import translate_bindings


def _field(placeholder: str, id: str) -> Input:
    return Input(placeholder=placeholder, id=id, compact=True)


def _row(*widgets) -> Horizontal:
    """A row of fields side by side."""
    return Horizontal(*widgets, classes="row")


class LifeScreen(ModalScreen):
    """The roster, programme and status of one delegation."""

    BINDINGS = [Binding("escape", "close", N_("Close"))]

    def __init__(self, delegation):
        super().__init__()
        translate_bindings(self)
        self.d = delegation
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="life"):
            yield Static(id="life-heading")
            with VerticalScroll():
                yield Static(id="roster")
                yield _row(
                    _field(_("Full name"), "p_name"),
                    _field(_("Position and organisation"), "p_position"),
                )
                yield _row(
                    _field(_("date of birth, 1/5/1970"), "p_born"),
                    _field(_("passport number"), "p_passport"),
                    _field(_("passport expiry date"), "p_expires"),
                )
                with Horizontal(classes="row"):
                    yield _field(_("the name in Lao script"), "p_lao")
                    yield Select([(self.app.wording.role(r), r) for r in ROLES], value="member", allow_blank=False, id="p_role", compact=True)
                    yield Button(_("Add to the roster"), id="add-person", compact=True)
                yield Static(id="programme")
                yield _row(
                    _field(_("the day, 16/9/2021"), "i_day"),
                    _field(_("time of day, HH:MM"), "i_time"),
                    _field(_("the place, in Vietnamese"), "i_place"),
                )
                with Horizontal(classes="row"):
                    yield _field(_("the activity, in Vietnamese"), "i_vi")
                    yield _field(_("the activity in Lao"), "i_lo")
                    yield Button(_("Add to the programme"), id="add-item", compact=True)
                yield Static(id="status")
                with Horizontal(classes="row"):
                    yield Select([(self.app.wording.status(s), s.value) for s in Status], value=self.d.status.value, allow_blank=False,
                                 id="s_new", compact=True)
                    yield _field(_("approved: the decision's number, e.g. 125/QĐ-LĐLĐ"), "s_number")
                    yield _field(_("approved: the approving body"), "s_body")
                yield _row(
                    _field(_("done: the first day of the visit"), "s_from"),
                    _field(_("done: the last day of the visit"), "s_to"),
                    _field(_("done: how many went"), "s_members"),
                )
                with Horizontal(classes="row"):
                    yield _field(_("done: the results in a few lines") + " / " + _("cancelled: why"), "s_text")
                    yield Button(_("Change the status"), id="change-status", compact=True)
            yield Static(id="life-message")

    def on_mount(self) -> None:
        self.show()

    # --- showing ---------------------------------------------------------------------
    def show(self) -> None:
        w, d = self.app.wording, self.d
        self.query_one("#life-heading", Static).update(RichText.assemble(
            (f"{d.seq}. {d.name.get(w.lang)}", "bold"), "  ", _("(Esc closes)")))
        roster = Table(title=_("List of the delegation") + (f" ({d.members}/{d.planned_members})" if d.planned_members not in (None, d.members) else f" ({d.members})"), title_justify="left", expand=True, show_edge=False)
        for head in (_("No."), _("Full name"), _("Position and organisation"), _("Passport"), _("Role")):
            roster.add_column(head)
        for n, p in enumerate(d.roster, 1):
            expiry = p.passport_expires.strftime("%d/%m/%Y") if p.passport_expires else ""
            roster.add_row(str(n), "\n".join(x for x in (p.name, p.lao_name) if x), p.position.get(w.lang), f"{p.passport} {expiry}".strip(),
                           w.role(p.role))
        self.query_one("#roster", Static).update(roster)
        programme = Table(title=_("Programme"), title_justify="left", expand=True, show_edge=False)
        for head in (_("Day"), _("Time"), _("Activity"), _("Place")):
            programme.add_column(head)
        for item in d.programme:
            programme.add_row(item.day.strftime("%d/%m/%Y"), item.time, item.activity.get(w.lang), item.place.get(w.lang))
        self.query_one("#programme", Static).update(programme)
        lines = [RichText(_("Status") + ": " + w.status(d.status), style="bold")]
        if d.approval:
            lines.append(RichText(_("Approved by {body}, decision {number} of {date}").format(
                body=d.approval.body.get(w.lang) or "-", number=d.approval.number, date=d.approval.issued.strftime("%d/%m/%Y"))))
        if d.outcome:
            o = d.outcome
            lines.append(RichText(_("Went {start} to {end}, {n} members").format(start=o.start.strftime("%d/%m/%Y"), end=o.end.strftime("%d/%m/%Y"), n=o.members)))
        if d.cancel_reason:
            lines.append(RichText(_("Cancelled: {reason}").format(reason=d.cancel_reason)))
        for h in d.history:
            lines.append(RichText(f"  {h.on.strftime('%d/%m/%Y')}  {w.status(Status(h.status))}  {h.note}"))
        self.query_one("#status", Static).update(RichText("\n").join(lines))

    def _say(self, text: str, style: str = "") -> None:
        self.query_one("#life-message", Static).update(RichText(text, style=style))

    # --- changing ----------------------------------------------------------------------
    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def _date(self, selector: str, label: str) -> date | None:
        text = self._value(selector)
        if not text:
            return None
        try:
            return parse_day(text)
        except ValueError:
            raise UserError(N_("\"{value}\" is not a date; write it as 16/9/2019 or 2019-09-16, the year with four digits."),
                            value=text) from None

    def _apply(self, change) -> None:
        if self.app.read_only:
            self._say(_("This copy is read-only: {reason}").format(reason=self.app.read_only), "red")
            return
        result = self.app.run_change(change)
        if result is None:
            return
        self.d, problems = result
        self.changed = True
        self.show()
        warnings = [p for p in problems if p.severity == "warning"]
        from ...i18n import describe

        self._say("\n".join(describe(p) for p in warnings) or _("Saved delegation {seq}.").format(seq=self.d.seq), "yellow" if warnings else "")

    def add_person(self) -> None:
        def change():
            name = self._value("#p_name")
            if not name:
                raise UserError(N_("Every member of the roster needs a name."))
            person = Person(name=name, position=Text.of(self._value("#p_position")), born=self._date("#p_born", "born"),
                            passport=self._value("#p_passport"), passport_expires=self._date("#p_expires", "expires"),
                            lao_name=self._value("#p_lao"), role=str(self.query_one("#p_role", Select).value))
            return lifecycle.add_person(self.app.planner, self.d, person)
        self._apply(change)

    def add_item(self) -> None:
        def change():
            day = self._date("#i_day", "day")
            if day is None or not self._value("#i_vi"):
                raise UserError(N_("Say the day and the activity: programme SEQ add 2026-11-23 \"Làm việc với …\""))
            item = ProgrammeItem(day, Text.of(vi=self._value("#i_vi"), lo=self._value("#i_lo")), self._value("#i_time"),
                                 Text.of(vi=self._value("#i_place")))
            return lifecycle.add_programme_item(self.app.planner, self.d, item)
        self._apply(change)

    def change_status(self) -> None:
        def change():
            new = Status(str(self.query_one("#s_new", Select).value))
            text = self._value("#s_text")
            facts = lifecycle.StatusFacts(reason=text if new is Status.CANCELLED else "")
            if new is Status.APPROVED and self._value("#s_number"):
                facts = lifecycle.StatusFacts(approval=Approval(self._value("#s_number"), date.today(), Text.of(self._value("#s_body"))))
            elif new is Status.DONE:
                start, end, members = self._date("#s_from", "from"), self._date("#s_to", "to"), self._value("#s_members")
                if start and end and members.isdigit():
                    facts = lifecycle.StatusFacts(outcome=Outcome(start, end, int(members), (), Text.of(text)))
            return lifecycle.change_status(self.app.planner, self.d, new, date.today(), facts)
        self._apply(change)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"add-person": self.add_person, "add-item": self.add_item, "change-status": self.change_status}[event.button.id]()

    def action_close(self) -> None:
        self.dismiss(self.d if self.changed else None)
