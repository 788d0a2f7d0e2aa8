"""The two hooks of .pre-commit-hooks.yaml, run by the real pre-commit tool in a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, SPECS

pytestmark = pytest.mark.slow

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hooks_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One pre-commit cache for the module: the hooks' environment is built once."""
    if not PRE_COMMIT.exists():
        pytest.skip("pre-commit is not installed (it is a dev extra)")
    yield tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def user_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(SPECS, repo / "specs")
    (repo / "pyproject.toml").write_text(
        '[tool.docmodels]\ndocs = ["specs"]\npackage = "example_models"\n'
    )
    git(repo.parent, "init", "-q", str(repo))
    git(repo, "config", "user.email", "test@example.invalid")
    git(repo, "config", "user.name", "test")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "docs")
    return repo


def try_hook(repo: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(ROOT), hook, "--all-files", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_docmodels_hook_generates_then_passes(user_repo: Path, hooks_home: Path) -> None:
    first = try_hook(user_repo, "docmodels", hooks_home)
    assert first.returncode == 1, (
        first.stdout + first.stderr
    )  # it wrote files: the commit must stop
    committed = sum(
        1 for p in (ROOT / "generated").rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    assert "Failed" in first.stdout and "exit code: 1" in first.stdout
    assert (
        f"{committed} written" in first.stdout
    )  # every file of the committed output, manifest included
    assert (user_repo / "generated/example_models/php/components/session.py").is_file()
    git(user_repo, "add", "-A")
    second = try_hook(user_repo, "docmodels", hooks_home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout


def test_docmodels_check_hook_fails_on_drift_and_writes_nothing(
    user_repo: Path, hooks_home: Path
) -> None:
    missing = try_hook(user_repo, "docmodels-check", hooks_home)
    assert missing.returncode == 1
    assert not (user_repo / "generated").exists()
    subprocess.run(
        [sys.executable, "-m", "generator", "gen"], cwd=user_repo, check=True, capture_output=True
    )
    git(user_repo, "add", "-A")
    assert try_hook(user_repo, "docmodels-check", hooks_home).returncode == 0
    doc = user_repo / "specs/php/Models/Components/Session.md"
    doc.write_text(doc.read_text().replace("Unix timestamp of creation.", "When it was made."))
    git(user_repo, "add", "-A")
    drifted = try_hook(user_repo, "docmodels-check", hooks_home)
    assert drifted.returncode == 1
    assert '+    """When it was made."""' in drifted.stdout
    assert "run `docmodels gen` to update it" in drifted.stdout
