"""Shared by the union tests: generate docs in every reading target, make payloads, compare what each reads."""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any

from hypothesis import strategies as st

from generator.ir import (
    ArrayOf,
    JSONValue,
    Literal,
    MapOf,
    ModelKey,
    Primitive,
    Ref,
    Spec,
    TypeExpr,
    UnionOf,
    walk_type,
)
from generator.render.python_view import PyStyle, python_package
from generator.render.targets import load_target
from tests.helpers import generate

#: The targets whose runtime reads wire data (TypedDict holds JSON as it is: nothing to choose).
READING_TARGETS = ("dataclasses", "attrs", "pydantic", "msgspec")


@dataclass
class Generated:
    """One doc set generated in every reading target: each package's runtime and the types by model name."""

    spec: Spec
    runtimes: dict[str, ModuleType]
    types: dict[str, dict[str, Any]]


@contextmanager
def generated_everywhere(docs: Path, out: Path, prefix: str) -> Iterator[Generated]:
    """`docs` generated into `out` once per reading target, imported; forgotten again afterwards."""
    runtimes: dict[str, ModuleType] = {}
    types: dict[str, dict[str, Any]] = {}
    spec: Spec | None = None
    packages = []
    for target in READING_TARGETS:
        package = f"{prefix}_{target}"
        folder = out / target
        spec = generate(docs, folder, target=target, package=package, outputs=("models",))
        sys.path.insert(0, str(folder))
        packages.append((folder, package))
        style = PyStyle.from_options(load_target(target, None).python)
        py = python_package(spec, style)
        runtimes[target] = importlib.import_module(f"{package}.runtime")
        types[target] = {
            str(key): getattr(importlib.import_module(f"{package}.{m.dotted}"), m.class_name)
            for key, m in py.models.items()
        }
    assert spec is not None
    try:
        yield Generated(spec, runtimes, types)
    finally:
        for folder, package in packages:
            sys.path.remove(str(folder))
            for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
                del sys.modules[name]


def union_docs(spec: Spec, docs: Path, out: Path) -> list[ModelKey]:
    """Copy below `out` the docs of `spec`'s union models and of every model they reach (read from `docs`),
    keeping their paths (so their keys); returns the union models' keys."""
    unions = [m.key for m in spec.models if m.kind == "union"]
    todo, seen = list(unions), set()
    while todo:
        key = todo.pop()
        if key in seen or key not in spec.by_key:
            continue
        seen.add(key)
        model = spec.by_key[key]
        for expr in [f.type for f in model.fields] + list(model.members):
            todo.extend(part.key for part in walk_type(expr) if isinstance(part, Ref))
    for path in sorted({Path(spec.by_key[key].source.path) for key in seen}):
        target = out / path.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return unions


def agreements(
    generated: Generated, cases: list[tuple[str, JSONValue]]
) -> tuple[list[str], list[str]]:
    """Each case's outcome ("ok" or an agreed "error"), and every disagreement between targets, described."""
    outcomes, disagreements = [], []
    for model, payload in cases:
        try:
            outcomes.append(assert_agree(generated, model, payload))
        except AssertionError as exc:
            disagreements.append(f"{model}: {str(exc)[:600]}")
    return outcomes, disagreements


def shape(value: Any) -> Any:
    """What was read, as plain data every target can be compared by: class names and value kinds."""
    fields = _fields(value)
    if fields is not None:
        stored = getattr(value, "__dict__", {})
        return (
            type(value).__name__,
            {wire: shape(stored[a] if a in stored else getattr(value, a)) for wire, a in fields},
        )
    if isinstance(value, list):
        return [shape(v) for v in value]
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return (type(value).__name__, value.value)
    for kind in (bool, int, float, str, bytes, datetime, date, Decimal):
        if isinstance(value, kind):
            return kind.__name__
    return repr(value)


def _fields(value: Any) -> list[tuple[str, str]] | None:
    """A model's (wire name, attribute) pairs in any target; None for a value that is no model."""
    struct_fields = getattr(type(value), "__struct_encode_fields__", None)
    if struct_fields is not None:  # msgspec
        return list(zip(struct_fields, type(value).__struct_fields__, strict=True))
    model_fields = getattr(type(value), "model_fields", None)
    if isinstance(model_fields, dict):  # pydantic
        return [(f.alias or name, name) for name, f in model_fields.items()]
    attrs_fields = getattr(type(value), "__attrs_attrs__", None)
    if attrs_fields is not None:
        return [(a.metadata.get("wire", a.name), a.name) for a in attrs_fields]
    dataclass_fields = getattr(type(value), "__dataclass_fields__", None)
    if dataclass_fields is not None:
        return [(f.metadata.get("wire", name), name) for name, f in dataclass_fields.items()]
    return None


def read_everywhere(
    generated: Generated, model: str, payload: JSONValue
) -> dict[str, tuple[str, Any]]:
    """Each target's reading of `payload` as `model`: ("ok", (shape, written back)) or ("error", message)."""
    found: dict[str, tuple[str, Any]] = {}
    for target, runtime in generated.runtimes.items():
        tp = generated.types[target][model]
        try:
            value = runtime.read(tp, payload)
        except runtime.ValidationError as exc:
            found[target] = ("error", str(exc))
        else:
            found[target] = ("ok", (shape(value), runtime.write(value)))
    return found


def assert_agree(generated: Generated, model: str, payload: JSONValue) -> str:
    """Every target reads `payload` the same way and writes back every key it was given; returns the outcome."""
    readings = read_everywhere(generated, model, payload)
    outcomes = {target: found[0] for target, found in readings.items()}
    assert len(set(outcomes.values())) == 1, (model, payload, readings)
    if outcomes["dataclasses"] == "error":
        return "error"
    shapes = {target: found[1][0] for target, found in readings.items()}
    first = shapes["dataclasses"]
    assert all(s == first for s in shapes.values()), (model, payload, shapes)
    for target, found in readings.items():
        assert found[1][1] == payload, (target, model, payload, found[1][1])
    return "ok"


# --- payloads ------------------------------------------------------------------------------

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
_DATETIMES = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda d: d.replace(microsecond=0).isoformat() + "Z"
)
_PRIMITIVES: dict[str, st.SearchStrategy[JSONValue]] = {
    "string": _TEXT,
    "integer": st.integers(-(2**31), 2**31),
    "bigint": st.integers(-(2**53), 2**53),
    "number": st.floats(allow_nan=False, allow_infinity=False, width=32).map(float),
    "boolean": st.booleans(),
    "any": st.none() | st.integers() | _TEXT,
    "bytes": st.sampled_from(["", "ZXhhbXBsZQ=="]),
    "date": st.dates(min_value=date(1970, 1, 1)).map(lambda d: d.isoformat()),
    "datetime": _DATETIMES,
    "decimal": st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    "null": st.none(),
}


def payloads(spec: Spec, expr: TypeExpr, depth: int = 3) -> st.SearchStrategy[JSONValue]:
    """Wire values of a type, as an API could send them: every declared key, no undeclared one."""
    if isinstance(expr, Primitive):
        return _PRIMITIVES[expr.kind]
    if isinstance(expr, Literal):
        return st.just(expr.value)
    if isinstance(expr, ArrayOf):
        if depth <= 0:
            return st.just([])
        return st.lists(payloads(spec, expr.item, depth - 1), max_size=2)
    if isinstance(expr, MapOf):
        if depth <= 0:
            return st.just({})
        return st.dictionaries(_TEXT, payloads(spec, expr.value, depth - 1), max_size=2)
    if isinstance(expr, UnionOf):
        return st.one_of(*(payloads(spec, m, depth) for m in expr.members))
    if isinstance(expr, Ref):
        model = spec.by_key[expr.key]
        if model.kind == "enum":
            return st.sampled_from([v.value for v in model.values])
        if model.kind in ("union", "alias"):
            return st.one_of(*(payloads(spec, m, depth) for m in model.members))
        required = {
            f.wire_name: payloads(spec, f.type, depth - 1) for f in model.fields if f.required
        }
        optional = {
            f.wire_name: payloads(spec, f.type, depth - 1)
            for f in model.fields
            if not f.required and depth > 0
        }
        return st.fixed_dictionaries(required, optional=optional)
    raise TypeError(f"unresolved type {expr!r}")
