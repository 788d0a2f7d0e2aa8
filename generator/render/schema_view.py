"""JSON Schema 2020-12 for every model: one document per model and a bundle with `$defs`.

A schema accepts what the generated Python models accept: wire names, optional and nullable fields as
null, ISO dates as formatted strings, decimals as numbers or strings, bytes as base64 strings.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..examples import example_for
from ..ir import (
    ArrayOf,
    Field,
    Literal,
    MapOf,
    Model,
    ModelKey,
    Primitive,
    Ref,
    Spec,
    TypeExpr,
    UnionOf,
    admits_null,
)
from .literals import UNSAFE
from .python_view import PyPackage

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_NULL: dict[str, Any] = {"type": "null"}
_PRIMITIVES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "bigint": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "any": {},
    "bytes": {"type": "string", "contentEncoding": "base64"},
    "date": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time"},
    "decimal": {"type": ["number", "string"]},
    "null": _NULL,
}


@dataclass(frozen=True)
class SchemaPackage:
    """The schema of each model, as a standalone document and as a `$defs` entry of the bundle."""

    documents: dict[ModelKey, dict[str, Any]]
    bundle: dict[str, Any]


def schema_package(spec: Spec, py: PyPackage, package: str) -> SchemaPackage:
    paths = {key: m.path[: -len(".py")] + ".schema.json" for key, m in py.models.items()}
    names = _definition_names(py)
    documents = {}
    definitions = {}
    for model in spec.models:
        here = posixpath.dirname(paths[model.key])

        def to_file(key: ModelKey, here: str = here) -> str:
            return posixpath.relpath(paths[key], here or ".")

        documents[model.key] = {"$schema": DIALECT, **_model_schema(spec, model, to_file)}
        definitions[names[model.key]] = _model_schema(
            spec, model, lambda key: f"#/$defs/{names[key]}"
        )
    bundle = {
        "$schema": DIALECT,
        "title": f"Models of `{package}`",
        "$defs": dict(sorted(definitions.items())),
    }
    return SchemaPackage(documents, bundle)


def _definition_names(py: PyPackage) -> dict[ModelKey, str]:
    """The class name where it is unique in the spec, else the dotted module path."""
    unique = {m.model.key for m in py.exported()}
    return {key: m.class_name if key in unique else m.dotted for key, m in py.models.items()}


def dumps(value: Any, indent: int | None = None) -> str:
    """JSON text, keys in the order the view wrote them; characters that could make the text read
    differently from what it is (bidi overrides, line separators) are escaped."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


#: Where a `$ref` points for a model: a relative file, or a `$defs` entry of the bundle.
RefTo = Callable[[ModelKey], str]


def _model_schema(spec: Spec, model: Model, ref: RefTo) -> dict[str, Any]:
    schema: dict[str, Any] = {"title": model.title}
    if model.description:
        schema["description"] = model.description
    if model.deprecated is not None:
        schema["deprecated"] = True
    if model.kind == "object":
        schema["type"] = "object"
        schema["properties"] = {f.wire_name: _field_schema(f, ref) for f in model.fields}
        required = [f.wire_name for f in model.fields if f.required]
        if required:
            schema["required"] = required
        example = example_for(spec, model)
        if example is not None and example.from_doc:
            schema["examples"] = [example.value]
    elif model.kind == "enum":
        values = [v.value for v in model.values]
        if model.open or not values:
            kinds = sorted(
                {"integer" if isinstance(v, int) else "string" for v in values} or {"string"}
            )
            schema["anyOf"] = [{"enum": values}, {"type": kinds[0] if len(kinds) == 1 else kinds}]
        else:
            schema["enum"] = values
    elif model.members:
        schema["anyOf"] = [_type_schema(m, ref) for m in model.members]
    return schema


def _field_schema(f: Field, ref: RefTo) -> dict[str, Any]:
    schema = _type_schema(f.type, ref)
    if f.format and "type" in schema and "format" not in schema:
        schema = {**schema, "format": f.format}
    if f.has_const:
        schema = {**schema, "const": f.const}
    schema = _or_null(schema) if f.accepts_null and not admits_null(f.type) else dict(schema)
    description = f.description
    if f.deprecated is not None:
        schema["deprecated"] = True
        if f.deprecated.message:
            description = f"Deprecated: {f.deprecated.message}" + (
                f"\n\n{description}" if description else ""
            )
    if description:
        schema["description"] = description
    if f.has_default:
        schema["default"] = f.default
    return schema


def _type_schema(expr: TypeExpr, ref: RefTo) -> dict[str, Any]:
    if isinstance(expr, Primitive):
        return dict(_PRIMITIVES[expr.kind])
    if isinstance(expr, Literal):
        return {"const": expr.value}
    if isinstance(expr, ArrayOf):
        return {"type": "array", "items": _type_schema(expr.item, ref)}
    if isinstance(expr, MapOf):
        return {"type": "object", "additionalProperties": _type_schema(expr.value, ref)}
    if isinstance(expr, UnionOf):
        return {"anyOf": [_type_schema(m, ref) for m in expr.members]}
    if isinstance(expr, Ref):
        return {"$ref": ref(expr.key)}
    raise TypeError(f"unresolved type {expr!r}")


def _or_null(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` or null: `"type": [..., "null"]` when the schema is only a type, else an `anyOf`."""
    if set(schema) == {"type"}:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return {"type": [*types, "null"]}
    return {"anyOf": [schema, _NULL]}
