"""The domain model is pure: no I/O, no UI, no document or storage library."""

import ast
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[1] / "src" / "delegations" / "domain"
FORBIDDEN_MODULES = {"os", "io", "pathlib", "shutil", "tempfile", "json", "sqlite3", "subprocess", "socket",
                     "textual", "rich", "reportlab", "tinydb", "filelock", "babel", "pluggy", "gettext"}
FORBIDDEN_CALLS = {"open", "print", "input"}


def test_domain_imports_nothing_that_does_io():
    offenders = []
    for file in DOMAIN.glob("*.py"):
        tree = ast.parse(file.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            elif isinstance(node, ast.ImportFrom) and node.level > 1:
                offenders.append(f"{file.name}: imports outside the domain")
            for name in names:
                if name.split(".")[0] in FORBIDDEN_MODULES:
                    offenders.append(f"{file.name}: import {name}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
                offenders.append(f"{file.name}:{node.lineno}: {node.func.id}()")
    assert offenders == []
    assert len(list(DOMAIN.glob("*.py"))) >= 5
