"""A delegation's life on screen (key ``i`` in the main screen): its roster, its
programme, its status with the facts and history, and its documents' own texts,
one at a time (F2, F3, F4, F5).
People and programme items are added, edited and removed here, and the status moved
on with its facts, through the same services as the ``roster``, ``programme`` and
``status`` commands (validated, stored, undoable with Ctrl+Z here or ``u`` in the table)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import ContentSwitcher, DataTable, Static

from ...errors import ConflictError, UserError
from ...i18n import N_, _, describe
from ..bindings import translate_bindings
from ..faults import explain
from .life_lists import ProgrammePane, RosterPane
from .life_status import StatusPane
from .life_texts import TextsPane

TABS = ("roster", "programme", "status", "texts")
LISTS = ("roster", "programme")  # the tabs of a table of rows



class LifeScreen(ModalScreen):
    """The roster, programme and status of one delegation; returns the delegation when
    something was changed (``None`` otherwise)."""

    BINDINGS = [
        Binding("escape", "back", N_("Close")),
        Binding("f2", "tab('roster')", N_("Roster")),
        Binding("f3", "tab('programme')", N_("Programme")),
        Binding("f4", "tab('status')", N_("Status")),
        Binding("f5", "tab('texts')", N_("Documents")),
        Binding("ctrl+s", "save", N_("Save")),
        Binding("ctrl+z", "undo", N_("Undo")),
        Binding("ctrl+y", "redo", N_("Redo")),
        Binding("x,delete", "remove", N_("Remove"), show=False),
    ]

    def __init__(self, delegation, tab: str = "roster"):
        super().__init__()
        translate_bindings(self)
        self.d = delegation
        self.changed = False
        self.tab = tab

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="life"):
            yield Static(id="life-heading", markup=False)
            yield Static(id="life-tabs")
            with ContentSwitcher(initial=self.tab, id="life-body"):
                yield RosterPane(id="roster")
                yield ProgrammePane(id="programme")
                yield StatusPane(self.d, id="status")
                yield TextsPane(id="texts")
            yield Static(id="life-message", markup=False)
            yield Static(id="life-keys", markup=False)

    def on_mount(self) -> None:
        self.show()
        self.action_tab(self.tab)

    # --- showing ---------------------------------------------------------------------
    def pane(self, name: str | None = None):
        return self.query_one(f"#{name or self.tab}")

    def show(self) -> None:
        w, d = self.app.wording, self.d
        self.query_one("#life-heading", Static).update(f"{d.seq}. {d.name.get(w.lang)}")
        planned = d.planned_members if d.roster else d.members  # an empty roster: the plan's count
        size = f"{len(d.roster)}/{planned}" if planned not in (None, len(d.roster)) else str(len(d.roster))
        titles = {"roster": _("Roster ({n})").format(n=size), "programme": _("Programme ({n})").format(n=len(d.programme)),
                  "status": _("Status: {status}").format(status=w.status(d.status)), "texts": _("Documents")}
        line = self.query_one("#life-tabs", Static)
        width = line.size.width or self.app.size.width - 4  # (before the first layout: the screen's, less the border)
        if sum(cell_len(t) + 6 for t in titles.values()) - 1 > width:  # too narrow: the status's name alone
            titles["status"] = w.status(d.status)
        parts = []
        for key, name in zip(("F2", "F3", "F4", "F5"), TABS):
            text = f"{key} {escape(titles[name])}"
            parts.append(f"[reverse b] {text} [/]" if name == self.tab else f"[@click=screen.tab('{name}')] {text} [/]")
        line.update(" ".join(parts))
        for name in TABS:
            self.pane(name).show(d)
        self._keys()

    def _keys(self) -> None:
        if self.tab == "status" and getattr(self.focused, "id", None) in ("s_pages", "save-pages"):
            keys = _("Enter or Ctrl+S: save the pages to translate · Ctrl+Z: undo · Esc: close")
        elif self.tab == "status":
            keys = _("Tab: next field · Enter or Ctrl+S: change the status · Ctrl+Z: undo · Esc: close")
        elif self.tab == "texts":
            keys = _("Ctrl+S: save the text · Ctrl+T: translation still correct · Ctrl+Z: undo · Esc: close")
        elif self.pane().editing is not None:
            keys = _("Enter or Ctrl+S: save the row · Esc: stop editing · Ctrl+Z: undo")
        elif isinstance(self.focused, DataTable):
            keys = _("Enter: edit the row · x: remove it · Tab: type a new row · Ctrl+Z: undo · Esc: close")
        else:
            keys = _("Enter or Ctrl+S: add · Esc: back to the table · Ctrl+Z: undo")
        self.query_one("#life-keys", Static).update(keys)

    def say(self, text: str, style: str = "") -> None:
        line = self.query_one("#life-message", Static)
        line.update(text)
        line.set_class(style == "warning", "warning")
        line.set_class(style == "error", "error-text")

    # --- changing ----------------------------------------------------------------------
    def apply(self, change, removed: bool = False) -> bool:
        """Run *change* (it returns the saved delegation and its warnings); show what it
        says. A refusal is said on the message line and nothing is kept."""
        if self.app.read_only:
            self.say(_("This copy is read-only: {reason}").format(reason=self.app.read_only), "error")
            return False
        try:
            result = change()
        except Exception as exc:  # noqa: BLE001 - explained, or raised again
            message = None if isinstance(exc, ConflictError) else explain(exc, self.app.planner.host)
            if message is None:  # another program's change (offers to reload), or a fault of the program
                self.app.report(exc)
                return False
            self.say(message, "error")  # a refusal of what was typed: said here, the fields kept
            return False
        self.d, problems = result
        self.changed = True
        self.show()
        # the warnings of what this tab shows (the roster's count is said on the roster's tab)
        fields = {"roster": ("roster",), "programme": ("programme",)}.get(self.tab)
        warnings = [describe(p) for p in problems if p.severity == "warning"
                    and (p.field in fields if fields else p.field not in ("roster", "programme"))]
        done = _("Removed; Ctrl+Z brings it back.") if removed else _("Saved delegation {seq}.").format(seq=self.d.seq)
        self.say("\n".join([done, *warnings]), "warning" if warnings else "")
        return True

    def _history(self, step) -> None:
        if self.app.read_only:
            self.say(_("This copy is read-only: {reason}").format(reason=self.app.read_only), "error")
            return
        done = self.app.run_change(step)
        if done is None:
            return
        self.changed = True
        try:
            self.d = self.app.planner.repo.delegation(self.d.id)
        except UserError:  # the delegation itself was undone: back to the table
            self.dismiss(self.d)
            return
        self.show()
        self.say(describe(done.message))

    def action_undo(self) -> None:
        self._history(lambda: self.app.planner.undo(self.app.plan_id))

    def action_redo(self) -> None:
        self._history(lambda: self.app.planner.redo(self.app.plan_id))

    def action_tab(self, name: str) -> None:
        if name != self.tab:
            self.say("")
        self.tab = name
        self.query_one(ContentSwitcher).current = name
        self.show()
        self.pane().focus_first()

    def action_save(self) -> None:
        self.pane().submit()

    def action_remove(self) -> None:
        if self.tab in LISTS and isinstance(self.focused, DataTable):
            self.pane().remove_row()

    def action_back(self) -> None:
        pane = self.pane()
        if self.tab in LISTS and pane.editing is not None:
            pane.stop_editing()
            self._keys()
            return
        if self.tab in LISTS and pane.table.row_count and not isinstance(self.focused, DataTable):
            pane.table.focus()  # from the fields of a new row back to the table (what was typed stays)
            return
        self.dismiss(self.d if self.changed else None)

    def on_descendant_focus(self) -> None:
        self._keys()

    # kept for callers of the former screen (tests, plugins' screenshots)
    def add_person(self) -> None:
        self.pane("roster").submit()

    def add_item(self) -> None:
        self.pane("programme").submit()

    def change_status(self) -> None:
        self.pane("status").submit()

    def action_close(self) -> None:
        self.dismiss(self.d if self.changed else None)
