"""The plain, hand-written form: `string`, `int`, `list[Foo]`, `Foo[]`, `map<string, Foo>`, `Foo | None`, `Foo`.

Backticks around a type are optional; a bare name is a model of that title (resolved by name), a link
`[Foo](foo.md)` a model by path. `Foo | None` and `Optional[Foo]` say that the field may be null.
"""

from __future__ import annotations

import json
import re

from ...ir import ArrayOf, Link, Literal, MapOf, Primitive, TypeExpr, UnionOf, walk_type
from ..js_literal import ExampleSyntaxError
from .base import Cursor, ParsedType, TypeNotationError, split_top_level

PRIMITIVES: dict[str, Primitive] = {
    "string": Primitive("string"),
    "str": Primitive("string"),
    "int": Primitive("integer"),
    "integer": Primitive("integer"),
    "float": Primitive("number"),
    "number": Primitive("number"),
    "double": Primitive("number"),
    "bool": Primitive("boolean"),
    "boolean": Primitive("boolean"),
    "date": Primitive("date"),
    "datetime": Primitive("datetime"),
    "date-time": Primitive("datetime"),
    "bytes": Primitive("bytes"),
    "decimal": Primitive("decimal"),
    "bigint": Primitive("bigint"),
    "any": Primitive("any"),
    "Any": Primitive("any"),
    "object": Primitive("any"),
}
_NULL = ("None", "null")
_LIST = ("list", "List", "array", "Array")
_MAP = ("dict", "Dict", "map", "Map")
_KEY = ("str", "string", "String")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:-[a-z]+)?(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
# SDK notation that a plain cell never holds: emphasis, links, escapes, qualified names of other languages.
_NOT_PLAIN = re.compile(r"[*\\:]|\]\(|^\[")
# A code block in an SDK language: the page is an SDK page (hand-written examples are JSON).
_PLAIN_CONSTRUCT = re.compile(r"\b(?:list|dict|map|Optional)[\[<]|\|\s*None\b")
_GO_SPELLINGS = frozenset({"string", "bool", "int", "any", "float64", "int64"})
_SDK_FENCE = re.compile(r"^```(?!json\s*$)\S", re.MULTILINE)


class PlainDialect:
    name = "plain"

    def score(self, notation: str) -> int:
        """Two points per type cell written plainly (no emphasis, link or escape), so it outweighs the
        one point other dialects give to a shared spelling such as `list[`."""
        points = 0
        for line in notation.splitlines():
            text = _unquote(line.strip())
            if not text or text.startswith("```") or _NOT_PLAIN.search(text):
                continue
            if text != line.strip() and text in _GO_SPELLINGS:
                continue  # Go writes `string`, `bool` in backticks
            try:
                parsed = parse_plain(text)
            except TypeNotationError:
                continue
            # Bare names are also how SDK union headings and Java's `byte[]` look: they need a plain construct.
            if _PLAIN_CONSTRUCT.search(text) or not any(
                isinstance(t, Link) for t in walk_type(parsed.type)
            ):
                points += 2
        if _SDK_FENCE.search(notation):
            return 0
        return points

    def parse_type(self, cell: str) -> ParsedType:
        return parse_plain(_unquote(cell.strip()))

    def parse_member(self, heading: str, code: str) -> TypeExpr:
        text = _unquote(heading.strip())
        if not text:
            raise TypeNotationError("empty member heading")
        parsed = parse_plain(text)
        return UnionOf((parsed.type, Primitive("null"))) if parsed.nullable else parsed.type

    def parse_example(self, code: str) -> object:
        try:
            return json.loads(code)
        except json.JSONDecodeError as exc:
            raise ExampleSyntaxError(f"not JSON: {exc.msg}", exc.lineno, exc.colno) from exc


def _unquote(text: str) -> str:
    if len(text) > 1 and text.startswith("`") and text.endswith("`"):
        return text[1:-1].strip()
    return text


def parse_plain(text: str) -> ParsedType:
    """A plain type; a top-level `| None` or `Optional[...]` makes it nullable instead of a union member,
    and a type without one is not nullable (the form says null outright)."""
    if not text:
        raise TypeNotationError("empty type")
    members = [m.strip() for m in split_top_level(text, "|")]
    nullable = any(m in _NULL for m in members)
    types = [_single(m) for m in members if m not in _NULL]
    if not types:
        return ParsedType(Primitive("null"), nullable=True)
    inner: list[TypeExpr] = []
    for expr in types:
        if isinstance(expr, UnionOf) and Primitive("null") in expr.members:
            nullable = True
            expr = _without_null(expr)
        inner.append(expr)
    unique = tuple(dict.fromkeys(inner))
    result = unique[0] if len(unique) == 1 else UnionOf(unique)
    # The plain form spells null out (`| None`, `Optional[...]`): a type without it is not nullable.
    return ParsedType(result, nullable=nullable)


def _without_null(expr: UnionOf) -> TypeExpr:
    rest = tuple(m for m in expr.members if m != Primitive("null"))
    return rest[0] if len(rest) == 1 else UnionOf(rest)


def _nested(text: str) -> TypeExpr:
    """A type inside brackets: a nullable one becomes a union with null."""
    parsed = parse_plain(text.strip())
    if parsed.nullable:
        members = parsed.type.members if isinstance(parsed.type, UnionOf) else (parsed.type,)
        return UnionOf((*members, Primitive("null")))
    return parsed.type


def _single(text: str) -> TypeExpr:
    if text.startswith('"'):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TypeNotationError(f"bad string literal `{text}`") from exc
        if not isinstance(value, str):
            raise TypeNotationError(f"bad string literal `{text}`")
        return Literal(value)
    if text.endswith("[]"):
        return ArrayOf(_single(text[:-2].strip()))
    cursor = Cursor(text)
    if cursor.startswith("["):
        label, url = cursor.link()
        if not cursor.at_end():
            raise TypeNotationError(f"unexpected `{cursor.rest()}` in `{text}`")
        label = _unquote(label.strip())
        if label in PRIMITIVES:
            return PRIMITIVES[label]
        return Link(url, label)
    match = _NAME.match(text)
    if match is None:
        raise TypeNotationError(f"unknown type notation `{text}`")
    name, rest = match.group(0), text[match.end() :].strip()
    if not rest:
        if name in PRIMITIVES:
            return PRIMITIVES[name]
        if "-" in name:
            raise TypeNotationError(f"unknown type `{name}`")
        return Link(None, name)
    if rest[0] in "[<" and rest[-1] == {"[": "]", "<": ">"}[rest[0]]:
        return _generic(name, rest[1:-1], text)
    raise TypeNotationError(f"unexpected `{rest}` in `{text}`")


def _generic(name: str, inside: str, text: str) -> TypeExpr:
    args = [a.strip() for a in split_top_level(inside, ",")]
    if name in _LIST and len(args) == 1:
        return ArrayOf(_nested(args[0]))
    if name in _MAP and len(args) == 2 and args[0] in _KEY:
        return MapOf(_nested(args[1]))
    if name == "Optional" and len(args) == 1:
        return _nested(f"{args[0]} | None")
    if name == "Literal":
        return _single_literal(args, text)
    raise TypeNotationError(f"unknown type `{text}`")


def _single_literal(args: list[str], text: str) -> TypeExpr:
    if len(args) != 1:
        raise TypeNotationError(f"a literal holds one value: `{text}`")
    try:
        value = json.loads(args[0])
    except json.JSONDecodeError as exc:
        raise TypeNotationError(f"bad literal in `{text}`") from exc
    if not isinstance(value, str | int | bool) or isinstance(value, float):
        raise TypeNotationError(f"bad literal in `{text}`")
    return Literal(value)
