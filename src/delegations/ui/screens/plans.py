"""Switching between plans, and starting the plan for another period."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...domain import ValidationError
from ...errors import ConflictError
from ...i18n import N_, _, describe
from ..bindings import translate_bindings
from ..faults import explain


class PlansScreen(ModalScreen):
    """Returns the id of the plan to open, or ``None``."""

    BINDINGS = [Binding("escape", "cancel", N_("Close"))]

    def __init__(self):
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        app = self.app
        with Vertical(classes="dialog wide"):
            yield Static("[b]" + _("Plans") + "[/b]  " + _("(Enter opens, Esc closes)"))
            yield OptionList(*[Option(f"{p.period}  {p.title.get(app.lang)}" + ("  ●" if p.id == app.plan_id else ""), id=p.id)
                               for p in app.planner.plans()], id="plans")
            yield Label(_("New plan for the years:"))
            with Horizontal(classes="inline"):
                yield Input(placeholder=_("from, e.g. 2023"), id="start", compact=True)
                yield Input(placeholder=_("to, e.g. 2025"), id="end", compact=True)
                yield Button(_("Create"), id="create", variant="primary", compact=True)
            yield Static("", id="err-plan", classes="error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#plans", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.create()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.create()

    def create(self) -> None:
        error = self.query_one("#err-plan", Static)
        if self.app.read_only:
            error.update(_("This copy is read-only: {reason}").format(reason=self.app.read_only))
            return
        try:
            start, end = int(self.query_one("#start", Input).value), int(self.query_one("#end", Input).value)
        except ValueError:
            error.update(_("Write the first and the last year of the plan, e.g. 2023 and 2025."))
            error.display = True
            return
        planner = self.app.planner
        try:
            plan = planner.new_plan(start, end)
            planner.save_plan(plan)
        except ValidationError as exc:
            error.update("\n".join(describe(p) for p in exc.problems))
            error.display = True
            return
        except Exception as exc:  # noqa: BLE001 - explained, or raised again
            if isinstance(exc, ConflictError):
                self.app.report(exc)
                return
            message = explain(exc, planner.host)
            if message is None:
                raise
            error.update(message)
            error.display = True
            return
        self.dismiss(plan.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
