"""--openapi: matching doc models to schemas and taking the facts the docs cannot state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.ir import Spec
from generator.openapi import enrich
from generator.reader import read_docs

DOCS = {
    "Session.md": """# Session

## Fields

| Field | Type | Required | Description |
| ----- | ---- | -------- | ----------- |
| `object` | [SessionObject](SessionObject.md) | :heavy_check_mark: | N/A |
| `userId` | *string* | :heavy_check_mark: | N/A |
| `lastActiveAt` | *int* | :heavy_check_mark: | N/A |
| `expireOn` | [\\DateTime](https://www.php.net/manual/en/class.datetime.php) | :heavy_check_mark: | N/A |
| `actor` | [?Actor](Actor.md) | :heavy_minus_sign: | N/A |
| `level` | [?Level](Level.md) | :heavy_minus_sign: | N/A |
| `extra` | *?string* | :heavy_minus_sign: | not in the spec |
""",
    "SessionObject.md": """# SessionObject

## Values

| Name | Value |
| ---- | ----- |
| `Session` | session |
""",
    "Level.md": """# Level

## Values

| Name | Value |
| ---- | ----- |
| `One` | 1 |
| `Two` | 2 |
""",
    "Actor.md": """# Actor

## Fields

| Field | Type | Required | Description |
| ----- | ---- | -------- | ----------- |
| `sub` | *string* | :heavy_check_mark: | N/A |
""",
    "Orphan.md": """# Orphan

## Fields

| Field | Type | Required | Description |
| ----- | ---- | -------- | ----------- |
| `nothing_alike` | *string* | :heavy_check_mark: | N/A |
""",
}

OPENAPI: dict[str, Any] = {
    "openapi": "3.0.3",
    "paths": {},
    "components": {
        "schemas": {
            "Session": {
                "type": "object",
                "description": "A session.",
                "required": ["object", "user_id", "last_active_at", "expire_on"],
                "properties": {
                    "object": {"type": "string", "enum": ["session"]},
                    "user_id": {"type": "string", "description": "The user."},
                    "last_active_at": {"type": "integer", "format": "int64", "default": 0},
                    "expire_on": {"type": "string", "format": "date"},
                    "actor": {
                        "type": "object",
                        "nullable": True,
                        "required": ["sub"],
                        "properties": {"sub": {"type": "string"}},
                    },
                    "level": {"type": "integer", "enum": [1, 2]},
                },
            }
        }
    },
}


def _setup(tmp_path: Path, openapi: dict[str, Any] | None = None) -> tuple[Spec, Path]:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    spec_file = tmp_path / "api.json"
    spec_file.write_text(json.dumps(openapi or OPENAPI), encoding="utf-8")
    return read_docs([docs], "php"), spec_file


def test_matches_by_name_parent_and_takes_the_facts(tmp_path: Path) -> None:
    spec, path = _setup(tmp_path)
    enriched, report = enrich(spec, path)
    assert report is not None
    by = {m["model"]: (m["schema"], m["by"]) for m in report["matched"]}
    assert by["Session"] == ("#/components/schemas/Session", "name")
    # inline schemas go by their property's name (Speakeasy: `Actor`, `SessionObject`)
    assert by["Actor"][0] == "#/components/schemas/Session/properties/actor"
    assert by["SessionObject"][0] == "#/components/schemas/Session/properties/object"
    assert by["Level"][0] == "#/components/schemas/Session/properties/level"
    assert [u["model"] for u in report["unmatched"]] == ["Orphan"]
    session = next(m for m in enriched.models if m.key.name == "Session")
    assert session.schema == "#/components/schemas/Session"
    assert session.description == "A session." and dict(session.facts)["description"] == "spec"
    f = {x.name: x for x in session.fields}
    assert f["userId"].wire_name == "user_id" and f["userId"].fact_source("wire_name") == "spec"
    assert f["userId"].description == "The user."
    assert f["lastActiveAt"].format == "int64" and f["lastActiveAt"].has_default
    assert f["object"].has_const and f["object"].const == "session"
    assert f["expireOn"].type.kind == "date" and f["expireOn"].fact_source("type") == "spec"  # type: ignore[union-attr]
    assert (
        f["actor"].nullable is True
    )  # PHP `?T` leaves nullability unknown; the spec says nullable
    assert f["extra"].fact_source("wire_name") == "doc"
    level = next(m for m in enriched.models if m.key.name == "Level")
    assert [v.value for v in level.values] == [1, 2]
    assert report["fields_with_spec_wire_name"] == 7 and report["fields"] == 8  # Session and Actor


def test_contradictions_are_diagnostics(tmp_path: Path) -> None:
    spec, path = _setup(tmp_path)
    enriched, _ = enrich(spec, path)
    codes = {(d.code, d.span.path.rsplit("/", 1)[-1]) for d in enriched.diagnostics}
    assert ("DM710", "Session.md") in codes  # `extra` is not a property
    assert ("DM702", "Orphan.md") in codes
    assert not enriched.errors
    other = json.loads(json.dumps(OPENAPI))
    other["components"]["schemas"]["Session"]["properties"]["user_id"]["type"] = "integer"
    other["components"]["schemas"]["Session"]["required"].remove("user_id")
    other["components"]["schemas"]["Session"]["properties"]["level"]["enum"] = [1, 2, 3]
    enriched, _ = (
        enrich(spec, tmp_path / "other.json") if False else enrich(spec, _write(tmp_path, other))
    )
    codes2 = {d.code for d in enriched.diagnostics if d.severity == "warning"}
    assert {"DM711", "DM713", "DM714"} <= codes2


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "other.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_unreadable_document_is_an_error(tmp_path: Path) -> None:
    spec, _ = _setup(tmp_path)
    enriched, report = enrich(spec, tmp_path / "missing.json")
    assert report is None and [d.code for d in enriched.errors] == ["DM700"]
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert [d.code for d in enrich(spec, bad)[0].errors] == ["DM700"]


def test_yaml_and_external_refs(tmp_path: Path) -> None:
    spec, _ = _setup(tmp_path)
    (tmp_path / "components.yaml").write_text(
        "components:\n  schemas:\n    Actor:\n      type: object\n      properties:\n        sub: {type: string}\n",
        encoding="utf-8",
    )
    main = json.loads(json.dumps(OPENAPI))
    main["components"]["schemas"]["Session"]["properties"]["actor"] = {
        "$ref": "components.yaml#/components/schemas/Actor"
    }
    yaml = pytest.importorskip("yaml")
    (tmp_path / "api.yaml").write_text(yaml.safe_dump(main), encoding="utf-8")
    enriched, report = enrich(spec, tmp_path / "api.yaml")
    assert report is not None, [d.render() for d in enriched.errors]
    by = {m["model"]: m["schema"] for m in report["matched"]}
    assert by["Actor"] == "components.yaml#/components/schemas/Actor"


def test_cli_ir_with_openapi_shows_report_and_sources(run: object, tmp_path: Path) -> None:
    _, path = _setup(tmp_path)
    result = run("ir", str(tmp_path / "docs"), "--dialect", "php", "--openapi", str(path))  # type: ignore[operator]
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["ir_version"] == 2
    assert data["openapi"]["models_matched"] == 4
    session = next(m for m in data["models"] if m["key"]["name"] == "Session")
    assert session["schema"] == "#/components/schemas/Session"
    user = next(f for f in session["fields"] if f["name"] == "userId")
    assert user["wire_name"] == "user_id" and user["facts"]["wire_name"] == "spec"
    assert user["facts"]["required"] == "doc"
