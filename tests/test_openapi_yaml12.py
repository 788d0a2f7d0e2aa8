"""YAML OpenAPI documents are read with the YAML 1.2 core schema's scalars, not PyYAML's YAML 1.1 ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.openapi import enrich
from generator.openapi.document import load_file
from generator.reader import read_docs

yaml = pytest.importorskip("yaml")


def test_yaml_1_1_words_dates_and_octals_stay_what_yaml_1_2_says(tmp_path: Path) -> None:
    path = tmp_path / "api.yaml"
    path.write_text(
        "words: [on, off, yes, no, y, n, Yes, OFF]\n"
        "bools: [true, True, FALSE]\n"
        "nulls: [null, ~, Null]\n"
        "empty:\n"
        "date: 2024-01-01\n"
        "stamp: 2001-12-14T21:59:43Z\n"
        "numbers: [0755, 0o17, 0x1F, 1:30, 1_000, 12, -3, 1.5, 1e3]\n",
        encoding="utf-8",
    )
    data = load_file(path)
    assert data["words"] == ["on", "off", "yes", "no", "y", "n", "Yes", "OFF"]
    assert data["bools"] == [True, True, False]
    assert data["nulls"] == [None, None, None]
    assert data["empty"] is None
    assert data["date"] == "2024-01-01"
    assert data["stamp"] == "2001-12-14T21:59:43Z"
    assert data["numbers"] == [755, 15, 31, "1:30", "1_000", 12, -3, 1.5, 1000.0]


def test_an_enum_of_on_and_off_matches_its_doc(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "Switch.md").write_text(
        "# Switch\n\n## Values\n\n| Name | Value |\n| ---- | ----- |\n| `On` | on |\n| `Off` | off |\n",
        encoding="utf-8",
    )
    (tmp_path / "api.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    Switch:\n      type: string\n      enum: [on, off]\n",
        encoding="utf-8",
    )
    spec = read_docs([docs], "php")
    enriched, report = enrich(spec, tmp_path / "api.yaml")
    assert report is not None
    assert [m["schema"] for m in report["matched"]] == ["#/components/schemas/Switch"]
    assert not [d for d in enriched.diagnostics if d.code == "DM714"]
