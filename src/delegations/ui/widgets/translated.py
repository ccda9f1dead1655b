"""A text typed in every language side by side: one line per language (vi, lo, en)
under the field's label, each translation marked "⚠ outdated" while it was made
from another Vietnamese than the one in the form."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static, TextArea

from ...domain import Text
from ...forms import LANGS, edit_lines
from ...i18n import N_, _
from .shown import show_text


class TranslatedField(Vertical):
    """The versions of one text (or, ``multiline``, of a list of texts, one per line)
    in an input per language; ids ``{prefix}_{lang}``. ``fill`` shows texts and
    remembers them as the base the marks compare with; ``typed`` reads them back;
    ``still_correct`` holds the translations the officer declared current (Ctrl+T)."""

    DEFAULT_CSS = """
    TranslatedField { height: auto; width: 1fr; }
    TranslatedField.lines { layout: grid; grid-size: 3 3; grid-columns: 3 1fr auto; grid-rows: 1; }
    TranslatedField .langs { row-span: 3; height: 3; color: $text-muted; }
    TranslatedField .lang-line { height: auto; }
    TranslatedField Input { width: 1fr; }
    TranslatedField TextArea { width: 1fr; height: 3; }
    TranslatedField .stale { width: auto; color: $warning; text-style: bold; }
    TranslatedField .lang-line .stale { margin-left: 1; display: none; }
    TranslatedField .marks { row-span: 3; height: 3; }
    """
    BINDINGS = [Binding("ctrl+t", "still_correct", N_("Translation still correct"))]

    def __init__(self, prefix: str, *, multiline: bool = False, area: bool = False, placeholder: str = "", **kwargs):
        super().__init__(**kwargs)
        self.prefix, self.multiline, self.placeholder = prefix, multiline, placeholder
        self.area = area or multiline  # a text area: one text of several lines (``area``) or a text per line
        self.base: tuple[Text, ...] = ()
        self.still_correct: set[str] = set()
        self.marked: set[str] = set()  # the languages shown outdated

    def compose(self):
        if not self.area:  # one line per language: codes, inputs and marks in a grid of three columns (few widgets)
            self.add_class("lines")
            yield Static("\n".join(LANGS), classes="langs")
            for lang in LANGS:
                yield Input(placeholder=self.placeholder if lang == "vi" else "", id=f"{self.prefix}_{lang}", compact=True)
                if lang == "vi":
                    yield Static("", id=f"{self.prefix}-stale", classes="stale marks", markup=False)
            return
        for lang in LANGS:
            with Horizontal(classes="lang-line"):
                yield Label(lang, classes="lang")
                yield TextArea(id=f"{self.prefix}_{lang}", compact=True, soft_wrap=True)
                yield Static("", id=f"{self.prefix}_{lang}-stale", classes="stale", markup=False)

    def _box(self, lang: str):
        return self.query_one(f"#{self.prefix}_{lang}")

    def fill(self, base: "Text | tuple[Text, ...]") -> None:
        """Show *base* (a text, or the texts of a list) and compare with it from now on."""
        self.base = (base,) if isinstance(base, Text) else tuple(base)
        self.still_correct = set()
        with self.prevent(Input.Changed, TextArea.Changed):
            for lang in LANGS:
                box = self._box(lang)
                if self.area:
                    box.load_text("\n".join(t.get(lang, fallback=False) for t in self.base if t.get(lang, fallback=False)))
                else:
                    box.value = self.base[0].get(lang, fallback=False) if self.base else ""
                    box.cursor_position = len(box.value)
        self.show_marks()

    def typed(self) -> dict[str, str]:
        return {lang: (self._box(lang).text if self.area else self._box(lang).value) for lang in LANGS}

    def lines(self) -> dict[str, list[str]]:
        return {lang: text.splitlines() for lang, text in self.typed().items()}

    def outdated(self) -> set[str]:
        """The translations that would be saved as made from an earlier Vietnamese."""
        if self.multiline:
            texts = edit_lines(self.base, self.lines())
        else:
            texts = ((self.base[0] if self.base else Text()).edited(self.typed()),)
        return {lang for t in texts for lang in t.outdated()} - self.still_correct

    def show_marks(self) -> None:
        self.marked = self.outdated()
        mark = "⚠ " + _("outdated")
        # A Static's update lays the screen out again: only a mark that changes is updated
        # (at each opening of a reused form most marks stay as they were).
        if self.area:
            for lang in LANGS:
                box = self.query_one(f"#{self.prefix}_{lang}-stale", Static)
                show_text(box, mark)
                box.display = lang in self.marked
            return
        box = self.query_one(f"#{self.prefix}-stale", Static)  # always placed (the grid's third column), empty when current
        show_text(box, "\n".join(" " + mark if lang in self.marked else "" for lang in LANGS) if self.marked else "")

    def _typed_in(self, event) -> None:
        widget = event.input if isinstance(event, Input.Changed) else event.text_area
        if widget.id == f"{self.prefix}_vi":
            self.still_correct = set()  # declared correct for another Vietnamese
        self.show_marks()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._typed_in(event)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._typed_in(event)

    def action_still_correct(self) -> None:
        """The focused translation is right for the Vietnamese as it is now."""
        focused = self.screen.focused
        lang = (focused.id or "").removeprefix(f"{self.prefix}_") if focused is not None else ""
        if lang in LANGS and lang != "vi" and lang in self.outdated():
            self.still_correct.add(lang)
            self.show_marks()

