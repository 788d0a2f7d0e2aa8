"""How a path is shown to the user: relative to the working folder when below it, as they would type it."""

from __future__ import annotations

import os
from pathlib import Path


def shown_path(path: Path, cwd: Path) -> str:
    """The path relative to `cwd` when below it (links are not followed), else as given; `/` separated."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()
