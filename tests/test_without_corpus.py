"""The repository alone passes its tests: a test that reads the corpus is skipped, saying where it comes from."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, corpus_missing, require_corpus


def test_a_missing_corpus_names_where_it_comes_from(tmp_path: Path) -> None:
    reason = corpus_missing(tmp_path / "corpus")
    assert reason is not None
    assert str(tmp_path / "corpus") in reason
    assert "../shared/corpus" in reason and "DOCMODELS_SHARED" in reason
    with pytest.raises(pytest.skip.Exception, match="DOCMODELS_SHARED"):
        require_corpus(tmp_path / "corpus")


def test_a_present_corpus_is_used(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    assert corpus_missing(tmp_path / "corpus") is None
    assert require_corpus(tmp_path / "corpus") == tmp_path / "corpus"


def test_corpus_tests_skip_when_shared_names_an_empty_folder(tmp_path: Path) -> None:
    """DOCMODELS_SHARED decides where the corpus is; without a corpus there, its tests skip."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
            "-m",
            "corpus",
            "tests/reader/test_table_rule.py",
            "tests/reader/test_dialect_java.py",
        ],
        cwd=ROOT,
        env={**os.environ, "DOCMODELS_SHARED": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    skipped = [line for line in done.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 2, done.stdout[-3000:]
    assert all(f"{tmp_path / 'corpus'}: it is not part of the repository" in s for s in skipped)
