"""`docmodels ir` JSON -> an OpenAPI 3.0 document with exactly the same models (bench code, not product code).

The peer tool (datamodel-code-generator) reads the document this writes, so both tools generate the same
objects, fields, types, enums and unions from the same source of truth.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

_PRIMITIVES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "bigint": {"type": "integer", "format": "int64"},
    "number": {"type": "number"},
    "decimal": {"type": "string", "format": "decimal"},
    "boolean": {"type": "boolean"},
    "bytes": {"type": "string", "format": "byte"},
    "date": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time"},
    "any": {},
    "null": {"nullable": True, "enum": [None]},
}
_NOT_NAME = re.compile(r"[^A-Za-z0-9_]")


def schema_names(models: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """A unique component name per model key: the model's name, prefixed by its folder when it is shared."""
    counts = Counter(m["key"]["name"] for m in models)
    names: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    for model in models:
        key = (model["key"]["namespace"], model["key"]["name"])
        name = key[1]
        if counts[name] > 1:
            folder = key[0].rstrip("/").split("/")[-1] if key[0] else "root"
            name = _NOT_NAME.sub("_", folder.title()) + name
        base, n = name, 2
        while name in used:
            name, n = f"{base}{n}", n + 1
        used.add(name)
        names[key] = name
    return names


def type_schema(expr: dict[str, Any], names: dict[tuple[str, str], str]) -> dict[str, Any]:
    """One IR type as an OpenAPI schema."""
    kind = expr["kind"]
    if kind in _PRIMITIVES:
        return dict(_PRIMITIVES[kind])
    if kind == "ref":
        target = names.get((expr["ref"]["namespace"], expr["ref"]["name"]))
        return {"$ref": f"#/components/schemas/{target}"} if target else {}
    if kind == "array":
        return {"type": "array", "items": type_schema(expr["items"], names)}
    if kind == "map":
        return {"type": "object", "additionalProperties": type_schema(expr["values"], names)}
    if kind == "union":
        return {"oneOf": [type_schema(m, names) for m in expr["members"]]}
    if kind == "literal":
        value = expr["value"]
        base = {bool: "boolean", int: "integer", float: "number", str: "string"}.get(
            type(value), "string"
        )
        return {"type": base, "enum": [value]}
    return {}  # an unresolved link: the generated code reads it as any


def model_schema(model: dict[str, Any], names: dict[tuple[str, str], str]) -> dict[str, Any]:
    """One IR model as an OpenAPI component schema."""
    kind = model["kind"]
    schema: dict[str, Any]
    if kind == "object":
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in model["fields"]:
            prop = type_schema(field["type"], names)
            # Unknown nullability is generated as `T | None`, like docmodels does.
            if field["nullable"] is not False:
                prop = (
                    {"allOf": [prop], "nullable": True}
                    if "$ref" in prop
                    else {**prop, "nullable": True}
                )
            if field["description"]:
                prop["description"] = field["description"]
            properties[field["wire_name"]] = prop
            if field["required"]:
                required.append(field["wire_name"])
        schema = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
    elif kind == "enum":
        values = [v["value"] for v in model["values"]]
        is_int = all(isinstance(v, int) and not isinstance(v, bool) for v in values)
        schema = {"type": "integer" if is_int else "string", "enum": values}
    elif kind == "union":
        schema = {"oneOf": [type_schema(m, names) for m in model["members"]]}
    else:
        members = model.get("members") or []
        schema = type_schema(members[0], names) if len(members) == 1 else {}
    if model.get("description"):
        schema["description"] = model["description"]
    return schema


def to_openapi(ir: dict[str, Any], title: str = "docmodels bench") -> dict[str, Any]:
    """The whole document: every model of the IR as a component schema, no paths."""
    models = ir["models"]
    names = schema_names(models)
    schemas = {
        names[(m["key"]["namespace"], m["key"]["name"])]: model_schema(m, names) for m in models
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": title, "version": "1.0.0"},
        "paths": {},
        "components": {"schemas": dict(sorted(schemas.items()))},
    }


def dangling_refs(document: dict[str, Any]) -> list[str]:
    """Every `$ref` that names no component (an empty list for a valid document)."""
    known = set(document["components"]["schemas"])
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.removeprefix("#/components/schemas/") not in known:
                found.append(ref)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return found
