"""Shared fixtures: the project's folders, the corpus beside it, and running the CLI in process."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from generator.cli import main
from generator.config import Config
from generator.formatting import fits, format_python
from generator.ir import Spec
from generator.pipeline import build
from generator.sync.disk import apply, compare
from tests.helpers import (
    CORPUS,
    CORPUS_SAMPLE,
    GENERATED,
    ROOT,
    SPECS,
    WHOLE_CORPUS,
    corpus_missing,
    require_corpus,
)

#: Tests never time: hypothesis's per-example deadline (200 ms) fails property tests on a busy machine.
settings.register_profile("docmodels", deadline=None)
settings.load_profile("docmodels")

__all__ = ["CORPUS", "CORPUS_SAMPLE", "GENERATED", "ROOT", "SPECS", "WHOLE_CORPUS"]


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


@dataclass
class Result:
    code: int
    out: str
    err: str


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
    """A user project in a temporary folder: a copy of specs/ and a pyproject.toml that points at it."""
    shutil.copytree(SPECS, tmp_path / "specs")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.docmodels]\ndocs = ["specs"]\nout = "generated"\npackage = "example_models"\n'
        'wire_names = "as-written"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def corpus() -> Path:
    """The corpus folder; the test is skipped, with where the corpus comes from, when it is missing."""
    return require_corpus()


def generate(
    docs: Path,
    out: Path,
    *,
    target: str = "dataclasses",
    package: str = "models",
    outputs: tuple[str, ...] = ("models", "docs", "tests"),
    tests: str = "examples",
) -> Spec:
    """Run the real pipeline on `docs` into `out`, failing the test on any error; returns the IR
    (`tests`: the `tests` setting, "properties" for the generated property tests)."""
    config = Config(
        docs=(docs,),
        out=out,
        package=package,
        outputs=outputs,
        target=target,
        templates=None,
        dialect="auto",
        source=None,
        tests=tests,
    )
    built = build(config)
    errors = [d.render() for d in built.diagnostics if d.severity == "error"]
    assert not errors, "\n".join(errors[:20])
    assert built.plan is not None
    apply(built.plan, out, compare(built.plan, out))
    assert_black_style(out)
    return built.spec


def assert_black_style(out: Path) -> None:
    """Every generated Python file is as black writes it, those that skipped black above all."""
    changed = [
        path.relative_to(out).as_posix()
        for path in sorted(out.rglob("*.py"))
        if fits(text := path.read_text(encoding="utf-8")) and format_python(str(path), text) != text
    ]
    assert not changed, f"black would change {len(changed)} files, first {changed[:5]}"


def assert_ruff_clean(out: Path, cwd: Path | None = None) -> None:
    """ruff with its default rules (`--isolated`: not the project's settings) finds nothing in `out`.

    Run from `cwd` (default: the folder holding `out`), where no folder has the generated package's name:
    ruff's isort rule then sees the package as third-party, as from a project's root."""
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated", "--quiet", str(out)],
        cwd=cwd or out.parent,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def escaped_pipes_outside_tables(docs: Path) -> list[str]:
    """`path:line` of each docs page line outside a table that holds a literal `\\|` (an escape only a
    table cell needs: in a code block or a paragraph a reader sees the backslash)."""
    return [
        f"{page.relative_to(docs).as_posix()}:{number}"
        for page in sorted(docs.rglob("*.md"))
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if "\\|" in line and not line.startswith("|")
    ]


def run_generated_tests(out: Path) -> None:
    """Run the generated pytest suite in `out`; fail with its output unless it passes."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", "tests"],
        cwd=out,
        capture_output=True,
        text=True,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": ""},
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-3000:]
    assert " passed" in done.stdout


def type_check(out: Path, package: str, cache: Path) -> None:
    """`mypy --strict` on the generated package and its tests; fail with its report."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), package, "tests"],
        cwd=out,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def import_fresh(folder: Path, package: str) -> None:
    """Make `package` in `folder` importable, forgetting any earlier import of the same name."""
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
        del sys.modules[name]
    sys.path.insert(0, str(folder))
