"""Matching SDK docs to the schemas of operations: titled bodies, parameters, wrappers; and the
enrichment checks that explain what a doc's map or an int64 sent as a string does on the wire."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.openapi import enrich
from generator.reader import read_docs


def _table(*rows: str) -> str:
    head = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
    return head + "".join(f"{r}\n" for r in rows)


def _echo(title: str, props: dict[str, Any]) -> dict[str, Any]:
    """A response body like the generator tests' echo server: `{json: ...}` with a short title."""
    return {
        "200": {
            "description": "OK",
            "content": {
                "application/json": {
                    "schema": {
                        "title": title,
                        "type": "object",
                        "properties": props,
                        "required": list(props),
                    }
                }
            },
        }
    }


OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "paths": {
        "/anything/unionDateNull": {
            "post": {
                "operationId": "unionDateNull",
                "responses": _echo(
                    "res",
                    {"json": {"oneOf": [{"type": "string", "format": "date"}, {"type": "null"}]}},
                ),
            }
        },
        "/anything/flattened": {
            "post": {
                "operationId": "flattenedTypedObject",
                "responses": _echo("res", {"json": {"$ref": "#/components/schemas/typed"}}),
            }
        },
        "/anything/queryParams": {
            "get": {
                "operationId": "formQueryParamsPrimitive",
                "parameters": [
                    {"name": "boolParam", "in": "query", "schema": {"type": "boolean"}},
                    {"$ref": "#/components/parameters/refQueryParamObj"},
                ],
                "responses": _echo(
                    "res",
                    {
                        "args": {
                            "type": "object",
                            "properties": {"boolParam": {"type": "string"}},
                            "required": ["boolParam"],
                        }
                    },
                ),
            }
        },
        "/users": {
            "post": {
                "operationId": "createUser",
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"user_name": {"type": "string"}},
                            }
                        }
                    }
                },
                "responses": _echo("res", {"user_name": {"type": "string"}}),
            }
        },
    },
    "components": {
        "parameters": {
            "refQueryParamObj": {
                "name": "refObjParam",
                "in": "query",
                "schema": {
                    "type": "object",
                    "properties": {"bool": {"type": "boolean"}, "num": {"type": "number"}},
                    "required": ["bool", "num"],
                },
            }
        },
        "schemas": {
            "typed": {
                "type": "object",
                "properties": {"type": {"const": "obj1"}, "value": {"type": "string"}},
            },
            "numbers": {
                "type": "object",
                "properties": {
                    "bigintStr": {"type": "string", "format": "bigint"},
                    "id64": {"type": "string", "format": "int64"},
                    "count": {"type": "string"},
                    "json": {
                        "type": "object",
                        "properties": {"normalField": {"type": "string"}},
                        "additionalProperties": {"type": "string", "format": "date"},
                    },
                    "same": {
                        "type": "object",
                        "properties": {"normalField": {"type": "string"}},
                        "additionalProperties": {"type": "string"},
                    },
                },
            },
        },
    },
}

DOCS = {
    "UnionDateNullRes.md": "# UnionDateNullRes\n\nOK\n\n## Fields\n\n"
    + _table("| `json` | date | yes | N/A |"),
    "FlattenedTypedObjectRes.md": "# FlattenedTypedObjectRes\n\nOK\n\n## Fields\n\n"
    + _table("| `json` | any | yes | N/A |"),
    "FormQueryParamsPrimitiveRequest.md": "# FormQueryParamsPrimitiveRequest\n\n## Fields\n\n"
    + _table("| `boolParam` | bool | yes | N/A |"),
    "RefQueryParamObj.md": "# RefQueryParamObj\n\n## Fields\n\n"
    + _table("| `bool` | bool | yes | N/A |", "| `num` | float | yes | N/A |"),
    "CreateUserRequest.md": "# CreateUserRequest\n\n## Fields\n\n"
    + _table("| `user_name` | string | no | N/A |"),
    "Numbers.md": "# Numbers\n\n## Fields\n\n"
    + _table(
        "| `bigintStr` | bigint | no | N/A |",
        "| `id64` | int | no | N/A |",
        "| `count` | int | no | N/A |",
        "| `json` | map<string, date> | no | N/A |",
        "| `same` | map<string, string> | no | N/A |",
    ),
}


def _enrich(tmp_path: Path) -> tuple[Any, dict[str, Any]]:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    spec = read_docs([docs])
    assert not spec.errors, [d.render() for d in spec.errors]
    path = tmp_path / "api.json"
    path.write_text(json.dumps(OPENAPI), encoding="utf-8")
    enriched, report = enrich(spec, path)
    assert report is not None
    return enriched, report


def test_a_titled_body_is_named_after_its_operation_and_title(tmp_path: Path) -> None:
    _, report = _enrich(tmp_path)
    by = {m["model"]: (m["schema"], m["by"]) for m in report["matched"]}
    # `unionDateNull` + `title: res`, not the first `{json}` body of the document
    assert by["UnionDateNullRes"] == (
        "#/paths/~1anything~1unionDateNull/post/responses/200/content/application~1json/schema",
        "name",
    )
    assert by["FlattenedTypedObjectRes"][0].startswith("#/paths/~1anything~1flattened/")


def test_a_parameter_schema_matches_its_model(tmp_path: Path) -> None:
    _, report = _enrich(tmp_path)
    by = {m["model"]: (m["schema"], m["by"]) for m in report["matched"]}
    assert by["RefQueryParamObj"] == ("#/components/parameters/refQueryParamObj/schema", "name")


def test_a_wrapper_matches_only_its_own_operations_body(tmp_path: Path) -> None:
    _, report = _enrich(tmp_path)
    by = {m["model"]: m["schema"] for m in report["matched"]}
    # the echoed query `args` have the parameters' names but are strings: not the wrapper's schema
    assert "FormQueryParamsPrimitiveRequest" not in by
    unmatched = {u["model"]: u["reason"] for u in report["unmatched"]}
    assert "wrapper of an operation's parameters" in unmatched["FormQueryParamsPrimitiveRequest"]
    # a request flattened into its wrapper still matches the operation's own request body
    assert (
        by["CreateUserRequest"]
        == "#/paths/~1users/post/requestBody/content/application~1json/schema"
    )


def test_an_int64_sent_as_a_string_is_no_contradiction(tmp_path: Path) -> None:
    enriched, _ = _enrich(tmp_path)
    numbers = next(m for m in enriched.models if m.key.name == "Numbers")
    fields = {f.name: f for f in numbers.fields}
    assert fields["bigintStr"].format == "bigint" and fields["id64"].format == "int64"
    mismatches = [d.message for d in enriched.diagnostics if d.code == "DM713"]
    assert not [m for m in mismatches if "bigintStr" in m or "id64" in m]
    assert [m for m in mismatches if "Numbers.count:" in m]  # a plain string is still one


def test_a_map_with_fixed_properties_of_another_type_is_diagnosed(tmp_path: Path) -> None:
    enriched, _ = _enrich(tmp_path)
    mismatches = [d.message for d in enriched.diagnostics if d.code == "DM713"]
    assert [m for m in mismatches if m.startswith("Numbers.json:") and "normalField" in m]
    assert not [m for m in mismatches if m.startswith("Numbers.same:")]
