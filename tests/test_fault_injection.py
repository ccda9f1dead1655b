"""Fault injection through the command line: every hook raising and returning
garbage, every OS error on open, save and export. Whatever fails: no traceback,
the culprit (plugin, file) is named, the exit status is the documented one,
and the database's bytes are unchanged."""

from __future__ import annotations

import errno
import os
import tempfile
import textwrap
from pathlib import Path

import pytest

from delegations import cli
from delegations.cli import EXIT_CRASH, EXIT_DATA, EXIT_PLUGIN, EXIT_PROBLEMS
from delegations.store import Repository
from delegations.defaults import default_data

PLUGIN = "faulty_probe"

# For each hook: the body that raises, the body that returns (or registers) garbage,
# the command that meets it, and the status it must end with.
HOOKS = {
    "register_partners": ("register", ["list"], 0),
    "register_cost_items": ("register", ["list"], 0),
    "register_cost_models": ("register", ["list"], 0),
    "register_rate_tables": ("register", ["list"], 0),
    "register_locales": ("register", ["list"], 0),
    "register_exporters": ("register", ["list"], 0),
    "validate_delegation": ("delegation, plan, registry", ["validate"], EXIT_PLUGIN),
    "validate_plan": ("plan, delegations, registry", ["validate"], EXIT_PLUGIN),
}


def _plugin_source(hook: str, args: str, mode: str) -> str:
    if mode == "raise":
        body = "raise RuntimeError('probe exploded')"
    elif hook.startswith("register_"):
        body = "register(object())"
    else:
        body = "return 'not a list of problems'"
    return textwrap.dedent(f"""
        from delegations import hookimpl

        @hookimpl
        def {hook}({args}):
            {body}
    """)


@pytest.fixture
def env(tmp_path, monkeypatch):
    db = tmp_path / "db.json"
    Repository(db, default_data=default_data).close()
    plugins = tmp_path / "extra-plugins"
    plugins.mkdir()
    monkeypatch.setenv("DELEGATIONS_DB", str(db))
    monkeypatch.setenv("DELEGATIONS_PLUGINS_PATH", str(plugins))
    return db, plugins, tmp_path


def run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    text = out + err
    assert "Traceback" not in text, text
    return code, text


@pytest.mark.parametrize("mode", ["raise", "garbage"])
@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_hook_failing_is_named_and_changes_nothing(env, capsys, hook, mode):
    db, plugins, _ = env
    args, command, status = HOOKS[hook]
    (plugins / f"{PLUGIN}.py").write_text(_plugin_source(hook, args, mode), "utf-8")
    before = db.read_bytes()
    code, text = run(capsys, *command)
    assert code == status, text
    assert PLUGIN in text
    code, text = run(capsys, "plugins")
    assert code == EXIT_PLUGIN and PLUGIN in text and hook in text, text
    assert db.read_bytes() == before


@pytest.mark.parametrize("mode", ["raise", "garbage"])
def test_a_failing_validator_blocks_the_save(env, capsys, mode):
    db, plugins, _ = env
    (plugins / f"{PLUGIN}.py").write_text(_plugin_source("validate_delegation", "delegation, plan, registry", mode), "utf-8")
    before = db.read_bytes()
    code, text = run(capsys, "model", "norms", "--seq", "1")
    assert code == EXIT_PLUGIN, text
    assert PLUGIN in text and "validate_delegation" in text
    assert db.read_bytes() == before


def test_plugins_json_has_failures(env, capsys):
    import json

    _, plugins, _ = env
    (plugins / f"{PLUGIN}.py").write_text(_plugin_source("validate_plan", "plan, delegations, registry", "raise"), "utf-8")
    code = cli.main(["plugins", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == EXIT_PLUGIN
    assert [f["plugin"] for f in payload["failures"]] == [PLUGIN]
    assert payload["failures"][0]["hook"] == "validate_plan"


MODEL = """
from delegations import hookimpl
from delegations.domain import Text

class Faulty:
    code = "faulty_model"
    label = Text.of(vi="Hỏng", en="Broken")

    def cost_lines(self, delegation, home, partner):
        {cost_lines}

    def estimate(self, delegation, home, table):
        {estimate}

class FaultyExporter:
    format, suffix = "probe", ".txt"
    label = Text.of(vi="Thử", en="Probe")

    def export(self, request):
        {export}

@hookimpl
def register_cost_models(register):
    register(Faulty())

@hookimpl
def register_exporters(register):
    register(FaultyExporter())
"""


@pytest.mark.parametrize("mode", ["raise", "garbage"])
@pytest.mark.parametrize("command", [["model", "faulty_model", "--seq", "1"], ["budget", "--model", "faulty_model"],
                                     ["export", "--format", "probe"]])
def test_cost_models_and_exporters_failing_are_named(env, capsys, mode, command):
    db, plugins, tmp = env
    body = "raise RuntimeError('probe exploded')" if mode == "raise" else "return 42"
    (plugins / f"{PLUGIN}.py").write_text(MODEL.format(cost_lines=body, estimate=body, export=body), "utf-8")
    before = db.read_bytes()
    extra = ["--output", str(tmp / "out")] if command[0] == "export" else []
    code, text = run(capsys, *command, *extra)
    assert code == EXIT_PLUGIN, text
    assert PLUGIN in text
    assert db.read_bytes() == before
    assert not (tmp / "out").exists() or not any((tmp / "out").iterdir())


# --- OS errors --------------------------------------------------------------------

def _raiser(exc_type, code):
    def boom(*args, **kwargs):
        raise exc_type(code, os.strerror(code))
    return boom


OPEN_ERRORS = [
    (IsADirectoryError, errno.EISDIR, "it is a folder"),
    (PermissionError, errno.EACCES, "permission denied"),
    (NotADirectoryError, errno.ENOTDIR, "not a folder"),
    (FileExistsError, errno.EEXIST, "in the way"),
    (OSError, errno.ENOSPC, "disk is full"),
]


@pytest.mark.parametrize("exc_type, code, words", OPEN_ERRORS)
def test_os_error_on_open(env, capsys, monkeypatch, exc_type, code, words):
    db, _, _ = env
    before = db.read_bytes()
    monkeypatch.setattr(Path, "read_bytes", _raiser(exc_type, code))
    status, text = run(capsys, "list")
    assert status == EXIT_DATA and str(db) in text and words in text, text
    monkeypatch.undo()
    assert db.read_bytes() == before


@pytest.mark.parametrize("exc_type, code, words", OPEN_ERRORS)
def test_os_error_on_save(env, capsys, monkeypatch, exc_type, code, words):
    db, _, _ = env
    before = db.read_bytes()
    import delegations.store.storage as storage

    monkeypatch.setattr(storage.os, "replace", _raiser(exc_type, code))
    status, text = run(capsys, "model", "norms")
    assert status == EXIT_DATA and str(db) in text and words in text, text
    monkeypatch.undo()
    assert db.read_bytes() == before
    assert [p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("exc_type, code, words", OPEN_ERRORS)
def test_os_error_on_export(env, capsys, monkeypatch, exc_type, code, words):
    db, _, tmp = env
    out = tmp / "exports-here"
    before = db.read_bytes()
    monkeypatch.setattr(tempfile, "mkstemp", _raiser(exc_type, code))
    status, text = run(capsys, "export", "--output", str(out))
    assert status == EXIT_DATA and str(out) in text and words in text, text
    monkeypatch.undo()
    assert db.read_bytes() == before


def test_real_files_in_the_way(env, capsys, tmp_path):
    db, _, _ = env
    before = db.read_bytes()
    folder = tmp_path / "a-folder"
    folder.mkdir()
    status, text = run(capsys, "--db", str(folder), "list")
    assert status == EXIT_DATA and str(folder) in text and "it is a folder" in text
    status, text = run(capsys, "--db", str(db / "under"), "list")
    assert status == EXIT_DATA and "not a folder" in text
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    status, text = run(capsys, "--db", str(empty), "list")
    assert status == EXIT_DATA and "empty" in text and empty.read_bytes() == b""
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    status, text = run(capsys, "export", "--output", str(a_file))
    assert status == EXIT_DATA and str(a_file) in text
    status, text = run(capsys, "export", "--output", str(a_file / "sub"))
    assert status == EXIT_DATA and "not a folder" in text
    assert a_file.read_text() == "x" and db.read_bytes() == before


def test_an_os_error_no_step_expected_is_still_a_message(env, capsys, tmp_path):
    in_the_way = tmp_path / "not-a-folder"
    in_the_way.write_text("x")
    status, text = run(capsys, "partner", "new", "Champasak", "--dir", str(in_the_way))
    assert status == EXIT_DATA and str(in_the_way) in text, text
    assert in_the_way.read_text() == "x"


# --- bugs ---------------------------------------------------------------------------

def test_a_bug_exits_non_zero_and_names_the_report(env, capsys, monkeypatch):
    def bug(planner, args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setitem(cli.COMMANDS, "list", bug)
    status, text = run(capsys, "list")
    assert status == EXIT_CRASH
    report = next(w for w in text.split() if "delegations-crash-" in w).rstrip(";.,")
    assert "ZeroDivisionError: a bug" in Path(report).read_text("utf-8")
    Path(report).unlink()
    status = cli.main(["--debug", "list"])
    assert status == EXIT_CRASH and "Traceback" in capsys.readouterr().err


# --- the CLI cases ---------------------------------------------------------------

@pytest.mark.parametrize("damage, words", [
    (lambda d: d.__setitem__("settings", "oops"), "settings"),
    (lambda d: d.__setitem__("settings", {"1": {"home": ["x"]}}), "home"),
    (lambda d: d.__setitem__("settings", {"1": {"exchange_rates": "x"}}), "exchange_rates"),
    (lambda d: d.__setitem__("settings", {"1": {"rate_amounts": {"tt35-2026-c": {"lodging/all": "abc"}}}}), "rate_amounts"),
    (lambda d: d.__setitem__("meta", {"1": {}}), "schema_version"),
    (lambda d: d.__setitem__("meta", "x"), "meta"),
    (lambda d: d.__setitem__("meta", {"1": {"schema_version": "2"}}), "schema_version"),
    (lambda d: d.__setitem__("meta", {"1": {"schema_version": 2.5}}), "schema_version"),
])
def test_damaged_settings_and_meta_are_refused(env, capsys, damage, words):
    import json

    db, _, _ = env
    data = json.loads(db.read_text("utf-8"))
    damage(data)
    db.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    before = db.read_bytes()
    for command in (["list"], ["budget"], ["fx", "USD", "VND", "25000"]):
        status, text = run(capsys, *command)
        assert status == EXIT_DATA and words in text and str(db) in text, text
    assert db.read_bytes() == before


def test_huge_and_tiny_numbers(env, capsys):
    db, _, _ = env
    before = db.read_bytes()
    status, text = run(capsys, "rates", "set", "tt102-2012-laos", "per_diem", "1e400")
    assert status == EXIT_PROBLEMS and "per_diem" in text
    status, text = run(capsys, "fx", "USD", "VND", "1e-30")
    assert status == EXIT_PROBLEMS and "rate" in text
    status, text = run(capsys, "rate", "3", "lodging", "1e30", "VND")
    assert status == EXIT_PROBLEMS and "amount" in text
    with pytest.raises(SystemExit) as refused:  # a year out of bounds is refused with the option, as a wrong value
        run(capsys, "fx", "USD", "VND", "25000", "--date", "0001-01-01")
    assert refused.value.code == 2 and "--date" in capsys.readouterr().err
    status, text = run(capsys, "partner", "new", "Cham\x1b[2Jpasak", "--dir", str(db.parent / "p"))
    assert status == EXIT_PROBLEMS and "U+001B" in text and "\x1b" not in text and not (db.parent / "p").exists()
    assert db.read_bytes() == before
    status, text = run(capsys, "budget", "--currency", "USD")   # made with what can be converted: none here
    assert status == 0 and "fx VND USD" in text and "totals are incomplete" in text


def test_an_old_out_of_bounds_rate_is_reported_not_a_traceback(env, capsys):
    import json

    db, _, _ = env
    data = json.loads(db.read_text("utf-8"))
    data["settings"]["1"]["exchange_rates"] = [{"source": "USD", "target": "VND", "rate": "1e-30", "day": "2020-01-01"}]
    data["settings"]["1"]["rate_amounts"] = {"tt102-2012-laos": {"per_diem/all": "1e26"}, "tt35-2026-c": {"lodging/member": "1e26"}}
    db.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    status, text = run(capsys, "budget", "--currency", "USD")
    assert status == 2 and "too large" in text, text


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_real_read_only_export_folder(env, capsys, tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        status, text = run(capsys, "export", "--output", str(folder))
    finally:
        folder.chmod(0o755)
    assert status == EXIT_DATA and str(folder) in text and "permission denied" in text


def test_validate_names_a_failed_validator_once(env, capsys):
    _, plugins, _ = env
    (plugins / f"{PLUGIN}.py").write_text(_plugin_source("validate_delegation", "delegation, plan, registry", "raise"), "utf-8")
    status, text = run(capsys, "validate")
    assert status == EXIT_PLUGIN and text.count(PLUGIN) == 1, text
