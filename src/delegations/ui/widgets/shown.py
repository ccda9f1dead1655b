"""Updating a text widget only when its text changes: each ``Static.update`` lays the
whole screen out again, which is most of the cost of reopening a reused form."""

from __future__ import annotations

from textual.widgets import Static


def show_text(box: Static, text, *, layout: bool = True) -> None:
    """Put *text* in *box* unless it already shows it. ``layout=False`` for a box of
    fixed size (its text cannot change the layout)."""
    if getattr(box, "_shown_text", None) != text:
        box.update(text, layout=layout)
        box._shown_text = text
