"""Replace every `Link` of the draft models by a `Ref` to the model it names: by path first, then by name."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import replace

from generator.diagnostics import Collector
from generator.ir import (
    ArrayOf,
    Field,
    Link,
    MapOf,
    Model,
    ModelKey,
    Primitive,
    Ref,
    Span,
    TypeExpr,
    UnionOf,
    walk_type,
)
from generator.reader.dialects.base import qualified_tail

_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


class Resolver:
    """Knows every model of a run by doc path and by title."""

    def __init__(self, models: list[Model]) -> None:
        self.by_path: dict[str, ModelKey] = {}
        self.by_folded_path: dict[str, list[ModelKey]] = defaultdict(list)
        self.by_name: dict[str, list[Model]] = defaultdict(list)
        for model in models:
            self.by_path[model.doc_path] = model.key
            self.by_folded_path[model.doc_path.lower()].append(model.key)
            self.by_name[model.title.lower()].append(model)
            stem = posixpath.splitext(posixpath.basename(model.doc_path))[0].lower()
            if stem != model.title.lower():
                self.by_name[stem].append(model)

    def resolve_model(self, model: Model, out: Collector) -> Model:
        """The model with its links resolved (the model itself when it has none: most fields have none)."""
        fields = tuple(self._field(model, f, out) for f in model.fields)
        members = tuple(self._member(model, m, out) for m in model.members)
        if _same(fields, model.fields) and _same(members, model.members):
            return model
        return replace(model, fields=fields, members=members)

    def _member(self, model: Model, member: TypeExpr, out: Collector) -> TypeExpr:
        """A union member. A heading that names no model is a display name (C# discriminated unions write
        `### VerificationWeb3` for the model `Web3Signature`), which the page does not map: read as any."""
        if isinstance(member, Link) and member.href is None:
            found = self._by_name(model, member.text)
            if isinstance(found, Ref):
                return found
            if found[0] == "DM201":
                out.warning(
                    model.source,
                    "DM203",
                    f"union member `{member.text}` names no model (a display name?): read as any",
                )
                return Primitive("any")
        return self.resolve_type(model, member, model.source, out)

    def _field(self, model: Model, field: Field, out: Collector) -> Field:
        resolved = self.resolve_type(model, field.type, field.source, out)
        return field if resolved is field.type else replace(field, type=resolved)

    def resolve_type(self, model: Model, expr: TypeExpr, span: Span, out: Collector) -> TypeExpr:
        """The type with its links resolved: the same object when it holds no link."""
        if isinstance(expr, Link):
            return self.resolve_link(model, expr, span, out)
        if isinstance(expr, ArrayOf):
            item = self.resolve_type(model, expr.item, span, out)
            return expr if item is expr.item else ArrayOf(item)
        if isinstance(expr, MapOf):
            value = self.resolve_type(model, expr.value, span, out)
            return expr if value is expr.value else MapOf(value)
        if isinstance(expr, UnionOf):
            members = tuple(self.resolve_type(model, m, span, out) for m in expr.members)
            return expr if _same(members, expr.members) else UnionOf(members)
        return expr

    def resolve_link(self, model: Model, link: Link, span: Span, out: Collector) -> TypeExpr:
        href = (link.href or "").split("#", 1)[0]
        if href and not _EXTERNAL.match(href):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(model.doc_path), href))
            key = self.by_path.get(target)
            folded = self.by_folded_path.get(target.lower(), [])
            if key is None and len(folded) == 1:
                key = folded[0]
            if key is not None:
                return Ref(key)
            by_name = self._by_name(model, link.text) if link.text else None
            if isinstance(by_name, Ref):
                return by_name
            out.error(span, "DM200", f"link to `{link.href}`: no such doc was read")
            return Ref(ModelKey("", "?"))
        found = self._by_name(model, link.text)
        if isinstance(found, Ref):
            return found
        out.error(span, found[0], found[1])
        return Ref(ModelKey("", "?"))

    def _by_name(self, model: Model, text: str) -> Ref | tuple[str, str]:
        name = qualified_tail(text)
        qualifier = re.split(r"[.\\:]+", text.strip())[:-1]
        candidates = self.by_name.get(name.lower(), [])
        exact = [m for m in candidates if m.title == name]
        candidates = exact or candidates
        if qualifier and len(candidates) > 1:
            hint = qualifier[-1].lower()
            narrowed = [m for m in candidates if m.key.namespace.rpartition("/")[2].lower() == hint]
            candidates = narrowed or candidates
        if len(candidates) > 1:
            same_folder = [m for m in candidates if m.key.namespace == model.key.namespace]
            candidates = same_folder or candidates
        if len(candidates) == 1:
            return Ref(candidates[0].key)
        if not candidates:
            return ("DM201", f"type `{text}` matches no model")
        where = ", ".join(sorted(m.doc_path for m in candidates))
        return ("DM202", f"type `{text}` matches several models: {where}")


def _same(new: tuple[object, ...], old: tuple[object, ...]) -> bool:
    """Whether each item of `new` is the very object at its place in `old`."""
    return all(a is b for a, b in zip(new, old, strict=True))


def resolve(models: list[Model], out: Collector) -> list[Model]:
    resolver = Resolver(models)
    members = _listed_members(resolver, models)
    resolved = []
    for model in models:
        model = resolver.resolve_model(model, out)
        if model.kind == "alias" and not model.members:
            model = _title_only(model, members.get(model.key), out)
        resolved.append(model)
    return resolved


def _title_only(model: Model, members: tuple[TypeExpr, ...] | None, out: Collector) -> Model:
    if members:
        return replace(model, kind="union", members=members)
    out.warning(
        model.source,
        "DM104",
        "no Fields, Values or Supported Types section, and no link lists its members: read as an untyped alias",
    )
    return replace(model, members=(Primitive("any"),))


def _listed_members(
    resolver: Resolver, models: list[Model]
) -> dict[ModelKey, tuple[TypeExpr, ...]]:
    """For title-only pages: the members the first cell (in doc order) that links to them lists."""
    title_only = {m.key for m in models if m.kind == "alias" and not m.members}
    found: dict[ModelKey, tuple[TypeExpr, ...]] = {}
    quiet = Collector()
    for model in sorted(models, key=lambda m: m.key):
        for field in model.fields:
            for link in _links(field.type):
                if not link.members:
                    continue
                target = resolver.resolve_link(
                    model, Link(link.href, link.text), field.source, quiet
                )
                if isinstance(target, Ref) and target.key in title_only and target.key not in found:
                    found[target.key] = tuple(
                        dict.fromkeys(
                            resolver.resolve_type(model, m, field.source, quiet)
                            for m in link.members
                        )
                    )
    return found


def _links(expr: TypeExpr) -> list[Link]:
    return [node for node in walk_type(expr) if isinstance(node, Link)]
