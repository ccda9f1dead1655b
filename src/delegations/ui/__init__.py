"""The Textual terminal UI. ``run()`` opens the database and starts the app."""

from __future__ import annotations

from pathlib import Path

from .. import i18n
from ..errors import LockedError, NotWritableError
from ..i18n import N_, _, describe
from ..services import Planner
from .widgets import tick  # noqa: F401 - every checkbox shows an empty box when unticked


def open_planner(db: Path | None) -> tuple[Planner, str | None]:
    """Open for editing, or read-only with the reason when another copy holds the lock
    or this user cannot write the file or its folder."""
    try:
        return Planner.open(db, writable=True), None
    except LockedError as exc:  # said as what this copy does, not as advice to open it read-only
        return Planner.open(db, writable=False), _(FOLLOWING).format(path=exc.params.get("path", ""))
    except NotWritableError as exc:
        return Planner.open(db, writable=False), describe(exc)


FOLLOWING = N_("Another copy of the program (an open window, or a command still running) is editing {path}: "
               "this copy opened it read-only, shows that copy's saves and offers to edit when it closes.")


def run(db: Path | None = None, lang: str | None = None) -> int:
    """Run the UI; return its exit status: 0, or 1 when the program itself failed
    (Textual has then printed the traceback)."""
    from .app import DelegationsApp

    planner, read_only = open_planner(db)
    with planner:
        lang = lang or i18n.explicit_environment_language() or planner.repo.setting("language") or i18n.DEFAULT_LANGUAGE
        i18n.set_language(lang)
        app = DelegationsApp(planner, read_only=read_only, lang=lang)
        app.run()
    return app.return_code or 0
