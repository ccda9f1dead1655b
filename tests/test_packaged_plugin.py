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


def run(python, *args, **kw):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DELEGATIONS_")}
    return subprocess.run([python, *args], capture_output=True, text=True, env={**env, "DELEGATIONS_LANG": "vi"}, **kw)


def test_the_installed_plugin_is_listed_with_its_hooks(fresh_python, tmp_path):
    result = run(fresh_python, "-m", "delegations.cli", "--db", str(tmp_path / "db.json"), "plugins")
    assert result.returncode == 0, result.stderr
    block = result.stdout.split("champasak  [", 1)[1]
    assert block.startswith("package delegations-champasak 1.0.0 (entry point delegations_champasak)")
    assert "register_cost_models, register_partners" in block.splitlines()[1]


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
