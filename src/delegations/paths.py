"""Where things live: the project folder, the database, plugins, exports.

The project folder is ``$DELEGATIONS_HOME`` if set; otherwise the source
checkout this package runs from (it has ``pyproject.toml`` and ``plugins/``);
otherwise the current folder.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_HOME = "DELEGATIONS_HOME"
ENV_DB = "DELEGATIONS_DB"
ENV_PLUGIN_DIRS = "DELEGATIONS_PLUGINS_PATH"


def project_root() -> Path:
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "plugins").is_dir():
        return checkout
    return Path.cwd()


def default_db_path() -> Path:
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return project_root() / "data" / "delegations.json"


def plugins_dir() -> Path:
    return project_root() / "plugins"


def extra_plugin_dirs() -> list[Path]:
    raw = os.environ.get(ENV_PLUGIN_DIRS, "")
    return [Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip()]


def exports_dir() -> Path:
    return project_root() / "exports"
