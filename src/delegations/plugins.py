"""The plugin manager: which plugins load, in which order, and what they register.

The load order (documented in ``docs/plugins.md``, "Load order and conflicts"):

1. the built-in plugins (``delegations.builtin``);
2. the partner provinces shipped with the program (``delegations.partners``),
   except one whose name another plugin also has: that plugin replaces it
   (``PluginHost.replaced``);
3. the officer's plugins folder (``paths.plugins_dir()``);
4. installed packages' entry points (group ``delegations``);
5. the folders of ``$DELEGATIONS_PLUGINS_PATH`` (a folder named twice is read once).

When two plugins register the same code (a partner, a cost model, a format…)
the earlier in this order is kept and the conflict is reported naming both;
a later registration replaces an earlier one only when it says so:
``register(obj, replace=True)``. Two plugins of the same name both load: the
later one under the id ``NAME@ORIGIN`` (e.g. ``champasak@file``), and the pair
is reported as a conflict of kind "plugins".

A plugin that fails to import, or raises inside a hook, is recorded in
``PluginHost.failures`` with its name, error, file and line; the others still
load. ``$DELEGATIONS_PLUGINS`` (comma-separated plugin or distribution names)
is an allow-list for non-built-in plugins; ``$DELEGATIONS_DISABLE_PLUGINS``
names plugins (or distributions) to skip. A plugin that takes more than
``SLOW_MS`` to import is named as slow.
"""

from __future__ import annotations

import sysconfig
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pluggy

from .registry import Registry

SLOW_MS = 1000

_PACKAGE_DIR = Path(__file__).resolve().parent
_LIBRARY_DIRS = tuple(Path(p).resolve() for p in {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]})
_PLUGGY_DIR = Path(pluggy.__file__).resolve().parent


@dataclass(frozen=True)
class PluginFailure:
    """A plugin that failed: at import (``hook`` None), in a ``register_*`` hook, or
    at call time. ``file`` and ``line`` point into the plugin's code where known."""

    plugin: str
    source: str
    error: str
    hook: str | None = None
    file: str | None = None
    line: int | None = None

    def short(self) -> str:
        return self.error.strip().splitlines()[-1] if self.error.strip() else ""

    def where(self) -> str:
        """``FILE:LINE`` (or ``FILE``, or "")."""
        if not self.file:
            return ""
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class PluginInfo:
    """One loaded plugin: ``id`` is its key (its ``name`` unless another plugin of
    that name loaded first), ``origin`` one of built-in, shipped, file, package,
    path, caller."""

    id: str
    name: str
    origin: str
    source: str
    version: str | None = None
    load_ms: float = 0.0
    distribution: str | None = None

    @property
    def slow(self) -> bool:
        return self.load_ms > SLOW_MS


@dataclass
class PluginHost:
    pm: pluggy.PluginManager
    sources: dict[str, str] = field(default_factory=dict)
    failures: list[PluginFailure] = field(default_factory=list)
    registry: Registry = field(default_factory=Registry)
    replaced: dict[str, str] = field(default_factory=dict)  # shipped plugin -> the source that replaced it
    plugins: dict[str, PluginInfo] = field(default_factory=dict)
    unknown_allowed: list[str] = field(default_factory=list)  # names in $DELEGATIONS_PLUGINS that matched nothing

    def plugin_rows(self) -> list[dict[str, Any]]:
        """Every plugin with its name, id, source, version, hooks, what it
        registered, its load time in ms and its failures."""
        rows = []
        for pid, plugin in self.pm.list_name_plugin():
            info = self.plugins.get(pid) or PluginInfo(pid, pid, "?", self.sources.get(pid, "?"))
            hooks = sorted(h.name for h in self.pm.get_hookcallers(plugin) or [])
            rows.append({
                "name": info.name, "id": pid, "origin": info.origin, "source": info.source, "version": info.version,
                "hooks": hooks, "registered": self.registry.registered.get(pid, {}), "load_ms": round(info.load_ms, 1),
                "slow": info.slow, "errors": [failure_row(f) for f in self.failures if f.plugin == pid],
            })
        loaded = {r["id"] for r in rows}
        for f in self.failures:  # plugins that never loaded
            if f.plugin not in loaded and f.hook is None:
                loaded.add(f.plugin)
                rows.append({"name": f.plugin, "id": f.plugin, "origin": "?", "source": f.source, "version": None, "hooks": [],
                             "registered": {}, "load_ms": None, "slow": False,
                             "errors": [failure_row(x) for x in self.failures if x.plugin == f.plugin]})
        return rows

    def describe(self, plugin_id: str) -> str:
        """``ID [SOURCE]``: how messages name a plugin."""
        info = self.plugins.get(plugin_id)
        return f"{plugin_id} [{info.source}]" if info else plugin_id

    def slow(self) -> list[PluginInfo]:
        return [p for p in self.plugins.values() if p.slow]

    def call_each(self, hook_name: str, **kwargs) -> list[tuple[str, Any]]:
        """Call every implementation of *hook_name* on its own, so that one
        plugin raising does not stop the others. Returns (plugin, result) pairs."""
        results = []
        caller = getattr(self.pm.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):
            try:
                result = impl.function(**{k: kwargs[k] for k in impl.argnames})
            except Exception as exc:
                self.failures.append(failure_of(impl.plugin_name, self.sources.get(impl.plugin_name, "?"), exc, hook_name))
                continue
            results.append((impl.plugin_name, result))
        return results


def failure_row(f: PluginFailure) -> dict[str, Any]:
    return {"plugin": f.plugin, "hook": f.hook, "source": f.source, "error": f.short(), "file": f.file, "line": f.line}


def _in(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def locate(exc: BaseException) -> tuple[str | None, int | None]:
    """The file and line in the plugin's code where *exc* comes from: the line of a
    syntax error, else the deepest frame outside the program, pluggy and the
    standard library (the deepest frame at all if there is none)."""
    if isinstance(exc, SyntaxError) and exc.filename:
        return exc.filename, exc.lineno
    frames = traceback.extract_tb(exc.__traceback__)
    for frame in reversed(frames):
        path = Path(frame.filename)
        if frame.filename.startswith("<") or not path.is_absolute():
            continue
        path = path.resolve()
        own = _in(path, _PACKAGE_DIR) and not _in(path, _PACKAGE_DIR / "partners")
        if own or _in(path, _PLUGGY_DIR) or any(_in(path, lib) for lib in _LIBRARY_DIRS):
            continue
        return frame.filename, frame.lineno
    if frames:
        return frames[-1].filename, frames[-1].lineno
    return None, None


def failure_of(plugin: str, source: str, exc: BaseException, hook: str | None = None) -> PluginFailure:
    file, line = locate(exc)
    return PluginFailure(plugin, source, "".join(traceback.format_exception(exc)), hook, file, line)


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


# The loading (folders, entry points, the load order) is in ``plugin_loading``; its names
# stay importable from here, looked up when first asked for (``plugin_loading`` imports this module).
_LOADING = ("BUILTIN_PLUGINS", "ENTRY_POINT_GROUP", "ENV_ALLOW", "ENV_DISABLE", "SHIPPED_PLUGINS", "build_plugin_host")


def __getattr__(name: str) -> Any:
    if name in _LOADING:
        from . import plugin_loading

        return getattr(plugin_loading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
