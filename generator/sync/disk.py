"""Compare a plan with the output folder, and apply it: atomic writes, removal of stale generated files."""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.sync.plan import MANIFEST, Plan, digest, manifest_bytes, read_manifest

#: Files in the output folder that tools create and nobody should be told about.
_IGNORED_DIRS = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis"}
_IGNORED_SUFFIXES = (".pyc", ".pyo")
#: Temporary files of an unfinished write; the next gen removes them.
TEMP_PREFIX = ".docmodels-tmp-"


@dataclass
class Drift:
    """How the output folder differs from the plan."""

    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    @property
    def in_sync(self) -> bool:
        return not (self.changed or self.missing or self.stale or self.foreign)


def existing_files(out: Path) -> list[str]:
    if not out.is_dir():
        return []
    found = []
    for folder, dirs, files in os.walk(out):
        dirs[:] = sorted(d for d in dirs if d not in _IGNORED_DIRS)
        for name in sorted(files):
            if name.endswith(_IGNORED_SUFFIXES) or name.startswith(TEMP_PREFIX):
                continue
            found.append((Path(folder) / name).relative_to(out).as_posix())
    return sorted(found)


def compare(plan: Plan, out: Path) -> Drift:
    drift = Drift()
    manifest = read_manifest(out)
    on_disk = set(existing_files(out))
    for path, content in plan.files.items():
        if path not in on_disk:
            drift.missing.append(path)
            continue
        current = (out / path).read_bytes()
        if current == content:
            drift.unchanged.append(path)
            continue
        drift.changed.append(path)
        if path != MANIFEST and path not in manifest:
            drift.blocked.append(path)
    for path in sorted(on_disk - plan.files.keys()):
        if path in manifest:
            drift.stale.append(path)
        else:
            drift.foreign.append(path)
    return drift


def unified_diff(out_label: str, path: str, current: bytes, wanted: bytes) -> str:
    before = current.decode("utf-8", errors="replace").splitlines(keepends=True)
    after = wanted.decode("utf-8", errors="replace").splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, f"a/{out_label}/{path}", f"b/{out_label}/{path}")
    text = "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
    return text


@dataclass(frozen=True)
class Applied:
    written: int
    unchanged: int
    removed: int
    kept: tuple[str, ...]


def apply(plan: Plan, out: Path, drift: Drift) -> Applied:
    """Write changed and missing files atomically, and remove stale generated files.

    A run killed at any moment leaves each file old or new, never half-written, and never a file that the
    manifest does not own: before the first write, the manifest lists every file about to be written.
    """
    manifest = read_manifest(out)
    out.mkdir(parents=True, exist_ok=True)
    _remove_leftover_temporaries(out)
    if drift.changed or drift.missing or drift.stale:
        interim = {**manifest, **plan.hashes()}
        _write_atomic(out / MANIFEST, manifest_bytes(interim, plan.config_hash, {}, {}))
    written = 0
    for path in sorted(set(drift.changed + drift.missing) - {MANIFEST}):
        _write_atomic(out / path, plan.files[path])
        written += 1
    removed, kept = 0, []
    for path in drift.stale:
        target = out / path
        # Never delete what someone edited after docmodels wrote it.
        if digest(target.read_bytes()) != manifest.get(path):
            kept.append(path)
            continue
        target.unlink()
        removed += 1
        _remove_empty_parents(target.parent, out)
    if drift.changed or drift.missing or drift.stale:
        _write_atomic(out / MANIFEST, plan.files[MANIFEST])
        written += MANIFEST in drift.changed or MANIFEST in drift.missing
    return Applied(written, len(drift.unchanged), removed, tuple(kept))


def _remove_leftover_temporaries(out: Path) -> None:
    for folder, dirs, files in os.walk(out):
        dirs[:] = [d for d in dirs if d not in _IGNORED_DIRS]
        for name in files:
            if name.startswith(TEMP_PREFIX):
                (Path(folder) / name).unlink(missing_ok=True)


def _write_atomic(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
    fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _remove_empty_parents(folder: Path, out: Path) -> None:
    while folder != out and folder.is_dir():
        leftovers = [p for p in folder.iterdir() if p.name not in _IGNORED_DIRS]
        if leftovers:
            return
        for cache in folder.iterdir():
            shutil.rmtree(cache)
        folder.rmdir()
        folder = folder.parent
