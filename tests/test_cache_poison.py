"""Nothing in the cache folder can run code, and no part of it can change what a run writes or says: a
poisoned, damaged or deleted cache only costs time. The cache folder is what CI jobs share."""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest

import generator.pipeline
from generator.cache_store import SECTIONS, default_folder
from generator.render.targets import load_target
from tests.helpers import ROOT

GENERATED = "generated/example_models/php/components/session.py"


class RunsCode:
    """A pickle whose load creates `marker` (what a shared cache folder could hold for a pickle reader)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (str(self.marker), "w"))


def pickle_that_runs_code(marker: Path) -> bytes:
    return pickle.dumps(RunsCode(marker))


def bytecode_that_runs_code(marker: Path, source: str) -> bytes:
    """What Jinja's bytecode cache would load and run for a template of `source` (its own format)."""
    env = jinja2.Environment()
    bucket = jinja2.bccache.Bucket(env, "key", hashlib.sha1(source.encode()).hexdigest())
    bucket.code = compile(f"open({str(marker)!r}, 'w')", "<poison>", "exec")
    return bucket.bytecode_to_string()


def test_the_poisons_would_run_if_loaded(tmp_path: Path) -> None:
    """The poisons of the tests below are live: a pickle or bytecode reader runs them."""
    marker = tmp_path / "marker"
    pickle.loads(pickle_that_runs_code(marker))
    assert marker.exists()
    marker.unlink()
    bucket = jinja2.bccache.Bucket(jinja2.Environment(), "key", "checksum")
    bucket.bytecode_from_string(bytecode_that_runs_code(marker, "x"))
    assert bucket.code is None  # a checksum mismatch: Jinja ignores it ...
    bucket = jinja2.bccache.Bucket(jinja2.Environment(), "key", hashlib.sha1(b"x").hexdigest())
    bucket.bytecode_from_string(bytecode_that_runs_code(marker, "x"))
    assert bucket.code is not None
    exec(bucket.code)  # ... and with the right checksum, runs it
    assert marker.exists()
    assert marshal.loads(marshal.dumps(1)) == 1


def in_new_process(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def entries() -> list[Path]:
    return sorted(p for p in default_folder().rglob("*") if p.is_file())


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts full runs (a replayed no-op run builds nothing)."""
    calls: list[int] = []
    real = generator.pipeline.build

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(generator.pipeline, "build", counting)
    return calls


@pytest.fixture
def warm(project: Path, run: Callable[..., Any]) -> dict[str, Any]:
    """A project after real runs that filled every section of the store; what those runs gave."""
    assert run("gen").code == 0
    gen = run("gen")  # records the no-op
    check = run("check")
    assert (gen.code, check.code) == (0, 0)
    assert run("gen", "--out", "other").code == 0  # a second render entry
    assert {p.parent.name for p in entries()} == set(SECTIONS)
    assert len(entries()) >= 5
    return {"out": snapshot(project / "generated"), "gen": gen, "check": check}


def poisons(marker: Path) -> dict[str, Callable[[Path, list[Path]], bytes]]:
    """Each way to replace an entry: given the entry and every entry of the store, the new bytes."""

    def copied(path: Path, others: list[Path]) -> bytes:
        """Another key's entry (of the same section when there is one)."""
        same = [p for p in others if p != path and p.parent == path.parent]
        return (same or [p for p in others if p != path])[0].read_bytes()

    def wrong_digest(path: Path, others: list[Path]) -> bytes:
        head, _, payload = path.read_bytes().partition(b"\n")
        return head + b"\n" + payload.replace(b'"', b"'", 1)

    return {
        "pickle": lambda path, others: pickle_that_runs_code(marker),
        "garbage": lambda path, others: os.urandom(4096),
        "truncated": lambda path, others: path.read_bytes()[: path.stat().st_size // 2],
        "wrong-digest": wrong_digest,
        "copied": copied,
        "header-only": lambda path, others: path.read_bytes().partition(b"\n")[0],
    }


@pytest.mark.parametrize(
    "poison", ["pickle", "garbage", "truncated", "wrong-digest", "copied", "header-only"]
)
def test_a_poisoned_cache_runs_nothing_and_changes_nothing_but_time(
    project: Path,
    run: Callable[..., Any],
    warm: dict[str, Any],
    builds: list[int],
    poison: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    marker = tmp_path_factory.mktemp("outside") / "marker"
    kept = entries()
    make = poisons(marker)[poison]
    replaced = {path: make(path, kept) for path in kept}
    for path, data in replaced.items():
        path.write_bytes(data)
    # Where older releases kept pickled pages and Jinja bytecode, poisons that would run if read.
    cache = default_folder()
    (cache / "pages-0123456789abcdef01234567.pickle").write_bytes(pickle_that_runs_code(marker))
    (cache / "templates").mkdir()
    target = load_target("dataclasses")
    for name in ("model.py.j2", "_runtime.py.j2", "package_init.py.j2"):
        folder = next(f for f in target.folders if (f / name).is_file())
        source = (folder / name).read_text(encoding="utf-8")
        key = jinja2.FileSystemBytecodeCache().get_cache_key(name, str(folder / name))
        (cache / "templates" / f"__jinja2_{key}.cache").write_bytes(
            bytecode_that_runs_code(marker, source)
        )

    # New processes, as CI jobs are: nothing is compiled or loaded yet.
    check = in_new_process(project, "check")
    assert (check.returncode, check.stdout) == (0, warm["check"].out), check.stderr
    gen = in_new_process(project, "gen")
    assert (gen.returncode, gen.stdout) == (0, warm["gen"].out), gen.stderr
    assert snapshot(project / "generated") == warm["out"]
    (project / GENERATED).write_text("# edited\n", encoding="utf-8")
    assert in_new_process(project, "check").returncode == 1  # drift is still drift
    assert not marker.exists(), "something from the cache folder ran"
    assert run("check").code == 1 and len(builds) == 1
    # Only time was lost: the store holds good entries again, and the next no-op run is replayed.
    for command in (["gen"], ["gen"], ["check"], ["gen", "--out", "other"]):
        assert run(*command).code == 0
    calls = len(builds)
    assert run("gen").out == warm["gen"].out and run("check").out == warm["check"].out
    assert len(builds) == calls
    assert all(p.read_bytes().startswith(b"docmodels-cache 1 ") for p in entries())


@pytest.mark.parametrize("part", [*SECTIONS, "one entry of each", "everything"])
def test_deleting_any_part_of_the_cache_only_costs_time(
    project: Path, run: Callable[..., Any], warm: dict[str, Any], part: str
) -> None:
    cache = default_folder()
    if part == "everything":
        shutil.rmtree(cache)
    elif part == "one entry of each":
        for section in SECTIONS:
            next((cache / section).glob("*.entry")).unlink()
    else:
        shutil.rmtree(cache / part)
    assert (run("check").code, run("check").out) == (0, warm["check"].out)
    gen = run("gen")
    assert (gen.code, gen.out) == (0, warm["gen"].out)
    assert snapshot(project / "generated") == warm["out"]
    (project / GENERATED).unlink()
    assert run("check").code == 1
    assert run("gen").code == 0
    assert snapshot(project / "generated") == warm["out"]
