"""Translated key bindings: descriptions are message ids, shown in the current language."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from ..i18n import _


def translate_bindings(node: DOMNode) -> None:
    """Replace the binding descriptions of *node* with their translation (call in ``__init__``)."""
    translated = BindingsMap()
    for key, bindings in node._bindings.key_to_bindings.items():
        translated.key_to_bindings[key] = [
            replace(b, description=_(b.description) if b.description else b.description,
                    tooltip=_(b.tooltip) if b.tooltip else b.tooltip)
            for b in bindings
        ]
    node._bindings = translated
