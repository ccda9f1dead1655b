"""The plugin manager. It loads, in order: the built-in plugins, the officer's
plugins folder (``paths.plugins_dir()``), the folders named in
``$DELEGATIONS_PLUGINS_PATH``, installed packages' entry points (group
``delegations``), and last the partner provinces shipped with the program
(``delegations.partners``). A shipped plugin is an ordinary one: it can be
disabled, and a plugin of the same name loaded before it replaces it
(``PluginHost.replaced``). A folder named twice is read once.

A plugin that fails to import, or raises inside a hook, is recorded in
``PluginHost.failures`` with its name and error; the others still load.
``$DELEGATIONS_PLUGINS`` (comma-separated names) is an allow-list for
non-built-in plugins; ``$DELEGATIONS_DISABLE_PLUGINS`` names plugins to skip.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import traceback
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterable

import pluggy

from . import hookspecs, paths
from .i18n import add_catalog_dir
from .domain import Organisation, RateTable, missing_fields
from .registry import CostItem, FundingSource, Registry

ENTRY_POINT_GROUP = "delegations"
ENV_ALLOW = "DELEGATIONS_PLUGINS"
ENV_DISABLE = "DELEGATIONS_DISABLE_PLUGINS"

BUILTIN_PLUGINS = (
    "delegations.builtin.cost_items",
    "delegations.builtin.cost_models",
    "delegations.builtin.rate_tables",
    "delegations.builtin.locales",
    "delegations.builtin.exporters",
    "delegations.builtin.validators",
)

SHIPPED_PLUGINS = (
    "delegations.partners.savannakhet",
    "delegations.partners.salavan",
)


@dataclass(frozen=True)
class PluginFailure:
    plugin: str
    source: str
    error: str
    hook: str | None = None

    def short(self) -> str:
        return self.error.strip().splitlines()[-1] if self.error.strip() else ""


@dataclass
class PluginHost:
    pm: pluggy.PluginManager
    sources: dict[str, str] = field(default_factory=dict)
    failures: list[PluginFailure] = field(default_factory=list)
    registry: Registry = field(default_factory=Registry)
    replaced: dict[str, str] = field(default_factory=dict)  # shipped plugin -> the source that replaced it

    def plugin_rows(self) -> list[dict[str, Any]]:
        rows = []
        for name, plugin in self.pm.list_name_plugin():
            hooks = sorted(h.name for h in self.pm.get_hookcallers(plugin) or [])
            rows.append({"name": name, "source": self.sources.get(name, "?"), "hooks": hooks})
        return rows

    def call_each(self, hook_name: str, **kwargs) -> list[tuple[str, Any]]:
        """Call every implementation of *hook_name* on its own, so that one
        plugin raising does not stop the others. Returns (plugin, result) pairs."""
        results = []
        caller = getattr(self.pm.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):
            try:
                result = impl.function(**{k: kwargs[k] for k in impl.argnames})
            except Exception:
                self.failures.append(PluginFailure(impl.plugin_name, self.sources.get(impl.plugin_name, "?"), traceback.format_exc(), hook_name))
                continue
            results.append((impl.plugin_name, result))
        return results


def guarded(registry, kind: str, code: str, hook: str, call: Callable[[], Any], check: Callable[[Any], bool] = lambda r: True) -> Any:
    """Run *call* (a registered object's method: an exporter's ``export``, a cost
    model's ``cost_lines``); a raise, or a result *check* refuses, becomes a
    ``PluginError`` naming the plugin that registered *code* as *kind*."""
    from .errors import PluginError

    plugin = registry.owners.get((kind, code), code)
    try:
        result = call()
    except (PluginError, KeyboardInterrupt):
        raise
    except Exception as exc:
        raise PluginError(plugin=plugin, hook=hook, error=f"{type(exc).__name__}: {exc}"[:200]) from exc
    if not check(result):
        shown = repr(result)
        raise PluginError(plugin=plugin, hook=hook, error=f"returned {shown[:80]}")
    return result


def _names(env: str) -> set[str] | None:
    raw = os.environ.get(env)
    if raw is None:
        return None
    return {n.strip() for n in raw.split(",") if n.strip()}


def _module_files(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))


def _load_file(path: Path) -> Any:
    module_name = f"delegations_plugin_{path.stem}_{abs(hash(str(path.parent))) % 10**8}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


def build_plugin_host(
    *,
    plugin_dirs: Iterable[Path] | None = None,
    entry_points: bool = True,
    shipped: bool = True,
    extra: Iterable[tuple[str, Any]] = (),
) -> PluginHost:
    """Build the plugin manager and gather what every plugin registers."""
    pm = pluggy.PluginManager("delegations")
    pm.add_hookspecs(hookspecs)
    host = PluginHost(pm)
    allow, disabled = _names(ENV_ALLOW), _names(ENV_DISABLE) or set()

    def add(name: str, source: str, load: Callable[[], Any], builtin: bool = False) -> None:
        if name in disabled or (not builtin and allow is not None and name not in allow):
            return
        if pm.has_plugin(name):
            host.failures.append(PluginFailure(name, source, f"a plugin named '{name}' is already loaded from {host.sources[name]}"))
            return
        try:
            plugin = load()
            pm.register(plugin, name=name)
        except Exception:
            host.failures.append(PluginFailure(name, source, traceback.format_exc()))
            return
        host.sources[name] = source

    for modname in BUILTIN_PLUGINS:
        add(modname.rsplit(".", 1)[-1], "built-in", lambda m=modname: importlib.import_module(m), builtin=True)

    dirs = list(plugin_dirs) if plugin_dirs is not None else [paths.plugins_dir(), *paths.extra_plugin_dirs()]
    seen: set[Path] = set()
    for folder in dirs:
        real = folder.expanduser().resolve()
        if real in seen:
            continue
        seen.add(real)
        for file in _module_files(folder):
            add(file.stem, f"file {file}", lambda f=file: _load_file(f))

    if entry_points:
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            dist = getattr(ep, "dist", None)
            where = f"package {dist.name} {dist.version}" if dist else "package"
            add(ep.name, f"{where} (entry point {ep.value})", ep.load)

    for name, plugin in extra:
        add(name, "registered by the caller", lambda p=plugin: p)

    for modname in SHIPPED_PLUGINS if shipped else ():
        name = modname.rsplit(".", 1)[-1]
        if pm.has_plugin(name):
            host.replaced[name] = host.sources.get(name, "?")
            continue
        add(name, f"shipped ({modname})", lambda m=modname: importlib.import_module(m))

    _collect(host)
    return host


def _collect(host: PluginHost) -> None:
    reg = host.registry

    def registrar(kind_for: Callable[[Any], str | None], plugin_name: str, replace: bool = False):
        def register(obj):
            kind = kind_for(obj)
            if kind is None:
                raise TypeError(f"cannot register {obj!r} here")
            code = obj.format if kind == "exporters" else getattr(obj, "code")
            if kind == "partners":
                missing = missing_fields(obj)
                if missing:
                    reg.incomplete[f"{plugin_name}:{code or '?'}"] = missing
                    return
            reg.add(kind, code, obj, plugin_name, replace=replace)

        return register

    hooks: list[tuple[str, Callable[[Any], str | None], bool]] = [
        ("register_partners", lambda o: "partners" if isinstance(o, Organisation) else None, False),
        ("register_cost_items", lambda o: "cost_items" if isinstance(o, CostItem) else "funding_sources" if isinstance(o, FundingSource) else None, False),
        ("register_cost_models", lambda o: "cost_models" if hasattr(o, "cost_lines") else None, False),
        ("register_rate_tables", lambda o: "rate_tables" if isinstance(o, RateTable) else None, False),
        ("register_locales", lambda o: "locales", False),
        ("register_exporters", lambda o: "exporters" if hasattr(o, "export") else None, True),
    ]
    for hook_name, kind_for, replace in hooks:
        caller = getattr(host.pm.hook, hook_name)
        # first registered first, so that later plugins replace built-in exporters
        for impl in caller.get_hookimpls():
            try:
                impl.function(register=registrar(kind_for, impl.plugin_name, replace))
            except Exception:
                host.failures.append(PluginFailure(impl.plugin_name, host.sources.get(impl.plugin_name, "?"), traceback.format_exc(), hook_name))
    for info in reg.locales.values():
        if info.catalog_dir is not None:
            add_catalog_dir(Path(info.catalog_dir))
