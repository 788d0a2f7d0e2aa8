"""What docmodels keeps in the user's cache folder changes how fast a run is, never what it writes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import user_cache


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_compiled_templates_and_pages_are_kept_and_give_the_same_output(
    project: Path, run: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("gen").code == 0
    first = tree(project / "generated")
    cache = user_cache.cache_folder()
    assert list((cache / "templates").iterdir()), "compiled templates are kept"
    assert list(cache.glob("pages-*.pickle"))
    assert run("gen", "--out", "again").code == 0
    assert tree(project / "again") == first


def test_a_cache_folder_that_cannot_be_written_changes_nothing(
    project: Path, run: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("gen").code == 0
    expected = tree(project / "generated")
    blocked = project / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("DOCMODELS_CACHE_DIR", str(blocked / "cache"))
    result = run("gen", "--out", "elsewhere")
    assert result.code == 0, result.err
    assert tree(project / "elsewhere") == expected


def test_a_damaged_compiled_template_is_compiled_again(
    project: Path, run: Callable[..., Any]
) -> None:
    assert run("gen").code == 0
    expected = tree(project / "generated")
    for compiled in (user_cache.cache_folder() / "templates").iterdir():
        compiled.write_bytes(b"\x00garbage")
    assert run("gen", "--out", "again").code == 0
    assert tree(project / "again") == expected


def test_a_run_with_every_page_kept_loads_neither_markdown_it_nor_the_openapi_matcher(
    project: Path, run: Callable[..., Any]
) -> None:
    import subprocess
    import sys

    assert run("gen").code == 0
    (project / "generated" / "example_models" / "py.typed").unlink()  # not a no-op: a full run
    probe = (
        "import sys\n"
        "from generator.cli import main\n"
        "assert main(['gen']) == 0\n"
        "heavy = ('markdown_it', 'generator.openapi.match', 'generator.openapi.run', 'black')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=project, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
    assert (project / "generated" / "example_models" / "py.typed").is_file()
