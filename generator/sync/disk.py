"""Compare a plan with the output folder, and apply it: atomic writes, removal of stale generated files."""

from __future__ import annotations

import difflib
import errno
import os
import posixpath
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..ir import Diagnostic, Span
from .plan import (
    MANIFEST,
    Plan,
    digest,
    manifest_bytes,
    read_doc_record,
    read_manifest,
)

#: Files in the output folder that tools create and nobody should be told about.
_IGNORED_DIRS = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis"}
_IGNORED_SUFFIXES = (".pyc", ".pyo")
#: Temporary files of an unfinished write; the next gen removes them.
TEMP_PREFIX = ".docmodels-tmp-"


class OutputError(Exception):
    """Writing the output folder failed; the diagnostic says why. Every file is old or new."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def _output_error(exc: OSError, out: Path) -> OutputError:
    """The DM4xx diagnostic for an operating system error while writing the output folder."""
    where = Path(exc.filename).as_posix() if isinstance(exc.filename, str) else out.as_posix()
    reason = exc.strerror or str(exc)
    if exc.errno in _FULL:
        code, message = "DM404", f"the disk is full ({reason}); free some space and run gen again"
    elif exc.errno in _DENIED:
        code, message = "DM403", f"cannot write the output folder ({reason}); make it writable"
    else:
        code, message = "DM407", f"writing the output folder failed: {reason}"
    return OutputError(
        Diagnostic(
            Span(where, 1), "error", code, f"{message}; the files docmodels wrote before are intact"
        )
    )


@dataclass
class Drift:
    """How the output folder differs from the plan."""

    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)  # temporary files of an unfinished write
    #: Changed files whose bytes differ from what docmodels wrote, though the docs did not change them: edited
    #: by hand (also listed in `changed`: gen puts them back).
    edited: list[str] = field(default_factory=list)

    @property
    def in_sync(self) -> bool:
        return not (self.changed or self.missing or self.stale or self.foreign)


def existing_files(out: Path) -> list[str]:
    """Every file below `out` (POSIX paths relative to it), but caches, byte code and our temporary files."""
    return _walk(out)[0]


def _walk(out: Path) -> tuple[list[str], list[str]]:
    """The files `existing_files` lists, and the temporary files an unfinished write left behind."""
    if not out.is_dir():
        return [], []
    found: list[str] = []
    leftovers: list[str] = []
    top = os.fspath(out)
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in _IGNORED_DIRS)
        below = os.path.relpath(folder, top)
        prefix = "" if below == "." else below.replace(os.sep, "/") + "/"
        for name in files:
            if name.startswith(TEMP_PREFIX):
                leftovers.append(prefix + name)
            elif not name.endswith(_IGNORED_SUFFIXES):
                found.append(prefix + name)
    return sorted(found), sorted(leftovers)


def compare(plan: Plan, out: Path) -> Drift:
    drift = Drift()
    manifest = read_manifest(out)
    files, drift.leftovers = _walk(out)
    on_disk = set(files)
    top = os.fspath(out)
    for path, content in plan.files.items():
        if path not in on_disk:
            drift.missing.append(path)
            continue
        with open(os.path.join(top, path), "rb", buffering=0) as handle:
            current = handle.read()
        if current == content:
            drift.unchanged.append(path)
            continue
        drift.changed.append(path)
        if path == MANIFEST:
            continue
        written = manifest.get(path)
        if written is None:
            drift.blocked.append(path)
        elif digest(content) == written and digest(current) != written:
            drift.edited.append(path)
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
    A run that fails (a full disk, a read-only folder, Ctrl-C) puts every file back as it was, manifest
    included, and raises `OutputError`.
    """
    try:
        return _apply(plan, out, drift)
    except OSError as exc:
        raise _output_error(exc, out) from exc
    except KeyboardInterrupt:
        raise OutputError(
            Diagnostic(
                Span(out.as_posix(), 1),
                "error",
                "DM406",
                "interrupted: the files docmodels wrote before are intact; run gen again",
            )
        ) from None


def _apply(plan: Plan, out: Path, drift: Drift) -> Applied:
    manifest = read_manifest(out)
    out.mkdir(parents=True, exist_ok=True)
    root = out.resolve()
    for path in drift.leftovers:
        (out / path).unlink(missing_ok=True)
    todo = sorted(set(drift.changed + drift.missing) - {MANIFEST})
    checked: set[str] = set()
    for path in [*todo, *drift.stale]:
        folder = posixpath.dirname(path)
        if folder not in checked:  # one check per folder: resolving a path costs a call per part
            _check_inside(out / path, root)
            checked.add(folder)
    if not (drift.changed or drift.missing or drift.stale):
        return Applied(0, len(drift.unchanged), 0, ())
    undo = _Undo()
    try:
        interim = {**manifest, **plan.hashes()}
        # Until the run is done, the folders the files came from stay those of the last run.
        before = read_doc_record(out)
        undo.replace(out / MANIFEST, manifest_bytes(interim, plan.config_hash, {}, {}, before))
        for path in todo:
            undo.replace(out / path, plan.files[path])
        removed, kept = 0, []
        for path in drift.stale:
            target = out / path
            # Never delete what someone edited after docmodels wrote it.
            if digest(target.read_bytes()) != manifest.get(path):
                kept.append(path)
                continue
            undo.remove(target)
            removed += 1
        undo.replace(out / MANIFEST, plan.files[MANIFEST])
    except BaseException:
        undo.roll_back()
        raise
    undo.commit()
    for path in drift.stale:
        if not (out / path).exists():
            _remove_empty_parents((out / path).parent, out)
    written = len(todo) + (MANIFEST in drift.changed or MANIFEST in drift.missing)
    return Applied(written, len(drift.unchanged), removed, tuple(kept))


class _Undo:
    """Changes to the output folder that can be undone: each replaced or removed file keeps a hard link to
    its old content until `commit`, so a failed run (full disk, no permission, Ctrl-C) restores every file.

    Renames and links need no free space. A run killed outright still leaves each file old or new."""

    def __init__(self) -> None:
        self.done: list[tuple[Path, Path | None, bool]] = []  # (target, backup, whether it existed)
        # Targets whose first content is kept (the manifest changes twice).
        self.saved: set[Path] = set()
        self.folders: set[Path] = set()  # folders known to exist

    def replace(self, target: Path, content: bytes) -> None:
        try:
            mode: int | None = os.stat(target).st_mode & 0o777
        except FileNotFoundError:
            mode = None
        folder = target.parent
        if folder not in self.folders:
            folder.mkdir(parents=True, exist_ok=True)
            self.folders.add(folder)
        temp = _stage(target, content, 0o644 if mode is None else mode)
        try:
            self._change(target, mode is not None, lambda: os.replace(temp, target))
        except BaseException:
            temp.unlink(missing_ok=True)
            raise

    def remove(self, target: Path) -> None:
        self._change(target, True, target.unlink)

    def _change(self, target: Path, existed: bool, change: Callable[[], None]) -> None:
        backup = self._backup(target) if existed and target not in self.saved else None
        if backup is not None:
            self.saved.add(target)
        try:
            change()
        except BaseException:
            if backup is not None:
                backup.unlink(missing_ok=True)
                self.saved.discard(target)
            raise
        self.done.append((target, backup, existed or target in self.saved))

    def commit(self) -> None:
        for _, backup, _ in self.done:
            if backup is not None:
                backup.unlink(missing_ok=True)
        self.done.clear()

    def roll_back(self) -> None:
        for target, backup, existed in reversed(self.done):
            try:
                if backup is not None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(backup, target)
                elif not existed:  # new in this run
                    target.unlink(missing_ok=True)
            except OSError:
                continue  # best effort: the file stays new, which the next gen handles
        self.done.clear()

    @staticmethod
    def _backup(target: Path) -> Path | None:
        backup = target.parent / f"{TEMP_PREFIX}old-{os.getpid()}-{target.name}"
        backup.unlink(missing_ok=True)
        try:
            os.link(target, backup)
        except OSError:  # no hard links on this file system: this file cannot be restored
            return None
        return backup


def _check_inside(target: Path, root: Path) -> None:
    """Refuse a path whose folders are symbolic links that lead out of the output folder."""
    if not target.parent.resolve().is_relative_to(root):
        raise OutputError(
            Diagnostic(
                Span(target.as_posix(), 1),
                "error",
                "DM402",
                "a folder on this path is a symbolic link that leads out of the output folder; "
                "nothing was written (remove the link)",
            )
        )


def _stage(target: Path, content: bytes, mode: int = 0o644) -> Path:
    """Write `content` in full to a new temporary file beside `target`, with `mode`; the caller renames it.

    Straight to the descriptor: a buffered file object would cost three more system calls per file."""
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
    temp = Path(name)
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            else:  # Windows before Python 3.13
                os.chmod(temp, mode)
            view = memoryview(content)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _remove_empty_parents(folder: Path, out: Path) -> None:
    while folder != out and folder.is_dir():
        leftovers = [p for p in folder.iterdir() if p.name not in _IGNORED_DIRS]
        if leftovers:
            return
        for cache in folder.iterdir():
            shutil.rmtree(cache)
        folder.rmdir()
        folder = folder.parent
