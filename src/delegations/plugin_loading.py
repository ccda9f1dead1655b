"""Loading the plugins: the built-in and shipped ones, the plugins folder, entry points and
``$DELEGATIONS_PLUGINS_PATH``, in the order and with the conflict rules described in ``plugins``."""

from __future__ import annotations

import gettext
import importlib
import importlib.util
import os
import re
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterable

import pluggy

from . import __version__, hookspecs, paths
from .domain import Organisation, RateTable, missing_fields
from .i18n import add_catalog_dir, add_domain
from .plugins import PluginFailure, PluginHost, PluginInfo, failure_of
from .registry import Conflict, CostItem, FundingSource, LocaleInfo, MessageCatalog

ENTRY_POINT_GROUP = "delegations"
ENV_ALLOW = "DELEGATIONS_PLUGINS"
ENV_DISABLE = "DELEGATIONS_DISABLE_PLUGINS"

BUILTIN_PLUGINS = (
    "delegations.builtin.cost_items",
    "delegations.builtin.cost_models",
    "delegations.builtin.rate_tables",
    "delegations.builtin.locales",
    "delegations.builtin.exporters",
    "delegations.builtin.xlsx_exporter",
    "delegations.builtin.docx_exporter",
    "delegations.builtin.calendar_exporter",
    "delegations.builtin.validators",
    "delegations.builtin.calendar_checks",
)

SHIPPED_PLUGINS = (
    "delegations.partners.savannakhet",
    "delegations.partners.salavan",
)


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
