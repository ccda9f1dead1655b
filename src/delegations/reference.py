"""The plugin author's reference, generated from the docstrings: every hook
(``hookspecs``) with its signature and documentation, then the public API
(``delegations.api``) with every field. ``delegations plugins --hooks`` prints it,
so it is at hand in an installed copy."""

from __future__ import annotations

import dataclasses
import inspect

from . import api, hookspecs


def hooks() -> list[tuple[str, str, str]]:
    """(name, signature, documentation) of every hook, in the order of ``hookspecs``."""
    found = []
    for name, fn in vars(hookspecs).items():
        if inspect.isfunction(fn) and hasattr(fn, "delegations_spec"):
            found.append((name, f"{name}{inspect.signature(fn)}", inspect.cleandoc(fn.__doc__ or "")))
    return found


def _fields(cls) -> list[str]:
    if dataclasses.is_dataclass(cls):
        return [f"{f.name}: {f.type}" if isinstance(f.type, str) else f"{f.name}: {getattr(f.type, '__name__', f.type)}"
                for f in dataclasses.fields(cls)]
    return []


def reference() -> str:
    out = [f"delegations {api.__version__}, plugin API {api.API_VERSION}", "",
           inspect.cleandoc(hookspecs.__doc__ or ""), "", "HOOKS", "====="]
    for _name, signature, doc in hooks():
        out += ["", signature, "-" * len(signature), doc]
    out += ["", "THE CLASSES A HOOK RECEIVES (from delegations.api import ...)", "=" * 60]
    for name in api.CLASSES:
        cls = getattr(api, name)
        doc = inspect.cleandoc(cls.__doc__ or "")
        out += ["", name, "-" * len(name)]
        if doc and not doc.startswith(f"{name}("):
            out.append(doc.split("\n\n")[0])
        typed = {f.split(":")[0]: f for f in _fields(cls)}
        for field, meaning in api.FIELDS.get(name, {}).items():
            out.append(f"  {typed.get(field, field)}")
            out.append(f"      {meaning}")
    out += ["", "OTHER NAMES", "===========",
            "  hookimpl: the decorator for hook functions",
            "  N_(message): marks a message for translation (Problem messages)",
            "  translate(message, lang=None): a message in lang (default: the interface language), from the program's "
            "catalogs or a plugin's MessageCatalog",
            "  current_language(): the interface language",
            "  load_table(path): a RateTable from a JSON file",
            "  budget.estimate(delegation, table, home_code, include=...): priced BudgetLines for a cost model's estimate",
            "  Wording(lang, registry, home): the program's phrases (ExportRequest.wording)",
            "  document_model(request, kind): the built-in OfficialDocument of a delegation's document, to change",
            "  official_pdf(request, document): an OfficialDocument laid out as a PDF in the national format",
            "  delegations.testing.planner_with(plugin, ...): a planner with your plugin and a temporary database, for tests"]
    return "\n".join(out) + "\n"
