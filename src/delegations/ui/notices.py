"""Notices that never cover a form's fields.

A screen with a message line of its own (the delegation form, the export and the
rates screens) defines ``say_notice(message, severity)``; the app's ``notify``
hands notices to it instead of laying a toast over the fields at 80x24. A screen
with ``ONE_NOTICE = True`` (the main screen) shows one toast at a time, the last."""

from __future__ import annotations

from rich.text import Text


def said_on_screen(app, message: str, *, title: str = "", severity: str = "information", markup: bool = True) -> bool:
    """Say *message* on the current screen's own line if it has one; ``False`` when
    it has none (the notice is then a toast)."""
    say = getattr(app.screen, "say_notice", None)
    if say is None:
        if getattr(app.screen, "ONE_NOTICE", False):
            app.clear_notifications()  # a message replaces the previous one: they never stack
        return False
    plain = Text.from_markup(message).plain if markup else message
    say(f"{title}: {plain}" if title else plain, severity)
    return True
