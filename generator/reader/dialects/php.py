"""PHP SDK docs: `*?string*`, `[?Components\\X](...)`, `array<X>`, `array<string, X>`, member lists."""

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
    split_top_level,
)

_PRIMITIVES: dict[str, TypeExpr] = {
    "string": Primitive("string"),
    "int": Primitive("integer"),
    "float": Primitive("number"),
    "bool": Primitive("boolean"),
    "mixed": Primitive("any"),
    "array": ArrayOf(Primitive("any")),
    "\\Brick\\Math\\BigInteger": Primitive("bigint"),
    "\\Brick\\Math\\BigDecimal": Primitive("decimal"),
    "\\DateTime": Primitive("datetime"),
    "\\Psr\\Http\\Message\\ResponseInterface": Primitive("any"),
    "\\Psr\\Http\\Message\\RequestInterface": Primitive("any"),
}
_CLASS = re.compile(r"^\\?([A-Za-z_][A-Za-z0-9_]*\\)*[A-Za-z_][A-Za-z0-9_]*$")
_SIGNALS = (
    re.compile(r"\*\?[a-z]+\*"),
    re.compile(r"array<"),
    re.compile(r"\*(int|float|bool|mixed)\*"),
    re.compile(r"\[\\DateTime\]"),
    re.compile(r"\[\??\\?[A-Z][A-Za-z0-9_]*\\[A-Za-z0-9_\\|?]+\]\("),
    re.compile(r"```php"),
)


class PhpDialect:
    name = "php"

    def score(self, notation: str) -> int:
        return count_signals(_SIGNALS, notation)

    def parse_type(self, cell: str) -> ParsedType:
        return read_whole(cell.strip(), _cell)

    def parse_example(self, code: str) -> object:
        raise ExampleSyntaxError("PHP docs show no example values", 1, 1)

    def parse_member(self, heading: str, code: str) -> TypeExpr:
        text = heading.strip().strip("`").strip()
        if not text:
            raise TypeNotationError("empty member heading")
        members = [_name(part.strip()) for part in text.split("|")]
        return members[0] if len(members) == 1 else UnionOf(tuple(members))


def _cell(cursor: Cursor) -> ParsedType:
    if cursor.eat("array<"):
        key_or_item = _cell(cursor)
        if cursor.eat(", "):
            value = _cell(cursor)
            cursor.expect(">")
            return ParsedType(MapOf(value.type))
        cursor.expect(">")
        return ParsedType(ArrayOf(key_or_item.type))
    if cursor.startswith("["):
        text, url = cursor.link()
        return _link(text, url)
    if cursor.startswith("*"):
        inner = cursor.delimited("*").strip()
        optional = inner.startswith("?")
        return ParsedType(_name(inner.lstrip("?")), optional=optional)
    if cursor.eat("string"):
        # The bare key type of `array<string, X>`.
        return ParsedType(Primitive("string"))
    raise TypeNotationError(f"unknown type notation `{cursor.rest()}`")


def _link(text: str, url: str) -> ParsedType:
    optional = text.startswith("?")
    names = [part.strip() for part in split_top_level(text.lstrip("?"), "|")]
    nullable = True if "null" in names else None
    names = [name for name in names if name != "null"]
    if len(names) == 1:
        name = names[0]
        if name in _PRIMITIVES:
            return ParsedType(_PRIMITIVES[name], optional, nullable)
        if not _CLASS.match(name):
            raise TypeNotationError(f"unknown class name `{name}`")
        return ParsedType(Link(url, name), optional, nullable)
    # A member list: the link goes to the union's own page, whose title the text does not show.
    members = tuple(_name(name) for name in names)
    return ParsedType(Link(url, "", members), optional, nullable)


def _name(name: str) -> TypeExpr:
    if name in _PRIMITIVES:
        return _PRIMITIVES[name]
    if name == "null":
        return Primitive("null")
    if _CLASS.match(name):
        return Link(None, name)
    raise TypeNotationError(f"unknown type `{name}`")
