"""`fmt` and `lint` check their docs paths as `gen`, `check` and `ir` do: exit 2, DM303, nothing run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_path_checks import tree

CASES = [
    (["nope"], "nope:1:1: error[DM303]: docs path `nope` does not exist"),
    (["afile"], "afile:1:1: error[DM303]: docs path `afile` is not a markdown doc"),
    (["empty"], "empty:1:1: error[DM303]: docs path `empty` holds no markdown docs"),
    (["specs/php", "nope"], "nope:1:1: error[DM303]: docs path `nope` does not exist"),
]
COMMANDS = [["fmt"], ["fmt", "--check"], ["lint"], ["lint", "--strict"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize(("args", "expected"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_bad_docs_path_is_one_clean_error_and_nothing_runs(
    project: Path, run, command: list[str], args: list[str], expected: str
) -> None:
    (project / "afile").write_text("not a doc\n")
    (project / "empty").mkdir()
    (project / "specs/php/Models/Components/Session.md").write_text("# Session\n\nUnformatted.\n")
    before = tree(project)
    result = run(*command, *args)
    assert result.code == 2, (result.out, result.err)
    lines = result.err.splitlines()
    assert expected in lines[0], result.err
    assert [line for line in lines if "error[" in line] == [lines[0]]
    assert result.out == ""  # neither a diff nor a lint report: nothing ran
    assert "Traceback" not in result.err
    assert tree(project) == before


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_bad_configured_docs_path_names_its_line(project: Path, run, command: list[str]) -> None:
    config = project / "pyproject.toml"
    config.write_text(config.read_text().replace('docs = ["specs"]', 'docs = ["gone"]'))
    result = run(*command)
    assert result.code == 2, (result.out, result.err)
    assert "pyproject.toml:2:1: error[DM303]: `docs` path `gone` does not exist" in result.err
    assert result.out == ""


def test_new_still_writes_into_a_folder_that_holds_no_docs_yet(project: Path, run) -> None:
    (project / "fresh").mkdir()
    config = project / "pyproject.toml"
    config.write_text(config.read_text().replace('docs = ["specs"]', 'docs = ["fresh"]'))
    result = run("new", "Widget", "--field", "id:string:required")
    assert result.code == 0, result.err
    assert (project / "fresh/widget.md").is_file()
