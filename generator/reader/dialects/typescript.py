"""TypeScript SDK docs: `*string*`, `[components.X](...)`, `X[]`, `Record<string, X>`, `*"const"*`.

Streams: SDKs whose operations stream their results write the item type inside a generic wrapper, in union
member headings (`` `JsonLStream<models.X>` ``, grammar §1.8) and in cells (`*EventStream<models.X>*`,
`AsyncIterable<[models.X](...)>`). The wrappers of a sequence (`JsonLStream`, `EventStream`,
`ReadableStream`, `AsyncIterable`, `AsyncIterator`, `AsyncGenerator`, `Iterable`, `Array`, `ReadonlyArray`)
are read as an array of the item: a JSON-lines or event stream read whole is a list of its items, which is
what a Python model of the payload can hold (`ReadableStream<Uint8Array>` stays bytes). Any other generic
(`Promise<X>`, `Partial<X>`, a wrapper nobody here has seen) is notation the dialect does not know.
"""

from __future__ import annotations

import json
import re

from ...ir import ArrayOf, Link, Literal, MapOf, Primitive, TypeExpr, UnionOf
from ..js_literal import parse_typescript_example
from .base import (
    Cursor,
    ParsedType,
    TypeNotationError,
    count_signals,
    split_top_level,
)

_PRIMITIVES: dict[str, TypeExpr] = {
    "string": Primitive("string"),
    "number": Primitive("number"),
    "boolean": Primitive("boolean"),
    "any": Primitive("any"),
    "BigInt": Primitive("bigint"),
    "bigint": Primitive("bigint"),
    "Uint8Array": Primitive("bytes"),
    "ReadableStream<Uint8Array>": Primitive("bytes"),
    "true": Literal(True),
    "false": Literal(False),
    "null": Primitive("null"),
}
# Link texts that name a platform type rather than a documented model.
_LINKED_BUILTINS: dict[str, TypeExpr] = {
    "Date": Primitive("datetime"),
    "RFCDate": Primitive("date"),
    "types.RFCDate": Primitive("date"),
    "File": Primitive("bytes"),
    "Blob": Primitive("bytes"),
    "Response": Primitive("any"),
    "AxiosResponse": Primitive("any"),
    "AxiosResponse>": Primitive("any"),
}
_QUALIFIED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
#: Generic wrappers of a sequence of items (their last name; `streaming.EventStream` counts too).
_SEQUENCES = frozenset(
    (
        "JsonLStream",
        "EventStream",
        "ReadableStream",
        "AsyncIterable",
        "AsyncIterator",
        "AsyncGenerator",
        "Iterable",
        "Array",
        "ReadonlyArray",
    )
)
_GENERIC = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)<")
_SIGNALS = (
    re.compile(r"\*number\*"),
    re.compile(r"\*boolean\*"),
    re.compile(r"Record<string, "),
    re.compile(r"\)\[\]|\*\[\]"),
    re.compile(r"\[Date\]\(https://developer\.mozilla"),
    re.compile(r"```typescript"),
    re.compile(r"\[[a-z]+\.[A-Z][A-Za-z0-9_]*\]\("),
    re.compile(r"\*BigInt\*|\*any\*"),
)


class TypeScriptDialect:
    name = "typescript"

    def score(self, notation: str) -> int:
        return count_signals(_SIGNALS, notation)

    def parse_type(self, cell: str) -> ParsedType:
        return ParsedType(_parse(cell.strip()))

    def parse_member(self, heading: str, code: str) -> TypeExpr:
        text = heading.strip().strip("`").strip()
        if not text:
            raise TypeNotationError("empty member heading")
        return _member(text)

    def parse_example(self, code: str) -> object:
        return parse_typescript_example(code)


def _parse(text: str) -> TypeExpr:
    members = [part.strip() for part in split_top_level(text, "|")]
    if len(members) > 1:
        types = tuple(dict.fromkeys(_parse(member) for member in members))
        return types[0] if len(types) == 1 else UnionOf(types)
    cursor = Cursor(text)
    result = _postfix(cursor)
    if not cursor.at_end():
        raise TypeNotationError(f"unexpected `{cursor.rest()}` in `{text}`")
    return result


def _postfix(cursor: Cursor) -> TypeExpr:
    result = _atom(cursor)
    while cursor.eat("[]"):
        result = ArrayOf(result)
    return result


def _atom(cursor: Cursor) -> TypeExpr:
    if cursor.eat("Record<string, "):
        value = _inner_type(cursor)
        cursor.expect(">")
        return MapOf(value)
    generic = _GENERIC.match(cursor.text, cursor.pos)
    if generic is not None:
        _sequence_wrapper(generic.group("name"))
        cursor.pos = generic.end()
        item = _inner_type(cursor)
        cursor.expect(">")
        return _sequence(generic.group("name"), item)
    if cursor.startswith("["):
        text, url = cursor.link()
        builtin = _LINKED_BUILTINS.get(text)
        if builtin is not None:
            return builtin
        return Link(url, text)
    if cursor.startswith("*"):
        return _italic(cursor.delimited("*"))
    raise TypeNotationError(f"unknown type notation `{cursor.rest()}`")


def _inner_type(cursor: Cursor) -> TypeExpr:
    """A type nested inside `Record<...>`: may itself be a union written with `|`."""
    start = cursor.pos
    depth = 0
    while not cursor.at_end():
        ch = cursor.text[cursor.pos]
        if ch in "<[(":
            depth += 1
        elif ch in ">])":
            if depth == 0 and ch == ">":
                break
            depth -= 1
        cursor.pos += 1
    return _parse(cursor.text[start : cursor.pos].strip())


def _italic(inner: str) -> TypeExpr:
    inner = inner.strip()
    if inner in _PRIMITIVES:
        return _PRIMITIVES[inner]
    if inner.startswith('"'):
        try:
            value = json.loads(inner)
        except json.JSONDecodeError as exc:
            raise TypeNotationError(f"bad string literal `{inner}`") from exc
        return Literal(value)
    if re.fullmatch(r"-?\d+", inner):
        return Literal(int(inner))
    if _GENERIC.match(inner):
        try:
            return _member(inner)
        except TypeNotationError as exc:
            raise TypeNotationError(f"unknown type `*{inner}*`: {exc}") from None
    if _QUALIFIED.match(inner):
        # An unlinked qualified name is a union model that has its own Supported Types doc.
        return Link(None, inner)
    raise TypeNotationError(f"unknown type `*{inner}*`")


def _member(text: str) -> TypeExpr:
    """A backticked TypeScript type from a union member heading: `string`, `components.X[]`, ..."""
    if text.endswith("[]"):
        return ArrayOf(_member(text[:-2].strip()))
    mapping = re.fullmatch(r"\{\s*\[k: string\]:\s*(?P<value>.+?)\s*\}", text)
    if mapping:
        return MapOf(_member(mapping.group("value")))
    if text.startswith("Record<string, ") and text.endswith(">"):
        return MapOf(_member(text[len("Record<string, ") : -1]))
    if text in _PRIMITIVES:
        return _PRIMITIVES[text]
    generic = _GENERIC.match(text)
    if generic is not None and text.endswith(">"):
        _sequence_wrapper(generic.group("name"))
        return _sequence(generic.group("name"), _member(text[generic.end() : -1].strip()))
    if text in ("Date",):
        return Primitive("datetime")
    if text.startswith('"'):
        return _italic(text)
    if _QUALIFIED.match(text):
        return Link(None, text)
    raise TypeNotationError(f"unknown member type `{text}`")


def _sequence_wrapper(wrapper: str) -> None:
    """Raise unless `wrapper` is a generic wrapper of a sequence."""
    if wrapper.rpartition(".")[2] not in _SEQUENCES:
        raise TypeNotationError(f"unknown generic type `{wrapper}<...>`")


def _sequence(wrapper: str, item: TypeExpr) -> TypeExpr:
    """`Wrapper<item>`: an array of the item (a stream read whole); a stream of bytes is bytes."""
    _sequence_wrapper(wrapper)
    if wrapper.rpartition(".")[2] == "ReadableStream" and item == Primitive("bytes"):
        return Primitive("bytes")
    return ArrayOf(item)
