"""The language-neutral intermediate representation: the only contract between reading and rendering."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal as TypingLiteral
from typing import NamedTuple, TypeAlias

IR_VERSION = 2

JSONValue: TypeAlias = bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"] | None

PrimitiveKind = TypingLiteral[
    "string",
    "integer",
    "number",
    "boolean",
    "any",
    "bytes",
    "date",
    "datetime",
    "bigint",
    "decimal",
    "null",
]
PRIMITIVE_KINDS: tuple[PrimitiveKind, ...] = (
    "string",
    "integer",
    "number",
    "boolean",
    "any",
    "bytes",
    "date",
    "datetime",
    "bigint",
    "decimal",
    "null",
)
ModelKind = TypingLiteral["object", "enum", "union", "alias"]


@dataclass(frozen=True, order=True)
class Span:
    """A place in a doc: path relative to its docs root, 1-based line and column."""

    path: str
    line: int
    column: int = 1


class ModelKey(NamedTuple):
    """Identifies a model: the doc's folder below the docs root (POSIX, '' for the root) and its title.

    A named tuple: keys are hashed and compared by the thousand in every run, and a tuple does that in C."""

    namespace: str
    name: str

    def __str__(self) -> str:
        return f"{self.namespace}/{self.name}" if self.namespace else self.name


@dataclass(frozen=True)
class Primitive:
    kind: PrimitiveKind


@dataclass(frozen=True)
class Ref:
    """A reference to another model of the spec."""

    key: ModelKey


@dataclass(frozen=True)
class Link:
    """An unresolved reference as a doc writes it; resolving replaces every Link by a Ref.

    `members` holds the union members that the link text lists (PHP `[A|B](u.md)`, Ruby `[T.any(A, B)](u.md)`):
    they become the members of the linked page when that page has only a title.
    """

    href: str | None
    text: str
    members: tuple[TypeExpr, ...] = ()


@dataclass(frozen=True)
class ArrayOf:
    item: TypeExpr


@dataclass(frozen=True)
class MapOf:
    """A map with string keys."""

    value: TypeExpr


@dataclass(frozen=True)
class UnionOf:
    members: tuple[TypeExpr, ...]


@dataclass(frozen=True)
class Literal:
    """A constant value."""

    value: str | int | float | bool | None


TypeExpr: TypeAlias = Primitive | Ref | Link | ArrayOf | MapOf | UnionOf | Literal


def walk_type(expr: TypeExpr) -> Iterator[TypeExpr]:
    """The type and every type nested in it (array items, map values, union members), depth first."""
    yield expr
    if isinstance(expr, ArrayOf):
        yield from walk_type(expr.item)
    elif isinstance(expr, MapOf):
        yield from walk_type(expr.value)
    elif isinstance(expr, UnionOf):
        for member in expr.members:
            yield from walk_type(member)


def admits_null(expr: TypeExpr) -> bool:
    """Whether the type itself takes null: `null`, `any`, a null constant, or a union with one of them."""
    if isinstance(expr, Primitive):
        return expr.kind in ("null", "any")
    if isinstance(expr, Literal):
        return expr.value is None
    if isinstance(expr, UnionOf):
        return any(admits_null(m) for m in expr.members)
    return False


@dataclass(frozen=True)
class Deprecation:
    message: str


@dataclass(frozen=True)
class Field:
    name: str
    wire_name: str
    type: TypeExpr
    required: bool
    nullable: bool | None
    description: str
    source: Span
    deprecated: Deprecation | None = None
    example: str | None = None
    #: The wire value the field takes when absent (`has_default` says whether there is one).
    default: JSONValue = None
    has_default: bool = False
    #: The only value the field can take (`has_const` says whether there is one).
    const: JSONValue = None
    has_const: bool = False
    #: The wire format of a string or number (`date`, `date-time`, `int64`, ...), when known.
    format: str | None = None
    #: Where facts came from when not from the doc: (fact, source) pairs, source `spec` or `config`.
    facts: tuple[tuple[str, str], ...] = ()
    #: What the reader did not understand in the field's type (a link to nothing, a notation no dialect
    #: reads): that part of the type is `any`. None: the type was read as written.
    degraded: str | None = None

    @property
    def accepts_null(self) -> bool:
        """Whether models take null here: the doc says nullable or cannot say, or the field is optional."""
        return self.nullable is not False or not self.required

    def fact_source(self, fact: str) -> str:
        """Where one fact (`wire_name`, `nullable`, ...) came from: `doc` unless `facts` says otherwise."""
        return dict(self.facts).get(fact, "doc")


@dataclass(frozen=True)
class EnumValue:
    """A member: the name the doc gives it (None when the doc lists values only) and its wire value."""

    name: str | None
    value: str | int
    description: str = ""
    deprecated: Deprecation | None = None


@dataclass(frozen=True)
class Model:
    key: ModelKey
    kind: ModelKind
    title: str
    description: str
    source: Span
    deprecated: Deprecation | None = None
    fields: tuple[Field, ...] = ()
    values: tuple[EnumValue, ...] = ()
    members: tuple[TypeExpr, ...] = ()
    example: JSONValue = None
    has_example: bool = False
    dialect: str = ""
    doc_path: str = ""
    open: bool = False
    #: The OpenAPI schema the model was matched to (a JSON pointer such as `#/components/schemas/User`).
    schema: str = ""
    #: Where model facts came from when not from the doc: (fact, source) pairs, as in Field.facts.
    facts: tuple[tuple[str, str], ...] = ()
    #: Union members read as `any` because the reader did not understand them: (index, what was not).
    degraded_members: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, order=True)
class Diagnostic:
    span: Span
    severity: TypingLiteral["error", "warning", "info"]
    code: str
    message: str

    def render(self) -> str:
        s = self.span
        return f"{s.path}:{s.line}:{s.column}: {self.severity}[{self.code}]: {self.message}"


@dataclass(frozen=True)
class Spec:
    models: tuple[Model, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    ir_version: int = IR_VERSION
    #: The display paths of the docs that were read but gave no model (each with a diagnostic saying why).
    skipped: tuple[str, ...] = ()
    by_key: dict[ModelKey, Model] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_key", {m.key: m for m in self.models})

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "warning")


__all__ = [
    "IR_VERSION",
    "PRIMITIVE_KINDS",
    "ArrayOf",
    "Deprecation",
    "Diagnostic",
    "EnumValue",
    "Field",
    "JSONValue",
    "Link",
    "Literal",
    "MapOf",
    "Model",
    "ModelKey",
    "Primitive",
    "Ref",
    "Span",
    "Spec",
    "UnionOf",
    "walk_type",
]
