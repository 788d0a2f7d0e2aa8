"""The user's cache folder, and the digests that tell whether what is kept there still applies."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

#: Folders whose contents never shape docmodels' output.
_SKIPPED_DIRS = {".git", "__pycache__"}
_SKIPPED_SUFFIXES = (".pyc", ".pyo")


def cache_folder() -> Path:
    """Where records are kept: outside every project, so that no run writes into the output folder."""
    explicit = os.environ.get("DOCMODELS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "docmodels"


def cache_file(kind: str, where: str, suffix: str) -> Path:
    """The cache file of one `kind` for one place (`where`: a resolved path, maybe with more)."""
    return cache_folder() / f"{kind}-{digest_of([where])[:24]}{suffix}"


def digest_of(parts: Iterable[str]) -> str:
    """One digest of several strings (any text, file names from the disk included)."""
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def store(target: Path, data: bytes) -> bool:
    """Write a cache file whole or not at all (concurrent runs may race); True when written."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except OSError:
        return False
    return True


def installed(module: str) -> str:
    """Which installation of a dependency is imported: its folder and the dist-info beside it (the version).

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
        stamps = [os.stat(package.parent / n / "RECORD").st_mtime_ns for n in infos]
    except OSError:
        infos, stamps = [], []
    return f"{package}:{infos}:{stamps}"


def _files(paths: Iterable[Path]) -> Iterable[tuple[str, str]]:
    """(a name that says where the file is, its path) for every file below `paths`, in a stable order."""
    for index, path in enumerate(paths):
        root = os.fspath(path)
        if os.path.isfile(root):
            yield f"{index}:", root
            continue
        cut = len(os.path.join(root, ""))
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS)
            for name in sorted(files):
                if not name.endswith(_SKIPPED_SUFFIXES):
                    full = os.path.join(folder, name)
                    yield f"{index}:{full[cut:]}", full


def tree_digest(paths: Iterable[Path]) -> str:
    """One digest of every file's name and bytes below `paths` (a missing path counts as empty)."""
    total = hashlib.sha256()
    for name, file in _files(paths):
        try:
            fd = os.open(file, os.O_RDONLY)
            try:
                chunks = [os.read(fd, os.fstat(fd).st_size + 1)]
                while chunks[-1]:  # to the end, even if the file grew meanwhile
                    chunks.append(os.read(fd, 1 << 20))
                content = b"".join(chunks)
            finally:
                os.close(fd)
        except OSError:
            content = b"\0unreadable"
        total.update(name.encode("utf-8", "surrogateescape") + b"\0")
        total.update(len(content).to_bytes(8, "big"))
        total.update(content)
    return total.hexdigest()


@cache
def code_digest() -> str:
    """A digest of docmodels' own code, as this process loaded it (a process runs the code it started with)."""
    import generator

    return tree_digest([Path(generator.__file__).parent])
