"""The C# and Unity dialects: type cells (grammar §4.3, §8), union members, errors, detection, corpus."""

from __future__ import annotations

from collections import Counter

import pytest

from generator.ir import ArrayOf, Link, MapOf, Primitive, TypeExpr
from generator.reader import read_docs
from generator.reader.dialects import DIALECTS, TypeNotationError, detect
from generator.reader.js_literal import ExampleSyntaxError
from tests.helpers import CORPUS

CSHARP = DIALECTS["csharp"]
UNITY = DIALECTS["unity"]
MS = "https://learn.microsoft.com/en-us/dotnet/api"
DATETIME = f"[DateTime]({MS}/system.datetime?view=net-5.0)"
RESPONSE = f"[HttpResponseMessage]({MS}/system.net.http.httpresponsemessage?view=net-5.0)"
NODA = "[LocalDate](https://nodatime.org/3.1.x/api/NodaTime.LocalDate.html)"
STRING, INTEGER, NUMBER = Primitive("string"), Primitive("integer"), Primitive("number")
BOOLEAN, ANY, BYTES = Primitive("boolean"), Primitive("any"), Primitive("bytes")
PET = "../../Models/Components/Pet.md"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("*string*", STRING),
        ("*long*", INTEGER),
        ("*int*", INTEGER),
        ("*double*", NUMBER),
        ("*float*", NUMBER),
        ("*bool*", BOOLEAN),
        ("*object*", ANY),
        ("*BigInteger*", Primitive("bigint")),
        ("*decimal*", Primitive("decimal")),
        ("*byte[]*", BYTES),
        (DATETIME, Primitive("datetime")),
        (NODA, Primitive("date")),
        (f"[DateOnly]({MS}/system.dateonly)", Primitive("date")),
        ("DateOnly", Primitive("date")),
        (RESPONSE, ANY),
        ("*HttpRequestMessage*", ANY),
        ("List<*string*>", ArrayOf(STRING)),
        ("List<*long*>", ArrayOf(INTEGER)),
        ("List<List<*string*>>", ArrayOf(ArrayOf(STRING))),
        ("Dictionary<String, *object*>", MapOf(ANY)),
        ("Dictionary<String, List<*string*>>", MapOf(ArrayOf(STRING))),
        ("Dictionary<String, Dictionary<String, *string*>>", MapOf(MapOf(STRING))),
        (f"List<Dictionary<String, [Pet]({PET})>>", ArrayOf(MapOf(Link(PET, "Pet")))),
        (f"[Pet]({PET})", Link(PET, "Pet")),
        (
            "[Models.Components.Actor](../../Models/Components/Actor.md)",
            Link("../../Models/Components/Actor.md", "Models.Components.Actor"),
        ),
        ("[Pet](../../models/shared/Pet.md)", Link("../../models/shared/Pet.md", "Pet")),
        (
            "[Speakeasy.OpenAPI.Enum](../Models/Enum.md)",
            Link("../Models/Enum.md", "Speakeasy.OpenAPI.Enum"),
        ),
        (f"List<[Pet]({PET})>", ArrayOf(Link(PET, "Pet"))),
        # The Unity 2023 glitch, in both places it occurs.
        (f"List<[Pet]({PET})>   !!!", ArrayOf(Link(PET, "Pet"))),
        ("List<*string*>   !!!", ArrayOf(STRING)),
        ("Dictionary<String, List<*string*>   !!!>", MapOf(ArrayOf(STRING))),
    ],
)
@pytest.mark.parametrize("dialect", ["csharp", "unity"])
def test_type_cells(dialect: str, cell: str, expected: TypeExpr) -> None:
    parsed = DIALECTS[dialect].parse_type(cell)
    # C# and Unity docs never mark a type optional or nullable (grammar §3).
    assert (parsed.type, parsed.optional, parsed.nullable) == (expected, False, None)


@pytest.mark.parametrize(
    "cell",
    [
        "",
        "*String*",  # Java, not C#
        "*Pet*",  # italics never name a model
        "*string",
        "*string* junk",
        "*string?*",
        "List<*string*",
        "Dictionary<int, *string*>",
        "HashSet<*string*>",
        f"[Pet]({PET}",
        "[TimeSpan](https://learn.microsoft.com/en-us/dotnet/api/system.timespan)",
        f"[not a class]({PET})",
        "Pet",
    ],
)
@pytest.mark.parametrize("dialect", ["csharp", "unity"])
def test_unknown_notation_raises(dialect: str, cell: str) -> None:
    with pytest.raises(TypeNotationError):
        DIALECTS[dialect].parse_type(cell)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Str", STRING),
        ("Number", NUMBER),
        ("Integer", INTEGER),
        ("Boolean", BOOLEAN),
        ("ArrayOfAny", ArrayOf(ANY)),
        ("MapOfAny", MapOf(ANY)),
        ("ArrayOfMapOfAny", ArrayOf(MapOf(ANY))),
        ("ArrayOfStr", ArrayOf(STRING)),
        ("MapOfArrayOfNumber", MapOf(ArrayOf(NUMBER))),
        ("ArrayOfPet", ArrayOf(Link(None, "Pet"))),
        # .NET type names, as newer generators name the factories (`CreateArrayOfInt64`).
        ("Int32", INTEGER),
        ("Int64", INTEGER),
        ("Double", NUMBER),
        ("String", STRING),
        ("Decimal", Primitive("decimal")),
        ("DateTime", Primitive("datetime")),
        ("ArrayOfInt32", ArrayOf(INTEGER)),
        ("ArrayOfString", ArrayOf(STRING)),
        ("ArrayOfObject", ArrayOf(ANY)),
        ("MapOfArrayOfInt64", MapOf(ArrayOf(INTEGER))),
        ("MapOfMapOfDouble", MapOf(MapOf(NUMBER))),
        # A model whose schema name is a number is named in words; its member keeps the digits.
        ("ArrayOf5", ArrayOf(Link(None, "Five"))),
        ("MapOf42nd", MapOf(Link(None, "FortyTwoNd"))),
        ("ArrayOf105", ArrayOf(Link(None, "OneHundredFive"))),
        ("Pet", Link(None, "Pet")),
        ("VerificationOtp", Link(None, "VerificationOtp")),
        (" Pet ", Link(None, "Pet")),
    ],
)
def test_union_members(heading: str, expected: TypeExpr) -> None:
    assert CSHARP.parse_member(heading, "Union.CreateX(/* values here */);") == expected
    assert UNITY.parse_member(heading, "") == expected


@pytest.mark.parametrize("heading", ["", "Two words", "`a|b`", "[Pet](x.md)"])
def test_unknown_union_members_raise(heading: str) -> None:
    with pytest.raises(TypeNotationError):
        CSHARP.parse_member(heading, "")


def test_examples_are_not_read() -> None:
    # The snippet names the enum member (`Status.Active`), which is not the wire value (`active`).
    with pytest.raises(ExampleSyntaxError):
        CSHARP.parse_example("using Sdk.Models.Components;\n\nvar value = Status.Active;\n")


@pytest.mark.parametrize(
    "notation",
    [
        f"*string*\n*long*\n*bool*\n[Pet]({PET})",
        "*string*\n*double*",
        f"*string*\n*BigInteger*\n{NODA}",
        "Dictionary<String, *object*>\n*string*",
        "[Models.Components.Actor](../../Models/Components/Actor.md)\n*string*",
        f"*object*\n*int*\n{RESPONSE}",
        "```csharp",
    ],
)
def test_typical_pages_are_csharp(notation: str) -> None:
    found = detect(notation)
    assert found is not None and found.name == "csharp"


@pytest.mark.parametrize(
    "notation",
    [
        "*string*\nList<[Pet](../../Models/Shared/Pet.md)>   !!!\n*int*",
        "Dictionary<String, List<*string*>   !!!>",
    ],
)
def test_typical_unity_pages_are_unity(notation: str) -> None:
    found = detect(notation)
    assert found is not None and found.name == "unity"


def test_unity_pages_without_the_glitch_follow_their_folder() -> None:
    # Unity is C# of 2023: what it shares with C# scores the same for both, and decides nothing.
    notation = f"*string*\n*int*\n{DATETIME}\n{RESPONSE}\n[Pet](../../Models/Shared/Pet.md)"
    assert CSHARP.score(notation) == UNITY.score(notation) > 0
    assert detect(notation) is None


@pytest.mark.parametrize("notation", ["*string*", "*string*\n*string*", "*String*", "```php"])
@pytest.mark.parametrize("dialect", ["csharp", "unity"])
def test_ambiguous_notation_scores_nothing(dialect: str, notation: str) -> None:
    assert DIALECTS[dialect].score(notation) == 0


def test_shared_primitives_cancel_out() -> None:
    # `*int*` and `*bool*` are PHP's (and Python's) too: on their own they decide nothing.
    assert detect("*int*") is None
    assert detect("*string*\n*bool*") is None


FOLDERS = sorted(
    f"{dialect}/{p.name}"
    for dialect in ("csharp", "unity")
    if (CORPUS / dialect).is_dir()
    for p in (CORPUS / dialect).iterdir()
    if p.is_dir()
)


@pytest.mark.corpus
@pytest.mark.parametrize("folder", FOLDERS or ["(no corpus)"])
def test_corpus_folder_reads_as_its_dialect(folder: str) -> None:
    if not FOLDERS:
        pytest.skip(f"the C# and Unity corpus is not beside the project ({CORPUS})")
    spec = read_docs([CORPUS / folder])
    codes = Counter(d.code for d in spec.diagnostics)
    assert codes["DM120"] == 0 and codes["DM122"] == 0, [
        d.render() for d in spec.diagnostics if d.code in ("DM120", "DM122")
    ][:10]
    assert spec.models
    assert {m.dialect for m in spec.models} == {folder.partition("/")[0]}
