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
    return _write(tmp_path, DOCS, OPENAPI)


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


def test_a_map_with_fixed_properties_of_another_type_is_dm716(tmp_path: Path) -> None:
    enriched, _ = _enrich(tmp_path)
    found = [d for d in enriched.diagnostics if d.code == "DM716"]
    assert [d.message for d in found] == [
        "Numbers.json: the doc's type is a map; the spec's object also has the properties "
        "normalField, of another type than the map's values"
    ]
    assert found[0].severity == "warning" and found[0].span.path.endswith("Numbers.md")
    # fixed properties of the map's own value type are no contradiction; and DM713 no longer says it
    mismatches = [d.message for d in enriched.diagnostics if d.code in ("DM713", "DM716")]
    assert not [m for m in mismatches if m.startswith("Numbers.same:")]
    assert not [d for d in enriched.diagnostics if d.code == "DM713" and "normalField" in d.message]


def _write(
    tmp_path: Path, docs: dict[str, str], openapi: dict[str, Any]
) -> tuple[Any, dict[str, Any]]:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    spec = read_docs([folder])
    assert not spec.errors, [d.render() for d in spec.errors]
    path = tmp_path / "api.json"
    path.write_text(json.dumps(openapi), encoding="utf-8")
    enriched, report = enrich(spec, path)
    assert report is not None
    return enriched, report


def _post(schema: dict[str, Any]) -> dict[str, Any]:
    """A path item whose operation returns `schema`."""
    body = {"content": {"application/json": {"schema": schema}}}
    return {"post": {"responses": {"200": {"description": "OK", **body}}}}


def test_a_composite_schema_beats_the_base_it_extends_for_its_own_name(tmp_path: Path) -> None:
    # `deepObjectWithType` = allOf(deepObject, {type}): the base takes the composite's name while
    # collected; with the same field set, the doc `DeepObjectWithType` must match the composite.
    props = {"str": {"type": "string"}, "type": {"type": "string"}}
    openapi = {
        "openapi": "3.0.3",
        "paths": {
            "/base": _post({"$ref": "#/components/schemas/deepObject"}),
            "/typed": _post({"$ref": "#/components/schemas/deepObjectWithType"}),
        },
        "components": {
            "schemas": {
                "deepObject": {"type": "object", "properties": props},
                "deepObjectWithType": {
                    "allOf": [
                        {"$ref": "#/components/schemas/deepObject"},
                        {"type": "object", "properties": {"type": {"type": "string"}}},
                    ]
                },
            }
        },
    }
    row = ("| `str` | string | no | N/A |", "| `type` | string | no | N/A |")
    docs = {
        "DeepObject.md": "# DeepObject\n\n## Fields\n\n" + _table(*row),
        "DeepObjectWithType.md": "# DeepObjectWithType\n\n## Fields\n\n" + _table(*row),
    }
    _, report = _write(tmp_path, docs, openapi)
    by = {m["model"]: m["schema"] for m in report["matched"]}
    assert by["DeepObject"] == "#/components/schemas/deepObject"
    assert by["DeepObjectWithType"] == "#/components/schemas/deepObjectWithType"
    assert report["schemas_without_model"] == []


def _accounting_spec() -> dict[str, Any]:
    obj = {"type": "object", "properties": {"id": {"type": "string"}}}
    ref = {f"{n}": {"$ref": f"#/components/schemas/{n}"} for n in ("Pet", "Tags", "Bag", "Maybe")}
    return {
        "openapi": "3.0.3",
        "paths": {
            "/pets": _post(
                {
                    "type": "object",
                    "title": "res",
                    "properties": {
                        "pet": ref["Pet"],
                        "tags": ref["Tags"],
                        "bag": ref["Bag"],
                        "maybe": ref["Maybe"],
                        "either": {"$ref": "#/components/schemas/Either"},
                    },
                }
            ),
            "/hidden": _post({"$ref": "#/components/schemas/Hidden"}),
        },
        "components": {
            "schemas": {
                "Pet": obj,
                "Tags": {"type": "array", "items": {"type": "string"}},
                "Bag": {"type": "object", "additionalProperties": {"type": "integer"}},
                "Maybe": {"oneOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "null"}]},
                "Either": {
                    "oneOf": [
                        {"$ref": "#/components/schemas/Cat"},
                        {"$ref": "#/components/schemas/Dog"},
                    ]
                },
                "Cat": {"type": "object", "properties": {"meow": {"type": "string"}}},
                "Dog": {"type": "object", "properties": {"bark": {"type": "string"}}},
                "Hidden": {"type": "object", "properties": {"secret": {"type": "string"}}},
                "Unused": {"type": "object", "properties": {"old": {"type": "string"}}},
            }
        },
    }


ACCOUNTING_DOCS = {
    "Pet.md": "# Pet\n\n## Fields\n\n" + _table("| `id` | string | yes | N/A |"),
    "PetsRes.md": "# PetsRes\n\n## Fields\n\n"
    + _table(
        "| `pet` | [Pet](Pet.md) | no | N/A |",
        "| `tags` | list[string] | no | N/A |",
        "| `bag` | map<string, int> | no | N/A |",
        "| `maybe` | [Pet](Pet.md) | no | N/A |",
        "| `either` | any | no | N/A |",
    ),
}


def test_every_schema_without_a_doc_model_has_a_computed_reason(tmp_path: Path) -> None:
    openapi = _accounting_spec()
    openapi["paths"]["/pets"]["post"]["operationId"] = "pets"
    enriched, report = _write(tmp_path, ACCOUNTING_DOCS, openapi)
    why = {x["schema"].rsplit("/", 1)[-1]: x["category"] for x in report["schemas_without_model"]}
    assert why == {
        "Tags": "typed-inline",  # a list field: typed inline, and not model-shaped anyway
        "Bag": "typed-inline",
        "Maybe": "alias",  # a nullable wrapper of Pet
        "Either": "typed-inline",  # the doc types the union `any`
        "Cat": "union-member",  # only the union reaches it, and the SDK types unions inline
        "Dog": "union-member",
        "Hidden": "no-doc",  # reachable and model-shaped: counts against the target
        "Unused": "orphan",
    }
    # In scope: model-shaped, reachable, not a union or union member of an SDK that inlines unions.
    assert (report["schemas_in_scope"], report["schemas_in_scope_covered"]) == (2, 1)
    assert (
        report["schemas_model_shaped_reachable"],
        report["schemas_model_shaped_reachable_covered"],
    ) == (5, 2)
    assert report["schemas"] == 9 and report["schemas_matched"] == 1
    dm703 = {d.message for d in enriched.diagnostics if d.code == "DM703"}
    assert (
        "#/components/schemas/Unused: no doc model (orphan: no $ref path from an operation, a "
        "parameter or a webhook reaches it)" in dm703
    )


def _accounting_report(tmp_path: Path, name: str, doc: str) -> dict[str, Any]:
    """The match report of the accounting docs plus one doc, against a spec whose operation is named."""
    openapi = _accounting_spec()
    openapi["paths"]["/pets"]["post"]["operationId"] = "pets"
    return _write(tmp_path, {**ACCOUNTING_DOCS, name: doc}, openapi)[1]


def test_union_members_count_when_the_sdk_documents_them(tmp_path: Path) -> None:
    report = _accounting_report(
        tmp_path, "Cat.md", "# Cat\n\n## Fields\n\n" + _table("| `meow` | string | no | N/A |")
    )
    why = {x["schema"].rsplit("/", 1)[-1]: x["category"] for x in report["schemas_without_model"]}
    # a doc for one member shows the SDK names union members: Dog has no doc, and counts against
    assert why["Dog"] == "no-doc" and "Cat" not in why
    assert (report["schemas_in_scope"], report["schemas_in_scope_covered"]) == (5, 3)  # + Either


def test_a_doc_with_the_name_of_an_unmatched_schema_is_a_matching_bug(tmp_path: Path) -> None:
    # the doc's fields share nothing with the schema of its name: no match, and the accounting says
    # which doc should have matched
    report = _accounting_report(
        tmp_path,
        "Hidden.md",
        "# Hidden\n\n## Fields\n\n" + _table("| `other` | string | no | N/A |"),
    )
    entry = next(x for x in report["schemas_without_model"] if x["schema"].endswith("/Hidden"))
    assert entry["category"] == "doc-not-matched"
    assert entry["reason"].startswith("the doc model Hidden has its name but matched nothing: ")
