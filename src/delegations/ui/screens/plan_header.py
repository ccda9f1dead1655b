"""Editing the plan's header: number and symbol, date, basis documents, recipients, signature."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from ...domain import Plan, ValidationError
from ...forms import PlanFields, plan_from_fields
from ...errors import UserError
from ...i18n import N_, _, describe
from ..bindings import translate_bindings

FIELDS = ("title", "number", "issued", "basis", "period")


class PlanHeaderScreen(ModalScreen):
    """Returns ``True`` when the header was saved."""

    BINDINGS = [Binding("ctrl+s", "save", N_("Save")), Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, plan: Plan):
        super().__init__()
        translate_bindings(self)
        self.plan = plan

    def _row(self, label: str, widget, error: str | None = None):
        with Horizontal(classes="row"):
            yield Label(label, classes="label")
            with Vertical(classes="fields"):
                yield widget
                if error:
                    yield Static("", id=f"err-{error}", classes="error", markup=False)

    def compose(self) -> ComposeResult:
        f = PlanFields.of(self.plan)
        with Vertical(id="form"):
            yield Static("[b]" + _("Plan header") + f"[/b] {self.plan.period}  " + _("(Ctrl+S save, Esc cancel)"), id="form-title")
            with VerticalScroll(id="form-body"):
                yield from self._row(_("Title"), Input(f.title, id="title", compact=True), "title")
                yield from self._row(_("Number"), Input(f.number, placeholder=_("empty while a draft"), id="number", compact=True), "number")
                yield from self._row(_("Symbol"), Input(f.symbol, id="symbol", compact=True))
                yield from self._row(_("Place"), Input(f.place, id="place", compact=True))
                yield from self._row(_("Date"), Input(f.issued, placeholder=_("16/9/2019; empty while a draft"), id="issued", compact=True), "issued")
                yield from self._row(_("Basis documents: verb | kind | number | date | issuer | subject"),
                                     TextArea("\n".join(f.basis), id="basis", compact=True, soft_wrap=True), "basis")
                yield from self._row(_("Introduction"), TextArea(f.introduction, id="introduction", compact=True, soft_wrap=True))
                yield from self._row(_("Recipients, one per line"), TextArea("\n".join(f.recipients), id="recipients", compact=True))
                yield from self._row(_("On behalf of"), Input(f.authority, id="authority", compact=True))
                yield from self._row(_("Position"), Input(f.position, id="position", compact=True))
                yield from self._row(_("Signer"), Input(f.signer, id="signer", compact=True), "period")

    def on_mount(self) -> None:
        self._typed_at_start = self.fields()
        self.query_one("#title", Input).focus()

    def _v(self, wid: str) -> str:
        w = self.query_one(f"#{wid}")
        return w.text if isinstance(w, TextArea) else w.value

    def fields(self) -> PlanFields:
        return PlanFields(title=self._v("title"), number=self._v("number"), symbol=self._v("symbol"), place=self._v("place"),
                          issued=self._v("issued"), basis=self._v("basis").splitlines(), introduction=self._v("introduction"),
                          recipients=self._v("recipients").splitlines(), authority=self._v("authority"),
                          position=self._v("position"), signer=self._v("signer"))

    def rebase(self) -> None:
        """After the file was reloaded: build on the header as it is on disk now."""
        try:
            self.plan = self.app.planner.repo.plan(self.plan.id)
        except UserError:
            pass  # the plan is gone from the file: saving writes it again

    def action_save(self) -> None:
        plan, problems = plan_from_fields(self.plan, self.fields())
        if plan is not None:
            try:
                for w in self.app.planner.save_plan(plan):
                    self.notify(describe(w), severity="warning", markup=False)
                self.dismiss(True)
                return
            except ValidationError as exc:
                problems = exc.problems
            except Exception as exc:  # noqa: BLE001 - explained (the form stays as typed), or raised again
                self.app.report(exc, on_reload=self.rebase)
                return
        for name in FIELDS:
            box = self.query_one(f"#err-{name}", Static)
            text = "\n".join(describe(p) for p in problems if p.field == name)
            box.update(text)
            box.display = bool(text)
        self.notify(_("Not saved: {problem}").format(problem=describe(problems[0])), severity="error", markup=False)

    def action_cancel(self) -> None:
        if self.fields() == self._typed_at_start:
            self.dismiss(False)
            return
        from .dialogs import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(ConfirmScreen(_("Discard what you changed in this form?"), yes=_("Discard"), no=_("Keep editing")), answered)
