"""Exporting from the UI: the same exporter plugins and rules as ``delegations export``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from functools import partial

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from ... import i18n, paths
from ...exporting import ALREADY_EXISTS, document_target, export_document, export_plan, export_target
from ...i18n import N_, _
from ...services import Filters
from ..bindings import translate_bindings
from ..widgets.choice import ChoiceSelect
from ..faults import explain
from .reused import ReusedScreen

DOCUMENT_LANGUAGES = (("vi", N_("Vietnamese")), ("lo", N_("Lao")), ("vi-lo", N_("Vietnamese and Lao")), ("en", N_("English")))


MAX_LISTED = 8  # outdated translations listed before an export; the rest counted


class ExportScreen(ReusedScreen):
    BINDINGS = [Binding("escape", "close", N_("Close")), Binding("ctrl+o", "export", N_("Export"))]

    def __init__(self, seq: int | None = None):
        super().__init__()
        translate_bindings(self)
        self.written: Path | None = None
        self.seq = seq  # the delegation selected in the table: its documents can be exported

    def compose(self) -> ComposeResult:
        registry = self.app.planner.registry
        langs = [(_(label), code) for code, label in DOCUMENT_LANGUAGES if set(code.split("-")) <= set(registry.locales)]
        with Vertical(classes="dialog wide", id="export"):
            yield Static(self._title("plan"), id="export-title")
            with VerticalScroll(id="export-body"):  # the fields and what the export said scroll; the buttons stay
                yield from self._fields(registry, langs)
            with Horizontal(classes="buttons"):
                yield Button(_("Export"), variant="primary", id="export-button")
                yield Button(_("Open"), id="open", disabled=True)
                yield Button(_("Close"), id="close")

    def _fields(self, registry, langs) -> ComposeResult:
        """The choices of the export, and the line under them saying what it did."""
        lang = i18n.current_language()
        plan_formats = sorted(c for c, e in registry.exporters.items() if not getattr(e, "document", False))
        with Horizontal(classes="row"):  # the format: for a document too
            yield Label(_("Format"), classes="label")
            yield ChoiceSelect([(registry.exporters[code].label.get(lang), code) for code in plan_formats], value="pdf" if "pdf" in plan_formats else Select.NULL,
                         allow_blank=False, id="format", compact=True)
        with Horizontal(classes="row"):
            yield Label(_("Document"), classes="label")
            yield Select(self._documents(), value="plan", allow_blank=False, id="document", compact=True)
        yield Static("", id="doc-text", markup=False)
        with Horizontal(classes="row"):
            yield Label(_("Language"), classes="label")
            yield ChoiceSelect(langs, value="vi", allow_blank=False, id="lang", compact=True)
        with Horizontal(classes="row plan-only"):
            yield Label(_("Rows"), classes="label")
            yield Checkbox(_("only the rows the filter shows"), value=False, id="filtered", compact=True)
        with Horizontal(classes="row plan-only"):
            yield Label(_("Budget"), classes="label")
            yield Checkbox(_("add the appendix \"Dự toán kinh phí\" (the plan's budget)"), value=False, id="budget", compact=True)
        with Horizontal(classes="row plan-only"):
            yield Label(_("Status"), classes="label")
            yield Checkbox(_("add a column with each delegation's status (planned, done, cancelled…)"), value=False, id="status-column", compact=True)
        with Horizontal(classes="row"):
            yield Label(_("Folder"), classes="label")
            yield Input(str(paths.exports_dir()), id="folder", compact=True)
        with Horizontal(classes="row"):
            yield Label(_("Replace"), classes="label")
            yield Checkbox(_("replace a file of the same name"), value=False, id="force", compact=True)
        yield Static("", id="target")

    @staticmethod
    def _title(kind: str) -> str:
        """The screen's title: the plan, or a delegation's document."""
        what = _("Export the plan") if kind == "plan" else _("Export a document")
        return "[b]" + what + "  [/b]" + _("(Ctrl+O export, Esc closes)")

    def _documents(self) -> list[tuple[str, str]]:
        """The plan, and the documents of the delegation selected in the table (if one is)."""
        registry, lang = self.app.planner.registry, i18n.current_language()
        # A document in another format ("proposal.docx") is the same document: the format chooses it.
        documents = sorted(c for c, e in registry.exporters.items() if getattr(e, "document", False) and "." not in c) \
            if self.seq is not None else []
        # Named without a file type: the format select says PDF, Word or Excel.
        return [(_("the plan"), "plan")] + [(f"{registry.exporters[c].label.get(lang)} ({_('delegation {seq}').format(seq=self.seq)})", c)
                                            for c in documents]

    def on_mount(self) -> None:
        self.query_one("#lang", Select).focus()
        self.show_target()
        self._show_doc_text()

    def _show_doc_text(self) -> None:
        """For a delegation's document: whether the officer's own main paragraph or the
        default is printed, and where it is edited."""
        from ...documents import KINDS

        line = self.query_one("#doc-text", Static)
        kind = str(self.query_one("#document", Select).value)
        line.display = kind in KINDS and self.seq is not None
        if not line.display:
            return
        try:
            own = self.app.planner.delegation(self.app.plan_id, self.seq).text_for(kind)
        except Exception:  # noqa: BLE001 - the delegation gone (another program's change): the target line says so
            line.display = False
            return
        where = _("edit it with i, then F5, in the table")
        line.update(_("Prints your own text ({langs}); {where}.").format(langs=", ".join(c for c, _v in own.versions), where=where)
                    if own else _("Prints the default text; to write your own, {where}.").format(where=where))

    def load(self, seq: int | None) -> "ExportScreen":
        """Show the screen for the delegation *seq* at its next opening: the widgets are
        reused (built once per language), the choices made last time kept, except the
        document, which starts on the plan."""
        self.seq, self.written = seq, None
        if self.is_mounted:
            with self.prevent(Select.Changed):
                document = self.query_one("#document", Select)
                document.set_options(self._documents())
                document.value = "plan"
            self._show_formats()
            self.query_one("#export-title", Static).update(self._title("plan"))
            for row in self.query(".plan-only"):
                row.display = True
            self._show_doc_text()
            self.query_one("#open", Button).disabled = True
            self.query_one("#lang", Select).focus()
            self.show_target()
        return self

    def _document(self) -> str | None:
        """The document chosen, in the chosen format when it has an exporter for it ("proposal.docx")."""
        kind = str(self.query_one("#document", Select).value)
        if kind == "plan":
            return None
        fmt = str(self.query_one("#format", Select).value)
        return f"{kind}.{fmt}" if f"{kind}.{fmt}" in self.app.planner.registry.exporters else kind

    def _choices(self) -> dict:
        filters = self.app.filters if self.query_one("#filtered", Checkbox).value else Filters()
        return dict(plan_id=self.app.plan_id, fmt=str(self.query_one("#format", Select).value),
                    lang=str(self.query_one("#lang", Select).value), output=Path(self.query_one("#folder", Input).value or "."),
                    filters=filters)

    def _say(self, text: str, style: str = "") -> None:
        self.query_one("#target", Static).update(RichText(text, style=style))

    def say_notice(self, message: str, severity: str) -> None:
        """A notice on the screen's own line under the fields, not a toast over them."""
        self._say(message, "red" if severity == "error" else "yellow" if severity == "warning" else "")

    def show_target(self) -> None:
        try:
            kind = self._document()
            if kind is None:
                target = export_target(self.app.planner, **self._choices())
            else:
                c = self._choices()
                target = document_target(self.app.planner, kind, self.seq, plan_id=c["plan_id"], lang=c["lang"], output=c["output"])
            exists = target.exists()
        except Exception as exc:  # noqa: BLE001 - explained, or raised again
            message = explain(exc, self.app.planner.host, "export")
            if message is None:
                raise
            self._say(message, "red")
            return
        from ...plan_model import cancelled_note

        note = cancelled_note(self.app.planner.delegations(self.app.plan_id, self._choices()["filters"])) if kind is None else ""
        self._say(_("Destination: {path}").format(path=target) + ("  " + _("(exists)") if exists else "") + ("\n" + note if note else ""),
                  "yellow" if exists else "")

    def _formats(self, kind: str) -> list[tuple[str, str]]:
        """The formats the plan, or the document *kind*, can be written in."""
        registry, lang = self.app.planner.registry, i18n.current_language()
        if kind == "plan":
            codes = sorted(c for c, e in registry.exporters.items() if not getattr(e, "document", False))
            return [(registry.exporters[code].label.get(lang), code) for code in codes]
        names = {"pdf": _("PDF document"), "docx": _("Word document"), "xlsx": _("Excel workbook")}
        base = registry.exporters[kind].suffix.lstrip(".")
        others = sorted(c.split(".", 1)[1] for c in registry.exporters if c.startswith(kind + "."))
        return [(names.get(fmt, fmt.upper()), fmt) for fmt in [base, *others]]

    def _show_formats(self) -> None:
        kind = str(self.query_one("#document", Select).value)
        select = self.query_one("#format", Select)
        options = self._formats(kind)
        before = select.value
        with self.prevent(Select.Changed):
            select.set_options(options)
            codes = [code for _label, code in options]
            select.value = before if before in codes else ("pdf" if "pdf" in codes else codes[0])

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "document":
            # A delegation's document has no rows, appendix or status column to choose;
            # its formats are its own (PDF, Word, and Excel for a budget).
            self._show_formats()
            self.query_one("#export-title", Static).update(self._title(str(event.select.value)))
            for row in self.query(".plan-only"):
                row.display = self._document() is None
            self._show_doc_text()
        if self.is_mounted:
            self.show_target()

    def on_checkbox_changed(self) -> None:
        self.show_target()

    def on_input_changed(self) -> None:
        self.show_target()

    def action_export(self) -> None:
        """Export; first, for a document that prints translations made from an earlier
        Vietnamese text or texts with no translation (printed in Vietnamese), list them
        and ask (the export goes on if the officer confirms)."""
        from ...translation_checks import export_warnings
        from .dialogs import ConfirmScreen

        kind = self._document()
        parts = export_warnings(self.app.planner, self.app.plan_id, str(self.query_one("#lang", Select).value),
                                self.seq if kind is not None else None)
        if not parts:
            self._start_export()
            return
        room = max(MAX_LISTED // len(parts), 3)
        blocks = []
        for heading, lines in parts:
            shown = lines[:room] + ([_("… and {n} more").format(n=len(lines) - room)] if len(lines) > room else [])
            blocks.append(heading + "\n" + "\n".join("- " + x for x in shown))
        question = "\n".join(blocks) + "\n" + _("Export anyway?")
        self.app.push_screen(ConfirmScreen(question, yes=_("Export anyway"), no=_("Back")), lambda yes: self._start_export() if yes else None)

    def _start_export(self) -> None:
        self._say(_("Exporting…"))
        force, budget = self.query_one("#force", Checkbox).value, self.query_one("#budget", Checkbox).value
        self._status_column = self.query_one("#status-column", Checkbox).value
        self.run_worker(partial(self._export, force, budget, self._choices(), self._document()), thread=True, exclusive=True)

    def _export(self, force: bool, budget: bool, choices: dict, kind: str | None = None) -> None:
        # In a worker thread: every failure is handed to the screen, which explains
        # it (a folder that is a file, a full disk, an exporter plugin that raises).
        try:
            if kind is None:
                path = export_plan(self.app.planner, force=force, budget=budget, status_column=self._status_column, **choices)
            else:
                path = export_document(self.app.planner, kind, self.seq, plan_id=choices["plan_id"], lang=choices["lang"],
                                       output=choices["output"], force=force)
        except Exception as exc:  # noqa: BLE001 - explained on the screen, or raised again there
            self.app.call_from_thread(self._done, None, exc)
            return
        self.app.call_from_thread(self._done, path, None, self._budget_notes(kind, budget, choices))

    def _budget_notes(self, kind: str | None, budget: bool, choices: dict) -> list[str]:
        """The officer's budget notes the document just written leaves out (none if they cannot be worked out)."""
        from ...budget.export_notes import export_notes
        from ...errors import UserError

        try:
            return export_notes(self.app.planner, i18n.current_language(), document=kind, seq=self.seq, plan_id=choices["plan_id"],
                                budget=budget, fmt=choices["fmt"], filters=choices["filters"])
        except UserError:
            return []

    def _done(self, path: Path | None, error: BaseException | None, notes: list[str] | None = None) -> None:
        # Said on the screen's own line under the fields, not in a notice over them.
        if error is not None:
            if getattr(error, "message", None) == ALREADY_EXISTS:  # the CLI names --force; here the box does it
                message = _("{path} already exists; tick \"Replace\" to replace it.").format(path=error.params["path"])
            else:
                message = explain(error, self.app.planner.host, "export")
            if message is None:
                raise error
            self._say(message, "red")
            return
        self.written = path
        warnings = [_("Warning: {message}").format(message=note) for note in notes or []]
        self._say("\n".join([_("Written: {path}").format(path=path), *warnings]), "yellow" if warnings else "green")
        self.query_one("#open", Button).disabled = False

    def action_open(self) -> None:
        """Open the file with the desktop's viewer, or show and copy its path when there is none."""
        if self.written is None:
            return
        opener = shutil.which("xdg-open") or shutil.which("open")
        if opener:
            try:
                subprocess.Popen([opener, str(self.written)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            except OSError as exc:
                self.app.report(exc)
        else:
            self.app.copy_to_clipboard(str(self.written))
            self.notify(_("No viewer found here; the path was copied: {path}").format(path=self.written), timeout=10, markup=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"export-button": self.action_export, "open": self.action_open, "close": self.action_close}[event.button.id]()
