"""The plugin guide is enough: every public name it mentions exists, every hook it
documents has the signature it shows, and every code block runs (the plugin files are
loaded together with the testing helper, the other Python blocks are run and their
test functions called)."""

import importlib
import inspect
import os
import re
import sys
from pathlib import Path

import pytest

import delegations
from delegations import api, hookspecs
from delegations.testing import planner_with

GUIDE = Path(delegations.__file__).parent / "docs" / "plugins.md"
TEXT = GUIDE.read_text(encoding="utf-8")
FENCE = re.compile(r"^( *)```(\w+)(?: ([\w.-]+))?\n(.*?)^\1```", re.S | re.M)


def blocks():
    """(language, file name or None, code) of every fenced block, dedented."""
    out = []
    for indent, lang, name, body in FENCE.findall(TEXT):
        code = "\n".join(line[len(indent):] for line in body.splitlines())
        out.append((lang, name, code + "\n"))
    return out


def test_the_guide_has_code_and_ships_with_the_package():
    kinds = [lang for lang, _n, _c in blocks()]
    assert kinds.count("python") >= 10 and "json" in kinds
    assert "src/delegations" not in TEXT and "hookspecs.py" not in TEXT  # nothing that exists only in a source tree


def test_every_documented_hook_exists_with_its_signature_and_every_hook_is_documented():
    documented = dict(re.findall(r"^### `(\w+)(\([^)]*\))`", TEXT, re.M))
    specs = {name: str(inspect.signature(fn)) for name, fn in vars(hookspecs).items()
             if inspect.isfunction(fn) and hasattr(fn, "delegations_spec")}
    assert documented == specs


def test_every_public_name_the_guide_mentions_exists():
    for dotted in set(re.findall(r"`(delegations(?:\.\w+)+)", TEXT)):
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):  # the longest importable module, then attributes
            try:
                obj = importlib.import_module(".".join(parts[:cut]))
            except ImportError:
                continue
            for attr in parts[cut:]:
                assert hasattr(obj, attr), dotted
                obj = getattr(obj, attr)
            break
    classes = set(re.findall(r"`([A-Z][a-z][A-Za-z]*)[`(]", TEXT)) - {"NAME", "CODE", "HOOK", "PATH", "None"}
    assert classes, "no class names found"
    for name in classes:
        assert hasattr(api, name) or hasattr(delegations.testing, name), name
    for cls, attr in set(re.findall(r"`(request|[A-Z][a-z][A-Za-z]*)\.(\w+)", TEXT)):
        owner = api.ExportRequest if cls == "request" else getattr(api, cls)
        assert attr in api.FIELDS.get(owner.__name__, {}) or hasattr(owner, attr) or attr in getattr(owner, "__dataclass_fields__", {}), f"{cls}.{attr}"
    for name in re.findall(r"from delegations\.api import ([\w, ]+)", TEXT):
        for n in name.split(","):
            assert n.strip() in api.__all__, n


def test_every_code_block_runs(tmp_path, monkeypatch):
    plugin_dir = tmp_path / "plugins"
    plugin_dir.mkdir()
    scripts = []
    for lang, name, code in blocks():
        if name:
            (plugin_dir / name).write_text(code, encoding="utf-8")
        elif lang == "python":
            scripts.append(code)
    assert len(list(plugin_dir.glob("*.py"))) >= 9
    with planner_with(plugin_dir) as planner:  # every plugin of the guide at once: no failure, no conflict
        reg = planner.registry
        assert {"champasak", "khammouane"} <= set(reg.partners)
        assert {"csv", "pdf"} <= set(reg.exporters) and reg.owners[("exporters", "pdf")] == "exporters"
        assert reg.owners[("cost_models", "reciprocal")] == "reciprocal_with_interpreting"  # replace=True
        assert {"visas"} <= set(reg.cost_items) and "champasak-2027" in reg.rate_tables and "th" in reg.locales
        assert "thai_rules" in reg.catalogs
        budget = planner.budgeting.report(model="host_pays_all")
        assert budget.budget.lines
        import json

        from delegations.testing import export

        data = json.loads(export(planner, "json", tmp_path / "out", lang="vi-lo").read_text(encoding="utf-8"))
        assert data["lang"] == "vi-lo" and len(data["delegations"]) == len(planner.delegations())
        assert data["delegations"][0]["cost_lines"][0]["item"] == "chi phí ăn, nghỉ"
        assert export(planner, "csv", tmp_path / "out", lang="en").read_text(encoding="utf-8").startswith("TT,partner")
        warned = planner.validation(planner.delegations()[0].evolve(members=13)).problems
        assert [p.render() for p in warned] == ["More than 12 members needs approval."]
    monkeypatch.chdir(plugin_dir)
    monkeypatch.syspath_prepend(str(plugin_dir))
    ran = 0
    for code in scripts:
        namespace = {"__name__": "guide_block"}
        exec(compile(code, str(GUIDE), "exec"), namespace)
        for name, fn in namespace.items():
            if name.startswith("test_") and callable(fn):
                fn()
                ran += 1
    assert ran >= 2
