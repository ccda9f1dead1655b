"""The program as an officer gets it: the wheel built from this project, installed with pip
(not editable) into a fresh virtual environment, run from an empty folder with an empty HOME.
Its libraries come from the environment under test through a path file (nothing is downloaded);
the source tree is on no path."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pypdfium2 as pdfium
import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("install")
    # Built from a copy: an in-tree build would leave build/ in the checkout.
    source = base / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    wheels = base / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(source)],
                   check=True, cwd=base)
    [wheel] = wheels.glob("delegations-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True,
                   env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    purelib = subprocess.check_output([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip()
    # A bare path line: the libraries of the environment under test, without running its
    # path files (one of them puts this checkout's src/ on the path).
    Path(purelib, "libraries-under-test.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return {"wheel": wheel, "venv": venv, "python": python, "purelib": Path(purelib)}


@pytest.fixture
def officer(tmp_path):
    """An empty current folder and an empty HOME, nothing of the developer's set-up in the environment."""
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DELEGATIONS_", "XDG_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), DELEGATIONS_LANG="vi", TERM="xterm-256color", COLUMNS="200")
    return {"home": home, "cwd": cwd, "env": env}


def run(installed, officer, *args, env=None):
    return subprocess.run([installed["venv"] / "bin" / "delegations", *args], cwd=officer["cwd"], capture_output=True,
                          text=True, env={**officer["env"], **(env or {})}, timeout=300)


def test_the_wheel_holds_everything_the_program_reads_at_run_time(installed):
    import zipfile

    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for needed in ("delegations/partners/savannakhet.py", "delegations/partners/salavan.py", "delegations/data/default.json",
                   "delegations/data/rates/tt35-2026-class-c.json", "delegations/fonts/DelegationsSerif-Regular.ttf",
                   "delegations/i18n/locales/lo/LC_MESSAGES/delegations.mo", "delegations/ui/app.tcss",
                   "delegations/docs/plugins.md"):
        assert needed in names, needed
    assert (installed["purelib"] / "delegations" / "partners" / "salavan.py").is_file()


def test_an_officer_installs_it_and_the_shipped_plan_is_complete(installed, officer):
    home, cwd = officer["home"], officer["cwd"]
    result = run(installed, officer, "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Unknown partner" not in result.stderr and result.stderr == ""

    result = run(installed, officer, "list")
    assert result.returncode == 0, result.stderr
    assert "tỉnh Savannakhet" in result.stdout and "tỉnh Salavan" in result.stdout

    result = run(installed, officer, "export")
    assert result.returncode == 0, result.stderr
    pdf = Path(result.stdout.strip())
    assert pdf.parent == home / "Documents" / "delegations" and pdf.is_file()
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(pdf)))
    squeezed = "".join(text.split())
    assert "LHCĐtỉnhSavannakhet" in squeezed and "LHCĐtỉnhSalavan" in squeezed and "savannakhetchịu" not in squeezed

    result = run(installed, officer, "model", "norms")            # a save
    assert result.returncode == 0, result.stderr
    db = home / ".local" / "share" / "delegations" / "delegations.json"
    assert json.loads(db.read_text("utf-8"))["plans"]["1"]["cost_model"] == "norms"

    where = {r["key"]: r for r in json.loads(run(installed, officer, "where", "--json").stdout)}
    assert where["database"]["path"] == str(db) and where["database"]["exists"]
    assert where["plugins"]["path"] == str(home / ".config" / "delegations" / "plugins")
    assert where["fonts"]["path"].startswith(str(installed["venv"]))
    assert os.listdir(cwd) == []                                  # nothing in the current folder

    result = run(installed, officer, "partner", "new", "Champasak")
    assert result.returncode == 0, result.stderr
    assert (home / ".config" / "delegations" / "plugins" / "champasak.py").is_file()


@pytest.mark.parametrize("disabled", ["", "savannakhet"])
def test_the_installed_ui_opens_row_one_in_the_form(installed, officer, disabled):
    env = {"DELEGATIONS_DISABLE_PLUGINS": disabled} if disabled else {}
    result = subprocess.run([installed["python"], str(ROOT / "tests" / "install_probe.py")], cwd=officer["cwd"],
                            capture_output=True, text=True, env={**officer["env"], **env}, timeout=300)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["package"].startswith(str(installed["venv"]))   # the installed wheel, not the source tree
    assert seen["db"].startswith(str(officer["home"])) and seen["read_only"] is None
    assert seen["screen"] == "DelegationForm" and "1" in seen["title"]
    assert seen["partner"] == (None if disabled else "savannakhet")
    assert os.listdir(officer["cwd"]) == []
