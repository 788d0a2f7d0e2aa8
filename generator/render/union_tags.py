"""A union's discriminator: the field every member object has with one constant value of its own.

The IR does not record union tags yet; this derivation is the one place that decides them for the docs, so
it can later read the IR's own decision instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import Field, JSONValue, Literal, Model, Ref, Spec


@dataclass(frozen=True)
class UnionTag:
    """The tag field's wire name and each member's value, in the order of the union's members."""

    field: str
    values: tuple[JSONValue, ...]


def union_tag(spec: Spec, union: Model) -> UnionTag | None:
    """The tag of a union whose members are all objects sharing a field with a distinct constant each."""
    objects = [_object(spec, m) for m in union.members]
    if len(objects) < 2 or any(o is None for o in objects):
        return None
    members = [o for o in objects if o is not None]
    for candidate in members[0].fields:
        values = []
        for member in members:
            found = next((f for f in member.fields if f.wire_name == candidate.wire_name), None)
            value = None if found is None else _constant(spec, found)
            if value is None or not isinstance(value[0], str | int | bool):
                break
            values.append(value[0])
        else:
            if len({repr(v) for v in values}) == len(values):
                return UnionTag(candidate.wire_name, tuple(values))
    return None


def _object(spec: Spec, member: object) -> Model | None:
    if not isinstance(member, Ref):
        return None
    model = spec.by_key.get(member.key)
    return model if model is not None and model.kind == "object" else None


def _constant(spec: Spec, field: Field) -> tuple[JSONValue] | None:
    """The field's only value (in a 1-tuple, since the value may be None), if it has exactly one."""
    if field.has_const:
        return (field.const,)
    if isinstance(field.type, Literal):
        return (field.type.value,)
    if isinstance(field.type, Ref):
        target = spec.by_key.get(field.type.key)
        if target is not None and target.kind == "enum" and len(target.values) == 1:
            return (target.values[0].value,)
    return None
