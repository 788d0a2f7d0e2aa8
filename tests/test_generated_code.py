"""Generated code passes its own generated tests and type-checks under mypy --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import GENERATED, generated_tests_env


def _pytest(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=folder,
        capture_output=True,
        text=True,
        env=generated_tests_env(),
    )


def test_committed_generated_tests_pass() -> None:
    done = _pytest(GENERATED)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout and " failed" not in done.stdout


def test_generated_tests_fail_when_the_models_are_broken(project: Path, run) -> None:
    run("gen")
    runtime = project / "generated/example_models/_runtime.py"
    text = runtime.read_text()
    broken = text.replace(
        "    def to_dict(self) -> dict[str, Any]:\n",
        "    def to_dict(self) -> dict[str, Any]:\n        return {}\n",
        1,
    )
    assert broken != text
    runtime.write_text(broken)
    done = _pytest(project / "generated")
    assert done.returncode == 1 and "test_round_trip" in done.stdout


@pytest.mark.slow
def test_generated_code_type_checks_strictly(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path),
            "example_models",
            "tests",
        ],
        cwd=GENERATED,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_generated_tests_pass_on_the_oldest_supported_python(tmp_path: Path) -> None:
    """Generated code promises Python 3.10+: run its tests there too, when this machine has a 3.10."""
    import shutil

    import pytest

    candidates = [
        shutil.which("python3.10"),
        *map(str, Path.home().glob(".pyenv/versions/3.10*/bin/python3.10")),
    ]
    working = [
        c
        for c in candidates
        if c and subprocess.run([c, "--version"], capture_output=True).returncode == 0
    ]
    if not working:
        pytest.skip("no working python3.10 on this machine")
    python310 = working[0]
    venv = tmp_path / "venv310"
    subprocess.run([python310, "-m", "venv", str(venv)], check=True, capture_output=True)
    installed = subprocess.run(
        [str(venv / "bin/python"), "-m", "pip", "install", "--quiet", "pytest", "hypothesis"],
        capture_output=True,
        text=True,
    )
    if installed.returncode != 0:
        pytest.skip(
            f"pytest and hypothesis could not be installed for python3.10: {installed.stderr[-300:]}"
        )
    done = subprocess.run(
        [str(venv / "bin/python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        env=generated_tests_env(),
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
