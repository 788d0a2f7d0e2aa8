"""The docmodels-diff hook of .pre-commit-hooks.yaml, run by the real pre-commit tool."""

from __future__ import annotations

from pathlib import Path

from tests.test_pre_commit import hooks_home, try_hook, user_repo

__all__ = ["hooks_home", "user_repo"]  # fixtures


def test_docmodels_diff_hook_passes_then_stops_a_breaking_change(
    user_repo: Path, hooks_home: Path
) -> None:
    unchanged = try_hook(user_repo, "docmodels-diff", hooks_home)
    assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr
    assert "nothing to fix" in unchanged.stdout
    doc = user_repo / "specs/php/Models/Components/Session.md"
    lines = doc.read_text().splitlines(keepends=True)
    rows = [i for i, line in enumerate(lines) if line.startswith("| `") and "`id`" in line]
    assert rows, "the Session doc has an `id` row"
    del lines[rows[0]]
    doc.write_text("".join(lines))
    broken = try_hook(user_repo, "docmodels-diff", hooks_home)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "breaking[field-removed] Session.id" in broken.stdout
