"""Type cells of each dialect, and how a page's dialect is detected."""

from __future__ import annotations

import pytest

from generator.ir import ArrayOf, Link, Literal, MapOf, Primitive, UnionOf
from generator.reader.dialects import DIALECTS, TypeNotationError, choose, detect

TS = DIALECTS["typescript"]
PHP = DIALECTS["php"]
MDN_DATE = (
    "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("*string*", Primitive("string")),
        ("*number*", Primitive("number")),
        ("*boolean*", Primitive("boolean")),
        ("*any*", Primitive("any")),
        ("*BigInt*", Primitive("bigint")),
        ("*Uint8Array*", Primitive("bytes")),
        ("*ReadableStream<Uint8Array>*", Primitive("bytes")),
        ('*"phone"*', Literal("phone")),
        ('*""*', Literal("")),
        ("*true*", Literal(True)),
        ("*false*", Literal(False)),
        (MDN_DATE, Primitive("datetime")),
        ("[RFCDate](../../types/rfcdate.md)", Primitive("date")),
        (
            "[components.X](../../models/components/x.md)",
            Link("../../models/components/x.md", "components.X"),
        ),
        ("*components.U*", Link(None, "components.U")),
        ("*string*[]", ArrayOf(Primitive("string"))),
        ("*string*[][]", ArrayOf(ArrayOf(Primitive("string")))),
        ("[models.X](../models/x.md)[]", ArrayOf(Link("../models/x.md", "models.X"))),
        ("Record<string, *string*>", MapOf(Primitive("string"))),
        (
            "Record<string, Record<string, [models.X](../models/x.md)[]>>",
            MapOf(MapOf(ArrayOf(Link("../models/x.md", "models.X")))),
        ),
        ("*components.U*[]", ArrayOf(Link(None, "components.U"))),
        ("[Response](https://developer.mozilla.org/en-US/docs/Web/API/Response)", Primitive("any")),
        (
            "[File](https://x/File) | [Blob](https://x/Blob) | [components.FileT](../../models/components/filet.md)",
            UnionOf(
                (Primitive("bytes"), Link("../../models/components/filet.md", "components.FileT"))
            ),
        ),
    ],
)
def test_typescript_type_cells(cell: str, expected: object) -> None:
    parsed = TS.parse_type(cell)
    assert parsed.type == expected
    assert parsed.nullable is None  # TypeScript docs never say whether a field is nullable


@pytest.mark.parametrize(
    ("cell", "expected", "optional", "nullable"),
    [
        ("*string*", Primitive("string"), False, None),
        ("*?string*", Primitive("string"), True, None),
        ("*?int*", Primitive("integer"), True, None),
        ("*float*", Primitive("number"), False, None),
        ("*?bool*", Primitive("boolean"), True, None),
        ("*mixed*", Primitive("any"), False, None),
        (
            "[\\DateTime](https://www.php.net/manual/en/class.datetime.php)",
            Primitive("datetime"),
            False,
            None,
        ),
        (
            "[Components\\X](../../Models/Components/X.md)",
            Link("../../Models/Components/X.md", "Components\\X"),
            False,
            None,
        ),
        (
            "[?Components\\X](../../Models/Components/X.md)",
            Link("../../Models/Components/X.md", "Components\\X"),
            True,
            None,
        ),
        ("array<*string*>", ArrayOf(Primitive("string")), False, None),
        ("array<string, *mixed*>", MapOf(Primitive("any")), False, None),
        ("array<array<*int*>>", ArrayOf(ArrayOf(Primitive("integer"))), False, None),
        (
            "array<[Components\\X](../../Models/Components/X.md)>",
            ArrayOf(Link("../../Models/Components/X.md", "Components\\X")),
            False,
            None,
        ),
        (
            "[Components\\A|Components\\B](../../Models/Components/U.md)",
            Link(
                "../../Models/Components/U.md",
                "",
                (Link(None, "Components\\A"), Link(None, "Components\\B")),
            ),
            False,
            None,
        ),
        (
            "[string|int|null](../../Models/Components/U.md)",
            Link("../../Models/Components/U.md", "", (Primitive("string"), Primitive("integer"))),
            False,
            True,
        ),
        (
            "[?\\tigris\\core\\Models\\Shared\\X](../../Models/Shared/X.md)",
            Link("../../Models/Shared/X.md", "\\tigris\\core\\Models\\Shared\\X"),
            True,
            None,
        ),
    ],
)
def test_php_type_cells(cell: str, expected: object, optional: bool, nullable: bool | None) -> None:
    parsed = PHP.parse_type(cell)
    assert (parsed.type, parsed.optional, parsed.nullable) == (expected, optional, nullable)


@pytest.mark.parametrize(
    "cell",
    ["*str ing*", "*<x>*", "List<String>", "Record<string, *string*", "[x](y", "*string* junk", ""],
)
@pytest.mark.parametrize("dialect", ["typescript", "php"])
def test_unknown_notation_raises(dialect: str, cell: str) -> None:
    with pytest.raises(TypeNotationError):
        DIALECTS[dialect].parse_type(cell)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("`components.X`", Link(None, "components.X")),
        ("`string`", Primitive("string")),
        ("`number[]`", ArrayOf(Primitive("number"))),
        ("`{ [k: string]: models.X }`", MapOf(Link(None, "models.X"))),
    ],
)
def test_typescript_union_members(heading: str, expected: object) -> None:
    assert TS.parse_member(heading, "") == expected


def test_php_union_members() -> None:
    assert PHP.parse_member("`Components\\A`", "") == Link(None, "Components\\A")
    assert PHP.parse_member("`int`", "") == Primitive("integer")
    assert PHP.parse_member("`Components\\A|Components\\B`", "") == UnionOf(
        (Link(None, "Components\\A"), Link(None, "Components\\B"))
    )


@pytest.mark.parametrize(
    ("notation", "expected"),
    [
        ("*number*\n*boolean*\nRecord<string, *string*>", "typescript"),
        ("*?string*\narray<*int*>\n*mixed*", "php"),
        ("[Components\\Actor](../../Models/Components/Actor.md)\n*int*", "php"),
        ("```typescript", "typescript"),
        ("```php", "php"),
    ],
)
def test_detect(notation: str, expected: str) -> None:
    found = detect(notation)
    assert found is not None and found.name == expected


def test_undecided_pages_follow_their_folder() -> None:
    assert detect("*string*") is None  # both dialects read it the same way
    assert choose([None, PHP, None, TS, PHP]).name == "php"
    assert choose([None, None]).name == "typescript"
