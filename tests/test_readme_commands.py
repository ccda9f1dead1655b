"""The command examples of the README run: every ``delegations …`` line of its shell blocks
without a placeholder is run, in order, against a temporary data folder (a fresh copy of the
shipped plan), and must be understood (not exit 2) and end without a crash."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from delegations.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
# Words that stand for something to fill in, and commands that need a terminal or a file of the user's.
PLACEHOLDER = re.compile(r"…|\[|\]|\||^(TABLE|ITEM|AMOUNT|SEQ|N|FILE|PATH|ID|CODE|PAGES|DATE|DAYS|DIR|LANG|RATE|NAME)$")
NEEDS_FILES = {"import"}                 # the user's own .docx/.xlsx
NOT_HERE = {"ui"}                         # a terminal


def examples() -> list[list[str]]:
    """The README's command lines (continuations joined, comments dropped), as arguments."""
    text = README.read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        joined = re.sub(r"\\\n\s*", " ", block)
        for line in joined.splitlines():
            line = line.strip()
            m = re.match(r"^(?:\.venv/bin/)?delegations(\s.*)?$", line)
            if not m:
                continue
            try:
                words = shlex.split(line, comments=True)[1:]
            except ValueError:
                continue
            if not words or any(PLACEHOLDER.search(w) for w in words):
                continue
            if words[0] in NEEDS_FILES or words[0] in NOT_HERE or (words[0] == "roster" and "import" in words):
                continue
            found.append(words)
    return found


def test_the_readme_has_command_examples_to_run():
    commands = examples()
    assert len(commands) >= 40, commands
    assert ["rates", "set", "tt102-2012-laos", "lodging/leader", "100"] in commands


# Examples refused (exit 2, with a message) only because of what the examples before them left:
# a person or item number another example removed, a delegation the plan shown has no longer,
# a step already taken; restore-defaults asks for --yes when not in a terminal.
REFUSED_BY_STATE = {"restore-defaults", "plan delete", "roster 3 edit", "roster 3 remove", "programme 3 remove",
                    "status 3 approved --correct", "export --document proposal", "export --document decision",
                    "export --document roster", "export --document settlement"}


def test_every_command_example_of_the_readme_is_understood_and_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DELEGATIONS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "120")
    failed, done = [], 0
    for words in examples():
        args = words + (["--output", str(tmp_path / "out"), "--force"] if words[0] == "export" else [])
        line = " ".join(words)
        try:
            code = main(args)
        except SystemExit as exc:   # argparse refuses the command line itself: never right for an example
            failed.append((line, exc.code, capsys.readouterr().err.strip()[-300:]))
            continue
        out, err = capsys.readouterr()
        done += code == 0
        # 1 is a plan with problems (a passport too short, a delegation refused by the checks): understood and said.
        if code == 2 and any(line.startswith(prefix) for prefix in REFUSED_BY_STATE):
            continue
        if code not in (0, 1):
            failed.append((line, code, err.strip()[-300:]))
    assert not failed, "\n".join(map(str, failed))
    assert done >= 40
