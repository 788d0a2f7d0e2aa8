"""The no-op fast path: replay a run that changed nothing when nothing that shapes its result changed since.

After a `gen` or `check` that exited 0 and left the output folder as it found it, a record keeps what the run
printed and three digests: of the command line, settings, docmodels code and dependency versions (`key`); of
every input file, meaning everything below the doc folders, the templates and the configuration file
(`inputs`); and of every file in the output folder (`outputs`). Output is a deterministic function of these,
so while all three digests match, the same command would print the same text and write nothing: it is
replayed without reading, rendering or formatting anything. Files count by their stat (size, inode,
modification and change times: any write moves the change time), except those changed within two seconds
before the run started, which count by their bytes (`user_cache.tree_stamp`). Any difference, or an
unreadable record, means the normal run. Records live in the user's cache folder (`$DOCMODELS_CACHE_DIR`,
else `$XDG_CACHE_HOME/docmodels`, else `~/.cache/docmodels`), never in the project: `check` writes nothing
there.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import TextIO

import generator
from generator.config import Config
from generator.user_cache import (
    FileStat,
    cache_file,
    code_digest,
    installed,
    stamp_of,
    store,
    tree_stats,
)


def record_path(config: Config, command: str) -> Path:
    """One record per output folder and command line."""
    return cache_file("fastpath", f"{config.out.resolve()}\0{command}", ".json")


_FORMAT = 2
#: Files changed this long before a run count by their bytes: the coarsest timestamps (FAT) are 2 s apart.
_RACY_NS = 2_000_000_000
_DEPENDENCIES = ("black", "jinja2", "markdown_it")


@dataclass(frozen=True)
class State:
    """Digests of everything a run's result depends on."""

    key: str
    inputs: str
    outputs: str
    #: Files changed at or after this time (ns) count by their bytes, not their stat.
    racy_from: int


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


def run(config: Config, command: str, full_run: Callable[[], Ran]) -> int:
    """Replay the recorded run when nothing changed; otherwise do `full_run`, and record it if it changed nothing."""
    taken = Stats()
    replay = lookup(config, command, taken)
    if replay is not None:
        sys.stderr.write(replay.stderr)
        sys.stdout.write(replay.stdout)
        return replay.code
    roots = template_roots(config)
    before = current(config, command, roots, time.time_ns() - _RACY_NS, taken)
    with recording() as (out, err):
        ran = full_run()
    if not ran.wrote:
        remember(config, command, roots, before, Replay(out.text(), err.text(), ran.code))
    return ran.code


class Tee:
    """A stream that passes everything through to `terminal` and keeps a copy."""

    def __init__(self, terminal: TextIO) -> None:
        self.terminal = terminal
        self._parts: list[str] = []

    def write(self, text: str) -> int:
        self._parts.append(text)
        return self.terminal.write(text)

    def flush(self) -> None:
        self.terminal.flush()

    def isatty(self) -> bool:
        return self.terminal.isatty()

    def text(self) -> str:
        return "".join(self._parts)

    def __getattr__(self, name: str) -> object:
        return getattr(self.terminal, name)  # encoding, errors, fileno, ... of the real stream


@contextmanager
def recording() -> Iterator[tuple[Tee, Tee]]:
    """Copy what is printed on stdout and stderr meanwhile."""
    saved = sys.stdout, sys.stderr
    out, err = Tee(sys.stdout), Tee(sys.stderr)
    sys.stdout, sys.stderr = out, err
    try:
        yield out, err
    finally:
        sys.stdout, sys.stderr = saved


def template_roots(config: Config) -> tuple[Path, ...]:
    """The folders templates are read from (imports the renderer: only for a full run)."""
    from generator.render.targets import templates_root

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
    taken = taken or Stats()
    key = hashlib.sha256()
    for part in (
        str(_FORMAT),
        command,
        generator.__version__,
        sys.version,
        os.getcwd(),
        repr(config),
        _code(),
    ):
        key.update(part.encode("utf-8", "surrogateescape") + b"\0")
    inputs = [*config.docs, *roots]
    if config.source is not None:
        inputs.append(config.source)
    return State(
        key.hexdigest(),
        stamp_of(taken.below(inputs), racy_from),
        stamp_of(taken.below([config.out]), racy_from),
        racy_from,
    )


@cache
def _code() -> str:
    """docmodels' own code and the installations of its dependencies, as this process loaded them."""
    return "\0".join([*(installed(name) for name in _DEPENDENCIES), code_digest()])


def lookup(config: Config, command: str, taken: Stats | None = None) -> Replay | None:
    """The recorded run's output when it is provably what this run would do, else None."""
    try:
        data = json.loads(record_path(config, command).read_text(encoding="utf-8"))
        recorded = State(**data["state"])
        roots = tuple(Path(p) for p in data["template_roots"])
        replay = Replay(**data["replay"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if replay.code != 0 or current(config, command, roots, recorded.racy_from, taken) != recorded:
        return None
    return replay


def remember(
    config: Config, command: str, roots: Sequence[Path], before: State, replay: Replay
) -> bool:
    """Record a run that exited 0 and changed nothing; True when recorded.

    `before` is the state taken before the run: when the state after it differs (gen wrote or removed a
    file, or an input changed meanwhile), nothing is recorded."""
    if (
        replay.code != 0
        or not config.out.is_dir()
        or current(config, command, roots, before.racy_from) != before
    ):
        return False
    data = {
        "state": asdict(before),
        "template_roots": [str(p) for p in roots],
        "replay": asdict(replay),
    }
    return store(record_path(config, command), json.dumps(data).encode("utf-8"))
