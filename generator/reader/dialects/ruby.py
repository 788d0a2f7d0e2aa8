"""Ruby SDK docs: `*::String*`, `[T.nilable(Models::Shared::X)](...)`, `T::Array<...>`, `T.any(...)`.

Two eras write the same shapes with different names (grammar, php-java-csharp-ruby.md §3, §4.4, §7):

* Sorbet (2023-2025): `*String*` / `*::String*`, `*T::Boolean*`, `T::Array<X>`, `T::Hash[Symbol, X]`,
  `T.nilable(X)`, `T.any(A, B)`; model paths `Shared::X`, `Operations::X`, `Models::Shared::X`,
  `::OpenApiSDK::Shared::X`, `Components::X`.
* Crystalline (Clerk 2026): `*Crystalline::Boolean.new*`, `Crystalline::Array<X>`,
  `Crystalline::Hash[Symbol, X]`, `Crystalline::Nilable.new(X)`, `Crystalline::Union.new(A, B)`;
  model paths `Models::Components::X`.

The markdown layer puts containers outside links with angle brackets for arrays (`T::Array<[X](x.md)>`)
but square ones for hashes (`T::Hash[Symbol, [X](x.md)]`); inside link text both use square brackets
(`[T.nilable(T.any(T::Array[T::Hash[Symbol, ::Object]], ::String))](u.md)`). Both spellings are read
in both places.

Dates are labelled the wrong way round by the generator (§4.4, confirmed by the 2023 tests and by the
Java Clerk docs, `LocalDate` where Ruby shows `[DateTime]`): the link `[Date](...)` means date-time and
`[DateTime](...)` means date. `::DateTime` as a `T.any` member means date-time. `[Faraday::Response]`
is the raw HTTP response (any). There is no bytes notation (binary shows as `::String`).

Unions. Ruby never writes `## Supported Types`: a union's page has only a title, and its members are
visible only in the link text of the cells that refer to it (§6: 343 of the 377 title-only pages are
targets of such cells). A cell like `[T.nilable(T.any(A, ::String))](../../models/shared/u.md)` is
therefore read as `Link(href, name, members)`: the field refers to the union's own page (so generated
code keeps its name) and the members travel with the link, so that resolving can give them to that
title-only page. Members are primitives or `Link(None, "Models::Components::A")`, found by name.
The link text names no page, so `name` is what Ruby's file naming implies (the file stem is the
lower-cased title, §1.2): the href's stem, qualified like the model members when they share one
qualifier. It is used only when the path does not resolve, as with Clerk's links into `models/shared/`
while the files are in `models/components/` (§4.6).

Nullability (§3; checked again on Clerk by joining each Ruby row with the same field of the Clerk
Python docs, whose `Nullable[...]` / `OptionalNullable[...]` say it outright):

* `T.nilable(T)` (Sorbet) is `optional=True`, nullability unknown: it is on optional rows only
  (11137/11137), and a required nullable field is shown bare, so a bare type says nothing either.
* `Crystalline::Nilable.new(T)` is `optional=True`, nullability unknown. On a required row the reader
  makes that nullable (182/182 such Clerk rows are `Nullable[...]` in Python); on an optional row it
  is either (293 `OptionalNullable`, 406 `Optional`).
* A cell in Crystalline notation that is not wrapped in `Crystalline::Nilable.new` (`*Crystalline::Boolean.new*`,
  `Crystalline::Array<...>`, `Crystalline::Hash[...]`) is `nullable=False`: in that era a nullable
  field is always wrapped (Python joins: 286 such rows, required and optional, none nullable). A bare
  `*::String*` or model link is left unknown, because the Sorbet era writes those for required
  nullable fields as well and a cell alone does not show its era.
* `T.nilable` nested inside a container or union member makes that item `X | null`.

Example Usage blocks only show enum members (`value = AccountStatus::ACTIVE`): a member name, not
its wire value, so no example value is read from them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from typing import TypeAlias

from ...ir import ArrayOf, Link, MapOf, Primitive, TypeExpr, UnionOf
from ..js_literal import ExampleSyntaxError
from .base import (
    Cursor,
    ParsedType,
    TypeNotationError,
    count_signals,
    read_whole,
)

_PRIMITIVES: dict[str, TypeExpr] = {
    "::String": Primitive("string"),
    "String": Primitive("string"),
    "::Integer": Primitive("integer"),
    "Integer": Primitive("integer"),
    "::Float": Primitive("number"),
    "Float": Primitive("number"),
    "T::Boolean": Primitive("boolean"),
    "Crystalline::Boolean.new": Primitive("boolean"),
    "::Object": Primitive("any"),
    "Object": Primitive("any"),
    "T.untyped": Primitive("any"),
    # Only seen as a `T.any(...)` member, where it means date-time (§4.4).
    "::DateTime": Primitive("datetime"),
}
# Link texts that name a platform type rather than a documented model (the date labels are swapped).
_LINKED_BUILTINS: dict[str, TypeExpr] = {
    "Date": Primitive("datetime"),
    "DateTime": Primitive("date"),
    "Faraday::Response": Primitive("any"),
}
_NILABLE = ("T.nilable(", "Crystalline::Nilable.new(")
_UNIONS = ("T.any(", "Crystalline::Union.new(")
_ARRAYS = ("T::Array", "Crystalline::Array")
_HASHES = ("T::Hash", "Crystalline::Hash")
_MAP_KEYS = ("Symbol", "::Symbol", "String", "::String")
_CLOSING = {"<": ">", "[": "]"}
_TOKEN = re.compile(r"[A-Za-z0-9_:.]+")
_CONSTANT = re.compile(r"(?:::)?[A-Z][A-Za-z0-9_]*(?:::[A-Z][A-Za-z0-9_]*)*")
# Namespaces of the type system itself: a name below them is notation, never a model.
_NOT_MODELS = ("T::", "T.", "Crystalline::", "::T::", "Sorbet::")
_NULL = Primitive("null")
_Parser: TypeAlias = Callable[[Cursor], tuple[TypeExpr, bool]]
_SIGNALS = (
    re.compile(r"T\.nilable\("),
    re.compile(r"T\.any\("),
    re.compile(r"T::(?:Array|Hash)[<\[]"),
    re.compile(r"T::Boolean"),
    re.compile(r"Crystalline::"),
    re.compile(r"(?<![A-Za-z0-9_:])::(?:String|Integer|Float|Object|DateTime)\b"),
    re.compile(r"ruby-doc\.org"),
    re.compile(r"Faraday::Response"),
    re.compile(r"```ruby"),
    re.compile(r"\[(?:::)?[A-Z][A-Za-z0-9_]*(?:::[A-Z][A-Za-z0-9_]*)+\]\("),
)


class RubyDialect:
    name = "ruby"

    def score(self, notation: str) -> int:
        return count_signals(_SIGNALS, notation)

    def parse_type(self, cell: str) -> ParsedType:
        text = cell.strip()
        expr, optional = read_whole(text, _cell)
        # Crystalline wraps every nullable field in `Crystalline::Nilable.new` (see the docstring).
        nullable = False if not optional and "Crystalline::" in text else None
        return ParsedType(expr, optional=optional, nullable=nullable)

    def parse_member(self, heading: str, code: str) -> TypeExpr:
        raise TypeNotationError("Ruby docs have no union member headings")

    def parse_example(self, code: str) -> object:
        raise ExampleSyntaxError(
            "Ruby examples name an enum member (`Enum::NAME`), not its wire value", 1, 1
        )


def _cell(cursor: Cursor) -> tuple[TypeExpr, bool]:
    """The markdown layer: a container, a link or an italic type; returns (type, nilable)."""
    container = _container(cursor, _cell)
    if container is not None:
        return container, False
    if cursor.startswith("["):
        text, url = cursor.link()
        return _link(text, url)
    if cursor.startswith("*"):
        inner = cursor.delimited("*").strip()
        inner_cursor = Cursor(inner)
        result = _expr(inner_cursor, in_link=False)
        if not inner_cursor.at_end():
            raise TypeNotationError(f"unexpected `{inner_cursor.rest()}` in `*{inner}*`")
        return result
    raise TypeNotationError(f"unknown type notation `{cursor.rest()}`")


def _container(cursor: Cursor, element: _Parser) -> ArrayOf | MapOf | None:
    """`T::Array<X>` / `T::Array[X]` and `T::Hash[Symbol, X]` (also `Crystalline::`), or None."""
    for head in _ARRAYS:
        for open_ in _CLOSING:
            if cursor.eat(head + open_):
                item = _item(*element(cursor))
                cursor.skip_spaces()
                cursor.expect(_CLOSING[open_])
                return ArrayOf(item)
    for head in _HASHES:
        for open_ in _CLOSING:
            if cursor.eat(head + open_):
                cursor.skip_spaces()
                if not any(cursor.eat(key) for key in _MAP_KEYS):
                    raise TypeNotationError(f"unknown map key type at `{cursor.rest()[:40]}`")
                cursor.skip_spaces()
                cursor.expect(",")
                cursor.skip_spaces()
                value = _item(*element(cursor))
                cursor.skip_spaces()
                cursor.expect(_CLOSING[open_])
                return MapOf(value)
    return None


def _expr(cursor: Cursor, in_link: bool) -> tuple[TypeExpr, bool]:
    """A Ruby type expression (italic or link text); returns (type, nilable)."""
    cursor.skip_spaces()
    for head in _NILABLE:
        if cursor.eat(head):
            inner, _ = _expr(cursor, in_link)
            cursor.skip_spaces()
            cursor.expect(")")
            return inner, True
    for head in _UNIONS:
        if cursor.eat(head):
            members = [_item(*_expr(cursor, in_link))]
            cursor.skip_spaces()
            while cursor.eat(","):
                members.append(_item(*_expr(cursor, in_link)))
                cursor.skip_spaces()
            cursor.expect(")")
            unique = tuple(dict.fromkeys(members))
            return (unique[0] if len(unique) == 1 else UnionOf(unique)), False
    container = _container(cursor, lambda c: _expr(c, in_link))
    if container is not None:
        return container, False
    match = _TOKEN.match(cursor.text, cursor.pos)
    if match is None:
        raise TypeNotationError(f"unknown type notation `{cursor.rest()}` in `{cursor.text}`")
    cursor.pos = match.end()
    return _name(match.group(), in_link), False


def _name(name: str, in_link: bool) -> TypeExpr:
    if name in _PRIMITIVES:
        return _PRIMITIVES[name]
    if in_link and name in _LINKED_BUILTINS:
        return _LINKED_BUILTINS[name]
    # A model path. Outside link text only a qualified one: a lone unknown name in italics is more
    # likely a primitive this dialect does not know than a model.
    qualified = "::" in name.lstrip(":")
    if _CONSTANT.fullmatch(name) and not name.startswith(_NOT_MODELS) and (in_link or qualified):
        return Link(None, name)
    raise TypeNotationError(f"unknown type `{name}`")


def _item(expr: TypeExpr, nilable: bool) -> TypeExpr:
    """A nested type (container item, union member): nilable there means `X | null`."""
    if not nilable:
        return expr
    members = expr.members if isinstance(expr, UnionOf) else (expr,)
    return UnionOf(tuple(dict.fromkeys((*members, _NULL))))


def _link(text: str, url: str) -> tuple[TypeExpr, bool]:
    cursor = Cursor(text.strip())
    expr, nilable = _expr(cursor, in_link=True)
    if not cursor.at_end():
        raise TypeNotationError(f"unexpected `{cursor.rest()}` in link text `{text}`")
    return _attach(expr, url), nilable


def _attach(expr: TypeExpr, url: str) -> TypeExpr:
    """Give the link target to what the link text names: a model, or a union (its own page)."""
    if isinstance(expr, Link):
        return Link(url, expr.text, expr.members)
    if isinstance(expr, ArrayOf):
        return ArrayOf(_attach(expr.item, url))
    if isinstance(expr, MapOf):
        return MapOf(_attach(expr.value, url))
    if isinstance(expr, UnionOf):
        others = [m for m in expr.members if m != _NULL]
        if len(others) == 1:  # a nested `T.nilable(X)`, not a written union
            return UnionOf((_attach(others[0], url), _NULL))
        return Link(url, _union_page_name(url, expr.members), expr.members)
    return expr


def _union_page_name(url: str, members: tuple[TypeExpr, ...]) -> str:
    """The title-only page a union link goes to, named as Ruby names files: `lowercase(Title).md`."""
    stem = posixpath.splitext(posixpath.basename(url.split("#", 1)[0]))[0]
    if not stem:
        return ""
    qualifiers = {
        m.text.rpartition("::")[0] for m in members if isinstance(m, Link) and "::" in m.text
    }
    return f"{qualifiers.pop()}::{stem}" if len(qualifiers) == 1 else stem
