"""Taking from a matched schema what a doc cannot say: wire names, nullability, consts, defaults, formats."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..diagnostics import Collector
from ..ir import ArrayOf, EnumValue, Field, JSONValue, MapOf, Model, Primitive, Ref
from .match import Node, Schemas, lookup
from .schema import (
    enum_values,
    is_object,
    json_types,
    nullable,
    object_view,
    unwrap,
)

#: JSON types a doc's primitive kind may be sent as.
_WIRE_TYPES: dict[str, set[str]] = {
    "string": {"string"},
    "date": {"string"},
    "datetime": {"string"},
    "bytes": {"string"},
    "decimal": {"string", "number", "integer"},
    "bigint": {"integer"},
    "integer": {"integer"},
    "number": {"number", "integer"},
    "boolean": {"boolean"},
}
#: Formats of a JSON string that carries an integer (int64 beyond JSON's safe range, bigint).
_INTEGER_STRINGS = frozenset({"int64", "uint64", "bigint"})


def enrich_model(model: Model, node: Node, schemas: Schemas, out: Collector) -> Model:
    """`model` with the facts of its schema `node`; contradictions become warnings."""
    facts = dict(model.facts)
    changes: dict[str, Any] = {"schema": node.pointer}
    description = node.schema.get("description")
    if not model.description and isinstance(description, str) and description.strip():
        changes["description"] = description.strip()
        facts["description"] = "spec"
    if model.kind == "object":
        view = schemas.view(node)
        fields = []
        for f in model.fields:
            prop = lookup(view, f.wire_name, f.name)
            if prop is None:
                out.warning(
                    f.source,
                    "DM710",
                    f"{model.key.name}.{f.name}: not a property of {node.pointer}",
                )
                fields.append(f)
                continue
            raw, base = view.properties[prop]
            fields.append(
                _enrich_field(model, f, prop, prop in view.required, raw, base, schemas, out)
            )
        changes["fields"] = tuple(fields)
    elif model.kind == "enum":
        values = _enum_values(model, node, out)
        if values != model.values:
            changes["values"] = values
            facts["values"] = "spec"
    if not model.has_example:
        example = _schema_example(node.schema)
        if example is not None:
            changes["example"] = example
            changes["has_example"] = True
            facts["example"] = "spec"
    changes["facts"] = tuple(sorted(facts.items()))
    return replace(model, **changes)


def _schema_example(schema: dict[str, Any]) -> JSONValue:
    """The schema's `example`, else the first of its `examples` (OpenAPI 3.1); None when it has neither."""
    if "example" in schema:
        return _json(schema["example"])
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return _json(examples[0])
    return None


def _enrich_field(
    model: Model,
    f: Field,
    prop: str,
    required: bool,
    raw: Any,
    base: Path,
    schemas: Schemas,
    out: Collector,
) -> Field:
    doc = schemas.doc
    where = f"{model.key.name}.{f.name}"
    outer, _, _ = doc.deref(raw, base)
    outer = outer if isinstance(outer, dict) else {}
    inner, _, inner_base = unwrap(raw, doc, base)
    inner = inner if isinstance(inner, dict) else {}
    facts = dict(f.facts)
    changes: dict[str, Any] = {"wire_name": prop}
    facts["wire_name"] = "spec"
    if f.wire_name != prop and f.fact_source("wire_name") == "config":
        out.warning(
            f.source,
            "DM715",
            f"{where}: the configured wire name `{f.wire_name}` is `{prop}` in the spec",
        )
    is_nullable = nullable(raw, doc, base)
    if f.nullable is None:
        changes["nullable"] = is_nullable
        facts["nullable"] = "spec"
    elif f.nullable != is_nullable:
        out.warning(
            f.source,
            "DM712",
            f"{where}: the doc says {'' if f.nullable else 'not '}nullable, the spec "
            f"{'' if is_nullable else 'not '}nullable",
        )
    if f.required != required:
        out.warning(
            f.source,
            "DM711",
            f"{where}: the doc says {'required' if f.required else 'optional'}, the spec "
            f"{'required' if required else 'optional'}",
        )
    description = outer.get("description") or inner.get("description")
    if not f.description and isinstance(description, str) and description.strip():
        changes["description"] = description.strip()
        facts["description"] = "spec"
    for source in (outer, inner):
        if "default" in source:
            changes["default"], changes["has_default"] = _json(source["default"]), True
            facts["default"] = "spec"
            break
    values = enum_values(inner)
    if values is not None and len(values) == 1:
        changes["const"], changes["has_const"] = _json(values[0]), True
        facts["const"] = "spec"
    fmt = inner.get("format") or outer.get("format")
    if isinstance(fmt, str):
        changes["format"] = fmt
        facts["format"] = "spec"
        if isinstance(f.type, Primitive) and {f.type.kind, fmt} == {"datetime", "date"}:
            changes["type"] = Primitive("date")
            facts["type"] = "spec"
        elif isinstance(f.type, Primitive) and {f.type.kind, fmt} == {"date", "date-time"}:
            changes["type"] = Primitive("datetime")
            facts["type"] = "spec"
    wire_types = json_types(inner) - {"null"}
    known = _WIRE_TYPES.get(f.type.kind, set()) if isinstance(f.type, Primitive) else set()
    if isinstance(f.type, ArrayOf | MapOf):
        known = {"array"} if isinstance(f.type, ArrayOf) else {"object"}
    if (
        isinstance(f.type, Primitive)
        and f.type.kind in ("integer", "bigint")
        and fmt in _INTEGER_STRINGS
    ):
        known = known | {"string"}  # an int64 sent as a decimal string: the runtime reads it
    if known and wire_types and not wire_types & known:
        out.warning(
            f.source,
            "DM713",
            f"{where}: the doc's type is {getattr(f.type, 'kind', type(f.type).__name__)}, "
            f"the spec's {'/'.join(sorted(wire_types))}",
        )
    _check_ref(where, f, inner, wire_types, schemas, out)
    if isinstance(f.type, MapOf):
        _check_map(where, f, inner, inner_base, schemas, out)
    changes["facts"] = tuple(sorted(facts.items()))
    return replace(f, **changes)


def _check_ref(
    where: str,
    f: Field,
    inner: dict[str, Any],
    wire_types: set[str],
    schemas: Schemas,
    out: Collector,
) -> None:
    """A field typed by an enum or object model: does the schema allow what the model reads?"""
    model = schemas.models.get(f.type.key) if isinstance(f.type, Ref) else None
    if model is None:
        return
    if model.kind == "enum":
        allowed = enum_values(inner)
        mine = {str(v.value) for v in model.values}
        if allowed is None and wire_types & {"string", "integer"}:
            out.warning(
                f.source,
                "DM714",
                f"{where}: the doc lists values ({model.key.name}), the spec allows any "
                f"{'/'.join(sorted(wire_types))}",
            )
        elif allowed is not None and {str(v) for v in allowed} - mine:
            extra = sorted({str(v) for v in allowed} - mine)
            out.warning(
                f.source,
                "DM714",
                f"{where}: the spec also allows {', '.join(extra[:5])} ({model.key.name} does not)",
            )
    elif model.kind == "object" and is_object(inner):
        view = object_view(inner, schemas.doc, schemas.doc.path)
        loose = [
            g.name
            for g in model.fields
            if g.required and lookup(view, g.wire_name, g.name) not in view.required
        ]
        if loose:
            out.warning(
                f.source,
                "DM711",
                f"{where}: {model.key.name} requires {', '.join(loose[:5])}; the spec here does not",
            )
    elif model.kind == "object" and wire_types and "object" not in wire_types:
        out.warning(
            f.source,
            "DM713",
            f"{where}: the doc's type is the object {model.key.name}, the spec's "
            f"{'/'.join(sorted(wire_types))}",
        )


def _check_map(
    where: str, f: Field, inner: dict[str, Any], base: Path, schemas: Schemas, out: Collector
) -> None:
    """A field the doc types as a map whose schema also has fixed properties of another type than
    its `additionalProperties`: the map reads those properties as values of its own type (DM716)."""
    extra = inner.get("additionalProperties")
    properties = inner.get("properties")
    if not isinstance(extra, dict) or not isinstance(properties, dict):
        return
    doc = schemas.doc
    values, _, _ = doc.deref(extra, base)
    other = [str(name) for name, prop in properties.items() if doc.deref(prop, base)[0] != values]
    if other:
        out.warning(
            f.source,
            "DM716",
            f"{where}: the doc's type is a map; the spec's object also has the properties "
            f"{', '.join(other[:5])}, of another type than the map's values",
        )


def _enum_values(model: Model, node: Node, out: Collector) -> tuple[EnumValue, ...]:
    """The doc's values, with the spec's value types (`1`, not `"1"`); differing value sets are warned."""
    spec_values = enum_values(node.schema) or []
    by_text = {
        str(v): v for v in spec_values if isinstance(v, str | int) and not isinstance(v, bool)
    }
    result = tuple(replace(v, value=by_text.get(str(v.value), v.value)) for v in model.values)
    mine = {str(v.value) for v in model.values}
    missing = sorted(set(by_text) - mine)
    extra = sorted(mine - set(by_text))
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"the spec also allows {', '.join(missing[:5])}")
        if extra:
            parts.append(f"the spec does not list {', '.join(extra[:5])}")
        out.warning(
            model.source,
            "DM714",
            f"{model.key.name}: values differ from {node.pointer}: {'; '.join(parts)}",
        )
    return result


def _json(value: Any) -> JSONValue:
    """A YAML value as JSON (dates and other YAML-only scalars become strings)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    return str(value)
