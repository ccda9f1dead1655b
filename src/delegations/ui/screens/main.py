"""The main screen: the plan's table, filters, totals and the selected delegation."""

from __future__ import annotations

import time

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from ...domain import Direction, Status
from ...i18n import N_, _, describe, ngettext
from ...services import SORT_KEYS
from ..bindings import translate_bindings
from ..widgets.detail import DelegationDetail
from ..widgets.footer import KeyFooter
from ..date_marks import MARK, DateMarks
from ..widgets.plan_table import COLUMNS, PlanTable

COLUMN_LABELS = {c.key: c.label for c in COLUMNS}
EDITS = {"add", "edit", "duplicate", "delete", "undo", "redo", "header", "import_file"}  # hidden in a read-only copy


class MainScreen(Screen):
    ONE_NOTICE = True  # a message replaces the previous one (see ``notices``)
    BINDINGS = [
        Binding("a", "add", N_("Add")),
        Binding("e", "edit", N_("Edit")),
        Binding("c", "duplicate", N_("Copy"), show=False),
        Binding("x,delete", "delete", N_("Delete")),
        Binding("u,ctrl+z", "undo", N_("Undo"), id="undo"),
        Binding("U,ctrl+y", "redo", N_("Redo"), show=False, id="redo"),
        Binding("slash", "search", N_("Search")),
        Binding("d", "cycle('direction')", N_("Filter by direction"), show=False),
        Binding("p", "cycle('partner')", N_("Filter by partner"), show=False),
        Binding("y", "cycle('year')", N_("Filter by year"), show=False),
        Binding("t", "cycle('status')", N_("Filter by status"), show=False),
        Binding("0", "clear_filters", N_("Clear filters"), show=False),
        Binding("s", "sort", N_("Sort by the next column"), show=False),
        Binding("r", "reverse", N_("Reverse the sort"), show=False),
        Binding("h", "header", N_("Edit the plan header"), show=False),
        Binding("l", "plans", N_("Switch or create plans"), show=False),
        Binding("o", "export", N_("Export")),
        Binding("I", "import_file", N_("Import a plan table (Word, Excel, CSV)"), show=False),
        Binding("g", "plugins", N_("Plugins"), show=False),
        Binding("b", "budget", N_("Budget"), show=False),
        Binding("D", "calendar", N_("Calendar and what is due"), show=False, id="calendar"),
        Binding("i", "life", N_("Roster, programme and status"), show=False),
        Binding("L", "language", N_("Change the language"), show=False),
        Binding("question_mark", "help", N_("Keys")),
        Binding("q", "app.quit", N_("Quit")),
    ]

    def __init__(self):
        super().__init__()
        translate_bindings(self)
        self._cells: dict[str, dict[str, str]] = {}
        self._totals_timer = None
        self.marks = DateMarks(None)  # its planner is set on mount (the app is known then)
        self._overdue: dict[str, str] = {}  # by plan: the header's note of what is overdue, as last counted
        self.timings: list[float] | None = None  # set to a list to record search timings (benchmark)
        self._detail_shown: tuple | None = None  # (delegation, language, warnings) the detail pane shows

    # --- layout --------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="banner", markup=False)
        yield Input(placeholder=_("Search: words, accents ignored (/)"), id="search", select_on_focus=False, compact=True)
        yield Static(id="filters")
        with Container(id="body"):
            yield Static(id="no-rows", markup=False)  # the filter leaves no row: said where the rows would be
            yield PlanTable(self.cells, id="table")
            with VerticalScroll(id="detail-box"):
                yield DelegationDetail(id="detail")
        yield Static(id="totals")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.marks.planner = self.app.planner
        self.app.sub_title = ""
        search = self.query_one("#search", Input)
        search.value = self.app.filters.search
        search.cursor_blink = self.app.blink
        search.can_focus = False  # Tab goes between the table and the detail; / (or a click) reaches the search
        self.reload(totals_later=True)
        self.query_one(PlanTable).focus()

    def on_resize(self, event) -> None:
        self.query_one("#body").set_class(event.size.width >= 130, "-wide")

    @property
    def planner(self):
        return self.app.planner

    # --- data --------------------------------------------------------------
    def cells(self, delegation_id: str) -> dict[str, str]:
        values = self._cells.get(delegation_id)
        if values is None:
            w = self.app.wording
            d = self.planner.repo.delegation(delegation_id)
            org = w.org(d.partner)
            c = w.cells(d)
            values = self._cells[delegation_id] = {
                "mark": MARK if self.marks.of(d, self.app.lang) else "", "seq": str(d.seq), "name": c.name, "direction": w.direction(d.direction),
                "partner": w.place(d.partner) if org else d.partner, "leader": c.leader,
                "members": c.members, "days": str(d.duration), "timing": w.compact_timing(d), "status": w.status(d.status),
                "state": d.status.value,
            }
        return values

    def reload(self, keep: str | None = None, changed: bool = True, totals_later: bool = False) -> None:
        """Run the filter again and redraw; *changed*: stored data changed too.

        After a change the totals line is drawn in the same frame as the table (a few
        milliseconds at 2,000 delegations); the first drawing and a change of the filter
        (each key typed in the search) draw the table first, the totals just after."""
        app = self.app
        if changed:
            self._cells.clear()
            self.marks.clear()
        table = self.query_one(PlanTable)
        found = self.planner.delegations(app.plan_id, app.filters, order=app.order, descending=app.descending)
        if changed:
            table.seq_digits = len(str(max((f.seq for f in self.planner.repo.facets(app.plan_id)), default=1)))
        table.sort_key, table.sort_descending = app.order, app.descending
        self.found = found
        table.set_rows(found.ids, keep=keep)
        if changed and found.ids:  # the selected row as saved, in the same frame as the table
            self._show_detail(table.current_id)
        self._show_title()
        self._show_filters()
        if changed and not totals_later:
            self._cancel_totals()
            self._show_totals()
        else:
            self._schedule_totals()
        empty = self.query_one("#no-rows", Static)
        empty.display = not found.ids and app.filters != type(app.filters)()
        empty.update(_("No delegation matches the filter (0 clears it).") if empty.display else "")
        if not found.ids:
            self._show_detail(None)

    def _show_title(self) -> None:
        plan = self.planner.plan(self.app.plan_id)
        title = f"[b]{escape(plan.title.get(self.app.lang))}[/b]  ({plan.period})"
        # What is overdue reads every delegation: counted with the totals, after the table is drawn.
        self.query_one("#title", Static).update(title + self._overdue.get(plan.id, ""))
        banner = self.query_one("#banner", Static)
        banner.update(self.app.banner())
        banner.display = bool(self.app.read_only)
        self.refresh_bindings()  # the editing keys follow the read-only state

    def _show_filters(self) -> None:
        app, w = self.app, self.app.wording
        f = app.filters
        parts = []
        if f.direction:
            parts.append(_("Direction") + ": " + w.direction(f.direction))
        if f.partner:
            parts.append(_("Partner") + ": " + w.org_short(f.partner))
        if f.year:
            parts.append(_("Year") + ": " + str(f.year))
        if f.status:
            parts.append(_("Status") + ": " + w.status(f.status))
        shown = ngettext("{n} shown", "{n} shown", len(self.found)).format(n=len(self.found))
        text = _("Filter") + ": " + (" · ".join(parts) if parts else _("none (keys d p y t, 0 clears)"))
        table = self.query_one(PlanTable)
        if app.order not in {c.key for c, _w in table.columns()}:  # sorted by a column too wide for the screen
            arrow = "▼" if app.descending else "▲"
            text = _("Sorted by {column}").format(column=_(COLUMN_LABELS[app.order])) + arrow + " │ " + text
        self.query_one("#filters", Static).update(f"{shown} │ {text}")  # the count first: never cut at 80 columns

    def _schedule_totals(self) -> None:
        # Totals read every shown row: drawn just after the table, not before it.
        self._cancel_totals()
        self._totals_timer = self.set_timer(0.05, self._show_totals)

    def _cancel_totals(self) -> None:
        if self._totals_timer is not None:
            self._totals_timer.stop()
            self._totals_timer = None

    def _show_totals(self) -> None:
        plan = self.planner.plan(self.app.plan_id)
        note = self._overdue[plan.id] = self._overdue_note(plan)
        self.query_one("#title", Static).update(f"[b]{escape(plan.title.get(self.app.lang))}[/b]  ({plan.period})" + note)
        w = self.app.wording
        t = self.planner.totals(self.found)

        def tally(x) -> str:
            days = f"{x.min_days}-{x.max_days}" if x.min_days != x.max_days else str(x.max_days)
            return ngettext("{n} delegation", "{n} delegations", x.delegations).format(n=x.delegations) + ", " + \
                ngettext("{n} person", "{n} people", x.people).format(n=x.people) + ", " + \
                _("{days} days").format(days=days)

        cancelled = " · " + ngettext("{n} cancelled", "{n} cancelled", t.cancelled).format(n=t.cancelled) if t.cancelled else ""
        parts = [_("Total") + ": " + tally(t.all) + cancelled]
        parts += [f"{w.direction(d)}: {x.delegations} ({x.people})" for d, x in t.by_direction.items()]
        parts.append(" · ".join(f"{y}: {x.delegations}" for y, x in sorted(t.by_year.items())))
        self.query_one("#totals", Static).update(" │ ".join(p for p in parts if p))

    # --- events ------------------------------------------------------------
    def on_plan_table_highlighted(self, event: PlanTable.Highlighted) -> None:
        self._show_detail(event.row_id)

    def _show_detail(self, row_id: str | None) -> None:
        d = self.planner.repo.delegation(row_id) if row_id else None
        warnings = self.marks.of(d, self.app.lang) if d is not None else []
        shown = (d, self.app.lang, tuple(warnings))
        if shown != self._detail_shown:  # a changed delegation is another object
            self._detail_shown = shown
            self.query_one("#detail", DelegationDetail).show(d, self.app.wording, self.app.home_code, warnings)

    def on_plan_table_selected(self, event: PlanTable.Selected) -> None:
        self.action_edit()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search":
            return
        started = time.perf_counter()
        self.app.filters = self.app.replace_filters(search=event.value)
        self.reload(changed=False)
        if self.timings is not None:
            self.call_after_refresh(lambda: self.timings.append(time.perf_counter() - started))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.query_one(PlanTable).focus()

    def key_escape(self) -> None:
        if self.focused is self.query_one("#search"):
            self.query_one(PlanTable).focus()

    # --- actions -----------------------------------------------------------
    def _current(self):
        row = self.query_one(PlanTable).current_id
        return self.planner.repo.delegation(row) if row else None

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.can_focus = True
        search.focus()

    def on_descendant_blur(self, event) -> None:
        if event.widget.id == "search":
            event.widget.can_focus = False  # out of the Tab order again

    def on_click(self, event) -> None:
        if getattr(event, "widget", None) is not None and event.widget.id == "search":
            self.action_search()

    def action_cycle(self, which: str) -> None:
        app = self.app
        f = app.filters
        if which == "direction":
            choices = [None, *Direction]
        elif which == "status":
            choices = [None, *Status]
        elif which == "partner":
            choices = [None, *sorted(self.planner.registry.partners)]
        else:
            plan = self.planner.plan(app.plan_id)
            choices = [None, *range(plan.period.start_year, plan.period.end_year + 1)]
        current = getattr(f, which)
        following = choices[(choices.index(current) + 1) % len(choices)] if current in choices else None
        app.filters = app.replace_filters(**{which: following})
        self.reload(changed=False)

    def action_clear_filters(self) -> None:
        self.app.filters = self.app.replace_filters(direction=None, partner=None, year=None, status=None, search="")
        self.query_one("#search", Input).value = ""
        self.reload(changed=False)

    def action_sort(self) -> None:
        app = self.app
        app.order = SORT_KEYS[(SORT_KEYS.index(app.order) + 1) % len(SORT_KEYS)]
        self.reload(changed=False)
        self.notify(_("Sorted by {column}").format(column=_(COLUMN_LABELS[app.order])), timeout=2)

    def action_reverse(self) -> None:
        self.app.descending = not self.app.descending
        self.reload(changed=False)

    def check_action(self, action: str, parameters) -> bool | None:
        """A read-only copy hides the keys that would change the file (the key line
        shows only what this copy can do)."""
        return not (action in EDITS and self.app.read_only)  # False: hidden, not run

    def _writable(self) -> bool:
        if self.app.read_only:
            self.notify(_("This copy is read-only: {reason}").format(reason=self.app.read_only), severity="error", markup=False)
            return False
        return True

    def action_add(self) -> None:
        if self._writable():
            # The draft's costs come from a cost model plugin, which may fail.
            draft = self.app.run_change(lambda: self.planner.draft_delegation(self.app.plan_id, *self.app.last_parties), "cost_lines")
            if draft is not None:
                self.app.push_screen(self.app.delegation_form(draft, is_new=True), self._after_form)

    def action_edit(self) -> None:
        d = self._current()
        if d is not None and self._writable():
            self.app.push_screen(self.app.delegation_form(d, is_new=False), self._after_form)

    def action_duplicate(self) -> None:
        d = self._current()
        if d is not None and self._writable():
            self.app.push_screen(self.app.delegation_form(self.planner.duplicate_delegation(d), is_new=True), self._after_form)

    def _after_form(self, saved) -> None:
        if saved is not None:
            self.app.last_parties = (saved.direction, saved.partner)  # the next new one starts with them
            self.reload(keep=saved.id)
            self.notify(_("Saved delegation {seq}.").format(seq=saved.seq), timeout=3)

    def action_delete(self) -> None:
        d = self._current()
        if d is None or not self._writable():
            return
        from .dialogs import ConfirmScreen

        question = _("Delete delegation {seq}, \"{name}\"? You can undo it with u.").format(seq=d.seq, name=d.name.get(self.app.lang))

        def done(yes: bool | None) -> None:
            if yes and self.app.run_change(lambda: self.planner.delete_delegation(d.id)) is not None:
                self.reload()
                self.notify(_("Deleted delegation {seq}.").format(seq=d.seq), timeout=3)

        self.app.push_screen(ConfirmScreen(question), done)

    def action_undo(self) -> None:
        if self._writable():
            self._show_done(self.app.run_change(lambda: self.planner.undo(self.app.plan_id)))

    def action_redo(self) -> None:
        if self._writable():
            self._show_done(self.app.run_change(lambda: self.planner.redo(self.app.plan_id)))

    def _show_done(self, done) -> None:
        """After an undo or a redo: the plan it leaves on screen, and what it did."""
        if done is None:
            return
        if done.plan_id != self.app.plan_id:
            self.app.open_plan(done.plan_id)
        self.reload()
        self.notify(describe(done.message), timeout=4, markup=False)

    async def action_header(self) -> None:
        if self._writable():
            from .plan_header import PlanHeaderScreen

            plan = self.planner.plan(self.app.plan_id)
            screen = await self.app.reused("plan-header", lambda: PlanHeaderScreen(plan)).load(plan)  # built once, refilled
            self.app.push_screen(screen, lambda saved: saved and self.reload())

    def action_plans(self) -> None:
        from .plans import PlansScreen

        self.app.push_screen(self.app.reused("plans", PlansScreen).load(), self._after_plans)  # built once, refilled

    def _after_plans(self, plan_id) -> None:
        if plan_id:
            self.app.open_plan(plan_id)
            self.reload()
        elif plan_id == "":  # closed after a rename: the header shows the new title
            self._show_title()

    def action_export(self) -> None:
        from .export import ExportScreen

        current = self._current()
        screen = self.app.reused("export", ExportScreen)  # built once, refilled at each opening
        self.app.push_screen(screen.load(current.seq if current is not None else None))

    def action_import_file(self) -> None:
        from .import_plan import ImportScreen

        if self._writable():
            self.app.push_screen(ImportScreen(), self._after_import)

    def _after_import(self, stored) -> None:
        if stored:
            self.reload(keep=stored[0].id)
            self.notify(ngettext("Imported {n} delegation (u undoes it).", "Imported {n} delegations (u undoes them).", len(stored))
                        .format(n=len(stored)), timeout=4)

    def action_life(self) -> None:
        d = self._current()
        if d is not None:
            from .life import LifeScreen

            self.app.push_screen(LifeScreen(d), lambda changed: changed is not None and self.reload(keep=changed.id))

    def _overdue_note(self, plan) -> str:
        from ...deadline_settings import overdue_now

        n = overdue_now(self.planner, plan)
        return "  [b red]" + escape(ngettext("{n} overdue (D)", "{n} overdue (D)", n).format(n=n)) + "[/]" if n else ""

    def action_calendar(self) -> None:
        from .calendar import CalendarScreen

        self.app.push_screen(CalendarScreen())

    def action_budget(self) -> None:
        from .budget import BudgetScreen

        self.app.push_screen(BudgetScreen())

    def action_plugins(self) -> None:
        from .dialogs import PluginsScreen

        self.app.push_screen(PluginsScreen())

    def action_help(self) -> None:
        from .dialogs import KeysScreen

        self.app.push_screen(KeysScreen(self))

    def action_language(self) -> None:
        from ...i18n import SUPPORTED

        langs = list(SUPPORTED)
        self.app.switch_language(langs[(langs.index(self.app.lang) + 1) % len(langs)] if self.app.lang in langs else "vi")
