"""C# SDK docs: `*string*`, `*long*`, `[DateTime](...)`, `List<X>`, `Dictionary<String, X>`, `### Str` members.

Type cells (grammar §4.3): italic primitives (`*string*`, `*long*`, `*int*`, `*double*`, `*float*`, `*bool*`,
`*object*`, `*decimal*`, `*BigInteger*`, `*byte[]*`, `*HttpRequestMessage*`), links to platform docs
(`[DateTime]`, `[LocalDate]` (NodaTime), `[DateOnly]`, `[HttpResponseMessage]`), links to model docs whose
text is a simple name or, when the simple name is ambiguous, a dotted one (`Models.Components.Actor`), the
collections `List<X>` and `Dictionary<String, X>` (never escaped), and the newest Unity's bare `DateOnly`.
The Unity 2023 generator appends `   !!!` to list item types (`List<[X](...)>   !!!`,
`Dictionary<String, List<*string*>   !!!>`); that glitch is dropped wherever it stands.

Presence and null (grammar §3): C# and Unity docs carry no optional or nullable marker at all. In the Clerk
cross-join the same bare notation stands for required (966), optional (541), optional nullable (212) and
required nullable (153) fields, so `optional` is always False and `nullable` always None: the Required
column is the only information.

Union pages (`## Supported Types`, 352 in the corpus) have bare member headings that name the factory
(`### Str` with `Union.CreateStr(...)`): the member type is inferred from that name. Enum pages show an
Example Usage with the enum *member name* (`var value = Status.Active;`), not its wire value, so no example
value is read from it.

Detection: what only the C# family writes (`Dictionary<String, `, `learn.microsoft.com` links, a raw `List<`
around a C# type, model links with plain names into a `Models/` folder) scores for C# and Unity alike; what
the Unity 2023 generator does not write (`*long*`, `*double*`, `*object*`, `*decimal*`, `*BigInteger*`,
NodaTime links, `[Models.X.Y]`, ```` ```csharp ````) scores for C# only. `*long*` and `*double*` are Java's
too, and Java counts them as well. `*int*`, `*bool*` and `*float*` are written by PHP, Python and Java as
well and PHP counts them: they are counted here too, so that on their own they cancel out and leave the page
to its folder. `*string*` counts only beside `*long*` or `*double*`, a pair no other dialect writes.

The Unity dialect (unity.py) is this one with its own detection signals.
"""

from __future__ import annotations

import re

from ...ir import ArrayOf, Link, MapOf, Primitive, TypeExpr
from ..js_literal import ExampleSyntaxError
from .base import (
    Cursor,
    ParsedType,
    TypeNotationError,
    count_signals,
    read_whole,
)

_PRIMITIVES: dict[str, TypeExpr] = {
    "string": Primitive("string"),
    "long": Primitive("integer"),
    "int": Primitive("integer"),
    "short": Primitive("integer"),
    "byte": Primitive("integer"),
    "double": Primitive("number"),
    "float": Primitive("number"),
    "decimal": Primitive("decimal"),
    "BigInteger": Primitive("bigint"),
    "bool": Primitive("boolean"),
    "object": Primitive("any"),
    "byte[]": Primitive("bytes"),
    "Stream": Primitive("bytes"),
    "DateTime": Primitive("datetime"),
    "LocalDate": Primitive("date"),
    "DateOnly": Primitive("date"),
    "HttpRequestMessage": Primitive("any"),
    "HttpResponseMessage": Primitive("any"),
}
# Platform types that docs link to their reference pages instead of a model doc.
_LINKED_BUILTINS: dict[str, TypeExpr] = {
    "DateTime": Primitive("datetime"),
    "LocalDate": Primitive("date"),
    "DateOnly": Primitive("date"),
    "HttpResponseMessage": Primitive("any"),
    "HttpRequestMessage": Primitive("any"),
}
# Bare (neither italic nor linked) type names: the newest Unity writes `DateOnly` so.
_BARE: dict[str, TypeExpr] = {"DateOnly": Primitive("date")}
_CLASS = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_UNITY_GLITCH = re.compile(r" *!!!")
# Union member names (`### Str`, `Union.CreateStr(...)`), as the C# generator names its factories: its own
# words, and (newer generators) the .NET type names (`### Int64`, `### ArrayOfInt32`, `### MapOfDouble`).
_MEMBER_NAMES: dict[str, TypeExpr] = {
    "Str": Primitive("string"),
    "Number": Primitive("number"),
    "Integer": Primitive("integer"),
    "Boolean": Primitive("boolean"),
    "String": Primitive("string"),
    "Int16": Primitive("integer"),
    "Int32": Primitive("integer"),
    "Int64": Primitive("integer"),
    "Long": Primitive("integer"),
    "Double": Primitive("number"),
    "Single": Primitive("number"),
    "Float": Primitive("number"),
    "Decimal": Primitive("decimal"),
    "BigInteger": Primitive("bigint"),
    "Bool": Primitive("boolean"),
    "DateTime": Primitive("datetime"),
    "DateOnly": Primitive("date"),
    "LocalDate": Primitive("date"),
}
_MEMBER_ITEMS: dict[str, TypeExpr] = {
    **_MEMBER_NAMES,
    "Any": Primitive("any"),
    "Object": Primitive("any"),
}
_LEADING_NUMBER = re.compile(r"^(?P<number>[0-9]+)(?P<rest>.*)$")
_ONES = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
]
_TENS = ["_", "_", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]

# Notation that C# and Unity (its 2023 generator) share and no other dialect writes.
_FAMILY_SIGNALS = (
    re.compile(r"Dictionary<String, "),
    re.compile(r"learn\.microsoft\.com"),
    # A raw `List<` around a lower-case C# primitive, a model link or another collection (Java ≤2024 writes
    # `List<*String*>` and `List<[org.openapis...X](...)>`; Java 2025+ escapes it: `List\<`).
    re.compile(r"(?<!\\)\bList<(?=\*[a-z]|\[[A-Z]|List<|Dictionary<)"),
    # A model link whose text has no backslash (PHP) into a capitalised `Models/` folder (Java, Ruby, TS, Go
    # and Python docs live in `models/`).
    re.compile(r"\[[A-Z][A-Za-z0-9_.]*\]\((?:\.\.?/)*Models/"),
    # Primitives that C# writes and PHP (and Java: `*int*`) counts as its own: counted here too, so that on
    # their own they cancel out.
    re.compile(r"\*(?:int|bool|float)\*"),
)
# Notation of the C# generator that the Unity 2023 generator does not write (none of it occurs in its
# 90 pages, which have `*int*` and no `*long*`).
_CSHARP_SIGNALS = (
    re.compile(r"```csharp\b"),
    re.compile(r"nodatime\.org"),
    re.compile(r"\[Models\.[A-Z]"),
    # `*long*` and `*double*` are Java's too (which counts them as well).
    re.compile(r"\*(?:long|double|object|decimal|BigInteger|HttpRequestMessage)\*"),
)
# `*string*` is written by most dialects, but beside `*long*` or `*double*` only by C# (Java writes
# `*String*`, PHP and Python `*int*`, `*float*`, Go `*int64*`, `*float64*`, TypeScript `*number*`).
_STRING = re.compile(r"\*string\*")
_WIDE_NUMBER = re.compile(r"\*(?:long|double)\*")


def family_score(notation: str) -> int:
    """The score of notation that C# and Unity share."""
    return count_signals(_FAMILY_SIGNALS, notation)


class CSharpDialect:
    name = "csharp"

    def score(self, notation: str) -> int:
        strings = len(_STRING.findall(notation)) if _WIDE_NUMBER.search(notation) else 0
        return family_score(notation) + count_signals(_CSHARP_SIGNALS, notation) + strings

    def parse_type(self, cell: str) -> ParsedType:
        return ParsedType(read_whole(_UNITY_GLITCH.sub("", cell).strip(), _cell))

    def parse_member(self, heading: str, code: str) -> TypeExpr:
        name = heading.strip().strip("`").strip()
        if not _CLASS.match(name):
            raise TypeNotationError(f"member heading `{heading.strip()}` is not a name")
        return _member(name)

    def parse_example(self, code: str) -> object:
        raise ExampleSyntaxError("C# examples name the enum member, not its wire value", 1, 1)


def _cell(cursor: Cursor) -> TypeExpr:
    if cursor.eat("List<"):
        item = _cell(cursor)
        cursor.expect(">")
        return ArrayOf(item)
    if cursor.eat("Dictionary<"):
        if not (cursor.eat("String") or cursor.eat("string")):
            raise TypeNotationError(f"dictionary keys must be `String` in `{cursor.text}`")
        cursor.expect(", ")
        value = _cell(cursor)
        cursor.expect(">")
        return MapOf(value)
    if cursor.startswith("["):
        text, url = cursor.link()
        return _link(text.strip(), url)
    if cursor.startswith("*"):
        inner = cursor.delimited("*").strip()
        primitive = _PRIMITIVES.get(inner)
        if primitive is None:
            raise TypeNotationError(f"unknown type `*{inner}*`")
        return primitive
    for name, bare in _BARE.items():
        if cursor.eat(name):
            return bare
    raise TypeNotationError(f"unknown type notation `{cursor.rest()}`")


def _link(text: str, url: str) -> TypeExpr:
    if url.split("#", 1)[0].endswith(".md") and "://" not in url:
        if not _CLASS.match(text):
            raise TypeNotationError(f"unknown class name `{text}`")
        return Link(url, text)
    builtin = _LINKED_BUILTINS.get(text)
    if builtin is None:
        raise TypeNotationError(f"link to an unknown platform type `{text}`")
    return builtin


def _member(name: str) -> TypeExpr:
    """`Str`, `Int64`, `ArrayOfStr`, `MapOfAny`, `MapOfArrayOfInt64`, or a model's name."""
    found = _member_item(name)
    if found is not None:
        return found
    return _MEMBER_NAMES.get(name) or Link(None, name)


def _member_item(name: str) -> TypeExpr | None:
    """A collection member name, or None when `name` is not one.

    The item of `ArrayOf<item>` / `MapOf<item>` is another collection, a primitive's member name, or a
    model. A model whose name starts with a number is named in words (`Five`), but the generator writes
    the member with the schema's digits (`ArrayOf5`): the item is then the model the number spells."""
    for prefix in ("ArrayOf", "MapOf"):
        if name.startswith(prefix) and len(name) > len(prefix):
            rest = name[len(prefix) :]
            inner = _member_item(rest) or _MEMBER_ITEMS.get(rest) or Link(None, spelled(rest))
            return ArrayOf(inner) if prefix == "ArrayOf" else MapOf(inner)
    return None


def spelled(name: str) -> str:
    """A name with its leading number in words, as C# class names write it: `5` -> `Five`, `21st` -> `TwentyOneSt`."""
    match = _LEADING_NUMBER.match(name)
    if match is None:
        return name
    rest = match.group("rest")
    return _number_words(int(match.group("number"))) + rest[:1].upper() + rest[1:]


def _number_words(n: int) -> str:
    """`n` in English words, PascalCase, without `And`: 5 -> Five, 42 -> FortyTwo, 105 -> OneHundredFive."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + (_ONES[n % 10] if n % 10 else "")
    for size, word in (
        (10**9, "Billion"),
        (10**6, "Million"),
        (1000, "Thousand"),
        (100, "Hundred"),
    ):
        if n >= size:
            head, tail = divmod(n, size)
            return _number_words(head) + word + (_number_words(tail) if tail else "")
    raise AssertionError(n)  # pragma: no cover
