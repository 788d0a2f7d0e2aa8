from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.config import load_config
from generator.diff.change import Change
from generator.diff.compare import compare
from generator.diff.python_api import PythonApi
from generator.diff.sources import load_folders
from generator.render.python_view import PyStyle
from generator.render.targets import load_target
from tests.diff.docs import write_tree

Tree = tuple[dict[str, str], dict[str, str]]
Differ = Callable[..., list[Change]]


@pytest.fixture
def diff(tmp_path: Path) -> Differ:
    """Every change from the old tree to the new one: (models by title, operation pages by resource)."""

    def run(
        old: dict[str, str],
        new: dict[str, str],
        old_pages: dict[str, str] | None = None,
        new_pages: dict[str, str] | None = None,
        python: bool = False,
    ) -> list[Change]:
        old_root = write_tree(tmp_path / "old", old, old_pages)
        new_root = write_tree(tmp_path / "new", new, new_pages)
        config = load_config({"docs": [str(new_root)], "dialect": "python"}, cwd=tmp_path)
        before = load_folders([old_root], config, None)
        after = load_folders([new_root], config, None)
        api = None
        if python:
            style = PyStyle.from_options(load_target("dataclasses").python)
            api = PythonApi(style, "models")
        return compare(before.side, after.side, api)

    return run
