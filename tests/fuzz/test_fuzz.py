"""A short, bounded fuzz run in every test run, and a replay of every finding saved by `make fuzz`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .target import REGRESSIONS, STATS, run, run_case

#: Seconds of fuzzing in the normal test run (`make fuzz` runs for FUZZ_SECONDS, default 1800).
CI_SECONDS = float(os.environ.get("DOCMODELS_CI_FUZZ_SECONDS", "30"))


@pytest.mark.slow
def test_a_short_fuzz_run_finds_nothing() -> None:
    before = STATS.cases
    stats = run(CI_SECONDS, examples_per_round=10, quiet=True)
    assert stats.findings == 0
    assert stats.cases > before


@pytest.mark.parametrize(
    "folder",
    sorted(p for p in REGRESSIONS.iterdir() if p.is_dir()) if REGRESSIONS.is_dir() else [],
    ids=lambda p: p.name,
)
def test_a_saved_finding_stays_fixed(folder: Path) -> None:
    run_case({p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))})
