"""The terminal UI application: state shared by the screens, and the plumbing
(language, read-only mode, command palette). Business rules live in the services."""

from __future__ import annotations

import dataclasses
from functools import partial
from typing import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from .. import i18n
from ..errors import ConflictError, LockedError, UserError
from ..i18n import N_, _, describe
from ..services import Filters, Planner
from .faults import explain
from .palette import FoldingCommands, Palette
from .screens.main import MainScreen


PALETTE, PALETTE_TIP = N_("palette"), N_("Open the command palette")
FORM = "delegation-form"  # the name the reused delegation form is installed under
EXPORT = "export"  # and the export screen
FOLLOW_EVERY = 1.0  # seconds between two looks at the file a read-only copy follows


class DelegationsApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "delegations"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = {FoldingCommands}

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
        self.last_parties: tuple = (None, None)  # direction and partner of the last delegation saved from the form
        self.home_code = planner.home().code
        self.wording = planner.wording(lang)
        # A copy that could not take the lock follows the file: it reloads when the
        # editing copy saves, and offers to edit once that copy has closed it.
        self.following = not planner.repo.writable
        self._seen = planner.repo.fingerprint()
        self._offered = False
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
        if self.read_only:
            self.notify(self.read_only, severity="warning", timeout=10, markup=False)
        if self.following:
            self.set_interval(FOLLOW_EVERY, self._follow, name="follow")
        self._plugin_notice()
        if not self.read_only:
            # After the first frames: the check competes with drawing for the interpreter.
            self.set_timer(0.5, lambda: self.run_worker(self._check_every_record, thread=True, exclusive=True, group="verify"))

    def on_descendant_focus(self, event) -> None:
        """On every screen: typing into a filled field edits its text (the cursor goes to
        its end, nothing is selected to be replaced); with ``blink=False`` (pictures and
        tests) every focused cursor stays drawn, so a picture does not depend on when it
        was taken."""
        from textual.widgets import Input
        from textual.widgets.input import Selection

        widget = event.widget
        if isinstance(widget, Input) and widget.select_on_focus:
            widget.select_on_focus = False
            widget.selection = Selection.cursor(len(widget.value))
        if not self.blink and getattr(widget, "cursor_blink", False):
            widget.cursor_blink = False

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
        self.notify("\n".join(lines), title=_("Plugins"), severity=severity, timeout=20, markup=False)

    def _check_every_record(self) -> None:
        # Every record is decoded once before the first save anyway; doing it now,
        # in the background, keeps the first save quick and finds damage early.
        try:
            self.planner.repo.verify()
        except UserError as exc:
            self.call_from_thread(self._went_read_only, describe(exc))

    def _went_read_only(self, reason: str) -> None:
        self.read_only = reason
        self.notify(reason, severity="error", timeout=30, markup=False)
        if isinstance(self.screen, MainScreen):
            self.screen.reload()

    # --- following the file (read-only copy) -----------------------------------
    def banner(self) -> str:
        """One line, under 80 columns, saying that this copy cannot save, and why in short."""
        if not self.read_only:
            return ""
        why = _("another copy is editing this file; its saves show here") if self.following else _("nothing can be saved in this copy")
        return _("READ-ONLY") + " — " + why

    def _main(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    def _follow(self) -> None:
        """Reload when the file changed on disk; offer to edit when its lock is free."""
        if not self.following:
            return
        seen = self.planner.repo.fingerprint()
        if seen != self._seen and seen is not None:
            self._seen = seen
            if self.reload_from_disk(quiet=True):
                self.notify(_("Reloaded: the other copy saved the file."), timeout=3)
        if not self.planner.repo.lock_is_free():
            self._offered = False  # held again: offer once more when it is released
            return
        if not self._offered and isinstance(self.screen, MainScreen):
            from .screens.dialogs import ConfirmScreen

            self._offered = True
            question = _("The other copy has closed the file. Edit it here now?")
            self.push_screen(ConfirmScreen(question, yes=_("Edit here"), no=_("Stay read-only")), self._answer_offer)

    def _answer_offer(self, yes: bool | None) -> None:
        if not yes:
            return
        try:
            self.planner.become_writable()
        except LockedError as exc:
            self.notify(describe(exc), severity="warning", timeout=8, markup=False)  # taken again meanwhile
            return
        except Exception as exc:  # noqa: BLE001 - explained, or raised again
            self.report(exc)
            return
        self.following, self.read_only = False, None
        self._seen = self.planner.repo.fingerprint()
        main = self._main()
        if main is not None:
            main.reload()
        self.notify(_("This copy can edit the file now."), timeout=4)

    def reload_from_disk(self, quiet: bool = False) -> bool:
        """Read the file again (another program wrote it) and redraw; the undo
        history goes (it described the file as it was)."""
        try:
            self.planner.reload()
        except Exception as exc:  # noqa: BLE001 - explained, or raised again
            self.report(exc)
            return False
        self._seen = self.planner.repo.fingerprint()
        if self.plan_id not in {p.id for p in self.planner.plans()}:
            self.plan_id = self.planner.plan().id
        main = self._main()
        if main is not None:
            main.reload(keep=main.query_one("PlanTable").current_id)
        if not quiet:
            self.notify(_("Reloaded from the file."), timeout=3)
        return True

    # --- helpers for the screens ---------------------------------------------
    def replace_filters(self, **changes) -> Filters:
        return dataclasses.replace(self.filters, **changes)

    def report(self, exc: BaseException, doing: str = "", on_reload=None) -> None:
        """Show what went wrong instead of dying; after a conflict with another
        program, offer to reload (then call *on_reload*). A fault of the program
        itself is raised again: it ends the program with a non-zero status."""
        message = explain(exc, self.planner.host, doing)
        if message is None:
            raise exc
        if isinstance(exc, ConflictError):
            from .screens.dialogs import ConfirmScreen

            def answered(yes: bool | None) -> None:
                if yes and self.reload_from_disk() and on_reload is not None:
                    on_reload()

            question = message + "\n\n" + _("Reload the file now? What you typed stays in the form.")
            self.push_screen(ConfirmScreen(question, yes=_("Reload"), no=_("Not now")), answered)
            return
        self.notify(message, severity="error", timeout=10, markup=False)

    def run_change(self, change, doing: str = ""):
        """Run a change through the services; show a refusal or a failure instead of crashing."""
        try:
            return change()
        except Exception as exc:  # noqa: BLE001 - explained, or raised again
            self.report(exc, doing)
            return None

    def open_plan(self, plan_id: str) -> None:
        self.planner.repo.plan(plan_id)  # it exists
        if not self.read_only:
            # Remembered for next time; a failure to write that is said, and the plan still opens.
            self.run_change(lambda: self.planner.open_plan(plan_id))
        self.plan_id = plan_id
        self.filters = Filters()

    def delegation_form(self, delegation, *, is_new: bool):
        """The delegation form showing *delegation*: built once per language and
        reused, so that opening it costs filling its fields, not building ~200 widgets."""
        from .screens.form import DelegationForm

        form = self._installed_screens.get(FORM)
        if isinstance(form, DelegationForm):
            return form.load(delegation, is_new=is_new)
        form = DelegationForm(delegation, is_new=is_new)
        self.install_screen(form, FORM)
        return form

    def reused(self, name: str, build):
        """The screen installed as *name*, built by *build* the first time (per language)."""
        screen = self._installed_screens.get(name)
        if not isinstance(screen, Screen):
            screen = build()
            self.install_screen(screen, name)
        return screen

    def _forget_form(self) -> None:
        for name in (FORM, EXPORT, "plans", "plan-header"):  # their labels are in the old language
            if name in self._installed_screens and not any(s is self._installed_screens[name] for s in self.screen_stack):
                self.uninstall_screen(name)

    def switch_language(self, lang: str) -> None:
        """Show the interface in *lang* from now on (remembered in the database)."""
        self._forget_form()  # its labels are in the old language
        i18n.set_language(lang)
        self.lang = lang
        self.wording = self.planner.wording(lang)
        self._label_palette()
        if not self.read_only:
            self.run_change(lambda: self.planner.repo.set_setting("language", lang))
        self.switch_screen(MainScreen())
        self.notify(_("Language: {lang}").format(lang=lang), timeout=2)

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """A notice: on the screen's own message line when it has one (see ``notices``), else a toast."""
        from .notices import said_on_screen

        if not said_on_screen(self, message, title=title, severity=severity, markup=markup):
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # --- command palette -------------------------------------------------------
    def action_command_palette(self) -> None:
        """Textual's palette, with its placeholder and messages translated."""
        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        main = next((s for s in reversed(self.screen_stack) if isinstance(s, MainScreen)), None)
        if main is not None and screen is main:
            seen = set()
            for key, bindings in main._bindings.key_to_bindings.items():
                for b in bindings:
                    if b.action in seen or b.action == "app.quit" or key.startswith("super+"):
                        continue
                    seen.add(b.action)
                    yield SystemCommand(b.description, _("Key") + ": " + self.get_key_display(b), partial(main.run_action, b.action))
            from .screens.rates import open_rates
            yield SystemCommand(_("Rates and exchange rates"), _("Rate tables and exchange rates of the budget"), partial(open_rates, self))
        yield SystemCommand(_("Quit"), _("Leave the program (everything is already saved)"), self.action_quit)
