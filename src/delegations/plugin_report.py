"""What the program says about its plugins: the start-up notices (failures,
conflicts, replacements, slow plugins, an allow-list naming nothing), and the
listing of ``delegations plugins`` in words and as JSON."""

from __future__ import annotations

from typing import Any

from .i18n import N_, _
from .plugins import PluginHost, failure_row
from .registry import Conflict


# What a plugin can register, as the listing names it (the codes themselves stay as typed).
KIND_LABELS = {
    "partners": N_("partners"), "cost_items": N_("cost items"), "funding_sources": N_("funding sources"),
    "cost_models": N_("cost models"), "rate_tables": N_("rate tables"), "locales": N_("languages"),
    "exporters": N_("export formats"), "catalogs": N_("translation catalogs"),
}


def kind_label(kind: str) -> str:
    """*kind* (a table of the registry) in the interface language."""
    label = KIND_LABELS.get(kind)
    return _(label) if label else kind


def conflict_text(host: PluginHost, c: Conflict) -> str:
    first, later = c.plugins[0], c.plugins[-1]
    if c.kind == "plugins":
        return _("Two plugins are named {name}: {first} and {later}; both are loaded, the later one as {id}.").format(
            name=c.code, first=host.describe(first), later=host.describe(later), id=later)
    return _("Conflict: {kind} \"{code}\" is registered by {first} and by {later}; {kept} is kept (the earlier in the load order). "
             "To replace it, register with replace=True.").format(
        kind=c.kind, code=c.code, first=host.describe(first), later=host.describe(later), kept=c.kept)


def notices(host: PluginHost, *, failures: bool = True) -> list[tuple[str, str]]:
    """(severity, text) for everything about the plugins the user should know at
    start: "error" for a failure, "warning" for the rest."""
    out: list[tuple[str, str]] = []
    for f in host.failures if failures else ():
        where = f" ({f.where()})" if f.where() else ""
        out.append(("error", _("Plugin {name} failed{where}: {error}").format(name=f.plugin, where=where, error=f.short())))
    for c in host.registry.conflicts:
        out.append(("warning", conflict_text(host, c)))
    for r in host.registry.replacements:
        out.append(("warning", _("{by} replaces {kind} \"{code}\" of {replaced} (replace=True).").format(
            by=host.describe(r.by), kind=r.kind, code=r.code, replaced=r.replaced)))
    for key, missing in host.registry.incomplete.items():
        out.append(("warning", _("Incomplete partner {name}: fill in {fields}").format(name=key, fields=", ".join(missing))))
    for info in host.slow():
        out.append(("warning", _("Plugin {name} is slow: it took {seconds:.1f} s to load.").format(name=host.describe(info.id), seconds=info.load_ms / 1000)))
    for name in host.unknown_allowed:
        out.append(("warning", _("$DELEGATIONS_PLUGINS names {name}, but no plugin or installed distribution has that name; it loads nothing.").format(name=name)))
    return out


def as_json(host: PluginHost) -> dict[str, Any]:
    reg = host.registry
    return {
        "plugins": host.plugin_rows(),
        "incomplete": reg.incomplete,
        "conflicts": [{"kind": c.kind, "code": c.code, "plugins": list(c.plugins), "kept": c.kept or None,
                       "sources": [host.sources.get(p, "?") for p in c.plugins]} for c in reg.conflicts],
        "replacements": [{"kind": r.kind, "code": r.code, "by": r.by, "replaced": r.replaced} for r in reg.replacements],
        "replaced": dict(host.replaced),
        "unknown_allowed": list(host.unknown_allowed),
        "failures": [failure_row(f) for f in host.failures],
    }


def source_text(source: str) -> str:
    """Where a plugin comes from, in the interface language ("built-in", "shipped
    (module)", "file PATH", "package DIST VERSION (entry point X)", "registered by the caller")."""
    if source == "built-in":
        return _("built-in")
    if source.startswith("shipped"):
        return _("shipped with the program") + source[len("shipped"):]
    if source.startswith("file "):
        return _("file") + source[len("file"):]
    if source == "registered by the caller":
        return _("registered by the caller")
    if source.startswith("package "):
        source = _("package") + source[len("package"):]
    return source.replace("(entry point ", "(" + _("entry point") + " ")


def as_lines(host: PluginHost) -> list[str]:
    lines = []
    for row in host.plugin_rows():
        lines.append(f"{row['name']}  [{source_text(row['source'])}]")
        if row["id"] != row["name"]:
            lines.append("    " + _("loaded as") + ": " + row["id"])
        facts = []
        if row["version"]:
            facts.append(_("version") + " " + row["version"])
        if row["load_ms"] is not None:
            facts.append(_("loaded in {ms} ms").format(ms=row["load_ms"]) + (" (" + _("slow") + ")" if row["slow"] else ""))
        if facts:
            lines.append("    " + ", ".join(facts))
        lines.append("    " + _("hooks") + ": " + (", ".join(row["hooks"]) or "-"))
        for kind, codes in row["registered"].items():
            lines.append(f"    {kind_label(kind)}: " + ", ".join(codes))
        for e in row["errors"]:
            where = f" ({e['file']}:{e['line']})" if e["file"] and e["line"] else f" ({e['file']})" if e["file"] else ""
            lines.append("    " + _("FAILED{where}: {error}").format(where=where, error=e["error"]) + (f" [{e['hook']}]" if e["hook"] else ""))
    for name, source in host.replaced.items():
        lines.append(_("{name} [{source}] replaces the shipped plugin {name}").format(name=name, source=source_text(source)))
    lines += [text for _severity, text in notices(host, failures=False)]
    return lines
