"""Wire-level comparison: two versions of the types an operation (or a model) reaches, walked by content.

Models are paired by where they are used (the field, item or member that holds them), never by name: SDK
generators reshuffle generated names between versions. Each change is judged by the direction it travels."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from ..ir import (
    ArrayOf,
    Field,
    Link,
    Literal,
    MapOf,
    Model,
    ModelKey,
    Primitive,
    Ref,
    Span,
    Spec,
    TypeExpr,
    UnionOf,
)
from ..ir_json import type_json
from .change import Change, Changes
from .rules import RULES, Direction

#: (narrower, wider): every value of the first kind is a value of the second.
_WIDER = frozenset(
    {
        ("integer", "number"),
        ("integer", "bigint"),
        ("integer", "decimal"),
        ("number", "decimal"),
        ("bigint", "decimal"),
        ("date", "string"),
        ("datetime", "string"),
        ("bigint", "string"),
        ("decimal", "string"),
    }
)


@dataclass(frozen=True)
class Where:
    """Where the walk is: the direction, the operation, the model and field, and their places in the docs."""

    direction: Direction
    operation: str | None
    model: str
    field: str | None
    new_span: Span
    old_span: Span

    def at(self, model: str, field: str | None, new: Span, old: Span) -> Where:
        return replace(self, model=model, field=field, new_span=new, old_span=old)


class WireWalk:
    """Compares what two specs' types mean on the wire, collecting changes."""

    def __init__(self, old: Spec, new: Spec, changes: Changes) -> None:
        self.old = old
        self.new = new
        self.changes = changes
        self.visited: set[tuple[ModelKey, ModelKey, Direction, str | None]] = set()
        #: Every (old, new) pair of models the walks compared.
        self.paired: set[tuple[ModelKey, ModelKey]] = set()
        self.paired_old: set[ModelKey] = set()
        self.paired_new: set[ModelKey] = set()

    def emit(
        self, rule: str, where: Where, old: object, new: object, message: str, on_old: bool = False
    ) -> None:
        spec = RULES[rule]
        self.changes.add(
            Change(
                rule=rule,
                severity=spec.severity(where.direction),
                surface=spec.surface,
                direction=where.direction,
                model=where.model,
                field=where.field,
                old=_text(old),
                new=_text(new),
                span=where.old_span if on_old else where.new_span,
                message=message,
                operations=(where.operation,) if where.operation else (),
            )
        )

    # Types -----------------------------------------------------------------------------------------

    def types(self, old: TypeExpr, new: TypeExpr, where: Where) -> None:
        old_null, old = _split_null(old)
        new_null, new = _split_null(new)
        if old_null and not new_null:
            self.emit("became-non-nullable", where, "null", None, "no longer takes null")
        elif new_null and not old_null:
            self.emit("became-nullable", where, None, "null", "takes null now")
        old_m = self._model(self.old, old)
        new_m = self._model(self.new, new)
        if old_m is not None and new_m is not None:
            self.models(old_m, new_m, where)
            return
        if isinstance(old, ArrayOf) and isinstance(new, ArrayOf):
            self.types(old.item, new.item, _item(where, "[]"))
            return
        if isinstance(old, MapOf) and isinstance(new, MapOf):
            self.types(old.value, new.value, _item(where, "{}"))
            return
        if isinstance(old, UnionOf) or isinstance(new, UnionOf):
            self.unions(_members(self.old, old), _members(self.new, new), where)
            return
        self.scalars(old, old_m, new, new_m, where)

    def scalars(
        self, old: TypeExpr, old_m: Model | None, new: TypeExpr, new_m: Model | None, where: Where
    ) -> None:
        """Primitives, constants and enums (one side may be an enum model)."""
        old_values = _values(old, old_m)
        new_values = _values(new, new_m)
        shown_old, shown_new = show(old, old_m), show(new, new_m)
        if old_values is not None and new_values is not None:
            if isinstance(old, Literal) and isinstance(new, Literal):
                if old.value != new.value:
                    self.emit("const-changed", where, old.value, new.value, "the constant changed")
                return
            self.values(old_values, new_values, where, old_m, new_m)
            return
        if old_values is not None and isinstance(new, Primitive) and _within(old_values, new.kind):
            self.emit(
                "type-widened", where, shown_old, shown_new, "takes any value of its type now"
            )
            return
        if new_values is not None and isinstance(old, Primitive) and _within(new_values, old.kind):
            self.emit("type-narrowed", where, shown_old, shown_new, "takes only listed values now")
            return
        if isinstance(old, Primitive) and isinstance(new, Primitive):
            if old.kind == new.kind:
                return
            if new.kind == "any" or (old.kind, new.kind) in _WIDER:
                self.emit("type-widened", where, old.kind, new.kind, "takes more values now")
            elif old.kind == "any" or (new.kind, old.kind) in _WIDER:
                self.emit("type-narrowed", where, old.kind, new.kind, "takes fewer values now")
            else:
                self.emit("type-changed", where, old.kind, new.kind, "the type changed")
            return
        if isinstance(old, Link) and isinstance(new, Link) and old.text == new.text:
            return
        if isinstance(new, Primitive) and new.kind == "any":
            self.emit("type-widened", where, shown_old, shown_new, "takes any value now")
            return
        if shown_old != shown_new or type(old) is not type(new):
            self.emit("type-changed", where, shown_old, shown_new, "the type changed")

    def values(
        self,
        old: tuple[str | int | float | bool | None, ...],
        new: tuple[str | int | float | bool | None, ...],
        where: Where,
        old_m: Model | None,
        new_m: Model | None,
    ) -> None:
        inner = where
        model = new_m or old_m
        if model is not None:
            # Reported once at the enum, however many fields use it.
            inner = where.at(model.key.name, None, model.source, (old_m or model).source)
        for value in old:
            if value not in new:
                self.emit(
                    "enum-value-removed", inner, value, None, f"the value {value!r} is gone", True
                )
        for value in new:
            if value not in old:
                self.emit("enum-value-added", inner, None, value, f"a new value {value!r}")

    def unions(self, old: list[TypeExpr], new: list[TypeExpr], where: Where) -> None:
        pairs, gone, added = pair_members(self.old, old, self.new, new)
        for o, n in pairs:
            self.types(o, n, where)
        for o in gone:
            self.emit("union-member-removed", where, show(o, None), None, "a member is gone", True)
        for n in added:
            self.emit("union-member-added", where, None, show(n, None), "a new member")

    # Models ----------------------------------------------------------------------------------------

    def models(self, old: Model, new: Model, where: Where) -> None:
        self.paired.add((old.key, new.key))
        self.paired_old.add(old.key)
        self.paired_new.add(new.key)
        mark = (old.key, new.key, where.direction, where.operation)
        if mark in self.visited:
            return
        self.visited.add(mark)
        here = where.at(new.key.name, None, new.source, old.source)
        if old.kind != new.kind:
            if "enum" in (old.kind, new.kind):
                self.scalars(Ref(old.key), old, Ref(new.key), new, where)
            else:
                self.emit(
                    "model-kind-changed", here, old.kind, new.kind, "the kind of model changed"
                )
            return
        self.docs(old, new, here)
        if old.kind == "object":
            self.fields(old.fields, new.fields, here)
        elif old.kind == "enum":
            self.values(_model_values(old), _model_values(new), where, old, new)
        elif old.kind == "union":
            self.unions(list(old.members), list(new.members), here)

    def docs(self, old: Model, new: Model, where: Where) -> None:
        if old.description != new.description:
            self.emit("description-changed", where, old.description, new.description, "docs only")
        if old.deprecated is None and new.deprecated is not None:
            self.emit("deprecated", where, None, new.deprecated.message, "deprecated now")
        elif old.deprecated is not None and new.deprecated is None:
            self.emit("undeprecated", where, old.deprecated.message, None, "no longer deprecated")

    def fields(self, old: tuple[Field, ...], new: tuple[Field, ...], where: Where) -> None:
        old_by = {f.wire_name: f for f in old}
        new_by = {f.wire_name: f for f in new}
        gone = [f for f in old if f.wire_name not in new_by]
        added = [f for f in new if f.wire_name not in old_by]
        for before, after in _renames(gone, added):
            at = where.at(where.model, after.wire_name, after.source, before.source)
            self.emit(
                "field-renamed", at, before.wire_name, after.wire_name, "the wire name changed"
            )
            gone.remove(before)
            added.remove(after)
            self.field(before, after, at)
        for before in gone:
            at = where.at(where.model, before.wire_name, before.source, before.source)
            rule = "deprecated-field-removed" if before.deprecated else "field-removed"
            self.emit(rule, at, show(before.type, None), None, "the field is gone", True)
        for after in added:
            at = where.at(where.model, after.wire_name, after.source, after.source)
            rule = "required-field-added" if after.required else "optional-field-added"
            self.emit(rule, at, None, show(after.type, None), "a new field")
        for before in old:
            after_field = new_by.get(before.wire_name)
            if after_field is not None:
                at = where.at(where.model, after_field.wire_name, after_field.source, before.source)
                self.field(before, after_field, at)

    def field(self, old: Field, new: Field, where: Where) -> None:
        if old.required and not new.required:
            self.emit("became-optional", where, "required", "optional", "not required now")
        elif new.required and not old.required:
            self.emit("became-required", where, "optional", "required", "required now")
        if old.nullable is not True and new.nullable is True:
            self.emit("became-nullable", where, old.nullable, True, "takes null now")
        elif old.nullable is True and new.nullable is False:
            self.emit("became-non-nullable", where, True, False, "no longer takes null")
        if (old.has_const, old.const) != (new.has_const, new.const) and old.has_const:
            self.emit(
                "const-changed", where, _json(old.const), _json(new.const), "the constant changed"
            )
        if (old.has_default, old.default) != (new.has_default, new.default):
            self.emit(
                "default-changed",
                where,
                _json(old.default),
                _json(new.default),
                "the default changed",
            )
        if old.description != new.description:
            self.emit("description-changed", where, old.description, new.description, "docs only")
        if (old.example or "") != (new.example or ""):
            self.emit("example-changed", where, old.example, new.example, "docs only")
        if old.deprecated is None and new.deprecated is not None:
            self.emit("deprecated", where, None, new.deprecated.message, "deprecated now")
        elif old.deprecated is not None and new.deprecated is None:
            self.emit("undeprecated", where, old.deprecated.message, None, "no longer deprecated")
        self.types(old.type, new.type, where)

    @staticmethod
    def _model(spec: Spec, expr: TypeExpr) -> Model | None:
        if isinstance(expr, Ref):
            model = spec.by_key.get(expr.key)
            if model is not None and model.kind == "alias" and len(model.members) == 1:
                return WireWalk._model(spec, model.members[0])
            return model
        return None


def _item(where: Where, suffix: str) -> Where:
    return replace(where, field=f"{where.field or ''}{suffix}")


def _split_null(expr: TypeExpr) -> tuple[bool, TypeExpr]:
    """Whether a union takes null, and the union without its null members."""
    if not isinstance(expr, UnionOf):
        return False, expr
    rest = tuple(
        m
        for m in expr.members
        if not (isinstance(m, Primitive) and m.kind == "null")
        and not (isinstance(m, Literal) and m.value is None)
    )
    if len(rest) == len(expr.members):
        return False, expr
    return True, rest[0] if len(rest) == 1 else UnionOf(rest)


def _members(spec: Spec, expr: TypeExpr) -> list[TypeExpr]:
    if isinstance(expr, UnionOf):
        return list(expr.members)
    if isinstance(expr, Ref):
        model = spec.by_key.get(expr.key)
        if model is not None and model.kind == "union":
            return list(model.members)
    return [expr]


def _values(
    expr: TypeExpr, model: Model | None
) -> tuple[str | int | float | bool | None, ...] | None:
    if isinstance(expr, Literal):
        return (expr.value,)
    if model is not None and model.kind == "enum":
        return _model_values(model)
    return None


def _model_values(model: Model) -> tuple[str | int | float | bool | None, ...]:
    return tuple(v.value for v in model.values)


def _within(values: tuple[str | int | float | bool | None, ...], kind: str) -> bool:
    """Whether every one of the values is a value of the primitive kind."""
    base = _base(values)
    return kind in ("any", base) or (base, kind) in _WIDER


def _base(values: tuple[str | int | float | bool | None, ...]) -> str:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "number"
    return "string"


def show(expr: TypeExpr, model: Model | None) -> str:
    """A short, stable text for a type (model names as the docs give them)."""
    if model is not None:
        return model.key.name
    if isinstance(expr, Primitive):
        return expr.kind
    if isinstance(expr, Ref):
        return expr.key.name
    if isinstance(expr, Link):
        return expr.text
    if isinstance(expr, ArrayOf):
        return f"array<{show(expr.item, None)}>"
    if isinstance(expr, MapOf):
        return f"map<{show(expr.value, None)}>"
    if isinstance(expr, UnionOf):
        return " | ".join(show(m, None) for m in expr.members)
    return json.dumps(expr.value)


def _features(spec: Spec, expr: TypeExpr) -> tuple[str, frozenset[str], str]:
    """What a union member looks like: its kind, its features (field names, and the values of fields that
    take one to three values: the tags that tell members apart) and its name."""
    if isinstance(expr, Ref):
        model = spec.by_key.get(expr.key)
        if model is None:
            return ("ref", frozenset({expr.key.name}), expr.key.name)
        if model.kind == "object":
            features = {f.wire_name for f in model.fields}
            for f in model.fields:
                features.update(f"{f.wire_name}={v}" for v in _tags(spec, f.type))
            return ("object", frozenset(features), model.key.name)
        if model.kind == "enum":
            return ("enum", frozenset(str(v.value) for v in model.values), model.key.name)
        return (model.kind, frozenset({model.key.name}), model.key.name)
    if isinstance(expr, ArrayOf):
        kind, inner, name = _features(spec, expr.item)
        return ("array:" + kind, inner, name)
    if isinstance(expr, MapOf):
        kind, inner, name = _features(spec, expr.value)
        return ("map:" + kind, inner, name)
    return (show(expr, None), frozenset(), "")


def _tags(spec: Spec, expr: TypeExpr) -> tuple[object, ...]:
    if isinstance(expr, Literal):
        return (expr.value,)
    if isinstance(expr, Ref):
        model = spec.by_key.get(expr.key)
        if model is not None and model.kind == "enum" and len(model.values) <= 3:
            return tuple(v.value for v in model.values)
    return ()


def pair_members(
    old_spec: Spec, old: list[TypeExpr], new_spec: Spec, new: list[TypeExpr]
) -> tuple[list[tuple[TypeExpr, TypeExpr]], list[TypeExpr], list[TypeExpr]]:
    """Members paired by what they look like: the most features in common first (a shared name counts too);
    the members left over were removed or added."""
    old_f = [_features(old_spec, m) for m in old]
    new_f = [_features(new_spec, m) for m in new]
    scored: list[tuple[float, int, int]] = []
    for i, (kind, features, name) in enumerate(old_f):
        for j, (other_kind, other, other_name) in enumerate(new_f):
            if kind != other_kind:
                continue
            score = len(features & other) / len(features | other) if features or other else 1.0
            if name and name == other_name:
                score += 0.5
            if score >= 0.5:
                scored.append((-score, i, j))
    scored.sort()
    pairs: list[tuple[TypeExpr, TypeExpr]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, i, j in scored:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old[i], new[j]))
    gone = [m for i, m in enumerate(old) if i not in used_old]
    added = [m for j, m in enumerate(new) if j not in used_new]
    if len(gone) == 1 and len(added) == 1 and not pairs:
        return [(gone[0], added[0])], [], []
    return pairs, gone, added


def _renames(gone: list[Field], added: list[Field]) -> list[tuple[Field, Field]]:
    """Fields removed and added with the same type and the same (non-empty) description: renamed."""
    found: list[tuple[Field, Field]] = []
    taken: set[int] = set()
    for before in gone:
        for index, after in enumerate(added):
            if index in taken:
                continue
            if (
                before.description
                and before.description == after.description
                and type_json(before.type) == type_json(after.type)
            ):
                found.append((before, after))
                taken.add(index)
                break
    return found


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
