"""Docs as they are at a git revision, read from git's objects (the working tree is never touched)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..paths import shown_path
from .errors import problem

#: How far above a docs folder its SDK's `sdks/` folder of operation pages may be (`docs/models` ->
#: `docs/sdks`; `docs/pkg/models` -> `docs/sdks`).
_SDKS_UP = 3


class GitError(Exception):
    """git is missing, the folder is not in a repository, or the revision does not exist."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Repository:
    top: Path

    @classmethod
    def around(cls, folder: Path) -> Repository:
        out = _git(folder, "rev-parse", "--show-toplevel", code="DM801")
        return cls(Path(out.decode().strip()))

    def commit(self, ref: str) -> str:
        """The commit `ref` names (DM800 when it names none)."""
        try:
            out = _git(
                self.top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", code="DM800"
            )
        except GitError as exc:
            raise GitError("DM800", f"`{ref}` names no commit in {self.top.name}") from exc
        return out.decode().strip()

    def below(self, path: Path) -> str:
        """The path of a folder or file below the repository's top, POSIX (`.` for the top)."""
        rel = os.path.relpath(os.path.realpath(path), os.path.realpath(self.top))
        return rel.replace(os.sep, "/")

    def unchanged(self, commit: str, paths: list[Path]) -> bool:
        """Whether the working tree holds exactly the files the commit has below `paths` (no untracked one)."""
        spec = [self.below(p) for p in paths]
        diff = subprocess.run(
            ["git", "diff", "--quiet", "--no-ext-diff", "--no-renames", commit, "--", *spec],
            cwd=self.top,
            capture_output=True,
        )
        if diff.returncode != 0:
            return False
        others = _git(self.top, "ls-files", "--others", "-z", "--", *spec, code="DM801")
        return not others

    def files(self, commit: str, paths: list[str]) -> list[tuple[str, str]]:
        """(path below the top, blob id) of every regular file below `paths` at the commit."""
        if not paths:
            return []
        out = _git(
            self.top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths, code="DM801"
        )
        found: list[tuple[str, str]] = []
        for entry in out.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            mode, kind, blob = meta.split()
            if kind == b"blob" and mode in (b"100644", b"100755"):
                found.append((name.decode("utf-8", "surrogateescape"), blob.decode()))
        return sorted(found)

    def blobs(self, ids: list[str]) -> dict[str, bytes]:
        """The content of each blob, in one `git cat-file --batch`."""
        if not ids:
            return {}
        unique = sorted(set(ids))
        result = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=self.top,
            input="".join(f"{i}\n" for i in unique).encode(),
            capture_output=True,
        )
        if result.returncode != 0:
            raise GitError("DM801", result.stderr.decode(errors="replace").strip())
        data = result.stdout
        found: dict[str, bytes] = {}
        at = 0
        for blob in unique:
            end = data.index(b"\n", at)
            header = data[at:end].split()
            size = int(header[2])
            found[blob] = data[end + 1 : end + 1 + size]
            at = end + 1 + size + 1
        return found


def display(repo: Repository, path: str, cwd: Path) -> str:
    """A path below the repository's top as the user would type it from `cwd`."""
    return shown_path(repo.top / path, cwd)


def _git(cwd: Path, *args: str, code: str) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True)
    except OSError as exc:
        raise GitError(code, f"cannot run git: {exc.strerror or exc}") from exc
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip() or f"git {args[0]} failed"
        raise GitError(code, message)
    return result.stdout


def sdks_folders(roots: list[Path]) -> list[Path]:
    """The `sdks/` folders beside or above the docs folders, where operation pages are."""
    found: list[Path] = []
    for root in roots:
        folder = root if root.is_dir() else root.parent
        for candidate in (folder, *list(folder.parents)[: _SDKS_UP - 1]):
            sdks = candidate / "sdks"
            if sdks not in found and sdks != folder:
                found.append(sdks)
    return found


def open_ref(ref: str, paths: list[Path]) -> tuple[Repository, str]:
    """The repository around the docs, and the commit `ref` names there."""
    folder = next((p if p.is_dir() else p.parent for p in paths if p.exists()), Path.cwd())
    try:
        repo = Repository.around(folder)
        return repo, repo.commit(ref)
    except GitError as exc:
        raise problem(exc.code, folder.as_posix(), str(exc)) from exc


def unchanged_since(ref: str, paths: list[Path]) -> bool:
    """Whether the docs and operation pages below `paths` are byte for byte what they are at `ref`."""
    repo, commit = open_ref(ref, paths)
    # Folders that exist on one side only count too: git compares what each side has below them.
    watched = [p for p in [*paths, *sdks_folders(paths)] if within(repo, p)]
    try:
        return len(watched) > 0 and repo.unchanged(commit, watched)
    except GitError:
        return False


def within(repo: Repository, path: Path) -> bool:
    return not repo.below(path).startswith("..")
