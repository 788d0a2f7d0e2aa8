"""Generated code passes its own generated tests and type-checks under mypy --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import GENERATED


def _pytest(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": ""},
    )


def test_committed_generated_tests_pass() -> None:
    done = _pytest(GENERATED)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout and " failed" not in done.stdout


def test_generated_tests_fail_when_the_models_are_broken(project: Path, run) -> None:
    run("gen")
    runtime = project / "generated/example_models/_runtime.py"
    runtime.write_text(runtime.read_text().replace("return value.to_dict()", "return {}"))
    done = _pytest(project / "generated")
    assert done.returncode == 1 and "test_round_trip" in done.stdout


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
