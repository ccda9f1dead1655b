"""The example packaged plugin (examples/delegations-champasak), installed for real into
a fresh virtual environment and found through its entry point."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "delegations-champasak"


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory):
    env_dir = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    purelib = subprocess.check_output([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip()
    # The program and its libraries come from the environment under test (a path file),
    # so that nothing else is downloaded; the plugin itself is installed with pip.
    # addsitedir, not a bare path: the editable install of the program is itself a path file there.
    here = sysconfig.get_paths()["purelib"]
    Path(purelib, "delegations-under-test.pth").write_text(f"import site; site.addsitedir({here!r})\n", encoding="utf-8")
    # Built from a copy: pip's in-tree build would leave build/ in the repository.
    source = tmp_path_factory.mktemp("example") / EXAMPLE.name
    shutil.copytree(EXAMPLE, source)
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", str(source)], check=True,
                   env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    return python


def run(python, *args, env=None, **kw):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DELEGATIONS_")}
    return subprocess.run([python, *args], capture_output=True, text=True, env={**base, "DELEGATIONS_LANG": "vi", **(env or {})}, **kw)


def test_the_installed_plugin_is_listed_with_its_hooks(fresh_python, tmp_path):
    result = run(fresh_python, "-m", "delegations.cli", "--db", str(tmp_path / "db.json"), "plugins")
    assert result.returncode == 0, result.stderr
    block = result.stdout.split("champasak  [", 1)[1]
    assert block.startswith("gói delegations-champasak 1.0.0 (điểm nạp delegations_champasak)")  # in the interface language
    lines = block.splitlines()
    assert lines[1].startswith("    phiên bản 1.0.0")
    assert "register_cost_models, register_exporters, register_locales, register_partners, validate_delegation" in lines[2]
    assert "    định dạng xuất: csv" in lines   # what it registers, named in the interface language


ONE_FILE_CHAMPASAK = """
from delegations.api import hookimpl, Organisation, Text

@hookimpl
def register_partners(register):
    register(Organisation(code="champasak_officer", country="LA",
        name=Text.of(vi="LHCĐ tỉnh Champasak (bản của tôi)", lo="ສະຫະພັນກຳມະບານແຂວງຈຳປາສັກ", en="Champasak FTU (mine)"),
        short_name=Text.of(vi="LHCĐ Champasak", lo="ສກບ ຈຳປາສັກ", en="Champasak FTU"),
        province=Text.of(vi="tỉnh Champasak", lo="ແຂວງຈຳປາສັກ", en="Champasak Province")))
"""

FAKE_PDF = """
from delegations.api import hookimpl, Text

class NotAPdf:
    format, suffix = "pdf", ".pdf"
    label = Text.of(vi="PDF giả", en="fake PDF")

    def export(self, request):
        return b"not a pdf"

@hookimpl
def register_exporters(register):
    register(NotAPdf(){replace})
"""


@pytest.mark.parametrize("replace", [False, True])
def test_a_file_of_the_same_name_and_a_second_pdf_disable_nothing_silently(fresh_python, tmp_path, replace):
    home = tmp_path / "home"
    (home / "plugins").mkdir(parents=True)
    (home / "plugins" / "champasak.py").write_text(ONE_FILE_CHAMPASAK, encoding="utf-8")
    (home / "plugins" / "fake_pdf.py").write_text(FAKE_PDF.format(replace=", replace=True" if replace else ""), encoding="utf-8")
    env = {"DELEGATIONS_HOME": str(home)}
    db = str(tmp_path / "db.json")
    result = run(fresh_python, "-m", "delegations.cli", "--db", db, "plugins", "--json", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    rows = {r["id"]: r for r in data["plugins"]}
    assert rows["champasak"]["source"] == f"file {home / 'plugins' / 'champasak.py'}"
    assert rows["champasak@package"]["source"].startswith("package delegations-champasak 1.0.0")
    assert rows["champasak@package"]["registered"]["exporters"] == ["csv"]
    assert rows["champasak@package"]["registered"]["cost_models"] == ["host_pays_all"]
    assert {"kind": "plugins", "code": "champasak", "plugins": ["champasak", "champasak@package"], "kept": None,
            "sources": [rows["champasak"]["source"], rows["champasak@package"]["source"]]} in data["conflicts"]
    if replace:
        assert data["replacements"] == [{"kind": "exporters", "code": "pdf", "by": "fake_pdf", "replaced": "exporters"}]
    else:
        assert {"kind": "exporters", "code": "pdf", "plugins": ["exporters", "fake_pdf"], "kept": "exporters",
                "sources": ["built-in", rows["fake_pdf"]["source"]]} in data["conflicts"]
    warned = run(fresh_python, "-m", "delegations.cli", "--db", db, "list", env=env).stderr
    assert "champasak@package" in warned and "fake_pdf" in warned
    out = tmp_path / "out"
    csv_file = run(fresh_python, "-m", "delegations.cli", "--db", db, "export", "--format", "csv", "--output", str(out), env=env)
    assert csv_file.returncode == 0, csv_file.stderr
    assert Path(csv_file.stdout.strip()).read_text(encoding="utf-8").startswith("seq,direction")
    pdf = run(fresh_python, "-m", "delegations.cli", "--db", db, "export", "--output", str(out), env=env)
    assert pdf.returncode == 0, pdf.stderr
    assert Path(pdf.stdout.strip()).read_bytes().startswith(b"not a pdf" if replace else b"%PDF")


def test_the_example_plugins_own_tests_pass_against_the_installed_copy(fresh_python, tmp_path):
    result = run(fresh_python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                 str(EXAMPLE / "tests"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


def test_the_plugin_partner_is_offered_in_the_ui_and_printed_in_an_export(fresh_python, tmp_path):
    result = run(fresh_python, str(ROOT / "tests" / "fresh_env_probe.py"), str(tmp_path / "db.json"), str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert "LHCĐ tỉnh Champasak" in seen["ui_partners"] and "LHCĐ tỉnh Savannakhet" in seen["ui_partners"]
    assert seen["cost_model"] == "host_pays_all"  # the partner's default, from the plugin's own cost model
    text = "".join(seen["pdf_text"].split())
    assert "ĐoànLĐLĐtỉnhQuảngTrịsangChampasak" in text
    assert "LHCĐtỉnhChampasakchịuchiphíăn,nghỉvàchiphívềphươngtiệnđilại" in text


def test_without_the_plugin_the_program_does_not_know_champasak(tmp_path):
    result = subprocess.run([sys.executable, "-m", "delegations.cli", "--db", str(tmp_path / "db.json"), "plugins"],
                            capture_output=True, text=True)
    assert "champasak" not in result.stdout
