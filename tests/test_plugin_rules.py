"""The load order and the conflict rule, plugins of the same name, replacing a built-in
only with replace=True, failures with file and line, slow plugins, the allow-list by
distribution name, a plugin's own message catalog, and budget --model."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from delegations import plugins as plugins_module
from delegations.domain import Problem
from delegations.exporting import export_plan
from delegations.plugins import build_plugin_host
from delegations.services import Planner
from delegations.testing import PluginProblem, planner_with

from test_plugins import PARTNER_PLUGIN, entry_point_dist, write_plugin  # noqa: F401  (a fixture)

FAKE_PDF = textwrap.dedent('''
    from delegations.api import hookimpl, Text

    class NotAPdf:
        format, suffix = "pdf", ".pdf"
        label = Text.of(vi="PDF giả", en="fake PDF")

        def export(self, request):
            return b"not a pdf"

    @hookimpl
    def register_exporters(register):
        register(NotAPdf(){replace})
''')


def env_cli(*args, env=None, **kw):
    import os

    base = {k: v for k, v in os.environ.items() if not k.startswith("DELEGATIONS_")}
    return subprocess.run([sys.executable, "-m", "delegations.cli", *args], capture_output=True, text=True,
                          env={**base, "DELEGATIONS_LANG": "en", **(env or {})}, **kw)


def test_load_order_built_ins_shipped_folder_packages_then_path(tmp_path, monkeypatch, entry_point_dist):
    # the same partner code from the plugins folder, a package and $DELEGATIONS_PLUGINS_PATH
    own = write_plugin(tmp_path / "home" / "plugins", "mine", "sekong", "Sekong (folder)")
    write_plugin(tmp_path / "path", "onpath", "sekong", "Sekong (path)")
    monkeypatch.setenv("DELEGATIONS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DELEGATIONS_PLUGINS_PATH", str(tmp_path / "path"))
    host = build_plugin_host()
    order = [name for name, _ in host.pm.list_name_plugin()]
    assert order.index("validators") < order.index("savannakhet") < order.index("mine") < order.index("sekong") < order.index("onpath")
    assert host.registry.partners["sekong"].name.get("vi") == "LHCĐ tỉnh Sekong (folder)"
    conflicts = [(c.plugins, c.kept) for c in host.registry.conflicts]
    assert conflicts == [(("mine", "sekong"), "mine"), (("mine", "onpath"), "mine")]
    from delegations import i18n
    from delegations.plugin_report import notices

    i18n.set_language("en")
    said = [text for _s, text in notices(host)]
    assert any(f"mine [file {own}]" in t and "sekong [package delegations-sekong 1.0" in t and "mine is kept" in t for t in said)


def test_a_file_of_the_same_name_as_a_package_does_not_disable_it(tmp_path, monkeypatch, entry_point_dist):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "sekong.py").write_text(textwrap.dedent('''
        from delegations.api import hookimpl, CostLine, Text

        class Mine:
            code, label = "mine", Text.of(vi="Của tôi")
            def cost_lines(self, delegation, home, partner):
                return ()

        @hookimpl
        def register_cost_models(register):
            register(Mine())
    '''), encoding="utf-8")
    host = build_plugin_host(plugin_dirs=[folder])
    assert "sekong" in host.registry.partners  # the package's partner is still there
    assert "mine" in host.registry.cost_models  # and the file's cost model
    assert host.sources["sekong"] == f"file {folder / 'sekong.py'}"
    assert host.sources["sekong@package"].startswith("package delegations-sekong 1.0")
    [c] = host.registry.conflicts
    assert (c.kind, c.code, c.plugins, c.kept) == ("plugins", "sekong", ("sekong", "sekong@package"), "")


@pytest.mark.parametrize("replace", [False, True])
def test_the_official_pdf_is_replaced_only_explicitly(tmp_path, replace):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "fake_pdf.py").write_text(FAKE_PDF.format(replace=", replace=True" if replace else ""), encoding="utf-8")
    host = build_plugin_host(plugin_dirs=[folder], entry_points=False)
    with Planner.open(tmp_path / "db.json", host=host) as planner:
        path = export_plan(planner, output=tmp_path / "out")
    if replace:
        assert path.read_bytes() == b"not a pdf"
        [r] = host.registry.replacements
        assert (r.kind, r.code, r.by, r.replaced) == ("exporters", "pdf", "fake_pdf", "exporters")
        assert host.registry.conflicts == []
    else:
        assert path.read_bytes().startswith(b"%PDF")
        [c] = host.registry.conflicts
        assert (c.kind, c.code, c.plugins, c.kept) == ("exporters", "pdf", ("exporters", "fake_pdf"), "exporters")
    shown = env_cli("--db", str(tmp_path / "db.json"), "plugins", env={"DELEGATIONS_PLUGINS_PATH": str(folder)}).stdout
    if replace:
        assert 'fake_pdf [file ' in shown and 'replaces exporters "pdf" of exporters (replace=True)' in shown
    else:
        assert 'exporters "pdf" is registered by exporters [built-in] and by fake_pdf [file' in shown and "exporters is kept" in shown


def test_failures_carry_file_and_line(tmp_path):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "bad_syntax.py").write_text("from delegations.api import hookimpl\n\ndef oops(:\n    pass\n", encoding="utf-8")
    (folder / "raises_in_hook.py").write_text(textwrap.dedent('''
        from delegations.api import hookimpl

        @hookimpl
        def register_partners(register):
            table = {}
            return table["missing"]
    '''), encoding="utf-8")
    host = build_plugin_host(plugin_dirs=[folder], entry_points=False)
    failures = {f.plugin: f for f in host.failures}
    assert (failures["bad_syntax"].file, failures["bad_syntax"].line) == (str(folder / "bad_syntax.py"), 3)
    assert "SyntaxError" in failures["bad_syntax"].short()
    assert (failures["raises_in_hook"].file, failures["raises_in_hook"].line) == (str(folder / "raises_in_hook.py"), 7)
    rows = {r["id"]: r for r in host.plugin_rows()}
    assert rows["bad_syntax"]["errors"][0]["line"] == 3 and rows["bad_syntax"]["hooks"] == []
    assert rows["raises_in_hook"]["errors"][0]["hook"] == "register_partners"


def test_a_slow_plugin_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(plugins_module, "SLOW_MS", 100)
    folder = tmp_path / "plugins"
    write_plugin(folder, "quick", "quick", "Quick")
    (folder / "sleepy.py").write_text("import time\ntime.sleep(0.25)\n", encoding="utf-8")
    host = build_plugin_host(plugin_dirs=[folder], entry_points=False)
    assert [p.id for p in host.slow()] == ["sleepy"]
    assert host.plugins["sleepy"].load_ms >= 250
    from delegations import i18n
    from delegations.plugin_report import notices

    i18n.set_language("en")
    assert any("sleepy" in text and "slow" in text for _s, text in notices(host))


def test_the_allow_list_takes_a_distribution_name_and_says_when_a_name_matches_nothing(monkeypatch, entry_point_dist):
    monkeypatch.setenv("DELEGATIONS_PLUGINS", "delegations-sekong,no-such-thing")
    host = build_plugin_host(plugin_dirs=[])
    assert set(host.registry.partners) == {"sekong"}
    assert host.unknown_allowed == ["no-such-thing"]
    monkeypatch.setenv("DELEGATIONS_PLUGINS", "savannakhet")
    monkeypatch.setenv("DELEGATIONS_DISABLE_PLUGINS", "delegations_sekong")
    host = build_plugin_host(plugin_dirs=[])
    assert set(host.registry.partners) == {"savannakhet"} and host.unknown_allowed == []


CATALOG_PLUGIN = textwrap.dedent('''
    from pathlib import Path
    from delegations.api import hookimpl, MessageCatalog, N_, Problem

    @hookimpl
    def register_locales(register):
        register(MessageCatalog("sekong_rules", Path(__file__).parent / "sekong_locales"))

    @hookimpl
    def validate_delegation(delegation, plan, registry):
        return [Problem("members", N_("Sekong delegations travel by road."), severity="warning")]
''')


def _mo(folder: Path, lang: str, domain: str, pairs: dict) -> None:
    catalog = Catalog(locale=lang)
    for k, v in pairs.items():
        catalog.add(k, v)
    target = folder / lang / "LC_MESSAGES"
    target.mkdir(parents=True)
    with open(target / f"{domain}.mo", "wb") as f:
        write_mo(f, catalog)


def test_a_plugin_ships_translations_of_its_own_messages(tmp_path):
    from delegations import i18n

    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "sekong_rules.py").write_text(CATALOG_PLUGIN, encoding="utf-8")
    _mo(folder / "sekong_locales", "vi", "sekong_rules", {"Sekong delegations travel by road.": "Đoàn Sekong đi đường bộ."})
    with planner_with(folder) as planner:  # strict: a conflict or failure would raise
        assert planner.registry.owners[("catalogs", "sekong_rules")] == "sekong_rules"
        assert planner.registry.conflicts == []
        warning = Problem("members", "Sekong delegations travel by road.", severity="warning")
        assert i18n.describe(warning) == "Đoàn Sekong đi đường bộ."
        assert i18n.translate("Sekong delegations travel by road.", "lo") == "Sekong delegations travel by road."
        assert i18n.translate("Save", "vi") == i18n.translator("vi").gettext("Save")  # the program's own come first


def test_a_damaged_catalog_is_a_failure_naming_plugin_and_file(tmp_path):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "sekong_rules.py").write_text(CATALOG_PLUGIN, encoding="utf-8")
    broken = folder / "sekong_locales" / "vi" / "LC_MESSAGES" / "sekong_rules.mo"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"\xde\x12\x04\x95 damaged")
    host = build_plugin_host(plugin_dirs=[folder], entry_points=False)
    [f] = host.failures
    assert f.plugin == "sekong_rules" and f.file == str(broken) and f.hook == "register_locales"
    with pytest.raises(PluginProblem, match="sekong_rules"):
        with planner_with(folder):
            pass


HOST_PAYS = textwrap.dedent('''
    from delegations.api import hookimpl, CostLine, Text

    class HostPaysAll:
        code, label = "host_pays_all", Text.of(vi="Bên đón tiếp chịu toàn bộ", en="Host pays everything")

        def cost_lines(self, delegation, home, partner):
            host = delegation.host(home.code)
            return tuple(CostLine(item, host) for item in ("board_lodging", "transport", "interpreting", "per_diem"))

    @hookimpl
    def register_cost_models(register):
        register(HostPaysAll())
''')


def test_budget_with_a_model_prices_with_that_models_payers(tmp_path):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "host_pays.py").write_text(HOST_PAYS, encoding="utf-8")
    with planner_with(folder) as planner:
        home = planner.home().code
        saved = planner.budgeting.report(model="reciprocal")
        report = planner.budgeting.report(model="host_pays_all")
        hosts = {d.id: d.host(home) for d in planner.delegations()}
        senders = {d.id: d.sender(home) for d in planner.delegations()}
        assert report.budget.lines and all(line.payer == hosts[line.delegation_id] for line in report.budget.lines)
        assert any(line.payer == senders[line.delegation_id] for line in saved.budget.lines)  # reciprocal: the sender pays some


def test_plugins_json_lists_everything_a_plugin_did(tmp_path):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "host_pays.py").write_text(HOST_PAYS, encoding="utf-8")
    (folder / "bad_syntax.py").write_text("x = (\n", encoding="utf-8")
    result = env_cli("--db", str(tmp_path / "db.json"), "plugins", "--json", env={"DELEGATIONS_PLUGINS_PATH": str(folder)})
    assert result.returncode == 4
    data = json.loads(result.stdout)
    rows = {r["id"]: r for r in data["plugins"]}
    row = rows["host_pays"]
    assert row["source"] == f"file {folder / 'host_pays.py'}" and row["origin"] == "path"
    assert row["registered"] == {"cost_models": ["host_pays_all"]} and row["hooks"] == ["register_cost_models"]
    assert isinstance(row["load_ms"], float) and row["errors"] == []
    assert rows["exporters"]["registered"] == {"exporters": ["pdf", "proposal", "decision", "invitation", "programme", "roster", "report",
                                                                "budget", "budget.xlsx", "settlement", "settlement.xlsx"]}
    assert rows["locales"]["registered"] == {"locales": ["vi", "lo", "en"]}
    assert rows["cost_items"]["registered"]["cost_items"][0] == "board_lodging"
    [err] = rows["bad_syntax"]["errors"]
    assert err["file"] == str(folder / "bad_syntax.py") and err["line"] == 1 and "SyntaxError" in err["error"]
    assert data["failures"][0]["line"] == 1


def test_plugins_hooks_prints_every_hooks_documentation():
    from delegations import api
    from delegations.reference import hooks

    out = env_cli("plugins", "--hooks").stdout
    for name, signature, doc in hooks():
        assert signature in out and doc.splitlines()[0] in out
    for name in api.CLASSES:
        assert f"\n{name}\n" in out
    assert "lang: str\n      the document language" in out and "vi-lo" in out


def test_the_testing_helper_refuses_a_plugin_that_did_not_load(tmp_path):
    bad = tmp_path / "broken.py"
    bad.write_text("import no_such_module_at_all\n", encoding="utf-8")
    with pytest.raises(PluginProblem, match="no_such_module_at_all"):
        with planner_with(bad):
            pass
    with planner_with(bad, strict=False) as planner:
        assert planner.host.failures[0].plugin == "broken"


def test_a_failing_validator_is_named_with_its_file_and_line(tmp_path):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "strict_rules.py").write_text(textwrap.dedent('''
        from delegations.api import hookimpl

        @hookimpl
        def validate_delegation(delegation, plan, registry):
            return 1 / 0

        @hookimpl
        def validate_plan(plan, delegations, registry):
            return "not a list"
    '''), encoding="utf-8")
    with planner_with(folder) as planner:
        planner.validate_plan()
        found = {f.hook: (f.file, f.line) for f in planner.host.failures if f.plugin == "strict_rules"}
    here = str(folder / "strict_rules.py")
    assert found == {"validate_delegation": (here, 6), "validate_plan": (here, 8)}
