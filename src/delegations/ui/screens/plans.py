"""Switching between plans; starting the plan for another period (its title, and
which parts of the current header it takes over); renaming and deleting a plan."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...domain import Text, ValidationError
from ...errors import ConflictError
from ...i18n import N_, _, describe, ngettext
from ...services import CARRIED
from ..bindings import translate_bindings
from ..faults import explain
from .reused import ReusedScreen


# What a new plan may take over from the current one, as the checkboxes say it.
CARRY_LABELS = {"basis": N_("basis documents"), "introduction": N_("introduction"), "recipients": N_("recipients"),
                "signature": N_("signature")}
CARRY_FIRST = ("recipients", "signature")  # ticked at first: the others usually name the old period


TITLE_LANGUAGES = (("vi", N_("Vietnamese")), ("lo", N_("Lao")), ("en", N_("English")))


class TitleScreen(ModalScreen):
    """Asks for a plan's new title in each language (Vietnamese, Lao, English);
    returns the versions, or ``None``."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, question: str, title: Text):
        super().__init__()
        translate_bindings(self)
        self.question, self.title_now = question, title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, markup=False)
            for lang, label in TITLE_LANGUAGES:
                with Horizontal(classes="title-row"):
                    yield Label(_(label), classes="label")
                    yield Input(self.title_now.get(lang, fallback=False), id=f"title-{lang}", compact=True, select_on_focus=False)
            yield Static(_("(Enter saves, Esc cancels)"))

    def on_mount(self) -> None:
        self.query_one(f"#title-{self.app.lang}" if self.app.lang in dict(TITLE_LANGUAGES) else "#title-vi", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        versions = {lang: self.query_one(f"#title-{lang}", Input).value.strip() for lang, _label in TITLE_LANGUAGES}
        self.dismiss({lang: text for lang, text in versions.items() if text} or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PlansScreen(ReusedScreen):
    """Returns the id of the plan to open, or ``None``."""

    BINDINGS = [Binding("escape", "cancel", N_("Close")), Binding("r", "rename", N_("Rename the plan")),
                Binding("x,delete", "delete", N_("Delete the plan"))]

    def __init__(self):
        super().__init__()
        translate_bindings(self)
        self.renamed = False  # a title changed: the main screen's header shows it on return

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("[b]" + _("Plans") + "  [/b]" + _("(Enter opens, r renames, x deletes, Esc closes)"))
            yield OptionList(*self._options(), id="plans")
            yield Label(_("New plan for the years:"))
            with Horizontal(classes="inline"):
                yield Input(placeholder=_("from, e.g. 2023"), id="start", compact=True)
                yield Input(placeholder=_("to, e.g. 2025"), id="end", compact=True)
            yield Input(placeholder=_("title, e.g. Cooperation with Laos 2023-2025"), id="title", compact=True)
            yield Label(_("Take over from the current plan:"))
            with Horizontal(id="carry"):
                for part in CARRIED:
                    yield Checkbox(_(CARRY_LABELS[part]), part in CARRY_FIRST, id=f"carry-{part}", compact=True)
            with Horizontal(id="create-row"):  # after everything it creates from (Tab reaches it last)
                yield Button(_("Create"), id="create", variant="primary", compact=True)
            yield Static("", id="err-plan", classes="error", markup=False)

    def _options(self) -> list[Option]:
        app = self.app
        return [Option(f"{p.period}  {p.title.get(app.lang)}" + ("  ●" if p.id == app.plan_id else ""), id=p.id)
                for p in app.planner.plans()]

    def _refresh(self) -> None:
        """The list again (a title changed), the same plan highlighted and the list focused:
        r and x act on it at once."""
        plans = self.query_one("#plans", OptionList)
        kept = plans.highlighted
        plans.clear_options()
        plans.add_options(self._options())
        if plans.option_count:
            plans.highlighted = min(kept or 0, plans.option_count - 1)
        plans.focus()

    def on_mount(self) -> None:
        self.query_one("#plans", OptionList).focus()

    def load(self) -> "PlansScreen":
        """Ready for its next opening (the widgets are reused, built once per language):
        the plans as they are now, the current one highlighted, nothing typed, no message."""
        self.renamed = False
        if self.is_mounted:
            plans = self.query_one("#plans", OptionList)
            plans.clear_options()
            plans.add_options(self._options())
            ids = [p.id for p in self.app.planner.plans()]
            plans.highlighted = ids.index(self.app.plan_id) if self.app.plan_id in ids else 0
            for widget_id in ("#start", "#end", "#title"):
                self.query_one(widget_id, Input).value = ""
            self._say("")
            plans.focus()
        return self

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.create()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.create()

    def _highlighted(self) -> str | None:
        plans = self.query_one("#plans", OptionList)
        if plans.highlighted is None or not self.query_one("#plans").has_focus:
            return None
        return plans.get_option_at_index(plans.highlighted).id

    def _say(self, message: str) -> None:
        error = self.query_one("#err-plan", Static)
        error.update(message)
        error.display = bool(message)

    def action_rename(self) -> None:
        plan_id = self._highlighted()
        if plan_id is None or not self._writable():
            return
        app = self.app
        plan = app.planner.repo.plan(plan_id)

        def answered(versions: dict | None) -> None:
            if versions is None:
                return
            renamed = plan.title.edited(versions)  # a translation not retyped keeps what it was made from
            if app.run_change(lambda: app.planner.rename_plan(plan_id, renamed)) is not None:
                self.renamed = True
                self._refresh()
                self.notify(_("Plan {plan} renamed (u undoes it).").format(plan=plan_id), timeout=4)

        app.push_screen(TitleScreen(_("New title of plan {plan}:").format(plan=plan_id), plan.title), answered)

    def action_delete(self) -> None:
        plan_id = self._highlighted()
        if plan_id is None or not self._writable():
            return
        app = self.app
        others = [p.id for p in app.planner.plans() if p.id != plan_id]
        if not others:
            self._say(_("Cannot delete plan {plan}: it is the only plan.").format(plan=plan_id))
            return
        shown_after = app.plan_id if app.plan_id != plan_id else others[-1]
        count = len(app.planner.repo.facets(plan_id))
        question = ngettext("Delete plan {plan} and its {n} delegation?", "Delete plan {plan} and its {n} delegations?", count).format(
            plan=plan_id, n=count) + "\n" + _("u (undo) on plan {other} brings it back.").format(other=shown_after)

        def answered(yes: bool | None) -> None:
            if yes and app.run_change(lambda: app.planner.delete_plan(plan_id, shown_after) or True):
                self.notify(_("Plan {plan} deleted.").format(plan=plan_id), timeout=4)
                self.dismiss(shown_after)

        from .dialogs import ConfirmScreen

        app.push_screen(ConfirmScreen(question, yes=_("Delete")), answered)

    def _writable(self) -> bool:
        if self.app.read_only:
            self._say(_("This copy is read-only: {reason}").format(reason=self.app.read_only))
            return False
        return True

    def create(self) -> None:
        if not self._writable():
            return
        try:
            start, end = int(self.query_one("#start", Input).value), int(self.query_one("#end", Input).value)
        except ValueError:
            self._say(_("Write the first and the last year of the plan, e.g. 2023 and 2025."))
            return
        planner = self.app.planner
        typed = self.query_one("#title", Input).value.strip()
        title = Text.of({self.app.lang: typed}) if typed else None
        carry = [part for part in CARRIED if self.query_one(f"#carry-{part}", Checkbox).value]
        try:
            plan = planner.new_plan(start, end, title, carry)
            planner.save_plan(plan)
        except ValidationError as exc:
            self._say("\n".join(describe(p) for p in exc.problems))
            return
        except Exception as exc:  # noqa: BLE001 - explained, or raised again
            if isinstance(exc, ConflictError):
                self.app.report(exc)
                return
            message = explain(exc, planner.host)
            if message is None:
                raise
            self._say(message)
            return
        self.dismiss(plan.id)

    def action_cancel(self) -> None:
        self.dismiss("" if self.renamed else None)
