"""Compare two versions: operation by operation where operation pages list them, then model by model."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..ir import Field, Model, ModelKey, Ref, Spec, TypeExpr
from .change import Change, Changes, Operation, Parameter
from .python_api import PythonApi
from .rules import Direction
from .wire import Where, WireWalk, pair_members, show


@dataclass(frozen=True)
class Side:
    """One version: its IR, the operations its operation pages list, and the facts that set directions."""

    spec: Spec
    operations: tuple[Operation, ...] = ()
    #: Directions the OpenAPI document gives models (by key), when one was given.
    directions: tuple[tuple[ModelKey, Direction], ...] = ()


def compare(old: Side, new: Side, python: PythonApi | None = None) -> list[Change]:
    """Every change from `old` to `new`, in a stable order."""
    changes = Changes()
    walk = WireWalk(old.spec, new.spec, changes)
    _operations(old, new, walk)
    _models_by_name(old, new, walk)
    if python is not None:
        python.compare(old.spec, new.spec, changes, walk.paired)
    return sorted(changes.items.values(), key=Change.sort_key)


def _operations(old: Side, new: Side, walk: WireWalk) -> None:
    old_ops = {op.name: op for op in old.operations}
    new_ops = {op.name: op for op in new.operations}
    for name, before in old_ops.items():
        after = new_ops.get(name)
        where = Where("both", name, f"{name}()", None, before.source, before.source)
        if after is None:
            rule = "deprecated-operation-removed" if before.deprecated else "operation-removed"
            walk.emit(rule, where, name, None, "the operation is gone", on_old=True)
            continue
        where = replace(where, new_span=after.source)
        if after.deprecated and not before.deprecated:
            walk.emit("operation-deprecated", where, None, name, "the operation is deprecated now")
        _request(before, after, replace(where, direction="request"), walk)
        if before.response is not None and after.response is not None:
            walk.types(before.response, after.response, replace(where, direction="response"))
        _errors(before, after, replace(where, direction="response"), walk)
    for name, after in new_ops.items():
        if name not in old_ops:
            where = Where("both", name, f"{name}()", None, after.source, after.source)
            walk.emit("operation-added", where, None, name, "a new operation")


def _request(before: Operation, after: Operation, where: Where, walk: WireWalk) -> None:
    if before.request is not None and after.request is not None:
        walk.types(before.request, after.request, where)
        return
    if (before.keyword_style and after.request is not None) or (
        after.keyword_style and before.request is not None
    ):
        old = "keyword parameters" if before.keyword_style else "request="
        new = "keyword parameters" if after.keyword_style else "request="
        walk.emit("request-style-changed", where, old, new, "the method is called differently now")
        return
    # One side takes nothing: what the other sends is all added (or all gone).
    walk.fields(_sent(walk.old, before), _sent(walk.new, after), where)


def _sent(spec: Spec, operation: Operation) -> tuple[Field, ...]:
    if operation.request is None:
        return _fields(operation.parameters)
    model = spec.by_key.get(operation.request.key) if isinstance(operation.request, Ref) else None
    return model.fields if model is not None else ()


def _fields(parameters: tuple[Parameter, ...]) -> tuple[Field, ...]:
    return tuple(
        Field(
            name=p.name,
            wire_name=p.name,
            type=p.type,
            required=p.required,
            nullable=p.nullable,
            description=p.description,
            source=p.source,
        )
        for p in parameters
    )


def _errors(before: Operation, after: Operation, where: Where, walk: WireWalk) -> None:
    """Error types paired by name, then by shape (generated names move); each pair compared as a response."""
    old_by = {_name(e): e for e in before.errors}
    new_by = {_name(e): e for e in after.errors}
    for name in sorted(old_by.keys() & new_by.keys()):
        walk.types(old_by[name], new_by[name], where)
    old_left = [e for n, e in sorted(old_by.items()) if n not in new_by]
    new_left = [e for n, e in sorted(new_by.items()) if n not in old_by]
    pairs, gone, added = pair_members(walk.old, old_left, walk.new, new_left)
    for old, new in pairs:
        walk.types(old, new, where)
    for expr in added:
        walk.emit("error-added", where, None, _name(expr), "the operation raises a new error type")
    for expr in gone:
        walk.emit(
            "error-removed",
            where,
            _name(expr),
            None,
            "the operation no longer lists this error type",
        )


def _name(expr: TypeExpr) -> str:
    return show(expr, None)


def _models_by_name(old: Side, new: Side, walk: WireWalk) -> None:
    """Models no operation reached, paired by name; removals only where no operation page says more."""
    has_operations = bool(old.operations or new.operations)
    old_dirs = dict(old.directions)
    new_dirs = dict(new.directions)
    moved = _moved(old.spec, new.spec)

    def direction_of(key: ModelKey) -> Direction:
        return new_dirs.get(key) or old_dirs.get(key) or by_name(key.name)

    # Models with a direction first, so that the models they reach are judged in it (and not as `both`).
    ordered = sorted(old.spec.models, key=lambda m: (direction_of(m.key) == "both", m.key))
    for model in ordered:
        if model.key in walk.paired_old:
            continue
        after = new.spec.by_key.get(model.key) or moved.get(model.key)
        direction = direction_of(model.key)
        where = Where(direction, None, model.key.name, None, model.source, model.source)
        if after is None:
            if not has_operations:
                rule = "deprecated-model-removed" if model.deprecated else "model-removed"
                walk.emit(rule, where, model.key.name, None, "the model is gone", on_old=True)
            continue
        if after.key in walk.paired_new:
            continue
        walk.models(model, after, replace(where, new_span=after.source))
    if not has_operations:
        arrived = set(moved.values())
        for model in new.spec.models:
            if model.key not in old.spec.by_key and model not in arrived:
                where = Where("both", None, model.key.name, None, model.source, model.source)
                walk.emit("model-added", where, None, model.key.name, "a new model")


def _moved(old: Spec, new: Spec) -> dict[ModelKey, Model]:
    """Models whose doc moved to another folder: the only one of their name gone and the only one come."""
    gone: dict[str, list[ModelKey]] = {}
    come: dict[str, list[Model]] = {}
    for model in old.models:
        if model.key not in new.by_key:
            gone.setdefault(model.key.name, []).append(model.key)
    for model in new.models:
        if model.key not in old.by_key:
            come.setdefault(model.key.name, []).append(model)
    return {
        keys[0]: come[name][0]
        for name, keys in gone.items()
        if len(keys) == 1 and len(come.get(name, ())) == 1
    }


def by_name(name: str) -> Direction:
    """A model's direction from its name, the last resort (`...Request`, `...RequestBody`, `...Response`)."""
    lower = name.lower()
    if lower.endswith(("request", "requestbody", "params", "parameters", "input")):
        return "request"
    if lower.endswith(("response", "responsebody", "result", "output")):
        return "response"
    return "both"
