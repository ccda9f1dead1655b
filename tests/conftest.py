from __future__ import annotations

from pathlib import Path

import pytest

from delegations import i18n
from delegations.plugins import build_plugin_host
from delegations.services import Planner

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch):
    for var in ("DELEGATIONS_DB", "DELEGATIONS_PLUGINS", "DELEGATIONS_DISABLE_PLUGINS", "DELEGATIONS_PLUGINS_PATH", "DELEGATIONS_LANG", "LANGUAGE", "DELEGATIONS_HOME"):
        monkeypatch.delenv(var, raising=False)
    i18n.set_language("vi")
    yield
    i18n.set_language("vi")


@pytest.fixture(scope="session")
def host():
    return build_plugin_host(plugin_dirs=[], entry_points=False)  # built-in and shipped plugins


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "delegations.json"


@pytest.fixture
def planner(db_path, host):
    with Planner.open(db_path, host=host) as p:
        yield p


@pytest.fixture
def make_app(db_path, host):
    """Build the UI on the test database: ``make_app(host=…, writable=…, **app options)``;
    every planner opened is closed afterwards."""
    from delegations.ui.app import DelegationsApp

    opened = []

    def make(host=host, **kwargs):
        planner = Planner.open(db_path, host=host, writable=kwargs.pop("writable", True))
        opened.append(planner)
        return DelegationsApp(planner, blink=False, **kwargs)

    yield make
    for p in opened:
        p.close()
