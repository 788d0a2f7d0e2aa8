"""What a generated pytest module needs to exercise one model: examples, required and deprecated fields."""

from __future__ import annotations

from dataclasses import dataclass

from ..examples import build_type, example_for, fits
from ..ir import JSONValue, Ref, Spec, TypeExpr
from . import naming
from .literals import py_literal
from .python_view import PyModel


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


def model_tests(spec: Spec, m: PyModel, package: str) -> ModelTests:
    model = m.model
    example = example_for(spec, model)
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
    )


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
