"""Every path the program uses and where each came from, in the user's language:
``delegations where`` and the UI's plugins screen."""

from __future__ import annotations

from pathlib import Path

from . import paths
from .i18n import N_, _

LABELS = {
    "database": N_("database"),
    "database_target": N_("database (real file)"),
    "lock": N_("lock"),
    "settings": N_("settings (language, last plan)"),
    "plugins": N_("your plugins"),
    "plugins_extra": N_("more plugins"),
    "plugins_shipped": N_("shipped partner plugins"),
    "exports": N_("exports"),
    "package": N_("program files"),
    "fonts": N_("fonts"),
    "catalogs": N_("translations"),
    "rate_tables": N_("rate tables"),
    "seed": N_("shipped plan"),
    "plugin_guide": N_("plugin guide"),
}

ORIGINS = {
    paths.FROM_OPTION: N_("option {via}"),
    paths.FROM_ENV: N_("environment variable {via}"),
    paths.FROM_CHECKOUT: N_("the source checkout"),
    paths.FROM_DEFAULT: N_("default: the user's standard folder"),
    paths.FROM_PACKAGE: N_("the program's package"),
    paths.FROM_DATABASE: N_("kept in the database"),
}


def rows(db: Path | None = None, output: Path | None = None) -> list[dict]:
    """One dict per path: key, label, path, origin (in words), via, exists."""
    found = []
    for loc in paths.locations(db, output):
        origin = _(ORIGINS[loc.origin]).format(via=loc.via or "")
        found.append({"key": loc.key, "label": _(LABELS[loc.key]), "path": str(loc.path), "origin": origin,
                      "via": loc.via, "exists": loc.exists})
    return found


def lines_for_open(db_open: Path) -> list[tuple[str, str, str]]:
    """``lines`` for a database already open: its origin is the default or the
    environment when it is the file they name, else it was given as ``--db``."""
    return lines(None if Path(db_open) == paths.default_db_path() else Path(db_open))


def lines(db: Path | None = None, output: Path | None = None) -> list[tuple[str, str, str]]:
    """(label, path, origin) for showing; a path not there yet says so."""
    return [(r["label"], r["path"], r["origin"] + ("" if r["exists"] else "; " + _("not created yet"))) for r in rows(db, output)]
