"""The Java dialect: type cells (every notation of grammar §4.2), union members, errors, detection, corpus."""

from __future__ import annotations

from collections import Counter

import pytest

from generator.ir import ArrayOf, Link, MapOf, Primitive, TypeExpr
from generator.reader import read_docs
from generator.reader.dialects import DIALECTS, TypeNotationError, detect
from generator.reader.js_literal import ExampleSyntaxError
from tests.helpers import CORPUS as ALL_CORPUS

JAVA = DIALECTS["java"]
CORPUS = ALL_CORPUS / "java"
ORACLE = "https://docs.oracle.com/javase/8/docs/api/java/time"
HTTP_RESPONSE = "https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpResponse.html"
STRING, INTEGER, NUMBER = Primitive("string"), Primitive("integer"), Primitive("number")
BOOLEAN, ANY, BYTES = Primitive("boolean"), Primitive("any"), Primitive("bytes")
PET = "../../models/components/Pet.md"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("*String*", STRING),
        ("*int*", INTEGER),
        ("*long*", INTEGER),
        ("*Integer*", INTEGER),
        ("*Long*", INTEGER),
        ("*double*", NUMBER),
        ("*Double*", NUMBER),
        ("*float*", NUMBER),
        ("*Float*", NUMBER),
        ("*boolean*", BOOLEAN),
        ("*Boolean*", BOOLEAN),
        ("*Object*", ANY),
        ("*BigInteger*", Primitive("bigint")),
        ("*BigDecimal*", Primitive("decimal")),
        ("*byte[]*", BYTES),
        ("byte[]", BYTES),
        (f"[OffsetDateTime]({ORACLE}/OffsetDateTime.html)", Primitive("datetime")),
        (f"[LocalDate]({ORACLE}/LocalDate.html)", Primitive("date")),
        (rf"[HttpResponse\<InputStream>]({HTTP_RESPONSE})", ANY),
        (rf"[HttpResponse\<?>]({HTTP_RESPONSE})", ANY),
        (f"[HttpResponse<byte[]>]({HTTP_RESPONSE})", ANY),
        ("[Blob](../../src/main/java/com/example/utils/Blob.java)", BYTES),
        (f"[Pet]({PET})", Link(PET, "Pet")),
        (
            "[org.openapis.openapi.models.shared.Pet](../../models/shared/Pet.md)",
            Link("../../models/shared/Pet.md", "org.openapis.openapi.models.shared.Pet"),
        ),
        (r"List\<*String*>", ArrayOf(STRING)),
        (rf"List\<[Pet]({PET})>", ArrayOf(Link(PET, "Pet"))),
        (r"Map\<String, *Object*>", MapOf(ANY)),
        (r"Map\<String, List\\<*String*>>", MapOf(ArrayOf(STRING))),
        (r"List\<List\\<*Long*>>", ArrayOf(ArrayOf(INTEGER))),
        ("List<*Long*>", ArrayOf(INTEGER)),
        ("Map<String, *String*>", MapOf(STRING)),
        ("Map<String, Map<String, *String*>>", MapOf(MapOf(STRING))),
        (
            "List<Map<String, [org.openapis.openapi.models.shared.Pet](../../models/shared/Pet.md)>>",
            ArrayOf(
                MapOf(Link("../../models/shared/Pet.md", "org.openapis.openapi.models.shared.Pet"))
            ),
        ),
        ("  *String*  ", STRING),
    ],
)
def test_plain_cells(cell: str, expected: TypeExpr) -> None:
    assert JAVA.parse_type(cell) == JAVA.parse_type(cell.strip())
    parsed = JAVA.parse_type(cell)
    # A bare type says nothing about null: ≤2024 docs show required nullable fields bare.
    assert (parsed.type, parsed.optional, parsed.nullable) == (expected, False, None)


@pytest.mark.parametrize(
    ("cell", "expected", "optional", "nullable"),
    [
        (r"*Optional\<String>*", STRING, True, None),
        (r"*Optional\<Long>*", INTEGER, True, None),
        (r"*Optional\<Boolean>*", BOOLEAN, True, None),
        (r"*Optional\<Double>*", NUMBER, True, None),
        (r"*Optional\<Float>*", NUMBER, True, None),
        (r"*Optional\<Object>*", ANY, True, None),
        (r"*Optional\<InputStream>*", BYTES, True, None),
        (r"*JsonNullable\<String>*", STRING, True, True),
        (r"*JsonNullable\<Long>*", INTEGER, True, True),
        (r"*JsonNullable\<Object>*", ANY, True, True),
        ("*Optional<? extends String>*", STRING, True, None),
        ("*Optional<? extends Long>*", INTEGER, True, None),
        (rf"[Optional\<Pet>]({PET})", Link(PET, "Pet"), True, None),
        (rf"[JsonNullable\<Pet>]({PET})", Link(PET, "Pet"), True, True),
        (
            "[Optional<? extends com.tigrisdata.tigris_core.models.shared.Pet>](../../models/shared/Pet.md)",
            Link("../../models/shared/Pet.md", "com.tigrisdata.tigris_core.models.shared.Pet"),
            True,
            None,
        ),
        ("@Nullable *String*", STRING, False, True),
        (r"@Nullable List\<*String*>", ArrayOf(STRING), False, True),
    ],
)
def test_wrapped_cells(
    cell: str, expected: TypeExpr, optional: bool, nullable: bool | None
) -> None:
    parsed = JAVA.parse_type(cell)
    assert (parsed.type, parsed.optional, parsed.nullable) == (expected, optional, nullable)


@pytest.mark.parametrize(
    "cell",
    [
        "",
        "*string*",  # C#, not Java
        "*Pet*",  # italics never name a model
        "*String",
        "*String* junk",
        r"List\<*String*",
        r"Map\<Integer, *String*>",
        r"Set\<*String*>",
        "[Pet](../../models/components/Pet.md",
        "[Instant](https://docs.oracle.com/javase/8/docs/api/java/time/Instant.html)",
        "[not a class](../../models/components/Pet.md)",
        r"*Optional\<Foo>*",
        "Pet",
    ],
)
def test_unknown_notation_raises(cell: str) -> None:
    with pytest.raises(TypeNotationError):
        JAVA.parse_type(cell)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("`String`", STRING),
        ("`long`", INTEGER),
        ("`List<String>`", ArrayOf(STRING)),
        (r"`Map\<String, Object>`", MapOf(ANY)),
        ("[`Pet`](../../models/shared/Pet.md)", Link("../../models/shared/Pet.md", "Pet")),
        ("`Pet`", Link(None, "Pet")),
    ],
)
def test_union_members(heading: str, expected: TypeExpr) -> None:
    assert JAVA.parse_member(heading, "Union value = Union.of(...);") == expected


@pytest.mark.parametrize("heading", ["", "``", "Discriminator: `type`", "`not a type`"])
def test_unknown_union_members_raise(heading: str) -> None:
    with pytest.raises(TypeNotationError):
        JAVA.parse_member(heading, "")


def test_examples_are_not_read() -> None:
    # The snippet names the enum constant (`Status.ACTIVE`), which is not the wire value (`active`).
    with pytest.raises(ExampleSyntaxError):
        JAVA.parse_example("import a.b.Status;\n\nStatus value = Status.ACTIVE;\n")


@pytest.mark.parametrize(
    "notation",
    [
        r"*String*" "\n" r"*Optional\<Long>*" "\n" r"*JsonNullable\<Boolean>*",
        r"*String*" "\n" r"List\<[Pet](../../models/components/Pet.md)>",
        "*String*\n*long*\n*boolean*",
        "*String*\n*Long*\n*Integer*",
        "*String*\n[org.openapis.openapi.models.shared.Pet](../../models/shared/Pet.md)",
        "Map<String, *String*>\n*Integer*",
        f"*String*\n[OffsetDateTime]({ORACLE}/OffsetDateTime.html)",
        "```java",
    ],
)
def test_typical_pages_are_java(notation: str) -> None:
    found = detect(notation)
    assert found is not None and found.name == "java"


@pytest.mark.parametrize(
    "notation",
    [
        "*string*",
        "*String*",  # Ruby 2023 writes it too
        "*String*\n*Integer*\n*Object*",  # ... and these
        "[Pet](../../models/components/Pet.md)",
    ],
)
def test_ambiguous_notation_scores_nothing(notation: str) -> None:
    assert JAVA.score(notation) == 0


def test_shared_primitives_cancel_out() -> None:
    # `*boolean*` is TypeScript's too, `*long*` C#'s: on their own they decide nothing.
    assert detect("*boolean*") is None
    assert detect("*long*") is None


FOLDERS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []


@pytest.mark.corpus
@pytest.mark.parametrize("folder", FOLDERS or ["(no corpus)"])
def test_corpus_folder_reads_as_java(folder: str) -> None:
    if not FOLDERS:
        pytest.skip(f"the Java corpus is not beside the project ({CORPUS})")
    spec = read_docs([CORPUS / folder])
    codes = Counter(d.code for d in spec.diagnostics)
    assert codes["DM120"] == 0 and codes["DM122"] == 0, [
        d.render() for d in spec.diagnostics if d.code in ("DM120", "DM122")
    ][:10]
    assert spec.models
    assert {m.dialect for m in spec.models} == {"java"}
