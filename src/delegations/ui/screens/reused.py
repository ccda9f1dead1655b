"""A screen built once per language and shown again at each opening (refilled, not
rebuilt): the delegation form, the plan header, the export and plans screens."""

from __future__ import annotations

from textual import events
from textual.screen import ModalScreen


class ReusedScreen(ModalScreen):
    """Reopened, its widgets keep the styles they had while it was hidden (focus and
    hover restyle the widgets they concern; rows added since were styled when mounted);
    restyling all of them again was most of the cost of opening it. A new theme
    restyles everything."""

    _styled_for = None

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._styled_for == self.app.theme:
            event.refresh_styles = False
        self._styled_for = self.app.theme
        super()._on_screen_resume(event)
