"""Where things live: the database, the officer's plugins, exports, the program's own files.

One home for the officer's data, the same from every folder:

- ``$DELEGATIONS_HOME`` set: ``data/delegations.json``, ``plugins/`` and ``exports/`` under it;
- else, run from a source checkout (``src/delegations`` next to ``pyproject.toml`` and
  ``plugins/``): the same three folders of the checkout, as during development;
- else (an installed program): the user's standard places (platformdirs) — the database in
  the user data folder, the plugins in the user config folder, exports in
  ``Documents/delegations``.

``--db`` and ``$DELEGATIONS_DB`` name the database file; ``export --output`` the folder.
``locations()`` says which path is used for what and where each choice came from
(``delegations where``, the UI's plugins screen).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP = "delegations"
ENV_HOME = "DELEGATIONS_HOME"
ENV_DB = "DELEGATIONS_DB"
ENV_PLUGIN_DIRS = "DELEGATIONS_PLUGINS_PATH"

# Where a path came from (shown by ``delegations where``; translated there).
FROM_OPTION, FROM_ENV, FROM_CHECKOUT, FROM_DEFAULT, FROM_PACKAGE, FROM_DATABASE = (
    "option", "env", "checkout", "default", "package", "database")


def package_dir() -> Path:
    """The installed package: fonts, catalogs, rate tables, the seed plan, the plugin guide."""
    return Path(__file__).resolve().parent


def checkout_root() -> Path | None:
    """The source checkout this package runs from (an editable install), if any."""
    root = package_dir().parents[1]
    if (root / "pyproject.toml").is_file() and (root / "plugins").is_dir() and (root / "src" / APP) == package_dir():
        return root
    return None


def _home() -> tuple[Path, str] | None:
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve(), FROM_ENV
    checkout = checkout_root()
    if checkout is not None:
        return checkout, FROM_CHECKOUT
    return None


def project_root() -> Path | None:
    """``$DELEGATIONS_HOME`` or the source checkout; ``None`` for an installed program."""
    home = _home()
    return home[0] if home else None


def _dirs():
    import platformdirs

    return platformdirs.PlatformDirs(APP, appauthor=False)


def db_location(option: Path | None = None) -> tuple[Path, str, str | None]:
    """The database file, where the choice came from, and the variable or option that made it."""
    if option is not None:
        return Path(option).expanduser(), FROM_OPTION, "--db"
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser(), FROM_ENV, ENV_DB
    home = _home()
    if home:
        return home[0] / "data" / "delegations.json", home[1], ENV_HOME if home[1] == FROM_ENV else None
    return Path(_dirs().user_data_dir) / "delegations.json", FROM_DEFAULT, None


def default_db_path() -> Path:
    return db_location()[0]


def plugins_location() -> tuple[Path, str, str | None]:
    home = _home()
    if home:
        return home[0] / "plugins", home[1], ENV_HOME if home[1] == FROM_ENV else None
    return Path(_dirs().user_config_dir) / "plugins", FROM_DEFAULT, None


def plugins_dir() -> Path:
    """The officer's own one-file plugins (``partner new`` writes here)."""
    return plugins_location()[0]


def extra_plugin_dirs() -> list[Path]:
    raw = os.environ.get(ENV_PLUGIN_DIRS, "")
    return [Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip()]


def exports_location() -> tuple[Path, str, str | None]:
    home = _home()
    if home:
        return home[0] / "exports", home[1], ENV_HOME if home[1] == FROM_ENV else None
    return Path(_dirs().user_documents_dir) / APP, FROM_DEFAULT, None


def exports_dir() -> Path:
    return exports_location()[0]


def lock_path(db: Path) -> Path:
    """The lock of a database: next to its real file, so every name of it shares one lock."""
    real = Path(os.path.realpath(db))
    return real.with_name(real.name + ".lock")


@dataclass(frozen=True)
class Location:
    """One path the program uses: what for (``key``), where, and where the choice came from."""

    key: str
    path: Path
    origin: str
    via: str | None = None

    @property
    def exists(self) -> bool:
        return self.path.exists()


def locations(db: Path | None = None, output: Path | None = None) -> list[Location]:
    """Every path in use, with its origin: what ``delegations where`` prints."""
    db_path, origin, via = db_location(db)
    found = [Location("database", db_path, origin, via)]
    real = Path(os.path.realpath(db_path))
    if real != db_path.absolute():
        found.append(Location("database_target", real, origin, via))
    found.append(Location("lock", lock_path(db_path), origin, via))
    found.append(Location("settings", db_path, FROM_DATABASE))
    found.append(Location("plugins", *plugins_location()))
    found += [Location("plugins_extra", p, FROM_ENV, ENV_PLUGIN_DIRS) for p in extra_plugin_dirs()]
    pkg = package_dir()
    found.append(Location("plugins_shipped", pkg / "partners", FROM_PACKAGE))
    found.append(Location("exports", Path(output).expanduser(), FROM_OPTION, "--output") if output is not None else Location("exports", *exports_location()))
    for key, sub in (("package", ""), ("fonts", "fonts"), ("catalogs", "i18n/locales"), ("rate_tables", "data/rates"),
                     ("seed", "data/default.json"), ("plugin_guide", "docs/plugins.md")):
        found.append(Location(key, pkg / sub if sub else pkg, FROM_PACKAGE))
    return found
