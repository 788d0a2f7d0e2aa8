"""`docmodels diff` on a few commits of a real history, against the SDK generator's own change lists."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from tests.helpers import ROOT

BUNDLE = ROOT.parent / "shared" / "history" / "clerk-sdk-python.bundle"
pytestmark = pytest.mark.skipif(
    not BUNDLE.is_file(), reason=f"the history bundle is absent ({BUNDLE})"
)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("history") / "clerk"
    subprocess.run(["git", "clone", "-q", str(BUNDLE), str(repo)], check=True)
    return repo


def _diff(
    repo: Path, commit: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> dict[str, object]:
    subprocess.run(["git", "checkout", "-q", "--detach", commit], cwd=repo, check=True)
    monkeypatch.chdir(repo)
    args = ["diff", "--against", f"{commit}^", "docs/models", "--format", "json"]
    assert main([*args, "--surface", "wire", "--fail-on", "never"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_the_operations_marked_breaking_are_found(
    history: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # 6.0.0: "clerk.users.update(): request Changed (Breaking)", the same for organizations.update
    # (three metadata parameters removed); organizations.replace_metadata added.
    data = _diff(history, "76b90bf", monkeypatch, capsys)
    assert data["breaking_operations"] == ["organizations.update", "users.update"]
    assert data["version_bump"] == "major"


def test_a_request_that_became_one_argument(
    history: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # "clerk.api_keys.create_api_key()": keyword parameters -> `request=` (the judge: request Changed, Breaking).
    data = _diff(history, "3dbc99d", monkeypatch, capsys)
    changes = data["changes"]
    assert isinstance(changes, list)
    styles = [c for c in changes if c["rule"] == "request-style-changed"]
    assert [c["operations"] for c in styles] == [data["breaking_operations"]]


def test_a_commit_the_judge_marks_non_breaking(
    history: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Model names reshuffled, fields added: nothing breaks callers.
    data = _diff(history, "cdc563c", monkeypatch, capsys)
    assert data["breaking_operations"] == []
    summary = data["summary"]
    assert isinstance(summary, dict) and summary["breaking"] == 0 and summary["info"] > 0
