"""Helpers for testing a plugin with pytest (or any test runner).

``planner_with`` builds the program's planner with your plugin, the built-in
plugins and a temporary database holding the sample plan, away from the
officer's own plugins folder, installed packages and database::

    from delegations.testing import planner_with
    import my_plugin

    def test_my_partner_is_known():
        with planner_with(my_plugin) as planner:
            assert "champasak" in planner.registry.partners

    def test_export(tmp_path):
        with planner_with("plugins/csv_table.py") as planner:
            path = export(planner, "csv", tmp_path)
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

__all__ = ["PluginProblem", "planner_with", "export"]

_ENV = ("DELEGATIONS_PLUGINS", "DELEGATIONS_DISABLE_PLUGINS", "DELEGATIONS_PLUGINS_PATH", "DELEGATIONS_DB")


class PluginProblem(AssertionError):
    """The plugin under test failed to load or register, or conflicts with another."""


@contextmanager
def _without_env() -> Iterator[None]:
    saved = {k: os.environ.pop(k) for k in _ENV if k in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


@contextmanager
def planner_with(*plugins: Any, db: str | Path | None = None, shipped: bool = True, strict: bool = True,
                 lang: str = "vi") -> Iterator[Any]:
    """A ``Planner`` with *plugins* loaded after the built-in ones.

    Each plugin is a module or object with hook functions, or the path of a
    one-file plugin (``.py``) or of a folder of them. *db* defaults to a fresh
    temporary database (deleted afterwards) holding the sample plan. *shipped*
    loads the shipped partner provinces too. With *strict* (the default) a
    plugin failure or conflict raises ``PluginProblem`` listing them, so a test
    cannot pass with a plugin that did not load. *lang* is the interface
    language while the planner is open."""
    from . import i18n
    from .plugin_report import conflict_text, notices
    from .plugins import build_plugin_host
    from .services import Planner

    before = i18n.current_language()
    with _without_env(), tempfile.TemporaryDirectory(prefix="delegations-test-") as tmp:
        folders, objects = [], []
        for i, plugin in enumerate(plugins):
            if isinstance(plugin, (str, Path)):
                path = Path(plugin)
                if path.is_file():  # a folder of its own, so that nothing else next to it loads
                    folder = Path(tmp) / f"plugins{i}"
                    folder.mkdir()
                    (folder / path.name).symlink_to(path.resolve())
                    folders.append(folder)
                elif path.is_dir():
                    folders.append(path)
                else:
                    raise FileNotFoundError(path)
            else:
                name = getattr(plugin, "__name__", None) or type(plugin).__name__
                objects.append((name.rsplit(".", 1)[-1], plugin))
        host = build_plugin_host(plugin_dirs=folders, path_dirs=[], entry_points=False, shipped=shipped, extra=objects)
        if strict:
            found = [text for severity, text in notices(host) if severity == "error"]
            found += [conflict_text(host, c) for c in host.registry.conflicts]
            if found:
                raise PluginProblem("\n".join(found))
        i18n.set_language(lang)
        try:
            with Planner.open(db or Path(tmp) / "delegations.json", host=host) as planner:
                yield planner
        finally:
            i18n.set_language(before)


def export(planner: Any, fmt: str, folder: str | Path, *, lang: str = "vi", budget: bool = False,
           today: date | None = None) -> Path:
    """Export the planner's current plan with the exporter of *fmt* into *folder*;
    return the file written (a plugin error raises ``delegations.errors.PluginError``)."""
    from .exporting import export_plan

    return export_plan(planner, fmt=fmt, lang=lang, output=Path(folder), budget=budget, today=today, force=True)
