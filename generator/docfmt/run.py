"""`docmodels fmt [PATH...] [--check]`: rewrite docs in place, or show the diff and exit 1."""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..diagnostics import Collector
from ..ir import Span
from ..reader import discover
from .layout import format_doc
from .meaning import meaning, page_dialect

EXIT_OK, EXIT_UNFORMATTED, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class Change:
    path: Path
    display: str
    before: str
    after: str


def plan_fmt(paths: Sequence[Path], out: Collector) -> tuple[list[Change], int]:
    """The docs whose layout changes (each checked to mean the same after), and how many docs were read."""
    changes: list[Change] = []
    count = 0
    for file, doc in discover(paths):
        try:
            text = file.read_bytes().decode("utf-8")
        except OSError as exc:
            out.error(Span(doc.display, 1), "DM100", f"cannot read: {exc.strerror or exc}")
            continue
        except UnicodeDecodeError as exc:
            out.error(Span(doc.display, 1), "DM100", f"not UTF-8 (byte {exc.start})")
            continue
        count += 1
        formatted = format_doc(text)
        if formatted == text:
            continue
        dialect = page_dialect(text)
        if meaning(text, dialect) != meaning(formatted, dialect):
            out.warning(
                Span(doc.display, 1),
                "DM610",
                "left as it is: the canonical layout would change what this doc means "
                "(a docmodels bug: please report it with the doc)",
            )
            continue
        changes.append(Change(file, doc.display, text, formatted))
    return changes, count


def run_fmt(paths: Sequence[Path], check: bool, stdout: TextIO, stderr: TextIO) -> int:
    out = Collector()
    changes, count = plan_fmt(paths, out)
    for diagnostic in out.sorted():
        print(diagnostic.render(), file=stderr)
    if any(d.severity == "error" for d in out.items):
        print("docmodels fmt: errors; nothing was written", file=stderr)
        return EXIT_ERROR
    if check:
        for change in changes:
            stdout.writelines(
                difflib.unified_diff(
                    change.before.splitlines(keepends=True),
                    change.after.splitlines(keepends=True),
                    f"a/{change.display}",
                    f"b/{change.display}",
                )
            )
        if changes:
            print(
                f"docmodels fmt: {len(changes)} of {count} docs are not formatted; "
                "run `docmodels fmt` to fix them",
                file=stderr,
            )
            return EXIT_UNFORMATTED
        print(f"docmodels fmt: {count} docs formatted", file=stderr)
        return EXIT_OK
    for change in changes:
        write_atomic(change.path, change.after)
    print(
        f"docmodels fmt: {len(changes)} reformatted, {count - len(changes)} unchanged", file=stderr
    )
    return EXIT_OK


def write_atomic(path: Path, text: str) -> None:
    """Replace a file's content in one rename, keeping its permissions."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
