"""Reader fixtures: each folder under tests/fixtures/reader holds docs and the IR JSON they must give.

Set DOCMODELS_UPDATE_FIXTURES=1 to rewrite the expected files after a deliberate change, then review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.ir_json import spec_json
from generator.reader import read_docs

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "reader"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "docs").is_dir())


@pytest.mark.parametrize("case", CASES)
def test_reader_fixture(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = FIXTURES / case
    monkeypatch.chdir(folder)
    actual = spec_json(read_docs([Path("docs")]))
    expected_file = folder / "expected.json"
    if os.environ.get("DOCMODELS_UPDATE_FIXTURES"):
        expected_file.write_text(
            json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert actual == expected
