"""The roster and the programme on the life screen (``life.py``): each a table of its
rows above the fields of one row. Enter on a row puts it in the fields to edit; Enter
in a field (or Ctrl+S) adds the row, or saves the one being edited; ``x`` removes the
highlighted row. Every change goes through ``lifecycle`` (validated, stored, undoable)."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len, set_cell_size
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Label, Select

from ... import lifecycle
from ...domain import ROLES, Person, ProgrammeItem, Sex, Text, nfc
from ...errors import UserError
from ...forms import parse_day
from ..widgets.choice import ChoiceSelect
from ...i18n import N_, _


def day_text(day: date | None) -> str:
    """A date as the officer types it: 1/5/1970."""
    return f"{day.day}/{day.month}/{day.year}" if day else ""


def read_day(text: str) -> date | None:
    """A typed date (1/5/1970 or 1970-05-01), ``None`` when empty; a ``UserError`` otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        return parse_day(text)
    except ValueError:
        raise UserError(N_("\"{value}\" is not a date; write it as 16/9/2019 or 2019-09-16, the year with four digits."),
                        value=text) from None


def field(id: str, placeholder: str = "", classes: str = "") -> Input:
    return Input(placeholder=placeholder, id=id, compact=True, classes=classes)


def row(*widgets) -> Horizontal:
    """A line of labels and fields side by side."""
    return Horizontal(*widgets, classes="row")


def label(text: str) -> Label:
    return Label(text, classes="life-label")


def fit(text: str, width: int) -> str:
    """*text* on one line of *width* cells, cut with "…" when longer."""
    text = " ".join(text.split())
    return text if cell_len(text) <= width else set_cell_size(text, width - 1) + "…"


class ListPane(Vertical):
    """A table of rows (people, programme items) and the fields of one of them.
    ``editing`` is the number (from 1) of the row in the fields, or ``None`` when the
    fields hold a new row."""

    HEADS: tuple[str, ...] = ()
    WIDTHS: tuple[int | None, ...] = ()  # per column: cells, or None to share what is left
    FIRST = ""          # the id of the first field (focused to type a new row)
    ADD = ""            # the label of the button that adds a row

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.editing: int | None = None

    # --- to be given by each list ------------------------------------------------------
    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def items(self, d) -> tuple:
        raise NotImplementedError

    def cells(self, n: int, item) -> tuple:
        raise NotImplementedError

    def fill(self, item) -> None:
        """Put *item* (``None``: an empty row) in the fields."""
        raise NotImplementedError

    def read(self, old):
        """The row the fields describe (*old*: the row being edited, or ``None``)."""
        raise NotImplementedError

    def add(self, d, item):
        raise NotImplementedError

    def edit(self, d, n: int, item):
        raise NotImplementedError

    def remove(self, d, n: int):
        raise NotImplementedError

    # --- shared --------------------------------------------------------------------------
    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True, classes="life-table")
        yield from self.fields()
        with Horizontal(classes="row life-buttons"):
            yield Button(_(self.ADD), id=f"{self.id}-add", compact=True, variant="primary")
            yield Button(_("Save changes"), id=f"{self.id}-save", compact=True, variant="primary")
            yield Button(_("Remove"), id=f"{self.id}-remove", compact=True, variant="error")
            yield Button(_("Stop editing"), id=f"{self.id}-stop", compact=True)
            yield Label("", id=f"{self.id}-editing", classes="life-editing")

    def on_mount(self) -> None:
        self.stop_editing(focus=False)

    def on_resize(self) -> None:
        if self.is_mounted and getattr(self.screen, "d", None) is not None:
            self.show(self.screen.d)

    def widths(self) -> list[int]:
        """Each column's width in the table's width: the fixed ones of ``WIDTHS``, the
        others (``None``) share what is left; every cell is cut to its column with "…"."""
        total = (self.size.width or self.app.size.width - 4) - 2 * len(self.WIDTHS) - 1
        fixed = sum(w for w in self.WIDTHS if w)
        flex = [w for w in self.WIDTHS if not w]
        share = max((total - fixed) // max(len(flex), 1), 6)
        return [w or share for w in self.WIDTHS]

    def show(self, d) -> None:
        """The rows of *d*, the highlighted one kept in its place."""
        table = self.table
        at = table.cursor_row
        widths = self.widths()
        table.clear(columns=True)
        for head, width in zip(self.HEADS, widths):
            table.add_column(fit(_(head), width), width=width)
        for n, item in enumerate(self.items(d), 1):
            table.add_row(*(fit(text, width) for text, width in zip(self.cells(n, item), widths)), key=str(n))
        if table.row_count:
            table.move_cursor(row=min(at, table.row_count - 1))
        if self.editing is not None and self.editing > len(self.items(d)):
            self.stop_editing(focus=False)

    def _buttons(self) -> None:
        editing = self.editing is not None
        self.query_one(f"#{self.id}-add").display = not editing
        for name in ("save", "remove", "stop"):
            self.query_one(f"#{self.id}-{name}").display = editing
        note = self.query_one(f"#{self.id}-editing", Label)
        note.update(_("editing row {n}").format(n=self.editing) if editing else "")

    def start_editing(self, n: int) -> None:
        items = self.items(self.screen.d)
        if not 1 <= n <= len(items):
            return
        self.editing = n
        self.fill(items[n - 1])
        self._buttons()
        self.query_one(f"#{self.FIRST}").focus()

    def stop_editing(self, focus: bool = True) -> None:
        """Empty fields for a new row; focus goes to the table (or the first field when
        the table is empty)."""
        self.editing = None
        self.fill(None)
        self._buttons()
        if focus:
            self.focus_first()

    def focus_first(self) -> None:
        if self.table.row_count:
            self.table.focus()
        else:
            self.query_one(f"#{self.FIRST}").focus()

    def submit(self) -> None:
        """Add the row in the fields, or save the one being edited."""
        screen, n = self.screen, self.editing

        def change():
            d = screen.d
            if n is None:
                return self.add(d, self.read(None))
            return self.edit(d, n, self.read(self.items(d)[n - 1]))

        if screen.apply(change):
            if n is None:  # ready for the next one
                self.fill(None)
                self.query_one(f"#{self.FIRST}").focus()
            else:
                self.stop_editing()

    def remove_row(self, n: int | None = None) -> None:
        """Remove row *n* (default: the one being edited, else the highlighted one)."""
        n = n or self.editing or (self.table.cursor_row + 1 if self.table.row_count else None)
        if n is None:
            return
        if self.screen.apply(lambda: self.remove(self.screen.d, n), removed=True):
            self.stop_editing()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.start_editing(event.cursor_row + 1)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        action = (event.button.id or "").rsplit("-", 1)[-1]
        {"add": self.submit, "save": self.submit, "remove": self.remove_row, "stop": self.stop_editing}[action]()

    def value(self, id: str) -> str:
        return nfc(self.query_one(f"#{id}", Input).value).strip()

    def put(self, values: dict[str, str]) -> None:
        for id, text in values.items():
            widget = self.query_one(f"#{id}")
            if isinstance(widget, Select):
                widget.value = text
            else:
                widget.value = text
                widget.cursor_position = len(text)


class RosterPane(ListPane):
    """The people of the delegation: every field of a ``Person``."""

    HEADS = (N_("No."), N_("Full name"), N_("Position and organisation"), N_("Passport"), N_("Role"))
    WIDTHS = (3, None, None, 19, 14)
    FIRST = "p_name"
    ADD = N_("Add to the roster")

    def fields(self) -> ComposeResult:
        w = self.app.wording
        yield row(label(_("Full name")), field("p_name"), label(_("Lao script")), field("p_lao"))
        yield row(label(_("Position and organisation")), field("p_position"), label(_("(lo)")), field("p_position_lo"))
        yield row(label(_("Sex")), ChoiceSelect([("—", ""), (_("Male"), "male"), (_("Female"), "female")], value="", allow_blank=False,
                                          id="p_sex", compact=True, classes="short"),
                  label(_("Born")), field("p_born", _("d/m/yyyy"), "date"),
                  label(_("Role")), ChoiceSelect([(w.role(r), r) for r in ROLES], value="member", allow_blank=False, id="p_role", compact=True))
        yield row(label(_("Passport")), field("p_passport"), label(_("expires")), field("p_expires", _("d/m/yyyy"), "date"))

    def items(self, d) -> tuple:
        return d.roster

    def cells(self, n: int, p: Person) -> tuple:
        w = self.app.wording
        return (str(n), p.name, p.position.get(w.lang), " ".join(x for x in (p.passport, day_text(p.passport_expires)) if x), w.role(p.role))

    def fill(self, p: Person | None) -> None:
        p = p or Person("")
        self.put({"p_name": p.name, "p_lao": p.lao_name, "p_position": p.position.get("vi", fallback=False),
                  "p_position_lo": p.position.get("lo", fallback=False),
                  "p_sex": p.sex.value if p.sex else "", "p_born": day_text(p.born), "p_role": p.role,
                  "p_passport": p.passport, "p_expires": day_text(p.passport_expires)})

    def read(self, old: Person | None) -> Person:
        name = self.value("p_name")
        if not name:
            raise UserError(N_("Every member of the roster needs a name."))
        typed = {"vi": self.value("p_position"), "lo": self.value("p_position_lo")}
        position = old.position.edited(typed) if old else Text.of(typed)
        sex = str(self.query_one("#p_sex", Select).value)
        return Person(name=name, position=position, sex=Sex(sex) if sex else None, born=read_day(self.value("p_born")),
                      passport=self.value("p_passport"), passport_expires=read_day(self.value("p_expires")),
                      lao_name=self.value("p_lao"), role=str(self.query_one("#p_role", Select).value))

    def add(self, d, item):
        return lifecycle.add_person(self.app.planner, d, item)

    def edit(self, d, n, item):
        return lifecycle.edit_person(self.app.planner, d, n, item)

    def remove(self, d, n):
        return lifecycle.remove_person(self.app.planner, d, n)


class ProgrammePane(ListPane):
    """The programme: day, time, activity and place, in Vietnamese and Lao."""

    HEADS = (N_("Day"), N_("Time"), N_("Activity"), N_("Place"))
    WIDTHS = (10, 5, None, None)
    FIRST = "i_day"
    ADD = N_("Add to the programme")

    def fields(self) -> ComposeResult:
        yield row(label(_("Day")), field("i_day", _("d/m/yyyy"), "date"), label(_("Time")), field("i_time", _("hh:mm"), "time"))
        yield row(label(_("Activity (vi)")), field("i_vi"))
        yield row(label(_("Activity (lo)")), field("i_lo"))
        yield row(label(_("Place (vi)")), field("i_place"), label(_("(lo)")), field("i_place_lo"))

    def items(self, d) -> tuple:
        return d.programme

    def cells(self, n: int, item: ProgrammeItem) -> tuple:
        lang = self.app.wording.lang
        return (day_text(item.day), item.time, item.activity.get(lang), item.place.get(lang))

    def fill(self, item: ProgrammeItem | None) -> None:
        act = item.activity.as_dict() if item else {}
        place = item.place.as_dict() if item else {}
        self.put({"i_day": day_text(item.day) if item else "", "i_time": item.time if item else "", "i_vi": act.get("vi", ""),
                  "i_lo": act.get("lo", ""), "i_place": place.get("vi", ""), "i_place_lo": place.get("lo", "")})

    def read(self, old: ProgrammeItem | None) -> ProgrammeItem:
        day = read_day(self.value("i_day"))
        if day is None or not self.value("i_vi"):
            raise UserError(N_("A programme item needs its day and its activity in Vietnamese."))
        activity = (old.activity.as_dict() if old else {}) | {"vi": self.value("i_vi"), "lo": self.value("i_lo")}
        place = (old.place.as_dict() if old else {}) | {"vi": self.value("i_place"), "lo": self.value("i_place_lo")}
        return ProgrammeItem(day, Text.of(activity), self.value("i_time"), Text.of(place))

    def add(self, d, item):
        return lifecycle.add_programme_item(self.app.planner, d, item)

    def edit(self, d, n, item):
        return lifecycle.edit_programme_item(self.app.planner, d, n, item)

    def remove(self, d, n):
        return lifecycle.remove_programme_item(self.app.planner, d, n)

