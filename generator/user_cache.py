"""The digests that tell whether what the cache store keeps still applies: of files, trees, installations
and docmodels' own code (the store itself is `cache_store`)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

#: Folders whose contents never shape docmodels' output.
_SKIPPED_DIRS = {".git", "__pycache__"}
_SKIPPED_SUFFIXES = (".pyc", ".pyo")


def digest_of(parts: Iterable[str]) -> str:
    """One digest of several strings (any text, file names from the disk included)."""
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def installed(module: str) -> str:
    """Which installation of a dependency is imported: its folder, the dist-info beside it (the version) and
    the digest of the dist-info's RECORD (every installed file with its hash). A reinstall of the same
    release, as on each CI run, gives the same answer; any other installation, another one.

    Cheaper than importlib.metadata, which would cost more than the rest of the fast path."""
    from importlib.util import find_spec

    spec = find_spec(module)
    if spec is None or spec.origin is None:
        return f"{module} missing"
    package = Path(spec.origin).parent
    prefix = module.replace("_", "").lower()
    try:
        infos = sorted(
            n
            for n in os.listdir(package.parent)
            if n.endswith(".dist-info")
            and n.replace("_", "").replace("-", "").lower().startswith(prefix)
        )
        stamps = [
            hashlib.sha256((package.parent / n / "RECORD").read_bytes()).hexdigest()[:16]
            for n in infos
        ]
    except OSError:
        infos, stamps = [], []
    return f"{package}:{infos}:{stamps}"


def _files(paths: Iterable[Path]) -> Iterable[tuple[str, str]]:
    """(a name that says where the file is, its path) for every file below `paths`, in a stable order."""
    for index, path in enumerate(paths):
        root = os.fspath(path)
        if os.path.isfile(root):
            yield f"{index}:", root
        else:
            yield from _below(root, f"{index}:")


def _below(folder: str, name: str) -> Iterable[tuple[str, str]]:
    """(name, path) of every file below `folder`, depth first in name order (a folder that cannot be
    listed holds nothing). A symbolic link's name says where it leads: docs are read differently through
    a link (one that leads out of the docs folder is skipped), so a file replaced by a link to the same
    bytes is another file."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(
                (entry.name, entry.is_dir(follow_symlinks=True), entry.is_symlink())
                for entry in listing
            )
    except OSError:
        return
    for child, is_dir, is_link in entries:
        path = folder + os.sep + child
        shown = f"{name}{child} -> {os.path.realpath(path)}" if is_link else name + child
        if is_dir:
            if child not in _SKIPPED_DIRS:
                yield from _below(path, shown + "/")
        elif not child.endswith(_SKIPPED_SUFFIXES):
            yield shown, path


def tree_digest(paths: Iterable[Path]) -> str:
    """One digest of every file's name and bytes below `paths` (a missing path counts as empty)."""
    total = hashlib.sha256()
    for name, file in _files(paths):
        total.update(
            name.encode("utf-8", "surrogateescape") + b"\0" + content_digest(file).encode()
        )
    return total.hexdigest()


#: A file below the stamped paths: its name (which path, and where below it), its path, and its stat
#: (None: it cannot be read).
FileStat = tuple[str, str, os.stat_result | None]


def tree_stats(paths: Iterable[Path]) -> list[FileStat]:
    """Every file below `paths` with its stat now (`stat_stamp` stamps each)."""
    found: list[FileStat] = []
    for name, file in _files(paths):
        try:
            found.append((name, file, os.stat(file)))
        except OSError:
            found.append((name, file, None))
    return found


def stat_stamp(info: os.stat_result | None, racy_from_ns: int) -> str | None:
    """A file's size, inode, modification and change times; None when they cannot tell whether it changed.

    A write always moves a file's change time (which no tool can set back), so the stamp changes with any
    edit, as git's index and make rely on. A file changed at or after `racy_from_ns` has no stamp: a second
    edit within the file system's timestamp granularity could leave its times as they were. Such a file,
    and one that cannot be read, count by their bytes (`content_digest`)."""
    if info is None or max(info.st_ctime_ns, info.st_mtime_ns) >= racy_from_ns:
        return None
    return f"{info.st_size}:{info.st_ino}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def content_digest(file: str) -> str:
    """The digest of a file's bytes, read to the end in pieces of at most 1 MiB (an image or a PDF below the
    docs is never held whole), or of a fixed marker when it cannot be read."""
    total = hashlib.sha256()
    try:
        fd = os.open(file, os.O_RDONLY)
        try:
            piece = os.read(fd, min(os.fstat(fd).st_size + 1, _PIECE))
            while piece:
                total.update(piece)
                piece = os.read(fd, _PIECE)
        finally:
            os.close(fd)
    except OSError:
        return hashlib.sha256(_UNREADABLE).hexdigest()
    return total.hexdigest()


_PIECE = 1 << 20
_UNREADABLE = b"\0unreadable"


@cache
def code_digest() -> str:
    """A digest of docmodels' own code, as this process loaded it (a process runs the code it started with).

    The folders the package's modules load from (`__path__`): in an editable install, the `docmodels` shim
    points them at the checkout's generator/, so an edit there is seen."""
    from . import __path__ as package_folders

    return tree_digest([Path(folder) for folder in package_folders])
