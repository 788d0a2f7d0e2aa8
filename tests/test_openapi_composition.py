"""--openapi: properties declared beside a `oneOf`/`anyOf` (or on an `allOf` around one) belong to every
variant, and are matched to the variants' doc fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.ir import Spec
from generator.openapi import enrich
from generator.reader import read_docs

HEAD = "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n"


def _model(title: str, rows: dict[str, tuple[str, bool]]) -> str:
    body = "".join(
        f"| `{name}` | {cell} | {':heavy_check_mark:' if req else ':heavy_minus_sign:'} | N/A |\n"
        for name, (cell, req) in rows.items()
    )
    return f"# {title}\n\n## Fields\n\n{HEAD}{body}"


DOCS = {
    "cat.md": _model(
        "Cat",
        {"id": ("*number*", True), "petName": ("*string*", False), "meows": ("*boolean*", True)},
    ),
    "dog.md": _model(
        "Dog",
        {"id": ("*number*", True), "petName": ("*string*", False), "barks": ("*boolean*", True)},
    ),
}
VARIANTS = {
    "Cat": {"type": "object", "properties": {"meows": {"type": "boolean"}}, "required": ["meows"]},
    "Dog": {"type": "object", "properties": {"barks": {"type": "boolean"}}, "required": ["barks"]},
}
SHARED = {
    "type": "object",
    "properties": {"id": {"type": "integer"}, "pet_name": {"type": "string"}},
    "required": ["id"],
}
REFS = [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]


def _parent(shape: str) -> dict[str, Any]:
    if shape == "allOf":
        return {"allOf": [SHARED, {"anyOf": REFS}]}
    return {**SHARED, shape: REFS}


def _enrich(tmp_path: Path, parent: dict[str, Any]) -> tuple[Spec, dict[str, Any]]:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Pet": parent, **VARIANTS}},
    }
    path = tmp_path / "api.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    spec, report = enrich(read_docs([docs], "typescript"), path)
    assert report is not None, [d.render() for d in spec.errors]
    return spec, report


@pytest.mark.parametrize("shape", ["oneOf", "anyOf", "allOf"])
def test_variants_inherit_the_parents_properties(tmp_path: Path, shape: str) -> None:
    spec, report = _enrich(tmp_path, _parent(shape))
    matched = {m["model"]: m["schema"] for m in report["matched"]}
    assert matched == {"Cat": "#/components/schemas/Cat", "Dog": "#/components/schemas/Dog"}
    stray = [d.render() for d in spec.diagnostics if d.code in ("DM710", "DM711")]
    assert not stray
    for model in spec.models:
        fields = {f.name: f for f in model.fields}
        assert fields["petName"].wire_name == "pet_name"
        assert fields["petName"].fact_source("wire_name") == "spec"
        assert fields["id"].fact_source("wire_name") == "spec"


def test_a_parent_required_name_holds_in_each_variant(tmp_path: Path) -> None:
    parent = _parent("oneOf")
    parent["required"] = ["id", "pet_name"]  # the docs say `petName` is optional: a disagreement
    spec, _ = _enrich(tmp_path, parent)
    disagreements = sorted(
        d.span.path.rsplit("/", 1)[-1] for d in spec.diagnostics if d.code == "DM711"
    )
    assert disagreements == ["cat.md", "dog.md"]
