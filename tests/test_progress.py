"""The progress bar: drawn only on a terminal, never with --quiet, never into recorded output."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from generator import progress
from generator.streams import Tee


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def enabled() -> Iterator[None]:
    progress.configure(True)
    yield
    progress.configure(True)


def _run(stream: io.StringIO | Tee, total: int = 400) -> None:
    with progress.Progress("formatting", total, stream) as bar:  # type: ignore[arg-type]
        for _ in range(total // 100):
            bar.advance(100)


def test_a_terminal_shows_the_bar_and_it_is_erased_at_the_end() -> None:
    screen = Terminal()
    _run(screen)
    text = screen.getvalue()
    assert "docmodels: formatting 400/400 [" + "#" * 30 + "]" in text
    assert text.endswith("\r") and text.count("\r") >= 3


@pytest.mark.parametrize("quiet, stream", [(False, io.StringIO()), (True, Terminal())])
def test_no_bar_when_not_a_terminal_or_quiet(quiet: bool, stream: io.StringIO) -> None:
    progress.configure(not quiet)
    _run(stream)
    assert stream.getvalue() == ""


def test_short_runs_get_no_bar() -> None:
    screen = Terminal()
    _run(screen, total=progress.MIN_ITEMS - 1)
    assert screen.getvalue() == ""


def test_the_bar_bypasses_a_recorder_of_the_output() -> None:
    screen = Terminal()
    recorded = Tee(screen)  # type: ignore[arg-type]
    _run(recorded)
    assert "formatting" in screen.getvalue() and recorded.text() == ""
