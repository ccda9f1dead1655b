"""The delegation form: every field of the model, errors shown beside their field."""

from __future__ import annotations

from rich.markup import escape
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ...domain import Delegation, Direction, ValidationError
from ...forms import DelegationFields, dates_say, delegation_from_fields
from ...errors import UserError
from ...i18n import N_, _, describe
from ..bindings import translate_bindings
from ..widgets.choice import ChoiceSelect
from ..widgets.shown import show_text
from ..widgets.translated import TranslatedField
from .reused import ReusedScreen

DERIVED = ("year", "month", "days_min", "days_max")  # what dates say; filled from them
ERROR_FIELDS = ("name", "leader", "members", "duration", "when", "timing", "partner", "cost_lines", "seq", "status")
WHEN_PARTS = ("year", "month")  # a problem of the year or month shows under their row, not under the dates


class DelegationForm(ReusedScreen):
    """Returns the saved delegation, or ``None`` when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save")),
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+r", "propose", N_("Fill the costs from the cost model")),
    ]

    def __init__(self, delegation: Delegation, *, is_new: bool):
        super().__init__()
        translate_bindings(self)
        self.base = delegation
        self.is_new = is_new
        self._styled_for: str | None = None  # the theme the widgets were last styled in
        self._problems_shown = False  # messages are shown: each change checks the form again

    # --- layout --------------------------------------------------------------
    def _row(self, label: str, *widgets, error: str | None = None):
        with Horizontal(classes="row"):
            yield Label(label, classes="label")
            with Vertical(classes="fields"):
                with Horizontal(classes="inline"):
                    yield from widgets
                if error:
                    yield Static("", id=f"err-{error}", classes="error", markup=False)

    def compose(self) -> ComposeResult:
        # Built empty once per app and language (see ``DelegationsApp.delegation_form``);
        # ``_fill`` puts a delegation's values in at every opening.
        app = self.app
        w = app.wording
        f = DelegationFields.of(self.base).as_typed()
        partners = sorted(app.planner.registry.partners.values(), key=lambda o: o.code)
        with Vertical(id="form"):
            yield Static("", id="form-title")
            # Why a save was refused: a line of the form's own, not a notice over its fields.
            yield Static("", id="form-message", markup=False)
            with VerticalScroll(id="form-body"):
                yield from self._row(_("Delegation"), TranslatedField("name", id="tf-name"), error="name")
                yield from self._row(_("Direction"), ChoiceSelect([(w.direction(x), x.value) for x in Direction], value=f.direction,
                                                          allow_blank=False, id="direction", compact=True))
                yield from self._row(_("Partner"), ChoiceSelect([(o.short(w.lang), o.code) for o in partners], value=f.partner
                                                        if f.partner in app.planner.registry.partners else Select.NULL,
                                                        id="partner", compact=True), error="partner")
                yield from self._row(_("Leader"), TranslatedField("leader", placeholder=_("position"), id="tf-leader"), error="leader")
                yield from self._row(_("Leader's name"), Input(f.leader_name, placeholder=_("name, if known"), id="leader_name", compact=True),
                                     Input(f.leader_name_lo, placeholder=_("name in Lao script"), id="leader_name_lo", compact=True))
                yield from self._row(_("Members"), Input(f.members, id="members", compact=True), error="members")
                yield from self._row(_("Days"), Input(f.days_min, id="days_min", compact=True), Label("-"),
                                     Input(f.days_max, id="days_max", compact=True), error="duration")
                yield from self._row(_("Year, month"), Input(f.year, id="year", compact=True), Input(f.month, placeholder=_("month"), id="month", compact=True),
                                     error="when")
                yield from self._row(_("Dates"), Input(f.start, placeholder=self._date_example(), id="start", compact=True),
                                     Input(f.end, placeholder=_("to"), id="end", compact=True), error="timing")
                # The status moves on with its facts on the life screen (i), not here: shown, not typed.
                yield from self._row(_("Status"), Static("", id="life-line", markup=False))
                models = [(_("the partner's or the plan's"), "")] + [(m.label.get(w.lang), code) for code, m in sorted(app.planner.registry.cost_models.items())]
                yield from self._row(_("Cost model"), ChoiceSelect(models, value=f.cost_model if f.cost_model in app.planner.registry.cost_models else "",
                                                           allow_blank=False, id="cost_model", compact=True))
                yield from self._row(_("Activities, one per line"), TranslatedField("acts", multiline=True, id="tf-acts"))
                for item in app.planner.registry.cost_items.values():
                    yield from self._row(item.label.get(w.lang), *self._cost_widgets(item.code, f), error=None)
                yield Static("", id="err-cost_lines", classes="error", markup=False)
                yield from self._row(_("Notes"), Input(f.notes, id="notes", compact=True))
            with Horizontal(id="form-buttons"):
                yield Button(_("Save"), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")

    def _cost_widgets(self, item: str, f: DelegationFields):
        app = self.app
        w = app.wording
        payers = [(_("not in the plan"), "")]
        payers += [(w.org_short(code), code) for code in (app.home_code, *sorted(app.planner.registry.partners))]
        funding = [(_("no source named"), "")] + [(fs.label.get(w.lang), fs.code) for fs in app.planner.registry.funding_sources.values()]
        payer = f.payers.get(item, "")
        yield ChoiceSelect(payers, value=payer if payer in {v for _l, v in payers} else "", allow_blank=False, id=f"payer-{item}", compact=True)
        source = f.funding.get(item, "")
        yield ChoiceSelect(funding, value=source if source in {v for _l, v in funding} else "", allow_blank=False, id=f"funding-{item}", compact=True)

    def on_mount(self) -> None:
        for widget in self.query(Input):
            widget.select_on_focus = False  # typing into a filled field edits it, it does not replace it
            widget.cursor_blink = self.app.blink
        if not self.app.blink:
            for area in self.query(TextArea):
                area.cursor_blink = False
        self._fill()

    def say_notice(self, message: str, severity: str) -> None:
        """A notice on the form's own line, not a toast over its fields."""
        self._say(message)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        self.app.clear_notifications()  # the main screen's notices would lie over the fields
        super()._on_screen_resume(event)

    def load(self, delegation: Delegation, *, is_new: bool) -> "DelegationForm":
        """Show *delegation* at the next opening (the widgets are reused, not built again)."""
        self.base, self.is_new = delegation, is_new
        if self.is_mounted:
            self._fill()
        return self

    def _fill(self) -> None:
        """Every field from ``self.base``; no error shown; the name field focused."""
        d = self.base
        f = DelegationFields.of(d).as_typed()
        registry = self.app.planner.registry
        title = _("New delegation") if self.is_new else _("Delegation {seq}").format(seq=d.seq)
        self.query_one("#start", Input).placeholder = self._date_example()
        show_text(self.query_one("#form-title", Static), f"[b]{escape(title)}  [/b]" + escape(_("(Ctrl+S save, Esc cancel)")), layout=False)
        texts = {"leader_name": f.leader_name, "leader_name_lo": f.leader_name_lo, "members": f.members,
                 "days_min": f.days_min, "days_max": f.days_max, "year": f.year, "month": f.month, "start": f.start,
                 "end": f.end, "notes": f.notes}
        choices = {"direction": f.direction, "partner": f.partner if f.partner in registry.partners else Select.NULL,
                   "cost_model": f.cost_model if f.cost_model in registry.cost_models else ""}
        for item in registry.cost_items:
            choices[f"payer-{item}"] = f.payers.get(item, "")
            choices[f"funding-{item}"] = f.funding.get(item, "")
        with self.prevent(Select.Changed, Input.Changed):
            for widget_id, text in texts.items():
                widget = self.query_one(f"#{widget_id}", Input)
                widget.value = text
                widget.cursor_position = len(text)
            for widget_id, value in choices.items():
                select = self.query_one(f"#{widget_id}", Select)
                known = {v for _label, v in select._options}
                select.value = value if value in known else ("" if "" in known else Select.NULL)
        self.query_one("#tf-name", TranslatedField).fill(d.name)
        self.query_one("#tf-leader", TranslatedField).fill(d.leader.position)
        self.query_one("#tf-acts", TranslatedField).fill(d.activities)
        from .life_line import life_line

        show_text(self.query_one("#life-line", Static), life_line(self.app.wording, d))
        for box in self.query(".error"):
            box.display = False
        self._problems_shown = False
        self._say("")
        self._follow_dates()
        self.query_one("#form-body").scroll_home(animate=False)
        self._typed_at_start = self.fields()
        self._parties = (d.direction.value, d.partner)
        self._model_shown = d.cost_model if d.cost_model in registry.cost_models else ""
        self.query_one("#name_vi", Input).focus()

    # --- reading the form --------------------------------------------------
    def _date_example(self) -> str:
        """The start date's example, a day in the first year of the delegation's own plan."""
        year = self.app.planner.plan(self.base.plan_id).period.start_year
        return _("from {date}").format(date=f"16/9/{year}")

    def _value(self, widget_id: str) -> str:
        widget = self.query_one(f"#{widget_id}")
        if isinstance(widget, TextArea):
            return widget.text
        value = widget.value
        return "" if value is Select.NULL or value is None else str(value)

    def fields(self) -> DelegationFields:
        items = list(self.app.planner.registry.cost_items)
        name, leader, acts = (self.query_one(f"#tf-{key}", TranslatedField) for key in ("name", "leader", "acts"))
        return DelegationFields(
            name=name.typed(),
            direction=self._value("direction"), partner=self._value("partner"),
            leader_position=leader.typed(),
            leader_name=self._value("leader_name"), members=self._value("members"),
            days_min=self._value("days_min"), days_max=self._value("days_max"),
            year=self._value("year"), month=self._value("month"), start=self._value("start"), end=self._value("end"),
            status=self.base.status.value,
            activities=acts.lines(),
            payers={i: self._value(f"payer-{i}") for i in items}, funding={i: self._value(f"funding-{i}") for i in items},
            notes=self._value("notes"), cost_model=self._value("cost_model"), leader_name_lo=self._value("leader_name_lo"),
            still_correct={"name": tuple(name.still_correct), "leader": tuple(leader.still_correct), "activities": tuple(acts.still_correct)},
        )

    def show_problems(self, problems, scroll: bool = True) -> None:
        self._problems_shown = bool(problems)
        by_field: dict[str, list[str]] = {}
        for p in problems:
            name = "when" if p.params.get("part") in WHEN_PARTS else p.field if p.field in ERROR_FIELDS else "name"
            by_field.setdefault(name, []).append(describe(p))
        for name in ERROR_FIELDS:
            for box in self.query(f"#err-{name}"):
                box.update("\n".join(by_field.get(name, [])))
                box.display = name in by_field
        if problems:
            first = next((n for n in ERROR_FIELDS if n in by_field), None)
            self._say(_("Not saved: {problem}").format(problem=by_field[first][0]))
            for box in self.query(f"#err-{first}") if scroll else ():
                self.query_one("#form-body").scroll_to_widget(box, animate=False)
        else:
            self._say("")

    def _check_again(self) -> None:
        """While problems are shown, each change checks the form again: a corrected
        field loses its message at once (the others keep theirs)."""
        if not self._problems_shown:
            return
        d, problems = delegation_from_fields(self.base, self.fields())
        if d is not None:  # readable: the plan's rules (a failing validator plugin is one more error)
            problems = [p for p in self.app.planner.check(d) if p.severity == "error"]
        self.show_problems(problems, scroll=False)

    def _say(self, message: str) -> None:
        line = self.query_one("#form-message", Static)
        show_text(line, message)
        line.display = bool(message)

    # --- actions -----------------------------------------------------------
    def action_save(self) -> None:
        d, problems = delegation_from_fields(self.base, self.fields())
        if d is None:
            self.show_problems(problems)
            return
        try:
            warnings = self.app.planner.save_delegation(d)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except Exception as exc:  # noqa: BLE001 - explained (the form stays as typed), or raised again
            self.app.report(exc, on_reload=self.rebase)
            return
        self.dismiss(d)  # first: the warnings are said on the screen under it
        for w in warnings:
            self.app.notify(describe(w), severity="warning", timeout=6, markup=False)

    def rebase(self) -> None:
        """After the file was reloaded: build on the delegation as it is on disk now
        (what was typed stays in the form); a new one takes the next free number."""
        planner = self.app.planner
        try:
            self.base = planner.repo.delegation(self.base.id)
        except UserError:
            if not self.is_new:
                self.notify(_("Delegation {seq} is no longer in the file; saving adds it again.").format(seq=self.base.seq),
                            severity="warning", timeout=8)
            taken = {f.seq for f in planner.repo.facets(self.base.plan_id)}
            if self.base.seq in taken:
                self.base = self.base.evolve(seq=max(taken) + 1)

    def changed(self) -> bool:
        """Whether anything was typed or chosen since the form opened."""
        return self.fields() != self._typed_at_start

    def action_cancel(self) -> None:
        if not self.changed():
            self.dismiss(None)
            return
        from .dialogs import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen(_("Discard what you changed in this form?"), yes=_("Discard"), no=_("Keep editing")), answered)

    def action_propose(self) -> None:
        d, problems = delegation_from_fields(self.base, self.fields())
        if d is None:
            self.show_problems(problems)
            return
        try:
            lines = {c.item: c for c in self.app.planner.proposed_cost_lines(d.evolve(cost_lines=()))}
        except Exception as exc:  # noqa: BLE001 - a cost model plugin failed: explained, or raised again
            self.app.report(exc, "cost_lines")
            return
        for item in self.app.planner.registry.cost_items:
            line = lines.get(item)
            self.query_one(f"#payer-{item}", Select).value = line.payer if line else ""
            self.query_one(f"#funding-{item}", Select).value = line.funding if line else ""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def _follow_dates(self) -> None:
        """Readable dates fill the year, month and days (shown, not typed: they
        cannot be edited while the dates say them)."""
        said = dates_say(self._value("start"), self._value("end"))
        with self.prevent(Input.Changed):
            for widget_id in DERIVED:
                widget = self.query_one(f"#{widget_id}", Input)
                if said is not None:
                    widget.value = said[widget_id]
                widget.disabled = said is not None

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in {"start", "end"}:
            self._follow_dates()
        self._check_again()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._check_again()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "cost_model" and self._value("cost_model") != self._model_shown:
            self._model_shown = self._value("cost_model")
            self.action_propose()  # another model: its payers for every cost item
            return
        # A new delegation's costs follow its direction and partner until the officer sets them.
        if event.select.id in {"direction", "partner"} and self.is_new:
            now = (self._value("direction"), self._value("partner"))
            if now != self._parties:
                self._parties = now
                self.action_propose()
