"""What the Python templates print for each model: names, annotations, defaults and imports.

One module per model. Imports between model modules follow two rules that keep every import order working:
a class module imports the models of its own import cycle after its class (annotations are lazy strings),
and a field typed by a union model that is part of a cycle names the union's members instead of the union,
because a union alias needs its members when its module runs.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

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
from ..unions import union_tag
from . import import_order, naming
from .layout import union_parts
from .literals import py_literal

#: Folder names that only group docs; they do not become Python packages.
_DOC_FOLDERS = frozenset({"docs", "doc", "models", "model", "pkg", "sdk"})


#: How each primitive is written, and the import it needs; a style's `[python.types]` overrides these.
DEFAULT_TYPES: Mapping[str, tuple[str, str]] = {
    "string": ("str", ""),
    "integer": ("int", ""),
    "bigint": ("int", ""),
    "number": ("float", ""),
    "boolean": ("bool", ""),
    "any": ("Any", "from typing import Any"),
    "bytes": ("bytes", ""),
    "date": ("date", "from datetime import date"),
    "datetime": ("datetime", "from datetime import datetime"),
    "decimal": ("Decimal", "from decimal import Decimal"),
    "null": ("None", ""),
}


@dataclass(frozen=True)
class PyStyle:
    """What a Python style's manifest (`[python]`) says about names and annotations."""

    reserved_names: frozenset[str]
    reserved_attributes: frozenset[str]
    types: Mapping[str, tuple[str, str]]
    enums: str
    wrap_unions: bool
    #: Which unions carry the runtime's `Choice` marker: "tagged" ones, "all" of two or more members, "none".
    union_marker: str = "tagged"
    #: Whether a default the docs give is the attribute's default (else None, as for any optional field).
    doc_defaults: bool = True

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> PyStyle:
        types = dict(DEFAULT_TYPES)
        for kind, spelling in options.get("types", {}).items():
            if kind not in DEFAULT_TYPES or not isinstance(spelling, list) or len(spelling) != 2:
                raise ValueError(
                    f"[python.types] {kind} = {spelling!r}: expected [annotation, import]"
                )
            types[kind] = (str(spelling[0]), str(spelling[1]))
        enums = str(options.get("enums", "class"))
        if enums not in ("class", "literal"):
            raise ValueError(f'[python] enums must be "class" or "literal", not {enums!r}')
        union_marker = str(options.get("union_marker", "tagged"))
        if union_marker not in ("tagged", "all", "none"):
            raise ValueError(
                f'[python] union_marker must be "tagged", "all" or "none", not {union_marker!r}'
            )
        return cls(
            reserved_names=frozenset(map(str, options.get("reserved_names", ()))),
            reserved_attributes=frozenset(map(str, options.get("reserved_attributes", ()))),
            types=types,
            enums=enums,
            wrap_unions=bool(options.get("wrap_unions", False)),
            union_marker=union_marker,
            doc_defaults=bool(options.get("doc_defaults", True)),
        )


@dataclass(frozen=True)
class WrappedUnion:
    """A union written as a named alias, for styles whose library cannot decode every union itself."""

    name: str
    annotation: str


@dataclass(frozen=True)
class PyField:
    name: str
    wire_name: str
    annotation: str
    required: bool
    description: str
    deprecated: str | None
    field: Field
    #: The Python expression of the doc's default for an optional field ("None" when it has none).
    default: str = "None"

    @property
    def metadata(self) -> dict[str, str]:
        """What the runtime needs beyond the annotation: the wire name and the deprecation message."""
        data: dict[str, str] = {}
        if self.wire_name != self.name:
            data["wire"] = self.wire_name
        if self.deprecated is not None:
            data["deprecated"] = self.deprecated
        return data


@dataclass(frozen=True)
class PyEnumMember:
    name: str
    value: str | int


@dataclass(frozen=True)
class PyModel:
    """A model as one Python module."""

    model: Model
    class_name: str
    module: str
    package: tuple[str, ...]
    fields: tuple[PyField, ...]
    members: tuple[PyEnumMember, ...]
    enum_base: str
    alias: str
    imports: tuple[str, ...]
    local_imports: tuple[str, ...]
    late_imports: tuple[str, ...]
    #: Unions written as named aliases (only for styles with `wrap_unions`), in order of first use.
    wrapped_unions: tuple[WrappedUnion, ...] = ()
    #: Every other model this one's fields or members name, sorted (for targets that import by path).
    references: tuple[ModelKey, ...] = ()
    #: A union's annotation for each IR member, in the IR's order (so tests can type each member's example).
    member_annotations: tuple[str, ...] = ()
    #: Whether some field holds, at its top (through unions and null), a scalar whose wire notation a Python
    #: value does not say: a date-time, float or decimal (see `wire_form_kinds`).
    has_notation: bool = False
    #: Whether reading this model may have to keep a wire form beside a value, in it or in a model it
    #: reaches: a field with a default (sent as null or as that default), a notation scalar, a union or Any.
    keeps_wire_forms: bool = False

    @property
    def has_field_options(self) -> bool:
        """Whether some field needs more than an annotation: a default, a wire name or a deprecation."""
        return any(f.metadata or not f.required for f in self.fields)

    @property
    def has_field_metadata(self) -> bool:
        """Whether some field carries metadata (a wire name or a deprecation): dataclasses then call
        `field(...)`; an optional field without metadata is `name: T | None = None`, no call."""
        return any(f.metadata for f in self.fields)

    @property
    def wire_names_are_identifiers(self) -> bool:
        """Whether every wire name could be a class attribute as it is (TypedDict's class syntax)."""
        return all(naming.is_plain_identifier(f.wire_name) for f in self.fields)

    @property
    def dotted(self) -> str:
        return ".".join((*self.package, self.module))

    @property
    def path(self) -> str:
        return posixpath.join(*self.package, f"{self.module}.py")


@dataclass(frozen=True)
class PyPackage:
    """Every model module, keyed by model, plus the sub-packages that hold them."""

    models: dict[ModelKey, PyModel]
    packages: tuple[tuple[str, ...], ...]

    def in_package(self, package: tuple[str, ...]) -> list[PyModel]:
        return sorted(
            (m for m in self.models.values() if m.package == package), key=lambda m: m.module
        )

    def exported(self) -> list[PyModel]:
        """Models whose class name is unique in the whole spec: the top package re-exports them."""
        counts: dict[str, int] = defaultdict(int)
        for m in self.models.values():
            counts[m.class_name] += 1
        return sorted(
            (m for m in self.models.values() if counts[m.class_name] == 1),
            key=lambda m: m.class_name,
        )


def python_package(spec: Spec, style: PyStyle, taken_paths: Iterable[str] = ()) -> PyPackage:
    """The Python view of every model; no module path is one of `taken_paths` (`index`: the target
    writes `docs/index.md` itself, and a model's page must not be that file)."""
    names = _Names(spec, style, taken_paths)
    cycles = _cycles(spec)
    keeping = models_keeping_wire_forms(spec)
    models = {
        m.key: _PyModelBuilder(spec, names, cycles, m, style).build(m.key in keeping)
        for m in spec.models
    }
    packages = sorted({m.package[:i] for m in models.values() for i in range(len(m.package) + 1)})
    return PyPackage(models, tuple(packages))


class _Names:
    """Class, module and package names for every model, stable and collision-free."""

    def __init__(self, spec: Spec, style: PyStyle, taken_paths: Iterable[str] = ()) -> None:
        self.classes: dict[ModelKey, str] = {}
        self.modules: dict[ModelKey, str] = {}
        self.packages: dict[ModelKey, tuple[str, ...]] = {}
        by_package: dict[tuple[str, ...], list[Model]] = defaultdict(list)
        for model in spec.models:
            package = _package(model.key.namespace)
            self.packages[model.key] = package
            by_package[package].append(model)
            self.classes[model.key] = naming.class_name(model.key.name, style.reserved_names)
        # A module may not take the name of a subpackage beside it (`shared/` would hide `shared.py`), nor
        # a path the target writes a file of its own at.
        subpackages: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for path in taken_paths:
            *parents, name = path.split("/")
            subpackages[tuple(parents)].add(name)
        for package in by_package:
            for i in range(len(package)):
                subpackages[package[:i]].add(package[i])
        for package, models in by_package.items():
            models.sort(key=lambda m: (m.key.name.lower(), m.key.name, m.doc_path))
            # The top package's `runtime` module is the generated runtime's public face.
            reserved = {"_runtime", "runtime"} if not package else {"_runtime"}
            modules = naming.unique(
                (naming.module_name(m.key.name, reserved) for m in models),
                taken=sorted(subpackages[package]),
            )
            for model, module in zip(models, modules, strict=True):
                self.modules[model.key] = module
        #: Names no field attribute may take: the style's reserved names and every class name.
        self.taken_by_classes = (
            style.reserved_names | style.reserved_attributes | frozenset(self.classes.values())
        )


#: The primitives whose wire notation a Python value does not say (`.284Z` and `.284000Z` are one datetime,
#: `1` and `1.0` one float); "any" holds anything.
NOTATION_KINDS = frozenset({"datetime", "number", "decimal"})


def has_notation(spec: Spec, model: Model) -> bool:
    """Whether some field of an object model holds a notation scalar at its top: through unions, null
    and union or alias models, not inside lists, dicts or other object models (each keeps its own)."""
    return any(_top_notation(spec, f.type, ()) for f in model.fields)


def _top_notation(spec: Spec, expr: TypeExpr, seen: tuple[ModelKey, ...]) -> bool:
    if isinstance(expr, Primitive):
        return expr.kind in NOTATION_KINDS
    if isinstance(expr, UnionOf):
        return any(_top_notation(spec, m, seen) for m in expr.members)
    if isinstance(expr, Ref) and expr.key not in seen and expr.key in spec.by_key:
        target = spec.by_key[expr.key]
        if target.kind in ("union", "alias"):
            members = target.members or (Primitive("any"),)
            return any(_top_notation(spec, m, (*seen, expr.key)) for m in members)
    return False


def models_keeping_wire_forms(spec: Spec) -> set[ModelKey]:
    """The object models whose reading may keep a wire form (`PyModel.keeps_wire_forms`): those with a
    reason of their own, and every model that reaches one of them through its fields."""
    keeping: set[ModelKey] = set()
    reaches: dict[ModelKey, set[ModelKey]] = {}
    for model in spec.models:
        if model.kind != "object":
            continue
        found: set[ModelKey] = set()
        own = any(not f.required for f in model.fields)
        for f in model.fields:
            own = _wire_form_reason(spec, f.type, found, ()) or own
        reaches[model.key] = found
        if own:
            keeping.add(model.key)
    changed = True
    while changed:
        changed = False
        for key, found in reaches.items():
            if key not in keeping and found & keeping:
                keeping.add(key)
                changed = True
    return keeping


def _wire_form_reason(
    spec: Spec, expr: TypeExpr, reached: set[ModelKey], seen: tuple[ModelKey, ...]
) -> bool:
    """Whether a type holds a notation scalar, Any or a union of several members (which the runtimes try
    member by member); the object models it names are added to `reached`."""
    if isinstance(expr, Primitive):
        return expr.kind in NOTATION_KINDS or expr.kind == "any"
    if isinstance(expr, ArrayOf):
        return _wire_form_reason(spec, expr.item, reached, seen)
    if isinstance(expr, MapOf):
        return _wire_form_reason(spec, expr.value, reached, seen)
    if isinstance(expr, UnionOf):
        several = sum(not _is_null(m) for m in expr.members) > 1
        inner = [_wire_form_reason(spec, m, reached, seen) for m in expr.members]
        return several or any(inner)
    if isinstance(expr, Ref):
        target = spec.by_key.get(expr.key)
        if target is None:
            return True
        if target.kind == "object":
            reached.add(expr.key)
        elif target.kind in ("union", "alias"):
            if expr.key in seen:
                return True  # a union of its own cycle: written `Any` there
            members = target.members or (Primitive("any"),)
            several = target.kind == "union" and len(members) > 1
            inner = [_wire_form_reason(spec, m, reached, (*seen, expr.key)) for m in members]
            return several or any(inner)
    return False


def _is_null(expr: TypeExpr) -> bool:
    return isinstance(expr, Primitive) and expr.kind == "null"


def _package(namespace: str) -> tuple[str, ...]:
    parts = [p for p in namespace.split("/") if p and p.lower() not in _DOC_FOLDERS]
    return tuple(naming.module_name(p) for p in parts)


def _cycles(spec: Spec) -> dict[ModelKey, int]:
    """The strongly connected component of each model that is part of a reference cycle (Tarjan)."""
    # Edges to models of the spec only, taken once per node (not again at each step back to it).
    graph = {
        m.key: [e for e in sorted(set(_refs_of_model(m))) if e in spec.by_key] for m in spec.models
    }
    index: dict[ModelKey, int] = {}
    low: dict[ModelKey, int] = {}
    stack: list[ModelKey] = []
    on_stack: set[ModelKey] = set()
    component: dict[ModelKey, int] = {}
    counter = [0, 0]

    def visit(root: ModelKey) -> None:
        work = [(root, 0)]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, i = work[-1]
            edges = graph[node]
            if i < len(edges):
                work[-1] = (node, i + 1)
                nxt = edges[i]
                if nxt not in index:
                    index[nxt] = low[nxt] = counter[0]
                    counter[0] += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    members.append(top)
                    if top == node:
                        break
                if len(members) > 1 or node in graph[node]:
                    for member in members:
                        component[member] = counter[1]
                    counter[1] += 1

    for key in sorted(graph):
        if key not in index:
            visit(key)
    return component


def _refs_of_model(model: Model) -> list[ModelKey]:
    found: list[ModelKey] = []
    for f in model.fields:
        found.extend(refs_of(f.type))
    for m in model.members:
        found.extend(refs_of(m))
    return found


def refs_of(expr: TypeExpr) -> list[ModelKey]:
    return [node.key for node in walk_type(expr) if isinstance(node, Ref)]


class _PyModelBuilder:
    def __init__(
        self, spec: Spec, names: _Names, cycles: dict[ModelKey, int], model: Model, style: PyStyle
    ):
        self.style = style
        self.wrapped: dict[str, WrappedUnion] = {}
        self.member_annotations: tuple[str, ...] = ()
        self.spec = spec
        self.names = names
        self.cycles = cycles
        self.model = model
        self.imports: set[str] = set()
        self.uses_runtime = False
        self.used: dict[ModelKey, None] = {}
        self.local = self._local_names()

    def build(self, keeps_wire_forms: bool) -> PyModel:
        """The model's view; `keeps_wire_forms` as `models_keeping_wire_forms` found it."""
        model = self.model
        fields = self._fields() if model.kind == "object" else ()
        members = self._enum_members() if model.kind == "enum" else ()
        alias = ""
        if model.kind in ("union", "alias"):
            alias = self._union_alias()
        elif model.kind == "enum" and self.style.enums == "literal":
            alias = self._literal_alias(members)
        package = self.names.packages[model.key]
        early, late = self._model_imports(package)
        if model.kind == "object" or model.open or self.uses_runtime:
            early = (runtime_import(package), *early)
        return PyModel(
            model=model,
            class_name=self.names.classes[model.key],
            module=self.names.modules[model.key],
            package=package,
            fields=fields,
            members=members,
            enum_base=_enum_base(members),
            alias=alias,
            imports=merge_imports(self.imports),
            local_imports=early,
            late_imports=late,
            wrapped_unions=tuple(self.wrapped.values()),
            references=tuple(sorted(set(_refs_of_model(model)) - {model.key})),
            member_annotations=self.member_annotations,
            has_notation=has_notation(self.spec, model),
            keeps_wire_forms=keeps_wire_forms,
        )

    def _local_names(self) -> dict[ModelKey, str]:
        """The name each referenced model has in this module: its class name, or an alias on a clash."""
        own = self.model.key
        keys = sorted(self._reachable() | {own})
        by_name: dict[str, list[ModelKey]] = defaultdict(list)
        for key in keys:
            by_name[self.names.classes[key]].append(key)
        local: dict[ModelKey, str] = {}
        taken = set(by_name)
        for name, clashing in sorted(by_name.items()):
            for key in clashing:
                if len(clashing) == 1 or key == own:
                    local[key] = name
                    continue
                prefix = "".join(p.title().replace("_", "") for p in self.names.packages[key])
                alias, n = f"{prefix}{name}", 2
                while alias in taken:
                    alias, n = f"{prefix}{name}{n}", n + 1
                taken.add(alias)
                local[key] = alias
        return local

    def _reachable(self) -> set[ModelKey]:
        """Models this module may name: its references, and the members of cyclic unions it inlines."""
        found: set[ModelKey] = set()
        todo = list(_refs_of_model(self.model))
        while todo:
            key = todo.pop()
            if key in found:
                continue
            found.add(key)
            target = self.spec.by_key[key]
            if target.kind in ("union", "alias") and key in self.cycles:
                todo.extend(_refs_of_model(target))
        return found

    def _fields(self) -> tuple[PyField, ...]:
        ordered = sorted(self.model.fields, key=lambda f: not f.required)
        reserved = self.names.taken_by_classes | set(self.local.values())
        attrs = naming.attribute_names((f.name for f in ordered), reserved)
        result = []
        for f, attr in zip(ordered, attrs, strict=True):
            annotation = self.annotation(f.type)
            if f.accepts_null and not admits_null(f.type):
                annotation = f"{annotation} | None"
            result.append(
                PyField(
                    name=attr,
                    wire_name=f.wire_name,
                    annotation=annotation,
                    required=f.required,
                    description=f.description,
                    deprecated=f.deprecated.message if f.deprecated else None,
                    field=f,
                    default="None" if f.required else self._default(f),
                )
            )
        return tuple(result)

    def _default(self, f: Field) -> str:
        """The doc's default as a Python expression, for a scalar or enum field; "None" otherwise."""
        value = f.default
        if not f.has_default or value is None or not self.style.doc_defaults:
            return "None"
        target = f.type
        if isinstance(target, Ref):
            model = self.spec.by_key[target.key]
            if model.kind != "enum" or self.style.enums != "class":
                return "None"
            labels = [v.name or str(v.value) for v in model.values]
            names = naming.enum_member_names(labels)
            for name, member in zip(names, model.values, strict=True):
                if type(member.value) is type(value) and member.value == value:
                    return f"{self.local[target.key]}.{name}"
            return "None"
        kinds: dict[str, type | tuple[type, ...]] = {
            "string": str,
            "integer": int,
            "bigint": int,
            "number": (int, float),
            "boolean": bool,
        }
        if isinstance(target, Literal) and type(target.value) is type(value):
            return py_literal(value) if target.value == value else "None"
        if isinstance(target, Primitive) and target.kind in kinds:
            is_bool = isinstance(value, bool)
            if isinstance(value, kinds[target.kind]) and is_bool == (target.kind == "boolean"):
                return py_literal(value)
        return "None"

    def _enum_members(self) -> tuple[PyEnumMember, ...]:
        if self.style.enums == "class":
            self.imports.add("from enum import Enum")
        labels = [v.name or str(v.value) for v in self.model.values]
        names = naming.enum_member_names(labels)
        return tuple(
            PyEnumMember(name, v.value) for name, v in zip(names, self.model.values, strict=True)
        )

    def _union_alias(self) -> str:
        members = self.model.members or (Primitive("any"),)
        self.imports.add("from typing import TypeAlias")
        self.member_annotations = tuple(self.annotation(m, (self.model.key,)) for m in members)
        return self._union_text(members, self.member_annotations)

    def _literal_alias(self, members: tuple[PyEnumMember, ...]) -> str:
        """An enum as the `Literal` of its wire values; an open enum also admits any str or int."""
        self.imports.add("from typing import Literal, TypeAlias")
        text = "Literal[" + ", ".join(py_literal(m.value) for m in members) + "]" if members else ""
        if self.model.open or not members:
            kinds = _dedupe(type(m.value).__name__ for m in members) or ["str"]
            text = " | ".join([text, *kinds] if text else kinds)
        return text

    def _union_text(self, members: tuple[TypeExpr, ...], parts: Iterable[str]) -> str:
        """Members joined with `|`, null last; with the runtime's `Choice` marker where the style wants it."""
        written = _dedupe(_operands(parts))
        nullable = "None" in written
        rest = [m for m in written if m != "None"]
        text = " | ".join(rest)
        marker = self._choice(members, rest)
        if marker:
            self.imports.add("from typing import Annotated")
            self.uses_runtime = True
            text = f"Annotated[{text}, {marker}]"
        if not rest:
            return " | ".join(written)
        return f"{text} | None" if nullable else text

    def _choice(self, members: tuple[TypeExpr, ...], rest: list[str]) -> str:
        """The `_runtime.Choice(...)` a union of `rest` is annotated with, or "" for none."""
        if self.style.union_marker == "none" or len(rest) < 2:
            return ""
        tag = union_tag(self.spec, members)
        if tag is not None and len(tag.values) == len(rest):
            values = ", ".join(py_literal(v) for v in tag.values)
            return f"_runtime.Choice({py_literal(tag.field)}, ({values}))"
        return "_runtime.Choice()" if self.style.union_marker == "all" else ""

    def _union(self, members: tuple[TypeExpr, ...], parts: Iterable[str]) -> str:
        """Members joined with `|`; styles with `wrap_unions` name a union of several members."""
        written = _dedupe(_operands(parts))
        nullable = "None" in written
        rest = [m for m in written if m != "None"]
        if not self.style.wrap_unions or len(rest) < 2:
            return self._union_text(members, written)
        text = self._union_text(members, rest)
        if text not in self.wrapped:
            self.imports.add("from typing import TYPE_CHECKING, TypeAlias")
            self.wrapped[text] = WrappedUnion(f"_Union{len(self.wrapped) + 1}", text)
        name = self.wrapped[text].name
        return f"{name} | None" if nullable else name

    def annotation(self, expr: TypeExpr, seen: tuple[ModelKey, ...] = ()) -> str:
        """The annotation for a type; `seen` holds the cyclic unions being inlined, to stop recursion."""
        if isinstance(expr, Primitive):
            text, imp = self.style.types[expr.kind]
            if imp:
                self.imports.add(imp)
            return text
        if isinstance(expr, Literal):
            self.imports.add("from typing import Literal")
            return f"Literal[{py_literal(expr.value)}]"
        if isinstance(expr, ArrayOf):
            return f"list[{self.annotation(expr.item, seen)}]"
        if isinstance(expr, MapOf):
            return f"dict[str, {self.annotation(expr.value, seen)}]"
        if isinstance(expr, UnionOf):
            return self._union(expr.members, [self.annotation(m, seen) for m in expr.members])
        if isinstance(expr, Ref):
            return self._ref(expr.key, seen)
        raise TypeError(f"unresolved type {expr!r}")

    def _ref(self, key: ModelKey, seen: tuple[ModelKey, ...]) -> str:
        target = self.spec.by_key[key]
        if target.kind in ("union", "alias") and key in self.cycles:
            if key in seen:
                self.imports.add("from typing import Any")
                return "Any"
            members = target.members or (Primitive("any"),)
            return self._union(members, [self.annotation(m, (*seen, key)) for m in members])
        if key != self.model.key:
            self.used[key] = None
        return self.local[key]

    def _model_imports(self, package: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        early: list[str] = []
        late: list[str] = []
        own_cycle = self.cycles.get(self.model.key)
        for key in sorted(self.used):
            line = _import_line(
                package, self.names.packages[key], self.names.modules[key], self.names.classes[key]
            )
            if self.local[key] != self.names.classes[key]:
                line += f" as {self.local[key]}"
            cyclic = own_cycle is not None and self.cycles.get(key) == own_cycle
            (late if cyclic and self.model.kind == "object" else early).append(line)
        # `import_block` puts the early ones in isort's order; the late ones are written as they are.
        return tuple(sorted(early)), tuple(import_order.sorted_lines(late))


def runtime_import(package: tuple[str, ...]) -> str:
    """The line a module of sub-package `package` imports the package's runtime with."""
    return "from " + "." * (len(package) + 1) + " import _runtime"


def merge_imports(lines: Iterable[str]) -> tuple[str, ...]:
    """`from m import a` and `from m import b` as one `from m import a, b` line, sorted by module, the
    names in isort's order (`import_block` orders the lines themselves)."""
    names: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        module, _, imported = line.removeprefix("from ").partition(" import ")
        names[module].update(n.strip() for n in imported.split(","))
    return tuple(
        f"from {module} import {', '.join(sorted(names[module], key=import_order.member_key))}"
        for module in sorted(names)
    )


def _import_line(here: tuple[str, ...], there: tuple[str, ...], module: str, name: str) -> str:
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    dots = "." * (len(here) - common + 1)
    path = ".".join((*there[common:], module))
    return f"from {dots}{path} import {name}"


def _operands(parts: Iterable[str]) -> list[str]:
    """Each part split at its top-level `|`: a type spelled as a union (typeddict's decimal, `str | float`)
    does not repeat a member beside it (`int | float | str | float`, PYI016)."""
    found: list[str] = []
    for part in parts:
        found.extend(union_parts(part)[0] if "|" in part else (part,))
    return found


def _dedupe(parts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(parts))


def _enum_base(members: tuple[PyEnumMember, ...]) -> str:
    if members and all(isinstance(m.value, str) for m in members):
        return "str, Enum"
    if members and all(isinstance(m.value, int) for m in members):
        return "int, Enum"
    return "Enum"
