"""Editing the plan's header: number and symbol, date, basis documents, recipients,
signature; its texts in each language (vi, lo, en), one language at a time."""

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
from ..widgets.choice import ChoiceSelect

TEXT_LANGUAGES = (("vi", N_("Vietnamese")), ("lo", N_("Lao")), ("en", N_("English")))
TEXT_FIELDS = ("title", "place", "basis", "introduction", "recipients", "authority", "position")  # those with a version per language

FIELDS = ("title", "number", "issued", "basis", "period")


class PlanHeaderScreen(ModalScreen):
    """Returns ``True`` when the header was saved."""

    BINDINGS = [Binding("ctrl+s", "save", N_("Save")), Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, plan: Plan):
        super().__init__()
        translate_bindings(self)
        self.plan = plan
        self.draft = plan  # the header with what was typed in the languages left so far
        self.lang = "vi"   # the language of the texts in the fields

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
            yield Static("", id="form-message", markup=False)
            with VerticalScroll(id="form-body"):
                yield from self._row(_("Texts in"), ChoiceSelect([(_(name), code) for code, name in TEXT_LANGUAGES], value="vi",
                                                                 allow_blank=False, id="text-lang", compact=True))
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
        self.query_one("#title", Input).focus()

    def changed(self) -> bool:
        """Whether anything was typed, in any language, since the form opened."""
        return self.draft != self.plan or self.fields() != PlanFields.of(self.draft, self.lang)

    def on_select_changed(self, event) -> None:
        """Another language: keep what was typed in this one (unsaved), show the other's texts."""
        if event.select.id != "text-lang" or event.value == self.lang:
            return
        draft, problems = plan_from_fields(self.draft, self.fields(), self.lang)
        if draft is None:
            self._show(problems)
            with self.prevent(type(event)):
                event.select.value = self.lang
            return
        self.draft, self.lang = draft, str(event.value)
        f = PlanFields.of(draft, self.lang)
        with self.prevent(Input.Changed, TextArea.Changed):
            for wid in TEXT_FIELDS:
                widget = self.query_one(f"#{wid}")
                value = getattr(f, wid)
                text = "\n".join(value) if isinstance(value, list) else value
                if isinstance(widget, TextArea):
                    widget.load_text(text)
                else:
                    widget.value = text
        self._say("")

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
            on_disk = self.app.planner.repo.plan(self.plan.id)
        except UserError:
            return  # the plan is gone from the file: saving writes it again
        if self.draft == self.plan:  # nothing kept from another language: build on the file's texts
            self.draft = on_disk
        self.plan = on_disk

    def action_save(self) -> None:
        plan, problems = plan_from_fields(self.draft, self.fields(), self.lang)
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
        line.update(message)
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
