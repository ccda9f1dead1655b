"""The documents' own texts on the life screen (``life.py``, F5): for the chosen
document (proposal, decision, invitation, programme, roster, report) the main
paragraph that is printed while the officer stores none, and the officer's own
text in vi, lo and en side by side (the outdated translations marked). Saved,
or cleared back to the default, through ``document_texts`` (stored, undoable)."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Select, Static

from ... import document_texts
from ...documents import KINDS, LABELS
from ...domain import Text
from ...forms import LANGS
from ..widgets.choice import ChoiceSelect
from ...i18n import _
from ..widgets.translated import TranslatedField
from .life_lists import label, row


class ClampedText(Static):
    """A text of at most ``LINES`` lines at the widget's width (``#t_default``'s height):
    when more would follow, the last line shown ends in "…" instead of stopping unsaid
    ("Start from the default" puts the whole text in the fields)."""

    LINES = 4

    def __init__(self, **kwargs):
        super().__init__("", **kwargs)
        self.text = RichText()

    def show(self, text: RichText) -> None:
        self.text = text
        self.update(text)

    def render(self):
        width = self.size.width
        if not width:
            return self.text
        lines = self.text.wrap(self.app.console, width)
        if len(lines) <= self.LINES:
            return self.text
        kept = list(lines)[:self.LINES]
        last = kept[-1]
        last.rstrip()
        last.truncate(width - 1)
        last.append("…")
        return RichText("\n").join(kept)


class TextsPane(VerticalScroll):
    """The chosen document's default paragraph and the officer's text replacing it."""

    editing = None  # (no rows to edit: the life screen's keys for a list do not apply)
    shown = ""      # the document whose text the fields hold

    def compose(self) -> ComposeResult:
        yield row(label(_("Document")), ChoiceSelect([(_(LABELS[k]), k) for k in KINDS], value=KINDS[0], id="t_kind",
                                               compact=True, allow_blank=False),
                  Static("", id="t_state", markup=False))
        yield ClampedText(id="t_default")
        yield TranslatedField("t", area=True, id="t_text")
        yield row(Button(_("Save"), id="t-save", compact=True, variant="primary"),
                  Button(_("Start from the default"), id="t-from-default", compact=True),
                  Button(_("Back to the default"), id="t-clear", compact=True))

    # --- showing -----------------------------------------------------------------------
    def kind(self) -> str:
        value = self.query_one("#t_kind", Select).value
        return value if isinstance(value, str) else KINDS[0]

    def defaults(self, d) -> dict[str, str]:
        """The default paragraph of the chosen document in each language ("" when a plugin fails)."""
        out = {}
        for lang in LANGS:
            try:
                out[lang] = document_texts.default_text(self.app.planner, d, self.kind(), lang)
            except Exception:  # noqa: BLE001 - a plugin's wording failing: the default is not shown
                out[lang] = ""
        return out

    def show(self, d) -> None:
        """The chosen document's default and stored text for the delegation *d*."""
        lang = self.app.wording.lang
        stored = d.text_for(self.kind())
        default = self.defaults(d).get(lang if lang in LANGS else "vi", "")
        self.query_one("#t_default", ClampedText).show(RichText.assemble(
            (_("Printed while no text of yours is stored:") + " ", "bold"), (default, "italic")))
        langs = ", ".join(code for code, _v in stored.versions)
        self.query_one("#t_state", Static).update(
            _("Your text is printed ({langs}).").format(langs=langs) if stored else _("The default text is printed."))
        self.query_one("#t_text", TranslatedField).fill(stored)
        self.shown = self.kind()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if not self.is_mounted:
            return
        before, d = self.shown, self.screen.d
        unsaved = before and Text.of(self.query_one("#t_text", TranslatedField).typed()).as_dict() != d.text_for(before).as_dict()
        self.show(d)
        if unsaved:  # said, so that a text typed and not saved is not lost unnoticed
            self.screen.say(_("The text typed for \"{document}\" was not saved.").format(document=_(LABELS[before])), "warning")

    # --- changing ----------------------------------------------------------------------
    def submit(self) -> None:
        """Store the typed text of the chosen document (all versions empty: back to the default)."""
        field = self.query_one("#t_text", TranslatedField)
        self.screen.apply(lambda: document_texts.save_texts(self.app.planner, self.screen.d, self.kind(), field.typed(),
                                                            field.still_correct))

    def clear(self) -> None:
        d = self.screen.d
        if not d.text_for(self.kind()):
            self.screen.say(_("The document already prints its default text."))
            return
        self.screen.apply(lambda: document_texts.clear_text(self.app.planner, d, self.kind()))

    def from_default(self) -> None:
        """Put the default paragraph, in every language, in the fields to edit from (not saved yet)."""
        field = self.query_one("#t_text", TranslatedField)
        for lang, text in self.defaults(self.screen.d).items():
            field.query_one(f"#t_{lang}").load_text(text)
        field.query_one("#t_vi").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"t-save": self.submit, "t-clear": self.clear, "t-from-default": self.from_default}[event.button.id]()

    def focus_first(self) -> None:
        self.query_one("#t_kind", Select).focus()
