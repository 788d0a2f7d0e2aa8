"""TypeScript generic wrappers of a stream (`JsonLStream<models.X>`, `EventStream<X>`, ...): an array of X."""

from __future__ import annotations

import pytest

from generator.ir import ArrayOf, Link, MapOf, Primitive, TypeExpr, UnionOf
from generator.reader.dialects import DIALECTS, TypeNotationError

TS = DIALECTS["typescript"]
X = Link(None, "models.X")
LINKED_X = Link("../models/x.md", "models.X")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("*JsonLStream<models.X>*", ArrayOf(X)),
        ("*EventStream<models.X>*", ArrayOf(X)),
        ("*streaming.EventStream<models.X>*", ArrayOf(X)),
        ("AsyncIterable<[models.X](../models/x.md)>", ArrayOf(LINKED_X)),
        ("ReadableStream<[models.X](../models/x.md)>", ArrayOf(LINKED_X)),
        ("EventStream<[models.X](../models/x.md)>[]", ArrayOf(ArrayOf(LINKED_X))),
        ("Record<string, AsyncIterable<*string*>>", MapOf(ArrayOf(Primitive("string")))),
        (
            "*string* \\| JsonLStream<[models.X](../models/x.md)>".replace("\\|", "|"),
            UnionOf((Primitive("string"), ArrayOf(LINKED_X))),
        ),
        # A byte stream stays bytes.
        ("*ReadableStream<Uint8Array>*", Primitive("bytes")),
    ],
)
def test_stream_cells_are_arrays_of_their_item(cell: str, expected: TypeExpr) -> None:
    assert TS.parse_type(cell).type == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("`JsonLStream<models.X>`", ArrayOf(X)),
        ("`AsyncIterable<string>`", ArrayOf(Primitive("string"))),
        ("`EventStream<models.X[]>`", ArrayOf(ArrayOf(X))),
        ("`ReadableStream<Uint8Array>`", Primitive("bytes")),
    ],
)
def test_stream_members_are_arrays_of_their_item(heading: str, expected: TypeExpr) -> None:
    assert TS.parse_member(heading, "") == expected


@pytest.mark.parametrize(
    "notation",
    ["*Promise<models.X>*", "Partial<[models.X](../models/x.md)>", "*Map<string, models.X>*"],
)
def test_other_generics_are_not_understood(notation: str) -> None:
    with pytest.raises(TypeNotationError, match="unknown generic"):
        TS.parse_type(notation)
    with pytest.raises(TypeNotationError, match="unknown generic"):
        TS.parse_member(f"`{notation.strip('*')}`", "")
