"""What a generated pytest module needs to exercise one model: examples, required and deprecated fields."""

from __future__ import annotations

from dataclasses import dataclass

from generator.examples import build_type, example_for
from generator.ir import JSONValue, Spec
from generator.render.python_view import PyModel


@dataclass(frozen=True)
class DeprecatedCase:
    attribute: str
    message: str
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
    for member in model.members if model.kind == "union" else ():
        try:
            members.append(build_type(spec, member))
        except ValueError:
            continue
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
    )


def _invalid_enum_value(m: PyModel) -> JSONValue:
    values = [member.value for member in m.members]
    if values and all(isinstance(v, int) for v in values):
        return max(int(v) for v in values) + 1
    candidate = "docmodels-not-a-value"
    while candidate in values:
        candidate += "-"
    return candidate
