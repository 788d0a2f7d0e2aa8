"""The Python dialect: Type cells, union members, enum examples, detection, and the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ir import ArrayOf, Link, Literal, MapOf, Primitive, TypeExpr, UnionOf
from generator.reader import read_docs
from generator.reader.dialects import DIALECTS, ParsedType, TypeNotationError, detect
from generator.reader.js_literal import ExampleSyntaxError
from tests.helpers import CORPUS

PY = DIALECTS["python"]
DATE_DOC = "https://docs.python.org/3/library/datetime.html#date-objects"
DATETIME_DOC = "https://docs.python.org/3/library/datetime.html#datetime-objects"
FOO = Link("../models/foo.md", "models.Foo")
NULL = Primitive("null")


def parsed(expr: TypeExpr, optional: bool = False, nullable: bool | None = None) -> ParsedType:
    return ParsedType(expr, optional, nullable)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # Primitives: unwrapped, so not nullable (Any admits None, so it does not say).
        ("*str*", parsed(Primitive("string"), nullable=False)),
        ("*int*", parsed(Primitive("integer"), nullable=False)),
        ("*float*", parsed(Primitive("number"), nullable=False)),
        ("*bool*", parsed(Primitive("boolean"), nullable=False)),
        ("*bytes*", parsed(Primitive("bytes"), nullable=False)),
        ("*Any*", parsed(Primitive("any"))),
        ("*Decimal*", parsed(Primitive("decimal"), nullable=False)),
        ("*Optional[Decimal]*", parsed(Primitive("decimal"), optional=True)),
        # The three wrappers.
        ("*Optional[str]*", parsed(Primitive("string"), optional=True)),
        ("*OptionalNullable[str]*", parsed(Primitive("string"), optional=True, nullable=True)),
        ("*Nullable[str]*", parsed(Primitive("string"), nullable=True)),
        ("*Nullable[Any]*", parsed(Primitive("any"), nullable=True)),
        ("*Optional[Any]*", parsed(Primitive("any"), optional=True)),
        # Models: the wrapper is inside the link text.
        ("[models.Foo](../models/foo.md)", parsed(FOO, nullable=False)),
        ("[Optional[models.Foo]](../models/foo.md)", parsed(FOO, optional=True)),
        (
            "[OptionalNullable[models.Foo]](../models/foo.md)",
            parsed(FOO, optional=True, nullable=True),
        ),
        ("[Nullable[models.Foo]](../models/foo.md)", parsed(FOO, nullable=True)),
        (
            "[Optional[shared.Foo]](../../models/shared/foo.md)",
            parsed(Link("../../models/shared/foo.md", "shared.Foo"), optional=True),
        ),
        (
            "[Foo](../../models/shared/foo.md)",
            parsed(Link("../../models/shared/foo.md", "Foo"), nullable=False),
        ),
        # Containers outside the link or italics; their nullability is not shown.
        ("List[[models.Foo](../models/foo.md)]", parsed(ArrayOf(FOO))),
        ("List[*str*]", parsed(ArrayOf(Primitive("string")))),
        ("Dict[str, *Any*]", parsed(MapOf(Primitive("any")))),
        ("Dict[str, [models.Foo](../models/foo.md)]", parsed(MapOf(FOO))),
        ("list[*int*]", parsed(ArrayOf(Primitive("integer")))),
        ("dict[str, *str*]", parsed(MapOf(Primitive("string")))),
        ("list[dict[str, *Any*]]", parsed(ArrayOf(MapOf(Primitive("any"))))),
        ("List[List[[models.Foo](../models/foo.md)]]", parsed(ArrayOf(ArrayOf(FOO)))),
        ("Dict[str, List[*str*]]", parsed(MapOf(ArrayOf(Primitive("string"))))),
        # A wrapper inside a container: the item may be null.
        (
            "Dict[str, [Nullable[models.Foo]](../models/foo.md)]",
            parsed(MapOf(UnionOf((FOO, NULL)))),
        ),
        ("List[*Optional[int]*]", parsed(ArrayOf(UnionOf((Primitive("integer"), NULL))))),
        # Constants.
        ('*Literal["wandb"]*', parsed(Literal("wandb"), nullable=False)),
        ('*Optional[Literal["log_update"]]*', parsed(Literal("log_update"), optional=True)),
        ("*Literal[True]*", parsed(Literal(True), nullable=False)),
        ("*Literal[False]*", parsed(Literal(False), nullable=False)),
        ("*Literal[1]*", parsed(Literal(1), nullable=False)),
        ('*Literal[""]*', parsed(Literal(""), nullable=False)),
        # File content and event streams.
        (
            "*Union[bytes, IO[bytes], io.BufferedReader]*",
            parsed(Primitive("bytes"), nullable=False),
        ),
        ("*Union[bytes, IO[bytes], io.IOBase]*", parsed(Primitive("bytes"), nullable=False)),
        ("*Optional[bytes]*", parsed(Primitive("bytes"), optional=True)),
        (
            "*Optional[Union[eventstreaming.EventStream[models.Ev], "
            "eventstreaming.EventStreamAsync[models.Ev]]]*",
            parsed(ArrayOf(Link(None, "models.Ev")), optional=True),
        ),
        # Old unions: the members are spelled out and the link goes to the union's page.
        (
            "[Union[shared.A, str]](../../models/shared/anyval.md)",
            parsed(
                Link(
                    "../../models/shared/anyval.md",
                    "",
                    (Link(None, "shared.A"), Primitive("string")),
                ),
                nullable=False,
            ),
        ),
        (
            "[Optional[Union[bool, int]]](../../models/shared/u.md)",
            parsed(
                Link("../../models/shared/u.md", "", (Primitive("boolean"), Primitive("integer"))),
                optional=True,
            ),
        ),
        (
            "[Union[datetime, int]](../../models/operations/u.md)",
            parsed(
                Link(
                    "../../models/operations/u.md",
                    "",
                    (Primitive("datetime"), Primitive("integer")),
                ),
                nullable=False,
            ),
        ),
        (
            "Dict[str, [Union[str, List[str]]](../../models/shared/v.md)]",
            parsed(
                MapOf(
                    Link(
                        "../../models/shared/v.md",
                        "",
                        (Primitive("string"), ArrayOf(Primitive("string"))),
                    )
                )
            ),
        ),
        (
            "*Union[str, int]*",
            parsed(UnionOf((Primitive("string"), Primitive("integer"))), nullable=False),
        ),
        # The standard library's date labels are swapped: `date` is a date-time, `datetime` a date.
        (f"[date]({DATE_DOC})", parsed(Primitive("datetime"), nullable=False)),
        (f"[datetime]({DATETIME_DOC})", parsed(Primitive("date"), nullable=False)),
        (f"List[[datetime]({DATETIME_DOC})]", parsed(ArrayOf(Primitive("date")))),
        (f"Dict[str, [date]({DATE_DOC})]", parsed(MapOf(Primitive("datetime")))),
        # SDK-added raw responses.
        ("[httpx.Response](https://www.python-httpx.org/api/#response)", parsed(Primitive("any"))),
        ("[httpx.Request](https://www.python-httpx.org/api/#request)", parsed(Primitive("any"))),
        (
            "[requests.Response](https://requests.readthedocs.io/en/latest/api/)",
            parsed(Primitive("any")),
        ),
        ("*Optional[requests_http.Response]*", parsed(Primitive("any"), optional=True)),
    ],
)
def test_python_type_cells(cell: str, expected: ParsedType) -> None:
    assert PY.parse_type(cell) == expected


@pytest.mark.parametrize(
    "cell",
    [
        "*string*",  # TypeScript
        "*?string*",  # PHP
        "`*string`",  # Go
        "*Optional[str]",  # unclosed italics
        "List[*str*",  # unclosed container
        "Dict[int, *str*]",  # keys are always str
        "*Literal[foo]*",
        "[widget](https://example.com/widget)",  # an unknown platform type
        "*str* extra",
        "Record<string, *str*>",
        "",
    ],
)
def test_python_notation_errors(cell: str) -> None:
    with pytest.raises(TypeNotationError):
        PY.parse_type(cell)


@pytest.mark.parametrize(
    ("heading", "code", "expected"),
    [
        ("`models.Foo`", "value: models.Foo = /* values here */", Link(None, "models.Foo")),
        ("`str`", "value: str = /* values here */", Primitive("string")),
        ("`int`", "", Primitive("integer")),
        ("`float`", "", Primitive("number")),
        ("`bool`", "", Primitive("boolean")),
        ("`datetime`", "", Primitive("datetime")),  # a Python type name, not a swapped link label
        ("`List[models.Foo]`", "", ArrayOf(Link(None, "models.Foo"))),
        ("`List[str]`", "", ArrayOf(Primitive("string"))),
        ("`List[List[models.Foo]]`", "", ArrayOf(ArrayOf(Link(None, "models.Foo")))),
        ("`Dict[str, Any]`", "", MapOf(Primitive("any"))),
        (
            "`Union[eventstreaming.EventStream[models.E], eventstreaming.EventStreamAsync[models.E]]`",
            "",
            ArrayOf(Link(None, "models.E")),
        ),
        # Old docs: a bare name, or nothing; the code block's annotation tells the type.
        (
            "SimpleObject",
            "anyVal: shared.SimpleObject = /* values here */",
            Link(None, "shared.SimpleObject"),
        ),
        ("SimpleObject", "", Link(None, "SimpleObject")),
        ("", "oneOfSameType: str = /* values here */", Primitive("string")),
        ("", "union: List[str] = /* values here */", ArrayOf(Primitive("string"))),
        ("", "union: Decimal = /* values here */", Primitive("decimal")),
        ("", "union: datetime = /* values here */", Primitive("datetime")),
    ],
)
def test_python_union_members(heading: str, code: str, expected: TypeExpr) -> None:
    assert PY.parse_member(heading, code) == expected


@pytest.mark.parametrize(
    ("heading", "code"),
    [("", ""), ("", "// No examples available for this model"), ("`Record<string, str>`", "")],
)
def test_python_union_member_errors(heading: str, code: str) -> None:
    with pytest.raises(TypeNotationError):
        PY.parse_member(heading, code)


def test_python_open_enum_examples_give_their_value() -> None:
    code = (
        "from sdk.models import Endpoint\n\n"
        "# Open enum: unrecognized values are captured as UnrecognizedStr\n"
        'value: Endpoint = "/v1/things"\n'
    )
    assert PY.parse_example(code) == "/v1/things"
    assert PY.parse_example("value: Status = 404\n") == 404


@pytest.mark.parametrize(
    "code",
    [
        "from sdk.models import NextAction\n\nvalue = NextAction.NEEDS_PREPARE\n",
        "value: Flag = True\n",
        "",
    ],
)
def test_python_closed_enum_examples_are_not_read(code: str) -> None:
    with pytest.raises(ExampleSyntaxError):
        PY.parse_example(code)


@pytest.mark.parametrize(
    "notation",
    [
        "*str*\n*Optional[int]*\n[models.Foo](../models/foo.md)",
        "[models.A](../models/a.md)\n[models.B](../models/b.md)\n[models.C](../models/c.md)\n*str*",
        "*int*\n*bool*\n*float*\nList[*str*]",
        "```python",
        "`models.A`\n```python\n`str`\n```python",
        f"[date]({DATE_DOC})",
        "[requests.Response](https://requests.readthedocs.io/en/latest/api/)\n*int*",
    ],
)
def test_python_pages_are_detected(notation: str) -> None:
    found = detect(notation)
    assert found is not None and found.name == "python"


def test_shared_notation_does_not_count() -> None:
    assert PY.score("*string*\n*string*") == 0
    assert detect("*string*") is None
    # Notation that TypeScript or PHP count as theirs only makes a tie, so the folder decides.
    assert detect("[models.Foo](../models/foo.md)") is None
    assert detect("*int*\n*bool*") is None
    for notation, expected in (
        ("*number*\n*boolean*", "typescript"),
        ("*?string*\narray<*int*>", "php"),
    ):
        found = detect(notation)
        assert found is not None and found.name == expected


PY_FOLDERS = (
    sorted(p.name for p in (CORPUS / "python").iterdir()) if (CORPUS / "python").is_dir() else []
)


@pytest.mark.corpus
@pytest.mark.parametrize("folder", PY_FOLDERS or ["(no corpus)"])
def test_python_corpus_reads_as_python(folder: str) -> None:
    root = CORPUS / "python" / folder
    if not root.is_dir():
        pytest.skip(f"the Python corpus is not beside the project ({CORPUS / 'python'})")
    spec = read_docs([Path(root)])
    unread = [d.render() for d in spec.diagnostics if d.code in ("DM120", "DM122")]
    assert not unread, "\n".join(unread[:20])
    assert spec.models
    assert {m.dialect for m in spec.models} == {"python"}
