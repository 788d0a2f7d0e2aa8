"""Replace every `Link` of the draft models by a `Ref` to the model it names: by path first, then by name.

A link or name that leads to no model costs only that field or member: it is typed `any`, with a warning at
its cell that names what was not found and the closest names that exist."""

from __future__ import annotations

import difflib
import posixpath
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from ..diagnostics import Collector
from ..ir import (
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
from .dialects.base import qualified_tail

_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


_ANY = Primitive("any")


class Resolver:
    """Knows every model of a run by doc path and by title, and the docs that were skipped (with why)."""

    def __init__(self, models: list[Model], skipped: Mapping[str, str] | None = None) -> None:
        self.skipped = dict(skipped or {})
        self._sorted_titles: list[str] | None = None
        #: The docs that gave no model, by file stem: a type named after one names a skipped doc.
        self.skipped_stems: dict[str, list[str]] = defaultdict(list)
        for path in sorted(self.skipped):
            stem = posixpath.splitext(posixpath.basename(path))[0].lower()
            self.skipped_stems[stem].append(path)
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
        degraded = dict(model.degraded_members)
        members = []
        for index, member in enumerate(model.members):
            lost: list[str] = []
            members.append(self._member(model, member, out, lost))
            if lost and index not in degraded:
                degraded[index] = "; ".join(lost)
        if _same(fields, model.fields) and _same(tuple(members), model.members):
            return model
        return replace(
            model,
            fields=fields,
            members=tuple(members),
            degraded_members=tuple(sorted(degraded.items())),
        )

    def _member(self, model: Model, member: TypeExpr, out: Collector, lost: list[str]) -> TypeExpr:
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
                    f"union member `{member.text}` names no model (a display name?): read as any"
                    + self._suggest(member.text),
                )
                lost.append(f"member `{member.text}` names no model")
                return _ANY
        return self.resolve_type(model, member, model.source, out, lost)

    def _field(self, model: Model, field: Field, out: Collector) -> Field:
        lost: list[str] = []
        resolved = self.resolve_type(model, field.type, field.source, out, lost)
        if resolved is field.type:
            return field
        if lost and not field.degraded:
            return replace(field, type=resolved, degraded="; ".join(lost))
        return replace(field, type=resolved)

    def resolve_type(
        self,
        model: Model,
        expr: TypeExpr,
        span: Span,
        out: Collector,
        lost: list[str] | None = None,
    ) -> TypeExpr:
        """The type with its links resolved: the same object when it holds no link.

        A link that leads to no model is `any`; `lost`, when given, receives what was not found."""
        if isinstance(expr, Link):
            return self.resolve_link(model, expr, span, out, lost)
        if isinstance(expr, ArrayOf):
            item = self.resolve_type(model, expr.item, span, out, lost)
            return expr if item is expr.item else ArrayOf(item)
        if isinstance(expr, MapOf):
            value = self.resolve_type(model, expr.value, span, out, lost)
            return expr if value is expr.value else MapOf(value)
        if isinstance(expr, UnionOf):
            members = tuple(self.resolve_type(model, m, span, out, lost) for m in expr.members)
            return expr if _same(members, expr.members) else UnionOf(members)
        return expr

    def resolve_link(
        self, model: Model, link: Link, span: Span, out: Collector, lost: list[str] | None = None
    ) -> TypeExpr:
        """The model a link names, or `any` with a warning (DM200, DM201, DM202) when it names none."""
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
            why = self.skipped.get(target)
            if why is not None:
                message = f"link to `{link.href}`: that doc was skipped ({why}): typed any"
            else:
                message = f"link to `{link.href}`: no such doc was read: typed any" + self._suggest(
                    link.text or posixpath.splitext(posixpath.basename(target))[0]
                )
            out.warning(span, "DM200", message)
            if lost is not None:
                lost.append(f"link to `{link.href}` leads to no model")
            return _ANY
        found = self._by_name(model, link.text)
        if isinstance(found, Ref):
            return found
        out.warning(span, found[0], found[1])
        if lost is not None:
            lost.append(
                f"type `{link.text}` names {'no' if found[0] == 'DM201' else 'no single'} model"
            )
        return _ANY

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
            candidates = _nearest(model, candidates)
        if len(candidates) == 1:
            return Ref(candidates[0].key)
        if not candidates:
            return ("DM201", f"type `{text}` matches no model: typed any" + self._why(name))
        where = ", ".join(sorted(m.doc_path for m in candidates))
        return (
            "DM202",
            f"type `{text}` matches several models ({where}), none nearer than the others: typed any "
            "(link the doc, or qualify the name)",
        )

    def _titles(self) -> list[str]:
        """Every model title, sorted (made once, on the first name that matches no model)."""
        if self._sorted_titles is None:
            self._sorted_titles = sorted({m.title for g in self.by_name.values() for m in g})
        return self._sorted_titles

    def _why(self, name: str) -> str:
        """Why a name matches no model: the doc of that name was skipped, or the closest names."""
        paths = self.skipped_stems.get(name.lower())
        if paths:
            return f" (its doc {paths[0]} was skipped: {self.skipped[paths[0]]})"
        return self._suggest(name)

    def _suggest(self, text: str) -> str:
        """`; did you mean `X`?` with the model titles closest to the name in `text`, or nothing."""
        name = qualified_tail(text) if text else ""
        if not name:
            return ""
        titles = self._titles()
        close = difflib.get_close_matches(name, titles, 3, 0.75)
        if not close:
            folded = {t.lower(): t for t in titles}
            close = [
                folded[c] for c in difflib.get_close_matches(name.lower(), list(folded), 3, 0.75)
            ]
        if not close:
            return ""
        return "; did you mean " + " or ".join(f"`{c}`" for c in close) + "?"


def _nearest(model: Model, candidates: list[Model]) -> list[Model]:
    """The candidates whose folder is nearest the model's: the longest shared folder path wins."""
    here = model.key.namespace.split("/") if model.key.namespace else []

    def shared(other: Model) -> int:
        there = other.key.namespace.split("/") if other.key.namespace else []
        count = 0
        for a, b in zip(here, there, strict=False):
            if a != b:
                break
            count += 1
        # The same folder beats a folder below it that shares as much.
        return count * 2 + (len(there) == count)

    best = max(shared(m) for m in candidates)
    return [m for m in candidates if shared(m) == best]


def _same(new: tuple[object, ...], old: tuple[object, ...]) -> bool:
    """Whether each item of `new` is the very object at its place in `old`."""
    return all(a is b for a, b in zip(new, old, strict=True))


def resolve(
    models: list[Model], out: Collector, skipped: Mapping[str, str] | None = None
) -> list[Model]:
    """The models with every link resolved; `skipped` maps the docs read but skipped to why (a code)."""
    resolver = Resolver(models, skipped)
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
    return replace(model, members=(_ANY,))


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
