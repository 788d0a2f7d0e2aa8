"""When `gen` may remove files it wrote before: only when the run can know that they are no longer wanted.

A run over other doc folders than the ones that made the output (a typo, a narrower path), a run whose docs
produce no model, and a run that would remove more than half of what docmodels owns are refused: nothing is
written, and the error lists what would have gone and how to go on.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..ir import Diagnostic, Span
from .plan import MANIFEST

#: How many of the files that would be removed a refusal names.
SAMPLE = 5


@dataclass(frozen=True)
class Removal:
    """What a gen would remove, and what it knows about the run that made the output folder."""

    label: str  # the output folder as the user sees it
    out: Path
    stale: Sequence[str]  # files docmodels wrote before that this run no longer produces
    owned: int  # how many files the manifest says docmodels wrote
    recorded: tuple[str, ...] | None  # doc folders that made the output (None: an older manifest)
    reading: tuple[str, ...]  # doc folders this run reads, recorded the same way
    models: int  # models this run's docs produce
    configured: bool  # this run reads the configured doc folders (no paths on the command line)


def refusals(removal: Removal, prune: bool) -> list[Diagnostic]:
    """Why the removal must not happen (empty: it may)."""
    if not removal.stale:
        return []
    where = Span(f"{removal.label}/{MANIFEST}", 1)
    found: list[Diagnostic] = []

    def gone() -> str:
        """The files, named in the first refusal only."""
        count = len(removal.stale)
        if found:
            return f"{count} file{'s' if count != 1 else ''} listed above"
        return _sample(removal)

    if removal.models == 0:
        found.append(
            Diagnostic(
                where,
                "error",
                "DM408",
                f"the docs ({_shown(removal.reading, removal.out)}) produce no models: gen will not remove "
                f"the {gone()}; nothing was written (check the docs paths; to start over, delete "
                f"{removal.label} by hand)",
            )
        )
    if prune:
        return found
    if not _same_folders(removal):
        made_from = (
            _shown(removal.recorded, removal.out)
            if removal.recorded is not None
            else "folders this manifest does not record (it was written by an older docmodels)"
        )
        advice = (
            "if the configured folders are right, add --prune to remove them"
            if removal.configured
            else "run with the configured doc folders, or add --prune to remove them"
        )
        found.append(
            Diagnostic(
                where,
                "error",
                "DM409",
                f"this run reads {_shown(removal.reading, removal.out)}, but {removal.label} was made "
                f"from {made_from}: gen would remove the {gone()}; nothing was written ({advice})",
            )
        )
    if len(removal.stale) * 2 > removal.owned:
        found.append(
            Diagnostic(
                where,
                "error",
                "DM410",
                f"gen would remove more than half of the {removal.owned} files it wrote before: the "
                f"{gone()}; nothing was written (if the docs really dropped these models, run "
                "`docmodels gen --prune`)",
            )
        )
    return found


def _same_folders(removal: Removal) -> bool:
    """The run reads the folders that made the output; an older manifest that does not say trusts only a run
    over the configured folders."""
    if removal.recorded is None:
        return removal.configured
    return removal.recorded == removal.reading


def _sample(removal: Removal) -> str:
    count = len(removal.stale)
    names = ", ".join(f"{removal.label}/{p}" for p in removal.stale[:SAMPLE])
    more = f" and {count - SAMPLE} more" if count > SAMPLE else ""
    return f"{count} file{'s' if count != 1 else ''} it wrote before ({names}{more})"


def _shown(record: Sequence[str], out: Path) -> str:
    """Recorded folders (relative to the output folder) as paths from the working directory."""
    cwd = os.getcwd()
    shown = []
    for item in record:
        path = os.path.normpath(os.path.join(out, item))
        try:
            relative = os.path.relpath(path, cwd)
        except ValueError:  # another drive (Windows)
            relative = path
        outside = relative == ".." or relative.startswith(".." + os.sep)
        shown.append(
            Path(path if outside else relative).as_posix()
        )  # outside: the full path says more
    return ", ".join(shown) or "no folders"
