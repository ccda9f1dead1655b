"""The terminal UI application: state shared by the screens, and the plumbing
(language, read-only mode, command palette). Business rules live in the services."""

from __future__ import annotations

import dataclasses
from functools import partial
from typing import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from .. import i18n
from ..errors import UserError
from ..i18n import N_, _, describe
from ..services import Filters, Planner
from .screens.main import MainScreen


PALETTE, PALETTE_TIP = N_("palette"), N_("Open the command palette")


class DelegationsApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "delegations"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, planner: Planner, *, read_only: str | None = None, lang: str = "vi", blink: bool = True):
        super().__init__()
        self.planner = planner
        self.read_only = read_only or (None if planner.repo.writable else _("opened read-only"))
        self.lang = lang
        self.blink = blink
        self.plan_id = planner.plan().id
        self.filters = Filters()
        self.order = "seq"
        self.descending = False
        self.home_code = planner.home().code
        self.wording = planner.wording(lang)
        self._label_palette()

    def _label_palette(self) -> None:
        """Textual's own command-palette key, labelled in the current language."""
        for key, bindings in self._bindings.key_to_bindings.items():
            self._bindings.key_to_bindings[key] = [
                dataclasses.replace(b, description=_(PALETTE), tooltip=_(PALETTE_TIP)) if b.action == "command_palette" else b
                for b in bindings
            ]

    def on_mount(self) -> None:
        self.push_screen(MainScreen())
        self._plugin_notice()
        if not self.read_only:
            # After the first frames: the check competes with drawing for the interpreter.
            self.set_timer(0.5, lambda: self.run_worker(self._check_every_record, thread=True, exclusive=True, group="verify"))

    def _plugin_notice(self) -> None:
        """Plugin failures, conflicts and slow plugins, at start, in one notice."""
        from ..plugin_report import notices

        found = notices(self.planner.host)
        if not found:
            return
        lines = [text for _severity, text in found[:5]]
        if len(found) > 5:
            lines.append(_("…and {n} more.").format(n=len(found) - 5))
        lines.append(_("Press g for the plugins screen."))
        severity = "error" if any(s == "error" for s, _text in found) else "warning"
        self.notify("\n".join(lines), title=_("Plugins"), severity=severity, timeout=20)

    def _check_every_record(self) -> None:
        # Every record is decoded once before the first save anyway; doing it now,
        # in the background, keeps the first save quick and finds damage early.
        try:
            self.planner.repo.verify()
        except UserError as exc:
            self.call_from_thread(self._went_read_only, describe(exc))

    def _went_read_only(self, reason: str) -> None:
        self.read_only = reason
        self.notify(reason, severity="error", timeout=30)
        if isinstance(self.screen, MainScreen):
            self.screen.reload()

    # --- helpers for the screens ---------------------------------------------
    def replace_filters(self, **changes) -> Filters:
        return dataclasses.replace(self.filters, **changes)

    def run_change(self, change):
        """Run a change through the services; show a refusal instead of crashing."""
        try:
            return change()
        except UserError as exc:
            self.notify(describe(exc), severity="error", timeout=8)
            return None

    def open_plan(self, plan_id: str) -> None:
        if self.read_only:
            self.planner.repo.plan(plan_id)  # only check that it exists: nothing is remembered
        else:
            self.planner.open_plan(plan_id)
        self.plan_id = plan_id
        self.filters = Filters()

    def switch_language(self, lang: str) -> None:
        """Show the interface in *lang* from now on (remembered in the database)."""
        i18n.set_language(lang)
        self.lang = lang
        self.wording = self.planner.wording(lang)
        self._label_palette()
        if not self.read_only:
            self.run_change(lambda: self.planner.repo.set_setting("language", lang))
        self.switch_screen(MainScreen())
        self.notify(_("Language: {lang}").format(lang=lang), timeout=2)

    # --- command palette -------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        main = next((s for s in reversed(self.screen_stack) if isinstance(s, MainScreen)), None)
        if main is not None and screen is main:
            seen = set()
            for bindings in main._bindings.key_to_bindings.values():
                for b in bindings:
                    if b.action in seen or b.action == "app.quit":
                        continue
                    seen.add(b.action)
                    yield SystemCommand(b.description, _("Key") + ": " + (b.key_display or b.key), partial(main.run_action, b.action))
        yield SystemCommand(_("Quit"), _("Leave the program (everything is already saved)"), self.action_quit)
