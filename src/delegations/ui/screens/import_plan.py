"""Importing a plan table from the UI: a file path, then a preview of what would be
stored with every problem by row and column, then the import (all or nothing, one undo)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Static

from ...errors import UserError
from ...i18n import N_, _, describe, ngettext
from ...importing import commit, preview
from ...importing.report import finding_text, summary_line
from ..bindings import translate_bindings

SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "note": "dim"}


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class ImportScreen(ModalScreen):
    """Asks for a .docx, .xlsx or .csv file, shows what it would add to the plan on
    screen, and imports it on confirmation; dismissed with the delegations stored
    (``None`` when closed without importing)."""

    BINDINGS = [Binding("escape", "close", N_("Close")), Binding("ctrl+o", "import", N_("Import"))]
    # Opaque, like the other full-size screens: no piece of the main screen (the totals'
    # second line, the title) shows around the dialog.
    DEFAULT_CSS = """
    ImportScreen { background: $background; }
    #import-rows { height: 1fr; min-height: 4; }
    #import-problems-box { height: 6; }
    """

    def __init__(self):
        super().__init__()
        translate_bindings(self)
        self.found = None  # the last preview

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="import"):
            yield Static("[b]" + _("Import a plan table") + "  [/b]" + _("(Enter previews, Ctrl+O imports, Esc closes)"))
            with Horizontal(classes="row"):
                yield Label(_("File"), classes="label")
                yield Input(placeholder=_("a .docx, .xlsx or .csv file"), id="path", compact=True)
            yield Static("", id="import-summary", markup=False)
            table = DataTable(id="import-rows", cursor_type="row", zebra_stripes=True)
            for label in (N_("Row"), N_("No."), N_("Problems"), N_("Delegation"), N_("What would be stored")):
                table.add_column(_(label))
            yield table
            yield VerticalScroll(Static("", id="import-problems"), id="import-problems-box")
            with Horizontal(classes="buttons"):
                yield Button(_("Preview"), id="preview", compact=True)
                yield Button(_("Import"), variant="primary", id="import-button", disabled=True, compact=True)
                yield Button(_("Close"), id="close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.show_preview()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"preview": self.show_preview, "import-button": self.action_import, "close": self.action_close}[event.button.id]()

    def show_preview(self) -> None:
        app = self.app
        text = self.query_one("#path", Input).value.strip()
        table = self.query_one(DataTable)
        table.clear()
        self.found = None
        self.query_one("#import-button", Button).disabled = True
        if not text:
            self._say(_("Type the path of a .docx, .xlsx or .csv file."), [])
            return
        try:
            self.found = found = preview(app.planner, Path(text).expanduser(), app.plan_id, _)
        except (UserError, OSError) as exc:
            self._say(describe(exc) if isinstance(exc, UserError) else str(exc), [])
            return
        for r in found.rows:
            d = r.delegation
            problems = ", ".join(f"{len([f for f in r.findings if f.severity == s])} {_(s)}" for s in ("error", "warning")
                                 if any(f.severity == s for f in r.findings))
            table.add_row(str(r.row), str(d.seq) if d else "-", problems or "✓", _cut(d.name.get(app.lang), 30) if d else _("not imported"),
                          summary_line(d, app.wording, with_leader=True) if d else "")
        errors = len(found.errors)
        n = len(found.delegations)
        if errors:
            head = ngettext("{n} error: nothing can be imported; correct the file and preview again.",
                            "{n} errors: nothing can be imported; correct the file and preview again.", errors).format(n=errors)
        else:
            head = ngettext("{n} delegation would be added to plan {plan}.", "{n} delegations would be added to plan {plan}.", n).format(
                n=n, plan=found.plan_id)
        self._say(head, found.all_findings())
        self.query_one("#import-button", Button).disabled = bool(errors) or not n

    def _say(self, head: str, findings) -> None:
        from rich.text import Text as RichText

        self.query_one("#import-summary", Static).update(head)
        lines = RichText()
        for f in findings:
            lines.append(finding_text(f) + "\n", style=SEVERITY_STYLES[f.severity])
        self.query_one("#import-problems", Static).update(lines)

    def action_import(self) -> None:
        if self.found is None or self.query_one("#import-button", Button).disabled:
            self.show_preview()
            return
        stored = self.app.run_change(lambda: commit(self.app.planner, self.found))  # a refusal or failure is shown
        if stored is not None:
            self.dismiss(stored)

    def action_close(self) -> None:
        self.dismiss(None)
