"""Models and diagnostics as plain data (lists, strings, numbers) and back, exactly: the cache keeps drafts so.

Unlike `ir_json` (the stable, documented `docmodels ir` format), this form is compact, private and complete:
`model_from_plain(model_plain(m)) == m` for every model the reader makes. Reading back validates every value
(its type, and each kind among those the IR allows) and raises `BadEntry` on anything else: what comes from
the cache folder is data to check, never trusted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from .cache_store import BadEntry
from .ir import (
    PRIMITIVE_KINDS,
    ArrayOf,
    Deprecation,
    Diagnostic,
    EnumValue,
    Field,
    JSONValue,
    Link,
    Literal,
    MapOf,
    Model,
    ModelKey,
    Primitive,
    Ref,
    Span,
    TypeExpr,
    UnionOf,
)

T = TypeVar("T")
_MODEL_KINDS = frozenset(("object", "enum", "union", "alias"))
_SEVERITIES = frozenset(("error", "warning", "info"))
_PRIMITIVES = frozenset(PRIMITIVE_KINDS)


def model_plain(model: Model) -> list[Any]:
    return [
        model.key.namespace,
        model.key.name,
        model.kind,
        model.title,
        model.description,
        _span_plain(model.source),
        None if model.deprecated is None else model.deprecated.message,
        [_field_plain(f, model.source.path) for f in model.fields],
        [
            [v.name, v.value, v.description, None if v.deprecated is None else v.deprecated.message]
            for v in model.values
        ],
        [type_plain(m) for m in model.members],
        model.example,
        model.has_example,
        model.dialect,
        model.doc_path,
        model.open,
        model.schema,
        [list(pair) for pair in model.facts],
        [[index, what] for index, what in model.degraded_members],
    ]


def diagnostic_plain(diagnostic: Diagnostic) -> list[Any]:
    return [_span_plain(diagnostic.span), diagnostic.severity, diagnostic.code, diagnostic.message]


def type_plain(expr: TypeExpr) -> Any:
    """A primitive is its kind; every other type a list that starts with a one-letter tag."""
    if isinstance(expr, Primitive):
        return expr.kind
    if isinstance(expr, Ref):
        return ["r", expr.key.namespace, expr.key.name]
    if isinstance(expr, ArrayOf):
        return ["a", type_plain(expr.item)]
    if isinstance(expr, MapOf):
        return ["m", type_plain(expr.value)]
    if isinstance(expr, UnionOf):
        return ["u", [type_plain(m) for m in expr.members]]
    if isinstance(expr, Literal):
        return ["c", expr.value]
    if isinstance(expr, Link):
        return ["l", expr.href, expr.text, [type_plain(m) for m in expr.members]]
    raise TypeError(expr)


def _span_plain(span: Span) -> list[Any]:
    return [span.path, span.line, span.column]


def _field_plain(field: Field, path: str) -> list[Any]:
    """A field; its span without the path when that is its model's (nearly always: one doc per model)."""
    source = field.source
    return [
        field.name,
        field.wire_name,
        type_plain(field.type),
        field.required,
        field.nullable,
        field.description,
        [source.line, source.column] if source.path == path else _span_plain(source),
        None if field.deprecated is None else field.deprecated.message,
        field.example,
        field.default,
        field.has_default,
        field.const,
        field.has_const,
        field.format,
        [list(pair) for pair in field.facts],
        field.degraded,
    ]


def _maker(cls: type[T]) -> Callable[..., T]:
    """A constructor of `cls` from all its values in field order, checked, as pickle makes objects: without
    the frozen dataclass's `__init__`, which costs three times as much (`cls` has no `__post_init__`)."""
    names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    new, assign = object.__new__, object.__setattr__

    def make(*values: object) -> T:
        if len(values) != len(names):
            raise TypeError(f"{cls.__name__} takes {len(names)} values")
        made = new(cls)
        assign(made, "__dict__", dict(zip(names, values, strict=False)))  # lengths checked above
        return made

    return make


_new_model, _new_field, _new_span = _maker(Model), _maker(Field), _maker(Span)
_new_enum_value = _maker(EnumValue)


def model_from_plain(data: Any) -> Model:
    (
        namespace,
        name,
        kind,
        title,
        description,
        source,
        deprecated,
        fields,
        values,
        members,
        example,
        has_example,
        dialect,
        doc_path,
        is_open,
        schema,
        facts,
        degraded_members,
    ) = data
    if kind not in _MODEL_KINDS:
        raise BadEntry(f"model kind {kind!r}")
    span = _span(source)
    return _new_model(
        ModelKey(_str(namespace), _str(name)),
        kind,
        _str(title),
        _str(description),
        span,
        _deprecation(deprecated),
        tuple(_field(f, span.path) for f in _list(fields)),
        tuple(_enum_value(v) for v in _list(values)),
        tuple(type_from_plain(m) for m in _list(members)),
        _json(example),
        _bool(has_example),
        _str(dialect),
        _str(doc_path),
        _bool(is_open),
        _str(schema),
        _facts(facts),
        _degraded_members(degraded_members),
    )


def diagnostic_from_plain(data: Any) -> Diagnostic:
    span, severity, code, message = data
    if severity not in _SEVERITIES:
        raise BadEntry(f"severity {severity!r}")
    return Diagnostic(_span(span), severity, _str(code), _str(message))


def type_from_plain(data: Any) -> TypeExpr:
    if type(data) is str:
        if data not in _PRIMITIVES:
            raise BadEntry(f"type kind {data!r}")
        return Primitive(data)  # one of PRIMITIVE_KINDS, checked above
    tag = _list(data)[0]
    if tag == "r":
        _, namespace, name = data
        return Ref(ModelKey(_str(namespace), _str(name)))
    if tag == "a":
        _, item = data
        return ArrayOf(type_from_plain(item))
    if tag == "m":
        _, value = data
        return MapOf(type_from_plain(value))
    if tag == "u":
        _, members = data
        return UnionOf(tuple(type_from_plain(m) for m in _list(members)))
    if tag == "c":
        _, value = data
        if value is not None and type(value) not in (str, int, float, bool):
            raise BadEntry(f"literal {value!r}")
        return Literal(value)
    if tag == "l":
        _, href, text, members = data
        if href is not None:
            _str(href)
        return Link(href, _str(text), tuple(type_from_plain(m) for m in _list(members)))
    raise BadEntry(f"type tag {tag!r}")


def _field(data: Any, path: str) -> Field:
    (
        name,
        wire_name,
        kind,
        required,
        nullable,
        description,
        source,
        deprecated,
        example,
        default,
        has_default,
        const,
        has_const,
        fmt,
        facts,
        degraded,
    ) = data
    if nullable is not None:
        _bool(nullable)
    if example is not None:
        _str(example)
    if fmt is not None:
        _str(fmt)
    if degraded is not None:
        _str(degraded)
    return _new_field(
        _str(name),
        _str(wire_name),
        type_from_plain(kind),
        _bool(required),
        nullable,
        _str(description),
        _span([path, *source] if len(source) == 2 else source),
        _deprecation(deprecated),
        example,
        _json(default),
        _bool(has_default),
        _json(const),
        _bool(has_const),
        fmt,
        _facts(facts),
        degraded,
    )


def _enum_value(data: Any) -> EnumValue:
    name, value, description, deprecated = data
    if name is not None:
        _str(name)
    if type(value) not in (str, int):
        raise BadEntry(f"enum value {value!r}")
    return _new_enum_value(name, value, _str(description), _deprecation(deprecated))


def _span(data: Any) -> Span:
    path, line, column = data
    if type(line) is not int or type(column) is not int:
        raise BadEntry(f"span {data!r}")
    return _new_span(_str(path), line, column)


def _deprecation(data: Any) -> Deprecation | None:
    return None if data is None else Deprecation(_str(data))


def _facts(data: Any) -> tuple[tuple[str, str], ...]:
    if data == []:
        return ()
    return tuple((_str(fact), _str(source)) for fact, source in _list(data))


def _degraded_members(data: Any) -> tuple[tuple[int, str], ...]:
    if data == []:
        return ()
    members = []
    for index, what in _list(data):
        if type(index) is not int:
            raise BadEntry(f"member index {index!r}")
        members.append((index, _str(what)))
    return tuple(members)


def _json(value: Any) -> JSONValue:
    """A JSON value as decoded: it can hold nothing but JSON's own types."""
    return value  # type: ignore[no-any-return]


def _str(value: Any) -> str:
    if type(value) is not str:
        raise BadEntry(f"expected a string, not {type(value).__name__}")
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise BadEntry(f"expected true or false, not {type(value).__name__}")
    return value


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise BadEntry(f"expected a list, not {type(value).__name__}")
    return value
