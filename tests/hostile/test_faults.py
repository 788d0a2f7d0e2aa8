"""Faults while writing: each gives a DM4xx diagnostic and exit 2, and the files of the last gen stay intact."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import cli, pipeline
from generator.sync import disk
from generator.sync.disk import TEMP_PREFIX

DOC = (
    "# {0}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
    "| `x` | *string* | :heavy_check_mark: | {1} |\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(5):
        (docs / f"m{i}.md").write_text(DOC.format(f"M{i}", "version 1"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.docmodels]\n")
    assert gen(tmp_path) == 0
    # Version 2 of every doc: each generated file changes.
    for i in range(5):
        (docs / f"m{i}.md").write_text(DOC.format(f"M{i}", "version 2"), encoding="utf-8")
    return tmp_path


def gen(root: Path) -> int:
    return cli.main(
        ["gen", str(root / "docs"), "--out", str(root / "out"), "--package", "p",
         "--config", str(root / "pyproject.toml")]
    )  # fmt: skip


def snapshot(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def fail_on_call(n: int, exc: BaseException, real: Callable[..., Any]) -> Callable[..., Any]:
    calls = [0]

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == n:
            raise exc
        return real(*args, **kwargs)

    return wrapper


def assert_intact(out: Path, before: dict[str, bytes]) -> None:
    """Byte for byte as the last gen left it, manifest included, and no temporary file left behind."""
    after = snapshot(out)
    assert not [p for p in after if Path(p).name.startswith(TEMP_PREFIX)]
    assert after == before


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "DM404"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "DM404"),
        (OSError(errno.EROFS, "Read-only file system"), "DM403"),
        (PermissionError(errno.EACCES, "Permission denied"), "DM403"),
        (OSError(errno.EIO, "Input/output error"), "DM407"),
    ],
)
def test_a_failing_write_leaves_the_previous_files_intact(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: OSError,
    code: str,
) -> None:
    before = snapshot(project / "out")
    # The manifest is written first, then the third new file fails.
    monkeypatch.setattr(disk, "_stage", fail_on_call(4, error, disk._stage))
    assert gen(project) == 2
    err = capsys.readouterr().err
    assert f"error[{code}]" in err and "intact" in err
    assert f"{project / 'out'}" in err  # it names the place
    assert_intact(project / "out", before)
    monkeypatch.undo()
    assert gen(project) == 0  # once the fault is gone, the next gen finishes the job
    assert snapshot(project / "out") != before


def test_a_full_disk_at_the_first_write_changes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(project / "out")
    monkeypatch.setattr(disk, "_stage", fail_on_call(1, OSError(errno.ENOSPC, "full"), disk._stage))
    assert gen(project) == 2
    assert "DM404" in capsys.readouterr().err
    assert snapshot(project / "out") == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_read_only_output_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = project / "out"
    before = snapshot(out)
    folders = [out, *(p for p in out.rglob("*") if p.is_dir())]
    for folder in folders:
        folder.chmod(0o555)
    try:
        assert gen(project) == 2
        assert "DM403" in capsys.readouterr().err
        assert snapshot(out) == before
    finally:
        for folder in folders:
            folder.chmod(0o755)


def test_a_doc_replaced_during_the_run_stops_the_write(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(project / "out")
    real_build = pipeline.build

    def build_then_replace(config: Any, stamps: Any = None, store: Any = None) -> Any:
        built = real_build(config, stamps, store)
        replacement = project / "replacement.md"
        replacement.write_text(DOC.format("M0", "version 3"), encoding="utf-8")
        os.replace(replacement, project / "docs" / "m0.md")  # an editor's save
        return built

    monkeypatch.setattr(pipeline, "build", build_then_replace)
    assert gen(project) == 2
    err = capsys.readouterr().err
    assert "m0.md:1:1: error[DM405]" in err
    assert snapshot(project / "out") == before
    monkeypatch.undo()
    assert gen(project) == 0
    assert b"version 3" in (project / "out" / "p" / "m0.py").read_bytes()


def test_an_interrupted_write_puts_the_previous_files_back_and_the_next_gen_completes(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(project / "out")
    monkeypatch.setattr(disk.os, "replace", fail_on_call(4, KeyboardInterrupt(), os.replace))
    assert gen(project) == 2
    assert "DM406" in capsys.readouterr().err
    monkeypatch.undo()
    assert_intact(project / "out", before)
    assert gen(project) == 0
    assert b"version 2" in (project / "out" / "p" / "m4.py").read_bytes()


def test_a_failure_while_removing_stale_files_puts_them_back(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs" / "m3.md").unlink()
    (project / "docs" / "m4.md").unlink()
    before = snapshot(project / "out")
    real_unlink = Path.unlink
    calls = [0]

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name == "m4.py":
            calls[0] += 1
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    assert gen(project) == 2
    monkeypatch.undo()
    assert calls[0] == 1
    assert "DM403" in capsys.readouterr().err
    assert_intact(project / "out", before)


@pytest.mark.parametrize("first_gen", [False, True])
def test_a_failure_at_the_last_manifest_write_puts_everything_back(
    project: Path, monkeypatch: pytest.MonkeyPatch, first_gen: bool
) -> None:
    if first_gen:  # the output folder does not exist yet: afterwards, it holds nothing
        for path in sorted((project / "out").rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    before = snapshot(project / "out")
    real_stage = disk._stage
    manifests = [0]

    def stage(target: Path, content: bytes, mode: int = 0o644) -> Path:
        if target.name == ".docmodels-manifest.json":
            manifests[0] += 1
            if manifests[0] == 2:
                raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return real_stage(target, content, mode)

    monkeypatch.setattr(disk, "_stage", stage)
    assert gen(project) == 2
    assert manifests[0] == 2
    assert_intact(project / "out", before)
