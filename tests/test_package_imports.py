"""The package imports its own modules relatively: the wheel installs it as `docmodels`, with no `generator`."""

from __future__ import annotations

import ast

from tests.helpers import ROOT


def absolute_self_imports(source: str) -> list[int]:
    """Lines of `source` that import `generator` (or a module under it) by its absolute name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        if any(name == "generator" or name.startswith("generator.") for name in names):
            found.append(node.lineno)
    return found


def test_the_check_finds_absolute_imports() -> None:
    source = "import generator\nfrom generator.ir import Model\nfrom .ir import Spec\nimport generators\n"
    assert absolute_self_imports(source) == [1, 2]


def test_no_module_of_the_package_imports_it_by_name() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / "generator").rglob("*.py"))
        for line in absolute_self_imports(path.read_text(encoding="utf-8"))
    ]
    assert not found, f"use a relative import (from .x import y): {found[:10]}"


#: Modules that turn bytes into live objects or code: nothing docmodels reads back may go through them.
CODE_LOADERS = {"pickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle"}


def code_loader_imports(source: str) -> list[int]:
    """Lines of `source` that import a module able to run code while loading data."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        if any(name.split(".")[0] in CODE_LOADERS for name in names):
            found.append(node.lineno)
    return found


def test_the_check_finds_code_loaders() -> None:
    assert code_loader_imports("import pickle\nfrom marshal import loads\nimport json\n") == [1, 2]


def test_the_package_imports_no_pickle_nor_marshal() -> None:
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{line}"
        for path in sorted((ROOT / "generator").rglob("*.py"))
        for line in code_loader_imports(path.read_text(encoding="utf-8"))
    ]
    assert not found, f"a cache must hold data only: {found}"
