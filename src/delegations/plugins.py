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

import gettext
import importlib
import importlib.util
import os
import re
import sys
import sysconfig
import time
import traceback
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterable

import pluggy

from . import __version__, hookspecs, paths
from .i18n import add_catalog_dir, add_domain
from .domain import Organisation, RateTable, missing_fields
from .registry import Conflict, CostItem, FundingSource, LocaleInfo, MessageCatalog, Registry

ENTRY_POINT_GROUP = "delegations"
ENV_ALLOW = "DELEGATIONS_PLUGINS"
ENV_DISABLE = "DELEGATIONS_DISABLE_PLUGINS"
SLOW_MS = 1000

BUILTIN_PLUGINS = (
    "delegations.builtin.cost_items",
    "delegations.builtin.cost_models",
    "delegations.builtin.rate_tables",
    "delegations.builtin.locales",
    "delegations.builtin.exporters",
    "delegations.builtin.calendar_exporter",
    "delegations.builtin.validators",
)

SHIPPED_PLUGINS = (
    "delegations.partners.savannakhet",
    "delegations.partners.salavan",
)

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


def _names(env: str) -> set[str] | None:
    raw = os.environ.get(env)
    if raw is None:
        return None
    return {_norm(n) for n in raw.split(",") if n.strip()}


def _norm(name: str) -> str:
    """Names compare as distribution names do: case, "-", "_" and "." alike."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


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


@dataclass(frozen=True)
class _Candidate:
    name: str
    origin: str  # shipped, file, package, path, caller
    source: str
    load: Callable[[], Any]
    aliases: tuple[str, ...] = ()  # the distribution's name, for the allow- and disable-lists
    version: str | None = None
    distribution: str | None = None


def _file_candidates(folders: Iterable[Path], origin: str, seen: set[Path]) -> list[_Candidate]:
    found = []
    for folder in folders:
        real = folder.expanduser().resolve()
        if real in seen:
            continue
        seen.add(real)
        for file in _module_files(folder):
            found.append(_Candidate(file.stem, origin, f"file {file}", lambda f=file: _load_file(f)))
    return found


def _entry_point_candidates() -> list[_Candidate]:
    found = []
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(ep, "dist", None)
        where = f"package {dist.name} {dist.version}" if dist else "package"
        found.append(_Candidate(ep.name, "package", f"{where} (entry point {ep.value})", ep.load,
                                (dist.name,) if dist else (), dist.version if dist else None, dist.name if dist else None))
    return found


def build_plugin_host(
    *,
    plugin_dirs: Iterable[Path] | None = None,
    entry_points: bool = True,
    shipped: bool = True,
    extra: Iterable[tuple[str, Any]] = (),
    path_dirs: Iterable[Path] | None = None,
) -> PluginHost:
    """Build the plugin manager and gather what every plugin registers.

    *plugin_dirs* stands for the officer's plugins folder (default: it) and
    *path_dirs* for ``$DELEGATIONS_PLUGINS_PATH`` (default: its folders when
    *plugin_dirs* is not given, else none); *extra* are (name, module) pairs
    loaded after the entry points, e.g. by ``delegations.testing``."""
    pm = pluggy.PluginManager("delegations")
    pm.add_hookspecs(hookspecs)
    host = PluginHost(pm)
    allow, disabled = _names(ENV_ALLOW), _names(ENV_DISABLE) or set()

    def load(cand: _Candidate) -> None:
        pid = cand.name
        if pm.has_plugin(pid) or pm.get_plugin(pid) is not None:
            pid = f"{cand.name}@{cand.origin}"
            n = 2
            while pm.has_plugin(pid):
                pid, n = f"{cand.name}@{cand.origin}{n}", n + 1
        started = time.perf_counter()
        try:
            plugin = cand.load()
            elapsed = (time.perf_counter() - started) * 1000
            pm.register(plugin, name=pid)
        except Exception as exc:
            host.failures.append(failure_of(pid, cand.source, exc))
            return
        host.sources[pid] = cand.source
        version = cand.version or (__version__ if cand.origin in ("built-in", "shipped") else getattr(plugin, "__version__", None))
        host.plugins[pid] = PluginInfo(pid, cand.name, cand.origin, cand.source, str(version) if version else None, elapsed, cand.distribution)
        if pid != cand.name:
            host.registry.conflicts.append(Conflict("plugins", cand.name, (cand.name, pid), kept=""))

    for modname in BUILTIN_PLUGINS:
        name = modname.rsplit(".", 1)[-1]
        if _norm(name) not in disabled:
            load(_Candidate(name, "built-in", "built-in", lambda m=modname: importlib.import_module(m)))

    seen: set[Path] = set()
    if plugin_dirs is None:
        own, path = [paths.plugins_dir()], list(paths.extra_plugin_dirs()) if path_dirs is None else list(path_dirs)
    else:
        own, path = list(plugin_dirs), list(path_dirs or [])
    others = _file_candidates(own, "file", seen)
    others += _entry_point_candidates() if entry_points else []
    others += [_Candidate(name, "caller", "registered by the caller", lambda p=plugin: p) for name, plugin in extra]
    others += _file_candidates(path, "path", seen)

    def wanted(c: _Candidate) -> bool:
        keys = {_norm(c.name), _norm(f"{c.name}@{c.origin}"), *(_norm(a) for a in c.aliases)}
        return not (keys & disabled) and (allow is None or bool(keys & allow))

    others = [c for c in others if wanted(c)]
    if allow is not None:
        every = [*others, *(_Candidate(m.rsplit(".", 1)[-1], "shipped", "", lambda: None) for m in SHIPPED_PLUGINS)]
        known = {k for c in every for k in (_norm(c.name), *(_norm(a) for a in c.aliases))}
        host.unknown_allowed = sorted(allow - known)

    for modname in SHIPPED_PLUGINS if shipped else ():
        cand = _Candidate(modname.rsplit(".", 1)[-1], "shipped", f"shipped ({modname})", lambda m=modname: importlib.import_module(m))
        replacing = next((c for c in others if c.name == cand.name), None)
        if replacing is not None:
            host.replaced[cand.name] = replacing.source
        elif wanted(cand):
            load(cand)

    for cand in others:
        load(cand)

    _collect(host)
    return host


def _collect(host: PluginHost) -> None:
    reg = host.registry

    def registrar(kind_for: Callable[[Any], str | None], plugin_name: str):
        def register(obj, *, replace: bool = False):
            kind = kind_for(obj)
            if kind is None:
                raise TypeError(f"cannot register {obj!r} here")
            code = obj.format if kind == "exporters" else obj.domain if kind == "catalogs" else getattr(obj, "code")
            if kind == "partners":
                missing = missing_fields(obj)
                if missing:
                    reg.incomplete[f"{plugin_name}:{code or '?'}"] = missing
                    return
            reg.add(kind, code, obj, plugin_name, replace=bool(replace))

        return register

    def locale_kind(o):
        return "locales" if isinstance(o, LocaleInfo) else "catalogs" if isinstance(o, MessageCatalog) else None

    hooks: list[tuple[str, Callable[[Any], str | None]]] = [
        ("register_partners", lambda o: "partners" if isinstance(o, Organisation) else None),
        ("register_cost_items", lambda o: "cost_items" if isinstance(o, CostItem) else "funding_sources" if isinstance(o, FundingSource) else None),
        ("register_cost_models", lambda o: "cost_models" if hasattr(o, "cost_lines") else None),
        ("register_rate_tables", lambda o: "rate_tables" if isinstance(o, RateTable) else None),
        ("register_locales", locale_kind),
        ("register_exporters", lambda o: "exporters" if hasattr(o, "export") and hasattr(o, "format") else None),
    ]
    for hook_name, kind_for in hooks:
        caller = getattr(host.pm.hook, hook_name)
        # in load order: the first registration of a code is kept
        for impl in caller.get_hookimpls():
            try:
                impl.function(register=registrar(kind_for, impl.plugin_name))
            except Exception as exc:
                host.failures.append(failure_of(impl.plugin_name, host.sources.get(impl.plugin_name, "?"), exc, hook_name))
    _install_catalogs(host)


def _install_catalogs(host: PluginHost) -> None:
    """Check every plugin catalog once for every language, then use it. A catalog
    that cannot be read (a damaged ``.mo``) is a failure naming its plugin and file,
    and is not used; the rest of the program goes on in its own words."""
    reg = host.registry
    langs = sorted(reg.locales)
    folders = [("locales", code, "delegations", Path(info.catalog_dir)) for code, info in reg.locales.items() if info.catalog_dir is not None]
    folders += [("catalogs", domain, domain, Path(cat.directory)) for domain, cat in reg.catalogs.items()]
    for kind, code, domain, folder in folders:
        owner = reg.owners.get((kind, code), "?")
        broken = False
        for lang in langs:
            mo = folder / lang / "LC_MESSAGES" / f"{domain}.mo"
            if not mo.exists():
                continue
            try:
                with mo.open("rb") as fh:
                    gettext.GNUTranslations(fh)
            except Exception as exc:
                host.failures.append(PluginFailure(owner, host.sources.get(owner, "?"), f"{type(exc).__name__}: cannot read {mo}: {exc}",
                                                   "register_locales", str(mo), None))
                broken = True
        if broken:
            continue
        if kind == "locales":
            add_catalog_dir(folder)
        else:
            add_domain(domain, folder)
