"""Accounting for every component schema: the doc model it has, or why it has none, computed from the
spec and the docs (its shape, whether an operation reaches it, whether the SDK documents unions)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ir import Spec
from .match import Matcher, Node, Schemas, compat
from .schema import json_types, norm, variants

#: What each category of a component schema means; the first two cover it, the others say why not.
CATEGORIES = {
    "doc-model": "a doc model was matched to it",
    "typed-inline": "a matched model's field types it inline (a map, list, primitive or constant)",
    "not-model-shaped": "an array, map or primitive alias: SDKs inline it, so no doc can exist",
    "alias": "an alias of another schema (a one-part allOf or a nullable wrapper): SDKs use that "
    "schema's model",
    "orphan": "no $ref path from an operation, a parameter or a webhook reaches it",
    "union-inlined": "a union, where the docs show that the SDK types unions inline (no union model, "
    "no doc for a schema only unions reach, a union typed inline)",
    "union-member": "reached only through unions, where the docs show that the SDK types unions "
    "inline: the SDK names no type for it",
    "doc-not-matched": "a doc model has its name or its field set but was not matched to it "
    "(a matching bug)",
    "no-doc": "model-shaped and reachable, but no doc has its name or its field set",
}
#: Shapes an SDK writes a model (and a doc) for.
MODEL_SHAPES = frozenset({"object", "enum", "union"})
_HTTP_ROOTS = ("paths", "webhooks", "x-webhooks")


@dataclass(frozen=True)
class Entry:
    """One component schema: its shape, whether an operation reaches it, its category and reason."""

    pointer: str
    shape: str
    reachable: bool
    category: str
    reason: str
    #: Whether the SDK can have a doc model for it: model-shaped, reachable, not inside inlined unions.
    in_scope: bool

    @property
    def covered(self) -> bool:
        return self.category in ("doc-model", "typed-inline")


def shape(node: Node, schemas: Schemas) -> tuple[str, str | None]:
    """The shape of a component (object, enum, union, alias, array, map, primitive, any), and for an
    alias the pointer of the schema it stands for."""
    schema = node.schema
    target = schemas.node_of(schema, node.base)
    if target is not None and target is not node and target.component:
        return "alias", target.pointer
    if node.values is not None:
        return "enum", None
    if node.props or isinstance(schema.get("properties"), dict):
        return "object", None
    if variants(schema):
        return "union", None
    types = json_types(schema) - {"null"}
    if "array" in types or "items" in schema:
        return "array", None
    if "object" in types or "additionalProperties" in schema:
        return "map", None
    return ("primitive" if types else "any"), None


def reachable_ids(schemas: Schemas, through_unions: bool = True) -> set[int]:
    """The ids of every schema object that a `$ref` path from an operation, a parameter or a webhook
    reaches; without `through_unions`, union members are not entered (a nullable wrapper's one is)."""
    doc = schemas.doc
    seen: set[int] = set()
    todo: list[tuple[Any, Path]] = [
        (doc.root[key], doc.path) for key in _HTTP_ROOTS if isinstance(doc.root.get(key), dict)
    ]
    while todo:
        value, base = todo.pop()
        if isinstance(value, list):
            todo.extend((item, base) for item in value)
            continue
        if not isinstance(value, dict) or id(value) in seen:
            continue
        seen.add(id(value))
        ref = value.get("$ref")
        if isinstance(ref, str):
            try:
                target, _, target_base = doc.resolve(ref, base)
            except Exception:  # a broken $ref is reported when a model needs it
                target = None
            if target is not None:
                todo.append((target, target_base))
        skip = not through_unions and len(variants(value)) > 1
        for key, item in value.items():
            if key != "$ref" and not (skip and key in ("oneOf", "anyOf")):
                todo.append((item, base))
    return seen


@dataclass
class Accounting:
    """The computation over one document and one set of docs."""

    spec: Spec
    matcher: Matcher
    schemas: Schemas
    #: A union the docs type inline, when that shows the SDK types every union inline; else None.
    unions_inlined: str | None = None

    def run(self) -> list[Entry]:
        reach = reachable_ids(self.schemas)
        modeled = reachable_ids(self.schemas, through_unions=False)
        used = {m.node.pointer: key for key, m in self.matcher.matched.items()}
        shapes = {node.pointer: shape(node, self.schemas) for node in self.schemas.components}
        self.unions_inlined = self._unions_inlined(reach - modeled, shapes, used)
        entries = []
        for node in self.schemas.components:
            kind, target = shapes[node.pointer]
            is_reached = id(node.schema) in reach
            in_scope = kind in MODEL_SHAPES and is_reached
            if self.unions_inlined and (kind == "union" or id(node.schema) not in modeled):
                in_scope = False
            category, reason = self._why(node, kind, target, is_reached, modeled, used)
            entries.append(Entry(node.pointer, kind, is_reached, category, reason, in_scope))
        return entries

    def _unions_inlined(
        self, union_only: set[int], shapes: dict[str, tuple[str, str | None]], used: dict[str, Any]
    ) -> str | None:
        """A union component the docs type inline, when the docs also define no union model and
        document no schema that only unions reach: then the SDK types every union inline."""
        if any(m.kind == "union" for m in self.spec.models):
            return None
        nodes = self.schemas.components
        if any(id(n.schema) in union_only and n.pointer in used for n in nodes):
            return None
        inlined = [
            n.pointer
            for n in nodes
            if shapes[n.pointer][0] == "union" and n.pointer in self.matcher.inlined
        ]
        return inlined[0] if inlined else None

    def _why(
        self,
        node: Node,
        kind: str,
        target: str | None,
        is_reached: bool,
        modeled: set[int],
        used: dict[str, Any],
    ) -> tuple[str, str]:
        if node.pointer in used:
            return "doc-model", f"matched by {used[node.pointer]}"
        inline = self.matcher.inlined.get(node.pointer)
        if inline:
            return "typed-inline", f"the docs type it inline ({_INLINE.get(inline, inline)})"
        if kind == "alias":
            owner = "which has a doc model" if target in used else "which has none"
            return "alias", f"an alias of {target} ({owner}): SDKs use that schema's model"
        if kind not in MODEL_SHAPES:
            return (
                "not-model-shaped",
                f"{_article(kind)} {kind} alias: SDKs inline it, so no doc can exist"
                + (self._inner_model(node, used)),
            )
        doc = self._doc_with_name_or_fields(node)
        if doc:
            return "doc-not-matched", doc
        if not is_reached:
            forced = (
                " (it has x-speakeasy-include)" if node.schema.get("x-speakeasy-include") else ""
            )
            return (
                "orphan",
                f"no $ref path from an operation, a parameter or a webhook reaches it{forced}",
            )
        why = (
            f"the SDK types unions inline: its docs define no union model, document no schema "
            f"that only unions reach, and type {self.unions_inlined} inline"
        )
        if self.unions_inlined and kind == "union":
            return "union-inlined", f"a union, and {why}"
        if self.unions_inlined and id(node.schema) not in modeled:
            return "union-member", f"reached only through unions, and {why}"
        return "no-doc", "no doc has its name or its field set"

    def _inner_model(self, node: Node, used: dict[str, Any]) -> str:
        """For an array or map alias, the doc model of its items or values, if they have one."""
        for key in ("items", "additionalProperties"):
            inner = self.schemas.node_of(node.schema.get(key), node.base)
            if inner is not None and inner.pointer in used:
                return f" (its {key} have the doc model {used[inner.pointer]})"
        return ""

    def _doc_with_name_or_fields(self, node: Node) -> str:
        """Why a doc model that should have matched this schema did not, or '' when there is none."""
        name = norm(node.component or "")
        for model in self.spec.models:
            named = name in (norm(model.key.name), norm(model.title))
            fits = (
                model.kind == "object"
                and model.key not in self.matcher.matched
                and bool(node.props)
                and compat(model, node) >= 0.75
            )
            if not (named or fits):
                continue
            found = self.matcher.matched.get(model.key)
            if found is not None:
                return f"the doc model {model.key} has its name but matched {found.node.pointer}"
            why = self.matcher.reasons.get(model.key, "")
            how = "has its name" if named else f"fits its field set ({compat(model, node):.2f})"
            return f"the doc model {model.key} {how} but matched nothing: {why}"
        return ""


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


_INLINE = {
    "MapOf": "a map",
    "Primitive": "a primitive",
    "ArrayOf": "a list",
    "Literal": "a constant",
}


def summary(entries: list[Entry]) -> dict[str, Any]:
    """The counts of a report: all schemas, model-shaped reachable ones, those the SDK can model."""
    shaped = [e for e in entries if e.shape in MODEL_SHAPES and e.reachable]
    scope = [e for e in entries if e.in_scope]
    return {
        "schemas": len(entries),
        "schemas_matched": sum(e.category == "doc-model" for e in entries),
        "schemas_inlined": sum(e.category == "typed-inline" for e in entries),
        "schemas_model_shaped_reachable": len(shaped),
        "schemas_model_shaped_reachable_covered": sum(e.covered for e in shaped),
        "schemas_in_scope": len(scope),
        "schemas_in_scope_covered": sum(e.covered for e in scope),
        "categories": dict(Counter(e.category for e in entries)),
        "schema_docs": sum(e.category in ("doc-model", "doc-not-matched") for e in entries),
    }
