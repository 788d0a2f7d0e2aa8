"""The IR as JSON (`docmodels ir`): a versioned, stable format that other tools read."""

from __future__ import annotations

import json
from typing import Any

from .ir import (
    ArrayOf,
    Diagnostic,
    EnumValue,
    Field,
    Link,
    Literal,
    MapOf,
    Model,
    ModelKey,
    Primitive,
    Ref,
    Span,
    Spec,
    TypeExpr,
    UnionOf,
)


def type_json(expr: TypeExpr) -> dict[str, Any]:
    if isinstance(expr, Primitive):
        return {"kind": expr.kind}
    if isinstance(expr, Ref):
        return {"kind": "ref", "ref": key_json(expr.key)}
    if isinstance(expr, ArrayOf):
        return {"kind": "array", "items": type_json(expr.item)}
    if isinstance(expr, MapOf):
        return {"kind": "map", "values": type_json(expr.value)}
    if isinstance(expr, UnionOf):
        return {"kind": "union", "members": [type_json(m) for m in expr.members]}
    if isinstance(expr, Literal):
        return {"kind": "literal", "value": expr.value}
    if isinstance(expr, Link):
        return {"kind": "link", "href": expr.href, "text": expr.text}
    raise TypeError(expr)


def key_json(key: ModelKey) -> dict[str, str]:
    return {"namespace": key.namespace, "name": key.name}


def span_json(span: Span) -> dict[str, Any]:
    return {"path": span.path, "line": span.line, "column": span.column}


#: The facts of a field whose source `docmodels ir` shows (`doc`, `spec` or `config`).
FIELD_FACTS = (
    "wire_name",
    "type",
    "required",
    "nullable",
    "description",
    "default",
    "const",
    "format",
)
#: The facts of a model whose source `docmodels ir` shows.
MODEL_FACTS = ("description", "values")


def field_json(field: Field) -> dict[str, Any]:
    return {
        "name": field.name,
        "wire_name": field.wire_name,
        "type": type_json(field.type),
        "required": field.required,
        "nullable": field.nullable,
        "deprecated": field.deprecated is not None,
        "deprecation_message": field.deprecated.message if field.deprecated else None,
        "description": field.description,
        "example": field.example,
        "source": span_json(field.source),
    }


def field_facts_json(field: Field) -> dict[str, Any]:
    """The facts ir_version 2 added to a field: default, const, format, and where each fact came from;
    `degraded` (what was not understood, the type then holding `any`) only on a degraded field.

    Kept apart from field_json, whose output fingerprints the generated files' origins.
    """
    data = {
        "default": field.default,
        "has_default": field.has_default,
        "const": field.const,
        "has_const": field.has_const,
        "format": field.format,
        "facts": {fact: field.fact_source(fact) for fact in FIELD_FACTS},
    }
    if field.degraded:
        data["degraded"] = field.degraded
    return data


def model_json(model: Model) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": key_json(model.key),
        "kind": model.kind,
        "title": model.title,
        "doc": model.doc_path,
        "dialect": model.dialect,
        "description": model.description,
        "deprecated": model.deprecated is not None,
        "deprecation_message": model.deprecated.message if model.deprecated else None,
        "source": span_json(model.source),
    }
    if model.kind == "object":
        data["fields"] = [field_json(f) for f in model.fields]
    elif model.kind == "enum":
        data["values"] = [_value_json(v) for v in model.values]
        data["open"] = model.open
    else:
        data["members"] = [type_json(m) for m in model.members]
    if model.has_example:
        data["example"] = model.example
    return data


def _value_json(value: EnumValue) -> dict[str, Any]:
    """An enum value; its description and deprecation only when the doc gives them (added in ir_version 2)."""
    data: dict[str, Any] = {"name": value.name, "value": value.value}
    if value.description:
        data["description"] = value.description
    if value.deprecated is not None:
        data["deprecated"] = True
        data["deprecation_message"] = value.deprecated.message
    return data


def model_full_json(model: Model) -> dict[str, Any]:
    """model_json with what ir_version 2 added: the matched schema and where each fact came from."""
    data = model_json(model)
    if "fields" in data:
        data["fields"] = [{**field_json(f), **field_facts_json(f)} for f in model.fields]
    sources = dict(model.facts)
    data["schema"] = model.schema or None
    data["facts"] = {fact: sources.get(fact, "doc") for fact in MODEL_FACTS}
    if model.degraded_members:
        data["degraded_members"] = [
            {"index": index, "reason": reason} for index, reason in model.degraded_members
        ]
    return data


def diagnostic_json(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "severity": diagnostic.severity,
        "code": diagnostic.code,
        "message": diagnostic.message,
        "source": span_json(diagnostic.span),
    }


def spec_json(spec: Spec, openapi: dict[str, Any] | None = None) -> dict[str, Any]:
    data = {
        "ir_version": spec.ir_version,
        "models": [model_full_json(m) for m in spec.models],
        "diagnostics": [diagnostic_json(d) for d in spec.diagnostics],
    }
    if openapi is not None:
        data["openapi"] = openapi
    return data


def dumps(spec: Spec, openapi: dict[str, Any] | None = None) -> str:
    """The IR as JSON; `openapi` is the match report of `--openapi` (see generator.openapi)."""
    return json.dumps(spec_json(spec, openapi), indent=2, ensure_ascii=False) + "\n"
