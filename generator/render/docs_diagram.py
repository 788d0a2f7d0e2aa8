"""Mermaid class diagrams of how the models of one docs folder fit together, cut to a readable size.

Each object model points at the models its fields name (`"1"`, `"0..1"` or `"*"` for a list or map), each
union at its members; deprecated models, enums, unions and models of other folders carry a `<<...>>` mark.
Models that name no other model and are named by none are left out. A folder whose connected models exceed
`MAX_NODES` is drawn in several diagrams, and the relationships a cut leaves out are counted in a note.

Only `[A-Za-z0-9_]` identifiers that start with a capital (Mermaid's keywords are lower case), attribute
names and the fixed marks reach the text: nothing from a doc can break out of it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..ir import ArrayOf, MapOf, ModelKey, Ref, Spec, TypeExpr, UnionOf
from .python_view import PyModel, PyPackage

#: The most models one diagram shows; past about thirty boxes a rendered diagram is hard to read.
MAX_NODES = 30
#: The most relationships one diagram draws.
MAX_EDGES = 60
_ID = re.compile(r"[A-Z][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Diagram:
    """Mermaid source (without the fence) and a note saying what a cut left out ("" when nothing)."""

    text: str
    note: str


@dataclass(frozen=True, order=True)
class _Edge:
    source: ModelKey
    order: int
    target: ModelKey
    arrow: str
    multiplicity: str
    label: str


def group_diagrams(
    spec: Spec, py: PyPackage, keys: Sequence[ModelKey]
) -> tuple[list[Diagram], int]:
    """The diagrams of the models `keys` (one docs folder), and how many models no diagram shows."""
    order = {key: py.models[key].dotted for key in py.models}
    edges = sorted(
        (e for key in keys for e in _edges(spec, py.models[key])),
        key=lambda e: (order[e.source], e.order, order[e.target], e.label),
    )
    neighbours: dict[ModelKey, set[ModelKey]] = defaultdict(set)
    for e in edges:
        if e.source != e.target:
            neighbours[e.source].add(e.target)
            neighbours[e.target].add(e.source)
        else:
            neighbours[e.source].add(e.source)
    drawn = [k for k in sorted(keys, key=order.__getitem__) if neighbours[k]]
    pieces: list[list[ModelKey]] = []
    seen: set[ModelKey] = set()
    for start in drawn:
        if start in seen:
            continue
        component = _component(start, neighbours, order)
        seen.update(component)
        pieces.extend(component[i : i + MAX_NODES] for i in range(0, len(component), MAX_NODES))
    batches: list[list[ModelKey]] = []
    for piece in pieces:
        if batches and len(batches[-1]) + len(piece) <= MAX_NODES:
            batches[-1].extend(piece)
        else:
            batches.append(list(piece))
    home = set(keys)
    diagrams = [_diagram(batch, edges, home, py, spec) for batch in batches]
    return diagrams, len(keys) - len(drawn)


def _component(
    start: ModelKey, neighbours: dict[ModelKey, set[ModelKey]], order: dict[ModelKey, str]
) -> list[ModelKey]:
    """The models connected to `start`, breadth first from the most connected one."""
    found = {start}
    todo = [start]
    while todo:
        node = todo.pop()
        for other in neighbours[node]:
            if other not in found:
                found.add(other)
                todo.append(other)
    hub = min(found, key=lambda k: (-len(neighbours[k]), order[k]))
    ordered = [hub]
    placed = {hub}
    for node in ordered:
        for other in sorted(neighbours[node] - placed, key=order.__getitem__):
            placed.add(other)
            ordered.append(other)
    return ordered


def _diagram(
    batch: list[ModelKey], edges: list[_Edge], home: set[ModelKey], py: PyPackage, spec: Spec
) -> Diagram:
    inside = set(batch)
    ids = _ids(batch, py)
    lines = ["classDiagram"]
    for key in batch:
        lines.append(f"  class {ids[key]}")
        mark = _mark(spec, key, key in home)
        if mark:
            lines.append(f"  <<{mark}>> {ids[key]}")
    touching = [e for e in edges if e.source in inside or e.target in inside]
    shown = [e for e in touching if e.source in inside and e.target in inside]
    cut = len(touching) - len(shown)
    extra = max(0, len(shown) - MAX_EDGES)
    for e in shown[:MAX_EDGES]:
        multiplicity = f' "{e.multiplicity}"' if e.multiplicity else ""
        label = f" : {e.label}" if e.label else ""
        lines.append(f"  {ids[e.source]} {e.arrow}{multiplicity} {ids[e.target]}{label}")
    notes = []
    if cut > 0:
        notes.append(f"{cut} relationship{'s' if cut != 1 else ''} to models of other diagrams")
    if extra:
        notes.append(
            f"{extra} relationship{'s' if extra != 1 else ''} past the limit of {MAX_EDGES}"
        )
    note = f"Not drawn here: {' and '.join(notes)} (each model's page lists them)." if notes else ""
    return Diagram("\n".join(lines), note)


def _ids(batch: list[ModelKey], py: PyPackage) -> dict[ModelKey, str]:
    """A Mermaid identifier per model: its class name, made distinct within the diagram."""
    ids: dict[ModelKey, str] = {}
    taken: set[str] = set()
    for n, key in enumerate(batch, start=1):
        name = py.models[key].class_name
        base = name if _ID.fullmatch(name) else f"Model{n}"
        candidate, i = base, 2
        while candidate in taken:
            candidate, i = f"{base}_{i}", i + 1
        taken.add(candidate)
        ids[key] = candidate
    return ids


def _mark(spec: Spec, key: ModelKey, home: bool) -> str:
    model = spec.by_key[key]
    if model.deprecated:
        return "deprecated"
    if not home:
        return "external"
    return {"enum": "enumeration", "union": "union", "alias": "alias"}.get(model.kind, "")


def _edges(spec: Spec, m: PyModel) -> list[_Edge]:
    source = m.model.key
    found: dict[tuple[ModelKey, str], _Edge] = {}
    for i, f in enumerate(m.fields):
        optional = f.field.accepts_null or not f.field.required
        for target, many in _targets(f.field.type, False):
            if target in spec.by_key:
                multiplicity = "*" if many else "0..1" if optional else "1"
                edge = _Edge(source, i, target, "-->", multiplicity, f.name)
                found.setdefault((target, f.name), edge)
    if m.model.kind in ("union", "alias"):
        arrow = "<|.." if m.model.kind == "union" else "..>"
        for i, member in enumerate(m.model.members):
            for target, _ in _targets(member, False):
                if target in spec.by_key:
                    found.setdefault((target, ""), _Edge(source, i, target, arrow, "", ""))
    return list(found.values())


def _targets(expr: TypeExpr, many: bool) -> list[tuple[ModelKey, bool]]:
    """Each model the type names, and whether it is inside a list or map."""
    if isinstance(expr, Ref):
        return [(expr.key, many)]
    if isinstance(expr, ArrayOf):
        return _targets(expr.item, True)
    if isinstance(expr, MapOf):
        return _targets(expr.value, True)
    if isinstance(expr, UnionOf):
        return [t for member in expr.members for t in _targets(member, many)]
    return []
