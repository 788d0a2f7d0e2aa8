"""Go SDK docs: `` `*string` ``, `**string*`, `[*components.X](...)`, `[]` and `map[string]` prefixes.

Where things are written (grammar §4): the slice and map prefixes `[]` and `map[string]` stand outside the
code span, italics or link; the pointer star stands inside them (`` `*string` ``, `[*components.X](...)`,
and in old docs the italics of a pointer, `**string*`). `*[]byte*` is bytes, not a slice.

Nullability, as the notation says it (`ParsedType.optional` / `.nullable`):

* A pointer `*T` means optional-or-nullable (`optional=True`): new docs write it for 8,834 optional rows and
  for 1,482 required rows, which are the required nullable fields; Go has no other nullable marker.
* `*big.Int` and `*decimal.Big` are pointers even on required rows (every required bigint/decimal row of the
  gen-tests docs), and `*http.Response` is the SDK's raw response: their star says nothing (`optional=False`).
* `nullable` is never said outright (None), and a bare type does not say not-null: old docs (CLI 1.119)
  write required nullable fields without a pointer (all 18 such rows of the gen-tests docs, checked against
  the Python docs of the same spec, where they are `Optional[...]` and required), and optional slices and maps
  never get a pointer (1,914 rows).
* A pointer nested in a slice or a map (`[]*T`) becomes a union with `null`.

Platform types: `time.Time` date-time, `types.Date` date, `big.Int` bigint, `decimal.Big` decimal, `[]byte`
and `io.ReadCloser` bytes, `http.Response` any; `int`, `int32`, `int64` integer; `float32`, `float64` number;
`any` and `interface{}` any.
"""

from __future__ import annotations

import re

from ...ir import ArrayOf, Link, MapOf, Primitive, TypeExpr, UnionOf
from ..js_literal import ExampleSyntaxError
from .base import (
    Cursor,
    ParsedType,
    TypeNotationError,
    count_signals,
    read_whole,
)

_NAMES: dict[str, TypeExpr] = {
    "string": Primitive("string"),
    "bool": Primitive("boolean"),
    **{
        name: Primitive("integer")
        for name in (
            "int",
            "int8",
            "int16",
            "int32",
            "int64",
            "uint",
            "uint8",
            "uint16",
            "uint32",
            "uint64",
        )
    },
    "float32": Primitive("number"),
    "float64": Primitive("number"),
    "any": Primitive("any"),
    "interface{}": Primitive("any"),
    "[]byte": Primitive("bytes"),
    "io.ReadCloser": Primitive("bytes"),
    "io.Reader": Primitive("bytes"),
    "time.Time": Primitive("datetime"),
    "types.Date": Primitive("date"),
    "big.Int": Primitive("bigint"),
    "decimal.Big": Primitive("decimal"),
    "http.Response": Primitive("any"),
}
# Types that Go docs always show as pointers, whether the field is optional or not.
_ALWAYS_POINTERS = frozenset({"big.Int", "decimal.Big", "http.Response"})
_QUALIFIED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
# `x := pkg.CreateUnionMember(T{/* values here */})`: T is the member's type.
_CONSTRUCTOR = re.compile(
    r":=\s*[A-Za-z_][A-Za-z0-9_.]*\(\s*(?P<type>[*\[\]A-Za-z0-9_.]+(?:\{\})?)\s*\{", re.MULTILINE
)
_GO_SCALARS = r"(?:u?int(?:8|16|32|64)?|float(?:32|64)|string|bool|any|interface\{\})"
# Signals that only Go docs write.
_SIGNALS = (
    re.compile(r"```go\b"),
    re.compile(r"pkg\.go\.dev"),
    # A pointer inside a code span: `*string`, `*int64`, `*components.X` (new docs).
    re.compile(r"`\*[A-Za-z_][A-Za-z0-9_.]*(?:\{\})?`"),
    re.compile(r"`(?:u?int(?:8|16|32|64)|float(?:32|64)|interface\{\}|io\.ReadCloser)`"),
    # Slice and map prefixes outside the code span, italics or link.
    re.compile(r"^(?:\[\]|map\[string\])+(?=[`*\[])", re.MULTILINE),
    re.compile(r"\[\*[A-Za-z_][A-Za-z0-9_.]*\]\("),
    # Old docs: italics of Go-only scalars and of pointers (`**string*`).
    re.compile(
        r"(?<![*\w])\*(?:u?int(?:8|16|32|64)|float(?:32|64)|interface\{\}|io\.ReadCloser)\*"
    ),
    re.compile(rf"(?<![*\w])\*\*{_GO_SCALARS}\*(?![*\w])"),
    re.compile(r"\*\[\]byte\*"),
)
# Go notation that other dialects count as theirs (TypeScript: a link whose text is a lower-case qualified
# name, and `*[`; PHP: `*int*`, `*bool*`). Counted here too, so that a Go page written only in it ties, and
# then takes the dialect of its folder, instead of going to the other dialect.
_SHARED = (
    re.compile(r"\[[a-z]+\.[A-Z][A-Za-z0-9_]*\]\("),
    re.compile(r"\*\[\]byte\*"),
    re.compile(r"\*(?:int|bool)\*"),
)


class GoDialect:
    name = "go"

    def score(self, notation: str) -> int:
        return count_signals(_SIGNALS, notation) + count_signals(_SHARED, notation)

    def parse_type(self, cell: str) -> ParsedType:
        return read_whole(cell.strip(), _cell)

    def parse_member(self, heading: str, code: str) -> TypeExpr:
        text = heading.strip()
        if text.startswith("`") and text.endswith("`") and len(text) > 1:
            return _member(text[1:-1].strip())
        constructor = _CONSTRUCTOR.search(code)
        if constructor is not None:
            try:
                return _member(constructor.group("type"))
            except TypeNotationError:
                if not text:
                    raise
        if not text:
            raise TypeNotationError(
                "empty member heading and no `x := pkg.CreateX(T{...})` in its code"
            )
        return _member(text)

    def parse_example(self, code: str) -> object:
        raise ExampleSyntaxError("Go examples name an enum member, not its value", 1, 1)


def _cell(cursor: Cursor) -> ParsedType:
    """One Type cell: slice and map prefixes, then a code span, a link or italics."""
    if cursor.eat("[]"):
        return ParsedType(ArrayOf(_item(_cell(cursor))))
    if cursor.eat("map[string]"):
        return ParsedType(MapOf(_item(_cell(cursor))))
    if cursor.startswith("`"):
        return _top(cursor.delimited("`").strip(), None)
    if cursor.startswith("["):
        text, url = cursor.link()
        return _top(text.strip(), url)
    if cursor.startswith("*"):
        # Italics hold the rest of the cell; old docs write a pointer as `**string*`.
        rest = cursor.rest()
        if len(rest) < 3 or not rest.endswith("*"):
            raise TypeNotationError(f"unclosed `*` in `{cursor.text}`")
        cursor.pos = len(cursor.text)
        return _top(rest[1:-1].strip(), None)
    raise TypeNotationError(f"unknown type notation `{cursor.rest()}`")


def _item(parsed: ParsedType) -> TypeExpr:
    return _or_null(parsed.type) if parsed.optional else parsed.type


def _top(text: str, url: str | None) -> ParsedType:
    """A Go type that fills a cell: a leading pointer star means optional-or-nullable."""
    inner, pointer = _unpoint(text)
    return ParsedType(_bare(inner, url), optional=pointer)


def _unpoint(text: str) -> tuple[str, bool]:
    """Strip pointer stars; returns (type, whether the star says optional-or-nullable)."""
    inner = text.lstrip("*").strip()
    return inner, inner != text and inner not in _ALWAYS_POINTERS


def _nested(text: str, url: str | None) -> TypeExpr:
    inner, pointer = _unpoint(text)
    expr = _bare(inner, url)
    return _or_null(expr) if pointer else expr


def _bare(text: str, url: str | None) -> TypeExpr:
    """A Go type without a leading pointer. `url` is the link target, given to the model it names."""
    if text in _NAMES:
        return _NAMES[text]
    if text.startswith("[]"):
        return ArrayOf(_nested(text[2:], url))
    if text.startswith("map[string]"):
        return MapOf(_nested(text[len("map[string]") :], url))
    if _QUALIFIED.match(text) and ("." in text or not text[0].islower()):
        # A model: qualified (`models.Foo`) or, in old docs, a bare class name (`Foo`).
        return Link(url, text)
    raise TypeNotationError(f"unknown type `{text}`")


def _member(text: str) -> TypeExpr:
    """A union member's Go type (from its heading or constructor): a pointer there says nothing."""
    return _bare(text.strip().lstrip("*").strip(), None)


def _or_null(expr: TypeExpr) -> TypeExpr:
    if isinstance(expr, Primitive) and expr.kind in ("any", "null"):
        return expr
    if isinstance(expr, UnionOf):
        return UnionOf((*expr.members, Primitive("null")))
    return UnionOf((expr, Primitive("null")))
