"""The union rule's one decision made at generation time: a union's tag field and each member's tag value.

A union is *tagged* when every member that is not null is an object model, and all of them have a required
field of the same wire name whose value is constant (a `const` from the spec, a literal type such as
`*"circle"*`, or an enum of a single value), with a different value in each member. Reading such a union looks
at that one field and reads the member it names; every other union is read by the runtime's best-explanation
rule (docs/targets/unions.md). The runtimes apply the decision; none of them re-derives it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ir import Field, Literal, Model, Primitive, Ref, Spec, TypeExpr

#: Tag values a runtime compares type-exactly (a JSON string or integer; never a bool or float).
TagValue = str | int


@dataclass(frozen=True)
class UnionTag:
    """A tagged union: the wire name of its tag field and the tag value of each non-null member, in order."""

    field: str
    values: tuple[TagValue, ...]


def non_null_members(members: tuple[TypeExpr, ...]) -> tuple[TypeExpr, ...]:
    """The members a payload other than null can be: every member but `null`."""
    return tuple(m for m in members if m != Primitive("null"))


def union_tag(spec: Spec, members: tuple[TypeExpr, ...]) -> UnionTag | None:
    """The union's tag, when its members can be told apart by one constant field; else None."""
    candidates = non_null_members(members)
    if len(candidates) < 2 or len(set(candidates)) != len(candidates):
        return None
    models: list[Model] = []
    for member in candidates:
        target = spec.by_key.get(member.key) if isinstance(member, Ref) else None
        if target is None or target.kind != "object":
            return None
        models.append(target)
    constants = [_constant_fields(spec, model) for model in models]
    for name in constants[0]:
        values = [found.get(name) for found in constants]
        if any(v is None for v in values):
            continue
        tags = tuple(v for v in values if v is not None)
        if len({(type(v), v) for v in tags}) == len(tags):
            return UnionTag(name, tags)
    return None


def _constant_fields(spec: Spec, model: Model) -> dict[str, TagValue]:
    """The required fields of a model whose value is fixed, by wire name, in the doc's order."""
    found: dict[str, TagValue] = {}
    for f in model.fields:
        value = _constant(spec, f)
        if f.required and value is not None:
            found.setdefault(f.wire_name, value)
    return found


def _constant(spec: Spec, f: Field) -> TagValue | None:
    value: object = None
    if f.has_const:
        value = f.const
    elif isinstance(f.type, Literal):
        value = f.type.value
    elif isinstance(f.type, Ref):
        target = spec.by_key.get(f.type.key)
        single = target is not None and target.kind == "enum" and len(target.values) == 1
        if target is not None and single and not target.open:
            value = target.values[0].value
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    return None


__all__ = ["TagValue", "UnionTag", "non_null_members", "union_tag"]
