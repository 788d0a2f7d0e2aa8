"""Matching doc models to OpenAPI schemas: by name, through the fields of a matched parent, by field set."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ir import ArrayOf, Literal, MapOf, Model, ModelKey, Ref, Spec, TypeExpr, UnionOf
from .document import Document
from .schema import (
    ObjectView,
    enum_values,
    is_null_schema,
    is_object,
    norm,
    object_view,
    unwrap,
    variants,
)

_CHILD_KEYS = ("items", "additionalProperties", "not")
_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass
class Node:
    """One schema of the document: a component or an inline schema, with the names it may go by."""

    pointer: str
    schema: dict[str, Any]
    base: Path
    names: set[str] = field(default_factory=set)
    component: str | None = None
    props: frozenset[str] = frozenset()
    values: frozenset[str] | None = None
    #: Properties that allow a few values only (`const`, a short `enum`): normalized name -> values.
    fixed: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Schemas whose properties this one inherits: the holder of the `oneOf`/`anyOf` it is a member of,
    #: and the schema whose `allOf` holds such a holder.
    parents: list[Node] = field(default_factory=list)


@dataclass(frozen=True)
class Matched:
    node: Node
    by: str  # name, parent, fields or values


class Schemas:
    """Every schema of a document (components, and those inline in paths and in other schemas)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.nodes: dict[str, Node] = {}
        self.by_id: dict[int, Node] = {}
        self.by_name: dict[str, list[Node]] = {}
        self.components: list[Node] = []
        self.operations: set[str] = set()
        #: Per operation (normalized name): the pointers of its request and its response body schemas.
        self.bodies: dict[str, dict[str, set[str]]] = {}
        #: The doc models, for checks that follow a field's type (set by the Matcher).
        self.models: dict[ModelKey, Model] = {}
        self._collect()

    def node_of(self, schema: Any, base: Path) -> Node | None:
        """The node of a schema value (after `$ref`s, one-part `allOf`s and null members)."""
        value, _, _ = unwrap(schema, self.doc, base)
        return self.by_id.get(id(value))

    def view(self, node: Node) -> ObjectView:
        """The node's properties and required names, with those it inherits from its parents.

        A property or `required` list beside a `oneOf`/`anyOf` holds for every member (JSON Schema applies
        both to the same instance), and SDK docs list them among each variant's fields."""
        view = object_view(node.schema, self.doc, node.base)
        for parent in _ancestors(node):
            inherited = object_view(parent.schema, self.doc, parent.base)
            for name, value in inherited.properties.items():
                view.properties.setdefault(name, value)
            view.required |= inherited.required
        return view

    def _inherit(self) -> None:
        """The field sets of members that inherit properties, now that every parent is known."""
        for node in self.nodes.values():
            if node.parents:
                self._describe(node, self.view(node))

    def _describe(self, node: Node, view: ObjectView) -> None:
        node.props = frozenset(norm(p) for p in view.properties)
        for prop, (value, where) in view.properties.items():
            inner, _, _ = unwrap(value, self.doc, where)
            allowed = enum_values(inner)
            if allowed is not None and len(allowed) <= 3:
                node.fixed[norm(prop)] = frozenset(str(v) for v in allowed)

    def _collect(self) -> None:
        root = self.doc.root
        done: set[Path] = set()
        pending = [self.doc.path]
        while pending:
            path = pending.pop(0)
            if path in done:
                continue
            done.add(path)
            data = self.doc.resolve("#", path)[0] if path != self.doc.path else root
            schemas = (
                (data.get("components") or {}).get("schemas") if isinstance(data, dict) else None
            )
            for name, schema in (schemas or {}).items():
                pointer = self.doc.pointer(path, f"/components/schemas/{name}")
                node = self._visit(schema, path, pointer, {str(name)})
                if node is not None and node.component is None:
                    node.component = str(name)
                    self.components.append(node)
            if path == self.doc.path:
                self._collect_paths()
            pending.extend(p for p in self.doc.files() if p not in done)
        for node in self.nodes.values():
            for name in node.names:
                self.by_name.setdefault(name, []).append(node)
        self._inherit()

    def _collect_paths(self) -> None:
        paths = self.doc.root.get("paths") or {}
        for route, item in paths.items():
            if not isinstance(item, dict):
                continue
            for method in _HTTP_METHODS:
                op = item.get(method)
                if not isinstance(op, dict):
                    continue
                prefix = f"#/paths/{_escape(route)}/{method}"
                name = _pascal(str(op.get("operationId") or f"{method} {route}"))
                self.operations.add(norm(name))
                bodies = self.bodies.setdefault(norm(name), {"request": set(), "response": set()})
                params: list[Any] = []
                for where in (item, op):
                    if isinstance(where.get("parameters"), list):
                        params.extend(where["parameters"])
                for i, param in enumerate(params):
                    self._visit_parameter(param, f"{prefix}/parameters/{i}", name)
                body, _, base = self.doc.deref(op.get("requestBody"), self.doc.path)
                for media, content in _contents(body):
                    node = self._visit(
                        content.get("schema"),
                        base,
                        f"{prefix}/requestBody/content/{_escape(media)}/schema",
                        {f"{name}RequestBody"} | _titled(name, content.get("schema")),
                    )
                    if node is not None:
                        bodies["request"].add(node.pointer)
                for status, response in (op.get("responses") or {}).items():
                    response, _, base = self.doc.deref(response, self.doc.path)
                    for media, content in _contents(response):
                        node = self._visit(
                            content.get("schema"),
                            base,
                            f"{prefix}/responses/{status}/content/{_escape(media)}/schema",
                            {f"{name}ResponseBody", f"{name}{status}ResponseBody"}
                            | _titled(name, content.get("schema")),
                        )
                        if node is not None:
                            bodies["response"].add(node.pointer)

    def _visit_parameter(self, param: Any, pointer: str, operation: str) -> None:
        """A parameter's schema, named as SDKs name it: after the parameter's component, the parameter
        (`refObjParam`) and the operation with the parameter (`FormQueryParamsObjectObjParam`)."""
        try:
            param, ref, base = self.doc.deref(param, self.doc.path)
        except Exception:  # a broken $ref is reported when a model needs it
            return
        if not isinstance(param, dict):
            return
        hints = {ref.rsplit("/", 1)[-1]} if ref else set()
        if isinstance(param.get("name"), str):
            hints |= {param["name"], f"{operation}{_pascal(param['name'])}"}
        self._visit(param.get("schema"), base, f"{ref or pointer}/schema", hints)

    def _visit(self, schema: Any, base: Path, pointer: str, hints: set[str]) -> Node | None:
        if not isinstance(schema, dict):
            return None
        if isinstance(schema.get("$ref"), str):
            try:
                target, ref_pointer, target_base = self.doc.resolve(schema["$ref"], base)
            except Exception:  # a broken $ref is reported when a model needs it
                return None
            name = ref_pointer.rsplit("/", 1)[-1]
            return self._visit(target, target_base, ref_pointer, hints | {name})
        names = {norm(h) for h in hints if h}
        for key in ("title", "x-speakeasy-name-override"):
            if isinstance(schema.get(key), str):
                names.add(norm(schema[key]))
        found = self.by_id.get(id(schema))
        if found is not None:
            found.names |= names
            return found
        node = Node(pointer, schema, base, names)
        self.nodes[pointer] = node
        self.by_id[id(schema)] = node
        if is_object(schema):
            self._describe(node, object_view(schema, self.doc, base))
        values = enum_values(schema)
        if values is not None:
            node.values = frozenset(str(v) for v in values)
        parents = hints | {schema[k] for k in ("title",) if isinstance(schema.get(k), str)}
        for prop, value in (schema.get("properties") or {}).items():
            child = {_pascal(str(prop))} | {f"{p}{_pascal(str(prop))}" for p in parents}
            self._visit(value, base, f"{pointer}/properties/{_escape(str(prop))}", child)
        for key in _CHILD_KEYS:
            self._visit(schema.get(key), base, f"{pointer}/{key}", parents)
        for key in ("allOf", "oneOf", "anyOf"):
            for i, member in enumerate(schema.get(key) or []):
                inner = self._visit(
                    member, base, f"{pointer}/{key}/{i}", parents if key == "allOf" else set()
                )
                if inner is None or inner is node or any(p is node for p in inner.parents):
                    continue
                # A member inherits the holder's properties; an `allOf` part that holds variants passes
                # the other parts' properties on to them.
                if (key != "allOf" and not is_null_schema(inner.schema)) or (
                    key == "allOf" and variants(inner.schema)
                ):
                    inner.parents.append(node)
        return node


def _ancestors(node: Node) -> list[Node]:
    """Every schema `node` inherits properties from, nearest first; each once, cycles ignored."""
    found: list[Node] = []
    todo = list(node.parents)
    while todo:
        parent = todo.pop(0)
        if parent is node or any(p is parent for p in found):
            continue
        found.append(parent)
        todo.extend(parent.parents)
    return found


def _contents(value: Any) -> Iterable[tuple[str, dict[str, Any]]]:
    content = value.get("content") if isinstance(value, dict) else None
    if isinstance(content, dict):
        for media, entry in content.items():
            if isinstance(entry, dict):
                yield str(media), entry


def _titled(operation: str, schema: Any) -> set[str]:
    """An inline body schema with a `title` is named after its operation and title by SDKs
    (`unionDateNull` with `title: res` is `UnionDateNullRes`)."""
    title = schema.get("title") if isinstance(schema, dict) else None
    return {f"{operation}{_pascal(title)}"} if isinstance(title, str) and title.strip() else set()


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _pascal(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"[^A-Za-z0-9]+", text) if w)


def field_names(model: Model) -> frozenset[str]:
    return frozenset(norm(f.wire_name) for f in model.fields) | frozenset(
        norm(f.name) for f in model.fields
    )


def compat(model: Model, node: Node) -> float:
    """How well a schema fits a model, 0 (not at all) to 1 (same field set or value set)."""
    if model.kind == "object":
        if not is_object(node.schema) and not node.props:
            return 0.0
        mine = frozenset(norm(f.wire_name) for f in model.fields)
        if not mine and not node.props:
            return 1.0
        alt = frozenset(norm(f.name) for f in model.fields)
        for f in model.fields:
            allowed = node.fixed.get(norm(f.wire_name))
            if (
                isinstance(f.type, Literal)
                and allowed is not None
                and str(f.type.value) not in allowed
            ):
                return 0.0  # a discriminator that says no: `type: "text"` is not `type: "date"`
        return max(_jaccard(mine, node.props), _jaccard(alt, node.props))
    if model.kind == "enum":
        if node.values is None:
            return 0.0
        return _jaccard(frozenset(str(v.value) for v in model.values), node.values)
    if model.kind == "union":
        return 1.0 if variants(node.schema) or len(node.schema.get("type") or "") > 1 else 0.0
    return 0.5


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


@dataclass
class Matcher:
    """Finds the schema of each doc model; `matched` and `reasons` (for models without one) are the result."""

    spec: Spec
    schemas: Schemas
    matched: dict[ModelKey, Matched] = field(default_factory=dict)
    reasons: dict[ModelKey, str] = field(default_factory=dict)
    ambiguous: dict[ModelKey, list[str]] = field(default_factory=dict)
    #: Other schemas a matched model also stands for (a doc model reused where the spec differs).
    also: dict[ModelKey, dict[str, Node]] = field(default_factory=dict)
    #: Component schemas that a matched field types inline (a map or a primitive) rather than by a model.
    inlined: dict[str, str] = field(default_factory=dict)

    def run(self) -> None:
        self.schemas.models = dict(self.spec.by_key)
        self._by_name()
        while True:
            before = len(self.matched)
            self._propagate(list(self.matched))
            self._by_fields()
            self._propagate(list(self.matched))
            if len(self.matched) == before:
                self._by_suffix()
                self._propagate(list(self.matched))
            if len(self.matched) == before:
                break
        for model in self.spec.models:
            if model.key not in self.matched:
                self.reasons[model.key] = self._reason(model)

    def _accept(self, model: Model, node: Node, by: str, floor: float) -> bool:
        matched = self.matched.get(model.key)
        fits = compat(model, node) >= floor
        elsewhere = matched is not None and matched.node.pointer != node.pointer
        if by == "parent" and (elsewhere or (matched is None and not fits)):
            self.also.setdefault(model.key, {})[node.pointer] = node
        if matched is not None or not fits:
            return False
        self.matched[model.key] = Matched(node, by)
        return True

    def _by_name(self) -> None:
        for model in self.spec.models:
            candidates = self.schemas.by_name.get(
                norm(model.key.name), []
            ) + self.schemas.by_name.get(norm(model.title), [])
            if not candidates:
                continue
            own = {norm(model.key.name), norm(model.title)}
            # A schema `allOf` composes also takes the composite's name: on a tie, the component
            # named so wins (`deepObjectWithType`, not the `deepObject` it extends).
            best = max(
                candidates,
                key=lambda n: (
                    compat(model, n),
                    norm(n.component or "") in own,
                    n.component is not None,
                ),
            )
            self._accept(model, best, "name", 0.5)

    def _propagate(self, todo: list[ModelKey]) -> None:
        while todo:
            key = todo.pop()
            model = self.spec.by_key[key]
            node = self.matched[key].node
            pairs: list[tuple[TypeExpr, Any, Path]] = []
            if model.kind == "object":
                view = self.schemas.view(node)
                for f in model.fields:
                    prop = lookup(view, f.wire_name, f.name)
                    if prop is not None:
                        pairs.append((f.type, *view.properties[prop]))
            elif model.kind == "union":
                pairs.extend((m, node.schema, node.base) for m in model.members)
            for expr, schema, base in pairs:
                todo.extend(self._pair(expr, schema, base))

    def _pair(self, expr: TypeExpr, schema: Any, base: Path) -> list[ModelKey]:
        """Match the models `expr` names to the schemas at the same place; the keys newly matched."""
        try:
            value, _, base = unwrap(schema, self.schemas.doc, base)
        except Exception:
            return []
        if not isinstance(value, dict):
            return []
        found: list[ModelKey] = []
        if isinstance(expr, Ref):
            model = self.spec.by_key.get(expr.key)
            node = self.schemas.by_id.get(id(value))
            if model is None or node is None:
                return []
            if model.kind != "union" and variants(value) and compat(model, node) == 0:
                return self._pair_union((expr,), value, base)
            return [model.key] if self._accept(model, node, "parent", 0.3) else []
        node = self.schemas.by_id.get(id(value))
        if node is not None and node.component and not isinstance(expr, Ref | UnionOf):
            self.inlined.setdefault(node.pointer, type(expr).__name__)
        if isinstance(expr, ArrayOf):
            return self._pair(expr.item, value.get("items"), base)
        if isinstance(expr, MapOf):
            return self._pair(expr.value, value.get("additionalProperties"), base)
        if isinstance(expr, UnionOf):
            return self._pair_union(expr.members, value, base)
        return found

    def _pair_union(self, members: tuple[TypeExpr, ...], value: Any, base: Path) -> list[ModelKey]:
        found: list[ModelKey] = []
        options = [self.schemas.node_of(v, base) for v in variants(value)]
        nodes = [n for n in options if n is not None]
        for member in members:
            if isinstance(member, Ref) and member.key in self.spec.by_key and nodes:
                model = self.spec.by_key[member.key]
                best = max(nodes, key=lambda n: compat(model, n))
                if self._accept(model, best, "parent", 0.3):
                    found.append(model.key)
            elif isinstance(member, ArrayOf | MapOf):
                for n in nodes:
                    found.extend(self._pair(member, n.schema, n.base))
        return found

    def _by_suffix(self) -> None:
        """A component no model matched, and an unmatched model whose name ends with the component's
        (Speakeasy renames a clash: `VerificationPasskey` for `Passkey`), if the shapes fit half-way."""
        used = {m.node.pointer for m in self.matched.values()}
        free = [n for n in self.schemas.components if n.pointer not in used and n.component]
        for node in free:
            name = norm(node.component or "")
            fits = [
                m
                for m in self.spec.models
                if m.key not in self.matched
                and self._wrapper(m) is None
                and len(name) >= 4
                and norm(m.key.name).endswith(name)
                and compat(m, node) >= 0.5
            ]
            if len(fits) == 1:
                self._accept(fits[0], node, "name suffix", 0.5)

    def _by_fields(self) -> None:
        index: dict[str, list[Node]] = {}
        for node in self.schemas.nodes.values():
            for prop in node.props:
                index.setdefault(prop, []).append(node)
        for model in self.spec.models:
            if model.key in self.matched or model.kind != "object" or not model.fields:
                continue
            # An SDK's `<operation>Request`/`Response` wrapper has the fields of that operation's
            # body when the SDK flattens it, never those of another schema.
            own = self._wrapper_bodies(model)
            counts: Counter[str] = Counter()
            nodes: dict[str, Node] = {}
            for prop in {norm(f.wire_name) for f in model.fields}:
                for node in index.get(prop, []):
                    if own is None or node.pointer in own:
                        counts[node.pointer] += 1
                        nodes[node.pointer] = node
            name = norm(model.key.name)

            def named(n: Node, name: str = name) -> bool:
                # a short name (a `title: res` shared by many bodies) tells nothing apart
                return any(name.endswith(x) or x.endswith(name) for x in n.names if len(x) >= 4)

            ranked = sorted(
                nodes.values(), key=lambda n: (-compat(model, n), not named(n), n.pointer)
            )
            if not ranked:
                continue
            best = ranked[0]
            rivals = [
                n
                for n in ranked[1:]
                if (compat(model, n) == compat(model, best) and n.props != best.props)
                or (compat(model, n) == compat(model, best) and named(n) == named(best))
            ]
            if rivals and not named(best):
                self.ambiguous[model.key] = [best.pointer, *(n.pointer for n in rivals[:2])]
                continue
            self._accept(model, best, "fields", 0.75)

    def _wrapper(self, model: Model) -> str | None:
        """What an SDK's wrapper model (`<operation>Request`, `<operation>Response`) wraps, or None."""
        name = norm(model.key.name)
        for suffix, what in (("request", "parameters"), ("response", "HTTP response")):
            if name.endswith(suffix) and name[: -len(suffix)] in self.schemas.operations:
                return what
        return None

    def _wrapper_bodies(self, model: Model) -> set[str] | None:
        """For a wrapper model, the pointers of the body schemas of its operation; None otherwise."""
        name = norm(model.key.name)
        for suffix in ("request", "response"):
            bodies = self.schemas.bodies.get(name[: -len(suffix)])
            if name.endswith(suffix) and bodies is not None:
                return bodies[suffix]
        return None

    def _reason(self, model: Model) -> str:
        if model.kind == "alias":
            return "an alias: nothing to match"
        name = norm(model.key.name)
        wraps = self._wrapper(model)
        if wraps is not None:
            return f"the SDK's wrapper of an operation's {wraps}: not a schema"
        named = self.schemas.by_name.get(name, [])
        if model.key in self.ambiguous:
            return (
                "its field set fits several schemas equally well and none has its name: "
                + ", ".join(self.ambiguous[model.key])
            )
        if named:
            best = max(named, key=lambda n: compat(model, n))
            return (
                f"{best.pointer} has its name but not its shape "
                f"(fit {compat(model, best):.2f}, needs 0.50)"
            )
        if model.kind == "object":
            ranked = sorted(self.schemas.nodes.values(), key=lambda n: -compat(model, n))
            if ranked and compat(model, ranked[0]) > 0:
                return (
                    f"no schema has its name; the closest field set is {ranked[0].pointer} "
                    f"(fit {compat(model, ranked[0]):.2f}, needs 0.75)"
                )
            return "no schema has its name or any of its fields"
        if model.kind == "enum":
            return "no schema has its name, and it is not the type of a matched field"
        return "no schema has its name, and it is not the type of a matched field"


def lookup(view: ObjectView, wire_name: str, name: str) -> str | None:
    """The property of `view` that a doc field names: its wire name, its name, or the same name spelled
    differently (`lastActiveAt` for `last_active_at`)."""
    for candidate in (wire_name, name):
        if candidate in view.properties:
            return candidate
    wanted = {norm(wire_name), norm(name)}
    for prop in view.properties:
        if norm(prop) in wanted:
            return prop
    return None
