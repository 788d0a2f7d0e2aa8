"""Streams that copy what a run prints (the fast path records it), and the terminal behind them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


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


def terminal(stream: TextIO) -> TextIO:
    """The stream itself, or the terminal behind a recorder of it: a progress bar is drawn there, never
    into what is recorded."""
    return stream.terminal if isinstance(stream, Tee) else stream
