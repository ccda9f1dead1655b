"""One home for the officer's data, and `delegations where` saying which paths are in use and why."""

import json
from pathlib import Path

import pytest

from delegations import cli, paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def installed_home(tmp_path, monkeypatch):
    """As an installed program sees it: no source checkout, the user's standard folders under HOME."""
    monkeypatch.setattr(paths, "checkout_root", lambda: None)
    monkeypatch.setenv("HOME", str(tmp_path))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_DOCUMENTS_DIR"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def where(capsys, *args) -> dict:
    assert cli.main([*args, "where", "--json"]) == 0
    return {r["key"]: r for r in json.loads(capsys.readouterr().out)}


def test_an_installed_program_uses_the_users_standard_folders(installed_home, capsys):
    shown = where(capsys)
    assert shown["database"]["path"] == str(installed_home / ".local/share/delegations/delegations.json")
    assert shown["plugins"]["path"] == str(installed_home / ".config/delegations/plugins")
    assert shown["exports"]["path"] == str(installed_home / "Documents/delegations")
    assert {shown[k]["origin"] for k in ("database", "plugins", "exports")} == {"mặc định: thư mục chuẩn của người dùng"}
    assert shown["lock"]["path"] == shown["database"]["path"] + ".lock"
    assert shown["fonts"]["path"] == str(paths.package_dir() / "fonts") and shown["fonts"]["exists"]
    assert Path(shown["plugin_guide"]["path"]).is_file() and Path(shown["seed"]["path"]).is_file()


def test_xdg_folders_are_followed(installed_home, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(installed_home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(installed_home / "conf"))
    assert paths.default_db_path() == installed_home / "data" / "delegations" / "delegations.json"
    assert paths.plugins_dir() == installed_home / "conf" / "delegations" / "plugins"


def test_delegations_home_then_the_db_variable_then_the_option(installed_home, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("DELEGATIONS_HOME", str(tmp_path / "office"))
    shown = where(capsys)
    assert shown["database"]["path"] == str(tmp_path / "office/data/delegations.json")
    assert shown["plugins"]["path"] == str(tmp_path / "office/plugins")
    assert shown["exports"]["path"] == str(tmp_path / "office/exports")
    assert shown["database"]["origin"] == "biến môi trường DELEGATIONS_HOME"
    monkeypatch.setenv("DELEGATIONS_DB", str(tmp_path / "other.json"))
    shown = where(capsys)
    assert (shown["database"]["path"], shown["database"]["via"]) == (str(tmp_path / "other.json"), "DELEGATIONS_DB")
    shown = where(capsys, "--db", str(tmp_path / "third.json"))
    assert (shown["database"]["path"], shown["database"]["origin"]) == (str(tmp_path / "third.json"), "tuỳ chọn --db")


def test_a_source_checkout_keeps_its_own_folders():
    assert paths.checkout_root() == ROOT
    assert paths.default_db_path() == ROOT / "data" / "delegations.json"
    assert paths.plugins_dir() == ROOT / "plugins" and paths.exports_dir() == ROOT / "exports"


def test_a_checkout_ships_no_database_of_its_own():
    """The checkout's data/ starts empty: its database is made from the shipped plan
    (default.json) as an installed program's is, so both show the same plan and budget,
    and running the program leaves the checkout's tracked files as they were."""
    import subprocess

    tracked = subprocess.run(["git", "ls-files", "data"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert tracked == ["data/.gitkeep"]
    ignored = subprocess.run(["git", "check-ignore", "data/delegations.json", "data/delegations.json.v4.bak"], cwd=ROOT,
                             capture_output=True, text=True).stdout.split()
    assert ignored == ["data/delegations.json", "data/delegations.json.v4.bak"]


def test_where_names_the_real_file_of_a_symlinked_database(tmp_path, capsys):
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(real)
    shown = where(capsys, "--db", str(tmp_path / "link.json"))
    assert shown["database_target"]["path"] == str(real)
    assert shown["lock"]["path"] == str(tmp_path / "real.json.lock")


def test_where_prints_one_line_per_path_without_opening_the_database(installed_home, capsys):
    assert cli.main(["--lang", "en", "where"]) == 0
    out = capsys.readouterr().out
    assert f"{installed_home}/.local/share/delegations/delegations.json  (default: the user's standard folder; not created yet)" in out
    assert not (installed_home / ".local").exists()


def test_partner_new_writes_into_the_officers_plugins_folder(installed_home, capsys):
    assert cli.main(["partner", "new", "Champasak"]) == 0
    written = installed_home / ".config" / "delegations" / "plugins" / "champasak.py"
    assert written.is_file() and str(paths.package_dir() / "docs" / "plugins.md") in written.read_text("utf-8")
