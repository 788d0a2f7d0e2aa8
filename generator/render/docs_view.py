"""What the docs templates print: pages that link every model they name, the index and the deprecations.

Every link is relative from the page it is on, so the pages work on GitHub and in MkDocs alike. A model's
page is `{module_path}.md` below the docs folder (the built-in `docs/{module_path}.md` output). Text that is
not markdown already (names, types, values) is escaped here; templates print these strings as they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from ..ir import (
    ArrayOf,
    Field,
    Literal,
    MapOf,
    Model,
    ModelKey,
    Primitive,
    Ref,
    Spec,
    TypeExpr,
    UnionOf,
    admits_null,
    walk_type,
)
from ..unions import non_null_members, union_tag
from .docs_diagram import Diagram, group_diagrams
from .filters import md_cell
from .literals import py_literal
from .markdown_text import code_fence, code_span, inline, link, relative_link
from .python_view import PyModel, PyPackage

#: The pages of the docs folder that every model page links to.
INDEX_PAGE = "index.md"
DEPRECATIONS_PAGE = "deprecations.md"


@dataclass(frozen=True)
class DocsField:
    """A row of a model page's field table; every string is ready for a table cell."""

    name: str
    type: str
    wire_name: str
    required: bool
    description: str
    deprecated: bool


@dataclass(frozen=True)
class DocsMember:
    """A union member: its type (linked) and its discriminator value (a code span, or "")."""

    type: str
    tag: str


@dataclass(frozen=True)
class DocsValue:
    """An enum member: Python name and wire value as code spans, description and deprecation as cells."""

    name: str
    value: str
    description: str
    deprecated: str


@dataclass(frozen=True)
class DocsUse:
    """A model that names this one: a link to it and the fields (code spans) or role that do."""

    link: str
    where: str


@dataclass(frozen=True)
class DocsPage:
    """One model's page."""

    path: str
    title: str
    fields: tuple[DocsField, ...]
    members: tuple[DocsMember, ...]
    tag_field: str
    values: tuple[DocsValue, ...]
    values_described: bool
    values_deprecated: bool
    alias: str
    alias_fence: str
    used_by: tuple[DocsUse, ...]
    index_link: str
    deprecations_link: str


@dataclass(frozen=True)
class DocsRow:
    """A model in the index: its link (or name), kind and import path (a code span)."""

    model: str
    kind: str
    import_path: str


@dataclass(frozen=True)
class DocsGroup:
    """The models of one docs folder, with the diagrams of how they fit together."""

    title: str
    rows: tuple[DocsRow, ...]
    diagrams: tuple[Diagram, ...]
    undrawn: int


@dataclass(frozen=True)
class Deprecated:
    """A deprecated model, field or enum value: what (linked), kind, message (a cell), the doc and line."""

    what: str
    kind: str
    message: str
    doc: str


@dataclass(frozen=True)
class DocsIndex:
    """The index page."""

    groups: tuple[DocsGroup, ...]
    model_count: int
    pages: bool
    diagrams: bool
    deprecations_page: bool


class DocsView:
    """The docs of one spec: a page per model on demand, the index and the deprecations once."""

    def __init__(
        self,
        spec: Spec,
        py: PyPackage,
        package: str,
        types: Mapping[str, tuple[str, str]],
        parts: Collection[str],
    ) -> None:
        self.spec = spec
        self.py = py
        self.package = package
        self.types = types
        self.pages = "pages" in parts
        self.diagrams = "diagrams" in parts
        self.deprecations = "deprecations" in parts
        self.paths = {key: m.path[: -len(".py")] + ".md" for key, m in py.models.items()}
        self.used_by = _used_by(spec, py)

    def page(self, m: PyModel) -> DocsPage:
        model = m.model
        here = self.paths[model.key]
        members_of = model.members if model.kind == "union" else ()
        # The models' own decision (generator.unions), so that the page shows the tag the runtime reads.
        tag = union_tag(self.spec, members_of) if members_of else None
        tags = dict(zip(non_null_members(members_of), tag.values, strict=True)) if tag else {}
        members = tuple(
            DocsMember(
                self.type_text(member, here),
                code_span(py_literal(tags[member]), in_table=True) if member in tags else "",
            )
            for member in members_of
        )
        values = tuple(
            DocsValue(
                code_span(member.name, in_table=True),
                code_span(py_literal(member.value), in_table=True),
                md_cell(value.description),
                md_cell(value.deprecated.message) if value.deprecated else "",
            )
            for member, value in zip(m.members, model.values, strict=True)
        )
        alias = f"{m.class_name} = {m.alias}" if m.alias and model.kind != "enum" else ""
        return DocsPage(
            path=here,
            title=inline(m.class_name),
            fields=tuple(self._field(f.name, f.field, here) for f in m.fields),
            members=members,
            tag_field=code_span(tag.field, in_table=True) if tag else "",
            values=values,
            values_described=any(v.description for v in model.values),
            values_deprecated=any(v.deprecated for v in model.values),
            alias=alias,
            alias_fence=code_fence(alias),
            used_by=tuple(self._use(key, roles, here) for key, roles in self.used_by[model.key]),
            index_link=relative_link(INDEX_PAGE, here),
            deprecations_link=relative_link(DEPRECATIONS_PAGE, here) if self.deprecations else "",
        )

    def index(self) -> DocsIndex:
        by_folder: dict[str, list[PyModel]] = defaultdict(list)
        for m in self.py.models.values():
            by_folder[m.model.key.namespace].append(m)
        groups = []
        for folder in sorted(by_folder):
            members = sorted(by_folder[folder], key=lambda m: m.dotted)
            drawn, undrawn = (
                group_diagrams(self.spec, self.py, [m.model.key for m in members])
                if self.diagrams
                else ((), 0)
            )
            rows = tuple(
                DocsRow(
                    self.model_link(m.model.key, INDEX_PAGE),
                    m.model.kind + (" (deprecated)" if m.model.deprecated else ""),
                    code_span(f"{self.package}.{m.dotted}", in_table=True),
                )
                for m in members
            )
            title = code_span(folder) if folder else "Top folder"
            groups.append(DocsGroup(title, rows, tuple(drawn), undrawn))
        return DocsIndex(
            groups=tuple(groups),
            model_count=len(self.py.models),
            pages=self.pages,
            diagrams=self.diagrams,
            deprecations_page=self.deprecations,
        )

    def model_link(self, key: ModelKey, here: str) -> str:
        """The model's class name, linked to its page when pages are written."""
        name = self.py.models[key].class_name
        return link(name, self.paths[key], here) if self.pages else inline(name)

    def type_text(self, expr: TypeExpr, here: str) -> str:
        """A type as the Python package spells it, each model in it linked; safe in a table cell."""
        if isinstance(expr, Primitive):
            return inline(self.types[expr.kind][0])
        if isinstance(expr, Literal):
            return inline(f"Literal[{py_literal(expr.value)}]")
        if isinstance(expr, ArrayOf):
            return f"list{inline('[')}{self.type_text(expr.item, here)}{inline(']')}"
        if isinstance(expr, MapOf):
            return f"dict{inline('[')}str, {self.type_text(expr.value, here)}{inline(']')}"
        if isinstance(expr, UnionOf):
            parts = dict.fromkeys(self.type_text(m, here) for m in expr.members)
            return f" {inline('|')} ".join(parts)
        if isinstance(expr, Ref):
            return self.model_link(expr.key, here)
        return inline("Any")

    def _field(self, name: str, field: Field, here: str) -> DocsField:
        text = self.type_text(field.type, here)
        if field.accepts_null and not admits_null(field.type):
            text += f" {inline('|')} None"
        description = field.description.strip()
        if field.deprecated:
            deprecation = f"**Deprecated:** {field.deprecated.message}".strip()
            description = f"{deprecation}\n\n{description}" if description else deprecation
        return DocsField(
            name=code_span(name, in_table=True),
            type=text,
            wire_name=code_span(field.wire_name, in_table=True),
            required=field.required,
            description=md_cell(description),
            deprecated=field.deprecated is not None,
        )

    def _use(self, key: ModelKey, roles: tuple[str, ...], here: str) -> DocsUse:
        where = ", ".join(code_span(r) if r else "member" for r in roles)
        return DocsUse(self.model_link(key, here), where)

    def deprecated(self) -> tuple[Deprecated, ...]:
        """Every deprecated model, field and enum value, in the order of the package."""
        found: list[tuple[tuple[str, int], Deprecated]] = []
        for m in sorted(self.py.models.values(), key=lambda m: m.dotted):
            model = m.model
            what = self.model_link(model.key, DEPRECATIONS_PAGE)
            if model.deprecated:
                found.append(_item(what, "model", model.deprecated.message, model, model))
            for f in m.fields:
                if f.field.deprecated:
                    message = f.field.deprecated.message
                    label = f"{what}.{code_span(f.name, in_table=True)}"
                    found.append(_item(label, "field", message, model, f.field))
            for member, value in zip(m.members, model.values, strict=True):
                if value.deprecated:
                    label = f"{what}.{code_span(member.name, in_table=True)}"
                    found.append(_item(label, "enum value", value.deprecated.message, model, model))
        return tuple(item for _, item in found)


def _item(
    what: str, kind: str, message: str, model: Model, at: Model | Field
) -> tuple[tuple[str, int], Deprecated]:
    span = at.source
    doc = code_span(f"{model.doc_path or span.path}:{span.line}", in_table=True)
    return (span.path, span.line), Deprecated(what, kind, md_cell(message), doc)


def _used_by(spec: Spec, py: PyPackage) -> dict[ModelKey, list[tuple[ModelKey, tuple[str, ...]]]]:
    """For each model, the models that name it (sorted by module path) and the attributes that do
    ("" for a union member), in the order of the referring model's fields."""
    found: dict[ModelKey, dict[ModelKey, list[str]]] = defaultdict(lambda: defaultdict(list))
    for m in py.models.values():
        for f in m.fields:
            for target in _refs(f.field.type):
                if target != m.model.key and f.name not in found[target][m.model.key]:
                    found[target][m.model.key].append(f.name)
        for member in m.model.members:
            for target in _refs(member):
                if target != m.model.key and "" not in found[target][m.model.key]:
                    found[target][m.model.key].append("")
    result: dict[ModelKey, list[tuple[ModelKey, tuple[str, ...]]]] = defaultdict(list)
    for target, users in found.items():
        ordered = sorted(users, key=lambda key: py.models[key].dotted)
        result[target] = [(key, tuple(users[key])) for key in ordered]
    return result


def _refs(expr: TypeExpr) -> list[ModelKey]:
    return list(dict.fromkeys(n.key for n in walk_type(expr) if isinstance(n, Ref)))
