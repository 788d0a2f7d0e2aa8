"""The `docmodels` console script: answers `--version` before importing the rest of docmodels, and keeps the
exit codes meaningful (0 success, 1 drift, 2 invalid input, 3 a docmodels bug): a closed output stream
(`docmodels check | head`) ends nothing with a traceback, and an unexpected exception is one line and exit 3.
"""

from __future__ import annotations

import os
import sys

# Typing names for the checkers only: every command starts here, and importing typing costs ~9 ms.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import TextIO

EXIT_INTERNAL = 3
#: What shells report for a run stopped by Ctrl-C (128 + SIGINT), and by a closed pipe (128 + SIGPIPE).
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


class ClosedSafeStream:
    """A standard stream whose reader may go away: after a broken pipe, the stream's file descriptor is
    pointed at the null device (the Python docs' recipe for SIGPIPE), so the run finishes what it does (a gen
    still writes its files) and exits with the code its result gives, without a traceback."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            self.silence()
            return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            self.silence()

    def silence(self) -> None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, self.stream.fileno())
        finally:
            os.close(devnull)
        # What was buffered for the closed pipe goes to the null device (no contextlib.suppress: importing
        # contextlib costs ~6 ms of every command's start).
        try:  # noqa: SIM105
            self.stream.flush()
        except OSError:
            pass

    def __getattr__(self, name: str) -> object:
        return getattr(
            self.stream, name
        )  # encoding, errors, isatty, fileno, ... of the real stream


def _guarded(stream: TextIO | None) -> TextIO:
    """The stream, safe to write after its reader has gone; a stream closed before the run (`2>&-`, where
    Python sets it to None) writes to the null device."""
    if stream is None:
        return open(os.devnull, "w", encoding="utf-8")  # lives as long as the process
    return ClosedSafeStream(stream)  # type: ignore[return-value]  # a TextIO in all that is used


def main() -> int:
    sys.stdout = _guarded(sys.stdout)
    sys.stderr = _guarded(sys.stderr)
    try:
        code = _run()
    except KeyboardInterrupt:
        print("docmodels: interrupted", file=sys.stderr)
        code = EXIT_INTERRUPTED
    except (
        BrokenPipeError
    ):  # written past the guarded streams (a raw buffer): the run cannot know its result
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, ClosedSafeStream):
                stream.silence()
        code = EXIT_BROKEN_PIPE
    except Exception as exc:
        code = internal_error(exc)
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def _run() -> int:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        print(f"docmodels {__version__}")
        return 0
    from .cli import main as run

    return run()


def internal_error(exc: BaseException) -> int:
    """One line that names the exception and asks for a report; the traceback with DOCMODELS_DEBUG=1."""
    from . import __version__

    if os.environ.get("DOCMODELS_DEBUG"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    python = ".".join(str(part) for part in sys.version_info[:3])
    first_line = (str(exc).splitlines() or [""])[0]
    print(
        f"docmodels: internal error: {type(exc).__name__}: {first_line} "
        f"(docmodels {__version__}, Python {python}). This is a bug in docmodels: please report it with "
        "the command you ran and the docs that caused it (DOCMODELS_DEBUG=1 prints the traceback)",
        file=sys.stderr,
    )
    return EXIT_INTERNAL
