"""A target's own formatter (`formatter = ["gofmt", "-w"]` in its manifest), run on the files it produced.

The files are written to a temporary folder at their output paths and the command runs there once, with
their relative paths appended to its arguments (in slices, for very many files), then they are read back:
`gen` writes, and `check` compares, the formatted text. The command is an argument list run without a
shell, so no file name or manifest value is ever read as shell syntax.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .formatting import FormatError
from .render.targets import Target

#: Files per run of the command: far inside every platform's limit on the length of a command line.
_SLICE = 200
#: Seconds a run of the command may take before it is given up as failed.
_TIMEOUT = 300
#: The most output paths a failure lists.
_NAMED = 5


class FormatterFailed(FormatError):
    """A target's formatter failed; `where` is the manifest line that names it."""

    def __init__(self, message: str, where: tuple[str, int] | None) -> None:
        super().__init__(message)
        self.where = where


def run_formatter(target: Target, files: Sequence[tuple[str, str]]) -> list[str]:
    """The text of each (path, text) after the target's formatter rewrote the files in place."""
    try:
        return _formatted(target.formatter, files)
    except FormatError as exc:
        raise FormatterFailed(str(exc), target.formatter_source) from exc


def _formatted(command: Sequence[str], files: Sequence[tuple[str, str]]) -> list[str]:
    """The text of each (path, text) after `command` rewrote the files in place; FormatError on failure."""
    if not files:
        return []
    with tempfile.TemporaryDirectory(prefix="docmodels-format-") as folder:
        root = Path(folder).resolve()
        # A path that would leave the folder is not formatted here: planning the files reports it (DM400).
        inside = [path for path, _ in files if (root / path).resolve().is_relative_to(root)]
        texts = dict(files)
        for path in inside:
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(texts[path], encoding="utf-8", newline="")
        for start in range(0, len(inside), _SLICE):
            _run(command, inside[start : start + _SLICE], root)
        try:
            texts.update((path, (root / path).read_bytes().decode("utf-8")) for path in inside)
        except (OSError, UnicodeDecodeError) as exc:
            raise FormatError(
                f"formatter `{_shown(command)}`: cannot read its result: {exc}"
            ) from exc
        return [texts[path] for path, _ in files]


def _run(command: Sequence[str], paths: list[str], root: Path) -> None:
    named = ", ".join(paths[:_NAMED]) + (
        f" and {len(paths) - _NAMED} more" if len(paths) > _NAMED else ""
    )
    try:
        done = subprocess.run(
            [*command, *paths],
            cwd=root,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=_TIMEOUT,
            check=False,
        )
    except FileNotFoundError as exc:
        raise FormatError(
            f"formatter `{_shown(command)}` not found (is `{command[0]}` installed and on PATH?); "
            f"not formatted: {named}"
        ) from exc
    except (OSError, subprocess.SubprocessError) as exc:
        raise FormatError(f"formatter `{_shown(command)}` failed on {named}: {exc}") from exc
    if done.returncode != 0:
        said = (done.stderr or done.stdout).replace(str(root) + "/", "").strip()
        lines = said.splitlines()
        said = "\n".join(
            lines[:20] + ([f"... ({len(lines) - 20} more lines)"] if len(lines) > 20 else [])
        )
        raise FormatError(
            f"formatter `{_shown(command)}` exited with {done.returncode} on {named}"
            + (f":\n{said}" if said else "")
        )


def _shown(command: Sequence[str]) -> str:
    return " ".join(command)
