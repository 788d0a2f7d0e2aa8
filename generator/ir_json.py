"""The IR as JSON (`docmodels ir`): a versioned, stable format that other tools read."""

from __future__ import annotations

import json
from typing import Any

from generator.ir import (
    ArrayOf,
    Diagnostic,
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
        data["values"] = [{"name": v.name, "value": v.value} for v in model.values]
        data["open"] = model.open
    else:
        data["members"] = [type_json(m) for m in model.members]
    if model.has_example:
        data["example"] = model.example
    return data


def diagnostic_json(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "severity": diagnostic.severity,
        "code": diagnostic.code,
        "message": diagnostic.message,
        "source": span_json(diagnostic.span),
    }


def spec_json(spec: Spec) -> dict[str, Any]:
    return {
        "ir_version": spec.ir_version,
        "models": [model_json(m) for m in spec.models],
        "diagnostics": [diagnostic_json(d) for d in spec.diagnostics],
    }


def dumps(spec: Spec) -> str:
    return json.dumps(spec_json(spec), indent=2, ensure_ascii=False) + "\n"
