"""The union rule's generation-time decision (generator/unions.py): which unions are tagged, by what."""

from __future__ import annotations

from generator.ir import (
    ArrayOf,
    EnumValue,
    Field,
    Literal,
    Model,
    ModelKey,
    Primitive,
    Ref,
    Span,
    Spec,
    TypeExpr,
)
from generator.unions import UnionTag, union_tag

_AT = Span("doc.md", 1)


def _field(name: str, type_: TypeExpr, *, required: bool = True, **extra: object) -> Field:
    return Field(name, name, type_, required, False, "", _AT, **extra)  # type: ignore[arg-type]


def _object(name: str, *fields: Field) -> Model:
    return Model(ModelKey("", name), "object", name, "", _AT, fields=fields)


def _enum(name: str, *values: str, open_: bool = False) -> Model:
    return Model(
        ModelKey("", name),
        "enum",
        name,
        "",
        _AT,
        values=tuple(EnumValue(None, v) for v in values),
        open=open_,
    )


def _ref(name: str) -> Ref:
    return Ref(ModelKey("", name))


def _spec(*models: Model) -> Spec:
    return Spec(models)


def test_a_literal_field_with_a_value_per_member_is_the_tag() -> None:
    spec = _spec(
        _object("Circle", _field("radius", Primitive("number")), _field("kind", Literal("circle"))),
        _object("Square", _field("kind", Literal("square")), _field("side", Primitive("number"))),
    )
    members = (_ref("Circle"), _ref("Square"))
    assert union_tag(spec, members) == UnionTag("kind", ("circle", "square"))
    # The values follow the union's order, and a null member takes no value.
    reverse = (_ref("Square"), Primitive("null"), _ref("Circle"))
    assert union_tag(spec, reverse) == UnionTag("kind", ("square", "circle"))


def test_a_const_from_the_spec_and_a_single_value_enum_are_tags_too() -> None:
    spec = _spec(
        _enum("TextType", "text"),
        _object("Text", _field("type", _ref("TextType"))),
        _object("Image", _field("type", Primitive("string"), const="image", has_const=True)),
    )
    assert union_tag(spec, (_ref("Text"), _ref("Image"))) == UnionTag("type", ("text", "image"))


def test_no_tag_when_the_members_cannot_be_told_apart_by_one_constant_field() -> None:
    spec = _spec(
        _object("A", _field("kind", Literal("same"))),
        _object("B", _field("kind", Literal("same"))),
        _object("C", _field("kind", Primitive("string"))),
        _object("D", _field("kind", Literal("d"), required=False)),
        _object("E", _field("kind", Literal("e"))),
        _enum("Open", "o", open_=True),
        _object("F", _field("kind", _ref("Open"))),
        _enum("Two", "x", "y"),
        _object("G", _field("kind", _ref("Two"))),
        _object("H", _field("kind", Literal(True))),
        _object("I", _field("kind", Literal(False))),
    )
    assert union_tag(spec, (_ref("A"), _ref("B"))) is None  # the same value twice
    assert union_tag(spec, (_ref("C"), _ref("E"))) is None  # a plain string is no constant
    assert union_tag(spec, (_ref("D"), _ref("E"))) is None  # an optional field may be absent
    assert union_tag(spec, (_ref("F"), _ref("E"))) is None  # an open enum takes other values
    assert union_tag(spec, (_ref("G"), _ref("E"))) is None  # an enum of two values
    assert union_tag(spec, (_ref("H"), _ref("I"))) is None  # booleans are not tags
    assert union_tag(spec, (_ref("E"), Primitive("string"))) is None  # a member that is no object
    assert union_tag(spec, (_ref("E"), ArrayOf(_ref("E")))) is None
    assert union_tag(spec, (_ref("E"),)) is None  # one member needs no tag
    assert union_tag(spec, (_ref("E"), _ref("E"))) is None


def test_the_first_constant_field_of_the_first_member_that_works_is_chosen() -> None:
    spec = _spec(
        _object("A", _field("version", Literal(1)), _field("kind", Literal("a"))),
        _object("B", _field("kind", Literal("b")), _field("version", Literal(1))),
        _object("C", _field("version", Literal(2)), _field("kind", Literal("c"))),
    )
    # `version` is 1 in both A and B: it cannot tell them apart, `kind` can.
    assert union_tag(spec, (_ref("A"), _ref("B"))) == UnionTag("kind", ("a", "b"))
    # Both fields tell A and C apart: the first of A's fields wins, with integer values.
    assert union_tag(spec, (_ref("A"), _ref("C"))) == UnionTag("version", (1, 2))
