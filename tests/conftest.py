"""Shared fixtures: a private cache per test, the CLI run in process, a project folder, the corpus; the
plain helpers are in tests/helpers.py."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from generator.cli import main
from tests.helpers import (
    SPECS,
    Result,
    corpus_missing,
    require_corpus,
)

#: Tests never time: hypothesis's per-example deadline (200 ms) fails property tests on a busy machine.
settings.register_profile("docmodels", deadline=None)
settings.load_profile("docmodels")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: a test that takes seconds (`pytest -m 'not slow'` leaves it out)"
    )
    config.addinivalue_line(
        "markers", "corpus: reads ../shared/corpus; skipped without it, and counted as slow"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A `corpus` test is slow, and skipped with the reason when the corpus is not beside the project.

    First, so that `-m "not slow"` sees the marks added here."""
    missing = corpus_missing()
    for item in items:
        if item.get_closest_marker("corpus") is None:
            continue
        item.add_marker(pytest.mark.slow)
        if missing:
            item.add_marker(pytest.mark.skip(reason=missing))


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test gets its own docmodels cache folder (the no-op fast path's records)."""
    monkeypatch.setenv("DOCMODELS_CACHE_DIR", str(tmp_path_factory.mktemp("docmodels-cache")))


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Iterator[object]:
    """Run `docmodels ARGS...` in process; returns its exit code and output."""

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    yield invoke


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user project in a temporary folder: a copy of specs/ and a pyproject.toml that points at it, with
    this repository's settings (its output is generated/)."""
    shutil.copytree(SPECS, tmp_path / "specs")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.docmodels]\ndocs = ["specs"]\nout = "generated"\npackage = "example_models"\n'
        'wire_names = "as-written"\ntests = "properties"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def corpus() -> Path:
    """The corpus folder; the test is skipped, with where the corpus comes from, when it is missing."""
    return require_corpus()
