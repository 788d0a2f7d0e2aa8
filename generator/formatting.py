"""black, in process: the style authority for every generated Python file."""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

import black
from black.mode import TargetVersion
from black.report import NothingChanged

#: Fixed, so that output never depends on a user's black configuration.
MODE = black.Mode(
    target_versions={
        TargetVersion.PY310,
        TargetVersion.PY311,
        TargetVersion.PY312,
    },
    line_length=88,
)
_PARALLEL_FROM = 48


class FormatError(Exception):
    """black could not parse a generated file (a docmodels bug); the message names the file."""


def format_python(path: str, source: str) -> str:
    try:
        return black.format_str(source, mode=MODE)
    except NothingChanged:
        return source
    except Exception as exc:  # black raises several parse error types
        raise FormatError(f"{path}: {exc}") from exc


def format_all(items: Sequence[tuple[str, str]]) -> list[str]:
    """Format many files, on every core when there are enough of them to pay for the processes."""
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < _PARALLEL_FROM or workers < 2:
        return [format_python(path, source) for path, source in items]
    paths = [p for p, _ in items]
    sources = [s for _, s in items]
    chunk = max(1, len(items) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(format_python, paths, sources, chunksize=chunk))
