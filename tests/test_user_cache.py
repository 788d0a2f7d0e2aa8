"""What docmodels keeps in the user's cache folder changes how fast a run is, never what it writes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.cache_store import default_folder
from tests.helpers import modules_after


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_pages_and_records_are_kept_as_data_and_give_the_same_output(
    project: Path, run: Callable[..., Any]
) -> None:
    assert run("gen").code == 0
    first = tree(project / "generated")
    cache = default_folder()
    assert list((cache / "pages").glob("*.entry"))
    assert list((cache / "render").glob("*.entry"))
    assert list((cache / "template-names").glob("*.entry"))
    assert run("gen", "--out", "again").code == 0
    assert tree(project / "again") == first
    kept = [p for p in cache.rglob("*") if p.is_file()]
    assert kept and all(p.suffix == ".entry" for p in kept), kept  # no compiled templates
    assert all(p.read_bytes().startswith(b"docmodels-cache 1 ") for p in kept)


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


def test_what_older_releases_kept_is_removed_and_never_read(
    project: Path, run: Callable[..., Any]
) -> None:
    cache = default_folder()
    (cache / "templates").mkdir(parents=True)
    legacy = [
        cache / "pages-0123456789abcdef01234567.pickle",
        cache / "fastpath-0123456789abcdef01234567.json",
        cache / "templates" / "__jinja2_0123456789abcdef.cache",
    ]
    for path in legacy:
        path.write_bytes(b"\x80\x05 never loaded")
    mine = cache / "notes.txt"  # not docmodels': left alone
    mine.write_text("mine", encoding="utf-8")
    assert run("gen").code == 0
    assert not any(p.exists() for p in legacy)
    assert not (cache / "templates").exists()
    assert mine.read_text(encoding="utf-8") == "mine"


def test_a_run_with_every_page_kept_loads_neither_markdown_it_nor_the_openapi_matcher(
    project: Path, run: Callable[..., Any]
) -> None:

    assert run("gen").code == 0
    (project / "generated" / "example_models" / "py.typed").unlink()  # not a no-op: a full run
    _, heavy = modules_after(
        "from generator.cli import main\nassert main(['gen']) == 0",
        project,
        ("markdown_it", "generator.openapi.match", "generator.openapi.run", "black"),
    )
    assert heavy == []
    assert (project / "generated" / "example_models" / "py.typed").is_file()
