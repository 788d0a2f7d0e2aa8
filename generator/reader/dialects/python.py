"""Python SDK docs: `*str*`, `[Optional[models.X]](...)`, `List[...]`, `Dict[str, ...]`, `*Literal["x"]*`.

Where things are written (grammar §3): the wrappers `Optional[`, `Nullable[` and `OptionalNullable[` sit
inside the italics or the link text, the containers `List[`/`Dict[str, ` (old: `list[`/`dict[str, `) outside.
A link's text is a Python type expression whose model name the link points at; old docs spell a union out in
the link text (`[Union[shared.A, str]](anyval.md)`), and the link then goes to the union's own page.

Nullability, as the notation says it (`ParsedType.optional` / `.nullable`):

* `OptionalNullable[T]`: optional and nullable (`optional=True, nullable=True`).
* `Nullable[T]`: required but nullable (`nullable=True`).
* `Optional[T]`: optional-or-nullable (`optional=True`, nullable unknown). New and mid docs use it for
  optional, not-nullable fields (125 of 125 such clerk rows are not nullable in Clerk's spec), but old docs
  (CLI 1.65/1.119, which have no `Nullable`) also write it for required nullable fields (the 18
  `:heavy_check_mark:` rows of the gen-tests docs, all `nullable: true` in the spec), so only a required row
  makes it nullable.
* A bare type (`*str*`, `[models.X](...)`, `*Literal["a"]*`, `[Union[...]](...)`): not nullable
  (`nullable=False`). The doc shows the SDK's Python annotation, and a nullable field is always wrapped: in
  the clerk docs against Clerk's spec, 492 of 492 bare scalar and model rows are not nullable, and old docs
  wrap required nullable fields in `Optional[...]` (above).
* Containers (`List[...]`, `Dict[str, ...]`) are never wrapped, even when optional or nullable (6 nullable
  container rows in clerk), and `Any` admits None: nullability unknown (None).
* A wrapper nested inside a container or a union member (`Dict[str, [Nullable[models.X]](...)]`) becomes a
  union with `null`.

Platform types: the link labels of the standard library's dates are swapped (grammar §3.4), so
`[date](https://docs.python.org/...#date-objects)` is a date-time and `[datetime](...)` a date. In type
expressions (union member headings, `Union[datetime, int]` link texts, member code) `date` and `datetime`
are Python type names and keep their meaning. `[httpx.Response](...)`, `[requests.Response](...)` and event
streams are `any`; `Union[bytes, IO[bytes], io.BufferedReader]` (file content) is bytes; `int` is integer
(it also stands for bigint, which the notation does not tell apart).
"""

from __future__ import annotations

import ast
import json
import re

from ...ir import ArrayOf, Link, Literal, MapOf, Primitive, TypeExpr, UnionOf
from ..js_literal import ExampleSyntaxError
from .base import (
    Cursor,
    ParsedType,
    TypeNotationError,
    count_signals,
    read_whole,
    split_top_level,
)

_NAMES: dict[str, TypeExpr] = {
    "str": Primitive("string"),
    "int": Primitive("integer"),
    "float": Primitive("number"),
    "bool": Primitive("boolean"),
    "bytes": Primitive("bytes"),
    "Any": Primitive("any"),
    "Decimal": Primitive("decimal"),
    "date": Primitive("date"),
    "datetime": Primitive("datetime"),
    "None": Primitive("null"),
    # File content, written as members of `Union[bytes, IO[bytes], io.BufferedReader]`.
    "io.BufferedReader": Primitive("bytes"),
    "io.IOBase": Primitive("bytes"),
    "IO": Primitive("bytes"),
    # SDK-added raw responses and requests.
    "httpx.Response": Primitive("any"),
    "httpx.Request": Primitive("any"),
    "requests.Response": Primitive("any"),
    "requests_http.Response": Primitive("any"),
}
# Labels of links to Python's documentation: the generator swaps date and datetime (grammar §3.4).
_EXTERNAL_LINKS: dict[str, TypeExpr] = {
    "date": Primitive("datetime"),
    "datetime": Primitive("date"),
    "httpx.Response": Primitive("any"),
    "httpx.Request": Primitive("any"),
    "requests.Response": Primitive("any"),
    "requests_http.Response": Primitive("any"),
}
# (wrapper, optional, nullable)
_WRAPPERS: tuple[tuple[str, bool, bool | None], ...] = (
    ("Optional[", True, None),
    ("OptionalNullable[", True, True),
    ("Nullable[", False, True),
)
_LISTS = ("List", "list")
_DICTS = ("Dict", "dict")
_GENERIC = re.compile(r"^(?P<head>[A-Za-z_][A-Za-z0-9_.]*)\[(?P<args>.*)\]$", re.DOTALL)
_QUALIFIED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_EVENT_STREAM = re.compile(r"(^|\.)EventStream(Async)?$")
# An annotated assignment: `value: models.X = ...` (new) or `unionVar: str = ...` (old member code).
_ANNOTATED = re.compile(r"^\s*[A-Za-z_][A-Za-z0-9_]*\s*:(?P<rest>.*)$", re.MULTILINE)
_NOT_A_LITERAL = object()
# Signals that only Python docs write.
_SIGNALS = (
    re.compile(r"\*str\*"),
    re.compile(r"\b(?:Optional|OptionalNullable|Nullable|Literal|Union|List|Dict)\["),
    re.compile(r"(?<![\w.:])(?:list|dict)\["),
    re.compile(r"\*(?:Any|Decimal|bytes)\*"),
    re.compile(r"`str`"),
    re.compile(r"docs\.python\.org"),
    re.compile(r"\[(?:httpx|requests)\.Re(?:sponse|quest)\]\("),
    re.compile(r"```python"),
)
# Python notation that other dialects count as theirs (TypeScript: a link whose text is a lower-case
# qualified name; PHP: `*int*`, `*float*`, `*bool*`). Counted here too, so that a Python page written only in
# it ties, and then takes the dialect of its folder, instead of going to the other dialect.
_SHARED = (
    re.compile(r"\[[a-z]+\.[A-Z][A-Za-z0-9_]*\]\("),
    re.compile(r"\*(?:int|float|bool)\*"),
)


class PythonDialect:
    name = "python"

    def score(self, notation: str) -> int:
        return count_signals(_SIGNALS, notation) + count_signals(_SHARED, notation)

    def parse_type(self, cell: str) -> ParsedType:
        return read_whole(cell.strip(), _cell)

    def parse_member(self, heading: str, code: str) -> TypeExpr:
        text = heading.strip()
        if text.startswith("`") and text.endswith("`") and len(text) > 1:
            return _nested(text[1:-1].strip(), None)
        annotation = _annotation(code)
        if annotation is not None:
            try:
                return _nested(annotation, None)
            except TypeNotationError:
                if not text:
                    raise
        if not text:
            raise TypeNotationError("empty member heading and no `name: Type = ...` in its code")
        return _nested(text, None)

    def parse_example(self, code: str) -> object:
        """Only the open-enum form `value: Name = "literal"` holds a value; `Name.MEMBER` does not."""
        for line in code.splitlines():
            match = re.fullmatch(
                r"\s*[A-Za-z_][A-Za-z0-9_]*\s*:\s*[A-Za-z_][A-Za-z0-9_.]*\s*=\s*(?P<value>.+?)\s*",
                line,
            )
            if match is None:
                continue
            value = _literal_value(match.group("value"))
            if isinstance(value, str | int) and not isinstance(value, bool):
                return value
        raise ExampleSyntaxError("Python examples name an enum member, not its value", 1, 1)


def _cell(cursor: Cursor) -> ParsedType:
    """One Type cell: containers outside, then a link or italics."""
    for heads, make_map in ((_LISTS, False), (_DICTS, True)):
        for head in heads:
            opener = f"{head}[str," if make_map else f"{head}["
            if cursor.eat(opener):
                cursor.skip_spaces()
                inner = _cell(cursor)
                cursor.skip_spaces()
                cursor.expect("]")
                item = _or_null(inner.type) if inner.optional or inner.nullable else inner.type
                return ParsedType(MapOf(item) if make_map else ArrayOf(item))
    if cursor.startswith("["):
        text, url = cursor.link()
        return _link(text.strip(), url)
    if cursor.startswith("*"):
        return _top(cursor.delimited("*").strip(), None)
    raise TypeNotationError(f"unknown type notation `{cursor.rest()}`")


def _link(text: str, url: str) -> ParsedType:
    if _EXTERNAL.match(url):
        inner, optional, nullable = _unwrap(text)
        builtin = _EXTERNAL_LINKS.get(inner)
        if builtin is None:
            raise TypeNotationError(f"unknown platform type `[{text}]({url})`")
        return ParsedType(builtin, optional, _presence(builtin, optional, nullable))
    return _top(text, url)


def _top(text: str, url: str | None) -> ParsedType:
    """A type expression that fills a cell (inside italics or link text): its wrappers say presence."""
    inner, optional, nullable = _unwrap(text)
    expr = _bare(inner, url)
    return ParsedType(expr, optional, _presence(expr, optional, nullable))


def _presence(expr: TypeExpr, optional: bool, nullable: bool | None) -> bool | None:
    if nullable is not None or optional:
        return nullable
    # Unwrapped: a scalar, model, literal or union is not nullable; containers and Any do not say.
    if isinstance(expr, ArrayOf | MapOf) or _admits_none(expr):
        return None
    return False


def _unwrap(text: str) -> tuple[str, bool, bool | None]:
    """Strip `Optional[...]`, `Nullable[...]`, `OptionalNullable[...]`; returns (inner, optional, nullable)."""
    optional, nullable = False, None
    while True:
        for wrapper, is_optional, is_nullable in _WRAPPERS:
            if text.startswith(wrapper) and text.endswith("]"):
                text = text[len(wrapper) : -1].strip()
                optional = optional or is_optional
                nullable = is_nullable if is_nullable is not None else nullable
                break
        else:
            return text, optional, nullable


def _nested(text: str, url: str | None) -> TypeExpr:
    """A type expression inside another one: a wrapper there means `T | None`."""
    inner, optional, nullable = _unwrap(text.strip())
    expr = _bare(inner, url)
    return _or_null(expr) if optional or nullable else expr


def _bare(text: str, url: str | None) -> TypeExpr:
    """An unwrapped type expression. `url` is the link target, given to the model the expression names."""
    if text in _NAMES:
        return _NAMES[text]
    generic = _GENERIC.match(text)
    if generic is not None:
        head, args = generic.group("head"), split_top_level(generic.group("args"), ",")
        args = [arg.strip() for arg in args]
        if head in _LISTS and len(args) == 1:
            return ArrayOf(_nested(args[0], url))
        if head in _DICTS and len(args) == 2:
            if args[0] != "str":
                raise TypeNotationError(f"map keys must be `str`, not `{args[0]}` in `{text}`")
            return MapOf(_nested(args[1], url))
        if head == "Literal" and args and all(args):
            values = tuple(dict.fromkeys(_literal(arg) for arg in args))
            return values[0] if len(values) == 1 else UnionOf(values)
        if head == "Union" and args and all(args):
            members = tuple(dict.fromkeys(_nested(arg, None) for arg in args))
            if url is not None:
                # Old docs: the link goes to the union's page and its text lists the members.
                return Link(url, "", members)
            return members[0] if len(members) == 1 else UnionOf(members)
        if head == "IO" and args == ["bytes"]:
            return Primitive("bytes")
        if _EVENT_STREAM.search(head) and len(args) == 1:
            # A server-sent event stream read whole is the list of its events (as TypeScript's streams).
            return ArrayOf(_nested(args[0], None))
        raise TypeNotationError(f"unknown generic type `{text}`")
    if _QUALIFIED.match(text) and ("." in text or not text[0].islower()):
        # A model: qualified (`models.Foo`) or, in old docs, a bare class name (`Foo`).
        return Link(url, text)
    raise TypeNotationError(f"unknown type `{text}`")


def _literal(text: str) -> TypeExpr:
    value = _literal_value(text)
    if value is None and text == "None":
        return Primitive("null")
    if not isinstance(value, str | int | float | bool):
        raise TypeNotationError(f"bad literal `Literal[{text}]`")
    return Literal(value)


def _literal_value(text: str) -> object:
    """A Python literal: a JSON-style or Python string, an integer or float, True, False or None."""
    text = text.strip()
    if text.startswith('"'):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return _NOT_A_LITERAL
    return value if value is None or isinstance(value, str | int | float | bool) else _NOT_A_LITERAL


def _or_null(expr: TypeExpr) -> TypeExpr:
    if _admits_none(expr):
        return expr
    if isinstance(expr, UnionOf):
        return UnionOf((*expr.members, Primitive("null")))
    return UnionOf((expr, Primitive("null")))


def _admits_none(expr: TypeExpr) -> bool:
    if isinstance(expr, Primitive):
        return expr.kind in ("any", "null")
    if isinstance(expr, UnionOf):
        return any(_admits_none(member) for member in expr.members)
    return False


def _annotation(code: str) -> str | None:
    """The annotation of the first `name: Type = ...` line of a member's code block."""
    for match in _ANNOTATED.finditer(code):
        annotation = split_top_level(match.group("rest"), "=")[0].strip()
        if annotation:
            return annotation
    return None
