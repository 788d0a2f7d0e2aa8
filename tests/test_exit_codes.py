"""Exit codes keep their meaning (0 ok, 1 drift, 2 invalid input, 3 a docmodels bug) and no normal use ends in a
traceback: a closed output stream, a template path with an unknown placeholder, an unexpected exception."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import generator.cli
from generator import __version__, entry
from tests.helpers import SPECS

DOCMODELS = [sys.executable, "-m", "generator"]
COMMANDS = {
    "gen": ["gen"],
    "check": ["check"],
    "check --format json": ["check", "--format", "json"],
    "ir": ["ir"],
    "fmt": ["fmt"],
    "fmt --check": ["fmt", "--check"],
    "lint": ["lint"],
    "new": ["new", "Brandnew", "--field", "name:string"],
    "--help": ["--help"],
    "gen --help": ["gen", "--help"],
    "--version": ["--version"],
    "usage error": ["gen", "--no-such-option"],
}
#: Commands that only make sense on a project whose output is in place.
_AFTER_GEN = {"check", "check --format json"}


def _project(root: Path) -> Path:
    shutil.copytree(SPECS, root / "specs")
    (root / "pyproject.toml").write_text(
        '[tool.docmodels]\ndocs = ["specs"]\nout = "generated"\npackage = "example_models"\n',
        encoding="utf-8",
    )
    return root


def _docmodels(
    cwd: Path, args: list[str], *, stdout: int | None, stderr: int | None, cache: Path
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, DOCMODELS_CACHE_DIR=str(cache))
    env.pop("DOCMODELS_DEBUG", None)
    return subprocess.run(
        [*DOCMODELS, *args], cwd=cwd, stdout=stdout, stderr=stderr, env=env, check=False
    )


def _closed_pipe() -> int:
    """The write end of a pipe whose reader has gone: every write to it fails with EPIPE."""
    read, write = os.pipe()
    os.close(read)
    return write


def _prepared(tmp_path: Path, name: str, label: str) -> Path:
    root = _project(tmp_path / name)
    if label in _AFTER_GEN:
        done = _docmodels(
            root, ["gen"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cache=tmp_path / "c0"
        )
        assert done.returncode == 0, done.stderr
    return root


@pytest.mark.slow
@pytest.mark.parametrize("label", sorted(COMMANDS))
def test_every_command_into_a_closed_stdout_ends_quietly_with_its_usual_exit_code(
    tmp_path: Path, label: str
) -> None:
    args = COMMANDS[label]
    usual = _docmodels(
        _prepared(tmp_path, "open", label),
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cache=tmp_path / "c1",
    )
    assert usual.returncode in (0, 1, 2), usual.stderr
    closed = _closed_pipe()
    try:
        cut = _docmodels(
            _prepared(tmp_path, "closed", label),
            args,
            stdout=closed,
            stderr=subprocess.PIPE,
            cache=tmp_path / "c2",
        )
    finally:
        os.close(closed)
    err = cut.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "BrokenPipeError" not in err and "Exception" not in err, err
    assert cut.returncode == usual.returncode, err
    # What the run does besides printing still happens: gen wrote the whole package.
    if label == "gen":
        assert (tmp_path / "closed/generated/.docmodels-manifest.json").is_file()
        check = _docmodels(
            tmp_path / "closed",
            ["check"],
            stdout=subprocess.PIPE,
            stderr=None,
            cache=tmp_path / "c3",
        )
        assert check.returncode == 0


@pytest.mark.slow
@pytest.mark.parametrize("label", ["gen", "check", "ir", "lint", "fmt --check", "usage error"])
def test_every_command_into_a_closed_stderr_keeps_its_usual_exit_code(
    tmp_path: Path, label: str
) -> None:
    args = COMMANDS[label]
    usual = _docmodels(
        _prepared(tmp_path, "open", label),
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cache=tmp_path / "c1",
    )
    closed = _closed_pipe()
    try:
        cut = _docmodels(
            _prepared(tmp_path, "closed", label),
            args,
            stdout=subprocess.PIPE,
            stderr=closed,
            cache=tmp_path / "c2",
        )
    finally:
        os.close(closed)
    assert cut.returncode == usual.returncode
    assert cut.stdout == usual.stdout or label in (
        "gen",
        "ir",
    )  # gen's counts, ir's timings may differ


def test_an_unexpected_exception_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(argv: object = None) -> int:
        raise RuntimeError("something docmodels did not expect\nsecond line")

    monkeypatch.setattr(generator.cli, "main", broken)
    monkeypatch.setattr(sys, "argv", ["docmodels", "check"])
    monkeypatch.setattr(sys, "stdout", sys.stdout)
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    monkeypatch.delenv("DOCMODELS_DEBUG", raising=False)
    assert entry.main() == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(
        "docmodels: internal error: RuntimeError: something docmodels did not expect "
    )
    assert f"docmodels {__version__}" in err and "please report it" in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback_of_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(argv: object = None) -> int:
        raise KeyError("x")

    monkeypatch.setattr(generator.cli, "main", broken)
    monkeypatch.setattr(sys, "argv", ["docmodels", "gen"])
    monkeypatch.setattr(sys, "stdout", sys.stdout)
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    monkeypatch.setenv("DOCMODELS_DEBUG", "1")
    assert entry.main() == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "docmodels: internal error: KeyError" in err


def test_ctrl_c_outside_a_write_is_one_line_and_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(argv: object = None) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(generator.cli, "main", interrupted)
    monkeypatch.setattr(sys, "argv", ["docmodels", "gen"])
    monkeypatch.setattr(sys, "stdout", sys.stdout)
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    assert entry.main() == 130
    assert capsys.readouterr().err == "docmodels: interrupted\n"


def test_a_stream_closed_before_the_run_is_replaced_by_the_null_device(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "argv", ["docmodels", "--version"])
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", None)
    assert entry.main() == 0
    assert sys.stdout.getvalue() == f"docmodels {__version__}\n"


def test_help_documents_every_exit_code(run) -> None:
    out = " ".join(run("--help").out.split())
    for meaning in ("0 success", "1 drift", "2 invalid input", "3 an internal error"):
        assert meaning in out


TARGET = """\
extends = "dataclasses"

[[outputs]]
group = "models"
each = "{each}"
template = "extra.py.j2"
path = "{path}"
"""


@pytest.mark.parametrize(
    ("each", "path", "bad"),
    [
        ("package", "{pkg}/extra.py", "{pkg}"),
        ("package", "{package}/{module_path}.extra.py", "{module_path}"),
        ("namespace", "{package}/{namespace_path}/{module_path}.py", "{module_path}"),
        ("model", "{package}/{module_path!r}.py", "{module_path}"),
    ],
)
@pytest.mark.parametrize("command", ["gen", "check"])
def test_an_unknown_placeholder_in_a_template_path_is_dm301_at_the_manifest_line(
    project: Path, run, command: str, each: str, path: str, bad: str
) -> None:
    target = project / "templates" / "mine"
    target.mkdir(parents=True)
    (target / "manifest.toml").write_text(TARGET.format(each=each, path=path), encoding="utf-8")
    (target / "extra.py.j2").write_text("# extra\n", encoding="utf-8")
    result = run(command, "--templates", "templates", "--target", "mine")
    assert result.code == 2, result.err
    first = result.err.splitlines()[0]
    assert first.startswith("templates/mine/manifest.toml:7:1: error[DM301]: outputs[0] path ")
    assert f"names the unknown placeholder `{bad}`" in first
    assert not (project / "generated").exists()
