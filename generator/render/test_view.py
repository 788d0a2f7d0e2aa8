"""What a generated pytest module needs to exercise one model: examples, required and deprecated fields."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass

from ..examples import build_type, example_for, fits
from ..ir import ArrayOf, JSONValue, MapOf, ModelKey, Primitive, Ref, Spec, TypeExpr, UnionOf
from . import naming
from .literals import py_literal
from .python_view import PyModel
from .strategies import payload_strategy


@dataclass(frozen=True)
class DeprecatedCase:
    attribute: str
    message: str
    wire_value: JSONValue


@dataclass(frozen=True)
class DefaultCase:
    """An optional field with a default from the docs: its attribute, wire name and wire value."""

    attribute: str
    wire_name: str
    wire_value: JSONValue


@dataclass(frozen=True)
class FieldCase:
    """A wire value for one field, and the Python type reading it must give ("" when not certain)."""

    attribute: str
    wire_name: str
    wire_value: JSONValue
    type_name: str


@dataclass(frozen=True)
class NullCase:
    """A field the doc says is nullable (`accepts`) or not, and whether it is required."""

    attribute: str
    wire_name: str
    required: bool


@dataclass(frozen=True)
class EnumCase:
    """A field whose type is an enum: a value the enum does not list, and whether the enum keeps it."""

    wire_name: str
    wire_value: JSONValue
    kept: bool


@dataclass(frozen=True)
class ModelTests:
    m: PyModel
    import_from: str
    local_name: str
    example: JSONValue
    example_from_doc: bool
    buildable: bool
    required: tuple[str, ...]
    deprecated: tuple[DeprecatedCase, ...]
    member_examples: tuple[JSONValue, ...]
    invalid_value: JSONValue
    defaults: tuple[DefaultCase, ...] = ()
    #: Each union member's example with the class the union rule must read it as (where one is certain).
    member_classes: tuple[tuple[JSONValue, str], ...] = ()
    #: Per field: a wire value to read (each union member's too) and the type it must be read as.
    field_cases: tuple[FieldCase, ...] = ()
    #: Fields the doc says accept null, and required ones it says do not.
    nullable: tuple[NullCase, ...] = ()
    not_nullable: tuple[NullCase, ...] = ()
    enum_cases: tuple[EnumCase, ...] = ()
    #: Where the example comes from, said in the tests ("doc", "column", "openapi" or "types").
    example_source: str = "types"
    #: The hypothesis strategy (source) of the model's wire payloads for the property test; "" for none.
    payloads: str = ""

    @property
    def example_note(self) -> str:
        return _EXAMPLE_NOTES[self.example_source]

    @property
    def field_rows(self) -> list[list[JSONValue]]:
        return [[c.attribute, c.wire_name, c.wire_value, c.type_name] for c in self.field_cases]

    @property
    def nullable_rows(self) -> list[list[JSONValue]]:
        return [[c.attribute, c.wire_name, c.required] for c in self.nullable]

    @property
    def enum_rows(self) -> list[list[JSONValue]]:
        return [[c.wire_name, c.wire_value, c.kept] for c in self.enum_cases]

    @property
    def distinct_member_examples(self) -> tuple[JSONValue, ...]:
        """The members' examples, each written once (two members may share one: `int | float`)."""
        seen: dict[str, JSONValue] = {}
        for value in self.member_examples:
            seen.setdefault(py_literal(value), value)
        return tuple(seen.values())

    @property
    def member_imports(self) -> tuple[str, ...]:
        """The model module's library imports that its members' annotations need (not the alias's
        own `TypeAlias`): what a test that annotates each member's example imports."""
        kept = []
        for line in self.m.imports:
            head, _, names = line.partition(" import ")
            rest = [n.strip() for n in names.split(",") if n.strip() != "TypeAlias"]
            if rest:
                kept.append(f"{head} import {', '.join(rest)}")
        return tuple(kept)


_EXAMPLE_NOTES = {
    "doc": "The doc's Example Usage.",
    "column": "Built from the field types, with the values of the doc's Example column.",
    "openapi": "The OpenAPI document's example for the schema.",
    "types": "Built from the field types (the doc gives no example).",
}


def model_tests(
    spec: Spec,
    m: PyModel,
    package: str,
    models: Mapping[ModelKey, PyModel] | None = None,
    properties: bool = False,
) -> ModelTests:
    """What the tests of `m` check; `models` (every model's Python view) names the classes of its fields;
    `properties` adds a property test (`tests = "properties"`)."""
    model = m.model
    example = example_for(spec, model)
    views: Mapping[ModelKey, PyModel] = models or {}
    checked = model.kind == "object" and example is not None and isinstance(example.value, dict)
    deprecated: list[DeprecatedCase] = []
    for f in m.fields:
        if f.deprecated is None:
            continue
        try:
            value = build_type(spec, f.field.type)
        except ValueError:
            continue
        if value is not None:
            deprecated.append(DeprecatedCase(f.name, f.deprecated, value))
    members: list[JSONValue] = []
    classes: list[tuple[JSONValue, str]] = []
    for i, member in enumerate(model.members if model.kind == "union" else ()):
        try:
            members.append(build_type(spec, member))
        except ValueError:
            continue
        expected = _member_class(spec, m, i, member, members[-1])
        if expected:
            classes.append((members[-1], expected))
    return ModelTests(
        m=m,
        import_from=f"{package}.{m.dotted}",
        # pytest would try to collect a model class named Test... as a test class.
        local_name=f"Model{m.class_name}" if m.class_name.startswith("Test") else m.class_name,
        example=example.value if example else None,
        example_from_doc=bool(example and example.from_doc),
        example_source=example.source if example else "types",
        payloads=payload_strategy(spec, model) if properties and checked else "",
        buildable=example is not None,
        required=tuple(f.wire_name for f in m.fields if f.required) if example else (),
        deprecated=tuple(deprecated),
        member_examples=tuple(members),
        invalid_value=_invalid_enum_value(m),
        member_classes=tuple(classes),
        defaults=tuple(
            DefaultCase(f.name, f.wire_name, f.field.default)
            for f in m.fields
            if f.default != "None"
        ),
        field_cases=_field_cases(spec, m, example.value, views) if checked and example else (),
        nullable=tuple(
            NullCase(f.name, f.wire_name, f.required)
            for f in m.fields
            if checked and f.field.nullable is True
        ),
        not_nullable=tuple(
            NullCase(f.name, f.wire_name, True)
            for f in m.fields
            if checked and f.required and f.field.nullable is False and not _takes_any(f.field.type)
        ),
        enum_cases=_enum_cases(spec, m) if checked else (),
    )


def _takes_any(expr: TypeExpr) -> bool:
    """Whether a type takes any value, null too (`any`, or a field degraded to it)."""
    if isinstance(expr, UnionOf):
        return any(_takes_any(m) for m in expr.members)
    return expr == Primitive("any")


def _field_cases(
    spec: Spec, m: PyModel, example: JSONValue, classes: Mapping[ModelKey, PyModel]
) -> tuple[FieldCase, ...]:
    """A case per field with a finite, non-null value (the example's when it has one), then one per
    further member of a union-typed field whose member is certain."""
    given = example if isinstance(example, dict) else {}
    cases: list[FieldCase] = []
    for f in m.fields:
        values: list[JSONValue] = []
        if given.get(f.wire_name) is not None:
            values.append(given[f.wire_name])
        else:
            with contextlib.suppress(ValueError):
                values.append(build_type(spec, f.field.type))
        for member in _union_members(spec, f.field.type):
            try:
                value = build_type(spec, member)
            except ValueError:
                continue
            if value not in values:
                values.append(value)
        for value in values:
            if value is None:
                continue
            name = _type_name(spec, f.field.type, value, classes)
            if name or value is values[0]:
                cases.append(FieldCase(f.name, f.wire_name, value, name))
    return tuple(cases)


def _union_members(spec: Spec, expr: TypeExpr) -> tuple[TypeExpr, ...]:
    """The members of a union-typed field (inline or a union model), else ()."""
    if isinstance(expr, UnionOf):
        return expr.members
    if isinstance(expr, Ref):
        model = spec.by_key[expr.key]
        if model.kind == "union":
            return model.members
    return ()


_PRIMITIVE_TYPES = {
    "string": "str",
    "integer": "int",
    "bigint": "int",
    "boolean": "bool",
    "datetime": "datetime",
    "date": "date",
}


def _type_name(
    spec: Spec, expr: TypeExpr, value: JSONValue, classes: Mapping[ModelKey, PyModel]
) -> str:
    """The name of the Python type a wire value of `expr` is read as; "" when not certain (a union whose
    members other than one could take the value, `any`, decimals and bytes, whose type varies by target)."""
    if isinstance(expr, Primitive):
        if expr.kind == "number":
            return "float" if isinstance(value, float) else ""
        return _PRIMITIVE_TYPES.get(expr.kind, "")
    if isinstance(expr, ArrayOf):
        return "list"
    if isinstance(expr, MapOf):
        return "dict"
    members = _union_members(spec, expr)
    if members:
        fitting = [member for member in members if fits(spec, member, value)]
        return _type_name(spec, fitting[0], value, classes) if len(fitting) == 1 else ""
    if isinstance(expr, Ref):
        model = spec.by_key[expr.key]
        if model.kind in ("object", "enum"):
            view = classes.get(expr.key)
            return view.class_name if view else ""
    return ""


def _enum_cases(spec: Spec, m: PyModel) -> tuple[EnumCase, ...]:
    """A case per field typed as an enum (maybe nullable): a value the enum does not list."""
    cases: list[EnumCase] = []
    for f in m.fields:
        expr = f.field.type
        if isinstance(expr, UnionOf):
            others = [e for e in expr.members if e != Primitive("null")]
            expr = others[0] if len(others) == 1 else expr
        if not isinstance(expr, Ref) or spec.by_key[expr.key].kind != "enum":
            continue
        enum = spec.by_key[expr.key]
        if not enum.values:
            continue
        values = [v.value for v in enum.values]
        if all(isinstance(v, int) for v in values):
            invalid: JSONValue = max(int(v) for v in values) + 1
        else:
            invalid = "docmodels-not-a-value"
            while invalid in values:
                invalid += "-"
        cases.append(EnumCase(f.wire_name, invalid, enum.open))
    return tuple(cases)


def _member_class(spec: Spec, m: PyModel, index: int, member: TypeExpr, example: JSONValue) -> str:
    """The class an object member's example must be read as: the member's, when no other member takes
    the example as it is (else the union rule may rightly choose another); "" when that is not certain."""
    if not isinstance(member, Ref) or spec.by_key[member.key].kind != "object":
        return ""
    others = [o for j, o in enumerate(m.model.members) if j != index]
    if any(fits(spec, other, example) for other in others):
        return ""
    annotation = m.member_annotations[index] if index < len(m.member_annotations) else ""
    # The annotation is the class's own name unless an import had to rename it.
    return annotation if annotation == naming.class_name(member.key.name, frozenset()) else ""


def _invalid_enum_value(m: PyModel) -> JSONValue:
    values = [member.value for member in m.members]
    if values and all(isinstance(v, int) for v in values):
        return max(int(v) for v in values) + 1
    candidate = "docmodels-not-a-value"
    while candidate in values:
        candidate += "-"
    return candidate
