"""`docmodels gen --watch`: regenerate whenever a doc, the configuration or a user template changes."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

Stamp = frozenset[tuple[str, int, int]]


def stamp(paths: Iterable[Path]) -> Stamp:
    """Path, modification time and size of every file below `paths` (hidden folders skipped)."""
    found: set[tuple[str, int, int]] = set()
    for path in paths:
        files = [path] if path.is_file() else _walk(path)
        for file in files:
            try:
                info = file.stat()
            except OSError:
                continue
            found.add((str(file), info.st_mtime_ns, info.st_size))
    return frozenset(found)


def _walk(folder: Path) -> Iterable[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        for name in files:
            yield Path(root) / name


#: Polling takes at most this share of one core: a large doc tree is polled less often.
POLL_SHARE = 0.1


def watch(
    watched: Callable[[], list[Path]],
    run: Callable[[], object],
    interval: float = 0.2,
    announce: Callable[[str], None] = print,
) -> None:
    """Run once, then again after every change to the files `watched()` names, until interrupted.

    The files are polled every `interval` seconds, or less often when one poll costs more than
    `POLL_SHARE` of the pause: about every 0.2 s for a thousand docs, every second for ten thousand."""
    last = stamp(watched())
    run()
    announce("docmodels: watching for changes (Ctrl-C to stop)")
    pause = interval
    while True:
        time.sleep(pause)
        started = time.perf_counter()
        now = stamp(watched())
        pause = max(interval, (time.perf_counter() - started) / POLL_SHARE)
        if now != last:
            last = now
            run()
