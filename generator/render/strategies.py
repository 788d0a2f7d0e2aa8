"""hypothesis strategies, as Python source, for the wire payloads of a model (the `properties` tests)."""

from __future__ import annotations

from ..examples import build_type
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
)
from .literals import py_literal

#: How many levels of nested objects get strategies of their own; deeper ones are their built example.
_DEPTH = 2
_PRIMITIVES = {
    "string": "st.text(max_size=8)",
    "integer": "st.integers(-(2**53), 2**53)",
    "bigint": "st.integers(-(2**63), 2**63)",
    "number": "st.floats(allow_nan=False, allow_infinity=False)",
    "boolean": "st.booleans()",
    # Whole seconds in UTC: each target writes them back in the notation they were read in.
    "datetime": 'st.sampled_from(["2024-01-02T03:04:05Z", "1999-12-31T23:59:59Z"])',
    "date": 'st.sampled_from(["2024-01-02", "1999-12-31"])',
    "null": "st.none()",
}


class _NoStrategy(Exception):
    """The type has no finite value (a required reference back into itself)."""


def payload_strategy(spec: Spec, model: Model) -> str:
    """A strategy of wire payloads of an object model; "" when it has no finite payload."""
    try:
        return _object(spec, model, _DEPTH, (model.key,))
    except _NoStrategy:
        return ""


def _object(spec: Spec, model: Model, depth: int, stack: tuple[ModelKey, ...]) -> str:
    required: list[str] = []
    optional: list[str] = []
    for f in model.fields:
        try:
            entry = f"{py_literal(f.wire_name)}: {_field(spec, f, depth, stack)}"
        except _NoStrategy:
            if f.required:
                raise
            continue
        (required if f.required else optional).append(entry)
    head = "st.fixed_dictionaries({" + ", ".join(required) + "}"
    return head + (", optional={" + ", ".join(optional) + "})" if optional else ")")


def _field(spec: Spec, f: Field, depth: int, stack: tuple[ModelKey, ...]) -> str:
    strategy = _type(spec, f.type, depth, stack)
    return f"st.none() | {strategy}" if f.nullable is True else strategy


def _type(spec: Spec, expr: TypeExpr, depth: int, stack: tuple[ModelKey, ...]) -> str:
    if isinstance(expr, Primitive):
        return _PRIMITIVES.get(expr.kind) or _example(spec, expr)
    if isinstance(expr, Literal):
        return f"st.just({py_literal(expr.value)})"
    if isinstance(expr, ArrayOf):
        try:
            return f"st.lists({_type(spec, expr.item, depth, stack)}, max_size=2)"
        except _NoStrategy:
            return "st.just([])"
    if isinstance(expr, MapOf):
        try:
            value = _type(spec, expr.value, depth, stack)
        except _NoStrategy:
            return "st.just({})"
        return f"st.dictionaries(st.text(max_size=4), {value}, max_size=2)"
    if isinstance(expr, UnionOf):
        return _members(spec, expr.members)
    if isinstance(expr, Ref):
        model = spec.by_key[expr.key]
        if model.kind == "enum" and model.values:
            values = ", ".join(py_literal(v.value) for v in model.values)
            return f"st.sampled_from([{values}])"
        if model.kind == "object" and depth > 1 and expr.key not in stack:
            return _object(spec, model, depth - 1, (*stack, expr.key))
        if model.kind in ("union", "alias") and model.members:
            return _members(spec, model.members)
    return _example(spec, expr)


def _members(spec: Spec, members: tuple[TypeExpr, ...]) -> str:
    """A union: each member's built example (the union's own tests check each member is read as such)."""
    examples: list[str] = []
    for member in members:
        try:
            text = py_literal(build_type(spec, member))
        except ValueError:
            continue
        if text not in examples:
            examples.append(text)
    if not examples:
        raise _NoStrategy
    return f"st.sampled_from([{', '.join(examples)}])"


def _example(spec: Spec, expr: TypeExpr) -> str:
    try:
        return f"st.just({py_literal(build_type(spec, expr))})"
    except ValueError as exc:
        raise _NoStrategy from exc
