"""The no-op fast path: replay a run that changed nothing when nothing that shapes its result changed since.

After a `gen` or `check` that exited 0 and left the output folder as it found it, a record keeps what the run
printed, a digest of the command line, settings, docmodels code and dependency versions (`key`), and every
file the result depends on: everything below the doc folders, the templates and the configuration file, and
every file in the output folder, each with its stat and the digest of its bytes. Output is a deterministic
function of these, so while the key and every file match, the same command would print the same text and
write nothing: it is replayed without reading, rendering or formatting anything. A file matches by its stat
(size, inode, modification and change times: any write moves the change time), as git's index does; a file
whose stat differs, or that changed within two seconds before the recorded run started (`user_cache.
stat_stamp`), matches by its bytes. So a fresh checkout of the same files (new inodes and times) is replayed
too, when the cache folder is kept (a CI cache step). Any difference, or a missing or bad record, means the
normal run. Records are entries of the cache store's `fastpath` section (`cache_store`), never in the
project: `check` writes nothing there.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

from ..cache_store import BadEntry, Store
from ..config import Config
from ..streams import recording
from ..user_cache import (
    FileStat,
    code_digest,
    content_digest,
    installed,
    stat_stamp,
    tree_stats,
)

package = import_module("..", __package__)  # this package, by the name it was imported under

_SECTION = "fastpath"


def record_key(config: Config, command: str) -> str:
    """One record per output folder and command line."""
    return f"{config.out.resolve()}\0{command}"


_FORMAT = 4
#: Files changed this long before a run count by their bytes: the coarsest timestamps (FAT) are 2 s apart.
_RACY_NS = 2_000_000_000
_DEPENDENCIES = ("black", "jinja2", "markdown_it")


@dataclass(frozen=True)
class State:
    """Everything a run's result depends on: the key, and each file by its name (which tree, where below it)."""

    key: str
    #: Each file's stat stamp (None: its stat cannot tell, `stat_stamp`).
    stats: dict[str, str | None]
    #: The digest of the bytes of each file whose stat cannot tell.
    contents: dict[str, str]
    #: Files changed at or after this time (ns) count by their bytes, not their stat.
    racy_from: int
    #: Where each file is (not part of the state: the same files elsewhere are the same state).
    paths: dict[str, str] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Replay:
    """What the recorded run printed, and its exit code."""

    stdout: str
    stderr: str
    code: int


@dataclass(frozen=True)
class Ran:
    """What a full run did: its exit code, and whether it wrote or removed files (then it was no no-op, and
    there is nothing to record: the state after it need not even be taken)."""

    code: int
    wrote: bool = False


def run(config: Config, command: str, full_run: Callable[[], Ran], store: Store) -> int:
    """Replay the recorded run when nothing changed; otherwise do `full_run`, and record it if it changed nothing."""
    taken = Stats()
    replay = lookup(store, config, command, taken)
    if replay is not None:
        sys.stderr.write(replay.stderr)
        sys.stdout.write(replay.stdout)
        return replay.code
    roots = template_roots(config)
    before = current(config, command, roots, time.time_ns() - _RACY_NS, taken)
    with recording() as (out, err):
        ran = full_run()
    if not ran.wrote:
        remember(store, config, command, roots, before, Replay(out.text(), err.text(), ran.code))
    return ran.code


def template_roots(config: Config) -> tuple[Path, ...]:
    """The folders templates are read from (imports the renderer: only for a full run)."""
    from ..render.targets import templates_root

    return tuple(p for p in (config.templates, templates_root()) if p is not None)


class Stats:
    """The file stats one run has taken, by the paths they were taken below (a run walks each tree once
    before it starts: the lookup's stats serve as the state before the run)."""

    def __init__(self) -> None:
        self._taken: dict[tuple[Path, ...], list[FileStat]] = {}

    def below(self, paths: Sequence[Path]) -> list[FileStat]:
        key = tuple(paths)
        if key not in self._taken:
            self._taken[key] = tree_stats(paths)
        return self._taken[key]


def current(
    config: Config,
    command: str,
    roots: Sequence[Path],
    racy_from: int,
    taken: Stats | None = None,
) -> State:
    """The state now; `command` names the command line (subcommand and every option). `taken` gives the
    stats taken earlier in this run (None: take them now)."""
    files = _files(config, roots, taken or Stats())
    stats = {name: stat_stamp(info, racy_from) for name, (_, info) in files.items()}
    contents = {
        name: content_digest(files[name][0]) for name, stamp in stats.items() if stamp is None
    }
    paths = {name: path for name, (path, _) in files.items()}
    return State(_key(config, command), stats, contents, racy_from, paths)


def _key(config: Config, command: str) -> str:
    """What shapes a run's result besides the files: command line, settings, docmodels and Python."""
    key = hashlib.sha256()
    for part in (
        str(_FORMAT),
        command,
        package.__version__,
        sys.version,
        os.getcwd(),
        repr(config),
        _code(),
    ):
        key.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return key.hexdigest()


def _files(
    config: Config, roots: Sequence[Path], taken: Stats
) -> dict[str, tuple[str, os.stat_result | None]]:
    """Every input file (docs, templates, configuration file), then every output file: name -> (path, stat)."""
    inputs = [*config.docs, *roots]
    if config.source is not None:
        inputs.append(config.source)
    files: dict[str, tuple[str, os.stat_result | None]] = {}
    for tree, paths in (("in", inputs), ("out", [config.out])):
        for name, path, info in taken.below(paths):
            files[f"{tree}:{name}"] = (path, info)
    return files


@cache
def _code() -> str:
    """docmodels' own code and the installations of its dependencies, as this process loaded them."""
    return "\0".join([*(installed(name) for name in _DEPENDENCIES), code_digest()])


#: A record as kept: (state key, racy_from, {file name: (stat stamp or None, digest)}, template roots, replay).
_Record = tuple[str, int, dict[str, tuple[str | None, str]], tuple[Path, ...], Replay]


def _decode(data: Any) -> _Record:
    """A record read back, every value checked (`BadEntry` on anything `remember` does not write)."""
    key, racy_from, files, roots, (stdout, stderr, code) = data
    if type(key) is not str or type(racy_from) is not int or type(code) is not int:
        raise BadEntry("fastpath: key, time or exit code")
    if type(stdout) is not str or type(stderr) is not str or type(files) is not dict:
        raise BadEntry("fastpath: output or files")
    recorded: dict[str, tuple[str | None, str]] = {}
    for name, (stamp, digest) in files.items():
        if (stamp is not None and type(stamp) is not str) or type(digest) is not str:
            raise BadEntry("fastpath: a file's stamp or digest")
        recorded[name] = (stamp, digest)
    if type(roots) is not list or not all(type(r) is str for r in roots):
        raise BadEntry("fastpath: template roots")
    return key, racy_from, recorded, tuple(Path(r) for r in roots), Replay(stdout, stderr, code)


def lookup(store: Store, config: Config, command: str, taken: Stats | None = None) -> Replay | None:
    """The recorded run's output when it is provably what this run would do, else None.

    Each file matches by its stat when the record has one and the stat is the same, else by its bytes."""
    found = store.load(_SECTION, record_key(config, command), str(_FORMAT), _decode)
    if found is None:
        return None
    key, racy_from, recorded, roots, replay = found
    if replay.code != 0 or _key(config, command) != key:
        return None
    files = _files(config, roots, taken or Stats())
    if files.keys() != recorded.keys():
        return None
    doubtful = [
        (path, recorded[name][1])
        for name, (path, info) in files.items()
        if recorded[name][0] is None or stat_stamp(info, racy_from) != recorded[name][0]
    ]
    if any(content_digest(path) != digest for path, digest in doubtful):
        return None
    return replay


def remember(
    store: Store,
    config: Config,
    command: str,
    roots: Sequence[Path],
    before: State,
    replay: Replay,
) -> bool:
    """Record a run that exited 0 and changed nothing; True when recorded.

    `before` is the state taken before the run: when the state after it differs (gen wrote or removed a
    file, or an input changed meanwhile), nothing is recorded. The bytes of the files whose stat told are
    read now, each recorded only if its stat did not move while it was read."""
    if replay.code != 0 or not config.out.is_dir():
        return False
    after = current(config, command, roots, before.racy_from)
    if after != before:
        return False
    contents: dict[str, str] = {}
    for name, stamp in before.stats.items():
        if stamp is None:  # read before the run
            contents[name] = before.contents[name]
            continue
        contents[name] = content_digest(after.paths[name])
        try:
            if stat_stamp(os.stat(after.paths[name]), before.racy_from) != stamp:
                return False  # changed while it was read
        except OSError:
            return False
    files = {name: [before.stats[name], contents[name]] for name in sorted(before.stats)}
    record = [
        before.key,
        before.racy_from,
        files,
        [str(p) for p in roots],
        [replay.stdout, replay.stderr, replay.code],
    ]
    return store.save(_SECTION, record_key(config, command), str(_FORMAT), record)
