"""A progress bar on stderr for long runs: only on a terminal, never with `--quiet`, never in the output."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .streams import terminal

#: Runs shorter than this many items are not worth a bar.
MIN_ITEMS = 200
_WIDTH = 30
_INTERVAL = 0.1
_enabled = True


def configure(enabled: bool) -> None:
    """Turn bars off (`--quiet`) or back on for this process."""
    global _enabled
    _enabled = enabled


class Progress:
    """`label done/total [####....]`, redrawn at most every 0.1 s and erased by `close`."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = terminal(stream if stream is not None else sys.stderr)
        self.shown = _enabled and total >= MIN_ITEMS and _isatty(self.stream)
        self._drawn = 0.0

    def advance(self, count: int = 1) -> None:
        self.done = min(self.total, self.done + count)
        now = time.monotonic()
        if self.shown and (now - self._drawn >= _INTERVAL or self.done == self.total):
            self._drawn = now
            self.stream.write("\r" + self.line())
            self.stream.flush()

    def line(self) -> str:
        filled = _WIDTH * self.done // self.total if self.total else _WIDTH
        bar = "#" * filled + "." * (_WIDTH - filled)
        return f"docmodels: {self.label} {self.done}/{self.total} [{bar}]"

    def close(self) -> None:
        if self.shown and self._drawn:
            self.stream.write("\r" + " " * len(self.line()) + "\r")
            self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
