"""What the tests share without being fixtures: the project's folders, the corpus beside it, and running the
pipeline and the generated package's own checks (black, ruff, pytest, mypy)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.config import Config
from generator.formatting import fits, format_python
from generator.ir import Spec
from generator.pipeline import build
from generator.sync.disk import apply, compare

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"

#: The material that lives beside the repository, not in it (the corpus of real SDK docs, the grammar, the
#: SDK histories): `../shared`, or the folder `DOCMODELS_SHARED` names.
SHARED = Path(os.environ.get("DOCMODELS_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
#: The smallest corpus folder of each dialect: what CI generates and tests (`make corpus` does them all).
CORPUS_SAMPLE = (
    "csharp/speakeasy-sdks__netevia-csharp-sdk",
    "go/dubinc__dub-go",
    "java/speakeasy-api__openapi-generation-tests",
    "php/speakeasy-sdks__tigris-php-sdk",
    "python/speakeasy-api__openapi-generation-tests",
    "ruby/speakeasy-api__openapi-generation-tests",
    "ts/dubinc__dub-ts",
    "unity/speakeasy-api__speakeasy-client-sdk-unity",
)
#: `DOCMODELS_CORPUS=all` (set by `make corpus`) runs the corpus tests on every folder.
WHOLE_CORPUS = os.environ.get("DOCMODELS_CORPUS") == "all"


def corpus_missing(folder: Path = CORPUS) -> str | None:
    """Why a test that reads `folder` cannot run (it is not there), or None when it can."""
    if folder.is_dir():
        return None
    return (
        f"needs the corpus of real SDK docs at {folder}: it is not part of the repository but lives beside "
        "it, in ../shared/corpus (as in CI); set DOCMODELS_SHARED to the folder that holds corpus/"
    )


def require_corpus(folder: Path = CORPUS) -> Path:
    """`folder`, or skip the calling test with the reason it is missing."""
    reason = corpus_missing(folder)
    if reason:
        pytest.skip(reason)
    return folder


@dataclass
class Result:
    code: int
    out: str
    err: str


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


def generated_tests_env() -> dict[str, str]:
    """The environment generated tests run in: no byte code written, nothing on PATH, and hypothesis'
    example database in a folder of its own, never in the folder tested (it may be the committed
    generated/, whose files other tests count)."""
    storage = tempfile.mkdtemp(prefix="docmodels-hypothesis-")
    return {"PYTHONDONTWRITEBYTECODE": "1", "PATH": "", "HYPOTHESIS_STORAGE_DIRECTORY": storage}


def run_generated_tests(out: Path) -> None:
    """Run the generated pytest suite in `out`; fail with its output unless it passes."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", "tests"],
        cwd=out,
        capture_output=True,
        text=True,
        env=generated_tests_env(),
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


@contextmanager
def imported_for_a_while(folder: Path, package: str) -> Iterator[None]:
    """`package` importable from `folder` inside the block; afterwards the modules of that name imported
    before it are back, so that other tests in the same process keep the package they imported."""
    saved = {n: m for n, m in sys.modules.items() if n == package or n.startswith(package + ".")}
    import_fresh(folder, package)
    try:
        yield
    finally:
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]
        sys.modules.update(saved)
        sys.path.remove(str(folder))


def modules_after(code: str, cwd: Path, prefixes: tuple[str, ...]) -> tuple[str, list[str]]:
    """Run `code` in a fresh interpreter in `cwd` (it must succeed): what it printed, and the modules it
    then holds whose names start with one of `prefixes`, sorted."""
    probe = (
        f"{code}\nimport sys\nprint(sorted(m for m in sys.modules if m.startswith({prefixes!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    *printed, modules = done.stdout.splitlines()
    return "\n".join(printed), list(ast.literal_eval(modules))
