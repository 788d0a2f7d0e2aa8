"""Reading on every core gives exactly the IR and diagnostics that reading on one core gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.reader as reader
from tests.helpers import SPECS


def test_parallel_reading_matches_serial(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = tmp_path / "docs"
    broken.mkdir()
    (broken / "Open.md").write_text("# Open\n\n## Fields\n\n```\nnever closed\n")
    (broken / "Empty.md").write_text("")
    folders = [SPECS, broken]
    monkeypatch.setattr(reader, "_PARALLEL_FROM", 10**9)
    serial = reader.read_docs(folders)
    monkeypatch.setattr(reader, "_PARALLEL_FROM", 2)
    monkeypatch.setattr(reader.os, "cpu_count", lambda: 3)
    parallel = reader.read_docs(folders)
    assert parallel == serial
    assert {d.code for d in serial.diagnostics} >= {"DM117", "DM134"}
    assert len(serial.models) > 10
