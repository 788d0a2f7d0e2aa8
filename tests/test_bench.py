"""The benchmark's pure parts (bench/): the IR -> OpenAPI conversion and the arithmetic, so they cannot rot."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.ir_json import spec_json
from generator.reader import read_docs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from ir_openapi import dangling_refs, schema_names, to_openapi  # noqa: E402
from stats import Target, median, per_doc_growth, ratio  # noqa: E402

PEER = ROOT / "bench" / ".venv" / "bin" / "datamodel-codegen"
PEER_OPTIONS = ("--output-model-type", "dataclasses.dataclass", "--formatters", "ruff-format")


@pytest.fixture(scope="module")
def ir() -> dict[str, Any]:
    return spec_json(read_docs([ROOT / "specs"]))


def test_every_model_becomes_one_schema_and_every_ref_resolves(ir: dict[str, Any]) -> None:
    document = json.loads(json.dumps(to_openapi(ir)))  # plain JSON, as the peer tool reads it
    schemas = document["components"]["schemas"]
    assert document["openapi"].startswith("3.") and len(schemas) == len(ir["models"])
    assert dangling_refs(document) == []
    names = schema_names(ir["models"])
    for model in ir["models"]:
        schema = schemas[names[(model["key"]["namespace"], model["key"]["name"])]]
        if model["kind"] == "object":
            wire = [f["wire_name"] for f in model["fields"]]
            assert list(schema["properties"]) == wire
            assert schema.get("required", []) == [
                f["wire_name"] for f in model["fields"] if f["required"]
            ]
        elif model["kind"] == "enum":
            assert schema["enum"] == [v["value"] for v in model["values"]]
        elif model["kind"] == "union":
            assert len(schema["oneOf"]) == len(model["members"])


def test_models_that_share_a_name_get_distinct_schema_names() -> None:
    models = [
        {"key": {"namespace": "docs/models/components", "name": "Status"}},
        {"key": {"namespace": "docs/models/operations", "name": "Status"}},
        {"key": {"namespace": "docs/models/operations", "name": "Other"}},
    ]
    names = schema_names(models)
    assert len(set(names.values())) == 3 and names[("docs/models/operations", "Other")] == "Other"


def test_dangling_refs_are_found() -> None:
    document = {
        "components": {"schemas": {"A": {"properties": {"b": {"$ref": "#/components/schemas/B"}}}}}
    }
    assert dangling_refs(document) == ["#/components/schemas/B"]


@pytest.mark.skipif(not PEER.exists(), reason="bench/.venv is made by `make bench`")
def test_the_peer_tool_reads_the_document(ir: dict[str, Any], tmp_path: Path) -> None:
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(to_openapi(ir)), encoding="utf-8")
    out = tmp_path / "models.py"
    done = subprocess.run(
        [PEER, "--input", spec, "--input-file-type", "openapi", "--output", out, *PEER_OPTIONS],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    compile(out.read_text(encoding="utf-8"), str(out), "exec")


def test_medians_ratios_and_growth() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0 and median([1.0, 2.0, 3.0, 10.0]) == 2.5
    with pytest.raises(ValueError):
        median([])
    assert ratio(1.0, 4.0) == 0.25 and ratio(1.0, 0.0) == float("inf")
    # 1,000 docs in 2 s, 12,500 in 30 s: 2.4 ms per doc against 2 ms, a growth of 1.2.
    assert per_doc_growth(2.0, 1000, 30.0, 12500) == pytest.approx(1.2)
    assert Target("x", 0.09, 0.1).met and not Target("x", 0.2, 0.1).met
    assert "2.0x over" in Target("x", 0.2, 0.1).line()
