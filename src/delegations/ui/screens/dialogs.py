"""Small screens: confirmation, the key map, the plugins."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...i18n import N_, _
from ..bindings import translate_bindings


class ConfirmScreen(ModalScreen[bool]):
    """A question with two answers: *yes* (y, Enter) and *no* (n, Esc; focused first).
    The question is shown as plain text (a path or a name may hold brackets)."""

    BINDINGS = [Binding("y,enter", "answer(True)", N_("Yes")), Binding("n,escape", "answer(False)", N_("No"))]

    def __init__(self, question: str, *, yes: str | None = None, no: str | None = None):
        super().__init__()
        translate_bindings(self)
        self.question = question
        self.yes, self.no = yes or _("Yes"), no or _("No")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, markup=False, id="question")
            with Horizontal(classes="buttons"):
                yield Button(self.yes + " (y)", variant="error", id="yes")
                yield Button(self.no + " (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class _InfoScreen(ModalScreen):
    BINDINGS = [Binding("escape,q,question_mark", "close", N_("Close"))]

    def __init__(self):
        super().__init__()
        translate_bindings(self)

    def action_close(self) -> None:
        self.dismiss(None)

    def body(self):
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(f"[b]{self.heading()}[/b]  " + _("(Esc closes)"))
            with VerticalScroll():
                yield Static(self.body())


class KeysScreen(_InfoScreen):
    """Every key of the main screen, with what it does (the footer shows only the main ones)."""

    def __init__(self, main):
        super().__init__()
        self.main = main

    def heading(self) -> str:
        return _("Keys")

    def body(self):
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for key, bindings in self.main._bindings.key_to_bindings.items():
            for b in bindings:
                table.add_row(self.app.get_key_display(b), b.description)
        table.add_row("ctrl+p", _("Command palette: every action by name"))
        table.add_row("↑ ↓ PgUp PgDn", _("Move in the table"))
        table.add_row("Enter", _("Edit the delegation"))
        table.add_row("Esc", _("Leave the search box"))
        table.add_row("ctrl+t", _("In a form: the focused translation is still correct"))
        return table


class PluginsScreen(_InfoScreen):
    def heading(self) -> str:
        return _("Plugins")

    def body(self):
        host = self.app.planner.host
        table = Table(expand=True, show_edge=False, pad_edge=False)
        table.add_column(_("Plugin"), style="bold", ratio=2)
        table.add_column(_("From"), ratio=2)
        table.add_column(_("Hooks"), ratio=3)
        for row in host.plugin_rows():
            table.add_row(row["name"], row["source"], ", ".join(row["hooks"]) or "-")
        for f in host.failures:
            table.add_row(f"[red]{f.plugin}[/red]", f.source, "[red]" + _("FAILED: {error}").format(error=f.short()) + "[/red]")
        registry = self.app.planner.registry
        for key, missing in registry.incomplete.items():
            table.add_row(f"[yellow]{key}[/yellow]", "", _("Incomplete partner {name}: fill in {fields}").format(name=key, fields=", ".join(missing)))
        for c in registry.conflicts:
            table.add_row(f"[yellow]{c.code}[/yellow]", ", ".join(c.plugins), _("Conflict: {kind} \"{code}\" is defined by more than one plugin: {plugins}").format(kind=c.kind, code=c.code, plugins=", ".join(c.plugins)))
        for name, source in host.replaced.items():
            table.add_row(name, source, _("replaces the shipped plugin {name}").format(name=name))
        return Group(table, Text(""), Text(_("Files and folders (delegations where)"), style="bold"), self._where())

    def _where(self):
        from ...where import lines_for_open

        table = Table(expand=True, show_edge=False, pad_edge=False, show_header=False)
        table.add_column(style="bold", ratio=2)
        table.add_column(ratio=5, overflow="fold")
        for label, path, origin in lines_for_open(self.app.planner.repo.path):
            table.add_row(label, f"{path}\n[dim]{origin}[/dim]")
        return table
