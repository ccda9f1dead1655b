"""Small screens: confirmation, the key map, the plugins."""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...i18n import N_, _
from ..bindings import translate_bindings
from ..widgets.rows import RowsView


BOLD, RED = Style(bold=True), Style(color="red")


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
            yield Static(f"[b]{self.heading()}  [/b]" + _("(Esc closes)"))
            with VerticalScroll():
                yield Static(self.body())


class KeysScreen(_InfoScreen):
    """Every key of the main screen, with what it does (the footer shows only the main ones),
    then the keys of each screen opened from it."""

    def __init__(self, main):
        super().__init__()
        self.main = main

    def heading(self) -> str:
        return _("Keys")

    def body(self):
        from rich.console import Group

        from ..keys import grouped, screens_keys

        def keys_table():
            table = Table.grid(padding=(0, 2))
            table.add_column(style="bold", min_width=14)  # the same key column in every section
            table.add_column()
            return table

        table = keys_table()
        display = self.app.get_key_display
        for keys, description in grouped(self.main._bindings, display):
            table.add_row(keys, description)
        table.add_row("ctrl+p", _("Command palette: every action by name"))
        table.add_row("↑ ↓ PgUp PgDn", _("Move in the table"))
        table.add_row("Enter", _("Edit the delegation"))
        table.add_row("Esc", _("Leave the search box"))
        table.add_row("ctrl+t", _("In a form: the focused translation is still correct"))
        parts = [table]
        for heading, rows in screens_keys(display):  # then the keys of each screen, under its name
            parts.append(Text("\n" + heading, style="bold underline"))
            section = keys_table()
            for keys, description in rows:
                section.add_row(keys, description)
            parts.append(section)
        return Group(*parts)


class PluginsScreen(_InfoScreen):
    """Plugins, their hooks and failures, in the words of ``delegations plugins``
    (the same report), then every file and folder in use."""

    def heading(self) -> str:
        return _("Plugins")

    def compose(self) -> ComposeResult:
        # Drawn line by line, only the lines on screen (a Static measured the whole
        # report at every layout pass: most of the time of opening the screen).
        with Vertical(classes="dialog wide"):
            yield Static(f"[b]{self.heading()}  [/b]" + _("(Esc closes)"))
            yield RowsView(id="plugins-body")

    def on_mount(self) -> None:
        view = self.query_one(RowsView)
        view.show(self.rows())
        view.focus()

    def body(self) -> Text:
        """The whole report as one text (what the screen shows, unwrapped)."""
        return Text("\n".join(label for label, _value, _style in self.rows()))

    def rows(self) -> list:
        from ...plugin_report import as_lines
        from ...where import lines_for_open

        failed = _("FAILED{where}: {error}").split("{")[0]
        rows = []
        for line in as_lines(self.app.planner.host):
            if line.startswith(" "):  # a fact of the plugin above: indented, and so are its wrapped lines
                rows.append((line, "", RED if line.strip().startswith(failed) else None))
            else:
                rows.append((line, "", BOLD))
        rows += [("", "", None), (_("Files and folders (delegations where)"), "", BOLD)]
        width = max((self.app.size.width or 80) - 8, 20)
        for label, path, origin in lines_for_open(self.app.planner.repo.path):
            rows.append((f"{label}  ({origin})", "", BOLD))
            rows += [("  " + part, "", None) for part in path_lines(str(path), width)]
        return rows


def path_lines(path: str, width: int) -> list[str]:
    """*path* cut into lines of at most *width* characters, after a "/" (never inside
    a folder's name, unless that name alone is wider than the line)."""
    lines, line = [], ""
    for part in path.replace("/", "/\0").split("\0"):
        if line and len(line) + len(part) > width:
            lines.append(line)
            line = ""
        while len(part) > width:
            lines.append(part[:width])
            part = part[width:]
        line += part
    return lines + ([line] if line else [])
