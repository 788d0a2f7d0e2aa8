"""The `docmodels` console script: answers `--version` before importing the rest of docmodels."""

from __future__ import annotations

import sys


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        from generator import __version__

        print(f"docmodels {__version__}")
        return 0
    from generator.cli import main as run

    return run()
