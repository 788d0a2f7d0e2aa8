"""Example wire values for models: the doc's own when it fits the model, else one built from the types."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from .ir import (
    ArrayOf,
    Field,
    JSONValue,
    Link,
    Literal,
    MapOf,
    Model,
    ModelKey,
    Primitive,
    Ref,
    Spec,
    TypeExpr,
    UnionOf,
)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$"
)
_PRIMITIVE_EXAMPLES: dict[str, JSONValue] = {
    "string": "example",
    "integer": 1,
    "bigint": 9007199254740993,
    "number": 1.5,
    "boolean": True,
    "any": {"key": "value"},
    "bytes": "ZXhhbXBsZQ==",
    "date": "2024-01-02",
    "datetime": "2024-01-02T03:04:05Z",
    "decimal": "12.50",
    "null": None,
}


@dataclass(frozen=True)
class Example:
    value: JSONValue
    from_doc: bool
    #: Where the value comes from: "doc" (its Example Usage), "column" (built from the field types, with
    #: the doc's Example column where it gives a value), "openapi" (the schema's `example`/`examples`,
    #: when `--openapi` gave it) or "types" (built from the field types).
    source: str = "types"


class _Unbuildable(Exception):
    """No finite example exists along this path (a required reference back into itself)."""


def example_for(spec: Spec, model: Model) -> Example | None:
    """The doc's example when it fits the model, else one built from the field types; None if impossible."""
    if model.has_example and fits(spec, Ref(model.key), model.example):
        source = "openapi" if dict(model.facts).get("example") == "spec" else "doc"
        return Example(model.example, True, source)
    try:
        value = _build(spec, Ref(model.key), ())
    except _Unbuildable:
        return None
    from_column = any(column_example(spec, f) is not _NONE for f in model.fields)
    return Example(value, False, "column" if from_column else "types")


_NONE = object()
_INTEGER = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][+-]?\d+)?$")


def column_example(spec: Spec, field: Field) -> object:
    """The field's Example column text as a wire value of its type; `_NONE` when it gives none that fits."""
    text = (field.example or "").strip()
    if not text:
        return _NONE
    value: object = _NONE
    kinds = _primitive_kinds(spec, field.type)
    if kinds & {"string", "date", "datetime", "bytes", "decimal"}:
        value = text
    elif kinds & {"integer", "bigint"} and _INTEGER.match(text):
        value = int(text)
    elif "number" in kinds and _NUMBER.match(text):
        value = float(text) if any(c in text for c in ".eE") else int(text)
    elif "boolean" in kinds and text in ("true", "false"):
        value = text == "true"
    return value if value is not _NONE and fits(spec, field.type, value) else _NONE


def _primitive_kinds(spec: Spec, expr: TypeExpr) -> set[str]:
    if isinstance(expr, Primitive):
        return {expr.kind}
    if isinstance(expr, UnionOf):
        return {k for m in expr.members for k in _primitive_kinds(spec, m)}
    return set()


def build_type(spec: Spec, expr: TypeExpr) -> JSONValue:
    """An example wire value of a type (raises ValueError when none is finite)."""
    try:
        return _build(spec, expr, ())
    except _Unbuildable as exc:
        raise ValueError("no finite example") from exc


def _build(spec: Spec, expr: TypeExpr, stack: tuple[ModelKey, ...]) -> JSONValue:
    if isinstance(expr, Primitive):
        return _PRIMITIVE_EXAMPLES[expr.kind]
    if isinstance(expr, Literal):
        return expr.value
    if isinstance(expr, ArrayOf):
        try:
            return [_build(spec, expr.item, stack)]
        except _Unbuildable:
            return []
    if isinstance(expr, MapOf):
        try:
            return {"key": _build(spec, expr.value, stack)}
        except _Unbuildable:
            return {}
    if isinstance(expr, UnionOf):
        return _first_buildable(spec, expr.members, stack)
    if isinstance(expr, Ref):
        if expr.key in stack:
            raise _Unbuildable
        return _build_model(spec, spec.by_key[expr.key], (*stack, expr.key))
    raise TypeError(f"unresolved type {expr!r}")


def _first_buildable(
    spec: Spec, members: tuple[TypeExpr, ...], stack: tuple[ModelKey, ...]
) -> JSONValue:
    for member in members:
        try:
            return _build(spec, member, stack)
        except _Unbuildable:
            continue
    raise _Unbuildable


def _build_model(spec: Spec, model: Model, stack: tuple[ModelKey, ...]) -> JSONValue:
    if model.kind == "enum":
        return model.values[0].value if model.values else ""
    if model.kind in ("union", "alias"):
        return _first_buildable(spec, model.members or (Primitive("any"),), stack)
    data: dict[str, JSONValue] = {}
    for field in model.fields:
        given = column_example(spec, field) if field.example else _NONE
        if given is not _NONE:
            data[field.wire_name] = cast(JSONValue, given)
            continue
        try:
            data[field.wire_name] = _build(spec, field.type, stack)
        except _Unbuildable:
            if not field.required:
                continue
            if field.nullable is not False:
                data[field.wire_name] = None
                continue
            raise
    return data


def fits(spec: Spec, expr: TypeExpr, value: object) -> bool:
    """Whether a wire value is one that the type describes (used to vet examples found in docs)."""
    if value is None:
        return _admits_null(spec, expr)
    if isinstance(expr, Primitive):
        return _fits_primitive(expr.kind, value)
    if isinstance(expr, Literal):
        return type(value) is type(expr.value) and value == expr.value
    if isinstance(expr, ArrayOf):
        return isinstance(value, list) and all(fits(spec, expr.item, v) for v in value)
    if isinstance(expr, MapOf):
        return isinstance(value, dict) and all(fits(spec, expr.value, v) for v in value.values())
    if isinstance(expr, UnionOf):
        return any(fits(spec, m, value) for m in expr.members)
    if isinstance(expr, Ref):
        return _fits_model(spec, spec.by_key[expr.key], value)
    if isinstance(expr, Link):
        return False
    raise TypeError(f"unknown type {expr!r}")


def _fits_model(spec: Spec, model: Model, value: object) -> bool:
    if model.kind == "enum":
        return any(type(v.value) is type(value) and v.value == value for v in model.values)
    if model.kind in ("union", "alias"):
        return any(fits(spec, m, value) for m in model.members or (Primitive("any"),))
    if not isinstance(value, dict):
        return False
    wires = {f.wire_name: f for f in model.fields}
    if any(key not in wires for key in value):
        return False
    for field in model.fields:
        if field.wire_name not in value:
            if field.required:
                return False
            continue
        item = value[field.wire_name]
        if item is None:
            # An optional field set to null is written back as absent, so only a required one may be null.
            if not (field.required and field.nullable is not False):
                return False
            continue
        if not fits(spec, field.type, item):
            return False
    return True


def _fits_primitive(kind: str, value: object) -> bool:
    if kind == "any":
        return True
    if kind == "string":
        return isinstance(value, str)
    if kind in ("integer", "bigint"):
        return isinstance(value, int) and not isinstance(value, bool)
    if kind in ("number", "decimal"):
        return (isinstance(value, int | float) and not isinstance(value, bool)) or (
            kind == "decimal" and isinstance(value, str)
        )
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "date":
        return isinstance(value, str) and bool(_DATE.match(value))
    if kind == "datetime":
        return isinstance(value, str) and bool(_DATETIME.match(value))
    if kind == "bytes":
        return isinstance(value, str)
    return False


def _admits_null(spec: Spec, expr: TypeExpr) -> bool:
    if isinstance(expr, Primitive):
        return expr.kind in ("null", "any")
    if isinstance(expr, Literal):
        return expr.value is None
    if isinstance(expr, UnionOf):
        return any(_admits_null(spec, m) for m in expr.members)
    if isinstance(expr, Ref):
        model = spec.by_key[expr.key]
        if model.kind in ("union", "alias"):
            return any(_admits_null(spec, m) for m in model.members)
    return False
