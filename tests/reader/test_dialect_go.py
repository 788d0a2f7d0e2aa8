"""The Go dialect: Type cells, union members, enum examples, detection, and the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ir import ArrayOf, Link, MapOf, Primitive, TypeExpr, UnionOf
from generator.reader import read_docs
from generator.reader.dialects import DIALECTS, ParsedType, TypeNotationError, detect
from generator.reader.js_literal import ExampleSyntaxError
from tests.helpers import CORPUS

GO = DIALECTS["go"]
TIME = "https://pkg.go.dev/time#Time"
BIG = "https://pkg.go.dev/math/big#Int"
DECIMAL = "https://pkg.go.dev/github.com/ericlagergren/decimal#Big"
HTTP = "https://pkg.go.dev/net/http#Response"
FOO_HREF = "../../models/components/foo.md"
FOO = Link(FOO_HREF, "components.Foo")
SHARED_X = Link("../../../pkg/models/shared/x.md", "shared.X")


def parsed(expr: TypeExpr, optional: bool = False) -> ParsedType:
    return ParsedType(expr, optional, None)  # Go never says null outright


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # New docs: code spans; a pointer is optional-or-nullable.
        ("`string`", parsed(Primitive("string"))),
        ("`*string`", parsed(Primitive("string"), optional=True)),
        ("`int64`", parsed(Primitive("integer"))),
        ("`*int64`", parsed(Primitive("integer"), optional=True)),
        ("`int`", parsed(Primitive("integer"))),
        ("`int32`", parsed(Primitive("integer"))),
        ("`float64`", parsed(Primitive("number"))),
        ("`*float64`", parsed(Primitive("number"), optional=True)),
        ("`float32`", parsed(Primitive("number"))),
        ("`bool`", parsed(Primitive("boolean"))),
        ("`*bool`", parsed(Primitive("boolean"), optional=True)),
        ("`any`", parsed(Primitive("any"))),
        ("`io.ReadCloser`", parsed(Primitive("bytes"))),
        # Old docs: italics around the Go type, so a pointer reads `**string*`.
        ("*string*", parsed(Primitive("string"))),
        ("**string*", parsed(Primitive("string"), optional=True)),
        ("*int*", parsed(Primitive("integer"))),
        ("**int64*", parsed(Primitive("integer"), optional=True)),
        ("*float32*", parsed(Primitive("number"))),
        ("**bool*", parsed(Primitive("boolean"), optional=True)),
        ("*interface{}*", parsed(Primitive("any"))),
        ("*[]byte*", parsed(Primitive("bytes"))),
        ("*io.ReadCloser*", parsed(Primitive("bytes"))),
        # Platform types.
        (f"[time.Time]({TIME})", parsed(Primitive("datetime"))),
        (f"[*time.Time]({TIME})", parsed(Primitive("datetime"), optional=True)),
        ("[types.Date](../../types/date.md)", parsed(Primitive("date"))),
        ("[*types.Date](../../types/date.md)", parsed(Primitive("date"), optional=True)),
        (f"[*big.Int]({BIG})", parsed(Primitive("bigint"))),  # always a pointer
        (f"[*decimal.Big]({DECIMAL})", parsed(Primitive("decimal"))),  # always a pointer
        (f"[*http.Response]({HTTP})", parsed(Primitive("any"))),
        # Models: the pointer is inside the link text.
        (f"[components.Foo]({FOO_HREF})", parsed(FOO)),
        (f"[*components.Foo]({FOO_HREF})", parsed(FOO, optional=True)),
        (
            "[*AppscopeConfig](../../models/shared/appscopeconfig.md)",
            parsed(Link("../../models/shared/appscopeconfig.md", "AppscopeConfig"), optional=True),
        ),
        # Slices and maps: prefixes outside the link, code span or italics.
        (f"[][components.Foo]({FOO_HREF})", parsed(ArrayOf(FOO))),
        ("[]`string`", parsed(ArrayOf(Primitive("string")))),
        ("[]*string*", parsed(ArrayOf(Primitive("string")))),
        ("[]*int64*", parsed(ArrayOf(Primitive("integer")))),
        ("[][]*string*", parsed(ArrayOf(ArrayOf(Primitive("string"))))),
        (
            "[][AppscopeProtocol](../../models/shared/appscopeprotocol.md)",
            parsed(ArrayOf(Link("../../models/shared/appscopeprotocol.md", "AppscopeProtocol"))),
        ),
        ("map[string]`any`", parsed(MapOf(Primitive("any")))),
        ("map[string]`string`", parsed(MapOf(Primitive("string")))),
        ("map[string]*interface{}*", parsed(MapOf(Primitive("any")))),
        ("map[string]*string*", parsed(MapOf(Primitive("string")))),
        ("map[string][]*string*", parsed(MapOf(ArrayOf(Primitive("string"))))),
        ("map[string]map[string]*string*", parsed(MapOf(MapOf(Primitive("string"))))),
        (
            "map[string][shared.X](../../../pkg/models/shared/x.md)",
            parsed(MapOf(SHARED_X)),
        ),
        (
            "map[string]map[string][shared.X](../../../pkg/models/shared/x.md)",
            parsed(MapOf(MapOf(SHARED_X))),
        ),
        (
            "[]map[string][shared.X](../../../pkg/models/shared/x.md)",
            parsed(ArrayOf(MapOf(SHARED_X))),
        ),
        (f"map[string][*big.Int]({BIG})", parsed(MapOf(Primitive("bigint")))),
        (f"[][*decimal.Big]({DECIMAL})", parsed(ArrayOf(Primitive("decimal")))),
        ("[][types.Date](../../types/date.md)", parsed(ArrayOf(Primitive("date")))),
        (f"map[string][time.Time]({TIME})", parsed(MapOf(Primitive("datetime")))),
        # A pointer inside a slice or map: the item may be null.
        ("[]`*string`", parsed(ArrayOf(UnionOf((Primitive("string"), Primitive("null")))))),
        (
            f"map[string][*components.Foo]({FOO_HREF})",
            parsed(MapOf(UnionOf((FOO, Primitive("null"))))),
        ),
    ],
)
def test_go_type_cells(cell: str, expected: ParsedType) -> None:
    assert GO.parse_type(cell) == expected


@pytest.mark.parametrize(
    "cell",
    [
        "*str*",  # Python
        "*?string*",  # PHP
        "*number*",  # TypeScript
        "`string",  # unclosed code span
        "[*components.Foo](",  # unclosed link
        "map[int]`string`",  # keys are always string
        "`string` extra",
        "Record<string, *string*>",
        "*",
        "",
    ],
)
def test_go_notation_errors(cell: str) -> None:
    with pytest.raises(TypeNotationError):
        GO.parse_type(cell)


@pytest.mark.parametrize(
    ("heading", "code", "expected"),
    [
        (
            "",
            "tagNames := operations.CreateTagNamesStr(string{/* values here */})",
            Primitive("string"),
        ),
        (
            "",
            "tagNames := operations.CreateTagNamesArrayOfStr([]string{/* values here */})",
            ArrayOf(Primitive("string")),
        ),
        (
            "",
            "body := operations.CreateBodyArrayOfTopLinks([]components.TopLinks{/* values here */})",
            ArrayOf(Link(None, "components.TopLinks")),
        ),
        (
            "LinkSchema",
            "body := operations.CreateBodyLinkSchema(components.LinkSchema{/* values here */})",
            Link(None, "components.LinkSchema"),
        ),
        ("", "u := shared.CreateUInteger(int64{/* values here */})", Primitive("integer")),
        ("", "u := shared.CreateUNumber(float64{/* values here */})", Primitive("number")),
        ("", "u := shared.CreateUBoolean(bool{/* values here */})", Primitive("boolean")),
        ("", "u := shared.CreateUBigint(*big.Int{/* values here */})", Primitive("bigint")),
        ("", "u := shared.CreateUDecimal(*decimal.Big{/* values here */})", Primitive("decimal")),
        (
            "",
            "u := operations.CreateUDateTime(time.Time{/* values here */})",
            Primitive("datetime"),
        ),
        (
            "",
            "u := shared.CreateUMapOfAny(map[string]any{/* values here */})",
            MapOf(Primitive("any")),
        ),
        # A bare name without a constructor to read.
        ("ExampleBoat", "", Link(None, "ExampleBoat")),
        ("`*string`", "", Primitive("string")),
    ],
)
def test_go_union_members(heading: str, code: str, expected: TypeExpr) -> None:
    assert GO.parse_member(heading, code) == expected


@pytest.mark.parametrize(
    ("heading", "code"),
    [("", ""), ("", "x := something"), ("", "u := shared.CreateU(str{/* values here */})")],
)
def test_go_union_member_errors(heading: str, code: str) -> None:
    with pytest.raises(TypeNotationError):
        GO.parse_member(heading, code)


@pytest.mark.parametrize(
    "code",
    [
        'import (\n\t"example.com/sdk/models/components"\n)\n\nvalue := components.AccessLevelWrite\n',
        '// Open enum: custom values can be created with a direct type cast\ncustom := shared.ListID("custom_value")\n',
    ],
)
def test_go_enum_examples_are_not_read(code: str) -> None:
    with pytest.raises(ExampleSyntaxError):
        GO.parse_example(code)


@pytest.mark.parametrize(
    "notation",
    [
        "`*string`\n`string`\n`bool`",
        f"[*components.Foo]({FOO_HREF})\n`string`",
        f"[components.A]({FOO_HREF})\n[components.B]({FOO_HREF})\n`*int64`",
        "**string*\n*string*\n*string*",
        "*int64*\n*int*\n*bool*",
        "[]*string*",
        "map[string]`any`",
        f"[time.Time]({TIME})",
        "*[]byte*",
        "```go",
        "ExampleBoat\n```go\n\n```go",
    ],
)
def test_go_pages_are_detected(notation: str) -> None:
    found = detect(notation)
    assert found is not None and found.name == "go"


def test_shared_notation_does_not_count() -> None:
    assert GO.score("*string*\n*string*") == 0
    assert GO.score("`string`\n`bool`") == 0  # TypeScript and Python union headings look the same
    assert GO.score("`*str*`") == 0  # Python's retry-config page
    assert detect("*string*") is None
    assert detect("*int*\n*bool*\n*string*") is None  # PHP reads the same italics


GO_FOLDERS = sorted(p.name for p in (CORPUS / "go").iterdir()) if (CORPUS / "go").is_dir() else []


@pytest.mark.corpus
@pytest.mark.parametrize("folder", GO_FOLDERS or ["(no corpus)"])
def test_go_corpus_reads_as_go(folder: str) -> None:
    root = CORPUS / "go" / folder
    if not root.is_dir():
        pytest.skip(f"the Go corpus is not beside the project ({CORPUS / 'go'})")
    spec = read_docs([Path(root)])
    unread = [d.render() for d in spec.diagnostics if d.code in ("DM120", "DM122")]
    assert not unread, "\n".join(unread[:20])
    assert spec.models
    assert {m.dialect for m in spec.models} == {"go"}
