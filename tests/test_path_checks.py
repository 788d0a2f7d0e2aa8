"""Every path is checked before anything is written: a clean error (exit 2) that names the path and the problem."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest


def tree(folder: Path) -> dict[str, str]:
    """Every file below `folder` with its digest (the cache folder lives elsewhere)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


CLI_CASES = [
    (["--out", ""], "--out:1:1: error[DM304]: --out `` is empty"),
    (["--out", "afile"], "afile:1:1: error[DM304]: --out `afile` is a file, not a folder"),
    (["--out", "."], ".:1:1: error[DM304]: --out `.` is the project folder itself"),
    (["--out", ".."], "..:1:1: error[DM304]: --out `..` is a folder above the project"),
    (["--out", "specs"], "specs:1:1: error[DM304]: --out `specs` is the docs folder"),
    (
        ["--out", "specs/php/out"],
        "error[DM304]: --out `specs/php/out` is inside the docs folder specs",
    ),
    (
        ["specs/php", "--out", "specs"],
        "error[DM304]: --out `specs` holds the docs folder specs/php",
    ),
    (["--templates", "no/such"], "no/such:1:1: error[DM305]: --templates `no/such` does not exist"),
    (
        ["--templates", "afile"],
        "afile:1:1: error[DM305]: --templates `afile` is a file, not a folder",
    ),
    (["--openapi", "no.json"], "no.json:1:1: error[DM306]: --openapi `no.json` does not exist"),
    (["--openapi", "specs"], "specs:1:1: error[DM306]: --openapi `specs` is a folder, not a file"),
    (["nope"], "nope:1:1: error[DM303]: docs path `nope` does not exist"),
    (["afile"], "afile:1:1: error[DM303]: docs path `afile` is not a markdown doc"),
    (["empty"], "empty:1:1: error[DM303]: docs path `empty` holds no markdown docs"),
]


@pytest.mark.parametrize("command", ["gen", "check"])
@pytest.mark.parametrize(("args", "expected"), CLI_CASES, ids=[" ".join(a) for a, _ in CLI_CASES])
def test_a_bad_path_on_the_command_line_is_a_clean_error_and_nothing_is_written(
    project: Path, run, command: str, args: list[str], expected: str
) -> None:
    (project / "afile").write_text("not a folder\n")
    (project / "empty").mkdir()
    before = tree(project)
    result = run(command, *args)
    assert result.code == 2, (result.out, result.err)
    assert expected in result.err.splitlines()[0], result.err
    assert "Traceback" not in result.err
    assert tree(project) == before


def test_ir_checks_the_paths_it_reads(project: Path, run) -> None:
    result = run("ir", "nope", "--openapi", "specs")
    assert result.code == 2
    assert result.err.splitlines()[:2] == [
        "nope:1:1: error[DM303]: docs path `nope` does not exist",
        "specs:1:1: error[DM306]: --openapi `specs` is a folder, not a file",
    ]


def test_every_path_problem_of_a_run_is_listed_at_once(project: Path, run) -> None:
    (project / "afile").write_text("x\n")
    result = run("gen", "nope", "--out", "afile", "--templates", "no/such", "--openapi", "x.json")
    assert result.code == 2
    codes = [line.split("error[")[1][:5] for line in result.err.splitlines() if "error[" in line]
    assert codes == ["DM303", "DM304", "DM305", "DM306"]
    assert result.err.splitlines()[-1] == "docmodels: 4 errors; nothing was written"


def test_the_same_checks_hold_for_the_configuration_and_name_its_lines(project: Path, run) -> None:
    (project / "afile").write_text("x\n")
    (project / "pyproject.toml").write_text(
        "[tool.docmodels]\n"
        'docs = ["specs", "typo"]\n'
        'out = "afile"\n'
        'package = "example_models"\n'
        'templates = "no/such"\n'
        'openapi = "specs"\n',
        encoding="utf-8",
    )
    before = tree(project)
    result = run("gen")
    assert result.code == 2
    assert result.err.splitlines() == [
        "pyproject.toml:2:1: error[DM303]: `docs` path `typo` does not exist",
        "pyproject.toml:3:1: error[DM304]: `out` path `afile` is a file, not a folder",
        "pyproject.toml:5:1: error[DM305]: `templates` path `no/such` does not exist",
        "pyproject.toml:6:1: error[DM306]: `openapi` path `specs` is a folder, not a file",
        "docmodels: 4 errors; nothing was written",
    ]
    assert tree(project) == before


@pytest.mark.parametrize("out", ["..", "."])
def test_an_output_folder_above_or_at_the_project_root_from_the_configuration(
    project: Path, run, out: str
) -> None:
    (project / "pyproject.toml").write_text(
        f'[tool.docmodels]\ndocs = ["specs"]\nout = "{out}"\n', encoding="utf-8"
    )
    before = tree(project)
    result = run("gen")
    assert result.code == 2 and "pyproject.toml:3:1: error[DM304]" in result.err
    assert tree(project) == before


def test_a_subfolder_run_resolves_configured_paths_from_the_project(
    project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From a folder inside the project, the configured paths are the project's: no false alarm."""
    monkeypatch.chdir(project / "specs" / "php")
    result = run("gen")
    assert result.code == 0, result.err
    assert (project / "generated" / ".docmodels-manifest.json").is_file()


def test_an_output_folder_inside_the_templates_folder_is_refused(project: Path, run) -> None:
    (project / "tpl" / "mine").mkdir(parents=True)
    result = run("gen", "--templates", "tpl", "--out", "tpl/out")
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        "tpl/out:1:1: error[DM304]: --out `tpl/out` is inside the templates folder tpl: "
        "name a folder outside it"
    )
    assert not (project / "tpl" / "out").exists()
