"""The plan header's lists as rows: basis documents and recipients ("Nơi nhận"),
each row's parts in inputs of their own, each text in every language; a row is
added with a button under the list and removed with the button beside it."""

from __future__ import annotations

from itertools import count

from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from ...domain import BasisDocument, Text, is_archive
from ...forms import BasisFields, RecipientFields
from ...i18n import _
from .translated import TranslatedField

_serials = count(1)  # ids stay unique while a removed row is still leaving the screen

BASIS_PARTS = ("verb", "kind", "issuer", "subject")


def _part(label: str, widget):
    """A part's label and its input, in the two columns of the row's grid."""
    yield Label(label, classes="part-label")
    yield widget


class ListRow(Vertical):
    """One row of a list: its number and a remove button on the left, its parts on the right."""

    TITLE = ""
    FIELDS_CLASS = ""

    def __init__(self, origin: int | None, **kwargs):
        super().__init__(classes="list-row", **kwargs)
        self.origin = origin  # the index of the item it was filled from; None: added
        self.serial = next(_serials)
        self.removed = False
        self.n = 0  # its number in the list, as shown

    def refill(self, origin: int | None, item) -> None:
        """Show *item* (the list's item number *origin*) in this row, built for another."""
        raise NotImplementedError

    def compose(self):
        with Horizontal(classes="row"):
            with Vertical(classes="label"):
                yield Label(self.TITLE.format(n=self.n) if self.n else "", classes="row-number")
                yield Button("− " + _("Remove"), classes="remove-row", compact=True)
            with Vertical(classes=f"fields {self.FIELDS_CLASS}"):
                yield from self.parts()

    def parts(self):
        yield from ()

    def number(self, n: int) -> None:
        if n != self.n:
            self.n = n
            if self.is_mounted:  # else shown when it is composed
                self.query_one(".row-number", Label).update(self.TITLE.format(n=n))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if "remove-row" in event.button.classes:
            event.stop()
            rows = self.parent
            self.removed = True
            self.remove()
            if isinstance(rows, RowList):
                rows.call_after_refresh(rows.renumber)


class BasisRow(ListRow):
    """A basis document: verb, kind, number, date, issuer and subject."""

    FIELDS_CLASS = "parts"

    def __init__(self, origin: int | None, doc: BasisDocument | None = None, **kwargs):
        super().__init__(origin, **kwargs)
        self.doc = doc or BasisDocument(Text(), Text())
        self.TITLE = _("Document {n}")

    def parts(self):
        p = f"basis{self.serial}"
        labels = {"verb": _("Verb"), "kind": _("Kind"), "issuer": _("Issuer"), "subject": _("Subject")}
        for name in ("verb", "kind"):
            yield from _part(labels[name], TranslatedField(f"{p}-{name}", classes=f"basis-{name}"))
        yield from _part(_("Number"), Input(self.doc.number, id=f"{p}-number", classes="basis-number", compact=True))
        yield from _part(_("Date"), Input(self.doc.issued.strftime("%d/%m/%Y") if self.doc.issued else "", placeholder="16/9/2019",
                                          id=f"{p}-issued", classes="basis-issued", compact=True))
        for name in ("issuer", "subject"):
            yield from _part(labels[name], TranslatedField(f"{p}-{name}", classes=f"basis-{name}"))

    def on_mount(self) -> None:
        self._fill()

    def refill(self, origin: int | None, doc: BasisDocument | None) -> None:
        self.origin, self.doc = origin, doc or BasisDocument(Text(), Text())
        self._fill()
        for name, text in (("number", self.doc.number), ("issued", self.doc.issued.strftime("%d/%m/%Y") if self.doc.issued else "")):
            box = self.query_one(f".basis-{name}", Input)
            with box.prevent(Input.Changed):
                box.value = text
            box.cursor_position = len(text)

    def _fill(self) -> None:
        for name in BASIS_PARTS:
            self.query_one(f".basis-{name}", TranslatedField).fill(getattr(self.doc, name))

    def fields(self) -> BasisFields:
        tf = {name: self.query_one(f".basis-{name}", TranslatedField) for name in BASIS_PARTS}
        return BasisFields(tf["verb"].typed(), tf["kind"].typed(), self.query_one(".basis-number", Input).value,
                           self.query_one(".basis-issued", Input).value, tf["issuer"].typed(), tf["subject"].typed(), self.origin)

    def still_correct(self) -> dict[str, tuple[str, ...]]:
        return {f"basis-{self.origin}-{name}": tuple(self.query_one(f".basis-{name}", TranslatedField).still_correct)
                for name in BASIS_PARTS}


class RecipientRow(ListRow):
    """A "Nơi nhận" line in each language."""

    def __init__(self, origin: int | None, text: Text | None = None, **kwargs):
        super().__init__(origin, **kwargs)
        self.text = text or Text()
        self.TITLE = _("Recipient {n}")

    def parts(self):
        yield TranslatedField(f"recipient{self.serial}", classes="recipient")

    def on_mount(self) -> None:
        self.query_one(".recipient", TranslatedField).fill(self.text)

    def refill(self, origin: int | None, text: Text | None) -> None:
        self.origin, self.text = origin, text or Text()
        self.query_one(".recipient", TranslatedField).fill(self.text)

    def fields(self) -> RecipientFields:
        return RecipientFields(self.query_one(".recipient", TranslatedField).typed(), self.origin)

    def still_correct(self) -> dict[str, tuple[str, ...]]:
        return {f"recipients-{self.origin}": tuple(self.query_one(".recipient", TranslatedField).still_correct)}


class RowList(Vertical):
    """A heading, the rows, and a button that adds an empty row at the end."""

    def __init__(self, heading: str, add: str, rows: list[ListRow], error: str | None = None, **kwargs):
        super().__init__(classes="row-list", **kwargs)
        self.heading, self.add_label, self.rows, self.error = heading, add, rows, error

    def compose(self):
        yield Label(self.heading, classes="list-heading")
        if self.error:
            yield Static("", id=f"err-{self.error}", classes="error", markup=False)
        yield from self.rows
        yield Button("+ " + self.add_label, classes="add-row", compact=True)

    def on_mount(self) -> None:
        self.renumber()

    def new_row(self, origin: int | None = None, item=None) -> ListRow:
        raise NotImplementedError

    async def refill(self, items) -> None:
        """Show *items* (the rows' widgets reused; rows added or removed only when
        their number changed), no error shown."""
        rows = self.items()
        for origin, (row, item) in enumerate(zip(rows, items)):
            row.refill(origin, item)
        if len(rows) > len(items):
            gone = rows[len(items):]
            for row in gone:
                row.removed = True
            await self.remove_children(gone)
        elif len(items) > len(rows):
            added = [self.new_row(origin, items[origin]) for origin in range(len(rows), len(items))]
            await self.mount_all(added, before=self.query_one(".add-row"))
            if not self.app.blink:
                for box in (box for row in added for box in row.query(Input)):
                    box.cursor_blink = False
        self.renumber()
        if self.error:
            self.query_one(f"#err-{self.error}", Static).display = False  # its text is replaced when it is shown again

    def place_for_new(self):
        """The widget a new row goes before: the add button (after the last row)."""
        return self.query_one(".add-row")

    def items(self) -> list[ListRow]:
        return [row for row in self.query(ListRow) if row.parent is self and not row.removed]

    def renumber(self) -> None:
        for n, row in enumerate(self.items(), start=1):
            row.number(n)

    async def add(self) -> ListRow:
        row = self.new_row()
        await self.mount(row, before=self.place_for_new())
        self.renumber()
        if not self.app.blink:
            for box in row.query(Input):
                box.cursor_blink = False
        row.query(Input).first().focus()
        return row

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if "add-row" in event.button.classes:
            event.stop()
            await self.add()

    def still_correct(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, tuple[str, ...]] = {}
        for row in self.items():
            if row.origin is not None:
                found.update(row.still_correct())
        return found


class BasisRows(RowList):
    def new_row(self, origin: int | None = None, item=None) -> ListRow:
        return BasisRow(origin, item)

    def fields(self) -> list[BasisFields]:
        return [row.fields() for row in self.items()]


class RecipientRows(RowList):
    def new_row(self, origin: int | None = None, item=None) -> ListRow:
        return RecipientRow(origin, item)

    def place_for_new(self):
        """Before the archive line ("Lưu: …"), which stays last; else after the last row."""
        archive = [row for row in self.items() if is_archive(Text.of(row.fields().text))]
        return archive[0] if archive else super().place_for_new()

    def fields(self) -> list[RecipientFields]:
        return [row.fields() for row in self.items()]
