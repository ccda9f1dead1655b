"""Editing the plan's header: number and symbol, date, basis documents, recipients,
signature; each text in every language (vi, lo, en) side by side, each translation
marked while it was made from another Vietnamese text."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static, TextArea

from ...domain import Plan, ValidationError
from ...forms import PlanFields, plan_from_fields
from ...errors import UserError
from ...i18n import N_, _, describe
from ..bindings import translate_bindings
from ..widgets.header_rows import BasisRow, BasisRows, RecipientRow, RecipientRows
from ..widgets.shown import show_text
from ..widgets.translated import TranslatedField
from .reused import ReusedScreen

TEXT_FIELDS = ("title", "place", "introduction", "authority", "position")  # the single texts, each in every language

FIELDS = ("title", "number", "issued", "basis", "period")


class PlanHeaderScreen(ReusedScreen):
    """Returns ``True`` when the header was saved. Built once per language and
    reused: ``load`` shows another plan (or the same plan as it is now) at the
    next opening, filling the widgets instead of building them again."""

    BINDINGS = [Binding("ctrl+s", "save", N_("Save")), Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, plan: Plan):
        super().__init__()
        translate_bindings(self)
        self.plan = plan
        self._styled_for: str | None = None  # the theme the widgets were last styled in

    def _row(self, label: str, widget, error: str | None = None):
        with Horizontal(classes="row"):
            yield Label(label, classes="label")
            with Vertical(classes="fields"):
                yield widget
                if error:
                    yield Static("", id=f"err-{error}", classes="error", markup=False)

    def compose(self) -> ComposeResult:
        plan = self.plan
        with Vertical(id="form"):
            yield Static("", id="form-title")
            yield Static("", id="form-message", markup=False)
            with VerticalScroll(id="form-body"):
                yield from self._row(_("Title"), TranslatedField("title", id="tf-title"), "title")
                yield from self._row(_("Number"), Input(placeholder=_("empty while a draft"), id="number", compact=True), "number")
                yield from self._row(_("Symbol"), Input(id="symbol", compact=True))
                yield from self._row(_("Place"), TranslatedField("place", id="tf-place"))
                yield from self._row(_("Date"), Input(placeholder=_("16/9/2019; empty while a draft"), id="issued", compact=True), "issued")
                yield BasisRows(_("Basis documents"), _("Add a basis document"),
                                [BasisRow(i, b) for i, b in enumerate(plan.basis)], error="basis", id="basis-rows")
                yield from self._row(_("Introduction"), TranslatedField("introduction", area=True, id="tf-introduction"))
                yield RecipientRows(_("Recipients"), _("Add a recipient"),
                                    [RecipientRow(i, r) for i, r in enumerate(plan.recipients)], id="recipient-rows")
                yield from self._row(_("On behalf of"), TranslatedField("authority", id="tf-authority"))
                yield from self._row(_("Position"), TranslatedField("position", id="tf-position"))
                yield from self._row(_("Signer"), Input(id="signer", compact=True), "period")

    def on_mount(self) -> None:
        self._steady_cursors()
        self._fill()  # the rows filled themselves when they were mounted

    async def load(self, plan: Plan) -> "PlanHeaderScreen":
        """Show *plan*'s header at the next opening: every field filled again, rows of
        basis documents and recipients reused (added or removed only when their
        number changed), nothing typed, marked or refused kept from last time."""
        self.plan = plan
        if self.is_mounted:
            await self.query_one("#basis-rows", BasisRows).refill(plan.basis)
            await self.query_one("#recipient-rows", RecipientRows).refill(plan.recipients)
            self._fill()
        return self

    def _fill(self) -> None:
        """Every single field from ``self.plan`` (the rows are filled apart); no error shown; the title focused."""
        plan, f = self.plan, PlanFields.of(self.plan)
        title = self.query_one("#form-title", Static)
        heading = _("Plan header")
        show_text(title, f"[b]{escape(heading)} [/b]{escape(str(plan.period))}  " + escape(_("(Ctrl+S save, Esc cancel)")), layout=False)
        with self.prevent(Input.Changed):
            for widget_id, text in (("number", f.number), ("symbol", f.symbol), ("issued", f.issued), ("signer", f.signer)):
                box = self.query_one(f"#{widget_id}", Input)
                box.value = text
                box.cursor_position = len(text)
        sig = plan.signature
        texts = {"title": plan.title, "place": plan.place, "introduction": plan.introduction,
                 "authority": sig.authority if sig else None, "position": sig.position if sig else None}
        for name, text in texts.items():
            self.query_one(f"#tf-{name}", TranslatedField).fill(text if text is not None else ())
        for box in self.query(".error"):
            box.display = False
        self._say("")
        self.query_one("#form-body").scroll_home(animate=False)
        title_box = self.query_one("#title_vi", Input)
        title_box.focus()
        # As focusing it does the first time (it stays focused while the screen is hidden):
        # the cursor at the end of the text, nothing selected, so typing edits it.
        title_box.cursor_position = len(title_box.value)
        self._typed_at_start = self.fields()

    def _steady_cursors(self) -> None:
        """Without blinking (``app.blink`` off, as in the pictures of the tests), every cursor stays drawn."""
        if not self.app.blink:
            for box in (*self.query(Input), *self.query(TextArea)):
                box.cursor_blink = False

    def changed(self) -> bool:
        """Whether anything was typed, added or removed since the form opened."""
        return self.fields() != self._typed_at_start

    def fields(self) -> PlanFields:
        tf = {name: self.query_one(f"#tf-{name}", TranslatedField) for name in TEXT_FIELDS}
        basis, recipients = self.query_one("#basis-rows", BasisRows), self.query_one("#recipient-rows", RecipientRows)
        still = {name: tuple(field.still_correct) for name, field in tf.items()}
        still.update(basis.still_correct())
        still.update(recipients.still_correct())
        return PlanFields(title=tf["title"].typed(), number=self.query_one("#number", Input).value, symbol=self.query_one("#symbol", Input).value,
                          place=tf["place"].typed(), issued=self.query_one("#issued", Input).value, basis=basis.fields(),
                          introduction=tf["introduction"].typed(), recipients=recipients.fields(), authority=tf["authority"].typed(),
                          position=tf["position"].typed(), signer=self.query_one("#signer", Input).value, still_correct=still)

    def rebase(self) -> None:
        """After the file was reloaded: build on the header as it is on disk now."""
        try:
            on_disk = self.app.planner.repo.plan(self.plan.id)
        except UserError:
            return  # the plan is gone from the file: saving writes it again
        self.plan = on_disk

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
        self._show(problems)

    def _say(self, message: str) -> None:
        line = self.query_one("#form-message", Static)
        show_text(line, message)
        line.display = bool(message)

    def _show(self, problems) -> None:
        """Each problem beside its field; the first on the form's own line, above the fields."""
        for name in FIELDS:
            box = self.query_one(f"#err-{name}", Static)
            text = "\n".join(describe(p) for p in problems if p.field == name)
            box.update(text)
            box.display = bool(text)
        self._say(_("Not saved: {problem}").format(problem=describe(problems[0])))

    def action_cancel(self) -> None:
        if not self.changed():
            self.dismiss(False)
            return
        from .dialogs import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(ConfirmScreen(_("Discard what you changed in this form?"), yes=_("Discard"), no=_("Keep editing")), answered)
