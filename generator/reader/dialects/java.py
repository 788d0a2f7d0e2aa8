"""Java SDK docs: `*String*`, `*Optional\\<Long>*`, `[JsonNullable\\<X>](...)`, `List\\<X>`, `Map\\<String, X>`.

Type cells (grammar §4.2). Since about 2025 every `<` is written `\\<`, and nested ones can come out as
`\\\\<`; the ≤2024 output writes a raw `<`. Table cells arrive with `\\|` already unescaped, so the
remaining escapes are undone here, on the single cell, before it is parsed. Italic text and link text
hold a Java type expression: a wrapper (`Optional<T>`, `JsonNullable<T>`, the 2024 `Optional<? extends T>`),
a primitive or boxed type, a platform class (`OffsetDateTime`, `LocalDate`, `HttpResponse<InputStream>`,
`BigInteger`, ...), or a model class, by simple name (2025+) or fully qualified (≤2024:
`org.openapis.openapi.models.shared.Foo`). Collections sit outside links and italics.

Presence and null (grammar §3, the Clerk cross-join and the whole-corpus checks):

* `Optional<T>` is written for optional fields (541 of the cross-join) and for required nullable ones
  (153; 249 required rows over the corpus), so it sets `optional`: on a required row the reader reads it as
  nullable, on an optional row it says nothing about null.
* `JsonNullable<T>` is always an optional field that accepts null (2908 of 2908 rows are optional), so it
  sets `nullable=True` (and `optional`).
* A bare type says nothing: ≤2024 docs have no wrappers at all, so a required nullable field is shown bare
  there, and optional lists, maps, dates and links are bare in every era (2118 rows). `nullable` stays None.
* `@Nullable T` (the newest Setter Type column) says nullable outright.

Detection: `\\<`, `Optional`/`JsonNullable`, `*Long*`/`*Double*`/`*Boolean*`, `Map<String, `, fully
qualified link texts, `docs.oracle.com` links, bare `byte[]` and ```` ```java ```` are Java's alone.
`*String*` is Ruby 2023's too, so it counts only beside a lower-case primitive that Ruby never writes.
Those primitives (`*int*`, `*long*`, `*double*`, `*float*`, `*boolean*`) are written and counted by PHP,
C# or TypeScript as well: they are counted here too, so that on their own they cancel out and leave the
page to its folder.

Union pages are title-only in this corpus (`GenerateUnionDocs` off); the newest format's member headings
(`` `String` ``, ``[`MyObject`](../../models/shared/MyObject.md)``) are read by `parse_member`.
Enum pages show an Example Usage with the enum *constant* (`Foo value = Foo.SAML;`), not its wire value,
so no example value is read from it.
"""

from __future__ import annotations

import re

from ...ir import ArrayOf, Link, MapOf, Primitive, TypeExpr
from ..js_literal import ExampleSyntaxError
from .base import Cursor, ParsedType, TypeNotationError, count_signals

_PRIMITIVES: dict[str, TypeExpr] = {
    "String": Primitive("string"),
    "int": Primitive("integer"),
    "long": Primitive("integer"),
    "short": Primitive("integer"),
    "Integer": Primitive("integer"),
    "Long": Primitive("integer"),
    "Short": Primitive("integer"),
    "double": Primitive("number"),
    "float": Primitive("number"),
    "Double": Primitive("number"),
    "Float": Primitive("number"),
    "boolean": Primitive("boolean"),
    "Boolean": Primitive("boolean"),
    "Object": Primitive("any"),
    "BigInteger": Primitive("bigint"),
    "BigDecimal": Primitive("decimal"),
    "InputStream": Primitive("bytes"),
    "byte[]": Primitive("bytes"),
    "OffsetDateTime": Primitive("datetime"),
    "LocalDate": Primitive("date"),
}
# Platform classes that docs link to their Javadoc (or to the SDK's own utils source) instead of a model doc.
_LINKED_BUILTINS: dict[str, TypeExpr] = {
    "OffsetDateTime": Primitive("datetime"),
    "LocalDate": Primitive("date"),
    "Blob": Primitive("bytes"),
}
_WRAPPERS = ("Optional", "JsonNullable")
_CLASS = re.compile(r"^([a-z_][a-z0-9_]*\.)*[A-Za-z_][A-Za-z0-9_]*$")
_GENERIC = re.compile(r"^(?P<head>[A-Za-z_][A-Za-z0-9_.]*)<(?P<args>.*)>$", re.DOTALL)
_DOUBLE_ESCAPED_LT = "\\\\<"
_ESCAPED_LT = "\\<"
_SIGNALS = (
    # `\<`: the 2025+ markdown escape of `<`, written by no other dialect.
    re.compile(r"\\<"),
    re.compile(r"\b(?:Optional|JsonNullable)\\{0,2}<"),
    # Boxed types that Ruby 2023 (the other `*String*` dialect) does not write: it has `*Integer*`,
    # `*Float*`, `*Object*` and `T::Boolean`.
    re.compile(r"\*(?:Long|Double|Boolean)\*"),
    re.compile(r"\bMap\\{0,2}<String, "),
    # ≤2024 unescaped lists around a boxed type or a fully qualified class (C# has `*string*`, `[X]`).
    re.compile(r"(?<!\\)\bList<(?=\*[A-Z]|\[[a-z])"),
    re.compile(r"docs\.oracle\.com"),
    # A fully qualified class name as link text (≤2024): `[org.openapis.openapi.models.shared.X](`.
    re.compile(r"\[(?:[a-z][a-z0-9_]*\.){2,}[A-Z][A-Za-z0-9_]*\]\("),
    re.compile(r"(?m)^byte\[\]$"),
    re.compile(r"```java\b"),
)
# Lower-case primitives that Java writes and other dialects count as theirs (`*boolean*` TypeScript, `*int*`
# PHP and C#, `*long*` and `*double*` C#): counted here too, so that on their own they cancel out.
_SHARED = re.compile(r"\*(?:int|long|double|float|boolean)\*")
# `*String*` is Java's and Ruby 2023's; beside a lower-case primitive (Ruby writes `*Integer*`, `*Float*`,
# `T::Boolean`; C# writes `*string*`) it is Java's alone.
_STRING = re.compile(r"\*String\*")


class JavaDialect:
    name = "java"

    def score(self, notation: str) -> int:
        shared = len(_SHARED.findall(notation))
        strings = len(_STRING.findall(notation)) if shared else 0
        return count_signals(_SIGNALS, notation) + shared + strings

    def parse_type(self, cell: str) -> ParsedType:
        text = _unescape(cell.strip())
        declared_nullable = text.startswith("@Nullable ")
        if declared_nullable:
            text = text[len("@Nullable ") :].lstrip()
        cursor = Cursor(text)
        parsed = _cell(cursor)
        if not cursor.at_end():
            raise TypeNotationError(f"unexpected `{cursor.rest()}` in `{text}`")
        if declared_nullable:
            return ParsedType(parsed.type, parsed.optional, True)
        return parsed

    def parse_member(self, heading: str, code: str) -> TypeExpr:
        """A newest-format member heading: `` `String` `` or ``[`MyObject`](../../models/shared/MyObject.md)``."""
        text = _unescape(heading.strip())
        if text.startswith("["):
            cursor = Cursor(text)
            name, url = cursor.link()
            if not cursor.at_end():
                raise TypeNotationError(f"unexpected `{cursor.rest()}` in member `{text}`")
            return _expression(name.strip().strip("`").strip(), url).type
        inner = text.strip("`").strip()
        if not inner or inner.startswith("Discriminator:"):
            raise TypeNotationError(f"not a member type: `{text}`")
        return _expression(inner, None, unlinked_models=True).type

    def parse_example(self, code: str) -> object:
        raise ExampleSyntaxError("Java examples name the enum constant, not its wire value", 1, 1)


def _unescape(text: str) -> str:
    return text.replace(_DOUBLE_ESCAPED_LT, "<").replace(_ESCAPED_LT, "<")


def _cell(cursor: Cursor) -> ParsedType:
    """A cell's markdown layer: collections outside, then a link, an italic type or bare `byte[]`."""
    if cursor.eat("List<"):
        item = _cell(cursor)
        cursor.expect(">")
        return ParsedType(ArrayOf(item.type))
    if cursor.eat("Map<"):
        _map_key(cursor)
        value = _cell(cursor)
        cursor.expect(">")
        return ParsedType(MapOf(value.type))
    if cursor.startswith("["):
        text, url = cursor.link()
        return _expression(text.strip(), url)
    if cursor.startswith("*"):
        return _expression(cursor.delimited("*").strip(), None)
    if cursor.eat("byte[]"):
        # The bare request-body stream.
        return ParsedType(Primitive("bytes"))
    raise TypeNotationError(f"unknown type notation `{cursor.rest()}`")


def _map_key(cursor: Cursor) -> None:
    if not (cursor.eat("String") or cursor.eat("*String*")):
        raise TypeNotationError(f"map keys must be `String` in `{cursor.text}`")
    cursor.expect(", ")


def _expression(text: str, url: str | None, unlinked_models: bool = False) -> ParsedType:
    """A Java type expression, as written in italics (url None) or as link text.

    Italic text names no models, so an unknown name there is an error; in a union member heading
    (`unlinked_models`) a class name that is not a platform type is a model.
    """
    if text.startswith("? extends "):
        text = text[len("? extends ") :].strip()
    generic = _GENERIC.match(text)
    if generic:
        head, args = generic.group("head"), generic.group("args").strip()
        if head in _WRAPPERS:
            inner = _expression(args, url, unlinked_models)
            if head == "JsonNullable":
                return ParsedType(inner.type, True, True)
            return ParsedType(inner.type, True, inner.nullable)
        if head == "HttpResponse":
            # The raw response (`<InputStream>`, `<byte[]>`, or `<?>` for async SDKs).
            return ParsedType(Primitive("any"))
        if head == "List":
            return ParsedType(ArrayOf(_expression(args, url, unlinked_models).type))
        if head == "Map":
            key, sep, value = args.partition(",")
            if key.strip() != "String" or not sep:
                raise TypeNotationError(f"map keys must be `String` in `{text}`")
            return ParsedType(MapOf(_expression(value.strip(), url, unlinked_models).type))
        raise TypeNotationError(f"unknown generic type `{text}`")
    if url is not None and _is_model_link(url):
        if not _CLASS.match(text):
            raise TypeNotationError(f"unknown class name `{text}`")
        return ParsedType(Link(url, text))
    if url is not None:
        builtin = _LINKED_BUILTINS.get(text)
        if builtin is None:
            raise TypeNotationError(f"link to an unknown platform type `{text}`")
        return ParsedType(builtin)
    primitive = _PRIMITIVES.get(text)
    if primitive is not None:
        return ParsedType(primitive)
    if unlinked_models and _CLASS.match(text):
        return ParsedType(Link(None, text))
    raise TypeNotationError(f"unknown type `{text}`")


def _is_model_link(url: str) -> bool:
    """Model docs are linked by relative `.md` paths; platform types by web or source links."""
    return url.split("#", 1)[0].endswith(".md") and "://" not in url
