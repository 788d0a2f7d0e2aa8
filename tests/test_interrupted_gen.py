"""A gen killed at any moment leaves every file old or new, never half-written; the next gen completes it."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.sync.disk import existing_files
from generator.sync.plan import MANIFEST, read_manifest

MODELS = 80


def write_docs(folder: Path, version: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(MODELS):
        rows = "\n".join(
            f"| `field{j}` | *string* | :heavy_check_mark: | Field {j} of model {i}, version {version}. |"
            for j in range(8)
        )
        (folder / f"model{i}.md").write_text(
            f"# Model{i}\n\nModel {i}, version {version}.\n\n## Fields\n\n"
            f"| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n{rows}\n"
        )
    if version == 2:  # the new version drops one model and adds another
        (folder / "model0.md").unlink()
        (folder / "extra.md").write_text(
            "# Extra\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
            "| `x` | *string* | :heavy_minus_sign: | N/A |\n"
        )


def gen(cwd: Path, docs: Path, out: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "generator",
        "gen",
        str(docs),
        "--out",
        str(out),
        "--package",
        "pkg",
        "--outputs",
        "models,docs",
        # The trials switch an output folder from the old docs folder to the new one: a run over another
        # folder removes what the old one made only when told to.
        "--prune",
    ]
    return subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def contents(out: Path) -> dict[str, bytes]:
    return {p: (out / p).read_bytes() for p in existing_files(out)}


@pytest.mark.slow
def test_killed_gen_leaves_old_or_new_files_and_the_next_gen_completes(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.docmodels]\n")
    old_docs, new_docs = tmp_path / "old", tmp_path / "new"
    write_docs(old_docs, 1)
    write_docs(new_docs, 2)
    started = time.monotonic()
    assert gen(tmp_path, old_docs, tmp_path / "old_out").wait() == 0
    duration = time.monotonic() - started
    assert gen(tmp_path, new_docs, tmp_path / "new_out").wait() == 0
    old, new = contents(tmp_path / "old_out"), contents(tmp_path / "new_out")
    assert old.keys() != new.keys()

    rng = random.Random(20261124)
    killed_midway = 0
    for trial in range(8):
        out = tmp_path / f"trial{trial}"
        shutil.copytree(tmp_path / "old_out", out)
        manifest = out / MANIFEST
        before = manifest.stat().st_mtime_ns
        process = gen(tmp_path, new_docs, out)
        if trial % 2:
            time.sleep(rng.uniform(0.2, 1.0) * duration)  # anywhere in the run
        else:  # while files are being written: the interim manifest marks the start of writing
            deadline = time.monotonic() + 5 * duration
            while (
                manifest.stat().st_mtime_ns == before
                and process.poll() is None
                and time.monotonic() < deadline
            ):
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, 0.004))
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = contents(out)
        owned = read_manifest(out)
        for path, data in now.items():
            if path == MANIFEST:
                continue  # the interim manifest: it must own every file the killed run wrote
            if data != old.get(path):
                assert path in owned, f"{path} was written but the manifest does not own it"
            assert data in (old.get(path), new.get(path)), (
                f"{path} is neither the old nor the new file"
            )
        now.pop(MANIFEST)
        if now != {p: d for p, d in old.items() if p != MANIFEST} and now != {
            p: d for p, d in new.items() if p != MANIFEST
        }:
            killed_midway += 1
        assert gen(tmp_path, new_docs, out).wait() == 0
        assert contents(out) == new
        assert not any(p.name.startswith(".docmodels-tmp-") for p in out.rglob("*"))
    assert killed_midway >= 1, (
        "no kill landed while files were being written: the test proved nothing"
    )
