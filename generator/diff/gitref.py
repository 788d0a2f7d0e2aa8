"""Docs as they are at a git revision, read from git's objects (the working tree is never touched)."""

from __future__ import annotations

import os
import posixpath
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.reader.document import DocRef

#: Doc names the reader skips (it reads operation pages apart).
_SKIPPED = {"readme.md", "changelog.md", "license.md", "contributing.md"}


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


def doc_refs(
    repo: Repository, files: list[tuple[str, str]], root: Path, cwd: Path
) -> list[tuple[DocRef, str]]:
    """The docs below `root` among the files, placed as the reader places the same files on disk."""
    below = repo.below(root)
    prefix = "" if below == "." else below + "/"
    shown = _display(root, cwd)
    found: list[tuple[DocRef, str]] = []
    for path, blob in files:
        if not path.startswith(prefix):
            continue
        rel = path[len(prefix) :]
        parts = rel.split("/")
        if any(p.startswith((".", "_")) for p in parts) or not rel.endswith(".md"):
            continue
        if parts[-1].lower() in _SKIPPED:
            continue
        display = rel if shown == "." else posixpath.join(shown, rel)
        found.append((DocRef(display, rel, shown), blob))
    return sorted(found, key=lambda item: (item[0].rel, item[0].display))


def display(repo: Repository, path: str, cwd: Path) -> str:
    """A path below the repository's top as the user would type it from `cwd`."""
    return _display(repo.top / path, cwd)


def _display(path: Path, cwd: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def _git(cwd: Path, *args: str, code: str) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True)
    except OSError as exc:
        raise GitError(code, f"cannot run git: {exc.strerror or exc}") from exc
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip() or f"git {args[0]} failed"
        raise GitError(code, message)
    return result.stdout
