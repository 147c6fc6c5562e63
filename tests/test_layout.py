"""The test tree is one package, so any subset of its folders runs in one pytest call:
two ``conftest.py`` files (or two test modules of one name) in different folders are
different modules, and helpers are imported by their full name (``tests.web.conftest``)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent


def test_every_test_folder_is_a_package() -> None:
    folders = {p.parent for p in TESTS.rglob("*.py") if "data" not in p.relative_to(TESTS).parts}
    missing = sorted(str(f.relative_to(TESTS.parent)) for f in folders
                     if not (f / "__init__.py").exists())  # fmt: skip
    assert missing == []


def test_no_test_imports_a_sibling_by_its_bare_name() -> None:
    bare = []
    local = {p.stem for p in TESTS.rglob("*.py")}
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            bare += [f"{path.relative_to(TESTS.parent)}: {n}" for n in names if n in local]
    assert bare == []
