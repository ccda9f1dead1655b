import sys
import textwrap
from pathlib import Path

import pytest

from delegations.errors import UserError
from delegations.plugins import build_plugin_host

ROOT = Path(__file__).resolve().parents[1]

PARTNER_PLUGIN = textwrap.dedent('''
    from delegations import hookimpl
    from delegations.domain import Organisation, Text

    @hookimpl
    def register_partners(register):
        register(Organisation(
            code="{code}", country="LA",
            name=Text.of(vi="LHCĐ tỉnh {name}", lo="ສະຫະພັນກຳມະບານແຂວງ{name}", en="{name} FTU"),
            short_name=Text.of(vi="LHCĐ tỉnh {name}", lo="ສກບ {name}", en="{name} FTU"),
            province=Text.of(vi="tỉnh {name}", lo="ແຂວງ{name}", en="{name} Province"),
        ))
''')


def write_plugin(folder: Path, stem: str, code: str, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.py"
    path.write_text(PARTNER_PLUGIN.format(code=code, name=name), encoding="utf-8")
    return path


@pytest.fixture
def entry_point_dist(tmp_path, monkeypatch):
    """A real installed distribution (dist-info with entry_points.txt) on a temporary path."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "delegations_sekong.py").write_text(PARTNER_PLUGIN.format(code="sekong", name="Sekong"), encoding="utf-8")
    info = site / "delegations_sekong-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: delegations-sekong\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[delegations]\nsekong = delegations_sekong\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    yield site
    sys.modules.pop("delegations_sekong", None)


def test_plugins_from_all_places(tmp_path, monkeypatch, entry_point_dist):
    extra = tmp_path / "extra"
    write_plugin(extra, "champasak", "champasak", "Champasak")
    home = tmp_path / "home"
    own = write_plugin(home / "plugins", "attapeu", "attapeu", "Attapeu")
    monkeypatch.setenv("DELEGATIONS_PLUGINS_PATH", str(extra))
    monkeypatch.setenv("DELEGATIONS_HOME", str(home))
    host = build_plugin_host()
    sources = host.sources
    assert sources["validators"] == "built-in"
    assert sources["savannakhet"] == "shipped (delegations.partners.savannakhet)"
    assert sources["attapeu"] == f"file {own}"
    assert sources["champasak"] == f"file {extra / 'champasak.py'}"
    assert sources["sekong"].startswith("package delegations-sekong 1.0")
    assert {"savannakhet", "salavan", "attapeu", "champasak", "sekong"} <= set(host.registry.partners)
    assert host.failures == []
    rows = {r["name"]: r for r in host.plugin_rows()}
    assert rows["sekong"]["hooks"] == ["register_partners"]


def test_failing_plugins_are_reported_and_the_rest_load(tmp_path):
    folder = tmp_path / "plugins"
    write_plugin(folder, "good", "good", "Good")
    (folder / "broken_import.py").write_text("import no_such_module_here\n", encoding="utf-8")
    (folder / "raises.py").write_text(textwrap.dedent('''
        from delegations import hookimpl

        @hookimpl
        def register_partners(register):
            raise RuntimeError("partner table missing")
    '''), encoding="utf-8")
    host = build_plugin_host(plugin_dirs=[folder], entry_points=False)
    failures = {f.plugin: f for f in host.failures}
    assert "no_such_module_here" in failures["broken_import"].short()
    assert failures["raises"].hook == "register_partners"
    assert "partner table missing" in failures["raises"].short()
    assert "good" in host.registry.partners
    assert "reciprocal" in host.registry.cost_models


def test_same_partner_code_twice_is_a_conflict(tmp_path):
    folder = tmp_path / "plugins"
    write_plugin(folder, "a_first", "champasak", "Champasak")
    write_plugin(folder, "b_second", "champasak", "Champasak bis")
    host = build_plugin_host(plugin_dirs=[folder], entry_points=False)
    [conflict] = host.registry.conflicts
    assert (conflict.kind, conflict.code, conflict.plugins) == ("partners", "champasak", ("a_first", "b_second"))


def test_allow_list_and_disable(tmp_path, monkeypatch):
    folder = tmp_path / "plugins"
    write_plugin(folder, "one", "one", "One")
    write_plugin(folder, "two", "two", "Two")
    monkeypatch.setenv("DELEGATIONS_PLUGINS", "one")
    host = build_plugin_host(plugin_dirs=[folder], entry_points=False)
    assert set(host.registry.partners) == {"one"}
    assert "validators" in host.sources  # built-ins always load
    monkeypatch.delenv("DELEGATIONS_PLUGINS")
    monkeypatch.setenv("DELEGATIONS_DISABLE_PLUGINS", "two")
    host = build_plugin_host(plugin_dirs=[folder], entry_points=False)
    assert set(host.registry.partners) == {"one", "savannakhet", "salavan"}


def test_incomplete_partner_is_named_with_missing_fields(tmp_path):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "half.py").write_text(textwrap.dedent('''
        from delegations import hookimpl
        from delegations.domain import Organisation, Text

        @hookimpl
        def register_partners(register):
            register(Organisation(code="khammouane", country="LA", name=Text.of(vi="LHCĐ tỉnh Khammouane")))
    '''), encoding="utf-8")
    host = build_plugin_host(plugin_dirs=[folder], entry_points=False)
    assert "khammouane" not in host.registry.partners
    assert "name.lo" in host.registry.incomplete["half:khammouane"]


def test_shipped_partner_plugins_give_three_languages(host):
    for code, lao in (("savannakhet", "ແຂວງສະຫວັນນະເຂດ"), ("salavan", "ແຂວງສາລະວັນ")):
        p = host.registry.partners[code]
        assert p.country == "LA"
        assert p.province.get("lo") == lao
        assert p.name.get("vi").startswith("Liên hiệp Công đoàn tỉnh")
        assert p.name.get("en") and p.name.get("lo", fallback=False)
        assert p.default_cost_model in host.registry.cost_models


def test_partner_new_writes_a_plugin_that_names_what_is_missing(tmp_path):
    import subprocess
    import sys

    from delegations.scaffold import new_partner, slug

    folder = tmp_path / "mine"
    path = new_partner("Champasak", folder)
    assert path == folder / "champasak.py"
    source = path.read_text("utf-8")
    assert 'code="champasak"' in source and 'country="LA"' in source and "default_cost_model=" in source
    # Left empty: the program says what is missing and everything else still works.
    result = subprocess.run([sys.executable, "-m", "delegations.cli", "--db", str(tmp_path / "db.json"), "list"],
                            capture_output=True, text=True, env={**__import__("os").environ, "DELEGATIONS_PLUGINS_PATH": str(folder)})
    assert result.returncode == 0
    assert "champasak:champasak" in result.stderr and "province.lo" in result.stderr
    assert "name.vi" not in result.stderr and "short_name.vi" not in result.stderr  # written from the name typed
    assert 'vi="Liên hiệp Công đoàn tỉnh Champasak"' in source and 'vi="LHCĐ tỉnh Champasak"' in source
    assert "4 đoàn" in result.stdout
    # Filled in: it loads and is listed.
    filled = source
    for field in ("name", "short_name", "province"):
        block = filled.split(f"    {field}=Text.of(", 1)
        head, _sep, tail = block[1].partition("),")
        head = head.replace('lo=""', 'lo="ແຂວງຈຳປາສັກ"', 1).replace('en=""', 'en="Champasak FTU"', 1)
        filled = block[0] + f"    {field}=Text.of(" + head + ")," + tail
    path.write_text(filled, encoding="utf-8")
    host = build_plugin_host(plugin_dirs=[folder], entry_points=False)
    assert host.registry.incomplete == {} and host.failures == []
    assert host.registry.partners["champasak"].short("vi") == "LHCĐ tỉnh Champasak"
    with pytest.raises(UserError):
        new_partner("Champasak", folder)  # never over an existing file
    assert slug("Khăm Muộn") == "kham_muon" and slug("2 Provinces") == "partner_2_provinces"


def test_shipped_partners_load_from_the_package_and_can_be_disabled(monkeypatch):
    host = build_plugin_host(plugin_dirs=[], entry_points=False)
    assert host.sources["salavan"] == "shipped (delegations.partners.salavan)"
    assert host.registry.partners["savannakhet"].province.get("vi") == "tỉnh Savannakhet"
    monkeypatch.setenv("DELEGATIONS_DISABLE_PLUGINS", "savannakhet")
    host = build_plugin_host(plugin_dirs=[], entry_points=False)
    assert set(host.registry.partners) == {"salavan"} and host.failures == []


def test_an_officer_plugin_of_the_same_name_replaces_the_shipped_one_and_loads_once(tmp_path):
    folder = tmp_path / "plugins"
    own = write_plugin(folder, "savannakhet", "savannakhet", "Savannakhet (bản của tôi)")
    # the same folder named twice (e.g. also in $DELEGATIONS_PLUGINS_PATH) is read once
    host = build_plugin_host(plugin_dirs=[folder, tmp_path / "." / "plugins"], entry_points=False)
    assert host.failures == [] and host.registry.conflicts == []
    assert host.sources["savannakhet"] == f"file {own}"
    assert host.replaced == {"savannakhet": f"file {own}"}
    assert host.registry.partners["savannakhet"].name.get("vi") == "LHCĐ tỉnh Savannakhet (bản của tôi)"
