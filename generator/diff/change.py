"""One finding of `docmodels diff`, and the operations read from an SDK's operation pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ir import Span, TypeExpr
from .rules import Direction, Severity, Surface


@dataclass(frozen=True)
class Change:
    """A classified change: the rule, where it is (new side; old side for removals) and what it touches."""

    rule: str
    severity: Severity
    surface: Surface
    direction: Direction
    model: str
    field: str | None
    old: str | None
    new: str | None
    span: Span
    message: str
    operations: tuple[str, ...] = ()

    @property
    def breaking(self) -> bool:
        return self.severity == "breaking"

    def sort_key(self) -> tuple[object, ...]:
        return (self.model, self.field or "", self.rule, self.old or "", self.new or "", self.span)


@dataclass(frozen=True)
class Operation:
    """An SDK method as its operation page lists it: what it sends and what it returns."""

    #: `resource.method` as the page's example calls it (`users.update`).
    name: str
    source: Span
    deprecated: bool
    #: The request: one model (`request=`), or the keyword parameters (name, type, required, span).
    request: TypeExpr | None
    parameters: tuple[Parameter, ...] = ()
    response: TypeExpr | None = None
    errors: tuple[TypeExpr, ...] = ()

    @property
    def keyword_style(self) -> bool:
        return self.request is None and bool(self.parameters)


@dataclass(frozen=True)
class Parameter:
    name: str
    type: TypeExpr
    required: bool
    nullable: bool | None
    description: str
    source: Span


@dataclass
class Changes:
    """Findings collected during one comparison, merged where the same change is reached twice."""

    items: dict[tuple[object, ...], Change] = field(default_factory=dict)

    def add(self, change: Change) -> None:
        key = (change.rule, change.surface, change.model, change.field, change.old, change.new)
        found = self.items.get(key)
        if found is None:
            self.items[key] = change
            return
        self.items[key] = merge(found, change)


def merge(a: Change, b: Change) -> Change:
    """One change reached from two places: the union of its directions and operations, the worse severity."""
    from dataclasses import replace

    from .rules import RANK

    direction: Direction = a.direction if a.direction == b.direction else "both"
    severity = a.severity if RANK[a.severity] >= RANK[b.severity] else b.severity
    operations = tuple(sorted(set(a.operations) | set(b.operations)))
    return replace(a, direction=direction, severity=severity, operations=operations)
