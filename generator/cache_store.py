"""The cache folder: one store of data-only entries, each verified before anything is taken from it.

Every kind of entry is a named section (`SECTIONS`): a folder of the store holding one file per key. A file is
one header line and a JSON payload. The header holds the store's format version, the section, the digest of
the entry's key, the stamp of what the entry applies to (docmodels' code, versions of its dependencies, ...)
and the digest of all of these with the payload. JSON cannot run code when it is loaded: nothing here uses
pickle, marshal or compiled templates, so a cache folder shared between CI jobs holds data only.

A bad entry (missing, unreadable, truncated, too large, of another format, another section, key or stamp,
with a wrong digest, or whose payload its section cannot validate) is treated as missing: it costs time,
never correctness, and never a traceback. A folder that cannot be written only means nothing is kept.
Writes are atomic (a temporary file renamed into place). Each section keeps at most `LIMITS[section]`
entries: the oldest written are dropped when a new one is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

#: The version of the store's format: an entry of any other version is treated as missing.
FORMAT = 1
#: How many entries each section keeps (one per output folder, command line, set of doc folders, ...).
LIMITS = {"fastpath": 64, "pages": 16, "render": 32, "template-names": 4, "origins": 16}
SECTIONS = tuple(LIMITS)
#: An entry larger than this is neither written nor read (a planted huge file costs no memory).
MAX_ENTRY_BYTES = 256 * 1024 * 1024
_MAGIC = b"docmodels-cache"
_SUFFIX = ".entry"
#: Temporary files of writers that died are removed once they are this old.
_STALE_TEMP_S = 3600
#: What older docmodels releases kept in the cache folder (pickles and compiled templates among them).
_LEGACY = r"(pages|fastpath|render|template-names)-[0-9a-f]{24}\.(pickle|json)"

T = TypeVar("T")


class BadEntry(ValueError):
    """An entry's payload does not have the shape its section expects."""


def default_folder() -> Path:
    """`$DOCMODELS_CACHE_DIR`, else `$XDG_CACHE_HOME/docmodels`, else `~/.cache/docmodels`: outside every
    project, so that no run writes into the output folder."""
    explicit = os.environ.get("DOCMODELS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "docmodels"


class Store:
    """The cache folder's entries by section and key; `Store(None)` keeps nothing (every lookup misses)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._tidied = False

    @classmethod
    def default(cls) -> Store:
        """The user's cache folder (`default_folder`)."""
        return cls(default_folder())

    def entry_path(self, section: str, key: str) -> Path | None:
        """Where the entry of `key` in `section` lives (None: this store keeps nothing)."""
        if self.folder is None:
            return None
        if section not in LIMITS:
            raise ValueError(f"unknown cache section `{section}`")
        return self.folder / section / (_key_digest(key)[:32] + _SUFFIX)

    def load(
        self, section: str, key: str, stamp: str, decode: Callable[[Any], T] = lambda v: v
    ) -> T | None:
        """The payload kept for `key`, as `decode` validates it; None when there is no good entry.

        `stamp` says what the entry must apply to (an entry written under another stamp is missing);
        `decode` turns the JSON value into what the section uses, raising `BadEntry` (or any ValueError,
        TypeError, KeyError, IndexError or AttributeError) when the value is not what it wrote."""
        return self.load_lines(section, key, stamp, lambda lines: decode(json.loads(lines[0])))

    def load_lines(
        self, section: str, key: str, stamp: str, decode: Callable[[list[bytes]], T]
    ) -> T | None:
        """As `load`, for a payload written by `save_lines`: `decode` gets its lines (each one JSON text)."""
        path = self.entry_path(section, key)
        if path is None:
            return None
        data = _read_bounded(path)
        if data is None:
            return None
        head, newline, payload = data.partition(b"\n")
        if not newline or head != _header(section, key, stamp, payload):
            return None
        try:
            return decode(payload.split(b"\n"))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
            return None

    def save(self, section: str, key: str, stamp: str, value: object) -> bool:
        """Keep `value` (plain JSON data) for `key`, whole or not at all; True when written."""
        return self.save_lines(section, key, stamp, [dumps(value)])

    def save_lines(self, section: str, key: str, stamp: str, lines: list[bytes]) -> bool:
        """Keep lines of JSON text (`dumps`) for `key`: a section whose payload is many small pieces keeps
        each as it was read, so that writing back an unchanged piece costs no encoding."""
        path = self.entry_path(section, key)
        if path is None:
            return False
        payload = b"\n".join(lines)
        if len(payload) > MAX_ENTRY_BYTES:
            return False
        written = _write_atomic(path, _header(section, key, stamp, payload) + b"\n" + payload)
        if written:
            self._tidy(path.parent)
        return written

    @property
    def keeps(self) -> bool:
        """Whether anything is kept (False: `Store(None)`, whose lookups all miss)."""
        return self.folder is not None

    def _tidy(self, folder: Path) -> None:
        """Keep the section within its limit; once per store, drop what older releases left behind."""
        try:
            entries = [e for e in os.scandir(folder) if e.is_file(follow_symlinks=False)]
            limit = LIMITS[folder.name]
            kept = sorted(
                ((e.stat().st_mtime_ns, e.path) for e in entries if e.name.endswith(_SUFFIX)),
                reverse=True,
            )
            stale = [e.path for e in entries if e.name.startswith(".") and _old(e)]
            for old in [p for _, p in kept[limit:]] + stale:
                with contextlib.suppress(OSError):
                    os.unlink(old)
        except OSError:
            pass
        if not self._tidied and self.folder is not None:
            self._tidied = True
            _drop_legacy(self.folder)


def dumps(value: object) -> bytes:
    """One line of JSON text (ASCII: a lone surrogate from a file name survives; never a raw newline)."""
    return json.dumps(value, separators=(",", ":")).encode("ascii")


def _key_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()


def _header(section: str, key: str, stamp: str, payload: bytes) -> bytes:
    """The header line an entry must have: format, section, key digest, stamp digest, content digest.

    The content digest covers the other fields too: an entry copied to another key, or a header edited
    without its payload, does not verify."""
    fields = f"{FORMAT} {section} {_key_digest(key)} {_key_digest(stamp)}"
    content = hashlib.sha256(fields.encode("ascii") + b"\n" + payload).hexdigest()
    return _MAGIC + b" " + f"{fields} {content}".encode("ascii")


def _read_bounded(path: Path) -> bytes | None:
    """The file's bytes, or None when it is missing, unreadable, not a regular file or too large."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        parts = [os.read(fd, info.st_size + 1)]
        while parts[-1] and sum(map(len, parts)) <= MAX_ENTRY_BYTES:
            parts.append(os.read(fd, 1 << 20))
        data = b"".join(parts)
        return data if len(data) <= MAX_ENTRY_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _write_atomic(target: Path, data: bytes) -> bool:
    """Write a file whole or not at all (concurrent runs may race: the last rename wins)."""
    import tempfile  # only when writing: a replayed run never does

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


def _old(entry: os.DirEntry[str]) -> bool:
    import time

    try:
        return time.time() - entry.stat(follow_symlinks=False).st_mtime > _STALE_TEMP_S
    except OSError:
        return False


def _drop_legacy(folder: Path) -> None:
    """Remove the files older releases kept (pickled pages, Jinja bytecode): never read, so only space."""
    import re  # only when writing: a replayed run never does

    legacy = re.compile(_LEGACY)
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.is_file(follow_symlinks=False) and legacy.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
    compiled = folder / "templates"
    with contextlib.suppress(OSError):
        for entry in os.scandir(compiled):
            if entry.name.startswith("__jinja2_") and entry.name.endswith(".cache"):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
        compiled.rmdir()
