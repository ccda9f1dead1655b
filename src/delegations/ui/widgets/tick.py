"""Checkboxes that show their state by their shape, not only by colour.

Textual draws a checkbox as ``▐X▌`` ticked and unticked alike (only the colour of the
X differs), which a monochrome terminal, a printed picture or a colour-blind officer
cannot tell apart. ``BUTTON_INNER`` is the class attribute Textual reads for the mark;
here it follows the box's value: ``X`` ticked, a blank unticked. Imported once by the
UI package, so every screen's checkboxes show it."""

from __future__ import annotations

from textual.widgets import Checkbox

TICKED, UNTICKED = "X", " "


def _inner(box: Checkbox) -> str:
    return TICKED if box.value else UNTICKED


Checkbox.BUTTON_INNER = property(_inner)  # type: ignore[assignment]
